/*
 * test_glossary.c: words young people may not know, explained in
 * brackets on first use only; whole words; a term in capitals matches
 * only in capitals; the longest term wins; an explanation already in
 * brackets is not doubled.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "glossary.h"

static void
setup_terms(struct glossary *g)
{
	memset(g, 0, sizeof(*g));
	/* Longest first, as glossary_load orders them. */
	g->term[0] = "Pupil Premium Plus";
	g->plain[0] = "extra money for your school";
	g->term[1] = "Staying Put";
	g->plain[1] = "staying with your foster carer after 18";
	g->term[2] = "PEP";
	g->plain[2] = "your plan for school";
	g->term[3] = "Pupil";
	g->plain[3] = "a child at school";
	g->n = 4;
}

static void
explains_first_use(void **state)
{
	struct glossary	 g;
	struct arena	 a;

	(void)state;
	arena_init(&a);
	setup_terms(&g);
	assert_string_equal(glossary_explain(&g, &a, "Your PEP, and your PEP "
	    "again."), "Your PEP (your plan for school), and your PEP again.");
	/* Seen already in this answer: not again in its next field. */
	assert_string_equal(glossary_explain(&g, &a, "A PEP."), "A PEP.");
	setup_terms(&g);
	/* Capitals only: "pep" and "PEPs" are other words. */
	assert_string_equal(glossary_explain(&g, &a, "A pep talk about "
	    "PEPs."), "A pep talk about PEPs.");
	/* Any case for other terms; the longest one wins. */
	assert_string_equal(glossary_explain(&g, &a, "staying put and "
	    "Pupil Premium Plus."), "staying put (staying with your foster "
	    "carer after 18) and Pupil Premium Plus (extra money for your "
	    "school).");
	setup_terms(&g);
	/* Already explained by the writer: not doubled. */
	assert_string_equal(glossary_explain(&g, &a, "Your PEP (plan)."),
	    "Your PEP (plan).");
	assert_string_equal(glossary_explain(&g, &a, ""), "");
	arena_free(&a);
}

static void
lists_words_used(void **state)
{
	struct glossary	 g;
	struct arena	 a;
	struct tval	*list;

	(void)state;
	arena_init(&a);
	setup_terms(&g);
	list = tv_list(&a);
	glossary_words(&g, "Staying Put, PEP and PEP.", list);
	assert_int_equal(tv_count(list), 2);
	list = tv_list(&a);
	glossary_words(&g, "Nothing hard here.", list);
	assert_int_equal(tv_count(list), 0);
	arena_free(&a);
}

/* A page's fields in the order it shows them; a missing key stays so. */
static void
explains_keys_in_order(void **state)
{
	static const char *const keys[] = { "title", "gone", "delivery",
		NULL };
	struct glossary	 g;
	struct arena	 a;
	struct tval	*row;

	(void)state;
	arena_init(&a);
	setup_terms(&g);
	row = tv_map(&a);
	tv_set_str(row, "title", "Staying Put");
	tv_set_str(row, "delivery", "Your PEP and Staying Put.");
	glossary_explain_keys(&g, row, keys);
	assert_string_equal(tv_get_str(row, "title"), "Staying Put (staying "
	    "with your foster carer after 18)");
	assert_string_equal(tv_get_str(row, "delivery"), "Your PEP (your plan "
	    "for school) and Staying Put.");
	assert_null(tv_get(row, "gone"));
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(explains_first_use),
		cmocka_unit_test(lists_words_used),
		cmocka_unit_test(explains_keys_in_order),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
