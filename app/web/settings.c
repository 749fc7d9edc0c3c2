/*
 * settings.c: /admin/settings, where admins set the council's name, what
 * it calls its Children in Care Council, deadlines, sign-in timeouts and
 * retention. Every change is audited; all or nothing is saved.
 */
#include <string.h>

#include "answers.h"
#include "app.h"
#include "routes.h"
#include "retention.h"
#include "settings.h"

static int
settings_page(struct page *pg, int errors)
{
	pg->title = "Settings";
	pg->nav = "settings";
	if (retention_last(app_db, pg->ctx) == -1 ||
	    settings_list(app_db, errors ? &pg->form : NULL,
	    tv_set_list(pg->ctx, "settings")) == -1 ||
	    routes_form(app_db, errors ? &pg->form : NULL, &pg->errors,
	    tv_set_list(pg->ctx, "routes")) == -1)
		return (page_error(pg, 500));
	return (errors ? page_form_errors(pg, "settings") :
	    page_render(pg, 200, "settings"));
}


/* Where young people are sent for their own situation (routes.c). */
static int
save_routes(struct page *pg)
{
	if (routes_check(&pg->form, &pg->errors) == -1)
		return (settings_page(pg, 1));
	if (routes_save(app_db, &pg->actor, &pg->form) == -1)
		return (page_error(pg, 500));
	return (page_redirect(pg, "/admin/settings", "settings_saved"));
}

/*
 * The typed value of key, or NULL after recording why not. A field the
 * form did not send, or a secret left empty, is left as it is (*keep).
 */
static const char *
typed_setting(struct page *pg, const char *key, int *keep)
{
	const char	*v, *why;
	long long	 min, max;

	*keep = !form_has(&pg->form, key);
	if (*keep)
		return (NULL);
	v = form_text(&pg->form, key, settings_max(key), 0,
	    !settings_optional(key), &pg->errors, "This cannot be empty.");
	/* Empty keeps a secret; only the box says to remove it. */
	if (v != NULL && *v == '\0' && settings_secret(key))
		*keep = !form_has(&pg->form, arena_printf(&pg->arena,
		    "%s_clear", key));
	else if (v != NULL && (why = settings_problem(key, v)) != NULL) {
		if (settings_range(key, &min, &max))
			why = arena_printf(&pg->arena, "Enter a whole number "
			    "from %lld to %lld.", min, max);
		form_error(&pg->errors, key, why);
		v = NULL;
	} else if (v != NULL && strcmp(key, "answer_trusted") == 0 &&
	    (why = answers_trusted_problem(app_db, &pg->arena, v)) != NULL) {
		form_error(&pg->errors, key, why);
		v = NULL;
	}
	return (v);
}

/* How many bytes of s to show: up to 80, never half a character. */
static int
cut_at(const char *s)
{
	size_t	 n;

	if ((n = strlen(s)) <= 80)
		return ((int)n);
	for (n = 80; n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80; n--)
		;
	return ((int)n);
}

/*
 * What a save changed, for the audit log: each setting's name, was and
 * now ("small_count 5 -> 1"), so an IT officer can see who turned what
 * down; a secret only that it changed.
 */
static void
note_change(struct buf *changed, const struct tval *row, const char *now)
{
	const char	*key, *was;

	key = tv_get_str(row, "key");
	was = tv_get_str(row, "value");
	if (settings_secret(key)) {
		buf_appendf(changed, "%s%s changed", changed->len ? "; " : "",
		    key);
		return;
	}
	if (strcmp(was, now) == 0)
		return;
	/* Every key named; long values cut, so none pushes another out. */
	if (*was == '\0')
		was = "(empty)";
	if (*now == '\0')
		now = "(empty)";
	buf_appendf(changed, "%s%s %.*s%s -> %.*s%s", changed->len ? "; " :
	    "", key, cut_at(was), was, was[cut_at(was)] ? "..." : "",
	    cut_at(now), now, now[cut_at(now)] ? "..." : "");
}

int
page_settings(struct http_request *req)
{
	struct page		 pg;
	struct tval		*listed;
	const struct tval	*it;
	const char		*key, *v;
	struct buf		 changed;
	int			 ok, keep;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_ADMIN))
		return (KORE_RESULT_OK);
	if (req->method != HTTP_METHOD_POST)
		return (settings_page(&pg, 0));
	if (form_has(&pg.form, "routes"))
		return (save_routes(&pg));
	/* Exactly the settings the page lists: none shown and not saved. */
	listed = tv_set_list(pg.ctx, "listed");
	if (settings_list(app_db, NULL, listed) == -1)
		return (page_error(&pg, 500));
	for (it = tv_first(listed); it != NULL; it = tv_next(it))
		(void)typed_setting(&pg, tv_get_str(it, "key"), &keep);
	if (pg.errors.n > 0)
		return (settings_page(&pg, 1));
	if (db_begin(app_db) == -1)
		return (page_error(&pg, 500));
	ok = 1;
	buf_init(&changed, 128);
	for (it = tv_first(listed); ok && it != NULL; it = tv_next(it)) {
		key = tv_get_str(it, "key");
		v = typed_setting(&pg, key, &keep);
		ok = keep || (v != NULL && settings_set(app_db, key, v) == 0);
		if (ok && !keep)
			note_change(&changed, it, v);
	}
	if (!ok || (changed.len > 0 && audit_write(app_db, &pg.actor,
	    "settings.change", "settings", 0, buf_cstr(&changed)) == -1) ||
	    db_commit(app_db) == -1) {
		buf_free(&changed);
		db_rollback(app_db);
		return (page_error(&pg, 500));
	}
	buf_free(&changed);
	return (page_redirect(&pg, "/admin/settings", "settings_saved"));
}
