/*
 * glossary.c: see glossary.h. A term in capitals only ("PEP") matches
 * exactly, so "pep" in "a pep talk" is left alone; any other term
 * matches in any case. A term matches whole words only.
 */
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "glossary.h"

static const char *sql_load =
	"SELECT term, plain FROM glossary ORDER BY length(term) DESC, term "
	"LIMIT 200";
static const char *sql_list =
	"SELECT id, term, plain FROM glossary ORDER BY term COLLATE NOCASE";
static const char *sql_insert =
	"INSERT INTO glossary (term, plain) VALUES (?1, ?2)";
static const char *sql_update =
	"UPDATE glossary SET term = ?2, plain = ?3 WHERE id = ?1";
static const char *sql_delete = "DELETE FROM glossary WHERE id = ?1";
static const char *sql_get =
	"SELECT term, plain FROM glossary WHERE id = ?1";
static const char *sql_exists =
	"SELECT count(*) FROM glossary WHERE term = ?1 AND id != ?2";

/* Longest first, so "Pupil Premium Plus" wins over a shorter term. */
int
glossary_load(struct db *db, struct arena *a, struct glossary *g)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(g, 0, sizeof(*g));
	st = db_query(db, sql_load, "");
	while ((rc = db_step(st)) == 1 && g->n < GLOSSARY_MAX) {
		g->term[g->n] = arena_strdup(a, db_col_text(st, 0));
		g->plain[g->n] = arena_strdup(a, db_col_text(st, 1));
		g->n++;
	}
	db_done(st);
	return (rc == -1 ? -1 : 0);
}

static int
word_char(int c)
{
	return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c >= 0x80);
}

static int
capitals_only(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= 'a' && *s <= 'z')
			return (0);
	return (1);
}

/* Length of term i if it starts at text + at (a word's start), or 0. */
static size_t
match_at(const struct glossary *g, size_t i, const char *text, size_t at)
{
	size_t	 len;

	if (at > 0 && word_char((unsigned char)text[at - 1]))
		return (0);
	len = strlen(g->term[i]);
	if (len == 0)
		return (0);
	if (capitals_only(g->term[i]) ? strncmp(text + at, g->term[i], len) :
	    strncasecmp(text + at, g->term[i], len))
		return (0);
	if (word_char((unsigned char)text[at + len]))
		return (0);
	return (len);
}

/* Each term text uses, once, into list (term, plain). */
void
glossary_words(const struct glossary *g, const char *text, struct tval *list)
{
	struct tval	*row;
	unsigned char	 found[GLOSSARY_MAX];
	size_t		 at, i;

	memset(found, 0, sizeof(found));
	for (at = 0; text[at] != '\0'; at++)
		for (i = 0; i < g->n; i++)
			if (!found[i] && match_at(g, i, text, at) > 0) {
				found[i] = 1;
				row = tv_push_map(list);
				tv_set_str(row, "term", g->term[i]);
				tv_set_str(row, "plain", g->plain[i]);
			}
}

/* Length of " (plain)" for term i at the start of text, or 0. */
static size_t
explained_at(const struct glossary *g, size_t i, const char *text)
{
	size_t	 len;

	len = strlen(g->plain[i]);
	if (strncmp(text, " (", 2) != 0 ||
	    strncmp(text + 2, g->plain[i], len) != 0 || text[2 + len] != ')')
		return (0);
	return (len + 3);
}

/*
 * text with the first use of each term (across every call with the same
 * g) followed by its explanation in brackets: "your PEP (Personal
 * Education Plan: your plan for school)". A later use that was stored
 * explained (a message on a timeline) loses its brackets: a page
 * explains a word once.
 */
const char *
glossary_explain(struct glossary *g, struct arena *a, const char *text)
{
	struct buf	 out;
	const char	*res;
	size_t		 at, i, len;

	if (text == NULL)
		return ("");
	buf_init(&out, strlen(text) + 64);
	for (at = 0; text[at] != '\0';) {
		for (i = 0, len = 0; i < g->n; i++)
			if ((len = match_at(g, i, text, at)) > 0)
				break;
		if (len == 0) {
			buf_putc(&out, text[at++]);
			continue;
		}
		buf_append(&out, text + at, len);
		at += len;
		if (g->seen[i])
			at += explained_at(g, i, text + at);
		else if (strncmp(text + at, " (", 2) != 0)
			buf_appendf(&out, " (%s)", g->plain[i]);
		g->seen[i] = 1;
	}
	res = arena_strdup(a, buf_cstr(&out));
	buf_free(&out);
	return (res);
}

/*
 * Each of keys (NULL-terminated) in row, in the order the page shows
 * them, as glossary_explain() has it. A key row does not have stays
 * missing, so a section on it still reads as false.
 */
void
glossary_explain_keys(struct glossary *g, struct tval *row,
    const char *const *keys)
{
	const char	*v;

	for (; *keys != NULL; keys++)
		if ((v = tv_get_str(row, *keys)) != NULL)
			tv_set_str(row, *keys, glossary_explain(g,
			    tv_arena(row), v));
}

int
glossary_list(struct db *db, struct tval *list)
{
	struct tval	*row;
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_list, "");
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_int(row, "id", sqlite3_column_int64(st, 0));
		tv_set_str(row, "term", db_col_text(st, 1));
		tv_set_str(row, "plain", db_col_text(st, 2));
	}
	db_done(st);
	return (rc);
}

/* Add (id 0) or change a term. 0, -1, or -2 if the term is there already. */
int
glossary_save(struct db *db, const struct actor *who, int64_t id,
    const char *term, const char *plain)
{
	int64_t	 n;
	int	 ok;

	n = 0;
	if (db_begin(db) == -1)
		return (-1);
	if (db_int(db, &n, sql_exists, "ti", term, id) != 1 || n > 0) {
		db_rollback(db);
		return (n > 0 ? -2 : -1);
	}
	if (id == 0)
		ok = db_exec(db, sql_insert, "tt", term, plain) == 0;
	else
		ok = db_exec(db, sql_update, "itt", id, term, plain) == 0 &&
		    db_changes(db) == 1;
	ok = ok && audit_write(db, who, id == 0 ? "glossary.add" :
	    "glossary.edit", "glossary", id == 0 ? db_last_id(db) : id,
	    term) == 0;
	return (db_end(db, ok));
}

int
glossary_delete(struct db *db, const struct actor *who, int64_t id)
{
	if (db_begin(db) == -1)
		return (-1);
	return (db_end(db, db_exec(db, sql_delete, "i", id) == 0 &&
	    db_changes(db) == 1 && audit_write(db, who, "glossary.delete",
	    "glossary", id, "") == 0));
}

/* One term, for the edit form. 1, 0 or -1. */
int
glossary_get(struct db *db, struct arena *a, int64_t id, const char **term,
    const char **plain)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_get, "i", id);
	if ((rc = db_step(st)) == 1) {
		*term = arena_strdup(a, db_col_text(st, 0));
		*plain = arena_strdup(a, db_col_text(st, 1));
	}
	db_done(st);
	return (rc);
}
