/*
 * agent.c: User-Agent strings in words (see agent.h).
 *
 * The tables are looked through in order and the first match wins, so a
 * browser that names another in its string (Edge says "Chrome", Chrome
 * says "Safari") comes before the one it names.
 */
#include <string.h>

#include "agent.h"

static const struct {
	const char	*mark;
	const char	*name;
} browsers[] = {
	{ "Edg", "Edge" },
	{ "SamsungBrowser/", "Samsung Internet" },
	{ "OPR/", "Opera" },
	{ "Firefox/", "Firefox" },
	{ "FxiOS/", "Firefox" },
	{ "CriOS/", "Chrome" },
	{ "Chrome/", "Chrome" },
	{ "Chromium/", "Chromium" },
	{ "Safari/", "Safari" },
}, systems[] = {
	{ "iPhone", "iPhone" },
	{ "iPad", "iPad" },
	{ "Android", "Android" },
	{ "Windows", "Windows" },
	{ "CrOS", "a Chromebook" },
	{ "Macintosh", "a Mac" },
	{ "Linux", "Linux" },
};

#define NITEMS(x)	(sizeof(x) / sizeof((x)[0]))

/* "Chrome on Android", "Safari on iPhone", "A browser on Windows". */
const char *
agent_words(struct arena *a, const char *ua)
{
	const char	*b, *s;
	size_t		 i;

	if (ua == NULL || *ua == '\0')
		return ("Not known");
	b = s = NULL;
	for (i = 0; b == NULL && i < NITEMS(browsers); i++)
		if (strstr(ua, browsers[i].mark) != NULL)
			b = browsers[i].name;
	for (i = 0; s == NULL && i < NITEMS(systems); i++)
		if (strstr(ua, systems[i].mark) != NULL)
			s = systems[i].name;
	if (b != NULL && s != NULL)
		return (arena_printf(a, "%s on %s", b, s));
	if (s != NULL)
		return (arena_printf(a, "A web browser on %s", s));
	return (b != NULL ? b : "A web browser");
}
