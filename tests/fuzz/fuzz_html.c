/*
 * fuzz_html.c — libFuzzer target for the HTML reader: any bytes after a
 * doctype (so the sniffer hands them to the HTML reader) must give a skip
 * reason or an article whose text and metadata are valid UTF-8 without
 * control characters other than newline; nothing may crash, hang or leak.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/ingest.h"
#include "dossier/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_clean(const char *s)
{
    if (!s)
        return;
    size_t n = strlen(s);
    if (!utf8_valid(s, n))
        abort();
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\n') || c == 0x7F)
            abort();
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char head[] = "<!DOCTYPE html>";
    struct buf page = BUF_INIT;
    buf_append(&page, head, sizeof head - 1);
    buf_append(&page, data, size);

    struct ingest_result r;
    struct ds_error err;
    if (ingest_file(NULL, "/fuzz/page.html", page.data, page.len, &r, &err) == 0) {
        const struct article *a = &r.a;
        check_clean(a->body);
        check_clean(a->title);
        check_clean(a->source);
        check_clean(a->byline);
        check_clean(a->url);
        check_clean(a->published);
        check_clean(a->summary);
        if (a->summary && strlen(a->summary) > INGEST_SUMMARY_MAX)
            abort();
        for (const char *p = a->title; p && *p; p++)
            if (*p == '\n')
                abort(); /* metadata is one line */
        for (const char *p = a->summary; p && *p; p++)
            if (*p == '\n')
                abort();
    }
    ingest_result_clear(&r);
    buf_free(&page);
    return 0;
}
