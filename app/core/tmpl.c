/*
 * tmpl.c: Mustache templates (see tmpl.h).
 *
 * A template is parsed into a tree of nodes that point into its own copy
 * of the source. Rendering walks the tree with a stack of contexts held in
 * C stack frames, so there is no fixed depth apart from the partial guard.
 *
 * Not supported, on purpose: delimiter changes, lambdas, inheritance and
 * dynamic partial names. A template that uses them fails to load.
 */
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "tmpl.h"

#define PARTIAL_DEPTH_MAX	32
/*
 * A template that includes itself twice grows as 2^depth: whatever the
 * templates, rendering stops after this many nodes or this much output.
 * Real pages use a few thousand nodes and well under a megabyte.
 */
#define RENDER_NODES_MAX	(1 << 20)
#define RENDER_OUTPUT_MAX	(16 * 1024 * 1024)
#define NAME_PARTS_MAX		8
#define TEMPLATE_FILE_MAX	(1024 * 1024)

enum tv_type {
	TV_NULL,
	TV_BOOL,
	TV_STR,
	TV_LIST,
	TV_MAP,
};

struct tv_entry {
	const char	*key;
	uint32_t	 hash;		/* key_hash(key) */
	struct tval	*val;
	struct tv_entry	*next;
};

struct tval {
	enum tv_type	 type;
	struct arena	*arena;
	struct tv_entry	*entry;		/* the list entry holding it, if any */
	int		 b;
	const char	*s;
	size_t		 len;
	struct tv_entry	*head;		/* map entries or list items */
	struct tv_entry	*tail;
	size_t		 count;
};

enum node_type {
	N_TEXT,
	N_VAR,
	N_RAW,
	N_SECTION,
	N_INVERTED,
	N_PARTIAL,
};

struct node {
	enum node_type	 type;
	const char	*text;		/* text, or the tag's name */
	size_t		 len;
	const char	*parts[NAME_PARTS_MAX];
	uint32_t	 hashes[NAME_PARTS_MAX];	/* key_hash(parts[i]) */
	size_t		 nparts;	/* 0 means the implicit iterator */
	const char	*indent;	/* standalone partial indentation */
	size_t		 indentlen;
	int		 line;
	struct node	*kids;
	size_t		 nkids;
};

struct tmpl {
	char		*name;
	char		*src;		/* owned; nodes point into it */
	char		*names;		/* owned; NUL-split tag names */
	struct node	*nodes;
	size_t		 nnodes;
	uint32_t	 hash;		/* key_hash(name) */
	struct tmpl	*next;		/* every template, in order added */
	struct tmpl	*chain;		/* the next in its bucket */
};

/* Every page names its template and the layout's partials: a list walked
 * with strcmp was a visible part of a small page. */
#define TMPL_BUCKETS	128

struct tmpl_set {
	struct tmpl	*head;
	struct tmpl	*bucket[TMPL_BUCKETS];
};

struct block {
	struct node	*nodes;
	size_t		 n;
	size_t		 cap;
};

struct parser {
	const char	*tname;
	const char	*src;
	size_t		 len;
	size_t		 pos;
	char		*names;
	size_t		 names_used;
	char		*err;
	size_t		 errlen;
};

struct ctx {
	const struct tval	*v;
	const struct ctx	*up;
};

struct render {
	const struct tmpl_set	*set;
	struct buf		*out;
	const char		*indent;
	size_t			 indentlen;
	int			 pending;	/* indentation owed at line start */
	int			 depth;
	long			 budget;	/* nodes left to render */
};

static int	parse_block(struct parser *, struct block *, const char *,
		    int);
static void	render_nodes(struct render *, const struct node *, size_t,
		    const struct ctx *);

/*
 * Values.
 */

static struct tval *
tv_new(struct arena *a, enum tv_type type)
{
	struct tval	*v;

	v = arena_alloc(a, sizeof(*v));
	v->type = type;
	v->arena = a;
	return (v);
}

struct tval *
tv_map(struct arena *a)
{
	return (tv_new(a, TV_MAP));
}

struct tval *
tv_list(struct arena *a)
{
	return (tv_new(a, TV_LIST));
}

struct tval *
tv_strn(struct arena *a, const char *s, size_t len)
{
	struct tval	*v;

	if (s == NULL)
		return (tv_new(a, TV_NULL));
	v = tv_new(a, TV_STR);
	v->s = arena_strndup(a, s, len);
	v->len = len;
	return (v);
}

