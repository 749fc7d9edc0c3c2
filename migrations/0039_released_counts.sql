-- 0039_released_counts: counts that people change themselves are shown
-- as they stood at their last release (app/core/release.c).
--
-- How a Pledge promise is kept, "Did it happen?" and "me too" were
-- counted live: a young person could change their own answer and watch
-- a hidden count ("fewer than 5") become 5, and so learn it was 4. Now
-- what everyone sees moves only when at least small_count people have
-- changed their answers since the last release, so one person's change
-- is mixed with at least four others'.
CREATE TABLE released_counts (
	kind		TEXT NOT NULL CHECK (kind IN ('pledge', 'happened',
			    'metoo')),
	item_id		INTEGER NOT NULL,	-- version, action or issue
	sub_id		INTEGER NOT NULL,	-- the promise; else 0
	answer		TEXT NOT NULL,		-- the verdict; '' for me too
	n		INTEGER NOT NULL CHECK (n >= 0),
	PRIMARY KEY (kind, item_id, sub_id, answer)
) STRICT, WITHOUT ROWID;

-- Who has changed an answer on an item since its last release.
CREATE TABLE release_waiting (
	kind		TEXT NOT NULL,
	item_id		INTEGER NOT NULL,
	user_id		INTEGER NOT NULL,
	PRIMARY KEY (kind, item_id, user_id)
) STRICT, WITHOUT ROWID;

-- Everything counted so far is released as it stands.
INSERT INTO released_counts (kind, item_id, sub_id, answer, n)
	SELECT 'pledge', p.version_id, v.promise_id, v.verdict, count(*)
	FROM verdicts v JOIN promises p ON p.id = v.promise_id
	WHERE v.current = 1 GROUP BY p.version_id, v.promise_id, v.verdict;
INSERT INTO released_counts (kind, item_id, sub_id, answer, n)
	SELECT 'happened', action_id, 0, answer, count(*)
	FROM action_answers GROUP BY action_id, answer;
INSERT INTO released_counts (kind, item_id, sub_id, answer, n)
	SELECT 'metoo', issue_id, 0, '', count(*)
	FROM issue_support GROUP BY issue_id;
