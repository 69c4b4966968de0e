/*
 * extract/zh_titled.c — Chinese names the family-name pattern cannot bound
 * alone, read where the text gives evidence of a person (a title right
 * before, an organisation's or a country's 的 before a subject):
 *   - Malay honorifics (拿督斯里, 丹斯里) are titles, never names;
 *   - a given name holding one function character (校長孫其信在,
 *     免去陳向東的), to a word that ends a name;
 *   - a married name with two family names (行政長官林鄭月娥週五);
 *   - a minority or foreign name whose parts, joined by a dot, hold
 *     characters no syllable list has (主席艾爾肯·吐尼亞孜在,
 *     部長約翰·瓦德富爾會談);
 *   - the subject of a clause after a body's or a country's 的
 *     (中信證券研究部的陳果則認為, 中國的石宇奇擊敗).
 * None of these runs outside a CJK run.
 */
#include "config.h"

#include <string.h>

#include "dossier/utf8.h"
#include "dossier/zh.h"
#include "zh_shapes.h"

/* Honorifics of Malaysia and Brunei written before a name. */
static const char *const zh_malay[] = {"拿督斯里", "丹斯里", "拿督", "拿汀斯里", "拿汀", "敦", NULL};
static struct zh_list zh_malay_l = ZH_LIST(zh_malay);

size_t zh_honorific_at(const char *s, size_t p, size_t hi) {
  /* 拿 丹 敦 start one, 督 斯 里 汀 are inside one: no other character asks */
  static const uint32_t chars[] = {0x62FF, 0x4E39, 0x6566, 0x7763, 0x65AF, 0x91CC, 0x6C40};
  uint32_t cp;
  bool maybe = false;
  if (utf8_decode(s + p, hi - p, &cp) != 3)
    return 0;
  for (size_t i = 0; i < sizeof chars / sizeof chars[0]; i++)
    maybe |= chars[i] == cp;
  if (!maybe)
    return 0;
  size_t l = zh_forms_at(zh_forms(&zh_malay_l), s, p, hi, NULL);
  if (l > 3)
    return l; /* 敦 alone is a title only before another */
  for (size_t k = 3; k <= 9 && k <= p; k += 3) /* inside one: 拿督|斯里 */
    if (zh_forms_at(zh_forms(&zh_malay_l), s, p - k, hi, NULL) > k)
      return 3;
  return 0;
}

/* The Han character at s[p] (three bytes), or 0. */
static uint32_t zt_han(const char *s, size_t p, size_t hi) {
  uint32_t cp;
  if (p + 3 > hi || utf8_decode(s + p, hi - p, &cp) != 3 || cp < 0x3400 || cp > 0x9FFF)
    return 0;
  return cp;
}

/* Does a name that ends at s[e] end there: the run's end (punctuation, a
 * digit), a reporting verb, an adverb, 在, 於 or 的? */
static bool zt_name_ends(const char *s, size_t e, size_t b, size_t n) {
  static const char *const after[] = {"在", "於", "的", "因", "以", "為",
                                      "出任", "週六", "週日", "週末", NULL};
  static struct zh_list after_l = ZH_LIST(after);
  return e == b || zh_said_after(s, e, n) || zh_adverb_at(s, e, b) ||
         zh_forms_at(zh_forms(&after_l), s, e, b, NULL);
}

/* A given name of two characters at s[g] holding one function character
 * and no adverb (孫|其信, 陳|向東, 林鄭|月娥): its end, or 0. */
static size_t zt_given_two(const char *s, size_t g, size_t b, size_t n) {
  uint32_t c1 = zt_han(s, g, b), c2 = zt_han(s, g + 3, b);
  if (!c1 || !c2 || zh_adverb_at(s, g, b) || zh_adverb_at(s, g + 3, b) ||
      zh_said_after(s, g, n) || zh_said_after(s, g + 3, n))
    return 0;
  if (!zh_given_ok(c1) && !zh_given_ok(c2))
    return 0; /* 王|其後: two function characters are no name */
  return zt_name_ends(s, g + 6, b, n) ? g + 6 : 0;
}

