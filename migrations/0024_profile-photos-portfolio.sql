ALTER TABLE `users` ADD `photo_key` text;--> statement-breakpoint
ALTER TABLE `portfolio_items` ADD `skills` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `portfolio_items` ADD `project_id` text;--> statement-breakpoint
ALTER TABLE `portfolio_items` ADD `position` integer DEFAULT 0 NOT NULL;