/*
 * extract/zh_shapes.c — shapes of Chinese names that zh_entities.c's
 * patterns ask about and that need no more than the text and the word
 * boundaries: an English name in brackets after a Chinese one (陳奕迅
 * （Eason）: the bracket is the evidence a reporting verb would be), the
 * dotted tail of a foreign name whose first part a Chinese pattern read
 * (法官柯林·勞倫斯·塞克雷拉), and roads (彌敦道, 干諾道中, 長安街, 青山公路),
 * which name places the gazetteer cannot list.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"
#include "dossier/zh.h"
#include "lib.h"
#include "zh_shapes.h"

/* Does s[e..n) open with an English name in brackets: （ or (, one to four
 * Latin words of letters (Eason, Kang Ren), ） or )? */
bool zh_latin_name_after(const char *s, size_t n, size_t e) {
  size_t q = e;
  if (q + 3 <= n && memcmp(s + q, "（", 3) == 0)
    q += 3;
  else if (q < n && s[q] == '(')
    q++;
  else
    return false;
  size_t words = 0, letters = 0;
  for (; q < n && q - e < 48; q++) {
    unsigned char c = (unsigned char)s[q];
    if ((unsigned)((c | 32) - 'a') < 26u) {
      if (letters++ == 0)
        words++;
      continue;
    }
    if (c == ' ' && letters) {
      letters = 0;
      continue;
    }
    break;
  }
  if (!words || words > 4 || !letters)
    return false;
  return (q < n && s[q] == ')') || (q + 3 <= n && memcmp(s + q, "）", 3) == 0);
}

bool zh_name_dot(uint32_t cp) {
  return cp == 0xB7 || cp == 0x2027 || cp == 0x30FB || cp == 0x2022 || cp == '-' ||
         cp == 0x2010 || cp == 0x2011; /* a hyphen: 讓-諾埃爾·巴羅 */
}

bool zh_translit_odd(const char *s, size_t n, size_t q, size_t l) {
  uint32_t cp, nx = 0;
  if (q + l >= n || utf8_decode(s + q, l, &cp) <= 0 || !zh_given_ok(cp))
    return false;
  return utf8_decode(s + q + l, n - q - l, &nx) > 0 && zh_translit_ok(nx) &&
         !zh_said_after(s, q + l, n);
}

size_t zh_dotted_tail(const char *s, size_t n, size_t e) {
  size_t end = e, q = e;
  while (q < n) {
    uint32_t cp, nx;
    int l = utf8_decode(s + q, n - q, &cp);
    if (l <= 0 || !zh_name_dot(cp) || q + (size_t)l >= n ||
        utf8_decode(s + q + l, n - q - (size_t)l, &nx) <= 0 || !zh_translit_ok(nx))
      break;
    q += (size_t)l; /* the dot, then the syllables of the next part */
    size_t chars = 0;
    while (q < n && !zh_said_after(s, q, n)) {
      l = utf8_decode(s + q, n - q, &cp);
      if (l <= 0 || !zh_translit_ok(cp))
        break;
      q += (size_t)l;
      chars++;
    }
    if (chars < 2)
      break;
    end = q;
  }
  return end;
}

