-- 0041_issue_moves: who held an issue, and since when, before each move.
--
-- Moving an issue to another councillor overwrites its councillor and
-- sent_at, so a board report for a past period named the new
-- councillor as the one it was overdue with, and timed its answer from
-- the move. Each move now keeps who had it and when it was sent to
-- them; the report reads the issue as it stood at the period's end.
CREATE TABLE issue_moves (
	id		INTEGER PRIMARY KEY,
	issue_id	INTEGER NOT NULL REFERENCES issues (id)
			    ON DELETE CASCADE,
	councillor_id	INTEGER REFERENCES users (id),	-- who had it
	sent_at		INTEGER,			-- sent to them
	due_at		INTEGER,			-- due from them
	moved_at	INTEGER NOT NULL
) STRICT;

CREATE INDEX issue_moves_issue ON issue_moves (issue_id, moved_at);

CREATE TRIGGER issue_moved AFTER UPDATE OF councillor_id ON issues
WHEN OLD.councillor_id IS NOT NULL AND
    NEW.councillor_id IS NOT OLD.councillor_id AND
    OLD.state = 'with_councillor' AND NEW.state = 'with_councillor'
BEGIN
	INSERT INTO issue_moves (issue_id, councillor_id, sent_at, due_at,
	    moved_at)
	VALUES (OLD.id, OLD.councillor_id, OLD.sent_at, OLD.due_at,
	    coalesce(NEW.sent_at, unixepoch()));
END;
