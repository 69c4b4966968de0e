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
                    * 5 tenths (三成: 30%), 6 times (两倍), 7 a measure
                    * word, 8 a Hong Kong rate in 厘 (4.75厘: 4.75%),
                    * 9 occurrences (4.5萬次: only scaled or 100 up),
                    * 10 index points (收報19,865點: only in a sentence
                    * about an index) */
};

/* Units after a number, written once (util/zh_lists.c adds the Simplified
 * forms); the longest that matches is taken (元人民幣, not 元). Counted
 * nouns with a measure word are zh_classifiers below. */
static const struct zh_word zh_units[] = {
   {"元人民幣", "CNY", 2}, {"人民幣", "CNY", 2}, {"美元", "USD", 2}, {"港元", "HKD", 2},
   {"港幣", "HKD", 2}, {"新台幣", "TWD", 2}, {"台幣", "TWD", 2}, {"日圓", "JPY", 2},
   {"日元", "JPY", 2}, {"歐元", "EUR", 2}, {"英鎊", "GBP", 2}, {"韓元", "KRW", 2},
   {"澳元", "AUD", 2}, {"加元", "CAD", 2}, {"新加坡元", "SGD", 2}, {"新元", "SGD", 2},
   {"澳門元", "MOP", 2}, {"澳門幣", "MOP", 2}, {"令吉", "MYR", 2}, {"林吉特", "MYR", 2},
   {"馬幣", "MYR", 2}, {"元", "CNY", 2}, {"次", "次", 9}, {"點", "points", 10},
   {"個百分點", "pp", 1}, {"百分點", "pp", 1}, {"個基點", "bp", 1}, {"基點", "bp", 1},
   {"%", "%", 0}, {"噸", "tonnes", 3}, {"公噸", "tonnes", 3}, {"桶", "barrels", 3},
   {"斤", "jin", 3}, {"千瓦時", "kWh", 3}, {"千瓦", "kW", 3}, {"立方米", "cubic metres", 3},
   {"吉瓦時", "GWh", 3}, {"吉瓦", "GW", 3}, {"兆瓦時", "MWh", 3}, {"兆瓦", "MW", 3},
   {"微克每立方米", "\xc2\xb5g/m3", 3}, {"微克/立方米", "\xc2\xb5g/m3", 3},
   {"立方公尺", "cubic metres", 3}, {"成", "%", 5}, {"厘", "%", 8},
   {"毫米", "mm", 3}, {"公里", "km", 3}, {"平方米", "square metres", 3},
   {"平方公尺", "square metres", 3}, {"平方公里", "square kilometres", 3},
   {"平方呎", "square feet", 3}, {"平方英尺", "square feet", 3}, {"公頃", "hectares", 3},
   {"公斤", "kg", 3}, {"千克", "kg", 3}, {"克拉", "carats", 3}, {"克", "g", 3},
   {"\xe2\x84\x83", "\xc2\xb0" "C", 3},
   {"\xc2\xb0" "C", "\xc2\xb0" "C", 3}, {"攝氏度", "\xc2\xb0" "C", 3},
   {"倍", "times", 6}, {"人次", "人次", 4}, {"人", "人", 4}, {"名", "人", 7},
   {"\xef\xbc\x85", "%", 0}, {NULL, NULL, 0},
};
static struct zh_list zh_units_l = ZH_LIST(zh_units);

static const struct zh_word zh_percent = {"%", "%", 0};

/* Measure words (classifiers) of things news counts: a number before one
 * is a count whose unit is the measure word in Simplified (輛 and 辆 are
 * one unit). 次 (times), 種/類/款 (kinds) and 屆 (editions) are left out:
 * they count occurrences or kinds, not things (次 is a unit of its own,
 * kept only for large counts: 4.5萬次). */
static const char *const zh_classifiers[] = {
    "個", "家", "宗", "架次", "架", "艘", "輛", "項", "間", "臺", "台", "部",
    "張", "列", "頭", "隻", "條", "座", "所", "位", "件", "套", "份", "批次",
    "批", "起", "例", "戶", "棟", "幢", "枚", "場", "班", "票", "輛次", "班次",
    "車次", "篇", "齣", "面", "支", "箱", "處", "股", "席", NULL}; /* 300篇論文, 300齣劇目,
                                          * 8面金牌, 86支手機, 1,200箱香菸, 12處據點,
                                          * 1,000萬股 (shares), 910席 (seats) */
