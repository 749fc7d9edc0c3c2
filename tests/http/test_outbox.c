/*
 * test_outbox.c: someone is told. Against a real SMTP server on loopback
 * (Debian's python3-aiosmtpd, writing each message it accepts to a
 * maildir): a flagged view alerts every worker and admin in the portal
 * and emails each safeguarding address; with the mail server down the
 * email waits and is retried until it is taken; no word the child wrote
 * (nor their name) is in any email; admins see each message's state.
 * Also the help page's staffed-hours words and local numbers, the
 * settings that drive them, and "Leave this site quickly".
 */
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <netinet/in.h>

#include <dirent.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "harness.h"
#include "testutil.h"

#include "staffed.h"
#include "timefmt.h"

#define WAIT_SECONDS	30

static pid_t	 smtp_pid = -1;
static int	 smtp_port;
static char	 smtp_dir[64];
static char	 maildir[96];

/* The words a young person writes; none may leave in an email. */
static const char *const secret_words[] = {
	"Kestrel", "belt", "Marmalade", "Jaden", "kill myself",
};

static int
free_port(void)
{
	struct sockaddr_in	 sin;
	socklen_t		 len;
	int			 fd, port;

	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) == -1)
		return (-1);
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	len = sizeof(sin);
	if (bind(fd, (struct sockaddr *)&sin, sizeof(sin)) == -1 ||
	    getsockname(fd, (struct sockaddr *)&sin, &len) == -1)
		port = -1;
	else
		port = ntohs(sin.sin_port);
	close(fd);
	return (port);
}

static int
smtp_answers(void)
{
	struct sockaddr_in	 sin;
	int			 fd, ok;

	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) == -1)
		return (0);
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sin.sin_port = htons((uint16_t)smtp_port);
	ok = connect(fd, (struct sockaddr *)&sin, sizeof(sin)) == 0;
	close(fd);
	return (ok);
}

/* Start aiosmtpd on smtp_port, saving what it accepts in maildir. */
static int
smtp_start(void)
{
	const char	*py;
	char		 listen[64], log[96];
	int		 i, fd;

	py = access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3" :
	    "python3";
	(void)snprintf(listen, sizeof(listen), "127.0.0.1:%d", smtp_port);
	(void)snprintf(log, sizeof(log), "%s/smtp.log", smtp_dir);
	if ((smtp_pid = fork()) == -1)
		return (-1);
	if (smtp_pid == 0) {
		fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0600);
		if (fd != -1) {
			(void)dup2(fd, STDOUT_FILENO);
			(void)dup2(fd, STDERR_FILENO);
			close(fd);
		}
		execlp(py, py, "-m", "aiosmtpd", "-n", "-l", listen, "-c",
		    "aiosmtpd.handlers.Mailbox", maildir, (char *)NULL);
		_exit(127);
	}
	for (i = 0; i < 200; i++) {
		if (smtp_answers())
			return (0);
		if (waitpid(smtp_pid, NULL, WNOHANG) == smtp_pid) {
			smtp_pid = -1;
			return (-1);
		}
		usleep(50 * 1000);
	}
	return (-1);
}

static void
smtp_stop(void)
{
	int	 i;

	if (smtp_pid <= 0)
		return;
	(void)kill(smtp_pid, SIGTERM);
	for (i = 0; i < 100 && waitpid(smtp_pid, NULL, WNOHANG) == 0; i++)
		usleep(50 * 1000);
	if (i == 100) {
		(void)kill(smtp_pid, SIGKILL);
		(void)waitpid(smtp_pid, NULL, 0);
	}
	smtp_pid = -1;
}

/* Every message the server accepted, one after another, into out. */
static int
read_mail(struct buf *out)
{
	char		 path[512], chunk[4096];
	struct dirent	*de;
	DIR		*d;
	FILE		*fp;
	size_t		 n;
	int		 count;

	(void)snprintf(path, sizeof(path), "%s/new", maildir);
	if ((d = opendir(path)) == NULL)
		return (0);
	count = 0;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		(void)snprintf(path, sizeof(path), "%s/new/%s", maildir,
		    de->d_name);
		if ((fp = fopen(path, "r")) == NULL)
			continue;
		while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
			buf_append(out, chunk, n);
		buf_puts(out, "\n----\n");
		fclose(fp);
		count++;
	}
	closedir(d);
	return (count);
}