struct tval *
tv_str(struct arena *a, const char *s)
{
	return (tv_strn(a, s, s == NULL ? 0 : strlen(s)));
}

struct tval *
tv_bool(struct arena *a, int b)
{
	struct tval	*v;

	v = tv_new(a, TV_BOOL);
	v->b = b != 0;
	return (v);
}

/*
 * FNV-1a. A page's context holds dozens of keys and the layout looks up
 * dozens of names from inside every list row: compared by string, that
 * was a tenth of a small page's time. Keys are compared by hash first.
 */
static uint32_t
key_hash(const char *key)
{
	uint32_t	 h;

	for (h = 2166136261u; *key != '\0'; key++)
		h = (h ^ (unsigned char)*key) * 16777619u;
	return (h);
}

static struct tv_entry *
find_entry(const struct tval *map, const char *key, uint32_t hash)
{
	struct tv_entry	*e;

	for (e = map->head; e != NULL; e = e->next)
		if (e->hash == hash && strcmp(e->key, key) == 0)
			return (e);
	return (NULL);
}

static void
tv_append(struct tval *c, const char *key, uint32_t hash, struct tval *val)
{
	struct tv_entry	*e;

	e = arena_alloc(c->arena, sizeof(*e));
	e->key = key;
	e->hash = hash;
	e->val = val;
	if (c->tail == NULL)
		c->head = e;
	else
		c->tail->next = e;
	c->tail = e;
	c->count++;
}

/* Setting a key twice replaces the value, so defaults can be overridden. */
void
tv_set(struct tval *map, const char *key, struct tval *val)
{
	struct tv_entry	*e;
	uint32_t	 hash;

	hash = key_hash(key);
	if ((e = find_entry(map, key, hash)) != NULL) {
		e->val = val;
		return;
	}
	tv_append(map, key, hash, val);
}

void
tv_set_str(struct tval *map, const char *key, const char *s)
{
	tv_set(map, key, tv_str(map->arena, s));
}

/* Ids and counts are on every row of every list: printf was a visible
 * part of a small page. */
void
tv_set_int(struct tval *map, const char *key, int64_t n)
{
	char		 digits[24], *p = digits + sizeof(digits);
	uint64_t	 u = n < 0 ? -(uint64_t)n : (uint64_t)n;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (n < 0)
		*--p = '-';
	tv_set(map, key, tv_strn(map->arena, p,
	    (size_t)(digits + sizeof(digits) - p)));
}

void
tv_set_bool(struct tval *map, const char *key, int b)
{
	tv_set(map, key, tv_bool(map->arena, b));
}

struct tval *
tv_set_map(struct tval *map, const char *key)
{
	struct tval	*v;

	v = tv_map(map->arena);
	tv_set(map, key, v);
	return (v);
}

struct tval *
tv_set_list(struct tval *map, const char *key)
{
	struct tval	*v;

	v = tv_list(map->arena);
	tv_set(map, key, v);
	return (v);
}

void
tv_push(struct tval *list, struct tval *val)
{
	tv_append(list, "", 0, val);
	val->entry = list->tail;
}

struct tval *
tv_push_map(struct tval *list)
{
	struct tval	*v;

	v = tv_map(list->arena);
	tv_push(list, v);
	return (v);
}

/* The arena a value lives in: children go there too. */
struct arena *
tv_arena(struct tval *v)
{
	return (v->arena);
}

size_t
tv_count(const struct tval *v)
{
	return (v == NULL ? 0 : v->count);
}

static const struct tval *
get_hashed(const struct tval *map, const char *key, uint32_t hash)
{
	const struct tv_entry	*e;

	if (map == NULL || map->type != TV_MAP)
		return (NULL);
	e = find_entry(map, key, hash);
	return (e != NULL ? e->val : NULL);
}

const struct tval *
tv_get(const struct tval *map, const char *key)
{
	return (get_hashed(map, key, key_hash(key)));
}

const char *
tv_get_str(const struct tval *map, const char *key)
{
	const struct tval	*v;

	v = tv_get(map, key);
	return (v != NULL && v->type == TV_STR ? v->s : NULL);
}

static int	tv_truthy(const struct tval *);

