/*
 * safeguarding.c: the phrase matcher and flags (see safeguarding.h).
 */
#include <stdlib.h>
#include <string.h>

#include "safeguarding.h"

static const char *sql_phrases =
	"SELECT phrase, topic FROM safeguarding_phrases ORDER BY topic";
static const char *sql_list =
	"SELECT id, phrase, topic FROM safeguarding_phrases "
	"ORDER BY topic, phrase";
static const char *sql_add =
	"INSERT INTO safeguarding_phrases (phrase, topic) VALUES (?1, ?2)";
static const char *sql_remove =
	"DELETE FROM safeguarding_phrases WHERE id = ?1";

static const struct {
	const char	*topic;
	const char	*label;
	int		 listable;	/* admins may file phrases under it */
} topic_names[] = {
	{ "self_harm", "Self-harm", 1 },
	{ "suicide", "Suicide", 1 },
	{ "abuse", "Abuse", 1 },
	{ "exploitation", "Exploitation", 1 },
	{ "missing", "Going missing", 1 },
	{ "violence", "Violence", 1 },
	{ "unsafe", "Not feeling safe", 1 },
	/* Built-in rules only (safeguarding_scan.c). */
	{ "sexual", "Sexual harm or grooming", 0 },
	{ "neglect", "Neglect", 0 },
	{ "eating", "Eating difficulties", 0 },
	{ "drugs", "Drugs or alcohol", 0 },
	{ "bullying", "Bullying", 0 },
	{ "radicalisation", "Radicalisation", 0 },
	{ "help", "Asking for help", 0 },
};

static int
topic_listable(const char *topic)
{
	size_t	 i;

	for (i = 0; i < sizeof(topic_names) / sizeof(topic_names[0]); i++)
		if (strcmp(topic_names[i].topic, topic) == 0)
			return (topic_names[i].listable);
	return (0);
}

const char *
safeguarding_topic_label(const char *topic)
{
	size_t	 i;

	for (i = 0; i < sizeof(topic_names) / sizeof(topic_names[0]); i++)
		if (strcmp(topic_names[i].topic, topic) == 0)
			return (topic_names[i].label);
	return (NULL);
}

/* The phrase list, grouped by topic, for the admin page. */
int
safeguarding_phrases(struct db *db, struct tval *list)
{
	struct tval	*row;
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_list, "");
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_int(row, "id", sqlite3_column_int64(st, 0));
		tv_set_str(row, "phrase", db_col_text(st, 1));
		tv_set_str(row, "topic", safeguarding_topic_label(
		    db_col_text(st, 2)));
	}
	db_done(st);
	return (rc);
}

/*
 * Add a phrase (stored normalised, so it matches as the matcher reads).
 * -1 with *why for a phrase that cannot work, NULL on database error.
 */
int
safeguarding_add(struct db *db, const struct actor *who, const char *phrase,
    const char *topic, const char **why)
{
	struct buf	 norm;
	char		*p;
	int		 rc;

	*why = NULL;
	if (!topic_listable(topic)) {
		*why = "Choose a topic.";
		return (-1);
	}
	buf_init(&norm, 64);
	safeguarding_normalise(phrase, &norm);
	p = (char *)buf_cstr(&norm);
	/* Stored without the padding spaces the matcher adds. */
	p[norm.len - (norm.len > 1)] = '\0';
	p += norm.len > 1;
	if (strlen(p) < 3) {
		*why = "A phrase needs at least three letters or numbers.";
		buf_free(&norm);
		return (-1);
	}
	if (db_begin(db) == -1) {
		buf_free(&norm);
		return (-1);
	}
	rc = db_exec(db, sql_add, "tt", p, topic);
	if (rc != 0 && sqlite3_extended_errcode(db_handle(db)) ==
	    SQLITE_CONSTRAINT_UNIQUE)
		*why = "That phrase is already on the list.";
	if (rc != 0 || audit_write(db, who, "safeguarding.phrase_add",
	    "phrase", db_last_id(db), topic) == -1 || db_commit(db) == -1) {
		db_rollback(db);
		buf_free(&norm);
		return (-1);
	}
	buf_free(&norm);
	return (0);
}

int
safeguarding_remove(struct db *db, const struct actor *who, int64_t id)
{
	if (db_begin(db) == -1)
		return (-1);
	if (db_exec(db, sql_remove, "i", id) != 0 || db_changes(db) != 1 ||
	    audit_write(db, who, "safeguarding.phrase_remove", "phrase", id,
	    "") == -1 || db_commit(db) == -1) {
		db_rollback(db);
		return (-1);
	}
	return (0);
}

