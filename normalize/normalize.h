/* normalize.h - what other modules may call in normalize/: text
 * normalization with its offset map, the numeral reader and the unit
 * vocabulary.  It includes common/common.h (allocation, buffers, errors),
 * which every module uses. */
#ifndef GF_NORMALIZE_H
#define GF_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

#include "common/common.h"
#include "common/scan.h"
#include "include/govfig.h"

/* ---- text.c: normalization with provenance.
 * Output is NFKC (full-width digits and punctuation to ASCII), CJK radical
 * look-alikes (Kangxi U+2F00.. and the supplement U+2E80..) to their
 * ideographs, U+3000 and other spaces to ASCII space, runs of whitespace
 * (newlines included) removed when either neighbour is not ASCII
 * alphanumeric, else folded to one space; trailing/leading space trimmed.
 * map (len + 1 entries, caller frees with gf_free) gives for every output
 * byte the source byte offset of the character it came from; map[len] = len
 * of source.  map may be NULL if not wanted.  GF_EUTF8 for invalid UTF-8. */
int gf_text_normalize(const char *src, size_t len, char **out, size_t *out_len,
                      size_t **map);
/* What page text does with a character: format characters - Unicode
 * category Cf (bidi controls U+202A-202E, U+2066-2069, U+200E/200F,
 * U+061C, zero-width spaces and joiners, BOM, soft hyphen, word joiner),
 * C0 controls other than line breaks, DEL and C1 controls - are dropped;
 * tab, vertical tab, form feed and NEL (U+0085) stand for a space;
 * everything else, '\n' and '\r' included, is kept. */
enum { GF_FMT_KEEP = 0, GF_FMT_DROP = 1, GF_FMT_SPACE = 2 };
int gf_format_char(int32_t cp);
/* Applies gf_format_char to the len bytes of UTF-8 text s in place (bytes
 * that are not UTF-8 are kept); returns the new length, s[new length] is
 * set to NUL when shorter.  kept (NULL allowed; room for one entry per
 * character of s, len bytes always suffice) gets for every source
 * character, in order, 1 when it stays (as itself or a space), 0 when
 * dropped, so that per-character data (glyph boxes) can follow.
 * *n_removed (NULL allowed) gets the number of characters dropped. */
size_t gf_format_strip(char *s, size_t len, unsigned char *kept,
                       size_t *n_removed);
/* Decodes one UTF-8 code point at s (len bytes available); returns its byte
 * length (>= 1) and stores it in *cp, or returns 0 for invalid UTF-8. */
size_t gf_utf8_decode(const char *s, size_t len, int32_t *cp);
/* True for CJK ideographs (unified, ext A, compatibility). */
int gf_is_han(int32_t cp);
/* Whether a CJK ideograph starts at t+at (t has len bytes). */
int gf_is_han_at(const char *t, size_t len, size_t at);
/* How many CJK ideographs t[a..b) holds (steps by UTF-8 lead bytes). */
size_t gf_han_count(const char *t, size_t a, size_t b);

/* ---- numerals.c, numforms.c, decimal.c: reading numbers.
 * A decimal value is kept as a string of ASCII digits with an optional '.'
 * and leading '-': never through binary floating point. */