/* Whether map's key is true as a section would see it. */
int
tv_truthy_key(const struct tval *map, const char *key)
{
	return (tv_truthy(tv_get(map, key)));
}

/*
 * Walking a list from C (for exports): items carry their entry, so the
 * next one is found through it.
 */
const struct tval *
tv_first(const struct tval *list)
{
	return (list != NULL && list->type == TV_LIST && list->head != NULL ?
	    list->head->val : NULL);
}

const struct tval *
tv_next(const struct tval *item)
{
	return (item != NULL && item->entry != NULL && item->entry->next !=
	    NULL ? item->entry->next->val : NULL);
}

/* Empty strings are falsey too: "{{#error}}" then reads naturally. */
static int
tv_truthy(const struct tval *v)
{
	if (v == NULL)
		return (0);
	switch (v->type) {
	case TV_NULL:
		return (0);
	case TV_BOOL:
		return (v->b);
	case TV_STR:
		return (v->len > 0);
	case TV_LIST:
		return (v->count > 0);
	case TV_MAP:
		return (1);
	}
	return (0);
}

/*
 * Parsing.
 */

static int
line_of(const struct parser *p, size_t at)
{
	size_t	 i;
	int	 line;

	line = 1;
	for (i = 0; i < at; i++)
		if (p->src[i] == '\n')
			line++;
	return (line);
}

static int __attribute__((format(printf, 3, 4)))
perr(struct parser *p, size_t at, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	n = snprintf(p->err, p->errlen, "%s.html:%d: ", p->tname,
	    line_of(p, at));
	if (n > 0 && (size_t)n < p->errlen) {
		va_start(ap, fmt);
		(void)vsnprintf(p->err + n, p->errlen - (size_t)n, fmt, ap);
		va_end(ap);
	}
	return (-1);
}

static struct node *
block_add(struct block *b, enum node_type type)
{
	struct node	*n;

	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 8;
		n = reallocarray(b->nodes, b->cap, sizeof(*n));
		if (n == NULL)
			abort();
		b->nodes = n;
	}
	n = &b->nodes[b->n++];
	memset(n, 0, sizeof(*n));
	n->type = type;
	return (n);
}

static void
nodes_free(struct node *nodes, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		nodes_free(nodes[i].kids, nodes[i].nkids);
	free(nodes);
}

static int
is_blank(char c)
{
	return (c == ' ' || c == '\t');
}

/*
 * Copy a trimmed tag name into the parser's name store and split dotted
 * names there, so a node can point at its parts.
 */
static int
set_name(struct parser *p, struct node *n, const char *s, size_t len,
    size_t at)
{
	char	*name, *part, *dot;

	while (len > 0 && (is_blank(*s) || *s == '\n' || *s == '\r')) {
		s++;
		len--;
	}
	while (len > 0 && (is_blank(s[len - 1]) || s[len - 1] == '\n' ||
	    s[len - 1] == '\r'))
		len--;
	if (len == 0)
		return (perr(p, at, "a tag has no name"));
	name = p->names + p->names_used;
	memcpy(name, s, len);
	name[len] = '\0';
	p->names_used += len + 1;
	n->text = name;
	n->len = len;
	if (strcmp(name, ".") == 0)
		return (0);
	part = name;
	for (;;) {
		if (n->nparts == NAME_PARTS_MAX)
			return (perr(p, at, "the name '%s' is too deep", name));
		dot = strchr(part, '.');
		if (dot != NULL)
			*dot = '\0';
		if (*part == '\0')
			return (perr(p, at, "the name '%s' has an empty part",
			    n->text));
		n->hashes[n->nparts] = key_hash(part);
		n->parts[n->nparts++] = part;
		if (dot == NULL)
			break;
		part = dot + 1;
	}
	return (0);
}

/*
 * A section, inverted, close, comment or partial tag alone on its line
 * (blanks either side) takes the whole line with it.
 */
static int
standalone(const struct parser *p, size_t tag, size_t end, size_t *ls,
    size_t *next)
{
	size_t	 i;

	i = tag;
	while (i > 0 && p->src[i - 1] != '\n')
		i--;
	if (i < p->pos)
		return (0);
	*ls = i;
	for (; i < tag; i++)
		if (!is_blank(p->src[i]))
			return (0);
	i = end;
	while (i < p->len && is_blank(p->src[i]))
		i++;
	if (i == p->len)
		*next = i;
	else if (p->src[i] == '\n')
		*next = i + 1;
	else if (p->src[i] == '\r' && i + 1 < p->len && p->src[i + 1] == '\n')
		*next = i + 2;
	else
		return (0);
	return (1);
}

