/*
 * board_report.c: how long the corporate parenting board report takes to
 * build and render for a year of 10,000, 100,000 and 1,000,000 views
 * (BENCH_SIZES to change; 5,000 young people), through the real server,
 * and to serve once kept. Prints the median and slowest of the requests
 * that built it (each after a write) and of those served kept (x-cache
 * says which); never fails on time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"

#define RUNS	7

static double
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6);
}

static int
cmp(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return (x < y ? -1 : x > y);
}

/*
 * One GET of the report: its time into *ms, whether it was built (not
 * kept) into *built, its size into *bytes. -1 on error.
 */
static int
one(struct client *worker, double *ms, int *built, size_t *bytes)
{
	struct resp	 r;
	char		 how[16];
	double		 t0;

	resp_init(&r);
	t0 = now_ms();
	if (http_get(worker, "/reports/board", &r) != 0 || r.status != 200) {
		resp_free(&r);
		return (-1);
	}
	*ms = now_ms() - t0;
	*built = resp_header(&r, "x-cache", how, sizeof(how)) == NULL ||
	    strcmp(how, "hit") != 0;
	*bytes = r.body.len;
	resp_free(&r);
	return (0);
}

static void
print_times(const char *what, double *ms, int n)
{
	qsort(ms, (size_t)n, sizeof(ms[0]), cmp);
	printf("   %s: median %7.1f ms, slowest %7.1f ms", what,
	    n > 0 ? ms[n / 2] : 0.0, n > 0 ? ms[n - 1] : 0.0);
}

/*
 * Built: after a write each request builds the report again (the
 * threshold moves between 5 and 6, so each one is a real change). Kept:
 * the same request while nothing is written.
 */
static int
measure(const char *views)
{
	struct client	 worker;
	double		 built_ms[RUNS * 2], kept_ms[RUNS * 2], ms;
	size_t		 bytes;
	int		 i, nb, nk, built;

	(void)setenv("BENCH_VIEWS", views, 1);
	if (harness_start(HARNESS_GENERATE) == -1)
		return (-1);
	memset(&worker, 0, sizeof(worker));
	if (client_login(&worker, "Priya Shah", "worker-demo-2026") != 303) {
		(void)harness_stop();
		return (-1);
	}
	nb = nk = 0;
	for (i = 0; i < RUNS * 2; i++) {
		if (i < RUNS && db_run(i % 2 ? "UPDATE settings SET value = "
		    "'5' WHERE key = 'small_count'" : "UPDATE settings SET "
		    "value = '6' WHERE key = 'small_count'") != 0)
			break;
		if (one(&worker, &ms, &built, &bytes) == -1)
			break;
		if (built)
			built_ms[nb++] = ms;
		else
			kept_ms[nk++] = ms;
	}
	if (i < RUNS * 2) {
		(void)harness_stop();
		return (-1);
	}
	printf("%9s views", views);
	print_times("built", built_ms, nb);
	print_times("kept", kept_ms, nk);
	printf("   page %zu bytes\n", bytes);
	fflush(stdout);
	return (harness_stop());
}

int
main(void)
{
	const char	*sizes;
	char		 list[256], *v, *save;

	sizes = getenv("BENCH_SIZES");
	(void)snprintf(list, sizeof(list), "%s", sizes ? sizes :
	    "10000 100000 1000000");
	printf("Board report over a year of views (GET /reports/board, "
	    "%d after a write, then %d more)\n\n", RUNS, RUNS);
	for (v = strtok_r(list, " ", &save); v != NULL;
	    v = strtok_r(NULL, " ", &save))
		if (measure(v) == -1)
			fprintf(stderr, "could not measure %s views\n", v);
	return (0);
}
