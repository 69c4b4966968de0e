/*
 * util/zh.c — Chinese words for name patterns (see zh.h): family names,
 * characters no given name holds, titles before a name and reporting verbs
 * after one, in Simplified and Traditional characters. Written from the
 * common-surname lists (the Hundred Family Surnames and census rankings),
 * not from any article.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"
#include "dossier/util.h"
#include "dossier/zh.h"

/* Single family names, sorted by code point (bsearch). */
static const uint32_t zh_single[] = {
    0x4E01, 0x4E07, 0x4E25, 0x4E54, 0x4E60, 0x4E8E, 0x4ED8, 0x4EFB, 0x4F0D,
    0x4F55, 0x4F59, 0x4FAF, 0x4FDE, 0x502A, 0x5085, 0x5170, 0x5173, 0x5189,
    0x51AF, 0x51BC, 0x51CC, 0x5218, 0x5289, 0x5305, 0x533A, 0x5340, 0x534E,
    0x5353, 0x5355, 0x535C, 0x5362, 0x53F2, 0x53F6, 0x5411, 0x5415, 0x5433,
    0x5434, 0x5442, 0x5468, 0x5510, 0x55AC, 0x55AE, 0x56B4, 0x590F, 0x59DA,
    0x59DC, 0x5B54, 0x5B59, 0x5B5F, 0x5B63, 0x5B6B, 0x5B81, 0x5B89, 0x5B8B,
    0x5BE7, 0x5C1A, 0x5C39, 0x5C91, 0x5CB3, 0x5D14, 0x5DE6, 0x5DEB, 0x5E38,
    0x5E84, 0x5E9E, 0x5EB7, 0x5ED6, 0x5F20, 0x5F35, 0x5F6D, 0x5F90, 0x6210,
    0x621A, 0x6234, 0x6587, 0x65B9, 0x65BD, 0x6613, 0x66F2, 0x66F9, 0x66FE,
    0x6731, 0x674E, 0x675C, 0x6768, 0x6797, 0x67EF, 0x67F3, 0x6817, 0x6881,
    0x6885, 0x694A, 0x6A0A, 0x6B27, 0x6B50, 0x6B66, 0x6BB5, 0x6BB7, 0x6BD5,
    0x6BDB, 0x6C5F, 0x6C64, 0x6C6A, 0x6C88, 0x6D2A, 0x6D82, 0x6E29, 0x6E38,
    0x6E6F, 0x6EAB, 0x6F58, 0x7126, 0x718A, 0x725B, 0x738B, 0x7518, 0x7530,
    0x7533, 0x7562, 0x767D, 0x76DB, 0x76E7, 0x77F3, 0x795D, 0x79E6, 0x7A0B,
    0x7AE0, 0x7AE5, 0x7B26, 0x7D00, 0x7DF4, 0x7EAA, 0x7EC3, 0x7F57, 0x7F85,
    0x7FC1, 0x7FD2, 0x7FDF, 0x803F, 0x8042, 0x8076, 0x8096, 0x80E1, 0x8212,
    0x82CF, 0x82D7, 0x8303, 0x838A, 0x83AB, 0x83EF, 0x8427, 0x842C, 0x8449,
    0x845B, 0x8463, 0x848B, 0x8499, 0x84DD, 0x8521, 0x8523, 0x856D, 0x859B,
    0x85CD, 0x8607, 0x862D, 0x8881, 0x88F4, 0x8983, 0x8A31, 0x8A79, 0x8B1D,
    0x8B5A, 0x8BB8, 0x8C22, 0x8C2D, 0x8C37, 0x8CC0, 0x8CC8, 0x8CF4, 0x8D3A,
    0x8D3E, 0x8D56, 0x8D75, 0x8D99, 0x8DEF, 0x8F9B, 0x8F9C, 0x9093, 0x90A2,
    0x90B1, 0x90B5, 0x90B9, 0x90D1, 0x90DD, 0x90ED, 0x9112, 0x9127, 0x912D,
    0x91D1, 0x9322, 0x937E, 0x9418, 0x949F, 0x94B1, 0x9586, 0x95DC, 0x95EB,
    0x962E, 0x9646, 0x9648, 0x9673, 0x9676, 0x9678, 0x96F7, 0x970D, 0x97CB,
    0x97D3, 0x97E6, 0x97E9, 0x984F, 0x9867, 0x987E, 0x989C, 0x99AC, 0x99AE,
    0x99F1, 0x9A6C, 0x9A86, 0x9AD8, 0x9B4F, 0x9B6F, 0x9C81, 0x9EA5, 0x9EA6,
    0x9EC3, 0x9EC4, 0x9ECE, 0x9F4A, 0x9F50, 0x9F8D, 0x9F90, 0x9F94, 0x9F99,
    0x9F9A,
};

