/*
 * test_matcher.c: the "Try a sentence" box on /admin/safeguarding over
 * real HTTP: admins only, flag or clear with the rules that matched, the
 * sentence kept in its box (escaped), a clear error for an empty box, the
 * admin's own phrases counted, and nothing stored.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "harness.h"
#include "testutil.h"

/* POST a sentence to the box as the admin; returns the status. */
static long
try_sentence(const char *text, struct resp *r)
{
	char	 form[1024];

	(void)snprintf(form, sizeof(form), "try=%s", url_enc(text));
	return (client_post(&admin, "/admin/safeguarding",
	    "/admin/safeguarding", form, r));
}

static void
admins_only(void **state)
{
	struct resp	 r;

	(void)state;
	assert_int_equal(client_status(&anon, "/admin/safeguarding"), 303);
	assert_int_equal(client_status(&worker, "/admin/safeguarding"), 404);
	assert_int_equal(client_status(&young, "/admin/safeguarding"), 404);
	resp_init(&r);
	assert_int_equal(http_get(&admin, "/admin/safeguarding", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "<label for=\"try\">Try a sentence</label>"));
	assert_false(resp_has(&r, "try-result"));
	resp_free(&r);
}

static void
flag_with_rules_and_sentence_kept(void **state)
{
	struct resp	 r;
	int64_t		 audit, views, flags;

	(void)state;
	audit = count("SELECT count(*) FROM audit_log");
	views = count("SELECT count(*) FROM views");
	flags = count("SELECT count(*) FROM safeguarding_flags");

	assert_int_equal(try_sentence("my carer punches me", &r), 200);
	assert_true(resp_has(&r, "<strong>Flag.</strong>"));
	assert_true(resp_has(&r, "<code>abuse:person-near-hit</code> "
	    "(Abuse)"));
	assert_true(resp_has(&r, ">my carer punches me</textarea>"));
	assert_false(resp_has(&r, "<strong>Clear.</strong>"));
	resp_free(&r);

	assert_int_equal(try_sentence("take all my tablets tonight", &r), 200);
	assert_true(resp_has(&r, "<code>suicide:tablets</code> (Suicide)"));
	resp_free(&r);

	/* Issue 11: this must stay clear. */
	assert_int_equal(try_sentence("a gang of us went bowling", &r), 200);
	assert_true(resp_has(&r, "<strong>Clear.</strong>"));
	assert_true(resp_has(&r, ">a gang of us went bowling</textarea>"));
	assert_false(resp_has(&r, "<code>"));
	resp_free(&r);

	/* Trying stores nothing and writes no audit line. */
	assert_int_equal(count("SELECT count(*) FROM audit_log"), audit);
	assert_int_equal(count("SELECT count(*) FROM views"), views);
	assert_int_equal(count("SELECT count(*) FROM safeguarding_flags"),
	    flags);
}

static void
empty_box_and_hostile_text(void **state)
{
	struct resp	 r;

	(void)state;
	assert_int_equal(try_sentence("   ", &r), 422);
	assert_true(resp_has(&r, "Type a sentence to try."));
	assert_true(resp_has(&r, "href=\"#try\""));
	resp_free(&r);

	assert_int_equal(try_sentence("</textarea><script>alert(1)</script> "
	    "he hit me", &r), 200);
	assert_false(resp_has(&r, "<script>alert(1)"));
	assert_true(resp_has(&r, "&lt;/textarea&gt;&lt;script&gt;"));
	assert_true(resp_has(&r, "<strong>Flag.</strong>"));
	resp_free(&r);
}

/* An admin's phrase counts at once, read the same way as the rules. */
static void
admin_phrase_counts(void **state)
{
	struct resp	 r;
	char		 form[64];
	int64_t		 id;

	(void)state;
	assert_int_equal(try_sentence("He keeps HUGGING me!!", &r), 200);
	assert_true(resp_has(&r, "<strong>Clear.</strong>"));
	resp_free(&r);
	assert_int_equal(client_post(&admin, "/admin/safeguarding",
	    "/admin/safeguarding", "phrase=hugs+me&topic=unsafe", &r), 303);
	resp_free(&r);
	assert_int_equal(try_sentence("He keeps HUGGING me!!", &r), 200);
	assert_true(resp_has(&r, "<code>unsafe:hugs me</code> "
	    "(Not feeling safe)"));
	assert_true(resp_has(&r, ">He keeps HUGGING me!!</textarea>"));
	resp_free(&r);
	id = count("SELECT id FROM safeguarding_phrases WHERE phrase = "
	    "'hugs me'");
	(void)snprintf(form, sizeof(form), "remove=%lld", (long long)id);
	assert_int_equal(client_post(&admin, "/admin/safeguarding",
	    "/admin/safeguarding", form, &r), 303);
	resp_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(admins_only),
		cmocka_unit_test(flag_with_rules_and_sentence_kept),
		cmocka_unit_test(empty_box_and_hostile_text),
		cmocka_unit_test(admin_phrase_counts),
	};

	return (cmocka_run_group_tests_name("http_matcher", tests,
	    demo_group_setup, group_teardown_server));
}
