/* annex-variant.c - writes tests/data/annex-variant.pdf, a 征收项目计划表
 * laid out unlike samples/licheng-2023.pdf: a sans font (Droid Sans
 * Fallback) at 10.5 pt, other margins and column widths, no ruling lines,
 * cells top-aligned, rows only one leading apart, the directions in mixed
 * orders, and a row whose 四至 cell goes on over the page break under a
 * repeated header (the table starts low on page 1 for that).  Names are
 * invented.  Not part of the build:
 *   cc -o /tmp/av tests/data/annex-variant.c $(pkg-config --cflags --libs \
 *     cairo) && /tmp/av tests/data/annex-variant.pdf
 * (needs a CJK font that fontconfig finds as "Droid Sans Fallback"). */
#include <cairo-pdf.h>
#include <cairo.h>
#include <stdio.h>
#include <string.h>

#define FS 10.5
#define PITCH 15.0
#define TOP 612.0
#define FOOT 770.0

static const double col_x[] = {60, 100, 230, 470};
static const double col_w[] = {30, 120, 230, 80};
static const char *const header[] = {"序号", "项目名称", "四至范围",
                                     "用地性质"};

typedef struct row {
  const char *cell[4];
} row;

static const row rows[] = {
    {{"1", "东湖片区棚户区改造项目",
      "东湖北地块：北至青云路，东至东湖公园，南至明德街（含人行道），西至"
      "松柏巷；东湖南地块：西至松柏巷，东至滨河路，南至和平里小区与明德街"
      "交叉口，北至明德街。",
      "居住、商业"}},
    {{"2", "老城厂区更新项目", "东至纺织路，南至第三中学，西至工人新村，"
      "北至铁路货场（编号1、2号库）。", "教育"}},
    {{"3", "西关旧村改造项目",
      "西关一组地块：东至西关大街，西至护城河，南至环城南路，北至西关小学；"
      "西关二组地块：南至环城南路，北至西关二组安置楼，东至护城河，西至规划"
      "支路；西关三组地块：东至规划支路，西至西环路，南至环城南路，北至西关"
      "农贸市场；西关四组地块：东至西环路，西至规划绿地，南至环城南路，北至"
      "西关四组村委会；西关五组地块：北至西关五组，南至环城南路，东至规划绿"
      "地，西至高速连接线；西关六组地块：东至高速连接线，西至六组耕地，南至"
      "环城南路，北至六组水塘。",
      "居住、教育、市政道路"}},
    {{"4", "南山物流园地块改造项目",
      "南至南山大道，北至物流园一号路，西至物流园三号路，东至南山公园。",
      "物流仓储"}},
};

/* Splits s into lines of at most w points (CJK glyphs FS wide, others
 * half); returns the count, lines in out[] as byte spans. */
static int wrap(const char *s, double w, const char **a, size_t *n) {
  int k = 0;
  const char *p = s, *start = s;
  double x = 0;
  while (*p) {
    unsigned char b = (unsigned char)*p;
    size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    double cw = len > 1 ? FS : FS / 2;
    if (x + cw > w + 0.01) {
      a[k] = start;
      n[k++] = (size_t)(p - start);
      start = p;
      x = 0;
    }
    x += cw;
    p += len;
  }
  if (p > start) {
    a[k] = start;
    n[k++] = (size_t)(p - start);
  }
  return k;
}

static void text(cairo_t *cr, double x, double y, const char *s, size_t n) {
  char buf[1024];
  memcpy(buf, s, n);
  buf[n] = '\0';
  cairo_move_to(cr, x, y + FS);
  cairo_show_text(cr, buf);
}

static int page_no = 1;

static void footer(cairo_t *cr) {
  char buf[32];
  snprintf(buf, sizeof buf, "- %d -", page_no++);
  text(cr, 280, 800, buf, strlen(buf));
}

static double put_header(cairo_t *cr, double y) {
  for (int c = 0; c < 4; c++) text(cr, col_x[c], y, header[c],
                                    strlen(header[c]));
  return y + PITCH * 1.5;
}

int main(int argc, char **argv) {
  cairo_surface_t *sf =
      cairo_pdf_surface_create(argc > 1 ? argv[1] : "annex-variant.pdf",
                               595.0, 842.0);
  cairo_t *cr = cairo_create(sf);
  cairo_select_font_face(cr, "Droid Sans Fallback", CAIRO_FONT_SLANT_NORMAL,
                         CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, FS);
  const char *title = "附件2  2025年度某区房屋征收项目计划表";
  text(cr, 150, TOP - 40, title, strlen(title));
  double y = put_header(cr, TOP);
  for (size_t r = 0; r < sizeof rows / sizeof *rows; r++) {
    const char *la[4][64];
    size_t ln[4][64];
    int nl[4], most = 0;
    for (int c = 0; c < 4; c++) {
      nl[c] = wrap(rows[r].cell[c], col_w[c], la[c], ln[c]);
      if (nl[c] > most) most = nl[c];
    }
    for (int l = 0; l < most; l++) {
      if (y > FOOT) {  /* the row goes on over the page break */
        footer(cr);
        cairo_show_page(cr);
        y = put_header(cr, 60);
      }
      for (int c = 0; c < 4; c++)
        if (l < nl[c]) text(cr, col_x[c], y, la[c][l], ln[c][l]);
      y += PITCH;
    }
  }
  const char *note = "备注：上述项目四至范围以规划部门审批确定为准。";
  text(cr, 60, y + PITCH, note, strlen(note));
  footer(cr);
  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_destroy(sf);
  return 0;
}
