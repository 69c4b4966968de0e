/*
 * tui.h — private contracts of the ncurses front end (src/tui/).
 *
 * The TUI is built in layers, each testable on its own:
 *   layout.c   text -> a line model (struct tlines): wrapping by display
 *              width, paragraphs, hanging indents, spans of style roles.
 *              No curses; unit-tested in tests/unit/test_layout.c.
 *   draw.c     the only module that writes characters: turns lines and
 *              strings into curses calls, mirrors them into a shadow grid
 *              (for :dump) and never lets a control character through.
 *   keymap.c   the action table (name, default keys, help) and key names.
 *   theme.c    the style-role table (default colours, attributes).
 *   view_*.c   one pane per file behind struct view_ops: sidebar (topics),
 *              list (virtual article list), reader (also loading an article
 *              and find-in-article), facts, help, compare (side by side),
 *              stats (statistics, S) and kwic (keyword in context, w), both
 *              declared in view_stats.h with export.c (e).
 *   app.c      state, pane layout, key dispatch.
 *   browse.c   tui_browse() (browse.h): the terminal, the event loop.
 *   script.c   --script: keys and commands read from a file.
 *   prompt.c   the query prompt's line editor and history.
 *   config.c   $XDG_CONFIG_HOME/dossier/config (bind, color).
 *
 * Ownership: every struct here owns its strings; *_clear()/free functions
 * release them. The backend is used only through the headers in include/dossier/.
 */
#ifndef DOSSIER_TUI_H
#define DOSSIER_TUI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dossier/extract.h"
#include "dossier/query.h"
#include "dossier/store.h"
#include "dossier/util.h"

/* ---- style roles (theme.c) ------------------------------------------------------ */

/* X(ID, name, fg8, bg8, attrs, fg256, dumpchar): one table; the config's
 * `color ROLE ...` uses the names, :dump-roles the letters. Colours are
 * curses numbers, -1 = default. attrs: B bold, U underline, R reverse, D dim. */
#define TUI_ROLE_INFO(X)                                                                           \
    X(NORMAL, "normal", -1, -1, "", -1, '.')                                                       \
    X(TITLE, "title", -1, -1, "B", -1, 'T')                                                        \
    X(META, "meta", 6, -1, "", 110, 'm')                                                           \
    X(HIT, "hit", 0, 3, "B", 16, 'H')                                                              \
    X(FIGURE, "figure", 2, -1, "B", 114, 'F')                                                      \
    X(PERSON, "person", 5, -1, "", 176, 'P')                                                       \
    X(ORG, "org", 4, -1, "B", 75, 'O')                                                             \
    X(COUNTRY, "country", 3, -1, "", 179, 'C')                                                     \
    X(PLACE, "place", 3, -1, "", 180, 'L')                                                         \
    X(TOPIC, "topic", 6, -1, "U", 80, 'K')                                                         \
    X(FIND, "find", 0, 6, "B", 16, 'f')                                                            \
    X(CURRENT, "current", 0, 5, "B", 16, '*')                                                      \
    X(SELECTION, "selection", -1, -1, "R", -1, 'S')                                                \
    X(SELECTION_DIM, "selection-unfocused", -1, -1, "U", -1, 's')                                  \
    X(PANE_TITLE, "pane-title", -1, -1, "R", -1, 't')                                              \
    X(PANE_FOCUS, "pane-title-focused", 7, 4, "B", 231, 'A')                                       \
    X(SEPARATOR, "separator", -1, -1, "D", 240, '|')                                               \
    X(STATUS, "status", -1, -1, "", -1, '_')                                                       \
    X(ERROR, "error", 1, -1, "B", 203, 'E')                                                        \
    X(PROMPT, "prompt", -1, -1, "B", -1, 'p')                                                      \
    X(CONTROL, "control", 1, -1, "R", 203, '?')                                                    \
    X(MARK, "mark", 3, -1, "B", 220, 'M')                                                          \
    X(DIM, "dim", -1, -1, "D", 245, 'd')                                                           \
    X(DELETED, "deleted", 1, -1, "U", 203, '-')                                                    \
    X(INSERTED, "inserted", 2, -1, "BU", 114, '+')                                                 \
    X(ONLY_A, "only-a", 1, -1, "", 210, '<')                                                       \
    X(ONLY_B, "only-b", 2, -1, "", 150, '>')

