/*
 * ingest/text.c — small text tools for ingest: ASCII case-insensitive
 * comparisons on counted strings, dates as articles write them, word counts
 * and telling a sentence of prose from a label.
 */
#include "config.h"

#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "dossier/ingest.h"
#include "dossier/utf8.h"
#include "dossier/util.h"
#include "lib.h"

static inline char
lc(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
}

static inline bool
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static inline bool
is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool
ing_ieq(const char *a, size_t n, const char *lit)
{
    size_t i = 0;
    while (i < n && lit[i] && lc(a[i]) == lc(lit[i]))
        i++;
    return i == n && lit[i] == '\0';
}

bool
ing_ieq_any(const char *a, size_t n, const char *const *lits, size_t nlits)
{
    for (size_t i = 0; i < nlits; i++)
        if (ing_ieq(a, n, lits[i]))
            return true;
    return false;
}

bool
ing_istarts(const char *a, size_t n, const char *lit)
{
    size_t i = 0;
    while (lit[i] && i < n && lc(a[i]) == lc(lit[i]))
        i++;
    return lit[i] == '\0';
}

/* Eight copies of byte b. */
#define REP8(b) ((uint64_t)(b) * 0x0101010101010101ull)

static inline uint64_t
load8(const char *p)
{
    uint64_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

/* Nonzero when a byte of v is 0 (a borrow may mark a byte past it too:
 * the marked starts are only candidates). */
static inline uint64_t
zero_byte(uint64_t v)
{
    return (v - REP8(0x01)) & ~v & REP8(0x80);
}

/* Does p[0..m) equal needle, ASCII case ignored? */
static inline bool
imatch(const char *p, const char *needle, size_t m)
{
    size_t k = 0;
    while (k < m && lc(p[k]) == lc(needle[k]))
        k++;
    return k == m;
}

/* First case-insensitive occurrence of needle (ASCII) in hay[0..n), or NULL.
 * The furniture rules look for dozens of cue words in every line, so the
 * starts are tried eight at a time: a start is checked byte by byte only
 * when its first two bytes match (a letter's case folded by setting bit
 * 0x20, which makes no other byte a letter), not at every first letter. */
const char *
ing_ifind(const char *hay, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    if (m == 0)
        return hay;
    if (m > n)
        return NULL;
    char c0 = lc(needle[0]), c1 = m > 1 ? lc(needle[1]) : '\0';
    uint64_t fold0 = is_alpha(c0) ? REP8(0x20) : 0, fold1 = is_alpha(c1) ? REP8(0x20) : 0;
    uint64_t want0 = REP8((unsigned char)c0), want1 = REP8((unsigned char)c1);
    size_t starts = n - m + 1, i = 0;
    for (; i + 8 <= starts; i += 8) { /* starts i..i+7; m >= 2 reads hay[i + 8] at most */
        uint64_t miss = (load8(hay + i) | fold0) ^ want0;
        if (m > 1)
            miss |= (load8(hay + i + 1) | fold1) ^ want1;
        if (!zero_byte(miss))
            continue;
        for (size_t j = i; j < i + 8; j++)
            if (imatch(hay + j, needle, m))
                return hay + j;
    }
    for (; i < starts; i++)
        if (imatch(hay + i, needle, m))
            return hay + i;
    return NULL;
}

/* See lib.h. */
const char *
ing_ifind_first(const char *hay, size_t n, const char *const *needles, size_t nw, size_t *len)
{
    for (size_t k = 0; k < nw; k++) {
        const char *at = ing_ifind(hay, n, needles[k]);
        if (at) {
            *len = strlen(needles[k]);
            return at;
        }
    }
    return NULL;
}

/* ---- dates --------------------------------------------------------------------- */

static const char *const months[12] = {"january",   "february", "march",    "april",
                                       "may",       "june",     "july",     "august",
                                       "september", "october",  "november", "december"};

/* Full month names in other languages (lower case, UTF-8, except Greek's
 * capitals as dates write them); compared after ASCII lowercasing, so
 * "Février" and "März" match. */
static const char *const months_other[][12] = {
    {"janvier", "f\xc3\xa9vrier", "mars", "avril", "mai", "juin", "juillet", "ao\xc3\xbbt",
     "septembre", "octobre", "novembre",
     "d\xc3\xa9"
     "cembre"},
    {"januar", "februar", "m\xc3\xa4rz", "april", "mai", "juni", "juli", "august", "september",
     "oktober", "november", "dezember"},
    {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
     "octubre", "noviembre", "diciembre"},
    {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
     "ottobre", "novembre", "dicembre"},
    {"janeiro", "fevereiro", "mar\xc3\xa7o", "abril", "maio", "junho", "julho", "agosto",
     "setembro", "outubro", "novembro", "dezembro"},
    {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
     "oktober", "november", "december"},
    /* Polish months as dates write them (genitive: "12 marca 2024") */
    {"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
     "wrze\xc5\x9bnia", "pa\xc5\xba" "dziernika", "listopada", "grudnia"},
    /* Indonesian and Malay: "7 Maret 2024" */
    {"januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
     "oktober", "november", "desember"},
    /* Russian as dates write them (genitive: "4 марта 2024 г.") */
    {"\xd1\x8f\xd0\xbd\xd0\xb2\xd0\xb0\xd1\x80\xd1\x8f",
     "\xd1\x84\xd0\xb5\xd0\xb2\xd1\x80\xd0\xb0\xd0\xbb\xd1\x8f",
     "\xd0\xbc\xd0\xb0\xd1\x80\xd1\x82\xd0\xb0",
     "\xd0\xb0\xd0\xbf\xd1\x80\xd0\xb5\xd0\xbb\xd1\x8f", "\xd0\xbc\xd0\xb0\xd1\x8f",
     "\xd0\xb8\xd1\x8e\xd0\xbd\xd1\x8f", "\xd0\xb8\xd1\x8e\xd0\xbb\xd1\x8f",
     "\xd0\xb0\xd0\xb2\xd0\xb3\xd1\x83\xd1\x81\xd1\x82\xd0\xb0",
     "\xd1\x81\xd0\xb5\xd0\xbd\xd1\x82\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f",
     "\xd0\xbe\xd0\xba\xd1\x82\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f",
     "\xd0\xbd\xd0\xbe\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f",
     "\xd0\xb4\xd0\xb5\xd0\xba\xd0\xb0\xd0\xb1\xd1\x80\xd1\x8f"},
    /* Turkish: "4 Mart 2024 Pazartesi" */
    {"ocak", "\xc5\x9fubat", "mart", "nisan", "may\xc4\xb1s", "haziran", "temmuz",
     "a\xc4\x9fustos", "eyl\xc3\xbcl", "ekim", "kas\xc4\xb1m", "aral\xc4\xb1k"},
    /* Arabic (the months of Egypt and the Gulf): "4 مارس 2024" */
    {"\xd9\x8a\xd9\x86\xd8\xa7\xd9\x8a\xd8\xb1",
     "\xd9\x81\xd8\xa8\xd8\xb1\xd8\xa7\xd9\x8a\xd8\xb1", "\xd9\x85\xd8\xa7\xd8\xb1\xd8\xb3",
     "\xd8\xa3\xd8\xa8\xd8\xb1\xd9\x8a\xd9\x84", "\xd9\x85\xd8\xa7\xd9\x8a\xd9\x88",
     "\xd9\x8a\xd9\x88\xd9\x86\xd9\x8a\xd9\x88", "\xd9\x8a\xd9\x88\xd9\x84\xd9\x8a\xd9\x88",
     "\xd8\xa3\xd8\xba\xd8\xb3\xd8\xb7\xd8\xb3",
     "\xd8\xb3\xd8\xa8\xd8\xaa\xd9\x85\xd8\xa8\xd8\xb1",
     "\xd8\xa3\xd9\x83\xd8\xaa\xd9\x88\xd8\xa8\xd8\xb1",
     "\xd9\x86\xd9\x88\xd9\x81\xd9\x85\xd8\xa8\xd8\xb1",
     "\xd8\xaf\xd9\x8a\xd8\xb3\xd9\x85\xd8\xa8\xd8\xb1"},
    /* Arabic of the Levant and Iraq: "١٠ آذار ٢٠٢٤" (two-word names read by
     * date_day_first) */
    {"\xd9\x83\xd8\xa7\xd9\x86\xd9\x88\xd9\x86 \xd8\xa7\xd9\x84\xd8\xab\xd8\xa7\xd9\x86\xd9\x8a",
     "\xd8\xb4\xd8\xa8\xd8\xa7\xd8\xb7", "\xd8\xa2\xd8\xb0\xd8\xa7\xd8\xb1",
     "\xd9\x86\xd9\x8a\xd8\xb3\xd8\xa7\xd9\x86", "\xd8\xa3\xd9\x8a\xd8\xa7\xd8\xb1",
     "\xd8\xad\xd8\xb2\xd9\x8a\xd8\xb1\xd8\xa7\xd9\x86", "\xd8\xaa\xd9\x85\xd9\x88\xd8\xb2",
     "\xd8\xa2\xd8\xa8", "\xd8\xa3\xd9\x8a\xd9\x84\xd9\x88\xd9\x84",
     "\xd8\xaa\xd8\xb4\xd8\xb1\xd9\x8a\xd9\x86 \xd8\xa7\xd9\x84\xd8\xa3\xd9\x88\xd9\x84",
     "\xd8\xaa\xd8\xb4\xd8\xb1\xd9\x8a\xd9\x86 \xd8\xa7\xd9\x84\xd8\xab\xd8\xa7\xd9\x86\xd9\x8a",
     "\xd9\x83\xd8\xa7\xd9\x86\xd9\x88\xd9\x86 \xd8\xa7\xd9\x84\xd8\xa3\xd9\x88\xd9\x84"},
    /* Thai abbreviations ("4 มี.ค. 2567"; ing_month drops the last dot) */
    {"\xe0\xb8\xa1.\xe0\xb8\x84", "\xe0\xb8\x81.\xe0\xb8\x9e",
     "\xe0\xb8\xa1\xe0\xb8\xb5.\xe0\xb8\x84", "\xe0\xb9\x80\xe0\xb8\xa1.\xe0\xb8\xa2",
     "\xe0\xb8\x9e.\xe0\xb8\x84", "\xe0\xb8\xa1\xe0\xb8\xb4.\xe0\xb8\xa2",
     "\xe0\xb8\x81.\xe0\xb8\x84", "\xe0\xb8\xaa.\xe0\xb8\x84", "\xe0\xb8\x81.\xe0\xb8\xa2",
     "\xe0\xb8\x95.\xe0\xb8\x84", "\xe0\xb8\x9e.\xe0\xb8\xa2", "\xe0\xb8\x98.\xe0\xb8\x84"},
    /* Arabic of Tunisia and Algeria */
    {"\xd8\xac\xd8\xa7\xd9\x86\xd9\x81\xd9\x8a", "\xd9\x81\xd9\x8a\xd9\x81\xd8\xb1\xd9\x8a",
     "\xd9\x85\xd8\xa7\xd8\xb1\xd8\xb3", "\xd8\xa3\xd9\x81\xd8\xb1\xd9\x8a\xd9\x84",
     "\xd9\x85\xd8\xa7\xd9\x8a", "\xd8\xac\xd9\x88\xd8\xa7\xd9\x86",
     "\xd8\xac\xd9\x88\xd9\x8a\xd9\x84\xd9\x8a\xd8\xa9", "\xd8\xa3\xd9\x88\xd8\xaa",
     "\xd8\xb3\xd8\xa8\xd8\xaa\xd9\x85\xd8\xa8\xd8\xb1",
     "\xd8\xa3\xd9\x83\xd8\xaa\xd9\x88\xd8\xa8\xd8\xb1",
     "\xd9\x86\xd9\x88\xd9\x81\xd9\x85\xd8\xa8\xd8\xb1",
     "\xd8\xaf\xd9\x8a\xd8\xb3\xd9\x85\xd8\xa8\xd8\xb1"},
    /* Arabic of Morocco */
    {"\xd9\x8a\xd9\x86\xd8\xa7\xd9\x8a\xd8\xb1", "\xd9\x81\xd8\xa8\xd8\xb1\xd8\xa7\xd9\x8a\xd8\xb1",
     "\xd9\x85\xd8\xa7\xd8\xb1\xd8\xb3", "\xd8\xa3\xd8\xa8\xd8\xb1\xd9\x8a\xd9\x84",
     "\xd9\x85\xd8\xa7\xd9\x8a", "\xd9\x8a\xd9\x88\xd9\x86\xd9\x8a\xd9\x88",
     "\xd9\x8a\xd9\x88\xd9\x84\xd9\x8a\xd9\x88\xd8\xb2", "\xd8\xba\xd8\xb4\xd8\xaa",
     "\xd8\xb4\xd8\xaa\xd9\x86\xd8\xa8\xd8\xb1", "\xd8\xa3\xd9\x83\xd8\xaa\xd9\x88\xd8\xa8\xd8\xb1",
     "\xd9\x86\xd9\x88\xd9\x86\xd8\xa8\xd8\xb1", "\xd8\xaf\xd8\xac\xd9\x86\xd8\xa8\xd8\xb1"},
    /* Ukrainian as dates write them (genitive: "4 березня 2024") */
    {"\xd1\x81\xd1\x96\xd1\x87\xd0\xbd\xd1\x8f", "\xd0\xbb\xd1\x8e\xd1\x82\xd0\xbe\xd0\xb3\xd0\xbe",
     "\xd0\xb1\xd0\xb5\xd1\x80\xd0\xb5\xd0\xb7\xd0\xbd\xd1\x8f",
     "\xd0\xba\xd0\xb2\xd1\x96\xd1\x82\xd0\xbd\xd1\x8f",
     "\xd1\x82\xd1\x80\xd0\xb0\xd0\xb2\xd0\xbd\xd1\x8f",
     "\xd1\x87\xd0\xb5\xd1\x80\xd0\xb2\xd0\xbd\xd1\x8f", "\xd0\xbb\xd0\xb8\xd0\xbf\xd0\xbd\xd1\x8f",
     "\xd1\x81\xd0\xb5\xd1\x80\xd0\xbf\xd0\xbd\xd1\x8f",
     "\xd0\xb2\xd0\xb5\xd1\x80\xd0\xb5\xd1\x81\xd0\xbd\xd1\x8f",
     "\xd0\xb6\xd0\xbe\xd0\xb2\xd1\x82\xd0\xbd\xd1\x8f",
     "\xd0\xbb\xd0\xb8\xd1\x81\xd1\x82\xd0\xbe\xd0\xbf\xd0\xb0\xd0\xb4\xd0\xb0",
     "\xd0\xb3\xd1\x80\xd1\x83\xd0\xb4\xd0\xbd\xd1\x8f"},
    /* Czech (genitive: "4. března 2024") */
    {"ledna", "\xc3\xbanora", "b\xc5\x99" "ezna", "dubna", "kv\xc4\x9btna", "\xc4\x8d" "ervna",
     "\xc4\x8d" "ervence", "srpna", "z\xc3\xa1\xc5\x99\xc3\xad", "\xc5\x99\xc3\xadjna", "listopadu",
     "prosince"},
    /* Romanian */
    {"ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie",
     "octombrie", "noiembrie", "decembrie"},
    /* Swedish */
    {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
     "oktober", "november", "december"},
    /* Norwegian */
    {"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
     "november", "desember"},
    /* Danish */
    {"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
     "november", "december"},
    /* Finnish ("4. maaliskuuta 2024") */
    {"tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kes\xc3\xa4kuuta",
     "hein\xc3\xa4kuuta", "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta"},
    /* Bengali (with Bengali digits: ing_fold_digits) */
    {"\xe0\xa6\x9c\xe0\xa6\xbe\xe0\xa6\xa8\xe0\xa7\x81\xe0\xa6\xaf\xe0\xa6\xbc\xe0\xa6\xbe"
     "\xe0\xa6\xb0\xe0\xa6\xbf",
     "\xe0\xa6\xab\xe0\xa7\x87\xe0\xa6\xac\xe0\xa7\x8d\xe0\xa6\xb0\xe0\xa7\x81\xe0\xa6\xaf"
     "\xe0\xa6\xbc\xe0\xa6\xbe\xe0\xa6\xb0\xe0\xa6\xbf",
     "\xe0\xa6\xae\xe0\xa6\xbe\xe0\xa6\xb0\xe0\xa7\x8d\xe0\xa6\x9a",
     "\xe0\xa6\x8f\xe0\xa6\xaa\xe0\xa7\x8d\xe0\xa6\xb0\xe0\xa6\xbf\xe0\xa6\xb2",
     "\xe0\xa6\xae\xe0\xa7\x87", "\xe0\xa6\x9c\xe0\xa7\x81\xe0\xa6\xa8",
     "\xe0\xa6\x9c\xe0\xa7\x81\xe0\xa6\xb2\xe0\xa6\xbe\xe0\xa6\x87",
     "\xe0\xa6\x86\xe0\xa6\x97\xe0\xa6\xb8\xe0\xa7\x8d\xe0\xa6\x9f",
     "\xe0\xa6\xb8\xe0\xa7\x87\xe0\xa6\xaa\xe0\xa7\x8d\xe0\xa6\x9f\xe0\xa7\x87\xe0\xa6\xae"
     "\xe0\xa7\x8d\xe0\xa6\xac\xe0\xa6\xb0",
     "\xe0\xa6\x85\xe0\xa6\x95\xe0\xa7\x8d\xe0\xa6\x9f\xe0\xa7\x8b\xe0\xa6\xac\xe0\xa6\xb0",
     "\xe0\xa6\xa8\xe0\xa6\xad\xe0\xa7\x87\xe0\xa6\xae\xe0\xa7\x8d\xe0\xa6\xac\xe0\xa6\xb0",
     "\xe0\xa6\xa1\xe0\xa6\xbf\xe0\xa6\xb8\xe0\xa7\x87\xe0\xa6\xae\xe0\xa7\x8d\xe0\xa6\xac"
     "\xe0\xa6\xb0"},
    /* Urdu */
    {"\xd8\xac\xd9\x86\xd9\x88\xd8\xb1\xdb\x8c", "\xd9\x81\xd8\xb1\xd9\x88\xd8\xb1\xdb\x8c",
     "\xd9\x85\xd8\xa7\xd8\xb1\xda\x86", "\xd8\xa7\xd9\xbe\xd8\xb1\xdb\x8c\xd9\x84",
     "\xd9\x85\xd8\xa6\xdb\x8c", "\xd8\xac\xd9\x88\xd9\x86",
     "\xd8\xac\xd9\x88\xd9\x84\xd8\xa7\xd8\xa6\xdb\x8c", "\xd8\xa7\xda\xaf\xd8\xb3\xd8\xaa",
     "\xd8\xb3\xd8\xaa\xd9\x85\xd8\xa8\xd8\xb1", "\xd8\xa7\xda\xa9\xd8\xaa\xd9\x88\xd8\xa8\xd8\xb1",
     "\xd9\x86\xd9\x88\xd9\x85\xd8\xa8\xd8\xb1", "\xd8\xaf\xd8\xb3\xd9\x85\xd8\xa8\xd8\xb1"},
    /* Hindi: "4 मार्च 2024" (and the spellings beside them in the next two rows) */
    {"\xe0\xa4\x9c\xe0\xa4\xa8\xe0\xa4\xb5\xe0\xa4\xb0\xe0\xa5\x80",
     "\xe0\xa4\xab\xe0\xa4\xbc\xe0\xa4\xb0\xe0\xa4\xb5\xe0\xa4\xb0\xe0\xa5\x80",
     "\xe0\xa4\xae\xe0\xa4\xbe\xe0\xa4\xb0\xe0\xa5\x8d\xe0\xa4\x9a",
     "\xe0\xa4\x85\xe0\xa4\xaa\xe0\xa5\x8d\xe0\xa4\xb0\xe0\xa5\x88\xe0\xa4\xb2",
     "\xe0\xa4\xae\xe0\xa4\x88", "\xe0\xa4\x9c\xe0\xa5\x82\xe0\xa4\xa8",
     "\xe0\xa4\x9c\xe0\xa5\x81\xe0\xa4\xb2\xe0\xa4\xbe\xe0\xa4\x88",
     "\xe0\xa4\x85\xe0\xa4\x97\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xa4",
     "\xe0\xa4\xb8\xe0\xa4\xbf\xe0\xa4\xa4\xe0\xa4\x82\xe0\xa4\xac\xe0\xa4\xb0",
     "\xe0\xa4\x85\xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\x9f\xe0\xa5\x82\xe0\xa4\xac\xe0\xa4\xb0",
     "\xe0\xa4\xa8\xe0\xa4\xb5\xe0\xa4\x82\xe0\xa4\xac\xe0\xa4\xb0",
     "\xe0\xa4\xa6\xe0\xa4\xbf\xe0\xa4\xb8\xe0\xa4\x82\xe0\xa4\xac\xe0\xa4\xb0"},
    /* Hindi, precomposed nukta and -m- spellings */
    {"\xe0\xa4\x9c\xe0\xa4\xa8\xe0\xa4\xb5\xe0\xa4\xb0\xe0\xa5\x80",
     "\xe0\xa5\x9e\xe0\xa4\xb0\xe0\xa4\xb5\xe0\xa4\xb0\xe0\xa5\x80",
     "\xe0\xa4\xae\xe0\xa4\xbe\xe0\xa4\xb0\xe0\xa5\x8d\xe0\xa4\x9a",
     "\xe0\xa4\x85\xe0\xa4\xaa\xe0\xa5\x8d\xe0\xa4\xb0\xe0\xa5\x88\xe0\xa4\xb2",
     "\xe0\xa4\xae\xe0\xa4\x88", "\xe0\xa4\x9c\xe0\xa5\x82\xe0\xa4\xa8",
     "\xe0\xa4\x9c\xe0\xa5\x81\xe0\xa4\xb2\xe0\xa4\xbe\xe0\xa4\x88",
     "\xe0\xa4\x85\xe0\xa4\x97\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xa4",
     "\xe0\xa4\xb8\xe0\xa4\xbf\xe0\xa4\xa4\xe0\xa4\xae\xe0\xa5\x8d\xe0\xa4\xac\xe0\xa4\xb0",
     "\xe0\xa4\x85\xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\xa4\xe0\xa5\x82\xe0\xa4\xac\xe0\xa4\xb0",
     "\xe0\xa4\xa8\xe0\xa4\xb5\xe0\xa4\xae\xe0\xa5\x8d\xe0\xa4\xac\xe0\xa4\xb0",
     "\xe0\xa4\xa6\xe0\xa4\xbf\xe0\xa4\xb8\xe0\xa4\xae\xe0\xa5\x8d\xe0\xa4\xac\xe0\xa4\xb0"},
    /* Hindi, without the nukta */
    {"\xe0\xa4\x9c\xe0\xa4\xa8\xe0\xa4\xb5\xe0\xa4\xb0\xe0\xa5\x80",
     "\xe0\xa4\xab\xe0\xa4\xb0\xe0\xa4\xb5\xe0\xa4\xb0\xe0\xa5\x80",
     "\xe0\xa4\xae\xe0\xa4\xbe\xe0\xa4\xb0\xe0\xa5\x8d\xe0\xa4\x9a",
     "\xe0\xa4\x85\xe0\xa4\xaa\xe0\xa5\x8d\xe0\xa4\xb0\xe0\xa5\x87\xe0\xa4\xb2",
     "\xe0\xa4\xae\xe0\xa4\x88", "\xe0\xa4\x9c\xe0\xa5\x82\xe0\xa4\xa8",
     "\xe0\xa4\x9c\xe0\xa5\x81\xe0\xa4\xb2\xe0\xa4\xbe\xe0\xa4\x88",
     "\xe0\xa4\x85\xe0\xa4\x97\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xa4",
     "\xe0\xa4\xb8\xe0\xa4\xbf\xe0\xa4\xa4\xe0\xa4\xae\xe0\xa5\x8d\xe0\xa4\xac\xe0\xa4\xb0",
     "\xe0\xa4\x85\xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\x9f\xe0\xa5\x82\xe0\xa4\xac\xe0\xa4\xb0",
     "\xe0\xa4\xa8\xe0\xa4\xb5\xe0\xa4\xae\xe0\xa5\x8d\xe0\xa4\xac\xe0\xa4\xb0",
     "\xe0\xa4\xa6\xe0\xa4\xbf\xe0\xa4\xb8\xe0\xa4\xae\xe0\xa5\x8d\xe0\xa4\xac\xe0\xa4\xb0"},
    /* Greek as dates write them (genitive: "4 Μαρτίου 2024") */
    {"\xce\x99\xce\xb1\xce\xbd\xce\xbf\xcf\x85\xce\xb1\xcf\x81\xce\xaf\xce\xbf\xcf\x85",
     "\xce\xa6\xce\xb5\xce\xb2\xcf\x81\xce\xbf\xcf\x85\xce\xb1\xcf\x81\xce\xaf\xce\xbf\xcf\x85",
     "\xce\x9c\xce\xb1\xcf\x81\xcf\x84\xce\xaf\xce\xbf\xcf\x85",
     "\xce\x91\xcf\x80\xcf\x81\xce\xb9\xce\xbb\xce\xaf\xce\xbf\xcf\x85",
     "\xce\x9c\xce\xb1\xce\x90\xce\xbf\xcf\x85",
     "\xce\x99\xce\xbf\xcf\x85\xce\xbd\xce\xaf\xce\xbf\xcf\x85",
     "\xce\x99\xce\xbf\xcf\x85\xce\xbb\xce\xaf\xce\xbf\xcf\x85",
     "\xce\x91\xcf\x85\xce\xb3\xce\xbf\xcf\x8d\xcf\x83\xcf\x84\xce\xbf\xcf\x85",
     "\xce\xa3\xce\xb5\xcf\x80\xcf\x84\xce\xb5\xce\xbc\xce\xb2\xcf\x81\xce\xaf\xce\xbf\xcf\x85",
     "\xce\x9f\xce\xba\xcf\x84\xcf\x89\xce\xb2\xcf\x81\xce\xaf\xce\xbf\xcf\x85",
     "\xce\x9d\xce\xbf\xce\xb5\xce\xbc\xce\xb2\xcf\x81\xce\xaf\xce\xbf\xcf\x85",
     "\xce\x94\xce\xb5\xce\xba\xce\xb5\xce\xbc\xce\xb2\xcf\x81\xce\xaf\xce\xbf\xcf\x85"},
    /* Greek in lower case */
    {"\xce\xb9\xce\xb1\xce\xbd\xce\xbf\xcf\x85\xce\xb1\xcf\x81\xce\xaf\xce\xbf\xcf\x85",
     "\xcf\x86\xce\xb5\xce\xb2\xcf\x81\xce\xbf\xcf\x85\xce\xb1\xcf\x81\xce\xaf\xce\xbf\xcf\x85",
     "\xce\xbc\xce\xb1\xcf\x81\xcf\x84\xce\xaf\xce\xbf\xcf\x85",
     "\xce\xb1\xcf\x80\xcf\x81\xce\xb9\xce\xbb\xce\xaf\xce\xbf\xcf\x85",
     "\xce\xbc\xce\xb1\xce\x90\xce\xbf\xcf\x85",
     "\xce\xb9\xce\xbf\xcf\x85\xce\xbd\xce\xaf\xce\xbf\xcf\x85",
     "\xce\xb9\xce\xbf\xcf\x85\xce\xbb\xce\xaf\xce\xbf\xcf\x85",
     "\xce\xb1\xcf\x85\xce\xb3\xce\xbf\xcf\x8d\xcf\x83\xcf\x84\xce\xbf\xcf\x85",
     "\xcf\x83\xce\xb5\xcf\x80\xcf\x84\xce\xb5\xce\xbc\xce\xb2\xcf\x81\xce\xaf\xce\xbf\xcf\x85",
     "\xce\xbf\xce\xba\xcf\x84\xcf\x89\xce\xb2\xcf\x81\xce\xaf\xce\xbf\xcf\x85",
     "\xce\xbd\xce\xbf\xce\xb5\xce\xbc\xce\xb2\xcf\x81\xce\xaf\xce\xbf\xcf\x85",
     "\xce\xb4\xce\xb5\xce\xba\xce\xb5\xce\xbc\xce\xb2\xcf\x81\xce\xaf\xce\xbf\xcf\x85"},
    /* Thai: "4 มีนาคม 2567" (a Buddhist-era year: ing_calendar_year) */
    {"\xe0\xb8\xa1\xe0\xb8\x81\xe0\xb8\xa3\xe0\xb8\xb2\xe0\xb8\x84\xe0\xb8\xa1",
     "\xe0\xb8\x81\xe0\xb8\xb8\xe0\xb8\xa1\xe0\xb8\xa0\xe0\xb8\xb2\xe0\xb8\x9e\xe0\xb8\xb1"
     "\xe0\xb8\x99\xe0\xb8\x98\xe0\xb9\x8c",
     "\xe0\xb8\xa1\xe0\xb8\xb5\xe0\xb8\x99\xe0\xb8\xb2\xe0\xb8\x84\xe0\xb8\xa1",
     "\xe0\xb9\x80\xe0\xb8\xa1\xe0\xb8\xa9\xe0\xb8\xb2\xe0\xb8\xa2\xe0\xb8\x99",
     "\xe0\xb8\x9e\xe0\xb8\xa4\xe0\xb8\xa9\xe0\xb8\xa0\xe0\xb8\xb2\xe0\xb8\x84\xe0\xb8\xa1",
     "\xe0\xb8\xa1\xe0\xb8\xb4\xe0\xb8\x96\xe0\xb8\xb8\xe0\xb8\x99\xe0\xb8\xb2\xe0\xb8\xa2"
     "\xe0\xb8\x99",
     "\xe0\xb8\x81\xe0\xb8\xa3\xe0\xb8\x81\xe0\xb8\x8e\xe0\xb8\xb2\xe0\xb8\x84\xe0\xb8\xa1",
     "\xe0\xb8\xaa\xe0\xb8\xb4\xe0\xb8\x87\xe0\xb8\xab\xe0\xb8\xb2\xe0\xb8\x84\xe0\xb8\xa1",
     "\xe0\xb8\x81\xe0\xb8\xb1\xe0\xb8\x99\xe0\xb8\xa2\xe0\xb8\xb2\xe0\xb8\xa2\xe0\xb8\x99",
     "\xe0\xb8\x95\xe0\xb8\xb8\xe0\xb8\xa5\xe0\xb8\xb2\xe0\xb8\x84\xe0\xb8\xa1",
     "\xe0\xb8\x9e\xe0\xb8\xa4\xe0\xb8\xa8\xe0\xb8\x88\xe0\xb8\xb4\xe0\xb8\x81\xe0\xb8\xb2"
     "\xe0\xb8\xa2\xe0\xb8\x99",
     "\xe0\xb8\x98\xe0\xb8\xb1\xe0\xb8\x99\xe0\xb8\xa7\xe0\xb8\xb2\xe0\xb8\x84\xe0\xb8\xa1"},
};

/* months_other by first byte, each byte's names in the table's order (a name
 * two languages share keeps the first one's month); built once. */
#define MONTHS_OTHER_N (DS_ARRAY_LEN(months_other) * 12)
static struct { const char *s; size_t len; int month; } other_names[MONTHS_OTHER_N];
static size_t other_start[257];
static pthread_once_t other_once = PTHREAD_ONCE_INIT;

static void
other_index(void)
{
    size_t fill[256] = {0};
    for (size_t l = 0; l < DS_ARRAY_LEN(months_other); l++)
        for (int m = 0; m < 12; m++)
            fill[(unsigned char)months_other[l][m][0]]++;
    for (size_t b = 0; b < 256; b++)
        other_start[b + 1] = other_start[b] + fill[b];
    memcpy(fill, other_start, sizeof fill);
    for (size_t l = 0; l < DS_ARRAY_LEN(months_other); l++)
        for (int m = 0; m < 12; m++) {
            const char *name = months_other[l][m];
            size_t k = fill[(unsigned char)name[0]]++;
            other_names[k].s = name;
            other_names[k].len = strlen(name);
            other_names[k].month = m + 1;
        }
}

int
ing_month(const char *s, size_t n)
{
    if (n > 0 && s[n - 1] == '.')
        n--;
    if (n < 3 || n > 36 || /* a Thai month is up to 27 bytes */
        !(is_alpha(s[0]) || (unsigned char)s[0] >= 0xc3))
        return 0; /* no month name is shorter, longer or starts otherwise */
    for (int m = 0; m < 12; m++) {
        size_t ml = strlen(months[m]);
        if (n > ml)
            continue;
        bool eq = true;
        for (size_t i = 0; i < n; i++)
            if (lc(s[i]) != months[m][i]) {
                eq = false;
                break;
            }
        /* full name, 3-letter abbreviation, or "Sept" */
        if (eq && (n == ml || n == 3 || (m == 8 && n == 4)))
            return m + 1;
    }
    pthread_once(&other_once, other_index);
    unsigned char c0 = (unsigned char)lc(s[0]); /* most words are no month */
    for (size_t k = other_start[c0]; k < other_start[c0 + 1]; k++)
        if (other_names[k].len == n && ing_ieq(s, n, other_names[k].s))
            return other_names[k].month;
    return 0;
}

static bool
valid_ymd(int y, int m, int d)
{
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 0 && d <= mdays[m - 1];
}

/* Read up to maxd digits at s[*i]; returns the value or -1. */
static int
read_num(const char *s, size_t n, size_t *i, size_t mind, size_t maxd)
{
    size_t j = *i;
    int v = 0;
    while (j < n && is_digit(s[j]) && j - *i < maxd + 1) {
        v = v * 10 + (s[j] - '0');
        j++;
    }
    size_t len = j - *i;
    if (len < mind || len > maxd || (j < n && is_digit(s[j])))
        return -1;
    *i = j;
    return v;
}

static size_t
skip_spaces(const char *s, size_t n, size_t i)
{
    while (i < n && s[i] == ' ')
        i++;
    return i;
}

/* End of a word of letters (ASCII or not) and abbreviation dots. */
static size_t
word_end(const char *s, size_t n, size_t i)
{
    while (i < n && (is_alpha(s[i]) || s[i] == '.' || (unsigned char)s[i] >= 0x80))
        i++;
    return i;
}

/* After a day number at s[j]: an ordinal suffix ("1st", "22nd"), the index
 * after it (j when there is none). */
static size_t
skip_ordinal(const char *s, size_t n, size_t j)
{
    if (j + 2 <= n && (ing_istarts(s + j, n - j, "st") || ing_istarts(s + j, n - j, "nd") ||
                       ing_istarts(s + j, n - j, "rd") || ing_istarts(s + j, n - j, "th")))
        return j + 2;
    return j;
}

/* yyyy-mm-dd, yyyy/mm/dd, yyyy.mm.dd or yyyy年m月d日 after the year a
 * read up to s[j]; returns the index after it or 0. */
static size_t
date_year_first(const char *s, size_t n, size_t j, int a, struct ing_date *d)
{
    if (j < n && (s[j] == '-' || s[j] == '/' || s[j] == '.')) {
        char sep = s[j++];
        int m = read_num(s, n, &j, 1, 2);
        if (m < 0 || j >= n || s[j] != sep)
            return 0;
        j++;
        int dd = read_num(s, n, &j, 1, 2);
        if (dd < 1 || !valid_ymd(a, m, dd))
            return 0;
        d->y = a, d->m = m, d->d = dd;
        return j;
    }
    /* 年 月 日, and Korean's 년 월 일 ("2024년 3월 4일"), a space allowed after each */
    static const char *const marks[2][3] = {{"\xe5\xb9\xb4", "\xe6\x9c\x88", "\xe6\x97\xa5"},
                                            {"\xeb\x85\x84", "\xec\x9b\x94", "\xec\x9d\xbc"}};
    for (size_t k = 0; k < 2; k++) {
        if (j + 3 > n || memcmp(s + j, marks[k][0], 3) != 0)
            continue;
        j = skip_spaces(s, n, j + 3);
        int m = read_num(s, n, &j, 1, 2);
        if (m < 0 || j + 3 > n || memcmp(s + j, marks[k][1], 3) != 0)
            return 0;
        j = skip_spaces(s, n, j + 3);
        int dd = read_num(s, n, &j, 1, 2);
        if (dd < 1 || !valid_ymd(a, m, dd))
            return 0;
        if (j + 3 <= n && memcmp(s + j, marks[k][2], 3) == 0)
            j += 3;
        d->y = a, d->m = m, d->d = dd;
        return j;
    }
    return 0;
}

/* d Month yyyy at s[i] ("11th March 2024", "11. September 2024", "11-Mar-
 * 2024", "11 de septiembre de 2024"); returns the index after it or 0. */
static size_t
date_day_first(const char *s, size_t n, size_t i, struct ing_date *d)
{
    size_t j = i;
    int dd = read_num(s, n, &j, 1, 2);
    if (dd < 1)
        return 0;
    size_t o = skip_ordinal(s, n, j);
    if (o != j)
        j = o;
    else if (j < n && s[j] == '.' && j + 1 < n && s[j + 1] == ' ')
        j++; /* "11. September 2024" */
    j = skip_spaces(s, n, j);
    if (j < n && s[j] == '-')
        j++;
    if (ing_istarts(s + j, n - j, "de "))
        j += 3; /* "11 de septiembre de 2024" */
    size_t ms = j, we = word_end(s, n, j);
    int m = ing_month(s + j, we - j);
    if (!m && we < n && s[we] == ' ' && (unsigned char)s[j] >= 0x80) {
        size_t we2 = word_end(s, n, we + 1); /* "تشرين الثاني" */
        if ((m = ing_month(s + j, we2 - j)) != 0)
            we = we2;
    }
    if (!m)
        return 0;
    j = we;
    if (j < n && (s[j] == ',' || s[j] == '-'))
        j++;
    j = skip_spaces(s, n, j);
    if (ing_istarts(s + j, n - j, "de "))
        j += 3;
    int y = read_num(s, n, &j, 4, 4);
    if (y >= 0)
        y = ing_calendar_year(s + ms, we - ms, y);
    if (y < 0 || !valid_ymd(y, m, dd))
        return 0;
    d->y = y, d->m = m, d->d = dd;
    return j;
}

/* Month d, yyyy or Month yyyy at s[i]; returns the index after it or 0. */
static size_t
date_month_first(const char *s, size_t n, size_t i, struct ing_date *d)
{
    size_t we = word_end(s, n, i);
    int m = ing_month(s + i, we - i);
    if (!m)
        return 0;
    size_t j = skip_spaces(s, n, we);
    size_t k = j;
    int first = read_num(s, n, &k, 1, 4);
    if (first < 0)
        return 0;
    if (k - j == 4) {
        if (!valid_ymd(first, m, 0))
            return 0;
        d->y = first, d->m = m, d->d = 0;
        return k;
    }
    if (k - j > 2)
        return 0;
    k = skip_ordinal(s, n, k);
    if (k < n && s[k] == ',')
        k++;
    k = skip_spaces(s, n, k);
    int y = read_num(s, n, &k, 4, 4);
    if (y < 0 || first < 1 || !valid_ymd(y, m, first))
        return 0;
    d->y = y, d->m = m, d->d = first;
    return k;
}

/* Try to parse a date starting exactly at s[i]; returns the index after it
 * or 0 when there is none. */
static size_t
date_at(const char *s, size_t n, size_t i, struct ing_date *d)
{
    if (is_digit(s[i])) {
        size_t j = i;
        int a = read_num(s, n, &j, 4, 4);
        if (a >= 0)
            return date_year_first(s, n, j, a, d);
        return date_day_first(s, n, i, d);
    }
    int era;
    size_t at_year = (unsigned char)s[i] >= 0xe4 ? ing_era_year(s, n, i, &era) : 0;
    if (at_year) /* "令和6年3月19日" */
        return date_year_first(s, n, at_year, era, d);
    if (!is_alpha(s[i]))
        return 0;
    return date_month_first(s, n, i, d);
}

static bool
is_weekday(const char *s, size_t n)
{
    static const char *const days[] = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
        "tues",   "wed",     "thu",       "thur",     "thurs",  "fri",      "sat",    "sun",
        /* Indonesian: "Senin, 04 Mar 2024" */
        "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"};
    if (n && s[n - 1] == '.')
        n--;
    for (size_t i = 0; i < DS_ARRAY_LEN(days); i++)
        if (ing_ieq(s, n, days[i]))
            return true;
    return n >= 4 && ing_weekday_other(s, n); /* "lundi", "Montag", "الأحد" */
}

