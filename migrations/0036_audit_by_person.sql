-- 0036_audit_by_person: named consultation answers and agenda
-- suggestions are logged against the young person, not the item.
--
-- A row per consultation (or meeting) with the actor's name let the
-- log's readers count, by name, who answered each consultation: a total
-- the results hide when it is small. New rows point at the person, as
-- "me too" and "Did it happen?" rows do; older rows are moved there,
-- with the update trigger dropped and recreated exactly as 0032 left it
-- (the migration runs in one transaction).
DROP TRIGGER audit_log_no_update;

UPDATE audit_log SET object_type = 'user', object_id = actor_id
	WHERE (action IN ('consult.start', 'consult.answer')
	    AND object_type = 'consultation')
	   OR (action IN ('meeting.suggest', 'meeting.suggest.flagged')
	    AND object_type = 'meeting');

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
