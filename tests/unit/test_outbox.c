/*
 * test_outbox.c: the mail outbox: back-off that doubles and is capped,
 * taking due messages under a lease (never the same one twice), retry
 * and giving up for good, addresses, the message format, and
 * alert_new_concern (who is told, and that no words or names go out).
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

#include "alert.h"
#include "mail.h"
#include "outbox.h"
#include "settings.h"

UNITDB_GROUP("/tmp/portal-outbox-XXXXXX")

#define NOW	1795000000

static int64_t
q(const char *sql)
{
	int64_t	 n = -1;

	assert_int_equal(db_int(db, &n, sql, ""), 1);
	return (n);
}

static void
backoff(void **state)
{
	(void)state;
	assert_int_equal(outbox_backoff(1), 30);
	assert_int_equal(outbox_backoff(2), 60);
	assert_int_equal(outbox_backoff(3), 120);
	assert_int_equal(outbox_backoff(7), 1920);
	assert_int_equal(outbox_backoff(8), OUTBOX_BACKOFF_CAP);
	assert_int_equal(outbox_backoff(59), OUTBOX_BACKOFF_CAP);
	assert_int_equal(outbox_backoff(1000000), OUTBOX_BACKOFF_CAP);
}

static void
take_lease_retry(void **state)
{
	struct outbox_msg	 m[OUTBOX_TAKE_MAX];
	int			 n;

	(void)state;
	assert_int_equal(db_exec(db, "DELETE FROM outbox", ""), 0);
	assert_int_equal(outbox_queue(db, "a@example.org", "One", "Body one",
	    NOW), 0);
	assert_int_equal(outbox_queue(db, "b@example.org", "Two", "Body two",
	    NOW + 10), 0);
	assert_int_equal(outbox_queue(db, "", "No one", "x", NOW), -1);
	assert_int_equal(outbox_due(db, NOW), 1);
	assert_int_equal(outbox_due(db, NOW + 10), 2);

	/* Taken: the attempt counts, and nobody else takes it. */
	n = outbox_take(db, NOW + 10, m, OUTBOX_TAKE_MAX);
	assert_int_equal(n, 2);
	assert_int_equal(m[0].attempts, 1);
	assert_string_equal(buf_cstr(&m[0].body), m[0].id == m[1].id - 1 ?
	    "Body one" : "Body two");
	assert_int_equal(outbox_take(db, NOW + 11, m + 2, 5), 0);
	assert_int_equal(outbox_due(db, NOW + 10 + OUTBOX_LEASE - 1), 0);

	/* One sent, one failed: due again after the back-off. */
	assert_int_equal(outbox_sent(db, m[0].id, NOW + 12), 0);
	assert_int_equal(outbox_retry(db, m[1].id, m[1].attempts, NOW + 12,
	    "Could not connect to server"), 0);
	assert_int_equal(q("SELECT count(*) FROM outbox WHERE state = 'sent' "
	    "AND sent_at IS NOT NULL"), 1);
	assert_int_equal(outbox_due(db, NOW + 12 + 29), 0);
	assert_int_equal(outbox_due(db, NOW + 12 + 30), 1);
	assert_int_equal(q("SELECT count(*) FROM outbox WHERE last_error = "
	    "'Could not connect to server'"), 1);
	outbox_msg_free(&m[0]);
	outbox_msg_free(&m[1]);

	/* A lease that runs out (the sender died): taken again. */
	assert_int_equal(outbox_take(db, NOW + 100, m, 1), 1);
	assert_int_equal(m[0].attempts, 2);
	outbox_msg_free(&m[0]);
	assert_int_equal(outbox_take(db, NOW + 100 + OUTBOX_LEASE, m, 1), 1);
	assert_int_equal(m[0].attempts, 3);

	/* The last attempt fails: given up for good, never taken again. */
	assert_int_equal(outbox_retry(db, m[0].id, OUTBOX_ATTEMPTS_MAX,
	    NOW + 500, "Failure when receiving data from the peer"), 0);
	outbox_msg_free(&m[0]);
	assert_int_equal(q("SELECT count(*) FROM outbox WHERE state = "
	    "'failed'"), 1);
	assert_int_equal(outbox_take(db, NOW + 999999, m, 1), 0);
}

