/*
 * test_users.c: display-name rules, name keys and roles.
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

#include "namefold.h"
#include "users.h"

UNITDB_GROUP("/tmp/portal-users-XXXXXX")

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

/* Every spelling of one name that a person cannot tell apart: one key. */
static void
name_keys_fold_white_space_and_hidden(void **state)
{
	const char *const same[] = {
		"Cody", "cody", "CODY", " Cody", "Cody ", "Cody\t",
		"Cody\t\t", "\tCody\n", "Cody\r\n", "Co\xe2\x80\x8b" "dy",
		"\xef\xbc\xa3ody",			/* full-width C */
		"Cody\xc2\xa0",			/* no-break space */
		"\xe3\x80\x80" "Cody",		/* ideographic space */
	};
	char	 a[NAME_KEY_MAX], b[NAME_KEY_MAX];
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
		assert_int_equal(user_name_key(same[i], a, sizeof(a)), 0);
		assert_string_equal(a, "cody");
	}
	assert_int_equal(user_name_key("Sam\t\n Okafor", a, sizeof(a)), 0);
	assert_string_equal(a, "sam okafor");
	/* Latin capitals fold too; different letters stay different. */
	assert_int_equal(user_name_key("\xc5\x81UKASZ \xc3\x89VA", a,
	    sizeof(a)), 0);
	assert_int_equal(user_name_key("\xc5\x82ukasz \xc3\xa9va", b,
	    sizeof(b)), 0);
	assert_string_equal(a, b);
	assert_int_equal(user_name_key("Zoe", a, sizeof(a)), 0);
	assert_int_equal(user_name_key("Zo\xc3\xab", b, sizeof(b)), 0);
	assert_string_not_equal(a, b);
	/* Bytes that are not UTF-8 still give one key, never a crash. */
	assert_int_equal(user_name_key("Co\xff\xc3", a, sizeof(a)), 0);
	assert_int_equal(user_name_key("x", a, 1), -1);
}

/* Accents and look-alike letters do not make a young person "staff". */
static void
staff_lookalikes_refused(void **state)
{
	const char *const fakes[] = {
		"C\xc5\x82lr Sam Okafor",			/* ł */
		"P\xc8\xa7rticipation W\xc3\xb6rker",	/* ȧ, ö */
		"\xd0\x90" "dmin",				/* Cyrillic А */
		"\xd0\xb0" "dmin",				/* Cyrillic а */
		"Adm1n", "C0UNCILLOR", "St\xc3\xa4" "ff", "Tearn Leader",
		"\xe1\xb8\x80" "dministrator",			/* Ḁ */
		"Offi\xc3\xa7" "er Dan", "M\xc3\xb6" "d",
	};
	size_t	 i;

	(void)state;
	assert_true(name_tables_ok());
	for (i = 0; i < sizeof(fakes) / sizeof(fakes[0]); i++) {
		if (user_name_problem(fakes[i], ROLE_YOUNG) == NULL)
			fail_msg("%s was allowed", fakes[i]);
	}
	/* The Cyrillic one is refused for its letters anyway; the
	 * skeleton is what catches it if letters are ever widened. */
	assert_null(user_name_problem("Zo\xc3\xab", ROLE_YOUNG));
	assert_null(user_name_problem("Mo", ROLE_YOUNG));
	assert_null(user_name_problem("Modesty", ROLE_YOUNG));
	assert_null(user_name_problem("Sta\xc5\x84", ROLE_YOUNG));
	assert_null(user_name_problem("C\xc5\x82lr Sam Okafor",
	    ROLE_COUNCILLOR));
}

static void
skeletons(void **state)
{
	char	 s[NAME_KEY_MAX];

	(void)state;
	assert_int_equal(name_skeleton("P\xc8\xa7rticipation", s,
	    sizeof(s)), 0);
	assert_string_equal(s, "partlclpatlon");
	assert_int_equal(name_skeleton("\xd0\xa1\xd0\xbe\xd1\x83ncil", s,
	    sizeof(s)), 0);
	assert_string_equal(s, "coyncll");
	assert_int_equal(name_skeleton("  A  b\t", s, sizeof(s)), 0);
	assert_string_equal(s, "a b");
}

