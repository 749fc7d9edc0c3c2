/*
 * sendmore.c: an answer leaves in one piece.
 *
 * Kore sends a queued answer at most 8 KiB per send(), and each send()
 * pushes its bytes out at once: for a 17 KB page over loopback, three
 * packets delivered and the reader woken three times, which was half of
 * a kept page's cost (perf). Saying there is more to come (MSG_MORE)
 * while more of what is queued is still to be sent lets the kernel push
 * once, with the last piece. Only plain connections: behind TLS, Kore
 * writes through OpenSSL.
 */
#include <sys/socket.h>

#include <errno.h>

#include "app.h"

/*
 * Whether bytes queued after nb's are still to be sent. Only then: data
 * held back for more that never comes would wait for the next ACK.
 */
static int
more_after(struct netbuf *nb)
{
	while ((nb = TAILQ_NEXT(nb, list)) != NULL)
		if (nb->s_off < nb->b_len || (nb->flags & NETBUF_IS_FILEREF))
			return (1);
	return (0);
}

/* Kore's net_write(), but saying when more follows. */
static int
write_more(struct connection *c, size_t len, size_t *written)
{
	struct netbuf	*nb = c->snb;
	ssize_t		 r;
	int		 flags;

	flags = nb->s_off + len < nb->b_len || more_after(nb) ? MSG_MORE : 0;
	if ((r = send(c->fd, nb->buf + nb->s_off, len, flags)) != -1) {
		*written = (size_t)r;
		return (KORE_RESULT_OK);
	}
	switch (errno) {
	case EINTR:
		*written = 0;
		return (KORE_RESULT_OK);
	case EAGAIN:
		c->evt.flags &= ~KORE_EVENT_WRITE;
		return (KORE_RESULT_OK);
	default:
		return (KORE_RESULT_ERROR);
	}
}

/* Send this request's connection's answers with write_more(). */
void
sendmore_use(struct http_request *req)
{
	if (req->owner->write == net_write)
		req->owner->write = write_more;
}
