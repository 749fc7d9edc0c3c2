/*
 * mail.c: SMTP delivery of the outbox (see mail.h).
 *
 * What goes into last_error is curl's description of the failure and
 * the server's reply code: never the URL (it may hold a password), never
 * the server's own words (they may echo the message).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>
#include <sodium.h>

#include "arena.h"
#include "mail.h"
#include "settings.h"

#define MAIL_CONNECT_TIMEOUT	10L
#define MAIL_TIMEOUT		60L

struct upload {
	const char	*p;
	size_t		 left;
};

/* 1 configured, 0 when smtp_url is empty (mail is off). */
int
mail_config_load(struct db *db, struct mail_config *c)
{
	struct arena	 a;

	memset(c, 0, sizeof(*c));
	arena_init(&a);
	(void)snprintf(c->url, sizeof(c->url), "%s",
	    settings_text(db, &a, "smtp_url", ""));
	(void)snprintf(c->from, sizeof(c->from), "%s",
	    settings_text(db, &a, "smtp_from", ""));
	(void)snprintf(c->user, sizeof(c->user), "%s",
	    settings_text(db, &a, "smtp_user", ""));
	(void)snprintf(c->password, sizeof(c->password), "%s",
	    settings_text(db, &a, "smtp_password", ""));
	arena_free(&a);
	return (c->url[0] != '\0' && c->from[0] != '\0');
}

void
mail_config_wipe(struct mail_config *c)
{
	sodium_memzero(c, sizeof(*c));
}

/* Body text with bare LF turned into CRLF, as SMTP wants. */
static void
put_crlf(struct buf *out, const char *s)
{
	char	 prev;

	for (prev = '\0'; *s != '\0'; prev = *s++) {
		if (*s == '\n' && prev != '\r')
			buf_putc(out, '\r');
		buf_putc(out, *s);
	}
}

/*
 * The whole message, headers and body. The date is written by hand so
 * the worker's locale cannot change it.
 */
void
mail_format(struct buf *out, const char *from, const char *host,
    const struct outbox_msg *m, int64_t now)
{
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed",
	    "Thu", "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm	 tm;
	time_t		 t = (time_t)now;

	(void)gmtime_r(&t, &tm);
	buf_appendf(out, "Date: %s, %02d %s %04d %02d:%02d:%02d +0000\r\n",
	    days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	buf_appendf(out, "From: <%s>\r\nTo: <%s>\r\nSubject: %s\r\n", from,
	    m->recipient, m->subject);
	/* The same on every attempt, so a resend can be seen as one. */
	buf_appendf(out, "Message-ID: <outbox-%lld@%s>\r\n",
	    (long long)m->id, host);
	buf_puts(out, "MIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: 8bit\r\n\r\n");
	put_crlf(out, m->body.data != NULL ? m->body.data : "");
	if (out->len < 2 || memcmp(out->data + out->len - 2, "\r\n", 2) != 0)
		buf_puts(out, "\r\n");
}

static size_t
read_cb(char *ptr, size_t size, size_t nmemb, void *arg)
{
	struct upload	*u = arg;
	size_t		 n;

	n = size * nmemb;
	if (n > u->left)
		n = u->left;
	memcpy(ptr, u->p, n);
	u->p += n;
	u->left -= n;
	return (n);
}

/* The host part of the from address, for Message-ID. */
static const char *
from_host(const char *from)
{
	const char	*at;

	return ((at = strrchr(from, '@')) != NULL && at[1] != '\0' ?
	    at + 1 : "portal.invalid");
}

/* A failure that says the server cannot be reached at all. */
static int
unreachable(CURLcode rc)
{
	return (rc == CURLE_COULDNT_CONNECT ||
	    rc == CURLE_COULDNT_RESOLVE_HOST ||
	    rc == CURLE_OPERATION_TIMEDOUT);
}

/* Send one message. CURLE_OK, or the failure with err in words. */
static CURLcode
send_one(CURL *h, const struct mail_config *c, const struct outbox_msg *m,
    char *err, size_t errlen)
{
	struct curl_slist	*rcpt;
	struct upload		 up;
	struct buf		 msg;
	char			 addr[OUTBOX_ADDR_MAX + 3];
	long			 code;
	CURLcode		 rc;

	buf_init(&msg, 1024);
	mail_format(&msg, c->from, from_host(c->from), m, (int64_t)time(NULL));
	up.p = msg.data;
	up.left = msg.len;
	(void)snprintf(addr, sizeof(addr), "<%s>", m->recipient);
	rcpt = curl_slist_append(NULL, addr);
	(void)snprintf(addr, sizeof(addr), "<%s>", c->from);
	(void)curl_easy_setopt(h, CURLOPT_MAIL_FROM, addr);
	(void)curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt);
	(void)curl_easy_setopt(h, CURLOPT_READFUNCTION, read_cb);
	(void)curl_easy_setopt(h, CURLOPT_READDATA, &up);
	(void)curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE,
	    (curl_off_t)msg.len);
	rc = curl_easy_perform(h);
	code = 0;
	(void)curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
	if (rc != CURLE_OK && code > 0)
		(void)snprintf(err, errlen, "%s (the mail server answered "
		    "%ld)", curl_easy_strerror(rc), code);
	else if (rc != CURLE_OK)
		(void)snprintf(err, errlen, "%s", curl_easy_strerror(rc));
	curl_slist_free_all(rcpt);
	sodium_memzero(msg.data, msg.len);
	buf_free(&msg);
	return (rc);
}

