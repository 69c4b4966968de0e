/*
 * extract/zh_fig_after.c — what the Chinese figures of an article say
 * together, once zh_figures.c has read each one: a range written as two
 * figures joined by 至, 到 or ～ (增長3%至5%) is one figure from the first
 * to the second, and a bare 元 takes the currency the article names for it
 * (新台幣 in Taipei, 港元 in Hong Kong, 新元 in Singapore), as a reader
 * carries it from an earlier sentence.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/extract.h"
#include "dossier/utf8.h"
#include "dossier/util.h"
#include "dossier/zh.h"
#include "lib.h"

/* The words that join the two ends of a range. */
static const char *const range_joins[] = {"至", "到", "～", NULL};

/* Currencies a bare 元 may stand for, as an article names them; 美元 and
 * the like are never written 元 alone. */
static const struct {
    const char *w, *iso;
} yuan_names[] = {
    {"人民幣", "CNY"}, {"人民币", "CNY"}, {"港元", "HKD"}, {"港幣", "HKD"},
    {"港币", "HKD"}, {"新台幣", "TWD"}, {"新台币", "TWD"}, {"台幣", "TWD"},
    {"台币", "TWD"}, {"新加坡元", "SGD"}, {"新元", "SGD"}, {"澳門元", "MOP"},
    {"澳门元", "MOP"},
};

/* The length of the range join at s[p..q) when that is all there is
 * between two figures, else 0. */
static size_t
range_join(const char *s, size_t p, size_t q)
{
    for (size_t i = 0; range_joins[i]; i++) {
        size_t l = strlen(range_joins[i]);
        if (q - p == l && memcmp(s + p, range_joins[i], l) == 0)
            return l;
    }
    return 0;
}

/* Are f and g the two ends of a range: the same unit, joined by a
 * range word only, the second larger but not past five times the first
 * (下調0.25%至3.5% is a move to a level, not a range)? */
static bool
is_range(const char *s, const struct figure *f, const struct figure *g)
{
    return f->span.end <= g->span.start &&
           range_join(s, f->span.end, g->span.start) && f->unit && g->unit &&
           strcmp(f->unit, g->unit) == 0 &&
           f->value > 0 && g->value > f->value && g->value <= 5 * f->value &&
           f->value_hi == f->value;
}

/* Join each range of out->figures[base..] (in text order) into its first
 * end. */
static void
join_ranges(const char *s, size_t base, struct extraction *out)
{
    size_t w = base;
    for (size_t i = base; i < out->nfigures; i++) {
        struct figure *g = &out->figures[i];
        if (w > base && is_range(s, &out->figures[w - 1], g)) {
            struct figure *f = &out->figures[w - 1];
            f->value_hi = g->value;
            f->span.end = g->span.end;
            free(f->text);
            f->text = fig_clean_copy(s, f->span.start, f->span.end);
            if (!f->direction && g->direction)
                f->direction = xstrdup(g->direction);
            fig_drop(g);
            continue;
        }
        out->figures[w++] = *g;
    }
    out->nfigures = w;
}

/* Where the article names a currency of yuan_names: every name at every
 * character, in text order and, at one position, in yuan_names' order.
 * Found in one pass, so that each bare 元 looks back over the few names
 * rather than over the whole text before it (that search, once for each
 * figure, was 6.5% of the Chinese index run's CPU). */
struct yuan_hit {
    size_t p, len;
    const char *iso;
};

struct yuan_hits {
    struct yuan_hit *v;
    size_t n, cap;
    bool found; /* the pass has run */
};

static void
find_yuan_names(const char *s, size_t n, struct yuan_hits *h)
{
    h->found = true;
    for (size_t p = 0; p < n; p++) {
        if (((unsigned char)s[p] & 0xC0) == 0x80)
            continue;
        for (size_t i = 0; i < DS_ARRAY_LEN(yuan_names); i++) {
            size_t l = strlen(yuan_names[i].w);
            if (p + l > n || memcmp(s + p, yuan_names[i].w, l) != 0)
                continue;
            if (h->n == h->cap) {
                h->cap = h->cap ? 2 * h->cap : 16;
                h->v = xrealloc(h->v, h->cap * sizeof *h->v);
            }
            h->v[h->n++] = (struct yuan_hit){p, l, yuan_names[i].iso};
        }
    }
}