/* Is s[i..n) only a time and/or a time zone ("07:06 PM", "T12:00:00Z",
 * "| 10:32 GMT+8", "(Beijing time)")? */
static bool
only_time(const char *s, size_t n, size_t i)
{
    size_t words = 0, digits = 0;
    bool fraction = false; /* digits after a '.': seconds' fractions (".000000") */
    while (i < n) {
        char c = s[i];
        /* a Hijri date beside the Gregorian one: "| 23 Sha'ban 1445" */
        size_t hj = is_digit(c) && (i == 0 || !is_digit(s[i - 1])) ? ing_hijri_at(s, n, i) : 0;
        if (hj) {
            i = hj;
            continue;
        }
        /* a count is no time: "February 2015: 238,000" is a table row */
        digits = is_digit(c) ? digits + 1 : 0;
        fraction = c == '.' || (fraction && is_digit(c));
        if ((digits > 4 && !fraction) ||
            (c == ',' && i > 0 && is_digit(s[i - 1]) && i + 1 < n && is_digit(s[i + 1])))
            return false;
        if (c == ' ' || c == ',' || c == '|' || c == '-' || c == '+' || c == ':' || c == '(' ||
            c == ')' || c == '.' || c == '/' || is_digit(c)) {
            i++;
            continue;
        }
        /* separators between a date and its time: • · – — and U+3000 */
        if (n - i >= 3 && (memcmp(s + i, "\xe2\x80\xa2", 3) == 0 ||
                           memcmp(s + i, "\xe2\x80\x93", 3) == 0 ||
                           memcmp(s + i, "\xe2\x80\x94", 3) == 0 ||
                           memcmp(s + i, "\xe3\x80\x80", 3) == 0)) {
            i += 3;
            continue;
        }
        /* "·" between fields, "à" of French "à 18h42" */
        if (n - i >= 2 && (memcmp(s + i, "\xc2\xb7", 2) == 0 || memcmp(s + i, "\xc3\xa0", 2) == 0)) {
            i += 2;
            continue;
        }
        size_t j = i;
        while (j < n && is_alpha(s[j]))
            j++;
        size_t sw = j == i ? ing_script_time_word(s, n, i) : 0; /* "10時15分", "월요일" */
        if (sw) {
            if (++words > 6)
                return false;
            i += sw;
            continue;
        }
        if (j == i)
            return false;
        size_t wl = j - i;
        bool caps = true;
        for (size_t k = i; k < j; k++)
            if (!(s[k] >= 'A' && s[k] <= 'Z'))
                caps = false;
        bool ok = (caps && wl <= 5) || ing_ieq(s + i, wl, "am") || ing_ieq(s + i, wl, "pm") ||
                  ing_ieq(s + i, wl, "a") || ing_ieq(s + i, wl, "p") || ing_ieq(s + i, wl, "m") ||
                  ing_ieq(s + i, wl, "t") || ing_ieq(s + i, wl, "z") ||
                  ing_ieq(s + i, wl, "time") || ing_ieq(s + i, wl, "local") ||
                  ing_ieq(s + i, wl, "beijing") || ing_ieq(s + i, wl, "at") ||
                  ing_ieq(s + i, wl, "updated") || ing_ieq(s + i, wl, "hours") ||
                  ing_ieq(s + i, wl, "hrs") || ing_ieq(s + i, wl, "uhr") || ing_ieq(s + i, wl, "h");
        if (!ok || ++words > 4)
            return false;
        i = j;
    }
    return true;
}

