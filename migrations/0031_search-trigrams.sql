-- Substring search in any script: FTS5 trigram indexes beside the word indexes of 0002_search.sql, over the
-- same external content and columns. Chinese and Japanese have no spaces between words and Arabic joins words
-- to their articles, so a word index cannot find "移动应用" inside a longer title; a trigram index can, and
-- finds parts of Latin words too. `remove_diacritics 1` folds accents ("cafe" finds "café" and back).
-- They key on the content tables' rowid like the word indexes; after a VACUUM run
-- INSERT INTO projects_trigram(projects_trigram) VALUES('rebuild') (and the same for freelancers_trigram).
CREATE VIRTUAL TABLE `projects_trigram` USING fts5(
	title, description, skills_text,
	content='projects', content_rowid='rowid', tokenize='trigram remove_diacritics 1'
);
--> statement-breakpoint
INSERT INTO projects_trigram(projects_trigram) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `projects_trigram_after_insert` AFTER INSERT ON `projects` BEGIN
	INSERT INTO projects_trigram(rowid, title, description, skills_text) VALUES (new.rowid, new.title, new.description, new.skills_text);
END;
--> statement-breakpoint
CREATE TRIGGER `projects_trigram_after_delete` AFTER DELETE ON `projects` BEGIN
	INSERT INTO projects_trigram(projects_trigram, rowid, title, description, skills_text) VALUES ('delete', old.rowid, old.title, old.description, old.skills_text);
END;
--> statement-breakpoint
CREATE TRIGGER `projects_trigram_after_update` AFTER UPDATE OF title, description, skills_text ON `projects` BEGIN
	INSERT INTO projects_trigram(projects_trigram, rowid, title, description, skills_text) VALUES ('delete', old.rowid, old.title, old.description, old.skills_text);
	INSERT INTO projects_trigram(rowid, title, description, skills_text) VALUES (new.rowid, new.title, new.description, new.skills_text);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `freelancers_trigram` USING fts5(
	headline, bio, skills_text,
	content='freelancer_profiles', content_rowid='rowid', tokenize='trigram remove_diacritics 1'
);
--> statement-breakpoint
INSERT INTO freelancers_trigram(freelancers_trigram) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `freelancers_trigram_after_insert` AFTER INSERT ON `freelancer_profiles` BEGIN
	INSERT INTO freelancers_trigram(rowid, headline, bio, skills_text) VALUES (new.rowid, new.headline, new.bio, new.skills_text);
END;
--> statement-breakpoint
CREATE TRIGGER `freelancers_trigram_after_delete` AFTER DELETE ON `freelancer_profiles` BEGIN
	INSERT INTO freelancers_trigram(freelancers_trigram, rowid, headline, bio, skills_text) VALUES ('delete', old.rowid, old.headline, old.bio, old.skills_text);
END;
--> statement-breakpoint
CREATE TRIGGER `freelancers_trigram_after_update` AFTER UPDATE OF headline, bio, skills_text ON `freelancer_profiles` BEGIN
	INSERT INTO freelancers_trigram(freelancers_trigram, rowid, headline, bio, skills_text) VALUES ('delete', old.rowid, old.headline, old.bio, old.skills_text);
	INSERT INTO freelancers_trigram(rowid, headline, bio, skills_text) VALUES (new.rowid, new.headline, new.bio, new.skills_text);
END;