/* Common Japanese family names of two or three characters (the census
 * rankings), written in Chinese text before a given name of one or two:
 * 植田和男, 岸田文雄, 奈良岡功大. */
static const char *const zh_japanese[] = {
    "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡邊", "渡辺", "山本", "中村", "小林", "加藤", "吉田",
    "山田", "佐佐木", "山口", "松本", "井上", "木村", "清水", "山崎", "池田", "橋本", "阿部", "石川",
    "山下", "中島", "石井", "小川", "前田", "岡田", "長谷川", "藤田", "後藤", "近藤", "村上", "遠藤",
    "青木", "坂本", "齋藤", "斎藤", "福田", "太田", "西村", "藤井", "金子", "岡本", "藤原", "中野",
    "三浦", "原田", "中川", "松田", "竹內", "小野", "田村", "中山", "和田", "石田", "森田", "上田",
    "柴田", "酒井", "工藤", "橫山", "宮崎", "宮本", "內田", "高木", "安藤", "島田", "谷口", "大野",
    "高田", "丸山", "今井", "河野", "藤本", "村田", "武田", "上野", "杉山", "增田", "小山", "大塚",
    "平野", "菅原", "久保", "松井", "千葉", "岩崎", "櫻井", "木下", "野口", "松尾", "菊地", "野村",
    "新井", "渡部", "岸田", "石破", "高市", "植田", "本田", "茂木", "安倍", "麻生", "小泉", "岩屋",
    "黑田", "野田", "鳩山", "細川", "村山", "宮澤", "竹下", "中曾根", "奈良岡", "大谷", "錦織",
    "羽生", "大坂", "山中", "豐田", "柳井", "三木谷", "稻盛", "赤澤", "林田", "玉木", "枝野", "志位",
    "小池", "吉村", "松野", "上川", "西田", "黑川", "淺田", "北村", "平井", "森山",
    /* players the Chinese sports pages name (table tennis, badminton, football) */
    "早田", "張本", "福原", "水谷", "大橋", "戶上", "宇田", "松島", "三笘", "堂安", "南野", "鎌田",
    "冨安", NULL};
static struct zh_list zh_japanese_l = ZH_LIST(zh_japanese);

/* After a title, a Japanese name (首相高市早苗週六, 前首相岸田文雄和): a
 * family name of the list and a given name of two characters, else of
 * one (function characters too: 植田|和男), to a word that ends a name or
 * a join. Returns its end, or 0. */
static size_t zt_japanese(const char *s, size_t b, size_t n, size_t p) {
  size_t jl = zh_forms_at(zh_forms(&zh_japanese_l), s, p, b, NULL);
  if (!jl)
    return 0;
  for (size_t k = 2; k >= 1; k--) {
    size_t e = p + jl + 3 * k;
    bool ok = e <= b;
    for (size_t q = p + jl; ok && q < e; q += 3)
      ok = zt_han(s, q, b) && !zh_said_after(s, q, n) && !zh_adverb_at(s, q, b) &&
           memcmp(s + q, "\xe9\x95\xb7", 3) && memcmp(s + q, "\xe9\x95\xbf", 3); /* 長: 高市長 */
    if (ok && (zt_name_ends(s, e, b, n) || (e + 3 <= b && zh_join_at(s + e))))
      return e;
  }
  return 0;
}

/* After a title, a name the family-name pattern stops short of: two family
 * names and a given name of two (林鄭月娥), or a given name of two holding
 * a function character (孫其信). Returns its end, or 0. */
