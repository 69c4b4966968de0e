/*
 * extract/zh_bodies.c — Chinese bodies that zh_entities.c's suffix pattern
 * cannot bound alone:
 *   - a name joined by 和 or 及 does not run back over a place that
 *     starts the next item (陳佳鵬和浙江隊: 浙江隊 alone) nor over a
 *     person before the join (柏鴻輝及海軍司令);
 *   - words that end in a suffix but name no body: a deputy's title
 *     (省財政廳副廳|長), a syndicate of a crime (投資詐騙集團), a naval
 *     formation (海軍編隊);
 *   - a region's own government (香港特區政府, 特區政府);
 *   - a team found with 隊 named again without it (上海海港隊 ...
 *     上海海港, and 海港 before a title: 海港主帥);
 *   - a listed company as the subject of a share price's move in a market
 *     report (北方華創漲逾6%, 中航瀋飛漲5.2%, 中芯國際漲停);
 *   - a body found and a word of a firm's business or a house after it
 *     (中信|證券, 國會|下議院), or a unit of it numbered by an ordinal
 *     (陸軍|第81集團軍, 集團有限公司|第八研究院).
 * None of these runs outside a CJK run.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"
#include "dossier/util.h"
#include "dossier/zh.h"
#include "zh_shapes.h"

bool zh_place_starts(const struct ent_run *r, size_t first_m, size_t p0, size_t p) {
  for (size_t m = first_m; m < r->nm; m++)
    if ((r->m[m].start == p && zh_place_ref(r, r->m[m].ref)) ||
        (r->m[m].end == p0 && !zh_is_org(r, r->m[m].ref) && !zh_place_ref(r, r->m[m].ref)))
      return true; /* 和|浙江隊, 柏鴻輝|及: a person before the join */
  return false;
}

size_t zh_org_trim(const char *s, size_t a) {
  if (a == SIZE_MAX)
    return a;
  return !memcmp(s + a, "和", 3) || !memcmp(s + a, "及", 3) || !memcmp(s + a, "與", 3) ||
                 !memcmp(s + a, "与", 3)
             ? a + 3
             : a;
}

/* Is the character at s[p] a Han character (three bytes)? */
static bool zb_han(const char *s, size_t p, size_t hi) {
  uint32_t cp;
  return p + 3 <= hi && utf8_decode(s + p, hi - p, &cp) == 3 && cp >= 0x3400 && cp <= 0x9FFF;
}

bool zh_org_not_named(const char *s, size_t a, size_t e, size_t hi) {
  /* a crime's syndicate and a formation, whatever is named before them */
  static const char *const tails[] = {"詐騙集團", "犯罪集團", "販毒集團", "走私集團", "洗錢集團",
                                      "洗黑錢集團", "編隊", NULL};
  static struct zh_list tails_l = ZH_LIST(tails);
  static const char *const ones[] = {"廳", "局", "部", "處", "署", "司", "委", NULL};
  static struct zh_list ones_l = ZH_LIST(ones);
  if (zh_org_title_after(s, e, hi) || zh_forms_before(zh_forms(&tails_l), s, a, e, NULL))
    return true;
  return e >= a + 6 && e + 3 <= hi && memcmp(s + e - 6, "\xe5\x89\xaf", 3) == 0 && /* 副 */
         zh_forms_before(zh_forms(&ones_l), s, e - 3, e, NULL) &&
         (memcmp(s + e, "\xe9\x95\xb7", 3) == 0 || memcmp(s + e, "\xe9\x95\xbf", 3) == 0);
}

/* Does a mention of [a, b) overlap one found, other than places that lie
 * inside it? */
static bool zb_taken(const struct ent_run *r, size_t a, size_t b) {
  for (size_t m = 0; m < r->nm; m++) {
    const struct mention *mm = &r->m[m];
    if (mm->start < b && a < mm->end &&
        !(zh_place_ref(r, mm->ref) && mm->start >= a && mm->end <= b))
      return true;
  }
  return false;
}