enum tui_role {
#define TUI_ROLE_ENUM(id, name, fg, bg, attr, fg256, ch) ROLE_##id,
    TUI_ROLE_INFO(TUI_ROLE_ENUM)
#undef TUI_ROLE_ENUM
        ROLE_COUNT_
};

/* Role by config name, or -1. */
int theme_role_by_name(const char *name);
const char *theme_role_name(int role);
char theme_role_char(int role);
/* Set up colours for the terminal (after initscr/newterm); honours NO_COLOR
 * and monochrome terminals (attributes only). */
void theme_init(void);
/* Override a role from the config: fg/bg are colour names or numbers,
 * attrs a comma list (bold,underline,reverse,dim,normal). Returns 0, or -1
 * with a message in err. May be called before theme_init(). */
int theme_set(const char *role, const char *fg, const char *bg, const char *attrs,
              struct ds_error *err);
/* The curses attribute (colour pair + attributes) for a role. */
unsigned long theme_attr(int role);
/* Whether colours are in use (false under NO_COLOR or a mono terminal). */
bool theme_has_color(void);

/* ---- the line model (layout.c) --------------------------------------------------- */

struct tspan {
    uint32_t start, end; /* byte range in the line's text */
    int role;
};

struct tline {
    char *text; /* UTF-8, owned; may contain control chars (draw neutralises) */
    size_t len;
    int indent;          /* blank columns drawn before the text (hanging indent) */
    int64_t src;         /* byte offset of text[0] in the laid-out source, -1 if none */
    int base_role;       /* role of text without spans */
    struct tspan *spans; /* later spans win where they overlap */
    size_t nspans, capspans;
};

struct tlines {
    struct tline *v;
    size_t n, cap;
};

void tlines_init(struct tlines *ls);
void tlines_clear(struct tlines *ls);
/* Append a line holding a copy of text[0..len); returns it (valid until the
 * next append). */
struct tline *tlines_add(struct tlines *ls, const char *text, size_t len, int role);
void tline_add_span(struct tline *l, uint32_t start, uint32_t end, int role);

/* Display width of one code point as the drawing module draws it: control
 * characters are drawn as a one-column placeholder, so they count 1. */
int layout_cp_width(uint32_t cp);
/* Display width of a string as drawn. */
size_t layout_width(const char *s, size_t n);

/* Wrap text (paragraphs separated by blank lines, lines by '\n') to width
 * columns, appending lines to out. Lines break at spaces, or between CJK
 * characters, or inside a word longer than the width (never inside a
 * character). Bulleted lines ("- ", "* ", "• ", "1. ", "(a) ") continue with
 * a hanging indent under the text; leading indentation is kept. Each line
 * records its source offset (src_base + offset into text). width < 1 is
 * treated as 1. */
void layout_wrap(const char *text, size_t len, int width, int64_t src_base, int role,
                 struct tlines *out);

/* Add a span with role for every part of lines that overlaps the source
 * byte range [start, end). */
void layout_mark(struct tlines *ls, uint32_t start, uint32_t end, int role);
/* Index of the line containing source offset off (the first line whose
 * range reaches it), or -1. */
long layout_line_of(const struct tlines *ls, uint32_t off);

/* Find needle in hay[from..n) ignoring case (utf8_tolower per code point);
 * true with the match's byte range in *start, *end. */
bool layout_find_ci(const char *hay, size_t n, const char *needle, size_t from, uint32_t *start,
                    uint32_t *end);

/* Format n with thousands separators ("5,120") into out (size >= 32). */
void layout_thousands(int64_t n, char *out, size_t size);