/*
 * The length of a UTF-8 mark that separates words as a space would:
 * general punctuation (curly quotes, dashes, "…", zero-width joiners),
 * symbols and dingbats ("❤"), variation selectors, emoji, £ and €
 * (so "£50" is a number); else 0. So
 * "he hit me😭" and "“help me”" read as words.
 */
static size_t
mark_len(const unsigned char *p)
{
	if (p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x80 && p[2] <= 0xBF)
		return (3);			/* U+2000 to U+203F */
	if (p[0] == 0xE2 && p[1] >= 0x86 && p[1] <= 0xAF && p[2] >= 0x80 &&
	    p[2] <= 0xBF)
		return (3);			/* U+2190 to U+2BFF */
	if (p[0] == 0xEF && p[1] == 0xB8 && p[2] >= 0x80 && p[2] <= 0x8F)
		return (3);			/* variation selectors */
	if (p[0] == 0xF0 && p[1] == 0x9F && p[2] >= 0x80 && p[2] <= 0xBF &&
	    p[3] >= 0x80 && p[3] <= 0xBF)
		return (4);			/* emoji */
	if (p[0] == 0xC2 && (p[1] == 0xA0 || p[1] == 0xA3 || p[1] == 0xAB ||
	    p[1] == 0xBB))
		return (2);			/* no-break space, £, « » */
	if (p[0] == 0xE2 && p[1] == 0x82 && p[2] == 0xAC)
		return (3);			/* € */
	return (0);
}

static int
is_letter(unsigned char c)
{
	return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

/* Bytes of a straight or curly apostrophe at p, or 0. */
static size_t
apostrophe_len(const unsigned char *p)
{
	if (*p == '\'')
		return (1);
	if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x98 || p[2] == 0x99))
		return (3);
	return (0);
}

/*
 * A star inside a word ("k*ll", "s**cide"): a letter the writer hid, so
 * it is kept in the word for the matcher's list of starred forms rather
 * than splitting the word in two. p[-1] is the character before.
 */
static int
starred(const unsigned char *p, int space)
{
	if (*p != '*' || space || (!is_letter(p[-1]) && p[-1] != '*'))
		return (0);
	while (*p == '*')
		p++;
	return (is_letter(*p));
}

/* Whether out ends in the word "sa" and next is "d" ending a word. */
static int
sa_d(const struct buf *out, const unsigned char *next)
{
	const char	*w;

	if (out->len < 3 || (next[0] != 'd' && next[0] != 'D') ||
	    is_letter(next[1]) || (next[1] >= '0' && next[1] <= '9'))
		return (0);
	w = out->data + out->len - 3;
	return (w[0] == ' ' && w[1] == 's' && w[2] == 'a');
}

/*
 * " words like this " from any text: ASCII letters lowered, apostrophes
 * (straight or curly) dropped so "don't" reads "dont", "!", "@" and "$"
 * between letters read as the letter they stand for ("k!ll"), "*"
 * between letters kept in the word ("k*ll", see starred()), every
 * other ASCII mark and the UTF-8 marks above a single space. Other
 * characters (letters such as "é") are kept as they are.
 */
