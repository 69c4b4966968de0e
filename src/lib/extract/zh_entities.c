/*
 * extract/zh_entities.c — entities inside Chinese text, where no space
 * marks a word. For each CJK run (one token of ex_tokenize):
 *   A. gazetteer aliases: at each character the longest alias that starts
 *      there; a short one (two or three characters) only where the word
 *      segmenter puts word boundaries at both ends, so 发展中国家 holds no
 *      China; a capital (北京, 華盛頓) is its country when it acts like a
 *      government (北京表示, 與華盛頓談判), else the city;
 *   B. people by pattern: a family name and one or two given characters
 *      with evidence, a title or role before (國家主席, 發言人) or a verb or
 *      honorific after (表示, 先生), ending on a word boundary (zh_titled.c);
 *   C. organisations by suffix (銀行, 委員會, 公司, 局...) after a bounded
 *      run of words that starts after a function word, a verb of the
 *      lexicon or the run's start.
 * The segmenter runs only on runs that hold a candidate.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"
#include "dossier/zh.h"
#include "lib.h"
#include "zh_shapes.h"

#define ZH_ALIAS_MAX 10 /* characters of the longest alias looked for */
#define ZH_ORG_PIECES 6 /* words before an organisation's suffix, at most */
#define ZH_ORG_CHARS 16 /* characters of an organisation's name, at most */

/* One CJK run and its word boundaries (computed when first needed). */
struct zh_run {
  struct ent_run *r;
  size_t a, b;        /* the run's bytes in r->s */
  size_t first_m;     /* the run's first mention in r->m */
  const uint32_t *br; /* boundaries relative to a */
  size_t nb;
  bool have;
};

static void zh_breaks(struct zh_run *z) {
  if (!z->have) {
    z->nb = seg_breaks(z->r->seg, z->r->s + z->a, z->b - z->a, &z->br);
    z->have = true;
  }
}

/* The index of the boundary at byte pos, or SIZE_MAX when pos is inside a
 * word. */
static size_t zh_break_at(struct zh_run *z, size_t pos) {
  zh_breaks(z);
  size_t lo = 0, hi = z->nb, want = pos - z->a;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (z->br[mid] < want)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < z->nb && z->br[lo] == want ? lo : SIZE_MAX;
}

/* Does [a, b) overlap a mention already made in this run? With places_inside, a
 * country, place or famous person inside [a, b) does not count (香港 of 香港交易所). */
static bool zh_taken(const struct zh_run *z, size_t a, size_t b,
                     bool places_inside) {
  const struct ent_run *r = z->r;
  for (size_t m = z->first_m; m < r->nm; m++) {
    const struct mention *mm = &r->m[m];
    if (!(mm->start < b && a < mm->end))
      continue;
    if (places_inside && mm->start >= a && mm->end <= b &&
        (zh_place_ref(r, mm->ref) || zh_famous_ref(r, mm->ref)))
      continue;
    return true;
  }
  return false;
}

/* Bytes of the longest word of list that starts at s[p] (before = false)
 * or ends there (before = true), within [lo, hi); 0 if none. */
static size_t zh_word_at(const char *s, size_t lo, size_t p, size_t hi,
                         struct zh_list *list, bool before) {
  const struct zh_forms *f = zh_forms(list);
  return before ? zh_forms_before(f, s, lo, p, NULL)
                : zh_forms_at(f, s, p, hi, NULL);
}

/* ---- A. gazetteer
 * ------------------------------------------------------------------ */

/* Does the capital at [a, b) act like a government: a verb of one after it
 * (北京表示, 東京方面), or talks with or pressure on it before (與北京)? */
static bool zh_capital_is_gov(const struct zh_run *z, size_t a, size_t b) {
  static const char *const after[] = {
     "表示", "稱", "說", "指", "認為", "宣布", "回應", "反對", "要求", "警告", "批評", "希望", "同意",
     "拒絕", "決定", "方面", "當局", "政府", "已經", "將", "一直", "強調", "堅持", "承諾", "威脅",
     "譴責", "呼籲", "否認", "對", "向", "與", "和", "同", "官方", NULL,
  };
  static struct zh_list after_l = ZH_LIST(after);
  static const char *const before[] = {
     "與", "同", "跟", "對", "向", "和", NULL,
  };
  static struct zh_list before_l = ZH_LIST(before);
  const char *s = z->r->s;
  return zh_word_at(s, z->a, b, z->r->n, &after_l, false) ||
         zh_word_at(s, z->a, a, z->b, &before_l, true);
}

/* Does a title start at s[b] (主席 in 民眾黨主席, which the dictionary
 * cuts 民眾|黨主席)? */
static bool zh_title_from(const struct zh_run *z, size_t b) {
  for (size_t e = b + 6; e <= z->b && e <= b + 15; e += 3)
    if (zh_title_before(z->r->s, b, e) == e - b)
      return true;
  return false;
}

/* Administrative suffixes written after a place's name (屏東縣, 浙江省,
 * 湖州市, 深水埗區, 溪龍鄉); a name of one before the next level down
 * (湖州市安吉縣) is a place too. */
static const char *const zh_admin[] = {"省", "市", "縣", "區", "鎮", "鄉", "村", NULL};
static struct zh_list zh_admin_l = ZH_LIST(zh_admin);

/* Does an administrative suffix at b end a place's name: a word ends
 * after it and no title starts at it (台中|市長)? Returns its length. */
static size_t zh_admin_at(struct zh_run *z, size_t b) {
  /* a body's word after it makes it the body's (農業農村|局, 市|政府) */
  static const char *const body[] = {"局", "部", "署", "處", "廳", "委", "辦", "政府", "議會",
                                     "黨", "法院", NULL};
  static struct zh_list body_l = ZH_LIST(body);
  size_t l = zh_forms_at(zh_forms(&zh_admin_l), z->r->s, b, z->b, NULL);
  if (!l || zh_title_from(z, b) || zh_break_at(z, b + l) == SIZE_MAX ||
      zh_forms_at(zh_forms(&body_l), z->r->s, b + l, z->b, NULL))
    return 0;
  return l;
}

/* Is [a, b) (an alias of k characters) a word of the text: boundaries at
 * both ends, or a word made of it and 人 (日本人: Japanese people), or
 * a title right after it (民眾黨主席)? Aliases of four characters or more
 * are taken as they are. */
