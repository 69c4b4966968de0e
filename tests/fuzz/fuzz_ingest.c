/*
 * fuzz_ingest.c — libFuzzer target for decoding and cleaning: any bytes must
 * give either a skip reason or an article whose text is valid UTF-8 with no
 * control characters other than newline, and whose metadata is the same.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/ingest.h"
#include "dossier/utf8.h"
#include "check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct article a = {0};
    struct ds_error err;
    struct ingest_ctx ctx = {0};
    struct buf text = BUF_INIT;
    const char *enc;

    ingest_decode((const char *)data, size, &text, &enc);
    check_clean(buf_str(&text));
    buf_free(&text);

    if (ingest_article(&ctx, "/fuzz/2020-01-02-input.txt", (const char *)data, size, &a, &err) == 0) {
        check_clean(a.body);
        check_clean(a.raw);
        check_clean(a.title);
        check_clean(a.source);
        check_clean(a.byline);
    }
    article_clear(&a);
    return 0;
}