/* ---- keys and actions (keymap.c) ---------------------------------------------------- */

/* A key: a Unicode code point (Ctrl-x is 1..26, Esc 27, Enter '\n'), or
 * TK_FN | a curses KEY_* code for function keys. */
#define TK_FN 0x40000000
#define TK_RESIZE_SCRIPT (TK_FN | 0x7fff) /* scripted <Resize WxH> */

#define TUI_ACTION_INFO(X)                                                                         \
    X(NONE, "none", "", "Do nothing")                                                              \
    X(QUIT, "quit", "q", "Back out (close help, prompt, zoom); quit from the main screen")         \
    X(QUIT_NOW, "quit-now", "Q", "Quit at once")                                                   \
    X(HELP, "help", "? <F1>", "Show this help, generated from the key table")                      \
    X(DOWN, "move-down", "j <Down>", "Move down one line")                                         \
    X(UP, "move-up", "k <Up>", "Move up one line")                                                 \
    X(PAGE_DOWN, "page-down", "<PgDn> <Space> <C-f>", "Move down one page")                        \
    X(PAGE_UP, "page-up", "<PgUp> <C-b>", "Move up one page")                                      \
    X(HALF_DOWN, "half-page-down", "<C-d>", "Move down half a page")                               \
    X(HALF_UP, "half-page-up", "<C-u>", "Move up half a page")                                     \
    X(FIRST, "first", "g <Home>", "Go to the first line")                                          \
    X(LAST, "last", "G <End>", "Go to the last line")                                              \
    X(ENTER, "enter", "<Enter>", "Open / apply the selected item (compare: read side A or B)")     \
    X(FOCUS_NEXT, "focus-next", "<Tab>", "Focus the next pane (compare: choose side A or B)")      \
    X(FOCUS_PREV, "focus-prev", "<S-Tab>", "Focus the previous pane")                              \
    X(NEXT_DOC, "next-article", "J", "Read the next article in the list")                          \
    X(PREV_DOC, "prev-article", "K", "Read the previous article in the list")                      \
    X(SEARCH, "search", "s :", "Edit the query (Enter runs it, Esc cancels)")                      \
    X(FIND, "find", "/", "Find text in the article")                                               \
    X(FIND_NEXT, "find-next", "n", "Next match of the find text (compare: next difference)")       \
    X(FIND_PREV, "find-prev", "N", "Previous match of the find text (compare: previous one)")      \
    X(TOGGLE_SIDEBAR, "toggle-topics", "t", "Show and focus the topics pane; hide it if focused")  \
    X(TOGGLE_FACTS, "toggle-facts", "f", "Show and focus the facts pane; hide it if focused")      \
    X(TOGGLE_LIST, "toggle-list", "L", "Show and focus the article list; hide it if focused")      \
    X(ZOOM, "zoom", "z", "Show the focused pane alone (again: back)")                              \
    X(GROW, "grow", "+ ]", "Make the focused pane bigger")                                         \
    X(SHRINK, "shrink", "- [", "Make the focused pane smaller")                                    \
    X(HIGHLIGHT, "cycle-highlights", "h", "Cycle highlights: all, hits only, entities, none")      \
    X(FILTER, "filter", "F", "Filter by the selected entity, outlet or topic")                     \
    X(CLEAR_FILTER, "clear-filter", "X <C-x>", "Clear the query and the topic filter")             \
    X(REDRAW, "redraw", "<C-l>", "Redraw the screen")                                              \
    X(SORT, "toggle-sort", "O", "Sort by relevance or date; statistics, KWIC: cycle the order")    \
    X(BOOKMARK, "bookmark", "b", "Bookmark the article (tag:bookmark) or remove it")               \
    X(OPEN, "open", "o", "Open the article's file in $PAGER")                                      \
    X(COMPARE, "compare", "c", "Mark the article as A; on another one, compare the two")           \
    X(REFRESH, "refresh", "R", "Re-run the query to pick up newly indexed articles")               \
    X(MARK, "mark", "m", "Mark the article as A for a comparison (again: unmark)")                 \
    X(COMPARE_SIMILAR, "compare-similar", "C", "Compare the article with its most similar one")    \
    X(CMP_UNLOCK, "compare-unlock", "u", "Compare: scroll the sides together or apart")            \
    X(CMP_SWAP, "compare-swap", "x", "Compare: swap sides A and B")                                \
    X(COMPARE_SETS, "compare-sets", "=", "Compare two sets of articles: type 'QUERY vs QUERY'")    \
    X(STATS, "statistics", "S", "Statistics of the listed articles (Enter on a row filters)")      \
    X(KWIC, "kwic", "w", "Keyword in context: every occurrence of a word in the list")            \
    X(EXPORT, "export", "e", "Export the list (statistics: the table under the selection)")

