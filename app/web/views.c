/*
 * views.c: /views/new (raise a view, with or without an account), /views
 * (my views), /views/ID (one view's timeline), /views/ID/withdraw, and
 * /track (follow a view raised without an account, by its code).
 *
 * Only the author may see a view; anyone else, and any id that does not
 * exist, gets the same 404.
 */
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "app.h"
#include "concerns.h"
#include "drafts.h"
#include "safeguarding.h"
#include "session.h"
#include "quota.h"
#include "routes.h"
#include "settings.h"
#include "staffed.h"
#include "throttle.h"
#include "users.h"
#include "views.h"
#include "writer.h"

static const char *const publish_opts[] = { "no", "name", "anonymous", NULL };

/* The browser cookie naming a kept draft (drafts.c); its id is random. */
#define DRAFT_COOKIE	"portal_draft"
/* The code of the view this browser sent last without an account. */
#define TRACK_COOKIE	"portal_track"

/* One of publish_opts, or NULL. */
static const char *
publish_opt(const char *v)
{
	size_t	 i;

	for (i = 0; v != NULL && publish_opts[i] != NULL; i++)
		if (strcmp(v, publish_opts[i]) == 0)
			return (publish_opts[i]);
	return (NULL);
}

/*
 * The form; its words from d (a kept draft) if given, else from a form
 * sent back.
 */
static int
new_form(struct page *pg, const struct view_input *d, int errors)
{
	const struct form	*f = &pg->form;
	const char		*v;
	char			 token[AUTH_FORM_TOKEN_LEN];
	int64_t			 cat;

	pg->title = "Raise a view";
	pg->nav = "raise";
	cat = 0;
	if (d != NULL)
		cat = d->category_id;
	else
		(void)form_id(f, "category", &cat);
	if (views_categories(app_db, tv_set_list(pg->ctx, "categories"),
	    cat) == -1)
		return (page_error(pg, 500));
	/* Only a form sent back is shown again: a link never fills in words. */
	v = NULL;
	if (d != NULL) {
		tv_set_str(pg->ctx, "v_title", d->title);
		tv_set_str(pg->ctx, "v_body", d->body);
		tv_set_str(pg->ctx, "v_better", d->better);
		tv_set_bool(pg->ctx, "v_share", d->share);
		v = d->publish;
	} else if (pg->req->method == HTTP_METHOD_POST) {
		tv_set_str(pg->ctx, "v_title", form_raw(f, "title"));
		tv_set_str(pg->ctx, "v_body", form_raw(f, "body"));
		tv_set_str(pg->ctx, "v_better", form_raw(f, "better"));
		tv_set_bool(pg->ctx, "v_share", form_has(f, "share"));
		v = form_raw(f, "publish");
	}
	if ((v = publish_opt(v)) == NULL || (!pg->signed_in &&
	    strcmp(v, "name") == 0 && d != NULL))
		v = "no";
	tv_set_bool(pg->ctx, arena_printf(&pg->arena, "publish_%s", v), 1);
	/*
	 * One token per form shown, bound to this sender: sent twice it makes
	 * one view. A token from a query string or another person is ignored.
	 */
	v = guard_form_token(pg);
	if (v == NULL) {
		auth_form_token_new(pg->csrf, token);
		v = token;
	}
	tv_set_str(pg->ctx, "form_token", v);
	tv_set_bool(pg->ctx, "anonymous", !pg->signed_in);
	/* Words from the drawer, shown again: sent, they empty it (if it
	 * still holds them). */
	if (pg->req->method == HTTP_METHOD_POST && tv_get(pg->ctx,
	    "from_saved") == NULL && form_raw(f, "from_saved") != NULL)
		tv_set_str(pg->ctx, "from_saved", form_raw(f, "from_saved"));
	return (errors ? page_form_errors(pg, "views_new") :
	    page_render(pg, 200, "views_new"));
}

/* Forget the code of a view this browser sent: someone signs in or out. */
void
views_track_forget(struct page *pg)
{
	guard_set_brief_cookie(pg, TRACK_COOKIE, "", "/views/new", 0);
}

/*
 * Forget this person's draft kept by this browser: its view has gone, or
 * they signed out. The cookie stays: someone else's words may be kept
 * under it too, for when they sign in here again.
 */
void
views_draft_forget(struct page *pg)
{
	const char	*id;
	int		 rc;

	if ((id = guard_cookie(pg, DRAFT_COOKIE)) == NULL)
		return;
	if ((rc = drafts_delete(app_db, id, pg->sess.user_id)) == -1)
		kore_log(LOG_ERR, "deleting a draft: %s", db_errmsg(app_db));
	else if (rc == 1)
		write_empty_log();	/* its words, from the log file too */
}

/* A draft's words, one field a paragraph. */
static const char *
draft_words(struct arena *a, const struct view_input *d)
{
	const char	*parts[3] = { d->title, d->body, d->better };
	const char	*all;
	size_t		 i;

	all = "";
	for (i = 0; i < 3; i++)
		if (parts[i] != NULL && *parts[i] != '\0')
			all = arena_printf(a, "%s%s%s", all, *all != '\0' ?
			    "\n\n" : "", parts[i]);
	return (all);
}

/*
 * The form holds words kept when a session ran out; what this person
 * saved for later is shown too, to copy, and stays saved.
 */
static void
also_saved(struct page *pg)
{
	struct view_input	 a;
	const char		*words;

	if (drafts_user_load(app_db, &pg->arena, pg->sess.user_id, pg->now,
	    &a) != 1 || *(words = draft_words(&pg->arena, &a)) == '\0')
		return;
	tv_set_str(pg->ctx, "also_saved", words);
}

/* The form holds the drawer's words d: say so, in short. */
static void
tag_form(struct page *pg, const struct view_input *d)
{
	char	 tag[DRAFT_TAG_LEN];

	drafts_tag(d, tag);
	tv_set_str(pg->ctx, "from_saved", tag);
}

