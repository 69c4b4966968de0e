/*
 * extract/zh_figures.c — figures written the Chinese way: 3000億美元,
 * 5.5萬人, 百分之二十五, 逾千億元人民幣, 1.2万亿元, 下降3个百分点.
 *
 * A number is Arabic digits ("3,000", "5.5"), Chinese numerals (二十五,
 * 两千, 千) or both ("3000亿"), read with the scales 十 百 千 万/萬 亿/億
 * 兆 as Chinese reads them (1.2万亿 = 1.2e12, 3亿5000万 = 3.5e8). It is a
 * figure only with a unit: a percent sign or 百分之 before it, 个百分点
 * (percentage points), a currency (美元, 人民幣, 港元, 新台幣, 日圓,
 * 歐元, 元...), or a counted noun (人, 家, 吨...) when it is 100 or more
 * or has a scale. An approximation (逾, 近, 約, 超過, 至少...) before it and
 * a direction (增長, 下降...) in the words before it are read, and the
 * subject is the clause before the figure. Values are normalised as the
 * English figures are (value fully scaled, ISO currency, "%" or "pp").
 * Figures the English pattern found inside the same span give way.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"
#include "lib.h"

struct zh_word {
  const char *w;
  const char *val; /* what it stands for */
  int cls;         /* units: 0 percent, 1 pp, 2 money, 3 quantity, 4 count,
                    * 5 tenths (三成: 30%), 6 times (两倍) */
};

/* Longest first where one word starts another (元人民幣 before 元). */
static const struct zh_word zh_units[] = {
    {"元人民币", "CNY", 2},   {"元人民幣", "CNY", 2}, {"人民币", "CNY", 2},
    {"人民幣", "CNY", 2},     {"美元", "USD", 2},     {"港元", "HKD", 2},
    {"港币", "HKD", 2},       {"港幣", "HKD", 2},     {"新台币", "TWD", 2},
    {"新台幣", "TWD", 2},     {"台币", "TWD", 2},     {"台幣", "TWD", 2},
    {"日圆", "JPY", 2},       {"日圓", "JPY", 2},     {"日元", "JPY", 2},
    {"欧元", "EUR", 2},       {"歐元", "EUR", 2},     {"英镑", "GBP", 2},
    {"英鎊", "GBP", 2},       {"韩元", "KRW", 2},     {"韓元", "KRW", 2},
    {"澳元", "AUD", 2},       {"加元", "CAD", 2},     {"新加坡元", "SGD", 2},
    {"元", "CNY", 2},         {"个百分点", "pp", 1},  {"個百分點", "pp", 1},
    {"百分点", "pp", 1},      {"百分點", "pp", 1},    {"%", "%", 0},
    {"\xef\xbc\x85", "%", 0}, {"吨", "tonnes", 3},    {"噸", "tonnes", 3},
    {"公吨", "tonnes", 3},    {"公噸", "tonnes", 3},  {"桶", "barrels", 3},
    {"斤", "jin", 3},         {"成", "%", 5},         {"倍", "times", 6},
    {"人次", "人次", 4},      {"人", "人", 4},        {"名", "人", 4},
    {"家", "家", 4},          {"宗", "宗", 4},        {"辆", "辆", 4},
    {"輛", "辆", 4},          {"架", "架", 4},        {"艘", "艘", 4},
    {NULL, NULL, 0}};

static const struct zh_word zh_percent = {"%", "%", 0};

/* A currency written before the number (新台幣3000億元, 美元500億). */
static const struct zh_word zh_cur_before[] = {
    {"人民币", "CNY", 2}, {"人民幣", "CNY", 2}, {"美元", "USD", 2},
    {"港元", "HKD", 2},   {"港币", "HKD", 2},   {"港幣", "HKD", 2},
    {"新台币", "TWD", 2}, {"新台幣", "TWD", 2}, {"日圆", "JPY", 2},
    {"日圓", "JPY", 2},   {"欧元", "EUR", 2},   {"歐元", "EUR", 2},
    {NULL, NULL, 0}};

