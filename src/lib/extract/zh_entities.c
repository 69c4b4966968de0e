/*
 * extract/zh_entities.c — entities inside Chinese text, where no space
 * marks a word. For each CJK run (one token of ex_tokenize):
 *   A. gazetteer aliases: at each character the longest alias that starts
 *      there; a short one (two or three characters) only where the word
 *      segmenter puts word boundaries at both ends, so 发展中国家 holds no
 *      China; a capital (北京, 華盛頓) is its country when it acts like a
 *      government (北京表示, 與華盛頓談判), else the city;
 *   B. people by pattern: a family name and one or two given characters
 *      with evidence, a title or role before (國家主席, 發言人) or a
 *      reporting verb or honorific after (表示, 說, 先生), the name ending on
 *      a word boundary; then every later mention of a name found;
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
#include "people.h"

#define ZH_ALIAS_MAX 10 /* characters of the longest alias looked for */
#define ZH_ORG_PIECES 4 /* words before an organisation's suffix, at most */
#define ZH_ORG_CHARS 12 /* characters of an organisation's name, at most */

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

/* Does [a, b) overlap a mention already made in this run? With
 * places_inside, a country or place that lies inside [a, b) does not count
 * (香港 of 香港交易所). */
static bool zh_taken(const struct zh_run *z, size_t a, size_t b,
                     bool places_inside) {
  const struct ent_run *r = z->r;
  for (size_t m = z->first_m; m < r->nm; m++) {
    const struct mention *mm = &r->m[m];
    if (!(mm->start < b && a < mm->end))
      continue;
    if (places_inside && mm->start >= a && mm->end <= b &&
        mm->ref < r->g->nents &&
        (r->g->ents[mm->ref].kind == ENTITY_COUNTRY ||
         r->g->ents[mm->ref].kind == ENTITY_PLACE))
      continue;
    return true;
  }
  return false;
}

/* Bytes of the word in list (NULL-terminated) that starts at s[p] (before =
 * false) or ends there (before = true), within [lo, hi); 0 if none. */
static size_t zh_word_at(const char *s, size_t lo, size_t p, size_t hi,
                         const char *const *list, bool before) {
  for (const char *const *w = list; *w; w++) {
    size_t l = strlen(*w);
    if (before ? (p - lo >= l && memcmp(s + p - l, *w, l) == 0)
               : (hi - p >= l && memcmp(s + p, *w, l) == 0))
      return l;
  }
  return 0;
}

/* ---- A. gazetteer
 * ------------------------------------------------------------------ */

/* Does the capital at [a, b) act like a government: a verb of one after it
 * (北京表示, 東京方面), or talks with or pressure on it before (與北京)? */
static bool zh_capital_is_gov(const struct zh_run *z, size_t a, size_t b) {
  static const char *const after[] = {
      "表示", "称",   "稱",   "说",   "說",   "指",   "认为", "認為",
      "宣布", "回应", "回應", "反对", "反對", "要求", "警告", "批评",
      "批評", "希望", "同意", "拒绝", "拒絕", "决定", "決定", "方面",
      "当局", "當局", "政府", "已经", "已經", "将",   "將",   "一直",
      "强调", "強調", "坚持", "堅持", "承诺", "承諾", "威胁", "威脅",
      "谴责", "譴責", "呼吁", "呼籲", "否认", "否認", "对",   "對",
      "向",   "与",   "與",   "和",   "同",   "官方", NULL};
  static const char *const before[] = {"与", "與", "同", "跟", "对",
                                       "對", "向", "和", NULL};
  const char *s = z->r->s;
  return zh_word_at(s, z->a, b, z->r->n, after, false) ||
         zh_word_at(s, z->a, a, z->b, before, true);
}

/* Is [a, b) (an alias of k characters) a word of the text: boundaries at
 * both ends, or a word made of it and 人 (日本人: Japanese people)? Aliases
 * of four characters or more are taken as they are. */