static void
addresses(void **state)
{
	(void)state;
	assert_true(outbox_addr_ok("dsl@council.gov.uk", 18));
	assert_false(outbox_addr_ok("no-at-sign", 10));
	assert_false(outbox_addr_ok("@council.gov.uk", 15));
	assert_false(outbox_addr_ok("a@b@c", 5));
	assert_false(outbox_addr_ok("a b@c.uk", 8));
	assert_false(outbox_addr_ok("a@c.uk>\r\nBcc: x", 15));
	assert_null(outbox_addrs_problem(""));
	assert_null(outbox_addrs_problem("a@x.uk, b@y.uk ,c@z.uk"));
	assert_non_null(outbox_addrs_problem("a@x.uk; b@y.uk"));
	assert_non_null(outbox_addrs_problem("a@x.uk, Bob"));
}

static void
format(void **state)
{
	struct outbox_msg	 m;
	struct buf		 out;

	(void)state;
	memset(&m, 0, sizeof(m));
	m.id = 7;
	m.attempts = 2;
	(void)snprintf(m.recipient, sizeof(m.recipient), "dsl@council.uk");
	(void)snprintf(m.subject, sizeof(m.subject), "A new concern");
	buf_init(&m.body, 64);
	buf_puts(&m.body, "Line one.\nLine two.\r\nEnd");
	(void)buf_cstr(&m.body);
	buf_init(&out, 256);
	mail_format(&out, "portal@council.uk", "council.uk", &m, 1795000000);
	assert_non_null(strstr(buf_cstr(&out), "Date: Wed, 18 Nov 2026 "
	    "11:06:40 +0000\r\nFrom: <portal@council.uk>\r\n"
	    "To: <dsl@council.uk>\r\nSubject: A new concern\r\n"
	    "Message-ID: <outbox-7@council.uk>\r\n"));
	assert_non_null(strstr(buf_cstr(&out), "\r\n\r\nLine one.\r\n"
	    "Line two.\r\nEnd\r\n"));
	assert_null(strstr(buf_cstr(&out), "\r\r"));
	buf_free(&out);
	buf_free(&m.body);
}

static void
alert(void **state)
{
	int64_t	 staff;

	(void)state;
	assert_int_equal(db_exec(db, "DELETE FROM outbox", ""), 0);
	assert_int_equal(db_exec(db, "INSERT INTO users (display_name, "
	    "name_key, role, password_hash, created_at, disabled_at) VALUES "
	    "('W1', 'w1', 'participation_worker', 'x', 1, NULL), "
	    "('W2', 'w2', 'participation_worker', 'x', 1, 5), "
	    "('A1', 'a1', 'admin', 'x', 1, NULL), "
	    "('C1', 'c1', 'councillor', 'x', 1, NULL), "
	    "('Y1', 'y1', 'young_person', 'x', 1, NULL)", ""), 0);
	assert_int_equal(settings_set(db, "safeguarding_emails",
	    "dsl@council.uk, bad address, duty@council.uk"), 0);
	assert_int_equal(settings_set(db, "site_url",
	    "https://cicc.council.uk/"), 0);
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(alert_new_concern(db, 42, 1, NOW), 0);
	assert_int_equal(db_commit(db), 0);

	/* The active worker and admin, nobody else. */
	staff = q("SELECT count(*) FROM notifications n JOIN users u ON "
	    "u.id = n.user_id WHERE n.link = '/safeguarding/42' AND "
	    "n.text = 'A new urgent concern: open the safeguarding list'");
	assert_int_equal(staff, 2);
	assert_int_equal(q("SELECT count(*) FROM notifications n JOIN users u "
	    "ON u.id = n.user_id WHERE u.name_key IN ('w2', 'c1', 'y1')"), 0);

	/* One email per good address; the words say only where to look. */
	assert_int_equal(q("SELECT count(*) FROM outbox"), 2);
	assert_int_equal(q("SELECT count(*) FROM outbox WHERE "
	    "recipient IN ('dsl@council.uk', 'duty@council.uk') AND "
	    "subject = 'A new urgent concern is waiting' AND body = "
	    "'A new urgent concern is waiting on the Care Council portal. "
	    "Sign in to read it.\n\nhttps://cicc.council.uk/safeguarding/42"
	    "\n\nThis email never holds what was written or who wrote it.\n'"),
	    2);

	/* Inside the caller's transaction: undone with it. */
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(alert_new_concern(db, 43, 0, NOW), 0);
	db_rollback(db);
	assert_int_equal(q("SELECT count(*) FROM outbox"), 2);
	assert_int_equal(q("SELECT count(*) FROM notifications WHERE "
	    "link = '/safeguarding/43'"), 0);
}

