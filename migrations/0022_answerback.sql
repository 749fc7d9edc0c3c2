-- 0022_answerback: young people answer back (issue #13).
--
-- A reply to an answer is a view like any other (scanned, moderated, its
-- author follows it), with reply_to naming the issue it answers back to,
-- so the worker moderating it sees "a reply to issue X".
ALTER TABLE views ADD COLUMN reply_to INTEGER REFERENCES issues (id);
CREATE INDEX views_reply_to ON views (reply_to) WHERE reply_to IS NOT NULL;

-- "Please look at it again": a young person's reason, and a worker's
-- decision (reopen the issue to its councillor, or decline with a reason
-- the young person reads). One open request per person per issue.
CREATE TABLE answer_appeals (
	id		INTEGER PRIMARY KEY,
	issue_id	INTEGER NOT NULL REFERENCES issues (id),
	user_id		INTEGER NOT NULL REFERENCES users (id),
	reason		TEXT NOT NULL,
	state		TEXT NOT NULL DEFAULT 'open'
			    CHECK (state IN ('open', 'reopened', 'declined')),
	created_at	INTEGER NOT NULL,
	decided_by	INTEGER REFERENCES users (id),
	decided_at	INTEGER,
	decision_reason	TEXT,
	-- A "no" always comes with its reason.
	CHECK (state != 'declined' OR
	    length(trim(coalesce(decision_reason, ''))) > 0)
) STRICT;

CREATE UNIQUE INDEX answer_appeals_one_open ON answer_appeals
	(issue_id, user_id) WHERE state = 'open';
CREATE INDEX answer_appeals_user ON answer_appeals (user_id);

-- "This matters to me too" on a published issue: one per person.
CREATE TABLE issue_support (
	issue_id	INTEGER NOT NULL REFERENCES issues (id),
	user_id		INTEGER NOT NULL REFERENCES users (id),
	created_at	INTEGER NOT NULL,
	PRIMARY KEY (issue_id, user_id)
) STRICT;

CREATE INDEX issue_support_user ON issue_support (user_id);