void
safeguarding_normalise(const char *s, struct buf *out)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n;
	int			 space;

	buf_putc(out, ' ');
	space = 1;
	for (; *p != '\0'; p++) {
		if ((n = apostrophe_len(p)) > 0) {
			/* "sa'd" (sexually assaulted) is not "sad": it
			 * reads "sa", as "i was sa" does. */
			p += sa_d(out, p + n) ? n : n - 1;
			continue;
		}
		if ((*p == '!' || *p == '@' || *p == '$') && !space &&
		    is_letter(p[-1]) && is_letter(p[1])) {
			buf_putc(out, *p == '!' ? 'i' : *p == '@' ? 'a' : 's');
			continue;
		}
		if (starred(p, space)) {
			buf_putc(out, '*');
			continue;
		}
		if ((n = mark_len(p)) > 0) {
			p += n - 1;
			if (!space) {
				buf_putc(out, ' ');
				space = 1;
			}
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

/* The admin phrases, compiled, as they were when last read. */
struct phrase_memo {
	struct buf		 rows;	/* phrase\0topic\0 ... */
	struct sg_phrases	*c;
	int64_t			 version;	/* PRAGMA data_version */
	int64_t			 changes;	/* this connection's */
};

static const char	 memo_key;	/* db_memo() */

static void
memo_free(void *arg)
{
	struct phrase_memo	*m = arg;

	buf_free(&m->rows);
	safeguarding_phrases_free(m->c);
	free(m);
}

/* Compiled phrases from rows (n of them, as in phrase_memo). */
static struct sg_phrases *
compile_rows(const struct buf *rows, size_t n)
{
	struct sg_phrases	*c;
	const char		**phrases, **topics;
	size_t			 i, off;

	if ((phrases = calloc(n + 1, sizeof(*phrases))) == NULL ||
	    (topics = calloc(n + 1, sizeof(*topics))) == NULL)
		abort();
	for (i = 0, off = 0; i < n; i++) {
		phrases[i] = rows->data + off;
		off += strlen(phrases[i]) + 1;
		topics[i] = rows->data + off;
		off += strlen(topics[i]) + 1;
	}
	c = safeguarding_phrases_compile(phrases, topics, n);
	free(phrases);
	free(topics);
	return (c);
}

/*
 * The phrase list as it is now, compiled. Compiling it (every phrase
 * read as the matcher reads, and checked against every idiom) was most
 * of a short view's scan, so the compiled list is kept with the
 * connection. While no connection has written since, it is used as it
 * is; after any write the list is read again (one small query) and
 * compiled again only if it changed. NULL on a database error.
 */
static const struct sg_phrases *
phrases_now(struct db *db)
{
	struct phrase_memo	*m;
	struct buf		 rows;
	sqlite3_stmt		*st;
	int64_t			 version, changes;
	size_t			 n;
	int			 rc;

	m = db_memo(db, &memo_key);
	changes = (int64_t)sqlite3_total_changes64(db_handle(db));
	if (db_int(db, &version, "PRAGMA data_version", "") != 1)
		return (NULL);
	if (m != NULL && m->version == version && m->changes == changes)
		return (m->c);
	buf_init(&rows, 4096);
	n = 0;
	st = db_query(db, sql_phrases, "");
	while ((rc = db_step(st)) == 1) {
		buf_append(&rows, db_col_text(st, 0),
		    strlen(db_col_text(st, 0)) + 1);
		buf_append(&rows, db_col_text(st, 1),
		    strlen(db_col_text(st, 1)) + 1);
		n++;
	}
	db_done(st);
	if (rc == -1) {
		buf_free(&rows);
		return (NULL);
	}
	if (m == NULL || m->rows.len != rows.len ||
	    memcmp(m->rows.data, rows.data, rows.len) != 0) {
		if ((m = calloc(1, sizeof(*m))) == NULL)
			abort();
		m->c = compile_rows(&rows, n);
		m->rows = rows;
		db_memo_set(db, &memo_key, m, memo_free);
	} else
		buf_free(&rows);
	m->version = version;
	m->changes = changes;
	return (m->c);
}

/*
 * Match text against the built-in rules and the admin phrase list.
 * Returns the number of rules and phrases that matched (0 for none, -1
 * on error); each is appended once to out as "topic:rule" or
 * "topic:phrase", comma-separated, e.g. "abuse:person-near-hit".
 */
int
safeguarding_match(struct db *db, const char *text, struct buf *out)
{
	const struct sg_phrases	*c;

	if ((c = phrases_now(db)) == NULL)
		return (-1);
	return (safeguarding_scan_with(text, c, out));
}

/*
 * What the scan matched, for people: "abuse:person-near-hit,self_harm"
 * reads "Abuse (person near hit), Self-harm".
 */
const char *
safeguarding_rules_text(struct arena *a, const char *rules)
{
	struct buf	 out, one;
	const char	*p, *end, *colon, *label;
	char		*s;

	if (rules == NULL || *rules == '\0')
		return ("");
	buf_init(&out, 64);
	buf_init(&one, 32);
	for (p = rules; *p != '\0'; p = *end ? end + 1 : end) {
		if ((end = strchr(p, ',')) == NULL)
			end = p + strlen(p);
		colon = memchr(p, ':', (size_t)(end - p));
		buf_reset(&one);
		buf_append(&one, p, (size_t)((colon ? colon : end) - p));
		label = safeguarding_topic_label(buf_cstr(&one));
		if (out.len > 0)
			buf_puts(&out, ", ");
		buf_puts(&out, label != NULL ? label : buf_cstr(&one));
		if (colon == NULL || colon + 1 == end)
			continue;
		buf_puts(&out, " (");
		for (colon++; colon < end; colon++)
			buf_append(&out, *colon == '-' || *colon == '_' ? " " :
			    colon, 1);
		buf_puts(&out, ")");
	}
	s = arena_strdup(a, buf_cstr(&out));
	buf_free(&out);
	buf_free(&one);
	return (s);
}