/* Characters of function words: never part of a given name. Sorted. */
static const uint32_t zh_stops[] = {
    0x4E0A, 0x4E0B, 0x4E0D, 0x4E0E, 0x4E26, 0x4E2A, 0x4E2D, 0x4E3A, 0x4E4B,
    0x4E5F, 0x4E86, 0x4E8E, 0x4EA6, 0x4EBA, 0x4ECA, 0x4ECE, 0x4ED6, 0x4EE5,
    0x4EEC, 0x4F1A, 0x4F46, 0x4F4D, 0x4F60, 0x4F86, 0x500B, 0x5011, 0x5167,
    0x5176, 0x5185, 0x5219, 0x5230, 0x5247, 0x524D, 0x5373, 0x53BB, 0x53C8,
    0x53CA, 0x53EF, 0x5404, 0x540D, 0x540E, 0x5411, 0x548C, 0x5728, 0x5916,
    0x5979, 0x5BF9, 0x5C06, 0x5C07, 0x5C0D, 0x5C31, 0x5DF2, 0x5E74, 0x5E76,
    0x5F8C, 0x5F9E, 0x6211, 0x6216, 0x6240, 0x628A, 0x6307, 0x65BC, 0x65E5,
    0x65F6, 0x6628, 0x662F, 0x6642, 0x66FE, 0x6703, 0x6708, 0x6709, 0x6765,
    0x67D0, 0x6B64, 0x6BCF, 0x6C92, 0x6CA1, 0x70BA, 0x7684, 0x7740, 0x79F0,
    0x7A31, 0x7B49, 0x7D66, 0x7ED9, 0x800C, 0x80FD, 0x8207, 0x8457, 0x8868,
    0x88AB, 0x88E1, 0x8981, 0x8A72, 0x8AAA, 0x8B93, 0x8BA9, 0x8BE5, 0x8BF4,
    0x8FC7, 0x8FD8, 0x8FD9, 0x9019, 0x904E, 0x9084, 0x90A3, 0x90FD, 0x91CC,
};

/* A word and its length in bytes (lists are searched at every character:
 * no strlen there). */
struct zh_lit {
  const char *w;
  size_t n;
};
#define ZL(x)                                                                  \
  { x, sizeof x - 1 }

/* Double family names (checked before the single ones). */
static const struct zh_lit zh_double[] = {
    ZL("欧阳"), ZL("歐陽"), ZL("司马"), ZL("司馬"), ZL("诸葛"), ZL("諸葛"),
    ZL("上官"), ZL("司徒"), ZL("夏侯"), ZL("皇甫"), ZL("尉迟"), ZL("尉遲"),
    ZL("公孙"), ZL("公孫"), ZL("慕容"), ZL("长孙"), ZL("長孫"), ZL("宇文"),
    ZL("令狐"), ZL("端木"), ZL("轩辕"), ZL("軒轅"), ZL("澹台"), ZL("澹臺"),
    ZL("呼延"), ZL("申屠")};

/* Titles and roles written before a name; a longer one that ends in a
 * shorter one ("副總理", "國家主席") is found by the shorter. */