/* The form with this browser's kept draft, if it has one: 1 shown. */
static int
draft_form(struct page *pg, int *rc)
{
	struct view_input	 d;
	const char		*id;
	int			 found;

	found = 0;
	/* Only for the account whose session ran out as it was typed:
	 * on a shared phone, the next person to sign in is someone else. */
	if ((id = guard_cookie(pg, DRAFT_COOKIE)) != NULL && pg->signed_in)
		found = drafts_load(app_db, &pg->arena, id, pg->sess.user_id,
		    pg->now, &d);
	/* Words also saved for later stay in the drawer, shown to copy. */
	if (found == 1)
		also_saved(pg);
	/* Else what this young person saved for later. */
	else if (found == 0 && pg->signed_in) {
		found = drafts_user_load(app_db, &pg->arena, pg->sess.user_id,
		    pg->now, &d);
		if (found == 1)
			tag_form(pg, &d);
	}
	if (found == -1)
		kore_log(LOG_ERR, "reading a draft: %s", db_errmsg(app_db));
	if (found != 1)
		return (0);
	tv_set_bool(pg->ctx, "restored", 1);
	*rc = new_form(pg, &d, 0);
	return (1);
}

static int
read_view(struct page *pg, struct view_input *in)
{
	const struct form	*f = &pg->form;
	int			 p;

	memset(in, 0, sizeof(*in));
	if (form_id(f, "category", &in->category_id) == -1 ||
	    !views_category_valid(app_db, in->category_id))
		form_error(&pg->errors, "category", "Choose what it is about.");
	in->title = form_text(f, "title", VIEW_TITLE_MAX, 0, 1, &pg->errors,
	    "Give it a short title.");
	in->body = form_text(f, "body", VIEW_BODY_MAX, 1, 1, &pg->errors,
	    "Tell us what you want to say.");
	in->better = form_text(f, "better", VIEW_BETTER_MAX, 1, 0,
	    &pg->errors, "");
	in->share = form_has(f, "share");
	p = form_choice(f, "publish", publish_opts, &pg->errors,
	    "Choose whether we may share what happens.");
	in->publish = p < 0 ? "no" : publish_opts[p];
	if (!pg->signed_in && p == 1)
		form_error(&pg->errors, "publish", "Without an account there is "
		    "no name to show. Choose \"without my name\" or \"no\".");
	in->form_token = guard_form_token(pg);
	return (pg->errors.n == 0);
}

/*
 * Whether the words on the form worry the safeguarding check, read as
 * they came (before any rule of the form could refuse them). 1 yes, 0
 * no, -1 on error.
 */
static int
worrying(struct page *pg)
{
	const char	*t, *b, *w;

	t = form_raw(&pg->form, "title");
	b = form_raw(&pg->form, "body");
	w = form_raw(&pg->form, "better");
	return (page_worrying(pg, arena_printf(&pg->arena, "%s\n%s\n%s",
	    t ? t : "", b ? b : "", w ? w : "")));
}

/*
 * views_scan(), within the sender's scanning budget (page_scan()): the
 * view is kept whole, whatever was read of it.
 */
static int
scan_view(struct page *pg, struct view_input *in)
{
	struct buf	 text, topics;
	int		 hits;

	buf_init(&text, 1024);
	buf_init(&topics, 64);
	buf_appendf(&text, "%s\n%s\n%s", in->title, in->body,
	    in->better ? in->better : "");
	if ((hits = page_scan(pg, buf_cstr(&text), &topics)) >= 0) {
		in->scanned = 1;
		in->hits = hits;
		in->topics = arena_strdup(&pg->arena, buf_cstr(&topics));
	}
	buf_free(&text);
	buf_free(&topics);
	return (hits < 0 ? -1 : 0);
}

/* Why the view was held back, over the form that keeps its words. */
static void
say_held_back(struct page *pg, int64_t wait)
{
	tv_set_bool(pg->ctx, "throttled", 1);
	form_error(&pg->errors, "body", arena_printf(&pg->arena, "%s Your "
	    "words are still here. Please try again later, in about %lld "
	    "minutes.", pg->signed_in ? "You have sent a lot of views in "
	    "the last hour." : "Lots of views have been sent from here in "
	    "the last hour.", (long long)(wait + 59) / 60));
}

/*
 * An ordinary view over the hourly limit: the form again, the words
 * still in it. 1 held back, 0 may go, -1 on error. Asked again in the
 * writer (view_job_run()), where views sent at one moment are counted
 * one after another.
 */
static int
held_back(struct page *pg)
{
	int64_t	 wait;

	if (pg->signed_in)
		wait = quota_account_wait(app_db, QUOTA_VIEW,
		    pg->sess.user_id, pg->now);
	else
		wait = quota_anon_wait(app_db, pg->csrf, pg->ip, pg->now);
	if (wait <= 0)
		return (wait < 0 ? -1 : 0);
	say_held_back(pg, wait);
	return (1);
}

/*
 * The code to follow a view sent without an account: made once, and only
 * a hash is stored, so a reload (the same form sent again) finds it in
 * the cookie this browser was given with it, if it is this view's. The
 * cookie goes back only to /views/new, for TRACK_SECS: a shared phone
 * does not hold it for the next person.
 */
#define TRACK_SECS	600
static const char *
track_code(struct page *pg, const struct view_created *vc)
{
	const char	*code;
	struct view	 v;

	if (pg->signed_in)
		return ("");
	if (vc->track[0] != '\0') {
		guard_set_brief_cookie(pg, TRACK_COOKIE, vc->track,
		    "/views/new", TRACK_SECS);
		return (vc->track);
	}
	code = guard_cookie(pg, TRACK_COOKIE);
	if (!vc->duplicate || code == NULL || views_by_track(app_db, code,
	    &v) != 1 || v.id != vc->id)
		return ("");
	return (code);
}

