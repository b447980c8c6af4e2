/*
 * dense.c - the products of a dense layer on a mini-batch: forward
 * z = x W + b, and backward dW += x^T dz, db += sum of dz's rows,
 * dx = dz W^T (through a transposed copy of W).
 *
 * All three are one operation, mm(): every output is its start value plus
 * the products of a row of one operand and a column of the other, added in
 * the order of the shared index.  Blocking only chooses which outputs are
 * computed together (a tile of rows x columns whose sums run side by side,
 * so each loaded value is used several times and the sums stay in
 * registers); it never splits or reorders a sum.  Any tiling therefore
 * gives the same bits, which is what lets the engine pick its code path at
 * run time and still reproduce every golden file on every machine.
 *
 * Three code paths, chosen at run time for each product: the fastest the
 * processor has whose vectors the product's rows fill (see path()):
 * - portable C: 4x4 and 2x4 register tiles in plain C, which gcc's
 *   basic-block vectoriser turns into SSE2 at -O2 without extra flags;
 * - AVX2 and AVX-512 (x86-64 with gcc or clang): the same tiles written
 *   once with vector extensions (dense-simd.h), up to 4 rows by 8 columns
 *   (AVX2) or 6 rows by 16 (AVX-512), compiled for those instruction sets
 *   only inside this file.  A product and a sum stay two roundings as in
 *   the portable code: the build passes -ffp-contract=off (C11 mode does
 *   too), so no a * b + c becomes an fma even where the set has one.
 * tests/nn/test-dense.c checks every path against plain in-order loops
 * and trains the same nets on each, comparing them bit for bit.
 */
#include "config.h"

#include <string.h>

#include "nn/nn-internal.h"

#if defined(__GNUC__) && defined(__x86_64__)
#define HAVE_X86_PATHS 1
#endif

/*
 * The operation of every kernel: for r < R, c < C,
 *   p[r*ps + c] = start + sum over k < n, in order, of
 *                 u[r*ur + k*su] * w[k*sw + c]
 * where start is init[c] (a bias), or 0 when init is NULL and zero is
 * set, or else p[r*ps + c] itself (accumulate).
 */
struct mm {
	double *p;
	const double *init;
	int zero;
	long ps;
	const double *u;
	long ur, su;
	const double *w;
	long sw;
	int R, C, n;
};

/* The code paths, slowest first (see "dispatch" below), and the doubles
 * in a vector of each SIMD one. */
enum { PORTABLE, AVX2, AVX512 };
enum { AVX2_VW = 4, AVX512_VW = 8 };

static void mm(const struct mm *a);

/* ============================================================ portable */

/*
 * The portable tiles: tile4x4() (4 rows x 4 columns of accumulators), then
 * tile2x4() for two rows left, then the tails.  The eight independent add
 * chains of the 4x4 tile hide the add latency a 2x4 tile waits on.
 */
#define START(q, c) (init != NULL ? init[c] : zero ? 0.0 : (q)[c])
static inline void
tile2x4(double *restrict p, const double *restrict init, int zero, long ps,
    const double *restrict u, long ur, long su, const double *restrict w,
    long sw, int n)
{
	double *p0 = p, *p1 = p0 + ps;
	double a0 = START(p0, 0), a1 = START(p0, 1), a2 = START(p0, 2),
	    a3 = START(p0, 3);
	double c0 = START(p1, 0), c1 = START(p1, 1), c2 = START(p1, 2),
	    c3 = START(p1, 3);
	int k;

	for (k = 0; k < n; k++, u += su, w += sw) {
		double s = u[0], t = u[ur];

		a0 += s * w[0];
		a1 += s * w[1];
		a2 += s * w[2];
		a3 += s * w[3];
		c0 += t * w[0];
		c1 += t * w[1];
		c2 += t * w[2];
		c3 += t * w[3];
	}
	p0[0] = a0, p0[1] = a1, p0[2] = a2, p0[3] = a3;
	p1[0] = c0, p1[1] = c1, p1[2] = c2, p1[3] = c3;
}

