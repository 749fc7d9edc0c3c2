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

/*
 * Latin-1's letters (U+00C0 to U+00FF) as a plain lower-case letter:
 * "Núñez" and "NUNEZ" are the same words. '*' marks the two signs.
 */
static const char latin1_base[] =
    "aaaaaaaceeeeiiiidnooooo*ouuuuyts"
    "aaaaaaaceeeeiiiidnooooo*ouuuuyty";

/*
 * How c reads inside a word, for matching words however they were typed:
 * 1 and the letter or digit, folded (lower case, no accent where cheap),
 * in *out; 0 a gap between words (spaces, punctuation, symbols, emoji,
 * of any script); -1 nothing at all (a combining accent, so a decomposed
 * "n" and tilde reads as the composed one, or a variation selector).
 * Letters of other scripts are letters, as they are.
 */
int
cp_word(uint32_t c, uint32_t *out)
{
	*out = c;
	if (c < 0x80) {
		if (c >= 'A' && c <= 'Z')
			*out = c - 'A' + 'a';
		return ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z'));
	}
	if ((c >= 0x0300 && c <= 0x036F) || (c >= 0xFE00 && c <= 0xFE0F) ||
	    (c >= 0x200B && c <= 0x200F))
		return (-1);
	if (c < 0xC0 || (c >= 0x2000 && c <= 0x2BFF) ||
	    (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF0F) ||
	    (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
	    (c >= 0xFF5B && c <= 0xFF65) || (c >= 0x1F000 && c <= 0x1FAFF))
		return (0);
	if (c <= 0xFF) {
		if (latin1_base[c - 0xC0] == '*')
			return (0);
		*out = (uint32_t)latin1_base[c - 0xC0];
		return (1);
	}
	/* Fullwidth Latin letters and digits read as ASCII ones. */
	if (c >= 0xFF10 && c <= 0xFF5A)
		return (cp_word(c - 0xFF10 + '0', out));
	if (c >= 0x0391 && c <= 0x03A9)			/* Greek */
		*out = c + 0x20;
	else if (c >= 0x0410 && c <= 0x042F)		/* Cyrillic */
		*out = c + 0x20;
	else if (c >= 0x0400 && c <= 0x040F)
		*out = c + 0x50;
	else if (c >= 0x0100 && c <= 0x017F) {		/* Latin Extended-A */
		/* Pairs, upper first: even upper to 0x137, odd from 0x139
		 * to 0x148, even again from 0x14A; the odd few are kept. */
		if ((c <= 0x137 || (c >= 0x14A && c <= 0x177)) && !(c & 1))
			*out = c + 1;
		else if (c >= 0x139 && c <= 0x148 && (c & 1))
			*out = c + 1;
	}
	return (1);
}

/* c as UTF-8 at out (room for 4): the count of bytes. */
size_t
utf8_encode(uint32_t c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return (1);
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return (2);
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return (3);
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return (4);
}
