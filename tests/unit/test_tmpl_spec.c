/*
 * test_tmpl_spec.c: the official Mustache specification, case by case.
 *
 * Reads the spec's JSON files (comments, interpolation, inverted, partials,
 * sections) from tests/data/mustache-spec (MIT, credited in its LICENSE
 * and README), or $MUSTACHE_SPEC_DIR, and runs
 * each case as its own cmocka test. JSON numbers become the strings the
 * spec expects (85 -> "85", 1.21 -> "1.21").
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "tmpl.h"

#define MAX_CASES	256

static const char *spec_files[] = {
	"comments", "interpolation", "inverted", "partials", "sections",
};

struct spec_case {
	json_t	*json;
	char	 title[160];
};

static struct tval *
from_json(struct arena *a, json_t *j)
{
	struct tval	*v;
	const char	*key;
	json_t		*item;
	size_t		 i;

	switch (json_typeof(j)) {
	case JSON_OBJECT:
		v = tv_map(a);
		json_object_foreach(j, key, item)
			tv_set(v, arena_strdup(a, key), from_json(a, item));
		return (v);
	case JSON_ARRAY:
		v = tv_list(a);
		json_array_foreach(j, i, item)
			tv_push(v, from_json(a, item));
		return (v);
	case JSON_STRING:
		return (tv_strn(a, json_string_value(j),
		    json_string_length(j)));
	case JSON_INTEGER:
		return (tv_str(a, arena_printf(a, "%lld",
		    (long long)json_integer_value(j))));
	case JSON_REAL:
		return (tv_str(a, arena_printf(a, "%.15g",
		    json_real_value(j))));
	case JSON_TRUE:
		return (tv_bool(a, 1));
	case JSON_FALSE:
		return (tv_bool(a, 0));
	default:
		return (tv_str(a, NULL));
	}
}

static void
run_case(void **state)
{
	struct spec_case	*sc = *state;
	struct tmpl_set		*set;
	struct arena		 a;
	struct buf		 out;
	json_t			*partials, *p;
	const char		*pname, *tmpl, *expected;
	char			 err[256];

	set = tmpl_set_new();
	arena_init(&a);
	buf_init(&out, 0);
	tmpl = json_string_value(json_object_get(sc->json, "template"));
	expected = json_string_value(json_object_get(sc->json, "expected"));
	assert_int_equal(tmpl_set_add(set, "t", tmpl, strlen(tmpl), err,
	    sizeof(err)), 0);
	partials = json_object_get(sc->json, "partials");
	json_object_foreach(partials, pname, p) {
		assert_int_equal(tmpl_set_add(set, pname, json_string_value(p),
		    json_string_length(p), err, sizeof(err)), 0);
	}
	assert_int_equal(tmpl_render(set, "t",
	    from_json(&a, json_object_get(sc->json, "data")), &out), 0);
	assert_string_equal(buf_cstr(&out), expected);
	buf_free(&out);
	arena_free(&a);
	tmpl_set_free(set);
}

int
main(void)
{
	static struct spec_case	 cases[MAX_CASES];
	static struct CMUnitTest tests[MAX_CASES];
	json_t		*files[5], *list, *c;
	json_error_t	 jerr;
	const char	*dir;
	char		 path[1024];
	size_t		 i, j, n;
	int		 failed;

	if ((dir = getenv("MUSTACHE_SPEC_DIR")) == NULL)
		dir = "tests/data/mustache-spec";
	n = 0;
	for (i = 0; i < 5; i++) {
		(void)snprintf(path, sizeof(path), "%s/%s.json", dir,
		    spec_files[i]);
		if ((files[i] = json_load_file(path, 0, &jerr)) == NULL) {
			fprintf(stderr, "cannot read the Mustache spec %s: %s\n",
			    path, jerr.text);
			return (1);
		}
		list = json_object_get(files[i], "tests");
		json_array_foreach(list, j, c) {
			if (n == MAX_CASES)
				break;
			cases[n].json = c;
			(void)snprintf(cases[n].title, sizeof(cases[n].title),
			    "%s: %s", spec_files[i], json_string_value(
			    json_object_get(c, "name")));
			tests[n].name = cases[n].title;
			tests[n].test_func = run_case;
			tests[n].initial_state = &cases[n];
			n++;
		}
	}
	failed = _cmocka_run_group_tests("mustache_spec", tests, n, NULL, NULL);
	printf("mustache spec: %zu of %zu cases passed\n",
	    n - (size_t)failed, n);
	for (i = 0; i < 5; i++)
		json_decref(files[i]);
	return (failed != 0);
}
