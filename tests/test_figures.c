/* test_figures.c - the figure finder on small texts: every measure, bound,
 * range, 分别 and 均 lists, negatives, the traps that are no figures, kind
 * and period per kind of report, and provenance (raw == page bytes). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "include/govfig.h"
#include "normalize/normalize.h"

/* Extracts the figures of a one-page text whose title line makes it a
 * 统计公报 of 2023 unless the text brings its own title. */
static gf_figures *run(const char *text) {
  gf_doc *doc = NULL;
  gf_figures *figs = NULL;
  assert_int_equal(gf_doc_open_text("t.txt", text, strlen(text), &doc, NULL),
                   GF_OK);
  assert_int_equal(gf_figures_extract(doc, 0, &figs, NULL), GF_OK);
  /* provenance: raw is exactly the page bytes start..end */
  for (size_t i = 0; i < gf_figures_count(figs); i++) {
    const gf_figure *f = gf_figures_at(figs, i);
    size_t len;
    const char *page = gf_doc_page_text(doc, (size_t)f->page, &len);
    assert_non_null(page);
    assert_true(f->end <= len && f->start < f->end);
    assert_int_equal(f->end - f->start, strlen(f->raw));
    assert_memory_equal(page + f->start, f->raw, f->end - f->start);
  }
  gf_doc_free(doc);
  return figs;
}

#define TITLE "2023年某市国民经济和社会发展统计公报\n\n"

typedef struct expect {
  const char *text;
  int n;                 /* rows expected */
  int at;                /* row to check */
  const char *value, *unit, *measure, *bound, *indicator;
  const char *value_max; /* NULL: don't check */
} expect;

static void check_rows(const expect *rows, size_t n_rows) {
  for (size_t i = 0; i < n_rows; i++) {
    const expect *e = &rows[i];
    gf_figures *figs = run(e->text);
    if ((int)gf_figures_count(figs) != e->n) {
      print_error("row %zu \"%s\": %zu figures, want %d\n", i, e->text,
                  gf_figures_count(figs), e->n);
      for (size_t k = 0; k < gf_figures_count(figs); k++)
        print_error("  %s %s %s %s\n", gf_figures_at(figs, k)->value,
                    gf_figures_at(figs, k)->unit,
                    gf_figures_at(figs, k)->measure,
                    gf_figures_at(figs, k)->indicator);
      fail();
    }
    if (e->n == 0) {
      gf_figures_free(figs);
      continue;
    }
    const gf_figure *f = gf_figures_at(figs, (size_t)e->at);
    int ok = strcmp(f->value, e->value) == 0 &&
             strcmp(f->unit, e->unit) == 0 &&
             strcmp(f->measure, e->measure) == 0 &&
             strcmp(f->bound, e->bound) == 0 &&
             (!e->indicator || strstr(f->indicator, e->indicator)) &&
             (!e->value_max || strcmp(f->value_max, e->value_max) == 0);
    if (!ok) {
      print_error("row %zu \"%s\": got %s %s %s %s [%s] max %s\n", i, e->text,
                  f->value, f->unit, f->measure, f->bound, f->indicator,
                  f->value_max);
      fail();
    }
    gf_figures_free(figs);
  }
}

static void test_figures_measures(void **state) {
  (void)state;
  static const expect rows[] = {
      {TITLE "全年实现地区生产总值1327.8亿元。", 1, 0, "1327.8", "亿元",
       "level", "exact", "地区生产总值", NULL},
      {TITLE "地区生产总值比上年增长6.1%。", 1, 0, "6.1", "%", "growth",
       "exact", "地区生产总值", NULL},
      {TITLE "城镇化率较上年提升2.4个百分点。", 1, 0, "2.4", "个百分点",
       "change_pp", "exact", "城镇化率", NULL},
      {TITLE "税收收入占一般公共预算收入比重达82.29%。", 1, 0, "82.29", "%",
       "share", "exact", "税收收入", NULL},
      {TITLE "投资总量排名全市第1。", 1, 0, "1", "", "rank", "exact", NULL,
       NULL},
      {TITLE "增速位居全省第一。", 1, 0, "1", "", "rank", "exact", NULL, NULL},
      {TITLE "投资总量连续6年保持全市前列。", 1, 0, "6", "年", "duration",
       "exact", NULL, NULL},
      {TITLE "新增市场主体3.7万户。", 1, 0, "3.7", "万户", "level", "exact",
       "新增市场主体", NULL},
      {TITLE "粮食总产量10.72（含南山、高新）万吨。", 1, 0, "10.72", "万吨",
       "level", "exact", "粮食总产量", NULL},
      {TITLE "建成两个省级示范村。", 1, 0, "2", "个", "level", "exact", NULL,
       NULL},
      {TITLE "粮食产量百分之六十来自山区。", 1, 0, "60", "%", "share", "exact",
       NULL, NULL},
      {TITLE "全市ＧＤＰ达到１３２７．８亿元，同比增长６％。", 2, 1, "6", "%",
       "growth", "exact", NULL, NULL},
      {TITLE "⼈均可支配收⼊⼀万元，增长5%。", 2, 1, "5", "%", "growth",
       "exact", NULL, NULL},
  };
  check_rows(rows, sizeof rows / sizeof rows[0]);
}