static int
mail_count(void)
{
	struct buf	 b;
	int		 n;

	buf_init(&b, 1024);
	n = read_mail(&b);
	buf_free(&b);
	return (n);
}

/* Wait for sql's count to reach want (the mailer runs every 3 s). */
static int64_t
wait_count(int64_t want, const char *sql)
{
	int64_t	 n;
	int	 i;

	n = -1;
	for (i = 0; i < WAIT_SECONDS * 10; i++) {
		if ((n = db_count(sql)) == want)
			break;
		usleep(100 * 1000);
	}
	return (n);
}

static int
setup(void **state)
{
	char	 sql[512];

	if (demo_group_setup(state) != 0)
		return (-1);
	(void)snprintf(smtp_dir, sizeof(smtp_dir), "/tmp/portal-smtp-XXXXXX");
	if (mkdtemp(smtp_dir) == NULL || (smtp_port = free_port()) == -1)
		return (-1);
	/* aiosmtpd makes the maildir; it must not exist yet. */
	(void)snprintf(maildir, sizeof(maildir), "%s/mail", smtp_dir);
	(void)snprintf(sql, sizeof(sql), "UPDATE settings SET value = "
	    "'smtp://127.0.0.1:%d' WHERE key = 'smtp_url'; "
	    "UPDATE settings SET value = 'dsl@northbridge.test, "
	    "duty@northbridge.test' WHERE key = 'safeguarding_emails'; "
	    "UPDATE settings SET value = 'https://voices.northbridge.test' "
	    "WHERE key = 'site_url'", smtp_port);
	if (db_run(sql) != 0)
		return (-1);
	return (smtp_start());
}

static int
teardown(void **state)
{
	char	 cmd[128];
	int	 rc;

	smtp_stop();
	rc = 0;
	if (strncmp(smtp_dir, "/tmp/portal-smtp-", 17) == 0) {
		(void)snprintf(cmd, sizeof(cmd), "rm -rf '%s'", smtp_dir);
		rc = system(cmd) == 0 ? 0 : -1;
	}
	return (group_teardown_server(state) == 0 ? rc : -1);
}

/* A worrying view from the demo young person; the help page in r. */
static void
raise_worrying(const char *title, struct resp *r)
{
	char	 form[1024];

	(void)snprintf(form, sizeof(form), "category=%lld&title=%s&body=%s&"
	    "publish=no", (long long)count("SELECT id FROM categories "
	    "WHERE key = 'leisure'"), url_enc(title), url_enc("My carer hit "
	    "me with a belt at Marmalade House and i want to kill myself"));
	assert_int_equal(client_post(&young, "/views/new", "/views/new", form,
	    r), 200);
	assert_true(resp_has(r, "We are here to help"));
}

static void
no_child_words_in_mail(void)
{
	struct buf	 b;
	size_t		 i;

	buf_init(&b, 4096);
	assert_true(read_mail(&b) > 0);
	for (i = 0; i < sizeof(secret_words) / sizeof(secret_words[0]); i++)
		if (strstr(buf_cstr(&b), secret_words[i]) != NULL)
			fail_msg("an email holds \"%s\"", secret_words[i]);
	buf_free(&b);
}

