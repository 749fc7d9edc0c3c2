/*
 * form.c: form decoding and field rules (see form.h).
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "form.h"
#include "utf8.h"

static const struct form_field	*form_find(const struct form *, const char *);

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}

/* Decode s[0..len) into a new arena string; *nul is set if it held %00. */
static char *
decode(struct arena *a, const char *s, size_t len, size_t *outlen, int *nul)
{
	char	*out;
	size_t	 i, o;
	int	 hi, lo;

	out = arena_alloc(a, len + 1);
	*nul = 0;
	for (i = 0, o = 0; i < len; i++) {
		if (s[i] == '+') {
			out[o++] = ' ';
		} else if (s[i] == '%' && i + 2 < len &&
		    (hi = hexval(s[i + 1])) != -1 &&
		    (lo = hexval(s[i + 2])) != -1) {
			out[o] = (char)(hi * 16 + lo);
			if (out[o] == '\0')
				*nul = 1;
			o++;
			i += 2;
		} else {
			if (s[i] == '\0')
				*nul = 1;
			out[o++] = s[i];
		}
	}
	out[o] = '\0';
	*outlen = o;
	return (out);
}

/*
 * A NUL byte in a value becomes SUB (0x1A), a control character: the
 * words around it stay one string, so they can be shown back, and kept
 * when they worry us (form_keep() makes it a space), while form_text()
 * refuses it as it does any control character.
 */
static void
substitute_nul(const char *value, size_t len)
{
	char	*p = (char *)value;
	size_t	 i;

	for (i = 0; i < len; i++)
		if (p[i] == '\0')
			p[i] = 0x1A;
}

/*
 * Parse "a=1&b=two" into f. A name seen twice keeps its first value.
 * Returns -1 when there are too many fields.
 */
int
form_parse(struct arena *a, const char *s, size_t len, struct form *f)
{
	const char	*end, *amp, *eq;
	char		*name;
	size_t		 nlen, vlen;
	int		 nul;

	f->fields = arena_alloc(a, FORM_FIELDS_MAX * sizeof(*f->fields));
	f->n = 0;
	end = s + len;
	while (s < end) {
		amp = memchr(s, '&', (size_t)(end - s));
		if (amp == NULL)
			amp = end;
		eq = memchr(s, '=', (size_t)(amp - s));
		if (eq == NULL)
			eq = amp;
		if (eq > s) {
			if (f->n == FORM_FIELDS_MAX)
				return (-1);
			name = decode(a, s, (size_t)(eq - s), &nlen, &nul);
			if (!nul && form_find(f, name) == NULL) {
				f->fields[f->n].name = name;
				f->fields[f->n].value = decode(a, eq < amp ?
				    eq + 1 : amp, eq < amp ?
				    (size_t)(amp - eq - 1) : 0, &vlen, &nul);
				f->fields[f->n].len = vlen;
				if (nul)
					substitute_nul(f->fields[f->n].value,
					    vlen);
				f->n++;
			}
		}
		s = amp + 1;
	}
	return (0);
}

static const struct form_field *
form_find(const struct form *f, const char *name)
{
	size_t	 i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			return (&f->fields[i]);
	return (NULL);
}

/* The decoded value of name, or NULL if absent. */
const char *
form_raw(const struct form *f, const char *name)
{
	const struct form_field	*ff;

	ff = form_find(f, name);
	return (ff != NULL ? ff->value : NULL);
}

/* Present with a usable value: form_has() true means form_raw() is not NULL. */
int
form_has(const struct form *f, const char *name)
{
	return (form_raw(f, name) != NULL);
}

/* 1 when name is absent or empty. */
int
form_empty(const struct form *f, const char *name)
{
	const char	*v;

	return ((v = form_raw(f, name)) == NULL || *v == '\0');
}

void
form_errors_init(struct form_errors *e, struct arena *a)
{
	memset(e, 0, sizeof(*e));
	e->arena = a;
}

/* Record the first problem with field (later ones for it are dropped). */
void
form_error(struct form_errors *e, const char *field, const char *message)
{
	struct form_error	*fe;

	if (form_error_for(e, field) != NULL)
		return;
	fe = arena_alloc(e->arena, sizeof(*fe));
	/* A copy: callers may name a field from a buffer on their stack. */
	fe->field = arena_strdup(e->arena, field);
	fe->message = message;
	if (e->tail == NULL)
		e->head = fe;
	else
		e->tail->next = fe;
	e->tail = fe;
	e->n++;
}