static void test_figures_bounds(void **state) {
  (void)state;
  static const expect rows[] = {
      {TITLE "市场主体累计超22.3万户。", 1, 0, "22.3", "万户", "level", "over",
       NULL, NULL},
      {TITLE "技术合同成交额超过117亿元。", 1, 0, "117", "亿元", "level",
       "over", NULL, NULL},
      {TITLE "上市企业总数突破1800家。", 1, 0, "1800", "家", "level", "over",
       NULL, NULL},
      {TITLE "引进博士180余人。", 1, 0, "180", "人", "level", "over", NULL,
       NULL},
      {TITLE "惠及11万余人次。", 1, 0, "11", "万人次", "level", "over", NULL,
       NULL},
      {TITLE "实施技改项目70个以上。", 1, 0, "70", "个", "level", "at_least",
       NULL, NULL},
      {TITLE "阅读推广活动不少于2800场。", 1, 0, "2800", "场", "level",
       "at_least", NULL, NULL},
      {TITLE "工业技改投资增长10%左右。", 1, 0, "10", "%", "growth", "about",
       NULL, NULL},
      {TITLE "常住人口约560万人。", 1, 0, "560", "万人", "level", "about",
       NULL, NULL},
      {TITLE "赤字率控制在3%以内。", 1, 0, "3", "%", "share", "at_most", NULL,
       NULL},
      {TITLE "规模以上工业增加值增长9.5%。", 1, 0, "9.5", "%", "growth",
       "exact", "规模以上工业增加值", NULL},
  };
  check_rows(rows, sizeof rows / sizeof rows[0]);
}

static void test_figures_ranges_and_negatives(void **state) {
  (void)state;
  static const expect rows[] = {
      {TITLE "经济增长5.5%—6%。", 1, 0, "5.5", "%", "growth", "exact", NULL,
       "6"},
      {TITLE "经济增长5—6%。", 1, 0, "5", "%", "growth", "exact", NULL, "6"},
      {TITLE "新增就业5至6万人。", 1, 0, "5", "万人", "level", "exact", NULL,
       "6"},
      {TITLE "工业品出厂价格比上年下降2.1%。", 1, 0, "-2.1", "%", "growth",
       "exact", "工业品出厂价格", NULL},
      {TITLE "地税收入比上年减少9.8%。", 1, 0, "-9.8", "%", "growth", "exact",
       NULL, NULL},
      {TITLE "人口自然增长率-0.57‰。", 1, 0, "-0.57", "‰", "share", "exact",
       NULL, NULL},
  };
  check_rows(rows, sizeof rows / sizeof rows[0]);
}

