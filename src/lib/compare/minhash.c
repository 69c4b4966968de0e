/*
 * compare/minhash.c — MinHash signatures of word 5-shingles, for finding the
 * same story republished with light edits (wire copy).
 *
 * One-permutation hashing (Li, Owen & Zhang 2012): each shingle is hashed
 * once; the top 6 bits pick one of 64 slots and the slot keeps the minimum of
 * the low 32 bits. Empty slots (short texts) borrow from the next non-empty
 * slot to the right, circularly, plus an offset per step (rotation
 * densification, Shrivastava & Li 2014), so every slot is comparable. A
 * document costs one 64-bit hash per word: this runs at several hundred MB/s,
 * far faster than FTS5 tokenizes, so it adds little to indexing.
 *
 * Words are runs of letters and digits, ASCII-lowercased (non-ASCII letters
 * folded with utf8_tolower); each CJK character is a word by itself, since
 * those scripts do not separate words with spaces.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/compare.h"
#include "dossier/utf8.h"
#include "dossier/util.h"

#define SHINGLE 5
#define EMPTY_SLOT 0xFFFFFFFFu

/* ASCII byte -> its lowercase form when it is a letter or digit, else 0. */
static const unsigned char ascii_word[128] = {
      0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
      0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
      0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
     48,  49,  50,  51,  52,  53,  54,  55,  56,  57,   0,   0,   0,   0,   0,   0,
      0,  97,  98,  99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122,   0,   0,   0,   0,   0,
      0,  97,  98,  99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122,   0,   0,   0,   0,   0,
};

static inline uint64_t
mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static inline bool
minhash_word_cp(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || cp == UTF8_REPLACEMENT)
        return false;
    if ((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
        (cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20))
        return false;
    return true;
}

/* Shingle hashes roll: H = w1 P^4 + w2 P^3 + w3 P^2 + w4 P + w5 (mod 2^64),
 * updated with two multiplications per word, then mixed. */
#define ROLL_P 0x100000001B3ull
#define ROLL_P4 (ROLL_P * ROLL_P * ROLL_P * ROLL_P)

struct shingler {
    uint64_t ring[SHINGLE];
    unsigned pos;       /* next slot of ring */
    size_t nwords;
    uint64_t roll;
    uint32_t *sig;
    /* every shingle's hash, when exact sets are wanted (else NULL) */
    uint64_t *all;
    size_t nall, capall;
    bool collect;
    bool words_only; /* collect each word's hash into all, make no shingles */
};

static void
shingler_keep(struct shingler *sh, uint64_t h)
{
    if (sh->nall == sh->capall)
        sh->all = xrealloc(sh->all,
                           (sh->capall = sh->capall ? 2 * sh->capall : 256) * sizeof *sh->all);
    sh->all[sh->nall++] = h;
}

static inline void
shingle_word(struct shingler *sh, uint64_t wh)
{
    if (sh->words_only) {
        shingler_keep(sh, wh);
        return;
    }
    uint64_t out = sh->ring[sh->pos];
    sh->ring[sh->pos] = wh;
    sh->pos = sh->pos + 1 == SHINGLE ? 0 : sh->pos + 1;
    sh->roll = (sh->roll - out * ROLL_P4) * ROLL_P + wh;
    if (++sh->nwords < SHINGLE)
        return;
    uint64_t h = mix64(sh->roll);
    if (sh->collect)
        shingler_keep(sh, h);
    uint32_t slot = (uint32_t)(h >> 58);
    uint32_t v = (uint32_t)h;
    if (v == EMPTY_SLOT)
        v--;
    if (v < sh->sig[slot])
        sh->sig[slot] = v;
}

static uint32_t shingle_text(const char *body, size_t n, struct shingler *sh);

uint32_t
minhash_signature(const char *body, size_t n, uint32_t sig[MINHASH_K])
{
    struct shingler sh = {.sig = sig};
    return shingle_text(body, n, &sh);
}

/* Shingle body into sh (its sig, and its all when collecting); returns
 * the number of shingles. */
