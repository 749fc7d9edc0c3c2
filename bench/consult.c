/*
 * consult.c: consultations at size (issue #15): 5,000 young people and
 * 100,000 answers to the demo council's open consultation, through the
 * real server. Times a page of answers sent (POST, with the marker and
 * the safeguarding scan) and the workers' results page (every question's
 * split tables with suppression, and its charts). Prints the median and
 * slowest; never fails on time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"

#define RUNS		7
#define ANSWERERS	12

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

#define OPEN	"(SELECT id FROM consultations WHERE state = 'open')"
#define Q(n)	"(SELECT id FROM consult_questions WHERE consultation_id = " \
		OPEN " AND position = " #n ")"
#define O(n)	"(SELECT min(id) FROM consult_options WHERE question_id = " \
		Q(n) ")"

/* 20,000 finished responses with 100,000 answers, and 400 texts. */
static int
fill(void)
{
	static const char *const sql[] = {
		"INSERT INTO consult_responses (consultation_id, marker, "
		"anonymous, age_band, lives_outside, started_at, finished_at) "
		"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
		"FROM n WHERE i < 20000) SELECT " OPEN ", randomblob(32), 1, "
		"CASE i % 5 WHEN 0 THEN 'under_12' WHEN 1 THEN '12_15' "
		"WHEN 2 THEN '16_17' WHEN 3 THEN '18_21' ELSE '22_25' END, "
		"i % 4 = 0, 0, 0 FROM n",
		"INSERT INTO consult_answers (response_id, question_id, scale) "
		"SELECT id, " Q(1) ", 1 + id % 5 FROM consult_responses "
		"WHERE consultation_id = " OPEN,
		"INSERT INTO consult_answers (response_id, question_id, "
		"option_id) SELECT id, " Q(2) ", " O(2) " FROM "
		"consult_responses WHERE consultation_id = " OPEN,
		"INSERT INTO consult_answers (response_id, question_id, "
		"option_id) SELECT id, " Q(2) ", " O(2) " + 1 + id % 3 FROM "
		"consult_responses WHERE consultation_id = " OPEN,
		"INSERT INTO consult_answers (response_id, question_id, "
		"option_id) SELECT id, " Q(2) ", " O(2) " + CASE id % 3 "
		"WHEN 2 THEN 1 ELSE 3 END FROM consult_responses WHERE "
		"consultation_id = " OPEN,
		"INSERT INTO consult_answers (response_id, question_id, "
		"option_id) SELECT id, " Q(3) ", " O(3) " + id % 2 FROM "
		"consult_responses WHERE consultation_id = " OPEN,
		"INSERT INTO consult_answers (response_id, question_id, text) "
		"SELECT id, " Q(5) ", 'More clubs near where I live, "
		"number ' || id FROM consult_responses WHERE consultation_id = "
		OPEN " AND id % 50 = 0",
	};
	size_t	 i;

	for (i = 0; i < sizeof(sql) / sizeof(sql[0]); i++)
		if (db_run(sql[i]) != 0)
			return (-1);
	return (0);
}

/* One young person: start anonymously, then time the first page sent. */
static int
answer_one(int n, double *ms)
{
	struct client	 c;
	struct resp	 r;
	char		 name[64], path[64], csrf[128], body[512];
	long long	 cid;
	double		 t0;
	int		 ok;

	memset(&c, 0, sizeof(c));
	(void)snprintf(name, sizeof(name), "Young Person %d", n);
	if (client_login(&c, name, HARNESS_BENCH_PASSWORD) != 303)
		return (-1);
	cid = (long long)db_count("SELECT id FROM consultations WHERE "
	    "state = 'open'");
	(void)snprintf(path, sizeof(path), "/consultations/%lld", cid);
	if (client_post(&c, path, path, "who=anonymous", &r) != 303) {
		resp_free(&r);
		return (-1);
	}
	resp_free(&r);
	(void)snprintf(path, sizeof(path), "/consultations/%lld/answer", cid);
	if (client_csrf(&c, path, csrf, sizeof(csrf)) == -1)
		return (-1);
	(void)snprintf(body, sizeof(body), "csrf=%s&page=0&act=next&q%lld=4&"
	    "o%lld=yes&q%lld=%lld", csrf, (long long)db_count("SELECT "
	    Q(1)), (long long)db_count("SELECT " O(2)),
	    (long long)db_count("SELECT " Q(3)),
	    (long long)db_count("SELECT " O(3)));
	resp_init(&r);
	t0 = now_ms();
	ok = http_post_form(&c, path, body, &r) == 0 && r.status == 303;
	*ms = now_ms() - t0;
	resp_free(&r);
	return (ok ? 0 : -1);
}

static int
results(double *ms, size_t *bytes)
{
	struct client	 w;
	struct resp	 r;
	char		 path[80];
	double		 t0;
	int		 i;

	memset(&w, 0, sizeof(w));
	if (client_login(&w, "Priya Shah", "worker-demo-2026") != 303)
		return (-1);
	(void)snprintf(path, sizeof(path), "/consultations/manage/%lld/"
	    "results", (long long)db_count("SELECT id FROM consultations "
	    "WHERE state = 'open'"));
	for (i = 0; i < RUNS; i++) {
		resp_init(&r);
		t0 = now_ms();
		if (http_get(&w, path, &r) != 0 || r.status != 200) {
			resp_free(&r);
			return (-1);
		}
		ms[i] = now_ms() - t0;
		*bytes = r.body.len;
		resp_free(&r);
	}
	return (0);
}

int
main(void)
{
	double	 post[ANSWERERS], get[RUNS];
	size_t	 bytes;
	int	 i;

	(void)setenv("BENCH_YOUNG", "5000", 1);
	(void)setenv("BENCH_VIEWS", "1000", 1);
	printf("Consultations: 5,000 young people, 100,000 answers\n");
	fflush(stdout);
	if (harness_start(HARNESS_GENERATE) == -1)
		return (1);
	if (fill() == -1)
		goto fail;
	printf("%lld responses, %lld answers\n", (long long)db_count(
	    "SELECT count(*) FROM consult_responses"), (long long)db_count(
	    "SELECT count(*) FROM consult_answers"));
	for (i = 0; i < ANSWERERS; i++)
		if (answer_one(i + 1, &post[i]) == -1)
			goto fail;
	qsort(post, ANSWERERS, sizeof(post[0]), cmp);
	printf("POST a page of answers   median %8.1f ms   slowest %8.1f ms\n",
	    post[ANSWERERS / 2], post[ANSWERERS - 1]);
	if (results(get, &bytes) == -1)
		goto fail;
	qsort(get, RUNS, sizeof(get[0]), cmp);
	printf("GET the results page     median %8.1f ms   slowest %8.1f ms   "
	    "page %zu bytes\n", get[RUNS / 2], get[RUNS - 1], bytes);
	return (harness_stop() == 0 ? 0 : 1);
fail:
	fprintf(stderr, "consult bench: a step failed\n");
	(void)harness_stop();
	return (1);
}