static void test_figures_lists(void **state) {
  (void)state;
  static const expect rows[] = {
      {TITLE "工业投资、高技术产业投资分别同比增长21.3%、56.7%。", 2, 0, "21.3",
       "%", "growth", "exact", "工业投资", NULL},
      {TITLE "工业投资、高技术产业投资分别同比增长21.3%、56.7%。", 2, 1, "56.7",
       "%", "growth", "exact", "高技术产业投资", NULL},
      {TITLE "新增和总量均排名全市第1。", 2, 1, "1", "", "rank", "exact",
       "总量", NULL},
      {TITLE "城镇、农村居民人均可支配收入分别增长5.9%和7.3%。", 2, 1, "7.3",
       "%", "growth", "exact", "农村居民人均可支配收入", NULL},
      {TITLE "完成地区生产总值939.05亿元，比上年增长13.3%。", 2, 1, "13.3",
       "%", "growth", "exact", "地区生产总值", NULL},
      /* a change after a share is the share's change */
      {TITLE "高技术制造业增加值比重达到18.5%，比上年提高1.3个百分点。", 2, 1,
       "1.3", "个百分点", "change_pp", "exact", "高技术制造业增加值比重", NULL},
      /* a bare 增速 is the subject's */
      {TITLE "地区生产总值预计完成2856.3亿元，增速高于全省0.6个百分点。", 2, 1,
       "0.6", "个百分点", "change_pp", "exact", "地区生产总值增速", NULL},
      {TITLE "地区生产总值预计完成2856.3亿元，同比增长5.8%。", 2, 0, "2856.3",
       "亿元", "level", "exact", "地区生产总值", NULL},
      {TITLE "一般公共预算收入201.36亿元，同口径增长4.2%。", 2, 1, "4.2", "%",
       "growth", "exact", "一般公共预算收入", NULL},
      {TITLE "累计建成5G基站1.2万个。", 1, 0, "1.2", "万个", "level", "exact",
       "5G基站", NULL},
  };
  check_rows(rows, sizeof rows / sizeof rows[0]);
}

/* Numbers that are names, dates, ordinals or list markers. */
static void test_figures_traps(void **state) {
  (void)state;
  static const expect rows[] = {
      {TITLE "深入贯彻党的二十大精神。", 0, 0, 0, 0, 0, 0, 0, 0},
      {TITLE "持续深化“4433”工作推进体系。", 0, 0, 0, 0, 0, 0, 0, 0},
      {TITLE "新建5G基站，PM2.5浓度下降。", 0, 0, 0, 0, 0, 0, 0, 0},
      {TITLE "打造1+2+3+4+N产业体系。", 0, 0, 0, 0, 0, 0, 0, 0},
      {TITLE "编制十四五规划。", 0, 0, 0, 0, 0, 0, 0, 0},
      {TITLE "2023年3月15日召开第三届大会。", 0, 0, 0, 0, 0, 0, 0, 0},
      {TITLE "规模以上工业企业效益提升。", 0, 0, 0, 0, 0, 0, 0, 0},
      {TITLE "入选世界500强企业名单。", 0, 0, 0, 0, 0, 0, 0, 0},
      {TITLE "推进一批重点项目，统一规划。", 0, 0, 0, 0, 0, 0, 0, 0},
      {TITLE "万元GDP能耗持续下降。", 0, 0, 0, 0, 0, 0, 0, 0},
      {TITLE "新东站安置三区一期、二期工程。", 0, 0, 0, 0, 0, 0, 0, 0},
      {TITLE "第一产业增加值稳定。", 0, 0, 0, 0, 0, 0, 0, 0},
      {TITLE "16-59岁人口比重下降。", 0, 0, 0, 0, 0, 0, 0, 0},
      {TITLE "具备2000吨级船舶通行能力。", 0, 0, 0, 0, 0, 0, 0, 0},
  };
  check_rows(rows, sizeof rows / sizeof rows[0]);
}

typedef struct kp {
  const char *text;
  size_t at;
  const char *kind;
  int period;
} kp;

