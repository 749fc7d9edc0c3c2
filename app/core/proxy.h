/*
 * proxy.h: which reverse proxies to believe (the trusted_proxies setting),
 * and who the client is when one of them forwarded the request.
 *
 * Pure C on address strings, so it can be tested without a server. Not
 * for: reading headers (app/web/guard.c does that) or throttling.
 */
#ifndef PORTAL_PROXY_H
#define PORTAL_PROXY_H

#include <stddef.h>

#define PROXY_MAX_NETS	32
#define PROXY_ADDR_MAX	46	/* INET6_ADDRSTRLEN */

struct proxy_net {
	int		 family;	/* AF_INET or AF_INET6 */
	unsigned char	 addr[16];
	int		 bits;
};

struct proxies {
	struct proxy_net	 nets[PROXY_MAX_NETS];
	size_t			 n;
};

int	proxies_parse(struct proxies *, const char *, char *, size_t);
int	proxies_trusted(const struct proxies *, const char *);
int	proxy_client(const struct proxies *, const char *, const char *,
	    char *, size_t);
int	proxy_https(const struct proxies *, const char *, const char *);

#endif
