/* decimal.c - exact decimal arithmetic on digit strings: the value and
 * base_value columns of the figure record contract.  A value is ASCII
 * digits with an optional '.' and a leading '-', never a binary floating
 * point number, so 16.4亿 is 1640000000 exactly; whatever does not fit the
 * caller's buffer is an error (-1 or 0), never a rounded value. */
#include <limits.h>
#include <string.h>

#include "normalize/normalize.h"

/* Splits a decimal string into sign, integer digits [*a,*b) and fraction
 * digits [*c,*d); 0 when v is not -?D*(.D*)? with at least one digit. */
static int split(const char *v, int *neg, size_t *a, size_t *b, size_t *c,
                 size_t *d) {
  size_t i = 0;
  *neg = 0;
  if (v[i] == '-') {
    *neg = 1;
    i++;
  }
  *a = i;
  while (v[i] >= '0' && v[i] <= '9') i++;
  *b = i;
  *c = *d = i;
  if (v[i] == '.') {
    *c = ++i;
    while (v[i] >= '0' && v[i] <= '9') i++;
    *d = i;
  }
  if (v[i] != '\0') return 0;
  return *b > *a || *d > *c;
}

int gf_decimal_scale(const char *v, long exp, char *out, size_t cap) {
  int neg;
  size_t a, b, c, d;
  if (!v || !out || cap == 0 || !split(v, &neg, &a, &b, &c, &d)) return -1;
  if (exp > (long)cap || exp < -(long)cap) return -1;
  while (a < b && v[a] == '0') a++;
  while (d > c && v[d - 1] == '0') d--;
  size_t n_int = b - a, nd = n_int + (d - c), k0 = 0;
  /* digit k of the run made of the integer digits then the fraction ones */
#define DIG(k) ((k) < n_int ? v[a + (k)] : v[c + (k) - n_int])
  long p = (long)n_int + exp;
  while (k0 < nd && DIG(k0) == '0') {
    k0++;
    p--;
  }
  while (nd > k0 && (long)(nd - k0) > p && DIG(nd - 1) == '0') nd--;
  size_t o = 0;
  if (k0 == nd) {
    if (cap < 2) return -1;
    memcpy(out, "0", 2);
    return 0;
  }
  long n = (long)(nd - k0);
  long need = (neg ? 1 : 0) + (p >= n ? p : p <= 0 ? 2 - p + n : n + 1);
  if (need + 1 > (long)cap) return -1;
  if (neg) out[o++] = '-';
  if (p <= 0) {
    out[o++] = '0';
    out[o++] = '.';
    for (long z = 0; z < -p; z++) out[o++] = '0';
    for (size_t k = k0; k < nd; k++) out[o++] = DIG(k);
  } else {
    for (size_t k = k0; k < nd; k++) {
      if ((long)(k - k0) == p) out[o++] = '.';
      out[o++] = DIG(k);
    }
    for (long z = n; z < p; z++) out[o++] = '0';
  }
#undef DIG
  out[o] = '\0';
  return 0;
}

int gf_decimal_shift(const char *v, int exp, char *out, size_t cap) {
  if (exp < 0) return -1;
  return gf_decimal_scale(v, exp, out, cap);
}

void gf_decimal_canon(char *v) {
  int neg;
  size_t a, b, c, d;
  if (!v || !split(v, &neg, &a, &b, &c, &d)) return;
  /* Never grows: a missing integer digit (".5") stays missing. */
  size_t z = a;
  while (z + 1 < b && v[z] == '0') z++;
  while (d > c && v[d - 1] == '0') d--;
  size_t o = 0;
  if (neg) v[o++] = '-';
  memmove(v + o, v + z, b - z);
  o += b - z;
  if (d > c) {
    v[o++] = '.';
    memmove(v + o, v + c, d - c);
    o += d - c;
  }
  v[o] = '\0';
  if (o == 0 || (neg && o == 1) || strcmp(v, "-0") == 0) strcpy(v, "0");
}

int gf_decimal_negate(char *v, size_t cap) {
  gf_decimal_canon(v);
  if (!v || strcmp(v, "0") == 0) return 0;
  size_t n = strlen(v);
  if (v[0] == '-') {
    memmove(v, v + 1, n);
    return 0;
  }
  if (n + 2 > cap) return -1;
  memmove(v + 1, v, n + 1);
  v[0] = '-';
  return 0;
}

