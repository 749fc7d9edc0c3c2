/*
 * app.h: what the Kore glue shares between handlers.
 *
 * Handlers are thin: page_begin() (method, session, form, CSRF), ask the
 * core, page_render(). Each worker holds one SQLite connection (app_db),
 * opened after fork. Templates and assets are loaded once by the parent.
 */
#ifndef PORTAL_APP_H
#define PORTAL_APP_H

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/tasks.h>

#include "arena.h"
#include "audit.h"
#include "buf.h"
#include "db.h"
#include "form.h"
#include "notify.h"
#include "pagecache.h"
#include "session.h"
#include "tmpl.h"

#define ALLOW_GET	0x01	/* GET and HEAD */
#define ALLOW_POST	0x02
/* Woken after its write (writejob.c): its POST was checked as it came,
 * and checking again (a session that ran out meanwhile) would act on it
 * twice. */
#define ALLOW_RESUMED	0x04

/* Role masks for page_require(). */
#define R_YOUNG		(1 << ROLE_YOUNG)
#define R_WORKER	(1 << ROLE_WORKER)
#define R_COUNCILLOR	(1 << ROLE_COUNCILLOR)
#define R_ADMIN		(1 << ROLE_ADMIN)
#define R_STAFF		(R_WORKER | R_COUNCILLOR | R_ADMIN)
#define R_ANY		(R_YOUNG | R_STAFF)
#define R_ANON		(1 << ROLE_NONE)	/* not signed in (cache.c) */

extern struct db		*app_db;
extern struct tmpl_set		*app_templates;

/* One page being answered: its arena owns everything the page allocates. */
struct page {
	struct http_request	*req;
	struct arena		 arena;
	struct tval		*ctx;	/* data for the page's template */
	const char		*title;
	const char		*nav;	/* which menu item is current */
	int64_t			 now;
	char			 ip[64];
	int			 signed_in;
	struct session		 sess;
	int64_t			 ran_out;	/* whose session just ran out */
	struct actor		 actor;
	const char		*csrf;	/* the token this page's forms carry */
	struct form		 form;	/* POST body, or the query string */
	struct form_errors	 errors;
	const char		*cache_key;	/* set: keep this page (cache.c) */
	const char		*cache_query;	/* the query in cache_key */
	struct pcache_version	 cache_ver;
	int			 have_ver;	/* cache_ver read (page_begin) */
	int			 stale_form;	/* let through (guard_post) */
	int			 rescuing;	/* guard_rescue_words ran */
	int			 scan_edges;	/* 0 unasked, 1 whole, 2 edges */
	int			 post_ok;	/* a POST guard_post let in */
};

int	page_begin(struct page *, struct http_request *, int);
int	page_require(struct page *, int);
int	page_render(struct page *, int, const char *);
int	page_form_errors(struct page *, const char *);
int	page_error(struct page *, int);
int	page_missing(struct page *, int);
int	page_redirect(struct page *, const char *, const char *);
void	page_end(struct page *);
void	page_flash(struct page *, const char *);
void	http_security_headers(struct http_request *, int);

/* guard.c: cookies, the session and CSRF. */
void	guard_session(struct page *);
int	guard_token_shaped(const char *);
void	guard_keep_words(struct page *);
int	guard_rescue_words(struct page *);
int	guard_form_owner(struct page *, int64_t *);
int	guard_post(struct page *);
void	guard_set_session_cookie(struct page *, const char *);
void	guard_clear_session_cookie(struct page *);
const char *guard_device(struct page *);
void	guard_set_device(struct page *, const char *);
void	guard_set_cookie(struct page *, const char *, const char *, int);
void	guard_set_brief_cookie(struct page *, const char *, const char *,
	    const char *, int);
const char *guard_cookie(struct page *, const char *);
const char *guard_form_token(struct page *);
void	guard_client_ip(struct http_request *, char *, size_t);
int	guard_proxies_init(const char *, char *, size_t);
/* The safeguarding check of this request's text, within its sender's
 * budget (conns.c): past it, only the first and last SCAN_EDGE bytes of
 * a text are read, more than any form takes. The words are kept whole. */
#define SCAN_EDGE	(32 * 1024)
int	page_scan(struct page *, const char *, struct buf *);
int	page_worrying(struct page *, const char *);

