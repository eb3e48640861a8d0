/* vocab.c - the words every reader relies on, as tables (one place for
 * each list): comparison verbs, bound words, share, rank and duration cues,
 * the words trimmed from an indicator's edges, what makes a number no
 * figure, table header words, report parts, five-year plans, the 四至 of
 * parcels.  Extend here, not in patterns or in the readers. */
#include <stddef.h>

#include "extract/vocab.h"

/* Word lists with their byte lengths beside them (for the hot lookups):
 * one X-macro gives both arrays. */
#define GF_WORD(w) w,
#define GF_WORD_LEN(w) sizeof(w) - 1,
/* A word with its kind and byte length. */
#define K(w, kind) {w, sizeof(w) - 1, kind}

/* Before a number: the bound it sets (records.md bound column). */
const gf_word_kind GF_BOUND_BEFORE[] = {
    K("超过", GF_BOUND_OVER),    K("超出", GF_BOUND_OVER),
    K("突破", GF_BOUND_OVER),    K("超", GF_BOUND_OVER),
    K("逾", GF_BOUND_OVER),      K("多于", GF_BOUND_OVER),
    K("高于", GF_BOUND_OVER),    K("不少于", GF_BOUND_AT_LEAST),
    K("不低于", GF_BOUND_AT_LEAST), K("至少", GF_BOUND_AT_LEAST),
    K("约", GF_BOUND_ABOUT),     K("近", GF_BOUND_ABOUT),
    K("接近", GF_BOUND_ABOUT),   K("将近", GF_BOUND_ABOUT),
    K("大约", GF_BOUND_ABOUT),   K("不超过", GF_BOUND_AT_MOST),
    K("不高于", GF_BOUND_AT_MOST), K("最多", GF_BOUND_AT_MOST),
    K("低于", GF_BOUND_UNDER),   K("少于", GF_BOUND_UNDER),
    K("不足", GF_BOUND_UNDER),   {NULL, 0, 0}};

/* After a number and its unit. */
const gf_word_kind GF_BOUND_AFTER[] = {
    K("以上", GF_BOUND_AT_LEAST), K("左右", GF_BOUND_ABOUT),
    K("以内", GF_BOUND_AT_MOST),  K("以下", GF_BOUND_AT_MOST),
    K("之内", GF_BOUND_AT_MOST),  K("上下", GF_BOUND_ABOUT),
    {NULL, 0, 0}};

/* Range connectors between two numbers: 5%—6%, 5 至 6 万人. */
const char *const GF_RANGE_WORDS[] = {"—", "–", "-", "~", "～", "至",
                                      "到", "―", "－", NULL};

/* Growth verbs; GF_CMP_DOWN makes the value negative (records.md). */
const gf_word_kind GF_GROWTH_VERBS[] = {
    K("增长", GF_CMP_UP),   K("增加", GF_CMP_UP),   K("提高", GF_CMP_UP),
    K("提升", GF_CMP_UP),   K("上涨", GF_CMP_UP),   K("上升", GF_CMP_UP),
    K("增产", GF_CMP_UP),   K("扩大", GF_CMP_UP),   K("改善", GF_CMP_UP),
    K("增速", GF_CMP_UP),   K("增幅", GF_CMP_UP),   K("涨幅", GF_CMP_UP),
    K("增长速度", GF_CMP_UP), K("增长率", GF_CMP_UP), K("增", GF_CMP_UP),
    K("高于", GF_CMP_UP),   K("快于", GF_CMP_UP),   K("下降", GF_CMP_DOWN),
    K("减少", GF_CMP_DOWN), K("降低", GF_CMP_DOWN), K("回落", GF_CMP_DOWN),
    K("下滑", GF_CMP_DOWN), K("减产", GF_CMP_DOWN), K("缩小", GF_CMP_DOWN),
    K("降幅", GF_CMP_DOWN), K("低于", GF_CMP_DOWN), K("慢于", GF_CMP_DOWN),
    K("下跌", GF_CMP_DOWN), K("减", GF_CMP_DOWN),   {NULL, 0, 0}};

