-- 0033_known_devices: browsers an account has signed in from.
--
-- A flood of wrong passwords at one real name, from more addresses than
-- the limits per address can see, may hold only a few places in the
-- password queue (app/web/pwtask.c); a try from a browser that has
-- signed in to that account before is never turned away for it, so the
-- flood cannot lock its owner out. The browser keeps a random cookie;
-- only its digest is kept here, and a year unused it counts no more.
CREATE TABLE known_devices (
	token_hash	BLOB NOT NULL,
	user_id		INTEGER NOT NULL REFERENCES users (id),
	seen_at		INTEGER NOT NULL,
	PRIMARY KEY (token_hash, user_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX known_devices_user ON known_devices (user_id);
