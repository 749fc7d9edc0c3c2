/*
 * help.c: what the help page says after a young person sends something
 * worrying: the truth about when a worker will read it (staffed hours,
 * bank holidays skipped) and the council's own numbers, set by admins,
 * beside the national help lines.
 */
#include <string.h>

#include "app.h"
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