/* See ingest/lib.h. */
bool
ing_parse_date_whole(const char *s, size_t n, struct ing_date *out)
{
    char folded[256];
    size_t map[256], fl = n < sizeof folded ? ing_fold_digits(s, n, folded, sizeof folded, map) : 0;
    if (fl) /* "١٠ آذار ٢٠٢٤", "१२ फ़रवरी २०२४" */
        return ing_parse_date_whole(folded, fl, out);
    size_t i = skip_spaces(s, n, 0);
    /* optional weekday */
    size_t we = word_end(s, n, i);
    if (we > i && is_weekday(s + i, we - i)) {
        i = we;
        if (i < n && s[i] == ',')
            i++;
        i = skip_spaces(s, n, i);
    }
    i = ing_hijri_lead(s, n, i); /* "٢٣ شعبان ١٤٤٥ هـ - الموافق ٤ مارس ٢٠٢٤ م" */
    if (i >= n)
        return false;
    struct ing_date d;
    size_t e = date_at(s, n, i, &d);
    if (!e)
        return false;
    /* "2024-09-11T07:06:00Z" */
    if (e < n && s[e] == 'T' && e + 1 < n && is_digit(s[e + 1]))
        e++;
    if (!only_time(s, n, e))
        return false;
    *out = d;
    return true;
}

