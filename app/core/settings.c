/*
 * settings.c: read and write the settings table. A missing key or a
 * database error reads as the caller's default, so a page can always be
 * drawn; writes report failure.
 */
#include <stdlib.h>
#include <string.h>

#include "outbox.h"
#include "settings.h"
#include "staffed.h"

static const char *sql_get = "SELECT value FROM settings WHERE key = ?1";
static const char *sql_set = "UPDATE settings SET value = ?2 WHERE key = ?1";
static const char *sql_list =
	"SELECT key, value, label FROM settings WHERE key != 'demo' "
	"AND key NOT LIKE 'route\\_%' ESCAPE '\\' "	/* routes.c */
	"ORDER BY rowid";

/* Settings that may be left empty (mail off, no local number). */
static const char *const optional[] = {
	"smtp_url", "smtp_user", "smtp_password", "safeguarding_emails",
	"edt_phone", "advocacy_phone", "lado_phone",
	"answer_trusted", "reminder_emails", "escalation_emails", NULL,
};

/* Settings never shown back, even to admins: empty keeps the old one. */
static const char *const secret[] = { "smtp_password", NULL };

/* Settings longer than SETTINGS_TEXT_MAX. */
static const char *const long_text[] = {
	"site_url", "smtp_url", "smtp_password", "safeguarding_emails",
	"answer_trusted", "reminder_emails", "escalation_emails", NULL,
};

static int
listed(const char *const *list, const char *key)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, key) == 0)
			return (1);
	return (0);
}

int
settings_optional(const char *key)
{
	return (listed(optional, key));
}

int
settings_secret(const char *key)
{
	return (listed(secret, key));
}

/* Characters a setting may hold. */
size_t
settings_max(const char *key)
{
	return (listed(long_text, key) ? SETTINGS_LONG_MAX : SETTINGS_TEXT_MAX);
}

/* Settings that are whole numbers, and their sensible range. */
static const struct {
	const char	*key;
	long long	 min;
	long long	 max;
} numbers[] = {
	{ "response_days", 1, 100 },
	{ "invite_days", 1, 60 },
	{ "idle_minutes_staff", 5, 480 },
	{ "idle_minutes_young", 5, 480 },
	{ "session_hours", 1, 24 },
	{ "pledge_review_years", 1, 10 },
	{ "small_count", 1, 20 },
	{ "retention_unpublished_days", 30, 3650 },
	{ "retention_closed_account_days", 30, 3650 },
	{ "retention_concern_years", 1, 100 },
	{ "views_per_hour", 1, 1000 },
	{ "anon_views_per_hour", 1, 1000 },
	{ "anon_views_per_hour_address", 1, 10000 },
	{ "pledge_checks_per_hour", 1, 1000 },
	{ "suggestions_per_hour", 1, 1000 },
	{ "audit_ip_days", 1, 3650 },
	{ "answer_check", 0, 1 },
	{ "extensions_max", 0, 5 },
	{ "extension_days_max", 1, 100 },
	{ "remind_days", 1, 30 },
	{ "pledge_stale_days", 7, 730 },
};

/*
 * The next item of a comma-separated setting (a list of names or
 * addresses) from *at, trimmed of spaces: where it starts, its length in
 * *len (0 for an empty item), and *at moved past it. NULL at the end.
 */
const char *
settings_list_item(const char **at, size_t *len)
{
	const char	*p, *end;

	for (p = *at; *p == ' '; p++)
		;
	if (*p == '\0')
		return (NULL);
	if ((end = strchr(p, ',')) == NULL)
		end = p + strlen(p);
	*len = (size_t)(end - p);
	while (*len > 0 && p[*len - 1] == ' ')
		(*len)--;
	*at = *end != '\0' ? end + 1 : end;
	return (p);
}

/* A whole-number setting's range: 1 if key is one, else 0. */
int
settings_range(const char *key, long long *min, long long *max)
{
	size_t	 i;

	for (i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++)
		if (strcmp(numbers[i].key, key) == 0) {
			*min = numbers[i].min;
			*max = numbers[i].max;
			return (1);
		}
	return (0);
}

/*
 * Settings are read on every page (the session limits, the council's
 * name) and change a few times a year: five statements a request, each
 * its own read transaction. A thread that knows the database's version
 * at the start of a request (a web worker: see page_begin) passes it to
 * settings_at(); until the version moves, settings are read from one
 * copy of the table taken at that version, until settings_done() ends
 * the request. settings_set() drops the copy at once; another
 * connection's write moves the version. Outside that bracket (timers,
 * other threads, portalctl, the tests) settings are read from the table
 * each time. Thread-local: task threads have their own connections.
 */