static const struct zh_word zh_approx[] = {
    {"超过", "more than", 0}, {"超過", "more than", 0}, {"逾", "more than", 0},
    {"接近", "nearly", 0},    {"将近", "nearly", 0},    {"將近", "nearly", 0},
    {"近", "nearly", 0},      {"大约", "about", 0},     {"大約", "about", 0},
    {"约", "about", 0},       {"約", "about", 0},       {"至少", "at least", 0},
    {"不足", "less than", 0}, {"不到", "less than", 0}, {"多达", "up to", 0},
    {"多達", "up to", 0},     {"高达", "up to", 0},     {"高達", "up to", 0},
    {NULL, NULL, 0}};

static const struct zh_word zh_dirs[] = {
    {"增长", "up", 0},   {"增長", "up", 0},   {"上升", "up", 0},
    {"上涨", "up", 0},   {"上漲", "up", 0},   {"增加", "up", 0},
    {"提高", "up", 0},   {"攀升", "up", 0},   {"增", "up", 0},
    {"升", "up", 0},     {"涨", "up", 0},     {"漲", "up", 0},
    {"下降", "down", 0}, {"下跌", "down", 0}, {"减少", "down", 0},
    {"減少", "down", 0}, {"下滑", "down", 0}, {"回落", "down", 0},
    {"萎缩", "down", 0}, {"萎縮", "down", 0}, {"降", "down", 0},
    {"跌", "down", 0},   {"减", "down", 0},   {"減", "down", 0},
    {NULL, NULL, 0}};

/* The entry of list that starts at s[p] (within n), or NULL. */
static const struct zh_word *zh_at(const struct zh_word *list, const char *s,
                                   size_t p, size_t n) {
  for (const struct zh_word *w = list; w->w; w++) {
    if (w->w[0] != s[p] || (w->w[1] && p + 1 < n && w->w[1] != s[p + 1]))
      continue;
    size_t l = strlen(w->w);
    if (n - p >= l && memcmp(s + p, w->w, l) == 0)
      return w;
  }
  return NULL;
}

/* The value of a Chinese numeral or scale character, its kind in *scale
 * (0 a digit, else the multiplier); -1 when cp is neither. */
static double zh_numeral(uint32_t cp, double *scale) {
  static const struct {
    uint32_t cp;
    double v, scale;
  } map[] = {{0x96F6, 0, 0},   {0x3007, 0, 0},   {0x4E00, 1, 0},
             {0x4E8C, 2, 0},   {0x4E24, 2, 0},   {0x5169, 2, 0},
             {0x4E09, 3, 0},   {0x56DB, 4, 0},   {0x4E94, 5, 0},
             {0x516D, 6, 0},   {0x4E03, 7, 0},   {0x516B, 8, 0},
             {0x4E5D, 9, 0},   {0x5341, 0, 10},  {0x767E, 0, 100},
             {0x5343, 0, 1e3}, {0x4E07, 0, 1e4}, {0x842C, 0, 1e4},
             {0x4EBF, 0, 1e8}, {0x5104, 0, 1e8}, {0x5146, 0, 1e12}};
  for (size_t i = 0; i < DS_ARRAY_LEN(map); i++) {
    if (map[i].cp == cp) {
      *scale = map[i].scale;
      return map[i].v;
    }
  }
  return -1;
}

/* A number read at s[p]: digits, numerals and scales. */
struct zh_num {
  size_t end;
  double value;
  bool arabic, scaled, more; /* "3000多亿": more than */
};