static bool zh_alias_is_word(struct zh_run *z, size_t a, size_t b, size_t k) {
  if (k >= 4)
    return true;
  if (zh_break_at(z, a) == SIZE_MAX || zh_title_before(z->r->s, z->a, a + 3) > 3)
    return false; /* or its first character ends a title: 董事|長和 */
  if (zh_break_at(z, b) != SIZE_MAX || zh_admin_at(z, b))
    return true; /* or a word of it and a suffix: 浙江省, 屏東縣 */
  return (b + 3 <= z->b && memcmp(z->r->s + b, "人", 3) == 0 &&
          zh_break_at(z, b + 3) != SIZE_MAX) ||
         zh_title_from(z, b);
}

/* The longest alias that starts at byte a and is a word; sets *b. */
static const struct gz_alias *zh_alias_at(struct zh_run *z, size_t a, size_t *b,
                                          size_t *next) {
  const struct gazetteer *g = z->r->g;
  const char *s = z->r->s;
  uint32_t cp;
  int l0 = utf8_decode(s + a, z->b - a, &cp);
  *next = a + (size_t)l0;
  if (l0 != 3 || !(g->cjk_first[cp >> 3] & (1u << (cp & 7))))
    return NULL; /* no alias starts with this character */
  /* the characters of the text up to the longest alias that starts with
   * this one (ZH_ALIAS_MAX + 1 at most) */
  size_t most = DS_MIN((size_t)g->cjk_chars[cp], (size_t)ZH_ALIAS_MAX + 1);
  size_t ends[ZH_ALIAS_MAX + 1], nc = 1, p = *next;
  ends[0] = p;
  while (p < z->b && nc < most) {
    p += (size_t)utf8_decode(s + p, z->b - p, &cp);
    ends[nc++] = p;
  }
  for (size_t k = nc; k-- > 1;) {
    const struct gz_slot *sl =
        gz_find(g, s + a, ends[k] - a, ds_hash64(s + a, ends[k] - a));
    if (sl && sl->alias >= 0 && zh_alias_is_word(z, a, ends[k], k + 1)) {
      *b = ends[k];
      return &g->aliases[sl->alias];
    }
  }
  return NULL;
}

static size_t zh_person_end(struct zh_run *z, size_t p);
static bool zh_free(const struct zh_run *z, size_t a, size_t b);
static struct zh_list zh_org_suffixes_l; /* defined with the suffixes (C.) */

/* Does a currency's word follow a place's name at b (澳門元, 新加坡元,
 * 澳門幣): the name is the money's, not a place the article names? */
static bool zh_currency_after(const struct zh_run *z, size_t b) {
  static const char *const money[] = {"元", "幣", NULL};
  static struct zh_list money_l = ZH_LIST(money);
  return zh_forms_at(zh_forms(&money_l), z->r->s, b, z->b, NULL) > 0;
}

/* Does a person's name run over the place or country alias [a, b): a title
 * before it, a family name at a, the name longer (立法院長韓國瑜; not 總統|韓國)?
 * Or over any alias from one or two characters before it, after a title? */
static bool zh_person_over(struct zh_run *z, const struct gz_alias *al, size_t a,
                           size_t b) {
  const struct gazetteer *g = z->r->g;
  if ((a >= z->a + 3 && zh_title_before(z->r->s, z->a, a - 3) && zh_person_end(z, a - 3) >= b) ||
      (a >= z->a + 6 && zh_title_before(z->r->s, z->a, a - 6) && zh_person_end(z, a - 6) > a))
    return true; /* 主教練伊|萬科|維奇, 董事長何|小鵬, 任命王建|華為 */
  if (al->entity >= g->nents ||
      (g->ents[al->entity].kind != ENTITY_COUNTRY && g->ents[al->entity].kind != ENTITY_PLACE))
    return false;
  if (!zh_title_before(z->r->s, z->a, a) || !zh_surname(z->r->s + a, z->b - a))
    return false;
  return zh_person_end(z, a) > b;
}

/* The end of a name of two or three characters with an administrative
 * suffix (安吉縣, 黃杜村) that starts at b where the segmenter starts a
 * word, or 0. */
static size_t zh_admin_name(struct zh_run *z, size_t b) {
  const char *s = z->r->s;
  if (zh_break_at(z, b) == SIZE_MAX)
    return 0;
  for (size_t e = b + 3; e <= b + 9 && e + 3 <= z->b; e += 3) {
    uint32_t cp;
    if (utf8_decode(s + e - 3, 3, &cp) != 3 || !zh_given_ok(cp))
      return 0; /* 屏東縣|及: a function character starts no name */
    size_t l = e > b + 3 ? zh_admin_at(z, e) : 0;
    if (l)
      return e + l;
  }
  return 0;
}

/* The end of the shape zh_admin_name reads at b, the suffix's words
 * only (no segmenter), or 0. */
static size_t zh_admin_shape(const struct zh_run *z, size_t b) {
  const char *s = z->r->s;
  for (size_t e = b + 3; e <= b + 9 && e + 3 <= z->b; e += 3) {
    uint32_t cp;
    if (utf8_decode(s + e - 3, 3, &cp) != 3 || !zh_given_ok(cp))
      return 0;
    size_t l = e > b + 3 ? zh_forms_at(zh_forms(&zh_admin_l), s, e, z->b, NULL) : 0;
    if (l)
      return e + l;
  }
  return 0;
}

/* Mention [b, e) as a place found by its shape. */
static void zh_admin_mention(struct zh_run *z, size_t b, size_t e) {
  char *name = xstrndup(z->r->s + b, e - b);
  er_mention(z->r, (uint32_t)b, (uint32_t)e, er_dyn(z->r, name, ENTITY_PLACE));
  free(name);
}

/* After a place with its suffix ending at b (湖州市), a name with a
 * suffix of its own (安吉縣) is a place: mentioned, its end returned. */
static size_t zh_admin_next(struct zh_run *z, size_t b) {
  size_t e = zh_admin_name(z, b);
  if (e)
    zh_admin_mention(z, b, e);
  return e;
}

/* Two names with suffixes in a row and no place of the gazetteer before
 * them (溪龍鄉黃杜村, 某某鎮某某村), the second a township's or a
 * village's: places both; returns the end, or 0. */
