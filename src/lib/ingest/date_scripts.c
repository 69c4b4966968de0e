/*
 * ingest/date_scripts.c — dates written in other scripts and calendars,
 * read by text.c's date readers: the decimal digits of other scripts
 * (Arabic-Indic, Persian, Devanagari, Bengali, Thai, fullwidth) read as
 * ASCII ones, a Japanese era's year ("令和6年"), a Buddhist-era year
 * beside a Thai month ("4 มีนาคม 2567" is 2024), a Hijri date beside the
 * Gregorian one (passed over: the Gregorian one is the article's), the
 * weekdays of Arabic, and the words that follow a date as its time,
 * weekday or update stamp in Chinese, Japanese, Korean, Thai and Arabic.
 */
#include "config.h"

#include <string.h>

#include "dossier/util.h"
#include "lib.h"

/* The ASCII digit a script's decimal digit at s[i] stands for, its byte
 * length in *len; -1 when s[i] starts none. */
static int
script_digit(const char *s, size_t n, size_t i, size_t *len)
{
    const unsigned char *p = (const unsigned char *)s + i;
    size_t left = n - i;
    if (left >= 2 && p[0] == 0xd9 && p[1] >= 0xa0 && p[1] <= 0xa9) { /* U+0660 Arabic-Indic */
        *len = 2;
        return p[1] - 0xa0;
    }
    if (left >= 2 && p[0] == 0xdb && p[1] >= 0xb0 && p[1] <= 0xb9) { /* U+06F0 Persian */
        *len = 2;
        return p[1] - 0xb0;
    }
    if (left < 3)
        return -1;
    static const struct {
        unsigned char b0, b1, lo; /* the digit zero's bytes */
    } threes[] = {
        {0xe0, 0xa5, 0xa6}, /* U+0966 Devanagari */
        {0xe0, 0xa7, 0xa6}, /* U+09E6 Bengali */
        {0xe0, 0xb9, 0x90}, /* U+0E50 Thai */
        {0xef, 0xbc, 0x90}, /* U+FF10 fullwidth */
    };
    for (size_t k = 0; k < DS_ARRAY_LEN(threes); k++)
        if (p[0] == threes[k].b0 && p[1] == threes[k].b1 && p[2] >= threes[k].lo &&
            p[2] <= threes[k].lo + 9) {
            *len = 3;
            return p[2] - threes[k].lo;
        }
    return -1;
}

/* See lib.h. */
size_t
ing_fold_digits(const char *s, size_t n, char *out, size_t cap, size_t *map)
{
    size_t o = 0, len, first = n;
    for (size_t i = 0; i < n && first == n; i++) /* most text has none: look first */
        if ((unsigned char)s[i] >= 0xd9 && script_digit(s, n, i, &len) >= 0)
            first = i;
    if (first == n)
        return 0;
    bool folded = false;
    for (size_t i = 0; i < n;) {
        if (o + 1 >= cap)
            return 0;
        int dg = (unsigned char)s[i] >= 0xd9 ? script_digit(s, n, i, &len) : -1;
        map[o] = i;
        if (dg >= 0) {
            out[o++] = (char)('0' + dg);
            i += len;
            folded = true;
        } else {
            out[o++] = s[i++];
        }
    }
    map[o] = n;
    out[o] = '\0';
    return folded ? o : 0;
}

/* Does s[i..n) start with lit? */
static bool
at_lit(const char *s, size_t n, size_t i, const char *lit)
{
    size_t l = strlen(lit);
    return n - i >= l && memcmp(s + i, lit, l) == 0;
}

