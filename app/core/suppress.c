/*
 * suppress.c: primary and secondary suppression of count tables (see
 * suppress.h).
 *
 * Whether a hidden count can be worked out is checked two ways, as a
 * reader with a calculator would: by linear algebra (any sum or difference
 * of lines that leaves one hidden count alone), and by bounds (each count
 * is at least zero, a "fewer than N" is below N, a "not shown" is at least
 * N, and a line's cells add up to its total), narrowed line by line until
 * nothing moves. A count is given away if either pins it to one value.
 * Tables here are small (a few lines, at most SUP_CELLS_MAX cells), so
 * both are cheap.
 */
#include <stdlib.h>
#include <string.h>

#include "suppress.h"

#define BIG	((int64_t)1 << 40)	/* no count is this large */
#define ABS(x)	((x) < 0 ? -(x) : (x))

void
sup_init(struct suppress *s, int64_t threshold)
{
	memset(s, 0, sizeof(*s));
	s->threshold = threshold;
}

static size_t
add(struct suppress *s, int64_t value, int total, enum sup_state state)
{
	if (s->ncells == SUP_CELLS_MAX)
		abort();
	s->value[s->ncells] = value;
	s->total[s->ncells] = total;
	s->state[s->ncells] = state;
	return (s->ncells++);
}

/* A published count; its index. */
size_t
sup_cell(struct suppress *s, int64_t value)
{
	return (add(s, value, 0, SUP_SHOWN));
}

/* A total: published, or known only to the table (never shown). */
size_t
sup_total(struct suppress *s, int64_t value, int published)
{
	return (add(s, value, 1, published ? SUP_SHOWN : SUP_UNPUBLISHED));
}

/* The cells add up to total. */
void
sup_line(struct suppress *s, size_t total, const size_t *cells, size_t n)
{
	struct sup_line	*l;

	if (s->nlines == SUP_LINES_MAX || n > SUP_LINE_MAX)
		abort();
	l = &s->line[s->nlines++];
	l->total = total;
	l->n = n;
	memcpy(l->cell, cells, n * sizeof(cells[0]));
}

/* Hide every published count under the threshold. */
void
sup_primary(struct suppress *s)
{
	size_t	 i;

	for (i = 0; i < s->ncells; i++)
		if (s->state[i] == SUP_SHOWN && s->value[i] < s->threshold)
			s->state[i] = SUP_SMALL;
}

static int
protected(const struct suppress *s, size_t i)
{
	return (s->state[i] == SUP_SMALL || s->state[i] == SUP_HIDDEN);
}

/*
 * Linear algebra: the lines as equations over the counts not shown.
 * Reduced to row echelon form, a hidden count is pinned when its pivot
 * row has no other unknown left in it.
 */
static int
pinned_linear(const struct suppress *s, size_t *which)
{
	double		 m[SUP_LINES_MAX][SUP_CELLS_MAX];
	size_t		 col[SUP_CELLS_MAX], pivot[SUP_LINES_MAX];
	size_t		 nc, r, c, i, j, k, best;
	double		 f, t;

	nc = 0;
	for (i = 0; i < s->ncells; i++)
		if (s->state[i] != SUP_SHOWN)
			col[nc++] = i;
	memset(m, 0, sizeof(m));
	for (r = 0; r < s->nlines; r++) {
		for (c = 0; c < nc; c++) {
			if (col[c] == s->line[r].total)
				m[r][c] = -1;
			for (k = 0; k < s->line[r].n; k++)
				if (s->line[r].cell[k] == col[c])
					m[r][c] += 1;
		}
	}
	r = 0;
	for (c = 0; c < nc && r < s->nlines; c++) {
		best = r;
		for (i = r + 1; i < s->nlines; i++)
			if (ABS(m[i][c]) > ABS(m[best][c]))
				best = i;
		if (ABS(m[best][c]) < 1e-9)
			continue;
		for (j = 0; j < nc; j++) {
			t = m[r][j];
			m[r][j] = m[best][j];
			m[best][j] = t;
		}
		f = m[r][c];
		for (j = 0; j < nc; j++)
			m[r][j] /= f;
		for (i = 0; i < s->nlines; i++) {
			if (i == r || ABS(m[i][c]) < 1e-9)
				continue;
			f = m[i][c];
			for (j = 0; j < nc; j++)
				m[i][j] -= f * m[r][j];
		}
		pivot[r++] = c;
	}
	for (i = 0; i < r; i++) {
		for (j = 0; j < nc; j++)
			if (j != pivot[i] && ABS(m[i][j]) > 1e-9)
				break;
		if (j == nc && protected(s, col[pivot[i]])) {
			*which = col[pivot[i]];
			return (1);
		}
	}
	return (0);
}

