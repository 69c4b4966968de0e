/*
 * extract/zh_bodies.c — Chinese bodies that zh_entities.c's suffix pattern
 * cannot bound alone:
 *   - a name joined by 和 or 及 does not run back over a place that
 *     starts the next item (陳佳鵬和浙江隊: 浙江隊 alone);
 * (more below as they are added).
 * None of these runs outside a CJK run.
 */
#include "config.h"

#include <string.h>

#include "dossier/utf8.h"
#include "dossier/zh.h"
#include "zh_shapes.h"

bool zh_place_starts(const struct ent_run *r, size_t first_m, size_t p) {
  for (size_t m = first_m; m < r->nm; m++)
    if (r->m[m].start == p && zh_place_ref(r, r->m[m].ref))
      return true;
  return false;
}
