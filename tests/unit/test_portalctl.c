/*
 * test_portalctl.c: the operator's CLI as an operator runs it: exit codes,
 * messages, and what it leaves in the database.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "db.h"

static char	dir[64];
static char	out[8192];

/* Run portalctl with args (and stdin text); returns its exit status. */
static int
ctl(const char *input, const char *args)
{
	char		 cmd[1024];
	const char	*build;
	FILE		*fp;
	size_t		 n;
	int		 st;

	if ((build = getenv("PORTAL_BUILD")) == NULL)
		build = "build";
	(void)snprintf(cmd, sizeof(cmd), "printf '%s' | ./%s/portalctl --db "
	    "%s/p.db %s 2>&1", input ? input : "", build, dir, args);
	fp = popen(cmd, "r");
	assert_non_null(fp);
	n = fread(out, 1, sizeof(out) - 1, fp);
	out[n] = '\0';
	st = pclose(fp);
	return (WIFEXITED(st) ? WEXITSTATUS(st) : -1);
}

static int
setup(void **state)
{
	(void)state;
	(void)snprintf(dir, sizeof(dir), "/tmp/portal-cli-XXXXXX");
	return (mkdtemp(dir) == NULL ? -1 : 0);
}

static int
teardown(void **state)
{
	char	 cmd[128];

	(void)state;
	(void)snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return (system(cmd) == 0 ? 0 : -1);
}

static void
usage_and_unknown(void **state)
{
	(void)state;
	assert_int_equal(ctl(NULL, ""), 2);
	assert_non_null(strstr(out, "usage: portalctl"));
	assert_int_equal(ctl(NULL, "frobnicate"), 2);
	assert_non_null(strstr(out, "unknown command"));
	assert_int_equal(ctl(NULL, "backup"), 2);
	assert_non_null(strstr(out, "usage: portalctl backup FILE"));
	assert_int_equal(ctl(NULL, "help"), 0);
}

static void
migrate_check_backup(void **state)
{
	char	 args[256];

	(void)state;
	/* No database there: said so, and none is made (a typo in
	 * PORTAL_DB must not check or back up an empty new one). */
	assert_int_equal(ctl(NULL, "check"), 1);
	assert_non_null(strstr(out, "there is no database at"));
	(void)snprintf(args, sizeof(args), "%s/p.db", dir);
	assert_int_equal(access(args, F_OK), -1);
	/* An empty file (a backup that failed half-way) is no portal
	 * database, whatever SQLite makes of it. */
	(void)snprintf(args, sizeof(args), "%s/empty.db", dir);
	fclose(fopen(args, "w"));
	(void)snprintf(args, sizeof(args), "--db %s/empty.db check", dir);
	assert_int_equal(ctl(NULL, args), 1);
	assert_non_null(strstr(out, "not a portal database"));
	assert_int_equal(ctl(NULL, "migrate"), 0);
	assert_non_null(strstr(out, "Applied"));
	assert_int_equal(ctl(NULL, "migrate"), 0);
	assert_non_null(strstr(out, "up to date"));
	assert_int_equal(ctl(NULL, "check"), 0);
	assert_non_null(strstr(out, "ok:"));
	(void)snprintf(args, sizeof(args), "backup %s/copy.db", dir);
	assert_int_equal(ctl(NULL, args), 0);
	/* Never overwrites an existing file. */
	assert_int_equal(ctl(NULL, args), 1);
	assert_non_null(strstr(out, "already exists"));
}

/* The mode bits of path, for "who may read this file". */
static int
mode_of(const char *name)
{
	struct stat	 sb;
	char		 path[128];

	(void)snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (stat(path, &sb) == -1)
		return (-1);
	return (sb.st_mode & 0777);
}

/*
 * The database and its backups hold password hashes and children's
 * words: only their owner may read them, whatever umask portalctl was
 * started with.
 */
static void
files_are_private(void **state)
{
	char	 args[256];
	mode_t	 old;

	(void)state;
	old = umask(022);
	assert_int_equal(ctl(NULL, "migrate"), 0);
	(void)snprintf(args, sizeof(args), "backup %s/private.db", dir);
	assert_int_equal(ctl(NULL, args), 0);
	(void)umask(old);
	assert_int_equal(mode_of("p.db"), 0600);
	assert_int_equal(mode_of("private.db"), 0600);
}

static void
create_admin_hashes_password(void **state)
{
	struct db	*db;
	struct buf	 b;
	char		 err[256], path[128];

	(void)state;
	assert_int_equal(ctl("short\n", "create-admin 'Ana Ruiz'"), 1);
	assert_non_null(strstr(out, "at least 8 characters"));
	assert_int_equal(ctl("password123\n", "create-admin 'Ana Ruiz'"), 1);
	assert_non_null(strstr(out, "too easy to guess"));
	assert_int_equal(ctl("a-fine-long-secret\n",
	    "create-admin 'Ana Ruiz'"), 0);
	assert_int_equal(ctl("a-fine-long-secret\n",
	    "create-admin 'ana  ruiz'"), 1);
	assert_non_null(strstr(out, "already uses that name"));

	(void)snprintf(path, sizeof(path), "%s/p.db", dir);
	assert_int_equal(db_open(&db, path, err, sizeof(err)), 0);
	buf_init(&b, 0);
	assert_int_equal(db_text(db, &b, "SELECT role || ' ' || "
	    "substr(password_hash, 1, 10) FROM users", ""), 1);
	assert_string_equal(buf_cstr(&b), "admin $argon2id$");
	buf_reset(&b);
	assert_int_equal(db_text(db, &b, "SELECT action FROM audit_log", ""),
	    1);
	assert_string_equal(buf_cstr(&b), "account.create");
	buf_free(&b);
	db_close(db);
}

