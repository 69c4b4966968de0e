/*
 * extract/zh_mend.c — Chinese people's names mended once every CJK run has
 * been read (zh_pass_later calls it first), and a title that names a group:
 *   - a hyphenated first part before a dotted name, after a title
 *     (外交部長讓-諾埃爾·巴羅: the run stops at the hyphen, and 讓 is a
 *     function word no syllable list holds): the name grows over it;
 *   - two people's names side by side with nothing between them are one
 *     name (拿督斯里阿米爾韓扎: a Malay name whose last part reads as a
 *     family name, 韓); Chinese prose always puts a mark or a word
 *     between two people;
 *   - a name joined by 和 or 、 to a person's English name in brackets is a
 *     person's too (陳克勤（Chan Hak-kan）和李梓敬);
 *   - a name right after a body's, before a colon or a role, is a person's
 *     (台積電魏哲家：明年..., 格力電器董明珠董事長);
 *   - a transliterated name of two syllables after a title or after 由
 *     with a deed (外援利夫在, 由費利佩打入);
 *   - a title after a count (三名航天員, 兩位院士) names a group, so what
 *     follows it is no foreign name (三名航天員進駐).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"
#include "dossier/util.h"
#include "dossier/zh.h"
#include "zh_shapes.h"

/* Is cp a Han character? */
static bool zm_han(uint32_t cp) { return cp >= 0x3400 && cp <= 0x9FFF; }

/* Is the mention a person found in the text (not of the gazetteer)? */
static bool zm_person(const struct ent_run *r, const struct mention *m) {
  return m->ref >= r->g->nents && r->d[m->ref - r->g->nents].kind == ENTITY_PERSON;
}

/* Give mention m the name s[m->start, m->end) as a person. */
static void zm_rename(struct ent_run *r, struct mention *m) {
  char *name = xstrndup(r->s + m->start, m->end - m->start);
  m->ref = er_dyn(r, name, ENTITY_PERSON);
  free(name);
}

/* The start of a hyphenated first part of one to three Han characters
 * right before the person's name at p, after a title; p when none. */
static size_t zm_hyphen_part(const struct ent_run *r, size_t p) {
  const char *s = r->s;
  size_t h;
  if (p >= 1 && s[p - 1] == '-')
    h = p - 1;
  else if (p >= 3 && (memcmp(s + p - 3, "\xe2\x80\x90", 3) == 0 ||
                      memcmp(s + p - 3, "\xe2\x80\x91", 3) == 0))
    h = p - 3;
  else
    return p;
  for (size_t k = 1, q = h; k <= 3 && q >= 3; k++) {
    uint32_t cp;
    q -= 3;
    if (utf8_decode(s + q, 3, &cp) != 3 || !zm_han(cp))
      return p;
    if (zh_title_before(s, 0, q) > 0)
      return q;
  }
  return p;
}

/* Is [a, a + l) free of every mention? */
static bool zm_free(const struct ent_run *r, size_t a, size_t b) {
  for (size_t m = 0; m < r->nm; m++)
    if (r->m[m].start < b && a < r->m[m].end)
      return false;
  return true;
}

/* A person's name right after a body found, before a colon or the
 * person's role (台積電魏哲家：, 格力電器董明珠董事長): a family name and one
 * or two characters that may be in a name; the end of the name, or 0. */
static size_t zm_after_body(const struct ent_run *r, size_t p) {
  static const char *const times[] = {"週一", "週二", "週三", "週四", "週五", "週六", "週日",
                                      "週末", "星期", "今年", "去年", "明年", NULL};
  static struct zh_list times_l = ZH_LIST(times); /* 公司週三表示: a day */
  static const char *const after[] = {"：", "董事長", "總裁", "主席", "總經理", "創辦人", "創始人",
                                      "行政總裁", "首席執行官", "執行長", NULL};
  static struct zh_list after_l = ZH_LIST(after);
  const char *s = r->s;
  size_t sl = zh_surname(s + p, r->n - p);
  if (!sl || zh_forms_at(zh_forms(&times_l), s, p, r->n, NULL))
    return 0;
  for (size_t k = 2; k >= 1; k--) {
    size_t e = p + sl + 3 * k;
    bool ok = e < r->n;
    for (size_t q = p + sl; ok && q < e; q += 3) {
      uint32_t cp;
      ok = utf8_decode(s + q, r->n - q, &cp) == 3 && zh_given_ok(cp) &&
           !zh_said_after(s, q, r->n);
    }
    if (ok && zh_forms_at(zh_forms(&after_l), s, e, r->n, NULL) && zm_free(r, p, e))
      return e; /* ： or 董事長 right after; not 表示 (華為方面表示, 騰訊高層表示) */
  }
  return 0;
}

