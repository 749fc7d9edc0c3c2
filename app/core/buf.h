/*
 * buf.h: a growable byte buffer.
 *
 * Used for rendered pages, CSV and anything else built up in pieces.
 * Allocation failure is fatal (abort), as in Kore: a half-built page is
 * never better than a restarted worker.
 */
#ifndef PORTAL_BUF_H
#define PORTAL_BUF_H

#include <stddef.h>

struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	 buf_init(struct buf *, size_t);
void	 buf_free(struct buf *);
void	 buf_reset(struct buf *);
void	 buf_append(struct buf *, const void *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_putc(struct buf *, char);
void	 buf_appendf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
const char	*buf_cstr(struct buf *);

#endif