/* Arabic digits at s[p] ("3,000", "5.5"): their value and end, or false. */
static bool zh_arabic(const char *s, size_t p, size_t n, double *v,
                      size_t *end) {
  size_t q = p;
  double x = 0;
  while (q < n && ((s[q] >= '0' && s[q] <= '9') ||
                   (s[q] == ',' && q + 3 < n && q > p && s[q + 1] >= '0' &&
                    s[q + 1] <= '9' && s[q + 2] >= '0' && s[q + 2] <= '9' &&
                    s[q + 3] >= '0' && s[q + 3] <= '9' &&
                    (q + 4 >= n || s[q + 4] < '0' || s[q + 4] > '9')))) {
    if (s[q] != ',')
      x = x * 10 + (s[q] - '0');
    q++;
  }
  if (q == p)
    return false;
  if (q + 1 < n && s[q] == '.' && s[q + 1] >= '0' && s[q + 1] <= '9') {
    /* the decimals as strtod reads them ("0.3" is the double nearest
     * 0.3), the digits copied without their commas */
    char buf[64];
    size_t k = 0;
    for (size_t i = p; i < q && k < 40; i++)
      if (s[i] != ',')
        buf[k++] = s[i];
    for (buf[k++] = s[q++]; q < n && s[q] >= '0' && s[q] <= '9'; q++)
      if (k < sizeof buf - 1)
        buf[k++] = s[q];
    buf[k] = '\0';
    x = strtod(buf, NULL);
  }
  *v = x;
  *end = q;
  return true;
}

/* Read the number at s[p]; false when none starts there. */
static bool zh_read_num(const char *s, size_t p, size_t n, struct zh_num *out) {
  memset(out, 0, sizeof *out);
  double total = 0, sec = 0, num = 0;
  size_t q = p;
  bool any = false;
  if (zh_arabic(s, p, n, &num, &q))
    out->arabic = any = true;
  for (;;) {
    uint32_t cp;
    if (q >= n || (unsigned char)s[q] < 0x80)
      break;
    int l = utf8_decode(s + q, n - q, &cp);
    double scale = 0, d = zh_numeral(cp, &scale);
    if (cp == 0x591A && any && !out->more) { /* 多 */
      out->more = true;
      q += (size_t)l;
      continue;
    }
    if ((cp == 0x70B9 || cp == 0x9EDE) && !out->arabic && any && num > 0 &&
        sec == 0 && total == 0) {
      /* 六点五, 六點五: decimals in numerals */
      size_t r = q + (size_t)l;
      double f = 0.1, frac = 0;
      while (r < n && (unsigned char)s[r] >= 0x80) {
        uint32_t c2;
        int l2 = utf8_decode(s + r, n - r, &c2);
        double sc = 0, d2 = zh_numeral(c2, &sc);
        if (d2 < 0 || sc > 0)
          break;
        frac += d2 * f;
        f /= 10;
        r += (size_t)l2;
      }
      if (f < 0.1) {
        num += frac;
        q = r;
        continue;
      }
      break;
    }
    if (d < 0 || (out->arabic && scale == 0))
      break;
    if (scale == 0) {
      num = d;
    } else if (scale < 1e4) {
      sec += (num > 0 ? num : 1) * scale;
      num = 0;
      out->scaled = out->scaled || out->arabic;
    } else if (scale == 1e4) {
      total += (sec + num > 0 ? sec + num : 1) * scale; /* 萬人: ten thousand */
      sec = num = 0;
      out->scaled = true;
    } else {
      total = (total + sec + num > 0 ? total + sec + num : 1) * scale;
      sec = num = 0;
      out->scaled = true;
    }
    any = true;
    q += (size_t)l;
  }
  if (!any)
    return false;
  out->value = total + sec + num;
  out->end = q;
  return out->value > 0 || out->arabic;
}

/* ---- context
 * ------------------------------------------------------------------------------
 */

/* The start of the clause holding pos: after the last ，。；：！？、 or line
 * break before it (at most 60 bytes back). */