/* pwtask.c: argon2id off the event loop. */
enum pw_op {
	PW_VERIFY,		/* password against hash */
	PW_HASH,		/* new_password into hash */
	PW_VERIFY_HASH,		/* both: a password change */
};

struct pw_job {
	struct kore_task	 task;	/* first: the task thread finds us */
	enum pw_op		 op;
	char			 password[PASSWORD_MAX * 4 + 1];
	char			 new_password[PASSWORD_MAX * 4 + 1];
	char			 hash[AUTH_HASH_MAX];	/* in: stored */
	char			 new_hash[AUTH_HASH_MAX];	/* out */
	int			 verified;
	int			 hashed;
	int64_t			 user_id;	/* the handler's to use */
	int64_t			 at;		/* when it was asked for */
	char			 addr[64];	/* its place in the queue */
	int			 queued;
	int			 account_noted;	/* in accounts[] */
	u_int64_t		 started;	/* ms, to time checks */
	int			 delayed;	/* 1 waiting, 2 done: no task */
	u_int64_t		 due;		/* ms, when delayed */
	struct http_request	*req;
	TAILQ_ENTRY(pw_job)	 dlist;
};

/* Password jobs in flight at once, per worker, and per address. */
#define PW_QUEUE_MAX		8
#define PW_QUEUE_PER_ADDR	3
#define PW_QUEUE_PER_ACCOUNT	2	/* a double click, no more */
#define PW_QUEUE_THREADS	2	/* task_threads in kore.conf */
#define PW_RETRY_AFTER		"2"

int		 pw_busy(struct page *);
int		 pw_account_busy(int64_t);
int		 pw_crowded(struct page *);
int		 pw_job_delay(struct page *);
void		 pw_busy_header(struct page *);
int		 pw_job_start(struct page *, enum pw_op,
		    const char *, const char *, const char *, int64_t);
struct pw_job	*pw_job_result(struct http_request *, int *);
int		 pw_page(struct http_request *, int, int,
		    int (*)(struct page *, struct pw_job *));

/* board_build.c: the board report, built by the reader thread. */
struct board_job;
struct report_period;
int		 board_build(struct page *, const struct report_period *, int);
int		 board_result(struct http_request *, struct board_job **, int *);
int		 board_show(struct page *, struct board_job *, const char *);

/* writejob.c: writes handed to this worker's writer thread (writer.c),
 * long reads to its reader thread. */
int		 write_job_start(struct page *, int (*)(struct db *, void *),
		    void *, void (*)(void *));
int		 read_job_start(struct page *, int (*)(struct db *, void *),
		    void *, void (*)(void *));
void		*write_job_result(struct http_request *, int *, int *);
void		 write_job_teardown(void);
void		 write_empty_log(void);

void		 sendmore_use(struct http_request *);
const char	*app_db_path(void);

/* conns.c: a tick that closes silent connections; scanning budgets. */
void	conns_init(void);
int	conns_scan_whole(struct http_request *, size_t);
void	conns_scan_charge(struct http_request *, size_t);
/* help.c: staffed-hours words and local numbers for the help page. */
void	help_context(struct page *);
void	help_footer(struct page *);
int	help_page(struct page *);
int	help_name_worries(struct page *, int64_t, const char *,
	    const char *);

/* mailer.c: worker 1 delivers the outbox from a task thread. */
void	mailer_init(void);
/* reminders.c: worker 1 reminds about answers due and overdue. */
void	reminders_init(void);
void	mailer_configure(void);

/* cache.c: rendered pages kept until the data changes. */
int	cache_serve(struct page *, int);
int	cache_serve_reading(struct page *, int, const char *const *);
void	cache_read_as(struct page *, const char *const *, const int64_t *);
void	cache_skip(struct page *);
int	cache_keep(struct page *, const struct buf *, const struct buf *);
int	cache_send(struct page *, const char *, struct buf *);
int	page_render_body(struct page *, int, const char *, size_t);

int	assets_load(const char *, char *, size_t);
const char *assets_version(const char *);

