-- 0032_verdicts_unnamed: the audit log says a young person gave Pledge
-- verdicts, never on which promise.
--
-- Rows naming the promise let anyone reading the log count the young
-- people behind each promise's verdicts, which is the total the
-- scorecard hides when a cell is small. A verdict row now points at the
-- Pledge version instead, and older rows are moved there too, with the
-- update trigger dropped and recreated exactly as 0012 left it (the
-- migration runs in one transaction).
DROP TRIGGER audit_log_no_update;

UPDATE audit_log SET object_type = 'pledge',
	object_id = (SELECT p.version_id FROM promises p
	    WHERE p.id = audit_log.object_id)
	WHERE action IN ('verdict.set', 'verdict.set.flagged')
	    AND object_type = 'promise';

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
