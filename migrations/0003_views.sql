-- 0003_views: the core loop. Young people raise views; participation
-- workers moderate them (safeguarding first); approved views become issues
-- that councillors answer; workers publish the outcome.
--
-- A view's timeline is its own list of events, so a young person sees
-- exactly what happened to what they raised, including what happened to
-- the issue it joined.

CREATE TABLE categories (
	id		INTEGER PRIMARY KEY,
	key		TEXT NOT NULL UNIQUE,
	name		TEXT NOT NULL,
	hint		TEXT NOT NULL DEFAULT '',
	-- The Every Child Matters outcome councils group work by.
	outcome		TEXT NOT NULL DEFAULT '',
	position	INTEGER NOT NULL DEFAULT 0,
	active		INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

INSERT INTO categories (key, name, hint, outcome, position) VALUES
	('social_workers', 'Social workers',
	    'changes of social worker, not being told things, not enough time',
	    'Stay safe', 1),
	('placements', 'Where you live and moving',
	    'placements, foster homes, children''s homes, moves',
	    'Stay safe', 2),
	('contact', 'Family and friends',
	    'seeing brothers, sisters, parents and friends', 'Enjoy and achieve',
	    3),
	('education', 'School and education',
	    'school, college, designated teachers, catching up',
	    'Enjoy and achieve', 4),
	('health', 'Health and wellbeing', 'health checks, feelings, support',
	    'Be healthy', 5),
	('money', 'Money and allowances', 'pocket money, savings, allowances',
	    'Achieve economic wellbeing', 6),
	('leisure', 'Things to do', 'leisure passes, clubs, music, sport',
	    'Enjoy and achieve', 7),
	('permission', 'Permission for everyday things',
	    'sleepovers, trips, haircuts, phones', 'Enjoy and achieve', 8),
	('moving_on', 'Moving on from care',
	    'housing, leaving care, college and jobs',
	    'Achieve economic wellbeing', 9),
	('having_a_say', 'Having a say', 'reviews, meetings, being listened to',
	    'Make a positive contribution', 10);

-- An issue: what the council answers. One issue may gather many views.
CREATE TABLE issues (
	id		INTEGER PRIMARY KEY,
	category_id	INTEGER NOT NULL REFERENCES categories (id),
	title		TEXT NOT NULL,		-- public, written by a worker
	summary		TEXT NOT NULL,		-- public, written by a worker
	state		TEXT NOT NULL CHECK (state IN ('open',
			    'with_councillor', 'answered', 'published')),
	councillor_id	INTEGER REFERENCES users (id),
	sent_at		INTEGER,
	due_at		INTEGER,
	decision	TEXT CHECK (decision IN ('agreed', 'partly',
			    'not_agreed', 'more_time')),
	response	TEXT,			-- for young people
	reason		TEXT,			-- required unless agreed
	action_text	TEXT,
	action_owner	TEXT,
	action_due	INTEGER,
	answered_at	INTEGER,
	published_at	INTEGER,
	created_at	INTEGER NOT NULL,
	created_by	INTEGER REFERENCES users (id),
	-- A response without a reason for anything but "agreed" is not a
	-- response.
	CHECK (decision IS NULL OR decision = 'agreed' OR
	    length(trim(coalesce(reason, ''))) > 0)
) STRICT;

CREATE INDEX issues_state ON issues (state, due_at);
CREATE INDEX issues_councillor ON issues (councillor_id, state, due_at);
CREATE INDEX issues_published ON issues (published_at)
	WHERE published_at IS NOT NULL;
CREATE INDEX issues_category_published ON issues (category_id, published_at)
	WHERE published_at IS NOT NULL;

CREATE TABLE views (
	id		INTEGER PRIMARY KEY,
	author_id	INTEGER REFERENCES users (id),	-- NULL: no account
	track_hash	BLOB UNIQUE,			-- no account: code hash
	category_id	INTEGER NOT NULL REFERENCES categories (id),
	title		TEXT NOT NULL,
	body		TEXT NOT NULL,
	better		TEXT NOT NULL DEFAULT '',
	share		INTEGER NOT NULL DEFAULT 0 CHECK (share IN (0, 1)),
	publish		TEXT NOT NULL DEFAULT 'no'
			    CHECK (publish IN ('no', 'name', 'anonymous')),
	state		TEXT NOT NULL CHECK (state IN ('received', 'approved',
			    'redirected', 'rejected', 'merged', 'withdrawn')),
	urgent		INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
	issue_id	INTEGER REFERENCES issues (id),
	route		TEXT CHECK (route IN ('social_worker', 'iro', 'advocate',
			    'complaints')),
	outcome_text	TEXT,	-- what the young person is told: where to go,
				-- or why it was not taken forward
	form_token	TEXT UNIQUE,	-- one view per form, however often sent
	created_at	INTEGER NOT NULL,
	moderated_at	INTEGER,
	moderated_by	INTEGER REFERENCES users (id)
) STRICT;

CREATE INDEX views_author ON views (author_id, id);
CREATE INDEX views_queue ON views (state, urgent DESC, created_at, id);
CREATE INDEX views_issue ON views (issue_id);

-- The timeline of one view, as its author sees it.
CREATE TABLE view_events (
	id		INTEGER PRIMARY KEY,
	view_id		INTEGER NOT NULL REFERENCES views (id),
	at		INTEGER NOT NULL,
	kind		TEXT NOT NULL,
	text		TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX view_events_view ON view_events (view_id, id);

CREATE TABLE notifications (
	id		INTEGER PRIMARY KEY,
	user_id		INTEGER NOT NULL REFERENCES users (id),
	view_id		INTEGER REFERENCES views (id),
	at		INTEGER NOT NULL,
	text		TEXT NOT NULL,
	read_at		INTEGER
) STRICT;

CREATE INDEX notifications_user ON notifications (user_id, read_at, id);

-- Safeguarding: phrases are data, editable by admins, matched whole-word,
-- ignoring case and punctuation (see app/core/safeguarding.c).
CREATE TABLE safeguarding_phrases (
	id		INTEGER PRIMARY KEY,
	phrase		TEXT NOT NULL UNIQUE,
	topic		TEXT NOT NULL CHECK (topic IN ('self_harm', 'suicide',
			    'abuse', 'exploitation', 'missing', 'violence',
			    'unsafe'))
) STRICT;

CREATE TABLE safeguarding_flags (
	id		INTEGER PRIMARY KEY,
	view_id		INTEGER NOT NULL REFERENCES views (id),
	topics		TEXT NOT NULL,
	created_at	INTEGER NOT NULL,
	cleared_at	INTEGER,
	cleared_by	INTEGER REFERENCES users (id),
	action_taken	TEXT,
	CHECK (cleared_at IS NULL OR length(trim(coalesce(action_taken, '')))
	    > 0)
) STRICT;

CREATE INDEX safeguarding_open ON safeguarding_flags (view_id)
	WHERE cleared_at IS NULL;

INSERT INTO safeguarding_phrases (topic, phrase) VALUES
	('self_harm', 'hurt myself'), ('self_harm', 'hurting myself'),
	('self_harm', 'harm myself'), ('self_harm', 'harming myself'),
	('self_harm', 'self harm'), ('self_harm', 'selfharm'),
	('self_harm', 'self harming'), ('self_harm', 'cut myself'),
	('self_harm', 'cutting myself'), ('self_harm', 'cuts on my arms'),
	('self_harm', 'burn myself'), ('self_harm', 'burning myself'),
	('self_harm', 'starve myself'), ('self_harm', 'starving myself'),
	('suicide', 'kill myself'), ('suicide', 'killing myself'),
	('suicide', 'end my life'), ('suicide', 'ending my life'),
	('suicide', 'want to die'), ('suicide', 'wanna die'),
	('suicide', 'wish i was dead'), ('suicide', 'wish i were dead'),
	('suicide', 'suicide'), ('suicide', 'suicidal'),
	('suicide', 'take my own life'), ('suicide', 'better off dead'),
	('suicide', 'better off without me'), ('suicide', 'no reason to live'),
	('suicide', 'end it all'), ('suicide', 'overdose'),
	('suicide', 'dont want to be alive'), ('suicide', 'dont want to live'),
	('abuse', 'hits me'), ('abuse', 'hit me'), ('abuse', 'hitting me'),
	('abuse', 'beats me'), ('abuse', 'beat me'), ('abuse', 'beating me'),
	('abuse', 'kicks me'), ('abuse', 'kicked me'), ('abuse', 'punched me'),
	('abuse', 'slapped me'), ('abuse', 'slaps me'),
	('abuse', 'touches me'), ('abuse', 'touched me'),
	('abuse', 'touching me'), ('abuse', 'abuse'), ('abuse', 'abused'),
	('abuse', 'abusing me'), ('abuse', 'abusive'), ('abuse', 'rape'),
	('abuse', 'raped'), ('abuse', 'molested'), ('abuse', 'hurts me'),
	('abuse', 'hurt me'), ('abuse', 'hurting me'),
	('abuse', 'locks me in'), ('abuse', 'locked me in'),
	('abuse', 'wont feed me'), ('abuse', 'doesnt feed me'),
	('abuse', 'shouts at me all the time'),
	('exploitation', 'send nudes'), ('exploitation', 'nudes'),
	('exploitation', 'asked for pictures of me'),
	('exploitation', 'groomed'), ('exploitation', 'grooming'),
	('exploitation', 'county lines'), ('exploitation', 'selling drugs'),
	('exploitation', 'sell drugs'), ('exploitation', 'carry drugs'),
	('exploitation', 'carrying drugs'), ('exploitation', 'hold drugs'),
	('exploitation', 'owe them money'), ('exploitation', 'owe him money'),
	('exploitation', 'made me do things'),
	('exploitation', 'older boyfriend'),
	('exploitation', 'older men'), ('exploitation', 'gives me drugs'),
	('exploitation', 'gave me drugs'), ('exploitation', 'sexual'),
	('exploitation', 'sexually'),
	('missing', 'run away'), ('missing', 'running away'),
	('missing', 'ran away'), ('missing', 'runaway'),
	('missing', 'go missing'), ('missing', 'went missing'),
	('missing', 'gone missing'), ('missing', 'going missing'),
	('missing', 'sleeping rough'), ('missing', 'sleep rough'),
	('missing', 'sleeping on the street'),
	('missing', 'nowhere to sleep'), ('missing', 'nowhere to go tonight'),
	('violence', 'stabbed'), ('violence', 'stab me'),
	('violence', 'knife'), ('violence', 'threatened me'),
	('violence', 'threatening me'), ('violence', 'threatens me'),
	('violence', 'gun'), ('violence', 'jumped me'),
	('violence', 'attacked me'), ('violence', 'beat me up'),
	('violence', 'beaten up'), ('violence', 'gang'),
	('unsafe', 'not safe'), ('unsafe', 'dont feel safe'),
	('unsafe', 'do not feel safe'), ('unsafe', 'unsafe'),
	('unsafe', 'scared to go home'), ('unsafe', 'scared to go back'),
	('unsafe', 'scared of him'), ('unsafe', 'scared of her'),
	('unsafe', 'scared of them'), ('unsafe', 'scared of my'),
	('unsafe', 'afraid of him'), ('unsafe', 'afraid of her'),
	('unsafe', 'frightened of'), ('unsafe', 'in danger'),
	('unsafe', 'please help me'), ('unsafe', 'nobody will help me'),
	('unsafe', 'no one will help me');