static uint32_t
shingle_text(const char *body, size_t n, struct shingler *shp)
{
    uint32_t *sig = shp->sig;
    for (size_t i = 0; i < MINHASH_K; i++)
        sig[i] = EMPTY_SLOT;
    struct shingler sh = *shp;
    const unsigned char *p = (const unsigned char *)body;
    size_t i = 0;
    uint64_t h = 0;
    bool in_word = false;
    while (i < n) {
        unsigned char c = p[i];
        if (c < 0x80) {
            /* ASCII fast path: a table lookup and a rotate-xor per byte; the
             * word's hash is mixed once at its end. */
            unsigned char l = ascii_word[c];
            if (l) {
                if (!in_word)
                    h = 0x9E3779B97F4A7C15ull;
                h = ((h << 7) | (h >> 57)) ^ l;
                in_word = true;
            } else if (in_word) {
                shingle_word(&sh, mix64(h));
                in_word = false;
            }
            i++;
            continue;
        }
        uint32_t cp;
        int k = utf8_decode(body + i, n - i, &cp);
        i += (size_t)k;
        if (utf8_is_cjk(cp)) {
            if (in_word)
                shingle_word(&sh, mix64(h));
            in_word = false;
            shingle_word(&sh, mix64(cp + 0x9E3779B97F4A7C15ull));
            continue;
        }
        if (minhash_word_cp(cp)) {
            if (!in_word)
                h = 0x9E3779B97F4A7C15ull;
            h = ((h << 7) | (h >> 57)) ^ utf8_tolower(cp);
            in_word = true;
        } else if (in_word) {
            shingle_word(&sh, mix64(h));
            in_word = false;
        }
    }
    if (in_word)
        shingle_word(&sh, mix64(h));
    *shp = sh;
    if (sh.nwords == 0)
        return 0;
    if (sh.nwords < SHINGLE) {
        /* Fewer words than a shingle: the whole text is one shingle. */
        size_t have = sh.nwords;
        while (sh.nwords < SHINGLE)
            shingle_word(&sh, 0x5A5A5A5A5A5A5A5Aull + have);
        *shp = sh;
    }
    /* Densify: an empty slot takes the next filled slot's value plus an
     * offset for the distance, so two texts with the same shingles agree. */
    uint32_t orig[MINHASH_K];
    memcpy(orig, sig, sizeof orig);
    for (size_t s = 0; s < MINHASH_K; s++) {
        if (orig[s] != EMPTY_SLOT)
            continue;
        for (size_t d = 1; d < MINHASH_K; d++) {
            uint32_t v = orig[(s + d) % MINHASH_K];
            if (v != EMPTY_SLOT) {
                sig[s] = (uint32_t)mix64((uint64_t)v * MINHASH_K + d) & 0xFFFFFFFEu;
                break;
            }
        }
    }
    size_t shingles = sh.nwords - SHINGLE + 1;
    return shingles > UINT32_MAX ? UINT32_MAX : (uint32_t)shingles;
}

double
minhash_similarity(const uint32_t a[MINHASH_K], const uint32_t b[MINHASH_K])
{
    size_t eq = 0, empty_a = 0, empty_b = 0;
    for (size_t i = 0; i < MINHASH_K; i++) {
        eq += a[i] == b[i];
        empty_a += a[i] == EMPTY_SLOT;
        empty_b += b[i] == EMPTY_SLOT;
    }
    /* An empty text is like nothing, not even another empty text. */
    if (empty_a == MINHASH_K || empty_b == MINHASH_K)
        return 0;
    return (double)eq / MINHASH_K;
}

double
minhash_containment(double j, uint32_t na, uint32_t nb)
{
    uint32_t small = DS_MIN(na, nb);
    if (small == 0 || j <= 0)
        return 0;
    double c = j * ((double)na + (double)nb) / ((1 + j) * small);
    return c > 1 ? 1 : c;
}

bool
neardup_near(double j, uint32_t na, uint32_t nb)
{
    if (j >= NEARDUP_MIN_JACCARD)
        return true;
    return j >= NEARDUP_CONTAINED_MIN_JACCARD &&
           minhash_containment(j, na, nb) >= NEARDUP_MIN_CONTAINMENT;
}

/* A caption line: what a reader wrote for a figure ("Caption: ...", as
 * the HTML reader marks a figcaption), a photo credit line ("Photo: ",
 * "Photos: ", "Image: ") or a gallery caption ("... Hide Caption 3 of
 * 12"). Such lines repeat across a site's pages and say nothing about
 * whether two articles are the same. */