static void test_figures_kind_period(void **state) {
  (void)state;
  static const char plan[] =
      "关于2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n"
      "一、2023年计划执行情况\n"
      "全年地区生产总值增长6%。\n"
      "二、2024年主要目标\n"
      "地区生产总值增长5.5%左右。\n";
  static const char work[] =
      "2024年政府工作报告\n"
      "一、2023年工作回顾\n"
      "全年地区生产总值增长6%。\n"
      "二、2024年工作安排\n"
      "地区生产总值增长5.5%左右。\n";
  static const char stats[] =
      "某市统计局\n2024年4月29日\n"
      "2023年，全市经济稳中向好。\n"
      "一、综合\n"
      "全年地区生产总值增长6%。\n";
  static const char five[] =
      "2024年政府工作报告\n"
      "一、2023年工作回顾\n"
      "“十三五”期间地区生产总值年均增长7%。\n"
      "二、2024年工作安排\n"
      "“十四五”期间地区生产总值年均增长6%。\n"
      "2023年全市完成投资300亿元。\n";
  static const char dated[] =
      "政府工作报告\n"
      "——2024年3月5日在第十四届全国人民代表大会第二次会议上\n"
      "一、2023年工作回顾\n"
      "国内生产总值超过126万亿元，增长5.2%。\n"
      "二、2024年经济社会发展总体要求和政策取向\n"
      "今年发展主要预期目标是：国内生产总值增长5%左右。\n";
  /* a work report whose title does not say so: the date line of a
   * congress session, or nothing but its headings */
  static const char speech[] =
      "海拉尔区人民政府\n"
      "——2015年1月8日在海拉尔区第十四届人民代表大会第四次会议上\n"
      "各位代表：现在，我代表区人民政府向大会作报告，请予审议。\n"
      "一、2014年工作回顾\n"
      "全年地区生产总值增长8.5%。\n"
      "二、2015年工作安排\n"
      "主要预期目标是：地区生产总值增长8%，达到296亿元。\n";
  static const char headings[] =
      "各位代表：\n"
      "一、2013年工作回顾\n"
      "全年地区生产总值增长9%。\n"
      "二、2014年主要任务\n"
      "地区生产总值增长11%。\n";
  static const char stated[] =
      "各位代表：现在我代表区人民政府向大会作工作报告。\n"
      "一、过去一年的工作\n"
      "全年地区生产总值增长9%。\n"
      "二、2014年经济社会发展的预期目标\n"
      "地区生产总值增长11%。\n";
  static const char budget[] =
      "关于2023年预算执行情况和2024年预算草案的报告\n"
      "——2024年1月10日在某区第五届人民代表大会第四次会议上\n"
      "一、2023年预算执行情况\n"
      "一般公共预算收入完成17亿元。\n";
  static const kp rows[] = {
      {speech, 0, "actual", 2014}, {speech, 1, "target", 2015},
      {speech, 2, "target", 2015}, {headings, 0, "actual", 2013},
      {headings, 1, "target", 2014}, {stated, 1, "target", 2014},
      {budget, 0, "target", 2023},
      {dated, 0, "actual", 2023}, {dated, 2, "target", 2024},
      {plan, 0, "actual", 2023}, {plan, 1, "target", 2024},
      {work, 0, "actual", 2023}, {work, 1, "target", 2024},
      {stats, 0, "actual", 2023}, {five, 0, "actual", 2020},
      {five, 1, "target", 2025},  {five, 2, "actual", 2023},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    gf_figures *figs = run(rows[i].text);
    const gf_figure *f = gf_figures_at(figs, rows[i].at);
    if (!f || strcmp(f->kind, rows[i].kind) || f->period != rows[i].period) {
      print_error("row %zu: got %s %d\n", i, f ? f->kind : "(none)",
                  f ? f->period : 0);
      fail();
    }
    gf_figures_free(figs);
  }
}


/* Indicator naming (records.md: the shortest faithful phrase): both
 * directions from the number, verbs and particles stripped, the subject
 * carried to later clauses, 分别/均 lists in order.  Exact names. */
typedef struct named {
  const char *text;
  size_t at;
  const char *indicator, *key;
} named;

