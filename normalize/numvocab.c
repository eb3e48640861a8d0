/* numvocab.c - the words the numeral reader and `govfig numbers` rely on
 * (normalize/numerals.c, numforms.c, numbers.c), as tables: extend here,
 * not in the readers.  Each list ends with NULL. */
#include <stddef.h>

#include "normalize/normalize.h"

/* After 兆: the prefix mega of a unit (兆瓦, 兆帕) or a word (兆头), not
 * the magnitude 10^12. */
const char *const GF_NUM_MEGA_WORDS[] = {
    "瓦", "帕", "赫", "焦", "字节", "比特", "吨", "伏", "欧", "卡", "头",
    "帧", "像素", "位", "升", "电子伏", NULL};

/* 余 几 来 starting a word of their own after a number (余额, 几乎, 来自);
 * 多 after a number is always "and more" (一千多元, 十多家, 二十多种). */
const char *const GF_NUM_NOT_BOUND[] = {
    "余额", "余量", "余粮", "余热", "余震", "余地", "余数", "余下", "余款",
    "几乎", "几何", "几率", "几经", "来自", "来源", "来说", "来看", "来讲",
    "来到", "来访", "来华", "来临", "来京", NULL};

/* After N成, words where 成 is no tenth: 一成不变, 三成本 ... */
const char *const GF_NUM_NOT_CHENG[] = {
    "不", "本", "员", "果", "效", "为", "立", "交", "都", "熟", "绩", "就",
    "功", "型", "品", "长", "套", "片", "材", "败", "像", "活", NULL};

/* After N折, words where 折 is no discount: 折合, 折旧 (一波三折 is one of
 * GF_NUM_IDIOMS_WHOLE). */
const char *const GF_NUM_NOT_ZHE[] = {
    "合", "算", "旧", "叠", "线", "射", "腾", "返", "回", "服", "中", "损",
    "磨", "痕", "纸", "页", "扇", "子", "戟", NULL};

/* Numbers with an SI letter that are names: 4K (a resolution). */
const char *const GF_NUM_SI_NAMES[] = {"2K", "4K", "8K", "16K", NULL};

/* After an Arabic part of a Chinese numeral, a date (三万2023年: a line
 * break before a date). */
const char *const GF_NUM_DATE_UNITS[] = {"年", "月", "日", "号", "时", NULL};

/* Words that begin with a one-character numeral and a unit but are not a
 * count: 一起 (together), 一次性 (one-off), 一条龙 (one-stop) … */
const char *const GF_NUM_IDIOMS[] = {
    "一起", "一次性", "一条龙", "一部分", "一站式", "一把手", "一家人",
    "一日游", "一头雾水", "一体", "一批批", "三次产业", NULL};

/* Idioms with a number form inside them (三折, 三成): skipped whole. */
const char *const GF_NUM_IDIOMS_WHOLE[] = {
    "一波三折", "一五一十", "十全十美", "七折八扣", "九折臂", NULL};

/* Marks between the two ends of a range (2020-2023年, 3-5万, 三至五万). */
const char *const GF_NUM_RANGE_MARKS[] = {"-", "—", "～", "~", "至", "到",
                                          "－", NULL};