/* The ISO code of the currency named nearest before s[pos] (a name wholly
 * inside [lo, pos)), or NULL; at one position the first of yuan_names
 * that fits wins. */
static const char *
yuan_before(const struct yuan_hits *h, size_t lo, size_t pos)
{
    const struct yuan_hit *best = NULL;
    for (size_t k = h->n; k-- > 0;) {
        const struct yuan_hit *x = &h->v[k];
        if (x->p < lo || (best && x->p != best->p))
            break;
        if (x->p + x->len <= pos)
            best = x; /* going back, a later fit is earlier in yuan_names */
    }
    return best ? best->iso : NULL;
}

/* The ISO code of the currency named first at or after pos, or NULL: a
 * headline's bare 元 (啟德住宅地以38億元批出) is the money the text names
 * below it (38.2億港元). */
static const char *
yuan_after(const struct yuan_hits *h, size_t pos)
{
    for (size_t k = 0; k < h->n; k++)
        if (h->v[k].p >= pos)
            return h->v[k].iso;
    return NULL;
}

/* The end of the sentence from pos: after the next 。！？ or line break. */
static size_t
sentence_end(const char *s, size_t n, size_t pos)
{
    for (size_t p = pos; p < n; p++)
        if (s[p] == '\n' ||
            (p + 3 <= n && (memcmp(s + p, "。", 3) == 0 ||
                            memcmp(s + p, "！", 3) == 0 ||
                            memcmp(s + p, "？", 3) == 0)))
            return p;
    return n;
}

/* Does s[0..n) hold w? */
static bool
holds(const char *s, size_t n, const char *w)
{
    size_t l = strlen(w);
    for (size_t p = 0; p + l <= n; p++)
        if (memcmp(s + p, w, l) == 0)
            return true;
    return false;
}

/* Is f an amount in 元 with no currency of its own (1.25元, not 300億元人民幣
 * nor 新台幣300億元)? */
static bool
bare_yuan(const char *s, const struct figure *f)
{
    size_t a = f->span.start, e = f->span.end;
    if (!f->unit || strcmp(f->unit, "CNY") != 0 || e - a < 3 ||
        memcmp(s + e - 3, "元", 3) != 0)
        return false;
    for (size_t i = 0; i < DS_ARRAY_LEN(yuan_names); i++)
        if (holds(s + a, e - a, yuan_names[i].w))
            return false;
    return true;
}

/* Words that place a text written in Traditional characters in Hong Kong,
 * Taiwan, Macau or the mainland (港股, 恒指, 全港, 九龍, 財政司司長; 台股,
 * 立法院, 行政院, 台北, 縣長: Hong Kong and Macau have no counties, the
 * mainland writes Simplified; 澳門; 內地, 國家統計局), few so that the look costs
 * little: a bare 元 of an article that names no currency is the money of
 * the place it is written about. */
static const struct {
    const char *w, *iso;
} yuan_places[] = {
    {"港股", "HKD"}, {"恒生指數", "HKD"}, {"恒指", "HKD"}, {"香港", "HKD"},
    {"全港", "HKD"}, {"本港", "HKD"}, {"港府", "HKD"}, {"九龍", "HKD"},
    {"新界", "HKD"}, {"港島", "HKD"}, {"港鐵", "HKD"}, {"財政司司長", "HKD"},
    {"裁判法院", "HKD"}, {"醫管局", "HKD"}, {"台股", "TWD"}, {"台灣", "TWD"},
    {"臺灣", "TWD"}, {"立法院", "TWD"}, {"行政院", "TWD"}, {"台北", "TWD"},
    {"臺北", "TWD"}, {"高雄", "TWD"}, {"新北", "TWD"}, {"台中", "TWD"},
    {"臺中", "TWD"}, {"台南", "TWD"}, {"桃園", "TWD"}, {"縣長", "TWD"},
    {"縣政府", "TWD"}, {"鄉公所", "TWD"}, {"立委", "TWD"}, {"澳門", "MOP"},
    {"經濟財政司", "MOP"}, {"內地", "CNY"}, {"國家統計局", "CNY"}, {"A股", "CNY"},
};

/* Is most of s[0..n) that has two script forms in Traditional (more
 * characters that fold to another than ... none fold: Simplified)? */
