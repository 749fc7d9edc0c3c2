/*
 * users.c: roles, display names and the users table.
 *
 * A display name is what everyone sees; a sign-in name is what its owner
 * types to sign in, and nobody else sees it (0010_signin_names.sql).
 * Neither is a legal name. Both are unique under their folded key
 * (namefold.c), so case, spacing and hidden characters never make two.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "namefold.h"
#include "timefmt.h"
#include "users.h"
#include "utf8.h"

static const struct {
	enum role	 role;
	const char	*key;
	const char	*label;
} roles[] = {
	{ ROLE_YOUNG, "young_person", "Young person" },
	{ ROLE_WORKER, "participation_worker", "Participation worker" },
	{ ROLE_COUNCILLOR, "councillor", "Councillor" },
	{ ROLE_ADMIN, "admin", "Admin" },
};

static const struct {
	const char	*key;
	const char	*label;
} age_bands[] = {
	{ "under_12", "Under 12" },
	{ "12_15", "12 to 15" },
	{ "16_17", "16 or 17" },
	{ "18_21", "18 to 21" },
	{ "22_25", "22 to 25" },
};

/* The same keys as a form's choices (form_choice), in order. */
const char *const age_band_keys[] = {
	"under_12", "12_15", "16_17", "18_21", "22_25", NULL,
};
/* Where a young person lives: the choice's index is lives_outside. */
const char *const area_keys[] = { "inside", "outside", NULL };

/* Words a young person's name may not contain: they would look official. */
static const char *const staff_words[] = {
	"admin", "administrator", "moderator", "mod", "staff", "worker",
	"councillor", "cllr", "council", "official", "officer", "manager",
	"social worker", "support", "team", "participation", "system",
	"portal", "helpdesk", "childline", "police",
};

/* Numbered above any deleted account (migration 0031): never reused. */
static const char *sql_insert =
	"INSERT INTO users (id, display_name, name_key, role, password_hash, "
	"age_band, lives_outside, created_at, signin_name, signin_key) "
	"VALUES (max(coalesce((SELECT max(id) FROM users), 0), "
	"coalesce((SELECT last FROM id_floors WHERE name = 'users'), 0)) + 1, "
	"?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
static const char *sql_by_id =
	"SELECT id, display_name, role, coalesce(age_band, ''), "
	"coalesce(lives_outside, 0), disabled_at IS NOT NULL "
	"FROM users WHERE id = ?1 AND closed_at IS NULL";
static const char *sql_by_key =
	"SELECT id, display_name, role, coalesce(age_band, ''), "
	"coalesce(lives_outside, 0), disabled_at IS NOT NULL, password_hash "
	"FROM users WHERE name_key = ?1 AND closed_at IS NULL";
static const char *sql_by_signin =
	"SELECT id, display_name, role, coalesce(age_band, ''), "
	"coalesce(lives_outside, 0), disabled_at IS NOT NULL, password_hash "
	"FROM users WHERE signin_key = ?1 AND closed_at IS NULL";
static const char *sql_signin_name =
	"SELECT coalesce(signin_name, display_name) FROM users WHERE id = ?1";
static const char *sql_set_signin =
	"UPDATE users SET signin_name = ?2, signin_key = ?3 WHERE id = ?1";
static const char *sql_rekey_list =
	"SELECT id, display_name, coalesce(signin_name, display_name), "
	"name_key, coalesce(signin_key, '') FROM users "
	"WHERE display_name GLOB '*[^ -~]*' OR signin_name GLOB '*[^ -~]*'";
static const char *sql_rekey =
	"UPDATE users SET name_key = ?2, signin_key = ?3 WHERE id = ?1";

static const char *sql_hash =
	"SELECT password_hash FROM users WHERE id = ?1 AND closed_at IS NULL";
static const char *sql_set_hash =
	"UPDATE users SET password_hash = ?2 WHERE id = ?1";
static const char *sql_set_name =
	"UPDATE users SET display_name = ?2, name_key = ?3 WHERE id = ?1";
