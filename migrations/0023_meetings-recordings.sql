CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`conversation_id` text NOT NULL,
	`contract_id` text,
	`organizer_id` text NOT NULL,
	`invitee_id` text NOT NULL,
	`proposed_by` text NOT NULL,
	`title` text NOT NULL,
	`starts_at` integer NOT NULL,
	`duration_minutes` integer NOT NULL,
	`status` text NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`organizer_time_zone` text,
	`invitee_time_zone` text,
	`reminded_for` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `conversations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organizer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invitee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "meetings_status_known" CHECK("meetings"."status" IN ('proposed', 'accepted', 'declined'))
);
--> statement-breakpoint
CREATE INDEX `meetings_organizer_idx` ON `meetings` (`organizer_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `meetings_invitee_idx` ON `meetings` (`invitee_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `meetings_conversation_idx` ON `meetings` (`conversation_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `meetings_status_starts_idx` ON `meetings` (`status`,`starts_at`);--> statement-breakpoint
CREATE TABLE `call_recording_participants` (
	`recording_id` text NOT NULL,
	`user_id` text NOT NULL,
	`agreed_at` integer NOT NULL,
	PRIMARY KEY(`recording_id`, `user_id`),
	FOREIGN KEY (`recording_id`) REFERENCES `call_recordings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `call_recording_participants_user_idx` ON `call_recording_participants` (`user_id`);--> statement-breakpoint
CREATE TABLE `call_recordings` (
	`id` text PRIMARY KEY NOT NULL,
	`call_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`recorded_by` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`chunk_count` integer DEFAULT 0 NOT NULL,
	`bytes` integer DEFAULT 0 NOT NULL,
	`started_at` integer NOT NULL,
	`last_chunk_at` integer,
	`ended_at` integer,
	`deleted_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "call_recordings_status_known" CHECK("call_recordings"."status" IN ('recording', 'ready', 'deleted')),
	CONSTRAINT "call_recordings_kind_known" CHECK("call_recordings"."kind" IN ('audio', 'video'))
);
--> statement-breakpoint
CREATE INDEX `call_recordings_conversation_idx` ON `call_recordings` (`conversation_id`,`id`);--> statement-breakpoint
CREATE INDEX `call_recordings_status_started_idx` ON `call_recordings` (`status`,`started_at`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `attachments` text;