static size_t zt_titled_han(const char *s, size_t a, size_t b, size_t n, size_t p) {
  if (!zh_title_before(s, a, p))
    return 0;
  size_t sl = zh_surname(s + p, b - p), j = zt_japanese(s, b, n, p);
  if (j || !sl)
    return j;
  size_t sl2 = zh_surname(s + p + sl, b - p - sl), e;
  if (sl2 == 3 && (e = zt_given_two(s, p + sl + sl2, b, n)) != 0 && e < b)
    return e; /* 林鄭|月娥週五, 葉劉|淑儀對記者; not 首相安華|訪華 at the end */
  uint32_t c1 = zt_han(s, p + sl, b), c2 = zt_han(s, p + sl + 3, b);
  if (c1 && c2 && zh_given_ok(c1) && zh_given_ok(c2))
    return 0; /* the family-name pattern's own */
  if (c1 && zh_given_ok(c1) && zh_adverb_at(s, p + sl + 3, b) && zh_clause_says(s, p + sl + 3, b, 4))
    return p + sl + 3; /* 副主席韓正|也會見 */
  return zt_given_two(s, p + sl, b, n);
}

/* The parts of a dotted name after its first, from the dot at q: Han
 * characters, one to four a part, to the next dot or a word that ends a
 * name. Returns the end of the name, or 0. */
static size_t zt_dotted_parts(const char *s, size_t n, size_t q) {
  size_t end = 0;
  for (int parts = 0; parts < 3; parts++) {
    uint32_t cp;
    int l = q < n ? utf8_decode(s + q, n - q, &cp) : 0;
    if (l <= 0 || !zh_name_dot(cp))
      return end;
    q += (size_t)l;
    size_t chars = 0;
    while (q < n && chars <= 4 && zt_han(s, q, n) && !zh_said_after(s, q, n) &&
           !(chars && (zh_adverb_at(s, q, n) || zt_name_ends(s, q, n, n) ||
                       !memcmp(s + q, "\xe7\xad\x89", 3)))) { /* 等 */
      q += 3;
      chars++;
    }
    if (chars == 0 || chars > 4)
      return 0;
    end = q;
  }
  return end;
}

/* After a title, a name whose first part [p, b), of six characters at
 * most (阿不都熱合曼), ends the CJK run at a dot: the dotted name to its
 * last part's end, or 0. */
static size_t zt_titled_dotted(const char *s, size_t a, size_t b, size_t n, size_t p) {
  if (b - p > 18 || b >= n || !zh_title_before(s, a, p))
    return 0;
  for (size_t q = p; q < b; q += 3)
    if (!zt_han(s, q, b) || (q > p && zh_said_after(s, q, n)))
      return 0;
  return zt_dotted_parts(s, n, b);
}

size_t zh_unless_honorific(const char *s, size_t p, size_t hi, size_t e) {
  return e && zh_honorific_at(s, p, hi) ? 0 : e;
}

size_t zh_titled_end(const struct ent_run *r, size_t a, size_t b, size_t p, size_t sl) {
  bool dotted = b - p <= 18 && b < r->n && (unsigned char)r->s[b] >= 0xC2; /* a dot next? */
  if (p < a + 6 || !(sl || dotted || zh_forms_at(zh_forms(&zh_japanese_l), r->s, p, b, NULL)) ||
      !zh_title_before(r->s, a, p))
    return 0; /* most characters: no name to read, or no title before them */
  size_t e = zt_titled_dotted(r->s, a, b, r->n, p);
  return e ? e : zt_titled_han(r->s, a, b, r->n, p);
}

/* Verbs of a player's or a contestant's deeds, whose subject is a person
 * (中國的石宇奇擊敗, 巴西的奧斯卡入球). */
static const char *const zh_deeds[] = {"擊敗", "戰勝", "不敵", "力克", "淘汰", "入球",
                                       "破門", "奪得", "分獲", "獲得", "摘得", NULL};
static struct zh_list zh_deeds_l = ZH_LIST(zh_deeds);