static int
submitted(struct page *pg, const struct view_created *vc)
{
	if (pg->signed_in && !vc->flagged)
		return (page_redirect(pg, arena_printf(&pg->arena,
		    "/views/%lld", (long long)vc->id), "view_sent"));
	pg->title = vc->flagged ? "We are here to help" : "We got your view";
	if (vc->flagged)
		help_context(pg);
	tv_set_bool(pg->ctx, "flagged", vc->flagged);
	tv_set_bool(pg->ctx, "duplicate", vc->duplicate);
	tv_set_str(pg->ctx, "expect", staffed_reply_words_now(app_db,
	    &pg->arena, pg->now));
	tv_set_str(pg->ctx, "track", track_code(pg, vc));
	if (pg->signed_in)
		tv_set_int(pg->ctx, "view_id", vc->id);
	return (page_render(pg, 200, "views_sent"));
}

/*
 * A view on its way to the writer (writejob.c): copies of all it needs,
 * for the page's arena is gone by the time it runs. Saving it, counting
 * it against the hourly limit and forgetting the browser's kept draft
 * are one job: all saved, or none.
 */
struct view_job {
	struct view_input	 in;
	struct actor		 actor;
	int64_t			 now;
	int			 signed_in;
	char			*csrf;
	char			*ip;
	char			*draft;		/* a kept draft's id */
	char			*from_saved;	/* the drawer's words, tagged */
	struct view_created	 vc;
	int64_t			 held;		/* seconds: over the limit */
	char			 err[256];	/* for the log, afterwards */
};

static char *
copy(const char *s)
{
	char	*c;

	if (s == NULL)
		return (NULL);
	if ((c = strdup(s)) == NULL)
		fatal("view job: out of memory");
	return (c);
}

static void
view_job_free(void *arg)
{
	struct view_job	*vj = arg;

	free((char *)vj->in.title);
	free((char *)vj->in.body);
	free((char *)vj->in.better);
	free((char *)vj->in.form_token);
	free((char *)vj->in.topics);
	free((char *)vj->in.note);
	free((char *)vj->actor.name);
	free((char *)vj->actor.role);
	free((char *)vj->actor.ip);
	free(vj->csrf);
	free(vj->ip);
	free(vj->draft);
	free(vj->from_saved);
	free(vj);
}

static struct view_job *
view_job_new(struct page *pg, const struct view_input *in)
{
	struct view_job	*vj;

	if ((vj = calloc(1, sizeof(*vj))) == NULL)
		fatal("view job: out of memory");
	vj->in = *in;
	vj->in.title = copy(in->title);
	vj->in.body = copy(in->body);
	vj->in.better = copy(in->better);
	/* publish is one of publish_opts or a literal: not copied. */
	vj->in.form_token = copy(in->form_token);
	vj->in.topics = copy(in->topics);
	vj->in.note = copy(in->note);
	vj->in.given_via = NULL;
	vj->actor = pg->actor;
	vj->actor.name = copy(pg->actor.name);
	vj->actor.role = copy(pg->actor.role);
	vj->actor.ip = copy(pg->actor.ip);
	vj->now = pg->now;
	vj->signed_in = pg->signed_in;
	vj->csrf = copy(pg->csrf);
	vj->ip = copy(pg->ip);
	vj->draft = copy(guard_cookie(pg, DRAFT_COOKIE));
	vj->from_saved = copy(form_raw(&pg->form, "from_saved"));
	return (vj);
}

/* In the writer thread (or the event loop if it could not start). */
static int
view_job_run(struct db *db, void *arg)
{
	struct view_job	*vj = arg;
	int		 rc;

	if (views_create(db, &vj->actor, &vj->in, vj->now, &vj->vc) == -1) {
		(void)snprintf(vj->err, sizeof(vj->err), "views_create: %s",
		    db_errmsg(db));
		return (-1);
	}
	if (!vj->vc.flagged && !vj->vc.duplicate) {
		/*
		 * The handler asked too, but every view sent at the same
		 * moment passed it before any was counted; here, in the
		 * writers' turn, they are counted one by one. Over the
		 * limit, this job is undone (its savepoint).
		 */
		vj->held = vj->signed_in ? quota_account_wait(db, QUOTA_VIEW,
		    vj->actor.id, vj->now) : quota_anon_wait(db, vj->csrf,
		    vj->ip, vj->now);
		if (vj->held != 0) {
			if (vj->held == -1)
				(void)snprintf(vj->err, sizeof(vj->err),
				    "counting views: %s", db_errmsg(db));
			return (-1);
		}
		rc = vj->signed_in ? quota_account_sent(db, QUOTA_VIEW,
		    vj->actor.id, vj->now) : quota_anon_sent(db, vj->csrf,
		    vj->ip, vj->now);
		if (rc == -1)
			(void)snprintf(vj->err, sizeof(vj->err), "counting a "
			    "view: %s", db_errmsg(db));
	}
	if (vj->draft != NULL && drafts_delete(db, vj->draft,
	    vj->actor.id) == -1)
		(void)snprintf(vj->err, sizeof(vj->err), "deleting a draft: "
		    "%s", db_errmsg(db));
	/* Sent from the drawer: the words saved for later are done. Other
	 * words saved for later stay until they are sent. */
	if (vj->signed_in && vj->from_saved != NULL &&
	    drafts_user_delete_tagged(db, vj->actor.id, vj->from_saved) == -1)
		(void)snprintf(vj->err, sizeof(vj->err), "deleting a saved "
		    "draft: %s", db_errmsg(db));
	return (0);
}

/* The answer, once the job is over: saved, or the form again. */
static int
view_done(struct page *pg, struct view_job *vj, int saved)
{
	if (vj->err[0] != '\0')
		kore_log(LOG_ERR, "%s", vj->err);
	if (!saved && vj->held > 0) {
		say_held_back(pg, vj->held);
		return (new_form(pg, NULL, 1));
	}
	if (!saved) {
		/* The words stay; the same form token makes a resend one
		 * view, whatever became of this try. */
		form_error(&pg->errors, "body", "We could not save your view "
		    "just now. Your words are still here: please press Send "
		    "again.");
		return (new_form(pg, NULL, 1));
	}
	return (submitted(pg, &vj->vc));
}

