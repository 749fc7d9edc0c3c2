-- 0006_meetings: Children in Care Council meetings. An agenda of issues,
-- Pledge promises and free items; minutes and actions per item; items
-- marked for the corporate parenting board, with the board's reply; and
-- agenda suggestions from young people, read by a worker first.

CREATE TABLE meetings (
	id		INTEGER PRIMARY KEY,
	title		TEXT NOT NULL,
	starts_at	INTEGER NOT NULL,
	place		TEXT NOT NULL DEFAULT '',
	link		TEXT NOT NULL DEFAULT '',
	invited		TEXT NOT NULL DEFAULT '',
	minutes_published INTEGER NOT NULL DEFAULT 0
			    CHECK (minutes_published IN (0, 1)),
	created_at	INTEGER NOT NULL,
	created_by	INTEGER REFERENCES users (id)
) STRICT;

CREATE INDEX meetings_starts ON meetings (starts_at);

CREATE TABLE agenda_items (
	id		INTEGER PRIMARY KEY,
	meeting_id	INTEGER NOT NULL REFERENCES meetings (id),
	position	INTEGER NOT NULL,
	kind		TEXT NOT NULL CHECK (kind IN ('issue', 'promise', 'free')),
	issue_id	INTEGER REFERENCES issues (id),
	promise_id	INTEGER REFERENCES promises (id),
	title		TEXT NOT NULL,
	minutes		TEXT NOT NULL DEFAULT '',
	for_board	INTEGER NOT NULL DEFAULT 0 CHECK (for_board IN (0, 1)),
	board_reply	TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position);

CREATE TABLE meeting_actions (
	id		INTEGER PRIMARY KEY,
	item_id		INTEGER NOT NULL REFERENCES agenda_items (id),
	what		TEXT NOT NULL,
	who		TEXT NOT NULL,
	due_on		INTEGER,
	created_at	INTEGER NOT NULL
) STRICT;

CREATE INDEX meeting_actions_item ON meeting_actions (item_id);

CREATE TABLE agenda_suggestions (
	id		INTEGER PRIMARY KEY,
	meeting_id	INTEGER NOT NULL REFERENCES meetings (id),
	user_id		INTEGER NOT NULL REFERENCES users (id),
	text		TEXT NOT NULL,
	state		TEXT NOT NULL DEFAULT 'received'
			    CHECK (state IN ('received', 'accepted', 'declined')),
	urgent		INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
	created_at	INTEGER NOT NULL
) STRICT;

CREATE INDEX agenda_suggestions_meeting ON agenda_suggestions (meeting_id,
	state);