/* Record [a, b) as a mention of ref, dropping the places inside it. */
static void zb_mention(struct ent_run *r, size_t a, size_t b, uint32_t ref) {
  size_t w = 0;
  for (size_t m = 0; m < r->nm; m++)
    if (!(r->m[m].start >= a && r->m[m].end <= b))
      r->m[w++] = r->m[m];
  r->nm = w;
  er_mention(r, (uint32_t)a, (uint32_t)b, ref);
}

/* A body of the text named w (as written), its ref. */
static uint32_t zb_body(struct ent_run *r, const char *s, size_t a, size_t b) {
  char *name = xstrndup(s + a, b - a);
  uint32_t ref = er_dyn(r, name, ENTITY_ORG);
  free(name);
  return ref;
}

/* 特區政府 in every CJK run: with the region's name before it (香港特區,
 * a country of the gazetteer) the whole, else alone. */
static void zb_sar_governments(struct ent_run *r) {
  static const char *const words[] = {"特區政府", NULL};
  static struct zh_list words_l = ZH_LIST(words);
  const char *s = r->s;
  for (size_t i = 0; i < r->t.n; i++) {
    const struct tok *t = &r->t.v[i];
    if (!(t->flags & TK_CJK))
      continue;
    for (size_t p = t->start; p + 12 <= t->end; p += 3) {
      size_t l = zh_forms_at(zh_forms(&words_l), s, p, t->end, NULL);
      if (!l)
        continue;
      size_t a = p, e = p + l;
      for (size_t m = 0; m < r->nm; m++)
        if (r->m[m].end == p + 6 && r->m[m].start >= t->start && r->m[m].start < p &&
            zh_place_ref(r, r->m[m].ref))
          a = r->m[m].start; /* 香港特區|政府: the country's mention ends in 特區 */
      if (a == p && zb_taken(r, p, e))
        continue;
      if (a != p) { /* the region's mention becomes the body's */
        size_t w = 0;
        for (size_t m = 0; m < r->nm; m++)
          if (!(r->m[m].start == a && r->m[m].end == p + 6))
            r->m[w++] = r->m[m];
        r->nm = w;
      }
      if (!zb_taken(r, a, e))
        zb_mention(r, a, e, zb_body(r, s, a, e));
      p = e - 3;
    }
  }
}

/* A team's name without 隊 at p of [lo, hi) (stem s[st, st + l)): after a
 * short stem (海港) a title, 的, 隊 or the run's end must follow. */
static bool zb_stem_at(const struct ent_run *r, size_t p, size_t hi, const char *st, size_t l,
                       bool shortened) {
  const char *s = r->s;
  if (p + l > hi || memcmp(s + p, st, l) != 0 || zb_taken(r, p, p + l))
    return false;
  if (!shortened)
    return !(p + l + 3 <= hi && (memcmp(s + p + l, "\xe9\x9a\x8a", 3) == 0 || /* 隊 */
                                 memcmp(s + p + l, "\xe9\x98\x9f", 3) == 0));
  return p + l == hi || zh_title_at(s, p + l, hi) > 0 || !zb_han(s, p + l, hi) ||
         memcmp(s + p + l, "\xe7\x9a\x84", 3) == 0; /* 的 */
}

/* Every team found with 隊 (four characters or more before it) named
 * again without it: the name, and the name after a place that starts it
 * (上海|海港) when two characters or more are left. */