static void
alert_is_delivered(void **state)
{
	struct resp	 r;
	struct buf	 b;
	char		 badge[128];
	int64_t		 flag, unread;

	(void)state;
	raise_worrying("Kestrel night", &r);
	resp_free(&r);
	flag = count("SELECT max(id) FROM concerns");
	assert_true(flag > 0);
	assert_int_equal(count("SELECT count(*) FROM outbox"), 2);
	assert_int_equal(wait_count(2, "SELECT count(*) FROM outbox WHERE "
	    "state = 'sent' AND sent_at IS NOT NULL"), 2);
	assert_int_equal(mail_count(), 2);

	buf_init(&b, 4096);
	(void)read_mail(&b);
	assert_non_null(strstr(buf_cstr(&b), "To: <dsl@northbridge.test>"));
	assert_non_null(strstr(buf_cstr(&b), "To: <duty@northbridge.test>"));
	assert_non_null(strstr(buf_cstr(&b), "Subject: A new urgent concern "
	    "is waiting"));
	assert_non_null(strstr(buf_cstr(&b), "Sign in to read it."));
	assert_non_null(strstr(buf_cstr(&b), "https://voices.northbridge.test"
	    "/safeguarding/"));
	buf_free(&b);
	no_child_words_in_mail();

	/* In the portal: every worker and admin, with a badge and a link. */
	unread = count("SELECT count(*) FROM notifications n JOIN users u "
	    "ON u.id = n.user_id WHERE u.display_name = 'Priya Shah' AND "
	    "n.read_at IS NULL AND n.link = '/safeguarding/%lld'",
	    (long long)flag);
	assert_int_equal(unread, 1);
	(void)snprintf(badge, sizeof(badge), "href=\"/notifications\">"
	    "Notifications <span class=\"nav-count\">%lld<", (long long)count(
	    "SELECT count(*) FROM notifications n JOIN users u ON u.id = "
	    "n.user_id WHERE u.display_name = 'Priya Shah' AND n.read_at IS "
	    "NULL"));
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/moderation", &r), 0);
	assert_true(resp_has(&r, badge));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&admin, "/notifications", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "A new urgent concern: open the safeguarding "
	    "list"));
	assert_true(resp_has(&r, "href=\"/safeguarding/"));
	assert_false(resp_has(&r, "Kestrel"));
	resp_free(&r);
	/* Councillors read their own notifications (answers due), never a
	 * concern's. */
	assert_int_equal(count("SELECT count(*) FROM notifications n JOIN "
	    "users u ON u.id = n.user_id WHERE n.link LIKE '/safeguarding%%' "
	    "AND u.role NOT IN ('participation_worker', 'admin')"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&cllr, "/notifications", &r), 0);
	assert_int_equal(r.status, 200);
	assert_false(resp_has(&r, "/safeguarding/"));
	resp_free(&r);
	/* Read: the badge goes. */
	assert_int_equal(client_post(&worker, "/notifications",
	    "/notifications", "", &r), 303);
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/moderation", &r), 0);
	assert_false(resp_has(&r, "Notifications <span class=\"nav-count\""));
	resp_free(&r);
}

static void
retry_after_server_was_down(void **state)
{
	struct resp	 r;
	char		 out[512];

	(void)state;
	smtp_stop();
	raise_worrying("Second Kestrel", &r);
	resp_free(&r);
	/* Tried, refused, kept: due again after the back-off. */
	assert_int_equal(wait_count(2, "SELECT count(*) FROM outbox WHERE "
	    "state = 'queued' AND attempts >= 1 AND last_error != ''"), 2);
	assert_int_equal(count("SELECT count(*) FROM outbox WHERE state = "
	    "'queued' AND next_attempt_at > strftime('%%s', 'now') + 10"), 2);
	assert_int_equal(count("SELECT count(*) FROM outbox WHERE last_error "
	    "LIKE '%%smtp:%%'"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&admin, "/admin/outbox", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "Waiting to send"));
	assert_true(resp_has(&r, "connect"));
	resp_free(&r);

	/* Back up, and the back-off has passed: delivered once each, by
	 * whichever sender takes them first (the server's or cron's). */
	assert_int_equal(smtp_start(), 0);
	assert_int_equal(db_run("UPDATE outbox SET next_attempt_at = "
	    "strftime('%s', 'now') WHERE state = 'queued'"), 0);
	assert_int_equal(harness_ctl("mail-send", out, sizeof(out)), 0);
	assert_non_null(strstr(out, " to try again later, 0 failed for good"));
	assert_int_equal(wait_count(4, "SELECT count(*) FROM outbox WHERE "
	    "state = 'sent'"), 4);
	assert_int_equal(mail_count(), 4);
	no_child_words_in_mail();
}

