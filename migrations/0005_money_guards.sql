-- Database-side guards for money (docs/decisions/008-ledger.md). The domain checks all of this before it
-- writes; these triggers make a write computed from stale reads (two requests racing) fail as a whole batch.

-- Optimistic concurrency: a write that sets contracts.version must set it to exactly the old value + 1.
CREATE TRIGGER `contracts_version_guard` BEFORE UPDATE OF `version` ON `contracts`
WHEN NEW.`version` <> OLD.`version` + 1
BEGIN
	SELECT RAISE(ABORT, 'stale_write: the contract changed meanwhile');
END;
--> statement-breakpoint
-- No internal account (escrow, freelancer balance, platform fees) may go below zero in any currency.
CREATE TRIGGER `ledger_entries_no_overdraw` AFTER INSERT ON `ledger_entries`
WHEN NEW.`amount` < 0 AND NEW.`account` NOT LIKE 'external:%' AND (
	SELECT SUM(`amount`) FROM `ledger_entries` WHERE `account` = NEW.`account` AND `currency` = NEW.`currency`
) < 0
BEGIN
	SELECT RAISE(ABORT, 'ledger_overdraw: the account does not hold enough');
END;
--> statement-breakpoint
-- Funds held for one milestone can only pay out or refund that milestone.
CREATE TRIGGER `ledger_entries_milestone_overdraw` AFTER INSERT ON `ledger_entries`
WHEN NEW.`amount` < 0 AND NEW.`account` LIKE 'escrow:%' AND (
	SELECT SUM(e.`amount`) FROM `ledger_entries` e
	JOIN `ledger_transactions` t ON t.`id` = e.`transaction_id`
	WHERE e.`account` = NEW.`account` AND e.`currency` = NEW.`currency`
	AND t.`milestone_id` IS (SELECT `milestone_id` FROM `ledger_transactions` WHERE `id` = NEW.`transaction_id`)
) < 0
BEGIN
	SELECT RAISE(ABORT, 'ledger_overdraw: the milestone does not hold enough');
END;
--> statement-breakpoint
-- The ledger is append-only: corrections are new transactions.
CREATE TRIGGER `ledger_entries_append_only_update` BEFORE UPDATE ON `ledger_entries`
BEGIN
	SELECT RAISE(ABORT, 'ledger_append_only: ledger entries are never changed');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_entries_append_only_delete` BEFORE DELETE ON `ledger_entries`
BEGIN
	SELECT RAISE(ABORT, 'ledger_append_only: ledger entries are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_transactions_append_only_update` BEFORE UPDATE ON `ledger_transactions`
BEGIN
	SELECT RAISE(ABORT, 'ledger_append_only: ledger transactions are never changed');
END;
--> statement-breakpoint
CREATE TRIGGER `ledger_transactions_append_only_delete` BEFORE DELETE ON `ledger_transactions`
BEGIN
	SELECT RAISE(ABORT, 'ledger_append_only: ledger transactions are never deleted');
END;
