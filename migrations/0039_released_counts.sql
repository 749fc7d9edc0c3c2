-- 0039_released_counts: counts that people change themselves are shown
-- as they stood at their last release (app/core/release.c).
--
-- How a Pledge promise is kept, "Did it happen?" and "me too" were
-- counted live: a young person could change their own answer and watch
-- a hidden count ("fewer than 5") become 5, and so learn it was 4. Now
-- each count (one answer on one promise, action or issue) moves only
-- when at least small_count people have moved into or out of it since
-- its last release, so one person's change is mixed with at least four
-- others' in that very count.
CREATE TABLE released_counts (
	kind		TEXT NOT NULL CHECK (kind IN ('pledge', 'happened',
			    'metoo')),
	item_id		INTEGER NOT NULL,	-- promise, action or issue
	answer		TEXT NOT NULL,		-- '' for me too
	n		INTEGER NOT NULL CHECK (n >= 0),
	PRIMARY KEY (kind, item_id, answer)
) STRICT, WITHOUT ROWID;

-- Who has moved into or out of a count since its last release.
CREATE TABLE release_waiting (
	kind		TEXT NOT NULL,
	item_id		INTEGER NOT NULL,
	answer		TEXT NOT NULL,
	user_id		INTEGER NOT NULL,
	PRIMARY KEY (kind, item_id, answer, user_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX release_waiting_user ON release_waiting (user_id);

-- Everything counted so far is released as it stands.
INSERT INTO released_counts (kind, item_id, answer, n)
	SELECT 'pledge', promise_id, verdict, count(*) FROM verdicts
	WHERE current = 1 GROUP BY promise_id, verdict;
INSERT INTO released_counts (kind, item_id, answer, n)
	SELECT 'happened', action_id, answer, count(*)
	FROM action_answers GROUP BY action_id, answer;
INSERT INTO released_counts (kind, item_id, answer, n)
	SELECT 'metoo', issue_id, '', count(*)
	FROM issue_support GROUP BY issue_id;
