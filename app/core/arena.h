/*
 * arena.h: a bump allocator that owns everything one request (or one CLI
 * command) allocates for its pages: template values, copied strings,
 * formatted numbers. Freed all at once, so handlers never free piecemeal.
 */
#ifndef PORTAL_ARENA_H
#define PORTAL_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk	*head;
};

void	 arena_init(struct arena *);
void	 arena_free(struct arena *);
void	*arena_alloc(struct arena *, size_t);
char	*arena_strdup(struct arena *, const char *);
char	*arena_strndup(struct arena *, const char *, size_t);
char	*arena_printf(struct arena *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
