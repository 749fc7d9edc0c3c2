/*
 * test_drafts.c: words kept across a session that ran out: saved under a
 * cookie's id (never stored itself), read back whole, replaced, deleted,
 * and gone after DRAFT_TTL.
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

#include "drafts.h"

UNITDB_GROUP("/tmp/portal-drafts-XXXXXX")

#define ID	"Zr4k-9p_a8Hq2Lw0xYc7VtBn3Me5Ds1FgJi6Ko8Pu4"
#define NOW	((int64_t)1800000000)

static void
saved_words_come_back_whole(void **state)
{
	struct arena		 a;
	struct view_input	 in, out;
	int64_t			 n;

	(void)state;
	memset(&in, 0, sizeof(in));
	in.category_id = 3;
	in.title = "Moving again";
	in.body = "Line one\r\nline two, with \"quotes\" and <tags>";
	in.better = "";
	in.share = 1;
	in.publish = "anonymous";
	assert_int_equal(drafts_save(db, ID, &in, NOW), 0);
	/* Only a hash of the id is stored. */
	assert_int_equal(db_int(db, &n, "SELECT count(*) FROM drafts WHERE "
	    "key = ?", "t", ID), 1);
	assert_int_equal(n, 0);

	arena_init(&a);
	assert_int_equal(drafts_load(db, &a, ID, NOW + 60, &out), 1);
	assert_int_equal(out.category_id, 3);
	assert_string_equal(out.title, in.title);
	assert_string_equal(out.body, in.body);
	assert_string_equal(out.better, "");
	assert_int_equal(out.share, 1);
	assert_string_equal(out.publish, "anonymous");
	/* Another id finds nothing. */
	assert_int_equal(drafts_load(db, &a, "another-id", NOW, &out), 0);

	/* Saving again replaces it. */
	in.title = "Moving again (2)";
	in.category_id = 0;
	assert_int_equal(drafts_save(db, ID, &in, NOW + 120), 0);
	assert_int_equal(drafts_load(db, &a, ID, NOW + 180, &out), 1);
	assert_string_equal(out.title, "Moving again (2)");
	assert_int_equal(out.category_id, 0);
	assert_int_equal(db_int(db, &n, "SELECT count(*) FROM drafts", ""),
	    1);
	assert_int_equal(n, 1);

	assert_int_equal(drafts_delete(db, ID), 0);
	assert_int_equal(drafts_load(db, &a, ID, NOW + 180, &out), 0);
	arena_free(&a);
}

static void
old_drafts_are_gone(void **state)
{
	struct arena		 a;
	struct view_input	 in, out;
	int64_t			 n;

	(void)state;
	memset(&in, 0, sizeof(in));
	in.title = "t";
	in.body = "b";
	assert_int_equal(drafts_save(db, "old", &in, NOW), 0);
	assert_int_equal(drafts_save(db, "new", &in, NOW + DRAFT_TTL - 10),
	    0);
	arena_init(&a);
	/* At DRAFT_TTL the first is gone, from the table too. */
	assert_int_equal(drafts_load(db, &a, "old", NOW + DRAFT_TTL, &out), 0);
	assert_int_equal(drafts_load(db, &a, "new", NOW + DRAFT_TTL, &out), 1);
	assert_int_equal(db_int(db, &n, "SELECT count(*) FROM drafts", ""),
	    1);
	assert_int_equal(n, 1);
	arena_free(&a);
	/* No id, no draft. */
	assert_int_equal(drafts_save(db, "", &in, NOW), -1);
	assert_int_equal(drafts_load(db, &a, NULL, NOW, &out), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(saved_words_come_back_whole),
		cmocka_unit_test(old_drafts_are_gone),
	};

	return (cmocka_run_group_tests_name("drafts", tests, setup,
	    teardown));
}