static void test_figures_naming(void **state) {
  (void)state;
  static const named rows[] = {
      /* the counted noun after a classifier */
      {TITLE "完成3.2万户、150万平方米旧城改造任务。", 0, "旧城改造任务", NULL},
      {TITLE "完成3.2万户、150万平方米旧城改造任务。", 1, "旧城改造任务", NULL},
      {TITLE "推进25个老旧小区改造。", 0, "老旧小区改造", NULL},
      {TITLE "覆盖600个学区和200所学校。", 0, "学区", NULL},
      {TITLE "覆盖600个学区和200所学校。", 1, "学校", NULL},
      {TITLE "完成1200块广告牌的规范设置。", 0, "广告牌", NULL},
      {TITLE "制定加强招商引资工作7个系列文件。", 0, "系列文件", NULL},
      {TITLE "为450余家企业提供便利服务。", 0, "企业", NULL},
      {TITLE "新建6处公园游园、7处古树公园、6公里绿道。", 1, "古树公园", NULL},
      {TITLE "新建6处公园游园、7处古树公园、6公里绿道。", 2, "绿道", NULL},
      {TITLE "分行业看，29个行业中20个行业比上年增长。", 1, "行业", NULL},
      {TITLE "在峰会上共签约7个项目。", 0, "项目", NULL},
      {TITLE "实施技改项目70个以上。", 0, "技改项目", NULL},
      /* the thing measured before it, verbs and particles stripped */
      {TITLE "全年完成了投资50亿元。", 0, "投资", NULL},
      {TITLE "重点实施道路改造工程12项。", 0, "道路改造工程", NULL},
      {TITLE "强化与周边城市合作项目20个。", 0, "周边城市合作项目", NULL},
      {TITLE "以党的二十大精神推动解决民生问题300件。", 0, "民生问题", NULL},
      {TITLE "建筑小区雨污管道改造任务完成178个小区。", 0,
       "建筑小区雨污管道改造任务", NULL},
      /* the subject carried to later clauses, never over a 。 */
      {TITLE "一般公共预算收入完成17亿元，按可比口径增长13%。", 1,
       "一般公共预算收入", "一般公共预算收入"},
      {TITLE "经济总量首次突破5万亿元大关，年均增长6%。", 1, "经济总量",
       "地区生产总值"},
      {TITLE "社会消费品零售总额由2010年的68亿元增加到2015年的136.3亿元。", 1,
       "社会消费品零售总额", NULL},
      {TITLE "2015年城镇常住居民人均可支配收入完成30788元。", 0,
       "城镇常住居民人均可支配收入", "城镇居民人均可支配收入"},
      {TITLE "推进闲置农房盘活利用，共完成80宗。", 0, "闲置农房盘活利用", NULL},
      {TITLE "全区完成投资3亿元。新增就业2000人。", 1, "新增就业",
       "城镇新增就业"},
      /* 分别 and 均 lists, in order */
      {TITLE "城镇和农村居民人均可支配收入分别增长8%、9%。", 0,
       "城镇居民人均可支配收入", NULL},
      {TITLE "城镇和农村居民人均可支配收入分别增长8%、9%。", 1,
       "农村居民人均可支配收入", NULL},
      {TITLE "城乡居民人均可支配收入分别增长8.7%和8.6%。", 0,
       "城镇居民人均可支配收入", NULL},
      {TITLE "城乡居民人均可支配收入分别增长8.7%和8.6%。", 1,
       "农村居民人均可支配收入", "农村居民人均可支配收入"},
      {TITLE "城镇常住居民人均可支配收入、农村常住居民人均可支配收入均增长8%。",
       1, "农村常住居民人均可支配收入", "农村居民人均可支配收入"},
      {TITLE "进出口总额分别增长3%和4%。", 1, "出口总额", NULL},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    gf_figures *figs = run(rows[i].text);
    const gf_figure *f = gf_figures_at(figs, rows[i].at);
    if (!f || strcmp(f->indicator, rows[i].indicator) != 0 ||
        (rows[i].key && strcmp(f->indicator_key, rows[i].key) != 0)) {
      print_error("row %zu: got [%s] key [%s], want [%s]\n", i,
                  f ? f->indicator : "(none)", f ? f->indicator_key : "",
                  rows[i].indicator);
      fail();
    }
    gf_figures_free(figs);
  }
}

static void test_figures_section_path(void **state) {
  (void)state;
  gf_figures *figs = run(TITLE
                         "一、综合\n"
                         "（一）经济运行\n"
                         "1.工业生产稳步增长。规模以上工业增加值增长9.5%。\n");
  assert_int_equal(gf_figures_count(figs), 1);
  assert_string_equal(gf_figures_at(figs, 0)->section,
                      "一、综合 > （一）经济运行 > 1.工业生产稳步增长");
  gf_figures_free(figs);
}

/* Every allocation failing in turn: a clean GF_ENOMEM, nothing leaked
 * (the sanitizer build checks), and success once allocations suffice. */
/* Issue 15: every numeral form of `govfig numbers`, read the same way as a
 * figure, with its unit, base value, bound and comparison. */
typedef struct form_row {
  const char *text;
  const char *value, *unit, *base_value, *measure, *bound, *comparison;
  const char *indicator; /* NULL: not checked; else the whole indicator */
} form_row;

