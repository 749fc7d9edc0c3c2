/*
 * test_privacy.c: the pieces of issue #11's privacy promises that need no
 * server: migration 0012 blanks the verdicts earlier audit rows named and
 * leaves the log append-only; a public summary that quotes a private view
 * is caught however it is typed; and the doors' contact details are
 * checked and turned into tel: links.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>

#include <dirent.h>
#include <limits.h>
#include <unistd.h>

#include <cmocka.h>

#include "issues.h"
#include "routes.h"

/* Link the migrations before (or, with upto NULL, all of) upto into dir. */
static void
link_migrations(const char *dir, const char *upto)
{
	char		 from[PATH_MAX + 300], to[PATH_MAX], cwd[PATH_MAX];
	DIR		*d;
	struct dirent	*de;

	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_non_null(d = opendir("migrations"));
	while ((de = readdir(d)) != NULL) {
		if (strstr(de->d_name, ".sql") == NULL ||
		    (upto != NULL && strcmp(de->d_name, upto) >= 0))
			continue;
		(void)snprintf(from, sizeof(from), "%s/migrations/%s", cwd,
		    de->d_name);
		if (snprintf(to, sizeof(to), "%s/%s", dir, de->d_name) >=
		    (int)sizeof(to))
			fail();
		if (access(to, F_OK) != 0)
			assert_int_equal(symlink(from, to), 0);
	}
	closedir(d);
}

