-- 0038_answers_before: an answer is counted in the period it was given,
-- even after the issue is reopened and answered again.
--
-- The board report counted answers by issues.answered_at, one column: a
-- reopened issue answered again in November left October's report, so a
-- report already tabled changed (and while reopened, it still counted
-- as answered). Now reopening keeps the earlier answer's dates and
-- decision here, and clears answered_at on the issue until it is
-- answered again; the board counts both.
CREATE TABLE answers_before (
	id		INTEGER PRIMARY KEY,
	issue_id	INTEGER NOT NULL REFERENCES issues (id)
			    ON DELETE CASCADE,
	councillor_id	INTEGER REFERENCES users (id),
	sent_at		INTEGER,
	first_due_at	INTEGER,
	due_at		INTEGER,
	extensions	INTEGER NOT NULL DEFAULT 0,
	decision	TEXT,
	answered_at	INTEGER NOT NULL
) STRICT;

CREATE INDEX answers_before_answered ON answers_before (answered_at);
CREATE INDEX answers_before_issue ON answers_before (issue_id);

CREATE TRIGGER answer_kept_on_reopen BEFORE UPDATE OF state ON issues
WHEN OLD.state IN ('answered', 'published') AND
    NEW.state = 'with_councillor' AND OLD.answered_at IS NOT NULL
BEGIN
	INSERT INTO answers_before (issue_id, councillor_id, sent_at,
	    first_due_at, due_at, extensions, decision, answered_at)
	VALUES (OLD.id, OLD.councillor_id, OLD.sent_at, OLD.first_due_at,
	    OLD.due_at, OLD.extensions, OLD.decision, OLD.answered_at);
END;

-- Issues reopened before this migration: their earlier answers are not
-- known, and they stay as they were.
