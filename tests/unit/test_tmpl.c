/*
 * test_tmpl.c: the template engine beyond the spec: our escaping, deep
 * nesting, empty lists, malformed templates reported with file and line,
 * numbers, and the project's own templates loading cleanly.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "tmpl.h"

static char	 out_text[8192];

/* Render src with ctx; returns the output, or NULL if it did not parse. */
static const char *
render(const char *src, const struct tval *ctx, char *err, size_t errlen)
{
	struct tmpl_set	*set;
	struct buf	 out;

	set = tmpl_set_new();
	if (tmpl_set_add(set, "page", src, strlen(src), err, errlen) == -1) {
		tmpl_set_free(set);
		return (NULL);
	}
	buf_init(&out, 0);
	assert_int_equal(tmpl_render(set, "page", ctx, &out), 0);
	(void)snprintf(out_text, sizeof(out_text), "%s", buf_cstr(&out));
	buf_free(&out);
	tmpl_set_free(set);
	return (out_text);
}

static void
escapes_all_five(void **state)
{
	struct arena	 a;
	struct tval	*c;
	char		 err[256];

	(void)state;
	arena_init(&a);
	c = tv_map(&a);
	tv_set_str(c, "x", "<a href=\"x\" onclick='y'>&</a>");
	assert_string_equal(render("{{x}}", c, err, sizeof(err)),
	    "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
	assert_string_equal(render("{{{x}}}", c, err, sizeof(err)),
	    "<a href=\"x\" onclick='y'>&</a>");
	/* Attribute context is the same escaper: quotes cannot break out. */
	assert_string_equal(render("<p title=\"{{x}}\">", c, err, sizeof(err)),
	    "<p title=\"&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;"
	    "&amp;&lt;/a&gt;\">");
	arena_free(&a);
}

static void
deep_nesting(void **state)
{
	struct arena	 a;
	struct tval	*c, *m;
	char		 src[4096], want[64], err[256];
	size_t		 i, o;

	(void)state;
	arena_init(&a);
	c = tv_map(&a);
	m = c;
	for (i = 0; i < 40; i++)
		m = tv_set_map(m, "n");
	tv_set_str(m, "leaf", "deep");
	tv_set_str(c, "top", "T");
	o = 0;
	for (i = 0; i < 40; i++)
		o += (size_t)snprintf(src + o, sizeof(src) - o, "{{#n}}");
	o += (size_t)snprintf(src + o, sizeof(src) - o, "{{leaf}}{{top}}");
	for (i = 0; i < 40; i++)
		o += (size_t)snprintf(src + o, sizeof(src) - o, "{{/n}}");
	(void)snprintf(want, sizeof(want), "deepT");
	assert_string_equal(render(src, c, err, sizeof(err)), want);
	arena_free(&a);
}

static void
lists_empty_and_full(void **state)
{
	struct arena	 a;
	struct tval	*c, *l, *item;
	char		 err[256];

	(void)state;
	arena_init(&a);
	c = tv_map(&a);
	tv_set_list(c, "none");
	l = tv_set_list(c, "views");
	item = tv_push_map(l);
	tv_set_str(item, "t", "one");
	item = tv_push_map(l);
	tv_set_str(item, "t", "two");
	assert_string_equal(render("{{#none}}x{{/none}}{{^none}}empty{{/none}}",
	    c, err, sizeof(err)), "empty");
	assert_string_equal(render("<ul>{{#views}}<li>{{t}}</li>{{/views}}</ul>",
	    c, err, sizeof(err)), "<ul><li>one</li><li>two</li></ul>");
	assert_int_equal(tv_count(l), 2);
	/* An empty string is falsey, so optional messages read naturally. */
	tv_set_str(c, "error", "");
	assert_string_equal(render("{{#error}}E{{/error}}{{^error}}ok{{/error}}",
	    c, err, sizeof(err)), "ok");
	arena_free(&a);
}

static void
malformed_templates_name_file_and_line(void **state)
{
	char	 err[256];

	(void)state;
	assert_null(render("a\nb\n{{#open}}\nnever closed", NULL, err,
	    sizeof(err)));
	assert_string_equal(err, "page.html:3: the section {{#open}} is never "
	    "closed");
	assert_null(render("{{#a}}\n{{/b}}", NULL, err, sizeof(err)));
	assert_non_null(strstr(err, "page.html:2:"));
	assert_non_null(strstr(err, "{{/b}} does not match {{#a}}"));
	assert_null(render("x\n{{/stray}}", NULL, err, sizeof(err)));
	assert_non_null(strstr(err, "page.html:2:"));
	assert_null(render("\n\n\n{{name", NULL, err, sizeof(err)));
	assert_non_null(strstr(err, "page.html:4:"));
	assert_null(render("{{}}", NULL, err, sizeof(err)));
	assert_null(render("{{=<% %>=}}", NULL, err, sizeof(err)));
	assert_null(render("{{a..b}}", NULL, err, sizeof(err)));
}

static void
missing_partial_found_at_load(void **state)
{
	struct tmpl_set	*set;
	char		 err[256];
	const char	*src = "one\ntwo {{> nowhere}}\n";

	(void)state;
	set = tmpl_set_new();
	assert_int_equal(tmpl_set_add(set, "page", src, strlen(src), err,
	    sizeof(err)), 0);
	assert_int_equal(tmpl_set_check(set, err, sizeof(err)), -1);
	assert_string_equal(err, "page.html:2: the partial {{> nowhere}} has "
	    "no template nowhere.html");
	assert_int_equal(tmpl_set_add(set, "nowhere", "ok", 2, err,
	    sizeof(err)), 0);
	assert_int_equal(tmpl_set_check(set, err, sizeof(err)), 0);
	tmpl_set_free(set);
}

static void
project_templates_load(void **state)
{
	struct tmpl_set	*set;
	char		 err[256];

	(void)state;
	set = tmpl_set_new();
	assert_int_equal(tmpl_set_load_dir(set, "templates", err,
	    sizeof(err)), 0);
	assert_int_equal(tmpl_set_check(set, err, sizeof(err)), 0);
	assert_true(tmpl_exists(set, "layout"));
	assert_true(tmpl_exists(set, "error"));
	tmpl_set_free(set);
}

static void
recursive_partial_stops(void **state)
{
	struct tmpl_set	*set;
	struct buf	 out;
	char		 err[256];

	(void)state;
	set = tmpl_set_new();
	assert_int_equal(tmpl_set_add(set, "loop", "x{{> loop}}", 11, err,
	    sizeof(err)), 0);
	buf_init(&out, 0);
	assert_int_equal(tmpl_render(set, "loop", NULL, &out), 0);
	assert_true(out.len > 0 && out.len < 100);
	assert_int_equal(tmpl_render(set, "absent", NULL, &out), -1);
	/* Twice itself: 2^32 partials if nothing stopped it. */
	assert_int_equal(tmpl_set_add(set, "twice", "{{> twice}}{{> twice}}x",
	    24, err, sizeof(err)), 0);
	buf_reset(&out);
	assert_int_equal(tmpl_render(set, "twice", NULL, &out), 0);
	assert_true(out.len > 0 && out.len <= 16 * 1024 * 1024 + 8);
	buf_free(&out);
	tmpl_set_free(set);
}

/* Numbers are written without printf: every digit and sign, to the
 * ends of the range. */
/* Many templates share a bucket; one added again replaces the first,
 * and every other is still found by its own name. */
static void
many_templates_found_and_replaced(void **state)
{
	struct tmpl_set	*set;
	struct arena	 a;
	struct buf	 out;
	char		 name[16], src[32], err[256];
	int		 i;

	(void)state;
	arena_init(&a);
	set = tmpl_set_new();
	for (i = 0; i < 600; i++) {
		(void)snprintf(name, sizeof(name), "t%d", i);
		(void)snprintf(src, sizeof(src), "<%d>", i);
		assert_int_equal(tmpl_set_add(set, name, src, strlen(src),
		    err, sizeof(err)), 0);
	}
	assert_int_equal(tmpl_set_add(set, "t300", "again", 5, err,
	    sizeof(err)), 0);
	for (i = 0; i < 600; i++) {
		(void)snprintf(name, sizeof(name), "t%d", i);
		(void)snprintf(src, sizeof(src), "<%d>", i);
		buf_init(&out, 0);
		assert_int_equal(tmpl_render(set, name, tv_map(&a), &out), 0);
		assert_string_equal(buf_cstr(&out), i == 300 ? "again" : src);
		buf_free(&out);
	}
	assert_false(tmpl_exists(set, "t600"));
	tmpl_set_free(set);
	arena_free(&a);
}

static void
numbers_print_whole(void **state)
{
	struct arena	 a;
	struct tval	*c;
	char		 err[256];

	(void)state;
	arena_init(&a);
	c = tv_map(&a);
	tv_set_int(c, "zero", 0);
	tv_set_int(c, "n", 1234567890);
	tv_set_int(c, "neg", -42);
	tv_set_int(c, "max", INT64_MAX);
	tv_set_int(c, "min", INT64_MIN);
	assert_string_equal(render("{{zero}} {{n}} {{neg}}", c, err,
	    sizeof(err)), "0 1234567890 -42");
	assert_string_equal(render("{{max}} {{min}}", c, err, sizeof(err)),
	    "9223372036854775807 -9223372036854775808");
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(escapes_all_five),
		cmocka_unit_test(deep_nesting),
		cmocka_unit_test(lists_empty_and_full),
		cmocka_unit_test(malformed_templates_name_file_and_line),
		cmocka_unit_test(many_templates_found_and_replaced),
		cmocka_unit_test(missing_partial_found_at_load),
		cmocka_unit_test(numbers_print_whole),
		cmocka_unit_test(project_templates_load),
		cmocka_unit_test(recursive_partial_stops),
	};

	return (cmocka_run_group_tests_name("tmpl", tests, NULL, NULL));
}
