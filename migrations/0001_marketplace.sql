CREATE TABLE `categories` (
	`slug` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`position` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `skill_terms` (
	`term` text NOT NULL,
	`skill_slug` text NOT NULL,
	`kind` text NOT NULL,
	PRIMARY KEY(`term`, `skill_slug`),
	FOREIGN KEY (`skill_slug`) REFERENCES `skills`(`slug`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `skill_terms_skill_idx` ON `skill_terms` (`skill_slug`);--> statement-breakpoint
CREATE TABLE `skills` (
	`slug` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`category_slug` text NOT NULL,
	`aliases` text NOT NULL,
	`related` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`category_slug`) REFERENCES `categories`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `skills_category_idx` ON `skills` (`category_slug`,`position`);--> statement-breakpoint
CREATE TABLE `files` (
	`key` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`purpose` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`width` integer,
	`height` integer,
	`original_name` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `files_owner_idx` ON `files` (`owner_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `client_profiles` (
	`user_id` text PRIMARY KEY NOT NULL,
	`company_name` text,
	`company_size` text,
	`country` text,
	`payment_verified` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `freelancer_profiles` (
	`user_id` text PRIMARY KEY NOT NULL,
	`handle` text NOT NULL,
	`headline` text NOT NULL,
	`bio` text DEFAULT '' NOT NULL,
	`hourly_rate` integer,
	`currency` text DEFAULT 'USD' NOT NULL,
	`availability_hours_per_week` integer,
	`timezone` text DEFAULT 'UTC' NOT NULL,
	`languages` text NOT NULL,
	`country` text,
	`rating_avg` real DEFAULT 0 NOT NULL,
	`rating_count` integer DEFAULT 0 NOT NULL,
	`skills_text` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `freelancer_profiles_handle_unique` ON `freelancer_profiles` (`handle`);--> statement-breakpoint
CREATE INDEX `freelancer_profiles_rating_idx` ON `freelancer_profiles` (`rating_avg`,`user_id`);--> statement-breakpoint
CREATE INDEX `freelancer_profiles_rate_idx` ON `freelancer_profiles` (`hourly_rate`,`user_id`);--> statement-breakpoint
CREATE INDEX `freelancer_profiles_country_idx` ON `freelancer_profiles` (`country`,`rating_avg`);--> statement-breakpoint
CREATE INDEX `freelancer_profiles_created_idx` ON `freelancer_profiles` (`created_at`,`user_id`);--> statement-breakpoint
CREATE TABLE `freelancer_skills` (
	`user_id` text NOT NULL,
	`skill_slug` text NOT NULL,
	`years` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`user_id`, `skill_slug`),
	FOREIGN KEY (`user_id`) REFERENCES `freelancer_profiles`(`user_id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`skill_slug`) REFERENCES `skills`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `freelancer_skills_skill_idx` ON `freelancer_skills` (`skill_slug`,`user_id`);--> statement-breakpoint
CREATE TABLE `portfolio_items` (
	`id` text PRIMARY KEY NOT NULL,
	`freelancer_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`url` text,
	`image_keys` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`freelancer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `portfolio_items_freelancer_idx` ON `portfolio_items` (`freelancer_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `contracts` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`client_id` text NOT NULL,
	`freelancer_id` text NOT NULL,
	`proposal_id` text NOT NULL,
	`status` text DEFAULT 'offered' NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`freelancer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contracts_proposal_unique` ON `contracts` (`proposal_id`);--> statement-breakpoint
CREATE INDEX `contracts_client_idx` ON `contracts` (`client_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `contracts_freelancer_idx` ON `contracts` (`freelancer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `contracts_project_idx` ON `contracts` (`project_id`);--> statement-breakpoint
CREATE TABLE `project_invites` (
	`project_id` text NOT NULL,
	`freelancer_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`project_id`, `freelancer_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`freelancer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `project_invites_freelancer_idx` ON `project_invites` (`freelancer_id`);--> statement-breakpoint
CREATE TABLE `project_skills` (
	`project_id` text NOT NULL,
	`skill_slug` text NOT NULL,
	PRIMARY KEY(`project_id`, `skill_slug`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`skill_slug`) REFERENCES `skills`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `project_skills_skill_idx` ON `project_skills` (`skill_slug`,`project_id`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`category_slug` text NOT NULL,
	`budget_type` text NOT NULL,
	`budget_min` integer NOT NULL,
	`budget_max` integer NOT NULL,
	`currency` text NOT NULL,
	`duration` text,
	`experience_level` text DEFAULT 'intermediate' NOT NULL,
	`visibility` text DEFAULT 'public' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`attachments` text NOT NULL,
	`skills_text` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`client_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_slug`) REFERENCES `categories`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `projects_listing_idx` ON `projects` (`status`,`visibility`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `projects_category_idx` ON `projects` (`category_slug`,`status`,`visibility`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `projects_budget_idx` ON `projects` (`status`,`visibility`,`budget_max`,`id`);--> statement-breakpoint
CREATE INDEX `projects_client_idx` ON `projects` (`client_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `proposals` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`freelancer_id` text NOT NULL,
	`cover_letter` text NOT NULL,
	`bid_amount` integer NOT NULL,
	`currency` text NOT NULL,
	`estimated_days` integer NOT NULL,
	`milestones` text,
	`attachments` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`decline_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`decided_at` integer,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`freelancer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `proposals_project_freelancer_unique` ON `proposals` (`project_id`,`freelancer_id`);--> statement-breakpoint
CREATE INDEX `proposals_freelancer_idx` ON `proposals` (`freelancer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `proposals_project_status_idx` ON `proposals` (`project_id`,`status`);--> statement-breakpoint
CREATE TABLE `favorites` (
	`user_id` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `target_type`, `target_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `favorites_user_created_idx` ON `favorites` (`user_id`,`target_type`,`created_at`);--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`user_id` text NOT NULL,
	`type` text NOT NULL,
	`email` integer NOT NULL,
	`in_app` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `type`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`type` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`link` text,
	`read_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_user_created_idx` ON `notifications` (`user_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `notifications_user_unread_idx` ON `notifications` (`user_id`,`read_at`);