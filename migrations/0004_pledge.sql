-- 0004_pledge: the Care Pledge as a live document.
--
-- A version is a draft, the current Pledge, or a past one kept readable.
-- Each promise says how it is delivered and measured, who owns it and by
-- when; the council records progress as dated updates with evidence, and
-- young people say whether it is being kept for them.

CREATE TABLE pledge_themes (
	id		INTEGER PRIMARY KEY,
	key		TEXT NOT NULL UNIQUE,
	name		TEXT NOT NULL,
	position	INTEGER NOT NULL DEFAULT 0
) STRICT;

INSERT INTO pledge_themes (key, name, position) VALUES
	('say', 'Having a say', 1),
	('care', 'Your care and your plans', 2),
	('home', 'Where you live', 3),
	('family', 'Family and friends', 4),
	('school', 'School and learning', 5),
	('health', 'Health and feeling well', 6),
	('leisure', 'Things to do', 7),
	('moving_on', 'Moving on from care', 8);

CREATE TABLE pledge_versions (
	id		INTEGER PRIMARY KEY,
	title		TEXT NOT NULL,
	intro		TEXT NOT NULL,
	starts_on	INTEGER NOT NULL,
	review_on	INTEGER NOT NULL,
	state		TEXT NOT NULL CHECK (state IN ('draft', 'current',
			    'past')),
	created_at	INTEGER NOT NULL,
	created_by	INTEGER REFERENCES users (id),
	published_at	INTEGER
) STRICT;

-- Exactly one current Pledge, and one draft at a time.
CREATE UNIQUE INDEX pledge_one_current ON pledge_versions (state)
	WHERE state IN ('current', 'draft');

CREATE TABLE promises (
	id		INTEGER PRIMARY KEY,
	version_id	INTEGER NOT NULL REFERENCES pledge_versions (id),
	replaces_id	INTEGER REFERENCES promises (id),
	theme_id	INTEGER NOT NULL REFERENCES pledge_themes (id),
	title		TEXT NOT NULL,
	description	TEXT NOT NULL DEFAULT '',
	statutory	INTEGER NOT NULL DEFAULT 0 CHECK (statutory IN (0, 1)),
	delivery	TEXT NOT NULL DEFAULT '',
	measure		TEXT NOT NULL DEFAULT '',
	target		TEXT NOT NULL DEFAULT '',
	owner_id	INTEGER REFERENCES users (id),	-- a councillor
	owner_team	TEXT NOT NULL DEFAULT '',	-- or a named team
	due_on		INTEGER,
	status		TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN
			    ('not_started', 'in_the_works', 'stalled', 'kept',
			    'partly_kept', 'broken')),
	progress	INTEGER NOT NULL DEFAULT 0
			    CHECK (progress BETWEEN 0 AND 100),
	position	INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX promises_version ON promises (version_id, theme_id, position);
CREATE INDEX promises_owner ON promises (owner_id);
CREATE INDEX promises_replaces ON promises (replaces_id);

-- Every change of status or progress, with who and the evidence.
CREATE TABLE promise_updates (
	id		INTEGER PRIMARY KEY,
	promise_id	INTEGER NOT NULL REFERENCES promises (id),
	at		INTEGER NOT NULL,
	by_id		INTEGER REFERENCES users (id),
	status		TEXT NOT NULL,
	progress	INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
	evidence	TEXT NOT NULL CHECK (length(trim(evidence)) > 0),
	measure_value	TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX promise_updates_promise ON promise_updates (promise_id, id);

-- Young people's own verdict: one current row per person and promise,
-- older ones kept as history. Comments are read by a worker first.
CREATE TABLE verdicts (
	id		INTEGER PRIMARY KEY,
	promise_id	INTEGER NOT NULL REFERENCES promises (id),
	user_id		INTEGER NOT NULL REFERENCES users (id),
	verdict		TEXT NOT NULL CHECK (verdict IN ('yes', 'partly', 'no',
			    'not_sure')),
	comment		TEXT NOT NULL DEFAULT '',
	comment_state	TEXT NOT NULL DEFAULT 'none' CHECK (comment_state IN
			    ('none', 'received', 'approved', 'rejected')),
	urgent		INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
	topics		TEXT NOT NULL DEFAULT '',
	moderation_note	TEXT NOT NULL DEFAULT '',
	at		INTEGER NOT NULL,
	current		INTEGER NOT NULL DEFAULT 1 CHECK (current IN (0, 1))
) STRICT;

CREATE UNIQUE INDEX verdicts_one_current ON verdicts (promise_id, user_id)
	WHERE current = 1;
CREATE INDEX verdicts_count ON verdicts (promise_id, current, verdict);
CREATE INDEX verdicts_comments ON verdicts (comment_state, urgent, at);

-- Councillors' own pledges ("I will attend the celebration event").
CREATE TABLE personal_pledges (
	id		INTEGER PRIMARY KEY,
	councillor_id	INTEGER NOT NULL REFERENCES users (id),
	text		TEXT NOT NULL,
	status		TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN
			    ('not_started', 'in_the_works', 'stalled', 'kept',
			    'partly_kept', 'broken')),
	note		TEXT NOT NULL DEFAULT '',
	created_at	INTEGER NOT NULL,
	updated_at	INTEGER NOT NULL
) STRICT;

CREATE INDEX personal_pledges_councillor ON personal_pledges (councillor_id);
