/*
 * extract/figure_text.c — a figure as a line of text for people: what the
 * command line's comparison and the browser's compare view both print; and
 * a figure's own text as read from the body (fig_clean_copy).
 */
#include "config.h"

#include "dossier/extract.h"
#include "lib.h"

void
figure_text(struct buf *b, const struct figure *f, bool with_subject)
{
    if (!f) {
        buf_puts(b, "-");
        return;
    }
    buf_puts(b, f->text ? f->text : "?");
    if (with_subject && f->subject)
        buf_printf(b, " (%s)", f->subject);
}

/* See lib.h. */
char *
fig_clean_copy(const char *s, size_t a, size_t b)
{
    /* Collapse white space (incl. NBSP) to one space; drop control bytes. */
    struct buf out = BUF_INIT;
    bool sp = false;
    for (size_t i = a; i < b; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xC2 && i + 1 < b && ((unsigned char)s[i + 1] == 0xA0 ||
                                       (unsigned char)s[i + 1] < 0xA0)) {
            /* NBSP is a space; U+0080..U+009F are C1 controls: never kept */
            sp = sp || (unsigned char)s[i + 1] == 0xA0;
            i++;
            continue;
        }
        if (c <= ' ' || c == 0x7F) {
            sp = true;
            continue;
        }
        if (sp && out.len)
            buf_putc(&out, ' ');
        sp = false;
        buf_putc(&out, (char)c);
    }
    return buf_steal(&out);
}