/*
 * A view sent (the POST of /views/new, or a stale one that worries us).
 * async: handed to the writer, the request sleeps (page_views_new()
 * answers when woken); otherwise saved here and now.
 */
/*
 * Worrying words are kept whatever their length (up to the 1 MiB a form
 * may be), and no limit holds them back, so a stream of long ones could
 * fill the disk. Past FLOOD_LONG long ones an hour from one address,
 * each keeps its first and last FLOOD_KEEP bytes and, from the middle,
 * the pieces the safeguarding check worries about (FLOOD_PIECES of
 * them), the cut said in its words. The check's answer is the one on
 * all the words (all the sender's scanning budget let it read: guard.c),
 * so a concern always opens.
 */
#define FLOOD_FULL	(16 * 1024)	/* longer than this is "long" */
#define FLOOD_KEEP	(4 * 1024)
#define FLOOD_LONG	5
#define FLOOD_PIECE	1024		/* pieces overlap by a quarter */
#define FLOOD_PIECES	8

static size_t
len0(const char *s)
{
	return (s != NULL ? strlen(s) : 0);
}

/* i moved back to the start of a character of s. */
static size_t
char_start(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return (i);
}

/*
 * The worrying pieces of s[from, to), into out; n counts those found.
 * -1 on error. Each piece read counts against the sender's scanning
 * budget.
 */
static int
pieces_in(struct page *pg, const char *s, size_t from, size_t to,
    struct buf *out, size_t *n)
{
	struct buf	 piece, topics;
	size_t		 at, end;
	int		 hits;

	buf_init(&piece, FLOOD_PIECE + 1);
	buf_init(&topics, 64);
	hits = 0;
	for (at = from; at < to && *n < FLOOD_PIECES; at = char_start(s,
	    at + FLOOD_PIECE * 3 / 4)) {
		end = at + FLOOD_PIECE < to ? char_start(s, at + FLOOD_PIECE) :
		    to;
		buf_reset(&piece);
		buf_append(&piece, s + at, end - at);
		buf_reset(&topics);
		conns_scan_charge(pg->req, end - at);
		if ((hits = safeguarding_match(app_db, buf_cstr(&piece),
		    &topics)) == -1)
			break;
		if (hits > 0) {
			buf_appendf(out, "%s%s", (*n)++ > 0 ? "\n...\n" : "",
			    buf_cstr(&piece));
			at = end - FLOOD_PIECE * 3 / 4;	/* no piece twice */
		}
		if (end == to)
			break;
	}
	buf_free(&piece);
	buf_free(&topics);
	return (hits == -1 ? -1 : 0);
}

/*
 * The worrying pieces of s[from, to), into out. -1 on error. Past the
 * sender's scanning budget a long text was read only at its edges
 * (guard.c), so only the pieces there are looked for; a text read whole
 * is looked through whole.
 */
static int
worrying_pieces(struct page *pg, const char *s, size_t from, size_t to,
    struct buf *out)
{
	size_t	 len = strlen(s), n = 0;

	if (pg->scan_edges != 2 || len <= 2 * SCAN_EDGE)
		return (pieces_in(pg, s, from, to, out, &n));
	if (pieces_in(pg, s, from, to < SCAN_EDGE ? to : char_start(s,
	    SCAN_EDGE), out, &n) == -1)
		return (-1);
	return (pieces_in(pg, s, from > len - SCAN_EDGE ? from :
	    char_start(s, len - SCAN_EDGE), to, out, &n));
}

/* s with its middle cut out, but for its worrying pieces. */
static const char *
cut_middle(struct page *pg, const char *s)
{
	struct buf	 kept;
	const char	*out;
	size_t		 len, head, tail;

	len = strlen(s);
	head = char_start(s, FLOOD_KEEP);
	tail = char_start(s, len - FLOOD_KEEP);
	buf_init(&kept, 4096);
	if (worrying_pieces(pg, s, head, tail, &kept) == -1) {
		buf_free(&kept);
		return (NULL);
	}
	out = arena_printf(&pg->arena, "%.*s\n\n[%zu bytes not all kept "
	    "here: a lot was sent from this address this hour.%s]\n%s%s"
	    "\n\n%s", (int)head, s, tail - head, kept.len > 0 ? " The "
	    "parts the safeguarding check worried about:" : "",
	    kept.len > 0 ? "\n" : "", buf_cstr(&kept), s + tail);
	buf_free(&kept);
	return (out);
}

static int
flood_trim(struct page *pg, struct view_input *in)
{
	const char	**field[3];
	char		 key[96];
	int64_t		 wait;
	size_t		 i;

	if (len0(in->title) + len0(in->body) + len0(in->better) <=
	    FLOOD_FULL)
		return (0);
	throttle_ip_key("bigworry", pg->ip, key, sizeof(key));
	if ((wait = throttle_wait(app_db, key, pg->now, 3600,
	    FLOOD_LONG)) == -1 || throttle_fail(app_db, key, pg->now) == -1)
		return (-1);
	if (wait == 0)
		return (0);
	/* Scanned whole first: the writer keeps this answer. */
	if (!in->scanned && scan_view(pg, in) == -1)
		return (-1);
	field[0] = &in->title;
	field[1] = &in->body;
	field[2] = &in->better;
	for (i = 0; i < 3; i++)
		if (len0(*field[i]) > 2 * FLOOD_KEEP &&
		    (*field[i] = cut_middle(pg, *field[i])) == NULL)
			return (-1);
	return (0);
}

