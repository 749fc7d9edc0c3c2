-- 0040_answers_before_published: an outcome published in a period stays
-- in that period's board report after its issue is reopened.
--
-- Reopening clears issues.published_at (the outcome is no longer the
-- council's answer), so a report already tabled lost it from "You said,
-- we did". The earlier answer kept in answers_before (0038) now keeps
-- its words and when it was published too.
ALTER TABLE answers_before ADD COLUMN response TEXT;
ALTER TABLE answers_before ADD COLUMN reason TEXT;
ALTER TABLE answers_before ADD COLUMN published_at INTEGER;

CREATE INDEX answers_before_published ON answers_before (published_at)
	WHERE published_at IS NOT NULL;

DROP TRIGGER answer_kept_on_reopen;
CREATE TRIGGER answer_kept_on_reopen BEFORE UPDATE OF state ON issues
WHEN OLD.state IN ('answered', 'published') AND
    NEW.state = 'with_councillor' AND OLD.answered_at IS NOT NULL
BEGIN
	INSERT INTO answers_before (issue_id, councillor_id, sent_at,
	    first_due_at, due_at, extensions, decision, answered_at,
	    response, reason, published_at)
	VALUES (OLD.id, OLD.councillor_id, OLD.sent_at, OLD.first_due_at,
	    OLD.due_at, OLD.extensions, OLD.decision, OLD.answered_at,
	    OLD.response, OLD.reason, OLD.published_at);
END;
