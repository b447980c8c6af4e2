/*
 * dense-simd.h - the vector tiles of dense.c, written once with gcc's
 * vector extensions and included there once per instruction set.  The
 * includer defines:
 *   SIMD(name)  the name with the set's suffix (name##_avx2)
 *   TARGET      the function attribute selecting the set
 *   VW          doubles per vector (4 or 8)
 *   RMAX        rows of the largest tile (4, or 6 with 32 registers)
 * and this file defines SIMD(mm), for products at least VW columns wide
 * (the columns left over, fewer than VW, go back to dense.c's mm()), and
 * SIMD(bias_grad).  Each output is still its start value plus its products
 * in the order of the shared index (a vector lane per output column; see
 * dense.c), so the results are the same bits as the portable tiles.
 */

typedef double SIMD(vec) __attribute__((vector_size(VW * sizeof(double))));

static inline TARGET SIMD(vec)
SIMD(load)(const double *q)
{
	SIMD(vec) v;

	memcpy(&v, q, sizeof v);
	return v;
}

static inline TARGET void
SIMD(store)(double *q, SIMD(vec) v)
{
	memcpy(q, &v, sizeof v);
}

/*
 * A tile of R rows (R <= RMAX) by V vectors of columns (V <= 2): the
 * accumulator acc[r][v] holds row r, columns VW v .. VW v + VW - 1.
 * Inlined with constant R and V, so the loops over them unroll and the
 * accumulators live in registers.
 */
static inline TARGET __attribute__((always_inline)) void
SIMD(tile)(const struct mm *a, double *p, const double *init,
    const double *u, const double *w, const int R, const int V)
{
	SIMD(vec) acc[RMAX][2], wv[2], zero = { 0 };
	long ps = a->ps, ur = a->ur, su = a->su, sw = a->sw;
	int n = a->n, r, v, k;

#pragma GCC unroll 6
	for (r = 0; r < R; r++)
#pragma GCC unroll 2
		for (v = 0; v < V; v++)
			acc[r][v] = init != NULL ? SIMD(load)(init + VW * v) :
			    a->zero ? zero : SIMD(load)(p + r * ps + VW * v);
	for (k = 0; k < n; k++, u += su, w += sw) {
#pragma GCC unroll 2
		for (v = 0; v < V; v++)
			wv[v] = SIMD(load)(w + VW * v);
#pragma GCC unroll 6
		for (r = 0; r < R; r++) {
			/* a broadcast (x - 0 is x, -0 included) */
			SIMD(vec) s = u[r * ur] - zero;

#pragma GCC unroll 2
			for (v = 0; v < V; v++)
				acc[r][v] += s * wv[v];
		}
	}
#pragma GCC unroll 6
	for (r = 0; r < R; r++)
#pragma GCC unroll 2
		for (v = 0; v < V; v++)
			SIMD(store)(p + r * ps + VW * v, acc[r][v]);
}

/* Rows r0 .. r0 + R - 1, all columns up to the last whole vector. */
static inline TARGET __attribute__((always_inline)) void
SIMD(rows)(const struct mm *a, int r0, const int R)
{
	double *p = a->p + r0 * a->ps;
	const double *u = a->u + r0 * a->ur;
	int j;

	for (j = 0; j + 2 * VW <= a->C; j += 2 * VW)
		SIMD(tile)(a, p + j, a->init ? a->init + j : NULL, u, a->w + j,
		    R, 2);
	if (j + VW <= a->C)
		SIMD(tile)(a, p + j, a->init ? a->init + j : NULL, u, a->w + j,
		    R, 1);
}

static TARGET void
SIMD(mm)(const struct mm *a)
{
	int r, cv = a->C - a->C % VW;

	for (r = 0; r + RMAX <= a->R; r += RMAX)
		SIMD(rows)(a, r, RMAX);
	if (RMAX > 4 && r + 4 <= a->R) {
		SIMD(rows)(a, r, 4);
		r += 4;
	}
	if (r + 2 <= a->R) {
		SIMD(rows)(a, r, 2);
		r += 2;
	}
	if (r < a->R)
		SIMD(rows)(a, r, 1);
	if (cv < a->C) {	/* the columns left over, on a narrower path */
		struct mm t = *a;

		t.p += cv;
		t.init = t.init ? t.init + cv : NULL;
		t.w += cv;
		t.C -= cv;
		mm(&t);
	}
}

/* db[j] += the sum over the rows, in order, of dz[r * out + j] */
static TARGET void
SIMD(bias_grad)(double *restrict db, const double *restrict dz, int B,
    int out)
{
	int r, j = 0;

	for (; j + VW <= out; j += VW) {
		SIMD(vec) s = SIMD(load)(db + j);

		for (r = 0; r < B; r++)
			s += SIMD(load)(dz + (long)r * out + j);
		SIMD(store)(db + j, s);
	}
	for (; j < out; j++)
		for (r = 0; r < B; r++)
			db[j] += dz[(long)r * out + j];
}
