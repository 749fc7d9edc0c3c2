/*
 * test_users.c: display-name rules, name keys and roles.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "users.h"

static void
display_names(void **state)
{
	(void)state;
	assert_null(user_name_problem("Jaden", ROLE_YOUNG));
	assert_null(user_name_problem("Zo\xc3\xab O'Neil-Smith", ROLE_YOUNG));
	assert_null(user_name_problem("\xc5\x81ukasz 2", ROLE_YOUNG));
	assert_non_null(user_name_problem("J", ROLE_YOUNG));
	assert_non_null(user_name_problem("12345", ROLE_YOUNG));
	assert_non_null(user_name_problem("<script>", ROLE_YOUNG));
	assert_non_null(user_name_problem("a@b.com", ROLE_YOUNG));
	assert_non_null(user_name_problem(" Jaden", ROLE_YOUNG));
	assert_non_null(user_name_problem("Jaden ", ROLE_YOUNG));
	assert_non_null(user_name_problem(
	    "abcdefghijabcdefghijabcdefghijabcdefghijk", ROLE_YOUNG));
	/* Hidden characters: right-to-left override, zero-width space. */
	assert_non_null(user_name_problem("Ja\xe2\x80\xae" "den", ROLE_YOUNG));
	assert_non_null(user_name_problem("Ja\xe2\x80\x8b" "den", ROLE_YOUNG));
	assert_non_null(user_name_problem("Ja\xef\xbb\xbf" "den", ROLE_YOUNG));
	assert_non_null(user_name_problem("Ja\xc3", ROLE_YOUNG));
	/* Names that look official, for young people only. */
	assert_non_null(user_name_problem("Admin", ROLE_YOUNG));
	assert_non_null(user_name_problem("Cllr Jones", ROLE_YOUNG));
	assert_non_null(user_name_problem("the SOCIAL  worker", ROLE_YOUNG));
	assert_null(user_name_problem("Cllr Jones", ROLE_COUNCILLOR));
	assert_null(user_name_problem("Modesty", ROLE_YOUNG));
}

static void
name_keys_fold_case_and_spaces(void **state)
{
	char	 a[NAME_KEY_MAX], b[NAME_KEY_MAX];

	(void)state;
	assert_int_equal(user_name_key("Jaden  Smith", a, sizeof(a)), 0);
	assert_int_equal(user_name_key(" jaden smith ", b, sizeof(b)), 0);
	assert_string_equal(a, b);
	assert_string_equal(a, "jaden smith");
}

static void
roles_round_trip(void **state)
{
	(void)state;
	assert_int_equal(role_parse("young_person"), ROLE_YOUNG);
	assert_int_equal(role_parse("admin"), ROLE_ADMIN);
	assert_int_equal(role_parse("root"), ROLE_NONE);
	assert_int_equal(role_parse(NULL), ROLE_NONE);
	assert_string_equal(role_key(ROLE_COUNCILLOR), "councillor");
	assert_true(age_band_valid("12_15"));
	assert_false(age_band_valid("26_30"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(display_names),
		cmocka_unit_test(name_keys_fold_case_and_spaces),
		cmocka_unit_test(roles_round_trip),
	};

	return (cmocka_run_group_tests_name("users", tests, NULL, NULL));
}