static void
add_text(struct block *b, const char *s, size_t len)
{
	struct node	*n;

	if (len == 0)
		return;
	n = block_add(b, N_TEXT);
	n->text = s;
	n->len = len;
}

/* Parse the body of the section just added as b's last node. */
static int
parse_section(struct parser *p, struct block *b)
{
	struct block	 kids;
	struct node	*n;
	int		 rc;

	memset(&kids, 0, sizeof(kids));
	n = &b->nodes[b->n - 1];
	rc = parse_block(p, &kids, n->text, n->line);
	n->kids = kids.nodes;
	n->nkids = kids.n;
	return (rc);
}

/* {{/name}} must close the innermost open section. */
static int
close_tag(struct parser *p, const char *body, size_t bodylen, size_t tag,
    const char *open, int oline)
{
	struct node	 tmp;
	char		 msg[200];

	memset(&tmp, 0, sizeof(tmp));
	if (set_name(p, &tmp, body, bodylen, tag) == -1)
		return (-1);
	if (open == NULL)
		return (perr(p, tag, "{{/%s}} closes a section that was never "
		    "opened", tmp.text));
	if (strcmp(tmp.text, open) == 0)
		return (0);
	(void)snprintf(msg, sizeof(msg), "{{/%s}} does not match {{#%s}} "
	    "opened at line %d", tmp.text, open, oline);
	return (perr(p, tag, "%s", msg));
}

/*
 * Parse nodes into b until the close tag of `open` (or the end when open
 * is NULL). Returns 0 on success.
 */
static int
parse_block(struct parser *p, struct block *b, const char *open, int oline)
{
	const char	*s, *close, *body;
	size_t		 tag, end, bodylen, ls = 0, next, textend;
	struct node	*n;
	char		 sigil;

	s = p->src;
	for (;;) {
		close = p->pos < p->len ?
		    memmem(s + p->pos, p->len - p->pos, "{{", 2) : NULL;
		if (close == NULL) {
			add_text(b, s + p->pos, p->len - p->pos);
			p->pos = p->len;
			if (open != NULL) {
				(void)snprintf(p->err, p->errlen,
				    "%s.html:%d: the section {{#%s}} is never "
				    "closed", p->tname, oline, open);
				return (-1);
			}
			return (0);
		}
		tag = (size_t)(close - s);
		sigil = tag + 2 < p->len ? s[tag + 2] : '\0';
		body = s + tag + 2;
		if (sigil == '{') {
			body++;
			close = memmem(body, p->len - (size_t)(body - s),
			    "}}}", 3);
			end = close ? (size_t)(close - s) + 3 : 0;
		} else {
			if (sigil == '&' || sigil == '#' || sigil == '^' ||
			    sigil == '/' || sigil == '!' || sigil == '>' ||
			    sigil == '=')
				body++;
			close = memmem(body, p->len - (size_t)(body - s),
			    "}}", 2);
			end = close ? (size_t)(close - s) + 2 : 0;
		}
		if (close == NULL)
			return (perr(p, tag, "a tag is opened with {{ but never "
			    "closed"));
		bodylen = (size_t)(close - body);
		if (sigil == '=')
			return (perr(p, tag, "delimiter changes are not "
			    "supported"));

		textend = tag;
		next = end;
		if ((sigil == '#' || sigil == '^' || sigil == '/' ||
		    sigil == '!' || sigil == '>') &&
		    standalone(p, tag, end, &ls, &next))
			textend = ls;
		else
			next = end;
		add_text(b, s + p->pos, textend - p->pos);
		p->pos = next;

		switch (sigil) {
		case '!':
			break;
		case '/':
			return (close_tag(p, body, bodylen, tag, open, oline));
		case '#':
		case '^':
			n = block_add(b, sigil == '#' ? N_SECTION : N_INVERTED);
			if (set_name(p, n, body, bodylen, tag) == -1)
				return (-1);
			n->line = line_of(p, tag);
			if (parse_section(p, b) == -1)
				return (-1);
			break;
		case '>':
			n = block_add(b, N_PARTIAL);
			if (set_name(p, n, body, bodylen, tag) == -1)
				return (-1);
			n->line = line_of(p, tag);
			if (textend != tag) {
				n->indent = s + ls;
				n->indentlen = tag - ls;
			}
			break;
		default:
			n = block_add(b, sigil == '{' || sigil == '&' ?
			    N_RAW : N_VAR);
			if (set_name(p, n, body, bodylen, tag) == -1)
				return (-1);
			n->line = line_of(p, tag);
			break;
		}
	}
}