static void
admins_see_the_outbox(void **state)
{
	struct resp	 r;

	(void)state;
	assert_int_equal(db_run("INSERT INTO outbox (recipient, subject, body, "
	    "created_at, state, attempts, next_attempt_at, last_error) VALUES "
	    "('gone@northbridge.test', 'A new concern is waiting', 'x', 1, "
	    "'failed', 60, 1, 'Recipient refused (the mail server answered "
	    "550)')"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&admin, "/admin/outbox", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "<strong>4</strong> sent"));
	assert_true(resp_has(&r, "<strong>1</strong> failed for good"));
	assert_true(resp_has(&r, "Try the failed emails again"));
	assert_true(resp_has(&r, "Failed for good"));
	assert_true(resp_has(&r, "Sent"));
	assert_true(resp_has(&r, "answered 550"));
	assert_true(resp_has(&r, "dsl@northbridge.test"));
	assert_false(resp_has(&r, "Sign in to read it"));
	resp_free(&r);

	/* With no mail server set, admins are told nothing is sent. */
	assert_int_equal(db_run("UPDATE settings SET value = '' WHERE key = "
	    "'smtp_url'"), 0);
	resp_init(&r);
	assert_int_equal(http_get(&admin, "/admin/outbox", &r), 0);
	assert_true(resp_has(&r, "No email is being sent"));
	resp_free(&r);

	/* Sent again on request: due now, tries counted afresh (and kept
	 * waiting here, with the mail server unset). */
	assert_int_equal(client_post(&admin, "/admin/outbox", "/admin/outbox",
	    "", &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM outbox WHERE recipient = "
	    "'gone@northbridge.test' AND state = 'queued' AND attempts = 0"),
	    1);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE action = "
	    "'outbox.retry'"), 1);
	assert_int_equal(client_post(&worker, "/moderation", "/admin/outbox",
	    "", &r), 404);
	resp_free(&r);
	assert_int_equal(client_status(&worker, "/admin/outbox"), 404);
	assert_int_equal(client_status(&young, "/admin/outbox"), 404);
	assert_int_equal(client_status(&anon, "/admin/outbox"), 303);
}

/* The words the core gives for now, as the server will write them. */
static const char *
expected_words(struct arena *a)
{
	struct time_days	 off;
	struct staffed		 s;
	struct db		*db;
	char			 err[256];
	const char		*w;
	int64_t			 now;

	assert_int_equal(db_open(&db, harness_db_path(), err, sizeof(err)),
	    0);
	now = (int64_t)time(NULL);
	assert_int_equal(staffed_load(db, now, &s, &off), 0);
	w = staffed_words(a, &s, &off, now);
	db_close(db);
	return (w);
}