static void zb_team_stems(struct ent_run *r) {
  const char *s = r->s;
  struct mention *teams = NULL; /* copied first: new mentions move r->m */
  size_t nt = 0;
  for (size_t m = 0; m < r->nm; m++) {
    const struct mention *mm = &r->m[m];
    size_t a = mm->start, e = mm->end;
    if (zh_is_org(r, mm->ref) && e - a >= 15 &&
        (memcmp(s + e - 3, "\xe9\x9a\x8a", 3) == 0 || memcmp(s + e - 3, "\xe9\x98\x9f", 3) == 0)) {
      teams = xrealloc(teams, (nt + 1) * sizeof *teams);
      teams[nt++] = *mm;
    }
  }
  for (size_t m = 0; m < nt; m++) {
    size_t a = teams[m].start, e = teams[m].end;
    uint32_t ref = teams[m].ref;
    char stem[64];
    size_t l = e - 3 - a, cut = 0;
    if (l >= sizeof stem)
      continue;
    memcpy(stem, s + a, l);
    for (size_t k = 6; k <= 9 && l - k >= 6; k += 3) {
      const struct gz_slot *sl = gz_find(r->g, stem, k, ds_hash64(stem, k));
      if (sl && sl->alias >= 0 && zh_place_ref(r, r->g->aliases[sl->alias].entity))
        cut = k; /* 上海|海港, 廣東|宏遠 */
    }
    for (size_t i = 0; i < r->t.n; i++) {
      const struct tok *t = &r->t.v[i];
      if (!(t->flags & TK_CJK))
        continue;
      for (size_t p = t->start; p < t->end; p += 3) {
        if (zb_stem_at(r, p, t->end, stem, l, false))
          zb_mention(r, p, p + l, ref);
        else if (cut && zb_stem_at(r, p, t->end, stem + cut, l - cut, true) &&
                 !(p >= t->start + cut && memcmp(s + p - cut, stem, cut) == 0))
          zb_mention(r, p, p + l - cut, ref);
      }
    }
  }
  free(teams);
}

/* Words that move a share price, and what may follow them. */
static const char *const zb_moves[] = {"漲停", "跌停", "大漲", "大跌", "收漲", "收跌", "漲", "跌",
                                       "升", NULL};
static struct zh_list zb_moves_l = ZH_LIST(zb_moves);

/* Last characters of what moves but is no company (恒指, 美元, 金價, 板塊,
 * 科技股, 布油, 日圓, 比特幣, 國債, 利率), or of a verb the move ends
 * (上升, 回升, 下跌, 攀升, 提升) or of a time (比上月|上升, 按年|升), or
 * of what a report measures (價格, 銷量, 營收, 淨利, 豬肉, 租金). */
static const char *const zb_not_firms[] = {
   "指", "數", "塊", "股", "元", "圓", "幣", "價", "金", "油", "債", "率", "息", "市", "匯", "銅",
   "糖", "上", "下", "回", "攀", "提", "飆", "月", "年", "日", "週", "季", "格", "量", "額", "值",
   "收", "利", "潤", "資", "品", "出", "費", "售", "均", "肉", "菜", "蛋", "房", "租", "薪", NULL};
static struct zh_list zb_not_firms_l = ZH_LIST(zb_not_firms);
/* First words of a comparison, never of a company (比上月, 較去年, 同比, 環比). */
static const char *const zb_not_first[] = {"比", "較", "同比", "環比", "按年", "按月", "全日",
                                           "全週", "今年", "本月", NULL};
static struct zh_list zb_not_first_l = ZH_LIST(zb_not_first);

/* Does the text use the words of a stock market's close (板塊, 漲停,
 * 收報, 個股: a market report, not a price index's release)? */
static bool zb_market_text(const struct ent_run *r) {
  static const char *const words[] = {"板塊", "漲停", "跌停", "收報", "收市", "收盤", "個股",
                                      "港股", "A股", "恒指", "大市", NULL};
  static struct zh_list words_l = ZH_LIST(words);
  for (size_t i = 0; i < r->t.n; i++) {
    const struct tok *t = &r->t.v[i];
    for (size_t p = t->start; (t->flags & TK_CJK) && p < t->end; p += 3)
      if (zh_forms_at(zh_forms(&words_l), r->s, p, t->end, NULL))
        return true;
  }
  return false;
}

/* In a market report, a clause that opens with two to four characters and
 * a move of a price, to a number or a limit (北方華創漲逾6%, 中芯國際漲停):
 * those characters are a listed company. */
