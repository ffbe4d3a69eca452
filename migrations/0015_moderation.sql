ALTER TABLE `reviews` ADD `hidden_at` integer;--> statement-breakpoint
ALTER TABLE `reviews` ADD `hidden_reason` text;--> statement-breakpoint
ALTER TABLE `reviews` ADD `hidden_by` text REFERENCES users(id);--> statement-breakpoint
CREATE INDEX `reviews_hidden_idx` ON `reviews` (`id`) WHERE hidden_at is not null;--> statement-breakpoint
ALTER TABLE `projects` ADD `hidden_by` text REFERENCES users(id);--> statement-breakpoint
CREATE INDEX `projects_hidden_idx` ON `projects` (`id`) WHERE hidden_at is not null;
