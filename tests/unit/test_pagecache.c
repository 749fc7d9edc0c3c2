/*
 * test_pagecache.c: the page cache's core. Memory stays within its
 * budget however many pages are put, the least recently used page goes
 * first, a new database version forgets everything, old entries expire,
 * keys ignore the order of the query, and the version moves for this
 * connection's own writes (deletes too) and for another connection's.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "pagecache.h"
#include "unitdb.h"

UNITDB_GROUP("/tmp/portal-pagecache-XXXXXX")

static const struct pcache_version v1 = { 1, 0 }, v2 = { 1, 1 };

static void
put(struct pcache *c, const char *key, size_t len, int64_t now)
{
	static char	 page[64 * 1024];

	memset(page, 'x', sizeof(page));
	(void)snprintf(page, 32, "page %s", key);
	assert_true(len <= sizeof(page));
	assert_int_equal(pcache_put(c, key, &v1, now, "T", "nav", NULL, page,
	    len), 1);
}

static void
bounded_memory(void **state)
{
	struct pcache	*c;
	char		 key[32];
	size_t		 max = 0;
	int		 i;

	(void)state;
	c = pcache_new(256 * 1024, 60);
	for (i = 0; i < 5000; i++) {
		(void)snprintf(key, sizeof(key), "anon /p%d", i);
		put(c, key, 1000 + (size_t)(i % 7) * 3000, 100);
		assert_true(pcache_bytes(c) <= 256 * 1024);
		if (pcache_bytes(c) > max)
			max = pcache_bytes(c);
	}
	/* Near full, and the newest pages are the ones still kept. */
	assert_true(max > 200 * 1024);
	assert_non_null(pcache_get(c, "anon /p4999", &v1, 100));
	assert_null(pcache_get(c, "anon /p0", &v1, 100));
	/* A page over a quarter of the budget is not kept at all. */
	assert_int_equal(pcache_put(c, "anon /big", &v1, 100, NULL, NULL,
	    "text/csv", "x", 64 * 1024 + 1), 0);
	pcache_free(c);
}

static void
least_recently_used_goes_first(void **state)
{
	struct pcache	*c;

	(void)state;
	/* Room for four 10 kB pages, not five. */
	c = pcache_new(45000, 60);
	put(c, "a", 10000, 1);
	put(c, "b", 10000, 1);
	put(c, "c", 10000, 1);
	put(c, "d", 10000, 1);
	assert_non_null(pcache_get(c, "a", &v1, 2));	/* a is used */
	put(c, "e", 10000, 2);
	assert_null(pcache_get(c, "b", &v1, 2));
	assert_non_null(pcache_get(c, "a", &v1, 2));
	assert_non_null(pcache_get(c, "c", &v1, 2));
	assert_non_null(pcache_get(c, "d", &v1, 2));
	assert_non_null(pcache_get(c, "e", &v1, 2));
	assert_int_equal(pcache_count(c), 4);
	pcache_free(c);
}

static void
new_version_forgets_everything(void **state)
{
	const struct pcache_entry	*e;
	struct pcache			*c;
	char				 etag[PCACHE_ETAG_LEN + 1];

	(void)state;
	c = pcache_new(1024 * 1024, 60);
	put(c, "a", 100, 1);
	put(c, "b", 100, 1);
	assert_non_null(e = pcache_get(c, "a", &v1, 1));
	assert_string_equal(e->title, "T");
	assert_int_equal(e->len, 100);
	assert_memory_equal(e->data, "page a", 6);
	assert_int_equal(strlen(e->etag), PCACHE_ETAG_LEN);
	(void)snprintf(etag, sizeof(etag), "%s", e->etag);
	assert_null(pcache_get(c, "a", &v2, 1));
	assert_int_equal(pcache_count(c), 0);
	assert_int_equal(pcache_bytes(c), 0);
	/* The same bytes make the same ETag, whoever rendered them. */
	assert_int_equal(pcache_put(c, "a", &v2, 1, "T", "nav", NULL,
	    "page a", 6), 1);
	assert_non_null(e = pcache_get(c, "a", &v2, 1));
	assert_string_not_equal(e->etag, etag);
	put(c, "z", 100, 1);	/* at v1: everything kept at v2 goes */
	assert_null(pcache_get(c, "a", &v1, 1));
	pcache_free(c);
}

