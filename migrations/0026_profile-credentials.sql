ALTER TABLE `freelancer_profiles` ADD `certifications` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `freelancer_profiles` ADD `education` text DEFAULT '[]' NOT NULL;