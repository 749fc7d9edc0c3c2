/*
 * test_settings.c: the copy of the settings a web worker reads during a
 * request (settings_at .. settings_done). Inside the bracket at one
 * version the copy is used; settings_set() drops it at once; a new
 * version reads the table again; outside the bracket (timers, other
 * programs) the table is always read.
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

#include "settings.h"

UNITDB_GROUP("/tmp/portal-set-XXXXXX")

/* Change a setting behind settings.c's back, as another program would. */
static void
poke(const char *key, const char *value)
{
	assert_int_equal(db_exec(db, "UPDATE settings SET value = ?2 "
	    "WHERE key = ?1", "tt", key, value), 0);
}

static void
copy_within_one_version(void **state)
{
	struct arena	 a;

	(void)state;
	arena_init(&a);
	poke("council_name", "Ashford");
	poke("small_count", "5");
	settings_at(db, 1, 1);
	assert_string_equal(settings_text(db, &a, "council_name", "x"),
	    "Ashford");
	assert_int_equal(settings_int(db, "small_count", 0), 5);
	assert_string_equal(settings_text(db, &a, "no_such_key", "dflt"),
	    "dflt");
	/* Same version: the copy answers, not the table. */
	poke("council_name", "Brent");
	assert_string_equal(settings_text(db, &a, "council_name", "x"),
	    "Ashford");
	/* Outside the bracket the table answers. */
	settings_done();
	assert_string_equal(settings_text(db, &a, "council_name", "x"),
	    "Brent");
	/* The same version again: still the old copy; a new one reads. */
	settings_at(db, 1, 1);
	assert_string_equal(settings_text(db, &a, "council_name", "x"),
	    "Ashford");
	settings_done();
	settings_at(db, 2, 1);
	assert_string_equal(settings_text(db, &a, "council_name", "x"),
	    "Brent");
	settings_done();
	settings_forget();
	arena_free(&a);
}

static void
set_drops_the_copy(void **state)
{
	struct arena	 a;

	(void)state;
	arena_init(&a);
	settings_at(db, 3, 1);
	assert_int_equal(settings_int(db, "small_count", 0), 5);
	assert_int_equal(settings_set(db, "small_count", "7"), 0);
	assert_int_equal(settings_int(db, "small_count", 0), 7);
	/* A bad number reads as the default, copy or not. */
	assert_int_equal(settings_set(db, "small_count", "7x"), 0);
	assert_int_equal(settings_int(db, "small_count", 4), 4);
	settings_done();
	settings_at(db, 4, 1);
	assert_int_equal(settings_int(db, "small_count", 4), 4);
	assert_string_equal(settings_text(db, &a, "small_count", ""), "7x");
	settings_done();
	settings_forget();
	arena_free(&a);
}

/* Every key in the table is found in the copy, with its own value. */
static void
copy_finds_every_key(void **state)
{
	struct arena	 a;
	sqlite3_stmt	*st;
	int		 n;

	(void)state;
	arena_init(&a);
	/* One that sorts first and one that sorts last, as bytes. */
	assert_int_equal(db_exec(db, "INSERT INTO settings (key, value, label) "
	    "VALUES ('AAA_first', 'a', ''), ('~last', 'z', '')", ""), 0);
	settings_at(db, 5, 1);
	st = db_query(db, "SELECT key, value FROM settings", "");
	for (n = 0; db_step(st) == 1; n++)
		assert_string_equal(settings_text(db, &a, db_col_text(st, 0),
		    "(missing)"), db_col_text(st, 1));
	db_done(st);
	assert_true(n > 10);
	assert_string_equal(settings_text(db, &a, "zzz", "none"), "none");
	assert_string_equal(settings_text(db, &a, "", "none"), "none");
	settings_done();
	settings_forget();
	assert_int_equal(db_exec(db, "DELETE FROM settings WHERE key IN "
	    "('AAA_first', '~last')", ""), 0);
	arena_free(&a);
}

/* A comma-separated setting, item by item, spaces trimmed. */
static void
list_items_are_trimmed(void **state)
{
	static const char *const want[] = { "a@x.uk", "Cllr Sam", "", "b" };
	const char	*list = " a@x.uk,Cllr Sam  , ,b", *item;
	size_t		 len, n;

	(void)state;
	for (n = 0; (item = settings_list_item(&list, &len)) != NULL; n++) {
		assert_true(n < 4);
		assert_int_equal(len, strlen(want[n]));
		assert_memory_equal(item, want[n], len);
	}
	assert_int_equal(n, 4);
	list = "  ";
	assert_null(settings_list_item(&list, &len));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(copy_within_one_version),
		cmocka_unit_test(set_drops_the_copy),
		cmocka_unit_test(copy_finds_every_key),
		cmocka_unit_test(list_items_are_trimmed),
	};

	return (cmocka_run_group_tests_name("settings", tests, setup,
	    teardown));
}
