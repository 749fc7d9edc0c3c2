-- 0026_consultations: "We asked, you said, we did" (issue #15).
--
-- A participation worker asks young people questions (a consultation),
-- for a time, of an audience: every young person, some age bands, those
-- living inside or outside the area, or care leavers (18 and over). Its
-- state goes draft -> open -> closed -> published (the outcome written
-- as "We asked / You said / We did" is on the public page /we-asked).

CREATE TABLE consultations (
	id		INTEGER PRIMARY KEY,
	title		TEXT NOT NULL CHECK (length(trim(title)) > 0),
	why		TEXT NOT NULL DEFAULT '',
	-- Age bands asked, space-separated ('' every band); area 'any',
	-- 'inside' or 'outside'; leavers 1: care leavers only (18+).
	bands		TEXT NOT NULL DEFAULT '',
	area		TEXT NOT NULL DEFAULT 'any'
			    CHECK (area IN ('any', 'inside', 'outside')),
	leavers		INTEGER NOT NULL DEFAULT 0 CHECK (leavers IN (0, 1)),
	opens_at	INTEGER NOT NULL,
	closes_at	INTEGER NOT NULL,
	state		TEXT NOT NULL DEFAULT 'draft' CHECK (state IN
			    ('draft', 'open', 'closed', 'published')),
	created_by	INTEGER REFERENCES users (id) ON DELETE SET NULL,
	created_at	INTEGER NOT NULL,
	-- The outcome, written after it closes.
	we_asked	TEXT NOT NULL DEFAULT '',
	you_said	TEXT NOT NULL DEFAULT '',
	we_did		TEXT NOT NULL DEFAULT '',
	published_at	INTEGER,
	CHECK (closes_at > opens_at)
) STRICT;

CREATE INDEX consultations_state ON consultations (state, closes_at);

CREATE TABLE consult_questions (
	id		INTEGER PRIMARY KEY,
	consultation_id	INTEGER NOT NULL REFERENCES consultations (id)
			    ON DELETE CASCADE,
	position	INTEGER NOT NULL,
	kind		TEXT NOT NULL CHECK (kind IN ('one', 'several',
			    'scale', 'short', 'long')),
	text		TEXT NOT NULL CHECK (length(trim(text)) > 0),
	simple		TEXT NOT NULL DEFAULT '',	-- in simpler words
	optional	INTEGER NOT NULL DEFAULT 0 CHECK (optional IN (0, 1)),
	low_word	TEXT NOT NULL DEFAULT '',	-- scale: the word at 1
	high_word	TEXT NOT NULL DEFAULT ''	-- and at 5
) STRICT;

CREATE INDEX consult_questions_of ON consult_questions (consultation_id,
	position);

CREATE TABLE consult_options (
	id		INTEGER PRIMARY KEY,
	question_id	INTEGER NOT NULL REFERENCES consult_questions (id)
			    ON DELETE CASCADE,
	position	INTEGER NOT NULL,
	label		TEXT NOT NULL CHECK (length(trim(label)) > 0)
) STRICT;

CREATE INDEX consult_options_of ON consult_options (question_id, position);

-- One person's answers to one consultation. Named: user_id is theirs.
-- Anonymous: user_id is NULL and nothing else here names them; marker (a
-- keyed hash of their account and the consultation, see consult.c) is
-- all that stops a second response, and lets them come back to an
-- unfinished one. Age band and area are copied at the time, for the
-- split results (shown only above the small-number setting). An
-- anonymous response's times are to the day only.
CREATE TABLE consult_responses (
	id		INTEGER PRIMARY KEY,
	consultation_id	INTEGER NOT NULL REFERENCES consultations (id)
			    ON DELETE CASCADE,
	user_id		INTEGER REFERENCES users (id) ON DELETE SET NULL,
	marker		BLOB NOT NULL,
	anonymous	INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
	age_band	TEXT,
	lives_outside	INTEGER,
	page		INTEGER NOT NULL DEFAULT 0,	-- next page to answer
	started_at	INTEGER NOT NULL,
	finished_at	INTEGER,
	UNIQUE (consultation_id, marker),
	CHECK (anonymous = 0 OR user_id IS NULL)
) STRICT;

CREATE INDEX consult_responses_user ON consult_responses (user_id)
	WHERE user_id IS NOT NULL;
-- The results read only these columns (consult_results.c).
CREATE INDEX consult_responses_of ON consult_responses (consultation_id,
	finished_at, age_band, lives_outside);

CREATE TABLE consult_answers (
	id		INTEGER PRIMARY KEY,
	response_id	INTEGER NOT NULL REFERENCES consult_responses (id)
			    ON DELETE CASCADE,
	question_id	INTEGER NOT NULL REFERENCES consult_questions (id),
	option_id	INTEGER REFERENCES consult_options (id),
	scale		INTEGER CHECK (scale BETWEEN 1 AND 5),
	text		TEXT,
	theme		TEXT NOT NULL DEFAULT '',	-- a worker's tag
	CHECK ((option_id IS NOT NULL) + (scale IS NOT NULL) +
	    (text IS NOT NULL) = 1)
) STRICT;

CREATE INDEX consult_answers_q ON consult_answers (question_id, option_id);
CREATE INDEX consult_answers_r ON consult_answers (response_id,
	question_id, option_id, scale);

-- Once anyone has answered, the questions are what they answered: no
-- question or option changes or goes.
CREATE TRIGGER consult_questions_frozen_u BEFORE UPDATE ON consult_questions
WHEN EXISTS (SELECT 1 FROM consult_responses
    WHERE consultation_id = OLD.consultation_id)
BEGIN SELECT RAISE(ABORT, 'consultation questions are frozen'); END;

CREATE TRIGGER consult_questions_frozen_d BEFORE DELETE ON consult_questions
WHEN EXISTS (SELECT 1 FROM consult_responses
    WHERE consultation_id = OLD.consultation_id)
BEGIN SELECT RAISE(ABORT, 'consultation questions are frozen'); END;

CREATE TRIGGER consult_questions_frozen_i BEFORE INSERT ON consult_questions
WHEN EXISTS (SELECT 1 FROM consult_responses
    WHERE consultation_id = NEW.consultation_id)
BEGIN SELECT RAISE(ABORT, 'consultation questions are frozen'); END;

CREATE TRIGGER consult_options_frozen_u BEFORE UPDATE ON consult_options
WHEN EXISTS (SELECT 1 FROM consult_responses r JOIN consult_questions q
    ON q.consultation_id = r.consultation_id WHERE q.id = OLD.question_id)
BEGIN SELECT RAISE(ABORT, 'consultation questions are frozen'); END;

CREATE TRIGGER consult_options_frozen_d BEFORE DELETE ON consult_options
WHEN EXISTS (SELECT 1 FROM consult_responses r JOIN consult_questions q
    ON q.consultation_id = r.consultation_id WHERE q.id = OLD.question_id)
BEGIN SELECT RAISE(ABORT, 'consultation questions are frozen'); END;

CREATE TRIGGER consult_options_frozen_i BEFORE INSERT ON consult_options
WHEN EXISTS (SELECT 1 FROM consult_responses r JOIN consult_questions q
    ON q.consultation_id = r.consultation_id WHERE q.id = NEW.question_id)
BEGIN SELECT RAISE(ABORT, 'consultation questions are frozen'); END;

-- The key of the one-way marker: made once, by the first response
-- (libsodium's randombytes), never shown.
CREATE TABLE consult_key (
	id		INTEGER PRIMARY KEY CHECK (id = 1),
	key		BLOB NOT NULL CHECK (length(key) = 32)
) STRICT;
