/*
 * form.h: decode application/x-www-form-urlencoded bodies and query
 * strings, and collect per-field errors to show on the same form.
 *
 * Kore's own decoder refuses any field holding a control byte, which
 * would silently drop every textarea with a newline in it, so forms are
 * decoded here. Fields nobody asks for are never read: a handler takes
 * only the names it knows, so extra fields (role=admin) change nothing.
 */
#ifndef PORTAL_FORM_H
#define PORTAL_FORM_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

#define FORM_FIELDS_MAX	256

struct form_field {
	const char	*name;
	const char	*value;	/* a NUL byte in it is SUB (0x1A) */
	size_t		 len;
};

struct form {
	struct form_field	*fields;
	size_t			 n;
};

struct form_error {
	const char		*field;
	const char		*message;
	struct form_error	*next;
};

struct form_errors {
	struct arena		*arena;
	struct form_error	*head;
	struct form_error	*tail;
	size_t			 n;
};

int		 form_parse(struct arena *, const char *, size_t,
		    struct form *);
const char	*form_raw(const struct form *, const char *);
int		 form_has(const struct form *, const char *);
int		 form_empty(const struct form *, const char *);

void		 form_errors_init(struct form_errors *, struct arena *);
void		 form_error(struct form_errors *, const char *, const char *);
const char	*form_error_for(const struct form_errors *, const char *);

const char	*form_text(const struct form *, const char *, size_t, int,
		    int, struct form_errors *, const char *);
int		 form_choice(const struct form *, const char *,
		    const char *const *, struct form_errors *, const char *);
int		 form_id(const struct form *, const char *, int64_t *);
const char	*form_urlencode(struct arena *, const char *);
const char	*form_keep(struct arena *, const char *);

#endif