struct memo_row {
	char	*key;
	char	*value;
};

static _Thread_local struct {
	struct db	*db;
	int64_t		 version[2];
	int		 valid;
	int		 current;	/* between settings_at and _done */
	struct memo_row	*rows;
	size_t		 n;
} memo;

/* In key order, as strcmp() sorts: the copy is searched by halves. */
static const char *sql_all =
    "SELECT key, value FROM settings ORDER BY key COLLATE BINARY";

static void
memo_free(void)
{
	size_t	 i;

	for (i = 0; i < memo.n; i++) {
		free(memo.rows[i].key);
		free(memo.rows[i].value);
	}
	free(memo.rows);
	memo.rows = NULL;
	memo.n = 0;
	memo.valid = 0;
}

static int
memo_load(struct db *db)
{
	struct memo_row	*rows;
	sqlite3_stmt	*st;
	size_t		 cap;
	int		 rc;

	cap = 0;
	st = db_query(db, sql_all, "");
	while ((rc = db_step(st)) == 1) {
		if (memo.n == cap) {
			cap = cap ? cap * 2 : 64;
			if ((rows = reallocarray(memo.rows, cap,
			    sizeof(*rows))) == NULL) {
				rc = -1;
				break;
			}
			memo.rows = rows;
		}
		memo.rows[memo.n].key = strdup(db_col_text(st, 0));
		memo.rows[memo.n].value = strdup(db_col_text(st, 1));
		memo.n++;
		if (memo.rows[memo.n - 1].key == NULL ||
		    memo.rows[memo.n - 1].value == NULL) {
			rc = -1;
			break;
		}
	}
	db_done(st);
	return (rc == 0 ? 0 : -1);
}

/* The database is at version (a, b) for db's next reads: see above. */
void
settings_at(struct db *db, int64_t a, int64_t b)
{
	memo.current = 1;
	if (memo.db == db && memo.valid && memo.version[0] == a &&
	    memo.version[1] == b)
		return;
	memo_free();
	memo.db = db;
	memo.version[0] = a;
	memo.version[1] = b;
	memo.valid = memo_load(db) == 0;
	if (!memo.valid)
		memo_free();
}

/* The request is over: read the table until the next settings_at(). */
void
settings_done(void)
{
	memo.current = 0;
}

/* Forget the copy (a worker ending). */
void
settings_forget(void)
{
	memo_free();
	memo.db = NULL;
	memo.current = 0;
}

/* From the copy: 1 found, 0 no such key, -1 no copy (read the table). */
static int
memo_get(struct db *db, const char *key, const char **v)
{
	size_t	 lo, hi, mid;
	int	 cmp;

	if (memo.db != db || !memo.valid || !memo.current)
		return (-1);
	for (lo = 0, hi = memo.n; lo < hi; ) {
		mid = lo + (hi - lo) / 2;
		if ((cmp = strcmp(key, memo.rows[mid].key)) == 0) {
			*v = memo.rows[mid].value;
			return (1);
		}
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return (0);
}

const char *
settings_text(struct db *db, struct arena *a, const char *key,
    const char *dflt)
{
	sqlite3_stmt	*st;
	const char	*v;

	switch (memo_get(db, key, &v)) {
	case 1:
		return (arena_strdup(a, v));
	case 0:
		return (dflt);
	}
	st = db_query(db, sql_get, "t", key);
	v = db_step(st) == 1 ? arena_strdup(a, db_col_text(st, 0)) : dflt;
	db_done(st);
	return (v);
}

static int64_t
int_of(const char *s, int64_t dflt)
{
	char		*end;
	long long	 v;

	v = strtoll(s, &end, 10);
	return (*s == '\0' || *end != '\0' ? dflt : v);
}

int64_t
settings_int(struct db *db, const char *key, int64_t dflt)
{
	sqlite3_stmt	*st;
	const char	*s;
	int64_t		 v;

	v = dflt;
	switch (memo_get(db, key, &s)) {
	case 1:
		return (int_of(s, dflt));
	case 0:
		return (dflt);
	}
	st = db_query(db, sql_get, "t", key);
	if (db_step(st) == 1)
		v = int_of(db_col_text(st, 0), dflt);
	db_done(st);
	return (v);
}

/* 0 on success, -1 on error or unknown key. */
int
settings_set(struct db *db, const char *key, const char *value)
{
	if (memo.db == db)
		memo_free();
	if (db_exec(db, sql_set, "tt", key, value) != 0)
		return (-1);
	return (db_changes(db) == 1 ? 0 : -1);
}

/* Every setting with its label; typed values (if any) shown instead. */
int
settings_list(struct db *db, const struct form *typed, struct tval *list)
{
	struct tval	*row;
	sqlite3_stmt	*st;
	const char	*v;
	int		 rc;

	st = db_query(db, sql_list, "");
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_str(row, "key", db_col_text(st, 0));
		v = typed ? form_raw(typed, db_col_text(st, 0)) : NULL;
		tv_set_str(row, "label", db_col_text(st, 2));
		tv_set_int(row, "max", (int64_t)settings_max(db_col_text(st,
		    0)));
		if (settings_secret(db_col_text(st, 0))) {
			tv_set_bool(row, "secret", 1);
			tv_set_bool(row, "saved", *db_col_text(st, 1) != '\0');
			continue;
		}
		tv_set_str(row, "value", v ? v : db_col_text(st, 1));
	}
	db_done(st);
	return (rc);
}

