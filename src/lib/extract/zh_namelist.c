/*
 * extract/zh_namelist.c — Chinese names in lists. A line-up, a results
 * list or a list of defendants names people with no title or reporting
 * verb next to each (王楚欽、梁靖崑、林詩棟、向鵬全部晉級; 被告黃家豪、
 * 林子軒及蔡文傑). A list is CJK runs joined by 、, where a work's title
 * in 《》 or a bracket may follow an item (楊志軍《雪山大地》、喬葉《寶水》)
 * and 及, 和 or 與 may join the last two. Its items are names when the list
 * shows it is one of people: two items are names of three characters that
 * the word segmenter keeps whole or in single characters (no word inside,
 * none across their ends), or one with all items so shaped, or an item is
 * a person found before. Then every item shaped as a name (a family name
 * and one or two given characters, the whole item) is a person. Lists of
 * things (黃金、白銀、原油) have no such items; places and bodies the
 * earlier passes found are never names.
 * Bodies in lists too: a word joined by 、, 和, 與 or 及 to a body found
 * before is a body (小米和榮耀, 港大、科大和理大), when the segmenter keeps
 * it as one word of two to four characters that is no function word.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"
#include "dossier/zh.h"
#include "lib.h"
#include "zh_shapes.h"

#define ZL_MAX 24 /* items of one list looked at, at most */

struct zl_item {
  size_t a, e;
  bool shape, strong, known;
};

struct zl_list {
  struct zl_item v[ZL_MAX];
  size_t n;
};

static bool zl_at(const char *s, size_t p, size_t hi, const char *w) {
  size_t l = strlen(w);
  return p + l <= hi && memcmp(s + p, w, l) == 0;
}

/* The byte after the separator that follows an item ending at q: 、, or a
 * bracket (《...》, （...）) and then 、; 0 when there is none. */
static size_t zl_sep_end(const char *s, size_t n, size_t q) {
  static const char *const open[] = {"《", "（"}, *const close[] = {"》", "）"};
  for (int k = 0; k < 2; k++) {
    if (!zl_at(s, q, n, open[k]))
      continue;
    size_t c = q + 3;
    while (c < n && c < q + 96 && !zl_at(s, c, n, close[k]))
      c++;
    if (c >= n || c >= q + 96)
      return 0;
    q = c + 3;
    break;
  }
  return zl_at(s, q, n, "、") ? q + 3 : 0;
}

/* Is s[a, e) a family name and one or two characters that may be a given
 * name, the whole span? */
static bool zl_shaped(const char *s, size_t a, size_t e) {
  size_t sl = zh_surname(s + a, e - a);
  if (!sl || e - a - sl < 3 || e - a - sl > 6)
    return false;
  for (size_t q = a + sl; q < e; q += 3) {
    uint32_t cp;
    if (utf8_decode(s + q, e - q, &cp) != 3 || !zh_given_ok(cp))
      return false;
  }
  return !zh_not_a_name(s, a, e);
}

/* The mention over [a, e), if any: *known when it is a person of exactly
 * that span; false when something else is there. */
static bool zl_free(const struct ent_run *r, size_t a, size_t e, bool *known) {
  *known = false;
  for (size_t m = 0; m < r->nm; m++) {
    const struct mention *mm = &r->m[m];
    if (mm->start >= e || a >= mm->end)
      continue;
    uint32_t ref = mm->ref;
    if (mm->start == a && mm->end == e && ref >= r->g->nents &&
        r->d[ref - r->g->nents].kind == ENTITY_PERSON) {
      *known = true;
      continue;
    }
    return false;
  }
  return true;
}

/* Is there a boundary at byte x of the run [t0, t1) cut at br[0..nb)? */
static bool zl_break(const uint32_t *br, size_t nb, size_t t0, size_t x) {
  for (size_t i = 0; i < nb; i++)
    if (br[i] + t0 == x)
      return true;
  return false;
}

/* Three characters or more, no boundary missing at either end, and inside
 * no word of two characters or more unless the whole is one word. */