static void
start_bounds(const struct suppress *s, size_t i, int64_t *lo, int64_t *hi)
{
	switch (s->state[i]) {
	case SUP_SHOWN:
		*lo = *hi = s->value[i];
		break;
	case SUP_SMALL:
		*lo = 0;
		*hi = s->threshold - 1;
		break;
	case SUP_HIDDEN:
		*lo = s->threshold;
		*hi = BIG;
		break;
	default:
		*lo = 0;
		*hi = BIG;
		break;
	}
}

static int
narrow(int64_t *lo, int64_t *hi, int64_t nlo, int64_t nhi)
{
	int	 moved = 0;

	if (nlo > *lo) {
		*lo = nlo;
		moved = 1;
	}
	if (nhi < *hi) {
		*hi = nhi;
		moved = 1;
	}
	return (moved);
}

/* Narrow every count in line l from the others; 1 if anything moved. */
static int
narrow_line(const struct sup_line *l, int64_t *lo, int64_t *hi)
{
	int64_t	 slo, shi;
	size_t	 k, c;
	int	 moved;

	slo = shi = 0;
	for (k = 0; k < l->n; k++) {
		slo += lo[l->cell[k]];
		shi += hi[l->cell[k]];
	}
	moved = narrow(&lo[l->total], &hi[l->total], slo, shi);
	for (k = 0; k < l->n; k++) {
		c = l->cell[k];
		moved |= narrow(&lo[c], &hi[c],
		    lo[l->total] - (shi - hi[c]), hi[l->total] - (slo - lo[c]));
	}
	return (moved);
}

/* Bounds: what a reader can narrow each hidden count down to. */
static int
pinned_bounds(const struct suppress *s, size_t *which)
{
	int64_t	 lo[SUP_CELLS_MAX], hi[SUP_CELLS_MAX], l0, h0;
	size_t	 i, r;
	int	 moved, rounds;

	for (i = 0; i < s->ncells; i++)
		start_bounds(s, i, &lo[i], &hi[i]);
	for (rounds = 0; rounds < 200; rounds++) {
		moved = 0;
		for (r = 0; r < s->nlines; r++)
			moved |= narrow_line(&s->line[r], lo, hi);
		if (!moved)
			break;
	}
	for (i = 0; i < s->ncells; i++) {
		if (!protected(s, i))
			continue;
		start_bounds(s, i, &l0, &h0);
		/* "Fewer than 1" says 0 by itself: nothing more is given. */
		if (lo[i] >= hi[i] && l0 != h0) {
			*which = i;
			return (1);
		}
	}
	return (0);
}

/*
 * 1 if some hidden count can be worked out from what is shown (*which
 * says which), 0 if none can.
 */
int
sup_disclosed(const struct suppress *s, size_t *which)
{
	size_t	 dummy;

	if (which == NULL)
		which = &dummy;
	return (pinned_linear(s, which) || pinned_bounds(s, which));
}

static int
in_line(const struct sup_line *l, size_t i)
{
	size_t	 k;

	if (l->total == i)
		return (1);
	for (k = 0; k < l->n; k++)
		if (l->cell[k] == i)
			return (1);
	return (0);
}

/*
 * The count to hide next to protect cell d: the smallest shown count on a
 * line through d, a shown total on one if there is none, else the smallest
 * shown count anywhere. SUP_CELLS_MAX if nothing is left to hide.
 */
static size_t
next_to_hide(const struct suppress *s, size_t d)
{
	size_t	 best, r, k, c, pass;

	for (pass = 0; pass < 3; pass++) {
		best = SUP_CELLS_MAX;
		for (r = 0; r < s->nlines; r++) {
			if (pass < 2 && !in_line(&s->line[r], d))
				continue;
			for (k = 0; k <= s->line[r].n; k++) {
				c = k < s->line[r].n ? s->line[r].cell[k] :
				    s->line[r].total;
				if (s->state[c] != SUP_SHOWN ||
				    (pass == 0 && s->total[c]))
					continue;
				if (best == SUP_CELLS_MAX ||
				    s->value[c] < s->value[best])
					best = c;
			}
		}
		if (best != SUP_CELLS_MAX)
			return (best);
	}
	return (SUP_CELLS_MAX);
}

/* Primary, then secondary suppression until nothing can be worked out. */
void
sup_run(struct suppress *s)
{
	size_t	 d, h;

	sup_primary(s);
	while (sup_disclosed(s, &d)) {
		if ((h = next_to_hide(s, d)) == SUP_CELLS_MAX)
			break;
		s->state[h] = SUP_HIDDEN;
	}
}

int
sup_shown(const struct suppress *s, size_t i)
{
	return (s->state[i] == SUP_SHOWN);
}

/* A count as people read it. */
const char *
sup_text(const struct suppress *s, struct arena *a, size_t i)
{
	switch (s->state[i]) {
	case SUP_SHOWN:
		return (arena_printf(a, "%lld", (long long)s->value[i]));
	case SUP_SMALL:
		return (arena_printf(a, "fewer than %lld",
		    (long long)s->threshold));
	default:
		return ("not shown");
	}
}
