/*
 * proxy.c: the trusted_proxies setting and X-Forwarded-For.
 *
 * Behind a TLS-terminating reverse proxy every request comes from the
 * proxy's address over plain HTTP. Only when the TCP peer is one of the
 * trusted proxies do we read the client from X-Forwarded-For: walking it
 * from the right (each proxy appends the address it saw), the first hop
 * that is not itself a trusted proxy is the client. Anything to the left
 * of that was written by the client and may be a lie. An empty setting
 * trusts nobody, so nobody can forge an address.
 *
 * Addresses come back in one canonical form (inet_ntop, IPv4-mapped IPv6
 * as plain IPv4), so one client has one spelling for the throttle.
 */
#include <sys/socket.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "proxy.h"

#define SEPARATORS	" \t,"
#define MAX_HOPS	32	/* a longer chain stops at its 32nd hop */

static int	addr_parse(const char *, size_t, int *, unsigned char *);
static int	addr_format(int, const unsigned char *, char *, size_t);
static int	net_has(const struct proxy_net *, int, const unsigned char *);
static int	trusted(const struct proxies *, int, const unsigned char *);
static void	trim(const char **, const char **);

/* An address of len bytes at s; ::ffff:a.b.c.d becomes IPv4. */
static int
addr_parse(const char *s, size_t len, int *family, unsigned char *out)
{
	static const unsigned char	 mapped[12] = { 0, 0, 0, 0, 0, 0,
					    0, 0, 0, 0, 0xff, 0xff };
	char				 buf[PROXY_ADDR_MAX];

	if (len == 0 || len >= sizeof(buf))
		return (-1);
	memcpy(buf, s, len);
	buf[len] = '\0';
	memset(out, 0, 16);
	if (inet_pton(AF_INET, buf, out) == 1) {
		*family = AF_INET;
		return (0);
	}
	if (inet_pton(AF_INET6, buf, out) != 1)
		return (-1);
	*family = AF_INET6;
	if (memcmp(out, mapped, sizeof(mapped)) == 0) {
		memmove(out, out + 12, 4);
		memset(out + 4, 0, 12);
		*family = AF_INET;
	}
	return (0);
}

static int
addr_format(int family, const unsigned char *a, char *out, size_t outlen)
{
	if (inet_ntop(family, a, out, (socklen_t)outlen) == NULL)
		return (-1);
	return (0);
}

static int
net_has(const struct proxy_net *net, int family, const unsigned char *a)
{
	int		 whole, rest;
	unsigned char	 mask;

	if (net->family != family)
		return (0);
	whole = net->bits / 8;
	rest = net->bits % 8;
	if (memcmp(net->addr, a, (size_t)whole) != 0)
		return (0);
	if (rest == 0)
		return (1);
	mask = (unsigned char)(0xff << (8 - rest));
	return ((net->addr[whole] & mask) == (a[whole] & mask));
}

static int
trusted(const struct proxies *p, int family, const unsigned char *a)
{
	size_t	 i;

	for (i = 0; i < p->n; i++)
		if (net_has(&p->nets[i], family, a))
			return (1);
	return (0);
}

static void
trim(const char **b, const char **e)
{
	while (*b < *e && (**b == ' ' || **b == '\t'))
		(*b)++;
	while (*e > *b && ((*e)[-1] == ' ' || (*e)[-1] == '\t'))
		(*e)--;
}

/*
 * Addresses and networks separated by spaces or commas ("127.0.0.1
 * 10.0.0.0/8 ::1"). Bits below the prefix are ignored. 0, or -1 with the
 * reason in err and nothing trusted.
 */
int
proxies_parse(struct proxies *p, const char *spec, char *err, size_t errlen)
{
	struct proxy_net	*net;
	const char		*s, *slash, *end, *d;
	size_t			 len;
	int			 max, i;

	p->n = 0;
	if (spec == NULL)
		return (0);
	for (s = spec; *s != '\0'; s += len) {
		s += strspn(s, SEPARATORS);
		if ((len = strcspn(s, SEPARATORS)) == 0)
			break;
		if (p->n == PROXY_MAX_NETS) {
			(void)snprintf(err, errlen, "trusted_proxies: more "
			    "than %d entries", PROXY_MAX_NETS);
			goto fail;
		}
		net = &p->nets[p->n];
		end = s + len;
		if ((slash = memchr(s, '/', len)) == NULL)
			slash = end;
		if (addr_parse(s, (size_t)(slash - s), &net->family,
		    net->addr) == -1)
			goto bad;
		max = net->family == AF_INET ? 32 : 128;
		net->bits = max;
		if (slash != end) {
			if (slash + 1 == end || end - slash > 4)
				goto bad;
			net->bits = 0;
			for (d = slash + 1; d < end; d++) {
				if (*d < '0' || *d > '9')
					goto bad;
				net->bits = net->bits * 10 + (*d - '0');
			}
			if (net->bits > max)
				goto bad;
		}
		for (i = net->bits; i < 128; i++)
			net->addr[i / 8] &= (unsigned char)~(0x80 >> (i % 8));
		p->n++;
	}
	return (0);
bad:
	(void)snprintf(err, errlen, "trusted_proxies: \"%.*s\" is not an "
	    "address or a network like 10.0.0.0/8 or fd00::/8", (int)len, s);
fail:
	p->n = 0;
	return (-1);
}

/* 1 if the address (text) is one of the trusted proxies. */
int
proxies_trusted(const struct proxies *p, const char *addr)
{
	unsigned char	 a[16];
	int		 family;

	if (addr == NULL || addr_parse(addr, strlen(addr), &family, a) == -1)
		return (0);
	return (trusted(p, family, a));
}

/*
 * The client's address: the peer's own, or (peer trusted) the rightmost
 * hop of X-Forwarded-For that is not a trusted proxy. A hop that is not
 * an address ends the walk at the last good one. Returns 1 if the
 * address came from the header.
 */
int
proxy_client(const struct proxies *p, const char *peer, const char *xff,
    char *out, size_t outlen)
{
	unsigned char	 a[16];
	const char	*b, *e, *end;
	int		 family, hops, used;

	(void)snprintf(out, outlen, "%s", peer);
	if (addr_parse(peer, strlen(peer), &family, a) == -1)
		return (0);
	(void)addr_format(family, a, out, outlen);
	if (xff == NULL || !trusted(p, family, a))
		return (0);
	used = 0;
	end = xff + strlen(xff);
	for (hops = 0; hops < MAX_HOPS && end > xff; hops++) {
		for (b = end; b > xff && b[-1] != ','; b--)
			;
		e = end;
		end = b > xff ? b - 1 : xff;
		trim(&b, &e);
		if (addr_parse(b, (size_t)(e - b), &family, a) == -1 ||
		    addr_format(family, a, out, outlen) == -1)
			break;
		used = 1;
		if (!trusted(p, family, a))
			break;
	}
	return (used);
}

/* 1 if a trusted proxy says the client spoke https to it. */
int
proxy_https(const struct proxies *p, const char *peer, const char *proto)
{
	const char	*b, *e;

	if (proto == NULL || !proxies_trusted(p, peer))
		return (0);
	e = proto + strlen(proto);
	for (b = e; b > proto && b[-1] != ','; b--)
		;
	trim(&b, &e);
	return (e - b == 5 && strncasecmp(b, "https", 5) == 0);
}
