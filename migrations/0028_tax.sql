ALTER TABLE `billing_details` ADD `tax_status` text;--> statement-breakpoint
ALTER TABLE `billing_details` ADD `province` text;--> statement-breakpoint
ALTER TABLE `invoices` ADD `fee_tax_amount` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `invoices` ADD `fee_tax_rate_bps` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `invoices` ADD `tax_treatment` text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE `invoices` ADD `tax_kind` text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE `invoices` ADD `tax_jurisdiction` text;