/*
 * pagecache.c: rendered pages kept until the data changes.
 *
 * Public pages do the same aggregate work for every visitor although the
 * data changes a few times an hour. Each worker keeps what it rendered
 * here: a hash table of entries on an LRU list, bounded by a byte budget
 * (every byte of an entry is counted: the struct, the key, the page).
 * This file keeps copies, counts bytes and forgets; it does not decide
 * what may be kept (app/web/cache.c does: never a person's own data).
 *
 * An entry is good for one version of the database only. The version is
 * the count of commits every process shares ("<database>-commits", see
 * db.c), read by pcache_db_version() at the start of each request: one
 * read of memory, no read transaction. A connection without that count
 * reads two numbers instead:
 *
 *   PRAGMA data_version   changes when any OTHER connection (another
 *                         worker, a task thread, portalctl) has committed
 *                         since this connection last asked. It is read in
 *                         a fresh read transaction, so it is never behind
 *                         the WAL index: a write another worker has
 *                         acknowledged is seen by the next request here.
 *   total_changes64       this connection's own rows inserted, updated or
 *                         deleted (statements and triggers alike), which
 *                         data_version does not count. A rolled-back change
 *                         counts too: that only costs a render.
 *
 * A counter table bumped by triggers would need a trigger on every table,
 * kept up by every future migration, and one more hot row written by every
 * write. data_version is a per-connection count, so it says nothing across
 * workers: the ETag is a hash of the page itself instead, the same in
 * every worker for the same bytes.
 *
 * Time words (a promise overdue, "the last twelve months") move without a
 * write, so an entry also has a maximum age.
 *
 * A whole response (a visitor's page, the open data, the CSV) is also
 * kept gzipped, made once when it is kept: /open-data.json is hundreds
 * of kilobytes of JSON and a twentieth of that gzipped, so sending the
 * bytes, not making them, was its cost. Both copies count in the budget.
 */
#include <sys/queue.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>
#include <zlib.h>

#include "db.h"
#include "pagecache.h"

#define NBUCKETS	512	/* a power of two */
#define QUERY_PARTS	32

struct node {
	struct pcache_entry	 e;
	uint64_t		 hash;
	size_t			 size;	/* all of it: counted in the budget */
	struct node		*chain;
	TAILQ_ENTRY(node)	 lru;	/* head: used most recently */
};

TAILQ_HEAD(node_list, node);

struct pcache {
	struct node		*buckets[NBUCKETS];
	struct node_list	 lru;
	struct pcache_version	 ver;
	int			 have_ver;
	size_t			 bytes;
	size_t			 max_bytes;
	size_t			 count;
	int64_t			 max_age;
};

static uint64_t
key_hash(const char *s)
{
	uint64_t	 h = 1469598103934665603ULL;	/* FNV-1a */

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return (h);
}

/* Budget in bytes; entries older than max_age seconds are not served. */
struct pcache *
pcache_new(size_t max_bytes, int64_t max_age)
{
	struct pcache	*c;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return (NULL);
	TAILQ_INIT(&c->lru);
	c->max_bytes = max_bytes;
	c->max_age = max_age;
	return (c);
}

static void
unlink_node(struct pcache *c, struct node *n)
{
	struct node	**pp;

	for (pp = &c->buckets[n->hash & (NBUCKETS - 1)]; *pp != NULL;
	    pp = &(*pp)->chain) {
		if (*pp == n) {
			*pp = n->chain;
			break;
		}
	}
	TAILQ_REMOVE(&c->lru, n, lru);
	c->bytes -= n->size;
	c->count--;
	free(n);
}

void
pcache_clear(struct pcache *c)
{
	while (!TAILQ_EMPTY(&c->lru))
		unlink_node(c, TAILQ_LAST(&c->lru, node_list));
}

void
pcache_free(struct pcache *c)
{
	if (c == NULL)
		return;
	pcache_clear(c);
	free(c);
}

