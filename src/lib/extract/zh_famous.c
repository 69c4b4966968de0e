/*
 * extract/zh_famous.c — well-known people named in Chinese text. A person
 * of the gazetteer (people_zh.tsv: heads of state, leaders, business
 * people, athletes and actors, chosen by kind) is found where the sentence
 * gives no evidence (普京週二致電, 馬龍和樊振東晉級); in Chinese text that
 * person is named as written (習近平, 习近平), as every Chinese name the
 * patterns find is, so the later passes (later mentions, lists, names
 * side by side) take it as a person of the text.
 */
#include "config.h"

#include <stdlib.h>

#include "dossier/util.h"
#include "zh_shapes.h"

bool zh_famous_ref(const struct ent_run *r, uint32_t ref) {
  return ref < r->g->nents && r->g->ents[ref].kind == ENTITY_PERSON;
}

/* Does a body's mention other than m hold m's span (香港大學李嘉誠醫學院)? */
static bool zf_inside_body(const struct ent_run *r, const struct mention *m) {
  for (size_t k = 0; k < r->nm; k++) {
    const struct mention *o = &r->m[k];
    if (o != m && o->start <= m->start && o->end >= m->end && o->end - o->start > m->end - m->start &&
        zh_is_org(r, o->ref))
      return true;
  }
  return false;
}

void zh_famous_as_written(struct ent_run *r) {
  size_t w = 0;
  for (size_t i = 0; i < r->nm; i++) {
    struct mention *m = &r->m[i];
    if (m->ref < r->g->nents && r->g->ents[m->ref].kind == ENTITY_PERSON &&
        (unsigned char)r->s[m->start] >= 0xE3 && m->end > m->start) {
      if (zf_inside_body(r, m))
        continue; /* the body's name, no person of the text */
      char *name = xstrndup(r->s + m->start, m->end - m->start);
      m->ref = er_dyn(r, name, ENTITY_PERSON);
      free(name);
    }
    r->m[w++] = *m;
  }
  r->nm = w;
}
