/*
 * fuzz_form.c: form and query-string decoding, and the text rules every
 * field goes through. Nothing may crash, and what comes out of form_text
 * must be valid UTF-8 free of control and invisible characters.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "utf8.h"

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
		}
	}
	(void)utf8_valid((const char *)data, len);
	arena_free(&a);
	return (0);
}