static int
send_view(struct page *pg, int async, const char *note)
{
	struct view_input	 in;
	struct view_job		*vj;
	int			 ok, worry, rc, saved;

	ok = read_view(pg, &in);
	in.note = note;
	/* A worrying message is kept whatever else is wrong with it or
	 * however much was sent: the scan comes before every refusal. A
	 * good form is scanned as it will be stored, once, here: the
	 * writer it goes to is shared by every request. */
	if (ok) {
		if (scan_view(pg, &in) == -1)
			return (page_error(pg, 500));
		worry = in.hits > 0;
	} else if ((worry = worrying(pg)) == -1)
		return (page_error(pg, 500));
	if (worry && !ok && views_rescue(app_db, &pg->arena, &in,
	    form_raw(&pg->form, "title"), form_raw(&pg->form, "body"),
	    form_raw(&pg->form, "better"), pg->signed_in) == -1)
		return (page_error(pg, 500));
	if (!worry) {
		if (!ok)
			return (new_form(pg, NULL, 1));
		/* A resend of a view already saved is answered as such, not
		 * held back by the limit it counted towards. */
		if ((rc = views_sent_before(app_db, &pg->actor, &in)) == 0)
			rc = held_back(pg);
		else if (rc == 1)
			rc = 0;
		if (rc != 0)
			return (rc == -1 ? page_error(pg, 500) :
			    new_form(pg, NULL, 1));
	}
	if (worry && flood_trim(pg, &in) == -1)
		return (page_error(pg, 500));
	/* The scan above compiled the safeguarding rules in this thread
	 * first: the writer thread only reads them. */
	vj = view_job_new(pg, &in);
	if (async)
		return (write_job_start(pg, view_job_run, vj, view_job_free));
	saved = 0;
	if (db_begin(app_db) == 0) {
		if (view_job_run(app_db, vj) == 0)
			saved = db_commit(app_db) == 0;
		else
			db_rollback(app_db);
	}
	rc = view_done(pg, vj, saved);
	view_job_free(vj);
	return (rc);
}

/* Woken: the writer has saved the view (or could not). */
static int
view_saved(struct http_request *req)
{
	struct page	 pg;
	struct view_job	*vj;
	int		 result, rc;

	if ((vj = write_job_result(req, &result, &rc)) == NULL)
		return (rc);
	if (!page_begin(&pg, req, ALLOW_POST | ALLOW_RESUMED))
		return (KORE_RESULT_OK);
	return (view_done(&pg, vj, result == WRITER_SAVED));
}

/*
 * The form's words as a draft, however unfinished: problems (too long, a
 * hidden character) go to e, and such a field is left out.
 */
static void
draft_input(struct page *pg, struct view_input *in, struct form_errors *e)
{
	const struct form	*f = &pg->form;

	memset(in, 0, sizeof(*in));
	(void)form_id(f, "category", &in->category_id);
	if (in->category_id > 0 &&
	    !views_category_valid(app_db, in->category_id))
		in->category_id = 0;
	in->title = form_text(f, "title", VIEW_TITLE_MAX, 0, 0, e, "");
	in->body = form_text(f, "body", VIEW_BODY_MAX, 1, 0, e, "");
	in->better = form_text(f, "better", VIEW_BETTER_MAX, 1, 0, e, "");
	in->share = form_has(f, "share");
	in->publish = publish_opt(form_raw(f, "publish"));
}

/* Two fields' words as one, each kept once. */
static const char *
join_words(struct arena *a, const char *mine, const char *older)
{
	if (older == NULL || *older == '\0' || (mine != NULL &&
	    strstr(mine, older) != NULL))
		return (mine);
	if (mine == NULL || *mine == '\0')
		return (older);
	return (arena_printf(a, "%s\n\n%s", mine, older));
}

/*
 * Saving for later words that did not come from the drawer as it is now
 * (kept when a session ran out, or saved since in another tab), while
 * other words wait there: one drawer, so the older words go below the
 * new ones, title and all, never over them. The caller holds the
 * transaction. 0, or -1.
 */
static int
keep_both(struct page *pg, struct view_input *in)
{
	struct view_input	 a;
	const char		*sent;
	char			 tag[DRAFT_TAG_LEN];
	int			 rc;

	if ((rc = drafts_user_load(app_db, &pg->arena, pg->sess.user_id,
	    pg->now, &a)) != 1)
		return (rc);
	drafts_tag(&a, tag);
	if ((sent = form_raw(&pg->form, "from_saved")) != NULL &&
	    strcmp(sent, tag) == 0)
		return (0);
	if (in->title == NULL || *in->title == '\0')
		in->title = a.title;
	else if (a.title != NULL && *a.title != '\0' &&
	    strcmp(a.title, in->title) != 0)
		a.body = arena_printf(&pg->arena, "%s\n%s", a.title, a.body);
	in->body = join_words(&pg->arena, in->body, a.body);
	in->better = join_words(&pg->arena, in->better, a.better);
	if (in->category_id == 0)
		in->category_id = a.category_id;
	return (0);
}

/*
 * "Save for later" (signed in only): the words kept under the account,
 * however unfinished, and the form shown again saying so. Nothing is
 * sent, unless the words worry the safeguarding check. Ends the page.
 */
static int
save_for_later(struct page *pg)
{
	struct view_input	 in;
	int			 worry;

	/* Worrying words are not left in a drawer: a worker reads them
	 * now and the help page follows, as for a stale Send. */
	if ((worry = worrying(pg)) == -1)
		return (page_error(pg, 500));
	if (worry)
		return (send_view(pg, 1, NULL));
	draft_input(pg, &in, &pg->errors);
	/* Too long or a hidden character: said on the form, words kept. */
	if (pg->errors.n > 0)
		return (new_form(pg, NULL, 1));
	if (db_begin(app_db) == -1 || keep_both(pg, &in) == -1 ||
	    drafts_user_save(app_db, pg->sess.user_id, &in, pg->now) == -1 ||
	    audit_write(app_db, &pg->actor, "view.draft_save", "user",
	    pg->sess.user_id, "") == -1 || db_commit(app_db) == -1) {
		db_rollback(app_db);
		return (page_error(pg, 500));
	}
	/* A draft this browser kept is in these words now: one copy. */
	views_draft_forget(pg);
	tv_set_bool(pg->ctx, "saved", 1);
	tag_form(pg, &in);
	return (new_form(pg, &in, 0));
}

