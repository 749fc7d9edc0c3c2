/*
 * test_proxy.c: the trusted_proxies setting and X-Forwarded-For. Only a
 * trusted peer's headers count; the client is the rightmost hop that is
 * not a trusted proxy; whatever a client writes to the left is ignored.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "proxy.h"

static struct proxies	 px;

static void
must_parse(const char *spec)
{
	char	 err[256];

	err[0] = '\0';
	if (proxies_parse(&px, spec, err, sizeof(err)) != 0)
		fail_msg("%s: %s", spec ? spec : "(none)", err);
}

/* The client proxy_client() finds, and whether the header was used. */
static const char *
client(const char *peer, const char *xff, int *used)
{
	static char	 out[PROXY_ADDR_MAX];

	*used = proxy_client(&px, peer, xff, out, sizeof(out));
	return (out);
}

static void
parse_good(void **state)
{
	(void)state;
	must_parse(NULL);
	assert_int_equal(px.n, 0);
	must_parse("");
	assert_int_equal(px.n, 0);
	must_parse("  127.0.0.1, 10.0.0.0/8 ::1\tfd00::/8 ,192.168.1.0/24 ");
	assert_int_equal(px.n, 5);
	assert_int_equal(px.nets[0].bits, 32);
	assert_int_equal(px.nets[1].bits, 8);
	assert_int_equal(px.nets[2].bits, 128);
	assert_int_equal(px.nets[3].bits, 8);
	/* Host bits below the prefix are ignored. */
	must_parse("10.1.2.3/8");
	assert_true(proxies_trusted(&px, "10.200.0.1"));
	must_parse("0.0.0.0/0");
	assert_true(proxies_trusted(&px, "203.0.113.9"));
	assert_false(proxies_trusted(&px, "2001:db8::1"));
}

static void
parse_bad(void **state)
{
	static const char *const bad[] = {
		"localhost", "127.0.0.1/33", "::1/129", "10.0.0.0/", "10.0.0/8",
		"10.0.0.0/8x", "10.0.0.0/-1", "1.2.3.4.5", "fd00::/0008",
		"127.0.0.1 nginx", "[::1]", "1.2.3.4:80",
	};
	char		 err[256];
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err[0] = '\0';
		if (proxies_parse(&px, bad[i], err, sizeof(err)) != -1)
			fail_msg("accepted \"%s\"", bad[i]);
		assert_int_equal(px.n, 0);
		assert_non_null(strstr(err, "trusted_proxies"));
	}
	/* The message names what was wrong. */
	(void)proxies_parse(&px, "127.0.0.1 nginx.local", err, sizeof(err));
	assert_non_null(strstr(err, "\"nginx.local\""));
}

static void
cidr_v4(void **state)
{
	(void)state;
	must_parse("10.0.0.0/8 172.16.0.0/12 192.0.2.7");
	assert_true(proxies_trusted(&px, "10.0.0.0"));
	assert_true(proxies_trusted(&px, "10.255.255.255"));
	assert_false(proxies_trusted(&px, "11.0.0.1"));
	assert_false(proxies_trusted(&px, "9.255.255.255"));
	assert_true(proxies_trusted(&px, "172.31.255.1"));
	assert_false(proxies_trusted(&px, "172.32.0.1"));
	assert_false(proxies_trusted(&px, "172.15.255.255"));
	assert_true(proxies_trusted(&px, "192.0.2.7"));
	assert_false(proxies_trusted(&px, "192.0.2.8"));
	/* An IPv4 peer on a dual-stack socket. */
	assert_true(proxies_trusted(&px, "::ffff:10.1.2.3"));
	assert_false(proxies_trusted(&px, "::ffff:11.1.2.3"));
	assert_false(proxies_trusted(&px, "not an address"));
	assert_false(proxies_trusted(&px, NULL));
}

static void
cidr_v6(void **state)
{
	(void)state;
	must_parse("::1 fd00::/8 2001:db8:abcd:12::/63");
	assert_true(proxies_trusted(&px, "::1"));
	assert_false(proxies_trusted(&px, "::2"));
	assert_true(proxies_trusted(&px, "fdff:ffff::1"));
	assert_false(proxies_trusted(&px, "fe00::1"));
	assert_true(proxies_trusted(&px, "2001:db8:abcd:12::1"));
	assert_true(proxies_trusted(&px, "2001:db8:abcd:13:ffff::1"));
	assert_false(proxies_trusted(&px, "2001:db8:abcd:14::1"));
	/* The families never match each other. */
	assert_false(proxies_trusted(&px, "127.0.0.1"));
	must_parse("127.0.0.1");
	assert_false(proxies_trusted(&px, "::1"));
}

