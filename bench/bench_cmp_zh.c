/*
 * bench/bench_cmp_zh.c — sentence alignment of Chinese article pairs with
 * the index's bigram tokenizer (store_text_tokenizer) against the words
 * the comparison now uses (store_text_tokenizer_compare): pair precision
 * and recall against hand-made pairs (bench/zh/pairs.txt), and how many
 * characters the word diffs mark on each side.
 *
 * usage: bench_cmp_zh PAIRS_FILE   (opens a scratch index in /tmp)
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dossier/compare.h"
#include "dossier/store.h"
#include "dossier/store_similar.h"
#include "dossier/utf8.h"

#define MAX_PAIRS 64

struct pairdoc {
    char name[64];
    struct buf a, b;
    int gold[MAX_PAIRS][2];
    size_t ngold;
};

struct tally {
    size_t tp, got, want, marked, chars;
};

/* Read the next pair from f; false at the end. */
static bool
read_pair(FILE *f, struct pairdoc *p, char *line, size_t cap, bool *pending)
{
    int section = 0; /* 1 a, 2 b, 3 pairs */
    memset(p->name, 0, sizeof p->name);
    buf_reset(&p->a);
    buf_reset(&p->b);
    p->ngold = 0;
    bool have = *pending;
    while (have || fgets(line, (int)cap, f)) {
        have = false;
        line[strcspn(line, "\n")] = '\0';
        if (!strncmp(line, "=== ", 4)) {
            if (p->name[0]) {
                *pending = true;
                return true;
            }
            snprintf(p->name, sizeof p->name, "%.63s", line + 4);
        } else if (!strcmp(line, "--- a")) {
            section = 1;
        } else if (!strcmp(line, "--- b")) {
            section = 2;
        } else if (!strcmp(line, "--- pairs")) {
            section = 3;
        } else if (line[0] && line[0] != '#' && section > 0) {
            if (section == 3 && p->ngold < MAX_PAIRS &&
                sscanf(line, "%d %d", &p->gold[p->ngold][0], &p->gold[p->ngold][1]) == 2)
                p->ngold++;
            else if (section < 3) {
                struct buf *t = section == 1 ? &p->a : &p->b;
                buf_printf(t, "%s%s", t->len ? "\n\n" : "", line);
            }
        }
    }
    *pending = false;
    return p->name[0] != 0;
}

/* Is (a, b) a gold pair of p? */
static bool
is_gold(const struct pairdoc *p, int a, int b)
{
    for (size_t i = 0; i < p->ngold; i++)
        if (p->gold[i][0] == a && p->gold[i][1] == b)
            return true;
    return false;
}

/* Count one found pair. */
static void
count_pair(const struct pairdoc *p, struct tally *t, int a, int b)
{
    t->got++;
    if (is_gold(p, a, b))
        t->tp++;
    else
        printf("#   %s: extra pair %d-%d\n", p->name, a, b);
}

/* Characters in the spans. */
static size_t
span_chars(const char *text, const struct span *v, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t k = v[i].start; k < v[i].end; k++)
            c += ((unsigned char)text[k] & 0xC0) != 0x80;
    return c;
}

/* Align one pair with tok and add to t. */
static void
run_pair(const struct pairdoc *p, const struct text_tokenizer *tok, struct tally *t)
{
    struct cmp_options opt = {0, tok, NULL};
    struct cmp_result r;
    struct ds_error err;
    ds_error_clear(&err);
    if (compare_texts(p->a.data, p->a.len, p->b.data, p->b.len, &opt, &r, &err) != 0) {
        fprintf(stderr, "%s: %s\n", p->name, err.msg);
        return;
    }
    for (size_t i = 0; i < r.nrows; i++) {
        const struct cmp_row *w = &r.rows[i];
        if (w->mark == CMP_PART)
            count_pair(p, t, w->a >= 0 ? w->a : w->with, w->b >= 0 ? w->b : w->with);
        else if (w->a >= 0 && w->b >= 0)
            count_pair(p, t, w->a, w->b);
    }
    for (size_t g = 0; g < p->ngold; g++) {
        bool found = false;
        for (size_t i = 0; i < r.nrows && !found; i++) {
            const struct cmp_row *w = &r.rows[i];
            int a = w->a >= 0 ? w->a : w->with, b = w->b >= 0 ? w->b : w->with;
            found = (w->mark == CMP_PART || (w->a >= 0 && w->b >= 0)) && a == p->gold[g][0] &&
                    b == p->gold[g][1];
        }
        if (!found)
            printf("#   %s: missed pair %d-%d\n", p->name, p->gold[g][0], p->gold[g][1]);
    }
    t->want += p->ngold;
    t->marked += span_chars(p->a.data, r.deleted, r.ndeleted) +
                 span_chars(p->b.data, r.inserted, r.ninserted);
    t->chars += utf8_width(p->a.data, p->a.len) / 2 + utf8_width(p->b.data, p->b.len) / 2;
    cmp_result_clear(&r);
}

int
main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: bench_cmp_zh PAIRS_FILE\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "r");
    char dir[] = "/tmp/bench_cmp_zh_XXXXXX";
    if (!f || !mkdtemp(dir)) {
        perror(argv[1]);
        return 2;
    }
    char *db = xasprintf("%s/index.db", dir);
    struct store *s = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    if (store_open(db, STORE_CREATE, &s, &err) != 0) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    struct text_tokenizer toks[2];
    store_text_tokenizer(s, &toks[0]);
    store_text_tokenizer_compare(s, &toks[1]);
    const char *names[2] = {"bigrams (store_text_tokenizer)", "words (store_text_tokenizer_compare)"};
    struct tally t[2] = {{0}, {0}};
    struct pairdoc p = {{0}, BUF_INIT, BUF_INIT, {{0}}, 0};
    char line[4096];
    bool pending = false;
    size_t npairs = 0;
    while (read_pair(f, &p, line, sizeof line, &pending)) {
        npairs++;
        for (int k = 0; k < 2; k++) {
            printf("# %s, %s\n", p.name, names[k]);
            run_pair(&p, &toks[k], &t[k]);
        }
    }
    for (int k = 0; k < 2; k++)
        printf("%s: %zu article pairs, sentence pairs P %.3f R %.3f (%zu/%zu/%zu); "
               "word diff marks %zu of %zu characters\n",
               names[k], npairs, t[k].got ? (double)t[k].tp / (double)t[k].got : 1.0,
               t[k].want ? (double)t[k].tp / (double)t[k].want : 1.0, t[k].tp, t[k].got,
               t[k].want, t[k].marked, t[k].chars);
    buf_free(&p.a);
    buf_free(&p.b);
    fclose(f);
    store_close(&s);
    char *wal = xasprintf("%s-wal", db), *shm = xasprintf("%s-shm", db);
    unlink(db);
    unlink(wal);
    unlink(shm);
    rmdir(dir);
    free(wal);
    free(shm);
    free(db);
    return 0;
}
