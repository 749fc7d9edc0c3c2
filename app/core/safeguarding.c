/*
 * safeguarding.c: the phrase matcher and flags (see safeguarding.h).
 */
#include <string.h>

#include "safeguarding.h"

static const char *sql_phrases =
	"SELECT phrase, topic FROM safeguarding_phrases ORDER BY topic";
static const char *sql_flag =
	"INSERT INTO safeguarding_flags (view_id, topics, created_at) "
	"VALUES (?1, ?2, ?3)";
static const char *sql_open =
	"SELECT count(*) FROM safeguarding_flags "
	"WHERE view_id = ?1 AND cleared_at IS NULL";
static const char *sql_clear =
	"UPDATE safeguarding_flags SET cleared_at = ?2, cleared_by = ?3, "
	"action_taken = ?4 WHERE view_id = ?1 AND cleared_at IS NULL";

/*
 * " words like this " from any text: ASCII letters lowered, apostrophes
 * (straight or curly) dropped so "don't" reads "dont", every other ASCII
 * mark a single space. Other characters are kept as they are.
 */
void
safeguarding_normalise(const char *s, struct buf *out)
{
	const unsigned char	*p = (const unsigned char *)s;
	int			 space;

	buf_putc(out, ' ');
	space = 1;
	for (; *p != '\0'; p++) {
		if (*p == '\'') {
			continue;
		}
		if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x98 ||
		    p[2] == 0x99)) {		/* curly apostrophes */
			p += 2;
			continue;
		}
		if (*p >= 0x80 || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9')) {
			buf_putc(out, (char)*p);
			space = 0;
		} else if (*p >= 'A' && *p <= 'Z') {
			buf_putc(out, (char)(*p - 'A' + 'a'));
			space = 0;
		} else if (!space) {
			buf_putc(out, ' ');
			space = 1;
		}
	}
	if (!space)
		buf_putc(out, ' ');
}

static int
has_topic(const char *topics, const char *topic)
{
	const char	*p;
	size_t		 n = strlen(topic);

	for (p = topics; (p = strstr(p, topic)) != NULL; p += n)
		if ((p == topics || p[-1] == ',') &&
		    (p[n] == ',' || p[n] == '\0'))
			return (1);
	return (0);
}

/*
 * Match text against the phrase list. Returns the number of phrases that
 * matched (0 for none, -1 on error); their topics, comma-separated and
 * each once, are appended to topics.
 */
int
safeguarding_match(struct db *db, const char *text, struct buf *topics)
{
	struct buf	 norm, phrase;
	sqlite3_stmt	*st;
	const char	*topic;
	int		 rc, hits;

	buf_init(&norm, strlen(text) + 3);
	buf_init(&phrase, 64);
	safeguarding_normalise(text, &norm);
	hits = 0;
	st = db_query(db, sql_phrases, "");
	while ((rc = db_step(st)) == 1) {
		buf_reset(&phrase);
		safeguarding_normalise(db_col_text(st, 0), &phrase);
		if (phrase.len < 3 ||
		    strstr(buf_cstr(&norm), buf_cstr(&phrase)) == NULL)
			continue;
		hits++;
		topic = db_col_text(st, 1);
		if (has_topic(buf_cstr(topics), topic))
			continue;
		if (topics->len > 0)
			buf_putc(topics, ',');
		buf_puts(topics, topic);
	}
	db_done(st);
	buf_free(&norm);
	buf_free(&phrase);
	return (rc == -1 ? -1 : hits);
}

int
safeguarding_flag(struct db *db, int64_t view_id, const char *topics,
    int64_t now)
{
	return (db_exec(db, sql_flag, "iti", view_id, topics, now));
}

/* 1 if the view has a flag nobody has cleared yet, 0 if not, -1 error. */
int
safeguarding_open(struct db *db, int64_t view_id)
{
	int64_t	 n;

	if (db_int(db, &n, sql_open, "i", view_id) != 1)
		return (-1);
	return (n > 0);
}

/*
 * Clear a view's open flag, recording what the worker did (required).
 * The caller holds the transaction.
 */
int
safeguarding_clear(struct db *db, const struct actor *who, int64_t view_id,
    const char *action, int64_t now)
{
	if (action == NULL || *action == '\0')
		return (-1);
	if (db_exec(db, sql_clear, "iiit", view_id, now, who->id, action) != 0
	    || db_changes(db) < 1)
		return (-1);
	return (audit_write(db, who, "safeguarding.clear", "view", view_id,
	    ""));
}
