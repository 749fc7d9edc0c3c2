/*
 * help.c: what the help page says after a young person sends something
 * worrying: the truth about when a worker will read it (staffed hours,
 * bank holidays skipped) and the council's own numbers, set by admins,
 * beside the national help lines.
 */
#include <string.h>

#include "app.h"
#include "concerns.h"
#include "settings.h"
#include "staffed.h"

static const struct {
	const char	*key;
	const char	*label;
} local_numbers[] = {
	{ "edt_phone", "The council's emergency duty team (evenings, nights, "
	    "weekends and bank holidays)" },
	{ "advocacy_phone", "Our advocacy service, who can speak up for you" },
	{ "lado_phone", "For adults who work with children: the LADO or "
	    "children's front door" },
};

/* "tel:" and the digits (and a leading +) of a number as typed. */
static const char *
tel_href(struct arena *a, const char *number)
{
	char	*out, *o;

	out = o = arena_printf(a, "tel:%s", number);
	o += 4;
	for (; *number != '\0'; number++)
		if ((*number >= '0' && *number <= '9') ||
		    (*number == '+' && o == out + 4))
			*o++ = *number;
	*o = '\0';
	return (out);
}

/*
 * The council's out-of-hours number beside the national lines in the
 * footer of young people's pages, when an admin has set it.
 */
void
help_footer(struct page *pg)
{
	struct tval	*edt;
	const char	*v;

	v = settings_text(app_db, &pg->arena, "edt_phone", "");
	if (v == NULL || *v == '\0')
		return;
	edt = tv_set_map(pg->ctx, "footer_edt");
	tv_set_str(edt, "number", v);
	tv_set_str(edt, "tel", tel_href(&pg->arena, v));
}

/* Sets staffed_words and local_numbers for the help page. */
void
help_context(struct page *pg)
{
	struct tval	*list, *row;
	const char	*v;
	size_t		 i;

	tv_set_str(pg->ctx, "staffed_words", staffed_words_now(app_db,
	    &pg->arena, pg->now));
	list = tv_set_list(pg->ctx, "local_numbers");
	for (i = 0; i < sizeof(local_numbers) / sizeof(local_numbers[0]);
	    i++) {
		v = settings_text(app_db, &pg->arena, local_numbers[i].key, "");
		if (*v == '\0')
			continue;
		row = tv_push_map(list);
		tv_set_str(row, "label", local_numbers[i].label);
		tv_set_str(row, "number", v);
		tv_set_str(row, "tel", tel_href(&pg->arena, v));
		tv_set_bool(pg->ctx, "has_local", 1);
	}
}

/*
 * The help page, after a young person's worrying words were kept: when a
 * worker will read them, and who to talk to now. Ends the page.
 */
int
help_page(struct page *pg)
{
	pg->title = "We are here to help";
	tv_set_bool(pg->ctx, "flagged", 1);
	help_context(pg);
	return (page_render(pg, 200, "views_sent"));
}

/*
 * The name typed in field worries the scan: keep the words in a concern
 * (about account, which is 0 when joining) so a worker reads them,
 * refuse the name in plain words and show the help lines. 1 so, 0 if it
 * does not worry, -1 on error.
 */
int
help_name_worries(struct page *pg, int64_t account, const char *field,
    const char *where)
{
	int	 rc;

	if ((rc = concern_name(app_db, &pg->actor, account,
	    form_raw(&pg->form, field), where, pg->now)) != 1)
		return (rc);
	form_error(&pg->errors, field, "We will not use that as a name. A "
	    "worker will read what you wrote. If you need help now, there "
	    "are people you can talk to on this page.");
	tv_set_bool(pg->ctx, "flagged", 1);
	help_context(pg);
	return (1);
}
