-- 0025_user_drafts: a signed-in young person's unsent view, kept for them.
--
-- "Save for later" on Raise a view keeps the words under the account
-- (key 'user:ID', one draft per person) until the view is sent or the
-- draft is DRAFT_USER_TTL old (drafts.c). Drafts of a session that ran
-- out keep their cookie-hash key and user_id NULL, and live two hours.
-- An account's drafts go with the account.

ALTER TABLE drafts ADD COLUMN user_id INTEGER
	REFERENCES users (id) ON DELETE CASCADE;
CREATE UNIQUE INDEX drafts_user ON drafts (user_id)
	WHERE user_id IS NOT NULL;