enum tui_action {
#define TUI_ACTION_ENUM(id, name, keys, help) ACT_##id,
    TUI_ACTION_INFO(TUI_ACTION_ENUM)
#undef TUI_ACTION_ENUM
        ACT_COUNT_
};

/* Parse one key name ("j", "<Down>", "<C-d>", "<S-Tab>", "<F1>", "<Space>")
 * at *s; advances *s past it. Returns the key, or -1 when it is not one. */
int keymap_parse_key(const char **s);
/* Name of a key for help and messages (static storage until the next call). */
const char *keymap_key_name(int key);
/* Action by name, or -1. */
int keymap_action_by_name(const char *name);
const char *keymap_action_name(int action);
const char *keymap_action_help(int action);
/* Install the default bindings (call once at start). */
void keymap_init(void);
/* Bind key to action (replacing its previous binding). */
void keymap_bind(int key, int action);
/* The action bound to key, or ACT_NONE. */
int keymap_lookup(int key);
/* The keys bound to action, as names separated by spaces, into out. */
void keymap_keys_for(int action, struct buf *out);

/* ---- drawing (draw.c) ----------------------------------------------------------------- */

/* Prepare the shadow grid for rows x cols (after any size change). */
void draw_resize(int rows, int cols);
void draw_clear(void);
/* Draw a line model line in [x, x+width) of row y, padded with base role
 * (or override_role when >= 0, e.g. selection, which spans still colour). */
void draw_tline(int y, int x, int width, const struct tline *l, int override_role);
/* Draw a string (UTF-8, control characters neutralised), clipped to width
 * and padded with spaces to width when pad is true. Returns the columns
 * advanced: width when padded, else the text's width. */
int draw_text(int y, int x, int width, const char *s, int role, bool pad);
/* Like draw_text padded, but a string wider than width ends in an ellipsis. */
int draw_text_fit(int y, int x, int width, const char *s, int role);
/* A vertical separator of height h at column x from row y. */
void draw_vline(int y, int x, int h);
/* Put the cursor at (y, x) and show it (or hide it when y < 0). */
void draw_cursor(int y, int x);
/* Flush to the terminal. */
void draw_flush(void);
enum draw_dump_kind {
    DUMP_TEXT,  /* the characters, wide ones once */
    DUMP_ROLES, /* the style role of each column (theme_role_char) */
    DUMP_ATTRS, /* the attributes sent for each column: R reverse, B bold, U underline,
                 * D dim, N none; lower case when a colour pair was used too */
};
/* Write the shadow grid, one line per row, trailing blanks trimmed.
 * Returns 0, or -1 with a message in err. */
int draw_dump(const char *path, enum draw_dump_kind kind, struct ds_error *err);
/* Draw only ASCII (non-UTF-8 locale). */
void draw_set_ascii(bool ascii);

/* ---- configuration (config.c) --------------------------------------------------------- */

/* Read path ("bind KEY ACTION", "color ROLE FG BG [ATTRS]", '#' comments).
 * A bad line is reported in msg ("config:3: unknown action 'foo'"; the first
 * one only) and the rest still applies. Returns the number of bad lines; a
 * missing file is not an error. */