static size_t zh_admin_pair(struct zh_run *z, size_t a) {
  size_t c1 = zh_admin_shape(z, a), c2 = c1 ? zh_admin_shape(z, c1) : 0;
  if (!c2)
    return 0; /* the shape first: the segmenter only for what has it */
  uint32_t cp;
  if (utf8_decode(z->r->s + c2 - 3, 3, &cp) != 3 ||
      !(cp == 0x9109 || cp == 0x4E61 || cp == 0x93AE || cp == 0x9547 || cp == 0x6751))
    return 0; /* 鄉 乡 鎮 镇 村 */
  size_t e1 = zh_admin_name(z, a), e2 = e1 ? zh_admin_name(z, e1) : 0;
  if (!e2)
    return 0;
  zh_admin_mention(z, a, e1);
  zh_admin_mention(z, e1, e2);
  return e2;
}

/* low: the run holds 鄉, 鎮 or 村, which a pair of names with suffixes
 * ends in (溪龍鄉黃杜村; zh_run_marks); twice: a suffix written twice (區區長).*/
static void zh_gazetteer(struct zh_run *z, bool low, bool twice) {
  for (size_t a = z->a; a < z->b;) {
    size_t b = 0, next;
    const struct gz_alias *al = zh_alias_at(z, a, &b, &next);
    if (!al) {
      size_t e = low ? zh_admin_pair(z, a) : 0;
      if (!e && twice && (e = zh_admin_doubled(z->r->s, a, z->b)) != 0) /* 餘杭區|區長 */
        e = zh_break_at(z, a) == SIZE_MAX ? 0 : (zh_admin_mention(z, a, e), e);
      a = e ? e : next;
      continue;
    }
    if (zh_person_over(z, al, a, b) || zh_currency_after(z, b)) {
      a = next; /* 立法院長韓國瑜: a person, not 韓國; 澳門元: money */
      continue;
    }
    uint32_t ref = al->entity;
    if (al->capital && !zh_capital_is_gov(z, a, b))
      ref = (uint32_t)al->place;
    size_t sl = ref < z->r->g->nents && z->r->g->ents[ref].kind == ENTITY_PLACE
                    ? zh_admin_at(z, b) : 0;
    er_mention(z->r, (uint32_t)a, (uint32_t)(b + sl), ref);
    a = b + sl;
    for (size_t e; sl && (e = zh_admin_next(z, a)) != 0;)
      a = e; /* 浙江省|湖州市|安吉縣 */
  }
}

/* ---- B. people
 * ---------------------------------------------------------------------- */

/* The end of the given name after a family name that ends at p, given
 * characters [p, end) each of which may be in a name: up to two. Sets
 * ends[0..k) and returns k. */
static size_t zh_given(const struct zh_run *z, size_t p, size_t ends[2]) {
  size_t k = 0;
  while (k < 2 && p < z->b) {
    uint32_t cp;
    size_t l = (size_t)utf8_decode(z->r->s + p, z->b - p, &cp);
    if (!zh_given_ok(cp))
      break;
    p += l;
    ends[k++] = p;
  }
  return k;
}

/* Is there a dictionary word of two characters or more inside the given
 * name [g, e) (高|关税: a tariff, not a name)? */
static bool zh_word_inside(struct zh_run *z, size_t g, size_t e) {
  size_t i = zh_break_at(z, g);
  if (i == SIZE_MAX)
    return true; /* a word runs across the family name */
  for (; i + 1 < z->nb && z->br[i + 1] + z->a <= e; i++) {
    size_t w0 = z->br[i] + z->a, w1 = z->br[i + 1] + z->a;
    uint32_t cp;
    if ((size_t)utf8_decode(z->r->s + w0, w1 - w0, &cp) < w1 - w0)
      return true;
  }
  return false;
}

/* May a clause's subject of three hold a word as its given name (董|明珠認為,
 * 韓國|瑜說)? A person's verb, the family name alone or a place's head. */
static bool zh_given_word(struct zh_run *z, size_t p, size_t sl, size_t e) {
  const char *s = z->r->s;
  if (!(zh_clause_says(s, e, z->b, 2) && zh_person_said(s, e, z->b, z->r->n)) &&
      !zh_said_later(s, e, z->b))
    return false; /* 高|关税表示市场压力大: a tariff, not a person */
  if (zh_forms_before(zh_forms(&zh_org_suffixes_l), s, e - 3, e, NULL))
    return false;
  return zh_break_at(z, p + sl) != SIZE_MAX || !zh_free(z, p, e);
}

/* A person's name starting at p (family name of sl bytes), or 0: sets
 * *end. Evidence: a title ending at p, or a reporting verb at the end; the
 * segmenter runs only once there is evidence. */
static size_t zh_person_at(struct zh_run *z, size_t p, size_t sl, size_t *end) {
  const char *s = z->r->s;
  size_t ends[2];
  size_t k = zh_given(z, p + sl, ends);
  if (k == 0)
    return 0;
  bool title = zh_title_before(s, z->a, p) > 0, said[2] = {false, false},
       any = title, clause = zh_subject_at(z->r, z->a, p), direct[2] = {false, false};
  for (size_t g = 0; g < k; g++) { /* or an English name in brackets */
    direct[g] = zh_said_after(s, ends[g], z->r->n) > 0 ||
                (ends[g] == z->b && zh_latin_name_after(s, z->r->n, ends[g])) ||
                (p == z->a && zh_said_later(s, ends[g], z->b));
    any |= said[g] = direct[g] || (clause && zh_subject_acts(s, ends[g], z->b));
  }
  if (!any || zh_break_at(z, p) == SIZE_MAX)
    return 0;
  for (size_t g = k; g-- > 0;) {
    size_t e = ends[g];
    if (!said[g] && (!title || (g > 0 && said[0])))
      continue; /* 趙勇|賽後表示: the shorter name has the verb after it */
    if (g > 0 && !direct[g] && (direct[0] || zh_adverb_at(s, ends[0], z->b)))
      continue; /* 吳凱|補充說, 林斌|當天在微博上說 */
    if (zh_break_at(z, e) == SIZE_MAX && !direct[g] && !(title && g && zh_join_at(s + e)))
      continue; /* inside a word, unless a join follows (校長盧煜明|和) */
    if (!title && !zh_honorific_after(s, e, z->b) && !(direct[g] && e == z->b) &&
        zh_word_inside(z, p + sl, e) &&
        !(clause && g == 1 && zh_given_word(z, p, sl, e)))
      continue; /* 高|关税表示: a word, not a given name */
    *end = e;
    return e - p;
  }
  return 0;
}

/* A name that follows no family-name pattern (耶倫, 植田和男) right after a title (not
 * one after a count, 三名航天員): two to four characters to a reporting verb, or single
 * characters the dictionary knows no word of, to the next word or the run's end. */
