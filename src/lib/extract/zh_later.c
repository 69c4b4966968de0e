/*
 * extract/zh_later.c — what the Chinese entity pass (zh_entities.c) does
 * once a run's names are found and once the article's are: places inside
 * a body's name dropped and gazetteer bodies grown over the place before
 * them (each run); abbreviations linked to the body they abbreviate and
 * every later mention of a person found (the article). And the word
 * lists of zh_entities.c's organisation pattern.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"
#include "dossier/zh.h"
#include "lib.h"
#include "people.h"
#include "zh_shapes.h"

/* ---- the organisation pattern's word lists (zh_entities.c)
 * ------------------------------------------------------------------ */

/* Common nouns that end in a suffix but name no body; a name before one
 * is a single word (國泰|航空公司), more words describe (本港金融科技公司). */
static const char *const zh_org_generic[] = {
   "航空公司", "保險公司", "投資銀行", "商業銀行", "證券公司", "有限公司", "股份公司", "上市公司", "跨國公司",
   "科技公司", "母公司", "子公司", "分公司", "該公司",
   /* syndicates and teams of a kind, not bodies with a name */
   "犯罪集團", "詐騙集團", "販毒集團", "洗黑錢集團", "走私集團", "救援隊", "搜救隊", "消防隊", "醫療隊",
   "工作隊", "突擊隊", "特遣隊", "部隊", "軍隊", "球隊", "車隊", "機隊", "艦隊", "團隊", "梯隊",
   "國家隊", "代表隊", "主隊", "客隊", "對手隊",
   /* centres and headquarters of a kind, places more than bodies */
   "市中心", "研發中心", "數據中心", "購物中心", "物流中心", "營運中心", "庇護中心", "社區中心",
   "展覽中心", "會展中心", "文化中心", "體育中心", "檢測中心", "配送中心", "總部", "公司總部",
   "集團總部", "全球總部", "地區總部", "亞太總部", "醫院", "公立醫院", "私家醫院", "私立醫院",
   "學院", "服務中心", "颱風中心", "風暴中心", "董事局", "董事會",
   /* an event's organisers, not a body with a name */
   "組委會", "籌委會",
   /* a film's producer, a body of a kind (出品公司寰亞電影) */
   "出品公司", "製片公司", "發行公司", NULL,
};
struct zh_list zh_org_generic_l = ZH_LIST(zh_org_generic);

/* Words that end the name before an organisation: function words, verbs
 * and determiners. */
static const char *const zh_org_stops[] = {
   "一家", "這家", "該", "多家", "大型", "主要", "其他", "不少", "部分", "有關", "相關", "當地", "本地",
   "本港", "以及", "目前", "今年", "去年", "已經", "沒有", "包括", "其中", "這些", "所有", "上述", "成立",
   "宣布", "通過", "來自", "透過", "收購", "加入", "根據", "表示", "認為", "指出", "各國", "多個", "一些",
   "許多", "提高", "進一步", "各級", "據", "針對", "對於", "關於", "按照", "依照", "依據", "聯同",
   "夥同", "起訴", "控告", "入稟", "反對", "支持", "批評", "要求", "呼籲", "邀請", "委託", "獲得",
   "獲", "授權", "兼", "的", "新的", "創", "創下", "打破", "刷新", "破獲", "搗破", "拘捕", "逮捕",
   "擊敗", "戰勝", "對陣", "險勝", "大勝", "力克", "不敵", "迎戰", "淘汰", "擊退", "勝", "負", "贏", "輸", "一間", "一個", "一所", "一座", "任教於", "任職於", "就讀於",
   "畢業於", "位於", "占", "佔", "由", "案件", "頒給", "頒予", "授予", "創辦", "創立", "至", "提交", "轉介",
   "將在", "正在", "曾在", "審查", "審議", "宣判", "判決", "移送", "移交", "送交", "交由", "前往",
   "進駐", "返回",
   /* 經省人民政府研究決定, 公布中學文憑試, 提醒考生留意大學聯招, 環保團體地球公民基金會 */
   "經", "公布", "提醒", "留意", "團體", "環保團體", NULL,
};
struct zh_list zh_org_stops_l = ZH_LIST(zh_org_stops);

