/*
 * fuzz_tmpl.c: the template engine. The input is split at the first NUL:
 * before it a template to parse and render (which may fail to parse, but
 * must not crash), after it a value rendered into escaped slots, whose
 * output must never hold a raw < > " ' or & from the data.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tmpl.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * The template's own text holds none of < > " ' &, so any in the output
 * came from the data unescaped. & is allowed only as an entity we write.
 */
static void
check_escaped(const char *value, size_t vlen)
{
	static const char	 src[] = "[{{v}}|{{#l}}{{.}}{{/l}}|"
	    "{{#m}}{{v}}{{/m}}|{{^n}}{{v}}{{/n}}]";
	struct tmpl_set		*set;
	struct arena		 a;
	struct tval		*c, *l;
	struct buf		 out;
	char			 err[256];
	size_t			 i;

	set = tmpl_set_new();
	if (tmpl_set_add(set, "t", src, sizeof(src) - 1, err, sizeof(err)))
		abort();
	arena_init(&a);
	buf_init(&out, 0);
	c = tv_map(&a);
	tv_set(c, "v", tv_strn(&a, value, vlen));
	l = tv_set_list(c, "l");
	tv_push(l, tv_strn(&a, value, vlen));
	tv_set_map(c, "m");
	(void)tmpl_render(set, "t", c, &out);
	for (i = 0; i < out.len; i++) {
		if (strchr("<>\"'", out.data[i]) != NULL && out.data[i] != '\0')
			abort();
		if (out.data[i] == '&' && strncmp(out.data + i, "&amp;", 5) &&
		    strncmp(out.data + i, "&lt;", 4) &&
		    strncmp(out.data + i, "&gt;", 4) &&
		    strncmp(out.data + i, "&quot;", 6) &&
		    strncmp(out.data + i, "&#39;", 5))
			abort();
	}
	buf_free(&out);
	arena_free(&a);
	tmpl_set_free(set);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct tmpl_set	*set;
	struct arena	 a;
	struct tval	*c;
	struct buf	 out;
	const uint8_t	*nul;
	char		 err[256];
	size_t		 tlen;

	nul = memchr(data, '\0', len);
	tlen = nul ? (size_t)(nul - data) : len;
	set = tmpl_set_new();
	arena_init(&a);
	buf_init(&out, 0);
	c = tv_map(&a);
	tv_set_str(c, "a", "A");
	tv_set_list(tv_set_map(c, "b"), "c");
	if (tmpl_set_add(set, "t", (const char *)data, tlen, err,
	    sizeof(err)) == 0) {
		(void)tmpl_set_check(set, err, sizeof(err));
		(void)tmpl_render(set, "t", c, &out);
	}
	buf_free(&out);
	arena_free(&a);
	tmpl_set_free(set);
	if (nul != NULL)
		check_escaped((const char *)nul + 1, len - tlen - 1);
	return (0);
}