/* What the comparison is against, written before the verb. */
const char *const GF_CMP_BASES[] = {
    "同比", "同口径", "两年平均", "三年平均", "年平均", "年均", "比上年末",
    "比上年", "较上年", "比年初", "较年初",
    "比去年", "较去年", "与上年相比", "环比", "比上年同期", "较上年同期",
    "全市平均水平", "全省平均水平", "全国平均水平", NULL};

/* Words that make a percentage a share rather than a growth rate. */
const char *const GF_SHARE_CUES[] = {
    "占", "比重", "比例", "率", "份额", "覆盖", "达标", "贡献", "普及",
    "集中度", "比值", "成数", NULL};

/* Rank cues written before 第N. */
const char *const GF_RANK_CUES[] = {
    "排名", "位居", "位列", "名列", "居", "列", "全市", "全省", "全国",
    "全州", "全区", "区县", "同类", "排", NULL};

/* Duration cues: before (连续 6 年) or after (35 天完成). */
const char *const GF_DURATION_BEFORE[] = {"连续", "历时", "用时", "仅用",
                                          "耗时", "持续", NULL};
const char *const GF_DURATION_AFTER[] = {"完成", "建成", "实现", "内", NULL};

/* Stripped from the start of an indicator. */
#define LEAD_WORDS(X) \
  X("其中") X("全年") X("全区") X("全市") X("全州") X("全省") X("全县") \
  X("全国") X("年末") X("年内") X("实现") X("完成") X("累计完成") X("共") \
  X("共计") X("对") X("为") X("力争") X("确保") X("预计") X("拟安排") \
  X("拟") X("初步核算") X("目前") X("截至年末") X("今年") X("当年") X("并") \
  X("和") X("及") X("与") X("而") X("则") X("且") X("，") \
  X("按可比口径") X("按可比价格计算") X("按可比价计算") X("按可比价格") \
  X("按可比价") X("可比口径") X("同口径") X("了") X("完成了") \
  X("实现了") X("重点实施") X("实施") X("强化") X("持续抓好") X("抓好") \
  X("坚持") X("加快推进") X("推进") X("推动") X("加强") X("制定") \
  X("深化") X("落实") X("积极") X("大力") X("全力") X("着力") X("扎实") \
  X("深入") X("进一步") X("切实") X("稳步") X("有序") X("统筹") \
  X("推动解决") X("解决") X("标准") X("的") X("共有") X("拥有")
const char *const GF_LEAD_WORDS[] = {LEAD_WORDS(GF_WORD) NULL};
const unsigned char GF_LEAD_LENS[] = {LEAD_WORDS(GF_WORD_LEN) 0};

/* Stripped from the end of an indicator. */
#define TRAIL_WORDS(X) \
  X("达到") X("达") X("为") X("是") X("至") X("到") X("共") X("共计") \
  X("合计") X("总计") X("累计") X("有") X("的") X("了") X("分别") X("均") \
  X("已") X("保持") X("增至") X("控制在") X("完成") X("实现") X("约") \
  X("累计达") X("突破") X("超过") X("超") X("逾") X("近") X("不少于") \
  X("不低于") X("至少") X("不超过") X("其中") X("占") X("在") X("仅") \
  X("共有") X("新增加") X("分别为") X("均为") X("平均为") X("平均") \
  X("拟按") X("按") X("预计") X("保持在") X("稳定在") X("提高到") \
  X("提升至") X("上升到") X("下降到") X("降至") X("升至") X("增加到") \
  X("增长到") X("扩大到") X("减少到") X("增加至") X("减少至") X("提高至") \
  X("下降至") X("由") X("从") X("首次") X("再次") X("首度") X("一举") \
  X("较")