static size_t zh_clause_start(const char *s, size_t pos) {
  size_t lo = pos > 60 ? pos - 60 : 0, a = pos;
  while (a > lo) {
    unsigned char c = (unsigned char)s[a - 1];
    if (c == '\n' || c == ',' || c == ';' || c == ':')
      break;
    if (a >= 3 && (unsigned char)s[a - 3] >= 0xE3) {
      uint32_t cp;
      utf8_decode(s + a - 3, 3, &cp);
      if (cp == 0xFF0C || cp == 0x3002 || cp == 0xFF1B || cp == 0xFF1A ||
          cp == 0xFF01 || cp == 0xFF1F || cp == 0x3001)
        break;
      a -= 3;
      continue;
    }
    a--;
  }
  while (a < pos && (unsigned char)s[a] < 0x80 &&
         ((unsigned char)s[a] & 0xC0) != 0x80 && s[a] == ' ')
    a++;
  /* land on a character start */
  while (a < pos && ((unsigned char)s[a] & 0xC0) == 0x80)
    a++;
  return a;
}

/* The sentence holding pos: between the stops 。！？ or line breaks around it.
 */
static struct span zh_sentence(const char *s, size_t n, size_t pos) {
  size_t a = pos, b = pos;
  while (a > 0 && s[a - 1] != '\n' &&
         !(a >= 3 && (memcmp(s + a - 3, "。", 3) == 0 ||
                      memcmp(s + a - 3, "！", 3) == 0 ||
                      memcmp(s + a - 3, "？", 3) == 0)))
    a--;
  while (b < n && s[b] != '\n' &&
         memcmp(s + b, "。", n - b >= 3 ? 3 : n - b) != 0)
    b++;
  if (b + 3 <= n && memcmp(s + b, "。", 3) == 0)
    b += 3;
  return (struct span){(uint32_t)a, (uint32_t)b};
}

/* Direction and share from the words of the clause before the figure
 * (c0..st): the nearest direction word wins. */
static void zh_read_context(const char *s, size_t c0, size_t st,
                            struct figure *f) {
  for (size_t p = st; p > c0;) {
    p--;
    while (p > c0 && ((unsigned char)s[p] & 0xC0) == 0x80)
      p--;
    const struct zh_word *d = zh_at(zh_dirs, s, p, st);
    if (d && st - p <= 12) {
      f->direction = xstrdup(d->val);
      if (f->kind == FIGURE_RATE)
        f->kind = FIGURE_CHANGE;
      return;
    }
    if (memcmp(s + p, "占", 3) == 0 || memcmp(s + p, "佔", 3) == 0) {
      if (f->kind == FIGURE_RATE)
        f->kind = FIGURE_SHARE;
      return;
    }
  }
}

/* The subject: the clause before the figure, without the direction or
 * linking words at its end, at most 12 characters. */
static char *zh_subject(const char *s, size_t c0, size_t st) {
  static const char *const tail[] = {
      "同比", "按年", "按月", "环比", "環比", "达到", "達到",
      "达",   "達",   "为",   "為",   "至",   "到",   "了",
      "是",   "约",   "約",   "逾",   "近",   "超过", "超過",
      "对",   "對",   "共",   "有",   "额",   "額",   NULL};
  size_t e = st;
  for (bool again = true; again && e > c0;) {
    again = false;
    const struct zh_word *d = NULL;
    for (size_t back = 6; back >= 3 && !d; back -= 3)
      if (back <= e - c0 && (d = zh_at(zh_dirs, s, e - back, e)) &&
          strlen(d->w) != back)
        d = NULL;
    if (d) {
      e -= strlen(d->w);
      again = true;
      continue;
    }
    for (const char *const *t = tail; *t; t++) {
      size_t l = strlen(*t);
      if (e - c0 >= l && memcmp(s + e - l, *t, l) == 0) {
        e -= l;
        again = true;
        break;
      }
    }
  }
  size_t a = c0, chars = 0;
  for (size_t p = e; p > c0 && chars < 12; chars++) {
    p--;
    while (p > c0 && ((unsigned char)s[p] & 0xC0) == 0x80)
      p--;
    a = p;
  }
  if (e <= a)
    return NULL;
  return fig_clean_copy(s, a, e);
}