static void
old_entries_expire(void **state)
{
	struct pcache	*c;

	(void)state;
	c = pcache_new(1024 * 1024, 60);
	put(c, "a", 100, 1000);
	assert_non_null(pcache_get(c, "a", &v1, 1059));
	assert_null(pcache_get(c, "a", &v1, 1060));
	assert_int_equal(pcache_count(c), 0);
	/* A clock that went back does not serve from the future. */
	put(c, "b", 100, 1000);
	assert_null(pcache_get(c, "b", &v1, 999));
	pcache_free(c);
}

static void
keys(void **state)
{
	struct buf	 a, b;
	char		 longq[PCACHE_KEY_MAX + 10];
	char		 many[400];
	int		 i;

	(void)state;
	buf_init(&a, 64);
	buf_init(&b, 64);
	assert_int_equal(pcache_key(&a, "anon", "/you-said-we-did",
	    "page=2&category=3"), 0);
	assert_int_equal(pcache_key(&b, "anon", "/you-said-we-did",
	    "category=3&&page=2"), 0);
	assert_string_equal(buf_cstr(&a), buf_cstr(&b));
	assert_string_equal(buf_cstr(&a), "anon /you-said-we-did?category=3&"
	    "page=2");
	assert_int_equal(pcache_key(&b, "young", "/you-said-we-did",
	    "page=2&category=3"), 0);
	assert_string_not_equal(buf_cstr(&a), buf_cstr(&b));
	assert_int_equal(pcache_key(&a, "anon", "/pledge", NULL), 0);
	assert_string_equal(buf_cstr(&a), "anon /pledge");
	memset(longq, 'a', sizeof(longq) - 1);
	longq[sizeof(longq) - 1] = '\0';
	assert_int_equal(pcache_key(&a, "anon", "/pledge", longq), -1);
	many[0] = '\0';
	for (i = 0; i < 40; i++)
		(void)snprintf(many + strlen(many), sizeof(many) -
		    strlen(many), "a%d=1&", i);
	assert_int_equal(pcache_key(&a, "anon", "/pledge", many), -1);
	buf_free(&a);
	buf_free(&b);
}

/* The version moves for our own writes and for another connection's. */
static void
version_moves_on_every_write(void **state)
{
	struct pcache_version	 a, b;
	struct db		*other;
	char			 path[128], err[256];

	(void)state;
	assert_int_equal(pcache_db_version(db, &a), 0);
	assert_int_equal(pcache_db_version(db, &b), 0);
	assert_memory_equal(&a, &b, sizeof(a));

	assert_int_equal(db_exec(db, "CREATE TABLE t (x INTEGER)", ""), 0);
	assert_int_equal(db_exec(db, "INSERT INTO t VALUES (1), (2)", ""), 0);
	assert_int_equal(pcache_db_version(db, &b), 0);
	assert_memory_not_equal(&a, &b, sizeof(a));

	/* A delete of every row (SQLite's truncate path) counts too. */
	a = b;
	assert_int_equal(db_exec(db, "DELETE FROM t", ""), 0);
	assert_int_equal(pcache_db_version(db, &b), 0);
	assert_memory_not_equal(&a, &b, sizeof(a));

	/* Another connection's commit, as another worker's would be. */
	(void)snprintf(path, sizeof(path), "%s/unit.db", unitdb_dir);
	assert_int_equal(db_open(&other, path, err, sizeof(err)), 0);
	a = b;
	assert_int_equal(db_exec(other, "INSERT INTO t VALUES (3)", ""), 0);
	assert_int_equal(pcache_db_version(db, &b), 0);
	assert_memory_not_equal(&a, &b, sizeof(a));
	a = b;
	assert_int_equal(db_exec(other, "DELETE FROM t", ""), 0);
	assert_int_equal(pcache_db_version(db, &b), 0);
	assert_memory_not_equal(&a, &b, sizeof(a));
	/* Nothing written: nothing moves. */
	a = b;
	assert_int_equal(pcache_db_version(db, &b), 0);
	assert_memory_equal(&a, &b, sizeof(a));
	db_close(other);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bounded_memory),
		cmocka_unit_test(least_recently_used_goes_first),
		cmocka_unit_test(new_version_forgets_everything),
		cmocka_unit_test(old_entries_expire),
		cmocka_unit_test(keys),
		cmocka_unit_test(version_moves_on_every_write),
	};

	return (cmocka_run_group_tests_name("test_pagecache", tests, setup,
	    teardown));
}