const char *const GF_TRAIL_WORDS[] = {TRAIL_WORDS(GF_WORD) NULL};
const unsigned char GF_TRAIL_LENS[] = {TRAIL_WORDS(GF_WORD_LEN) 0};

/* Verbs that end the text before a count whose noun follows it:
 * "共发生 5 次自然灾害过程", "造成 693.61 万人次受灾". */
const char *const GF_COUNT_VERBS[] = {
    "发生", "夺得", "获得", "造成", "建成", "新建", "建设", "实施", "开展",
    "完成", "引进", "培育", "设立", "举办", "组织", "改造", "打造", "启动",
    "推出", "创建", "认定", "评选", "涉及", "覆盖", "带动", "吸引", "惠及",
    "拥有", "累计", "签约", "签订", "出台", "制定", NULL};

/* Qualifiers that share the noun after the last of a list: 城镇和农村居民
 *人均可支配收入 is 城镇居民… and 农村居民…. */
const char *const GF_LIST_QUALIFIERS[] = {
    "城镇", "农村", "城市", "乡村", "城镇常住", "农村常住", "农村牧区",
    "进口", "出口", "男性", "女性", "一般", "国有", "民营", "外资", NULL};
/* Contractions that name two things: 城乡居民 is 城镇居民 and 农村居民. */
const gf_contraction GF_CONTRACTIONS[] = {{"城乡", "城镇", "农村"},
                                          {"进出口", "进口", "出口"},
                                          {"中小学", "中学", "小学"},
                                          {"男女", "男性", "女性"},
                                          {NULL, NULL, NULL}};

/* After a counted noun, words that start what is said of it: the noun
 * ends there ("450余家企业提供便利服务", "714户居民多年期盼"). */
const char *const GF_AFTER_CUT[] = {
    "提供", "参与", "参加", "受益", "实现", "完成", "通过", "获得", "全部",
    "已", "正在", "开工", "建成", "投入", "落户", "入驻", "多年", "得到",
    "并", "均", "共", "累计", "分别", "比", "同比", "较", "增长", "下降",
    "达到", "达", "被", "纳入", "列入", "成为", "荣获", "进行", NULL};
/* Words ending in 约 that are no "about" before a number: 签约7个项目. */
const char *const GF_YUE_WORDS[] = {"签约", "合约", "节约", "制约", "条约",
                                    "违约", "履约", "特约", "预约", "邀约",
                                    "公约", "契约", "集约", "相约", NULL};
/* What closes a manner phrase "以…精神" opening a name. */
const char *const GF_MANNER_ENDS[] = {"精神", "为指导", "为引领", "为抓手",
                                      "为契机", "为重点", "为目标", NULL};
/* Words that begin with 有 and are no "there are": 有线数字电视用户. */
const char *const GF_YOU_WORDS[] = {"有线", "有色", "有机", "有效", "有关",
                                    "有序", "有限", "有害", "有形", "有偿",
                                    "有奖", "有轨", NULL};
/* Locatives after a counted noun: 29个行业中. */
const char *const GF_LOCATIVES[] = {"之中", "中", "里", "内", NULL};
/* Verbs that open a phrase whose object is counted after the number:
 * "加强招商引资工作7个系列文件", "推进25个老旧小区改造". */
const char *const GF_LEAD_VERBS[] = {
    "制定", "加强", "推进", "加快推进", "推动", "重点实施", "持续抓好",
    "抓好", "坚持", "强化", "深化", "开工", "签约", "签订", "落实", "出台",
    "新增", "整治", "提升", "升级", "规范", NULL};

/* What may follow the 年 of a date before a number: 2010年的, 2014年底. */
const char *const GF_DATE_TAILS[] = {"的", "底", "末", "度", "初", NULL};

/* Stripped from the start of an indicator to make its key (indicators.c):
 * the region it is of (one report's 全区 is another's 全市), when, and the
 * verbs and particles that report it.  Scopes that change the statistic
 * (全社会, 区本级, 限额以上) are not here. */