static void
invite_prints_a_code(void **state)
{
	(void)state;
	assert_int_equal(ctl(NULL, "invite --role councillor"), 0);
	assert_non_null(strstr(out, "Invite code for a Councillor"));
	assert_non_null(strstr(out, "/join"));
	assert_int_equal(ctl(NULL, "invite --role king"), 1);
	assert_non_null(strstr(out, "is not a role"));
	assert_int_equal(ctl(NULL, "invite"), 2);
}

static void
demo_only_into_empty_database(void **state)
{
	(void)state;
	assert_int_equal(ctl(NULL, "demo-logins"), 0);
	assert_non_null(strstr(out, "not a demo database"));
	assert_int_equal(ctl(NULL, "seed-demo"), 0);
	assert_non_null(strstr(out, "no demo data was added"));
}

/*
 * scan: one line in, "flag|clear TAB rules TAB text" out, against the
 * built-in rules and the database's own phrase list; migrations run
 * quietly so standard output is only the results.
 */
static void
scan_prints_flag_or_clear(void **state)
{
	struct db	*db;
	char		 err[256], path[128], args[192];

	(void)state;
	(void)snprintf(args, sizeof(args), "--db %s/scan.db scan", dir);
	assert_int_equal(ctl("my carer punches me\\nthe staff are kind\\n"
	    "a gang of us went bowling\\n\\nkms", args), 0);
	assert_string_equal(out,
	    "flag\tabuse:person-near-hit,abuse:hits-her-end,abuse:punched me\tmy carer punches "
	    "me\n"
	    "clear\t\tthe staff are kind\n"
	    "clear\t\ta gang of us went bowling\n"
	    "clear\t\t\n"
	    "flag\tsuicide:kill-myself,suicide:kill myself\tkms\n");
	assert_int_equal(ctl("", args), 0);
	assert_string_equal(out, "");

	/* An admin's phrase counts, read the same way ("hugs" -> "hugging"). */
	assert_int_equal(ctl("he keeps hugging me\\n", args), 0);
	assert_string_equal(out, "clear\t\the keeps hugging me\n");
	(void)snprintf(path, sizeof(path), "%s/scan.db", dir);
	assert_int_equal(db_open(&db, path, err, sizeof(err)), 0);
	assert_int_equal(db_exec(db, "INSERT INTO safeguarding_phrases "
	    "(phrase, topic) VALUES ('hugs me', 'unsafe')", ""), 0);
	db_close(db);
	assert_int_equal(ctl("he keeps hugging me\\n", args), 0);
	assert_string_equal(out, "flag\tunsafe:hugs me\the keeps hugging "
	    "me\n");

	assert_int_equal(ctl(NULL, "scan extra"), 2);
	assert_int_equal(ctl(NULL, "help"), 0);
	assert_non_null(strstr(out, "scan\n      read one text a line"));
}

/* A dry run changes nothing, not even the schema of an older database. */
static void
dry_run_never_migrates(void **state)
{
	char	 cmd[512], args[256];
	int	 i;

	(void)state;
	/* A database from before the newest migration. */
	(void)snprintf(cmd, sizeof(cmd), "mkdir -p %s/m5 && for f in $(ls "
	    "migrations/*.sql | head -n -1); do ln -sf \"$PWD/$f\" %s/m5/; "
	    "done", dir, dir);
	assert_int_equal(system(cmd), 0);
	(void)snprintf(args, sizeof(args), "--db %s/old.db --migrations %s/m5 "
	    "migrate", dir, dir);
	assert_int_equal(ctl(NULL, args), 0);
	(void)snprintf(args, sizeof(args), "--db %s/old.db purge --dry-run",
	    dir);
	for (i = 0; i < 2; i++) {
		assert_int_equal(ctl(NULL, args), 1);
		assert_non_null(strstr(out, "has 1 migration(s) waiting"));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(usage_and_unknown),
		cmocka_unit_test(migrate_check_backup),
		cmocka_unit_test(files_are_private),
		cmocka_unit_test(create_admin_hashes_password),
		cmocka_unit_test(invite_prints_a_code),
		cmocka_unit_test(demo_only_into_empty_database),
		cmocka_unit_test(scan_prints_flag_or_clear),
		cmocka_unit_test(dry_run_never_migrates),
	};

	return (cmocka_run_group_tests_name("portalctl", tests, setup,
	    teardown));
}