static const struct zh_lit zh_titles[] = {
    ZL("主席"),     ZL("总统"),       ZL("總統"),       ZL("总理"),
    ZL("總理"),     ZL("首相"),       ZL("部长"),       ZL("部長"),
    ZL("外长"),     ZL("外長"),       ZL("财长"),       ZL("財長"),
    ZL("发言人"),   ZL("發言人"),     ZL("特首"),       ZL("行政长官"),
    ZL("行政長官"), ZL("董事长"),     ZL("董事長"),     ZL("总裁"),
    ZL("總裁"),     ZL("首席执行官"), ZL("首席執行官"), ZL("经理"),
    ZL("經理"),     ZL("行长"),       ZL("行長"),       ZL("主任"),
    ZL("局长"),     ZL("局長"),       ZL("署长"),       ZL("署長"),
    ZL("司长"),     ZL("司長"),       ZL("处长"),       ZL("處長"),
    ZL("厅长"),     ZL("廳長"),       ZL("大使"),       ZL("教授"),
    ZL("市长"),     ZL("市長"),       ZL("省长"),       ZL("省長"),
    ZL("州长"),     ZL("州長"),       ZL("书记"),       ZL("書記"),
    ZL("议员"),     ZL("議員"),       ZL("委员"),       ZL("委員"),
    ZL("委员长"),   ZL("委員長"),     ZL("秘书长"),     ZL("秘書長"),
    ZL("会长"),     ZL("會長"),       ZL("理事长"),     ZL("理事長"),
    ZL("院长"),     ZL("院長"),       ZL("校长"),       ZL("校長"),
    ZL("创办人"),   ZL("創辦人"),     ZL("创始人"),     ZL("創始人"),
    ZL("经济学家"), ZL("經濟學家"),   ZL("分析师"),     ZL("分析師"),
    ZL("研究员"),   ZL("研究員"),     ZL("记者"),       ZL("記者"),
    ZL("法官"),     ZL("律师"),       ZL("律師"),       ZL("总监"),
    ZL("總監"),     ZL("负责人"),     ZL("負責人"),     ZL("特使"),
    ZL("顾问"),     ZL("顧問"),       ZL("学者"),       ZL("學者"),
    ZL("议长"),     ZL("議長"),       ZL("国务卿"),     ZL("國務卿"),
    ZL("总干事"),   ZL("總幹事"),     ZL("主委"),       ZL("首长"),
    ZL("首長"),     ZL("总督"),       ZL("總督"),       ZL("高管"),
    ZL("合伙人"),   ZL("合夥人"),     ZL("策略师"),     ZL("策略師"),
    ZL("总编辑"),   ZL("總編輯"),     ZL("博士")};

/* Reporting verbs, roles and honorifics written right after a name. */
static const struct zh_lit zh_said[] = {
    ZL("表示"),   ZL("说"),     ZL("說"),   ZL("称"),       ZL("稱"),
    ZL("指"),     ZL("指出"),   ZL("认为"), ZL("認為"),     ZL("强调"),
    ZL("強調"),   ZL("透露"),   ZL("介绍"), ZL("介紹"),     ZL("回应"),
    ZL("回應"),   ZL("宣布"),   ZL("警告"), ZL("坦言"),     ZL("直言"),
    ZL("提到"),   ZL("补充"),   ZL("補充"), ZL("解释"),     ZL("解釋"),
    ZL("呼吁"),   ZL("呼籲"),   ZL("承认"), ZL("承認"),     ZL("否认"),
    ZL("否認"),   ZL("批评"),   ZL("批評"), ZL("先生"),     ZL("女士"),
    ZL("博士"),   ZL("教授"),   ZL("主席"), ZL("总统"),     ZL("總統"),
    ZL("总理"),   ZL("總理"),   ZL("部长"), ZL("部長"),     ZL("会见"),
    ZL("會見"),   ZL("出席"),   ZL("访问"), ZL("訪問"),     ZL("签署"),
    ZL("簽署"),   ZL("致辞"),   ZL("致辭"), ZL("发表"),     ZL("發表"),
    ZL("主持"),   ZL("表态"),   ZL("表態"), ZL("重申"),     ZL("预计"),
    ZL("預計"),   ZL("估计"),   ZL("估計"), ZL("相信"),     ZL("曾经"),
    ZL("曾經"),   ZL("昨日"),   ZL("今日"), ZL("周一"),     ZL("周二"),
    ZL("周三"),   ZL("周四"),   ZL("周五"), ZL("週一"),     ZL("週二"),
    ZL("週三"),   ZL("週四"),   ZL("週五"), ZL("在記者會"), ZL("在记者会"),
    ZL("对记者"), ZL("對記者"), ZL("接受"), ZL("说道"),     ZL("說道")};