unsigned zh_run_marks(const char *s, size_t a, size_t b) {
  static const struct {
    char w[4];
    unsigned mark;
  } marks[] = {{"鄉", ZH_MARK_LOW_ADMIN}, {"乡", ZH_MARK_LOW_ADMIN}, {"鎮", ZH_MARK_LOW_ADMIN},
               {"镇", ZH_MARK_LOW_ADMIN}, {"村", ZH_MARK_LOW_ADMIN}, {"道", ZH_MARK_ROAD},
               {"路", ZH_MARK_ROAD},      {"街", ZH_MARK_ROAD},      {"省", 0},
               {"市", 0},                 {"縣", 0},                 {"县", 0},
               {"區", 0},                 {"区", 0}};
  /* the last bytes of the fourteen characters: one table look a byte */
  static const bool last[256] = {[0x89] = true, [0xA1] = true, [0xAE] = true, [0x87] = true,
                                 [0x91] = true, [0x93] = true, [0xAF] = true, [0x97] = true,
                                 [0x81] = true, [0x82] = true, [0xA3] = true, [0xBF] = true,
                                 [0x80] = true, [0xBA] = true};
  const unsigned char *u = (const unsigned char *)s;
  unsigned out = 0;
  for (size_t p = a + 2; p < b; p++) {
    if (!last[u[p]])
      continue;
    for (size_t k = 0; k < DS_ARRAY_LEN(marks); k++)
      if (u[p - 2] == (unsigned char)marks[k].w[0] && memcmp(u + p - 2, marks[k].w, 3) == 0) {
        out |= marks[k].mark;
        if (k < 5 || k >= 8) /* an administrative suffix written twice (區區長) */
          out |= p + 4 <= b && memcmp(u + p - 2, u + p + 1, 3) == 0 ? ZH_MARK_TWICE : 0;
      }
  }
  return out;
}

/* ---- bodies
 * ------------------------------------------------------------------ */

/* Is the character at s[p0] a measure word after a number
 * (2,000|家|公司, 兩|家|公司), which no name starts with? */
bool zh_after_number(const char *s, size_t p0) {
  static const char nums[] = "一二两兩三四五六七八九十百千万萬亿億几幾";
  if (p0 == 0)
    return false;
  unsigned c = (unsigned char)s[p0 - 1];
  if (c < 0x80)
    return (c | 32) - 'a' < 26u || c - '0' < 10u;
  if (p0 < 3)
    return false;
  for (size_t k = 0; k + 3 <= sizeof nums - 1; k += 3)
    if (memcmp(s + p0 - 3, nums + k, 3) == 0)
      return true;
  return false;
}

/* Does a word end at e whose last character is a suffix's but which
 * names no body (判處, 到處, 格局, 幹部, 舉辦)? */
bool zh_org_false_tail(const char *s, size_t a, size_t e) {
  static const char *const tails[] = {
     "判處", "懲處", "查處", "到處", "各處", "此處", "好處", "難處", "格局", "布局", "大局", "全局",
     "結局", "騙局", "幹部", "全部", "內部", "外部", "舉辦", "主辦", "創辦", "合辦", "承辦", "申辦",
     "協辦", "開辦", "妥協", NULL,
  };
  static struct zh_list tails_l = ZH_LIST(tails);
  return zh_forms_before(zh_forms(&tails_l), s, a, e, NULL) > 0;
}

bool zh_suffix_starts_word(const char *s, size_t p, size_t hi) {
  static const char *const words[] = {
     "協議", "協定", "協調", "協助", "協商", "協作", "協同", "協力", "辦法", "辦理", "辦公",
     "辦事", "辦學", "辦案", NULL,
  };
  static struct zh_list words_l = ZH_LIST(words);
  return zh_forms_at(zh_forms(&words_l), s, p, hi, NULL) > 0;
}

/* ---- roads
 * ------------------------------------------------------------------ */

/* The words that end a road's name, longest first by the list's rule. */
static const char *const road_suffixes[] = {"公路", "大道", "大街", "道", "路", "街", NULL};
static struct zh_list road_suffixes_l = ZH_LIST(road_suffixes);

/* Words before a suffix that make a kind of road, not a name (高速公路,
 * 行人路, 單車徑). */
static const char *const road_generic[] = {
    "高速", "快速", "環城", "主幹", "鄉間", "行人", "單車", "這條", "那條", "一條", "同一條",
    "鐵", "馬", "道", "網", "思", "出", "走", "一", NULL};
static struct zh_list road_generic_l = ZH_LIST(road_generic);

/* A road's part of a town, written after its name (德輔道中, 皇后大道東). */
static const char *const road_parts[] = {"中", "東", "西", "南", "北", NULL};
static struct zh_list road_parts_l = ZH_LIST(road_parts);

/* Words before a road's name that say where (在彌敦道, 近林士街, 經德輔道中),
 * or join it to another (觀塘道及開源道). */
