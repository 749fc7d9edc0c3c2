/*
 * app.h: what the Kore glue shares between handlers.
 *
 * Handlers are thin: parse the request, call the core, render a page.
 * Each worker holds one SQLite connection (app_db), opened after fork.
 * Templates and assets are loaded once by the parent and inherited.
 */
#ifndef PORTAL_APP_H
#define PORTAL_APP_H

#include <kore/kore.h>
#include <kore/http.h>

#include "arena.h"
#include "buf.h"
#include "db.h"
#include "tmpl.h"

#define ALLOW_GET	0x01	/* GET and HEAD */
#define ALLOW_POST	0x02

extern struct db	*app_db;
extern struct tmpl_set	*app_templates;

/* One page being answered: its arena owns everything the page allocates. */
struct page {
	struct http_request	*req;
	struct arena		 arena;
	struct tval		*ctx;	/* data for the page's template */
	const char		*title;
};

int	page_begin(struct page *, struct http_request *, int);
int	page_render(struct page *, int, const char *);
int	page_error(struct page *, int);
void	page_end(struct page *);
void	http_security_headers(struct http_request *, int);

int	assets_load(const char *, char *, size_t);
const char *assets_version(const char *);

/* Route handlers, named in kore.conf. */
int	page_home(struct http_request *);
int	page_asset(struct http_request *);
int	page_not_found(struct http_request *);

#endif
