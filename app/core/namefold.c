/*
 * namefold.c: the two ways a name is folded before it is compared.
 *
 * name_fold_key() is the identity of a name: two spellings with the same
 * key are the same name, for sign-in, for uniqueness and for counting
 * failed sign-ins. It folds what a person would not see: case, every kind
 * of white space, hidden characters and full-width letters.
 *
 * name_skeleton() is what a name looks like: accents, letters from other
 * scripts that look Latin and digits that look like letters all become
 * plain a-z, so "Cłlr", "Pȧrticipation Wörker" or a Cyrillic "Аdmin"
 * read as what they pretend to be. It is only ever compared with the
 * skeleton of a word, never stored.
 *
 * Not for: checking whether a name is allowed (users.c).
 */
#include <string.h>

#include "namefold.h"
#include "utf8.h"

/* Base letters of U+00C0..U+024F, one byte each; '*' is not a letter. */
static const char latin_base[] =
	/* U+00C0 Latin-1 */
	"AAAAAAACEEEEIIIIDNOOOOO*OUUUUYTs"
	"aaaaaaaceeeeiiiidnooooo*ouuuuyty"
	/* U+0100 Latin Extended-A */
	"AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGg"
	"GgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlL"
	"lLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSs"
	"SsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs"
	/* U+0180 Latin Extended-B */
	"bBBbbbOCcDDDddEEEFfGGhIIKkllMNnO"
	"OoOoPpRSsSstTtTUuUVYyZzZZzz255tw"
	"ll*!DDdLLlNNnAaIiOoUuUuUuUuUueAa"
	"AaAaGgGgKkOoOoZzjDDdGgHWNnAaAaOo"
	"AaAaEeEeIiIiOoOoRrRrUuUuSsTtYyHh"
	"NdOoZzAaEeOoOoOoOoYylntjdqACcLTs"
	"z**BUVEeJjQqRrYy";

/* Base letters of U+1E00..U+1EFF (Latin Extended Additional). */
static const char latin_add_base[] =
	"AaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFf"
	"GgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMm"
	"MmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRr"
	"SsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVv"
	"WwWwWwWwWwXxXxYyZzZzZzhtwyassSsd"
	"AaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEe"
	"EeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOo"
	"OoOoUuUuUuUuUuUuUuYyYyYyYyLlVvYy";

/* Cyrillic and Greek letters that look like Latin ones. */
static const struct {
	uint32_t	 cp;
	char		 c;
} lookalikes[] = {
	{ 0x0391, 'a' }, { 0x0392, 'b' }, { 0x0395, 'e' }, { 0x0396, 'z' },
	{ 0x0397, 'h' }, { 0x0399, 'i' }, { 0x039A, 'k' }, { 0x039C, 'm' },
	{ 0x039D, 'n' }, { 0x039F, 'o' }, { 0x03A1, 'p' }, { 0x03A4, 't' },
	{ 0x03A5, 'y' }, { 0x03A7, 'x' }, { 0x03B1, 'a' }, { 0x03B5, 'e' },
	{ 0x03B9, 'i' }, { 0x03BA, 'k' }, { 0x03BD, 'v' }, { 0x03BF, 'o' },
	{ 0x03C1, 'p' }, { 0x03C4, 't' }, { 0x03C5, 'u' }, { 0x03C7, 'x' },
	{ 0x03C9, 'w' },
	{ 0x0400, 'e' }, { 0x0401, 'e' }, { 0x0405, 's' }, { 0x0406, 'i' },
	{ 0x0407, 'i' }, { 0x0408, 'j' }, { 0x0410, 'a' }, { 0x0412, 'b' },
	{ 0x0415, 'e' }, { 0x041A, 'k' }, { 0x041C, 'm' }, { 0x041D, 'h' },
	{ 0x041E, 'o' }, { 0x0420, 'p' }, { 0x0421, 'c' }, { 0x0422, 't' },
	{ 0x0423, 'y' }, { 0x0425, 'x' }, { 0x0430, 'a' }, { 0x0432, 'b' },
	{ 0x0433, 'r' }, { 0x0435, 'e' }, { 0x043A, 'k' }, { 0x043C, 'm' },
	{ 0x043D, 'h' }, { 0x043E, 'o' }, { 0x043F, 'n' }, { 0x0440, 'p' },
	{ 0x0441, 'c' }, { 0x0442, 't' }, { 0x0443, 'y' }, { 0x0445, 'x' },
	{ 0x0448, 'w' }, { 0x0450, 'e' }, { 0x0451, 'e' }, { 0x0455, 's' },
	{ 0x0456, 'i' }, { 0x0457, 'i' }, { 0x0458, 'j' }, { 0x04BB, 'h' },
	{ 0x04C0, 'l' }, { 0x04CF, 'l' }, { 0x0501, 'd' }, { 0x051B, 'q' },
	{ 0x051D, 'w' },
};

/* Digits and signs read as letters, on both sides of a comparison. */
static const char confusable_from[] = "01!|i345789$@";
static const char confusable_to[] =   "olllleastbgsa";

static int
is_space(uint32_t c)
{
	return (c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 ||
	    c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
	    c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
	    c == 0x3000);
}