static CURL *
handle_new(const struct mail_config *c)
{
	CURL	*h;

	if ((h = curl_easy_init()) == NULL)
		return (NULL);
	(void)curl_easy_setopt(h, CURLOPT_URL, c->url);
	(void)curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	(void)curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
	(void)curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	(void)curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, MAIL_CONNECT_TIMEOUT);
	(void)curl_easy_setopt(h, CURLOPT_TIMEOUT, MAIL_TIMEOUT);
	/* A password never crosses the network in clear: with one, plain
	 * smtp:// must upgrade with STARTTLS or fail. */
	(void)curl_easy_setopt(h, CURLOPT_USE_SSL, c->password[0] != '\0' ?
	    (long)CURLUSESSL_ALL : (long)CURLUSESSL_TRY);
	if (c->user[0] != '\0') {
		(void)curl_easy_setopt(h, CURLOPT_USERNAME, c->user);
		(void)curl_easy_setopt(h, CURLOPT_PASSWORD, c->password);
	}
	return (h);
}

/* Record one attempt's outcome. 0 or -1 (database). */
static int
settle(struct db *db, const struct outbox_msg *m, CURLcode rc,
    const char *err, struct mail_report *r)
{
	int64_t	 now = (int64_t)time(NULL);

	if (rc == CURLE_OK) {
		r->sent++;
		return (outbox_sent(db, m->id, now));
	}
	if (m->attempts >= OUTBOX_ATTEMPTS_MAX)
		r->failed++;
	else
		r->retry++;
	return (outbox_retry(db, m->id, m->attempts, now, err));
}

/*
 * One pass: take what is due and try each. When the server cannot be
 * reached the rest of the pass is put back without waiting on it again.
 * 0, or -1 on a database error (what was sent stays marked sent).
 */
int
mail_deliver_due(struct db *db, struct mail_report *r)
{
	struct mail_config	 c;
	struct outbox_msg	 msgs[OUTBOX_TAKE_MAX];
	char			 err[OUTBOX_ERROR_MAX + 1];
	CURL			*h;
	CURLcode		 rc;
	int			 n, i, down, dberr;

	memset(r, 0, sizeof(*r));
	if (!(r->configured = mail_config_load(db, &c))) {
		mail_config_wipe(&c);
		return (0);
	}
	if ((n = outbox_take(db, (int64_t)time(NULL), msgs,
	    OUTBOX_TAKE_MAX)) <= 0) {
		mail_config_wipe(&c);
		return (n);
	}
	h = handle_new(&c);
	down = dberr = 0;
	rc = CURLE_FAILED_INIT;
	(void)snprintf(err, sizeof(err), "%s", "could not start curl");
	for (i = 0; i < n; i++) {
		if (h != NULL && !down) {
			err[0] = '\0';
			rc = send_one(h, &c, &msgs[i], err, sizeof(err));
			down = unreachable(rc);
		}
		if (settle(db, &msgs[i], rc, err, r) != 0)
			dberr = 1;
		outbox_msg_free(&msgs[i]);
	}
	if (h != NULL)
		curl_easy_cleanup(h);
	mail_config_wipe(&c);
	return (dberr ? -1 : 0);
}
