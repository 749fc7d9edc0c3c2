/*
 * test_utf8.c: strict UTF-8 and the free-text rule.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "utf8.h"

static void
valid_and_invalid_sequences(void **state)
{
	(void)state;
	assert_true(utf8_valid("plain", 5));
	assert_true(utf8_valid("Zo\xc3\xab \xe2\x82\xac \xf0\x9f\x98\x80",
	    13));
	assert_false(utf8_valid("\xc0\xaf", 2));		/* overlong / */
	assert_false(utf8_valid("\xe0\x80\xaf", 3));		/* overlong */
	assert_false(utf8_valid("\xed\xa0\x80", 3));		/* surrogate */
	assert_false(utf8_valid("\xf4\x90\x80\x80", 4));	/* > 10FFFF */
	assert_false(utf8_valid("\xff", 1));
	assert_false(utf8_valid("\xe2\x82", 2));		/* truncated */
	assert_int_equal(utf8_count("Zo\xc3\xab"), 3);
}

static void
free_text_rule(void **state)
{
	(void)state;
	assert_true(text_clean("It's fine & <ok>", 0));
	assert_true(text_clean("two\nlines\ttab", TEXT_MULTILINE));
	assert_false(text_clean("two\nlines", 0));
	assert_false(text_clean("bell\x07", TEXT_MULTILINE));
	assert_false(text_clean("del\x7f", TEXT_MULTILINE));
	assert_false(text_clean("c1\xc2\x85", TEXT_MULTILINE));
	assert_false(text_clean("rlo\xe2\x80\xae", 0));		/* U+202E */
	assert_false(text_clean("zw\xe2\x80\x8b", 0));		/* U+200B */
	assert_false(text_clean("bom\xef\xbb\xbf", 0));		/* U+FEFF */
	assert_false(text_clean("iso\xe2\x81\xa6", 0));		/* U+2066 */
	assert_false(text_clean("bad\xc3", 0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_and_invalid_sequences),
		cmocka_unit_test(free_text_rule),
	};

	return (cmocka_run_group_tests_name("utf8", tests, NULL, NULL));
}