/* Function words and time words of two characters or more that say nothing
 * of what an article is about (both scripts). */
static const struct zh_lit zh_stop[] = {
    ZL("我们"), ZL("我們"), ZL("他们"), ZL("他們"), ZL("她们"), ZL("她們"),
    ZL("你们"), ZL("你們"), ZL("这个"), ZL("這個"), ZL("那个"), ZL("那個"),
    ZL("这些"), ZL("這些"), ZL("那些"), ZL("没有"), ZL("沒有"), ZL("可以"),
    ZL("一个"), ZL("一個"), ZL("以及"), ZL("进行"), ZL("進行"), ZL("已经"),
    ZL("已經"), ZL("目前"), ZL("今年"), ZL("去年"), ZL("明年"), ZL("其中"),
    ZL("因为"), ZL("因為"), ZL("所以"), ZL("如果"), ZL("但是"), ZL("还是"),
    ZL("還是"), ZL("自己"), ZL("就是"), ZL("也是"), ZL("不是"), ZL("可能"),
    ZL("需要"), ZL("通过"), ZL("通過"), ZL("由于"), ZL("由於"), ZL("对于"),
    ZL("對於"), ZL("之后"), ZL("之後"), ZL("之前"), ZL("以来"), ZL("以來"),
    ZL("不会"), ZL("不會"), ZL("从中"), ZL("從中"), ZL("应当"), ZL("應當"),
    ZL("周一"), ZL("周二"), ZL("周三"), ZL("周四"), ZL("周五"), ZL("周六"),
    ZL("周日"), ZL("週一"), ZL("週二"), ZL("週三"), ZL("週四"), ZL("週五"),
    ZL("週六"), ZL("週日"), ZL("今天"), ZL("昨天"), ZL("明天"), ZL("表示"),
    ZL("认为"), ZL("認為"), ZL("指出"), ZL("以上"), ZL("以下"), ZL("不过"),
    ZL("不過"), ZL("而且"), ZL("并且"), ZL("並且"), ZL("或者"), ZL("以及"),
    ZL("此外"), ZL("另外"), ZL("同时"), ZL("同時"), ZL("这样"), ZL("這樣"),
    ZL("那样"), ZL("那樣"), ZL("什么"), ZL("什麼"), ZL("为了"), ZL("為了"),
    ZL("一些"), ZL("有关"), ZL("有關"), ZL("相关"), ZL("相關"), ZL("高达"),
    ZL("高達"), ZL("达到"), ZL("達到"), ZL("成为"), ZL("成為"), ZL("以后"),
    ZL("以後"), ZL("上月"), ZL("本月"), ZL("本周"), ZL("本週")};

static int zh_cp_cmp(const void *k, const void *e) {
  uint32_t a = *(const uint32_t *)k, b = *(const uint32_t *)e;
  return (a > b) - (a < b);
}

/* The last characters of the titles and the first ones of the reporting
 * words: a bsearch before the lists are walked. Sorted. */
static const uint32_t zh_title_last[] = {
    0x4E8B, 0x4EBA, 0x4EFB, 0x4F7F, 0x537F, 0x5458, 0x54E1, 0x554F, 0x58EB,
    0x59D4, 0x5B98, 0x5BB6, 0x5E08, 0x5E2B, 0x5E2D, 0x6388, 0x7406, 0x76D1,
    0x76E3, 0x76F8, 0x7763, 0x7BA1, 0x7D71, 0x7EDF, 0x8005, 0x88C1, 0x8A18,
    0x8BB0, 0x8F2F, 0x8F91, 0x9577, 0x957F, 0x95EE, 0x9996,
};
static const uint32_t zh_said_first[] = {
    0x4E3B, 0x4ECA, 0x4ECB, 0x4F1A, 0x4F30, 0x5148, 0x51FA, 0x535A, 0x53D1,
    0x5426, 0x5468, 0x547C, 0x56DE, 0x5728, 0x5766, 0x5973, 0x5BA3, 0x5BF9,
    0x5C0D, 0x5F37, 0x5F3A, 0x603B, 0x6279, 0x627F, 0x6307, 0x63A5, 0x63D0,
    0x6559, 0x6628, 0x66FE, 0x6703, 0x767C, 0x76F4, 0x76F8, 0x79F0, 0x7A31,
    0x7B7E, 0x7C3D, 0x7E3D, 0x81F4, 0x8865, 0x8868, 0x88DC, 0x89E3, 0x8A2A,
    0x8A8D, 0x8AAA, 0x8B66, 0x8BA4, 0x8BBF, 0x8BF4, 0x900F, 0x9031, 0x90E8,
    0x91CD, 0x9810, 0x9884,
};