static void
xff_chains(void **state)
{
	int	 used;

	(void)state;
	must_parse("127.0.0.1 10.0.0.0/8");
	/* One proxy: the hop it appended. */
	assert_string_equal(client("127.0.0.1", "203.0.113.5", &used),
	    "203.0.113.5");
	assert_true(used);
	/* Two proxies: skip the trusted inner one. */
	assert_string_equal(client("127.0.0.1", "198.51.100.1, 10.0.0.9",
	    &used), "198.51.100.1");
	assert_string_equal(client("10.0.0.2",
	    "198.51.100.1,10.0.0.9 ,  10.1.1.1", &used), "198.51.100.1");
	/* Spaces, tabs and IPv6; the result is canonical. */
	assert_string_equal(client("127.0.0.1", " \t2001:DB8:0::0:1 ", &used),
	    "2001:db8::1");
	assert_string_equal(client("127.0.0.1", "::ffff:203.0.113.5", &used),
	    "203.0.113.5");
	/* Every hop a trusted proxy: the leftmost one. */
	assert_string_equal(client("127.0.0.1", "10.0.0.5, 10.0.0.6", &used),
	    "10.0.0.5");
	/* No header: the proxy itself. */
	assert_string_equal(client("127.0.0.1", NULL, &used), "127.0.0.1");
	assert_false(used);
	assert_string_equal(client("127.0.0.1", "", &used), "127.0.0.1");
	assert_false(used);
	/* A peer that is not an address is passed on as it is. */
	assert_string_equal(client("odd", "1.2.3.4", &used), "odd");
	assert_false(used);
}

static void
xff_spoofing(void **state)
{
	char	 longxff[4096];
	size_t	 i;
	int	 used;

	(void)state;
	must_parse("127.0.0.1");
	/* The client wrote its own X-Forwarded-For; nginx appended the
	 * real address. Only the rightmost counts. */
	assert_string_equal(client("127.0.0.1", "1.1.1.1, 203.0.113.5",
	    &used), "203.0.113.5");
	/* A forged trusted hop further left changes nothing. */
	assert_string_equal(client("127.0.0.1",
	    "127.0.0.1, 8.8.8.8, 203.0.113.5", &used), "203.0.113.5");
	/* Rubbish to the left of a trusted hop: stop at the last good. */
	assert_string_equal(client("127.0.0.1", "<script>, 127.0.0.1", &used),
	    "127.0.0.1");
	assert_string_equal(client("127.0.0.1", "1.2.3.4:80", &used),
	    "127.0.0.1");
	assert_false(used);
	assert_string_equal(client("127.0.0.1", ",,", &used), "127.0.0.1");
	/* A peer that is not trusted: its header is never read. */
	assert_string_equal(client("203.0.113.66", "127.0.0.1", &used),
	    "203.0.113.66");
	assert_false(used);
	assert_string_equal(client("::ffff:203.0.113.66", "9.9.9.9", &used),
	    "203.0.113.66");
	/* Nothing trusted (the default): nothing read from anyone. */
	must_parse("");
	assert_string_equal(client("127.0.0.1", "9.9.9.9", &used),
	    "127.0.0.1");
	assert_false(used);
	/* A very long chain of trusted hops ends at the 32nd. */
	must_parse("10.0.0.0/8");
	longxff[0] = '\0';
	(void)strcat(longxff, "6.6.6.6");
	for (i = 0; i < 100; i++)
		(void)strcat(longxff, ", 10.0.0.1");
	assert_string_equal(client("10.0.0.2", longxff, &used), "10.0.0.1");
}

static void
forwarded_proto(void **state)
{
	(void)state;
	must_parse("127.0.0.1");
	assert_true(proxy_https(&px, "127.0.0.1", "https"));
	assert_true(proxy_https(&px, "127.0.0.1", " HTTPS "));
	assert_true(proxy_https(&px, "127.0.0.1", "http, https"));
	assert_false(proxy_https(&px, "127.0.0.1", "http"));
	assert_false(proxy_https(&px, "127.0.0.1", "https, http"));
	assert_false(proxy_https(&px, "127.0.0.1", "httpsx"));
	assert_false(proxy_https(&px, "127.0.0.1", NULL));
	/* Only from a trusted proxy. */
	assert_false(proxy_https(&px, "192.0.2.1", "https"));
	must_parse(NULL);
	assert_false(proxy_https(&px, "127.0.0.1", "https"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_good),
		cmocka_unit_test(parse_bad),
		cmocka_unit_test(cidr_v4),
		cmocka_unit_test(cidr_v6),
		cmocka_unit_test(xff_chains),
		cmocka_unit_test(xff_spoofing),
		cmocka_unit_test(forwarded_proto),
	};

	return (cmocka_run_group_tests_name("proxy", tests, NULL, NULL));
}
