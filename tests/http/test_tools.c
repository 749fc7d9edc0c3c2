/*
 * test_tools.c: a participation worker's everyday tools over real HTTP:
 * a new sign-in code for a young person, a view typed in on their behalf
 * (moderated and scanned like any view, theirs to follow), and the
 * printable paper form.
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

static int64_t
user_id(const char *name_key)
{
	return (count("SELECT id FROM users WHERE name_key = '%s'", name_key));
}

static void
worker_resets_a_young_persons_sign_in(void **state)
{
	struct client	 c;
	struct resp	 r;
	char		 code[64], path[64], form[128];

	(void)state;
	/* The button is on the worker's list of young people. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/accounts", &r), 0);
	assert_int_equal(r.status, 200);
	(void)snprintf(path, sizeof(path), "/accounts/%lld/reset",
	    (long long)user_id("jaden"));
	assert_true(resp_has(&r, path));
	assert_true(resp_has(&r, "New sign-in code"));
	resp_free(&r);

	assert_int_equal(client_post(&worker, "/accounts", path, "", &r), 200);
	assert_true(resp_has(&r, "Password reset code for Jaden"));
	assert_non_null(resp_between(&r, "id=\"code\">", "</p>", code,
	    sizeof(code)));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'invite.reset_create' AND actor_name = 'Priya Shah' AND "
	    "object_id = %lld", (long long)user_id("jaden")), 1);
	/* The code asks Jaden only for a new password. */
	memset(&c, 0, sizeof(c));
	(void)snprintf(form, sizeof(form), "code=%s", code);
	assert_int_equal(client_post(&c, "/join", "/join", form, &r), 200);
	assert_true(resp_has(&r, "Choose a new password"));
	resp_free(&r);

	/* Not for staff (404 as unknown), nor for a worker's own account
	 * (said in words). */
	(void)snprintf(path, sizeof(path), "/accounts/%lld/reset",
	    (long long)user_id("alex morgan"));
	assert_int_equal(client_post(&worker, "/accounts", path, "", &r), 404);
	resp_free(&r);
	(void)snprintf(path, sizeof(path), "/accounts/%lld/reset",
	    (long long)user_id("priya shah"));
	assert_int_equal(client_post(&worker, "/accounts", path, "", &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'invite.reset_create'"), 1);
}

/* Type in a view for Jaden as the worker; the status. */
static long
type_in(const char *form, struct resp *r)
{
	char	 path[64];

	(void)snprintf(path, sizeof(path), "/accounts/%lld/view",
	    (long long)user_id("jaden"));
	return (client_post(&worker, path, path, form, r));
}

static void
worker_types_in_a_view(void **state)
{
	struct resp	 r;
	char		 form[512], loc[128], path[64];
	int64_t		 cat, id;

	(void)state;
	cat = count("SELECT id FROM categories WHERE key = 'placements'");
	/* Mistakes: told plainly, the words kept. */
	(void)snprintf(form, sizeof(form), "category=%lld&title=&body=%s&"
	    "publish=no", (long long)cat, url_enc("More say in where I live"));
	assert_int_equal(type_in(form, &r), 422);
	assert_true(resp_has(&r, "Choose how they gave you their view."));
	assert_true(resp_has(&r, "Give it a short title."));
	assert_true(resp_has(&r, "More say in where I live</textarea>"));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM views WHERE body = "
	    "'More say in where I live'"), 0);

	(void)snprintf(form, sizeof(form), "given_via=paper&category=%lld&"
	    "title=%s&body=%s&publish=anonymous", (long long)cat,
	    url_enc("Where I live"), url_enc("More say in where I live"));
	assert_int_equal(type_in(form, &r), 303);
	id = count("SELECT max(id) FROM views WHERE title = 'Where I live'");
	(void)snprintf(path, sizeof(path), "/moderation/%lld", (long long)id);
	assert_string_equal(resp_header(&r, "location", loc, sizeof(loc)),
	    path);
	resp_free(&r);
	/* Jaden's view, typed by Priya, given on paper, waiting. */
	assert_int_equal(count("SELECT count(*) FROM views WHERE id = %lld AND "
	    "author_id = %lld AND entered_by = %lld AND given_via = 'paper' "
	    "AND state = 'received' AND urgent = 0", (long long)id,
	    (long long)user_id("jaden"), (long long)user_id("priya shah")), 1);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'view.enter' AND object_id = %lld AND actor_name = 'Priya Shah'",
	    (long long)id), 1);
	/* The worker moderates it like any view and sees how it came. */
	resp_init(&r);
	assert_int_equal(http_get(&worker, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "Given on paper, typed in by Priya Shah."));
	assert_true(resp_has(&r, "The view is saved in their name."));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/moderation", &r), 0);
	assert_true(resp_has(&r, "Where I live"));
	resp_free(&r);
	/* Jaden follows it and is told how it got there. */
	resp_init(&r);
	assert_int_equal(http_get(&young, "/views", &r), 0);
	assert_true(resp_has(&r, "Where I live"));
	resp_free(&r);
	(void)snprintf(path, sizeof(path), "/views/%lld", (long long)id);
	resp_init(&r);
	assert_int_equal(http_get(&young, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "A worker typed this in for you, from your "
	    "paper form."));
	resp_free(&r);
}

