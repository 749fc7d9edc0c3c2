/*
 * test_agent.c: real User-Agent strings from phones, tablets and
 * computers, in words.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>

#include <cmocka.h>

#include "agent.h"

static void
in_words(void **state)
{
	static const struct {
		const char	*ua, *want;
	} cases[] = {
		{ "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
		  "(KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
		  "Chrome on Android" },
		{ "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
		  "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 "
		  "Mobile/15E148 Safari/604.1", "Safari on iPhone" },
		{ "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
		  "AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 "
		  "Mobile/15E148 Safari/604.1", "Chrome on iPhone" },
		{ "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
		  "(KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 "
		  "Edg/126.0.0.0", "Edge on Windows" },
		{ "Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 "
		  "(KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 "
		  "Mobile Safari/537.36", "Samsung Internet on Android" },
		{ "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 "
		  "Firefox/128.0", "Firefox on Linux" },
		{ "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) "
		  "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 "
		  "Safari/605.1.15", "Safari on a Mac" },
		{ "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 "
		  "(KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
		  "Chrome on a Chromebook" },
		{ "Mozilla/5.0 (Windows NT 10.0)", "A web browser on Windows" },
		{ "curl/8.5.0", "A web browser" },
		{ "", "Not known" },
	};
	struct arena	 a;
	size_t		 i;

	(void)state;
	arena_init(&a);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_string_equal(agent_words(&a, cases[i].ua),
		    cases[i].want);
	assert_string_equal(agent_words(&a, NULL), "Not known");
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(in_words),
	};

	return (cmocka_run_group_tests_name("agent", tests, NULL, NULL));
}
