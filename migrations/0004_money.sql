CREATE TABLE `contract_events` (
	`id` text PRIMARY KEY NOT NULL,
	`contract_id` text NOT NULL,
	`milestone_id` text,
	`type` text NOT NULL,
	`actor_id` text,
	`data` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contract_events_contract_idx` ON `contract_events` (`contract_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`transaction_id` text NOT NULL,
	`account` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`transaction_id`) REFERENCES `ledger_transactions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ledger_entries_amount_nonzero" CHECK("ledger_entries"."amount" <> 0)
);
--> statement-breakpoint
CREATE INDEX `ledger_entries_account_idx` ON `ledger_entries` (`account`,`currency`,`id`);--> statement-breakpoint
CREATE INDEX `ledger_entries_transaction_idx` ON `ledger_entries` (`transaction_id`);--> statement-breakpoint
CREATE TABLE `ledger_transactions` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`contract_id` text,
	`milestone_id` text,
	`currency` text NOT NULL,
	`actor_id` text,
	`memo` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_transactions_idempotency_unique` ON `ledger_transactions` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `ledger_transactions_contract_idx` ON `ledger_transactions` (`contract_id`);--> statement-breakpoint
CREATE INDEX `ledger_transactions_milestone_idx` ON `ledger_transactions` (`milestone_id`);--> statement-breakpoint
CREATE TABLE `milestones` (
	`id` text PRIMARY KEY NOT NULL,
	`contract_id` text NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`due_date` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`submission_message` text,
	`changes_message` text,
	`funded_at` integer,
	`submitted_at` integer,
	`approved_at` integer,
	`auto_approved` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "milestones_amount_positive" CHECK("milestones"."amount" > 0)
);
--> statement-breakpoint
CREATE INDEX `milestones_contract_idx` ON `milestones` (`contract_id`,`position`);--> statement-breakpoint
CREATE INDEX `milestones_status_submitted_idx` ON `milestones` (`status`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`milestone_id` text NOT NULL,
	`contract_id` text NOT NULL,
	`payer_id` text NOT NULL,
	`provider_ref` text,
	`idempotency_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`confirmed_at` integer,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payments_amount_positive" CHECK("payments"."amount" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_idempotency_unique` ON `payments` (`idempotency_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `payments_provider_ref_unique` ON `payments` (`provider`,`provider_ref`);--> statement-breakpoint
CREATE UNIQUE INDEX `payments_live_milestone_unique` ON `payments` (`milestone_id`) WHERE status in ('pending', 'succeeded');--> statement-breakpoint
CREATE TABLE `payouts` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`provider` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`provider_ref` text,
	`idempotency_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`paid_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "payouts_amount_positive" CHECK("payouts"."amount" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payouts_idempotency_unique` ON `payouts` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `payouts_user_idx` ON `payouts` (`user_id`,`id`);--> statement-breakpoint
ALTER TABLE `contracts` ADD `type` text;--> statement-breakpoint
ALTER TABLE `contracts` ADD `hourly_rate` integer;--> statement-breakpoint
ALTER TABLE `contracts` ADD `weekly_hour_limit` integer;--> statement-breakpoint
ALTER TABLE `contracts` ADD `start_date` text;--> statement-breakpoint
ALTER TABLE `contracts` ADD `accepted_at` integer;--> statement-breakpoint
ALTER TABLE `contracts` ADD `ended_at` integer;--> statement-breakpoint
ALTER TABLE `contracts` ADD `ended_by` text;--> statement-breakpoint
ALTER TABLE `contracts` ADD `end_reason` text;--> statement-breakpoint
ALTER TABLE `contracts` ADD `updated_at` integer;--> statement-breakpoint
ALTER TABLE `contracts` ADD `version` integer DEFAULT 0 NOT NULL;