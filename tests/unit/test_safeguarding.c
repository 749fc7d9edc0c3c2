/*
 * test_safeguarding.c: the matcher against the shipped phrase list and
 * two corpora (tests/data). Every risk line must match; the rate on
 * ordinary lines is reported, because a false alarm costs a worker a
 * minute and a miss can cost far more.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "unitdb.h"

#include "safeguarding.h"

UNITDB_GROUP("/tmp/portal-sg-XXXXXX")

static void
run_corpus(const char *path, int want, int *matched, int *total)
{
	struct buf	 topics;
	char		 line[1024];
	FILE		*fp;
	int		 hit;

	fp = fopen(path, "r");
	assert_non_null(fp);
	*matched = *total = 0;
	buf_init(&topics, 64);
	while (fgets(line, sizeof(line), fp) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '\0' || line[0] == '#')
			continue;
		buf_reset(&topics);
		hit = safeguarding_match(db, line, &topics);
		assert_true(hit >= 0);
		(*total)++;
		if (hit > 0)
			(*matched)++;
		if ((hit > 0) != want)
			printf("  %s: \"%s\"%s%s\n", want ? "MISSED" : "flagged",
			    line, hit ? " -> " : "", buf_cstr(&topics));
	}
	buf_free(&topics);
	fclose(fp);
}

static void
every_risk_line_matches(void **state)
{
	int	 matched, total;

	(void)state;
	run_corpus("tests/data/safeguarding_risk.txt", 1, &matched, &total);
	printf("safeguarding: risk corpus %d of %d matched\n", matched, total);
	assert_true(total >= 30);
	assert_int_equal(matched, total);
}

static void
benign_rate_is_reported(void **state)
{
	int	 matched, total;

	(void)state;
	run_corpus("tests/data/safeguarding_benign.txt", 0, &matched, &total);
	printf("safeguarding: benign corpus %d of %d flagged (%.0f%%)\n",
	    matched, total, total ? 100.0 * matched / total : 0.0);
	assert_true(total >= 20);
	/* Ordinary speech must not swamp the queue. */
	assert_true(matched * 5 <= total);
}

static void
whole_words_any_case_any_punctuation(void **state)
{
	struct buf	 t, n;

	(void)state;
	buf_init(&t, 64);
	buf_init(&n, 64);
	safeguarding_normalise("I DON'T feel SAFE!!!", &n);
	assert_string_equal(buf_cstr(&n), " i dont feel safe ");
	assert_true(safeguarding_match(db, "I...cut...MYSELF", &t) > 0);
	assert_string_equal(buf_cstr(&t), "self_harm");
	buf_reset(&t);
	/* Whole words only: "skills" holds "kill", "gunner" holds "gun". */
	assert_int_equal(safeguarding_match(db, "skills gunner drugstore",
	    &t), 0);
	/* Topics are listed once each. */
	assert_true(safeguarding_match(db, "he hits me and I want to run "
	    "away, he hit me again", &t) >= 3);
	assert_string_equal(buf_cstr(&t), "abuse,missing");
	buf_free(&t);
	buf_free(&n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_risk_line_matches),
		cmocka_unit_test(benign_rate_is_reported),
		cmocka_unit_test(whole_words_any_case_any_punctuation),
	};

	return (cmocka_run_group_tests_name("safeguarding", tests, setup,
	    teardown));
}
