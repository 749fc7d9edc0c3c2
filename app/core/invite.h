/*
 * invite.h: one-time invite and password-reset codes. The code is shown
 * once to the person who made it; only its hash is stored.
 */
#ifndef PORTAL_INVITE_H
#define PORTAL_INVITE_H

#include <stdint.h>

#include "audit.h"
#include "auth.h"
#include "db.h"
#include "users.h"

enum invite_state {
	INVITE_OK,
	INVITE_UNKNOWN,
	INVITE_USED,
	INVITE_EXPIRED,
};

struct invite {
	int64_t		 id;
	int		 reset;		/* a password reset, not an invite */
	enum role	 role;
	int64_t		 user_id;	/* reset: whose password */
	int64_t		 expires_at;
	int64_t		 used_at;
};

int		 invite_create(struct db *, const struct actor *, enum role,
		    int64_t, int64_t, int64_t, char *, int64_t *);
enum invite_state invite_find(struct db *, const char *, int64_t,
		    struct invite *);
int		 invite_use(struct db *, int64_t, int64_t, int64_t);
const char	*invite_problem(enum invite_state);

#endif
