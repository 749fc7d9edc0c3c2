/*
 * users.h: accounts: roles, display-name rules, creating and finding
 * people. Authorisation questions ("may this person...") live with the
 * area that owns the object.
 */
#ifndef PORTAL_USERS_H
#define PORTAL_USERS_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "db.h"
#include "tmpl.h"

#define DISPLAY_NAME_MIN	2
#define DISPLAY_NAME_MAX	40
#define NAME_KEY_MAX	(DISPLAY_NAME_MAX * 4 + 1)

enum role {
	ROLE_NONE = 0,
	ROLE_YOUNG,
	ROLE_WORKER,
	ROLE_COUNCILLOR,
	ROLE_ADMIN,
};

struct user {
	int64_t		 id;
	char		 name[DISPLAY_NAME_MAX * 4 + 1];
	enum role	 role;
	char		 age_band[16];
	int		 lives_outside;
	int		 disabled;
};

enum role	 role_parse(const char *);
const char	*role_key(enum role);
const char	*role_label(enum role);
extern const char *const age_band_keys[];
extern const char *const area_keys[];

int		 age_band_valid(const char *);
const char	*age_band_label(const char *);

int		 user_name_key(const char *, char *, size_t);
const char	*user_name_problem(const char *, enum role);
const char	*user_signin_problem(const char *, const char *);

int		 user_set_details(struct db *, int64_t, const char *, int);
int		 user_create(struct db *, const char *, enum role, const char *,
		    const char *, int, int64_t *, const char **);
int		 user_by_id(struct db *, int64_t, struct user *);
int		 user_by_name(struct db *, const char *, struct user *,
		    char *, size_t);
int		 user_create_signin(struct db *, const char *, const char *,
		    enum role, const char *, const char *, int, int64_t *,
		    const char **);
int		 user_by_signin(struct db *, const char *, struct user *,
		    char *, size_t);
int		 user_signin_name(struct db *, int64_t, char *, size_t);
int		 user_set_signin(struct db *, int64_t, const char *,
		    const char **);
int		 user_rekey(struct db *);

int		 user_password_hash(struct db *, int64_t, char *, size_t);
int		 user_set_password(struct db *, int64_t, const char *);
int		 user_set_name(struct db *, int64_t, const char *,
		    const char **);
int		 user_set_disabled(struct db *, int64_t, int, int64_t);
int		 user_list(struct db *, enum role, struct tval *);
int		 accounts_may_manage(enum role, int64_t, const struct user *);
int		 accounts_may_invite(enum role, enum role);

#endif