static const char *const road_before[] = {
    "在", "於", "近", "經", "沿", "至", "往", "到", "由", "從", "因", "向", "及", "和",
    "與", "、", "入", "出", "駛入", "駛經", "途經", "位於", NULL};
static struct zh_list road_before_l = ZH_LIST(road_before);

/* Words after a road that say where on it (彌敦道一間, 觀塘道近, 長安街沿線,
 * 林士街一段, 開源道一帶). */
static const char *const road_after[] = {
    "近", "一帶", "沿", "一段", "交界", "交匯", "附近", "路段", "方向", "一間", "一家",
    "及", "和", "與", "、", "至", "往", "口", "行人", "天橋", "隧道", NULL};
static struct zh_list road_after_l = ZH_LIST(road_after);

/* Characters no road's name holds (中山路 and 人民路 do hold 中 and 人,
 * which zh_given_ok refuses). */
static const char *const road_stops[] = {
    "的", "了", "是", "在", "這", "那", "一", "條", "此", "該", "其", "個", "和", "與", "及",
    "都", "也", "就", "又", "還", "將", "已", "被", "把", "對", "從", "到", "向", "由", "於",
    "為", "以", "而", "並", "或", "有", "所", "各", "每", "本", "我", "他", "她", "你", NULL};
static struct zh_list road_stops_l = ZH_LIST(road_stops);

/* Does a place's mention end at pos (屯門|青山公路: a road after its
 * district)? */
static bool road_after_place(const struct zh_road_run *w, size_t pos) {
  for (size_t m = w->first_m; m < w->r->nm; m++)
    if (w->r->m[m].end == pos && zh_place_ref(w->r, w->r->m[m].ref))
      return true;
  return false;
}

/* Is 道, 路 or 街 at s[p] (道 E9 81 93, 路 E8 B7 AF, 街 E8 A1 97)? */
static bool road_char(const char *s, size_t p) {
  unsigned char c = (unsigned char)s[p];
  return (c == 0xE9 && memcmp(s + p, "道", 3) == 0) ||
         (c == 0xE8 && (memcmp(s + p, "路", 3) == 0 || memcmp(s + p, "街", 3) == 0));
}

bool zh_road_maybe(const struct zh_road_run *w) {
  const char *s = w->s;
  for (size_t p = w->a + 6; p + 3 <= w->b; p += 3) {
    if (!road_char(s, p))
      continue;
    size_t e = p + 3; /* 公路, 大道: the last character is one of the three */
    size_t pl = zh_forms_at(zh_forms(&road_parts_l), s, e, w->b, NULL);
    if (e == w->b || zh_forms_at(zh_forms(&road_after_l), s, e, w->b, NULL) ||
        (pl && (e + pl == w->b || zh_forms_at(zh_forms(&road_after_l), s, e + pl, w->b, NULL))))
      return true;
    for (size_t back = 6; back <= 15 && p >= w->a + back; back += 3)
      if (road_after_place(w, p - back))
        return true; /* 屯門|青山公路 */
  }
  return false;
}

/* Is byte pos a word boundary of the run (br relative to a)? */
static bool road_break(const struct zh_road_run *w, size_t pos) {
  size_t want = pos - w->a;
  for (size_t i = 0; i < w->nb; i++)
    if (w->br[i] == want)
      return true;
    else if (w->br[i] > want)
      break;
  return false;
}

/* Does a name of two or three characters that may be in a name end at k,
 * start where a word starts and after a word of road_before, a function
 * character or the run's start? Returns its start, or SIZE_MAX; the
 * shortest such name wins (經|德輔道, not 改經德輔); or after a place's
 * mention, which *district says. */