int
page_views_new(struct http_request *req)
{
	struct page	 pg;
	int		 rc;

	if (http_state_exists(req))
		return (view_saved(req));
	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST))
		return (KORE_RESULT_OK);
	/* Staff do not raise views here; young people and visitors do. */
	if (pg.signed_in && pg.sess.role != ROLE_YOUNG)
		return (page_error(&pg, 404));
	if (req->method != HTTP_METHOD_POST)
		return (draft_form(&pg, &rc) ? rc : new_form(&pg, NULL, 0));
	if (pg.signed_in && form_has(&pg.form, "save"))
		return (save_for_later(&pg));
	return (send_view(&pg, 1, NULL));
}

/*
 * Keep the words of a stale Send from someone whose session has just run
 * out as a draft for DRAFT_TTL, under a new cookie, for that account
 * alone. Each kept draft counts against the
 * hourly limit without an account, and words over the form's limits are
 * not kept (they could not be sent as they are): a stream of stale
 * posts cannot fill the disk. The words are on the form either way. 1
 * kept, 0 not, -1 on error.
 */
static int
keep_draft(struct page *pg)
{
	struct view_input	 in;
	struct form_errors	 unshown;
	char			 id[AUTH_TOKEN_LEN];
	int64_t			 wait, owner;

	/* Whose words these are: the session that ran out, if it is still
	 * on record, else whose session gave the form (its cookie is gone:
	 * the browser closed). Neither: they are only shown back. */
	if (guard_form_owner(pg, &owner) == -1)
		return (-1);
	if (owner <= 0)
		return (0);
	form_errors_init(&unshown, &pg->arena);
	draft_input(pg, &in, &unshown);
	if (unshown.n > 0)
		return (0);
	if ((wait = quota_anon_wait(app_db, pg->csrf, pg->ip, pg->now)) != 0)
		return (wait < 0 ? -1 : 0);
	/* The browser's one draft cookie, if it has one: each owner's words
	 * are kept under it apart, so one person's Send never puts
	 * another's words out of reach. */
	if (guard_token_shaped(guard_cookie(pg, DRAFT_COOKIE)))
		(void)snprintf(id, sizeof(id), "%s", guard_cookie(pg,
		    DRAFT_COOKIE));
	else
		auth_token_new(id);
	if (db_begin(app_db) == -1 ||
	    drafts_save(app_db, id, owner, &in, pg->now) == -1 ||
	    quota_anon_sent(app_db, pg->csrf, pg->ip, pg->now) == -1 ||
	    db_commit(app_db) == -1) {
		db_rollback(app_db);
		return (-1);
	}
	guard_set_cookie(pg, DRAFT_COOKIE, id, 1);
	return (1);
}

/* Whether this form was given in a session of the person signed in. */
static int
form_was_theirs(struct page *pg)
{
	int64_t	 owner;

	if (session_form_owner(app_db, form_raw(&pg->form, "csrf"), &owner) ==
	    -1)
		kore_log(LOG_ERR, "whose form: %s", db_errmsg(app_db));
	return (owner != 0 && owner == pg->sess.user_id);
}

/* From here on the page acts for nobody, as for a visitor. */
static void
as_nobody(struct page *pg)
{
	pg->signed_in = 0;
	pg->actor.id = 0;
	pg->actor.name = NULL;
	pg->actor.role = NULL;
}

/*
 * Worrying words on a stale form given in a session not of whoever sends
 * it now (theirs ran out; or someone else signed in since) are kept as
 * from nobody, but the worker is told whose session gave the form: a
 * lead, not a name on the view. NULL when it was the sender's own.
 */
static const char *
stale_note(struct page *pg)
{
	struct user	 u;
	int64_t		 owner;

	if (guard_form_owner(pg, &owner) == -1)
		return (NULL);
	if (owner <= 0 || (pg->signed_in && owner == pg->sess.user_id) ||
	    user_by_id(app_db, owner, &u) != 1)
		return (NULL);
	/* Named with the account's number too: a name can be another
	 * person's later (erased accounts free theirs). */
	if (pg->signed_in)
		return (arena_printf(&pg->arena, "Sent while %s (account %lld) "
		    "was signed in, on a form opened while %s (account %lld) "
		    "was signed in. Kept without an account: it could be from "
		    "either of them.", pg->sess.name, (long long)
		    pg->sess.user_id, u.name, (long long)owner));
	return (arena_printf(&pg->arena, "Sent after the session of %s "
	    "(account %lld) had run out, on a form opened while they were "
	    "signed in. Kept without an account: it is probably from them, "
	    "but someone else may have used the phone or computer.", u.name,
	    (long long)owner));
}

/*
 * Send pressed on this form with a session that ran out or a stale token
 * (guard.c sends only same-site posts here): the words are never lost.
 * Worrying words go to workers now, as a view from whoever this is now
 * (signed out: without an account), and the help page follows. Other
 * words come back on the form, and for someone signed out are kept for
 * DRAFT_TTL so that signing in again brings them back. Ends the page.
 */
int
views_stale(struct page *pg)
{
	const char	*note;
	int		 worry, rc;

	if (pg->signed_in && pg->sess.role != ROLE_YOUNG)
		return (page_error(pg, 403));
	if ((worry = worrying(pg)) == -1)
		return (page_error(pg, 500));
	/* Given in someone else's session (a shared phone: theirs ran
	 * out, this person signed in since): their words are not this
	 * person's, for their pages, their data or a worker. */
	note = worry ? stale_note(pg) : NULL;
	/* Theirs, signed out meanwhile: it will not be in "My views". */
	tv_set_bool(pg->ctx, "kept_signed_out", worry && !pg->signed_in &&
	    note != NULL);
	if (worry && pg->signed_in && !form_was_theirs(pg))
		as_nobody(pg);
	if (worry)
		return (send_view(pg, 0, note));
	tv_set_bool(pg->ctx, "stale", 1);
	if (pg->signed_in)
		return (new_form(pg, NULL, 0));
	tv_set_bool(pg->ctx, "stale_signed_out", 1);
	if ((rc = keep_draft(pg)) == -1)
		kore_log(LOG_ERR, "keeping a draft: %s", db_errmsg(app_db));
	else if (rc == 0)
		tv_set_bool(pg->ctx, "stale_not_kept", 1);
	return (new_form(pg, NULL, 0));
}