/* See ingest/lib.h. */
size_t
ing_date_at(const char *s, size_t n, size_t i, struct ing_date *out)
{
    if (i >= n)
        return 0;
    char folded[256];
    size_t map[256], fl = n - i < sizeof folded
                              ? ing_fold_digits(s + i, n - i, folded, sizeof folded, map)
                              : 0;
    struct ing_date d;
    size_t e = fl ? date_at(folded, fl, 0, &d) : date_at(s, n, i, &d);
    if (e)
        *out = d;
    return e && fl ? i + map[e] : e;
}

/* See ingest/lib.h. */
bool
ing_only_time(const char *s, size_t n)
{
    return only_time(s, n, 0);
}

/* See ingest/lib.h. */
bool
ing_find_date(const char *s, size_t n, struct ing_date *out, size_t *at)
{
    char folded[256];
    size_t map[256], fl = n < sizeof folded ? ing_fold_digits(s, n, folded, sizeof folded, map) : 0;
    if (fl) { /* other scripts' digits read as ASCII ones, the place mapped back */
        size_t fat;
        if (!ing_find_date(folded, fl, out, &fat))
            return false;
        if (at)
            *at = map[fat];
        return true;
    }
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && (is_alpha(s[i - 1]) || is_digit(s[i - 1])))
            continue;
        int era;
        if (!is_alpha(s[i]) && !is_digit(s[i]) &&
            !((unsigned char)s[i] >= 0xe4 && ing_era_year(s, n, i, &era)))
            continue;
        struct ing_date d;
        size_t e = date_at(s, n, i, &d);
        if (e && (e >= n || !is_alpha(s[e]))) {
            *out = d;
            if (at)
                *at = i;
            return true;
        }
    }
    return false;
}

