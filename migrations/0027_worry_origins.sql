-- 0027_worry_origins: which address opened a concern from worrying
-- words sent with no account (a consultation answer whose session ran
-- out).
--
-- Over its hourly limit, an address's further worrying words join the
-- newest such concern it opened, never another person's. The origin is
-- a digest of the address (auth_digest_hex), not the address, and a row
-- lives only the hour the limit looks back over (consult.c deletes older
-- ones).

CREATE TABLE worry_origins (
	concern_id	INTEGER PRIMARY KEY
			REFERENCES concerns (id) ON DELETE CASCADE,
	origin		TEXT NOT NULL,
	created_at	INTEGER NOT NULL
);
CREATE INDEX worry_origins_origin ON worry_origins (origin, created_at);