static bool
caption_line(const char *s, size_t n)
{
    static const char *const heads[] = {"Caption: ", "Photo: ", "Photos: ", "Image: ",
                                        "Images: ", "Video: "};
    for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
        size_t hl = strlen(heads[i]);
        if (n >= hl && memcmp(s, heads[i], hl) == 0)
            return true;
    }
    for (size_t i = 0; i + 12 <= n; i++)
        if (memcmp(s + i, "Hide Caption", 12) == 0)
            return true;
    return false;
}

/* body's content lines (captions and furniture left out) into content. */
static void
content_lines(const char *body, size_t n, struct buf *content)
{
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(body + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - body) : n;
        if (!caption_line(body + i, e - i) && !compare_furniture_line(body + i, e - i)) {
            buf_append(content, body + i, e - i);
            buf_putc(content, '\n');
        }
        i = e + 1;
    }
}

uint32_t
minhash_content_signature(const char *body, size_t n, uint32_t sig[MINHASH_K])
{
    struct buf content = BUF_INIT;
    content_lines(body, n, &content);
    uint32_t shingles = minhash_signature(buf_str(&content), content.len, sig);
    buf_free(&content);
    return shingles;
}

static int
u64_cmp(const void *p, const void *q)
{
    uint64_t x = *(const uint64_t *)p, y = *(const uint64_t *)q;
    return (x > y) - (x < y);
}

/* The distinct shingle hashes of body's content lines, sorted; *out newly
 * allocated (free()). Returns their number. */
static size_t
content_shingle_set(const char *body, size_t n, uint64_t **out)
{
    struct buf content = BUF_INIT;
    content_lines(body, n, &content);
    uint32_t sig[MINHASH_K];
    struct shingler sh = {.sig = sig, .collect = true};
    shingle_text(buf_str(&content), content.len, &sh);
    buf_free(&content);
    if (sh.nall > 1)
        qsort(sh.all, sh.nall, sizeof *sh.all, u64_cmp);
    size_t m = 0;
    for (size_t i = 0; i < sh.nall; i++)
        if (m == 0 || sh.all[i] != sh.all[m - 1])
            sh.all[m++] = sh.all[i];
    *out = sh.all;
    return m;
}

void
minhash_content_overlap(const char *a, size_t na, const char *b, size_t nb, double *jaccard,
                        double *containment)
{
    uint64_t *x = NULL, *y = NULL;
    size_t nx = content_shingle_set(a, na, &x), ny = content_shingle_set(b, nb, &y);
    size_t both = 0;
    for (size_t i = 0, j = 0; i < nx && j < ny;) {
        if (x[i] == y[j]) {
            both++;
            i++;
            j++;
        } else if (x[i] < y[j])
            i++;
        else
            j++;
    }
    free(x);
    free(y);
    size_t either = nx + ny - both, small = DS_MIN(nx, ny);
    *jaccard = either ? (double)both / (double)either : 0;
    *containment = small ? (double)both / (double)small : 0;
}

/* ---- paragraphs found again --------------------------------------------------------- */

/* One content line that counts as a paragraph (NEARDUP_PARA_MIN_WORDS words
 * and a sentence end, or NEARDUP_PARA_LONG_WORDS words, and not mostly
 * capitalised words): its distinct word hashes, sorted. */
struct para_words {
    uint64_t *w;
    size_t n;
};

static size_t
sorted_unique(uint64_t *v, size_t n)
{
    if (n > 1)
        qsort(v, n, sizeof *v, u64_cmp);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (m == 0 || v[i] != v[m - 1])
            v[m++] = v[i];
    return m;
}

/* Is most of line s names, as in a team sheet, a list of people or a
 * headline in title case? More than NEARDUP_PARA_MAX_CAPITALS of its words
 * that start with an ASCII letter start with a capital. Such lines repeat
 * between different stories (the same squad, the same related links);
 * prose is mostly lower case. Scripts without case are never lists here. */