/* Route handlers, named in kore.conf. */
int	page_home(struct http_request *);
int	page_health(struct http_request *);
int	page_asset(struct http_request *);
int	page_not_found(struct http_request *);
int	page_login(struct http_request *);
int	page_logout(struct http_request *);
int	page_join(struct http_request *);
int	page_join_finish(struct http_request *);
int	page_account(struct http_request *);
int	page_account_name(struct http_request *);
int	page_account_password(struct http_request *);
int	page_account_sessions(struct http_request *);
int	page_accounts(struct http_request *);
int	page_accounts_invite(struct http_request *);
int	page_accounts_action(struct http_request *);
int	page_audit(struct http_request *);
int	page_views_new(struct http_request *);
int	views_stale(struct page *);
int	views_stale_words(struct page *, const char *);
void	views_draft_forget(struct page *);
void	views_track_forget(struct page *);
int	page_views(struct http_request *);
int	page_view_show(struct http_request *);
int	page_view_withdraw(struct http_request *);
int	page_track(struct http_request *);
int	page_notifications(struct http_request *);
int	page_moderation(struct http_request *);
int	page_moderation_view(struct http_request *);
int	page_issues(struct http_request *);
int	page_issue(struct http_request *);
int	page_my_issues(struct http_request *);
int	page_my_issue(struct http_request *);
int	page_you_said(struct http_request *);
int	page_safeguarding(struct http_request *);
int	page_holidays(struct http_request *);
int	page_settings(struct http_request *);
int	page_pledge(struct http_request *);
int	page_pledge_promise(struct http_request *);
int	page_pledge_check(struct http_request *);
int	page_pledge_scorecard(struct http_request *);
int	page_pledge_csv(struct http_request *);
int	page_pledge_versions(struct http_request *);
int	page_pledge_manage(struct http_request *);
int	page_pledge_edit(struct http_request *);
int	page_councillors(struct http_request *);
int	page_my_pledges(struct http_request *);
int	page_moderation_comments(struct http_request *);
int	page_mydata(struct http_request *);
int	page_mydata_json(struct http_request *);
int	page_report_board(struct http_request *);
int	page_report_issues_csv(struct http_request *);
/* The board report's commentary, young people's version, members (board.c) */
struct report_period;
void	report_period_form(struct page *, struct report_period *);
int	page_report_commentary(struct http_request *);
int	page_report_young(struct http_request *);
int	page_accounts_board(struct http_request *);
int	page_open_data(struct http_request *);
int	page_meetings(struct http_request *);
int	page_meeting(struct http_request *);
int	page_meeting_present(struct http_request *);
/* invitees.c: a meeting's invitees and attendance (meetings.c's page). */
#define INVITEES_NOT_MINE	2
int	invitees_context(struct page *, int64_t, int64_t);
int	invitees_action(struct page *, int64_t, const char *);
int	page_concerns(struct http_request *);
int	page_concern(struct http_request *);
int	page_concern_raise(struct http_request *);
int	page_outbox(struct http_request *);
int	page_account_signin(struct http_request *);
int	page_glossary(struct http_request *);
int	page_tools_view(struct http_request *);
int	page_pledge_draft(struct http_request *);
int	page_tools_paper(struct http_request *);
int	page_actions(struct http_request *);
int	page_action(struct http_request *);

/* answerback.c: young people answer back (issue #13). */
struct view;
int	page_view_reply(struct http_request *);
int	page_view_again(struct http_request *);
int	page_issue_again(struct http_request *);
int	page_issue_metoo(struct http_request *);
int	answerback_you_said(struct page *, struct tval *);
int	answerback_view(struct page *, const struct view *);
int	answerback_issue(struct page *, int64_t);
int	answerback_stale(struct page *);
/* Consultations (consult.c, consult_manage.c, we_asked.c). */
struct consult;
struct consult_response;
int	consult_answer_page(struct page *, const struct consult *,
	    const struct consult_response *, int);
int	consult_stale(struct page *);
int	pledge_check_stale(struct page *);
int	consult_typed_field(const struct form_field *);
int	page_consultations(struct http_request *);
int	page_consultation(struct http_request *);
int	page_consultation_answer(struct http_request *);
int	page_consult_manage(struct http_request *);
int	page_consult_edit(struct http_request *);
int	page_consult_preview(struct http_request *);
int	page_consult_results(struct http_request *);
int	page_consult_csv(struct http_request *);
int	page_we_asked(struct http_request *);
/* start.c, welcome.c: where each person lands. */
int	page_start(struct http_request *);
int	page_welcome(struct http_request *);

#endif