/* The mail and help settings an admin types are checked. */
static void
settings_shapes(void **state)
{
	(void)state;
	assert_null(settings_problem("smtp_url", ""));
	assert_null(settings_problem("smtp_url", "smtps://mail.x.gov.uk:465"));
	assert_null(settings_problem("smtp_url", "smtp://127.0.0.1:2525"));
	assert_non_null(settings_problem("smtp_url", "http://mail.x.gov.uk"));
	assert_non_null(settings_problem("smtp_url", "smtps://"));
	assert_non_null(settings_problem("smtp_url",
	    "smtps://me:pw@mail.x.gov.uk"));
	assert_non_null(settings_problem("smtp_url", "smtp://a b"));
	assert_null(settings_problem("site_url", "https://cicc.x.gov.uk"));
	assert_non_null(settings_problem("site_url", ""));
	assert_non_null(settings_problem("site_url", "cicc.x.gov.uk"));
	assert_null(settings_problem("smtp_from", "portal@x.gov.uk"));
	assert_non_null(settings_problem("smtp_from", "a@x.uk, b@x.uk"));
	assert_null(settings_problem("safeguarding_emails", ""));
	assert_non_null(settings_problem("safeguarding_emails", "dsl"));
	assert_null(settings_problem("edt_phone", ""));
	assert_null(settings_problem("edt_phone", "+44 (0)1632 960 123"));
	assert_non_null(settings_problem("edt_phone", "call Sam"));
	assert_non_null(settings_problem("staffed_days", "weekdays"));
	assert_non_null(settings_problem("staffed_hours", "9-5"));
	assert_true(settings_optional("smtp_password"));
	assert_false(settings_optional("site_url"));
	assert_true(settings_secret("smtp_password"));
	assert_false(settings_secret("smtp_user"));
	assert_int_equal(settings_max("safeguarding_emails"),
	    SETTINGS_LONG_MAX);
	assert_int_equal(settings_max("council_name"), SETTINGS_TEXT_MAX);
}

/* With no mail server set, delivery tries nothing and keeps it all. */
static void
mail_off(void **state)
{
	struct mail_report	 r;

	(void)state;
	assert_int_equal(settings_set(db, "smtp_url", ""), 0);
	assert_int_equal(mail_deliver_due(db, &r), 0);
	assert_false(r.configured);
	assert_int_equal(q("SELECT count(*) FROM outbox WHERE state = "
	    "'queued' AND attempts = 0"), 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(backoff),
		cmocka_unit_test(take_lease_retry),
		cmocka_unit_test(addresses),
		cmocka_unit_test(format),
		cmocka_unit_test(alert),
		cmocka_unit_test(settings_shapes),
		cmocka_unit_test(mail_off),
	};

	return (cmocka_run_group_tests_name("outbox", tests, setup,
	    teardown));
}
