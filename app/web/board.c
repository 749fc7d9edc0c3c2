/*
 * board.c: the corporate parenting board report's companions (issue #13):
 * /reports/board/commentary, where a worker writes what the board should
 * read beside one section for one period; /reports/board/young, the same
 * figures in plain words for Children in Care Council members who sit on
 * the board (and staff); and POST /accounts/ID/board, where a worker says
 * whether a young person sits on the board. The figures and their
 * suppression are reports.c's; this file only decides who sees what.
 */
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "board.h"
#include "reports.h"
#include "timefmt.h"

/* The section named in the form, or -1 after a 404. */
static int
section_of(struct page *pg)
{
	int	 i;

	if ((i = board_section(form_raw(&pg->form, "section"))) == -1)
		(void)page_error(pg, 404);
	return (i);
}

static int
commentary_page(struct page *pg, int section, const char *text, int errors)
{
	pg->title = arena_printf(&pg->arena, "Commentary: %s",
	    board_section_title(section));
	pg->nav = "report";
	tv_set_str(pg->ctx, "section", board_sections[section]);
	tv_set_str(pg->ctx, "section_title", board_section_title(section));
	tv_set_int(pg->ctx, "max", BOARD_COMMENT_MAX);
	tv_set_str(pg->ctx, "comment", text);
	return (errors ? page_form_errors(pg, "report_commentary") :
	    page_render(pg, 200, "report_commentary"));
}

int
page_report_commentary(struct http_request *req)
{
	struct page		 pg;
	struct report_period	 p;
	const char		*body, *raw;
	int			 section;

	if (!page_begin(&pg, req, ALLOW_GET | ALLOW_POST) ||
	    !page_require(&pg, R_WORKER | R_ADMIN) ||
	    (section = section_of(&pg)) == -1)
		return (KORE_RESULT_OK);
	report_period_form(&pg, &p);
	if (pg.errors.n > 0)
		return (commentary_page(&pg, section, "", 1));
	tv_set_str(pg.ctx, "period", arena_printf(&pg.arena, "%s to %s",
	    time_date(&pg.arena, p.from + 43200),
	    time_date(&pg.arena, p.to - 43200)));
	if (req->method != HTTP_METHOD_POST) {
		if (board_commentary_text(app_db, p.from, p.to, section,
		    pg.ctx, "v_body") == -1)
			return (page_error(&pg, 500));
		return (commentary_page(&pg, section,
		    tv_get_str(pg.ctx, "v_body"), 0));
	}
	/* No box at all is a broken form, not "remove it" (an empty box). */
	if (!form_has(&pg.form, "body")) {
		form_error(&pg.errors, "body", "The commentary box was missing. "
		    "Nothing was changed: please write it again.");
		return (commentary_page(&pg, section, "", 1));
	}
	body = form_text(&pg.form, "body", BOARD_COMMENT_MAX, 1, 0,
	    &pg.errors, "");
	if (body == NULL) {
		/* Shown again as typed, so nothing written is lost. */
		raw = form_raw(&pg.form, "body");
		return (commentary_page(&pg, section, raw ? raw : "", 1));
	}
	if (board_commentary_set(app_db, &pg.actor, p.from, p.to, section,
	    body, pg.now) == -1)
		return (page_error(&pg, 500));
	return (page_redirect(&pg, arena_printf(&pg.arena,
	    "/reports/board?%s#%s", tv_get_str(pg.ctx, "period_query"),
	    board_sections[section]), "commentary_saved"));
}

/* Staff, and young people who sit on the board; everyone else: 404. */
int
page_report_young(struct http_request *req)
{
	struct page		 pg;
	struct report_period	 p;
	struct board_job	*bj;
	int			 rc;

	if (board_result(req, &bj, &rc) == -1)
		return (rc);
	if (!page_begin(&pg, req, ALLOW_GET) || !page_require(&pg, R_ANY))
		return (KORE_RESULT_OK);
	if (pg.sess.role == ROLE_YOUNG && !board_member(app_db,
	    pg.sess.user_id))
		return (page_error(&pg, 404));
	pg.title = "What the board is told";
	pg.nav = "report";
	report_period_form(&pg, &p);
	if (pg.errors.n > 0)
		return (page_form_errors(&pg, "report_young"));
	/* Built by the reader thread (board_build.c), like the staff's. */
	if (bj == NULL)
		return (board_build(&pg, &p, 0));
	return (board_show(&pg, bj, "report_young"));
}

/* POST /accounts/ID/board, on=1 or on=0. */
int
page_accounts_board(struct http_request *req)
{
	struct page	 pg;
	struct user	 u;
	const char	*on;
	int64_t		 id;

	if (!page_begin(&pg, req, ALLOW_POST) ||
	    !page_require(&pg, R_WORKER | R_ADMIN))
		return (KORE_RESULT_OK);
	id = strtoll(req->path + strlen("/accounts/"), NULL, 10);
	/* Unknown, not a young person, or not yours: the same 404. */
	if (id <= 0 || user_by_id(app_db, id, &u) != 1 ||
	    u.role != ROLE_YOUNG ||
	    !accounts_may_manage(pg.sess.role, pg.sess.user_id, &u))
		return (page_error(&pg, 404));
	on = form_raw(&pg.form, "on");
	if (on == NULL || (strcmp(on, "1") != 0 && strcmp(on, "0") != 0))
		return (page_error(&pg, 400));
	if (board_member_set(app_db, &pg.actor, u.id, on[0] == '1') == -1)
		return (page_error(&pg, 500));
	return (page_redirect(&pg, arena_printf(&pg.arena, "/accounts#u%lld",
	    (long long)u.id), on[0] == '1' ? "board_member" :
	    "board_member_off"));
}
