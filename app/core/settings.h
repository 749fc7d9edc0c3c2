/*
 * settings.h: instance settings (council name, deadlines, retention).
 */
#ifndef PORTAL_SETTINGS_H
#define PORTAL_SETTINGS_H

#include <stdint.h>

#include "arena.h"
#include "db.h"
#include "form.h"
#include "tmpl.h"

#define SETTINGS_TEXT_MAX	80
#define SETTINGS_LONG_MAX	200

const char	*settings_text(struct db *, struct arena *, const char *,
		    const char *);
int64_t		 settings_int(struct db *, const char *, int64_t);
int		 settings_set(struct db *, const char *, const char *);
void		 settings_at(struct db *, int64_t, int64_t);
void		 settings_done(void);
void		 settings_forget(void);
int		 settings_list(struct db *, const struct form *, struct tval *);
const char	*settings_problem(const char *, const char *);
int		 settings_range(const char *, long long *, long long *);
const char	*settings_list_item(const char **, size_t *);
int		 settings_optional(const char *);
int		 settings_secret(const char *);
size_t		 settings_max(const char *);

#endif
