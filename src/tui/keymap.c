/*
 * keymap.c — the action table and key names. Actions are declared once in
 * TUI_ACTION_INFO (tui.h) with their default keys and help text; the help
 * screen, the config's `bind KEY ACTION` and the script reader all go
 * through here. Uses curses only for its KEY_* constants (no curses calls),
 * so the unit tests link it without ncurses.
 */
#include "config.h"

#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "dossier/utf8.h"
#include "tui.h"

struct action_info {
    const char *name, *keys, *help;
};

static const struct action_info actions[] = {
#define TUI_ACTION_ROW(id, name, keys, help) {name, keys, help},
    TUI_ACTION_INFO(TUI_ACTION_ROW)
#undef TUI_ACTION_ROW
};

struct key_name {
    const char *name;
    int key;
};

static const struct key_name key_names[] = {
    {"Down", TK_FN | KEY_DOWN},
    {"Up", TK_FN | KEY_UP},
    {"Left", TK_FN | KEY_LEFT},
    {"Right", TK_FN | KEY_RIGHT},
    {"PgDn", TK_FN | KEY_NPAGE},
    {"PgUp", TK_FN | KEY_PPAGE},
    {"PageDown", TK_FN | KEY_NPAGE},
    {"PageUp", TK_FN | KEY_PPAGE},
    {"Home", TK_FN | KEY_HOME},
    {"End", TK_FN | KEY_END},
    {"S-Tab", TK_FN | KEY_BTAB},
    {"Backspace", TK_FN | KEY_BACKSPACE},
    {"Del", TK_FN | KEY_DC},
    {"Ins", TK_FN | KEY_IC},
    {"Tab", '\t'},
    {"Enter", '\n'},
    {"Esc", 27},
    {"Space", ' '},
    {"Lt", '<'},
    {"Gt", '>'},
    {"Colon", ':'},
};

int
keymap_parse_key(const char **s)
{
    const char *p = *s;
    if (*p == '\0')
        return -1;
    if (*p != '<' || p[1] == '\0' || !strchr(p + 1, '>')) {
        uint32_t cp;
        int k = utf8_decode(p, strlen(p), &cp);
        *s = p + k;
        return (int)cp;
    }
    const char *end = strchr(p, '>');
    size_t n = (size_t)(end - p - 1);
    const char *name = p + 1;
    int key = -1;
    if (n == 3 && (name[0] == 'C' || name[0] == 'c') && name[1] == '-') {
        char c = name[2];
        if (c >= 'a' && c <= 'z')
            key = c - 'a' + 1;
        else if (c >= 'A' && c <= 'Z')
            key = c - 'A' + 1;
    } else if (n >= 2 && n <= 3 && name[0] == 'F' && name[1] >= '0' && name[1] <= '9') {
        int f = name[1] - '0';
        if (n == 3 && name[2] >= '0' && name[2] <= '9')
            f = f * 10 + name[2] - '0';
        if (f >= 1 && f <= 12)
            key = TK_FN | KEY_F(f);
    } else {
        for (size_t i = 0; i < DS_ARRAY_LEN(key_names); i++)
            if (strlen(key_names[i].name) == n && strncmp(key_names[i].name, name, n) == 0)
                key = key_names[i].key;
    }
    if (key >= 0)
        *s = end + 1;
    return key;
}

const char *
keymap_key_name(int key)
{
    static char out[32];
    for (size_t i = 0; i < DS_ARRAY_LEN(key_names); i++)
        if (key_names[i].key == key && strcmp(key_names[i].name, "PageDown") != 0 &&
            strcmp(key_names[i].name, "PageUp") != 0 && key != '<' && key != '>' && key != ':') {
            snprintf(out, sizeof out, "<%s>", key_names[i].name);
            return out;
        }
    if (key >= 1 && key <= 26) {
        snprintf(out, sizeof out, "<C-%c>", 'a' + key - 1);
        return out;
    }
    if (key & TK_FN) {
        int code = key & ~TK_FN;
        if (code >= KEY_F(1) && code <= KEY_F(12)) {
            snprintf(out, sizeof out, "<F%d>", code - KEY_F(0));
            return out;
        }
        snprintf(out, sizeof out, "<key %d>", code);
        return out;
    }
    if (key < 0x20 || key == 0x7f) {
        snprintf(out, sizeof out, "<0x%02x>", key);
        return out;
    }
    int n = utf8_encode((uint32_t)key, out);
    out[n] = '\0';
    return out;
}

int
keymap_action_by_name(const char *name)
{
    for (size_t i = 0; i < DS_ARRAY_LEN(actions); i++)
        if (strcmp(actions[i].name, name) == 0)
            return (int)i;
    return -1;
}

const char *
keymap_action_name(int action)
{
    return action >= 0 && action < ACT_COUNT_ ? actions[action].name : "?";
}

const char *
keymap_action_help(int action)
{
    return action >= 0 && action < ACT_COUNT_ ? actions[action].help : "";
}

/* ---- bindings ----------------------------------------------------------------------- */

struct binding {
    int key, action;
};

static struct binding bindings[256];
static size_t nbindings;

void
keymap_bind(int key, int action)
{
    for (size_t i = 0; i < nbindings; i++)
        if (bindings[i].key == key) {
            bindings[i].action = action;
            return;
        }
    if (nbindings < DS_ARRAY_LEN(bindings))
        bindings[nbindings++] = (struct binding){key, action};
}

void
keymap_init(void)
{
    nbindings = 0;
    for (int a = 0; a < ACT_COUNT_; a++) {
        const char *p = actions[a].keys;
        while (*p) {
            while (*p == ' ')
                p++;
            if (!*p)
                break;
            int key = keymap_parse_key(&p);
            if (key < 0)
                break; /* table error; caught by the unit test of every default */
            keymap_bind(key, a);
        }
    }
}

int
keymap_lookup(int key)
{
    for (size_t i = 0; i < nbindings; i++)
        if (bindings[i].key == key)
            return bindings[i].action;
    return ACT_NONE;
}

void
keymap_keys_for(int action, struct buf *out)
{
    bool first = true;
    for (size_t i = 0; i < nbindings; i++)
        if (bindings[i].action == action) {
            if (!first)
                buf_putc(out, ' ');
            buf_puts(out, keymap_key_name(bindings[i].key));
            first = false;
        }
}