static void
migration_0012_blanks_old_verdicts(void **state)
{
	struct db	*db;
	struct buf	 b;
	char		 dir[] = "/tmp/portal-privacy-XXXXXX", mig[64], path[96];
	char		 err[256], cmd[128];
	int64_t		 n;

	(void)state;
	assert_non_null(mkdtemp(dir));
	(void)snprintf(mig, sizeof(mig), "%s/mig", dir);
	assert_int_equal(mkdir(mig, 0700), 0);
	(void)snprintf(path, sizeof(path), "%s/unit.db", dir);
	assert_int_equal(db_open(&db, path, err, sizeof(err)), 0);
	link_migrations(mig, "0012");
	assert_true(db_migrate(db, mig, err, sizeof(err)) > 0);
	/* Rows as the old code wrote them. */
	assert_int_equal(db_exec(db, "INSERT INTO audit_log (at, actor_name, "
	    "action, object_type, object_id, detail) VALUES "
	    "(1, 'Jaden', 'verdict.set', 'promise', 3, 'no'), "
	    "(2, 'Mia', 'verdict.set.flagged', 'promise', 3, 'partly'), "
	    "(3, 'Priya Shah', 'issue.send', 'issue', 1, 'Cllr Sam Okafor')",
	    ""), 0);
	assert_int_equal(db_exec(db, "INSERT INTO audit_log (at, actor_id, "
	    "actor_name, action, object_type, object_id, detail) VALUES "
	    "(4, 7, 'Jaden', 'consult.answer', 'consultation', 2, 'named'), "
	    "(5, 7, 'Jaden', 'meeting.suggest', 'meeting', 1, '')", ""), 0);
	link_migrations(mig, NULL);
	assert_true(db_migrate(db, mig, err, sizeof(err)) >= 1);
	assert_int_equal(db_int(db, &n, "SELECT count(*) FROM audit_log "
	    "WHERE action LIKE 'verdict.set%' AND detail = ''", ""), 1);
	assert_int_equal(n, 2);
	/* And no longer name the promise (0032). */
	assert_int_equal(db_int(db, &n, "SELECT count(*) FROM audit_log "
	    "WHERE action LIKE 'verdict.set%' AND object_type = 'promise'",
	    ""), 1);
	assert_int_equal(n, 0);
	/* Named answers and suggestions point at the person (0036). */
	assert_int_equal(db_int(db, &n, "SELECT count(*) FROM audit_log "
	    "WHERE action IN ('consult.answer', 'meeting.suggest') AND "
	    "object_type = 'user' AND object_id = 7", ""), 1);
	assert_int_equal(n, 2);
	/* Other rows keep their detail; the log is append-only again. */
	buf_init(&b, 64);
	assert_int_equal(db_text(db, &b, "SELECT detail FROM audit_log "
	    "WHERE action = 'issue.send'", ""), 1);
	assert_string_equal(buf_cstr(&b), "Cllr Sam Okafor");
	buf_free(&b);
	assert_int_not_equal(db_exec(db, "UPDATE audit_log SET detail = 'x'",
	    ""), 0);
	assert_int_not_equal(db_exec(db, "DELETE FROM audit_log", ""), 0);
	assert_int_equal(db_int(db, &n, "SELECT count(*) FROM sqlite_master "
	    "WHERE type = 'trigger' AND name IN ('audit_log_no_update', "
	    "'audit_log_no_delete')", ""), 1);
	assert_int_equal(n, 2);
	db_close(db);
	(void)snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

static void
quotes_are_caught_however_typed(void **state)
{
	const char	*body = "My carer reads my diary every single night.";

	(void)state;
	assert_true(issues_quotes("They said MY CARER reads my diary!", body,
	    QUOTE_WORDS));
	assert_true(issues_quotes("my carer, reads; my diary", body,
	    QUOTE_WORDS));
	assert_true(issues_quotes("Sleepover forms", "Sleepover forms",
	    QUOTE_WORDS));
	assert_true(issues_quotes("I don't know who to ask now", "i dont know "
	    "who to ask", QUOTE_WORDS));
	assert_true(issues_quotes("I don\xE2\x80\x99t know who to ask", "i "
	    "don't know who to ask", QUOTE_WORDS));
	/* The worker's own words about the same thing are fine. */
	assert_false(issues_quotes("Young people want more privacy at home.",
	    body, QUOTE_WORDS));
	assert_false(issues_quotes("Sleepover forms take too long", "Forms",
	    QUOTE_WORDS));
	assert_false(issues_quotes("my carer reads", body, QUOTE_WORDS));
	assert_false(issues_quotes("anything", "", QUOTE_WORDS));
	/* A short title or sentence is quoted whole, however few words. */
	assert_true(issues_quotes("One young person told us: designated "
	    "teacher never there. Others want no moves.",
	    "Designated teacher never there", QUOTE_WORDS));
	assert_true(issues_quotes("Some said he reads my texts at home",
	    "It is bad. He reads my texts! I hate it", QUOTE_WORDS));
	assert_false(issues_quotes("Young people want more trips",
	    "More school trips please", QUOTE_WORDS));
	/* Curly quotes and dashes part words as straight ones do. */
	assert_true(issues_quotes("They said \"no phones after nine\" is "
	    "unfair", "\xE2\x80\x9Cno phones after nine\xE2\x80\x9D is "
	    "unfair to us", QUOTE_WORDS));
	assert_true(issues_quotes("carer \xE2\x80\x94 reads my diary every",
	    body, QUOTE_WORDS));
	/* Any space or mark of any script parts words (a thin space, an
	 * ideographic one, a bullet, a middle dot, a fullwidth comma). */
	assert_true(issues_quotes("A young person told us: I\xE2\x80\x89"
	    "don\xE2\x80\x99t\xE2\x80\x89know\xE2\x80\x89who\xE2\x80"
	    "\x89my\xE2\x80\x89" "designated teacher is.", "I don't know who "
	    "my designated teacher is.", QUOTE_WORDS));
	assert_true(issues_quotes("my\xE3\x80\x80" "carer\xE2\x80\xA2reads"
	    "\xC2\xB7my\xEF\xBC\x8C" "diary", body, QUOTE_WORDS));
	/* Case and accents beyond ASCII, composed or not. */
	assert_true(issues_quotes("SE\xC3\x91ORA N\xC3\x9A\xC3\x91" "EZ "
	    "GRITA A M\xC3\x8D", "Se\xC3\xB1ora N\xC3\xBA\xC3\xB1"
	    "ez grita a m\xC3\xAD", QUOTE_WORDS));
	assert_true(issues_quotes("Sen\xCC\x83ora Nu\xCC\x81n\xCC\x83"
	    "ez grita a mi\xCC\x81", "Se\xC3\xB1ora N\xC3\xBA\xC3\xB1"
	    "ez grita a m\xC3\xAD", QUOTE_WORDS));
	/* A short sentence over a line break is still one sentence. */
	assert_true(issues_quotes("Some said he reads my texts at home",
	    "It is bad. He reads\nmy texts! I hate it", QUOTE_WORDS));
	/* A word must match whole: "mydiary" is not "my diary". */
	assert_false(issues_quotes("carer reads mydiary every single",
	    body, QUOTE_WORDS));
}

static void
doors_are_checked(void **state)
{
	struct arena	 a;

	(void)state;
	assert_null(routes_problem("phone", "0808 800 5792"));
	assert_null(routes_problem("phone", "+44 (0)1632 960-123"));
	assert_null(routes_problem("phone", ""));
	assert_non_null(routes_problem("phone", "call me"));
	assert_non_null(routes_problem("phone", "12"));
	assert_non_null(routes_problem("phone", "0808 800 5792 ext 4"));
	assert_non_null(routes_problem("phone", "0808+800"));
	assert_null(routes_problem("email", "iro@northbridge.example"));
	assert_null(routes_problem("email", ""));
	assert_non_null(routes_problem("email", "iro-at-council"));
	assert_non_null(routes_problem("email", "@council.gov.uk"));
	assert_non_null(routes_problem("email", "iro@council"));
	assert_non_null(routes_problem("email", "a b@council.gov.uk"));
	assert_non_null(routes_problem("email", "a@b@council.gov.uk"));
	assert_non_null(routes_problem("name", ""));
	assert_null(routes_problem("name", "The IRO team"));
	arena_init(&a);
	assert_string_equal(routes_tel(&a, "0808 800 5792"), "08088005792");
	assert_string_equal(routes_tel(&a, "+44 (0)1632 960-123"),
	    "+4401632960123");
	arena_free(&a);
	assert_int_equal(routes_index("iro"), 1);
	assert_int_equal(routes_index("councillor"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(migration_0012_blanks_old_verdicts),
		cmocka_unit_test(quotes_are_caught_however_typed),
		cmocka_unit_test(doors_are_checked),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
