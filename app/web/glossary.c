/*
 * glossary.c: /admin/glossary, where admins keep the words young people
 * may not know ("PEP", "Staying Put") and a plain explanation of each.
 * Public pages explain each one in brackets the first time it is used.
 */
#include <string.h>

#include "app.h"
#include "glossary.h"

static int
glossary_page(struct page *pg, int64_t id, const char *term,
    const char *plain, int errors)
{
	pg->title = "Words to explain";
	pg->nav = "settings";
	tv_set_int(pg->ctx, "edit_id", id);
	tv_set_bool(pg->ctx, "editing", id > 0);
	tv_set_str(pg->ctx, "term", term);
	tv_set_str(pg->ctx, "plain", plain);
	if (glossary_list(app_db, tv_set_list(pg->ctx, "words")) == -1)
		return (page_error(pg, 500));
	return (errors ? page_form_errors(pg, "glossary") :
	    page_render(pg, 200, "glossary"));
}

int
page_glossary(struct http_request *req)
{
	struct page	 pg;
	const char	*term, *plain;
	int64_t		 id;
	int		 rc;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_ADMIN))
		return (KORE_RESULT_OK);
	if (req->method != HTTP_METHOD_POST) {
		term = plain = NULL;
		if (form_id(&pg.form, "edit", &id) == -1)
			id = 0;
		else if (glossary_get(app_db, &pg.arena, id, &term, &plain) !=
		    1)
			return (page_error(&pg, 404));
		return (glossary_page(&pg, id, term, plain, 0));
	}
	if (form_id(&pg.form, "remove", &id) == 0) {
		if (glossary_delete(app_db, &pg.actor, id) == -1)
			return (page_error(&pg, 404));
		return (page_redirect(&pg, "/admin/glossary",
		    "glossary_saved"));
	}
	if (form_id(&pg.form, "id", &id) == -1)
		id = 0;
	term = form_text(&pg.form, "term", GLOSSARY_TERM_MAX, 0, 1,
	    &pg.errors, "Write the word or words, like \"PEP\".");
	plain = form_text(&pg.form, "plain", GLOSSARY_PLAIN_MAX, 0, 1,
	    &pg.errors, "Write what it means in plain words, like \"your "
	    "plan for school\".");
	if (pg.errors.n > 0)
		return (glossary_page(&pg, id, form_raw(&pg.form, "term"),
		    form_raw(&pg.form, "plain"), 1));
	if ((rc = glossary_save(app_db, &pg.actor, id, term, plain)) != 0) {
		if (rc != -2)
			return (page_error(&pg, 500));
		form_error(&pg.errors, "term", "This word is on the list "
		    "already. Change it there instead.");
		return (glossary_page(&pg, id, term, plain, 1));
	}
	return (page_redirect(&pg, "/admin/glossary", "glossary_saved"));
}
