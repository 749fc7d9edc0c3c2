/*
 * conns.c: silent connections cannot take the site down.
 *
 * Kore's worker loop sleeps until the next socket event when no timer is
 * due, so its header and keep-alive timeouts are only checked when some
 * socket speaks: sockets that said nothing, or half a request, were never
 * closed, and about 2,000 of them filled every worker. A tick every second
 * wakes the loop, so Kore's own checks run (http_header_timeout in
 * kore.conf). The tick also caps how many idle connections (no request
 * being answered) one address may hold in a worker: past the cap, its
 * oldest idle ones are closed, so one address cannot hold them all. So
 * too for requests whose body is still arriving: each holds a place in
 * http_request_limit and its declared length in memory, and a worker at
 * the limit accepts no one, so 2,400 slow bodies from one address held
 * the whole site until their body timeout.
 *
 * Not for: request rates (throttle.c does those).
 */
#include <netinet/in.h>

#include <string.h>

#include "app.h"

#define TICK_MS		1000
#define IDLE_PER_ADDR	256	/* idle connections one address may hold */
#define BODY_PER_ADDR	64	/* bodies one address may be sending */
#define SLOTS		8192	/* power of two, > worker_max_connections */

struct addr_count {
	unsigned char	 key[16];
	int		 used;
	unsigned int	 idle;
	unsigned int	 bodies;
};

static struct addr_count	*counts;

static void	conns_tick(void *, u_int64_t);

void
conns_init(void)
{
	counts = kore_calloc(SLOTS, sizeof(*counts));
	kore_timer_add(conns_tick, TICK_MS, NULL, 0);
}

/*
 * The connection's address as 16 bytes (IPv4 mapped into IPv6). An IPv6
 * address counts as its /64, as the throttle does (throttle_addr_key):
 * one phone or home holds a whole /64 and could open each connection
 * from a fresh address.
 */
static int
conn_key(const struct connection *c, unsigned char *key)
{
	const struct in6_addr	*a6;

	memset(key, 0, 16);
	if (c->family == AF_INET) {
		key[10] = key[11] = 0xff;
		memcpy(key + 12, &c->addr.ipv4.sin_addr, 4);
		return (0);
	}
	if (c->family == AF_INET6) {
		a6 = &c->addr.ipv6.sin6_addr;
		memcpy(key, a6, IN6_IS_ADDR_V4MAPPED(a6) ? 16 : 8);
		return (0);
	}
	return (-1);
}

static int
conn_idle(const struct connection *c)
{
	return (c->state == CONN_STATE_ESTABLISHED &&
	    c->proto == CONN_PROTO_HTTP && TAILQ_EMPTY(&c->http_requests));
}

/* A request whose body is still arriving. */
static int
conn_receiving(const struct connection *c)
{
	const struct http_request	*req;

	if (c->state != CONN_STATE_ESTABLISHED ||
	    c->proto != CONN_PROTO_HTTP ||
	    (req = TAILQ_FIRST(&c->http_requests)) == NULL)
		return (0);
	return ((req->flags & HTTP_REQUEST_EXPECT_BODY) != 0);
}

/* The slot for key (open addressing), or NULL when the table is full. */
static struct addr_count *
slot(const unsigned char *key)
{
	uint32_t	 h;
	size_t		 i, probe;

	h = 2166136261u;
	for (i = 0; i < 16; i++)
		h = (h ^ key[i]) * 16777619u;
	for (probe = 0; probe < SLOTS; probe++) {
		i = (h + probe) & (SLOTS - 1);
		if (!counts[i].used) {
			counts[i].used = 1;
			memcpy(counts[i].key, key, 16);
			return (&counts[i]);
		}
		if (memcmp(counts[i].key, key, 16) == 0)
			return (&counts[i]);
	}
	return (NULL);
}

/*
 * Count idle connections and bodies arriving per address, newest first,
 * and close those past the caps: an address's oldest go first.
 */
static void
conns_tick(void *arg, u_int64_t now)
{
	struct connection	*c, *prev;
	struct addr_count	*ac;
	unsigned char		 key[16];

	(void)arg;
	(void)now;
	memset(counts, 0, SLOTS * sizeof(*counts));
	for (c = TAILQ_LAST(&connections, connection_list); c != NULL;
	    c = prev) {
		prev = TAILQ_PREV(c, connection_list, list);
		if (conn_key(c, key) == -1 || (ac = slot(key)) == NULL)
			continue;
		if (conn_idle(c) ? ++ac->idle > IDLE_PER_ADDR :
		    conn_receiving(c) && ++ac->bodies > BODY_PER_ADDR)
			kore_connection_disconnect(c);
	}
}
