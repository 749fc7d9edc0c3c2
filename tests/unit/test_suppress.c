/*
 * test_suppress.c: small-number suppression. Each table here is one where
 * hiding only the small counts leaks them (the total minus the rest, one
 * table against another, or all that is left being zero); the test shows
 * the leak with primary suppression alone, then that sup_run closes it.
 * A brute-force reader then tries every value the hidden counts could
 * take, on thousands of random tables, and must always find two.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "suppress.h"

/* One row of counts and its published total. */
static size_t
row(struct suppress *s, int64_t t, const int64_t *v, size_t n, size_t *c)
{
	size_t	 i, total;
	int64_t	 sum;

	sup_init(s, t);
	for (sum = 0, i = 0; i < n; i++) {
		c[i] = sup_cell(s, v[i]);
		sum += v[i];
	}
	total = sup_total(s, sum, 1);
	sup_line(s, total, c, n);
	return (total);
}

static void
total_minus_the_rest(void **state)
{
	struct suppress	 s;
	struct arena	 a;
	int64_t		 v[4] = { 10, 6, 2, 5 };	/* the issue's #8 */
	size_t		 c[4], t, which;

	(void)state;
	arena_init(&a);
	t = row(&s, 5, v, 4, c);
	sup_primary(&s);
	assert_true(sup_disclosed(&s, &which));
	assert_int_equal(which, c[2]);		/* 23 - 10 - 6 - 5 = 2 */
	t = row(&s, 5, v, 4, c);
	sup_run(&s);
	assert_false(sup_disclosed(&s, NULL));
	assert_string_equal(sup_text(&s, &a, c[2]), "fewer than 5");
	/* The smallest other count goes, and the total stays. */
	assert_string_equal(sup_text(&s, &a, c[3]), "not shown");
	assert_string_equal(sup_text(&s, &a, c[0]), "10");
	assert_string_equal(sup_text(&s, &a, c[1]), "6");
	assert_string_equal(sup_text(&s, &a, t), "23");
	arena_free(&a);
}

static void
nothing_left_but_zeros(void **state)
{
	struct suppress	 s;
	struct arena	 a;
	int64_t		 v[4] = { 6, 0, 0, 0 };	/* everyone said yes */
	size_t		 c[4];

	(void)state;
	arena_init(&a);
	(void)row(&s, 5, v, 4, c);
	sup_primary(&s);
	/* Two unknowns, so no sum gives one; but 6 - 6 = 0 says all. */
	assert_true(sup_disclosed(&s, NULL));
	(void)row(&s, 5, v, 4, c);
	sup_run(&s);
	assert_false(sup_disclosed(&s, NULL));
	assert_string_equal(sup_text(&s, &a, c[0]), "not shown");
	arena_free(&a);
}

static void
a_small_one_and_a_threshold_one(void **state)
{
	struct suppress	 s;
	struct arena	 a;
	int64_t		 v[2] = { 5, 0 };
	size_t		 c[2], t;

	(void)state;
	arena_init(&a);
	/* Hiding the 5 is not enough: "not shown" is at least 5, the
	 * total is 5, so the other is 0. The total has to go too. */
	t = row(&s, 5, v, 2, c);
	sup_run(&s);
	assert_false(sup_disclosed(&s, NULL));
	assert_false(sup_shown(&s, c[0]));
	assert_false(sup_shown(&s, t));
	arena_free(&a);
}

static void
two_tables_share_a_total(void **state)
{
	struct suppress	 s;
	size_t		 cat[3], mon[2], t, which;
	int64_t		 cv[3] = { 10, 3, 7 }, mv[2] = { 8, 12 };
	int		 i, run;

	(void)state;
	/* Views by theme and by month: each adds up to 20. */
	for (run = 0; run < 2; run++) {
		sup_init(&s, 5);
		for (i = 0; i < 3; i++)
			cat[i] = sup_cell(&s, cv[i]);
		for (i = 0; i < 2; i++)
			mon[i] = sup_cell(&s, mv[i]);
		t = sup_total(&s, 20, 1);
		sup_line(&s, t, cat, 3);
		sup_line(&s, t, mon, 2);
		if (run == 0) {
			sup_primary(&s);
			assert_true(sup_disclosed(&s, &which));
			assert_int_equal(which, cat[1]);
		} else {
			sup_run(&s);
			assert_false(sup_disclosed(&s, NULL));
			assert_false(sup_shown(&s, cat[1]));
			assert_false(sup_shown(&s, cat[2]));
		}
	}
}