static void zb_market_movers(struct ent_run *r) {
  const char *s = r->s;
  bool market = false, asked = false;
  for (size_t i = 0; i < r->t.n; i++) {
    const struct tok *t = &r->t.v[i];
    if (!(t->flags & TK_CJK) || !zh_clause_start(s, t->start))
      continue;
    for (size_t k = 4; k >= 2; k--) {
      size_t a = t->start, e = a + 3 * k, l;
      if (e >= t->end || !(l = zh_forms_at(zh_forms(&zb_moves_l), s, e, t->end, NULL)))
        continue;
      size_t after = e + l;
      bool limit = l == 6 && (memcmp(s + e + 3, "\xe5\x81\x9c", 3) == 0); /* 停 */
      bool number = after == t->end && after < r->n && s[after] >= '0' && s[after] <= '9';
      if (!number && after + 3 == t->end && t->end < r->n && s[t->end] >= '0' && s[t->end] <= '9')
        number = true; /* 漲逾6%, 跌約1% */
      if (!limit && !number)
        continue;
      if (zh_forms_before(zh_forms(&zb_not_firms_l), s, a, e, NULL) ||
          zh_forms_at(zh_forms(&zb_not_first_l), s, a, e, NULL) || zb_taken(r, a, e))
        break;
      if (!asked) {
        market = zb_market_text(r);
        asked = true;
      }
      if (market)
        zb_mention(r, a, e, zb_body(r, s, a, e));
      break;
    }
  }
}

bool zh_legal_form(const char *s, size_t p, size_t e) {
  static const char *const forms[] = {"有限公司", "股份有限公司", "有限責任公司", "股份公司", NULL};
  static struct zh_list forms_l = ZH_LIST(forms);
  return zh_forms_at(zh_forms(&forms_l), s, p, e, NULL) == e - p;
}

/* Does the character at s end the name of a state, a bloc or a public
 * body (歐盟, 美國, 國會, 教育部, 市政府), which own no firm's business? */
static bool zb_state_end(const char *s) {
  static const char ends[] = "盟國国會会部局府署院";
  for (size_t k = 0; k + 3 <= sizeof ends - 1; k += 3)
    if (memcmp(s, ends + k, 3) == 0)
      return true;
  return false;
}

/* A body found and a word of a firm's business right after it (中信|證券,
 * 華潤|置地, 國泰|人壽, 小米|汽車, 騰訊|視頻), or a parliament's house (國會|下議院: 下 stops the
 * suffix pattern): the body's mention grows over it, a new body,
 * unless the name goes on (證券及期貨, 證券公司: the pattern's). */
static void zb_firm_tails(struct ent_run *r) {
  static const char *const tails[] = {"證券", "置地", "地產", "人壽", "資本", "期貨", "信託",
                                      "汽車", "視頻", "影業", "傳媒", "會計師事務所", "律師事務所",
                                      "下議院", "上議院",
                                      "眾議院", "參議院", NULL};
  static struct zh_list tails_l = ZH_LIST(tails);
  static const char *const on[] = {"及", "和", "與", "公司", "集團", "交易", "市場", "業", NULL};
  static struct zh_list on_l = ZH_LIST(on);
  const char *s = r->s;
  for (size_t m = 0; m < r->nm; m++) {
    struct mention *mm = &r->m[m];
    size_t e = mm->end, l;
    if (!zh_is_org(r, mm->ref) || e >= r->n ||
        !(l = zh_forms_at(zh_forms(&tails_l), s, e, r->n, NULL)))
      continue;
    if (zh_forms_at(zh_forms(&on_l), s, e + l, r->n, NULL) || zb_taken(r, e, e + l))
      continue;
    if (l == 6 && e >= mm->start + 3 && zb_state_end(s + e - 3))
      continue; /* 歐盟|汽車, 美國|汽車: a state's or a bloc's goods, no firm */
    mm->end = (uint32_t)(e + l);
    mm->ref = zb_body(r, s, mm->start, mm->end);
  }
}

/* A body found and a unit of it numbered by an ordinal right after it
 * (陸軍|第81集團軍, 中國航天科技集團有限公司|第八研究院), perhaps after a word
 * of two characters (刑事局|偵查|第四大隊): the body's mention
 * grows over them, a new body. */