static size_t road_name_start(const struct zh_road_run *w, size_t k, bool *district) {
  const char *s = w->s;
  for (size_t a = k - 6; a + 9 >= k && a >= w->a && a < k; a -= 3) {
    bool names = true;
    for (size_t q = a; q < k && names; q += 3) {
      uint32_t cp;
      names = utf8_decode(s + q, 3, &cp) == 3 && cp >= 0x4E00 && cp <= 0x9FFF &&
              !zh_forms_at(zh_forms(&road_stops_l), s, q, q + 3, NULL);
    }
    if (!names)
      return SIZE_MAX;
    if (!road_break(w, a))
      continue;
    uint32_t cp;
    if ((*district = road_after_place(w, a)))
      return a;
    if (a == w->a ||
        zh_forms_before(zh_forms(&road_before_l), s, w->a, a, NULL) ||
        (utf8_decode(s + a - 3, 3, &cp) == 3 && !zh_given_ok(cp)))
      return a;
    if (a < w->a + 3)
      break;
  }
  return SIZE_MAX;
}

/* The end of the road whose suffix starts at k, or 0: the suffix where a
 * word starts (彌敦|道, not 知道) or at the end of a word of the name and
 * it (林士街), a part of town after it, then the run's end or a word of
 * road_after. */
static size_t road_end(const struct zh_road_run *w, size_t k, size_t *start) {
  const char *s = w->s;
  size_t l = zh_forms_at(zh_forms(&road_suffixes_l), s, k, w->b, NULL);
  if (!l || k < w->a + 6)
    return 0;
  size_t e = k + l;
  if (!road_break(w, k) && !(road_break(w, e) && road_break(w, k - 6) &&
                              !road_break(w, k - 3)))
    return 0; /* 知道, 報道: a word of one character and the suffix */
  if (zh_forms_before(zh_forms(&road_generic_l), s, w->a, k, NULL))
    return 0;
  bool district = false;
  size_t a = road_name_start(w, k, &district);
  if (a == SIZE_MAX)
    return 0;
  size_t pl = zh_forms_at(zh_forms(&road_parts_l), s, e, w->b, NULL);
  if (pl && (e + pl == w->b || zh_forms_at(zh_forms(&road_after_l), s, e + pl, w->b, NULL)))
    e += pl;
  if (e != w->b && !district && !zh_forms_at(zh_forms(&road_after_l), s, e, w->b, NULL))
    return 0; /* after its district, a road needs no more */
  *start = a;
  return e;
}

void zh_roads(const struct zh_road_run *w) {
  for (size_t k = w->a + 6; k + 3 <= w->b; k += 3) {
    size_t a, e = road_end(w, k, &a);
    if (!e)
      continue;
    bool free_span = true;
    for (size_t m = w->first_m; m < w->r->nm && free_span; m++) {
      const struct mention *mm = &w->r->m[m];
      free_span = !(mm->start < e && a < mm->end) ||
                  (mm->start >= a && mm->end <= k && zh_place_ref(w->r, mm->ref));
    }
    if (!free_span)
      continue; /* a body or person named over it; a place inside it stays */
    char *name = xstrndup(w->s + a, e - a);
    er_mention(w->r, (uint32_t)a, (uint32_t)e, er_dyn(w->r, name, ENTITY_PLACE));
    free(name);
    k = e - 3;
  }
}

/* ---- evidence for a person's name and forms that name nobody
 * ------------------------------------------------ */

bool zh_honorific_after(const char *s, size_t e, size_t hi) {
  static const char *const honorifics[] = {"先生", "女士", "小姐", "博士", NULL};
  static struct zh_list honorifics_l = ZH_LIST(honorifics);
  return zh_forms_at(zh_forms(&honorifics_l), s, e, hi, NULL) > 0;
}

bool zh_said_later(const char *s, size_t e, size_t hi) {
  static const char *const at[] = {"在", "於", NULL};
  static const char *const verbs[] = {"表示", "說", "稱", "指出", "透露", "強調", "介紹",
                                      "宣布", "回應", "坦言", "發文", NULL};
  static struct zh_list at_l = ZH_LIST(at), verbs_l = ZH_LIST(verbs);
  size_t q = e + zh_forms_at(zh_forms(&at_l), s, e, hi, NULL);
  if (q == e)
    return false;
  for (size_t chars = 0; q < hi && chars < 16; chars++) {
    uint32_t cp;
    int l = utf8_decode(s + q, hi - q, &cp);
    if (l <= 0)
      return false;
    if (chars >= 2 && zh_forms_at(zh_forms(&verbs_l), s, q, hi, NULL))
      return true;
    q += (size_t)l;
  }
  return false;
}

