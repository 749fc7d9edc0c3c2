/*
 * test_db.c: the SQLite layer: pragmas, migrations (once, in order, all or
 * nothing), cached statements, transactions, backup and integrity check.
 */
#include <sys/stat.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "db.h"

struct fixture {
	char		 dir[64];
	char		 mig[96];
	char		 path[96];
	struct db	*db;
};

static void
write_file(const char *dir, const char *name, const char *text)
{
	char	 path[256];
	FILE	*fp;

	(void)snprintf(path, sizeof(path), "%s/%s", dir, name);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static int
setup(void **state)
{
	struct fixture	*f;
	char		 err[256];

	f = calloc(1, sizeof(*f));
	(void)snprintf(f->dir, sizeof(f->dir), "/tmp/portal-unit-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return (-1);
	(void)snprintf(f->mig, sizeof(f->mig), "%s/migrations", f->dir);
	(void)snprintf(f->path, sizeof(f->path), "%s/sub/test.db", f->dir);
	if (mkdir(f->mig, 0700) == -1)
		return (-1);
	write_file(f->mig, "0001_one.sql",
	    "CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT);");
	write_file(f->mig, "0002_two.sql",
	    "INSERT INTO a (v) VALUES ('first');");
	write_file(f->mig, "README.txt", "not a migration");
	if (db_open(&f->db, f->path, err, sizeof(err)) == -1)
		return (-1);
	*state = f;
	return (0);
}

static int
teardown(void **state)
{
	struct fixture	*f = *state;
	char		 cmd[128];

	db_close(f->db);
	(void)snprintf(cmd, sizeof(cmd), "rm -rf %s", f->dir);
	if (system(cmd) != 0)
		return (-1);
	free(f);
	return (0);
}

static void
pragmas_are_set(void **state)
{
	struct fixture	*f = *state;
	struct buf	 b;
	int64_t		 n;

	buf_init(&b, 0);
	assert_int_equal(db_text(f->db, &b, "PRAGMA journal_mode", ""), 1);
	assert_string_equal(buf_cstr(&b), "wal");
	assert_int_equal(db_int(f->db, &n, "PRAGMA synchronous", ""), 1);
	assert_int_equal(n, 2);	/* FULL */
	assert_int_equal(db_int(f->db, &n, "PRAGMA foreign_keys", ""), 1);
	assert_int_equal(n, 1);
	buf_free(&b);
}

static void
a_blocked_writer_waits_five_seconds(void **state)
{
	struct fixture	*f = *state;
	struct db	*other;
	struct timespec	 t0, t1;
	char		 err[256];
	double		 waited;

	assert_int_equal(db_open(&other, f->path, err, sizeof(err)), 0);
	assert_int_equal(db_begin(other), 0);	/* holds the write lock */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(db_begin(f->db), -1);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	waited = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	assert_true(waited >= 5.0);
	assert_true(waited < 30.0);
	db_rollback(other);
	/* Free again: taken at once. */
	assert_int_equal(db_begin(f->db), 0);
	db_rollback(f->db);
	db_close(other);
}

static void
migrations_apply_once_in_order(void **state)
{
	struct fixture	*f = *state;
	char		 err[256];
	int64_t		 n;

	assert_int_equal(db_migrate(f->db, f->mig, err, sizeof(err)), 2);
	assert_int_equal(db_migrate(f->db, f->mig, err, sizeof(err)), 0);
	assert_int_equal(db_int(f->db, &n, "SELECT count(*) FROM a", ""), 1);
	assert_int_equal(n, 1);
	assert_int_equal(db_schema_version(f->db, &n), 0);
	assert_int_equal(n, 2);
	/* A new file later is applied on its own. */
	write_file(f->mig, "0003_three.sql",
	    "INSERT INTO a (v) VALUES ('second');");
	assert_int_equal(db_migrate(f->db, f->mig, err, sizeof(err)), 1);
	assert_int_equal(db_int(f->db, &n, "SELECT count(*) FROM a", ""), 1);
	assert_int_equal(n, 2);
}

static void
failed_migration_changes_nothing(void **state)
{
	struct fixture	*f = *state;
	char		 err[256];
	int64_t		 n;

	write_file(f->mig, "0003_bad.sql",
	    "INSERT INTO a (v) VALUES ('half');\nTHIS IS NOT SQL;");
	assert_int_equal(db_migrate(f->db, f->mig, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "0003_bad.sql"));
	assert_non_null(strstr(err, "syntax error"));
	/* Not even 0001 and 0002, which came before it in the same run. */
	assert_int_equal(db_int(f->db, &n, "SELECT count(*) FROM "
	    "sqlite_master WHERE name = 'a'", ""), 1);
	assert_int_equal(n, 0);
	/* Mended, the whole run goes through. */
	write_file(f->mig, "0003_bad.sql", "SELECT 1;");
	assert_int_equal(db_migrate(f->db, f->mig, err, sizeof(err)), 3);
}

static void
statements_are_cached_and_bound(void **state)
{
	struct fixture	*f = *state;
	static const char *ins = "INSERT INTO a (v) VALUES (?1)";
	static const char *sel = "SELECT v FROM a WHERE id = ?1";
	char		 err[256];
	struct buf	 b;
	sqlite3_stmt	*s1, *s2;

	assert_int_equal(db_migrate(f->db, f->mig, err, sizeof(err)), 2);
	s1 = db_prep(f->db, ins);
	s2 = db_prep(f->db, ins);
	assert_non_null(s1);
	assert_ptr_equal(s1, s2);
	assert_int_equal(db_exec(f->db, ins, "t", "it's <fine>"), 0);
	buf_init(&b, 0);
	assert_int_equal(db_text(f->db, &b, sel, "i", db_last_id(f->db)), 1);
	assert_string_equal(buf_cstr(&b), "it's <fine>");
	assert_int_equal(db_exec(f->db, ins, "t", NULL), 0);
	buf_reset(&b);
	assert_int_equal(db_text(f->db, &b, sel, "i", (int64_t)999), 0);
	assert_int_equal(db_exec(f->db, "not sql", ""), -1);
	buf_free(&b);
}

static void
rollback_discards(void **state)
{
	struct fixture	*f = *state;
	char		 err[256];
	int64_t		 n;

	assert_int_equal(db_migrate(f->db, f->mig, err, sizeof(err)), 2);
	assert_int_equal(db_begin(f->db), 0);
	assert_int_equal(db_exec(f->db, "INSERT INTO a (v) VALUES ('x')", ""),
	    0);
	db_rollback(f->db);
	assert_int_equal(db_int(f->db, &n, "SELECT count(*) FROM a", ""), 1);
	assert_int_equal(n, 1);
	assert_int_equal(db_begin(f->db), 0);
	assert_int_equal(db_exec(f->db, "INSERT INTO a (v) VALUES ('x')", ""),
	    0);
	assert_int_equal(db_commit(f->db), 0);
	assert_int_equal(db_int(f->db, &n, "SELECT count(*) FROM a", ""), 1);
	assert_int_equal(n, 2);
	/* db_end: a step that failed undoes the lot; else it commits. */
	assert_int_equal(db_begin(f->db), 0);
	assert_int_equal(db_exec(f->db, "INSERT INTO a (v) VALUES ('x')", ""),
	    0);
	assert_int_equal(db_end(f->db, 0), -1);
	assert_int_equal(db_begin(f->db), 0);
	assert_int_equal(db_exec(f->db, "INSERT INTO a (v) VALUES ('x')", ""),
	    0);
	assert_int_equal(db_end(f->db, 1), 0);
	assert_int_equal(db_int(f->db, &n, "SELECT count(*) FROM a", ""), 1);
	assert_int_equal(n, 3);
}

static void
nested_transactions_use_savepoints(void **state)
{
	struct fixture	*f = *state;
	char		 err[256];
	int64_t		 n;

	assert_int_equal(db_migrate(f->db, f->mig, err, sizeof(err)), 2);
	assert_int_equal(db_begin(f->db), 0);
	assert_int_equal(db_exec(f->db, "INSERT INTO a (v) VALUES ('outer')",
	    ""), 0);
	/* An inner step that fails undoes only itself... */
	assert_int_equal(db_begin(f->db), 0);
	assert_int_equal(db_exec(f->db, "INSERT INTO a (v) VALUES ('inner')",
	    ""), 0);
	db_rollback(f->db);
	/* ...one that succeeds stays, until the outer one decides. */
	assert_int_equal(db_begin(f->db), 0);
	assert_int_equal(db_exec(f->db, "INSERT INTO a (v) VALUES ('kept')",
	    ""), 0);
	assert_int_equal(db_commit(f->db), 0);
	assert_int_equal(db_commit(f->db), 0);
	assert_int_equal(db_int(f->db, &n, "SELECT count(*) FROM a WHERE v IN "
	    "('outer', 'kept')", ""), 1);
	assert_int_equal(n, 2);
	assert_int_equal(db_int(f->db, &n, "SELECT count(*) FROM a WHERE v = "
	    "'inner'", ""), 1);
	assert_int_equal(n, 0);
	/* And the outer rollback takes the inner commits with it. */
	assert_int_equal(db_begin(f->db), 0);
	assert_int_equal(db_begin(f->db), 0);
	assert_int_equal(db_exec(f->db, "INSERT INTO a (v) VALUES ('gone')",
	    ""), 0);
	assert_int_equal(db_commit(f->db), 0);
	db_rollback(f->db);
	db_rollback(f->db);	/* nothing open: harmless */
	assert_int_equal(db_int(f->db, &n, "SELECT count(*) FROM a WHERE v = "
	    "'gone'", ""), 1);
	assert_int_equal(n, 0);
}

static void
backup_and_check(void **state)
{
	struct fixture	*f = *state;
	char		 err[256], copy[128];
	struct db	*db2;
	struct buf	 report;
	int64_t		 n;

	assert_int_equal(db_migrate(f->db, f->mig, err, sizeof(err)), 2);
	(void)snprintf(copy, sizeof(copy), "%s/copy.db", f->dir);
	assert_int_equal(db_backup(f->db, copy, err, sizeof(err)), 0);
	assert_int_equal(db_open(&db2, copy, err, sizeof(err)), 0);
	assert_int_equal(db_int(db2, &n, "SELECT count(*) FROM a", ""), 1);
	assert_int_equal(n, 1);
	buf_init(&report, 0);
	assert_int_equal(db_check(db2, &report), 1);
	assert_string_equal(buf_cstr(&report), "ok\n");
	buf_free(&report);
	db_close(db2);
}

/*
 * A page's reads share one snapshot; a write ends it first, so it
 * starts from the newest data even after another connection wrote.
 */
static void
a_read_transaction_ends_at_the_first_write(void **state)
{
	struct fixture	*f = *state;
	struct db	*other;
	char		 err[256];
	int64_t		 n;

	assert_true(db_migrate(f->db, f->mig, err, sizeof(err)) >= 0);
	assert_int_equal(db_open(&other, f->path, err, sizeof(err)), 0);
	assert_int_equal(db_read_begin(f->db), 0);
	assert_int_equal(db_int(f->db, &n, "SELECT count(*) FROM a", ""), 1);
	assert_int_equal(n, 1);
	assert_int_equal(db_exec(other, "INSERT INTO a (v) VALUES ('b')",
	    ""), 0);
	/* One snapshot: the other's row is not seen yet. */
	assert_int_equal(db_int(f->db, &n, "SELECT count(*) FROM a", ""), 1);
	assert_int_equal(n, 1);
	/* Inside the old snapshot this write would fail (SQLITE_BUSY). */
	assert_int_equal(db_exec(f->db, "INSERT INTO a (v) VALUES ('c')",
	    ""), 0);
	assert_int_equal(db_int(f->db, &n, "SELECT count(*) FROM a", ""), 1);
	assert_int_equal(n, 3);
	/* db_begin ends it too. */
	assert_int_equal(db_read_begin(f->db), 0);
	assert_int_equal(db_int(f->db, &n, "SELECT count(*) FROM a", ""), 1);
	assert_int_equal(db_exec(other, "INSERT INTO a (v) VALUES ('d')",
	    ""), 0);
	assert_int_equal(db_begin(f->db), 0);
	assert_int_equal(db_exec(f->db, "INSERT INTO a (v) VALUES ('e')",
	    ""), 0);
	assert_int_equal(db_commit(f->db), 0);
	assert_int_equal(db_int(other, &n, "SELECT count(*) FROM a", ""), 1);
	assert_int_equal(n, 5);
	db_read_end(f->db);
	db_close(other);
}

/*
 * Every commit of any connection is counted where every other sees it
 * (the page cache's version); a rollback or a read is not a change, and
 * a log copied back at a set length does not stop the count.
 */
static void
commits_are_counted_for_everyone(void **state)
{
	struct fixture	*f = *state;
	struct db	*other;
	char		 err[256];
	uint64_t	 before;
	int64_t		 n;
	int		 have;

	assert_true(db_migrate(f->db, f->mig, err, sizeof(err)) >= 0);
	assert_int_equal(db_open(&other, f->path, err, sizeof(err)), 0);
	db_checkpoint_at(other, 1);
	before = db_commits(f->db, &have);
	assert_true(have);
	assert_int_equal(db_exec(other, "INSERT INTO a (v) VALUES ('b')",
	    ""), 0);
	assert_true(db_commits(f->db, &have) == before + 1);
	assert_int_equal(db_begin(f->db), 0);
	assert_int_equal(db_exec(f->db, "INSERT INTO a (v) VALUES ('c')",
	    ""), 0);
	db_rollback(f->db);
	assert_int_equal(db_int(other, &n, "SELECT count(*) FROM a", ""), 1);
	assert_true(db_commits(other, &have) == before + 1);
	assert_int_equal(db_exec(f->db, "UPDATE a SET v = 'x'", ""), 0);
	assert_true(db_commits(other, &have) == before + 2);
	db_close(other);
}

/*
 * A write the count cannot see (another program's own connection) is
 * seen within a second all the same.
 */
static void
uncounted_writes_seen_within_a_second(void **state)
{
	struct fixture	*f = *state;
	struct timespec	 wait = { 1, 200 * 1000 * 1000 };
	sqlite3		*raw;
	char		 err[256];
	uint64_t	 before;
	int		 have;

	assert_true(db_migrate(f->db, f->mig, err, sizeof(err)) >= 0);
	(void)nanosleep(&wait, NULL);
	assert_int_equal(db_read_begin(f->db), 0);
	before = db_commits(f->db, &have);
	db_read_end(f->db);
	assert_true(have);
	assert_int_equal(sqlite3_open(f->path, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "INSERT INTO a (v) VALUES ('x')",
	    NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	(void)nanosleep(&wait, NULL);
	assert_int_equal(db_read_begin(f->db), 0);
	assert_true(db_commits(f->db, &have) > before);
	db_read_end(f->db);
}

/* A row written past the count of commits: only a new snapshot sees it. */
static void
write_uncounted(const char *path)
{
	sqlite3	*raw;

	assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "INSERT INTO a (v) VALUES ('u')",
	    NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
}

static int64_t
rows_in_a(struct db *db)
{
	int64_t	 n;

	assert_int_equal(db_int(db, &n, "SELECT count(*) FROM a", ""), 1);
	return (n);
}

/*
 * A page's snapshot is kept for the next page only while nothing was
 * committed since it began, and for DB_KEEP_MS at most; an idle worker
 * lets it go, and emptying the log is not held up by its own.
 */
static void
a_kept_snapshot_serves_until_a_commit(void **state)
{
	struct fixture	*f = *state;
	struct timespec	 past = { 0, (DB_KEEP_MS + 30) * 1000 * 1000 };
	struct db	*other;
	char		 err[256];

	assert_true(db_migrate(f->db, f->mig, err, sizeof(err)) >= 0);
	assert_int_equal(db_open(&other, f->path, err, sizeof(err)), 0);
	assert_int_equal(db_read_begin(f->db), 0);
	assert_int_equal(rows_in_a(f->db), 1);
	db_read_keep(f->db);
	/* Kept: a write the count does not see is not seen yet... */
	write_uncounted(f->path);
	assert_int_equal(db_read_again(f->db), 0);
	assert_int_equal(rows_in_a(f->db), 1);
	db_read_keep(f->db);
	/* ...but any counted commit starts a new snapshot, with both. */
	assert_int_equal(db_exec(other, "INSERT INTO a (v) VALUES ('b')",
	    ""), 0);
	assert_int_equal(db_read_again(f->db), 0);
	assert_int_equal(rows_in_a(f->db), 3);
	db_read_keep(f->db);
	/* Too old to serve: a new one. */
	write_uncounted(f->path);
	(void)nanosleep(&past, NULL);
	assert_int_equal(db_read_again(f->db), 0);
	assert_int_equal(rows_in_a(f->db), 4);
	/* Not kept (a page still running): never let go by the timer. */
	(void)nanosleep(&past, NULL);
	db_read_drop_kept(f->db);
	write_uncounted(f->path);
	assert_int_equal(rows_in_a(f->db), 4);
	db_read_keep(f->db);
	db_read_drop_kept(f->db);
	assert_int_equal(rows_in_a(f->db), 5);
	/* The log is emptied with a kept snapshot of our own open. */
	assert_int_equal(db_read_begin(f->db), 0);
	assert_int_equal(rows_in_a(f->db), 5);
	db_read_keep(f->db);
	assert_int_equal(db_empty_log(f->db), 0);
	db_close(other);
}

/* A link planted as the count's file is never followed nor used. */
static void
count_file_is_never_a_link(void **state)
{
	struct fixture	*f = *state;
	struct db	*other;
	char		 err[256], link[600], target[600], buf[32];
	FILE		*fp;
	int		 have;

	(void)snprintf(target, sizeof(target), "%s/victim.txt", f->dir);
	assert_non_null(fp = fopen(target, "w"));
	fputs("precious data line\n", fp);
	fclose(fp);
	(void)snprintf(link, sizeof(link), "%s/sub/link.db-commits", f->dir);
	assert_int_equal(symlink(target, link), 0);
	(void)snprintf(link, sizeof(link), "%s/sub/link.db", f->dir);
	assert_int_equal(db_open(&other, link, err, sizeof(err)), 0);
	(void)db_commits(other, &have);
	assert_false(have);
	db_close(other);
	assert_non_null(fp = fopen(target, "r"));
	assert_non_null(fgets(buf, sizeof(buf), fp));
	fclose(fp);
	assert_string_equal(buf, "precious data line\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(pragmas_are_set, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    commits_are_counted_for_everyone, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    uncounted_writes_seen_within_a_second, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    count_file_is_never_a_link, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    a_blocked_writer_waits_five_seconds, setup, teardown),
		cmocka_unit_test_setup_teardown(migrations_apply_once_in_order,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    failed_migration_changes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    statements_are_cached_and_bound, setup, teardown),
		cmocka_unit_test_setup_teardown(rollback_discards, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    nested_transactions_use_savepoints, setup, teardown),
		cmocka_unit_test_setup_teardown(backup_and_check, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    a_read_transaction_ends_at_the_first_write, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    a_kept_snapshot_serves_until_a_commit, setup, teardown),
	};

	return (cmocka_run_group_tests_name("db", tests, NULL, NULL));
}