const char *const GF_KEY_PREFIXES[] = {
    "全区", "全市", "全省", "全县", "全州", "全旗", "全盟", "全国", "全镇",
    "全乡", "我区", "我市", "我省", "我县", "我州", "我旗", "本区", "本市",
    "本县", "全年", "年度", "今年", "去年", "上年", "当年", "年末", "年内",
    "完成", "实现", "达到", "力争", "预计", "确保", "累计", "其中", "的",
    NULL};
/* Stripped from the end: the measure column says it is a growth. */
const char *const GF_KEY_SUFFIXES[] = {"同比增长", "年均增长", "增长率",
                                       "增速", "增幅", "增长", NULL};

/* ---------------------------------------------------------- figures: what a
 * number is and what it measures (extract/figures.c) */

/* After four digits, what makes them a year: 2023年, 2021-2025, 2021至2025. */
const char *const GF_YEAR_NEXT[] = {"年", "-", "—", "～", "至", NULL};

/* Before a Chinese numeral, words that make it a span of a list: 前三 后两
 * 近五 (前三季度, 近五年). */
const char *const GF_SPAN_BEFORE[] = {"前", "后", "近", NULL};

/* After 第N, what leaves it a rank, not an ordinal (第一产业): a list
 * (第1、第2), 和, 的, 位. */
const char *const GF_RANK_NEXT[] = {"、", "和", "的", "位", NULL};

/* After a number at a clause start, what makes it a list marker: 1、 （1）. */
const char *const GF_LIST_MARK_ENDS[] = {"、", "）", ")", NULL};

/* Between amounts of a list that shares its last unit: 16.4 个、1.3 个百分点.
 */
const char *const GF_UNIT_LIST_SEPS[] = {"、", "和", NULL};

/* Between a bound word and the number it bounds: 达到超过… */
const char *const GF_BOUND_GLUE[] = {"达", "达到", NULL};

/* What ends a heading marker (1. 一、 （一）): figures are read after it. */
const char *const GF_HEADING_MARK_ENDS[] = {"、", ".", "．", "）", ")", NULL};

/* After a number, words that make it a date, an ordinal or a name. */
const char *const GF_NOT_AFTER[] = {
    "月",     "日", "号", "时", "届", "强", "+",  "大", "点",   "季度", "周年",
    "次会议", "型", "后", "代", "线", "路", "中", "岁", "周岁", NULL};

/* Before a number, words that make it a reference, not an amount. */
const char *const GF_NOT_BEFORE[] = {"表",   "图", "附件", "附表", "附图",
                                     "编号", "注", "国道", "省道", NULL};

/* After a Chinese numeral, measure words that name things (二期 三区). */
const char *const GF_NAME_SUFFIX[] = {
    "期", "级", "队", "区", "港",     "园",   "院", "村", "镇",
    "届", "批", "类", "种", "代",     "部",   "线", "号", "核",
    "心", "力", "朵", "星", "次产业", "倍子", NULL};

/* Words between a comparison's verb and the number that keep the verb's
 * sense: 了 达 为 到 分别 均 (增长速度为 4.5%). */
const char *const GF_CMP_GLUE[] = {"了",   "达到", "达", "为", "到",   "分别",
                                   "均",   "在",   "约", "近", "超过", "超",
                                   "幅度", "速度", "率", NULL};

/* A comparison with an average: 高于全市平均水平, 低于全国, 快于平均.  The
 * comparison pattern (figures.c) is built from these three lists. */
const char *const GF_ABOVE_VERBS[] = {"高于", "低于", "快于", "慢于", NULL};
const char *const GF_ABOVE_REGIONS[] = {"全市", "全省", "全国", "全州",
                                        "全区", "全县", NULL};
const char *const GF_ABOVE_AVERAGE[] = {"平均水平", "平均", NULL};