/*
 * Worrying words sent from any other form whose token went stale (a
 * Pledge comment, a meeting suggestion, an issue's "ask again") are not
 * only shown back to copy: they are kept as a view from whoever this is
 * now, saying where they came from, and the help page follows, as on
 * Raise a view. 1 if answered here; 0 if the words do not worry us.
 */
static const char *
resend_token(struct page *pg)
{
	const char	*v;
	char		*t;

	v = form_raw(&pg->form, "form_token");
	if (v != NULL && strlen(v) == AUTH_FORM_TOKEN_LEN - 1)
		return (form_keep(&pg->arena, v));
	/* No token at all: this browser's own, never one shared by all. */
	if ((v = form_raw(&pg->form, "csrf")) == NULL)
		v = pg->csrf != NULL ? pg->csrf : pg->ip;
	t = arena_alloc(&pg->arena, 2 * AUTH_DIGEST_BYTES + 1);
	auth_digest_hex(v, t, AUTH_FORM_TOKEN_LEN);
	return (t);
}

int
views_stale_words(struct page *pg, const char *words)
{
	struct form_field	*f;

	if (page_worrying(pg, words) != 1)
		return (0);
	f = arena_alloc(&pg->arena, 4 * sizeof(*f));
	f[0].name = "title";
	f[0].value = arena_printf(&pg->arena, "From the page %s",
	    pg->req->path);
	f[0].len = strlen(f[0].value);
	f[1].name = "body";
	f[1].value = words;
	f[1].len = strlen(words);
	/* The form's token still says whose words these are. */
	f[2].name = "csrf";
	f[2].value = form_keep(&pg->arena, form_raw(&pg->form, "csrf"));
	f[2].len = strlen(f[2].value);
	/* Sent again (a reload, a double tap): the same view, not another
	 * (sent_key: this token and these words). The form's own token,
	 * else one made from the page's: taken as it comes (stale_form),
	 * as no key it makes can match other words. */
	f[3].name = "form_token";
	f[3].value = resend_token(pg);
	f[3].len = strlen(f[3].value);
	pg->form.fields = f;
	pg->form.n = 4;
	pg->stale_form = 1;
	(void)views_stale(pg);
	return (1);
}

int
page_views(struct http_request *req)
{
	struct page	 pg;

	if (!page_begin(&pg, req, ALLOW_GET) || !page_require(&pg, R_YOUNG))
		return (KORE_RESULT_OK);
	pg.title = "My views";
	pg.nav = "views";
	if (views_mine(app_db, pg.sess.user_id, tv_set_list(pg.ctx,
	    "views")) == -1)
		return (page_error(&pg, 500));
	return (page_render(&pg, 200, "views_list"));
}

/* The advocacy line, for what to do after a no: local, else national. */
static void
advocacy(struct page *pg)
{
	const char	*phone;

	phone = settings_text(app_db, &pg->arena, "advocacy_phone", "");
	if (phone == NULL || *phone == '\0') {
		tv_set_str(pg->ctx, "advocacy_name", "Coram Voice");
		phone = "0808 800 5792";
	}
	tv_set_str(pg->ctx, "advocacy_phone", phone);
	tv_set_str(pg->ctx, "advocacy_tel", routes_tel(&pg->arena, phone));
}

static int
show(struct page *pg, const struct view *v, const char *track)
{
	int	 worry;

	if (views_show(app_db, v, pg->ctx) != 1)
		return (page_error(pg, 500));
	/* Not read yet: when it will be, and when councillors answer. A
	 * worrying one is not a matter for councillors or their 20 days:
	 * it says what a worker does instead. */
	if (strcmp(v->state, "received") == 0 && !v->read) {
		if ((worry = concerns_open_about(app_db, CONCERN_VIEW,
		    v->id)) == -1)
			return (page_error(pg, 500));
		tv_set_bool(pg->ctx, "worry", worry);
		tv_set_str(pg->ctx, "expect", worry ? staffed_words_now(app_db,
		    &pg->arena, pg->now) : staffed_reply_words_now(app_db,
		    &pg->arena, pg->now));
	}
	advocacy(pg);
	/* Reply, ask again, "Did it happen?": only on the author's own
	 * page, not /track. */
	if (track == NULL && (answerback_view(pg, v) == -1 ||
	    actions_to_answer(app_db, v->id, pg->sess.user_id, pg->ctx) ==
	    -1))
		return (page_error(pg, 500));
	pg->title = tv_get_str(pg->ctx, "title");
	if (track != NULL)
		tv_set_str(pg->ctx, "track", track);
	return (page_render(pg, 200, "view_show"));
}

/* The view named in the path, if this person may see it. */
static int
own_view(struct page *pg, struct view *v)
{
	int64_t	 id;

	id = strtoll(pg->req->path + strlen("/views/"), NULL, 10);
	return (id > 0 && views_get(app_db, id, v) == 1 &&
	    views_may_see(v, pg->sess.user_id));
}

int
page_view_show(struct http_request *req)
{
	struct page	 pg;
	struct view	 v;

	if (!page_begin(&pg, req, ALLOW_GET) || !page_require(&pg, R_YOUNG))
		return (KORE_RESULT_OK);
	if (!own_view(&pg, &v))
		return (page_error(&pg, 404));
	pg.nav = "views";
	return (show(&pg, &v, NULL));
}

/* Taking a view back, as a job for the writer. */
struct withdraw_job {
	struct actor	 actor;
	struct view	 v;
	int64_t		 now;
	char		 err[256];
};

static void
withdraw_job_free(void *arg)
{
	struct withdraw_job	*wj = arg;

	free((char *)wj->actor.name);
	free((char *)wj->actor.role);
	free((char *)wj->actor.ip);
	free(wj);
}

static int
withdraw_job_run(struct db *db, void *arg)
{
	struct withdraw_job	*wj = arg;

	if (views_withdraw(db, &wj->actor, &wj->v, wj->now) == 0)
		return (0);
	(void)snprintf(wj->err, sizeof(wj->err), "views_withdraw: %s",
	    db_errmsg(db));
	return (-1);
}

