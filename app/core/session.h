/*
 * session.h: signed-in sessions. The browser holds 32 random bytes; the
 * database holds only their hash, so a copied database signs nobody in.
 */
#ifndef PORTAL_SESSION_H
#define PORTAL_SESSION_H

#include <stdint.h>

#include "auth.h"
#include "db.h"
#include "tmpl.h"
#include "users.h"

struct session {
	int64_t		 id;
	int64_t		 user_id;
	char		 name[DISPLAY_NAME_MAX * 4 + 1];
	enum role	 role;
	char		 csrf[AUTH_TOKEN_LEN];
};

/* How long sessions last, from settings. */
struct session_limits {
	int64_t		 idle_staff;	/* seconds */
	int64_t		 idle_young;
	int64_t		 absolute;
};

void	session_limits_load(struct db *, struct session_limits *);
int	session_create(struct db *, int64_t, int64_t, const char *,
	    const char *, char *, int64_t *);
int	session_find(struct db *, const char *, int64_t,
	    const struct session_limits *, struct session *);
int	session_find_at(struct db *, const char *, int64_t,
	    const struct session_limits *, int64_t, struct session *);
int	session_form_owner(struct db *, const char *, int64_t *);
int	session_end(struct db *, int64_t);
int	session_sign_out(struct db *, int64_t);
int	session_end_user(struct db *, int64_t, int64_t);
int	session_list(struct db *, int64_t, int64_t, struct tval *);

#define KNOWN_DEVICE_DAYS	365
int	session_device_known(struct db *, const char *, int64_t, int64_t);
int	session_device_note(struct db *, const char *, int64_t, int64_t);

#endif
