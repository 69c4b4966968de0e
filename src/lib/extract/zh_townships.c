/*
 * extract/zh_townships.c — townships, villages and counties named in a
 * pair joined by 、, 和, 及 or 與 (安陲鄉、杆洞鄉, 文蘭村和銅門村, 鹿港鎮和
 * 大城鄉): two names of two characters, each with a suffix of the same
 * rank (a township's or a village's: 鄉, 鎮, 村; a county's: 縣), are
 * places both, though no gazetteer knows them and no place with a suffix
 * comes before them (zh_entities.c's zh_admin_pair reads only names in a
 * row). The pair is the evidence: one such name alone may be a word
 * (故鄉, 城鎮), two of them joined are a list of places. A name of three
 * ending in such a suffix is no person (萬榮鄉: zh_admin_end).
 * And a place's party committee named in its head's title (杭州市委書記,
 * 南山區委副書記): the committee is a body, and the place inside its name
 * is the body's, as with any body named in its head's title.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"
#include "dossier/zh.h"
#include "lib.h"
#include "zh_shapes.h"

/* The rank of the suffix at s[q] (three bytes): 1 a township's or a
 * village's (鄉 乡 鎮 镇 村), 2 a county's (縣 县), 0 none. */
static int zt_rank(const char *s, size_t q, size_t hi) {
  uint32_t cp;
  if (q + 3 > hi || utf8_decode(s + q, hi - q, &cp) != 3)
    return 0;
  if (cp == 0x9109 || cp == 0x4E61 || cp == 0x93AE || cp == 0x9547 || cp == 0x6751)
    return 1;
  return cp == 0x7E23 || cp == 0x53BF ? 2 : 0;
}

bool zh_admin_end(const char *s, size_t e) {
  return e >= 3 && zt_rank(s, e - 3, e) == 1;
}

/* Are the two characters before the suffix at s[q] ones a name holds
 * (no function character: 該鄉; not a number: 三十村; 萬 of 萬榮鄉 is)? */
static bool zt_name_before(const char *s, size_t lo, size_t q) {
  if (q < lo + 6 || zh_is_stopword(s + q - 6, 6))
    return false;
  for (size_t p = q - 6; p < q; p += 3) {
    uint32_t cp;
    if (utf8_decode(s + p, 3, &cp) != 3 || !zh_given_ok(cp))
      return false;
  }
  return true;
}

/* Is [a, e) free of the article's mentions, or exactly a place's? */
static bool zt_free(const struct ent_run *r, size_t a, size_t e) {
  for (size_t m = 0; m < r->nm; m++)
    if (r->m[m].start < e && a < r->m[m].end)
      return false;
  return true;
}

/* Is [a, e) free of every mention but places' (杭州 of 杭州市委)? */
static bool zt_free_of_orgs(const struct ent_run *r, size_t a, size_t e) {
  for (size_t m = 0; m < r->nm; m++)
    if (r->m[m].start < e && a < r->m[m].end && !zh_place_ref(r, r->m[m].ref))
      return false;
  return true;
}

static void zt_place(struct ent_run *r, size_t a, size_t e) {
  char *name = xstrndup(r->s + a, e - a);
  er_mention(r, (uint32_t)a, (uint32_t)e, er_dyn(r, name, ENTITY_PLACE));
  free(name);
}

/* After a suffix ending at q of the run [a, b), where the second name's
 * suffix would end: past a join inside the run, or past 、 at the run's end
 * into the next run that starts there; 0 when neither. */
static size_t zt_second_end(const struct ent_run *r, size_t i, size_t q) {
  const char *s = r->s;
  const struct tok *t = &r->t.v[i];
  if (q + 12 <= t->end && zh_join_at(s + q))
    return q + 12;
  if (q == t->end && q + 3 <= r->n && memcmp(s + q, "、", 3) == 0 && i + 1 < r->t.n &&
      r->t.v[i + 1].start == q + 3 && q + 12 <= r->t.v[i + 1].end)
    return q + 12;
  return 0;
}

static void zt_run(struct ent_run *r, size_t i) {
  const char *s = r->s;
  const struct tok *t = &r->t.v[i];
  for (size_t q = t->start + 6; q + 3 <= t->end; q += 3) {
    int rank = zt_rank(s, q, t->end);
    if (!rank || !zt_name_before(s, t->start, q))
      continue;
    size_t e2 = zt_second_end(r, i, q + 3), hi = e2 > t->end ? r->t.v[i + 1].end : t->end;
    if (!e2 || zt_rank(s, e2 - 3, hi) != rank || !zt_name_before(s, e2 - 9, e2 - 3))
      continue;
    if (zt_free(r, q - 6, q + 3))
      zt_place(r, q - 6, q + 3);
    if (zt_free(r, e2 - 9, e2))
      zt_place(r, e2 - 9, e2);
  }
}

void zh_pass_townships(struct ent_run *r) {
  for (size_t i = 0; i < r->t.n; i++)
    if (r->t.v[i].flags & TK_CJK)
      zt_run(r, i);
}

/* The start of the place's name before the suffix at s[q]: a place's
 * mention that ends at q or at q + 3 (杭州|市, 南山區), else two characters
 * a name holds (南山|區); SIZE_MAX when neither. */
static size_t zt_place_start(const struct ent_run *r, size_t lo, size_t q) {
  for (size_t m = 0; m < r->nm; m++)
    if ((r->m[m].end == q || r->m[m].end == q + 3) && r->m[m].start >= lo &&
        zh_place_ref(r, r->m[m].ref))
      return r->m[m].start;
  return zt_name_before(r->s, lo, q) ? q - 6 : SIZE_MAX;
}

/* In the run i, a committee (委) after a city's, a district's, a county's
 * or a province's suffix and before its head's title (書記, 副書記, 常委):
 * a body from the place's name to 委. Says whether one was found. */
static bool zt_committees(struct ent_run *r, size_t i) {
  static const char *const admin[] = {"市", "區", "縣", "省", NULL};
  static const char *const heads[] = {"書記", "副書記", "常委", NULL};
  static struct zh_list admin_l = ZH_LIST(admin), heads_l = ZH_LIST(heads);
  const char *s = r->s;
  const struct tok *t = &r->t.v[i];
  bool found = false;
  for (size_t q = t->start + 9; q + 9 <= t->end; q += 3) {
    if (memcmp(s + q, "委", 3) != 0 || !zh_forms_at(zh_forms(&heads_l), s, q + 3, t->end, NULL) ||
        zh_forms_at(zh_forms(&admin_l), s, q - 3, q, NULL) != 3)
      continue;
    size_t a = zt_place_start(r, t->start, q - 3);
    if (a == SIZE_MAX || !zt_free_of_orgs(r, a, q + 3))
      continue;
    char *name = xstrndup(s + a, q + 3 - a);
    er_mention(r, (uint32_t)a, (uint32_t)(q + 3), er_dyn(r, name, ENTITY_ORG));
    free(name);
    found = true;
  }
  return found;
}

void zh_pass_committees(struct ent_run *r) {
  bool found = false;
  for (size_t i = 0; i < r->t.n; i++)
    if (r->t.v[i].flags & TK_CJK)
      found |= zt_committees(r, i);
  if (found)
    zh_drop_places_in_orgs(r, 0);
}
