-- 0024_invites: meetings by invitation. Councillors attend Children in
-- Care Council meetings only when invited, so a councillor sees only the
-- meetings they are invited to. An invitee is an account (a councillor,
-- a worker, a young person) or a named guest with no account ("Head of
-- Virtual School"). After the meeting a worker records who came.
--
-- email: where the minutes' link goes, for an invited staff account;
-- young people's accounts never hold one (privacy by default). A guest
-- cannot sign in, so has none either.
--
-- No CHECK ties user_id to guest_name: purging an account empties
-- user_id (retention.c), and the row stays so the counts stay true.

CREATE TABLE meeting_invitees (
	id		INTEGER PRIMARY KEY,
	meeting_id	INTEGER NOT NULL REFERENCES meetings (id),
	user_id		INTEGER REFERENCES users (id),
	guest_name	TEXT NOT NULL DEFAULT '',
	guest_role	TEXT NOT NULL DEFAULT '',
	email		TEXT NOT NULL DEFAULT '',
	attendance	TEXT NOT NULL DEFAULT ''
			    CHECK (attendance IN ('', 'attended', 'apologies',
			    'absent')),
	added_at	INTEGER NOT NULL,
	added_by	INTEGER REFERENCES users (id)
) STRICT;

CREATE UNIQUE INDEX meeting_invitees_account ON meeting_invitees
	(meeting_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX meeting_invitees_user ON meeting_invitees (user_id);