static size_t zh_foreign_at(struct zh_run *z, size_t p) {
  const char *s = z->r->s;
  uint32_t cp;
  utf8_decode(s + p, z->b - p, &cp);
  if (!zh_given_ok(cp) || !zh_title_before(s, z->a, p) || zh_title_counted(s, z->a, p) ||
      zh_title_at(s, p, z->b) > 3)
    return 0; /* 主任|醫師陳紅: a title after a title starts no name */
  size_t i = zh_break_at(z, p);
  if (i == SIZE_MAX)
    return 0;
  bool singles = true;
  for (size_t j = i + 1, chars = 0; j < z->nb; j++) {
    size_t w0 = z->br[j - 1] + z->a, w1 = z->br[j] + z->a, k = 0;
    for (size_t q = w0; q < w1; k++)
      q += (size_t)utf8_decode(s + q, w1 - q, &cp);
    if (zh_said_after(s, w0, z->r->n) == w1 - w0 ||
        (k > 1 && singles && chars)) {
      bool said = zh_said_after(s, w0, z->r->n) > 0;
      if (zh_forms_before(zh_forms(&zh_org_suffixes_l), s, p, w0, NULL))
        return 0; /* 頒給復旦大學教授: a body */
      return chars >= 2 && (said || singles) ? w0 : 0;
    }
    singles = singles && k == 1;
    chars += k;
    if (chars > 4)
      return 0;
    if (j + 1 == z->nb)
      return chars >= 2 && singles ? w1 : 0;
  }
  return 0;
}

/* Does a dot end the CJK run (the run a dotted name starts in)? The lead
 * byte first: the dots are U+00B7, U+2027, U+2022 and U+30FB, or a hyphen. */
static bool zh_run_at_dot(const struct zh_run *z) {
  const char *s = z->r->s;
  size_t n = z->r->n;
  uint32_t cp;
  if (z->b >= n)
    return false;
  unsigned char c = (unsigned char)s[z->b];
  if (c != 0xC2 && c != 0xE2 && c != 0xE3 && c != '-')
    return false;
  return utf8_decode(s + z->b, n - z->b, &cp) > 0 && zh_name_dot(cp);
}

/* May a foreign name with no title before it start at p: a syllable
 * with no syllable before it (会见了弗拉基米尔·普京: 弗, not 拉), where
 * the segmenter starts a word (主席烏爾蘇拉: not 席; asked when words)? */
static bool zh_translit_start(struct zh_run *z, size_t p, bool words) {
  const char *s = z->r->s;
  uint32_t cp;
  if (utf8_decode(s + p, z->b - p, &cp) <= 0 || !zh_translit_ok(cp))
    return false;
  if (p >= z->a + 3 && utf8_decode(s + p - 3, 3, &cp) == 3 && zh_translit_ok(cp))
    return false;
  return !words || zh_break_at(z, p) != SIZE_MAX; /* the segmenter last */
}

/* A transliterated foreign name right after a title (盧特尼克, 列韋斯,
 * 烏爾蘇拉·馮德萊恩), or with no title when two parts of two syllables
 * or more are joined by a dot (弗拉基米爾·普京): characters of
 * zh_translit_ok, parts joined by a dot, to the first other character
 * (after a dot, one between two syllables too); it may run past the CJK
 * run at a dot. Returns its end and sets *dot, or 0 when shorter than
 * three characters (two: the other patterns' names). */
static size_t zh_translit_at(struct zh_run *z, size_t p, bool *dot) {
  const char *s = z->r->s;
  size_t n = z->r->n, q = p, e = p, chars = 0, first = 0;
  *dot = false;
  bool titled = zh_title_before(s, z->a, p) > 0,
       clause = p == z->a && zh_clause_start(s, p); /* 泽连斯基当天在基辅说 */
  if (!titled && !clause && !(zh_run_at_dot(z) && zh_translit_start(z, p, false)))
    return 0;
  while (q < n && chars < 16) {
    uint32_t cp;
    int l = utf8_decode(s + q, n - q, &cp);
    if (l <= 0)
      break;
    if (zh_name_dot(cp) && chars && e == q) {
      uint32_t nx;
      if (q + (size_t)l >= n ||
          utf8_decode(s + q + l, n - q - (size_t)l, &nx) <= 0 || !zh_translit_ok(nx))
        break;
      if (!*dot)
        first = chars;
      *dot = true;
    } else if (zh_said_after(s, q, n) ||
               (!zh_translit_ok(cp) && !(*dot && zh_translit_odd(s, n, q, (size_t)l)))) {
      break;
    } else {
      chars++;
      e = q + (size_t)l;
    }
    q += (size_t)l;
  }
  if (!titled && !(*dot && first >= 2 && chars - first >= 2 && zh_translit_start(z, p, true)) &&
      !(clause && !*dot && chars >= 3 && zh_clause_says(s, e, z->b, 14)))
    return 0; /* with no title, two parts of two syllables or more, or a
               * clause's subject of three syllables or more */
  return chars >= 3 ? e : 0;
}

/* Is [a, b) free of every mention of the article so far (a name that runs
 * past its CJK run at a dot is in an earlier run's mentions)? */
static bool zh_free(const struct zh_run *z, size_t a, size_t b) {
  const struct ent_run *r = z->r;
  for (size_t m = 0; m < r->nm; m++)
    if (r->m[m].start < b && a < r->m[m].end)
      return false;
  return true;
}

/* After a title, a name of a family name and one given character runs
 * on to a third when that one is a function character that given names
 * also hold (能, 前, 中...) and a reporting verb or 在/於 follows it
 * (首席法官張舉能在, 發言人何咏前回應). */
static bool zh_name_tail(struct zh_run *z, size_t p, size_t e) {
  static const char *const tails[] = {"能", "前", "中", "可", "來", "月", "年", NULL};
  static const char *const after[] = {"在", "於", NULL};
  static struct zh_list tails_l = ZH_LIST(tails), after_l = ZH_LIST(after);
  const char *s = z->r->s;
  size_t n = z->r->n;
  if (!(e - p == 6 && e + 3 <= z->b && zh_title_before(s, z->a, p) &&
        zh_word_at(s, e, e, z->b, &tails_l, false) == 3))
    return false;
  if (zh_said_after(s, e + 3, n) || zh_word_at(s, e + 3, e + 3, n, &after_l, false))
    return true;
  /* or the segmenter leaves the character alone before a word of two
   * or more (法官李慶|年|判刑: 年 is no word with what follows) */
  size_t i = zh_break_at(z, e);
  return i != SIZE_MAX && i + 2 < z->nb && z->br[i + 1] + z->a == e + 3 &&
         z->br[i + 2] + z->a >= e + 9;
}