/* ---- the pass
 * -----------------------------------------------------------------------------
 */

/* Is the character before s[p] a Han character (增長5%)? */
static bool zh_after_han(const char *s, size_t p) {
  if (p < 3)
    return false;
  uint32_t cp;
  return utf8_decode(s + p - 3, 3, &cp) == 3 && utf8_is_cjk(cp);
}

/* The figure that starts at s[p], or 0: fills f and returns its end. */
static size_t zh_figure_at(const char *s, size_t n, size_t p,
                           struct figure *f) {
  const struct zh_word *ap = zh_at(zh_approx, s, p, n);
  size_t q = ap ? p + strlen(ap->w) : p;
  bool pct_before = n - q >= 9 && memcmp(s + q, "百分之", 9) == 0;
  const struct zh_word *cur = pct_before ? NULL : zh_at(zh_cur_before, s, q, n);
  size_t st = q;
  if (pct_before)
    q += 9;
  else if (cur)
    q += strlen(cur->w);
  struct zh_num num;
  if (!zh_read_num(s, q, n, &num))
    return 0;
  if (!num.arabic && !ap && !pct_before && !cur) {
    uint32_t cp;
    double scale = 0;
    utf8_decode(s + q, n - q, &cp);
    zh_numeral(cp, &scale);
    if (scale > 0)
      return 0; /* 千萬, 萬一: words that start with a scale */
  }
  const struct zh_word *u =
      pct_before ? &zh_percent : zh_at(zh_units, s, num.end, n);
  size_t e = pct_before ? num.end : u ? num.end + strlen(u->w) : num.end;
  if (cur && (!u || u->cls != 2 || strcmp(u->w, "元") == 0)) {
    u = cur; /* 美元500億 */
    e = num.end;
  } else if (!u) {
    return 0;
  }
  if (num.arabic && !num.scaled && !num.more && !ap && !cur && !pct_before &&
      (unsigned char)u->w[0] < 0x80 && !zh_after_han(s, st))
    return 0; /* "5%" in English text: the English pattern's */
  if (!num.arabic && !num.scaled && !pct_before && !ap && num.value < 10)
    return 0; /* 一家, 三人: counted words, not figures */
  if (u->cls == 4 && !num.scaled && num.value < 100)
    return 0;
  if (u->cls >= 5 && (!ap || num.arabic || num.value >= 10))
    return 0; /* 三成, 两倍 only as an estimate (約三成, 近兩倍): 成 and 倍 are
               * common characters */
  if (cur && u == cur && n - num.end >= 3 && memcmp(s + num.end, "元", 3) == 0)
    e += 3; /* 新台幣3000億元: the 元 after belongs to it */
  memset(f, 0, sizeof *f);
  f->span = (struct span){(uint32_t)st, (uint32_t)e};
  f->value = f->value_hi =
      u->cls == 5 ? num.value * 10 : num.value; /* 三成: 30% */
  f->unit = xstrdup(u->val);
  f->kind = u->cls == 0 || u->cls == 5   ? FIGURE_RATE
            : u->cls == 1 || u->cls == 6 ? FIGURE_CHANGE
            : u->cls == 2                ? FIGURE_AMOUNT
            : u->cls == 3                ? FIGURE_QUANTITY
                                         : FIGURE_COUNT;
  f->scale = num.value >= 1e12 && num.scaled  ? xstrdup("trillion")
             : num.value >= 1e9 && num.scaled ? xstrdup("billion")
             : num.value >= 1e6 && num.scaled ? xstrdup("million")
                                              : NULL;
  if (ap || num.more)
    f->approx = xstrdup(ap ? ap->val : "more than");
  f->text = fig_clean_copy(s, st, e);
  return e;
}

