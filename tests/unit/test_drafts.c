/*
 * test_drafts.c: words kept across a session that ran out: saved under a
 * cookie's id (never stored itself) for the account whose session it was,
 * read back whole by that account alone, replaced, deleted, and gone
 * after DRAFT_TTL.
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

static int64_t	 owner, other;

/* Two accounts: the one whose session ran out, and the next person. */
static void
two_accounts(void)
{
	if (owner != 0)
		return;
	assert_int_equal(db_exec(db, "INSERT INTO users (display_name, "
	    "name_key, role, password_hash, created_at) VALUES ('Jaden', "
	    "'jaden', 'young_person', 'x', 1), ('Mia', 'mia', "
	    "'young_person', 'x', 1)", ""), 0);
	owner = db_last_id(db) - 1;
	other = owner + 1;
}

static void
saved_words_come_back_whole(void **state)
{
	struct arena		 a;
	struct view_input	 in, out;
	int64_t			 n;

	(void)state;
	two_accounts();
	memset(&in, 0, sizeof(in));
	in.category_id = 3;
	in.title = "Moving again";
	in.body = "Line one\r\nline two, with \"quotes\" and <tags>";
	in.better = "";
	in.share = 1;
	in.publish = "anonymous";
	assert_int_equal(drafts_save(db, ID, owner, &in, NOW), 0);
	/* Only a hash of the id is stored. */
	assert_int_equal(db_int(db, &n, "SELECT count(*) FROM drafts WHERE "
	    "key = ?", "t", ID), 1);
	assert_int_equal(n, 0);

	arena_init(&a);
	assert_int_equal(drafts_load(db, &a, ID, owner, NOW + 60, &out), 1);
	assert_int_equal(out.category_id, 3);
	assert_string_equal(out.title, in.title);
	assert_string_equal(out.body, in.body);
	assert_string_equal(out.better, "");
	assert_int_equal(out.share, 1);
	assert_string_equal(out.publish, "anonymous");
	/* Another id finds nothing; nor does the next person to sign in
	 * on this browser, nor someone signed out. */
	assert_int_equal(drafts_load(db, &a, "another-id", owner, NOW, &out),
	    0);
	assert_int_equal(drafts_load(db, &a, ID, other, NOW, &out), 0);
	assert_int_equal(drafts_load(db, &a, ID, 0, NOW, &out), 0);
	/* Nor can they delete it. */
	assert_int_equal(drafts_delete(db, ID, other), 0);
	assert_int_equal(drafts_load(db, &a, ID, owner, NOW, &out), 1);
	/* Their own words under the same browser's id are kept apart. */
	in.title = "Someone else's";
	assert_int_equal(drafts_save(db, ID, other, &in, NOW), 0);
	assert_int_equal(drafts_load(db, &a, ID, other, NOW, &out), 1);
	assert_string_equal(out.title, "Someone else's");
	assert_int_equal(drafts_load(db, &a, ID, owner, NOW, &out), 1);
	assert_string_equal(out.title, "Moving again");
	assert_int_equal(drafts_delete(db, ID, other), 1);
	in.title = "Moving again";

	/* Saving again replaces it. */
	in.title = "Moving again (2)";
	in.category_id = 0;
	assert_int_equal(drafts_save(db, ID, owner, &in, NOW + 120), 0);
	assert_int_equal(drafts_load(db, &a, ID, owner, NOW + 180, &out), 1);
	assert_string_equal(out.title, "Moving again (2)");
	assert_int_equal(out.category_id, 0);
	assert_int_equal(db_int(db, &n, "SELECT count(*) FROM drafts", ""),
	    1);
	assert_int_equal(n, 1);

	assert_int_equal(drafts_delete(db, ID, owner), 1);
	assert_int_equal(drafts_load(db, &a, ID, owner, NOW + 180, &out), 0);
	arena_free(&a);
}

static void
old_drafts_are_gone(void **state)
{
	struct arena		 a;
	struct view_input	 in, out;
	int64_t			 n;

	(void)state;
	two_accounts();
	memset(&in, 0, sizeof(in));
	in.title = "t";
	in.body = "b";
	assert_int_equal(drafts_save(db, "old", owner, &in, NOW), 0);
	assert_int_equal(drafts_save(db, "new", owner, &in, NOW + DRAFT_TTL -
	    10), 0);
	arena_init(&a);
	/* At DRAFT_TTL the first is gone, from the table too. */
	assert_int_equal(drafts_load(db, &a, "old", owner, NOW + DRAFT_TTL,
	    &out), 0);
	assert_int_equal(drafts_load(db, &a, "new", owner, NOW + DRAFT_TTL,
	    &out), 1);
	assert_int_equal(db_int(db, &n, "SELECT count(*) FROM drafts", ""),
	    1);
	assert_int_equal(n, 1);
	arena_free(&a);
	/* No id or no owner, no draft. */
	assert_int_equal(drafts_save(db, "", owner, &in, NOW), -1);
	assert_int_equal(drafts_save(db, "x", 0, &in, NOW), -1);
	assert_int_equal(drafts_load(db, &a, NULL, owner, NOW, &out), 0);
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