/* After a title, a name of three characters runs on to a reporting verb
 * one character after it when that character may be in a name (經產大臣
 * 武藤容治表示, 主席謝邱安儀表示); a name never ends in a function
 * character (總統李在明在北京: 在). Returns the end. */
static size_t zh_name_edge(struct zh_run *z, size_t p, size_t e) {
  const char *s = z->r->s;
  uint32_t cp;
  if (zh_name_tail(z, p, e))
    return e + 3;
  if (e - p == 9 && zh_name_tail(z, p, e - 3))
    return e; /* 副行長宣昌能表示, read to the verb: keep 能 */
  if (e - p == 9 && e + 3 <= z->b && zh_title_before(s, z->a, p) &&
      utf8_decode(s + e, z->b - e, &cp) == 3 && zh_given_ok(cp) &&
      !zh_said_after(s, e, z->r->n) && zh_said_after(s, e + 3, z->r->n))
    return e + 3;
  while (e > p + 6 && utf8_decode(s + e - 3, 3, &cp) == 3 && !zh_given_ok(cp))
    e -= 3;
  return e;
}

/* The end of the person's name that starts at p, or 0: the family-name
 * pattern or a name after a title; a transliterated name after a title
 * when it is longer (盧特尼克, not 盧特) or holds a dot. */
static size_t zh_person_end(struct zh_run *z, size_t p) {
  if (zh_adverb_at(z->r->s, p, z->b) || zh_title_starts(z->r->s, p, z->b))
    return 0; /* zh_titled_end, the honorifics and titles (董事長): zh_titled.c */
  size_t e = 0, sl = zh_surname(z->r->s + p, z->b - p), w = zh_titled_end(z->r, z->a, z->b, p, sl);
  if (!sl || !zh_person_at(z, p, sl, &e))
    e = zh_foreign_at(z, p);
  bool dot;
  size_t t = zh_translit_at(z, p, &dot);
  if (t && (dot || t > e))
    return zh_unless_honorific(z->r->s, p, z->b, dot || t > w ? t : w);
  e = e ? zh_name_edge(z, p, e) : 0;
  e = e == z->b && zh_run_at_dot(z) ? zh_dotted_tail(z->r->s, z->r->n, e) : e;
  return zh_unless_honorific(z->r->s, p, z->b, w > e ? w : e);
}

static void zh_people(struct zh_run *z) {
  const char *s = z->r->s;
  for (size_t p = z->a; p < z->b;) {
    uint32_t cp;
    size_t step = (size_t)utf8_decode(s + p, z->b - p, &cp);
    z->have &= !(p + 21 <= z->b && zh_join_at(s + p + 9) && zh_pair_three(z->r, z->a, z->b, p + 9));
    size_t e = zh_person_end(z, p);
    if (e && !zh_not_a_name(s, p, e) &&
        (zh_free(z, p, e) || (e - p == 9 && p == z->a && zh_clause_start(s, p) &&
                              zh_clause_says(s, e, z->b, 0) &&
                              zh_person_over_places(z->r, z->first_m, p, e)))) {
      char *name = xstrndup(s + p, e - p);
      er_mention(z->r, (uint32_t)p, (uint32_t)e, er_dyn(z->r, name, ENTITY_PERSON));
      free(name);
      p = e;
      continue;
    }
    p += step;
  }
}

/* ---- C. organisations ------------------------------------------------- */

/* How a suffix may end a name. */
enum {
  ZO_PLAIN = 0,   /* any name before it */
  ZO_ONE = 1,     /* one character (部, 局): see zh_org_single_ok */
  ZO_COUNTRY = 2, /* only after a country (日本財務省; 浙江省 is a place) */
  ZO_ALONE = 4,   /* names a body alone too (央行: the central bank) */
  ZO_ADMIN = 8,   /* only after a place's suffix (台北市政府, not 美國政府) */
};

struct zh_suffix {
  const char *w;
  unsigned flags;
};

/* Words that end the name of a body, longest first: the full words (委员会, 交易所), their
 * abbreviated tails (證監會, 金管會, 證交所, 機管局: 监会, 管會, 交所, 管局), single characters. */
static const struct zh_suffix zh_org_suffixes[] = {
   {"人民政府", ZO_ADMIN}, {"委員會", 0}, {"辦公室", 0}, {"基金會", 0}, {"研究院", 0}, {"研究所", 0},
   {"交易所", 0}, {"聯合會", 0}, {"博物院", 0}, {"博物館", 0}, {"俱樂部", 0}, {"氣象台", 0}, {"氣象署", 0},
   {"醫院", 0}, {"會館", 0}, {"中學", 0}, {"小學", 0}, {"公所", 0}, {"學院", 0}, {"中心", 0}, {"總部", 0},
   {"總站", 0}, {"調查科", 0}, {"重案組", 0}, {"調查組", 0}, {"理事會", 0}, {"民主黨", 0}, {"共和黨", 0},
   {"人民黨", 0}, {"自由黨", 0}, {"保守黨", 0}, {"政府", ZO_ADMIN}, {"總會", 0}, {"銀行", 0}, {"公司", 0},
   {"集團", 0}, {"大學", 0}, {"協會", 0}, {"商會", 0}, {"法院", 0}, {"工會", 0}, {"議會", 0}, {"總署", 0},
   {"總局", 0}, {"總處", 0}, {"海關", 0}, {"控股", 0}, {"法庭", 0}, {"委會", 0}, {"監會", 0}, {"管會", 0},
   {"檢察院", 0}, {"地檢署", 0}, {"政協", 0}, {"人壽", 0}, {"下議院", 0}, {"上議院", 0}, {"眾議院", 0}, {"參議院", 0},
   {"議院", 0}, {"國會", ZO_ALONE}, {"海軍", ZO_ALONE}, {"陸軍", ZO_ALONE}, {"空軍", ZO_ALONE},
   {"聯會", 0}, {"管局", 0}, {"交所", 0}, {"央行", ZO_ALONE}, {"上訴庭", ZO_ALONE}, {"原訟庭", ZO_ALONE},
   {"辦", ZO_ONE}, {"協", ZO_ONE}, {"部", ZO_ONE}, {"局", ZO_ONE}, {"署", ZO_ONE}, {"處", ZO_ONE},
   {"廳", ZO_ONE}, {"委", ZO_ONE}, {"司", ZO_ONE}, {"隊", ZO_ONE}, {"省", ZO_ONE | ZO_COUNTRY},
   {NULL, 0},
};
static struct zh_list zh_org_suffixes_l = ZH_LIST(zh_org_suffixes);