static inline void
tile4x4(double *restrict p, const double *restrict init, int zero, long ps,
    const double *restrict u, long ur, long su, const double *restrict w,
    long sw, int n)
{
	double *p0 = p, *p1 = p0 + ps, *p2 = p1 + ps, *p3 = p2 + ps;
	double a0 = START(p0, 0), a1 = START(p0, 1), a2 = START(p0, 2),
	    a3 = START(p0, 3);
	double b0 = START(p1, 0), b1 = START(p1, 1), b2 = START(p1, 2),
	    b3 = START(p1, 3);
	double c0 = START(p2, 0), c1 = START(p2, 1), c2 = START(p2, 2),
	    c3 = START(p2, 3);
	double d0 = START(p3, 0), d1 = START(p3, 1), d2 = START(p3, 2),
	    d3 = START(p3, 3);
	int k;

	for (k = 0; k < n; k++, u += su, w += sw) {
		double s = u[0], t = u[ur], v = u[2 * ur], x = u[3 * ur];

		a0 += s * w[0];
		a1 += s * w[1];
		a2 += s * w[2];
		a3 += s * w[3];
		b0 += t * w[0];
		b1 += t * w[1];
		b2 += t * w[2];
		b3 += t * w[3];
		c0 += v * w[0];
		c1 += v * w[1];
		c2 += v * w[2];
		c3 += v * w[3];
		d0 += x * w[0];
		d1 += x * w[1];
		d2 += x * w[2];
		d3 += x * w[3];
	}
	p0[0] = a0, p0[1] = a1, p0[2] = a2, p0[3] = a3;
	p1[0] = b0, p1[1] = b1, p1[2] = b2, p1[3] = b3;
	p2[0] = c0, p2[1] = c1, p2[2] = c2, p2[3] = c3;
	p3[0] = d0, p3[1] = d1, p3[2] = d2, p3[3] = d3;
}

/* One column of two rows: the column tail. */
static inline void
tile2x1(double *restrict p, const double *restrict init, int zero, long ps,
    const double *restrict u, long ur, long su, const double *restrict w,
    long sw, int n)
{
	double a = START(p, 0), c = START(p + ps, 0);
	int k;

	for (k = 0; k < n; k++, u += su, w += sw) {
		a += u[0] * w[0];
		c += u[ur] * w[0];
	}
	p[0] = a;
	p[ps] = c;
}
#undef START

/* A single row: its start values, then one k at a time along the row
 * (axpy form, which gcc vectorises). */
static inline void
axpy_row(double *restrict p, const double *restrict init, int zero,
    const double *restrict u, long su, const double *restrict w, long sw,
    int n, int m)
{
	int k, c;

	if (init != NULL)
		memcpy(p, init, (size_t)m * sizeof *p);
	else if (zero)
		memset(p, 0, (size_t)m * sizeof *p);
	for (k = 0; k < n; k++) {
		const double s = u[k * su], *wk = w + k * sw;

		for (c = 0; c < m; c++)
			p[c] += s * wk[c];
	}
}

static void
mm_portable(const struct mm *a)
{
	const double *init = a->init;
	long ps = a->ps, ur = a->ur, su = a->su, sw = a->sw;
	int zero = a->zero, C = a->C, n = a->n, r, j;

	for (r = 0; r + 4 <= a->R; r += 4) {
		double *pr = a->p + r * ps;
		const double *ur0 = a->u + r * ur;

		for (j = 0; j + 4 <= C; j += 4)
			tile4x4(pr + j, init ? init + j : NULL, zero, ps, ur0,
			    ur, su, a->w + j, sw, n);
		for (; j < C; j++) {
			tile2x1(pr + j, init ? init + j : NULL, zero, ps, ur0,
			    ur, su, a->w + j, sw, n);
			tile2x1(pr + 2 * ps + j, init ? init + j : NULL, zero,
			    ps, ur0 + 2 * ur, ur, su, a->w + j, sw, n);
		}
	}
	for (; r + 2 <= a->R; r += 2) {
		double *pr = a->p + r * ps;
		const double *ur0 = a->u + r * ur;

		for (j = 0; j + 4 <= C; j += 4)
			tile2x4(pr + j, init ? init + j : NULL, zero, ps, ur0,
			    ur, su, a->w + j, sw, n);
		for (; j < C; j++)
			tile2x1(pr + j, init ? init + j : NULL, zero, ps, ur0,
			    ur, su, a->w + j, sw, n);
	}
	for (; r < a->R; r++)
		axpy_row(a->p + r * ps, init, zero, a->u + r * ur, su, a->w,
		    sw, n, C);
}