static void
help_page_tells_the_truth(void **state)
{
	struct arena	 a;
	struct resp	 r;
	char		 path[64];
	const char	*before, *after;

	(void)state;
	time_zone_init();
	assert_int_equal(db_run("UPDATE settings SET value = '01632 960 123' "
	    "WHERE key = 'edt_phone'"), 0);
	/* Staffed every day, all day: someone reads it today. */
	assert_int_equal(db_run("UPDATE settings SET value = 'Sun-Sat' WHERE "
	    "key = 'staffed_days'; UPDATE settings SET value = '00:00-24:00' "
	    "WHERE key = 'staffed_hours'; DELETE FROM holidays"), 0);
	arena_init(&a);
	before = expected_words(&a);
	raise_worrying("Third Kestrel", &r);
	after = expected_words(&a);
	assert_true(resp_has(&r, before) || resp_has(&r, after));
	/* Less than an hour before midnight is not promised as today. */
	if (strstr(before, "It is") == NULL)
		assert_true(resp_has(&r, "A worker will read this today."));
	assert_true(resp_has(&r, "href=\"tel:01632960123\">Call 01632 960 "
	    "123</a>"));
	assert_true(resp_has(&r, "emergency duty team"));
	assert_true(resp_has(&r, "href=\"tel:08001111\""));
	resp_free(&r);

	/* Never staffed today or tomorrow: not "today", but when. */
	assert_int_equal(db_run("UPDATE settings SET value = '00:00-00:01' "
	    "WHERE key = 'staffed_hours'"), 0);
	before = expected_words(&a);
	raise_worrying("Fourth Kestrel", &r);
	after = expected_words(&a);
	assert_true(resp_has(&r, before) || resp_has(&r, after));
	assert_false(resp_has(&r, "A worker will read this today."));
	assert_true(resp_has(&r, "A worker will read this tomorrow"));
	resp_free(&r);
	arena_free(&a);
	/* The view's own timeline says the same. */
	(void)snprintf(path, sizeof(path), "/views/%lld", (long long)count(
	    "SELECT id FROM views WHERE title = 'Fourth Kestrel'"));
	resp_init(&r);
	assert_int_equal(http_get(&young, path, &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(resp_has(&r, "We got this. It is "));
	assert_true(resp_has(&r, "A worker will read this tomorrow"));
	assert_false(resp_has(&r, "will read it today"));
	resp_free(&r);
	assert_int_equal(db_run("UPDATE settings SET value = 'Mon-Fri' WHERE "
	    "key = 'staffed_days'; UPDATE settings SET value = '09:00-17:00' "
	    "WHERE key = 'staffed_hours'"), 0);
}

static void
leave_quickly(void **state)
{
	struct resp	 r;

	(void)state;
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/", &r), 0);
	assert_true(resp_has(&r, "class=\"quick-exit\" href=\"https://"));
	assert_true(resp_has(&r, "Leave this site quickly"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&young, "/views", &r), 0);
	assert_true(resp_has(&r, "Leave this site quickly"));
	/* No inline script: the CSP allows none. */
	assert_false(resp_has(&r, "<script>"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&worker, "/moderation", &r), 0);
	assert_false(resp_has(&r, "Leave this site quickly"));
	resp_free(&r);
	resp_init(&r);
	assert_int_equal(http_get(&anon, "/assets/enhance.js", &r), 0);
	assert_true(resp_has(&r, "location.replace"));
	resp_free(&r);
}

/* The settings page form as an admin would send it, with changes. */
static void
settings_form(char *form, size_t len, const char *smtp_url,
    const char *emails, const char *password, const char *days)
{
	(void)snprintf(form, len, "council_name=Northbridge+Council&"
	    "cicc_name=Northbridge+Voices&response_days=20&invite_days=14&"
	    "idle_minutes_staff=30&idle_minutes_young=60&session_hours=8&"
	    "pledge_review_years=3&small_count=5&"
	    "retention_unpublished_days=730&"
	    "retention_closed_account_days=365&"
	    "site_url=https%%3A%%2F%%2Fvoices.northbridge.test&smtp_url=%s&"
	    "smtp_from=portal%%40northbridge.test&smtp_user=portal&"
	    "smtp_password=%s&safeguarding_emails=%s&staffed_days=%s&"
	    "staffed_hours=09%%3A00-17%%3A00&edt_phone=01632+960+123&"
	    "advocacy_phone=&lado_phone=", url_enc(smtp_url), url_enc(password),
	    url_enc(emails), url_enc(days));
}

static void
settings_are_checked(void **state)
{
	struct resp	 r;
	char		 form[2048];

	(void)state;
	settings_form(form, sizeof(form), "http://mail.example", "dsl@x.test; "
	    "bob", "", "Weekdays");
	assert_int_equal(client_post(&admin, "/admin/settings",
	    "/admin/settings", form, &r), 422);
	assert_true(resp_has(&r, "Enter the mail server like smtps://"));
	assert_true(resp_has(&r, "Enter email addresses like"));
	assert_true(resp_has(&r, "Write days as three letters"));
	assert_true(resp_has(&r, "value=\"dsl@x.test; bob\""));
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM settings WHERE key = "
	    "'smtp_url' AND value = 'http://mail.example'"), 0);

	settings_form(form, sizeof(form), "smtps://mail.northbridge.test:465",
	    "dsl@northbridge.test", "hunter2-secret", "Mon-Fri");
	assert_int_equal(client_post(&admin, "/admin/settings",
	    "/admin/settings", form, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM settings WHERE key = "
	    "'smtp_password' AND value = 'hunter2-secret'"), 1);
	/* Never shown back; saved again empty, it is kept. */
	resp_init(&r);
	assert_int_equal(http_get(&admin, "/admin/settings", &r), 0);
	assert_false(resp_has(&r, "hunter2-secret"));
	assert_true(resp_has(&r, "A password is saved"));
	resp_free(&r);
	settings_form(form, sizeof(form), "", "dsl@northbridge.test", "",
	    "Mon-Fri");
	assert_int_equal(client_post(&admin, "/admin/settings",
	    "/admin/settings", form, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM settings WHERE key = "
	    "'smtp_password' AND value = 'hunter2-secret'"), 1);
	assert_int_equal(count("SELECT count(*) FROM audit_log WHERE detail "
	    "LIKE '%%hunter2%%'"), 0);
	/* Removed only by its own box, and the log says it changed. */
	resp_init(&r);
	assert_int_equal(http_get(&admin, "/admin/settings", &r), 0);
	assert_true(resp_has(&r, "Remove the saved password"));
	resp_free(&r);
	(void)strncat(form, "&smtp_password_clear=1", sizeof(form) -
	    strlen(form) - 1);
	assert_int_equal(client_post(&admin, "/admin/settings",
	    "/admin/settings", form, &r), 303);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM settings WHERE key = "
	    "'smtp_password' AND value = ''"), 1);
	assert_true(count("SELECT count(*) FROM audit_log WHERE detail LIKE "
	    "'%%smtp_password changed%%'") >= 1);
}

