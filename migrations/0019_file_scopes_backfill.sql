-- Files attached before scopes existed get the scope of the place they are attached to (the first one found);
-- files attached nowhere stay their owner's alone.
UPDATE `files` SET `scope` = 'public'
WHERE `scope` IS NULL AND `key` IN (SELECT j.value FROM `portfolio_items` p, json_each(p.`image_keys`) j);--> statement-breakpoint
UPDATE `files` SET `scope` = 'conversation', `scope_id` = (
  SELECT m.`conversation_id` FROM `messages` m, json_each(m.`attachments`) j WHERE json_extract(j.value, '$.key') = `files`.`key` LIMIT 1
)
WHERE `scope` IS NULL AND `key` IN (SELECT json_extract(j.value, '$.key') FROM `messages` m, json_each(m.`attachments`) j);--> statement-breakpoint
UPDATE `files` SET `scope` = 'ticket', `scope_id` = (
  SELECT s.`ticket_id` FROM `support_messages` s, json_each(s.`attachments`) j WHERE j.value = `files`.`key` LIMIT 1
)
WHERE `scope` IS NULL AND `key` IN (SELECT j.value FROM `support_messages` s, json_each(s.`attachments`) j);--> statement-breakpoint
UPDATE `files` SET `scope` = 'contract', `scope_id` = (
  SELECT d.`contract_id` FROM `disputes` d, json_each(d.`evidence`) j WHERE j.value = `files`.`key`
  UNION ALL
  SELECT d.`contract_id` FROM `disputes` d, json_each(coalesce(d.`response_evidence`, '[]')) j WHERE j.value = `files`.`key`
  LIMIT 1
)
WHERE `scope` IS NULL AND `key` IN (
  SELECT j.value FROM `disputes` d, json_each(d.`evidence`) j
  UNION SELECT j.value FROM `disputes` d, json_each(coalesce(d.`response_evidence`, '[]')) j
);--> statement-breakpoint
UPDATE `files` SET `scope` = 'proposal', `scope_id` = (
  SELECT p.`id` FROM `proposals` p, json_each(p.`attachments`) j WHERE j.value = `files`.`key` LIMIT 1
)
WHERE `scope` IS NULL AND `key` IN (SELECT j.value FROM `proposals` p, json_each(p.`attachments`) j);--> statement-breakpoint
UPDATE `files` SET `scope` = 'project', `scope_id` = (
  SELECT p.`id` FROM `projects` p, json_each(p.`attachments`) j WHERE j.value = `files`.`key` LIMIT 1
)
WHERE `scope` IS NULL AND `key` IN (SELECT j.value FROM `projects` p, json_each(p.`attachments`) j);
