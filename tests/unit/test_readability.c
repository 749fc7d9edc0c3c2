/*
 * test_readability.c: the syllable counter, the Flesch-Kincaid grade and
 * UK reading age, and "real words" in a reason, against values worked
 * out by hand (the working is beside each row).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "readability.h"

static void
syllables(void **state)
{
	static const struct {
		const char	*word;
		int		 n;
	} t[] = {
		{ "cat", 1 },		/* a */
		{ "the", 1 },		/* e: one group, never below one */
		{ "be", 1 },		/* too short for a silent e */
		{ "make", 1 },		/* a, e; the final e is silent */
		{ "table", 2 },		/* a, e; "-ble" keeps its e */
		{ "free", 1 },		/* ee is one group */
		{ "school", 1 },	/* oo */
		{ "council", 2 },	/* ou, i */
		{ "asked", 1 },		/* a, e; "-ked" is silent */
		{ "wanted", 2 },	/* a, e; "-ted" is not */
		{ "happy", 2 },		/* a, y */
		{ "every", 3 },		/* e, e, y */
		{ "leisure", 2 },	/* ei, u, e; the final e is silent */
		{ "education", 4 },	/* e, u, a, io */
		{ "independently", 5 },	/* i, e, e, e, y */
		{ "they", 1 },		/* ey */
		{ "2026", 1 },		/* a number counts as one */
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		print_message("%s\n", t[i].word);
		assert_int_equal(read_syllables(t[i].word,
		    strlen(t[i].word)), t[i].n);
	}
}

/*
 * grade = 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
 * reading age = grade + 5, rounded (5 if the grade is below 0).
 */
static void
grades(void **state)
{
	static const struct {
		const char	*text;
		int		 words, sentences, syllables;
		double		 grade;
		int		 age;
	} t[] = {
		/* 6 words of one syllable: 2.34 + 11.8 - 15.59 */
		{ "The cat sat on the mat.", 6, 1, 6, -1.45, 5 },
		/* 8 + 9 words; we will give you a free pass (1 each) +
		 * leisure 2 = 9; you can use it at pool in town (1 each) +
		 * every 3 = 11; 0.39 * 8.5 + 11.8 * 20 / 17 - 15.59 */
		{ "We will give you a free leisure pass. You can use it at "
		  "every pool in town.", 17, 2, 20, 1.607, 7 },
		/* the 1, council 2, will 1, consider 3, your 1,
		 * educational 5, requirements 4, independently 5 = 22;
		 * 0.39 * 8 + 11.8 * 22 / 8 - 15.59 */
		{ "The council will consider your educational requirements "
		  "independently.", 8, 1, 22, 19.98, 25 },
		/* no full stop: still one sentence; I, asked, and, they,
		 * it 1 each, wanted 2 = 7; 2.34 + 11.8 * 7 / 6 - 15.59 */
		{ "I asked and they wanted it", 6, 1, 7, 0.517, 6 },
		/* "!!!" ends one sentence, not three; yes 1, really 2
		 * (ea, y), now 1 = 4; 0.39 * 3 / 2 + 11.8 * 4 / 3 - 15.59 */
		{ "Yes!!! Really now?", 3, 2, 4, 0.728, 6 },
		{ "", 0, 0, 0, 0, 0 },
		{ "...", 0, 0, 0, 0, 0 },
	};
	struct readability	 r;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		print_message("%s\n", t[i].text);
		read_measure(t[i].text, &r);
		assert_int_equal(r.words, t[i].words);
		assert_int_equal(r.sentences, t[i].sentences);
		assert_int_equal(r.syllables, t[i].syllables);
		assert_true(r.grade > t[i].grade - 0.01 &&
		    r.grade < t[i].grade + 0.01);
		assert_int_equal(r.age, t[i].age);
	}
}

static void
real_words(void **state)
{
	(void)state;
	assert_int_equal(read_real_words("."), 0);
	assert_int_equal(read_real_words("x y z"), 0);	/* not words */
	assert_int_equal(read_real_words("ok"), 1);
	assert_int_equal(read_real_words("No."), 1);
	assert_int_equal(read_real_words("I said no"), 3);
	assert_int_equal(read_real_words("Because we can't."), 3);
	assert_int_equal(read_real_words("a b c d"), 1);	/* only "a" */
	assert_int_equal(read_real_words("!!! ??? 123"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(syllables),
		cmocka_unit_test(grades),
		cmocka_unit_test(real_words),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
