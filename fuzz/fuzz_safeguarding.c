/*
 * fuzz_safeguarding.c: the matcher over any text, against the shipped
 * phrase list in an in-memory database.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "safeguarding.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct db	*db;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct buf	 topics, norm;
	char		*text, err[256];

	if (db == NULL && (db_open(&db, ":memory:", err, sizeof(err)) == -1 ||
	    db_migrate(db, "migrations", err, sizeof(err)) < 0))
		abort();
	if ((text = malloc(len + 1)) == NULL)
		abort();
	memcpy(text, data, len);
	text[len] = '\0';
	buf_init(&topics, 0);
	buf_init(&norm, 0);
	safeguarding_normalise(text, &norm);
	/* Normalised text is framed by spaces and never doubles them. */
	if (norm.len < 1 || norm.data[0] != ' ' || strstr(buf_cstr(&norm),
	    "  ") != NULL)
		abort();
	if (safeguarding_match(db, text, &topics) < 0)
		abort();
	buf_free(&topics);
	buf_free(&norm);
	free(text);
	return (0);
}