/* Restart the server, its mail sender on or off (PORTAL_MAIL_SENDER). */
static void
restart_sender(const char *mode)
{
	assert_int_equal(harness_kill9(), 0);
	if (mode != NULL)
		assert_int_equal(setenv("PORTAL_MAIL_SENDER", mode, 1), 0);
	else
		assert_int_equal(unsetenv("PORTAL_MAIL_SENDER"), 0);
	assert_int_equal(harness_restart(), 0);
}

/*
 * Production turns the server's sender off (its workers are chrooted,
 * with no CA bundle or resolv.conf): the mail waits in the outbox,
 * untried, until portal-mail.timer's `portalctl mail-send` sends it.
 */
static void
sender_off_leaves_mail_for_portalctl(void **state)
{
	struct resp	 r;
	char		 out[512], sql[512];
	int64_t		 before, sent;
	int		 mails;

	(void)state;
	/* Back to the test's mail server, as setup left it. */
	(void)snprintf(sql, sizeof(sql), "UPDATE settings SET value = "
	    "'smtp://127.0.0.1:%d' WHERE key = 'smtp_url'; "
	    "UPDATE settings SET value = '' WHERE key IN ('smtp_user', "
	    "'smtp_password'); UPDATE settings SET value = "
	    "'dsl@northbridge.test, duty@northbridge.test' WHERE key = "
	    "'safeguarding_emails'", smtp_port);
	assert_int_equal(db_run(sql), 0);
	/* Earlier tests left mail queued with no server set: park it. */
	assert_int_equal(db_run("UPDATE outbox SET state = 'failed' WHERE "
	    "state = 'queued'"), 0);
	restart_sender("off");
	mails = mail_count();
	sent = count("SELECT count(*) FROM outbox WHERE state = 'sent'");
	before = count("SELECT count(*) FROM outbox");
	raise_worrying("Kestrel with the sender off", &r);
	resp_free(&r);
	assert_int_equal(count("SELECT count(*) FROM outbox"), before + 2);
	/* Two of the server's 3-second passes would have sent it. */
	sleep(7);
	assert_int_equal(count("SELECT count(*) FROM outbox WHERE state = "
	    "'queued' AND attempts = 0"), 2);
	assert_int_equal(mail_count(), mails);

	assert_int_equal(harness_ctl("mail-send", out, sizeof(out)), 0);
	assert_non_null(strstr(out, "Sent 2, 0 to try again later, 0 failed "
	    "for good"));
	assert_int_equal(count("SELECT count(*) FROM outbox WHERE state = "
	    "'sent'"), sent + 2);
	assert_int_equal(mail_count(), mails + 2);
	no_child_words_in_mail();
	restart_sender(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(alert_is_delivered),
		cmocka_unit_test(retry_after_server_was_down),
		cmocka_unit_test(admins_see_the_outbox),
		cmocka_unit_test(help_page_tells_the_truth),
		cmocka_unit_test(leave_quickly),
		cmocka_unit_test(settings_are_checked),
		cmocka_unit_test(sender_off_leaves_mail_for_portalctl),
	};

	return (cmocka_run_group_tests_name("http_outbox", tests, setup,
	    teardown));
}
