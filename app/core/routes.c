/*
 * routes.c: where a view about a young person's own situation goes, and
 * how they reach that door (see routes.h). Not the moderation decision
 * itself: that is moderation.c, which calls routes_record in its
 * transaction.
 */
#include <stdio.h>
#include <string.h>

#include "routes.h"
#include "settings.h"
#include "timefmt.h"

static const char *sql_record =
	"INSERT INTO redirects (view_id, route, contact_name, contact_phone, "
	"contact_email, by_id, by_name, at) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
/* The door's details now (an admin may have corrected them since). */
static const char *sql_show =
	"SELECT r.route, r.by_name, r.at, coalesce(n.value, r.contact_name), "
	"coalesce(p.value, r.contact_phone), coalesce(e.value, "
	"r.contact_email) FROM redirects r "
	"LEFT JOIN settings n ON n.key = 'route_' || r.route || '_name' "
	"LEFT JOIN settings p ON p.key = 'route_' || r.route || '_phone' "
	"LEFT JOIN settings e ON e.key = 'route_' || r.route || '_email' "
	"WHERE r.view_id = ?1";

const char *const routes_keys[ROUTES_N + 1] = {
	"social_worker", "iro", "advocate", "complaints", NULL,
};

static const struct {
	const char	*title;		/* for admins */
	const char	*young;		/* for the young person */
} doors[ROUTES_N] = {
	{ "Social worker", "your social worker" },
	{ "Independent Reviewing Officer (IRO)",
	    "your Independent Reviewing Officer (IRO)" },
	{ "Advocacy", "an advocate" },
	{ "Complaints", "the council's complaints team" },
};

static const char *const fields[] = { "name", "phone", "email", NULL };

int
routes_index(const char *route)
{
	int	 i;

	for (i = 0; route != NULL && i < ROUTES_N; i++)
		if (strcmp(routes_keys[i], route) == 0)
			return (i);
	return (-1);
}

static const char *
key_of(struct arena *a, int route, int field)
{
	return (arena_printf(a, "route_%s_%s", routes_keys[route],
	    fields[field]));
}

static const char *
phone_problem(const char *v)
{
	int	 digits;

	for (digits = 0; *v != '\0'; v++) {
		if (*v >= '0' && *v <= '9')
			digits++;
		else if (*v != ' ' && *v != '-' && *v != '(' && *v != ')' &&
		    !(*v == '+' && digits == 0))
			break;
	}
	if (*v != '\0' || digits < 3 || digits > 15)
		return ("Enter a phone number with digits and spaces, like "
		    "0808 800 5792, or leave it empty.");
	return (NULL);
}

static const char *
email_problem(const char *v)
{
	const char	*at, *dot, *p;

	at = strchr(v, '@');
	for (p = v; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || *p == '<' || *p == '>' ||
		    *p == '"' || *p == '(' || *p == ')' || *p == ',')
			break;
	dot = at != NULL ? strrchr(at, '.') : NULL;
	if (*p != '\0' || at == NULL || at == v || strchr(at + 1, '@') !=
	    NULL || dot == NULL || dot == at + 1 || dot[1] == '\0')
		return ("Enter an email address like advocacy@example.gov.uk, "
		    "or leave it empty.");
	return (NULL);
}

/*
 * NULL if value is acceptable for field ("name", "phone" or "email"),
 * else what is wrong, in words for the admin.
 */
const char *
routes_problem(const char *field, const char *value)
{
	if (value == NULL)
		return ("Type this again.");
	if (strcmp(field, "name") == 0)
		return (*value == '\0' ? "Say who young people contact, for "
		    "example \"The IRO team\"." : NULL);
	if (*value == '\0')
		return (NULL);
	if (strcmp(field, "phone") == 0)
		return (phone_problem(value));
	return (email_problem(value));
}

/* Check every door's fields in f; problems go into e. 0 if none. */
int
routes_check(const struct form *f, struct form_errors *e)
{
	const char	*key, *v, *why;
	int		 r, k, bad;

	bad = 0;
	for (r = 0; r < ROUTES_N; r++)
		for (k = 0; fields[k] != NULL; k++) {
			key = key_of(e->arena, r, k);
			v = form_text(f, key, ROUTE_FIELD_MAX, 0, k == 0, e,
			    "Say who young people contact.");
			if (v == NULL) {
				bad = 1;
				continue;
			}
			if ((why = routes_problem(fields[k], v)) != NULL) {
				form_error(e, key, why);
				bad = 1;
			}
		}
	return (bad ? -1 : 0);
}

/*
 * The doors for the admin form: typed values (if any) over settings, and
 * each field's problem from e (may be NULL).
 */