/* Words before a noun that make it a description, not a name (一間地產
 *代理公司, 該處, 全部, 多處): a body whose name starts right after one,
 * or with one, is no named body. */
static const char *const zh_org_indefinite[] = {
   "一間", "一家", "一個", "一所", "一座", "多間", "多家", "多處", "各處", "這家", "該", "此", "全部",
   "臨時", "某", NULL,
};
struct zh_list zh_org_indefinite_l = ZH_LIST(zh_org_indefinite);

/* ---- after each run, after the article
 * ------------------------------------------------------------------ */

/* Is ref an organisation, of the gazetteer or found in the text? */
bool zh_is_org(const struct ent_run *r, uint32_t ref) {
  return ref < r->g->nents ? r->g->ents[ref].kind == ENTITY_ORG
                           : r->d[ref - r->g->nents].kind == ENTITY_ORG;
}

/* Is ref a country or place, of the gazetteer or found by its shape
 * (南京市, 彌敦道)? */
bool zh_place_ref(const struct ent_run *r, uint32_t ref) {
  if (ref >= r->g->nents)
    return r->d[ref - r->g->nents].kind == ENTITY_PLACE;
  return r->g->ents[ref].kind == ENTITY_COUNTRY || r->g->ents[ref].kind == ENTITY_PLACE;
}

/* Drop the country and place mentions of this run that lie inside a
 * body's or a team's name (美國 of 美國聯邦儲備委員會, 九龍城 of
 * 九龍城裁判法院, 中國 of 中國女排): the name is the body's, and the
 * article is not about the place for naming it. */
void zh_drop_places_in_orgs(struct ent_run *r, size_t first_m) {
  size_t w = first_m;
  for (size_t i = first_m; i < r->nm; i++) {
    const struct mention *m = &r->m[i];
    bool inside = false;
    if (zh_place_ref(r, m->ref))
      for (size_t k = first_m; k < r->nm && !inside; k++)
        inside = k != i && zh_is_org(r, r->m[k].ref) && r->m[k].start <= m->start &&
                 m->end <= r->m[k].end && r->m[k].end - r->m[k].start > m->end - m->start;
    if (!inside)
      r->m[w++] = *m;
  }
  r->nm = w;
}

bool zh_person_over_places(struct ent_run *r, size_t first_m, size_t p, size_t e) {
  for (size_t i = 0; i < r->nm; i++) {
    const struct mention *m = &r->m[i];
    if (m->start < e && p < m->end &&
        !(zh_place_ref(r, m->ref) && m->start >= p && m->end <= e &&
          m->end - m->start < e - p))
      return false;
  }
  size_t w = first_m;
  for (size_t i = first_m; i < r->nm; i++)
    if (!(r->m[i].start < e && p < r->m[i].end))
      r->m[w++] = r->m[i];
  r->nm = w;
  return true;
}

/* A body of the gazetteer written right after a place (澳門|立法會,
 * 美國|聯儲局): its mention starts at the place, as the name is written;
 * the entity stays the gazetteer's. */
void zh_grow_gazetteer_orgs(struct ent_run *r, size_t first_m) {
  for (size_t m = first_m; m < r->nm; m++) {
    struct mention *mm = &r->m[m];
    if (mm->ref >= r->g->nents || r->g->ents[mm->ref].kind != ENTITY_ORG)
      continue;
    for (size_t k = first_m; k < r->nm; k++)
      if (k != m && r->m[k].end == mm->start && zh_place_ref(r, r->m[k].ref)) {
        mm->start = r->m[k].start;
        break;
      }
  }
}

/* Is d a person found in Chinese (a name with no space, not Latin)? */
static bool zh_person(const struct dyn *d) {
  return d->kind == ENTITY_PERSON && (unsigned char)d->name[0] >= 0xE3 &&
         !strchr(d->name, ' ');
}