/* See lib.h. */
size_t
ing_era_year(const char *s, size_t n, size_t i, int *y)
{
    static const struct {
        const char *name;
        int base; /* the Gregorian year before the era's first */
    } eras[] = {{"\xe4\xbb\xa4\xe5\x92\x8c", 2018},
                {"\xe5\xb9\xb3\xe6\x88\x90", 1988},
                {"\xe6\x98\xad\xe5\x92\x8c", 1925}};
    for (size_t k = 0; k < DS_ARRAY_LEN(eras); k++) {
        if (!at_lit(s, n, i, eras[k].name))
            continue;
        size_t j = i + strlen(eras[k].name);
        int v = 0;
        if (at_lit(s, n, j, "\xe5\x85\x83")) { /* the era's first year */
            v = 1;
            j += 3;
        } else {
            size_t d0 = j;
            while (j < n && j - d0 < 2 && s[j] >= '0' && s[j] <= '9')
                v = v * 10 + (s[j++] - '0');
            if (j == d0 || (j < n && s[j] >= '0' && s[j] <= '9'))
                return 0;
        }
        if (v < 1 || v > 64 || !at_lit(s, n, j, "\xe5\xb9\xb4"))
            return 0;
        *y = eras[k].base + v;
        return j;
    }
    return 0;
}

/* See lib.h. */
int
ing_calendar_year(const char *month, size_t ml, int y)
{
    /* a Thai month's name (U+0E00..U+0E7F) with a year of the Buddhist era */
    if (ml >= 3 && (unsigned char)month[0] == 0xe0 &&
        ((unsigned char)month[1] == 0xb8 || (unsigned char)month[1] == 0xb9) && y >= 2443 &&
        y <= 2642)
        return y - 543;
    return y;
}

/* The Hijri months as Arabic writes them. */
static const char *const hijri_ar[] = {
    "\xd9\x85\xd8\xad\xd8\xb1\xd9\x85",
    "\xd8\xb5\xd9\x81\xd8\xb1",
    "\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xb9 \xd8\xa7\xd9\x84\xd8\xa3\xd9\x88\xd9\x84",
    "\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xb9 \xd8\xa7\xd9\x84\xd8\xa7\xd9\x88\xd9\x84",
    "\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xb9 \xd8\xa7\xd9\x84\xd8\xa2\xd8\xae\xd8\xb1",
    "\xd8\xb1\xd8\xa8\xd9\x8a\xd8\xb9 \xd8\xa7\xd9\x84\xd8\xab\xd8\xa7\xd9\x86\xd9\x8a",
    "\xd8\xac\xd9\x85\xd8\xa7\xd8\xaf\xd9\x89 \xd8\xa7\xd9\x84\xd8\xa3\xd9\x88\xd9\x84\xd9\x89",
    "\xd8\xac\xd9\x85\xd8\xa7\xd8\xaf\xd9\x89 \xd8\xa7\xd9\x84\xd8\xa7\xd9\x88\xd9\x84\xd9\x89",
    "\xd8\xac\xd9\x85\xd8\xa7\xd8\xaf\xd9\x89 \xd8\xa7\xd9\x84\xd8\xa2\xd8\xae\xd8\xb1\xd8\xa9",
    "\xd8\xac\xd9\x85\xd8\xa7\xd8\xaf\xd9\x89 \xd8\xa7\xd9\x84\xd8\xa7\xd8\xae\xd8\xb1\xd8\xa9",
    "\xd8\xac\xd9\x85\xd8\xa7\xd8\xaf\xd9\x89 "
    "\xd8\xa7\xd9\x84\xd8\xab\xd8\xa7\xd9\x86\xd9\x8a\xd8\xa9",
    "\xd8\xb1\xd8\xac\xd8\xa8",
    "\xd8\xb4\xd8\xb9\xd8\xa8\xd8\xa7\xd9\x86",
    "\xd8\xb1\xd9\x85\xd8\xb6\xd8\xa7\xd9\x86",
    "\xd8\xb4\xd9\x88\xd8\xa7\xd9\x84",
    "\xd8\xb0\xd9\x88 \xd8\xa7\xd9\x84\xd9\x82\xd8\xb9\xd8\xaf\xd8\xa9",
    "\xd8\xb0\xd9\x8a \xd8\xa7\xd9\x84\xd9\x82\xd8\xb9\xd8\xaf\xd8\xa9",
    "\xd8\xb0\xd9\x88 \xd8\xa7\xd9\x84\xd8\xad\xd8\xac\xd8\xa9",
    "\xd8\xb0\xd9\x8a \xd8\xa7\xd9\x84\xd8\xad\xd8\xac\xd8\xa9"};