static struct zh_list zh_classifiers_l = ZH_LIST(zh_classifiers);

/* Time nouns after a measure word: 三個月 is a duration, not a count. */
static const char *const zh_time_nouns[] = {
    "月", "小時", "鐘頭", "星期", "禮拜", "季度", "工作日", "交易日", "年頭",
    "週", "學期", NULL};
static struct zh_list zh_time_nouns_l = ZH_LIST(zh_time_nouns);

/* A currency written before the number (新台幣3000億元, 美元500億). */
static const struct zh_word zh_cur_before[] = {
   {"人民幣", "CNY", 2}, {"美元", "USD", 2}, {"港元", "HKD", 2}, {"港幣", "HKD", 2},
   {"新台幣", "TWD", 2}, {"日圓", "JPY", 2}, {"歐元", "EUR", 2}, {NULL, NULL, 0},
};
static struct zh_list zh_cur_before_l = ZH_LIST(zh_cur_before);

static const struct zh_word zh_approx[] = {
   {"超過", "more than", 0}, {"逾", "more than", 0}, {"接近", "nearly", 0},
   {"將近", "nearly", 0}, {"近", "nearly", 0}, {"大約", "about", 0},
   {"約", "about", 0}, {"至少", "at least", 0}, {"不足", "less than", 0},
   {"不到", "less than", 0}, {"多達", "up to", 0}, {"高達", "up to", 0},
   {NULL, NULL, 0},
};
static struct zh_list zh_approx_l = ZH_LIST(zh_approx);

static const struct zh_word zh_dirs[] = {
   {"增長", "up", 0}, {"上升", "up", 0}, {"上漲", "up", 0}, {"增加", "up", 0},
   {"提高", "up", 0}, {"攀升", "up", 0}, {"增", "up", 0}, {"升", "up", 0},
   {"漲", "up", 0}, {"下降", "down", 0}, {"下跌", "down", 0}, {"減少", "down", 0},
   {"下滑", "down", 0}, {"回落", "down", 0}, {"萎縮", "down", 0}, {"降", "down", 0},
   {"跌", "down", 0}, {"減", "down", 0}, {"上調", "up", 0}, {"調升", "up", 0},
   {"下調", "down", 0}, {"調降", "down", 0}, {"擴大", "up", 0}, {"縮小", "down", 0},
   {NULL, NULL, 0},
};
static struct zh_list zh_dirs_l = ZH_LIST(zh_dirs);

/* The longest entry of list that starts at s[p] (within n), or NULL; its
 * length as written there in *len (may be NULL). */
