/*
 * extract.c — the extractor's life cycle and one article's run (see
 * extract.h): load gazetteers and topic rules (shipped, then the user's),
 * compile the figure patterns, and for each article split sentences, then
 * find figures, entities and topics.
 */
#include "config.h"

#include "dossier/extract.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib.h"

const char *
figure_kind_name(enum figure_kind k)
{
    switch (k) {
    case FIGURE_AMOUNT:
        return "amount";
    case FIGURE_CHANGE:
        return "change";
    case FIGURE_SHARE:
        return "share";
    case FIGURE_RATE:
        return "rate";
    case FIGURE_QUANTITY:
        return "quantity";
    case FIGURE_COUNT:
        return "count";
    }
    return "unknown";
}

const char *
entity_kind_name(enum entity_kind k)
{
    switch (k) {
    case ENTITY_COUNTRY:
        return "country";
    case ENTITY_ORG:
        return "org";
    case ENTITY_PERSON:
        return "person";
    case ENTITY_PLACE:
        return "place";
    case ENTITY_AGREEMENT:
        return "agreement";
    }
    return "unknown";
}

void
extraction_clear(struct extraction *x)
{
    for (size_t i = 0; i < x->nfigures; i++) {
        struct figure *f = &x->figures[i];
        free(f->text);
        free(f->unit);
        free(f->scale);
        free(f->direction);
        free(f->period);
        free(f->subject);
        free(f->approx);
        free(f->also);
    }
    free(x->figures);
    for (size_t i = 0; i < x->nentities; i++) {
        free(x->entities[i].name);
        free(x->entities[i].alt);
        free(x->entities[i].spans);
    }
    free(x->entities);
    for (size_t i = 0; i < x->ntopics; i++) {
        free(x->topics[i].slug);
        free(x->topics[i].spans);
    }
    free(x->topics);
    memset(x, 0, sizeof *x);
}

static uint32_t
wordset_hash(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h ^ (h >> 15);
}

void
wordset_init(struct wordset *ws, const char *const *list)
{
    size_t n = 0;
    while (list[n])
        n++;
    size_t cap = 16;
    while (cap < n * 3)
        cap *= 2;
    ws->w = xcalloc(cap, sizeof *ws->w);
    ws->mask = cap - 1;
    for (size_t i = 0; i < n; i++) {
        size_t j = wordset_hash(list[i], strlen(list[i])) & ws->mask;
        while (ws->w[j] && strcmp(ws->w[j], list[i]) != 0)
            j = (j + 1) & ws->mask;
        ws->w[j] = list[i];
    }
}

void
wordset_free(struct wordset *ws)
{
    free(ws->w);
    ws->w = NULL;
}

bool
wordset_has(const struct wordset *ws, const char *w, size_t n, bool lower)
{
    char low[32];
    if (n == 0 || n >= sizeof low)
        return false;
    if (lower) {
        for (size_t i = 0; i < n; i++)
            low[i] = (char)ex_lower((unsigned char)w[i]);
        w = low;
    }
    for (size_t j = wordset_hash(w, n) & ws->mask; ws->w[j]; j = (j + 1) & ws->mask)
        if (ws->w[j][0] == w[0] && strncmp(ws->w[j], w, n) == 0 && ws->w[j][n] == '\0')
            return true;
    return false;
}

#define EXTRACT_CODE_VERSION 15ull

static const struct {
    const char *file;
    enum entity_kind kind;
} extract_gazetteers[] = {
    {"countries.tsv", ENTITY_COUNTRY},
    {"orgs.tsv", ENTITY_ORG},
    {"orgs_zh.tsv", ENTITY_ORG},
    {"agreements.tsv", ENTITY_AGREEMENT},
    {"places.tsv", ENTITY_PLACE},
    {"places_zh.tsv", ENTITY_PLACE},
    {"people.tsv", ENTITY_PERSON},
};

/* The rules hash seed: it covers this code's version (bump
 * EXTRACT_CODE_VERSION when a change alters what is extracted, so stored
 * articles are re-extracted). */
static uint64_t
extract_hash_seed(void)
{
    return 0x9e3779b97f4a7c15ull ^ (EXTRACT_CODE_VERSION * 0x100000001b3ull);
}

/* The size limits of gz_load and tp_load. */
#define EXTRACT_GAZETTEER_MAX (16u << 20)
#define EXTRACT_TOPICS_MAX (4u << 20)

/* Fold one rules file into *hash as gz_load and tp_load do: its bytes, or
 * nothing when it cannot be read and is optional (a topics file only when
 * it is absent: tp_load refuses an unreadable one). 0, or 1 when the full
 * load would fail (it reports why). */
