-- 0034_draft_owner: whose words a browser's kept draft holds.
--
-- A Send from someone whose session ran out keeps the words under the
-- browser's cookie (drafts.c). On a shared phone or a children's home
-- computer the next person to sign in there must never be given them:
-- the draft now names the account whose session ran out, and comes back
-- only when that account signs in again. A draft with no owner (the
-- session was already gone) is not kept; the words are shown back to
-- copy instead.

ALTER TABLE drafts ADD COLUMN owner_id INTEGER
	REFERENCES users (id) ON DELETE CASCADE;
DELETE FROM drafts WHERE user_id IS NULL;
