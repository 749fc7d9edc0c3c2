-- 0037_actions_replaced: an answer given again replaces the actions of
-- the answer before it.
--
-- After "ask again" the councillor answers anew. The open actions of the
-- earlier answer stayed open and public, so /you-said-we-did showed two
-- "what will happen" lines under the new answer, one from an answer that
-- no longer stands, and a worker had to drop it by hand (telling the
-- young people "this will not happen"). Now an issue answered again
-- closes its earlier answer's open actions as replaced, saying so; the
-- new answer's own action (made at the same moment) stays.
CREATE TRIGGER actions_replaced AFTER UPDATE OF state ON issues
WHEN NEW.state = 'answered' AND OLD.state != 'answered'
BEGIN
	UPDATE actions SET state = 'dropped',
	    drop_reason = 'The councillor answered again, and the new answer '
		|| 'replaces this.',
	    closed_at = coalesce(NEW.answered_at, OLD.answered_at, 0)
	WHERE issue_id = NEW.id AND state = 'open'
	    AND meeting_action_id IS NULL
	    AND created_at < coalesce(NEW.answered_at, 0);
END;
