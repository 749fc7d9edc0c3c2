-- 0031_ids_never_reused: a view or an account that is deleted keeps its
-- number. SQLite gives a new row the highest number in use plus one, so
-- when a young person deleted their newest view, the next view sent (by
-- anyone) took its number, and so did the next account after the newest
-- one was purged: a worker's link or an audit entry for the old one then
-- led to someone else. The highest number ever deleted is kept here, and
-- new views and accounts are numbered above it (views.c, users.c).

CREATE TABLE id_floors (
	name	TEXT PRIMARY KEY,
	last	INTEGER NOT NULL
) STRICT;

CREATE TRIGGER views_id_floor AFTER DELETE ON views BEGIN
	INSERT INTO id_floors (name, last) VALUES ('views', OLD.id)
	    ON CONFLICT (name) DO UPDATE SET last = max(last, excluded.last);
END;

CREATE TRIGGER users_id_floor AFTER DELETE ON users BEGIN
	INSERT INTO id_floors (name, last) VALUES ('users', OLD.id)
	    ON CONFLICT (name) DO UPDATE SET last = max(last, excluded.last);
END;