/* Does the body [a, e) start with or right after a word of
 * zh_org_indefinite? */
static bool zh_org_indefinite_at(const struct zh_run *z, size_t a, size_t e) {
  const struct zh_forms *f = zh_forms(&zh_org_indefinite_l);
  return zh_forms_at(f, z->r->s, a, e, NULL) || zh_forms_before(f, z->r->s, z->a, a, NULL);
}

/* The suffix that ends at e, or NULL. */
static const struct zh_suffix *zh_org_suffix(const char *s, size_t lo,
                                             size_t e) {
  size_t k;
  if (!zh_forms_before(zh_forms(&zh_org_suffixes_l), s, lo, e, &k))
    return NULL;
  return &zh_org_suffixes[k];
}

/* The mention of a country, place or body of this run that ends at e,
 * or NULL. */
static const struct mention *zh_named_before(const struct zh_run *z,
                                             size_t e) {
  const struct ent_run *r = z->r;
  for (size_t m = z->first_m; m < r->nm; m++) {
    const struct mention *mm = &r->m[m];
    if (mm->end == e && mm->start >= z->a && mm->ref < r->g->nents &&
        r->g->ents[mm->ref].kind != ENTITY_PERSON)
      return mm;
  }
  return NULL;
}

/* Does the name ending at boundary i end in a body's suffix or a named
 * body, so that 和 or 及 after it joins two bodies (商务部和海关总署), not
 * the words of one name (工业和信息化部)? */
static bool zh_org_ends_body(const struct zh_run *z, size_t i) {
  size_t e = z->br[i] + z->a;
  return zh_org_suffix(z->r->s, z->a, e) != NULL ||
         zh_named_before(z, e) != NULL;
}

/* Where the name of an organisation ending at piece j starts, or
 * SIZE_MAX: back over at most ZH_ORG_PIECES words (a country, place or body
 * already named counts as one, 华|为|公司) to the run's start, a function
 * character, a measure word after a number or a stop word. Sets *joined
 * when the name holds 和 or 及 (財經事務及庫務局). */
static size_t zh_org_start(struct zh_run *z, size_t j, bool *joined) {
  const char *s = z->r->s;
  size_t start = z->br[j - 1] + z->a; /* 商务部: a word holding its prefix */
  *joined = false;
  for (size_t i = j - 1, pieces = 0; pieces <= ZH_ORG_PIECES; pieces++) {
    if (i == 0)
      return start;
    const struct mention *mm = zh_named_before(z, start);
    size_t mi = mm ? zh_break_at(z, mm->start) : SIZE_MAX;
    if (mi != SIZE_MAX) {
      start = mm->start;
      i = mi;
      continue;
    }
    size_t p0 = z->br[i - 1] + z->a, p1 = z->br[i] + z->a;
    uint32_t cp;
    size_t l = (size_t)utf8_decode(s + p0, p1 - p0, &cp);
    bool one = l == p1 - p0;
    bool joiner = one && i > 1 &&
                  (memcmp(s + p0, "及", 3) == 0 ||
                   !memcmp(s + p0, "和", 3) || !memcmp(s + p0, "與", 3) || !memcmp(s + p0, "与", 3)) &&
                  !zh_org_ends_body(z, i - 1) && !zh_place_starts(z->r, z->first_m, p0, p1);
    bool joined_hui =
        one && i > 1 &&
        (memcmp(s + p0, "会", 3) == 0 || memcmp(s + p0, "會", 3) == 0);
    if ((one && !zh_given_ok(cp) && !joiner && !joined_hui) ||
        (one && zh_after_number(s, p0)) ||
        zh_word_at(s, p0, p0, p1, &zh_org_stops_l, false) == p1 - p0 ||
        zh_said_after(s, p0, p1) == p1 - p0)
      return start;
    *joined |= joiner;
    start = p0;
    i--;
  }
  return SIZE_MAX; /* no edge in sight: not a name we can bound */
}

/* A one-character suffix (部, 局, 委) ending piece j of a name starting at
 * a: not the end of a two-character word (北部, 當局, 常委); after a word
 * of two characters or more (财政|部), or after single characters that
 * abbreviate a name (工|貿|部, 国|资|委, 機|管|局), or in a name joined
 * by 和 or 及 (工业和信息|化|部); never after one character alone (开|局
 * in 经济开局). */
static bool zh_org_single_ok(const struct zh_run *z, size_t j, size_t a,
                             bool joined) {
  size_t e = z->br[j] + z->a, w0 = z->br[j - 1] + z->a;
  if (w0 != e - 3 && zh_title_before(z->r->s, w0, e) == e - w0)
    return false; /* a title: 副|主委, 局|局長 */
  if (w0 != e - 3) /* inside a word: 商务部, 貿|工部, not 北部, 金管會|主委 */
    return e - w0 != 6 || (j >= 2 && z->br[j - 2] + z->a >= a &&
                           z->br[j - 1] - z->br[j - 2] == 3 &&
                           !zh_org_ends_body(z, j - 1));
  if (j < 2 || w0 - (z->br[j - 2] + z->a) >= 6)
    return j >= 2 && z->br[j - 2] + z->a >= a;
  if (joined)
    return true;
  return j >= 3 && z->br[j - 3] + z->a >= a &&
         z->br[j - 2] - z->br[j - 3] == 3;
}

/* A team or an association whose name starts with its place (广东|华南|虎|队,
 * 中国|篮|协): a country or place named at a, four characters or more. */
static bool zh_org_of_place(const struct zh_run *z, size_t a, size_t e) {
  const struct ent_run *r = z->r;
  const char *s = r->s;
  if (e - a < 12 || !(memcmp(s + e - 3, "隊", 3) == 0 || memcmp(s + e - 3, "队", 3) == 0 ||
                      memcmp(s + e - 3, "協", 3) == 0 || memcmp(s + e - 3, "协", 3) == 0))
    return false;
  for (size_t m = z->first_m; m < r->nm; m++)
    if (r->m[m].start == a && zh_place_ref(r, r->m[m].ref))
      return true;
  return false;
}

