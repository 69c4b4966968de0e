/*
 * ingest/lang.c — the language of an article's body when the file did not
 * state it: Chinese, Japanese or Korean by their scripts, else one of seven
 * languages written in Latin letters by their commonest function words.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/utf8.h"
#include "dossier/util.h"
#include "lib.h"

/* ---- language -------------------------------------------------------------------- */

/* Common function words of seven languages, grouped by first letter; mask
 * bit k is language k of lang_names. */
struct stopword {
    const char *w;
    unsigned char len;
    unsigned char mask;
};
static const struct stopword stopwords[] = {
    {"al", 2, 0x08},   {"alla", 4, 0x10},  {"anche", 5, 0x10}, {"and", 3, 0x01},
    {"ao", 2, 0x20},   {"are", 3, 0x01},   {"as", 2, 0x20},    {"au", 2, 0x02},
    {"auf", 3, 0x04},  {"aux", 3, 0x02},   {"by", 2, 0x01},    {"che", 3, 0x10},
    {"com", 3, 0x20},  {"con", 3, 0x08},   {"da", 2, 0x20},    {"dans", 4, 0x02},
    {"das", 3, 0x04},  {"dat", 3, 0x40},   {"de", 2, 0x6a},    {"dei", 3, 0x10},
    {"del", 3, 0x08},  {"della", 5, 0x10}, {"delle", 5, 0x10}, {"dem", 3, 0x04},
    {"den", 3, 0x04},  {"der", 3, 0x04},   {"des", 3, 0x02},   {"di", 2, 0x10},
    {"die", 3, 0x04},  {"do", 2, 0x20},    {"dos", 3, 0x20},   {"du", 2, 0x02},
    {"e", 1, 0x30},    {"een", 3, 0x40},   {"ein", 3, 0x04},   {"eine", 4, 0x04},
    {"el", 2, 0x08},   {"em", 2, 0x20},    {"en", 2, 0x4a},    {"es", 2, 0x08},
    {"est", 3, 0x02},  {"et", 2, 0x02},    {"for", 3, 0x01},   {"from", 4, 0x01},
    {"gli", 3, 0x10},  {"has", 3, 0x01},   {"het", 3, 0x40},   {"il", 2, 0x10},
    {"im", 2, 0x04},   {"in", 2, 0x01},    {"is", 2, 0x01},    {"ist", 3, 0x04},
    {"it", 2, 0x01},   {"la", 2, 0x1a},    {"las", 3, 0x08},   {"le", 2, 0x02},
    {"les", 3, 0x02},  {"los", 3, 0x08},   {"met", 3, 0x40},   {"mit", 3, 0x04},
    {"nel", 3, 0x10},  {"nicht", 5, 0x04}, {"niet", 4, 0x40},  {"non", 3, 0x10},
    {"o", 1, 0x20},    {"of", 2, 0x01},    {"on", 2, 0x01},    {"ont", 3, 0x02},
    {"ook", 3, 0x40},  {"op", 2, 0x40},    {"os", 2, 0x20},    {"para", 4, 0x28},
    {"pas", 3, 0x02},  {"per", 3, 0x10},   {"por", 3, 0x08},   {"pour", 4, 0x02},
    {"que", 3, 0x2a},  {"qui", 3, 0x02},   {"said", 4, 0x01},  {"se", 2, 0x08},
    {"sich", 4, 0x04}, {"sono", 4, 0x10},  {"su", 2, 0x08},    {"sur", 3, 0x02},
    {"that", 4, 0x01}, {"the", 3, 0x01},   {"to", 2, 0x01},    {"um", 2, 0x20},
    {"uma", 3, 0x20},  {"un", 2, 0x1a},    {"una", 3, 0x08},   {"und", 3, 0x04},
    {"une", 3, 0x02},  {"van", 3, 0x40},   {"von", 3, 0x04},   {"voor", 4, 0x40},
    {"was", 3, 0x01},  {"with", 4, 0x01},  {"wordt", 5, 0x40}, {"y", 1, 0x08},
    {"zijn", 4, 0x40}, {"zu", 2, 0x04},
};
/* stopwords[stop_start[c - 'a'] .. stop_start[c - 'a' + 1]) begin with letter c */
static const unsigned char stop_start[27] = {0,  10, 11, 14, 32, 42, 44, 45,  47,
                                             53, 53, 53, 58, 60, 64, 71, 76,  78,
                                             78, 84, 87, 93, 96, 99, 99, 100, 102};

static const char *const lang_names[7] = {"en", "fr", "de", "es", "it", "pt", "nl"};

/* The languages (bits of lang_names) w[0..n) is a function word of, 0 for none. */
static unsigned
stop_mask(const char *w, size_t n)
{
    unsigned char c = (unsigned char)(w[0] | 32);
    if (c < 'a' || c > 'z')
        return 0;
    for (unsigned k = stop_start[c - 'a']; k < stop_start[c - 'a' + 1]; k++) {
        if (stopwords[k].len != n)
            continue;
        size_t i = 1;
        while (i < n && (char)(w[i] | 32) == stopwords[k].w[i])
            i++;
        if (i == n)
            return stopwords[k].mask;
    }
    return 0;
}

/* See lib.h. */
const char *
ing_guess_lang(const char *s, size_t n)
{
    size_t han = 0, kana = 0, hangul = 0, latin = 0;
    int score[7] = {0};
    int hits = 0;
    size_t lim = DS_MIN(n, (size_t)1024); /* ~150 words are enough to tell */
    size_t i = 0;
    while (i < lim) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                size_t j = i;
                while (j < lim &&
                       (((unsigned char)s[j] | 32) >= 'a' && ((unsigned char)s[j] | 32) <= 'z'))
                    j++;
                latin += j - i;
                if (j - i <= 5) {
                    unsigned m = stop_mask(s + i, j - i);
                    for (int k = 0; m && k < 7; k++)
                        score[k] += (m >> k) & 1;
                    if (m && ++hits >= 24 && latin > 3 * (han + kana + hangul))
                        break; /* plenty of evidence already */
                }
                i = j;
            } else {
                i++;
            }
            continue;
        }
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, lim - i, &cp);
        if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) ||
            (cp >= 0xFF66 && cp <= 0xFF9F))
            kana++;
        else if ((cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF) ||
                 (cp >= 0x3130 && cp <= 0x318F))
            hangul++;
        else if (utf8_is_cjk(cp))
            han++;
        else if (cp < 0x250)
            latin++;
    }
    size_t cjk = han + kana + hangul;
    /* a CJK character carries about as much as three Latin letters */
    if (cjk * 3 > latin) {
        if (hangul * 3 > cjk)
            return "ko";
        if (kana * 10 > cjk)
            return "ja";
        return "zh";
    }
    int best = -1, second = 0;
    for (int k = 0; k < 7; k++) {
        if (best < 0 || score[k] > score[best]) {
            if (best >= 0)
                second = score[best];
            best = k;
        } else if (score[k] > second) {
            second = score[k];
        }
    }
    if (best < 0 || score[best] < 3 || score[best] <= second)
        return NULL;
    return lang_names[best];
}
