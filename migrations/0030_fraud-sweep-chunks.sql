CREATE TABLE `fraud_sweep_chunks` (
	`sweep_id` text NOT NULL,
	`chunk` integer NOT NULL,
	`chunks` integer NOT NULL,
	`users` integer NOT NULL,
	`projects` integer NOT NULL,
	`payments` integer NOT NULL,
	`flagged` integer NOT NULL,
	`created` integer NOT NULL,
	`updated` integer NOT NULL,
	`held` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`sweep_id`, `chunk`)
);