bool zh_not_a_name(const char *s, size_t p, size_t e) {
  static const uint32_t kin[] = {0x4F2F, 0x53D4, 0x5B38, 0x5AC2, 0x5A46, 0x59D0, 0x54E5,
                                 0x723A, 0x59E8, 0x5ABD, 0x7E3D, 0x8463, 0x751F, 0x67D0,
                                 0x65B9, 0x592A, 0x5C0E, 0x5BFC};
  /* 伯 叔 嬸 嫂 婆 姐 哥 爺 姨 媽 總 董 生 某 太 (劉太: Mrs Lau), 導 (陳導:
   * the director named before), and 方: a side in talks (韓方) */
  static struct zh_cps kin_s = ZH_CPS(kin);
  static const char *const familiar[] = {"老", "小", "阿", NULL};
  static struct zh_list familiar_l = ZH_LIST(familiar);
  uint32_t cp;
  for (size_t q = p; q < e;) { /* 王某, 李某某: anonymised */
    int l = utf8_decode(s + q, e - q, &cp);
    if (l <= 0)
      return true;
    if (cp == 0x67D0)
      return true;
    q += (size_t)l;
  }
  if (e - p == 6 && utf8_decode(s + p + 3, 3, &cp) == 3 && !zh_given_ok(cp))
    return true; /* 律師|團則反駁: a function character ends no name of two */
  if (p > 0 && s[p - 1] >= '0' && s[p - 1] <= '9')
    return true; /* 約89|萬票勝出: a scale after a number, not 萬 the family */
  if (zh_admin_end(s, e))
    return true; /* 萬榮鄉, 大城鎮: a township, not a person */
  size_t sl = zh_surname(s + p, e - p);
  if (!sl)
    return e - p == 6 && zh_forms_at(zh_forms(&familiar_l), s, p, e, NULL) == 3;
  if (e - p - sl == 3 && utf8_decode(s + p + sl, 3, &cp) == 3 && zh_cps_has(&kin_s, cp))
    return true; /* 陳伯, 李總, 陳生 */
  return zh_title_before(s, p + sl, e) == e - p - sl; /* 岑特首, 王局長 */
}

size_t zh_admin_doubled(const char *s, size_t a, size_t b) {
  static const char *const admin[] = {"省", "市", "縣", "區", "鎮", "鄉", "村", NULL};
  static const char *const head[] = {"長", "支書", "書記", "委", "黨委", NULL};
  static struct zh_list admin_l = ZH_LIST(admin), head_l = ZH_LIST(head);
  size_t twice = 0; /* the cheap test first: a character written twice */
  for (size_t e = a + 3; e <= a + 9 && e + 6 < b && !twice; e += 3)
    twice = memcmp(s + e, s + e + 3, 3) == 0 ? e : 0;
  if (!twice)
    return 0;
  for (size_t e = a + 3; e <= twice; e += 3) {
    uint32_t cp;
    if (utf8_decode(s + e - 3, 3, &cp) != 3 || !zh_given_ok(cp))
      return 0; /* 該|鎮鎮長: a function character starts no name */
    if (e == twice && zh_forms_at(zh_forms(&admin_l), s, e, b, NULL) == 3 &&
        zh_forms_at(zh_forms(&head_l), s, e + 3 + 3, b, NULL))
      return e + 3;
  }
  return 0;
}

/* ---- a name as its clause's subject
 * ------------------------------------------------------ */

bool zh_clause_start(const char *s, size_t p) {
  if (p == 0)
    return true;
  unsigned char c = (unsigned char)s[p - 1];
  if (c >= 0x80 || c == '\n' || c == ' ')
    return true; /* after 。，： or a bracket (a CJK run ends there) */
  return false;  /* after a digit, a letter or %: inside a phrase */
}

