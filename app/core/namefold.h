/*
 * namefold.h: folding names for comparison (see namefold.c).
 */
#ifndef PORTAL_NAMEFOLD_H
#define PORTAL_NAMEFOLD_H

#include <stddef.h>

int	name_fold_key(const char *, char *, size_t);
int	name_skeleton(const char *, char *, size_t);
int	name_tables_ok(void);

#endif