static void
tmpl_free(struct tmpl *t)
{
	nodes_free(t->nodes, t->nnodes);
	free(t->names);
	free(t->src);
	free(t->name);
	free(t);
}

static struct tmpl *
tmpl_find(const struct tmpl_set *set, const char *name)
{
	struct tmpl	*t;
	uint32_t	 hash = key_hash(name);

	for (t = set->bucket[hash % TMPL_BUCKETS]; t != NULL; t = t->chain)
		if (t->hash == hash && strcmp(t->name, name) == 0)
			return (t);
	return (NULL);
}

/* Put t in place of old (NULL: none) in t's bucket. */
static void
tmpl_bucket_put(struct tmpl_set *set, struct tmpl *t, struct tmpl *old)
{
	struct tmpl	**tp;

	for (tp = &set->bucket[t->hash % TMPL_BUCKETS]; *tp != NULL;
	    tp = &(*tp)->chain) {
		if (*tp == old) {
			t->chain = old->chain;
			*tp = t;
			return;
		}
	}
	t->chain = NULL;
	*tp = t;
}

struct tmpl_set *
tmpl_set_new(void)
{
	struct tmpl_set	*set;

	if ((set = calloc(1, sizeof(*set))) == NULL)
		abort();
	return (set);
}

void
tmpl_set_free(struct tmpl_set *set)
{
	struct tmpl	*t, *next;

	if (set == NULL)
		return;
	for (t = set->head; t != NULL; t = next) {
		next = t->next;
		tmpl_free(t);
	}
	free(set);
}

int
tmpl_exists(const struct tmpl_set *set, const char *name)
{
	return (tmpl_find(set, name) != NULL);
}

/* Parse src as template `name`, replacing one of the same name. */
int
tmpl_set_add(struct tmpl_set *set, const char *name, const char *src,
    size_t len, char *err, size_t errlen)
{
	struct parser	 p;
	struct block	 b;
	struct tmpl	*t, **tp;

	if ((t = calloc(1, sizeof(*t))) == NULL)
		abort();
	if ((t->name = strdup(name)) == NULL ||
	    (t->src = malloc(len + 1)) == NULL ||
	    (t->names = malloc(len + 1)) == NULL)
		abort();
	memcpy(t->src, src, len);
	t->src[len] = '\0';

	memset(&p, 0, sizeof(p));
	p.tname = name;
	p.src = t->src;
	p.len = len;
	p.names = t->names;
	p.err = err;
	p.errlen = errlen;
	memset(&b, 0, sizeof(b));
	if (parse_block(&p, &b, NULL, 0) == -1) {
		nodes_free(b.nodes, b.n);
		tmpl_free(t);
		return (-1);
	}
	t->nodes = b.nodes;
	t->nnodes = b.n;
	t->hash = key_hash(name);

	for (tp = &set->head; *tp != NULL; tp = &(*tp)->next) {
		if (strcmp((*tp)->name, name) == 0) {
			tmpl_bucket_put(set, t, *tp);
			t->next = (*tp)->next;
			tmpl_free(*tp);
			*tp = t;
			return (0);
		}
	}
	tmpl_bucket_put(set, t, NULL);
	*tp = t;
	return (0);
}

static int
read_file(const char *path, char **out, size_t *outlen)
{
	FILE	*fp;
	char	*data;
	size_t	 n;

	if ((fp = fopen(path, "rb")) == NULL)
		return (-1);
	if ((data = malloc(TEMPLATE_FILE_MAX)) == NULL)
		abort();
	n = fread(data, 1, TEMPLATE_FILE_MAX, fp);
	if (ferror(fp) || n == TEMPLATE_FILE_MAX) {
		fclose(fp);
		free(data);
		errno = EFBIG;
		return (-1);
	}
	fclose(fp);
	*out = data;
	*outlen = n;
	return (0);
}