bool zh_clause_says(const char *s, size_t e, size_t hi, size_t reach) {
  /* verbs of speech and of meeting, whose subject is a person */
  static const char *const verbs[] = {
      "表示", "說", "稱", "指出", "認為", "強調", "透露", "補充", "回應", "坦言", "直言",
      "宣布", "介紹", "相信", "批評", "會見", "會晤", "發文", "致辭", "感謝", NULL};
  static struct zh_list verbs_l = ZH_LIST(verbs);
  static const char *const not_said[] = {"說明", "說服", "稱為", "稱號", NULL};
  static struct zh_list not_l = ZH_LIST(not_said);
  static const char *const at[] = {"在", "於", NULL};
  static struct zh_list at_l = ZH_LIST(at);
  for (size_t k = 2; k <= 4 && e + 3 * k + 3 <= hi; k++) /* 何永賢|視察時|表示: when */
    if ((!memcmp(s + e + 3 * k, "\xe6\x99\x82", 3) || !memcmp(s + e + 3 * k, "\xe6\x97\xb6", 3)) &&
        zh_forms_at(zh_forms(&verbs_l), s, e + 3 * k + 3, hi, NULL))
      return true;
  if (!zh_adverb_at(s, e, hi) && !zh_forms_at(zh_forms(&at_l), s, e, hi, NULL))
    reach = 0; /* 關長陳|子達表示: what follows the name is no connector */
  size_t q = e;
  for (size_t chars = 0; q < hi && chars <= reach; chars++) {
    if (zh_forms_at(zh_forms(&verbs_l), s, q, hi, NULL))
      return !zh_forms_at(zh_forms(&not_l), s, q, hi, NULL);
    uint32_t cp;
    int l = utf8_decode(s + q, hi - q, &cp);
    if (l <= 0)
      return false;
    q += (size_t)l;
  }
  return false;
}

/* An adverb written between a title and a reporting verb when the name was
 * given before (總統隨後表示, 總理早前稱, 主席多次強調): no name starts
 * with one. 曾 is left out (a family name too). */
static const char *const zh_adverbs[] = {
    "多次", "再次", "首次", "一再", "隨後", "隨即", "其後", "稍後", "日前",
    "早前", "較早前", "此前", "近日", "昨晚", "今晨", "當日", "當時", "本人",
    "當天", "當晚", "晚間", "席間", "上月",
    "亦", "也", "更", "並", "已", "又", "再", "還", "則", "就", "均", "都", "兼",
    "須", "需", "必須", "被", "獲", NULL}; /* 被告須還押: no name */
struct zh_list zh_adverbs_l = ZH_LIST(zh_adverbs);

bool zh_admin_before(const char *s, size_t p) {
  static const char *const admin[] = {"市", "縣", "區", "鎮", "鄉", "省", NULL};
  static struct zh_list admin_l = ZH_LIST(admin);
  return p >= 6 && zh_forms_before(zh_forms(&admin_l), s, p - 3, p, NULL) == 3 &&
         memcmp(s + p - 6, "\xe7\x89\xb9", 3) != 0; /* not 特區政府: the region's */
}

bool zh_person_said(const char *s, size_t e, size_t hi, size_t n) {
  static const char *const verbs[] = {"說", "認為", "透露", "坦言", "直言", "補充", "相信", NULL};
  static const char *const not_said[] = {"說明", "說服", NULL};
  static struct zh_list verbs_l = ZH_LIST(verbs), not_l = ZH_LIST(not_said);
  size_t q = e + zh_forms_at(zh_forms(&zh_adverbs_l), s, e, hi, NULL);
  if (zh_forms_at(zh_forms(&verbs_l), s, q, hi, NULL) &&
      !zh_forms_at(zh_forms(&not_l), s, q, hi, NULL))
    return true;
  for (size_t p = e; p + 3 <= n && p < e + 150; p++) /* 他 and 她 */
    if (memcmp(s + p, "\xe4\xbb\x96", 3) == 0 || memcmp(s + p, "\xe5\xa5\xb9", 3) == 0)
      return true;
  return false;
}