static void
typed_in_words_are_scanned(void **state)
{
	struct resp	 r;
	char		 form[512];
	int64_t		 id;

	(void)state;
	/* Worrying words are kept even with the form half filled in. */
	(void)snprintf(form, sizeof(form), "given_via=phone&title=&body=%s&"
	    "publish=no", url_enc("he hit me with a belt"));
	assert_int_equal(type_in(form, &r), 303);
	resp_free(&r);
	id = count("SELECT max(id) FROM views WHERE body = 'he hit me with a "
	    "belt' AND given_via = 'phone'");
	assert_true(id > 0);
	assert_int_equal(count("SELECT urgent FROM views WHERE id = %lld",
	    (long long)id), 1);
	/* The concern is about Jaden, whose words they are. */
	assert_int_equal(count("SELECT count(*) FROM concerns WHERE kind = "
	    "'view' AND item_id = %lld AND author_id = %lld AND closed_at IS "
	    "NULL", (long long)id, (long long)user_id("jaden")), 1);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'view.enter.flagged' AND object_id = %lld", (long long)id), 1);
}

/*
 * A form open across a new sign-in (its token stale) loses nothing: a
 * worry is saved as sent, other words come back to copy. An account
 * turned off while the form was typed still takes what was typed.
 */
static void
typed_in_words_survive_a_stale_form(void **state)
{
	struct resp	 r;
	char		 form[512], path[64];
	int64_t		 jaden;
	int		 i;

	(void)state;
	jaden = user_id("jaden");
	(void)snprintf(path, sizeof(path), "/accounts/%lld/view",
	    (long long)jaden);
	/* Its form token was made for the old sign-in: sent twice, it is
	 * still one view. */
	(void)snprintf(form, sizeof(form), "csrf=stale&given_via=paper&"
	    "category=1&title=Home&body=%s&publish=no&form_token=%.44s",
	    url_enc("my carer hits me every night"),
	    "OLDtokenOLDtokenOLDtokenOLDtokenOLDtokenOLDtoken");
	for (i = 0; i < 2; i++) {
		resp_init(&r);
		assert_int_equal(http_post_form(&worker, path, form, &r), 0);
		assert_int_equal(r.status, 303);
		resp_free(&r);
	}
	assert_int_equal(count("SELECT count(*) FROM views v JOIN concerns c "
	    "ON c.kind = 'view' AND c.item_id = v.id WHERE v.author_id = %lld "
	    "AND v.body = 'my carer hits me every night' AND c.closed_at IS "
	    "NULL", (long long)jaden), 1);
	(void)snprintf(form, sizeof(form), "csrf=stale&given_via=paper&"
	    "category=1&title=Clubs&body=%s&publish=no",
	    url_enc("A chess club at the library"));
	resp_init(&r);
	assert_int_equal(http_post_form(&worker, path, form, &r), 0);
	assert_int_equal(r.status, 403);
	assert_true(resp_has(&r, "A chess club at the library"));
	resp_free(&r);
	/* Turned off meanwhile: saved for them all the same. */
	assert_int_equal(db_run("UPDATE users SET disabled_at = 1 WHERE "
	    "name_key = 'jaden'"), 0);
	(void)snprintf(form, sizeof(form), "given_via=paper&category=1&"
	    "title=Park&body=%s&publish=no", url_enc("A swing for the park"));
	assert_int_equal(type_in(form, &r), 303);
	resp_free(&r);
	assert_int_equal(db_run("UPDATE users SET disabled_at = NULL WHERE "
	    "name_key = 'jaden'"), 0);
	assert_int_equal(count("SELECT count(*) FROM views WHERE author_id = "
	    "%lld AND body = 'A swing for the park'", (long long)jaden), 1);
}

static void
only_workers_type_in_views(void **state)
{
	char	 path[64];

	(void)state;
	(void)snprintf(path, sizeof(path), "/accounts/%lld/view",
	    (long long)user_id("jaden"));
	assert_int_equal(client_status(&worker, path), 200);
	assert_int_equal(client_status(&young, path), 404);
	assert_int_equal(client_status(&cllr, path), 404);
	assert_int_equal(client_status(&anon, path), 303);
	/* Only for a young person's account. */
	(void)snprintf(path, sizeof(path), "/accounts/%lld/view",
	    (long long)user_id("cllr sam okafor"));
	assert_int_equal(client_status(&worker, path), 404);
	assert_int_equal(client_status(&worker, "/accounts/999999/view"), 404);
}

static void
paper_form_prints(void **state)
{
	struct resp	 r;

	(void)state;
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/paper-form", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "Have your say"));
	assert_true(resp_has(&r, "class=\"paper-box paper-box-big\""));
	assert_true(resp_has(&r, "data-print-slot"));
	/* The categories to tick come from the database. */
	assert_true(resp_has(&r, "<li>Where you live and moving</li>"));
	assert_true(resp_has(&r, "<li>Family and friends</li>"));
	resp_free(&r);
	/* A category turned off is not offered. */
	assert_int_equal(db_run("UPDATE categories SET active = 0 WHERE key = "
	    "'contact'"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/paper-form", &r), 0);
	assert_false(resp_has(&r, "<li>Family and friends</li>"));
	resp_free(&r);
	assert_int_equal(db_run("UPDATE categories SET active = 1 WHERE key = "
	    "'contact'"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(worker_resets_a_young_persons_sign_in),
		cmocka_unit_test(worker_types_in_a_view),
		cmocka_unit_test(typed_in_words_are_scanned),
		cmocka_unit_test(typed_in_words_survive_a_stale_form),
		cmocka_unit_test(only_workers_type_in_views),
		cmocka_unit_test(paper_form_prints),
	};

	return (cmocka_run_group_tests_name("http_tools", tests,
	    demo_group_setup, group_teardown_server));
}