static void test_figures_numeral_forms(void **state) {
  (void)state;
  static const form_row rows[] = {
      {TITLE "收入八千三百八十五万二千三百二十六点三三元。", "83852326.33",
       "元", "83852326.33", "level", "exact", "", "收入"},
      {TITLE "地区生产总值同比增长负1.5%。", "-1.5", "%", "-1.5", "growth",
       "exact", "同比增长", "地区生产总值"},
      {TITLE "工业增加值同比下降负1.5%。", "-1.5", "%", "-1.5", "growth",
       "exact", "同比下降", "工业增加值"},
      {TITLE "零售总额增长-1.5%。", "-1.5", "%", "-1.5", "growth", "exact",
       "增长", "零售总额"},
      {TITLE "零售总额增长\xE2\x88\x92" "1.5%。", "-1.5", "%", "-1.5", "growth",
       "exact", "增长", "零售总额"},
      {TITLE "零售总额增长負1.5%。", "-1.5", "%", "-1.5", "growth", "exact",
       "增长", "零售总额"},
      {TITLE "常住人口5万4千6百人。", "54600", "人", "54600", "level", "exact",
       "", "常住人口"},
      {TITLE "实现税收两千三点一万元。", "2300.1", "万元", "23001000", "level",
       "exact", "", "税收"},
      {TITLE "新增就业500余万人。", "500", "万人", "5000000", "level", "over",
       "", "新增就业"},
      {TITLE "接待游客一千多万人次。", "1000", "万人次", "10000000", "level",
       "over", "", "接待游客"},
      {TITLE "建成绿道十多公里。", "10", "公里", "10", "level", "over", "",
       NULL},
      {TITLE "服务群众十来万人。", "10", "万人", "100000", "level", "about",
       "", NULL},
      {TITLE "惠及11万余人次。", "11", "万人次", "110000", "level", "over", "",
       NULL},
      {TITLE "净增企业百余家。", "100", "家", "100", "level", "over", "", NULL},
      {TITLE "外贸进出口总额４，５６５万元。", "4565", "万元", "45650000",
       "level", "exact", "", "外贸进出口总额"},
      {TITLE "完成投资1.5e6元。", "1500000", "元", "1500000", "level", "exact",
       "", NULL},
      {TITLE "城镇化率达到百分之六十五点二。", "65.2", "%", "65.2", "share",
       "exact", "", "城镇化率"},
      {TITLE "就业率三成半。", "35", "%", "35", "share", "exact", "", NULL},
      {TITLE "不良率万分之三。", "3", "‱", "3", "share", "exact", "", NULL},
      {TITLE "研发投入强度千分之五。", "5", "‰", "5", "share", "exact", "",
       NULL},
      {TITLE "财政收入壹仟貳佰參拾萬元。", "1230", "萬元", "12300000",
       "level", "exact", "", NULL},
      {TITLE "粮食产量三億五千萬斤。", "35000", "萬斤", "350000000", "level",
       "exact", "", NULL},
      {TITLE "利润增长百分之负三。", "-3", "%", "-3", "growth", "exact",
       "增长", NULL},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    const form_row *e = &rows[i];
    gf_figures *figs = run(e->text);
    const gf_figure *f = gf_figures_at(figs, 0);
    if (gf_figures_count(figs) != 1 || strcmp(f->value, e->value) ||
        strcmp(f->unit, e->unit) || strcmp(f->base_value, e->base_value) ||
        strcmp(f->measure, e->measure) || strcmp(f->bound, e->bound) ||
        strcmp(f->comparison, e->comparison) ||
        (e->indicator && strcmp(f->indicator, e->indicator)))
      fail_msg("row %zu \"%s\": %zu rows; %s %s %s %s %s [%s] [%s]", i,
               e->text, gf_figures_count(figs), f ? f->value : "-",
               f ? f->unit : "-", f ? f->base_value : "-",
               f ? f->measure : "-", f ? f->bound : "-",
               f ? f->comparison : "-", f ? f->indicator : "-");
    gf_figures_free(figs);
  }
}

/* Every number of tests/data/numerals.tsv that is a whole input, put in a
 * sentence as an amount in 元: when `govfig numbers` reads it whole there,
 * the figure gives its value as base_value, and the same bound. */