static bool zl_strong(const uint32_t *br, size_t nb, size_t t0, size_t a, size_t e) {
  if (e - a < 9 || !zl_break(br, nb, t0, a) || !zl_break(br, nb, t0, e))
    return false;
  size_t inside = 0;
  for (size_t i = 0; i < nb; i++)
    inside += br[i] + t0 > a && br[i] + t0 < e;
  return inside == 0 || inside == (e - a) / 3 - 1;
}

/* Words after which a list of names starts inside a run (由江旻憓、...). */
static const char *const zl_leads[] = {"由", "包括", "分別為", "分別是", "為", "是", NULL};
static struct zh_list zl_leads_l = ZH_LIST(zl_leads);
/* Words that join the last item (朱嘉穎及陳凱琳) or end a list (黃子鵬等). */
static const char *const zl_joins[] = {"以及", "及", "和", "與", "等", NULL};
static struct zh_list zl_joins_l = ZH_LIST(zl_joins);

static void zl_add(struct zl_list *l, const struct ent_run *r, const uint32_t *br, size_t nb,
                   size_t t0, size_t a, size_t e) {
  if (l->n == ZL_MAX)
    return;
  struct zl_item *it = &l->v[l->n++];
  *it = (struct zl_item){a, e, false, false, false};
  it->shape = zl_shaped(r->s, a, e) && zl_free(r, a, e, &it->known);
  it->strong = it->shape && zl_strong(br, nb, t0, a, e);
}

/* The name that ends the first run [t0, t1) of a list: three characters
 * or two, after the run's start, a title, a word that leads a list, or a
 * word of two characters or more. */
static void zl_first(struct zl_list *l, const struct ent_run *r, size_t t0, size_t t1) {
  const uint32_t *br;
  size_t nb = seg_breaks(r->seg, r->s + t0, t1 - t0, &br);
  for (size_t len = 9; len >= 6; len -= 3) {
    if (t1 - t0 < len)
      continue;
    size_t a = t1 - len;
    bool lead = a == t0 || zh_title_before(r->s, t0, a) ||
                (a >= t0 + 3 && zh_join_at(r->s + a - 3)) || /* 李洋和|王齊麟、 */
                zh_forms_before(zh_forms(&zl_leads_l), r->s, t0, a, NULL);
    if (!lead && zl_break(br, nb, t0, a)) { /* the word before: two characters or more */
      size_t w = 0;
      for (size_t i = 0; i < nb; i++)
        if (br[i] + t0 < a)
          w = br[i] + t0;
      lead = a - w >= 6;
    }
    if (lead && zl_shaped(r->s, a, t1)) {
      zl_add(l, r, br, nb, t0, a, t1);
      return;
    }
  }
  zl_add(l, r, br, nb, t0, t0, t0); /* no name: an item all the same */
}

/* The names at the start of a later run: the whole run when it is no
 * longer than a name, else a name the segmenter or a joining word ends,
 * and one more after 及, 和 or 與 in the last run. */
static void zl_rest(struct zl_list *l, const struct ent_run *r, size_t t0, size_t t1,
                    bool last) {
  const uint32_t *br;
  size_t nb = seg_breaks(r->seg, r->s + t0, t1 - t0, &br);
  for (size_t a = t0, round = 0; round < 2 && a < t1; round++) {
    size_t e = 0;
    for (size_t len = 9; len >= 6 && !e; len -= 3) {
      size_t x = a + len;
      if (x > t1 || !zl_shaped(r->s, a, x))
        continue;
      if (x == t1 || (last && (zl_break(br, nb, t0, x) ||
                               zh_forms_at(zh_forms(&zl_joins_l), r->s, x, t1, NULL))))
        e = x;
    }
    if (!e) {
      if (round == 0)
        zl_add(l, r, br, nb, t0, t0, t0);
      return;
    }
    zl_add(l, r, br, nb, t0, a, e);
    size_t j = zh_forms_at(zh_forms(&zl_joins_l), r->s, e, t1, NULL);
    if (!last || !j || zl_at(r->s, e, t1, "等"))
      return;
    a = e + j;
  }
}

/* Does a word that says its items are people end the list at e (潘建偉、
 * 陸朝陽團隊, 王齊麟、林郁婷等選手, 張三、李四兩人)? */