static const struct zh_word *zh_at(struct zh_list *list, const char *s,
                                   size_t p, size_t n, size_t *len) {
  size_t k, l = zh_forms_at(zh_forms(list), s, p, n, &k);
  if (len)
    *len = l;
  return l ? &((const struct zh_word *)list->base)[k] : NULL;
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

/* Arabic digits at s[q] followed by a scale of 萬 or more smaller than big
 * (the 1,000億 of 3兆1,000億): their value in *v and end in *end, or false. */
static bool zh_digits_below(const char *s, size_t q, size_t n, double big,
                            double *v, size_t *end) {
  double x, scale = 0;
  size_t e;
  uint32_t cp;
  if (!ex_is_digit((unsigned char)s[q]) || !zh_arabic(s, q, n, &x, &e) ||
      e >= n || (unsigned char)s[e] < 0x80)
    return false;
  utf8_decode(s + e, n - e, &cp);
  if (zh_numeral(cp, &scale) != 0 || scale < 1e4 || scale >= big)
    return false;
  *v = x;
  *end = e;
  return true;
}

/* Arabic digits at s[q] right after a scale of 萬 or more, with no scale
 * after them and smaller than it (the 9,600 of 1萬9,600, as Singapore and
 * Malaysia write 19,600): their value in *v and end in *end, or false. */
static bool zh_digits_rest(const char *s, size_t q, size_t n, double big,
                           double *v, size_t *end) {
  double x, scale = 0;
  size_t e;
  uint32_t cp;
  if (!ex_is_digit((unsigned char)s[q]) || !zh_arabic(s, q, n, &x, &e) || x >= big ||
      (e < n && s[e] == '.'))
    return false;
  if (e < n && (unsigned char)s[e] >= 0x80 && utf8_decode(s + e, n - e, &cp) > 0 &&
      zh_numeral(cp, &scale) >= 0)
    return false; /* a numeral or a scale after it: not this shape */
  *v = x;
  *end = e;
  return true;
}

/* Read the number at s[p]; false when none starts there. */
static bool zh_read_num(const char *s, size_t p, size_t n, struct zh_num *out) {
  memset(out, 0, sizeof *out);
  double total = 0, sec = 0, num = 0;
  size_t q = p;
  bool any = false;
  double big = 0; /* the last scale of 萬 or more read */
  if (zh_arabic(s, p, n, &num, &q))
    out->arabic = any = true;
  for (;;) {
    uint32_t cp;
    if (q < n && big > 0 && num == 0 && sec == 0 && zh_digits_below(s, q, n, big, &num, &q))
      continue; /* 3兆1,000億: digits before a smaller scale */
    if (q < n && big > 0 && num == 0 && sec == 0 && zh_digits_rest(s, q, n, big, &num, &q))
      break; /* 1萬9,600個: the digits after the scale are its rest */
    if (q >= n || (unsigned char)s[q] < 0x80)
      break;
    int l = utf8_decode(s + q, n - q, &cp);
    double scale = 0, d = zh_numeral(cp, &scale);
    if ((cp == 0x591A || cp == 0x4F59 || cp == 0x9918) && any && !out->more) {
      /* 多, 余, 餘: 50多個, 60餘名 */
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
    if (scale > 0 && any && zh_forms_at(zh_forms(&zh_units_l), s, q, n, NULL) > (size_t)l)
      break; /* 12億千瓦: 千 starts the unit */
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
      big = scale;
    } else if (big > scale) {
      total += (sec + num > 0 ? sec + num : 1) * scale; /* 3兆1,000億 */
      sec = num = 0;
      big = scale;
    } else {
      total = (total + sec + num > 0 ? total + sec + num : 1) * scale;
      sec = num = 0;
      out->scaled = true;
      big = scale;
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
    const struct zh_word *d = zh_at(&zh_dirs_l, s, p, st, NULL);
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
     "同比", "按年", "按月", "環比", "達到", "達", "為", "至", "到", "了", "是", "約", "逾", "近",
     "超過", "對", "共", "有", "額", NULL,
  };
  static struct zh_list tail_l = ZH_LIST(tail);
  size_t e = st;
  for (bool again = true; again && e > c0;) {
    again = false;
    size_t dl = zh_forms_before(zh_forms(&zh_dirs_l), s, c0, e, NULL);
    if (dl) {
      e -= dl;
      again = true;
      continue;
    }
    size_t tl = zh_forms_before(zh_forms(&tail_l), s, c0, e, NULL);
    if (tl) {
      e -= tl;
      again = true;
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

/* What is written before a number: an approximation (逾, 約), 百分之, a
 * currency (新台幣), an approximation after the currency (新台幣約). */
struct zh_lead {
  const struct zh_word *ap, *cur;
  bool pct;
  size_t st, q; /* where the figure starts, where its number does */
};

static void zh_fig_lead(const char *s, size_t n, size_t p, struct zh_lead *ld) {
  size_t l = 0;
  memset(ld, 0, sizeof *ld);
  ld->ap = zh_at(&zh_approx_l, s, p, n, &l);
  ld->st = ld->q = p + l;
  ld->pct = n - ld->q >= 9 && memcmp(s + ld->q, "百分之", 9) == 0;
  if (ld->pct) {
    ld->q += 9;
    return;
  }
  ld->cur = zh_at(&zh_cur_before_l, s, ld->q, n, &l);
  ld->q += l;
  if (ld->cur && !ld->ap) {
    ld->ap = zh_at(&zh_approx_l, s, ld->q, n, &l); /* 新台幣約45億元 */
    ld->q += l;
  }
}

/* A measure word after a number (three|個|貨櫃), not one of a duration
 * (三|個|月): sets *cw to it (its unit the Simplified form, in buf) and
 * returns its length, or 0. */
static size_t zh_classifier(const char *s, size_t p, size_t n,
                            struct zh_word *cw, char buf[16]) {
  size_t l = zh_forms_at(zh_forms(&zh_classifiers_l), s, p, n, NULL);
  if (!l || l > 12 || zh_forms_at(zh_forms(&zh_time_nouns_l), s, p + l, n, NULL))
    return 0;
  char *u = zh_fold_copy(s + p, l);
  memcpy(buf, u, l + 1);
  free(u);
  *cw = (struct zh_word){buf, buf, 7};
  return l;
}

/* The unit after the number that ends at ne: the longer of a unit and a
 * measure word (cw filled for the latter); its end in *e, or NULL. */
static const struct zh_word *zh_fig_unit(const char *s, size_t n, size_t ne,
                                         const struct zh_lead *ld,
                                         struct zh_word *cw, char buf[16],
                                         size_t *e) {
  if (ld->pct) {
    *e = ne;
    return &zh_percent;
  }
  size_t ul = 0, cl = zh_classifier(s, ne, n, cw, buf);
  const struct zh_word *u = zh_at(&zh_units_l, s, ne, n, &ul);
  if (cl > ul) {
    u = cw;
    ul = cl;
  }
  *e = ne + ul;
  if (ld->cur && (!u || u->cls != 2 || strcmp(u->w, "元") == 0)) {
    *e = ne; /* 美元500億 */
    return ld->cur;
  }
  return u;
}

/* Words after a number and its unit that bound it (九成以上). */
static const struct zh_word zh_above[] = {
   {"以上", "more than", 0}, {"以下", "less than", 0}, {NULL, NULL, 0},
};
static struct zh_list zh_above_l = ZH_LIST(zh_above);

/* Is a number in digits before 成 tenths (約4成, 增加3成): one whole digit
 * and 成 no start of a word (5成交, 3成本, 2成立)? */
static bool zh_tenths_digit(const char *s, size_t n, const struct zh_num *num) {
  static const char *const words[] = {
     "交", "本", "立", "為", "員", "長", "功", "績", "果", "就", "熟", "品", "效", "型", "年", "人",
     "分", "都", "份", NULL};
  static struct zh_list words_l = ZH_LIST(words);
  if (num->scaled || num->value < 1 || num->value != (double)(int)num->value)
    return false;
  size_t e = num->end + 3; /* after 成 */
  return e > n || !zh_forms_at(zh_forms(&words_l), s, e, n, NULL);
}

/* Is this number and unit a figure? Counted nouns need a number that is
 * no article (一家) nor ordinal (第三家); 人 (a noun) needs 100 or a scale;
 * 三成 and 两倍 an estimate or a direction before them (減少一成) or a
 * bound after (九成以上). */
static bool zh_fig_keep(const char *s, size_t n, const struct zh_lead *ld,
                        const struct zh_num *num, const struct zh_word *u,
                        bool above) {
  if (num->arabic && !num->scaled && !num->more && !ld->ap && !ld->cur &&
      !ld->pct && (unsigned char)u->w[0] < 0x80 && !zh_after_han(s, ld->st))
    return false; /* "5%" in English text: the English pattern's */
  if (ld->st >= 3 && memcmp(s + ld->st - 3, "第", 3) == 0)
    return false; /* 第3家: an ordinal */
  if (u->cls == 7)
    return num->arabic || num->scaled || ld->ap || num->value >= 2;
  if (u->cls == 9) /* 三次: how often; 4.5萬次 a count */
    return num->scaled || num->value >= 100;
  if (u->cls == 6 && num->arabic)
    return true; /* 5,000倍: digits before 倍 count times */
  if (u->cls == 5 || u->cls == 6) { /* 成 and 倍 are common characters */
    size_t st = ld->st >= 6 && memcmp(s + ld->st - 3, "了", 3) == 0 ? ld->st - 3 : ld->st;
    bool dir = st >= 3 && zh_forms_before(zh_forms(&zh_dirs_l), s, st >= 6 ? st - 6 : 0,
                                          st, NULL); /* 擴大(了)三成 */
    static const char *const level[] = {"佔", "為", "達", "超", "至", NULL};
    static struct zh_list level_l = ZH_LIST(level); /* 佔三成, 約為六成, 已達九成, 超一成,
                                                     * 提高至五成 */
    bool share = u->cls == 5 && st >= 3 && zh_forms_before(zh_forms(&level_l), s, st - 3, st, NULL);
    return (ld->ap || dir || share || above) && num->value < 10 &&
           (!num->arabic || zh_tenths_digit(s, n, num));
  }
  if (!num->arabic && !num->scaled && !ld->pct && !ld->ap && num->value < 10)
    return false; /* 三人: counted words, not figures */
  /* 人 in numerals needs 100 or a scale (三人, 十多人 say how many in
   * words); in digits it is a count (26人受傷) */
  return u->cls != 4 || num->scaled || num->value >= 100 || num->arabic;
}

/* Does a move end at s[st] (下調0.25厘, 減息半厘)? A rate in 厘 after one
 * is the change, in percentage points; after 至, 在 or 為 it is the rate. */
static bool zh_rate_move(const char *s, size_t st) {
  if (st >= 3 && zh_forms_before(zh_forms(&zh_dirs_l), s,
                                 st >= 6 ? st - 6 : 0, st, NULL))
    return true;
  return st >= 6 && memcmp(s + st - 3, "息", 3) == 0 &&
         (memcmp(s + st - 6, "加", 3) == 0 || memcmp(s + st - 6, "減", 3) == 0 ||
          memcmp(s + st - 6, "减", 3) == 0);
}

/* Is a number in 厘 at [st, e) a rate: not 厘米 (centimetres) nor 厘清,
 * in a sentence about interest (利率, 息)? */
static bool zh_rate_li(const char *s, size_t n, size_t st, size_t e) {
  if (n - e >= 3 && (memcmp(s + e, "米", 3) == 0 || memcmp(s + e, "清", 3) == 0))
    return false;
  struct span sn = zh_sentence(s, n, st);
  for (size_t p = sn.start; p + 3 <= sn.end; p++)
    if (memcmp(s + p, "利", 3) == 0 || memcmp(s + p, "息", 3) == 0)
      return true;
  return false;
}

/* Words that name a share index (恒生指數, 恒指, 深證成指, 道指): a number
 * in 點 in their sentence is an index level or move. */
static const char *const zh_index_words[] = {
    "指數", "恒指", "恆指", "國指", "科指", "成指", "綜指", "道指", "日經", "滬指", "深指", "板指",
    NULL}; /* 滬指收報3,400點, 創業板指 */
static struct zh_list zh_index_words_l = ZH_LIST(zh_index_words);

/* Is the number in 點 at [st, e) index points: digits, not a time nor a
 * decimal (3點半, 8點鐘, 3點5), in a sentence that names an index? */
static bool zh_index_points(const char *s, size_t n, size_t st, size_t e,
                            const struct zh_num *num) {
  uint32_t cp = 0;
  if (!num->arabic)
    return false;
  if (e < n && utf8_decode(s + e, n - e, &cp) > 0 &&
      (zh_numeral(cp, &(double){0}) >= 0 || (cp >= '0' && cp <= '9') ||
       cp == 0x534A || cp == 0x9418 || cp == 0x949F || cp == 0x5206 ||
       cp == 0x6B63 || cp == 0x524D || cp == 0x5F8C || cp == 0x540E))
    return false; /* 半 鐘 钟 分 正 前 後 后: a time of day */
  struct span sn = zh_sentence(s, n, st);
  const struct zh_forms *f = zh_forms(&zh_index_words_l);
  for (size_t p = sn.start; p < sn.end; p++)
    if (zh_forms_at(f, s, p, sn.end, NULL))
      return true;
  return false;
}

/* A speed (每小時195公里, 時速120公里) or a temperature below zero
 * (零下25℃): the unit the words before the number make of u, the value
 * and start moved for the latter. */
static const struct zh_word *zh_measure_read(const char *s, struct zh_lead *ld,
                                             struct zh_num *num,
                                             const struct zh_word *u) {
  static const char *const per_hour[] = {"每小時", "時速", NULL};
  static struct zh_list per_hour_l = ZH_LIST(per_hour);
  static const struct zh_word kmh = {"公里", "km/h", 3};
  size_t lo = ld->st >= 15 ? ld->st - 15 : 0;
  if (strcmp(u->val, "km") == 0 &&
      (zh_forms_before(zh_forms(&per_hour_l), s, lo, ld->st, NULL) ||
       (ld->st >= 3 && zh_forms_before(zh_forms(&per_hour_l), s, lo, ld->st - 3, NULL))))
    return &kmh; /* one character may stand between: 時速達120公里 */
  if (strcmp(u->val, "\xc2\xb0" "C") == 0 && ld->st >= 6 && !ld->ap &&
      memcmp(s + ld->st - 6, "零下", 6) == 0) {
    ld->st -= 6;
    num->value = -num->value;
  }
  return u;
}

/* Fill f: the figure [st, e) of value num in unit u. */
static void zh_fig_fill(const char *s, const struct zh_lead *ld,
                        const struct zh_num *num, const struct zh_word *u,
                        size_t e, struct figure *f) {
  memset(f, 0, sizeof *f);
  f->span = (struct span){(uint32_t)ld->st, (uint32_t)e};
  f->value = f->value_hi =
      u->cls == 5 ? num->value * 10 : num->value; /* 三成: 30% */
  bool by = u->cls == 8 && zh_rate_move(s, ld->st);
  f->unit = xstrdup(by ? "pp" : u->val);
  f->kind = by                           ? FIGURE_CHANGE
            : u->cls == 0 || u->cls == 5 || u->cls == 8 ? FIGURE_RATE
            : u->cls == 1 || u->cls == 6 ? FIGURE_CHANGE
            : u->cls == 2                ? FIGURE_AMOUNT
            : u->cls == 3 || u->cls == 10 ? FIGURE_QUANTITY
                                         : FIGURE_COUNT;
  f->scale = num->value >= 1e12 && num->scaled  ? xstrdup("trillion")
             : num->value >= 1e9 && num->scaled ? xstrdup("billion")
             : num->value >= 1e6 && num->scaled ? xstrdup("million")
                                                : NULL;
  if (ld->ap || num->more)
    f->approx = xstrdup(ld->ap ? ld->ap->val : "more than");
  f->text = fig_clean_copy(s, ld->st, e);
}

/* Does a word for the week end at st (周, 週, 星期, 禮拜), so that the
 * one numeral after it names a day (周六, 星期三)? */
static bool zh_weekday_before(const char *s, size_t st) {
  static const char *const week[] = {"周", "週", "星期", "禮拜", NULL};
  static struct zh_list week_l = ZH_LIST(week);
  return st >= 3 && zh_forms_before(zh_forms(&week_l), s, st >= 6 ? st - 6 : 0, st, NULL) > 0;
}

/* The figure that starts at s[p], or 0: fills f and returns its end. */
static size_t zh_figure_at(const char *s, size_t n, size_t p,
                           struct figure *f) {
  struct zh_lead ld;
  zh_fig_lead(s, n, p, &ld);
  struct zh_num num;
  if (!zh_read_num(s, ld.q, n, &num))
    return 0;
  if (!num.arabic && num.end == ld.q + 3 && zh_weekday_before(s, ld.st))
    return 0; /* 本周六起: a day of the week */
  if (!num.arabic && !ld.ap && !ld.pct && !ld.cur) {
    uint32_t cp;
    double scale = 0;
    utf8_decode(s + ld.q, n - ld.q, &cp);
    zh_numeral(cp, &scale);
    if (scale > 10 || (scale == 10 && num.end == ld.q + 3))
      return 0; /* 千萬, 萬一: words that start with a scale; 十四 is a number */
  }
  struct zh_word cw;
  char buf[16];
  size_t e;
  const struct zh_word *u = zh_fig_unit(s, n, num.end, &ld, &cw, buf, &e);
  bool above = u && zh_at(&zh_above_l, s, e, n, NULL); /* 九成以上 */
  if (!u || !zh_fig_keep(s, n, &ld, &num, u, above) ||
      (u->cls == 8 && !zh_rate_li(s, n, ld.st, e)) ||
      (u->cls == 10 && !zh_index_points(s, n, ld.st, e, &num)))
    return 0;
  if (ld.cur && u == ld.cur && n - num.end >= 3 &&
      memcmp(s + num.end, "元", 3) == 0)
    e += 3; /* 新台幣3000億元: the 元 after belongs to it */
  u = zh_measure_read(s, &ld, &num, u);
  if (u->cls == 5 && n - e >= 3 && memcmp(s + e, "半", 3) == 0) {
    num.value += 0.5; /* 一成半: 15% */
    e += 3;
  }
  zh_fig_fill(s, &ld, &num, u, e, f);
  return e;
}

/* Joining words between two numbers that share the second one's unit
 * (6億及5.9億港元, 3至5%). */
static const char *const zh_joins[] = {"及", "和", "與", "或", "、", "至", "到", "～", NULL};
static struct zh_list zh_joins_l = ZH_LIST(zh_joins);

/* A number with no unit of its own at s[p] that takes the unit of the
 * figure joined to it (6億 in 6億及5.9億港元): fills f and returns its
 * end, or 0. Counted nouns and a second number with a scale the first
 * lacks (3至5萬人) are left alone. */
static size_t zh_joined_at(const char *s, size_t n, size_t p,
                           struct figure *f) {
  struct zh_lead ld;
  struct zh_num num;
  size_t jl;
  zh_fig_lead(s, n, p, &ld);
  if (ld.pct || ld.cur || !zh_read_num(s, ld.q, n, &num) ||
      !(num.arabic || num.scaled) ||
      !(jl = zh_forms_at(zh_forms(&zh_joins_l), s, num.end, n, NULL)))
    return 0;
  struct figure g;
  if (!zh_figure_at(s, n, num.end + jl, &g))
    return 0;
  bool ok = g.kind != FIGURE_COUNT && !(g.scale && !num.scaled) &&
            !(ld.st >= 3 && memcmp(s + ld.st - 3, "第", 3) == 0);
  if (ok) {
    static const struct zh_word as = {"", "", 0};
    zh_fig_fill(s, &ld, &num, &as, num.end, f);
    free(f->unit);
    f->unit = xstrdup(g.unit);
    f->kind = g.kind;
  }
  fig_drop(&g);
  return ok ? num.end : 0;
}

/* A number with a scale of 萬 or more and no unit at s[p], right before
 * a clause's end (其中輕軌工程約45億。), in the sentence of an amount
 * before it (prev): the amount's currency is its own. Fills f and returns
 * its end, or 0. */
static size_t zh_bare_scaled_at(const char *s, size_t n, size_t p,
                                const struct figure *prev, struct figure *f) {
  struct zh_lead ld;
  struct zh_num num;
  if (!prev || prev->kind != FIGURE_AMOUNT || prev->sentence.end <= p)
    return 0; /* the cheap tests first: most numbers have no amount before */
  zh_fig_lead(s, n, p, &ld);
  if (ld.pct || ld.cur || !zh_read_num(s, ld.q, n, &num) || !num.scaled || num.more)
    return 0;
  static const char *const ends[] = {"。", "，", "；", "、", NULL};
  static struct zh_list ends_l = ZH_LIST(ends);
  if (!zh_forms_at(zh_forms(&ends_l), s, num.end, n, NULL) ||
      zh_sentence(s, n, ld.st).start != prev->sentence.start)
    return 0;
  static const struct zh_word as = {"", "", 2};
  zh_fig_fill(s, &ld, &num, &as, num.end, f);
  free(f->unit);
  f->unit = xstrdup(prev->unit);
  return num.end;
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
      fig_drop(g);
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
  double scale;
  if (zh_numeral(cp, &scale) >= 0)
    return true;
  if (cp < ZH_FOLD_LO || cp >= ZH_FOLD_LO + ZH_FOLD_N)
    return false;
  uint32_t i = cp - ZH_FOLD_LO;
  return (zh_forms(&zh_approx_l)->first[i >> 3] |
          zh_forms(&zh_cur_before_l)->first[i >> 3]) &
         (1u << (i & 7));
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
    if (maybe && !e)
      e = zh_joined_at(s, n, p, &f);
    if (maybe && !e)
      e = zh_bare_scaled_at(s, n, p,
                            out->nfigures > base ? &out->figures[out->nfigures - 1] : NULL,
                            &f);
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
  if (added)
    zh_fig_after(s, n, base, out);
}