/* Between the numbers of a list: 21.3%、56.7% and 52.6%. */
const char *const GF_LIST_GLUE[] = {"、", "和", "及", " ", NULL};

/* ---------------------------------------------------------- indicator names
 * (extract/indicator.c) */

/* Marks and conjunctions trimmed from the end of an indicator. */
const char *const GF_TRAIL_MARKS[] = {"、", "和", "及", "与", "或",
                                      " ",  "（", "(",  "“",  NULL};

/* Marks trimmed from the start of an indicator. */
const char *const GF_LEAD_MARKS[] = {"、", "”", "）", ")", " ", NULL};

/* Before a rank, no part of its name: 人均…均 排名, 总量. */
const char *const GF_RANK_TAILS[] = {"均", "总量", NULL};

/* A rank of these is the rank of the sentence's subject (总量 增速 排名). */
const char *const GF_RANK_SUBJECT_WORDS[] = {"总量", "增速", "总数", NULL};

/* Comparison bases before a 分别 list, no part of its subjects. */
const char *const GF_LIST_CMP_BASES[] = {"同比", "比上年", "较上年", NULL};

/* Names too generic to stand alone: 增速 is the rate of the subject. */
const char *const GF_GENERIC_NAMES[] = {"增速", "增幅",   "比重", "占比",
                                        "总量", "增长率", NULL};

/* Where the noun after a unit stops. */
const char *const GF_AFTER_STOP[] = {"、", "（", NULL};

/* After 均, words that make it "each" (均排名, 均为), not part of a name. */
const char *const GF_JUN_NEXT[] = {"排名", "列", "为",   "达",   "居",   "位",
                                   "在",   "超", "保持", "实现", "增长", "同比",
                                   "比",   "较", "高于", "有",   NULL};

/* Between the numbers of a 分别 list (how many numbers it has). */
const char *const GF_NUMBER_LIST_SEPS[] = {"、", "和", "及", ",", NULL};

/* "A和B、C分别…x、y": as many subjects as numbers.  、 separates
 * first; 和 及 与 only when that gives too few (酒饮料和精制茶制造业) */
const char *const GF_SUBJECT_SEPS_FIRST[] = {"、", NULL};

/* Between the subjects of a 分别 list, when 、 alone gives too few. */
const char *const GF_SUBJECT_SEPS[] = {"、", "和", "及", "与", "以及", NULL};

/* ---------------------------------------------------------- parcels (四至)
 * (extract/parcels.c) */

/* The four direction words, in the column order east, west, south, north. */
const char *const GF_DIR_WORDS[] = {"东至", "西至", "南至", "北至", NULL};

/* Brackets that open a nested part of a 四至 description... */
const char *const GF_OPEN_BRACKETS[] = {"（", "(", "【", "[", "〔",
                                        "《", "“", "「", NULL};

/* ...and the one closing each, in the same order. */
const char *const GF_CLOSE_BRACKETS[] = {"）", ")", "】", "]", "〕",
                                         "》", "”", "」", NULL};

/* Separators a direction word may follow (besides the start), and the
 * lead-ins that may stand right before the first one (四至为北至…,
 * 该地块东至…). */
const char *const GF_BEFORE_DIR[] = {
    "，",     ",",    "；",   ";",    "：",     ":",      " ",
    "\t",     "\n",   "　",   "、",   "四至为", "四至是", "范围为",
    "范围是", "四至", "地块", "宗地", NULL};

/* What ends a parcel's description. */
const char *const GF_PARCEL_END[] = {"；", ";", "。", NULL};

/* Trimmed from both ends of names and boundaries. */
const char *const GF_PARCEL_TRIM[] = {"，", ",", "；", ";",  "。", "：", ":",
                                      "、", " ",  "\t", "\n", "\r", "　", NULL};

/* Words that say "the parcel" without naming it. */
const char *const GF_PARCEL_PRONOUNS[] = {"该地块",   "本地块",   "此地块",
                                          "该宗地",   "本宗地",   "地块",
                                          "另一地块", "上述地块", NULL};