static bool zl_role_after(const struct ent_run *r, size_t e) {
  static const char *const roles[] = {"團隊", "課題組", "兩人", "二人", "三人", "等人", NULL};
  static struct zh_list roles_l = ZH_LIST(roles);
  size_t n = r->n, q = e + (zl_at(r->s, e, n, "等") ? 3 : 0);
  if (zh_forms_at(zh_forms(&roles_l), r->s, e, n, NULL))
    return true;
  if (q == e)
    return false;
  for (size_t l = 6; l <= 12 && q + l <= n; l += 3)
    if (zh_title_before(r->s, q, q + l) == l)
      return true; /* 等選手, 等球員 is no title: 等 and a title */
  return false;
}

/* Is the list one of people? */
static bool zl_people(const struct ent_run *r, const struct zl_list *l) {
  size_t strong = 0, shape = 0, known = 0;
  for (size_t i = 0; i < l->n; i++) {
    strong += l->v[i].strong;
    shape += l->v[i].shape;
    known += l->v[i].known;
  }
  return strong >= 2 || (known && shape >= 2) || (strong && shape >= 3 && shape == l->n) ||
         (shape >= 2 && shape == l->n && zl_role_after(r, l->v[l->n - 1].e));
}

/* The index of the CJK run that follows run i across a list's separator,
 * or 0. */
static size_t zl_next(const struct ent_run *r, size_t i) {
  size_t q = zl_sep_end(r->s, r->n, r->t.v[i].end);
  if (!q)
    return 0;
  for (size_t j = i + 1; j < r->t.n && r->t.v[j].start <= q; j++)
    if (r->t.v[j].start == q && (r->t.v[j].flags & TK_CJK))
      return j;
  return 0;
}

/* May the runs tok[0..n) of a list hold two names: two of them shaped as
 * one at the place a name would be (the first run's end, a later run's
 * start)? Asks no segmenter: most lists are of things. */
static bool zl_maybe(const struct ent_run *r, const size_t *tok, size_t n) {
  size_t shaped = 0;
  for (size_t k = 0; k < n && shaped < 2; k++) {
    const struct tok *t = &r->t.v[tok[k]];
    for (size_t len = 6; len <= 9; len += 3) {
      if (t->end - t->start < len)
        break;
      size_t a = k == 0 ? t->end - len : t->start;
      if (zl_shaped(r->s, a, a + len)) {
        shaped++;
        break;
      }
    }
  }
  return shaped >= 2;
}

/* The name of two or three characters that ends at j (left) or starts at
 * j (right) in the run [t0, t1) cut at br: the longest shaped as a name
 * with a boundary at its far end, free or a person found; *it set. */
static bool zl_pair_item(const struct ent_run *r, const uint32_t *br, size_t nb, size_t t0,
                         size_t t1, size_t j, bool left, struct zl_item *it) {
  for (size_t len = 9; len >= 6; len -= 3) {
    size_t a = left ? j - len : j, e = left ? j : j + len;
    if ((left && j < t0 + len) || (!left && e > t1) || !zl_shaped(r->s, a, e))
      continue;
    if (!zl_break(br, nb, t0, left ? a : e) && !(left ? a == t0 : e == t1))
      continue;
    *it = (struct zl_item){a, e, true, false, false};
    if (!zl_free(r, a, e, &it->known))
      return false;
    it->strong = zl_strong(br, nb, t0, a, e);
    return true;
  }
  return false;
}

static bool zo_item_ends(const struct ent_run *r, size_t e, size_t t1);
static size_t zo_run_of(const struct ent_run *r, size_t x);

/* Two names joined by 和, 與 or 及 inside one run (陳美玲及梁子健,
 * 林家棟和劉青雲): the new one is a person when the other was found before
 * and it is shaped as a name on a word's boundary, of three characters or
 * with the list ending after it (an adverb, a verb of speech). Asked only
 * at the edges of the persons found, so no text is scanned. */