static void
unpublished_total_still_links(void **state)
{
	struct suppress	 s;
	size_t		 band[3], area[2], t;
	int64_t		 bv[3] = { 6, 2, 9 }, av[2] = { 12, 5 };
	int		 i, run;

	(void)state;
	/* Nobody is told 17, but the areas add up to it. */
	for (run = 0; run < 2; run++) {
		sup_init(&s, 5);
		for (i = 0; i < 3; i++)
			band[i] = sup_cell(&s, bv[i]);
		for (i = 0; i < 2; i++)
			area[i] = sup_cell(&s, av[i]);
		t = sup_total(&s, 17, 0);
		sup_line(&s, t, band, 3);
		sup_line(&s, t, area, 2);
		if (run == 0) {
			sup_primary(&s);
			assert_true(sup_disclosed(&s, NULL));
		} else {
			sup_run(&s);
			assert_false(sup_disclosed(&s, NULL));
			assert_true(sup_shown(&s, band[2]));
			assert_false(sup_shown(&s, band[0]));
		}
	}
}

static void
nothing_small_nothing_hidden(void **state)
{
	struct suppress	 s;
	int64_t		 v[3] = { 5, 9, 40 };
	size_t		 c[3], t, i;

	(void)state;
	t = row(&s, 5, v, 3, c);
	sup_run(&s);
	for (i = 0; i < 3; i++)
		assert_true(sup_shown(&s, c[i]));
	assert_true(sup_shown(&s, t));
}

/*
 * The reader: every value the hidden counts of one row could take, given
 * what is shown and what the labels say ("fewer than t": 0 to t-1; "not
 * shown": t or more). 1 if every hidden count can take two values.
 */
#define CAP	40

static int
reader_cannot_tell(const struct suppress *s, const size_t *c, size_t n,
    size_t t)
{
	int64_t	 lo[8], hi[8], v[8], seen[8][2];
	size_t	 h[8], nh, i, k;
	int64_t	 sum, total, x;
	int	 ok;

	nh = 0;
	for (i = 0; i <= n; i++) {
		k = i < n ? c[i] : t;
		if (sup_shown(s, k))
			continue;
		h[nh] = i;
		lo[nh] = s->state[k] == SUP_SMALL ? 0 : s->threshold;
		hi[nh] = s->state[k] == SUP_SMALL ? s->threshold - 1 : CAP;
		seen[nh][0] = seen[nh][1] = -1;
		v[nh] = lo[nh];
		nh++;
	}
	if (nh == 0)
		return (1);
	for (;;) {
		/* Is this assignment consistent with what is shown? */
		sum = 0;
		total = -1;
		for (i = 0, k = 0; i <= n; i++) {
			x = (k < nh && h[k] == i) ? v[k++] :
			    s->value[i < n ? c[i] : t];
			if (i < n)
				sum += x;
			else
				total = x;
		}
		if (sum == total)
			for (k = 0; k < nh; k++) {
				if (seen[k][0] == -1)
					seen[k][0] = v[k];
				else if (seen[k][0] != v[k])
					seen[k][1] = v[k];
			}
		for (k = 0; k < nh && ++v[k] > hi[k]; k++)
			v[k] = lo[k];
		if (k == nh)
			break;
	}
	ok = 1;
	for (k = 0; k < nh; k++)
		if (seen[k][1] == -1)
			ok = 0;
	return (ok);
}

static void
random_rows_give_nothing_away(void **state)
{
	struct suppress	 s;
	int64_t		 v[3];
	size_t		 c[3], t;
	int		 i, j, hid;

	(void)state;
	srandom(11);
	hid = 0;
	for (i = 0; i < 3000; i++) {
		for (j = 0; j < 3; j++)
			v[j] = random() % 12;
		t = row(&s, 5, v, 3, c);
		sup_run(&s);
		assert_false(sup_disclosed(&s, NULL));
		assert_true(reader_cannot_tell(&s, c, 3, t));
		hid += !sup_shown(&s, c[0]);
		/* And the reader would catch primary suppression alone. */
		(void)row(&s, 5, v, 3, c);
		sup_primary(&s);
		if (sup_disclosed(&s, NULL))
			assert_false(reader_cannot_tell(&s, c, 3, t));
	}
	assert_true(hid > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(total_minus_the_rest),
		cmocka_unit_test(nothing_left_but_zeros),
		cmocka_unit_test(a_small_one_and_a_threshold_one),
		cmocka_unit_test(two_tables_share_a_total),
		cmocka_unit_test(unpublished_total_still_links),
		cmocka_unit_test(nothing_small_nothing_hidden),
		cmocka_unit_test(random_rows_give_nothing_away),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
