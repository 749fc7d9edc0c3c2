/*
 * tmpl.h: the page template engine.
 *
 * Mustache for the subset the portal uses: {{name}} (HTML-escaped),
 * {{{name}}} and {{&name}} (raw), sections, inverted sections, comments,
 * partials and dotted names, with the specification's standalone-line
 * rules. Templates are parsed once at start; parse errors and missing
 * partials are reported then, with file and line, never while serving.
 *
 * Values handed to a template live in an arena (see arena.h): strings are
 * copied in, so a caller may pass a SQLite column that is about to change.
 * Map keys are not copied: pass literals or arena strings.
 *
 * This is the one place where HTML escaping happens.
 */
#ifndef PORTAL_TMPL_H
#define PORTAL_TMPL_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"

struct tval;
struct tmpl_set;

/* Values. */
struct tval	*tv_map(struct arena *);
struct tval	*tv_list(struct arena *);
struct tval	*tv_str(struct arena *, const char *);
struct tval	*tv_strn(struct arena *, const char *, size_t);
struct tval	*tv_bool(struct arena *, int);
void		 tv_set(struct tval *, const char *, struct tval *);
void		 tv_set_str(struct tval *, const char *, const char *);
void		 tv_set_int(struct tval *, const char *, int64_t);
void		 tv_set_bool(struct tval *, const char *, int);
struct tval	*tv_set_map(struct tval *, const char *);
struct tval	*tv_set_list(struct tval *, const char *);
void		 tv_push(struct tval *, struct tval *);
struct tval	*tv_push_map(struct tval *);
size_t		 tv_count(const struct tval *);
struct arena	*tv_arena(struct tval *);
const struct tval *tv_get(const struct tval *, const char *);
const char	*tv_get_str(const struct tval *, const char *);
int		 tv_truthy_key(const struct tval *, const char *);
const struct tval *tv_first(const struct tval *);
const struct tval *tv_next(const struct tval *);

/* Templates. */
struct tmpl_set	*tmpl_set_new(void);
void		 tmpl_set_free(struct tmpl_set *);
int		 tmpl_set_add(struct tmpl_set *, const char *, const char *,
		    size_t, char *, size_t);
int		 tmpl_set_load_dir(struct tmpl_set *, const char *, char *,
		    size_t);
int		 tmpl_set_check(const struct tmpl_set *, char *, size_t);
int		 tmpl_exists(const struct tmpl_set *, const char *);
int		 tmpl_render(const struct tmpl_set *, const char *,
		    const struct tval *, struct buf *);

void		 html_escape(struct buf *, const char *, size_t);
void		 tv_json(const struct tval *, struct buf *);

#endif