static void zl_pair_at(struct ent_run *r, size_t t0, size_t t1, size_t j, size_t jl) {
  if (!(zl_shaped(r->s, j - 6, j) || (j >= t0 + 9 && zl_shaped(r->s, j - 9, j))) ||
      !(zl_shaped(r->s, j + jl, j + jl + 6) ||
        (j + jl + 9 <= t1 && zl_shaped(r->s, j + jl, j + jl + 9))))
    return;
  const uint32_t *br;
  size_t nb = seg_breaks(r->seg, r->s + t0, t1 - t0, &br);
  struct zl_item L, R;
  if (!zl_pair_item(r, br, nb, t0, t1, j, true, &L) ||
      !zl_pair_item(r, br, nb, t0, t1, j + jl, false, &R) || !zl_break(br, nb, t0, j) ||
      L.known == R.known)
    return;
  const struct zl_item *it = L.known ? &R : &L;
  if (it->e - it->a != 9 && !zo_item_ends(r, R.e, t1))
    return; /* a new name of two characters: the list must end after it */
  char *name = xstrndup(r->s + it->a, it->e - it->a);
  er_mention(r, (uint32_t)it->a, (uint32_t)it->e, er_dyn(r, name, ENTITY_PERSON));
  free(name);
}

/* Pairs at the edges of every person found in Chinese (their mentions as
 * they stand: a name added here is not asked again). */
static void zl_pairs(struct ent_run *r) {
  static const char *const joins[] = {"和", "與", "及", NULL};
  static struct zh_list joins_l = ZH_LIST(joins);
  for (size_t m = 0, nm = r->nm; m < nm && m < r->nm; m++) {
    uint32_t ref = r->m[m].ref;
    size_t a = r->m[m].start, e = r->m[m].end, i = zo_run_of(r, a), jl;
    if (ref < r->g->nents || r->d[ref - r->g->nents].kind != ENTITY_PERSON ||
        i == SIZE_MAX || !(r->t.v[i].flags & TK_CJK))
      continue;
    size_t t0 = r->t.v[i].start, t1 = r->t.v[i].end;
    if (e + 9 <= t1 && (jl = zh_forms_at(zh_forms(&joins_l), r->s, e, t1, NULL)) != 0)
      zl_pair_at(r, t0, t1, e, jl);
    if (a >= t0 + 9 && (jl = zh_forms_before(zh_forms(&joins_l), r->s, t0, a, NULL)) != 0)
      zl_pair_at(r, t0, t1, a - jl, jl);
  }
}

bool zh_pair_three(struct ent_run *r, size_t t0, size_t t1, size_t j) {
  bool k0, k1;
  if (!r->seg || j < t0 + 9 || j + 12 > t1 || !zl_shaped(r->s, j - 9, j) ||
      !zl_shaped(r->s, j + 3, j + 12) || !zl_free(r, j - 9, j, &k0) ||
      !zl_free(r, j + 3, j + 12, &k1) || k0 || k1)
    return false;
  const uint32_t *br;
  size_t nb = seg_breaks(r->seg, r->s + t0, t1 - t0, &br);
  if (!zl_strong(br, nb, t0, j - 9, j) || !zl_strong(br, nb, t0, j + 3, j + 12))
    return true;
  for (size_t a = j - 9; a <= j + 3; a += 12) {
    char *name = xstrndup(r->s + a, 9);
    er_mention(r, (uint32_t)a, (uint32_t)a + 9, er_dyn(r, name, ENTITY_PERSON));
    free(name);
  }
  return true;
}

void zh_pass_lists(struct ent_run *r) {
  if (!r->seg)
    return;
  zl_pairs(r);
  for (size_t i = 0; i < r->t.n; i++) {
    size_t tok[ZL_MAX], n = 1;
    if (!(r->t.v[i].flags & TK_CJK) || !(tok[1] = zl_next(r, i)))
      continue;
    tok[0] = i;
    for (n = 2; n < ZL_MAX && (tok[n] = zl_next(r, tok[n - 1])) != 0; n++)
      ;
    i = tok[n - 1];
    if (!zl_maybe(r, tok, n))
      continue;
    struct zl_list l = {.n = 0};
    zl_first(&l, r, r->t.v[tok[0]].start, r->t.v[tok[0]].end);
    for (size_t k = 1; k < n; k++)
      zl_rest(&l, r, r->t.v[tok[k]].start, r->t.v[tok[k]].end, k + 1 == n);
    if (!zl_people(r, &l))
      continue;
    for (size_t k = 0; k < l.n; k++) {
      const struct zl_item *it = &l.v[k];
      if (!it->shape || it->known)
        continue;
      char *name = xstrndup(r->s + it->a, it->e - it->a);
      er_mention(r, (uint32_t)it->a, (uint32_t)it->e, er_dyn(r, name, ENTITY_PERSON));
      free(name);
    }
  }
}