/* The end of an English name in brackets at s[p] (（Chan Hak-kan）), or 0. */
static size_t zm_bracket_end(const char *s, size_t n, size_t p) {
  size_t q;
  if (p < n && s[p] == '(')
    q = p + 1;
  else if (p + 3 <= n && memcmp(s + p, "\xef\xbc\x88", 3) == 0) /* （ */
    q = p + 3;
  else
    return 0;
  for (size_t lim = q + 40; q < n && q < lim; q++) {
    if (s[q] == ')')
      return q + 1;
    if (q + 3 <= n && memcmp(s + q, "\xef\xbc\x89", 3) == 0) /* ） */
      return q + 3;
    unsigned char c = (unsigned char)s[q];
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == ' ' || c == '-' || c == '.'))
      return 0;
  }
  return 0;
}

/* After a person's name and an English name in brackets, 和, 與, 及 or
 * 、 and a family name with one or two characters that may be in a name,
 * ended by an adverb, a verb of speech, a join or the run's end
 * (陳克勤（Chan Hak-kan）和李梓敬就...): that name's [*a, end), or 0. */
static size_t zm_after_bracket(const struct ent_run *r, size_t e, size_t *a) {
  static const char *const joins[] = {"和", "與", "及", "、", NULL};
  static struct zh_list joins_l = ZH_LIST(joins);
  const char *s = r->s;
  size_t q = zm_bracket_end(s, r->n, e), jl, sl;
  if (!q || !(jl = zh_forms_at(zh_forms(&joins_l), s, q, r->n, NULL)))
    return 0;
  q += jl;
  if (!(sl = zh_surname(s + q, r->n - q)))
    return 0;
  for (size_t k = 2; k >= 1; k--) {
    size_t end = q + sl + 3 * k;
    bool ok = end <= r->n;
    for (size_t p = q + sl; ok && p < end; p += 3) {
      uint32_t cp;
      ok = utf8_decode(s + p, r->n - p, &cp) == 3 && zh_given_ok(cp) &&
           !zh_adverb_at(s, p, r->n) && !zh_said_after(s, p, r->n);
    }
    uint32_t cp;
    if (ok && (end == r->n || utf8_decode(s + end, r->n - end, &cp) != 3 || cp < 0x3400 ||
               zh_adverb_at(s, end, r->n) || zh_said_after(s, end, r->n) ||
               zh_forms_at(zh_forms(&joins_l), s, end, r->n, NULL)) &&
        zm_free(r, q, end)) {
      *a = q;
      return end;
    }
  }
  return 0;
}

/* The end of two to four syllables of a transliterated name at s[p] in
 * the CJK run [p, hi), or p. */
static size_t zm_syllables(const char *s, size_t p, size_t hi) {
  size_t q = p;
  for (size_t k = 0; k < 4 && q + 3 <= hi; k++) {
    uint32_t cp;
    if (utf8_decode(s + q, hi - q, &cp) != 3 || !zh_translit_ok(cp) || zh_said_after(s, q, hi))
      break;
    q += 3;
  }
  return q - p >= 6 ? q : p;
}

/* Does a name ending at e end there: the run's end, 在, a join, a verb of
 * speech or a deed's word (打入, 奪得), an adverb? */
static bool zm_name_ends(const char *s, size_t e, size_t hi) {
  static const char *const after[] = {"在", "和", "與", "及", "、", "的", NULL};
  static struct zh_list after_l = ZH_LIST(after);
  return e == hi || zh_said_after(s, e, hi) || zh_adverb_at(s, e, hi) ||
         zh_forms_at(zh_forms(&after_l), s, e, hi, NULL);
}

