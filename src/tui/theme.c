/*
 * theme.c — style roles: the table in tui.h (TUI_ROLE_INFO) gives each role
 * its default colours for 8- and 256-colour terminals and its attributes;
 * the config may override them. Under NO_COLOR or on a monochrome terminal
 * only the attributes are used, so every role stays distinguishable where
 * it matters (hits, selection, focus).
 */
#include "config.h"

#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"

struct role_style {
    const char *name;
    short fg, bg, fg256;
    const char *attrs;
    char ch;
};

static const struct role_style defaults[] = {
#define TUI_ROLE_ROW(id, name, fg, bg, attr, fg256, ch) {name, fg, bg, fg256, attr, ch},
    TUI_ROLE_INFO(TUI_ROLE_ROW)
#undef TUI_ROLE_ROW
};

/* current styles (config overrides applied) */
static short role_fg[ROLE_COUNT_], role_bg[ROLE_COUNT_];
static unsigned long role_attrs[ROLE_COUNT_];
static bool role_set[ROLE_COUNT_];
static bool use_color;

int
theme_role_by_name(const char *name)
{
    for (int i = 0; i < ROLE_COUNT_; i++)
        if (strcmp(defaults[i].name, name) == 0)
            return i;
    return -1;
}

const char *
theme_role_name(int role)
{
    return role >= 0 && role < ROLE_COUNT_ ? defaults[role].name : "?";
}

char
theme_role_char(int role)
{
    return role >= 0 && role < ROLE_COUNT_ ? defaults[role].ch : '?';
}

static unsigned long
parse_attr_letters(const char *s)
{
    unsigned long a = A_NORMAL;
    for (; *s; s++) {
        if (*s == 'B')
            a |= A_BOLD;
        else if (*s == 'U')
            a |= A_UNDERLINE;
        else if (*s == 'R')
            a |= A_REVERSE;
        else if (*s == 'D')
            a |= A_DIM;
    }
    return a;
}

static int
parse_color(const char *s, short *out)
{
    static const char *const names[] = {"black", "red",     "green", "yellow",
                                        "blue",  "magenta", "cyan",  "white"};
    if (strcmp(s, "default") == 0 || strcmp(s, "-1") == 0) {
        *out = -1;
        return 0;
    }
    for (short i = 0; i < 8; i++)
        if (strcmp(s, names[i]) == 0) {
            *out = i;
            return 0;
        }
    char *end;
    long v = strtol(s, &end, 10);
    if (*s && *end == '\0' && v >= 0 && v <= 255) {
        *out = (short)v;
        return 0;
    }
    return -1;
}

int
theme_entity_role(enum entity_kind k)
{
    switch (k) {
    case ENTITY_COUNTRY:
        return ROLE_COUNTRY;
    case ENTITY_PERSON:
        return ROLE_PERSON;
    case ENTITY_PLACE:
        return ROLE_PLACE;
    case ENTITY_ORG:
    case ENTITY_AGREEMENT:
        break;
    }
    return ROLE_ORG;
}

int
theme_set(const char *role, const char *fg, const char *bg, const char *attrs, struct ds_error *err)
{
    int r = theme_role_by_name(role);
    if (r < 0) {
        ds_error_set(err, -1, "unknown role '%s'", role);
        return -1;
    }
    short f, b;
    if (parse_color(fg, &f) < 0 || parse_color(bg, &b) < 0) {
        ds_error_set(err, -1, "bad colour '%s' (black..white, default, or 0-255)",
                     parse_color(fg, &f) < 0 ? fg : bg);
        return -1;
    }
    unsigned long a = A_NORMAL;
    if (attrs) {
        char *copy = xstrdup(attrs);
        for (char *tok = strtok(copy, ","); tok; tok = strtok(NULL, ",")) {
            if (strcmp(tok, "bold") == 0)
                a |= A_BOLD;
            else if (strcmp(tok, "underline") == 0)
                a |= A_UNDERLINE;
            else if (strcmp(tok, "reverse") == 0)
                a |= A_REVERSE;
            else if (strcmp(tok, "dim") == 0)
                a |= A_DIM;
            else if (strcmp(tok, "normal") != 0) {
                ds_error_set(err, -1, "unknown attribute '%s'", tok);
                free(copy);
                return -1;
            }
        }
        free(copy);
    } else {
        a = parse_attr_letters(defaults[r].attrs);
    }
    role_fg[r] = f;
    role_bg[r] = b;
    role_attrs[r] = a;
    role_set[r] = true;
    return 0;
}

void
theme_init(void)
{
    const char *nc = getenv("NO_COLOR");
    use_color = has_colors() && !(nc && *nc);
    if (use_color && start_color() != OK)
        use_color = false;
    if (use_color)
        use_default_colors();
    bool c256 = use_color && COLORS >= 256;
    for (int r = 0; r < ROLE_COUNT_; r++) {
        if (!role_set[r]) {
            role_fg[r] = c256 && defaults[r].fg256 >= 0 ? defaults[r].fg256 : defaults[r].fg;
            role_bg[r] = defaults[r].bg;
            role_attrs[r] = parse_attr_letters(defaults[r].attrs);
        }
        if (use_color) {
            short f = role_fg[r], b = role_bg[r];
            if (f >= COLORS)
                f = (short)(f % 8);
            if (b >= COLORS)
                b = (short)(b % 8);
            init_pair((short)(r + 1), f, b);
        }
    }
}

unsigned long
theme_attr(int role)
{
    if (role < 0 || role >= ROLE_COUNT_)
        role = ROLE_NORMAL;
    unsigned long a = role_attrs[role];
    if (use_color)
        return a | (unsigned long)COLOR_PAIR(role + 1);
    /* monochrome: roles that only had a colour get an attribute */
    if (a == A_NORMAL && defaults[role].fg >= 0 && role != ROLE_META)
        a = A_BOLD;
    if ((role == ROLE_HIT || role == ROLE_FIND || role == ROLE_CURRENT) && !(a & A_REVERSE))
        a |= A_REVERSE;
    if (role == ROLE_PANE_FOCUS)
        a |= A_REVERSE;
    return a;
}

bool
theme_has_color(void)
{
    return use_color;
}
