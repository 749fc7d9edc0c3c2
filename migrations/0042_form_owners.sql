-- 0042_form_owners: whose session a form was given in.
--
-- A form left open on a shared phone can be sent after its person's
-- session ran out and someone else signed in. Its worrying words were
-- kept as the new person's view: on their pages, in their data, and
-- for workers as their disclosure. Every form carries its session's
-- token; kept here (hashed) for a week, it says whose the words are.
CREATE TABLE form_owners (
	csrf_hash	TEXT PRIMARY KEY,	-- hex of the token's digest
	user_id		INTEGER NOT NULL REFERENCES users (id)
			    ON DELETE CASCADE,
	created_at	INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX form_owners_user ON form_owners (user_id);
CREATE INDEX form_owners_created ON form_owners (created_at);
