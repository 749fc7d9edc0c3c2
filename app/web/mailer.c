/*
 * mailer.c: delivering the outbox off the event loop.
 *
 * Only worker 1 sends, so two workers never race for the same mail
 * server. Every MAILER_INTERVAL ms a timer looks (one cheap indexed
 * count on the worker's own connection) for mail that is due; if there
 * is some and no pass is running, it starts a task: a task thread opens
 * its own SQLite connection, sends with libcurl (which blocks) and
 * closes it. The outbox's leases keep `portalctl mail-send` from cron
 * from sending the same message at the same time.
 *
 * PORTAL_MAIL_SENDER=off turns this sender off. Production does that
 * (deploy/portal.env): its workers are chrooted, with no CA bundle and
 * no resolv.conf, so mail goes from portal-mail.timer's
 * `portalctl mail-send` instead, outside the chroot.
 *
 * Not for: what is sent (alert.c), how (mail.c), or the table (outbox.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "app.h"
#include "mail.h"
#include "outbox.h"

#define MAILER_WORKER	1
#define MAILER_INTERVAL	3000	/* ms */

/* Written by the task thread, read on the event loop once it is done
 * (kore_log is not for task threads: it shares the worker's name). */
struct mailer_pass {
	struct kore_task	 task;	/* first: the thread finds us */
	struct mail_report	 report;
	int			 dberr;
	char			 err[256];
};

static struct mailer_pass	 pass;
static int			 mailer_busy;
static int			 mailer_off;	/* set in the parent */

static int
mailer_run(struct kore_task *t)
{
	struct mailer_pass	*p = (struct mailer_pass *)t;
	struct db		*db;
	const char		*path;

	p->dberr = 0;
	p->err[0] = '\0';
	memset(&p->report, 0, sizeof(p->report));
	if ((path = getenv("PORTAL_DB")) == NULL || *path == '\0')
		path = "var/portal.db";
	if (db_open(&db, path, p->err, sizeof(p->err)) == -1) {
		p->dberr = 1;
		return (KORE_RESULT_ERROR);
	}
	if (mail_deliver_due(db, &p->report) == -1) {
		p->dberr = 1;
		(void)snprintf(p->err, sizeof(p->err), "%s", db_errmsg(db));
	}
	db_close(db);
	return (KORE_RESULT_OK);
}

/* Back on the worker's event loop when the task has finished. */
static void
mailer_done(struct kore_task *t)
{
	struct mailer_pass	*p = (struct mailer_pass *)t;
	struct mail_report	*r = &p->report;

	if (!kore_task_finished(t))
		return;
	if (p->dberr)
		kore_log(LOG_ERR, "mailer: %s", p->err);
	if (r->sent + r->retry + r->failed > 0)
		kore_log(LOG_NOTICE, "mailer: %d sent, %d to try again, "
		    "%d failed for good", r->sent, r->retry, r->failed);
	kore_task_destroy(t);
	mailer_busy = 0;
}

static void
mailer_tick(void *arg, u_int64_t now)
{
	(void)arg;
	(void)now;
	db_read_end(app_db);	/* not a page's kept snapshot */
	if (mailer_busy || outbox_due(app_db, (int64_t)time(NULL)) <= 0)
		return;
	mailer_busy = 1;
	kore_task_create(&pass.task, mailer_run);
	kore_task_bind_callback(&pass.task, mailer_done);
	kore_task_run(&pass.task);
}

/*
 * From kore_parent_configure, before the fork: is the server to send?
 * A value other than on or off stops the start, rather than guess.
 */
void
mailer_configure(void)
{
	const char	*v;

	v = getenv("PORTAL_MAIL_SENDER");
	if (v == NULL || *v == '\0' || strcmp(v, "on") == 0) {
		if (!skip_chroot)
			kore_log(LOG_WARNING, "mailer: the workers are "
			    "chrooted, with no CA bundle or resolv.conf, so "
			    "their email will most likely fail: set "
			    "PORTAL_MAIL_SENDER=off and enable "
			    "portal-mail.timer (README, \"Running it for "
			    "real\")");
		return;
	}
	if (strcmp(v, "off") != 0)
		fatal("PORTAL_MAIL_SENDER is \"%s\": give on or off", v);
	mailer_off = 1;
	kore_log(LOG_NOTICE, "mailer: off (PORTAL_MAIL_SENDER=off); "
	    "`portalctl mail-send` must send the outbox");
}

/* From kore_worker_configure: worker 1 starts the timer. */
void
mailer_init(void)
{
	if (mailer_off || worker == NULL || worker->id != MAILER_WORKER)
		return;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		fatal("mailer: libcurl could not start");
	(void)kore_timer_add(mailer_tick, MAILER_INTERVAL, NULL, 0);
}