bool zh_subject_acts(const char *s, size_t e, size_t hi) {
  if (zh_clause_says(s, e, hi, 14) || zh_forms_at(zh_forms(&zh_deeds_l), s, e, hi, NULL) > 0)
    return true;
  if (e + 3 > hi || !zh_join_at(s + e))
    return false; /* one of two subjects (上海隊的陳佳鵬和浙江隊的鄧興鵬分獲): their deed */
  for (size_t q = e + 6; q + 3 <= hi && q <= e + 39; q += 3)
    if (zh_forms_at(zh_forms(&zh_deeds_l), s, q, hi, NULL))
      return true;
  return false;
}

bool zh_subject_at(const struct ent_run *r, size_t a, size_t p) {
  return (p == a && zh_clause_start(r->s, p)) || zh_subject_after_de(r, a, p);
}

bool zh_subject_after_de(const struct ent_run *r, size_t a, size_t p) {
  static const char *const bodies[] = {"公司", "集團", "銀行", "證券", "研究部",
                                       "部", "局", "大學", "隊", NULL};
  static struct zh_list bodies_l = ZH_LIST(bodies);
  const char *s = r->s;
  if (p < a + 9 || memcmp(s + p - 3, "\xe7\x9a\x84", 3) != 0) /* 的 */
    return false;
  if (zh_forms_before(zh_forms(&bodies_l), s, a, p - 3, NULL))
    return true; /* 中信證券研究部的陳果 */
  for (size_t m = 0; m < r->nm; m++) { /* 中國的, 廣達的: a mention found */
    uint32_t ref = r->m[m].ref;
    if (r->m[m].end == p - 3 && r->m[m].start >= a && ref < r->g->nents &&
        r->g->ents[ref].kind != ENTITY_PERSON)
      return true;
  }
  return false;
}

/* The last part of a dotted name s (after its last dot), or NULL. */
static const char *zt_last_part(const char *s) {
  const char *last = NULL;
  for (const char *q = s; *q;) {
    uint32_t cp;
    int l = utf8_decode(q, strlen(q), &cp);
    if (l <= 0)
      return NULL;
    q += l;
    if (zh_name_dot(cp))
      last = q;
  }
  return last && *last ? last : NULL;
}

void zh_link_dotted_parts(struct ent_run *r) {
  for (size_t d = 0; d < r->nd; d++) {
    const char *last = r->d[d].kind == ENTITY_PERSON ? zt_last_part(r->d[d].name) : NULL;
    if (!last)
      continue;
    uint32_t to = (uint32_t)(r->g->nents + d);
    bool named = false; /* a name zh_mend_people grew no longer has a mention */
    for (size_t m = 0; m < r->nm && !named; m++)
      named = r->m[m].ref == to;
    for (size_t m = 0; named && m < r->nm; m++) {
      uint32_t ref = r->m[m].ref;
      if (ref >= r->g->nents && ref != to && r->d[ref - r->g->nents].kind == ENTITY_PERSON &&
          strcmp(r->d[ref - r->g->nents].name, last) == 0)
        r->m[m].ref = to; /* 毛羅·維埃拉 ... 會見了維埃拉 */
    }
  }
}

bool zh_org_title_after(const char *s, size_t e, size_t hi) {
  static const char *const heads[] = {"長", NULL};
  static struct zh_list heads_l = ZH_LIST(heads);
  return e >= 3 && (!memcmp(s + e - 3, "\xe6\x9c\x83", 3) || !memcmp(s + e - 3, "\xe4\xbc\x9a", 3)) &&
         zh_forms_at(zh_forms(&heads_l), s, e, hi, NULL) > 0; /* 會|長, 会|长 */
}

bool zh_title_starts(const char *s, size_t p, size_t hi) {
  /* only where a family name starts (董事長, 司長, 任命): the cheap test first */
  return zh_surname(s + p, hi - p) && zh_title_at(s, p, hi) > 3;
}