int config_load(const char *path, struct buf *msg);

/* ---- the prompt (prompt.c) ------------------------------------------------------------ */

struct prompt {
    struct buf text;
    size_t cursor; /* byte offset in text */
    char **history;
    size_t nhistory;
    size_t hpos; /* == nhistory when editing a fresh line */
    char *saved; /* the line being edited while browsing history */
};

enum prompt_result { PROMPT_EDITING, PROMPT_CHANGED, PROMPT_ACCEPT, PROMPT_CANCEL };

void prompt_init(struct prompt *p);
void prompt_free(struct prompt *p);
/* Start editing with initial text (cursor at end). */
void prompt_start(struct prompt *p, const char *initial);
/* Feed a key; returns what happened (CHANGED when the text changed). */
enum prompt_result prompt_key(struct prompt *p, int key);
/* Add a line to the history (skips empty and repeated lines). */
void prompt_history_add(struct prompt *p, const char *line);
/* Load/save the history file (one entry per line, last 200). */
void prompt_history_load(struct prompt *p, const char *path);
int prompt_history_save(const struct prompt *p, const char *path);
/* Display columns of the text before the cursor. */
size_t prompt_cursor_col(const struct prompt *p);

/* ---- script mode (script.c) ---------------------------------------------------------- */

enum script_kind {
    SCRIPT_KEY,
    SCRIPT_DUMP,       /* the text */
    SCRIPT_DUMP_ROLES, /* one role letter a cell */
    SCRIPT_DUMP_ATTRS, /* one letter a cell for the terminal attributes used */
    SCRIPT_QUIT,
    SCRIPT_END
};

struct script_event {
    enum script_kind kind;
    int key;    /* SCRIPT_KEY */
    int w, h;   /* TK_RESIZE_SCRIPT */
    char *path; /* SCRIPT_DUMP*: owned by the script */
    bool more;  /* SCRIPT_KEY from :type with more of its keys to come */
};

struct script;
/* Open a script file; -1 with err on failure. */
int script_open(const char *path, struct script **out, struct ds_error *err);
void script_free(struct script **sc);
/* The next event; bad lines are reported in err (returns -1) and skipped. */
int script_next(struct script *sc, struct script_event *ev, struct ds_error *err);

/* ---- the application and its panes (app.c, view_*.c) ---------------------------------- */

struct app;
struct pane;

/* One pane (view). Generic scrolling and selection live in app.c; a view
 * says how many lines it has, draws them and handles its own actions. */
struct view_ops {
    const char *title;
    bool selectable; /* a selection bar (list, topics, facts) or just scrolling (reader) */
    /* Number of lines (or items). */
    size_t (*count)(struct app *app, struct pane *p);
    /* Extra text for the title bar (e.g. "3/42"). */
    void (*title_extra)(struct app *app, struct pane *p, struct buf *out);
    /* Draw line i of the view at row y, columns [x, x+w); sel: it is selected. */
    void (*draw_line)(struct app *app, struct pane *p, size_t i, int y, int x, int w, bool sel);
    /* Called when the selection moved (the list loads the article, facts jump). */
    void (*selected)(struct app *app, struct pane *p);
    /* View-specific actions; returns true when handled. */
    bool (*action)(struct app *app, struct pane *p, int action);
};

enum pane_id {
    PANE_SIDEBAR,
    PANE_LIST,
    PANE_READER,
    PANE_FACTS,
    PANE_HELP,    /* full screen, over the others */
    PANE_COMPARE, /* full screen */
    PANE_STATS,   /* full screen (view_stats.c) */
    PANE_KWIC,    /* full screen (view_kwic.c) */
    PANE_COUNT_
};

struct pane {
    const struct view_ops *ops;
    int y, x, h, w; /* including the title row; h == 0 when hidden */
    size_t top, sel;
};

extern const struct view_ops view_sidebar_ops, view_list_ops, view_reader_ops, view_facts_ops,
    view_help_ops, view_compare_ops;