/* db[j] += sum over the B rows, in order, of dz[r*out + j] */
static void
bias_grad_portable(double *restrict db, const double *restrict dz, int B,
    int out)
{
	int r, j;

	for (r = 0; r < B; r++)
		for (j = 0; j < out; j++)
			db[j] += dz[(long)r * out + j];
}

/* ============================================================ x86 */

#ifdef HAVE_X86_PATHS
#include <immintrin.h>

#define SIMD(name) name##_avx2
#define TARGET __attribute__((target("avx2")))
#define VW AVX2_VW
#define RMAX 4
#include "nn/dense-simd.h"
#undef SIMD
#undef TARGET
#undef VW
#undef RMAX

#define SIMD(name) name##_avx512
#define TARGET __attribute__((target("avx512f")))
#define VW AVX512_VW
#define RMAX 6
#include "nn/dense-simd.h"
#undef SIMD
#undef TARGET
#undef VW
#undef RMAX

/* wt (m, in) = the first m columns of W (in rows of out) transposed, in
 * 4x4 blocks through registers */
static __attribute__((target("avx2"))) void
transpose_avx2(double *restrict wt, const double *restrict W, int in,
    int out, int m)
{
	int i, j;

	for (i = 0; i + 4 <= in; i += 4) {
		const double *w = W + (long)i * out;

		for (j = 0; j + 4 <= m; j += 4) {
			__m256d r0 = _mm256_loadu_pd(w + j);
			__m256d r1 = _mm256_loadu_pd(w + out + j);
			__m256d r2 = _mm256_loadu_pd(w + 2L * out + j);
			__m256d r3 = _mm256_loadu_pd(w + 3L * out + j);
			__m256d t0 = _mm256_unpacklo_pd(r0, r1);
			__m256d t1 = _mm256_unpackhi_pd(r0, r1);
			__m256d t2 = _mm256_unpacklo_pd(r2, r3);
			__m256d t3 = _mm256_unpackhi_pd(r2, r3);
			double *d = wt + (long)j * in + i;

			_mm256_storeu_pd(d, _mm256_permute2f128_pd(t0, t2,
			    0x20));
			_mm256_storeu_pd(d + in, _mm256_permute2f128_pd(t1, t3,
			    0x20));
			_mm256_storeu_pd(d + 2L * in,
			    _mm256_permute2f128_pd(t0, t2, 0x31));
			_mm256_storeu_pd(d + 3L * in,
			    _mm256_permute2f128_pd(t1, t3, 0x31));
		}
		for (; j < m; j++) {
			wt[(long)j * in + i] = w[j];
			wt[(long)j * in + i + 1] = w[out + j];
			wt[(long)j * in + i + 2] = w[2L * out + j];
			wt[(long)j * in + i + 3] = w[3L * out + j];
		}
	}
	for (; i < in; i++)
		for (j = 0; j < m; j++)
			wt[(long)j * in + i] = W[(long)i * out + j];
}
#endif

/* ============================================================ dispatch */

static int limit = AVX512;	/* tests: nn__dense_limit() */

/* The best path this processor has. */
static int
best_path(void)
{
#ifdef HAVE_X86_PATHS
	if (__builtin_cpu_supports("avx512f"))
		return AVX512;
	if (__builtin_cpu_supports("avx2"))
		return AVX2;
#endif
	return PORTABLE;
}

int
nn__dense_limit(int max)
{
	limit = max;
	return best_path();
}