size_t
pcache_bytes(const struct pcache *c)
{
	return (c->bytes);
}

size_t
pcache_count(const struct pcache *c)
{
	return (c->count);
}

static struct node *
find(struct pcache *c, const char *key, uint64_t h)
{
	struct node	*n;

	for (n = c->buckets[h & (NBUCKETS - 1)]; n != NULL; n = n->chain)
		if (n->hash == h && strcmp(n->e.key, key) == 0)
			return (n);
	return (NULL);
}

/* A new version of the data makes every copy stale at once. */
static void
see_version(struct pcache *c, const struct pcache_version *v)
{
	if (c->have_ver && c->ver.data_version == v->data_version &&
	    c->ver.own_changes == v->own_changes)
		return;
	pcache_clear(c);
	c->ver = *v;
	c->have_ver = 1;
}

/* The page kept for key at version v, or NULL. */
const struct pcache_entry *
pcache_get(struct pcache *c, const char *key, const struct pcache_version *v,
    int64_t now)
{
	struct node	*n;

	see_version(c, v);
	if ((n = find(c, key, key_hash(key))) == NULL)
		return (NULL);
	if (now - n->e.born >= c->max_age || now < n->e.born) {
		unlink_node(c, n);
		return (NULL);
	}
	TAILQ_REMOVE(&c->lru, n, lru);
	TAILQ_INSERT_HEAD(&c->lru, n, lru);
	return (&n->e);
}

static char *
put_str(char **p, const char *s, size_t len)
{
	char	*at = *p;

	memcpy(at, s, len);
	at[len] = '\0';
	*p += len + 1;
	return (at);
}

static void
make_etag(char *out, const void *data, size_t len)
{
	unsigned char	 h[16];
	char		 hex[sizeof(h) * 2 + 1];

	crypto_generichash(h, sizeof(h), data, len, NULL, 0);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	out[0] = '"';
	memcpy(out + 1, hex, sizeof(h) * 2);
	out[PCACHE_ETAG_LEN - 1] = '"';
	out[PCACHE_ETAG_LEN] = '\0';
}

/* data gzipped into a new allocation (*out, *outlen); -1 if it failed. */
static int
gzip(const void *data, size_t len, char **out, size_t *outlen)
{
	z_stream	 z;
	size_t		 cap;
	int		 rc;

	memset(&z, 0, sizeof(z));
	if (len > UINT_MAX ||
	    deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
	    Z_DEFAULT_STRATEGY) != Z_OK)
		return (-1);
	cap = deflateBound(&z, (uLong)len);
	if ((*out = malloc(cap)) == NULL) {
		(void)deflateEnd(&z);
		return (-1);
	}
	z.next_in = (Bytef *)(uintptr_t)data;
	z.avail_in = (uInt)len;
	z.next_out = (Bytef *)*out;
	z.avail_out = (uInt)cap;
	rc = deflate(&z, Z_FINISH);
	*outlen = z.total_out;
	(void)deflateEnd(&z);
	if (rc != Z_STREAM_END) {
		free(*out);
		*out = NULL;
		return (-1);
	}
	return (0);
}

/*
 * Keep a copy of data under key, rendered at version v. A page over a
 * quarter of the budget is not kept. Oldest-used entries go until the
 * new one fits. 1 kept, 0 not, -1 out of memory.
 */
