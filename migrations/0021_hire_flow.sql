CREATE TABLE `proposal_events` (
	`id` text PRIMARY KEY NOT NULL,
	`proposal_id` text NOT NULL,
	`type` text NOT NULL,
	`actor_id` text,
	`data` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `proposal_events_proposal_idx` ON `proposal_events` (`proposal_id`,`created_at`,`id`);--> statement-breakpoint
ALTER TABLE `contracts` ADD `title` text;--> statement-breakpoint
ALTER TABLE `contracts` ADD `offer_message` text;