/*
 * fuzz_tokens.c: what the portal does with codes and cookies people send:
 * invite and tracking codes typed in any form, and session cookie values
 * looked up against a real (in-memory) sessions table.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "invite.h"
#include "session.h"
#include "views.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct db	*db;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct session_limits	 l = { 1800, 3600, 28800 };
	struct session		 s;
	struct invite		 inv;
	struct view		 v;
	char			*text, out[64], err[256];
	int			 n;

	if (db == NULL && (db_open(&db, ":memory:", err, sizeof(err)) == -1 ||
	    db_migrate(db, "migrations", err, sizeof(err)) < 0))
		abort();
	if ((text = malloc(len + 1)) == NULL)
		abort();
	memcpy(text, data, len);
	text[len] = '\0';
	n = auth_code_normalise(text, out, sizeof(out));
	if (n >= 0 && (size_t)n != strlen(out))
		abort();
	if (session_find(db, text, 1000, &l, &s) != 0)
		abort();	/* the table is empty: nothing may match */
	if (invite_find(db, text, 1000, &inv) != INVITE_UNKNOWN)
		abort();
	if (views_by_track(db, text, &v) != 0)
		abort();
	free(text);
	return (0);
}