/* Is [a, e) a generic noun (上市公司), or a description ending in one
 * (进一步提高上市公司): more than one word before it? */
static bool zh_org_generic_name(struct zh_run *z, size_t a, size_t e) {
  size_t l = zh_forms_before(zh_forms(&zh_org_generic_l), z->r->s, a, e, NULL);
  if (!l)
    return false;
  if (e - a == l || zh_legal_form(z->r->s, e - l, e))
    return e - a == l; /* a registered name of any length before 有限公司 */
  size_t i = zh_break_at(z, e - l), i0 = zh_break_at(z, a);
  if (i == SIZE_MAX && zh_break_at(z, e) != SIZE_MAX && e - l >= a + 6)
    return false; /* a word of the dictionary holds it: 北京|协和医院 */
  return i == SIZE_MAX || i0 == SIZE_MAX || i != i0 + 1;
}

/* Is [a, e) a word of scope and the suffix alone (全國法院: the courts of
 * the whole country, 各地銀行), which names no one body? */
static bool zh_org_scope(const struct zh_run *z, size_t a, size_t e, size_t sufl) {
  static const char *const scopes[] = {
     "全國", "全港", "全台", "全臺", "全市", "全省", "全球", "各地", "各國", "各級", "各大", NULL,
  };
  static struct zh_list scopes_l = ZH_LIST(scopes);
  return e - a > sufl && zh_word_at(z->r->s, a, a, e, &scopes_l, false) == e - a - sufl;
}

/* Does the text before e end in a company's legal form (有限公司) right
 * after a body found before it (中国石油天然气集团|有限公司)? Then that
 * body's mention grows to e, and true. */
static bool zh_org_legal_form(struct zh_run *z, size_t e) {
  static const char *const forms[] = {
     "股份有限公司", "有限責任公司", "有限公司", NULL,
  };
  static struct zh_list forms_l = ZH_LIST(forms);
  struct ent_run *r = z->r;
  size_t l = zh_word_at(r->s, z->a, e, e, &forms_l, true);
  if (!l)
    return false;
  for (size_t m = z->first_m; m < r->nm; m++) {
    struct mention *mm = &r->m[m];
    if (mm->end == e - l && mm->start >= z->a && zh_is_org(r, mm->ref)) {
      char *name = xstrndup(r->s + mm->start, e - mm->start);
      mm->ref = er_dyn(r, name, ENTITY_ORG);
      mm->end = (uint32_t)e;
      free(name);
      return true;
    }
  }
  return false;
}

/* Does [a, e) start with a country and name no place after it (日本財務省,
 * not 中国浙江省)? */
static bool zh_country_at(const struct zh_run *z, size_t a, size_t e) {
  const struct ent_run *r = z->r;
  bool country = false;
  for (size_t m = z->first_m; m < r->nm; m++) {
    const struct mention *mm = &r->m[m];
    if (mm->start < a || mm->start >= e || mm->ref >= r->g->nents)
      continue;
    enum entity_kind k = r->g->ents[mm->ref].kind;
    if (mm->start == a && k == ENTITY_COUNTRY)
      country = true;
    else if (k == ENTITY_PLACE || k == ENTITY_COUNTRY)
      return false;
  }
  return country;
}

/* Does the run hold the last character of some suffix (a cheap test
 * before the segmenter runs)? */
static bool zh_org_maybe(const struct zh_run *z) {
  const struct zh_forms *f = zh_forms(&zh_org_suffixes_l);
  for (size_t p = z->a; p < z->b;) {
    uint32_t cp;
    p += (size_t)utf8_decode(z->r->s + p, z->b - p, &cp);
    if (cp >= ZH_FOLD_LO && cp < ZH_FOLD_LO + ZH_FOLD_N &&
        (f->last[(cp - ZH_FOLD_LO) >> 3] & (1u << ((cp - ZH_FOLD_LO) & 7))) &&
        !zh_suffix_starts_word(z->r->s, p - 3, z->b) && !zh_org_false_tail(z->r->s, z->a, p))
      return true; /* not 協議, 舉辦, 全部: words no body ends in */
  }
  return false;
}

/* A body named at a (of the gazetteer or found before) and the suffix org
 * [a, e) around it:
 * followed by the suffix alone (比亞迪公司), its mention grows to e; by
 * more words and a suffix (国务院|国资委, 經濟部|統計處), the mention becomes the body
 * [a, e), a new one. Returns false when something else is named in
 * between. */
static bool zh_extend_org(struct zh_run *z, size_t a, size_t e, size_t sufl) {
  struct ent_run *r = z->r;
  for (size_t m = z->first_m; m < r->nm; m++) {
    struct mention *mm = &r->m[m];
    if (mm->start != a || mm->end >= e || !zh_is_org(r, mm->ref))
      continue;
    for (size_t k = z->first_m; k < r->nm; k++)
      if (k != m && r->m[k].start < e && mm->end <= r->m[k].start &&
          !zh_place_ref(r, r->m[k].ref) && !zh_famous_ref(r, r->m[k].ref))
        return false; /* a body or person named in between; a place or a famous
                       * name is part of it (国务院|台湾|事务办公室, 港大|李嘉誠|醫學院) */
    if (e - mm->end != sufl || sufl < 6) {
      char *name = xstrndup(r->s + a, e - a);
      mm->ref = er_dyn(r, name, ENTITY_ORG);
      free(name);
    }
    mm->end = (uint32_t)e;
    return true;
  }
  return false;
}

/* A body of the gazetteer ending at e (機場管理局) right after places that
 * start the name [a, e) (香港|機場管理局): the body's mention grows to
 * start at a, as the name is written; the places stay places. */
static bool zh_grow_org_left(struct zh_run *z, size_t a, size_t e) {
  struct ent_run *r = z->r;
  for (size_t m = z->first_m; m < r->nm; m++) {
    struct mention *mm = &r->m[m];
    if (mm->end != e || mm->start <= a || !zh_is_org(r, mm->ref))
      continue;
    size_t p = a;
    for (size_t k = z->first_m; k < r->nm && p < mm->start; k++)
      if (r->m[k].start == p && r->m[k].end <= mm->start &&
          zh_place_ref(r, r->m[k].ref)) {
        p = r->m[k].end;
        k = z->first_m - 1; /* look for the next piece from the start */
      }
    if (p != mm->start)
      return false;
    mm->start = (uint32_t)a;
    return true;
  }
  return false;
}

