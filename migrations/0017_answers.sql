-- 0017_answers: answers worth reading and honest deadlines.
--
-- A councillor's answer waits in answer_checks until a worker approves it
-- (then it reaches young people) or sends it back with a note. The first
-- due date is kept when a councillor asks for more time, and extensions
-- are counted, so the board report can count late answers honestly.

ALTER TABLE issues ADD COLUMN first_due_at INTEGER;
ALTER TABLE issues ADD COLUMN extensions INTEGER NOT NULL DEFAULT 0;
-- Why more time was asked for last: shown to young people, kept after
-- the answer's own reason replaces it.
ALTER TABLE issues ADD COLUMN extension_reason TEXT;
UPDATE issues SET first_due_at = due_at WHERE due_at IS NOT NULL;

-- One answer per issue waiting for a worker, or sent back to its writer.
CREATE TABLE answer_checks (
	issue_id	INTEGER PRIMARY KEY REFERENCES issues (id),
	councillor_id	INTEGER NOT NULL REFERENCES users (id),
	state		TEXT NOT NULL CHECK (state IN ('waiting', 'returned')),
	decision	TEXT NOT NULL CHECK (decision IN ('agreed', 'partly',
			    'not_agreed', 'more_time')),
	response	TEXT NOT NULL,
	reason		TEXT NOT NULL DEFAULT '',
	new_due		INTEGER NOT NULL DEFAULT 0,
	action_text	TEXT NOT NULL DEFAULT '',
	action_owner	TEXT NOT NULL DEFAULT '',
	action_due	INTEGER NOT NULL DEFAULT 0,
	written_at	INTEGER NOT NULL,
	note		TEXT NOT NULL DEFAULT '',	-- the worker's, if sent back
	noted_by	INTEGER REFERENCES users (id),
	noted_at	INTEGER
) STRICT;

-- Words a young person may not know, explained on public pages.
CREATE TABLE glossary (
	id		INTEGER PRIMARY KEY,
	term		TEXT NOT NULL UNIQUE COLLATE NOCASE,
	plain		TEXT NOT NULL
) STRICT;

INSERT INTO glossary (term, plain) VALUES
	('LAC', 'looked-after children: children in care'),
	('CLA', 'children looked after: children in care'),
	('IRO', 'Independent Reviewing Officer: the person who checks your '
	    || 'care plan is working'),
	('PEP', 'Personal Education Plan: your plan for school'),
	('EHCP', 'Education, Health and Care Plan: a plan for extra help '
	    || 'with learning'),
	('Virtual School', 'the team that helps children in care do well '
	    || 'at school'),
	('Pupil Premium Plus', 'extra money your school gets to help you'),
	('Staying Put', 'staying with your foster carer after you turn 18');

-- Each reminder sent, so none is sent twice: one before the due date and
-- one once it is overdue, per due date (a new due date may remind again).
CREATE TABLE deadline_reminders (
	issue_id	INTEGER NOT NULL REFERENCES issues (id),
	kind		TEXT NOT NULL CHECK (kind IN ('before', 'overdue')),
	due_at		INTEGER NOT NULL,
	sent_at		INTEGER NOT NULL,
	PRIMARY KEY (issue_id, kind, due_at)
) STRICT;

INSERT INTO settings (key, value, label) VALUES
	('answer_check', '1',
	    'Whether a worker checks each answer before young people read '
	    || 'it (1: yes, 0: no)'),
	('answer_trusted', '',
	    'Councillors whose answers skip the check (display names, '
	    || 'separated by commas)'),
	('extensions_max', '1',
	    'Times a councillor may ask for more time on one issue'),
	('extension_days_max', '28',
	    'Most days one request for more time may add'),
	('remind_days', '3',
	    'Days before an answer is due that the councillor is reminded'),
	('reminder_emails', '',
	    'Who is emailed when answers are nearly due (like the members'' '
	    || 'support office), separated by commas'),
	('escalation_emails', '',
	    'Who is emailed when an answer is overdue (like the participation '
	    || 'team), separated by commas');