static bool zh_alias_is_word(struct zh_run *z, size_t a, size_t b, size_t k) {
  if (k >= 4)
    return true;
  if (zh_break_at(z, a) == SIZE_MAX)
    return false;
  if (zh_break_at(z, b) != SIZE_MAX)
    return true;
  return b + 3 <= z->b && memcmp(z->r->s + b, "人", 3) == 0 &&
         zh_break_at(z, b + 3) != SIZE_MAX;
}

/* The longest alias that starts at byte a and is a word; sets *b. */
static const struct gz_alias *zh_alias_at(struct zh_run *z, size_t a, size_t *b,
                                          size_t *next) {
  const struct gazetteer *g = z->r->g;
  const char *s = z->r->s;
  size_t ends[ZH_ALIAS_MAX + 1], nc = 0, p = a;
  while (p < z->b && nc <= ZH_ALIAS_MAX) {
    uint32_t cp;
    p += (size_t)utf8_decode(s + p, z->b - p, &cp);
    ends[nc++] = p;
  }
  *next = ends[0];
  uint32_t cp;
  if (utf8_decode(s + a, z->b - a, &cp) != 3 ||
      !(g->cjk_first[cp >> 3] & (1u << (cp & 7))))
    return NULL; /* no alias starts with this character */
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

static void zh_gazetteer(struct zh_run *z) {
  for (size_t a = z->a; a < z->b;) {
    size_t b = 0, next;
    const struct gz_alias *al = zh_alias_at(z, a, &b, &next);
    if (!al) {
      a = next;
      continue;
    }
    uint32_t ref = al->entity;
    if (al->capital && !zh_capital_is_gov(z, a, b))
      ref = (uint32_t)al->place;
    er_mention(z->r, (uint32_t)a, (uint32_t)b, ref);
    a = b;
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
       any = title;
  for (size_t g = 0; g < k; g++)
    any |= said[g] = zh_said_after(s, ends[g], z->r->n) > 0;
  if (!any || zh_break_at(z, p) == SIZE_MAX)
    return 0;
  for (size_t g = k; g-- > 0;) {
    size_t e = ends[g];
    if (!said[g] && !title)
      continue;
    if (zh_break_at(z, e) == SIZE_MAX && !said[g])
      continue; /* the name would end inside a word */
    if (!title && zh_word_inside(z, p + sl, e))
      continue; /* 高|关税表示: a word, not a given name */
    *end = e;
    return e - p;
  }
  return 0;
}

/* A name that follows no family-name pattern (耶倫, 植田和男) right after
 * a title: two to four characters to a reporting verb, or single
 * characters the dictionary knows no word of, to the next word or the
 * run's end. Returns its end, or 0. */
static size_t zh_foreign_at(struct zh_run *z, size_t p) {
  const char *s = z->r->s;
  uint32_t cp;
  utf8_decode(s + p, z->b - p, &cp);
  if (!zh_given_ok(cp) || !zh_title_before(s, z->a, p))
    return 0;
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

static void zh_people(struct zh_run *z) {
  const char *s = z->r->s;
  for (size_t p = z->a; p < z->b;) {
    uint32_t cp;
    size_t step = (size_t)utf8_decode(s + p, z->b - p, &cp);
    size_t sl = zh_surname(s + p, z->b - p), e = 0;
    if (!sl || !zh_person_at(z, p, sl, &e))
      e = zh_foreign_at(z, p);
    if (e && !zh_taken(z, p, e, false)) {
      char *name = xstrndup(s + p, e - p);
      er_mention(z->r, (uint32_t)p, (uint32_t)e,
                 er_dyn(z->r, name, ENTITY_PERSON));
      free(name);
      p = e;
      continue;
    }
    p += step;
  }
}

/* ---- C. organisations
 * ------------------------------------------------------------- */

static const char *const zh_org_suffixes[] = {
    "委员会", "委員會", "银行",   "銀行",   "公司",   "集团",   "集團",
    "大学",   "大學",   "协会",   "協會",   "商会",   "商會",   "基金会",
    "基金會", "研究院", "研究所", "交易所", "联合会", "聯合會", "法院",
    "工会",   "工會",   "议会",   "議會",   "总署",   "總署",   "海关",
    "海關",   "控股",   "部",     "局",     "署",     "处",     "處",
    "厅",     "廳",     NULL};

/* Common nouns that end in a suffix but name no body. */
static const char *const zh_org_generic[] = {
    "航空公司", "保险公司", "保險公司", "投资银行", "投資銀行",
    "中央银行", "中央銀行", "商业银行", "商業銀行", "证券公司",
    "證券公司", "有限公司", "股份公司", "上市公司", "跨国公司",
    "跨國公司", "科技公司", "母公司",   "子公司",   "分公司",
    "该公司",   "該公司",   "委员会",   "委員會",   NULL};

/* Words that end the name before an organisation: function words, verbs
 * and determiners. */
static const char *const zh_org_stops[] = {
    "一家", "这家", "這家", "该",   "該",   "多家", "大型", "主要", "其他",
    "不少", "部分", "有关", "有關", "相关", "相關", "当地", "當地", "本地",
    "以及", "目前", "今年", "去年", "已经", "已經", "没有", "沒有", "包括",
    "其中", "这些", "這些", "所有", "上述", "成立", "宣布", "通过", "通過",
    "来自", "來自", "透过", "透過", "收购", "收購", "加入", "根据", "根據",
    "表示", "认为", "認為", "指出", "各国", "各國", "多个", "多個", "一些",
    "许多", "許多", NULL};

/* Where the name of an organisation ending at piece j (exclusive end e)
 * starts, or SIZE_MAX: back over at most ZH_ORG_PIECES words to the run's
 * start, a function character or a stop word. */
static size_t zh_org_start(struct zh_run *z, size_t j) {
  const char *s = z->r->s;
  size_t start =
      z->br[j - 1] + z->a; /* 商务部: a word that holds its own prefix */
  for (size_t i = j - 1, pieces = 0; pieces <= ZH_ORG_PIECES; pieces++) {
    if (i == 0)
      return start;
    size_t p0 = z->br[i - 1] + z->a, p1 = z->br[i] + z->a;
    uint32_t cp;
    size_t l = (size_t)utf8_decode(s + p0, p1 - p0, &cp);
    bool joiner =
        l == p1 - p0 &&
        (memcmp(s + p0, "及", 3) == 0 ||
         ((memcmp(s + p0, "会", 3) == 0 || memcmp(s + p0, "會", 3) == 0) &&
          i > 1));
    if ((l == p1 - p0 && !zh_given_ok(cp) && !joiner) ||
        zh_word_at(s, p0, p0, p1, zh_org_stops, false) == p1 - p0 ||
        zh_said_after(s, p0, p1) == p1 - p0)
      return start;
    start = p0;
    i--;
  }
  return SIZE_MAX; /* no edge in sight: not a name we can bound */
}

/* Does the run hold the last character of some suffix (a cheap test
 * before the segmenter runs)? */
static bool zh_org_maybe(const struct zh_run *z) {
  static const uint32_t last[] = {0x4F1A, 0x6703, 0x884C, 0x53F8, 0x56E2,
                                  0x5718, 0x5B66, 0x5B78, 0x6240, 0x9662,
                                  0x5173, 0x95DC, 0x80A1, 0x90E8, 0x5C40,
                                  0x7F72, 0x5904, 0x8655, 0x5385, 0x5EF3};
  for (size_t p = z->a; p < z->b;) {
    uint32_t cp;
    p += (size_t)utf8_decode(z->r->s + p, z->b - p, &cp);
    for (size_t k = 0; k < DS_ARRAY_LEN(last); k++)
      if (cp == last[k])
        return true;
  }
  return false;
}

/* A body of the gazetteer named at a, followed by the suffix of two or
 * more characters that ends at e (比亞迪公司): its mention grows to e. */
static void zh_extend_org(struct zh_run *z, size_t a, size_t e, size_t sufl) {
  struct ent_run *r = z->r;
  for (size_t m = z->first_m; m < r->nm; m++) {
    struct mention *mm = &r->m[m];
    if (mm->start == a && mm->end < e && e - mm->end == sufl && sufl >= 6 &&
        mm->ref < r->g->nents && r->g->ents[mm->ref].kind == ENTITY_ORG) {
      for (size_t k = z->first_m; k < r->nm; k++)
        if (k != m && r->m[k].start < e && mm->end <= r->m[k].start)
          return; /* something else is named in between */
      mm->end = (uint32_t)e;
      return;
    }
  }
}

static void zh_orgs(struct zh_run *z) {
  const char *s = z->r->s;
  zh_breaks(z);
  for (size_t j = 1; j < z->nb; j++) {
    size_t e = z->br[j] + z->a;
    size_t sufl = zh_word_at(s, z->a, e, z->b, zh_org_suffixes, true);
    if (!sufl)
      continue;
    size_t a = zh_org_start(z, j), w0 = z->br[j - 1] + z->a;
    if (a == SIZE_MAX || e - a <= sufl || e - a > ZH_ORG_CHARS * 3)
      continue;
    if (sufl == 3 && (e - a < 9 || (w0 == e - sufl &&
                                    (j < 2 || w0 - z->br[j - 2] - z->a < 6))))
      continue; /* 部, 局, 署 after one character: 內部, 开|局, 客厅 */
    if (zh_word_at(s, a, a, e, zh_org_generic, false) == e - a)
      continue;
    if (zh_taken(z, a, e, true)) {
      if (e - sufl >= a)
        zh_extend_org(z, a, e, sufl);
      continue;
    }
    char *name = xstrndup(s + a, e - a);
    er_mention(z->r, (uint32_t)a, (uint32_t)e, er_dyn(z->r, name, ENTITY_ORG));
    free(name);
  }
}

/* ---- the passes
 * --------------------------------------------------------------------- */

void zh_pass_run(struct ent_run *r, size_t i) {
  struct zh_run z = {r, r->t.v[i].start, r->t.v[i].end, r->nm, NULL, 0, false};
  zh_gazetteer(&z);
  zh_people(&z);
  if (z.b - z.a >= 9 && zh_org_maybe(&z))
    zh_orgs(&z);
}

/* Is d a person found in Chinese (a name with no space, not Latin)? */
static bool zh_person(const struct dyn *d) {
  return d->kind == ENTITY_PERSON && (unsigned char)d->name[0] >= 0xE3 &&
         !strchr(d->name, ' ');
}

void zh_pass_later(struct ent_run *r) {
  size_t nm0 = r->nm;
  for (size_t d = 0; d < r->nd; d++) {
    if (!zh_person(&r->d[d]))
      continue;
    const char *name = r->d[d].name;
    size_t nl = strlen(name);
    uint32_t ref = (uint32_t)(d + r->g->nents);
    for (size_t i = 0; i < r->t.n; i++) {
      const struct tok *t = &r->t.v[i];
      if (!(t->flags & TK_CJK) || t->end - t->start < nl)
        continue;
      for (size_t a = t->start; a + nl <= t->end; a++) {
        if (r->s[a] != name[0] || r->s[a + 1] != name[1] ||
            r->s[a + 2] != name[2] || memcmp(r->s + a, name, nl) != 0)
          continue;
        size_t b = a + nl;
        bool taken = false;
        for (size_t m = 0; m < nm0 && !taken; m++)
          taken = r->m[m].start < b && a < r->m[m].end;
        if (!taken)
          er_mention(r, (uint32_t)a, (uint32_t)b, ref);
        a = b - 1;
      }
    }
  }
}
