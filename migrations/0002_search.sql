-- Full-text search (FTS5, external content) over projects and freelancer profiles, ranked with bm25.
-- The indexes key on the content tables' rowid; after a VACUUM run
-- INSERT INTO projects_fts(projects_fts) VALUES('rebuild') (and the same for freelancers_fts).
CREATE VIRTUAL TABLE `projects_fts` USING fts5(
	title, description, skills_text,
	content='projects', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `projects_fts_after_insert` AFTER INSERT ON `projects` BEGIN
	INSERT INTO projects_fts(rowid, title, description, skills_text) VALUES (new.rowid, new.title, new.description, new.skills_text);
END;
--> statement-breakpoint
CREATE TRIGGER `projects_fts_after_delete` AFTER DELETE ON `projects` BEGIN
	INSERT INTO projects_fts(projects_fts, rowid, title, description, skills_text) VALUES ('delete', old.rowid, old.title, old.description, old.skills_text);
END;
--> statement-breakpoint
CREATE TRIGGER `projects_fts_after_update` AFTER UPDATE OF title, description, skills_text ON `projects` BEGIN
	INSERT INTO projects_fts(projects_fts, rowid, title, description, skills_text) VALUES ('delete', old.rowid, old.title, old.description, old.skills_text);
	INSERT INTO projects_fts(rowid, title, description, skills_text) VALUES (new.rowid, new.title, new.description, new.skills_text);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `freelancers_fts` USING fts5(
	headline, bio, skills_text,
	content='freelancer_profiles', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `freelancers_fts_after_insert` AFTER INSERT ON `freelancer_profiles` BEGIN
	INSERT INTO freelancers_fts(rowid, headline, bio, skills_text) VALUES (new.rowid, new.headline, new.bio, new.skills_text);
END;
--> statement-breakpoint
CREATE TRIGGER `freelancers_fts_after_delete` AFTER DELETE ON `freelancer_profiles` BEGIN
	INSERT INTO freelancers_fts(freelancers_fts, rowid, headline, bio, skills_text) VALUES ('delete', old.rowid, old.headline, old.bio, old.skills_text);
END;
--> statement-breakpoint
CREATE TRIGGER `freelancers_fts_after_update` AFTER UPDATE OF headline, bio, skills_text ON `freelancer_profiles` BEGIN
	INSERT INTO freelancers_fts(freelancers_fts, rowid, headline, bio, skills_text) VALUES ('delete', old.rowid, old.headline, old.bio, old.skills_text);
	INSERT INTO freelancers_fts(rowid, headline, bio, skills_text) VALUES (new.rowid, new.headline, new.bio, new.skills_text);
END;