#define GF_NUM_MAX 64
enum {
  GF_NUMF_CHINESE = 1u,    /* written (partly) in Chinese numerals */
  GF_NUMF_PERCENT = 2u,    /* 百分之… / 成 / 折: value is in percent */
  GF_NUMF_PERMILLE = 4u,   /* 千分之… */
  GF_NUMF_GROUPED = 8u,    /* had thousands separators */
  GF_NUMF_DAXIE = 16u,     /* 大写 financial digits (壹 贰 …) */
  GF_NUMF_PERMYRIAD = 32u, /* 万分之…: value is in ‱ */
  GF_NUMF_DIGITWISE = 64u, /* 二〇二三: Chinese digits one by one */
  GF_NUMF_SCALED = 128u,   /* 1.5e6, 2×10^3, 3.2k, 5M: the value applies
                              the exponent or SI prefix */
  GF_NUMF_PER = GF_NUMF_PERCENT | GF_NUMF_PERMILLE | GF_NUMF_PERMYRIAD
};
/* Bound of a number inside its numeral (records.md bound column). */
enum { GF_NUMB_EXACT = 0, GF_NUMB_OVER = 1, GF_NUMB_ABOUT = 2 };
typedef struct gf_numeral {
  size_t len;              /* bytes consumed (0: no number at the start) */
  char value[GF_NUM_MAX];  /* full value, every magnitude applied */
  char core[GF_NUM_MAX];   /* value before a trailing 万/亿/万亿 (== value
                              when there is none) */
  int mag_exp;             /* exponent of the trailing magnitude: 4 8 12 0 */
  size_t mag_off;          /* offset where the trailing magnitude starts
                              (== len when none) */
  size_t mag_len;          /* bytes of the trailing magnitude (0: none) */
  unsigned flags;          /* GF_NUMF_* */
  int bound;               /* GF_NUMB_* of a 余 多 几 来 inside the number
                              (500余万, 一千多万, 十几万, 一百几十) */
  int bound_ok;            /* non-zero when a 余 多 after the number may
                              qualify it (gf_numeral_bound_after) */
  size_t bad_len;          /* when 0 is returned because the number at the
                              start does not fit exactly (more than 63
                              digits, beyond 128 bits): its byte length */
} gf_numeral;
/* Reads one number at the start of s, exactly.  Arabic: 1327.8, 1,100.9,
 * 4，565, 1.2万亿, 3.7万, 1.5e6, 2.5×10^3, 3.2k, 5M; Chinese positional
 * with 十 百 千 under 万 亿 兆 (萬 億 too), in any mix with Arabic digits:
 * 一千三百二十七点八, 两千零五, 5万4千6百, 300万五千, 八亿3000万, 三千25,
 * 四万万, 一千二百万亿, 两千三点一 (the tail after a unit: 三百五 = 350),
 * 八千三百八十五万二千三百二十六点三三 (点 after any unit), 〇/零/○ as
 * zero, 廿 卅, 二〇二三 (digit by digit), 大写 simple and traditional
 * (壹贰叁 貳參陸 拾佰仟); 余 多 几 来 before a magnitude or a lower unit
 * (500余万 over, 十来万 about, 一百几十); a sign before the number (负 負
 * - − +, and 正 before Arabic digits); percent forms 百分之三点五,
 * 百分之负三, 千分之五 (‰), 万分之三 (‱), 九成, 七成五, 三成半, 八折,
 * 七五折, 8.5折 (flags say which); fractions 四分之一 = 0.25, 一又二分之一
 * = 1.5, exact when the quotient terminates, else rounded half up to 10
 * significant digits (三分之一 = 0.3333333333).  A trailing 万/亿/万亿 is
 * split out in core/mag_*.  The caller gives normalized text (ASCII
 * digits).  Returns 1 when a number was read, 0 when none starts at s (or
 * it does not fit: bad_len). */
int gf_numeral_read(const char *s, size_t len, gf_numeral *out);
/* The plain number of gf_numeral_read: no sign, percent, 成, 折, fraction
 * or exponent around it. */
int gf_numeral_read_plain(const char *s, size_t len, gf_numeral *out);
/* A 余 多 几 来 right after the number nr read at s (3万余, 180余人,
 * 一千多, 二十几, 十来): its byte length and *bound (NULL allowed), else
 * 0.  余额, 来自, 几乎 and the like are words, not bounds. */
size_t gf_numeral_bound_after(const char *s, size_t len, const gf_numeral *nr,
                              int *bound);
/* The value 0-9 of the Chinese digit character at s (零 一 … 九, 两, 大写)
 * and its length in *n (NULL allowed), or -1. */
int gf_numeral_digit(const char *s, size_t len, size_t *n);
/* The unit a percent form gives ("%", "‰", "‱"), "" when flags have no
 * GF_NUMF_PER bit. */
const char *gf_numeral_per_unit(unsigned flags);
/* Multiplies decimal string v by 10^exp (exp >= 0) exactly, writing to out
 * (cap bytes); trailing ".0…" removed.  Returns 0, or -1 when it won't fit. */
