-- 0011_limits: how much one sender may send, what the last retention purge
-- did, and an audit log that forgets addresses and deleted people.
--
-- Limits hold back ordinary messages only: a message the safeguarding check
-- worries about is always stored, whatever the limits say.

INSERT INTO settings (key, value, label) VALUES
	('views_per_hour', '20',
	    'Views one young person may send in an hour (a worrying message '
	    || 'is never held back)'),
	('anon_views_per_hour', '5',
	    'Views one browser without an account may send in an hour'),
	('anon_views_per_hour_address', '30',
	    'Views all browsers at one address may send in an hour without '
	    || 'an account (a children''s home or school shares one)'),
	('pledge_checks_per_hour', '20',
	    'Times one young person may send the Pledge check in an hour'),
	('suggestions_per_hour', '10',
	    'Agenda suggestions one young person may send in an hour'),
	('audit_ip_days', '90',
	    'Days the audit log keeps the address an action came from');

-- Each run of the retention purge, so a failure shows on the admin pages
-- and not only in cron's mail.
CREATE TABLE purge_runs (
	id		INTEGER PRIMARY KEY,
	at		INTEGER NOT NULL,
	ok		INTEGER NOT NULL CHECK (ok IN (0, 1)),
	detail		TEXT NOT NULL DEFAULT ''
) STRICT;

-- An account the purge could not delete because a record that must be kept
-- (a safeguarding record) still points at it: its name, password and
-- details are wiped and the row stays, holding only its number.
ALTER TABLE users ADD COLUMN purged_at INTEGER;

-- The audit log stays append-only, with one exception: forgetting who and
-- from where. An update may only empty actor_name and ip, and set actor_id
-- to NULL; every other column must stay as it was.
DROP TRIGGER audit_log_no_update;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at
    OR NEW.actor_role IS NOT OLD.actor_role OR NEW.action IS NOT OLD.action
    OR NEW.object_type IS NOT OLD.object_type
    OR NEW.object_id IS NOT OLD.object_id OR NEW.detail IS NOT OLD.detail
    OR (NEW.actor_id IS NOT OLD.actor_id AND NEW.actor_id IS NOT NULL)
    OR (NEW.actor_name IS NOT OLD.actor_name AND NEW.actor_name != '')
    OR (NEW.ip IS NOT OLD.ip AND NEW.ip != '')
BEGIN
	SELECT RAISE(ABORT, 'the audit log cannot be changed');
END;

CREATE INDEX audit_ip ON audit_log (at) WHERE ip != '';