int
pcache_put(struct pcache *c, const char *key, const struct pcache_version *v,
    int64_t now, const char *title, const char *nav, const char *type,
    const void *data, size_t len)
{
	struct node	*n, *old;
	size_t		 klen, tlen, nlen, ylen, size, gzlen;
	char		*p, *gz;
	uint64_t	 h;

	see_version(c, v);
	klen = strlen(key);
	tlen = title ? strlen(title) : 0;
	nlen = nav ? strlen(nav) : 0;
	ylen = type ? strlen(type) : 0;
	size = sizeof(*n) + klen + tlen + nlen + ylen + len + 5;
	if (klen > PCACHE_KEY_MAX || size > c->max_bytes / 4)
		return (0);
	/* Not worth it for a small answer, nor if it does not shrink. */
	gz = NULL;
	gzlen = 0;
	if (type != NULL && len >= PCACHE_GZIP_MIN &&
	    gzip(data, len, &gz, &gzlen) == 0 && gzlen >= len) {
		free(gz);
		gz = NULL;
	}
	if (gz != NULL)
		size += gzlen;
	h = key_hash(key);
	if ((old = find(c, key, h)) != NULL)
		unlink_node(c, old);
	while (c->bytes + size > c->max_bytes && !TAILQ_EMPTY(&c->lru))
		unlink_node(c, TAILQ_LAST(&c->lru, node_list));
	if ((n = malloc(size)) == NULL) {
		free(gz);
		return (-1);
	}
	memset(n, 0, sizeof(*n));
	p = (char *)(n + 1);
	n->e.key = put_str(&p, key, klen);
	n->e.title = title ? put_str(&p, title, tlen) : NULL;
	n->e.nav = nav ? put_str(&p, nav, nlen) : NULL;
	n->e.type = type ? put_str(&p, type, ylen) : NULL;
	n->e.data = put_str(&p, data, len);
	n->e.len = len;
	if (gz != NULL) {
		memcpy(p, gz, gzlen);
		n->e.gz = p;
		n->e.gzlen = gzlen;
		free(gz);
	}
	n->e.born = now;
	make_etag(n->e.etag, data, len);
	n->hash = h;
	n->size = size;
	n->chain = c->buckets[h & (NBUCKETS - 1)];
	c->buckets[h & (NBUCKETS - 1)] = n;
	TAILQ_INSERT_HEAD(&c->lru, n, lru);
	c->bytes += size;
	c->count++;
	return (1);
}

static int
part_cmp(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

/*
 * The key of a request: who is asking (a role class, never a person),
 * the path and the query with its parts sorted, so ?a=1&b=2 and ?b=2&a=1
 * are one page. -1 if it is too long or has too many parts to keep.
 */
int
pcache_key(struct buf *out, const char *class, const char *path,
    const char *query)
{
	char	 q[PCACHE_KEY_MAX + 1], *parts[QUERY_PARTS], *s, *tok;
	size_t	 n, i, qlen;

	buf_reset(out);
	buf_puts(out, class);
	buf_putc(out, ' ');
	buf_puts(out, path);
	if (query != NULL && *query != '\0') {
		if ((qlen = strlen(query)) > PCACHE_KEY_MAX)
			return (-1);
		memcpy(q, query, qlen + 1);
		n = 0;
		for (s = q; (tok = strsep(&s, "&")) != NULL; ) {
			if (*tok == '\0')
				continue;
			if (n == QUERY_PARTS)
				return (-1);
			parts[n++] = tok;
		}
		qsort(parts, n, sizeof(parts[0]), part_cmp);
		for (i = 0; i < n; i++) {
			buf_putc(out, i == 0 ? '?' : '&');
			buf_puts(out, parts[i]);
		}
	}
	return (out->len > PCACHE_KEY_MAX ? -1 : 0);
}

/*
 * The database's version as this connection sees it now: the count of
 * commits every process shares (db.c), or without it the two numbers
 * described at the top of this file.
 */
int
pcache_db_version(struct db *db, struct pcache_version *v)
{
	static const char	*sql = "PRAGMA data_version";
	uint64_t		 commits;
	int			 have;

	commits = db_commits(db, &have);
	if (have) {
		v->data_version = (int64_t)(commits & INT64_MAX);
		v->own_changes = 0;
		return (0);
	}
	if (db_int(db, &v->data_version, sql, "") != 1)
		return (-1);
	v->own_changes = (int64_t)sqlite3_total_changes64(db_handle(db));
	return (0);
}
