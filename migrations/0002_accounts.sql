-- 0002_accounts: people, invites, sessions, sign-in throttling, audit.
--
-- Privacy by default: a young person is known here only by a display name
-- they chose, an age band and whether they live inside the council's area.
-- No legal name, no date of birth, no email.

CREATE TABLE users (
	id		INTEGER PRIMARY KEY,
	display_name	TEXT NOT NULL,
	-- display_name folded for comparison: sign-in and uniqueness ignore
	-- case and repeated spaces.
	name_key	TEXT NOT NULL UNIQUE,
	role		TEXT NOT NULL CHECK (role IN ('young_person',
			    'participation_worker', 'councillor', 'admin')),
	password_hash	TEXT NOT NULL,
	age_band	TEXT CHECK (age_band IN ('under_12', '12_15', '16_17',
			    '18_21', '22_25')),
	lives_outside	INTEGER CHECK (lives_outside IN (0, 1)),
	created_at	INTEGER NOT NULL,
	disabled_at	INTEGER,
	closed_at	INTEGER
) STRICT;

CREATE INDEX users_role ON users (role, display_name);

-- Invite and password-reset codes. Only a hash of the code is kept.
CREATE TABLE invites (
	id		INTEGER PRIMARY KEY,
	code_hash	BLOB NOT NULL UNIQUE,
	kind		TEXT NOT NULL CHECK (kind IN ('invite', 'reset')),
	role		TEXT NOT NULL CHECK (role IN ('young_person',
			    'participation_worker', 'councillor', 'admin')),
	user_id		INTEGER REFERENCES users (id),	-- reset: whose
	created_by	INTEGER REFERENCES users (id),
	created_at	INTEGER NOT NULL,
	expires_at	INTEGER NOT NULL,
	used_at		INTEGER,
	used_by		INTEGER REFERENCES users (id),
	note		TEXT NOT NULL DEFAULT ''
) STRICT;

-- Sessions: the cookie holds 32 random bytes; only their hash is kept.
CREATE TABLE sessions (
	id		INTEGER PRIMARY KEY,
	token_hash	BLOB NOT NULL UNIQUE,
	user_id		INTEGER NOT NULL REFERENCES users (id),
	csrf		TEXT NOT NULL,
	created_at	INTEGER NOT NULL,
	seen_at		INTEGER NOT NULL,
	ip		TEXT NOT NULL DEFAULT '',
	agent		TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX sessions_user ON sessions (user_id);

-- Failed attempts, per key ("acct:<name_key>", "addr:<ip>", "code:<ip>"),
-- for throttling. Old rows are pruned as new ones are written.
CREATE TABLE attempts (
	key		TEXT NOT NULL,
	at		INTEGER NOT NULL
) STRICT;

CREATE INDEX attempts_key ON attempts (key, at);

-- The audit log: who did what to which object, when and from where.
-- Never secrets, never the text young people wrote. Append-only.
CREATE TABLE audit_log (
	id		INTEGER PRIMARY KEY,
	at		INTEGER NOT NULL,
	actor_id	INTEGER,
	actor_name	TEXT NOT NULL DEFAULT '',
	actor_role	TEXT NOT NULL DEFAULT '',
	action		TEXT NOT NULL,
	object_type	TEXT NOT NULL DEFAULT '',
	object_id	INTEGER,
	detail		TEXT NOT NULL DEFAULT '',
	ip		TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX audit_at ON audit_log (at);
CREATE INDEX audit_action ON audit_log (action, at);
CREATE INDEX audit_actor ON audit_log (actor_id, at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'the audit log cannot be changed');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'the audit log cannot be changed');
END;