static int
extract_hash_file(const char *path, size_t max, bool required, bool topics, uint64_t *hash)
{
    struct buf data = BUF_INIT;
    struct ds_error rerr;
    ds_error_clear(&rerr);
    int rc = 0;
    if (ds_read_file(path, max, &data, &rerr) == 0)
        *hash = ds_hash64(data.data ? data.data : "", data.len) ^ (*hash * 0x100000001b3ull);
    else
        rc = required || (topics && errno != ENOENT);
    buf_free(&data);
    return rc;
}

/* See extract.h. The files and the order are extractor_load's. */
int
extractor_rules_hash_files(const char *assets_dir, const char *config_dir, uint64_t *out)
{
    uint64_t hash = extract_hash_seed();
    const char *dirs[2] = {assets_dir, config_dir};
    int rc = 0;
    for (int d = 0; d < 2 && rc == 0; d++) {
        if (!dirs[d])
            continue;
        for (size_t i = 0; i < DS_ARRAY_LEN(extract_gazetteers) && rc == 0; i++) {
            char *path = xasprintf("%s/gazetteer/%s", dirs[d], extract_gazetteers[i].file);
            rc = extract_hash_file(path, EXTRACT_GAZETTEER_MAX, d == 0 && i == 0, false,
                                   &hash);
            free(path);
        }
        char *path = xasprintf("%s/topics.conf", dirs[d]);
        if (rc == 0)
            rc = extract_hash_file(path, EXTRACT_TOPICS_MAX, d == 0, true, &hash);
        free(path);
    }
    *out = hash;
    return rc ? -1 : 0;
}

/* A new extractor with the gazetteers of assets_dir and config_dir loaded
 * and, when full, the figure patterns and topic rules too. 0, or -1 with
 * err. */
static int
extractor_load(const char *assets_dir, const char *config_dir, bool full,
               struct extractor **out, struct ds_error *err)
{
    *out = NULL;
    struct extractor *ex = xcalloc(1, sizeof *ex);
    gz_init(&ex->gz);
    tp_init(&ex->tp);
    ex->seg = full ? seg_new() : NULL;
    ex->hash = extract_hash_seed();
    if (full && fig_compile(&ex->fr, err) != 0)
        goto fail;
    const char *dirs[2] = {assets_dir, config_dir};
    for (int d = 0; d < 2; d++) {
        if (!dirs[d])
            continue;
        for (size_t i = 0; i < DS_ARRAY_LEN(extract_gazetteers); i++) {
            char *path = xasprintf("%s/gazetteer/%s", dirs[d], extract_gazetteers[i].file);
            /* The shipped country list is required; everything else may be
             * absent. */
            bool required = d == 0 && i == 0;
            int rc = gz_load(&ex->gz, path, extract_gazetteers[i].kind, required, err, &ex->hash);
            free(path);
            if (rc != 0)
                goto fail;
        }
        if (!full)
            continue;
        char *path = xasprintf("%s/topics.conf", dirs[d]);
        int rc = tp_load(&ex->tp, path, d == 0, err, &ex->hash);
        free(path);
        if (rc != 0)
            goto fail;
    }
    tp_finish(&ex->tp);
    *out = ex;
    return 0;
fail:
    extractor_free(&ex);
    return -1;
}

int
extractor_open(const char *assets_dir, const char *config_dir, struct extractor **out,
               struct ds_error *err)
{
    return extractor_load(assets_dir, config_dir, true, out, err);
}

/* The gazetteers only (for extractor_alias_names): no figure patterns, no
 * topic rules. */
int
extractor_open_gazetteers(const char *assets_dir, const char *config_dir,
                          struct extractor **out, struct ds_error *err)
{
    return extractor_load(assets_dir, config_dir, false, out, err);
}

void
extractor_free(struct extractor **exp)
{
    struct extractor *ex = *exp;
    if (!ex)
        return;
    *exp = NULL;
    if (ex->base) {
        ex_share_free(ex);
        return;
    }
    gz_free(&ex->gz);
    tp_free(&ex->tp);
    seg_free(&ex->seg);
    fig_free(&ex->fr);
    free(ex);
    *exp = NULL;
}

void
extractor_run(struct extractor *ex, const struct article *a, struct extraction *out)
{
    const char *body = a->body ? a->body : "";
    size_t n = strlen(body);
    if (n > UINT32_MAX - 1)
        n = UINT32_MAX - 1; /* spans are 32-bit */
    size_t fig_base = out->nfigures;
    fig_run(&ex->fr, body, n, out);
    zh_fig_run(body, n, fig_base, out);
    fig_merge_same(out, fig_base);
    struct toks toks = {NULL, 0, 0};
    ex_tokenize(body, n, &toks);
    ent_run(&ex->gz, ex->seg, body, n, &toks, out);
    tp_run(&ex->tp, a->title, body, &toks, out);
    free(toks.v);
}