int gf_decimal_add(const char *x, const char *y, char *out, size_t cap) {
  int nx, ny;
  size_t a1, b1, c1, d1, a2, b2, c2, d2;
  if (!x || !y || !out || !split(x, &nx, &a1, &b1, &c1, &d1) ||
      !split(y, &ny, &a2, &b2, &c2, &d2) || nx || ny)
    return -1;
  size_t fi = d1 - c1 > d2 - c2 ? d1 - c1 : d2 - c2;
  size_t ii = b1 - a1 > b2 - a2 ? b1 - a1 : b2 - a2;
  char tmp[2 * GF_NUM_MAX + 4];
  if (ii + fi + 3 > sizeof tmp || ii + fi + 3 > cap) return -1;
  /* right to left over the aligned digits; tmp is filled from its end */
  size_t o = sizeof tmp - 1;
  tmp[o] = '\0';
  int carry = 0;
  for (size_t k = fi; k-- > 0;) {
    int s = carry;
    if (k < d1 - c1) s += x[c1 + k] - '0';
    if (k < d2 - c2) s += y[c2 + k] - '0';
    tmp[--o] = (char)('0' + s % 10);
    carry = s / 10;
  }
  if (fi) tmp[--o] = '.';
  for (size_t k = 0; k < ii; k++) {
    int s = carry;
    if (k < b1 - a1) s += x[b1 - 1 - k] - '0';
    if (k < b2 - a2) s += y[b2 - 1 - k] - '0';
    tmp[--o] = (char)('0' + s % 10);
    carry = s / 10;
  }
  if (carry) tmp[--o] = '1';
  if (o == sizeof tmp - 1 || tmp[o] == '.') tmp[--o] = '0';
  size_t n = sizeof tmp - 1 - o;
  if (n + 1 > cap) return -1;
  memcpy(out, tmp + o, n + 1);
  gf_decimal_canon(out);
  return 0;
}

/* y / x as a decimal string (y a canonical non-negative decimal, x > 0):
 * exact when the quotient terminates within the buffer, else rounded half
 * up to 10 significant digits (三分之一 is 0.3333333333, 三分之二
 * 0.6666666667), or to a whole number when the integer part already has
 * 10 digits or more.  0 when it does not fit. */
#define RATIO_SIG 10
int gf_decimal_div(const char *y, unsigned long long x, char *out,
                   size_t cap) {
  int neg;
  size_t a, b, c, d;
  if (!y || !out || x == 0 || x > ULLONG_MAX / 10 ||
      !split(y, &neg, &a, &b, &c, &d) || neg)
    return 0;
  /* y = N / 10^k with N the digits of y; quotient digits of N / x */
  char dig[3 * GF_NUM_MAX];
  size_t n = 0, k = d - c;
  unsigned long long r = 0;
  for (size_t j = a; j < d; j++) {
    if (j == b) j = c;
    if (j >= d) break;
    r = r * 10 + (unsigned)(y[j] - '0');
    dig[n++] = (char)('0' + r / x);
    r %= x;
  }
  size_t n_int = n; /* digits before the point of N / x */
  /* Terminating: x / gcd(N, x) has no prime factor but 2 and 5. */
  unsigned long long g = x, h = r, q;
  while (h) {
    unsigned long long m = g % h;
    g = h;
    h = m;
  }
  q = x / g;
  while (q % 2 == 0) q /= 2;
  while (q % 5 == 0) q /= 5;
  int up = 0;
  if (q == 1) {
    while (r != 0) {
      if (n + 1 >= sizeof dig) return 0;
      r *= 10;
      dig[n++] = (char)('0' + r / x);
      r %= x;
    }
  } else {
    /* keep RATIO_SIG digits from the first non-zero one, and at least the
     * whole part of y / x (its first n_int - k digits); dig[keep] rounds */
    size_t fz = 0, keep;
    for (;;) {
      while (fz < n && dig[fz] == '0') fz++;
      keep = fz + RATIO_SIG;
      if (keep < n_int - k) keep = n_int - k;
      if (fz < n && n > keep) break;
      if (n + 1 >= sizeof dig) return 0;
      r *= 10;
      dig[n++] = (char)('0' + r / x);
      r %= x;
    }
    up = dig[keep] >= '5';
    n = keep;
    for (size_t j = n; up && j-- > 0;) {
      if (dig[j] < '9') {
        dig[j]++;
        up = 0;
      } else {
        dig[j] = '0';
      }
    }
    /* digits dropped inside N / x's whole part are fractions of y / x */
    for (; n < n_int; n++) dig[n] = '0';
  }
  char v[3 * GF_NUM_MAX + 4];
  size_t o = 0;
  if (up) v[o++] = '1'; /* 9.99999999995 -> 10 */
  memcpy(v + o, dig, n_int);
  o += n_int;
  if (o == 0) v[o++] = '0';
  if (n > n_int) {
    v[o++] = '.';
    memcpy(v + o, dig + n_int, n - n_int);
    o += n - n_int;
  }
  v[o] = '\0';
  return gf_decimal_scale(v, -(long)k, out, cap) == 0;
}

/* ---------------------------------------------------------------- signed
 * Comparison and subtraction of signed decimals, for rules that must never
 * go through binary floating point (track/outcome.c: whether 7.5 >= 7.5,
 * whether an actual lies within half a point of a target). */

/* A parsed decimal: sign, integer digits and fraction digits, without
 * leading integer zeros or trailing fraction zeros. */
typedef struct dec {
  int neg;
  const char *ip, *fp; /* integer and fraction digits */
  size_t ni, nf;
} dec;

