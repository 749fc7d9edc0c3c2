/*
 * mail.h: deliver the outbox over SMTP with libcurl (smtp:// and
 * smtps://, optional user and password), from the settings smtp_url,
 * smtp_from, smtp_user and smtp_password.
 *
 * Blocking: call it from a task thread or portalctl, never the event loop.
 */
#ifndef PORTAL_MAIL_H
#define PORTAL_MAIL_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "db.h"
#include "outbox.h"

struct mail_config {
	char	 url[256];
	char	 from[OUTBOX_ADDR_MAX + 1];
	char	 user[128];
	char	 password[256];
};

struct mail_report {
	int	 configured;	/* 0: smtp_url is empty, nothing was tried */
	int	 sent;
	int	 retry;		/* failed this time, due again later */
	int	 failed;	/* given up for good */
};

int	mail_config_load(struct db *, struct mail_config *);
void	mail_config_wipe(struct mail_config *);
void	mail_format(struct buf *, const char *, const char *,
	    const struct outbox_msg *, int64_t);
int	mail_deliver_due(struct db *, struct mail_report *);

#endif
