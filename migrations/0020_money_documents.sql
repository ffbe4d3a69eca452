ALTER TABLE `proposals` ADD `weekly_hours` integer;--> statement-breakpoint
ALTER TABLE `invoices` ADD `charged_amount` integer;--> statement-breakpoint
ALTER TABLE `invoices` ADD `charged_currency` text;--> statement-breakpoint
ALTER TABLE `invoices` ADD `exchange_rate` text;--> statement-breakpoint
ALTER TABLE `invoices` ADD `rate_fetched_at` integer;--> statement-breakpoint
ALTER TABLE `invoices` ADD `credits_invoice_id` text;