/* Load every DIR/NAME.html as template NAME. */
int
tmpl_set_load_dir(struct tmpl_set *set, const char *dir, char *err,
    size_t errlen)
{
	DIR		*d;
	struct dirent	*de;
	char		 path[4096], name[256], *src;
	size_t		 nlen, srclen;
	int		 rc;

	if ((d = opendir(dir)) == NULL) {
		(void)snprintf(err, errlen, "cannot open the templates folder "
		    "%s: %s", dir, strerror(errno));
		return (-1);
	}
	rc = 0;
	while (rc == 0 && (de = readdir(d)) != NULL) {
		nlen = strlen(de->d_name);
		if (nlen <= 5 || nlen - 5 >= sizeof(name) ||
		    strcmp(de->d_name + nlen - 5, ".html") != 0)
			continue;
		memcpy(name, de->d_name, nlen - 5);
		name[nlen - 5] = '\0';
		(void)snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if (read_file(path, &src, &srclen) == -1) {
			(void)snprintf(err, errlen, "cannot read %s: %s",
			    path, strerror(errno));
			rc = -1;
			break;
		}
		rc = tmpl_set_add(set, name, src, srclen, err, errlen);
		free(src);
	}
	closedir(d);
	return (rc);
}

static int
check_nodes(const struct tmpl_set *set, const struct tmpl *t,
    const struct node *nodes, size_t n, char *err, size_t errlen)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (nodes[i].type == N_PARTIAL &&
		    tmpl_find(set, nodes[i].text) == NULL) {
			(void)snprintf(err, errlen, "%s.html:%d: the partial "
			    "{{> %s}} has no template %s.html", t->name,
			    nodes[i].line, nodes[i].text, nodes[i].text);
			return (-1);
		}
		if (check_nodes(set, t, nodes[i].kids, nodes[i].nkids,
		    err, errlen) == -1)
			return (-1);
	}
	return (0);
}

/* Every partial a template names must exist: checked once at start. */
int
tmpl_set_check(const struct tmpl_set *set, char *err, size_t errlen)
{
	const struct tmpl	*t;

	for (t = set->head; t != NULL; t = t->next)
		if (check_nodes(set, t, t->nodes, t->nnodes, err, errlen) == -1)
			return (-1);
	return (0);
}

/*
 * Rendering.
 */

void
html_escape(struct buf *out, const char *s, size_t len)
{
	size_t	 i, start;
	const char	*rep;

	start = 0;
	for (i = 0; i < len; i++) {
		switch (s[i]) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		default:
			continue;
		}
		buf_append(out, s + start, i - start);
		buf_puts(out, rep);
		start = i + 1;
	}
	buf_append(out, s + start, len - start);
}

static const struct tval *
lookup(const struct ctx *c, const struct node *n)
{
	const struct tval	*v;
	size_t			 i;

	if (n->nparts == 0)
		return (c->v);
	v = NULL;
	for (; c != NULL; c = c->up) {
		if ((v = get_hashed(c->v, n->parts[0], n->hashes[0])) != NULL)
			break;
	}
	for (i = 1; v != NULL && i < n->nparts; i++)
		v = get_hashed(v, n->parts[i], n->hashes[i]);
	return (v);
}

static void
emit_indent(struct render *r)
{
	if (r->pending) {
		buf_append(r->out, r->indent, r->indentlen);
		r->pending = 0;
	}
}

/* Template text: partial indentation goes after every newline. */
static void
emit_text(struct render *r, const char *s, size_t len)
{
	const char	*nl;
	size_t		 chunk;

	if (r->indentlen == 0) {
		buf_append(r->out, s, len);
		return;
	}
	while (len > 0) {
		emit_indent(r);
		nl = memchr(s, '\n', len);
		chunk = nl ? (size_t)(nl - s) + 1 : len;
		buf_append(r->out, s, chunk);
		if (nl != NULL)
			r->pending = 1;
		s += chunk;
		len -= chunk;
	}
}

static void
emit_value(struct render *r, const struct tval *v, int escape)
{
	if (v == NULL)
		return;
	switch (v->type) {
	case TV_STR:
		if (v->len == 0)
			return;
		emit_indent(r);
		if (escape)
			html_escape(r->out, v->s, v->len);
		else
			buf_append(r->out, v->s, v->len);
		break;
	case TV_BOOL:
		emit_indent(r);
		buf_puts(r->out, v->b ? "true" : "false");
		break;
	default:
		break;
	}
}

