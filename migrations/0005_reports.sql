-- 0005_reports: indexes for reports over a date range.
CREATE INDEX views_created ON views (created_at, category_id, author_id);
CREATE INDEX issues_answered ON issues (answered_at) WHERE answered_at IS NOT NULL;