/* Simple lower case for the scripts a name here may use. */
static uint32_t
lower(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return (c + 32);
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return (c + 32);
	if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
		return (c | 1);
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
		return ((c & 1) ? c + 1 : c);
	if (c == 0x178)
		return (0xFF);
	if ((c >= 0x1E00 && c <= 0x1E95) || (c >= 0x1EA0 && c <= 0x1EFF))
		return (c | 1);
	if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
		return (c + 32);
	if (c >= 0x410 && c <= 0x42F)
		return (c + 32);
	if (c >= 0x400 && c <= 0x40F)
		return (c + 80);
	return (c);
}

static int
put_cp(char *out, size_t outlen, size_t *o, uint32_t c)
{
	unsigned char	 b[4];
	size_t		 n, i;

	if (c < 0x80) {
		b[0] = (unsigned char)c;
		n = 1;
	} else if (c < 0x800) {
		b[0] = (unsigned char)(0xC0 | (c >> 6));
		b[1] = (unsigned char)(0x80 | (c & 0x3F));
		n = 2;
	} else if (c < 0x10000) {
		b[0] = (unsigned char)(0xE0 | (c >> 12));
		b[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
		b[2] = (unsigned char)(0x80 | (c & 0x3F));
		n = 3;
	} else {
		b[0] = (unsigned char)(0xF0 | (c >> 18));
		b[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
		b[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
		b[3] = (unsigned char)(0x80 | (c & 0x3F));
		n = 4;
	}
	if (*o + n >= outlen)
		return (-1);
	for (i = 0; i < n; i++)
		out[(*o)++] = (char)b[i];
	return (0);
}

/*
 * Walk name, folding each code point with fold() (0: drop it, ' ': a
 * space). Spaces are squeezed to one and trimmed. A byte that is not
 * UTF-8 stands for itself (U+DC00 + byte), so any input has one key.
 */
static int
walk(const char *name, char *out, size_t outlen, uint32_t (*fold)(uint32_t))
{
	const char	*p, *end;
	uint32_t	 c;
	size_t		 o;
	int		 space;

	if (outlen == 0)
		return (-1);
	end = name + strlen(name);
	for (p = name, o = 0, space = 0; p < end;) {
		if (utf8_decode(&p, end, &c) == -1)
			c = 0xDC00 + (unsigned char)*p++;
		else
			c = fold(c);
		if (c == 0)
			continue;
		if (c == ' ') {
			space = o > 0;
			continue;
		}
		if (space && put_cp(out, outlen, &o, ' ') == -1)
			return (-1);
		space = 0;
		if (put_cp(out, outlen, &o, c) == -1)
			return (-1);
	}
	out[o] = '\0';
	return (0);
}

static uint32_t
fold_key(uint32_t c)
{
	if (is_space(c))
		return (' ');
	if (cp_is_invisible(c) || c < 0x20 || (c >= 0x7F && c < 0xA0))
		return (0);
	if (c >= 0xFF01 && c <= 0xFF5E)		/* full-width ASCII */
		c -= 0xFEE0;
	if (c == 0x2019 || c == 0x2018)
		c = '\'';
	return (lower(c));
}

static uint32_t
fold_look(uint32_t c)
{
	const char	*p;
	size_t		 i;

	if ((c = fold_key(c)) == 0 || c == ' ')
		return (c);
	if (c >= 0x300 && c <= 0x36F)		/* combining accents */
		return (0);
	if (c >= 0xC0 && c <= 0x24F)
		c = (unsigned char)latin_base[c - 0xC0];
	else if (c >= 0x1E00 && c <= 0x1EFF)
		c = (unsigned char)latin_add_base[c - 0x1E00];
	else
		for (i = 0; i < sizeof(lookalikes) / sizeof(lookalikes[0]);
		    i++)
			if (lookalikes[i].cp == c) {
				c = (unsigned char)lookalikes[i].c;
				break;
			}
	if (c >= 0x80)
		return ('*');
	c = lower(c);
	if (c != 0 && (p = strchr(confusable_from, (int)c)) != NULL)
		c = (unsigned char)confusable_to[p - confusable_from];
	return (c);
}

int
name_fold_key(const char *name, char *out, size_t outlen)
{
	return (walk(name, out, outlen, fold_key));
}

int
name_skeleton(const char *name, char *out, size_t outlen)
{
	char	*p;

	if (walk(name, out, outlen, fold_look) == -1)
		return (-1);
	/* Pairs that look like one letter: "rn" as m, "vv" as w. */
	for (p = out; (p = strstr(p, "rn")) != NULL;) {
		*p = 'm';
		memmove(p + 1, p + 2, strlen(p + 2) + 1);
	}
	for (p = out; (p = strstr(p, "vv")) != NULL;) {
		*p = 'w';
		memmove(p + 1, p + 2, strlen(p + 2) + 1);
	}
	return (0);
}

/* For the tests: the tables must cover their ranges exactly. */
int
name_tables_ok(void)
{
	return (sizeof(latin_base) - 1 == 0x250 - 0xC0 &&
	    sizeof(latin_add_base) - 1 == 0x100 &&
	    sizeof(confusable_from) == sizeof(confusable_to));
}