enum fact_kind { FACT_HEADER, FACT_FIGURE, FACT_ENTITY, FACT_TOPIC, FACT_KEYWORD, FACT_SOURCE };

struct fact_item {
    enum fact_kind kind;
    char *text;   /* what is shown */
    char *detail; /* right-aligned (count, score), or NULL */
    int role;
    uint32_t start, end; /* body span to jump to (end == 0: none) */
    char *filter;        /* query text that filters by this item, or NULL */
};

enum hl_mode { HL_ALL, HL_HITS, HL_FACTS, HL_NONE, HL_COUNT_ };

struct app {
    struct store *store;
    bool script; /* --script: fixed timings, no history file */
    int rows, cols;
    bool quit;

    /* the query */
    char *query_text;        /* as typed (owned) */
    struct query *query;     /* parsed query_text */
    char *topic;             /* sidebar filter slug, or NULL */
    struct query *effective; /* query AND topic:slug */
    int sort;                /* enum store_sort */
    struct result_set *rs;
    int64_t total_docs;
    int64_t all_count;  /* hits of the empty query without a topic; 0 until known */
    int64_t base_count; /* documents the query selects without the topic filter */
    double query_ms;

    /* visible window of the result set (virtual list) */
    struct result_row *win;
    bool *win_marked; /* bookmarked, per window row */
    size_t win_pos, win_n, win_cap;
    bool win_valid;

    /* topics with counts for the query (sidebar) */
    struct facet *topics;
    size_t ntopics;
    bool topics_valid; /* topics and base_count are for the current query */
    bool topics_wanted; /* the sidebar was drawn with stale counts: idle work */

    /* the article in the reader */
    int64_t doc_id; /* 0 = none */
    struct doc_record doc;
    struct extraction ex;
    struct span *hits;
    size_t nhits;
    struct keyword *kw;
    size_t nkw;
    bool bookmarked;
    struct tlines rlines; /* laid out for rwidth */
    int rwidth;
    int hl;              /* enum hl_mode */
    struct span current; /* the fact or find match jumped to (end 0 = none) */

    /* find in article */
    char *find;
    struct span *finds;
    size_t nfinds, find_cur;

    /* facts pane */
    struct fact_item *facts;
    size_t nfacts;
    bool facts_valid; /* facts and keywords are for the loaded article */
    bool kw_valid;    /* kw/nkw are for the loaded article */
    bool kw_wanted;   /* the facts pane was drawn without them: idle work */

    /* panes */
    struct pane panes[PANE_COUNT_];
    int focus; /* enum pane_id */
    bool zoom, help;
    bool shown[PANE_COUNT_], user_set[PANE_COUNT_];
    int sidebar_w, facts_w, list_h;

    /* help screen lines, laid out for help_width (view_help.c) */
    struct tlines help_lines;
    int help_width;

    /* compare view (view_compare.c) */
    int64_t cmp_mark; /* article marked as A, 0 = none */
    bool comparing;
    struct cmp_state *cmp;
    struct cmp_ndups *ndups; /* near-duplicate counts per document, for the list */

    /* statistics and keyword in context (view_stats.c, view_kwic.c): full screen */
    bool stats, kwic;

    /* prompt: 0 none, 1 query, 2 find */
    int prompting;
    struct prompt prompt;
    char *prompt_info; /* live hit count or error while typing */
    bool prompt_dirty; /* prompt_info is stale (recomputed when drawn) */
    /* the search behind prompt_info (in app->sort order) and its text: Enter
     * reuses it */
    struct result_set *prompt_rs;
    char *prompt_rs_text;
    double prompt_rs_ms;
    char *history_path;

    /* status message (until the next key) */
    struct buf msg;
    int msg_role;
};

/* The app's life (app.c; browse.c drives it): set up with defaults (no
 * store yet), run the first query (a bad one is shown and replaced by the
 * empty query; cfgmsg, when not "", goes to the status line), and free. */