/* Does a number start at s[p] (not inside a Latin word or a longer
 * number)? */
static bool zh_number_edge(const char *s, size_t p) {
  if (p == 0)
    return true;
  unsigned char c = (unsigned char)s[p - 1];
  return !(ex_is_alpha(c) || ex_is_digit(c) || c == '.' || c == ',' ||
           c == '$');
}

/* Drop the figures from out->figures[base..] that overlap [a, b). */
static void zh_drop_overlaps(struct extraction *out, size_t base, size_t a,
                             size_t b) {
  size_t w = base;
  for (size_t i = base; i < out->nfigures; i++) {
    struct figure *g = &out->figures[i];
    if (g->span.start < b && a < g->span.end) {
      free(g->text);
      free(g->unit);
      free(g->scale);
      free(g->direction);
      free(g->period);
      free(g->subject);
      free(g->approx);
      continue;
    }
    out->figures[w++] = *g;
  }
  out->nfigures = w;
}

static int zh_fig_cmp(const void *a, const void *b) {
  const struct figure *x = a, *y = b;
  return (x->span.start > y->span.start) - (x->span.start < y->span.start);
}

/* May a Chinese figure start with cp: a numeral, or the first character
 * of an approximation, 百分之 or a currency written before the number? */
static bool zh_may_start(uint32_t cp) {
  static const uint32_t first[] = {0x8D85, 0x903E, 0x63A5, 0x5C06, 0x5C07,
                                   0x8FD1, 0x5927, 0x7EA6, 0x7D04, 0x81F3,
                                   0x4E0D, 0x591A, 0x9AD8, 0x4EBA, 0x7F8E,
                                   0x6E2F, 0x65B0, 0x65E5, 0x6B27, 0x6B50};
  double scale;
  if (zh_numeral(cp, &scale) >= 0)
    return true;
  for (size_t k = 0; k < DS_ARRAY_LEN(first); k++)
    if (first[k] == cp)
      return true;
  return false;
}

void zh_fig_run(const char *s, size_t n, size_t base, struct extraction *out) {
  size_t added = 0;
  for (size_t p = 0; p < n;) {
    unsigned char c = (unsigned char)s[p];
    bool maybe = ex_is_digit(c) && zh_number_edge(s, p);
    if (c >= 0xE3) {
      uint32_t cp;
      utf8_decode(s + p, n - p, &cp);
      maybe = zh_may_start(cp);
    }
    struct figure f;
    size_t e = maybe ? zh_figure_at(s, n, p, &f) : 0;
    if (!e) {
      p += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      if (ex_is_digit(c))
        while (p < n &&
               (ex_is_digit((unsigned char)s[p]) || s[p] == '.' || s[p] == ','))
          p++;
      continue;
    }
    zh_drop_overlaps(out, base, f.span.start, f.span.end);
    f.sentence = zh_sentence(s, n, f.span.start);
    size_t c0 = zh_clause_start(s, f.span.start);
    const struct figure *prev =
        out->nfigures > base ? &out->figures[out->nfigures - 1] : NULL;
    if (prev && prev->span.end > c0 && prev->span.end <= f.span.start)
      c0 = prev->span.end; /* the clause after the figure before */
    zh_read_context(s, c0, p, &f);
    f.subject = zh_subject(s, c0, p); /* p: before the approximation */
    if (!f.subject && prev && prev->subject &&
        prev->sentence.start == f.sentence.start)
      f.subject =
          xstrdup(prev->subject); /* 同比增長5.5%: what the sentence is about */
    out->figures =
        xrealloc(out->figures, (out->nfigures + 1) * sizeof *out->figures);
    out->figures[out->nfigures++] = f;
    added++;
    p = e;
  }
  if (added && out->nfigures - base > 1)
    qsort(out->figures + base, out->nfigures - base, sizeof *out->figures,
          zh_fig_cmp);
}
