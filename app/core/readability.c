/*
 * readability.c: see readability.h. ASCII letters are what is counted;
 * any other byte (UTF-8 included) ends a word, except an apostrophe
 * inside one ("don't" is one word).
 */
#include <string.h>

#include "readability.h"

static int
is_letter(int c)
{
	return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

static int
is_digit(int c)
{
	return (c >= '0' && c <= '9');
}

static int
is_vowel(int c)
{
	if (c >= 'A' && c <= 'Z')
		c = c - 'A' + 'a';
	return (strchr("aeiouy", c) != NULL && c != '\0');
}

static int
lower(int c)
{
	return (c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

/*
 * Syllables in the word w[0..len): each group of vowels (a e i o u y) is
 * one, less a final silent "e" ("make", but not "table" or "be"), less
 * "ed" after anything but t or d ("asked", but not "wanted"); at least
 * one. A number is one.
 */
int
read_syllables(const char *w, size_t len)
{
	size_t	 i;
	int	 n, in;

	while (len > 0 && !is_letter((unsigned char)w[len - 1]))
		len--;
	for (n = 0, in = 0, i = 0; i < len; i++) {
		if (is_vowel((unsigned char)w[i])) {
			if (!in)
				n++;
			in = 1;
		} else
			in = 0;
	}
	if (len >= 3 && lower(w[len - 1]) == 'e' &&
	    !is_vowel((unsigned char)w[len - 2]) && n > 1 &&
	    !(lower(w[len - 2]) == 'l' && !is_vowel((unsigned char)w[len - 3])))
		n--;
	else if (len >= 4 && lower(w[len - 1]) == 'd' &&
	    lower(w[len - 2]) == 'e' && n > 1 &&
	    lower(w[len - 3]) != 't' && lower(w[len - 3]) != 'd' &&
	    !is_vowel((unsigned char)w[len - 3]))
		n--;
	return (n < 1 ? 1 : n);
}

/* Length of the word at s (letters, digits, inner apostrophes), or 0. */
static size_t
word_len(const char *s, int *letters)
{
	size_t	 n;

	*letters = 0;
	for (n = 0; is_letter((unsigned char)s[n]) ||
	    is_digit((unsigned char)s[n]) || (s[n] == '\'' && n > 0 &&
	    is_letter((unsigned char)s[n + 1])); n++)
		*letters += is_letter((unsigned char)s[n]);
	return (n);
}

/*
 * Words, sentences (a run of . ! ? after a word ends one; text that
 * does not end with one is one more) and syllables of text.
 */
void
read_measure(const char *text, struct readability *r)
{
	const char	*s;
	size_t		 n;
	int		 letters, open;
	double		 g;

	memset(r, 0, sizeof(*r));
	open = 0;
	for (s = text; *s != '\0';) {
		if ((n = word_len(s, &letters)) > 0) {
			r->words++;
			r->syllables += read_syllables(s, n);
			open = 1;
			s += n;
			continue;
		}
		if ((*s == '.' || *s == '!' || *s == '?') && open) {
			r->sentences++;
			open = 0;
		}
		s++;
	}
	r->sentences += open;
	if (r->words == 0)
		return;
	g = 0.39 * r->words / r->sentences +
	    11.8 * r->syllables / r->words - 15.59;
	r->grade = g;
	r->age = g < 0 ? 5 : (int)(g + 5.5);
}

/*
 * Words of two or more letters, and "a" and "I": "." and "x y z" have
 * none.
 */
int
read_real_words(const char *text)
{
	const char	*s;
	size_t		 n;
	int		 letters, count;

	count = 0;
	for (s = text; *s != '\0';) {
		if ((n = word_len(s, &letters)) > 0) {
			if (letters >= 2 || (n == 1 && (*s == 'a' ||
			    *s == 'A' || *s == 'I')))
				count++;
			s += n;
			continue;
		}
		s++;
	}
	return (count);
}
