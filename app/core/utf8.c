/*
 * utf8.c: strict UTF-8 decoding (no overlong forms, no surrogates, nothing
 * past U+10FFFF) and the rule for free text: no control characters, no
 * bidirectional overrides or invisible characters that could hide or
 * reorder what a worker reads.
 */
#include <string.h>

#include "utf8.h"

/*
 * Decode one code point at *p (before end) and advance. Returns 0, or -1
 * on a malformed sequence (*p is left unchanged).
 */
int
utf8_decode(const char **p, const char *end, uint32_t *cp)
{
	const unsigned char	*s = (const unsigned char *)*p;
	size_t			 n, i, avail;
	uint32_t		 c, min;

	avail = (size_t)(end - *p);
	if (avail == 0)
		return (-1);
	c = s[0];
	if (c < 0x80) {
		n = 1;
		min = 0;
	} else if ((c & 0xE0) == 0xC0) {
		n = 2;
		c &= 0x1F;
		min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		n = 3;
		c &= 0x0F;
		min = 0x800;
	} else if ((c & 0xF8) == 0xF0) {
		n = 4;
		c &= 0x07;
		min = 0x10000;
	} else
		return (-1);
	if (n > avail)
		return (-1);
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return (-1);
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return (-1);
	*cp = c;
	*p += n;
	return (0);
}

int
utf8_valid(const char *s, size_t len)
{
	const char	*end = s + len;
	uint32_t	 cp;

	while (s < end)
		if (utf8_decode(&s, end, &cp) == -1)
			return (0);
	return (1);
}

/* Code points in a valid NUL-terminated UTF-8 string. */
size_t
utf8_count(const char *s)
{
	size_t	 n;

	for (n = 0; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return (n);
}

/* Characters that change direction or take no space. */
int
cp_is_invisible(uint32_t c)
{
	return ((c >= 0x200B && c <= 0x200F) ||	/* zero width, LRM, RLM */
	    (c >= 0x202A && c <= 0x202E) ||	/* embeddings, overrides */
	    (c >= 0x2060 && c <= 0x2064) ||	/* word joiner, invisibles */
	    (c >= 0x2066 && c <= 0x2069) ||	/* isolates */
	    c == 0x061C || c == 0xFEFF || c == 0x00AD || c == 0x180E ||
	    c == 0x034F || (c >= 0xFFF9 && c <= 0xFFFB));
}

/*
 * Free text a person typed: valid UTF-8 with no control, bidi or invisible
 * characters; newlines and tabs only when multiline. Returns 1 if clean.
 */
int
text_clean(const char *s, int flags)
{
	const char	*end = s + strlen(s);
	uint32_t	 c;

	while (s < end) {
		if (utf8_decode(&s, end, &c) == -1)
			return (0);
		if (c == '\n' || c == '\r' || c == '\t') {
			if (!(flags & TEXT_MULTILINE))
				return (0);
			continue;
		}
		if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
			return (0);
		if (cp_is_invisible(c))
			return (0);
		if (c >= 0xE000 && c <= 0xF8FF)	/* private use */
			return (0);
	}
	return (1);
}
