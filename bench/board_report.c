/*
 * board_report.c: how long the corporate parenting board report takes to
 * build and render for a year of 10,000, 100,000 and 1,000,000 views
 * (BENCH_SIZES to change; 5,000 young people), through the real server.
 * Prints the median and slowest of seven requests; never fails on time.
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

static int
measure(const char *views)
{
	struct client	 worker;
	struct resp	 r;
	double		 ms[RUNS], t0;
	size_t		 bytes;
	int		 i;

	(void)setenv("BENCH_VIEWS", views, 1);
	if (harness_start(HARNESS_GENERATE) == -1)
		return (-1);
	memset(&worker, 0, sizeof(worker));
	if (client_login(&worker, "Priya Shah", "worker-demo-2026") != 303) {
		(void)harness_stop();
		return (-1);
	}
	bytes = 0;
	for (i = 0; i < RUNS; i++) {
		resp_init(&r);
		t0 = now_ms();
		if (http_get(&worker, "/reports/board", &r) != 0 ||
		    r.status != 200) {
			resp_free(&r);
			(void)harness_stop();
			return (-1);
		}
		ms[i] = now_ms() - t0;
		bytes = r.body.len;
		resp_free(&r);
	}
	qsort(ms, RUNS, sizeof(ms[0]), cmp);
	printf("%9s views   median %8.1f ms   slowest %8.1f ms   page %zu "
	    "bytes\n", views, ms[RUNS / 2], ms[RUNS - 1], bytes);
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
	    "%d requests each)\n\n", RUNS);
	for (v = strtok_r(list, " ", &save); v != NULL;
	    v = strtok_r(NULL, " ", &save))
		if (measure(v) == -1)
			fprintf(stderr, "could not measure %s views\n", v);
	return (0);
}