static void
render_partial(struct render *r, const struct node *n, const struct ctx *c)
{
	const struct tmpl	*t;
	const char		*oindent;
	size_t			 olen;
	char			*joined;

	if ((t = tmpl_find(r->set, n->text)) == NULL)
		return;
	if (r->depth >= PARTIAL_DEPTH_MAX)
		return;
	oindent = r->indent;
	olen = r->indentlen;
	joined = NULL;
	if (n->indentlen > 0) {
		if ((joined = malloc(olen + n->indentlen)) == NULL)
			abort();
		memcpy(joined, oindent, olen);
		memcpy(joined + olen, n->indent, n->indentlen);
		r->indent = joined;
		r->indentlen = olen + n->indentlen;
		r->pending = 1;
	}
	r->depth++;
	render_nodes(r, t->nodes, t->nnodes, c);
	r->depth--;
	r->indent = oindent;
	r->indentlen = olen;
	free(joined);
}

static void
render_section(struct render *r, const struct node *n, const struct ctx *c)
{
	const struct tval	*v;
	const struct tv_entry	*e;
	struct ctx		 inner;

	v = lookup(c, n);
	if (n->type == N_INVERTED) {
		if (!tv_truthy(v))
			render_nodes(r, n->kids, n->nkids, c);
		return;
	}
	if (!tv_truthy(v))
		return;
	inner.up = c;
	if (v->type == TV_LIST) {
		for (e = v->head; e != NULL; e = e->next) {
			inner.v = e->val;
			render_nodes(r, n->kids, n->nkids, &inner);
		}
		return;
	}
	inner.v = v;
	render_nodes(r, n->kids, n->nkids, &inner);
}

static void
render_nodes(struct render *r, const struct node *nodes, size_t n,
    const struct ctx *c)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (r->budget-- <= 0 || r->out->len > RENDER_OUTPUT_MAX) {
			r->budget = 0;
			return;
		}
		switch (nodes[i].type) {
		case N_TEXT:
			emit_text(r, nodes[i].text, nodes[i].len);
			break;
		case N_VAR:
		case N_RAW:
			emit_value(r, lookup(c, &nodes[i]),
			    nodes[i].type == N_VAR);
			break;
		case N_SECTION:
		case N_INVERTED:
			render_section(r, &nodes[i], c);
			break;
		case N_PARTIAL:
			render_partial(r, &nodes[i], c);
			break;
		}
	}
}

/* Render template `name` with ctx into out. -1 if there is no such template. */
int
tmpl_render(const struct tmpl_set *set, const char *name,
    const struct tval *ctx, struct buf *out)
{
	const struct tmpl	*t;
	struct render		 r;
	struct ctx		 c;

	if ((t = tmpl_find(set, name)) == NULL)
		return (-1);
	memset(&r, 0, sizeof(r));
	r.set = set;
	r.out = out;
	r.indent = "";
	r.budget = RENDER_NODES_MAX;
	c.v = ctx;
	c.up = NULL;
	render_nodes(&r, t->nodes, t->nnodes, &c);
	return (0);
}

/*
 * A value tree as JSON: maps as objects, lists as arrays, strings and
 * booleans as themselves. Exports build one tree for the page and the
 * download, so the two always say the same.
 */
void
tv_json(const struct tval *v, struct buf *out)
{
	const struct tv_entry	*e;

	if (v == NULL) {
		buf_puts(out, "null");
		return;
	}
	switch (v->type) {
	case TV_NULL:
		buf_puts(out, "null");
		break;
	case TV_BOOL:
		buf_puts(out, v->b ? "true" : "false");
		break;
	case TV_STR:
		json_str(out, v->s);
		break;
	case TV_LIST:
		buf_putc(out, '[');
		for (e = v->head; e != NULL; e = e->next) {
			if (e != v->head)
				buf_putc(out, ',');
			tv_json(e->val, out);
		}
		buf_putc(out, ']');
		break;
	case TV_MAP:
		buf_putc(out, '{');
		for (e = v->head; e != NULL; e = e->next) {
			json_key(out, e->key, e == v->head);
			tv_json(e->val, out);
		}
		buf_putc(out, '}');
		break;
	}
}
