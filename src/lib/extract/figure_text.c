/*
 * extract/figure_text.c — a figure as a line of text for people: what the
 * command line's comparison and the browser's compare view both print.
 */
#include "config.h"

#include "dossier/extract.h"

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