static int parse(const char *s, dec *d) {
  memset(d, 0, sizeof *d);
  if (!s) return -1;
  if (*s == '-' || *s == '+') d->neg = *s++ == '-';
  const char *p = s;
  while (*p >= '0' && *p <= '9') p++;
  size_t ni = (size_t)(p - s);
  const char *f = p, *fe = p;
  if (*p == '.') {
    f = ++p;
    while (*p >= '0' && *p <= '9') p++;
    fe = p;
  }
  if (*p || (ni == 0 && fe == f)) return -1;
  while (ni > 0 && *s == '0') s++, ni--;
  while (fe > f && fe[-1] == '0') fe--;
  d->ip = s;
  d->ni = ni;
  d->fp = f;
  d->nf = (size_t)(fe - f);
  if (d->ni == 0 && d->nf == 0) d->neg = 0; /* -0 is 0 */
  return 0;
}

/* Digit k of d counting from the decimal point: k > 0 integer places
 * (1 = units), k <= 0 fraction places (0 = tenths). */
static int digit(const dec *d, long k) {
  if (k > 0) return (size_t)k <= d->ni ? d->ip[d->ni - (size_t)k] - '0' : 0;
  size_t f = (size_t)(-k);
  return f < d->nf ? d->fp[f] - '0' : 0;
}

static int cmp_abs(const dec *a, const dec *b) {
  if (a->ni != b->ni) return a->ni < b->ni ? -1 : 1;
  size_t nf = a->nf > b->nf ? a->nf : b->nf;
  for (long k = (long)a->ni; k > -(long)nf; k--) {
    int x = digit(a, k), y = digit(b, k);
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

int gf_decimal_cmp(const char *a, const char *b, int *res) {
  dec x, y;
  if (parse(a, &x) != 0 || parse(b, &y) != 0) return -1;
  if (x.neg != y.neg) {
    *res = x.neg ? -1 : 1;
    return 0;
  }
  int c = cmp_abs(&x, &y);
  *res = x.neg ? -c : c;
  return 0;
}

/* |big| - |small| (|big| >= |small|) with sign neg, written to out. */
static int sub_abs(const dec *big, const dec *small, int neg, char *out,
                   size_t cap) {
  size_t nf = big->nf > small->nf ? big->nf : small->nf;
  size_t n = big->ni + nf; /* digits, units first when reversed */
  if (n + 4 > cap) return -1;
  char tmp[GF_NUM_MAX * 2];
  if (n > sizeof tmp) return -1;
  int borrow = 0;
  size_t i = 0;
  for (long k = -(long)nf + 1; k <= (long)big->ni; k++, i++) {
    int x = digit(big, k) - digit(small, k) - borrow;
    borrow = x < 0;
    tmp[i] = (char)('0' + (x < 0 ? x + 10 : x));
  }
  size_t o = 0;
  if (neg) out[o++] = '-';
  size_t top = n;
  while (top > nf && tmp[top - 1] == '0') top--; /* leading zeros */
  if (top == nf) out[o++] = '0';
  for (size_t j = top; j > nf; j--) out[o++] = tmp[j - 1];
  if (nf) {
    out[o++] = '.';
    for (size_t j = nf; j > 0; j--) out[o++] = tmp[j - 1];
  }
  out[o] = '\0';
  gf_decimal_canon(out);
  return 0;
}

/* a + b for same signs, written to out. */
static int add_abs(const dec *a, const dec *b, int neg, char *out,
                   size_t cap) {
  size_t nf = a->nf > b->nf ? a->nf : b->nf;
  size_t ni = (a->ni > b->ni ? a->ni : b->ni) + 1;
  size_t n = ni + nf;
  char tmp[GF_NUM_MAX * 2];
  if (n + 4 > cap || n > sizeof tmp) return -1;
  int carry = 0;
  size_t i = 0;
  for (long k = -(long)nf + 1; k <= (long)ni; k++, i++) {
    int x = digit(a, k) + digit(b, k) + carry;
    carry = x >= 10;
    tmp[i] = (char)('0' + x % 10);
  }
  size_t o = 0;
  if (neg) out[o++] = '-';
  size_t top = n;
  while (top > nf && tmp[top - 1] == '0') top--;
  if (top == nf) out[o++] = '0';
  for (size_t j = top; j > nf; j--) out[o++] = tmp[j - 1];
  if (nf) {
    out[o++] = '.';
    for (size_t j = nf; j > 0; j--) out[o++] = tmp[j - 1];
  }
  out[o] = '\0';
  gf_decimal_canon(out);
  return 0;
}

int gf_decimal_sub(const char *a, const char *b, char *out, size_t cap) {
  dec x, y;
  if (!out || cap == 0 || parse(a, &x) != 0 || parse(b, &y) != 0)
    return -1;
  if (x.ni + x.nf > GF_NUM_MAX || y.ni + y.nf > GF_NUM_MAX) return -1;
  y.neg = !y.neg && (y.ni || y.nf); /* a - b = a + (-b) */
  if (x.neg == y.neg) return add_abs(&x, &y, x.neg, out, cap);
  int c = cmp_abs(&x, &y);
  if (c == 0) {
    if (cap < 2) return -1;
    memcpy(out, "0", 2);
    return 0;
  }
  return c > 0 ? sub_abs(&x, &y, x.neg, out, cap)
               : sub_abs(&y, &x, y.neg, out, cap);
}
