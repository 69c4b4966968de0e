/*
 * fuzz_frontmatter.c — libFuzzer target for front matter and Markdown: the
 * input is wrapped as YAML front matter ("---\n" input "\n---\n") on top of
 * a Markdown body and ingested as a .md file, then ingested again as it is
 * (TOML, header blocks, cmark). Either a refusal with a reason or an
 * article whose fields are clean UTF-8 without control characters.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/ingest.h"
#include "dossier/utf8.h"
#include "check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
ingest_once(const char *path, const char *bytes, size_t n)
{
    struct article a;
    struct ds_error err;
    if (ingest_article(NULL, path, bytes, n, &a, &err) == 0) {
        check_clean(a.body);
        check_clean(a.title);
        check_clean(a.byline);
        check_clean(a.source);
        check_clean(a.url);
        check_clean(a.section);
        check_clean(a.summary);
        for (const char *t = a.tags; t && *t; t++)
            if ((unsigned char)*t < 0x20 && *t != '\n')
                abort();
    }
    article_clear(&a);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct buf b = BUF_INIT;
    buf_puts(&b, "---\n");
    buf_append(&b, (const char *)data, size);
    buf_puts(&b, "\n---\nThe body of the clipping, a sentence of text.\n");
    ingest_once("/fuzz/clip.md", b.data, b.len);
    buf_free(&b);
    ingest_once("/fuzz/note.md", (const char *)data, size);
    ingest_once("/fuzz/scraped.txt", (const char *)data, size);
    return 0;
}
