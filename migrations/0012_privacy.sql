-- 0012_privacy: privacy promises that hold, and the right door for a
-- young person's own situation.
--
-- 1. A published issue that gathered a private view ("No, keep it
--    private") is shown publicly only through words a worker typed when
--    publishing it: public_title and public_summary.
-- 2. A redirect records where it went (social worker, IRO, advocacy,
--    complaints), with that door's contact details as they were then, and
--    who passed it on. The contact details live in settings.
-- 3. The audit log says a Pledge verdict was given, never which one:
--    earlier rows named the verdict next to the young person's name, so
--    their detail is blanked here.

ALTER TABLE issues ADD COLUMN public_title TEXT;
ALTER TABLE issues ADD COLUMN public_summary TEXT;

CREATE TABLE redirects (
	id		INTEGER PRIMARY KEY,
	view_id		INTEGER NOT NULL UNIQUE REFERENCES views (id),
	route		TEXT NOT NULL CHECK (route IN ('social_worker', 'iro',
			    'advocate', 'complaints')),
	-- The door's details when it was passed on (settings may change).
	contact_name	TEXT NOT NULL,
	contact_phone	TEXT NOT NULL DEFAULT '',
	contact_email	TEXT NOT NULL DEFAULT '',
	by_id		INTEGER NOT NULL REFERENCES users (id),
	by_name		TEXT NOT NULL,
	at		INTEGER NOT NULL
) STRICT;

-- Where each door is. A phone or email left empty is "not set": young
-- people are then told to ask their participation worker. Coram Voice runs
-- the national advocacy helpline for children in care.
INSERT INTO settings (key, value, label) VALUES
	('route_social_worker_name', 'The children''s services duty team',
	    'Social worker: who young people contact'),
	('route_social_worker_phone', '',
	    'Social worker: phone number (can be empty)'),
	('route_social_worker_email', '',
	    'Social worker: email address (can be empty)'),
	('route_iro_name', 'The Independent Reviewing Officer team',
	    'IRO: who young people contact'),
	('route_iro_phone', '', 'IRO: phone number (can be empty)'),
	('route_iro_email', '', 'IRO: email address (can be empty)'),
	('route_advocate_name', 'Coram Voice advocacy helpline',
	    'Advocacy: who young people contact'),
	('route_advocate_phone', '0808 800 5792',
	    'Advocacy: phone number (can be empty)'),
	('route_advocate_email', '', 'Advocacy: email address (can be empty)'),
	('route_complaints_name', 'The council''s complaints team',
	    'Complaints: who young people contact'),
	('route_complaints_phone', '',
	    'Complaints: phone number (can be empty)'),
	('route_complaints_email', '',
	    'Complaints: email address (can be empty)');

-- The audit log is append-only (0002, loosened by 0011 only to forget
-- names and addresses). To blank the verdicts it held, the update trigger
-- is dropped for this one statement and then recreated exactly as 0011
-- made it; the migration runs in one transaction, so no other write can
-- slip in between.
DROP TRIGGER audit_log_no_update;

UPDATE audit_log SET detail = ''
	WHERE action IN ('verdict.set', 'verdict.set.flagged') AND detail != '';

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
