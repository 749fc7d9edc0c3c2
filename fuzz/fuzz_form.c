/*
 * fuzz_form.c: form and query-string decoding, and the text rules every
 * field goes through. Nothing may crash, and what comes out of form_text
 * must be valid UTF-8 free of control and invisible characters. Name keys
 * (namefold.c) of valid UTF-8 are their own keys, with no white space but
 * single inner spaces; a name's look-alike skeleton never crashes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "namefold.h"
#include "utf8.h"

/* A key of valid text folds to itself and holds no stray space. */
static void
check_key(const char *v)
{
	char	 k1[512], k2[512];

	(void)name_skeleton(v, k1, sizeof(k1));
	if (name_fold_key(v, k1, sizeof(k1)) == -1 ||
	    !utf8_valid(v, strlen(v)))
		return;
	if (name_fold_key(k1, k2, sizeof(k2)) == -1 || strcmp(k1, k2) != 0)
		abort();
	if (k1[0] == ' ' || strstr(k1, "  ") != NULL || strchr(k1, '\t') ||
	    strchr(k1, '\n') || (k1[0] != '\0' && k1[strlen(k1) - 1] == ' '))
		abort();
}

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static const char *const opts[] = { "a", "b", NULL };
	struct arena		 a;
	struct form		 f;
	struct form_errors	 e;
	const char		*v;
	int64_t			 id;
	size_t			 i;

	arena_init(&a);
	form_errors_init(&e, &a);
	if (form_parse(&a, (const char *)data, len, &f) == 0) {
		for (i = 0; i < f.n; i++) {
			v = form_text(&f, f.fields[i].name, 50, (int)(i & 1),
			    1, &e, "x");
			if (v != NULL && (!utf8_valid(v, strlen(v)) ||
			    !text_clean(v, TEXT_MULTILINE)))
				abort();
			(void)form_choice(&f, f.fields[i].name, opts, &e, "x");
			(void)form_id(&f, f.fields[i].name, &id);
			(void)form_urlencode(&a, f.fields[i].name);
			if ((v = form_raw(&f, f.fields[i].name)) != NULL)
				check_key(v);
		}
	}
	(void)utf8_valid((const char *)data, len);
	arena_free(&a);
	return (0);
}
