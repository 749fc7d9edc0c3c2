-- 0035_concern_notes: what workers add to a concern's record.
--
-- A concern is closed once, with what was done. A second worker who
-- closed it from an older copy of the page had their words refused and
-- lost, and nobody could add what happened next (a call back, a visit)
-- to a closed concern. Notes keep both: added by a person, never
-- changed, gone only with their concern.

CREATE TABLE concern_notes (
	id		INTEGER PRIMARY KEY,
	concern_id	INTEGER NOT NULL REFERENCES concerns (id)
			    ON DELETE CASCADE,
	author_id	INTEGER REFERENCES users (id),
	author_name	TEXT NOT NULL,	-- as it was, if the account goes
	text		TEXT NOT NULL,
	created_at	INTEGER NOT NULL
) STRICT;
CREATE INDEX concern_notes_concern ON concern_notes (concern_id, id);
