/* Unit tests for the drawing module (src/tui/draw.c) on a headless curses
 * screen: control characters and escape sequences never reach the terminal,
 * wide characters are never split, spans colour the right cells, and the
 * dump writes what was drawn. */
#include "config.h"

#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/tui/tui.h"
#include "tap.h"

static char dump_path[] = "/tmp/dossier-test-draw.XXXXXX";

/* Row y of the last dump (text or roles). */
static char *
dump_row(bool roles, int y)
{
    struct ds_error err;
    if (draw_dump(dump_path, roles ? DUMP_ROLES : DUMP_TEXT, &err) < 0)
        return xstrdup("(dump failed)");
    FILE *f = fopen(dump_path, "r");
    char line[512] = "";
    for (int i = 0; i <= y && f && fgets(line, sizeof line, f); i++)
        ;
    if (f)
        fclose(f);
    line[strcspn(line, "\n")] = '\0';
    return xstrdup(line);
}

static void
check_row(int y, bool roles, const char *want, const char *name)
{
    char *got = dump_row(roles, y);
    is_str(got, want, name);
    free(got);
}

int
main(void)
{
    int fd = mkstemp(dump_path);
    if (fd >= 0)
        close(fd);
    FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
    SCREEN *scr = newterm("xterm", out, in);
    if (!scr) {
        tap_skip(1, "no xterm terminfo");
        return done_testing();
    }
    set_term(scr);
    resize_term(6, 20);
    theme_init();
    draw_resize(6, 20);

    /* One colour per entity kind in every pane (the reader and the compare
     * view had a copy each, and they disagreed on agreements). */
    is_int(theme_entity_role(ENTITY_PERSON), ROLE_PERSON, "entity role: person");
    is_int(theme_entity_role(ENTITY_COUNTRY), ROLE_COUNTRY, "entity role: country");
    is_int(theme_entity_role(ENTITY_PLACE), ROLE_PLACE, "entity role: place");
    is_int(theme_entity_role(ENTITY_ORG), ROLE_ORG, "entity role: organisation");
    is_int(theme_entity_role(ENTITY_AGREEMENT), ROLE_ORG, "entity role: agreement as organisation");

    draw_text(0, 0, 20,
              "a\x1b[31mb\x07"
              "c\r",
              ROLE_NORMAL, true);
    check_row(0, false, "a?[31mb?c?", "ESC, BEL and CR are drawn as '?'");
    check_row(0, true, ".?.....?.?", "placeholders use the control role");

    draw_text(1, 0, 20,
              "x\xc2\x9b"
              "1m",
              ROLE_NORMAL, true); /* C1 CSI */
    check_row(1, false, "x?1m", "a C1 control (CSI) is neutralised too");

    /* 3 wide chars in 5 columns: two fit, the third is not split */
    int used = draw_text(2, 0, 5, "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad", ROLE_NORMAL, false);
    is_int(used, 5, "wide text clipped at 5 columns reports 5 (last column blank)");
    check_row(2, false, "\xe4\xb8\xad\xe4\xb8\xad",
              "a wide character is written once, never split");

    draw_text(3, 0, 20, "cafe\xcc\x81!", ROLE_NORMAL, true);
    check_row(3, false, "cafe\xcc\x81!", "combining mark stays with its base");

    struct tlines ls;
    tlines_init(&ls);
    struct tline *l = tlines_add(&ls, "tariffs of 25%", 14, ROLE_NORMAL);
    l->indent = 2;
    tline_add_span(l, 0, 7, ROLE_HIT);
    tline_add_span(l, 11, 14, ROLE_FIGURE);
    tline_add_span(l, 3, 5, ROLE_FIND); /* later span wins where they overlap */
    draw_tline(4, 0, 20, l, -1);
    check_row(4, false, "  tariffs of 25%", "tline drawn with its indent");
    check_row(4, true, "..HHHffHH....FFF", "spans colour their cells; later spans win");
    draw_tline(5, 0, 20, l, ROLE_SELECTION);
    check_row(5, true, "SSHHHffHHSSSSFFFSSSS", "selection is the base, spans still show");
    tlines_clear(&ls);

    /* a span ending between a letter and its combining mark keeps them together */
    tlines_init(&ls);
    l = tlines_add(&ls, "xe\xcc\x81y", 5, ROLE_NORMAL);
    tline_add_span(l, 1, 2, ROLE_HIT);
    draw_tline(1, 0, 20, l, -1);
    check_row(1, false, "xe\xcc\x81y", "combining mark is not dropped at a span edge");
    check_row(1, true, ".H", "the mark takes its base letter's role");
    tlines_clear(&ls);

    draw_text(0, 0, 20, "abc", ROLE_NORMAL, true);
    draw_text(0, 1, 2, "\xe4\xb8\xad", ROLE_NORMAL, false);
    draw_text(0, 2, 1, "z", ROLE_NORMAL, false);
    check_row(0, false, "a z", "overwriting half of a wide char blanks the other half");

    endwin();
    delscreen(scr);
    fclose(out);
    fclose(in);
    draw_resize(0, 0);
    remove(dump_path);
    return done_testing();
}
