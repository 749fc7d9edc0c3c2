/*
 * quota.c: hourly limits on what one sender may send (see quota.h).
 *
 * Each message sent is one row in the attempts table (throttle.c), under
 * a key per account, per browser or per address; rows older than an hour
 * are pruned there. A browser's key is a hash of its anonymous CSRF
 * cookie, so the cookie itself is never stored.
 */
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "quota.h"
#include "safeguarding.h"
#include "settings.h"
#include "throttle.h"

#define QUOTA_WINDOW	3600

static const struct {
	const char	*prefix;
	const char	*setting;
	int64_t		 dflt;
} kinds[] = {
	[QUOTA_VIEW] = { "sent:view", "views_per_hour", 20 },
	[QUOTA_PLEDGE_CHECK] = { "sent:check", "pledge_checks_per_hour", 20 },
	[QUOTA_SUGGESTION] = { "sent:suggest", "suggestions_per_hour", 10 },
};

/* i moved back to the start of a character of s. */
static size_t
char_start(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return (i);
}

/*
 * The safeguarding check of text: the number of rules matched, each
 * appended to topics (see safeguarding_match()), -1 on error. With edge
 * set and text longer than twice that, only its first and last edge
 * bytes are read (the sender's scanning budget ran out: app/web/conns.c),
 * each on its own, so the cut makes no phrase that was not typed.
 */
int
quota_scan(struct db *db, const char *text, size_t edge, struct buf *topics)
{
	struct buf	 head;
	size_t		 len, cut;
	int		 a, b;

	len = strlen(text);
	if (edge == 0 || len <= 2 * edge)
		return (safeguarding_match(db, text, topics));
	cut = char_start(text, edge);
	buf_init(&head, cut + 1);
	buf_append(&head, text, cut);
	a = safeguarding_match(db, buf_cstr(&head), topics);
	buf_free(&head);
	if (a == -1)
		return (-1);
	b = safeguarding_match(db, text + char_start(text, len - edge),
	    topics);
	return (b == -1 ? -1 : a + b);
}

/* 1 if the safeguarding check matches text, 0 if not, -1 on error. */
int
quota_worrying(struct db *db, const char *text)
{
	return (quota_worrying_edges(db, text, 0));
}

/* The same, reading at most the first and last edge bytes (quota_scan()). */
int
quota_worrying_edges(struct db *db, const char *text, size_t edge)
{
	struct buf	 topics;
	int		 hits;

	if (text == NULL || *text == '\0')
		return (0);
	buf_init(&topics, 32);
	hits = quota_scan(db, text, edge, &topics);
	buf_free(&topics);
	return (hits < 0 ? -1 : hits > 0);
}

static void
account_key(enum quota_kind k, int64_t user_id, char *key, size_t len)
{
	(void)snprintf(key, len, "%s:%lld", kinds[k].prefix,
	    (long long)user_id);
}

/* Seconds before this account may send another; 0 now, -1 on error. */
int64_t
quota_account_wait(struct db *db, enum quota_kind k, int64_t user_id,
    int64_t now)
{
	char	 key[64];

	account_key(k, user_id, key, sizeof(key));
	return (throttle_wait(db, key, now, QUOTA_WINDOW,
	    settings_int(db, kinds[k].setting, kinds[k].dflt)));
}

/* Count one ordinary message sent by this account. 0 on success. */
int
quota_account_sent(struct db *db, enum quota_kind k, int64_t user_id,
    int64_t now)
{
	char	 key[64];

	account_key(k, user_id, key, sizeof(key));
	return (throttle_fail(db, key, now));
}

/* The key of one browser: a hash of its cookie, never the cookie. */
static void
browser_key(const char *cookie, char *key, size_t len)
{
	size_t	 n;

	/* 16 bytes of the digest are enough to tell browsers apart. */
	n = (size_t)snprintf(key, len, "anonview:b:");
	if (n < len)
		auth_digest_hex(cookie, key + n, len - n < 33 ? len - n : 33);
}

/*
 * Seconds before a visitor without an account may send another view:
 * the longer of the browser's wait and the address's. -1 on error.
 */
int64_t
quota_anon_wait(struct db *db, const char *cookie, const char *ip,
    int64_t now)
{
	char	 key[96];
	int64_t	 a, b;

	b = 0;
	if (cookie != NULL && *cookie != '\0') {
		browser_key(cookie, key, sizeof(key));
		b = throttle_wait(db, key, now, QUOTA_WINDOW,
		    settings_int(db, "anon_views_per_hour", 5));
	}
	throttle_ip_key("anonview", ip, key, sizeof(key));
	a = throttle_wait(db, key, now, QUOTA_WINDOW,
	    settings_int(db, "anon_views_per_hour_address", 30));
	if (a < 0 || b < 0)
		return (-1);
	return (a > b ? a : b);
}

/* Count one ordinary view sent without an account. 0 on success. */
int
quota_anon_sent(struct db *db, const char *cookie, const char *ip,
    int64_t now)
{
	char	 key[96];

	if (cookie != NULL && *cookie != '\0') {
		browser_key(cookie, key, sizeof(key));
		if (throttle_fail(db, key, now) == -1)
			return (-1);
	}
	throttle_ip_key("anonview", ip, key, sizeof(key));
	return (throttle_fail(db, key, now));
}
