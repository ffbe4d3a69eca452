CREATE TABLE `time_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`contract_id` text NOT NULL,
	`freelancer_id` text NOT NULL,
	`week_start` text NOT NULL,
	`date` text NOT NULL,
	`minutes` integer DEFAULT 0 NOT NULL,
	`memo` text DEFAULT '' NOT NULL,
	`source` text NOT NULL,
	`started_at` integer,
	`stopped_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`freelancer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "time_entries_minutes_range" CHECK("time_entries"."minutes" >= 0 and "time_entries"."minutes" <= 1440)
);
--> statement-breakpoint
CREATE INDEX `time_entries_week_idx` ON `time_entries` (`contract_id`,`week_start`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `time_entries_running_unique` ON `time_entries` (`contract_id`) WHERE source = 'timer' and stopped_at is null;--> statement-breakpoint
CREATE TABLE `timesheets` (
	`id` text PRIMARY KEY NOT NULL,
	`contract_id` text NOT NULL,
	`week_start` text NOT NULL,
	`status` text NOT NULL,
	`minutes` integer NOT NULL,
	`hourly_rate` integer NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`submitted_at` integer NOT NULL,
	`decided_at` integer,
	`dispute_reason` text,
	`auto_approved` integer DEFAULT false NOT NULL,
	`milestone_id` text,
	`payment_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "timesheets_minutes_positive" CHECK("timesheets"."minutes" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `timesheets_week_unique` ON `timesheets` (`contract_id`,`week_start`);--> statement-breakpoint
CREATE INDEX `timesheets_status_idx` ON `timesheets` (`status`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `invoice_sequences` (
	`year` integer PRIMARY KEY NOT NULL,
	`last` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`year` integer NOT NULL,
	`sequence` integer NOT NULL,
	`kind` text NOT NULL,
	`source_key` text NOT NULL,
	`issuer_id` text,
	`recipient_id` text,
	`issuer` text NOT NULL,
	`recipient` text NOT NULL,
	`lines` text NOT NULL,
	`currency` text NOT NULL,
	`subtotal` integer NOT NULL,
	`fee_rate_bps` integer DEFAULT 0 NOT NULL,
	`fee_amount` integer DEFAULT 0 NOT NULL,
	`tax_rate_bps` integer DEFAULT 0 NOT NULL,
	`tax_amount` integer DEFAULT 0 NOT NULL,
	`total` integer NOT NULL,
	`contract_id` text,
	`milestone_id` text,
	`payment_id` text,
	`payout_id` text,
	`ledger_transaction_id` text,
	`issued_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`issuer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recipient_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "invoices_total_balanced" CHECK("invoices"."total" = "invoices"."subtotal" - "invoices"."fee_amount" + "invoices"."tax_amount")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_number_unique` ON `invoices` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_sequence_unique` ON `invoices` (`year`,`sequence`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_source_unique` ON `invoices` (`source_key`);--> statement-breakpoint
CREATE INDEX `invoices_issuer_idx` ON `invoices` (`issuer_id`,`id`);--> statement-breakpoint
CREATE INDEX `invoices_recipient_idx` ON `invoices` (`recipient_id`,`id`);--> statement-breakpoint
CREATE INDEX `invoices_contract_idx` ON `invoices` (`contract_id`,`id`);--> statement-breakpoint
CREATE TABLE `billing_details` (
	`user_id` text PRIMARY KEY NOT NULL,
	`legal_name` text,
	`tax_id` text,
	`address` text,
	`country` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- A week's logged minutes never pass the contract's weekly limit, even when two requests race.
CREATE TRIGGER `time_entries_weekly_limit_insert` AFTER INSERT ON `time_entries`
WHEN (SELECT `weekly_hour_limit` FROM `contracts` WHERE `id` = NEW.`contract_id`) IS NOT NULL AND (
	SELECT SUM(`minutes`) FROM `time_entries` WHERE `contract_id` = NEW.`contract_id` AND `week_start` = NEW.`week_start`
) > (SELECT `weekly_hour_limit` * 60 FROM `contracts` WHERE `id` = NEW.`contract_id`)
BEGIN
	SELECT RAISE(ABORT, 'weekly_limit: the week would pass the contract''s weekly limit');
END;
--> statement-breakpoint
CREATE TRIGGER `time_entries_weekly_limit_update` AFTER UPDATE OF `minutes`, `week_start` ON `time_entries`
WHEN (SELECT `weekly_hour_limit` FROM `contracts` WHERE `id` = NEW.`contract_id`) IS NOT NULL AND NEW.`minutes` > OLD.`minutes` AND (
	SELECT SUM(`minutes`) FROM `time_entries` WHERE `contract_id` = NEW.`contract_id` AND `week_start` = NEW.`week_start`
) > (SELECT `weekly_hour_limit` * 60 FROM `contracts` WHERE `id` = NEW.`contract_id`)
BEGIN
	SELECT RAISE(ABORT, 'weekly_limit: the week would pass the contract''s weekly limit');
END;
--> statement-breakpoint
-- A submitted or approved week is locked: its entries are what the client was asked to pay for.
CREATE TRIGGER `time_entries_locked_insert` BEFORE INSERT ON `time_entries`
WHEN EXISTS (SELECT 1 FROM `timesheets` WHERE `contract_id` = NEW.`contract_id` AND `week_start` = NEW.`week_start` AND `status` IN ('submitted', 'approved'))
BEGIN
	SELECT RAISE(ABORT, 'week_locked: this week''s timesheet is submitted');
END;
--> statement-breakpoint
CREATE TRIGGER `time_entries_locked_update` BEFORE UPDATE ON `time_entries`
WHEN EXISTS (SELECT 1 FROM `timesheets` WHERE `contract_id` = OLD.`contract_id` AND `week_start` IN (OLD.`week_start`, NEW.`week_start`) AND `status` IN ('submitted', 'approved'))
BEGIN
	SELECT RAISE(ABORT, 'week_locked: this week''s timesheet is submitted');
END;
--> statement-breakpoint
CREATE TRIGGER `time_entries_locked_delete` BEFORE DELETE ON `time_entries`
WHEN EXISTS (SELECT 1 FROM `timesheets` WHERE `contract_id` = OLD.`contract_id` AND `week_start` = OLD.`week_start` AND `status` IN ('submitted', 'approved'))
BEGIN
	SELECT RAISE(ABORT, 'week_locked: this week''s timesheet is submitted');
END;
--> statement-breakpoint
-- Invoices are documents: issued once, never changed or removed.
CREATE TRIGGER `invoices_append_only_update` BEFORE UPDATE ON `invoices`
BEGIN
	SELECT RAISE(ABORT, 'invoice_immutable: invoices are never changed');
END;
--> statement-breakpoint
CREATE TRIGGER `invoices_append_only_delete` BEFORE DELETE ON `invoices`
BEGIN
	SELECT RAISE(ABORT, 'invoice_immutable: invoices are never deleted');
END;