/* Does the name a[0..na) abbreviate t[0..nt): the same last character,
 * its characters in order in t, the first among t's first four (機管局 of
 * 香港機場管理局, 財委會 of 立法會財務委員會)? Both are Han, 3 bytes a
 * character. */
static bool zh_abbreviates(const char *a, size_t na, const char *t,
                           size_t nt) {
  if (na < 9 || na > 15 || nt <= na ||
      memcmp(a + na - 3, t + nt - 3, 3) != 0)
    return false;
  size_t i = 0, j = 0;
  for (; i < na && j < nt; j += 3)
    if (memcmp(a + i, t + j, 3) == 0) {
      if (i == 0 && j > 9)
        return false;
      i += 3;
    }
  return i == na;
}

/* Is m a mention of an organisation in Han characters only? */
static bool zh_han_org(const struct ent_run *r, const struct mention *m) {
  if (!zh_is_org(r, m->ref) || (m->end - m->start) % 3)
    return false;
  for (size_t p = m->start; p < m->end; p += 3) {
    uint32_t cp;
    if (utf8_decode(r->s + p, 3, &cp) != 3 || !utf8_is_cjk(cp))
      return false;
  }
  return true;
}

/* An organisation found in the text whose name abbreviates another one
 * named in the same article becomes that one (機管局 is 香港機場管理局). */
static void zh_link_abbreviations(struct ent_run *r) {
  for (size_t i = 0; i < r->nm; i++) {
    struct mention *a = &r->m[i];
    if (a->ref < r->g->nents || !zh_han_org(r, a))
      continue;
    for (size_t k = 0; k < r->nm; k++) {
      const struct mention *f = &r->m[k];
      if (f->ref == a->ref || !zh_han_org(r, f) ||
          !zh_abbreviates(r->s + a->start, a->end - a->start, r->s + f->start,
                          f->end - f->start))
        continue;
      uint32_t from = a->ref;
      for (size_t m = 0; m < r->nm; m++)
        if (r->m[m].ref == from)
          r->m[m].ref = f->ref;
      break;
    }
  }
}

/* A later mention of person k (of the persons found in Chinese) at a. */
struct zh_hit {
  uint32_t k, a;
};

static int zh_hit_cmp(const void *x, const void *y) {
  const struct zh_hit *p = x, *q = y;
  if (p->k != q->k)
    return p->k < q->k ? -1 : 1;
  return (p->a > q->a) - (p->a < q->a);
}

/* The persons found in Chinese (their dyn indices in *out, a bitmap of
 * their first characters in map; *other when one starts outside the
 * direct table); returns how many. */
static size_t zh_later_persons(const struct ent_run *r, uint32_t **out,
                               uint8_t *map, bool *other) {
  size_t np = 0;
  *other = false;
  for (size_t d = 0; d < r->nd; d++) {
    uint32_t cp;
    if (!zh_person(&r->d[d]))
      continue;
    *out = xrealloc(*out, (np + 1) * sizeof **out);
    (*out)[np++] = (uint32_t)d;
    if (utf8_decode(r->d[d].name, strlen(r->d[d].name), &cp) != 3 ||
        cp < ZH_FOLD_LO || cp >= ZH_FOLD_LO + ZH_FOLD_N)
      *other = true;
    else
      map[(cp - ZH_FOLD_LO) >> 3] |= (uint8_t)(1u << ((cp - ZH_FOLD_LO) & 7));
  }
  return np;
}

/* May a person's name start with the character at a (of l bytes)? */
static bool zh_later_may(const char *s, size_t a, int l, const uint8_t *map,
                         bool other) {
  uint32_t cp;
  if (other)
    return true;
  if (l != 3 || utf8_decode(s + a, 3, &cp) != 3 || cp < ZH_FOLD_LO ||
      cp >= ZH_FOLD_LO + ZH_FOLD_N)
    return false;
  return map[(cp - ZH_FOLD_LO) >> 3] & (1u << ((cp - ZH_FOLD_LO) & 7));
}

