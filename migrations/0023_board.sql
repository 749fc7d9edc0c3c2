-- 0023_board: a board report that can be tabled (issue #13).
--
-- The board's reply to an agenda item marked for it is dated: when the
-- reply was recorded (items replied to before this migration take their
-- meeting's date).
ALTER TABLE agenda_items ADD COLUMN board_reply_at INTEGER;
UPDATE agenda_items SET board_reply_at = (SELECT starts_at FROM meetings m
	WHERE m.id = agenda_items.meeting_id) WHERE board_reply != '';
CREATE INDEX agenda_items_for_board ON agenda_items (meeting_id)
	WHERE for_board = 1;

-- A worker's commentary on one section of the report for one period
-- (from and to are the first and last day, as midnight timestamps).
CREATE TABLE report_commentary (
	period_from	INTEGER NOT NULL,
	period_to	INTEGER NOT NULL,
	section		TEXT NOT NULL CHECK (section IN ('raised', 'answers',
			    'late', 'board', 'elsewhere', 'pledge',
			    'participation')),
	body		TEXT NOT NULL,
	updated_by	INTEGER REFERENCES users (id) ON DELETE SET NULL,
	updated_at	INTEGER NOT NULL,
	PRIMARY KEY (period_from, period_to, section)
) STRICT;

-- A Children in Care Council member who sits on the corporate parenting
-- board: they may read the young people's version of its report.
ALTER TABLE users ADD COLUMN on_board INTEGER NOT NULL DEFAULT 0
	CHECK (on_board IN (0, 1));

-- Views sent elsewhere, counted by when they were passed on.
CREATE INDEX redirects_at ON redirects (at);