/* The Hijri months in Latin letters, lower case, without spaces, hyphens
 * and apostrophes ("Rabi' al-Awwal": rabialawwal). */
static const char *const hijri_latin[] = {
    "muharram",      "safar",         "rabialawwal",   "rabiulawwal",     "rabiawwal",
    "rabialthani",   "rabiuthani",    "rabialakhir",   "rabiulakhir",     "rabiathani",
    "jumadaalula",   "jumadaalawwal", "jumadaulawwal", "jumadaalakhirah", "jumadaalakhira",
    "jumadaalthani", "jumadaalukhra", "jumadaulakhir", "rajab",           "shaban",
    "ramadan",       "ramadhan",      "shawwal",       "dhualqadah",      "dhulqadah",
    "dhualqidah",    "dhulqidah",     "dhualhijjah",   "dhulhijjah",      "zulhijjah",
    "zulqadah"};

/* The end of a Hijri month's name at s[i] (before the space and the year),
 * or 0. */
static size_t
hijri_month_end(const char *s, size_t n, size_t i)
{
    for (size_t k = 0; k < DS_ARRAY_LEN(hijri_ar); k++)
        if (at_lit(s, n, i, hijri_ar[k]))
            return i + strlen(hijri_ar[k]);
    char norm[32];
    size_t nl = 0;
    for (size_t j = i; j < n && j - i < 40;) {
        unsigned char c = (unsigned char)s[j];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            if (nl + 1 >= sizeof norm)
                return 0;
            norm[nl++] = (char)(c | 0x20);
            j++;
        } else if (c == '\'' || c == '-') {
            j++;
        } else if (at_lit(s, n, j, "\xe2\x80\x99") || at_lit(s, n, j, "\xca\xbf") ||
                   at_lit(s, n, j, "\xca\xbb")) {
            j += c == 0xe2 ? 3 : 2;
        } else if (c == ' ' && nl) {
            norm[nl] = '\0';
            for (size_t k = 0; k < DS_ARRAY_LEN(hijri_latin); k++)
                if (strcmp(norm, hijri_latin[k]) == 0 && j + 1 < n && s[j + 1] >= '0' &&
                    s[j + 1] <= '9')
                    return j;
            j++;
        } else {
            return 0;
        }
    }
    return 0;
}

/* See lib.h. */
size_t
ing_hijri_at(const char *s, size_t n, size_t i)
{
    size_t j = i;
    int d = 0;
    while (j < n && j - i < 2 && s[j] >= '0' && s[j] <= '9')
        d = d * 10 + (s[j++] - '0');
    if (j == i || d < 1 || d > 30 || j >= n || s[j] != ' ')
        return 0;
    j = hijri_month_end(s, n, j + 1);
    if (!j || j + 5 > n || s[j] != ' ')
        return 0;
    j++;
    int y = 0;
    size_t y0 = j;
    while (j < n && j - y0 < 4 && s[j] >= '0' && s[j] <= '9')
        y = y * 10 + (s[j++] - '0');
    if (j - y0 != 4 || y < 1300 || y > 1600 || (j < n && s[j] >= '0' && s[j] <= '9'))
        return 0;
    static const char *const marks[] = {" AH", " A.H.", " H", " \xd9\x87\xd9\x80", " \xd9\x87"};
    for (size_t k = 0; k < DS_ARRAY_LEN(marks); k++) {
        size_t ml = strlen(marks[k]);
        if (n - j >= ml && memcmp(s + j, marks[k], ml) == 0 &&
            (j + ml == n || s[j + ml] == ' ' || s[j + ml] == ',' || s[j + ml] == '|'))
            return j + ml;
    }
    return j;
}