/* Woken: the view is taken back (or not). */
static int
withdrawn(struct http_request *req)
{
	struct page		 pg;
	struct withdraw_job	*wj;
	struct view		 now;
	int			 result, rc, safety;

	if ((wj = write_job_result(req, &result, &rc)) == NULL)
		return (rc);
	if (!page_begin(&pg, req, ALLOW_POST | ALLOW_RESUMED))
		return (KORE_RESULT_OK);
	if (result != WRITER_SAVED) {
		/* As it is now: answered since the page, it stays. */
		if (views_get(app_db, wj->v.id, &now) == 1 &&
		    views_may_withdraw(&now)) {
			kore_log(LOG_ERR, "%s", wj->err);
			return (page_error(&pg, 500));
		}
		return (page_error(&pg, 409));
	}
	safety = concerns_open_about(app_db, CONCERN_VIEW, wj->v.id) > 0;
	return (page_redirect(&pg, arena_printf(&pg.arena, "/views/%lld",
	    (long long)wj->v.id), safety ? "view_withdrawn_safety" :
	    "view_withdrawn"));
}

/*
 * "Take this view back?": a slip of the thumb must not end a view, and
 * there is no undo. Only a POST with confirm=1 from this page takes it.
 */
static int
withdraw_ask(struct page *pg, const struct view *v)
{
	if (views_show(app_db, v, pg->ctx) != 1)
		return (page_error(pg, 500));
	/* Passed on already: the council may still answer the topic. */
	tv_set_bool(pg->ctx, "passed_on", strcmp(v->state, "received") != 0);
	/* The page's own title takes "title" in the layout. */
	tv_set_str(pg->ctx, "view_title", tv_get_str(pg->ctx, "title"));
	pg->title = "Take this view back?";
	pg->nav = "views";
	return (page_render(pg, 200, "view_withdraw"));
}

int
page_view_withdraw(struct http_request *req)
{
	struct page		 pg;
	struct view		 v;
	struct withdraw_job	*wj;
	const char		*confirm;

	if (http_state_exists(req))
		return (withdrawn(req));
	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_YOUNG))
		return (KORE_RESULT_OK);
	if (!own_view(&pg, &v))
		return (page_error(&pg, 404));
	/* Back to the view, saying why (an old page, a second tap). */
	if (!views_may_withdraw(&v))
		return (page_redirect(&pg, arena_printf(&pg.arena,
		    "/views/%lld", (long long)v.id), strcmp(v.state,
		    "withdrawn") == 0 ? "view_back_already" : "view_answered"));
	confirm = form_raw(&pg.form, "confirm");
	if (req->method != HTTP_METHOD_POST || confirm == NULL ||
	    strcmp(confirm, "1") != 0)
		return (withdraw_ask(&pg, &v));
	if ((wj = calloc(1, sizeof(*wj))) == NULL)
		fatal("withdraw job: out of memory");
	wj->actor = pg.actor;
	wj->actor.name = copy(pg.actor.name);
	wj->actor.role = copy(pg.actor.role);
	wj->actor.ip = copy(pg.actor.ip);
	wj->v = v;
	wj->now = pg.now;
	return (write_job_start(&pg, withdraw_job_run, wj, withdraw_job_free));
}

int
page_track(struct http_request *req)
{
	struct page	 pg;
	struct view	 v;
	const char	*code;
	char		 key[96];
	int64_t		 wait;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST))
		return (KORE_RESULT_OK);
	pg.title = "Follow a view";
	pg.nav = "track";
	if (req->method != HTTP_METHOD_POST)
		return (page_render(&pg, 200, "track"));
	code = form_text(&pg.form, "code", 40, 0, 1, &pg.errors,
	    "Type the code you were given.");
	tv_set_str(pg.ctx, "code", form_raw(&pg.form, "code"));
	if (code == NULL)
		return (page_form_errors(&pg, "track"));
	/*
	 * A right code is always let in: wrong ones from a shared address
	 * (a school, a children's home) must not lock out every child
	 * there. Guessing is no way in: a code is 80 random bits. The
	 * count of wrong ones only slows a script's noise.
	 */
	if (views_by_track(app_db, code, &v) == 1)
		return (show(&pg, &v, code));
	throttle_ip_key("track", pg.ip, key, sizeof(key));
	if ((wait = throttle_wait(app_db, key, pg.now, 600, 20)) != 0) {
		form_error(&pg.errors, "code", "Too many wrong codes from here. "
		    "Please wait a few minutes.");
		return (page_form_errors(&pg, "track"));
	}
	(void)throttle_fail(app_db, key, pg.now);
	form_error(&pg.errors, "code", "We cannot find a view with that "
	    "code. Check it and try again.");
	return (page_form_errors(&pg, "track"));
	return (show(&pg, &v, code));
}

int
page_notifications(struct http_request *req)
{
	struct page	 pg;

	/* Young people hear about their views; workers and admins about
	 * new concerns (alert.c); councillors about promises they own whose
	 * progress is stale (reminders.c). */
	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_YOUNG | R_STAFF))
		return (KORE_RESULT_OK);
	if (req->method == HTTP_METHOD_POST) {
		if (notify_read_all(app_db, pg.sess.user_id, pg.now) == -1)
			return (page_error(&pg, 500));
		return (page_redirect(&pg, "/notifications", NULL));
	}
	tv_set_bool(pg.ctx, "staff_notes", pg.sess.role != ROLE_YOUNG);
	tv_set_bool(pg.ctx, "concern_notes", pg.sess.role == ROLE_WORKER ||
	    pg.sess.role == ROLE_ADMIN);
	pg.title = pg.sess.role == ROLE_YOUNG ? "Messages" : "Notifications";
	pg.nav = "notifications";
	if (notify_list(app_db, pg.sess.user_id, tv_set_list(pg.ctx,
	    "notes")) == -1)
		return (page_error(&pg, 500));
	return (page_render(&pg, 200, "notifications"));
}