/* A phone number: digits, spaces and + ( ) -, with 3 to 15 digits. */
static int
phone_ok(const char *s)
{
	size_t	 digits;

	for (digits = 0; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if (strchr(" +()-", *s) == NULL)
			return (0);
	}
	return (digits >= 3 && digits <= 15);
}

/* An address starting with one of the schemes, with no spaces. */
static int
url_ok(const char *s, const char *a, const char *b)
{
	size_t	 n;

	if (strncmp(s, a, strlen(a)) == 0)
		n = strlen(a);
	else if (strncmp(s, b, strlen(b)) == 0)
		n = strlen(b);
	else
		return (0);
	if (s[n] == '\0' || s[n] == '/')
		return (0);
	for (s += n; *s != '\0'; s++)
		if (*s <= ' ' || *s >= 127 || strchr("<>\"'\\", *s) != NULL)
			return (0);
	return (1);
}

/* What is wrong with a setting that has a shape, or NULL. */
static const char *
shape_problem(const char *key, const char *value)
{
	if (strcmp(key, "site_url") == 0 &&
	    !url_ok(value, "https://", "http://"))
		return ("Enter the portal's address, starting https:// .");
	if (strcmp(key, "smtp_url") == 0 &&
	    !url_ok(value, "smtps://", "smtp://"))
		return ("Enter the mail server like "
		    "smtps://mail.example.gov.uk or "
		    "smtp://mail.example.gov.uk:587, or leave it empty.");
	/* A password in the URL would be shown on this page. */
	if (strcmp(key, "smtp_url") == 0 && strchr(value, '@') != NULL)
		return ("Put the user name and password in their own "
		    "settings, not in the mail server's address.");
	if (strcmp(key, "smtp_from") == 0 &&
	    !outbox_addr_ok(value, strlen(value)))
		return ("Enter one email address, like "
		    "portal@example.gov.uk.");
	if (strcmp(key, "safeguarding_emails") == 0 ||
	    strcmp(key, "reminder_emails") == 0 ||
	    strcmp(key, "escalation_emails") == 0)
		return (outbox_addrs_problem(value));
	if (strcmp(key, "staffed_days") == 0)
		return (staffed_days_problem(value));
	if (strcmp(key, "staffed_hours") == 0)
		return (staffed_hours_problem(value));
	if (strstr(key, "_phone") != NULL && !phone_ok(value))
		return ("Enter a phone number, like 0161 234 5678.");
	return (NULL);
}

/* NULL if value is acceptable for key, else what is wrong. */
const char *
settings_problem(const char *key, const char *value)
{
	const char	*why;
	long long	 n;
	char		*end;
	size_t		 i;

	if (value == NULL || *value == '\0')
		return (settings_optional(key) ? NULL :
		    "This cannot be empty.");
	if (strlen(value) > settings_max(key))
		return (settings_max(key) > SETTINGS_TEXT_MAX ?
		    "This must be 200 characters or fewer." :
		    "This must be 80 characters or fewer.");
	if ((why = shape_problem(key, value)) != NULL)
		return (why);
	for (i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++) {
		if (strcmp(numbers[i].key, key) != 0)
			continue;
		n = strtoll(value, &end, 10);
		if (*end != '\0' || n < numbers[i].min || n > numbers[i].max)
			return ("Enter a whole number in the range allowed.");
		return (NULL);
	}
	return (NULL);
}