/* Lead-ins between a name and its first boundary. */
const char *const GF_PARCEL_LEAD_IN[] = {"四至范围为", "四至范围是", "四至范围",
                                         "四至为",     "四至是",     "四至",
                                         "范围为",     "位于",       NULL};

/* Generic header vocabulary of such tables. */
const char *const GF_HEAD_NO[] = {"序号", "编号", "项目号", NULL};

/* Table headers of the name column. */
const char *const GF_HEAD_NAME[] = {"名称", "项目", "地块名", NULL};

/* Table headers of the land-use column. */
const char *const GF_HEAD_USE[] = {"性质", "用途", "用地类型", "规划用地",
                                   NULL};

/* ---------------------------------------------------------- table headers
 * (extract/table_figures.c) */

/* Header words that make a column a growth rate or a share. */
const char *const GF_HEAD_GROWTH[] = {"增长", "增速", "比上年", "同比",
                                      "涨跌", "增减", "上涨",   NULL};

/* Header words that make a column a share. */
const char *const GF_HEAD_SHARE[] = {"比重", "占", "构成", "率", NULL};

/* Label prefixes that are no part of the name. */
const char *const GF_LABEL_LEAD[] = {"其中：", "其中:", "其中", "#", NULL};

/* Header words that make a column's figures targets or actuals:
 * "2024年目标", "2023年完成". */
const char *const GF_HEAD_TARGET[] = {"目标", "计划", "预期",
                                      "预计", "预算", NULL};

/* Header words that make a column's figures actuals. */
const char *const GF_HEAD_ACTUAL[] = {"完成", "实际", "执行", "决算", NULL};

/* ---------------------------------------- report parts, five-year plans
 * (extract/sections.c) */

/* Where a run-in heading ends (the first of these). */
const char *const GF_HEADING_STOPS[] = {"。", "；", "：", NULL};

/* Five-year plans, each with its last year as its kind (records.md:
 * 十四五 -> 2025). */
const gf_word_kind GF_FIVE_YEAR_PLANS[] = {
    K("十一五", 2010), K("十二五", 2015), K("十三五", 2020), K("十四五", 2025),
    K("十五五", 2030), K("十六五", 2035), {NULL, 0, 0}};

/* Words that mark the part of a report looking back or ahead. */
const char *const GF_PAST_WORDS[] = {"执行情况", "回顾", "完成情况", "主要工作",
                                     NULL};

/* Words that mark the part of a report planning ahead. */
const char *const GF_PLAN_WORDS[] = {"计划", "安排", "目标", "任务",
                                     "草案", "建议", "打算", "展望",
                                     "预期", "思路", NULL};

/* A speech to the people's congress that reports on the government's work
 * ("向大会作工作报告"), when the title does not say 政府工作报告. */
const char *const GF_WORK_REPORT_WORDS[] = {"政府工作报告", "作工作报告",
                                            "政府工作的报告", NULL};

/* The date line of a speech: "—2014年2月19日在…人民代表大会…会议上". */
const char *const GF_CONGRESS_WORDS[] = {"人民代表大会", NULL};

/* ...and the place of the speech in it. */
const char *const GF_SPEECH_WORDS[] = {"会议上", NULL};

/* After a five-year plan's name, what makes it a span ("十四五"期间). */
const char *const GF_PLAN_SPAN[] = {"期间", "时期", "末", "以来", NULL};

/* ---------------------------------------------------------- the verifier
 * (check/check.c) */

/* A comparison that says the value fell (check: 下降 3% may be stored
 * as -3 or as 3); narrower than GF_GROWTH_VERBS' GF_CMP_DOWN words. */
const char *const GF_DOWN_WORDS[] = {"下降", "减少", "降低", "回落", "下滑",
                                     "减产", "缩小", "下跌", "低于", NULL};