/*
 * Sign-in names: an account made with one signs in with it and not with
 * its display name; one made as before signs in with its name; rows keyed
 * before 0010 (only ASCII folded) are keyed again.
 */
static void
signin_names_and_rekey(void **state)
{
	struct user	 u;
	char		 hash[128], name[NAME_KEY_MAX];
	const char	*why;
	int64_t		 a, b;

	(void)state;
	assert_int_equal(user_create_signin(db, "Kit", "kit secret",
	    ROLE_YOUNG, "h", "12_15", 0, &a, &why), 0);
	assert_int_equal(user_by_signin(db, "KIT\tSecret", &u, hash,
	    sizeof(hash)), 1);
	assert_int_equal(u.id, a);
	assert_int_equal(user_by_signin(db, "Kit", &u, hash, sizeof(hash)),
	    0);
	assert_int_equal(user_signin_name(db, a, name, sizeof(name)), 1);
	assert_string_equal(name, "kit secret");
	/* Taken, in plain words for each name. */
	assert_int_equal(user_create_signin(db, "Kat", "Kit Secret",
	    ROLE_YOUNG, "h", "12_15", 0, &b, &why), -1);
	assert_non_null(strstr(why, "signs in with that name"));
	assert_int_equal(user_create_signin(db, "kit", "other",
	    ROLE_YOUNG, "h", "12_15", 0, &b, &why), -1);
	assert_non_null(strstr(why, "already uses that name"));
	assert_non_null(user_signin_problem("kit", "Kit"));
	assert_null(user_signin_problem("kit two", "Kit"));
	/* Inserted as before 0010, with an old-style key: the trigger
	 * gives it its name to sign in with, and rekeying folds it. */
	assert_int_equal(db_exec(db, "INSERT INTO users (display_name, "
	    "name_key, role, password_hash, created_at) VALUES "
	    "('\xc5\x81ukasz', '\xc5\x81ukasz', 'admin', 'h', 1)", ""), 0);
	assert_int_equal(user_by_signin(db, "\xc5\x82ukasz", &u, hash,
	    sizeof(hash)), 0);
	assert_int_equal(user_rekey(db), 1);
	assert_int_equal(user_by_signin(db, "\xc5\x82UKASZ", &u, hash,
	    sizeof(hash)), 1);
	assert_string_equal(u.name, "\xc5\x81ukasz");
	assert_int_equal(user_rekey(db), 0);
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

/* An account deleted (the purge) keeps its number from the next one. */
static void
a_deleted_accounts_number_is_not_reused(void **state)
{
	const char	*why;
	int64_t		 gone, next;

	(void)state;
	assert_int_equal(user_create_signin(db, "Floor One", NULL, ROLE_YOUNG,
	    "x", "12_15", 0, &gone, &why), 0);
	assert_int_equal(db_exec(db, "DELETE FROM users WHERE id = ?1", "i",
	    gone), 0);
	assert_int_equal(user_create_signin(db, "Floor Two", NULL, ROLE_YOUNG,
	    "x", "12_15", 0, &next, &why), 0);
	assert_true(next > gone);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(display_names),
		cmocka_unit_test(name_keys_fold_case_and_spaces),
		cmocka_unit_test(name_keys_fold_white_space_and_hidden),
		cmocka_unit_test(staff_lookalikes_refused),
		cmocka_unit_test(skeletons),
		cmocka_unit_test(signin_names_and_rekey),
		cmocka_unit_test(roles_round_trip),
		cmocka_unit_test(a_deleted_accounts_number_is_not_reused),
	};

	return (cmocka_run_group_tests_name("users", tests, setup,
	    teardown));
}