/* A young person's own age band and area: the only people who have them. */
static const char *sql_set_details =
	"UPDATE users SET age_band = ?2, lives_outside = ?3 "
	"WHERE id = ?1 AND role = 'young_person'";
static const char *sql_disable =
	"UPDATE users SET disabled_at = ?2 WHERE id = ?1";
static const char *sql_enable =
	"UPDATE users SET disabled_at = NULL WHERE id = ?1";
static const char *sql_list =
	"SELECT id, display_name, role, coalesce(age_band, ''), "
	"coalesce(lives_outside, 0), disabled_at IS NOT NULL, created_at, "
	"(SELECT max(seen_at) FROM sessions WHERE user_id = users.id), "
	"role = 'young_person', on_board "
	"FROM users WHERE closed_at IS NULL AND (?1 = '' OR role = ?1) "
	"ORDER BY role, name_key";

enum role
role_parse(const char *s)
{
	size_t	 i;

	for (i = 0; s != NULL && i < sizeof(roles) / sizeof(roles[0]); i++)
		if (strcmp(roles[i].key, s) == 0)
			return (roles[i].role);
	return (ROLE_NONE);
}

const char *
role_key(enum role r)
{
	size_t	 i;

	for (i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (roles[i].role == r)
			return (roles[i].key);
	return ("");
}

const char *
role_label(enum role r)
{
	size_t	 i;

	for (i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (roles[i].role == r)
			return (roles[i].label);
	return ("");
}

int
age_band_valid(const char *s)
{
	return (age_band_label(s) != NULL);
}

const char *
age_band_label(const char *s)
{
	size_t	 i;

	for (i = 0; s != NULL && i < sizeof(age_bands) / sizeof(age_bands[0]);
	    i++)
		if (strcmp(age_bands[i].key, s) == 0)
			return (age_bands[i].label);
	return (NULL);
}

/*
 * Letters allowed in names: ASCII and the Latin letters of Latin-1 and
 * Latin Extended-A and B (so Zoë, Siân, Łukasz, Dũng), digits, space,
 * hyphen and apostrophes.
 */
static int
name_char_ok(uint32_t c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9'))
		return (1);
	if (c == ' ' || c == '-' || c == '\'' || c == 0x2019)
		return (1);
	if (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7)
		return (1);
	if (c >= 0x1E00 && c <= 0x1EFF)		/* Latin Extended Additional */
		return (1);
	return (0);
}

/*
 * The comparison key of a name (see namefold.c): case, runs of any white
 * space, hidden and full-width characters folded. Sign-in, uniqueness and
 * the count of failed sign-ins all use it. -1 if it does not fit.
 */
int
user_name_key(const char *name, char *out, size_t outlen)
{
	return (name_fold_key(name, out, outlen));
}

static int
has_word(const char *key, const char *word)
{
	const char	*p;
	size_t		 wl;

	wl = strlen(word);
	for (p = key; (p = strstr(p, word)) != NULL; p++) {
		if ((p == key || !isalnum((unsigned char)p[-1])) &&
		    !isalnum((unsigned char)p[wl]))
			return (1);
	}
	return (0);
}

/* NULL if name is an acceptable display name for role, else why not. */
const char *
user_name_problem(const char *name, enum role role)
{
	const char	*p, *end;
	char		 key[NAME_KEY_MAX], word[64];
	uint32_t	 c;
	size_t		 n, i;
	int		 letters;

	end = name + strlen(name);
	n = 0;
	letters = 0;
	for (p = name; p < end; n++) {
		if (utf8_decode(&p, end, &c) == -1)
			return ("Your name has characters we cannot read.");
		if (cp_is_invisible(c))
			return ("Your name has a hidden character in it. "
			    "Please type it again.");
		if (!name_char_ok(c))
			return ("Names can only have letters, numbers, "
			    "spaces, - and '.");
		if (c != ' ' && c != '-' && c != '\'' && c != 0x2019 &&
		    !(c >= '0' && c <= '9'))
			letters++;
	}
	if (n < DISPLAY_NAME_MIN)
		return ("Your name must be at least 2 characters long.");
	if (n > DISPLAY_NAME_MAX)
		return ("Your name must be 40 characters or fewer.");
	if (letters == 0)
		return ("Your name must have at least one letter in it.");
	if (name[0] == ' ' || end[-1] == ' ')
		return ("Your name cannot start or end with a space.");
	if (role == ROLE_YOUNG) {
		/* Compared as they look, so accents and look-alike letters
		 * ("Cłlr", "Wörker", a Cyrillic "а") do not get past. */
		if (name_skeleton(name, key, sizeof(key)) == -1)
			return ("Your name is too long.");
		for (i = 0; i < sizeof(staff_words) / sizeof(staff_words[0]);
		    i++) {
			if (name_skeleton(staff_words[i], word,
			    sizeof(word)) == -1)
				continue;
			if (has_word(key, word))
				return ("Please choose a name that does not "
				    "sound like a member of staff.");
		}
	}
	return (NULL);
}

/*
 * NULL if signin may be the sign-in name of someone whose display name is
 * display, else why not. It follows the rules of names, and must differ
 * from the display name: otherwise it would not be private.
 */
const char *
user_signin_problem(const char *signin, const char *display)
{
	const char	*why;
	char		 a[NAME_KEY_MAX], b[NAME_KEY_MAX];

	if ((why = user_name_problem(signin, ROLE_ADMIN)) != NULL)
		return (why);
	if (display != NULL && user_name_key(signin, a, sizeof(a)) == 0 &&
	    user_name_key(display, b, sizeof(b)) == 0 && strcmp(a, b) == 0)
		return ("Choose a sign-in name that is different from the "
		    "name people see, so only you know it.");
	return (NULL);
}

/*
 * Which name a failed UNIQUE constraint was about, in plain words (one
 * name used as both: the words for a display name).
 */
static const char *
taken(struct db *db, int one_name)
{
	if (sqlite3_extended_errcode(db_handle(db)) != SQLITE_CONSTRAINT_UNIQUE)
		return (NULL);
	if (!one_name && strstr(db_errmsg(db), "signin_key") != NULL)
		return ("Somebody already signs in with that name. "
		    "Please choose another.");
	return ("Somebody already uses that name. Please choose another.");
}

/*
 * Insert a user who signs in with signin (NULL: with their display name).
 * Returns 0 with *id set, or -1 with *why in plain words (a taken name)
 * or NULL for a database error.
 */
int
user_create_signin(struct db *db, const char *name, const char *signin,
    enum role role, const char *pwhash, const char *age_band, int outside,
    int64_t *id, const char **why)
{
	char	 key[NAME_KEY_MAX], skey[NAME_KEY_MAX];
	int	 one_name;

	*why = NULL;
	one_name = signin == NULL;
	if (signin == NULL)
		signin = name;
	if (user_name_key(name, key, sizeof(key)) == -1 ||
	    user_name_key(signin, skey, sizeof(skey)) == -1) {
		*why = "Your name is too long.";
		return (-1);
	}
	if (db_exec(db, sql_insert, "tttttditt", name, key, role_key(role),
	    pwhash, role == ROLE_YOUNG ? age_band : NULL,
	    role == ROLE_YOUNG ? outside : 0, (int64_t)time(NULL), signin,
	    skey) != 0) {
		*why = taken(db, one_name);
		return (-1);
	}
	*id = db_last_id(db);
	return (0);
}

/* An account that signs in with its display name (operators, the demo). */
int
user_create(struct db *db, const char *name, enum role role,
    const char *pwhash, const char *age_band, int outside, int64_t *id,
    const char **why)
{
	return (user_create_signin(db, name, NULL, role, pwhash, age_band,
	    outside, id, why));
}

static void
user_fill(sqlite3_stmt *st, struct user *u)
{
	u->id = sqlite3_column_int64(st, 0);
	(void)snprintf(u->name, sizeof(u->name), "%s", db_col_text(st, 1));
	u->role = role_parse(db_col_text(st, 2));
	(void)snprintf(u->age_band, sizeof(u->age_band), "%s",
	    db_col_text(st, 3));
	u->lives_outside = sqlite3_column_int(st, 4);
	u->disabled = sqlite3_column_int(st, 5);
}

/* 1 found, 0 not found, -1 error. */
int
user_by_id(struct db *db, int64_t id, struct user *u)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = db_query(db, sql_by_id, "i", id);
	if ((rc = db_step(st)) == 1)
		user_fill(st, u);
	db_done(st);
	return (rc);
}

static int
user_by_key(struct db *db, const char *sql, const char *name, struct user *u,
    char *hash, size_t hashlen)
{
	sqlite3_stmt	*st;
	char		 key[NAME_KEY_MAX];
	int		 rc;

	if (user_name_key(name, key, sizeof(key)) == -1)
		return (0);
	st = db_query(db, sql, "t", key);
	if ((rc = db_step(st)) == 1) {
		user_fill(st, u);
		(void)snprintf(hash, hashlen, "%s", db_col_text(st, 6));
	}
	db_done(st);
	return (rc);
}

/* By sign-in name (folded); also copies the password hash. */
int
user_by_signin(struct db *db, const char *name, struct user *u, char *hash,
    size_t hashlen)
{
	return (user_by_key(db, sql_by_signin, name, u, hash, hashlen));
}

/* The name id signs in with, for its owner's eyes only. 1, 0 or -1. */
int
user_signin_name(struct db *db, int64_t id, char *out, size_t outlen)
{
	struct buf	 b;
	int		 rc;

	buf_init(&b, 64);
	if ((rc = db_text(db, &b, sql_signin_name, "i", id)) == 1)
		(void)snprintf(out, outlen, "%s", buf_cstr(&b));
	buf_free(&b);
	return (rc);
}

/* -1 with *why set when the name is taken, NULL on database error. */
int
user_set_signin(struct db *db, int64_t id, const char *name,
    const char **why)
{
	char	 key[NAME_KEY_MAX];

	*why = NULL;
	if (user_name_key(name, key, sizeof(key)) == -1)
		return (-1);
	if (db_exec(db, sql_set_signin, "itt", id, name, key) != 0) {
		*why = taken(db, 0);
		return (-1);
	}
	return (db_changes(db) == 1 ? 0 : -1);
}

/*
 * Recompute the stored keys of names with letters beyond ASCII, whose
 * folding 0010 could not do in SQL. Run after migrating; cheap when done.
 * Returns how many rows changed, or -1.
 */
int
user_rekey(struct db *db)
{
	sqlite3_stmt	*st;
	char		 key[NAME_KEY_MAX], skey[NAME_KEY_MAX];
	int		 rc, n;

	/* Updating a row the query has passed is safe in SQLite; a row seen
	 * again already has its new keys and is skipped. */
	st = db_query(db, sql_rekey_list, "");
	for (n = 0; (rc = db_step(st)) == 1;) {
		if (user_name_key(db_col_text(st, 1), key, sizeof(key)) ==
		    -1 || user_name_key(db_col_text(st, 2), skey,
		    sizeof(skey)) == -1)
			continue;
		if (strcmp(key, db_col_text(st, 3)) == 0 &&
		    strcmp(skey, db_col_text(st, 4)) == 0)
			continue;
		if (db_exec(db, sql_rekey, "itt", sqlite3_column_int64(st, 0),
		    key, skey) != 0) {
			rc = -1;
			break;
		}
		n++;
	}
	db_done(st);
	return (rc == -1 ? -1 : n);
}

/* By display name (any case or spacing); also copies the password hash. */
int
user_by_name(struct db *db, const char *name, struct user *u, char *hash,
    size_t hashlen)
{
	return (user_by_key(db, sql_by_key, name, u, hash, hashlen));
}

int
user_password_hash(struct db *db, int64_t id, char *hash, size_t hashlen)
{
	struct buf	 b;
	int		 rc;

	buf_init(&b, 128);
	if ((rc = db_text(db, &b, sql_hash, "i", id)) == 1)
		(void)snprintf(hash, hashlen, "%s", buf_cstr(&b));
	buf_free(&b);
	return (rc);
}

int
user_set_password(struct db *db, int64_t id, const char *hash)
{
	if (db_exec(db, sql_set_hash, "it", id, hash) != 0)
		return (-1);
	return (db_changes(db) == 1 ? 0 : -1);
}

/* -1 with *why set when the name is taken, NULL on database error. */
int
user_set_name(struct db *db, int64_t id, const char *name, const char **why)
{
	char	 key[NAME_KEY_MAX];

	*why = NULL;
	if (user_name_key(name, key, sizeof(key)) == -1)
		return (-1);
	if (db_exec(db, sql_set_name, "itt", id, name, key) != 0) {
		*why = taken(db, 1);
		return (-1);
	}
	return (0);
}

/* A young person's age band and whether they live outside the area. */
int
user_set_details(struct db *db, int64_t id, const char *age_band,
    int outside)
{
	if (!age_band_valid(age_band) ||
	    db_exec(db, sql_set_details, "iti", id, age_band,
	    (int64_t)(outside != 0)) != 0)
		return (-1);
	return (db_changes(db) == 1 ? 0 : -1);
}

int
user_set_disabled(struct db *db, int64_t id, int disabled, int64_t now)
{
	int	 rc;

	rc = disabled ? db_exec(db, sql_disable, "ii", id, now) :
	    db_exec(db, sql_enable, "i", id);
	if (rc != 0)
		return (-1);
	return (db_changes(db) == 1 ? 0 : -1);
}

/* Accounts (of one role, or all with ROLE_NONE) into list, for staff. */
int
user_list(struct db *db, enum role only, struct tval *list)
{
	struct tval	*row;
	sqlite3_stmt	*st;
	const char	*band;
	int		 rc;

	st = db_query(db, sql_list, "t", only == ROLE_NONE ? "" :
	    role_key(only));
	while ((rc = db_step(st)) == 1) {
		row = tv_push_map(list);
		tv_set_int(row, "id", sqlite3_column_int64(st, 0));
		tv_set_str(row, "name", db_col_text(st, 1));
		tv_set_str(row, "role", role_label(role_parse(
		    db_col_text(st, 2))));
		band = age_band_label(db_col_text(st, 3));
		tv_set_str(row, "age_band", band ? band : "");
		tv_set_bool(row, "outside", sqlite3_column_int(st, 4));
		tv_set_bool(row, "disabled", sqlite3_column_int(st, 5));
		tv_set_str(row, "joined", time_date(tv_arena(row),
		    sqlite3_column_int64(st, 6)));
		tv_set_str(row, "seen", time_human(tv_arena(row),
		    sqlite3_column_int64(st, 7)));
		/* Only a young person can sit on the board for the CiCC. */
		tv_set_bool(row, "young", sqlite3_column_int(st, 8));
		tv_set_bool(row, "on_board", sqlite3_column_int(st, 9));
	}
	db_done(st);
	return (rc);
}

/*
 * May a viewer (role, id) disable, enable or reset target? Admins manage
 * everyone but themselves; participation workers manage young people.
 */
int
accounts_may_manage(enum role viewer, int64_t viewer_id,
    const struct user *target)
{
	if (target->id == viewer_id)
		return (0);
	if (viewer == ROLE_ADMIN)
		return (1);
	return (viewer == ROLE_WORKER && target->role == ROLE_YOUNG);
}

/* May viewer create an invite for role? */
int
accounts_may_invite(enum role viewer, enum role role)
{
	if (role == ROLE_NONE)
		return (0);
	if (viewer == ROLE_ADMIN)
		return (1);
	return (viewer == ROLE_WORKER && role == ROLE_YOUNG);
}
