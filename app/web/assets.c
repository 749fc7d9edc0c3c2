/*
 * assets.c: CSS, scripts and images from assets/, read once at start and
 * served from memory, so every response carries our security headers and
 * a worker never touches the disk for them.
 */
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "app.h"

#define ASSETS_MAX	64
#define ASSET_SIZE_MAX	(512 * 1024)

struct asset {
	char		 name[64];
	const char	*type;
	char		*data;
	size_t		 len;
	char		 etag[24];	/* "16 hex digits", quoted */
};

static struct asset	assets[ASSETS_MAX];
static size_t		nassets;

static const struct {
	const char	*ext;
	const char	*type;
} media_types[] = {
	{ ".css", "text/css; charset=utf-8" },
	{ ".js", "text/javascript; charset=utf-8" },
	{ ".svg", "image/svg+xml" },
	{ ".png", "image/png" },
	{ ".ico", "image/x-icon" },
	{ ".txt", "text/plain; charset=utf-8" },
	{ ".woff2", "font/woff2" },
};

static const char *
media_type(const char *name)
{
	size_t		 i, nlen, elen;

	nlen = strlen(name);
	for (i = 0; i < sizeof(media_types) / sizeof(media_types[0]); i++) {
		elen = strlen(media_types[i].ext);
		if (nlen > elen &&
		    strcmp(name + nlen - elen, media_types[i].ext) == 0)
			return (media_types[i].type);
	}
	return (NULL);
}

static int
asset_read(struct asset *a, const char *dir, const char *name, char *err,
    size_t errlen)
{
	unsigned char	 hash[8];
	char		 path[4096], hex[17];
	FILE		*fp;

	(void)snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((fp = fopen(path, "rb")) == NULL) {
		(void)snprintf(err, errlen, "cannot read %s: %s", path,
		    strerror(errno));
		return (-1);
	}
	if ((a->data = malloc(ASSET_SIZE_MAX)) == NULL)
		abort();
	a->len = fread(a->data, 1, ASSET_SIZE_MAX, fp);
	if (ferror(fp) || a->len == ASSET_SIZE_MAX) {
		(void)snprintf(err, errlen, "%s is unreadable or too large",
		    path);
		fclose(fp);
		return (-1);
	}
	fclose(fp);
	(void)snprintf(a->name, sizeof(a->name), "%s", name);
	a->type = media_type(name);
	crypto_generichash(hash, sizeof(hash), (unsigned char *)a->data,
	    a->len, NULL, 0);
	sodium_bin2hex(hex, sizeof(hex), hash, sizeof(hash));
	(void)snprintf(a->etag, sizeof(a->etag), "\"%s\"", hex);
	return (0);
}

/* Read every file of a known type in dir (not recursive). */
int
assets_load(const char *dir, char *err, size_t errlen)
{
	DIR		*d;
	struct dirent	*de;

	if ((d = opendir(dir)) == NULL) {
		(void)snprintf(err, errlen, "cannot open the assets folder "
		    "%s: %s", dir, strerror(errno));
		return (-1);
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' || media_type(de->d_name) == NULL ||
		    strlen(de->d_name) >= sizeof(assets[0].name))
			continue;
		if (nassets == ASSETS_MAX) {
			(void)snprintf(err, errlen, "too many assets in %s",
			    dir);
			closedir(d);
			return (-1);
		}
		if (asset_read(&assets[nassets], dir, de->d_name, err,
		    errlen) == -1) {
			closedir(d);
			return (-1);
		}
		nassets++;
	}
	closedir(d);
	return (0);
}

static const struct asset *
asset_find(const char *name)
{
	size_t	 i;

	for (i = 0; i < nassets; i++)
		if (strcmp(assets[i].name, name) == 0)
			return (&assets[i]);
	return (NULL);
}

/* A short content hash for cache-busting links: "site.css?v=...". */
const char *
assets_version(const char *name)
{
	static char		 v[4][17];
	static int		 next;
	const struct asset	*a;
	char			*out;

	if ((a = asset_find(name)) == NULL)
		return ("0");
	/* A few at once may be in use while a page is built. */
	out = v[next++ % 4];
	memcpy(out, a->etag + 1, 16);
	out[16] = '\0';
	return (out);
}

int
page_asset(struct http_request *req)
{
	const struct asset	*a;
	const char		*inm;

	if (req->method != HTTP_METHOD_GET && req->method != HTTP_METHOD_HEAD)
		return (page_not_found(req));
	if ((a = asset_find(req->path + strlen("/assets/"))) == NULL)
		return (page_not_found(req));
	http_security_headers(req, 0);
	http_response_header(req, "etag", a->etag);
	http_response_header(req, "cache-control", "public, max-age=86400");
	if (http_request_header(req, "if-none-match", &inm) &&
	    strcmp(inm, a->etag) == 0) {
		http_response(req, 304, NULL, 0);
		return (KORE_RESULT_OK);
	}
	http_response_header(req, "content-type", a->type);
	http_response(req, 200, a->data, a->len);
	return (KORE_RESULT_OK);
}