static void zb_ordinal_units(struct ent_run *r) {
  static const char *const units[] = {"集團軍", "研究院", "研究所", "大隊", "支隊", "中隊",
                                      "艦隊", "分局", "軍", "師", "旅", "團", NULL};
  static struct zh_list units_l = ZH_LIST(units);
  static const char numerals[] = "一二三四五六七八九十百零〇";
  const char *s = r->s;
  for (size_t m = 0; m < r->nm; m++) {
    struct mention *mm = &r->m[m];
    size_t q = mm->end, l;
    if (q + 15 <= r->n && (unsigned char)s[q] >= 0xE4 && (unsigned char)s[q + 3] >= 0xE4 &&
        memcmp(s + q + 6, "\xe7\xac\xac", 3) == 0 && !zb_taken(r, q, q + 6))
      q += 6; /* a word of two characters before the ordinal (刑事局|偵查|第四大隊) */
    if (!zh_is_org(r, mm->ref) || q + 9 > r->n || memcmp(s + q, "\xe7\xac\xac", 3) != 0)
      continue; /* 第 */
    size_t d = q + 3;
    for (bool more = true; more && d < r->n;) {
      more = false;
      if (s[d] >= '0' && s[d] <= '9') {
        d++;
        more = true;
      }
      for (size_t k = 0; !more && d + 3 <= r->n && k + 3 <= sizeof numerals - 1; k += 3)
        if (memcmp(s + d, numerals + k, 3) == 0) {
          d += 3;
          more = true;
        }
    }
    if (d == q + 3 || !(l = zh_forms_at(zh_forms(&units_l), s, d, r->n, NULL)) ||
        zb_taken(r, q, d + l))
      continue;
    mm->end = (uint32_t)(d + l);
    mm->ref = zb_body(r, s, mm->start, mm->end);
  }
}

/* A body found and a place in brackets right after it, its regional arm
 * (中國建設銀行（亞洲）, 友邦保險（香港）): the body's mention grows over
 * them, a new body, and the place is the name's. */
static void zb_bracket_places(struct ent_run *r) {
  const char *s = r->s;
  for (size_t m = 0; m < r->nm; m++) {
    struct mention *mm = &r->m[m];
    size_t e = mm->end;
    if (!zh_is_org(r, mm->ref) || e + 12 > r->n || memcmp(s + e, "（", 3) != 0)
      continue;
    for (size_t k = 0; k < r->nm; k++) {
      const struct mention *p = &r->m[k];
      if (p->start != e + 3 || !zh_place_ref(r, p->ref) || p->end + 3 > r->n ||
          memcmp(s + p->end, "）", 3) != 0)
        continue;
      size_t b = p->end + 3, a = mm->start;
      zb_mention(r, a, b, zb_body(r, s, a, b)); /* drops the place and the shorter body */
      break;
    }
  }
}

/* A body found right after 省, 市 or 縣 that opens a clause or follows 經
 * or 由 (省人大常委會主任, 經市人民政府研究): the province's or city's own
 * body, its mention grows over the character (not 本市, 該省, 全省). */
static void zb_level_prefix(struct ent_run *r) {
  static const char levels[] = "省市縣县";
  static const char after[] = "經经由據据";
  const char *s = r->s;
  for (size_t m = 0; m < r->nm; m++) {
    struct mention *mm = &r->m[m];
    size_t a = mm->start, k;
    if (!zh_is_org(r, mm->ref) || a < 3)
      continue;
    for (k = 0; k + 3 <= sizeof levels - 1 && memcmp(s + a - 3, levels + k, 3) != 0; k += 3)
      ;
    if (k + 3 > sizeof levels - 1)
      continue;
    bool open = a < 6 || (unsigned char)s[a - 6] < 0xE4 || (unsigned char)s[a - 6] > 0xE9;
    for (k = 0; !open && k + 3 <= sizeof after - 1; k += 3)
      open = memcmp(s + a - 6, after + k, 3) == 0;
    if (!open || zb_taken(r, a - 3, a))
      continue;
    mm->start = (uint32_t)(a - 3);
    mm->ref = zb_body(r, s, mm->start, mm->end);
  }
}

void zh_pass_bodies(struct ent_run *r) {
  zb_level_prefix(r);
  zb_bracket_places(r);
  zb_firm_tails(r);
  zb_ordinal_units(r);
  zb_sar_governments(r);
  zb_market_movers(r);
  zb_team_stems(r);
}