/* The organisation whose suffix ends piece j, if any. */
static void zh_org_at(struct zh_run *z, size_t j) {
  const char *s = z->r->s;
  size_t e = z->br[j] + z->a;
  const struct zh_suffix *x = zh_org_suffix(s, z->a, e);
  if (!x)
    return;
  size_t sufl = strlen(x->w);
  if (zh_org_legal_form(z, e))
    return;
  bool joined;
  size_t a = zh_org_trim(z->r->s, zh_org_start(z, j, &joined));
  if (a == SIZE_MAX || e - a > ZH_ORG_CHARS * 3)
    return;
  if (e - a <= sufl && !((x->flags & ZO_ALONE) && e - a == sufl &&
                         zh_break_at(z, a) != SIZE_MAX))
    return;
  if ((x->flags & ZO_ONE) && (e - a < 9 || zh_title_before(s, a, e) >= 6 ||
                              zh_org_false_tail(s, a, e) ||
                              !(zh_org_single_ok(z, j, a, joined) || zh_org_of_place(z, a, e))))
    return; /* 交通總部總警司: a title that ends in a suffix's character */
  if (((x->flags & ZO_COUNTRY) && !zh_country_at(z, a, e)) ||
      ((x->flags & ZO_ADMIN) && (e - a < 15 || !zh_admin_before(s, e - sufl))))
    return;
  if (zh_org_generic_name(z, a, e) || zh_org_scope(z, a, e, sufl) ||
      zh_org_indefinite_at(z, a, e) || zh_org_not_named(s, a, e, z->b))
    return;
  if (zh_taken(z, a, e, true)) {
    if (!zh_extend_org(z, a, e, sufl))
      zh_grow_org_left(z, a, e);
    return;
  }
  char *name = xstrndup(s + a, e - a);
  er_mention(z->r, (uint32_t)a, (uint32_t)e, er_dyn(z->r, name, ENTITY_ORG));
  free(name);
}

/* Are the two pieces before piece j single characters that abbreviate a
 * name (貿|工|部長: 貿工部), the first after a word that ends a name
 * (兼, 及) or the run's start? */
static bool zh_org_abbrev_before(const struct zh_run *z, size_t j, size_t a) {
  /* characters that qualify a title, not a body (前副部長, 該部長, 新任) */
  static const char *const quals[] = {
     "副", "前", "原", "新", "現", "該", "本", "各", "代", "署", "首", "女", "老", "正", "次", NULL,
  };
  static struct zh_list quals_l = ZH_LIST(quals);
  if (j < 3 || z->br[j - 1] - z->br[j - 2] != 3 ||
      z->br[j - 2] - z->br[j - 3] != 3 || a != z->br[j - 3] + z->a)
    return false;
  const char *s = z->r->s;
  return !zh_word_at(s, a, a, a + 3, &quals_l, false) &&
         !zh_word_at(s, a + 3, a + 3, a + 6, &quals_l, false);
}

/* A body whose suffix the title after it took (經濟|部長, 財政|部長: the
 * minister of 經濟部): piece j starts with such a title and the name
 * before it is a word of two characters or more, or two characters that
 * abbreviate one (兼貿工部長). The body is the gazetteer's when it knows
 * the name. */
static void zh_org_in_title(struct zh_run *z, size_t j) {
  static const char *const titles[] = {
     "部長", "局長", "署長", "廳長", "處長", NULL,
  };
  static struct zh_list titles_l = ZH_LIST(titles);
  const char *s = z->r->s;
  size_t w0 = z->br[j - 1] + z->a, w1 = z->br[j] + z->a;
  bool doubled = w1 - w0 == 6 && memcmp(s + w0, s + w0 + 3, 3) == 0 && w1 + 3 <= z->b &&
                 (memcmp(s + w1, "長", 3) == 0 || memcmp(s + w1, "长", 3) == 0);
  if (j < 2 || (!doubled && zh_word_at(s, w0, w0, w1, &titles_l, false) != w1 - w0))
    return; /* 部長, or 處處|長 as the segmenter cuts 統計處處長 */
  bool joined;
  size_t a = zh_org_trim(z->r->s, zh_org_start(z, j, &joined)), e = w0 + 3;
  if (a == SIZE_MAX || (z->br[j - 1] - z->br[j - 2] < 6 && !zh_org_abbrev_before(z, j, a)))
    return;
  if (a >= w0 - 3 || e - a > ZH_ORG_CHARS * 3 ||
      zh_org_generic_name(z, a, e) || zh_org_indefinite_at(z, a, e))
    return;
  if (zh_taken(z, a, e, true)) {
    if (doubled && !zh_named_before(z, w0))
      zh_extend_org(z, a, e, 3); /* 經濟部|統計|處處長: the body grows */
    return;
  }
  const struct gz_slot *sl = gz_find(z->r->g, s + a, e - a, ds_hash64(s + a, e - a));
  uint32_t ref;
  if (sl && sl->alias >= 0) {
    ref = z->r->g->aliases[sl->alias].entity;
  } else {
    char *name = xstrndup(s + a, e - a);
    ref = er_dyn(z->r, name, ENTITY_ORG);
    free(name);
  }
  er_mention(z->r, (uint32_t)a, (uint32_t)e, ref);
}

static void zh_orgs(struct zh_run *z) {
  zh_breaks(z);
  for (size_t j = 1; j < z->nb; j++) {
    zh_org_at(z, j);
    zh_org_in_title(z, j);
  }
}

/* ---- the passes
 * --------------------------------------------------------------------- */

void zh_pass_run(struct ent_run *r, size_t i) {
  struct zh_run z = {r, r->t.v[i].start, r->t.v[i].end, r->nm, NULL, 0, false};
  unsigned marks = zh_run_marks(r->s, z.a, z.b);
  zh_gazetteer(&z, marks & ZH_MARK_LOW_ADMIN, marks & ZH_MARK_TWICE);
  struct zh_road_run road = {r, r->s, z.a, z.b, z.first_m, NULL, 0};
  if ((marks & ZH_MARK_ROAD) && zh_road_maybe(&road)) {
    zh_breaks(&z);
    road.br = z.br;
    road.nb = z.nb;
    zh_roads(&road);
  }
  zh_grow_gazetteer_orgs(r, z.first_m);
  zh_people(&z);
  if (z.b - z.a >= 9 && zh_org_maybe(&z))
    zh_orgs(&z);
  zh_drop_places_in_orgs(r, z.first_m);
}

