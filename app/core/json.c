/*
 * json.c: JSON string escaping and a few key/value helpers (see json.h).
 * The caller writes braces and brackets; `first` says whether a comma
 * goes before the pair.
 */
#include "json.h"

void
json_str(struct buf *out, const char *s)
{
	const unsigned char	*p;

	buf_putc(out, '"');
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			buf_puts(out, "\\\"");
			break;
		case '\\':
			buf_puts(out, "\\\\");
			break;
		case '\n':
			buf_puts(out, "\\n");
			break;
		case '\r':
			buf_puts(out, "\\r");
			break;
		case '\t':
			buf_puts(out, "\\t");
			break;
		case '<':
			/* Safe even if pasted into a page. */
			buf_puts(out, "\\u003c");
			break;
		default:
			if (*p < 0x20)
				buf_appendf(out, "\\u%04x", *p);
			else
				buf_putc(out, (char)*p);
		}
	}
	buf_putc(out, '"');
}

void
json_key(struct buf *out, const char *key, int first)
{
	if (!first)
		buf_putc(out, ',');
	json_str(out, key);
	buf_putc(out, ':');
}

void
json_kv_str(struct buf *out, const char *key, const char *value, int first)
{
	json_key(out, key, first);
	json_str(out, value ? value : "");
}

void
json_kv_int(struct buf *out, const char *key, int64_t value, int first)
{
	json_key(out, key, first);
	buf_appendf(out, "%lld", (long long)value);
}