/* Does [a, b) overlap one of the first nm0 mentions? */
static bool zh_later_taken(const struct ent_run *r, size_t nm0, size_t a,
                           size_t b) {
  for (size_t m = 0; m < nm0; m++)
    if (r->m[m].start < b && a < r->m[m].end)
      return true;
  return false;
}

/* Every later mention of a person found in Chinese: one walk over the
 * CJK text, a bit test per character, the names compared only where one
 * may start; mentions are added person by person in text order, not over
 * a mention made before this pass. */
/* An English name in brackets right after a Chinese person's name
 * (劉德華（Andy Lau）) is that person: its mention is given the Chinese
 * name's entity, so one person is named once. */
static void zh_link_latin_names(struct ent_run *r) {
  for (size_t i = 0; i < r->nm; i++) {
    struct mention *m = &r->m[i];
    size_t b = m->start;
    unsigned char c = (unsigned char)r->s[b];
    if (!(m->ref >= r->g->nents && r->d[m->ref - r->g->nents].kind == ENTITY_PERSON) ||
        !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
      continue;
    size_t open = b >= 3 && memcmp(r->s + b - 3, "（", 3) == 0 ? 3
                  : b >= 1 && r->s[b - 1] == '('             ? 1
                                                             : 0;
    for (size_t k = 0; open && k < r->nm; k++) {
      const struct mention *x = &r->m[k];
      if (x->end == b - open && x->ref != m->ref && x->ref >= r->g->nents &&
          zh_person(&r->d[x->ref - r->g->nents]) && (unsigned char)r->s[x->start] >= 0x80) {
        m->ref = x->ref;
        break;
      }
    }
  }
}

void zh_pass_later(struct ent_run *r) {
  zh_mend_people(r);
  zh_famous_as_written(r); /* after: two famous names side by side stay two */
  zh_pass_bodies(r);
  zh_pass_lists(r); /* names in lists first: their later mentions too */
  zh_pass_org_lists(r);
  zh_pass_townships(r);
  zh_pass_committees(r);
  uint8_t map[ZH_FOLD_N / 8];
  memset(map, 0, sizeof map);
  uint32_t *ps = NULL;
  bool other;
  size_t np = zh_later_persons(r, &ps, map, &other), nm0 = r->nm, nh = 0;
  struct zh_hit *hits = NULL;
  size_t *next = np ? xcalloc(np, sizeof *next) : NULL;
  for (size_t i = 0; np && i < r->t.n; i++) {
    const struct tok *t = &r->t.v[i];
    if (!(t->flags & TK_CJK))
      continue;
    for (size_t a = t->start; a < t->end;) {
      uint32_t cp;
      int l = utf8_decode(r->s + a, t->end - a, &cp);
      size_t step = l > 0 ? (size_t)l : 1;
      if (!zh_later_may(r->s, a, l, map, other)) {
        a += step;
        continue;
      }
      for (size_t k = 0; k < np; k++) {
        const char *name = r->d[ps[k]].name;
        size_t nl = strlen(name), b = a + nl;
        if (a < next[k] || b > t->end || memcmp(r->s + a, name, nl) != 0)
          continue;
        next[k] = b;
        if (!zh_later_taken(r, nm0, a, b)) {
          hits = xrealloc(hits, (nh + 1) * sizeof *hits);
          hits[nh++] = (struct zh_hit){(uint32_t)k, (uint32_t)a};
        }
      }
      a += step;
    }
  }
  if (nh > 1)
    qsort(hits, nh, sizeof *hits, zh_hit_cmp);
  for (size_t h = 0; h < nh; h++) {
    uint32_t ref = ps[hits[h].k] + (uint32_t)r->g->nents;
    er_mention(r, hits[h].a, hits[h].a + (uint32_t)strlen(r->d[ps[hits[h].k]].name), ref);
  }
  free(hits);
  free(next);
  free(ps);
  zh_link_abbreviations(r);
  zh_link_latin_names(r);
  zh_link_dotted_parts(r);
}
