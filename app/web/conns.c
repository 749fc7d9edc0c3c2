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
 * The same keying holds each address's budget for the safeguarding
 * check (conns_scan_whole()): reading text costs about 0.3 us a byte in
 * this event loop, and text from a form nobody checked (a stale token,
 * or none) is read before anything else, so 1 MiB bodies sent in a loop
 * from one address made every page wait seconds.
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

/*
 * The scanning budget: bytes of text the safeguarding check may read for
 * one address in this worker, a leaky bucket. A burst of 1 MiB (a whole
 * body, http_body_max, about 0.3 s to read) refilled at 256 KiB a second
 * (at most about 8% of this worker's time). Young people never come near
 * it: a view is at most a few KiB, and 30 children behind one school
 * address each sending one every few seconds read a few KiB a second.
 * Past it, texts are read at their edges only (SCAN_EDGE, guard.c), which
 * is all of any text a form accepts, so even a child sharing an address
 * with someone sending floods is read whole. Text read whole past the
 * budget (a request read again after its first check) is owed, down to
 * SCAN_DEBT, so the budget holds over time.
 */
#define SCAN_BURST	(1024 * 1024)
#define SCAN_RATE	(256 * 1024)	/* bytes a second */
#define SCAN_DEBT	(-4 * SCAN_BURST)
#define SCAN_SLOTS	4096		/* power of two */
#define SCAN_PROBES	16

struct scan_bucket {
	unsigned char	 key[16];
	int		 used;
	int64_t		 level;		/* bytes that may be read now */
	u_int64_t	 at;		/* ms, when level was worked out */
};

static struct scan_bucket	*buckets;

static void	conns_tick(void *, u_int64_t);

void
conns_init(void)
{
	counts = kore_calloc(SLOTS, sizeof(*counts));
	buckets = kore_calloc(SCAN_SLOTS, sizeof(*buckets));
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

static uint32_t
key_hash(const unsigned char *key)
{
	uint32_t	 h;
	size_t		 i;

	h = 2166136261u;
	for (i = 0; i < 16; i++)
		h = (h ^ key[i]) * 16777619u;
	return (h);
}

/* The slot for key (open addressing), or NULL when the table is full. */
static struct addr_count *
slot(const unsigned char *key)
{
	uint32_t	 h;
	size_t		 i, probe;

	h = key_hash(key);
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

/* b's level now: refilled for the time since it was last worked out. */
static int64_t
bucket_level(struct scan_bucket *b, u_int64_t now)
{
	u_int64_t	 ms;

	ms = now > b->at ? now - b->at : 0;
	if (b->level < SCAN_BURST)
		b->level = ms >= (u_int64_t)(SCAN_BURST - SCAN_DEBT) * 1000 /
		    SCAN_RATE ? SCAN_BURST : b->level + (int64_t)(ms *
		    SCAN_RATE / 1000);
	if (b->level > SCAN_BURST)
		b->level = SCAN_BURST;
	b->at = now;
	return (b->level);
}

/*
 * The budget of c's address (NULL: c has none, as a unix socket). The
 * table forgets: a full bucket is as good as none, so its slot is
 * anyone's, and when every slot probed is in use the fullest one goes.
 */
static struct scan_bucket *
bucket(const struct connection *c)
{
	struct scan_bucket	*b, *best;
	unsigned char		 key[16];
	u_int64_t		 now;
	uint32_t		 h;
	size_t			 probe;

	if (buckets == NULL || conn_key(c, key) == -1)
		return (NULL);
	now = kore_time_ms();
	h = key_hash(key);
	for (probe = 0; probe < SCAN_PROBES; probe++) {
		b = &buckets[(h + probe) & (SCAN_SLOTS - 1)];
		if (b->used && memcmp(b->key, key, 16) == 0) {
			(void)bucket_level(b, now);
			return (b);
		}
	}
	/* Not there: a free slot, a full one, or else the fullest. */
	best = NULL;
	for (probe = 0; probe < SCAN_PROBES; probe++) {
		b = &buckets[(h + probe) & (SCAN_SLOTS - 1)];
		if (!b->used || bucket_level(b, now) == SCAN_BURST) {
			best = b;
			break;
		}
		if (best == NULL || b->level > best->level)
			best = b;
	}
	memcpy(best->key, key, 16);
	best->used = 1;
	best->level = SCAN_BURST;
	best->at = now;
	return (best);
}

/*
 * Whether the safeguarding check may read n bytes whole for req's
 * address: 1 if its budget covers them now. Nothing is charged here:
 * conns_scan_charge() counts what was read.
 */
int
conns_scan_whole(struct http_request *req, size_t n)
{
	struct scan_bucket	*b;

	if ((b = bucket(req->owner)) == NULL)
		return (1);
	return (b->level >= 0 && (size_t)b->level >= n);
}

/* n bytes read by the safeguarding check for req's address. */
void
conns_scan_charge(struct http_request *req, size_t n)
{
	struct scan_bucket	*b;

	if ((b = bucket(req->owner)) == NULL)
		return;
	if (n > (size_t)(SCAN_BURST - SCAN_DEBT))
		n = SCAN_BURST - SCAN_DEBT;
	b->level -= (int64_t)n;
	if (b->level < SCAN_DEBT)
		b->level = SCAN_DEBT;
}
