-- 0030_views_author_list: a young person's "My views" lists each view's
-- title, state, date and category from this index alone. Before, every
-- row was a lookup in the views table too, beside its category and
-- issue: the list was a quarter of a young person's /views. The same
-- (author_id, id) order leads, so every query by author still uses it.

DROP INDEX views_author;
CREATE INDEX views_author ON views (author_id, id, state, publish,
	category_id, issue_id, created_at, read_at, title);