/* See lib.h. */
size_t
ing_hijri_lead(const char *s, size_t n, size_t i)
{
    size_t j = ing_hijri_at(s, n, i);
    if (!j)
        return i;
    static const char *const seps[] = {" ",
                                       ",",
                                       "|",
                                       "/",
                                       "-",
                                       "\xe2\x80\x93",
                                       "\xe2\x80\x94",
                                       "\xd8\xa7\xd9\x84\xd9\x85\xd9\x88\xd8\xa7\xd9\x81\xd9\x82",
                                       "corresponding to"};
    for (bool more = true; more && j < n;) {
        more = false;
        for (size_t k = 0; k < DS_ARRAY_LEN(seps); k++)
            if (at_lit(s, n, j, seps[k])) {
                j += strlen(seps[k]);
                more = true;
            }
    }
    return j;
}

/* See lib.h. */
bool
ing_weekday_other(const char *s, size_t n)
{
    /* Arabic, German, French, Spanish, Italian, Portuguese, Dutch, Polish,
     * Russian, Greek, Norwegian/Danish/Swedish, Turkish, Hindi */
    static const char *const days[] = {
        "\xd8\xa7\xd9\x84\xd8\xa3\xd8\xad\xd8\xaf",
        "\xd8\xa7\xd9\x84\xd8\xa7\xd8\xab\xd9\x86\xd9\x8a\xd9\x86",
        "\xd8\xa7\xd9\x84\xd8\xa5\xd8\xab\xd9\x86\xd9\x8a\xd9\x86",
        "\xd8\xa7\xd9\x84\xd8\xab\xd9\x84\xd8\xa7\xd8\xab\xd8\xa7\xd8\xa1",
        "\xd8\xa7\xd9\x84\xd8\xa3\xd8\xb1\xd8\xa8\xd8\xb9\xd8\xa7\xd8\xa1",
        "\xd8\xa7\xd9\x84\xd8\xae\xd9\x85\xd9\x8a\xd8\xb3",
        "\xd8\xa7\xd9\x84\xd8\xac\xd9\x85\xd8\xb9\xd8\xa9",
        "\xd8\xa7\xd9\x84\xd8\xb3\xd8\xa8\xd8\xaa",
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "lunes",
        "martes",
        "mi\xc3\xa9rcoles",
        "jueves",
        "viernes",
        "s\xc3\xa1"
        "bado",
        "domingo",
        "luned\xc3\xac",
        "marted\xc3\xac",
        "mercoled\xc3\xac",
        "gioved\xc3\xac",
        "venerd\xc3\xac",
        "sabato",
        "domenica",
        "segunda-feira",
        "ter\xc3\xa7"
        "a-feira",
        "quarta-feira",
        "quinta-feira",
        "sexta-feira",
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
        "poniedzia\xc5\x82"
        "ek",
        "wtorek",
        "\xc5\x9broda",
        "czwartek",
        "pi\xc4\x85tek",
        "sobota",
        "niedziela",
        "\xd0\xbf\xd0\xbe\xd0\xbd\xd0\xb5\xd0\xb4\xd0\xb5\xd0\xbb\xd1\x8c\xd0\xbd\xd0\xb8\xd0\xba",
        "\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80\xd0\xbd\xd0\xb8\xd0\xba",
        "\xd1\x81\xd1\x80\xd0\xb5\xd0\xb4\xd0\xb0",
        "\xd1\x87\xd0\xb5\xd1\x82\xd0\xb2\xd0\xb5\xd1\x80\xd0\xb3",
        "\xd0\xbf\xd1\x8f\xd1\x82\xd0\xbd\xd0\xb8\xd1\x86\xd0\xb0",
        "\xd1\x81\xd1\x83\xd0\xb1\xd0\xb1\xd0\xbe\xd1\x82\xd0\xb0",
        "\xd0\xb2\xd0\xbe\xd1\x81\xd0\xba\xd1\x80\xd0\xb5\xd1\x81\xd0\xb5\xd0\xbd\xd1\x8c\xd0\xb5",
        "\xd0\x9f\xd0\xbe\xd0\xbd\xd0\xb5\xd0\xb4\xd0\xb5\xd0\xbb\xd1\x8c\xd0\xbd\xd0\xb8\xd0\xba",
        "\xd0\x92\xd1\x82\xd0\xbe\xd1\x80\xd0\xbd\xd0\xb8\xd0\xba",
        "\xd0\xa1\xd1\x80\xd0\xb5\xd0\xb4\xd0\xb0",
        "\xd0\xa7\xd0\xb5\xd1\x82\xd0\xb2\xd0\xb5\xd1\x80\xd0\xb3",
        "\xd0\x9f\xd1\x8f\xd1\x82\xd0\xbd\xd0\xb8\xd1\x86\xd0\xb0",
        "\xd0\xa1\xd1\x83\xd0\xb1\xd0\xb1\xd0\xbe\xd1\x82\xd0\xb0",
        "\xd0\x92\xd0\xbe\xd1\x81\xd0\xba\xd1\x80\xd0\xb5\xd1\x81\xd0\xb5\xd0\xbd\xd1\x8c\xd0\xb5",
        "\xce\x94\xce\xb5\xcf\x85\xcf\x84\xce\xad\xcf\x81\xce\xb1",
        "\xce\xa4\xcf\x81\xce\xaf\xcf\x84\xce\xb7",
        "\xce\xa4\xce\xb5\xcf\x84\xce\xac\xcf\x81\xcf\x84\xce\xb7",
        "\xce\xa0\xce\xad\xce\xbc\xcf\x80\xcf\x84\xce\xb7",
        "\xce\xa0\xce\xb1\xcf\x81\xce\xb1\xcf\x83\xce\xba\xce\xb5\xcf\x85\xce\xae",
        "\xce\xa3\xce\xac\xce\xb2\xce\xb2\xce\xb1\xcf\x84\xce\xbf",
        "\xce\x9a\xcf\x85\xcf\x81\xce\xb9\xce\xb1\xce\xba\xce\xae",
        "mandag",
        "tirsdag",
        "onsdag",
        "torsdag",
        "fredag",
        "l\xc3\xb8rdag",
        "s\xc3\xb8ndag",
        "m\xc3\xa5ndag",
        "tisdag",
        "l\xc3\xb6rdag",
        "s\xc3\xb6ndag",
        "pazartesi",
        "sal\xc4\xb1",
        "\xc3\xa7"
        "ar\xc5\x9f"
        "amba",
        "per\xc5\x9f"
        "embe",
        "cuma",
        "cumartesi",
        "pazar",
        "\xe0\xa4\xb8\xe0\xa5\x8b\xe0\xa4\xae\xe0\xa4\xb5\xe0\xa4\xbe\xe0\xa4\xb0",
        "\xe0\xa4\xae\xe0\xa4\x82\xe0\xa4\x97\xe0\xa4\xb2\xe0\xa4\xb5\xe0\xa4\xbe\xe0\xa4\xb0",
        "\xe0\xa4\xac\xe0\xa5\x81\xe0\xa4\xa7\xe0\xa4\xb5\xe0\xa4\xbe\xe0\xa4\xb0",
        "\xe0\xa4\x97\xe0\xa5\x81\xe0\xa4\xb0\xe0\xa5\x81\xe0\xa4\xb5\xe0\xa4\xbe\xe0\xa4\xb0",
        "\xe0\xa4\xb6\xe0\xa5\x81\xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\xb0\xe0\xa4\xb5\xe0\xa4\xbe\xe0"
        "\xa4\xb0",
        "\xe0\xa4\xb6\xe0\xa4\xa8\xe0\xa4\xbf\xe0\xa4\xb5\xe0\xa4\xbe\xe0\xa4\xb0",
        "\xe0\xa4\xb0\xe0\xa4\xb5\xe0\xa4\xbf\xe0\xa4\xb5\xe0\xa4\xbe\xe0\xa4\xb0"};
    for (size_t k = 0; k < DS_ARRAY_LEN(days); k++)
        if (ing_ieq(s, n, days[k]))
            return true;
    return false;
}