void
extractor_topics(struct extractor *ex, const char *title, const char *body,
                 struct extraction *out)
{
    tp_run(&ex->tp, title, body ? body : "", NULL, out);
}

uint64_t
extractor_rules_hash(const struct extractor *ex)
{
    return ex->hash;
}

size_t
extractor_topic_count(const struct extractor *ex)
{
    return ex->tp.ntopics;
}

void
extractor_topic_at(const struct extractor *ex, size_t i, const char **slug, const char **name)
{
    *slug = ex->tp.topics[i].slug;
    *name = ex->tp.topics[i].name;
}

char *
ex_next_line(char **cursor)
{
    char *line = *cursor;
    if (!*line)
        return NULL;
    char *nl = strchr(line, '\n');
    if (nl)
        *nl = '\0';
    *cursor = nl ? nl + 1 : line + strlen(line);
    size_t n = strlen(line);
    if (n && line[n - 1] == '\r')
        line[n - 1] = '\0';
    return line;
}

/* Append to b ("\nA\nB\n") the entity each alias of the chain from a
 * stands for, once: a capital's alias gives the city, never its country
 * (a capital's name in a filter means the city, not its government). */
static void
alias_chain_names(const struct gazetteer *g, int32_t a, struct buf *b)
{
    for (; a >= 0; a = g->aliases[a].next) {
        const struct gz_alias *al = &g->aliases[a];
        if (al->capital && al->place < 0)
            continue;
        const char *name = g->ents[al->capital ? (uint32_t)al->place : al->entity].name;
        size_t nl = strlen(name);
        bool seen = false;
        for (size_t i = 0; b->len && i + nl + 2 <= b->len && !seen; i++)
            seen = b->data[i] == '\n' && b->data[i + nl + 1] == '\n' &&
                   memcmp(b->data + i + 1, name, nl) == 0;
        if (seen)
            continue;
        buf_puts(b, b->len ? "" : "\n");
        buf_puts(b, name);
        buf_putc(b, '\n');
    }
}

/* The gazetteer key of text (folded to one script, tokens lowercased and
 * joined) in key[0..cap): its length, 0 when text has no tokens or more
 * than 8. */
static size_t
alias_key(const char *text, char *key, size_t cap)
{
    char *f = zh_fold_copy(text, strlen(text));
    struct toks t = {0};
    size_t kl = 0;
    ex_tokenize(f, strlen(f), &t);
    if (t.n > 0 && t.n <= 8)
        kl = tk_key(f, t.v, 0, t.n - 1, key, cap);
    free(t.v);
    free(f);
    return kl;
}

/* The canonical names of the gazetteer entities text is an alias of, in
 * either script and any case, as "\nname\n" lines joined ("\nA\nB\n"): a
 * new string, or NULL when text names none. A capital city's alias gives
 * the city, never its country. For the query language's entity filters
 * (store/store.c's ds_alias). */
char *
extractor_alias_names(const struct extractor *ex, const char *text)
{
    const struct gazetteer *g = &ex->gz;
    char key[256];
    size_t kl = alias_key(text, key, sizeof key);
    const struct gz_slot *sl = kl ? gz_find(g, key, kl, ds_hash64(key, kl)) : NULL;
    struct buf b = BUF_INIT;
    if (sl)
        alias_chain_names(g, sl->alias, &b);
    return b.len ? buf_steal(&b) : (buf_free(&b), NULL);
}

/* As extractor_alias_names, for every alias that starts with prefix
 * (org:鴻* finds Foxconn through 鴻海): the last word of prefix may be cut
 * short ("Hon H" starts "Hon Hai"). */
char *
extractor_alias_prefix_names(const struct extractor *ex, const char *prefix)
{
    const struct gazetteer *g = &ex->gz;
    char key[256];
    size_t kl = alias_key(prefix, key, sizeof key);
    struct buf b = BUF_INIT;
    for (size_t i = 0; kl && i < g->nslots; i++) {
        const struct gz_slot *sl = &g->slots[i];
        if (sl->key && sl->alias >= 0 && strncmp(sl->key, key, kl) == 0)
            alias_chain_names(g, sl->alias, &b);
    }
    return b.len ? buf_steal(&b) : (buf_free(&b), NULL);
}