static void test_figures_numeral_table(void **state) {
  (void)state;
  const char *path = GF_SRCDIR "/tests/data/numerals.tsv";
  FILE *in = fopen(path, "r");
  if (!in) fail_msg("%s: cannot open", path);
  char line[2048], text[2300];
  unsigned lineno = 0, tried = 0, bad = 0;
  while (fgets(line, sizeof line, in)) {
    lineno++;
    line[strcspn(line, "\r\n")] = '\0';
    char *tab = strchr(line, '\t');
    if (line[0] == '#' || !tab) continue;
    *tab = '\0';
    const char *pre = TITLE "全年完成投资";
    size_t at = strlen(pre), len = strlen(line);
    snprintf(text, sizeof text, "%s%s元。", pre, line);
    gf_numbers *ns = NULL;
    assert_int_equal(gf_numbers_scan(text, strlen(text), 0, &ns, NULL), GF_OK);
    const gf_number *n = NULL;
    for (size_t k = 0; k < gf_numbers_count(ns); k++) {
      const gf_number *x = gf_numbers_at(ns, k);
      if (x->start == at && x->end == at + len && !x->unit[0]) n = x;
    }
    /* a lone 一 is no figure (一批, 一个, 统一): a rule of the finder */
    if (!n || strcmp(line, "一") == 0) {
      gf_numbers_free(ns);
      continue;
    }
    tried++;
    gf_figures *figs = run(text);
    const gf_figure *f = gf_figures_at(figs, 0);
    if (gf_figures_count(figs) != 1 || strcmp(f->base_value, n->value) ||
        strcmp(f->base_unit, "元") || strcmp(f->bound, n->bound)) {
      print_error("%s:%u: %s元: %s %s %s, want %s 元 %s\n", path, lineno, line,
                  f ? f->base_value : "-", f ? f->base_unit : "-",
                  f ? f->bound : "-", n->value, n->bound);
      bad++;
    }
    gf_figures_free(figs);
    gf_numbers_free(ns);
  }
  fclose(in);
  if (tried < 150) fail_msg("%s: only %u numbers tried", path, tried);
  if (bad) fail_msg("%s: %u of %u amounts read otherwise", path, bad, tried);
}

static void test_figures_enomem(void **state) {
  (void)state;
  static const char text[] =
      "2023年某市国民经济和社会发展统计公报\n\n"
      "一、综合\n"
      "全年地区生产总值1327.8亿元，比上年增长6%。工业投资、高技术产业投资"
      "分别增长21.3%、56.7%。\n";
  gf_doc *doc = NULL;
  assert_int_equal(gf_doc_open_text("t.txt", text, strlen(text), &doc, NULL),
                   GF_OK);
  int ok = 0;
  for (unsigned long n = 1; n < 2000 && !ok; n++) {
    gf_figures *figs = NULL;
    gf_alloc_fail_at(n);
    int rc = gf_figures_extract(doc, 0, &figs, NULL);
    gf_alloc_fail_at(0);
    if (rc == GF_OK) {
      assert_int_equal(gf_figures_count(figs), 4);
      ok = 1;
    } else {
      assert_int_equal(rc, GF_ENOMEM);
      assert_null(figs);
    }
    gf_figures_free(figs);
  }
  assert_true(ok);
  gf_doc_free(doc);
}

static void test_figures_api_errors(void **state) {
  (void)state;
  gf_figures *figs = (gf_figures *)1;
  assert_int_equal(gf_figures_extract(NULL, 0, &figs, NULL), GF_EINVAL);
  assert_null(figs);
  assert_int_equal(gf_figures_count(NULL), 0);
  assert_null(gf_figures_at(NULL, 0));
  gf_figures_free(NULL);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_figures_measures),
      cmocka_unit_test(test_figures_bounds),
      cmocka_unit_test(test_figures_ranges_and_negatives),
      cmocka_unit_test(test_figures_lists),
      cmocka_unit_test(test_figures_traps),
      cmocka_unit_test(test_figures_kind_period),
      cmocka_unit_test(test_figures_naming),
      cmocka_unit_test(test_figures_section_path),
      cmocka_unit_test(test_figures_numeral_forms),
      cmocka_unit_test(test_figures_numeral_table),
      cmocka_unit_test(test_figures_enomem),
      cmocka_unit_test(test_figures_api_errors),
  };
  return cmocka_run_group_tests_name("figures", tests, NULL, NULL);
}
