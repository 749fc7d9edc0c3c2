-- 0001_init: instance settings.
--
-- Settings are data, not code: an admin changes them at /admin/settings and
-- every page reads the current value. Keys are fixed by the application;
-- values are text.

CREATE TABLE settings (
	key	TEXT PRIMARY KEY,
	value	TEXT NOT NULL,
	label	TEXT NOT NULL
) STRICT;

INSERT INTO settings (key, value, label) VALUES
	('council_name', 'Our council', 'The council''s name'),
	('cicc_name', 'Children in Care Council',
	    'What the council calls its Children in Care Council'),
	('response_days', '20',
	    'Working days a councillor has to answer an issue'),
	('invite_days', '14', 'Days an invite code stays valid'),
	('idle_minutes_staff', '30',
	    'Minutes before an idle staff sign-in ends'),
	('idle_minutes_young', '60',
	    'Minutes before an idle young person''s sign-in ends'),
	('session_hours', '8', 'Hours before any sign-in ends'),
	('pledge_review_years', '3', 'Years between Pledge reviews'),
	('small_count', '5',
	    'Counts below this are shown as "fewer than" in reports'),
	('retention_unpublished_days', '730',
	    'Days an unpublished view is kept'),
	('retention_closed_account_days', '365',
	    'Days a closed account is kept'),
	('demo', '0', 'Whether this is a demo council');
