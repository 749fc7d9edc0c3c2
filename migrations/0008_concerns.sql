-- 0008_concerns: one safeguarding concern record, one urgent list.
--
-- A concern is opened when the safeguarding scan matches anything a young
-- person sends (a view, a Pledge comment, an agenda suggestion, a reply),
-- or when a worker raises one by hand on an item or an account. Only a
-- person closes it, with a written action. Nothing that happens to the
-- item (taken back, rejected, redirected, merged, purged, its author's
-- account deleted) closes it or loses its words: the concern keeps its
-- own copy of the text and of the author's display name.
--
-- item_id and author_id are plain integers, not foreign keys: a foreign
-- key would either make purging the item or the account fail, or (with
-- ON DELETE SET NULL) forget which item and which young person the
-- concern was about. The ids stay as a record; the copies keep the words.
-- Staff columns may point at users: staff accounts are turned off, never
-- purged, and SET NULL keeps a purge from failing if one ever is.

CREATE TABLE concerns (
	id		INTEGER PRIMARY KEY,
	kind		TEXT NOT NULL CHECK (length(kind) > 0),
	item_id		INTEGER,		-- see above: no foreign key
	author_id	INTEGER,		-- NULL: no account
	author_name	TEXT NOT NULL DEFAULT '',	-- as it was then
	text		TEXT NOT NULL,		-- a copy of the words
	rules		TEXT NOT NULL DEFAULT '',	-- what the scan matched
	source		TEXT NOT NULL CHECK (source IN ('scan', 'worker')),
	raised_by	INTEGER REFERENCES users (id) ON DELETE SET NULL,
	reason		TEXT NOT NULL DEFAULT '',	-- the worker's reason
	urgent		INTEGER NOT NULL DEFAULT 1 CHECK (urgent IN (0, 1)),
	created_at	INTEGER NOT NULL,
	held_by		INTEGER REFERENCES users (id) ON DELETE SET NULL,
	held_at		INTEGER,
	closed_at	INTEGER,
	closed_by	INTEGER REFERENCES users (id) ON DELETE SET NULL,
	action		TEXT,			-- what was done, who was told
	CHECK (source = 'scan' OR length(trim(reason)) > 0),
	CHECK (closed_at IS NULL OR length(trim(coalesce(action, ''))) > 0)
) STRICT;

CREATE INDEX concerns_open ON concerns (urgent DESC, created_at, id)
	WHERE closed_at IS NULL;
CREATE INDEX concerns_item ON concerns (kind, item_id);
CREATE INDEX concerns_closed ON concerns (closed_at)
	WHERE closed_at IS NOT NULL;

-- Every safeguarding flag so far becomes a concern, open or closed as it
-- was. safeguarding_flags stays for history; concerns are the record.
INSERT INTO concerns (kind, item_id, author_id, author_name, text, rules,
    source, urgent, created_at, closed_at, closed_by, action)
SELECT 'view', v.id, v.author_id, coalesce(u.display_name, ''),
	v.title || char(10) || v.body ||
	    CASE WHEN v.better != '' THEN char(10) || v.better ELSE '' END,
	f.topics, 'scan', 1, f.created_at, f.cleared_at, f.cleared_by,
	f.action_taken
FROM safeguarding_flags f JOIN views v ON v.id = f.view_id
LEFT JOIN users u ON u.id = v.author_id ORDER BY f.id;

-- Flagged Pledge comments and agenda suggestions were marked only on
-- their own rows. A comment already decided carries the worker's note.
INSERT INTO concerns (kind, item_id, author_id, author_name, text, rules,
    source, urgent, created_at, closed_at, action)
SELECT 'pledge_comment', vd.id, vd.user_id, coalesce(u.display_name, ''),
	vd.comment, vd.topics, 'scan', 1, vd.at,
	CASE WHEN vd.comment_state != 'received' AND
	    length(trim(vd.moderation_note)) > 0 THEN vd.at END,
	CASE WHEN vd.comment_state != 'received' AND
	    length(trim(vd.moderation_note)) > 0 THEN vd.moderation_note END
FROM verdicts vd LEFT JOIN users u ON u.id = vd.user_id
WHERE vd.urgent = 1 ORDER BY vd.id;

INSERT INTO concerns (kind, item_id, author_id, author_name, text, source,
    urgent, created_at)
SELECT 'agenda_suggestion', s.id, s.user_id, coalesce(u.display_name, ''),
	s.text, 'scan', 1, s.created_at
FROM agenda_suggestions s LEFT JOIN users u ON u.id = s.user_id
WHERE s.urgent = 1 ORDER BY s.id;

-- When a worker first read a view: its author is told "A worker has read
-- it" instead of "Waiting to be read".
ALTER TABLE views ADD COLUMN read_at INTEGER;
ALTER TABLE views ADD COLUMN read_by INTEGER REFERENCES users (id);

UPDATE views SET read_at = coalesce(moderated_at, (SELECT min(cleared_at)
    FROM safeguarding_flags f WHERE f.view_id = views.id))
WHERE moderated_at IS NOT NULL OR EXISTS (SELECT 1 FROM safeguarding_flags f
    WHERE f.view_id = views.id AND f.cleared_at IS NOT NULL);

INSERT INTO settings (key, value, label) VALUES
	('retention_concern_years', '25',
	    'Years a closed safeguarding concern is kept');
