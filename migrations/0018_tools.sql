-- 0018_tools.sql: workers' everyday tools (issue #13).
--
-- A view a participation worker typed in for a young person (given on
-- paper, by phone, at a meeting): the young person stays its author, so
-- it is theirs to follow and withdraw; entered_by says which worker typed
-- it and given_via how it reached them. Both NULL for a view the young
-- person sent themselves.
ALTER TABLE views ADD COLUMN entered_by INTEGER REFERENCES users (id);
ALTER TABLE views ADD COLUMN given_via TEXT
	CHECK (given_via IN ('paper', 'phone', 'meeting', 'other'));

-- Pledge upkeep: an owner whose promise has had no progress recorded for
-- pledge_stale_days is reminded once (in the portal), and again only
-- after a newer update has also gone stale. reminded_at says when.
ALTER TABLE promises ADD COLUMN reminded_at INTEGER;

INSERT INTO settings (key, value, label) VALUES
	('pledge_stale_days', '90',
	    'Days without recorded progress before a promise''s owner is reminded');

-- Young people comment on a draft promise before it is published. The
-- comment is a verdicts row (so moderation, the safeguarding scan, "my
-- data" and retention all handle it as they handle any comment) that is
-- never current: it counts in no tally and answers no "is it kept?".
ALTER TABLE verdicts ADD COLUMN on_draft INTEGER NOT NULL DEFAULT 0
	CHECK (on_draft IN (0, 1));
