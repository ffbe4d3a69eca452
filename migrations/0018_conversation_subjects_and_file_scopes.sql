ALTER TABLE `files` ADD `scope` text;--> statement-breakpoint
ALTER TABLE `files` ADD `scope_id` text;--> statement-breakpoint
ALTER TABLE `conversations` ADD `proposal_id` text REFERENCES proposals(id);--> statement-breakpoint
ALTER TABLE `milestones` ADD `submission_files` text DEFAULT '[]' NOT NULL;