/* See lib.h. */
size_t
ing_script_time_word(const char *s, size_t n, size_t i)
{
    /* a time's units and halves of the day, an update's or an entry's
     * label before a second stamp, the era marks of Arabic dates */
    static const char *const words[] = {"\xe6\x99\x82",
                                        "\xe5\x88\x86",
                                        "\xe7\xa7\x92",
                                        "\xe5\x8d\x88\xe5\x89\x8d",
                                        "\xe5\x8d\x88\xe5\xbe\x8c",
                                        "\xe6\x9b\xb4\xe6\x96\xb0",
                                        "\xe5\x8f\x91\xe5\xb8\x83",
                                        "\xec\x8b\x9c",
                                        "\xeb\xb6\x84",
                                        "\xec\xb4\x88",
                                        "\xec\x98\xa4\xec\xa0\x84",
                                        "\xec\x98\xa4\xed\x9b\x84",
                                        "\xec\x9e\x85\xeb\xa0\xa5",
                                        "\xec\x88\x98\xec\xa0\x95",
                                        "\xeb\x93\xb1\xeb\xa1\x9d",
                                        "\xec\x97\x85\xeb\x8d\xb0\xec\x9d\xb4\xed\x8a\xb8",
                                        "\xe0\xb8\x99.",
                                        "\xe0\xb8\x99",
                                        "\xd9\x85",
                                        "\xd9\x87\xd9\x80"};
    /* weekdays: 星期一, 周一, (火), 火曜日, 월요일, (월) */
    static const char *const day_lead[] = {"\xe6\x98\x9f\xe6\x9c\x9f", "\xe5\x91\xa8",
                                           "\xe9\x80\xb1", "\xe7\xa4\xbc\xe6\x8b\x9c"};
    static const char *const day_one[] = {
        "\xe4\xb8\x80", "\xe4\xba\x8c", "\xe4\xb8\x89", "\xe5\x9b\x9b", "\xe4\xba\x94",
        "\xe5\x85\xad", "\xe6\x97\xa5", "\xe5\xa4\xa9", "\xe6\x9c\x88", "\xe7\x81\xab",
        "\xe6\xb0\xb4", "\xe6\x9c\xa8", "\xe9\x87\x91", "\xe5\x9c\x9f"};
    static const char *const day_ko[] = {"\xec\x9b\x94", "\xed\x99\x94", "\xec\x88\x98",
                                         "\xeb\xaa\xa9", "\xea\xb8\x88", "\xed\x86\xa0",
                                         "\xec\x9d\xbc"};
    for (size_t k = 0; k < DS_ARRAY_LEN(words); k++)
        if (at_lit(s, n, i, words[k])) {
            size_t e = i + strlen(words[k]);
            /* "م" and "هـ" only as words of their own */
            if ((unsigned char)s[i] < 0xe0 && e < n && (unsigned char)s[e] >= 0x80)
                continue;
            return e - i;
        }
    size_t j = i;
    for (size_t k = 0; k < DS_ARRAY_LEN(day_lead); k++)
        if (at_lit(s, n, j, day_lead[k])) {
            j += strlen(day_lead[k]);
            break;
        }
    for (size_t k = 0; k < DS_ARRAY_LEN(day_one); k++)
        if (at_lit(s, n, j, day_one[k])) {
            j += 3;
            if (at_lit(s, n, j, "\xe6\x9b\x9c\xe6\x97\xa5"))
                j += 6;
            else if (at_lit(s, n, j, "\xe6\x9b\x9c"))
                j += 3;
            return j - i;
        }
    for (size_t k = 0; k < DS_ARRAY_LEN(day_ko); k++)
        if (at_lit(s, n, i, day_ko[k])) {
            j = i + 3;
            if (at_lit(s, n, j, "\xec\x9a\x94\xec\x9d\xbc"))
                j += 6;
            return j - i;
        }
    return 0;
}

