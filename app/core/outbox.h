/*
 * outbox.h: the durable mail outbox. Mail is queued in the caller's
 * transaction, so it exists exactly when what caused it does; a sender
 * takes what is due, tries it, and marks it sent or due again later.
 *
 * Not for: building the message (alert.c) or talking SMTP (mail.c).
 */
#ifndef PORTAL_OUTBOX_H
#define PORTAL_OUTBOX_H

#include <stdint.h>

#include "audit.h"
#include "buf.h"
#include "db.h"
#include "tmpl.h"

#define OUTBOX_ADDR_MAX		254	/* RFC 5321 path limit */
#define OUTBOX_SUBJECT_MAX	200
#define OUTBOX_TAKE_MAX		20	/* messages one pass takes */
#define OUTBOX_LEASE		300	/* seconds a taken message is held */
#define OUTBOX_BACKOFF_FIRST	30	/* seconds before the first retry */
#define OUTBOX_BACKOFF_CAP	3600	/* never wait longer than this */
#define OUTBOX_ATTEMPTS_MAX	60	/* about two and a half days */
#define OUTBOX_ERROR_MAX	200

/* One message taken for sending. */
struct outbox_msg {
	int64_t		 id;
	int		 attempts;	/* including this one */
	char		 recipient[OUTBOX_ADDR_MAX + 1];
	char		 subject[OUTBOX_SUBJECT_MAX + 1];
	struct buf	 body;		/* data is NUL-terminated */
};

int	outbox_queue(struct db *, const char *, const char *, const char *,
	    int64_t);
int	outbox_queue_list(struct db *, const char *, const char *,
	    const char *, int64_t);
int	outbox_queue_list_after(struct db *, const char *, const char *,
	    const char *, int64_t, int64_t);
int	outbox_take(struct db *, int64_t, struct outbox_msg *, int);
void	outbox_msg_free(struct outbox_msg *);
int	outbox_sent(struct db *, int64_t, int64_t);
int	outbox_retry(struct db *, int64_t, int, int64_t, const char *);
int64_t	outbox_backoff(int);
int	outbox_requeue_failed(struct db *, const struct actor *, int64_t);
int64_t	outbox_due(struct db *, int64_t);
int	outbox_addr_ok(const char *, size_t);
const char *outbox_addrs_problem(const char *);
int	outbox_list(struct db *, struct tval *, int);
int	outbox_counts(struct db *, struct tval *);

#endif
