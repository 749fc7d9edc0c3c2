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
