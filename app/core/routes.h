/*
 * routes.h: the right door for a young person's own situation. The CiCC
 * answers what affects many; a view about one child's own case is passed
 * on to their social worker, their Independent Reviewing Officer, an
 * advocate or the complaints team. Each door's contact details are
 * settings (route_<door>_name, _phone, _email) that admins keep; a
 * redirect records which door, the details as they were, and who passed
 * it on, and the young person sees how to reach that door.
 */
#ifndef PORTAL_ROUTES_H
#define PORTAL_ROUTES_H

#include <stdint.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "form.h"
#include "tmpl.h"

#define ROUTES_N	4
#define ROUTE_FIELD_MAX	80

extern const char *const routes_keys[ROUTES_N + 1];

int		 routes_index(const char *);
const char	*routes_problem(const char *, const char *);
int		 routes_form(struct db *, const struct form *,
		    const struct form_errors *, struct tval *);
int		 routes_check(const struct form *, struct form_errors *);
int		 routes_save(struct db *, const struct actor *,
		    const struct form *);
int		 routes_record(struct db *, const struct actor *, int64_t,
		    const char *, int64_t);
int		 routes_show(struct db *, int64_t, struct tval *);
const char	*routes_tel(struct arena *, const char *);

#endif