/*
 * A path takes a product only when the product's rows are at least one of
 * its vectors wide.  Narrower, a SIMD path does no vector work at all, only
 * its fixed cost per call: stack set-up, passes over the row tiles with no
 * columns, the operation copied for the columns left over (with a 512-bit
 * move on AVX-512), the hand-over to the next path; and AVX-512's
 * bias_grad() adds 4..7 columns one column at a time, a chain of dependent
 * adds where the portable loop runs the columns side by side.  Measured
 * (forward and backward of one layer on 10 rows, an AVX-512 processor,
 * best of three): the 2-1 layer of bench-nn's setup (a) took 84 ns
 * portable, 104 ns through AVX2 and 156 ns through AVX-512, which cost
 * setup (a) a tenth of its speed (ratio-a 1.11, 1.22 with this rule).
 * From its width on each path is the faster one: 2-4 takes 100 ns on AVX2
 * and 130 ns portable, 2-8 takes 133 ns on AVX-512 and 147 ns on AVX2.
 */
static const int path_width[] = {
	[PORTABLE] = 1,
	[AVX2] = AVX2_VW,
	[AVX512] = AVX512_VW,
};

/* The path for a product whose output rows are width wide: the best the
 * processor has, the tests allow and the width fills. */
static int
path(int width)
{
	int p = best_path();

	if (p > limit)
		p = limit;
	while (p > PORTABLE && width < path_width[p])
		p--;
	return p;
}

/* The one dispatch: the columns left over by a SIMD path come back here. */
static void
mm(const struct mm *a)
{
	switch (path(a->C)) {
#ifdef HAVE_X86_PATHS
	case AVX512:
		mm_avx512(a);
		return;
	case AVX2:
		mm_avx2(a);
		return;
#endif
	default:
		mm_portable(a);
		return;
	}
}

static void
bias_grad(double *db, const double *dz, int B, int out)
{
	switch (path(out)) {
#ifdef HAVE_X86_PATHS
	case AVX512:
		bias_grad_avx512(db, dz, B, out);
		return;
	case AVX2:
		bias_grad_avx2(db, dz, B, out);
		return;
#endif
	default:
		bias_grad_portable(db, dz, B, out);
		return;
	}
}

/* transpose_avx2() moves 4x4 blocks: both sides at least 4 wide. */
static void
transpose(double *wt, const double *W, int in, int out, int m)
{
	int i, j;

#ifdef HAVE_X86_PATHS
	if (path(in < m ? in : m) >= AVX2) {
		transpose_avx2(wt, W, in, out, m);
		return;
	}
#endif
	for (j = 0; j < m; j++)
		for (i = 0; i < in; i++)
			wt[(long)j * in + i] = W[(long)i * out + j];
}

/* ============================================================ dense layer */

#define PANEL 16	/* columns of W transposed at a time for dx */

void
nn__dense_forward(double *z, const double *x, const double *W,
    const double *b, int B, int in, int out)
{
	struct mm a = { .p = z, .init = b, .zero = b == NULL, .ps = out,
	    .u = x, .ur = in, .su = 1, .w = W, .sw = out, .R = B, .C = out,
	    .n = in };

	mm(&a);
}

void
nn__dense_backward(double *dx, double *dW, double *db, const double *dz,
    const double *x, const double *W, double *wt, int B, int in, int out)
{
	/* dW (in, out): row i is x's column i against dz, over the rows */
	struct mm g = { .p = dW, .ps = out, .u = x, .ur = 1, .su = in,
	    .w = dz, .sw = out, .R = in, .C = out, .n = B };
	int j;

	bias_grad(db, dz, B, out);
	mm(&g);
	if (dx == NULL)
		return;
	/*
	 * dx = dz W^T through the transpose, so the same tiles apply, a
	 * panel of PANEL columns of W at a time: the panel's transpose is
	 * still in the cache when the tiles read it.  Each panel continues
	 * the sums where the last one stopped, so they run in order of j.
	 */
	for (j = 0; j < out; j += PANEL) {
		struct mm t = { .p = dx, .zero = j == 0, .ps = in, .u = dz + j,
		    .ur = out, .su = 1, .w = wt, .sw = in, .R = B, .C = in,
		    .n = out - j < PANEL ? out - j : PANEL };

		transpose(wt, W + j, in, out, t.n);
		mm(&t);
	}
}