/* ---- bodies in lists
 * ------------------------------------------------------------------ */

/* Is there a body's mention over exactly [a, e)? Is [a, e) free of any? */
static bool zo_body(const struct ent_run *r, size_t a, size_t e) {
  for (size_t m = 0; m < r->nm; m++)
    if (r->m[m].start == a && r->m[m].end == e && zh_is_org(r, r->m[m].ref))
      return true;
  return false;
}

/* Does a body's mention end at x or start at y? */
static bool zo_body_at(const struct ent_run *r, size_t x, size_t y) {
  for (size_t m = 0; m < r->nm; m++)
    if ((r->m[m].end == x || r->m[m].start == y) && zh_is_org(r, r->m[m].ref))
      return true;
  return false;
}

/* May the word [a, e) be a body beside one: two to four characters, all
 * Han, no mention over it, no function word? */
static bool zo_item(const struct ent_run *r, size_t a, size_t e) {
  if (e - a < 6 || e - a > 12 || zh_is_stopword(r->s + a, e - a))
    return false;
  for (size_t q = a; q < e; q += 3) {
    uint32_t cp;
    if (utf8_decode(r->s + q, e - q, &cp) != 3 || !zh_given_ok(cp))
      return false;
  }
  bool known;
  return zl_free(r, a, e, &known) && !known;
}

/* Does a list's item that ends at e end the list: an adverb, a verb of
 * speech, a join or 等 after it (小米和榮耀也將, 科大和理大亦將)? Not the
 * run's end nor 的: 增長和發展的, 市場和政策 are lists of words. */
static bool zo_item_ends(const struct ent_run *r, size_t e, size_t t1) {
  static const char *const ends[] = {"和", "與", "及", "等", NULL};
  static struct zh_list ends_l = ZH_LIST(ends);
  return zh_adverb_at(r->s, e, t1) || zh_said_after(r->s, e, t1) ||
         zh_forms_at(zh_forms(&ends_l), r->s, e, t1, NULL);
}

/* Two words [a0, e0) and [a1, e1) joined in a list whose first run
 * starts at t0 and last ends at t1: the one beside a body is made a body
 * when it is the list's edge (it starts the run, or it ends the list). */
static void zo_pair(struct ent_run *r, size_t t0, size_t a0, size_t e0, size_t a1, size_t e1,
                    size_t t1) {
  size_t a = 0, e = 0;
  if (e0 - a0 != e1 - a1 && (e0 - a0 > 9 || e1 - a1 > 9))
    return; /* short forms go with short forms (港大、科大), names with names */
  if (zo_body(r, a0, e0) && zo_item(r, a1, e1) && zo_item_ends(r, e1, t1))
    a = a1, e = e1;
  else if (zo_body(r, a1, e1) && a0 == t0 && zo_item_ends(r, e1, t1) && zo_item(r, a0, e0))
    a = a0, e = e0;
  if (!e)
    return;
  char *name = xstrndup(r->s + a, e - a);
  er_mention(r, (uint32_t)a, (uint32_t)e, er_dyn(r, name, ENTITY_ORG));
  free(name);
}

/* The item of a list beside the join at x in the run [t0, t1) cut at
 * br[0..nb): a body's mention that ends (after = false) or starts there,
 * else the word there, with the next word when it is one character
 * (科|大). Returns its other end, SIZE_MAX when none. */