static bool
written_traditional(const char *s, size_t n)
{
    size_t trad = 0;
    for (size_t p = 0; p < n && trad < 3;) {
        uint32_t cp;
        int l = utf8_decode(s + p, n - p, &cp);
        if (l <= 0)
            break;
        if (l == 3 && zh_fold(cp) != cp)
            trad++;
        p += (size_t)l;
    }
    return trad >= 3;
}

/* How much of the text yuan_by_place reads. */
#define YUAN_PLACE_BYTES 1200

/* The money of the one place a text in Traditional characters is most
 * about by the words of yuan_places in its first YUAN_PLACE_BYTES (ties:
 * none), or NULL. A text in Traditional characters that names none of
 * them is most likely from Hong Kong, whose press writes 元 alone for its
 * dollar (Taipei's names its places, and the mainland writes Simplified):
 * HKD. */
static const char *
yuan_by_place(const char *s, size_t n)
{
    static const char *const isos[] = {"HKD", "TWD", "MOP", "CNY"};
    size_t count[4] = {0};
    if (n > YUAN_PLACE_BYTES)
        n = YUAN_PLACE_BYTES; /* the title and lead say where it is */
    if (!written_traditional(s, n))
        return NULL;
    for (size_t i = 0; i < DS_ARRAY_LEN(yuan_places); i++) {
        size_t l = strlen(yuan_places[i].w), k = 0;
        while (k < 3 && strcmp(isos[k], yuan_places[i].iso) != 0)
            k++;
        for (size_t p = 0; p + l <= n; p++)
            if (s[p] == yuan_places[i].w[0] && s[p + 1] == yuan_places[i].w[1] &&
                memcmp(s + p, yuan_places[i].w, l) == 0)
                count[k]++;
    }
    size_t best = 0;
    for (size_t k = 1; k < 4; k++)
        if (count[k] > count[best])
            best = k;
    if (count[best] == 0)
        return "HKD";
    for (size_t k = 0; k < 4; k++)
        if (k != best && count[k] == count[best])
            return NULL;
    return isos[best];
}

/* May a currency named in an earlier sentence carry to a bare 元 (iso,
 * the text's script cached in *script)? In Traditional text, always (a
 * Hong Kong report names 港元 once); in Simplified, only Singapore's and
 * Malaysia's money (新元, 令吉: their press writes Simplified): a mainland
 * report that named 港元 before means yuan by a later bare 元. */
static bool
carries_over(const char *s, size_t n, const char *iso, int *script)
{
    if (*script < 0)
        *script = written_traditional(s, n < YUAN_PLACE_BYTES ? n : YUAN_PLACE_BYTES);
    return *script || (strcmp(iso, "HKD") != 0 && strcmp(iso, "TWD") != 0 &&
                       strcmp(iso, "MOP") != 0);
}

/* Give each bare 元 of out->figures[base..] the currency named nearest
 * before it, or else later in its sentence, or else later in the article
 * (as carries_over allows); when the article names none that fits,
 * the money of the place a text in Traditional characters is about
 * (yuan_by_place); CNY else. */
static void
carry_yuan(const char *s, size_t n, size_t base, struct extraction *out)
{
    struct yuan_hits hits = {0};
    int script = -1; /* written in Traditional: unknown yet */
    const char *by_place = NULL;
    bool place_done = false;
    for (size_t i = base; i < out->nfigures; i++) {
        struct figure *f = &out->figures[i];
        if (!bare_yuan(s, f))
            continue;
        if (!hits.found)
            find_yuan_names(s, n, &hits);
        const char *iso = yuan_before(&hits, f->sentence.start, f->span.start);
        if (!iso && (iso = yuan_before(&hits, 0, f->span.start)) != NULL &&
            !carries_over(s, n, iso, &script))
            iso = NULL;
        if (!iso)
            iso = yuan_before(&hits, f->span.end,
                              sentence_end(s, n, f->span.end));
        if (!iso && (iso = yuan_after(&hits, f->span.end)) != NULL &&
            !carries_over(s, n, iso, &script))
            iso = NULL;
        if (!iso) {
            if (!place_done)
                by_place = yuan_by_place(s, n);
            place_done = true;
            iso = by_place;
        }
        if (iso && strcmp(iso, f->unit) != 0) {
            free(f->unit);
            f->unit = xstrdup(iso);
        }
    }
    free(hits.v);
}

void
zh_fig_after(const char *s, size_t n, size_t base, struct extraction *out)
{
    join_ranges(s, base, out);
    carry_yuan(s, n, base, out);
}
