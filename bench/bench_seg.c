/*
 * bench/bench_seg.c — the words of each line of standard input as the
 * segmenter cuts them (util/segment.c: ICU, Chinese names joined), joined
 * by '|', one line out per line in; for bench/zh_jako.py.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "dossier/util.h"
#include "dossier/zh.h"

struct out {
    const char *line;
    bool first;
};

/* Print one word, '|' before all but the first. */
static void
print_word(size_t start, size_t end, void *ud)
{
    struct out *o = ud;
    printf("%s%.*s", o->first ? "" : "|", (int)(end - start), o->line + start);
    o->first = false;
}

int
main(void)
{
    char line[65536];
    struct segmenter *sg = seg_new();
    while (fgets(line, sizeof line, stdin)) {
        size_t n = strcspn(line, "\n");
        struct out o = {line, true};
        seg_words(sg, line, n, print_word, &o);
        putchar('\n');
    }
    seg_free(&sg);
    return 0;
}