/* See ingest/lib.h. */
bool
ing_path_date(const char *path, struct ing_date *out)
{
    bool found = false;
    size_t n = strlen(path);
    for (size_t i = 0; i + 8 <= n; i++) {
        if (!is_digit(path[i]) || (i > 0 && is_digit(path[i - 1])))
            continue;
        size_t j = i;
        int y = read_num(path, n, &j, 4, 4);
        struct ing_date d = {0, 0, 0};
        if (y >= 0) {
            if (j < n && (path[j] == '-' || path[j] == '/' || path[j] == '_' || path[j] == '.')) {
                char sep = path[j++];
                int m = read_num(path, n, &j, 2, 2);
                if (m < 0 && sep == '/' && j + 3 < n && is_alpha(path[j]) && path[j + 3] == '/') {
                    m = ing_month(path + j, 3); /* an address's "/2024/mar/05/" */
                    j += m > 0 ? 3 : 0;
                }
                if (m < 1 || j >= n || path[j] != sep)
                    continue;
                j++;
                int dd = read_num(path, n, &j, 2, 2);
                if (dd < 1 || !valid_ymd(y, m, dd))
                    continue;
                d.y = y, d.m = m, d.d = dd;
            } else {
                continue;
            }
        } else {
            /* yyyymmdd as a whole token */
            j = i;
            int v = read_num(path, n, &j, 8, 8);
            if (v < 0 || (j < n && (is_digit(path[j]) || is_alpha(path[j]))) ||
                (i > 0 && is_alpha(path[i - 1])))
                continue;
            d.y = v / 10000, d.m = (v / 100) % 100, d.d = v % 100;
            if (d.d < 1 || !valid_ymd(d.y, d.m, d.d))
                continue;
        }
        *out = d;
        found = true;
    }
    return found;
}

