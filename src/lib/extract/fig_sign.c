/*
 * extract/fig_sign.c — the sign of a figure written in words or a dash
 * before it: "minus 31 degrees Celsius", "-8C", "wind chills reached
 * minus 52", "12 degrees below zero"; never "plus or minus 3 points" (a
 * margin) nor a range's dash ("5-8C").
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "lib.h"

static bool
fig_is_temperature(const char *unit)
{
    return unit && (strcmp(unit, "°C") == 0 || strcmp(unit, "°F") == 0 ||
                    strcmp(unit, "degrees") == 0);
}

/* See lib.h. */
void
fig_sign(const char *s, size_t n, struct figure *f)
{
    size_t st = f->span.start, e = f->span.end;
    if (fig_is_temperature(f->unit) && e + 2 <= n && s[e] == ' ' && (s[e + 1] == 'C' || s[e + 1] == 'F') &&
        (e + 2 == n || !ex_is_alpha((unsigned char)s[e + 2])))
        f->span.end = (uint32_t)(e + 2); /* "minus 8 C": the scale's letter after a space */
    if (st >= 6 && memcmp(s + st - 6, "minus ", 6) == 0 &&
        (st == 6 || !ex_is_alpha((unsigned char)s[st - 7])) &&
        !(st >= 9 && memcmp(s + st - 9, "or ", 3) == 0) &&
        !(st >= 7 && (s[st - 7] == '-' || s[st - 7] == '/'))) {
        f->span.start = (uint32_t)(st - 6); /* "minus 25 degrees" */
        f->value = -f->value;
        f->value_hi = -f->value_hi;
        return;
    }
    if (!fig_is_temperature(f->unit))
        return;
    size_t k = st >= 1 && s[st - 1] == '-' ? 1 : st >= 3 && memcmp(s + st - 3, "\xe2\x88\x92", 3) == 0 ? 3 : 0;
    if (k && (st == k || s[st - k - 1] == ' ' || s[st - k - 1] == '(' || s[st - k - 1] == '\n')) {
        f->span.start = (uint32_t)(st - k); /* "-8C", or a minus sign */
        f->value = -f->value;
        f->value_hi = -f->value_hi;
        return;
    }
    e = f->span.end;
    if (e + 11 <= n && memcmp(s + e, " below zero", 11) == 0 && f->value > 0) {
        f->value = -f->value; /* "12 degrees below zero" */
        f->value_hi = -f->value_hi;
    }
}
