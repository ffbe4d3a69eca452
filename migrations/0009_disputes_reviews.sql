CREATE TABLE `disputes` (
	`id` text PRIMARY KEY NOT NULL,
	`contract_id` text NOT NULL,
	`milestone_id` text NOT NULL,
	`opened_by` text NOT NULL,
	`opener_role` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`reason` text NOT NULL,
	`evidence` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`response_due_at` integer NOT NULL,
	`response_statement` text,
	`response_evidence` text,
	`responded_by` text,
	`responded_at` integer,
	`decision_due_at` integer,
	`outcome` text,
	`freelancer_percent` integer,
	`released_amount` integer,
	`refunded_amount` integer,
	`resolution_note` text,
	`resolved_by` text,
	`resolved_by_default` integer DEFAULT false NOT NULL,
	`resolved_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "disputes_percent_range" CHECK("disputes"."freelancer_percent" is null or ("disputes"."freelancer_percent" between 0 and 100))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `disputes_open_milestone_unique` ON `disputes` (`milestone_id`) WHERE status in ('open', 'answered');--> statement-breakpoint
CREATE INDEX `disputes_contract_idx` ON `disputes` (`contract_id`,`id`);--> statement-breakpoint
CREATE INDEX `disputes_status_idx` ON `disputes` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `disputes_response_due_idx` ON `disputes` (`status`,`response_due_at`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`contract_id` text NOT NULL,
	`author_id` text NOT NULL,
	`subject_id` text NOT NULL,
	`author_role` text NOT NULL,
	`rating` integer NOT NULL,
	`skill_ratings` text NOT NULL,
	`comment` text NOT NULL,
	`private_note` text,
	`published_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "reviews_rating_range" CHECK("reviews"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_contract_author_unique` ON `reviews` (`contract_id`,`author_id`);--> statement-breakpoint
CREATE INDEX `reviews_subject_idx` ON `reviews` (`subject_id`,`id`);--> statement-breakpoint
-- A disputed milestone is frozen (docs/decisions/016-disputes-and-reviews.md): no money moves for it and its
-- status stays put until the dispute is resolved. The resolving batch marks the dispute resolved first.
CREATE TRIGGER `disputes_freeze_ledger` BEFORE INSERT ON `ledger_transactions`
WHEN NEW.`milestone_id` IS NOT NULL AND EXISTS (
	SELECT 1 FROM `disputes` WHERE `milestone_id` = NEW.`milestone_id` AND `status` IN ('open', 'answered')
)
BEGIN
	SELECT RAISE(ABORT, 'milestone_disputed: the milestone is under dispute');
END;
--> statement-breakpoint
CREATE TRIGGER `disputes_freeze_milestone` BEFORE UPDATE OF `status` ON `milestones`
WHEN NEW.`status` <> OLD.`status` AND EXISTS (
	SELECT 1 FROM `disputes` WHERE `milestone_id` = NEW.`id` AND `status` IN ('open', 'answered')
)
BEGIN
	SELECT RAISE(ABORT, 'milestone_disputed: the milestone is under dispute');
END;