/* Transliterated names of two syllables the run's patterns leave (they
 * ask three, or a word boundary the segmenter may not give): after a
 * title (北京隊外援利夫在第四節), or after 由 with a verb of speech or a
 * deed after them (由費利佩打入). */
static void zm_short_foreign(struct ent_run *r) {
  const char *s = r->s;
  for (size_t i = 0; i < r->t.n; i++) {
    const struct tok *t = &r->t.v[i];
    if (!(t->flags & TK_CJK))
      continue;
    for (size_t p = t->start + 3; p + 6 <= t->end; p += 3) {
      bool by = memcmp(s + p - 3, "\xe7\x94\xb1", 3) == 0; /* 由 */
      if (!by && (!zh_title_before(s, t->start, p) || zh_title_counted(s, t->start, p)))
        continue;
      size_t e = zm_syllables(s, p, t->end);
      if (e == p || !(by ? zh_said_after(s, e, t->end) > 0 : zm_name_ends(s, e, t->end)) ||
          !zm_free(r, p, e))
        continue;
      char *name = xstrndup(s + p, e - p);
      er_mention(r, (uint32_t)p, (uint32_t)e, er_dyn(r, name, ENTITY_PERSON));
      free(name);
      p = e - 3;
    }
  }
}

void zh_mend_people(struct ent_run *r) {
  zm_short_foreign(r);
  for (size_t i = 0, nm = r->nm; i < nm; i++) {
    size_t a, e;
    if (zm_person(r, &r->m[i]) && (e = zm_after_bracket(r, r->m[i].end, &a)) != 0) {
      char *name = xstrndup(r->s + a, e - a);
      er_mention(r, (uint32_t)a, (uint32_t)e, er_dyn(r, name, ENTITY_PERSON));
      free(name);
    }
  }
  for (size_t i = 0, nm = r->nm; i < nm; i++) {
    size_t e;
    if (zh_is_org(r, r->m[i].ref) && (e = zm_after_body(r, r->m[i].end)) != 0) {
      char *name = xstrndup(r->s + r->m[i].end, e - r->m[i].end);
      er_mention(r, r->m[i].end, (uint32_t)e, er_dyn(r, name, ENTITY_PERSON));
      free(name);
    }
  }
  for (size_t i = 0; i < r->nm; i++) {
    struct mention *m = &r->m[i];
    size_t q;
    if (zm_person(r, m) && (q = zm_hyphen_part(r, m->start)) != m->start) {
      m->start = (uint32_t)q;
      zm_rename(r, m);
    }
  }
  size_t w = 0;
  for (size_t i = 0; i < r->nm; i++) {
    struct mention *b = &r->m[i];
    bool joined = false;
    for (size_t k = 0; k < w && !joined; k++) {
      struct mention *a = &r->m[k];
      if (a->end == b->start && zm_person(r, a) && zm_person(r, b) &&
          b->end - a->start <= 30) { /* ten characters at most */
        a->end = b->end;
        zm_rename(r, a);
        joined = true;
      }
    }
    if (!joined)
      r->m[w++] = *b;
  }
  r->nm = w;
}

bool zh_title_counted(const char *s, size_t lo, size_t p) {
  static const char *const measures[] = {"名", "位", "個", NULL};
  static struct zh_list measures_l = ZH_LIST(measures);
  size_t l = zh_title_before(s, lo, p);
  if (!l || p - l < lo + 6 || !zh_forms_before(zh_forms(&measures_l), s, lo, p - l, NULL))
    return false;
  static const char numerals[] = "一二兩两三四五六七八九十百千幾几數数多";
  unsigned char c = (unsigned char)s[p - l - 4];
  if (c >= '0' && c <= '9')
    return true; /* 3名, 3个 */
  for (size_t k = 0; k + 3 <= sizeof numerals - 1; k += 3)
    if (memcmp(s + p - l - 6, numerals + k, 3) == 0)
      return true;
  return false;
}
