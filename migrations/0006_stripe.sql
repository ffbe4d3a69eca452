CREATE TABLE `stripe_events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`stripe_created_at` integer NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stripe_charges` (
	`payment_id` text PRIMARY KEY NOT NULL,
	`payment_intent_id` text NOT NULL,
	`charge_id` text NOT NULL,
	`amount_refunded` integer DEFAULT 0 NOT NULL,
	`hold_warned_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stripe_charges_intent_unique` ON `stripe_charges` (`payment_intent_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `stripe_charges_charge_unique` ON `stripe_charges` (`charge_id`);--> statement-breakpoint
CREATE TABLE `stripe_accounts` (
	`user_id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`details_submitted` integer DEFAULT false NOT NULL,
	`payouts_enabled` integer DEFAULT false NOT NULL,
	`state_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stripe_accounts_account_unique` ON `stripe_accounts` (`account_id`);--> statement-breakpoint
CREATE TABLE `stripe_transfers` (
	`id` text PRIMARY KEY NOT NULL,
	`release_transaction_id` text NOT NULL,
	`payment_id` text NOT NULL,
	`milestone_id` text NOT NULL,
	`user_id` text NOT NULL,
	`payout_id` text,
	`destination` text,
	`source_charge` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`transfer_id` text,
	`amount_reversed` integer DEFAULT 0 NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`release_transaction_id`) REFERENCES `ledger_transactions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payout_id`) REFERENCES `payouts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stripe_transfers_release_unique` ON `stripe_transfers` (`release_transaction_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `stripe_transfers_idempotency_unique` ON `stripe_transfers` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `stripe_transfers_status_idx` ON `stripe_transfers` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `stripe_transfers_payment_idx` ON `stripe_transfers` (`payment_id`);--> statement-breakpoint
CREATE TABLE `stripe_returns` (
	`id` text PRIMARY KEY NOT NULL,
	`ledger_transaction_id` text NOT NULL,
	`kind` text NOT NULL,
	`payment_id` text NOT NULL,
	`target` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`stripe_ref` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`ledger_transaction_id`) REFERENCES `ledger_transactions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stripe_returns_amount_positive" CHECK("stripe_returns"."amount" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stripe_returns_txn_target_unique` ON `stripe_returns` (`ledger_transaction_id`,`kind`,`target`);--> statement-breakpoint
CREATE UNIQUE INDEX `stripe_returns_idempotency_unique` ON `stripe_returns` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `stripe_returns_status_idx` ON `stripe_returns` (`status`,`created_at`);
