/*
 * fuzz_feed.c — libFuzzer target for the feed reader: any bytes give either
 * a refusal with a reason or a feed whose items become articles with clean
 * text (valid UTF-8, no control characters but newline), and the HTML-to-
 * text step alone gives clean text too.
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
    const char *bytes = (const char *)data;
    struct feed f;
    struct ds_error err;
    if (ingest_feed_read(bytes, size, &f, &err) == 0) {
        for (size_t i = 0; i < f.n; i++) {
            if (!f.items[i].key)
                abort(); /* every item has an identity */
            struct article a;
            if (ingest_feed_article(NULL, "/fuzz/feed.xml", &f, i, &a, &err) == 0) {
                check_clean(a.body);
                check_clean(a.title);
                check_clean(a.source);
                check_clean(a.byline);
                check_clean(a.url);
                check_clean(a.summary);
            }
            article_clear(&a);
        }
        feed_clear(&f);
    }
    struct buf text = BUF_INIT;
    feed_item_html_to_text(bytes, size, &text);
    check_clean(buf_str(&text));
    buf_free(&text);
    return 0;
}