/* ---- words and prose ------------------------------------------------------------ */

/* Bytes that are part of a word (letters, digits) in ASCII. */
static const unsigned char word_byte[128] = {
    ['0'] = 1,
    ['1'] = 1,
    ['2'] = 1,
    ['3'] = 1,
    ['4'] = 1,
    ['5'] = 1,
    ['6'] = 1,
    ['7'] = 1,
    ['8'] = 1,
    ['9'] = 1,
    ['A'] = 1,
    ['B'] = 1,
    ['C'] = 1,
    ['D'] = 1,
    ['E'] = 1,
    ['F'] = 1,
    ['G'] = 1,
    ['H'] = 1,
    ['I'] = 1,
    ['J'] = 1,
    ['K'] = 1,
    ['L'] = 1,
    ['M'] = 1,
    ['N'] = 1,
    ['O'] = 1,
    ['P'] = 1,
    ['Q'] = 1,
    ['R'] = 1,
    ['S'] = 1,
    ['T'] = 1,
    ['U'] = 1,
    ['V'] = 1,
    ['W'] = 1,
    ['X'] = 1,
    ['Y'] = 1,
    ['Z'] = 1,
    ['a'] = 1,
    ['b'] = 1,
    ['c'] = 1,
    ['d'] = 1,
    ['e'] = 1,
    ['f'] = 1,
    ['g'] = 1,
    ['h'] = 1,
    ['i'] = 1,
    ['j'] = 1,
    ['k'] = 1,
    ['l'] = 1,
    ['m'] = 1,
    ['n'] = 1,
    ['o'] = 1,
    ['p'] = 1,
    ['q'] = 1,
    ['r'] = 1,
    ['s'] = 1,
    ['t'] = 1,
    ['u'] = 1,
    ['v'] = 1,
    ['w'] = 1,
    ['x'] = 1,
    ['y'] = 1,
    ['z'] = 1,
    /* joiners: inside a word only ("don't", "US-China", "3.5", "1,000") */
    ['\''] = 2,
    ['-'] = 2,
    ['.'] = 2,
    [','] = 2,
};

