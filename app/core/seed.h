/*
 * seed.h: the demo council that `make run` shows. Only ever written into a
 * database with no accounts, and marked as a demo (settings.demo = 1) so
 * its well-known passwords can never end up in a real instance.
 */
#ifndef PORTAL_SEED_H
#define PORTAL_SEED_H

#include <stdint.h>
#include <stdio.h>

#include "db.h"

struct demo_login {
	const char	*role;
	const char	*name;
	const char	*password;
};

int	seed_demo(struct db *, char *, size_t);
int	seed_is_demo(struct db *);
const struct demo_login *seed_demo_logins(size_t *);
int	seed_views(struct db *, int64_t, char *, size_t);
int	seed_pledge(struct db *, int64_t, char *, size_t);
int	seed_meetings(struct db *, int64_t, char *, size_t);
int	seed_board(struct db *, int64_t, char *, size_t);
int	seed_answerback(struct db *, int64_t, char *, size_t);
int	seed_consult(struct db *, int64_t, char *, size_t);
int	seed_actions(struct db *, int64_t, char *, size_t);
int64_t	seed_due(struct db *, int64_t);

#endif
