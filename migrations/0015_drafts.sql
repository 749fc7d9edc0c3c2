-- 0015_drafts: a young person's words kept when their session ran out.
--
-- When Send on "Raise a view" arrives with a stale session, the words are
-- kept here under a hash of a random id that lives only in that
-- browser's cookie, so they can be put back after signing in again. A
-- draft lives two hours at most (drafts.c deletes older ones on every
-- use) and goes as soon as the view is sent.

CREATE TABLE drafts (
	key		TEXT PRIMARY KEY,	-- hex SHA-256 of the cookie's id
	category_id	INTEGER,
	title		TEXT NOT NULL DEFAULT '',
	body		TEXT NOT NULL DEFAULT '',
	better		TEXT NOT NULL DEFAULT '',
	share		INTEGER NOT NULL DEFAULT 0,
	publish		TEXT NOT NULL DEFAULT 'no',
	created_at	INTEGER NOT NULL
);
CREATE INDEX drafts_created ON drafts (created_at);
