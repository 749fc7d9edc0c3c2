/*
 * fuzz_safeguarding.c: the matcher over any text, against the shipped
 * phrase list in an in-memory database, and (db-free) with the input's
 * first line as an admin phrase. Oracles: the same text gives the same
 * answer twice, and every item listed is "topic:name".
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "safeguarding.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct db	*db;

static void
scan_twice(const char *text)
{
	struct buf	 a, b;
	const char	*phrases[1], *topics[1] = { "abuse" }, *p;
	char		*line;
	int		 n;

	if ((line = strdup(text)) == NULL)
		abort();
	line[strcspn(line, "\n")] = '\0';
	phrases[0] = line;
	buf_init(&a, 0);
	buf_init(&b, 0);
	n = safeguarding_scan(text, phrases, topics, 1, &a);
	if (n < 0 || safeguarding_scan(text, phrases, topics, 1, &b) != n ||
	    strcmp(buf_cstr(&a), buf_cstr(&b)) != 0)
		abort();
	for (p = buf_cstr(&a); n > 0 && p != NULL; p = strchr(p + 1, ','))
		if (strchr(p, ':') == NULL)
			abort();
	/* A phrase with any word in it always finds itself. */
	buf_reset(&b);
	safeguarding_normalise(line, &b);
	if (b.len > 1 && strlen(line) < 200) {
		buf_reset(&a);
		if (safeguarding_scan(line, phrases, topics, 1, &a) < 1 ||
		    strstr(buf_cstr(&a), "abuse:") == NULL)
			abort();
	}
	buf_free(&a);
	buf_free(&b);
	free(line);
}

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
	scan_twice(text);
	buf_free(&topics);
	buf_free(&norm);
	free(text);
	return (0);
}