size_t zh_surname(const char *s, size_t n) {
  for (size_t k = 0; k < DS_ARRAY_LEN(zh_double); k++)
    if (n >= zh_double[k].n && s[1] == zh_double[k].w[1] &&
        memcmp(s, zh_double[k].w, zh_double[k].n) == 0)
      return zh_double[k].n;
  uint32_t cp;
  int l = utf8_decode(s, n, &cp);
  if (bsearch(&cp, zh_single, DS_ARRAY_LEN(zh_single), sizeof zh_single[0],
              zh_cp_cmp))
    return (size_t)l;
  return 0;
}

bool zh_given_ok(uint32_t cp) {
  if (cp < 0x3400 || cp > 0x9FFF)
    return false;
  return !bsearch(&cp, zh_stops, DS_ARRAY_LEN(zh_stops), sizeof zh_stops[0],
                  zh_cp_cmp);
}

bool zh_is_stopword(const char *w, size_t n) {
  for (size_t k = 0; k < DS_ARRAY_LEN(zh_stop); k++)
    if (zh_stop[k].n == n && memcmp(zh_stop[k].w, w, n) == 0)
      return true;
  /* numerals and scales alone (萬億, 三十): numbers, not words */
  size_t i = 0;
  while (i < n) {
    uint32_t cp;
    i += (size_t)utf8_decode(w + i, n - i, &cp);
    static const uint32_t nums[] = {
        0x96F6, 0x3007, 0x4E00, 0x4E8C, 0x4E24, 0x5169, 0x4E09,
        0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341,
        0x767E, 0x5343, 0x4E07, 0x842C, 0x4EBF, 0x5104, 0x5146};
    bool num = false;
    for (size_t k = 0; k < DS_ARRAY_LEN(nums) && !num; k++)
      num = nums[k] == cp;
    if (!num)
      return false;
  }
  return n > 0;
}

size_t zh_title_before(const char *s, size_t lo, size_t end) {
  size_t best = 0;
  uint32_t cp;
  if (end - lo < 3 || utf8_decode(s + end - 3, 3, &cp) != 3 ||
      !bsearch(&cp, zh_title_last, DS_ARRAY_LEN(zh_title_last), sizeof cp,
               zh_cp_cmp))
    return 0;
  for (size_t k = 0; k < DS_ARRAY_LEN(zh_titles); k++) {
    size_t l = zh_titles[k].n;
    /* the last byte first: most characters end no title */
    if (end - lo >= l && l > best && s[end - 1] == zh_titles[k].w[l - 1] &&
        memcmp(s + end - l, zh_titles[k].w, l) == 0)
      best = l;
  }
  return best;
}

size_t zh_said_after(const char *s, size_t start, size_t hi) {
  size_t best = 0;
  uint32_t cp;
  if (hi - start < 3 || utf8_decode(s + start, 3, &cp) != 3 ||
      !bsearch(&cp, zh_said_first, DS_ARRAY_LEN(zh_said_first), sizeof cp,
               zh_cp_cmp))
    return 0;
  for (size_t k = 0; k < DS_ARRAY_LEN(zh_said); k++) {
    size_t l = zh_said[k].n;
    if (hi - start >= l && l > best && s[start + 2] == zh_said[k].w[2] &&
        memcmp(s + start, zh_said[k].w, l) == 0)
      best = l;
  }
  return best;
}
