/*
 * you_said.c: /you-said-we-did, the public page of published outcomes:
 * what young people said (the worker's public summary, never their own
 * words), what was decided, why, and what will happen. Names appear only
 * where a young person chose to be named.
 */
#include <stdlib.h>

#include "actions.h"
#include "app.h"
#include "issues.h"
#include "settings.h"
#include "views.h"

/*
 * Each outcome's actions as they stand (done, late, dropped), with the
 * "did it happen?" counts of the young people who raised it.
 */
static int
outcome_actions(struct page *pg, const struct tval *outcomes)
{
	const struct tval	*it;
	struct tval		*row;
	int64_t			 threshold;

	threshold = settings_int(app_db, "small_count", 5);
	for (it = tv_first(outcomes); it != NULL; it = tv_next(it)) {
		row = (struct tval *)it;
		if (actions_of_issue(app_db, strtoll(tv_get_str(row, "id"),
		    NULL, 10), 1, pg->now, threshold, tv_set_list(row,
		    "actions")) == -1)
			return (-1);
	}
	return (0);
}

int
page_you_said(struct http_request *req)
{
	static const char *const reads[] = { "category", "page", NULL };
	struct page	 pg;
	struct tval	*outcomes;
	int64_t		 category, page, ids[2];
	int		 more;

	/* Not kept for young people: each sees their own "me too". */
	if (!page_begin(&pg, req, ALLOW_GET) ||
	    cache_serve_reading(&pg, R_ANON | R_STAFF, reads))
		return (KORE_RESULT_OK);
	pg.title = "You said, we did";
	pg.nav = "you_said";
	category = 0;
	page = 0;
	(void)form_id(&pg.form, "category", &category);
	if (form_id(&pg.form, "page", &page) == 0 && page > 100000)
		page = 0;
	if (views_categories(app_db, tv_set_list(pg.ctx, "categories"),
	    category) == -1 ||
	    issues_published(app_db, category, page, (outcomes =
	    tv_set_list(pg.ctx, "outcomes")), &more) == -1 ||
	    answerback_you_said(&pg, outcomes) == -1 ||
	    outcome_actions(&pg, outcomes) == -1)
		return (page_error(&pg, 500));
	/* Kept only as the links ask for it: not for a category that does
	 * not exist or a page past the last, one copy each of which could
	 * push every real page out of the cache. */
	ids[0] = category;
	ids[1] = page;
	cache_read_as(&pg, reads, ids);
	if ((category != 0 && !views_category_valid(app_db, category)) ||
	    (page > 0 && tv_first(outcomes) == NULL))
		cache_skip(&pg);
	if (more)
		tv_set_str(pg.ctx, "next_page", arena_printf(&pg.arena,
		    "/you-said-we-did?category=%lld&page=%lld",
		    (long long)category, (long long)page + 1));
	if (page > 0)
		tv_set_str(pg.ctx, "prev_page", arena_printf(&pg.arena,
		    "/you-said-we-did?category=%lld&page=%lld",
		    (long long)category, (long long)page - 1));
	return (page_render(&pg, 200, "you_said"));
}
