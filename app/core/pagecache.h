/*
 * pagecache.h: rendered pages kept until the data changes.
 *
 * A byte-bounded LRU of rendered pages, keyed by a string, valid for one
 * version of the database. Pure C (SQLite only for the version): the glue
 * in app/web/cache.c decides what may be kept and builds the key.
 */
#ifndef PORTAL_PAGECACHE_H
#define PORTAL_PAGECACHE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct db;
struct pcache;

#define PCACHE_KEY_MAX		1024	/* longer requests are not kept */
#define PCACHE_ETAG_LEN		34	/* a quoted 32-digit hex hash */
#define PCACHE_GZIP_MIN		1024	/* smaller answers are sent as they are */

/* What the database looked like: see pagecache.c on why two numbers. */
struct pcache_version {
	int64_t		 data_version;
	int64_t		 own_changes;
};

struct pcache_entry {
	const char	*key;
	const char	*title;		/* NULL for a whole response */
	const char	*nav;
	const char	*type;		/* content-type of a whole response */
	const char	*data;
	size_t		 len;
	const char	*gz;		/* a whole response gzipped, or NULL */
	size_t		 gzlen;
	int64_t		 born;
	char		 etag[PCACHE_ETAG_LEN + 1];
};

struct pcache	*pcache_new(size_t, int64_t);
void		 pcache_free(struct pcache *);
const struct pcache_entry *pcache_get(struct pcache *, const char *,
		    const struct pcache_version *, int64_t);
int		 pcache_put(struct pcache *, const char *,
		    const struct pcache_version *, int64_t, const char *,
		    const char *, const char *, const void *, size_t);
void		 pcache_clear(struct pcache *);
size_t		 pcache_bytes(const struct pcache *);
size_t		 pcache_count(const struct pcache *);
int		 pcache_key(struct buf *, const char *, const char *,
		    const char *);
int		 pcache_db_version(struct db *, struct pcache_version *);

#endif