int
routes_form(struct db *db, const struct form *typed,
    const struct form_errors *e, struct tval *list)
{
	struct tval	*row, *fm;
	struct arena	*a;
	const char	*key, *v;
	int		 r, k;

	a = tv_arena(list);
	for (r = 0; r < ROUTES_N; r++) {
		row = tv_push_map(list);
		tv_set_str(row, "title", doors[r].title);
		tv_set_str(row, "key", routes_keys[r]);
		for (k = 0; fields[k] != NULL; k++) {
			key = key_of(a, r, k);
			fm = tv_set_map(row, fields[k]);
			tv_set_str(fm, "name", key);
			v = typed != NULL ? form_raw(typed, key) : NULL;
			tv_set_str(fm, "value", v != NULL ? v :
			    settings_text(db, a, key, ""));
			if (e != NULL && form_error_for(e, key) != NULL)
				tv_set_str(fm, "problem", form_error_for(e,
				    key));
		}
	}
	return (0);
}

/* Save every door from f (already checked), audited. 0 on success. */
int
routes_save(struct db *db, const struct actor *who, const struct form *f)
{
	struct arena	 a;
	struct form_errors e;
	const char	*key, *v;
	int		 r, k, ok;

	arena_init(&a);
	form_errors_init(&e, &a);
	if (db_begin(db) == -1) {
		arena_free(&a);
		return (-1);
	}
	ok = 1;
	for (r = 0; ok && r < ROUTES_N; r++)
		for (k = 0; ok && fields[k] != NULL; k++) {
			key = key_of(&a, r, k);
			v = form_text(f, key, ROUTE_FIELD_MAX, 0, 0, &e, "");
			ok = v != NULL && routes_problem(fields[k], v) == NULL &&
			    settings_set(db, key, v) == 0;
		}
	ok = ok && audit_write(db, who, "settings.routes", "settings", 0,
	    "") == 0;
	arena_free(&a);
	return (db_end(db, ok));
}

/*
 * Record that view_id went to route, with the door's details as they are
 * now and who passed it on. Inside the caller's transaction.
 */
int
routes_record(struct db *db, const struct actor *who, int64_t view_id,
    const char *route, int64_t now)
{
	struct arena	 a;
	const char	*v[3];
	int		 r, k, rc;

	if ((r = routes_index(route)) == -1)
		return (-1);
	arena_init(&a);
	for (k = 0; k < 3; k++)
		v[k] = settings_text(db, &a, key_of(&a, r, k), "");
	if (*v[0] == '\0')
		v[0] = doors[r].title;
	rc = db_exec(db, sql_record, "ittttiti", view_id, route, v[0], v[1],
	    v[2], who->id, who->name != NULL ? who->name : "", now);
	arena_free(&a);
	return (rc == 0 ? 0 : -1);
}

/* A phone number as a tel: link wants it: digits, and a leading +. */
const char *
routes_tel(struct arena *a, const char *phone)
{
	char	 out[32];
	size_t	 o;

	for (o = 0; *phone != '\0' && o + 1 < sizeof(out); phone++)
		if ((*phone >= '0' && *phone <= '9') || (*phone == '+' &&
		    o == 0))
			out[o++] = *phone;
	out[o] = '\0';
	return (arena_strdup(a, out));
}

/*
 * Where view_id was passed on, for its author: ctx.redirect with the
 * door, who passed it on and when, and how to reach the door. 1 if there
 * is one, 0 if not, -1 on error.
 */
int
routes_show(struct db *db, int64_t view_id, struct tval *ctx)
{
	struct tval	*m;
	struct arena	*a;
	sqlite3_stmt	*st;
	int		 rc, r;

	st = db_query(db, sql_show, "i", view_id);
	if ((rc = db_step(st)) == 1 &&
	    (r = routes_index(db_col_text(st, 0))) != -1) {
		m = tv_set_map(ctx, "redirect");
		a = tv_arena(m);
		tv_set_str(m, "door", doors[r].young);
		tv_set_str(m, "by", db_col_text(st, 1));
		tv_set_str(m, "when", time_date(a,
		    sqlite3_column_int64(st, 2)));
		tv_set_str(m, "name", db_col_text(st, 3));
		if (*db_col_text(st, 4) != '\0') {
			tv_set_str(m, "phone", db_col_text(st, 4));
			tv_set_str(m, "tel", routes_tel(a,
			    db_col_text(st, 4)));
		}
		if (*db_col_text(st, 5) != '\0')
			tv_set_str(m, "email", db_col_text(st, 5));
		tv_set_bool(m, "no_contact", *db_col_text(st, 4) == '\0' &&
		    *db_col_text(st, 5) == '\0');
	}
	db_done(st);
	return (rc);
}