const char *
form_error_for(const struct form_errors *e, const char *field)
{
	const struct form_error	*fe;

	for (fe = e->head; fe != NULL; fe = fe->next)
		if (strcmp(fe->field, field) == 0)
			return (fe->message);
	return (NULL);
}

/*
 * A text field, trimmed of surrounding white space. Required fields that
 * are empty get `missing` as their error. Returns the text ("" when
 * optional and empty), or NULL after recording an error.
 */
const char *
form_text(const struct form *f, const char *name, size_t maxchars,
    int multiline, int required, struct form_errors *e, const char *missing)
{
	const char	*v, *end;
	size_t		 len;

	if ((v = form_raw(f, name)) == NULL) {
		if (required)
			form_error(e, name, missing);
		return (required ? NULL : "");
	}
	while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
		v++;
	len = strlen(v);
	end = v + len;
	while (end > v && (end[-1] == ' ' || end[-1] == '\t' ||
	    end[-1] == '\r' || end[-1] == '\n'))
		end--;
	v = arena_strndup(e->arena, v, (size_t)(end - v));
	if (*v == '\0') {
		if (required)
			form_error(e, name, missing);
		return (required ? NULL : "");
	}
	if (!text_clean(v, multiline ? TEXT_MULTILINE : 0)) {
		form_error(e, name, multiline ?
		    "This has hidden or control characters in it. Please "
		    "type it again." :
		    "This has hidden characters or line breaks in it. Please "
		    "type it again on one line.");
		return (NULL);
	}
	if (utf8_count(v) > maxchars) {
		form_error(e, name, arena_printf(e->arena, "This must be %zu "
		    "characters or fewer. It is %zu: please cut about %zu. "
		    "Your words are still here.", maxchars, utf8_count(v),
		    utf8_count(v) - maxchars));
		return (NULL);
	}
	return (v);
}

/*
 * One of a fixed set of values. Returns its index, or -1 after recording
 * `missing` as the error.
 */
int
form_choice(const struct form *f, const char *name, const char *const *opts,
    struct form_errors *e, const char *missing)
{
	const char	*v;
	int		 i;

	if ((v = form_raw(f, name)) != NULL)
		for (i = 0; opts[i] != NULL; i++)
			if (strcmp(opts[i], v) == 0)
				return (i);
	form_error(e, name, missing);
	return (-1);
}

/* A positive row id. 0 if present and valid. */
int
form_id(const struct form *f, const char *name, int64_t *out)
{
	const char	*v;
	char		*end;
	long long	 n;

	if ((v = form_raw(f, name)) == NULL || *v < '1' || *v > '9' ||
	    strlen(v) > 18)
		return (-1);
	n = strtoll(v, &end, 10);
	if (*end != '\0' || n <= 0)
		return (-1);
	*out = n;
	return (0);
}

/* s encoded for a query string value. */
const char *
form_urlencode(struct arena *a, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	char			*out, *o;
	unsigned char		 c;

	out = arena_alloc(a, strlen(s) * 3 + 1);
	for (o = out; (c = (unsigned char)*s) != '\0'; s++) {
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		    c == '.' || c == '~') {
			*o++ = (char)c;
		} else {
			*o++ = '%';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		}
	}
	*o = '\0';
	return (out);
}

/*
 * Words that must be kept even though they broke a form's rules (a
 * worrying message), as they can be stored and shown: trimmed, bytes
 * that are not UTF-8 become U+FFFD and control characters a space;
 * nothing else changes, so the safeguarding check reads what the sender
 * wrote.
 */
const char *
form_keep(struct arena *a, const char *s)
{
	struct buf	 b;
	const char	*p, *end, *at;
	const char	*out;
	uint32_t	 c;

	if (s == NULL)
		return ("");
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' ||
	    end[-1] == '\r' || end[-1] == '\n'))
		end--;
	buf_init(&b, (size_t)(end - s) + 1);
	for (p = s; p < end;) {
		at = p;
		if (utf8_decode(&p, end, &c) == -1) {
			buf_puts(&b, "\xEF\xBF\xBD");
			p = at + 1;
		} else if ((c < 0x20 && c != '\n' && c != '\r' &&
		    c != '\t') || (c >= 0x7F && c <= 0x9F))
			buf_putc(&b, ' ');
		else
			buf_append(&b, at, (size_t)(p - at));
	}
	out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return (out);
}
