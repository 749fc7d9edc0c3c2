/*
 * test_form.c: form decoding and the per-field rules.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "form.h"

static void
decodes_fields(void **state)
{
	struct arena	 a;
	struct form	 f;
	const char	*in = "name=Zo%C3%AB+O%27Neil&text=line+one%0D%0Aline+two"
	    "&empty=&flag&name=second&%26odd%3D=v%3D1";

	(void)state;
	arena_init(&a);
	assert_int_equal(form_parse(&a, in, strlen(in), &f), 0);
	assert_string_equal(form_raw(&f, "name"), "Zo\xc3\xab O'Neil");
	/* Line breaks survive: Kore's own decoder would drop this field. */
	assert_string_equal(form_raw(&f, "text"), "line one\r\nline two");
	assert_string_equal(form_raw(&f, "empty"), "");
	assert_true(form_has(&f, "flag"));
	assert_string_equal(form_raw(&f, "&odd="), "v=1");
	assert_null(form_raw(&f, "missing"));
	arena_free(&a);
}

static void
nul_and_bad_percent(void **state)
{
	struct arena	 a;
	struct form	 f;
	struct form_errors e;
	const char	*in = "a=x%00y&b=100%&c=%zz&d=%4";

	(void)state;
	arena_init(&a);
	form_errors_init(&e, &a);
	assert_int_equal(form_parse(&a, in, strlen(in), &f), 0);
	/*
	 * A NUL byte is a control character, refused as text, and the words
	 * around it are one string: shown back, and kept if they worry us.
	 */
	assert_string_equal(form_raw(&f, "a"), "x\x1Ay");
	assert_int_equal(f.fields[0].len, 3);
	assert_null(form_text(&f, "a", 10, 0, 1, &e, "x"));
	assert_non_null(strstr(form_error_for(&e, "a"), "hidden"));
	assert_string_equal(form_keep(&a, form_raw(&f, "a")), "x y");
	assert_string_equal(form_raw(&f, "b"), "100%");
	assert_string_equal(form_raw(&f, "c"), "%zz");
	assert_string_equal(form_raw(&f, "d"), "%4");
	arena_free(&a);
}

static void
text_rules(void **state)
{
	struct arena	 a;
	struct form	 f;
	struct form_errors e;
	const char	*in = "t=++hi+there++&long=abcdef&ml=a%0Ab&bidi=a%E2%80%AEb"
	    "&bad=%C3&blank=+++";

	(void)state;
	arena_init(&a);
	form_errors_init(&e, &a);
	assert_int_equal(form_parse(&a, in, strlen(in), &f), 0);
	assert_string_equal(form_text(&f, "t", 20, 0, 1, &e, "x"), "hi there");
	assert_null(form_text(&f, "long", 5, 0, 1, &e, "x"));
	assert_non_null(strstr(form_error_for(&e, "long"), "5 characters"));
	assert_null(form_text(&f, "ml", 20, 0, 1, &e, "x"));
	assert_string_equal(form_text(&f, "ml", 20, 1, 1, &e, "x"), "a\nb");
	assert_null(form_text(&f, "bidi", 20, 1, 1, &e, "x"));
	assert_null(form_text(&f, "bad", 20, 1, 1, &e, "x"));
	assert_null(form_text(&f, "blank", 20, 0, 1, &e, "Say something."));
	assert_string_equal(form_error_for(&e, "blank"), "Say something.");
	assert_string_equal(form_text(&f, "nothing", 20, 0, 0, &e, "x"), "");
	assert_int_equal(e.n, 5);
	arena_free(&a);
}

static void
choices_ids_and_encoding(void **state)
{
	static const char *const opts[] = { "yes", "no", NULL };
	struct arena	 a;
	struct form	 f;
	struct form_errors e;
	const char	*in = "c=no&d=maybe&id=42&neg=-1&big=9999999999999999999"
	    "&z=0&x=4x";
	int64_t		 id;

	(void)state;
	arena_init(&a);
	form_errors_init(&e, &a);
	assert_int_equal(form_parse(&a, in, strlen(in), &f), 0);
	assert_int_equal(form_choice(&f, "c", opts, &e, "pick"), 1);
	assert_int_equal(form_choice(&f, "d", opts, &e, "pick"), -1);
	assert_int_equal(form_id(&f, "id", &id), 0);
	assert_int_equal(id, 42);
	assert_int_equal(form_id(&f, "neg", &id), -1);
	assert_int_equal(form_id(&f, "big", &id), -1);
	assert_int_equal(form_id(&f, "z", &id), -1);
	assert_int_equal(form_id(&f, "x", &id), -1);
	assert_string_equal(form_urlencode(&a, "a b&c=d/\xc3\xab"),
	    "a%20b%26c%3Dd%2F%C3%AB");
	arena_free(&a);
}

static void
too_many_fields(void **state)
{
	struct arena	 a;
	struct form	 f;
	char		 in[8192];
	size_t		 i, o;

	(void)state;
	arena_init(&a);
	for (i = 0, o = 0; i < FORM_FIELDS_MAX + 1; i++)
		o += (size_t)snprintf(in + o, sizeof(in) - o, "f%zu=1&", i);
	assert_int_equal(form_parse(&a, in, o, &f), -1);
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decodes_fields),
		cmocka_unit_test(nul_and_bad_percent),
		cmocka_unit_test(text_rules),
		cmocka_unit_test(choices_ids_and_encoding),
		cmocka_unit_test(too_many_fields),
	};

	return (cmocka_run_group_tests_name("form", tests, NULL, NULL));
}
