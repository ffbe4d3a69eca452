-- Hourly bids offer weekly hours instead of estimated days, so estimated_days becomes nullable. drizzle-kit drops and
-- re-creates every index of the database around libSQL's ALTER COLUMN; libSQL needs that only for the altered
-- table's own indexes, so only the four of proposals are dropped and re-created here (docs/decisions/037).
DROP INDEX "proposals_project_freelancer_unique";--> statement-breakpoint
DROP INDEX "proposals_freelancer_idx";--> statement-breakpoint
DROP INDEX "proposals_project_status_idx";--> statement-breakpoint
DROP INDEX "trust_proposals_created_idx";--> statement-breakpoint
ALTER TABLE `proposals` ALTER COLUMN "estimated_days" TO "estimated_days" integer;--> statement-breakpoint
CREATE UNIQUE INDEX `proposals_project_freelancer_unique` ON `proposals` (`project_id`,`freelancer_id`);--> statement-breakpoint
CREATE INDEX `proposals_freelancer_idx` ON `proposals` (`freelancer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `proposals_project_status_idx` ON `proposals` (`project_id`,`status`);--> statement-breakpoint
CREATE INDEX `trust_proposals_created_idx` ON `proposals` (`created_at`);