static bool
mostly_capitalised(const char *s, size_t n)
{
    size_t words = 0, capitals = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool starts = i == 0 || !((s[i - 1] >= 'a' && s[i - 1] <= 'z') ||
                                  (s[i - 1] >= 'A' && s[i - 1] <= 'Z') ||
                                  (s[i - 1] >= '0' && s[i - 1] <= '9') || s[i - 1] == '\'' ||
                                  (unsigned char)s[i - 1] >= 0x80);
        if (!starts || !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            continue;
        words++;
        capitals += c <= 'Z';
    }
    return words && (double)capitals > NEARDUP_PARA_MAX_CAPITALS * (double)words;
}

/* The content lines of body that count (prose, long enough; with names,
 * the lines of names too: NEARDUP_LIST_MIN_WORDS words or more, mostly
 * capitalised), as word sets; *out newly allocated (free each w, then the
 * array). Returns their number. */
static size_t
content_lines_of(const char *body, size_t n, bool names, struct para_words **out)
{
    struct buf content = BUF_INIT;
    content_lines(body, n, &content);
    const char *c = buf_str(&content);
    struct para_words *v = NULL;
    size_t nv = 0, cap = 0;
    for (size_t i = 0; i < content.len;) {
        const char *nl = memchr(c + i, '\n', content.len - i);
        size_t e = nl ? (size_t)(nl - c) : content.len;
        uint32_t sig[MINHASH_K];
        struct shingler sh = {.sig = sig, .words_only = true};
        shingle_text(c + i, e - i, &sh);
        bool list = sh.nall >= NEARDUP_LIST_MIN_WORDS && mostly_capitalised(c + i, e - i);
        bool prose = (sh.nall >= NEARDUP_PARA_LONG_WORDS ||
                      (sh.nall >= NEARDUP_PARA_MIN_WORDS && compare_ends_sentence(c + i, e - i))) &&
                     !mostly_capitalised(c + i, e - i);
        bool counts = prose || (names && list);
        if (counts) {
            if (nv == cap)
                v = xrealloc(v, (cap = cap ? 2 * cap : 16) * sizeof *v);
            v[nv++] = (struct para_words){sh.all, sorted_unique(sh.all, sh.nall)};
        } else
            free(sh.all);
        i = e + 1;
    }
    buf_free(&content);
    *out = v;
    return nv;
}

/* Is x the same paragraph as y, but for a few words? */
static bool
para_same(const struct para_words *x, const struct para_words *y)
{
    size_t both = 0, big = DS_MAX(x->n, y->n);
    if ((double)DS_MIN(x->n, y->n) < NEARDUP_PARA_SAME * (double)big)
        return false;
    for (size_t i = 0, j = 0; i < x->n && j < y->n;) {
        if (x->w[i] == y->w[j]) {
            both++;
            i++;
            j++;
        } else if (x->w[i] < y->w[j])
            i++;
        else
            j++;
    }
    return (double)both >= NEARDUP_PARA_SAME * (double)big;
}

/* How many of x's paragraphs have their like in y's? */
static size_t
paras_found(const struct para_words *x, size_t nx, const struct para_words *y, size_t ny)
{
    size_t found = 0;
    for (size_t i = 0; i < nx; i++)
        for (size_t j = 0; j < ny; j++)
            if (para_same(&x[i], &y[j])) {
                found++;
                break;
            }
    return found;
}

static void
paras_free(struct para_words *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i].w);
    free(v);
}

/* The share of each side's lines (prose, and with names lines of names)
 * found in the other's,
 * the smaller; *matched the smaller count. */
static double
lines_shared(const char *a, size_t na, const char *b, size_t nb, bool names, size_t *matched)
{
    struct para_words *x = NULL, *y = NULL;
    size_t nx = content_lines_of(a, na, names, &x), ny = content_lines_of(b, nb, names, &y);
    size_t fx = paras_found(x, nx, y, ny), fy = paras_found(y, ny, x, nx);
    paras_free(x, nx);
    paras_free(y, ny);
    *matched = DS_MIN(fx, fy);
    if (!nx || !ny)
        return 0;
    return DS_MIN((double)fx / (double)nx, (double)fy / (double)ny);
}

double
minhash_paragraphs_shared(const char *a, size_t na, const char *b, size_t nb, size_t *matched)
{
    return lines_shared(a, na, b, nb, false, matched);
}

double
minhash_name_lines_shared(const char *a, size_t na, const char *b, size_t nb, size_t *matched)
{
    return lines_shared(a, na, b, nb, true, matched);
}
