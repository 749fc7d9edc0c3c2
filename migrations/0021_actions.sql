-- 0021_actions.sql: actions that finish (issue #13).
--
-- Every action, whether a councillor's answer promised it or a Children
-- in Care Council meeting agreed it, is one row here with an owner (an
-- account), a due date and a state: open, done (with dated evidence) or
-- dropped (with a reason young people read). The young people who raised
-- the issue say whether it happened, one answer each, changeable.
--
-- Rows are made by triggers, so the answer and meeting code that writes
-- issues and meeting_actions need not know about this table: an issue
-- reaching "answered" with an action, or a new meeting action. The owner
-- of an answer's action is the councillor who gave the answer (the
-- action's "who" words are kept as owner_text); of a meeting action, the
-- staff account named by "who" if there is one, else the meeting's
-- organiser.

CREATE TABLE actions (
	id		INTEGER PRIMARY KEY,
	issue_id	INTEGER REFERENCES issues (id),
	meeting_action_id INTEGER UNIQUE REFERENCES meeting_actions (id),
	what		TEXT NOT NULL,
	owner_id	INTEGER REFERENCES users (id),
	owner_text	TEXT NOT NULL DEFAULT '',
	due_at		INTEGER,
	state		TEXT NOT NULL DEFAULT 'open'
			    CHECK (state IN ('open', 'done', 'dropped')),
	evidence	TEXT,		-- done: what happened
	happened_on	INTEGER,	-- done: when it happened
	evidence_link	TEXT,		-- done: where to read more (text)
	drop_reason	TEXT,		-- dropped: shown to young people
	closed_at	INTEGER,
	closed_by	INTEGER REFERENCES users (id),
	created_at	INTEGER NOT NULL,
	CHECK (state != 'done' OR (happened_on IS NOT NULL AND
	    length(trim(coalesce(evidence, ''))) > 0)),
	CHECK (state != 'dropped' OR length(trim(coalesce(drop_reason, '')))
	    > 0)
) STRICT;

CREATE INDEX actions_issue ON actions (issue_id);
CREATE INDEX actions_owner ON actions (owner_id, state, due_at);
CREATE INDEX actions_state ON actions (state, due_at);

-- "Did it happen?": one answer per young person per action.
CREATE TABLE action_answers (
	action_id	INTEGER NOT NULL REFERENCES actions (id),
	user_id		INTEGER NOT NULL REFERENCES users (id)
			    ON DELETE CASCADE,
	answer		TEXT NOT NULL CHECK (answer IN ('yes', 'partly', 'no',
			    'not_sure')),
	at		INTEGER NOT NULL,
	PRIMARY KEY (action_id, user_id)
) STRICT;

-- Actions already promised before this migration.
INSERT INTO actions (issue_id, what, owner_id, owner_text, due_at,
    created_at)
SELECT id, action_text, councillor_id, coalesce(action_owner, ''),
    nullif(action_due, 0), coalesce(answered_at, created_at)
FROM issues WHERE state IN ('answered', 'published')
	AND length(trim(coalesce(action_text, ''))) > 0;

INSERT INTO actions (issue_id, meeting_action_id, what, owner_id,
    owner_text, due_at, created_at)
SELECT a.issue_id, ma.id, ma.what, coalesce((SELECT u.id FROM users u
	WHERE u.display_name = ma.who AND u.role IN ('participation_worker',
	'councillor') LIMIT 1), m.created_by), ma.who, ma.due_on, ma.created_at
FROM meeting_actions ma JOIN agenda_items a ON a.id = ma.item_id
JOIN meetings m ON m.id = a.meeting_id;

CREATE TRIGGER actions_from_answer AFTER UPDATE OF state ON issues
WHEN NEW.state = 'answered' AND OLD.state != 'answered'
    AND length(trim(coalesce(NEW.action_text, ''))) > 0
BEGIN
	INSERT INTO actions (issue_id, what, owner_id, owner_text, due_at,
	    created_at)
	VALUES (NEW.id, NEW.action_text, NEW.councillor_id,
	    coalesce(NEW.action_owner, ''), nullif(NEW.action_due, 0),
	    coalesce(NEW.answered_at, NEW.created_at));
END;

CREATE TRIGGER actions_from_meeting AFTER INSERT ON meeting_actions
BEGIN
	INSERT INTO actions (issue_id, meeting_action_id, what, owner_id,
	    owner_text, due_at, created_at)
	SELECT a.issue_id, NEW.id, NEW.what, coalesce((SELECT u.id FROM users u
	    WHERE u.display_name = NEW.who AND u.role IN
	    ('participation_worker', 'councillor') AND u.disabled_at IS NULL
	    LIMIT 1), m.created_by), NEW.who, NEW.due_on, NEW.created_at
	FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
	WHERE a.id = NEW.item_id;
END;
