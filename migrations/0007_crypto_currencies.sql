CREATE TABLE `exchange_rates` (
	`base` text NOT NULL,
	`quote` text NOT NULL,
	`rate` text NOT NULL,
	`fetched_at` integer NOT NULL,
	`source` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`base`, `quote`)
);
--> statement-breakpoint
CREATE TABLE `crypto_transfers` (
	`id` text PRIMARY KEY NOT NULL,
	`chain_id` integer NOT NULL,
	`tx_hash` text NOT NULL,
	`payment_id` text NOT NULL,
	`milestone_id` text NOT NULL,
	`token_address` text NOT NULL,
	`to_address` text NOT NULL,
	`amount` text NOT NULL,
	`block_number` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `crypto_transfers_tx_unique` ON `crypto_transfers` (`chain_id`,`tx_hash`);--> statement-breakpoint
CREATE INDEX `crypto_transfers_payment_idx` ON `crypto_transfers` (`payment_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `preferred_currency` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `paid_currency` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `paid_amount` integer;--> statement-breakpoint
ALTER TABLE `payments` ADD `exchange_rate` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `rate_fetched_at` integer;
