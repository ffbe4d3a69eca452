ALTER TABLE `call_participants` ADD `invited_by` text REFERENCES users(id) ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE `call_participants` ADD `invited_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `call_participants` ADD `answered_at` integer;--> statement-breakpoint
ALTER TABLE `call_participants` ADD `declined_at` integer;--> statement-breakpoint
ALTER TABLE `call_participants` ADD `left_at` integer;--> statement-breakpoint
UPDATE `call_participants` SET `invited_at` = `created_at`;--> statement-breakpoint
UPDATE `call_participants` SET `answered_at` = (SELECT `started_at` FROM `calls` WHERE `calls`.`id` = `call_participants`.`call_id`)
  WHERE `user_id` = (SELECT `started_by` FROM `calls` WHERE `calls`.`id` = `call_participants`.`call_id`);--> statement-breakpoint
UPDATE `call_participants` SET `answered_at` = (SELECT `answered_at` FROM `calls` WHERE `calls`.`id` = `call_participants`.`call_id`)
  WHERE `user_id` <> (SELECT `started_by` FROM `calls` WHERE `calls`.`id` = `call_participants`.`call_id`);--> statement-breakpoint
UPDATE `call_participants` SET `declined_at` = (SELECT `ended_at` FROM `calls` WHERE `calls`.`id` = `call_participants`.`call_id`)
  WHERE `user_id` <> (SELECT `started_by` FROM `calls` WHERE `calls`.`id` = `call_participants`.`call_id`)
  AND (SELECT `status` FROM `calls` WHERE `calls`.`id` = `call_participants`.`call_id`) = 'declined';