/* See ingest/lib.h. */
int
ing_count_words_max(const char *s, size_t n, int max)
{
    int words = 0;
    unsigned in = 0;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            /* branch-free: a word starts at a word byte after a non-word byte;
             * joiners continue a word but never start one */
            unsigned k = word_byte[c];
            unsigned w = k == 1;
            words += (int)(w & !in);
            in = w | ((k == 2) & in);
            i++;
            if (words > max)
                return words;
            continue;
        }
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        i += (size_t)k;
        if (utf8_is_cjk(cp)) {
            words++;
            in = 0;
        } else if ((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
                   (cp >= 0xFF00 && cp <= 0xFF0F) || cp == 0xA0 || cp == 0xFFFD ||
                   (cp >= 0x2190 && cp <= 0x2BFF)) {
            in = (cp == 0x2019 && in); /* keep "China’s" one word */
        } else {
            words += !in;
            in = 1;
        }
    }
    return words;
}

int
ing_count_words(const char *s, size_t n)
{
    /* whole ASCII runs are counted without the limit check */
    int words = 0;
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        unsigned in = 0;
        while (j < n && (unsigned char)s[j] < 0x80) {
            unsigned k = word_byte[(unsigned char)s[j]];
            unsigned w = k == 1;
            words += (int)(w & !in);
            in = w | ((k == 2) & in);
            j++;
        }
        if (j == n)
            break;
        /* a non-ASCII character: back up to the start of the current word (if
         * any) so the careful counter sees it whole */
        size_t k = j;
        while (k > i && word_byte[(unsigned char)s[k - 1]])
            k--;
        if (k < j && in)
            words--;
        /* ... and let it run to the next ASCII separator, where both
         * counters are outside any word again */
        size_t e = j;
        while (e < n && ((unsigned char)s[e] >= 0x80 || word_byte[(unsigned char)s[e]]))
            e++;
        words += ing_count_words_max(s + k, e - k, INT_MAX);
        i = e;
    }
    return words;
}

/* See ingest/lib.h. */
bool
ing_is_prose(const char *s, size_t n, int min_words)
{
    while (n && s[n - 1] == ' ')
        n--;
    /* strip closing quotes/brackets */
    for (;;) {
        if (n && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')'))
            n--;
        else if (n >= 3 && (memcmp(s + n - 3, "\xe2\x80\x9d", 3) == 0 ||
                            memcmp(s + n - 3, "\xe2\x80\x99", 3) == 0))
            n -= 3;
        else
            break;
    }
    if (!n)
        return false;
    char last = s[n - 1];
    bool end = last == '.' || last == '!' || last == '?' ||
               (n >= 3 && memcmp(s + n - 3, "\xe3\x80\x82", 3) == 0); /* 。 */
    if (!end)
        return false;
    return ing_count_words_max(s, n, min_words) >= min_words;
}
