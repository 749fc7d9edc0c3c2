-- 0009_outbox: someone is told.
--
-- Email goes through a durable outbox: a message is queued in the same
-- transaction as what caused it, so it is never lost, and a sender
-- (worker 1's timer, or `portalctl mail-send`) delivers what is due,
-- retrying with back-off until the mail server accepts it. last_error
-- holds curl's words and the server's reply code, never a password.
-- Messages never hold a child's words (see app/core/alert.c).
CREATE TABLE outbox (
	id		INTEGER PRIMARY KEY,
	recipient	TEXT NOT NULL,
	subject		TEXT NOT NULL,
	body		TEXT NOT NULL,
	created_at	INTEGER NOT NULL,
	state		TEXT NOT NULL DEFAULT 'queued' CHECK (state IN
			    ('queued', 'sent', 'failed')),
	attempts	INTEGER NOT NULL DEFAULT 0,
	next_attempt_at	INTEGER NOT NULL,
	last_error	TEXT NOT NULL DEFAULT '',
	sent_at		INTEGER
) STRICT;

CREATE INDEX outbox_due ON outbox (state, next_attempt_at);

-- Staff notifications point at a page (a concern), not at a view.
ALTER TABLE notifications ADD COLUMN link TEXT;

INSERT INTO settings (key, value, label) VALUES
	('site_url', 'http://127.0.0.1:8888',
	    'The portal''s address, put in emails (like https://cicc.example.gov.uk)'),
	('smtp_url', '',
	    'Mail server for alerts, like smtps://mail.example.gov.uk:465 (empty: no email)'),
	('smtp_from', 'portal@example.invalid',
	    'The address alerts are sent from'),
	('smtp_user', '', 'Mail server user name (empty: none)'),
	('smtp_password', '',
	    'Mail server password (empty: keep the one saved)'),
	('safeguarding_emails', '',
	    'Safeguarding addresses told of every new concern, separated by commas'),
	('staffed_days', 'Mon-Fri',
	    'Days a worker reads what comes in, like Mon-Fri or Mon-Thu,Sat'),
	('staffed_hours', '09:00-17:00',
	    'Hours a worker reads what comes in on those days, like 09:00-17:00'),
	('edt_phone', '',
	    'The council''s emergency duty team (out of hours) phone number'),
	('advocacy_phone', '',
	    'The local advocacy service''s phone number'),
	('lado_phone', '',
	    'The LADO or children''s front door phone number, for professionals');
