-- 0020_reads.sql: indexes for the pages read most (issue #12).
--
-- Open concerns about one item: the moderation queue asks it of every
-- waiting view, and each view's page, the urgent counts and the purge
-- ask it too. Only open concerns are in it, so it stays small however
-- many are closed over the years.
CREATE INDEX concerns_open_item ON concerns (kind, item_id)
	WHERE closed_at IS NULL;