int gf_decimal_shift(const char *v, int exp, char *out, size_t cap);
/* The same for any exponent (core = value / 10^mag). */
int gf_decimal_scale(const char *v, long exp, char *out, size_t cap);
/* Canonical form of a decimal string: no leading zeros, no trailing
 * fractional zeros, no trailing '.', "-0" -> "0".  In place. */
void gf_decimal_canon(char *v);
/* Canonical -v in place (cap bytes); 0 stays 0.  -1 when it won't fit. */
int gf_decimal_negate(char *v, size_t cap);
/* x + y (both non-negative) into out; 0, or -1 when it won't fit. */
int gf_decimal_add(const char *x, const char *y, char *out, size_t cap);
/* y / x (y non-negative, x > 0) into out: exact when the quotient
 * terminates, else rounded half up to 10 significant digits.  1 on
 * success, 0 when it does not fit. */
int gf_decimal_div(const char *y, unsigned long long x, char *out,
                   size_t cap);
/* Signed comparison and subtraction of decimal strings (-?D+(.D*)?, a leading +
 * allowed).  gf_decimal_cmp sets *res to -1, 0 or 1 as a <, =, > b and
 * returns 0, or -1 when either is not a decimal.  gf_decimal_sub writes
 * a - b in canonical form to out (cap bytes); -1 when an input is not a
 * decimal, longer than GF_NUM_MAX digits, or the result does not fit. */
int gf_decimal_cmp(const char *a, const char *b, int *res);
int gf_decimal_sub(const char *a, const char *b, char *out, size_t cap);
/* Byte length of the Chinese numeral character at s (零 〇 一 … 九, 大写,
 * 十 百 千 万 亿 兆 and their 大写; not 点 or 余 多), or 0.  Scanners use
 * it to step over a whole run of numeral characters. */
size_t gf_numeral_char(const char *s, size_t len);
/* gf_lit (a literal at the start of a text) is in common/scan.h. */

/* ---- numvocab.c: the words of the numeral reader (NULL-terminated). */
extern const char *const GF_NUM_MEGA_WORDS[];   /* after 兆: 兆瓦 兆帕 */
extern const char *const GF_NUM_NOT_BOUND[];    /* 余额 几乎 来自 */
extern const char *const GF_NUM_NOT_CHENG[];    /* after N成: 一成不变 */
extern const char *const GF_NUM_NOT_ZHE[];      /* after N折: 折合 折旧 */
extern const char *const GF_NUM_SI_NAMES[];     /* 4K */
extern const char *const GF_NUM_DATE_UNITS[];   /* 年 月 日 号 时 */
extern const char *const GF_NUM_IDIOMS[];       /* 一起 一次性 */
extern const char *const GF_NUM_IDIOMS_WHOLE[]; /* 一波三折 */
extern const char *const GF_NUM_RANGE_MARKS[];  /* - — ～ 至 到 */

/* ---- units.c: the unit vocabulary (a table, easy to extend). */
typedef struct gf_unit_match {
  size_t len;             /* bytes of the unit in the text (0: no unit) */
  int mag_exp;            /* magnitude prefix exponent (万 = 4), 0 if none */
  const char *base;       /* base unit without magnitude, e.g. "元" */
  unsigned flags;         /* GF_UNITF_* of the base unit */
} gf_unit_match;
enum {
  GF_UNITF_PERCENT = 1u,  /* % ‰ : rates and shares */
  GF_UNITF_PP = 2u,       /* 个百分点 / 百分点 */
  GF_UNITF_TIME = 4u,     /* 年 天 个月 小时 …: durations */
  GF_UNITF_MONEY = 8u,    /* 元 美元 … */
  GF_UNITF_RANK = 16u     /* 位 名 */
};
/* Longest unit at the start of s: an optional magnitude (十 百 千 万 十万
 * 百万 千万 亿 万亿) then a base unit from the table, or a bare magnitude
 * when allow_bare_mag (e.g. "3.7万" alone).  Returns 1 on a match. */
int gf_unit_read(const char *s, size_t len, int allow_bare_mag,
                 gf_unit_match *out);
/* Test hook: the index of the first row of the base-unit table that is
 * empty or out of the byte order gf_unit_read bisects on (*text, NULL
 * allowed, gets its text); the number of rows when all are fine. */
size_t gf_unit_table_check(const char **text);

#endif