void app_init(struct app *app, bool script);
void app_start(struct app *app, const char *query, const char *cfgmsg);
void app_free(struct app *app);
/* One key (or KEY_RESIZE / KEY_MOUSE as TK_FN codes). */
void app_handle_key(struct app *app, int key);
/* Draw the whole screen and flush it. */
void app_draw(struct app *app);
/* The terminal is now rows x cols. */
void app_resize(struct app *app, int rows, int cols);

/* app.c services for the views */
void app_message(struct app *app, int role, const char *fmt, ...) DS_PRINTF(3, 4);
/* Run new query text (combined with the topic filter); on a bad query the
 * message goes to the status line and the previous results stay. Returns 0
 * or -1. */
int app_set_query(struct app *app, const char *text);
/* Set (slug) or clear (NULL) the topic filter and re-run. */
void app_set_topic(struct app *app, const char *slug);
/* The result row at position pos (fetched with its window), or NULL. */
const struct result_row *app_row(struct app *app, size_t pos);
/* The query the list shows (the typed query AND the topic filter; borrowed). */
const struct query *app_query(const struct app *app);
/* Whether the row at pos (already fetched by app_row) is bookmarked. */
bool app_row_marked(const struct app *app, size_t pos);
/* Forget the loaded article (reader lines, hits, finds, facts). */
void app_doc_clear(struct app *app);
/* Find text in the article (/): highlight every match, jump to the first at
 * or after the reader's top; "" stops finding. */
void app_find_start(struct app *app, const char *text);
/* n / N: the next (dir 1) or previous (-1) find match, wrapping; without a
 * find, the next search hit. */
void app_find_step(struct app *app, int dir);
/* Load an article into the reader and facts panes (0 clears). */
void app_load_doc(struct app *app, int64_t id);
/* Scroll the reader so body offset off is visible; mark [off, end) current. */
void app_reader_jump(struct app *app, uint32_t off, uint32_t end);
/* (Re)build the reader lines for width w. */
void app_reader_layout(struct app *app, int w);
/* Topic counts for the sidebar, computed on first use after a query. */
void app_topics_ensure(struct app *app);
/* Keywords and facts of the loaded article, computed on first use (the
 * facts pane asks when it is drawn), so browsing with it hidden costs nothing. */
void app_facts_ensure(struct app *app);
/* Compute the loaded article's keywords (a lookup in the index per word)
 * and rebuild the facts. Returns false when the store interrupted it. */
bool app_keywords_ensure(struct app *app);
/* Build the facts items for the loaded article. */
void app_facts_build(struct app *app);
void app_facts_clear(struct app *app);
/* `c`: mark the article as A, or open the comparison of A with it. */
void app_compare_key(struct app *app);
void app_compare_close(struct app *app);
/* `m`: mark the article as A (again: unmark). */
void app_compare_mark(struct app *app);
/* `C`: compare the article with its most similar one (store_similar). */
void app_compare_similar(struct app *app);
/* `=`: compare two sets of articles, text being "QUERY vs QUERY"; a message
 * on a bad query. */
void app_compare_sets(struct app *app, const char *text);
/* Free the comparison and the near-duplicate cache (at exit). */
void app_compare_free(struct app *app);
/* Number of near-duplicates of document id (store_near_dups), computed once
 * per document and cached; 0 when none or on error. */
size_t app_near_dup_count(struct app *app, int64_t id);
/* Add "query AND extra" as the new query text. */
void app_add_filter(struct app *app, const char *extra);
/* Close the statistics or KWIC screen (their results are kept). */
void app_fullscreen_close(struct app *app);
/* Close any full-screen view, load article id into the reader and show
 * [start, end) of its body highlighted, the reader focused. */
void app_open_at(struct app *app, int64_t id, uint32_t start, uint32_t end);
/* Show keyword in context for term (w's prompt, or a distinctive term). */
void app_kwic_open(struct app *app, const char *term);

#endif