static size_t zo_word(const struct ent_run *r, const uint32_t *br, size_t nb, size_t t0,
                      size_t t1, size_t x, bool after) {
  for (size_t m = 0; m < r->nm; m++) {
    const struct mention *mm = &r->m[m];
    if (after ? mm->start == x && mm->end <= t1 : mm->end == x && mm->start >= t0)
      if (zh_is_org(r, mm->ref))
        return after ? mm->end : mm->start;
  }
  static const char *const joins[] = {"和", "與", "及", NULL};
  static struct zh_list joins_l = ZH_LIST(joins);
  size_t k = SIZE_MAX; /* the boundary at or after x (before it): 大和 is a word */
  for (size_t i = 0; i < nb; i++)
    if (after ? br[i] + t0 >= x && k == SIZE_MAX : br[i] + t0 <= x)
      k = i;
  if (k == SIZE_MAX)
    return SIZE_MAX;
  if (br[k] + t0 == x) { /* the word next to x */
    if (after ? k + 1 >= nb : k == 0)
      return SIZE_MAX;
    k = after ? k + 1 : k - 1;
  }
  size_t w = br[k] + t0;
  if ((after ? w - x : x - w) == 3 && (after ? k + 1 < nb : k >= 1))
    w = br[after ? k + 1 : k - 1] + t0; /* one character: with the next */
  if (after && w >= x + 9 && zh_forms_at(zh_forms(&joins_l), r->s, w - 3, t1, NULL) == 3)
    w -= 3; /* 科|大和|理大: the join is no part of the item */
  return w;
}

/* Bodies joined to bodies in the run [t0, t1) by 和, 與, 及, and to the
 * next run across 、. */
static void zo_run(struct ent_run *r, size_t i, bool *has) {
  static const char *const joins[] = {"和", "與", "及", NULL};
  static struct zh_list joins_l = ZH_LIST(joins);
  size_t t0 = r->t.v[i].start, t1 = r->t.v[i].end;
  const uint32_t *br = NULL;
  size_t nb = 0;
  for (size_t j = t0 + 6; j + 6 <= t1; j += 3) {
    size_t jl = zh_join_at(r->s + j) ? zh_forms_at(zh_forms(&joins_l), r->s, j, t1, NULL) : 0;
    if (!jl || !zo_body_at(r, j, j + jl))
      continue; /* no body beside the join: no segmenter */
    if (!br)
      nb = seg_breaks(r->seg, r->s + t0, t1 - t0, &br);
    size_t a = zo_word(r, br, nb, t0, t1, j, false), e = zo_word(r, br, nb, t0, t1, j + jl, true);
    if (a != SIZE_MAX && e != SIZE_MAX)
      zo_pair(r, t0, a, j, j + jl, e, t1);
  }
  size_t n = zl_next(r, i);
  if (!n || t1 - t0 < 6)
    return;
  size_t u0 = r->t.v[n].start, u1 = r->t.v[n].end;
  if (u0 != t1 + 3 || !zo_body_at(r, t1, u0)) /* 、 right after the run, a body beside */
    return;
  nb = seg_breaks(r->seg, r->s + t0, t1 - t0, &br);
  size_t a = zo_word(r, br, nb, t0, t1, t1, false);
  if (a == SIZE_MAX)
    return;
  nb = seg_breaks(r->seg, r->s + u0, u1 - u0, &br);
  size_t e = zo_word(r, br, nb, u0, u1, u0, true);
  if (e != SIZE_MAX)
    zo_pair(r, t0, a, t1, u0, e, u1);
  has[n] = true; /* a body found at u0 is a list's next item's neighbour */
}

/* The run that holds byte x, or SIZE_MAX (tokens are in text order). */
static size_t zo_run_of(const struct ent_run *r, size_t x) {
  size_t lo = 0, hi = r->t.n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (r->t.v[mid].end <= x)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < r->t.n && r->t.v[lo].start <= x ? lo : SIZE_MAX;
}

void zh_pass_org_lists(struct ent_run *r) {
  if (!r->seg)
    return;
  /* only the runs that hold a body, and the run before each across 、 */
  bool *has = NULL;
  for (size_t m = 0; m < r->nm; m++) {
    size_t i = zh_is_org(r, r->m[m].ref) ? zo_run_of(r, r->m[m].start) : SIZE_MAX;
    if (i == SIZE_MAX || !(r->t.v[i].flags & TK_CJK))
      continue;
    if (!has)
      has = xcalloc(r->t.n + 1, 1);
    has[i] = true;
    if (i > 0 && r->t.v[i - 1].end + 3 == r->t.v[i].start)
      has[i - 1] = true; /* the run before, maybe across 、 */
  }
  for (size_t i = 0; has && i < r->t.n; i++)
    if (has[i] && (r->t.v[i].flags & TK_CJK))
      zo_run(r, i, has);
  free(has);
}
