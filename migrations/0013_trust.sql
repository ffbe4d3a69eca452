CREATE TABLE `fraud_alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`user_id` text,
	`score` integer NOT NULL,
	`level` text NOT NULL,
	`signals` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`note` text,
	`decided_by` text,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "fraud_alerts_score_range" CHECK("fraud_alerts"."score" >= 0 AND "fraud_alerts"."score" <= 100)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fraud_alerts_open_subject_unique` ON `fraud_alerts` (`kind`,`subject_id`) WHERE "fraud_alerts"."status" in ('open', 'investigating');--> statement-breakpoint
CREATE INDEX `fraud_alerts_status_idx` ON `fraud_alerts` (`status`,`level`,`id`);--> statement-breakpoint
CREATE INDEX `fraud_alerts_level_idx` ON `fraud_alerts` (`level`,`id`);--> statement-breakpoint
CREATE INDEX `fraud_alerts_subject_idx` ON `fraud_alerts` (`kind`,`subject_id`,`id`);--> statement-breakpoint
CREATE INDEX `fraud_alerts_user_idx` ON `fraud_alerts` (`user_id`,`id`);--> statement-breakpoint
CREATE TABLE `account_appeals` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`message` text NOT NULL,
	`block_reason` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`decision_note` text,
	`decided_by` text,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `account_appeals_pending_unique` ON `account_appeals` (`user_id`) WHERE "account_appeals"."status" = 'pending';--> statement-breakpoint
CREATE INDEX `account_appeals_status_idx` ON `account_appeals` (`status`,`id`);--> statement-breakpoint
CREATE TABLE `payout_holds` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`reason` text NOT NULL,
	`alert_id` text,
	`created_by` text,
	`released_at` integer,
	`released_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`alert_id`) REFERENCES `fraud_alerts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payout_holds_active_unique` ON `payout_holds` (`user_id`) WHERE "payout_holds"."released_at" is null;--> statement-breakpoint
CREATE INDEX `payout_holds_user_idx` ON `payout_holds` (`user_id`,`id`);--> statement-breakpoint
ALTER TABLE `projects` ADD `hidden_at` integer;--> statement-breakpoint
ALTER TABLE `projects` ADD `hidden_reason` text;--> statement-breakpoint
-- Windows the fraud sweep reads: recent rows by time, and accounts per network address.
CREATE INDEX `trust_projects_created_idx` ON `projects` (`created_at`);--> statement-breakpoint
CREATE INDEX `trust_proposals_created_idx` ON `proposals` (`created_at`);--> statement-breakpoint
CREATE INDEX `trust_messages_sender_created_idx` ON `messages` (`sender_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `trust_messages_created_idx` ON `messages` (`created_at`);--> statement-breakpoint
CREATE INDEX `trust_payments_created_idx` ON `payments` (`created_at`);--> statement-breakpoint
CREATE INDEX `trust_payments_payer_idx` ON `payments` (`payer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `trust_sessions_created_idx` ON `sessions` (`created_at`);--> statement-breakpoint
CREATE INDEX `trust_sessions_ip_idx` ON `sessions` (`ip`,`user_id`);