/* See lib.h. */
bool
ing_script_label_date(const char *s, size_t n, struct ing_date *dt)
{
    if (n < 8 || n > 160 || (unsigned char)s[0] < 0x80)
        return false;
    /* the label: up to three words before ": ", "：" or (one word) a space */
    size_t i = 0, words = 1;
    for (; i < n && i < 48; i++) {
        if (s[i] == ':' || at_lit(s, n, i, "\xef\xbc\x9a"))
            break;
        if (s[i] == ' ' && (words == 1 && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9'))
            break;
        if (s[i] == ' ' && ++words > 3)
            return false;
        if ((unsigned char)s[i] < 0x80 && s[i] != ' ' && s[i] != '-')
            return false; /* a Latin label is the cue lists' (ing_is_published_line) */
    }
    if (i == 0 || i >= n || i >= 48)
        return false;
    const char *label_end = s + i;
    i += s[i] == ':' ? 1 : s[i] == ' ' ? 0 : 3;
    while (i < n && s[i] == ' ')
        i++;
    struct ing_date d;
    if (i >= n || !ing_parse_date_whole(s + i, n - i, &d) || !d.y || !d.d)
        return false;
    *dt = d;
    /* an update's label first ("수정 <date> 입력 <date>"): a later labelled
     * date is the publication's */
    static const char *const updated[] = {
        "\xec\x88\x98\xec\xa0\x95",
        "\xec\x88\x98\xec\xa0\x95\xec\x9d\xbc",
        "\xec\x97\x85\xeb\x8d\xb0\xec\x9d\xb4\xed\x8a\xb8",
        "\xe6\x9b\xb4\xe6\x96\xb0",
        "\xe6\x9b\xb4\xe6\x96\xb0\xe6\x97\xa5",
        "\xe6\x9b\xb4\xe6\x96\xb0\xe6\x97\xb6\xe9\x97\xb4",
        "\xe6\x9b\xb4\xe6\x96\xb0\xe6\x99\x82\xe9\x96\x93",
        "\xe6\x9c\x80\xe7\xb5\x82\xe6\x9b\xb4\xe6\x96\xb0",
        "\xd8\xaa\xd8\xad\xd8\xaf\xd9\x8a\xd8\xab",
        "\xd8\xa2\xd8\xae\xd8\xb1 \xd8\xaa\xd8\xad\xd8\xaf\xd9\x8a\xd8\xab",
        "\xe0\xa4\x85\xe0\xa4\xaa\xe0\xa4\xa1\xe0\xa5\x87\xe0\xa4\x9f",
        "\xe0\xa4\x85\xe0\xa4\xa6\xe0\xa5\x8d\xe0\xa4\xaf\xe0\xa4\xa4\xe0\xa4\xa8",
        "\xce\x95\xce\xbd\xce\xb7\xce\xbc\xce\xb5\xcf\x81\xcf\x8e\xce\xb8\xce\xb7\xce\xba\xce\xb5",
        "\xce\x95\xce\xbd\xce\xb7\xce\xbc\xce\xad\xcf\x81\xcf\x89\xcf\x83\xce\xb7",
        "\xe0\xb8\xad\xe0\xb8\xb1\xe0\xb8\x9b\xe0\xb9\x80\xe0\xb8\x94\xe0\xb8\x95",
        "\xd0\x9e\xd0\xb1\xd0\xbd\xd0\xbe\xd0\xb2\xd0\xbb\xd0\xb5\xd0\xbd\xd0\xbe",
        "G\xc3\xbcncelleme"};
    size_t ll = (size_t)(label_end - s);
    bool update = false;
    for (size_t k = 0; k < DS_ARRAY_LEN(updated) && !update; k++)
        update = ll == strlen(updated[k]) && memcmp(s, updated[k], ll) == 0;
    for (size_t p = i + 1; update && p < n; p++)
        if (s[p - 1] == ' ' && (unsigned char)s[p] >= 0x80 &&
            ing_script_label_date(s + p, n - p, &d))
            *dt = d, update = false;
    return true;
}
