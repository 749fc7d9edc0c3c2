/*
 * test_soak.c: 64 connections of mixed reads and writes for SOAK_SECONDS
 * (default 45) through wrk, as a signed-in young person. No socket errors
 * (wrk counts an answer slower than 10 s as one), no 5xx or other failed
 * answer, no worker restarted (the harness reads the server log), every
 * acknowledged view stored, and the workers' memory steady. The rate and
 * the slowest answer are printed, never asserted.
 */
#include <sys/types.h>

#include <dirent.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "testutil.h"

/* Every wrk connection may have one view in flight when a run stops. */
#define SOAK_CONNECTIONS	64

/* The parent of process pid, from /proc; 0 if unknown. */
static long
parent_of(long pid)
{
	char	 path[64], line[256];
	FILE	*fp;
	long	 ppid;

	(void)snprintf(path, sizeof(path), "/proc/%ld/status", pid);
	if ((fp = fopen(path, "r")) == NULL)
		return (0);
	ppid = 0;
	while (fgets(line, sizeof(line), fp) != NULL)
		if (sscanf(line, "PPid: %ld", &ppid) == 1)
			break;
	fclose(fp);
	return (ppid);
}

/*
 * Resident memory (kB) of one process, if it is a worker of the server
 * this test started (its parent's parent is us: other servers on the
 * machine, other tests', do not count).
 */
static long
worker_rss(const char *pid)
{
	char	 path[300], line[256];
	FILE	*fp;
	long	 kb;
	int	 is_worker;

	/* Kore titles its workers "[wrk N]"; the parent is left out. */
	(void)snprintf(path, sizeof(path), "/proc/%s/cmdline", pid);
	if ((fp = fopen(path, "r")) == NULL)
		return (0);
	is_worker = fgets(line, sizeof(line), fp) != NULL &&
	    strncmp(line, "kore [wrk", 9) == 0;
	fclose(fp);
	if (!is_worker || parent_of(parent_of(strtol(pid, NULL, 10))) !=
	    (long)getpid())
		return (0);
	(void)snprintf(path, sizeof(path), "/proc/%s/status", pid);
	if ((fp = fopen(path, "r")) == NULL)
		return (0);
	kb = 0;
	while (fgets(line, sizeof(line), fp) != NULL)
		if (sscanf(line, "VmRSS: %ld", &kb) == 1)
			break;
	fclose(fp);
	return (kb);
}

static long
workers_rss(void)
{
	DIR		*d;
	struct dirent	*de;
	long		 total;

	if ((d = opendir("/proc")) == NULL)
		return (-1);
	total = 0;
	while ((de = readdir(d)) != NULL)
		total += worker_rss(de->d_name);
	closedir(d);
	return (total);
}

/* Runs wrk; its output goes to out. Returns the views it saw acknowledged. */
static long
soak(const char *secs, const char *cookie, const char *csrf, char *out,
    size_t outlen)
{
	char		 cmd[4096];
	const char	*line;
	FILE		*fp;
	size_t		 n;
	long		 acked;

	(void)snprintf(cmd, sizeof(cmd), "SOAK_COOKIE='%s' SOAK_CSRF='%s' "
	    "SOAK_ORIGIN='%s' wrk -t2 -c%d -d%ss --timeout 10s "
	    "-s tests/http/soak.lua '%s' 2>&1", cookie, csrf, harness_base(),
	    SOAK_CONNECTIONS, secs, harness_base());
	fp = popen(cmd, "r");
	assert_non_null(fp);
	n = fread(out, 1, outlen - 1, fp);
	out[n] = '\0';
	assert_int_equal(pclose(fp), 0);
	/* wrk's own figures, in the log whatever happens next. */
	printf("%s", out);
	line = strstr(out, "acknowledged views: ");
	assert_non_null(line);
	acked = strtol(line + strlen("acknowledged views: "), NULL, 10);
	return (acked);
}

static void
mixed_load_without_errors(void **state)
{
	char		 csrf[64], out[8192];
	const char	*secs;
	long		 before, after, acked, run;
	int64_t		 stored;

	(void)state;
	if ((secs = getenv("SOAK_SECONDS")) == NULL)
		secs = "45";
	/* Load, not a young person: the hourly limit on views is lifted. */
	assert_int_equal(db_run("UPDATE settings SET value = '1000000' "
	    "WHERE key = 'views_per_hour'"), 0);
	assert_int_equal(client_csrf(&young, "/views/new", csrf, sizeof(csrf)),
	    0);
	/* Warm up, so memory is measured from a settled state. */
	acked = soak("3", young.cookies, csrf, out, sizeof(out));
	before = workers_rss();
	/* The warm-up may end before a slow machine answers any view; the
	 * soak itself must see some. */
	run = soak(secs, young.cookies, csrf, out, sizeof(out));
	assert_true(run > 0);
	acked += run;
	after = workers_rss();
	printf("soak: workers' memory %ld kB after warm-up, %ld kB after\n",
	    before, after);
	assert_null(strstr(out, "Socket errors"));
	assert_null(strstr(out, "Non-2xx or 3xx"));
	assert_non_null(strstr(out, "Requests/sec"));

	/* Every acknowledged view is there; a few more were in flight. */
	stored = count("SELECT count(*) FROM views WHERE title = 'Soak'");
	assert_true(stored >= acked);
	assert_true(stored <= acked + 2 * SOAK_CONNECTIONS);

	/* Steady: caches settle, a leak keeps growing. ASan's quarantine
	 * holds freed memory, so under it the figures are only printed. */
	assert_true(before > 0);
	if (getenv("PORTAL_KORE_PRELOAD") == NULL)
		assert_true(after < before + before / 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(mixed_load_without_errors),
	};

	return (cmocka_run_group_tests_name("http_soak", tests,
	    demo_group_setup, group_teardown_server));
}
