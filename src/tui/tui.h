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
 *   pane.c     what every pane shares (struct pane_ops): scrolling, the
 *              selection, the title bar, the mouse.
 *   view_*.c   one view or pane per file. The views form a stack (see
 *              "the view stack" below): main (view_main.c: the four panes
 *              sidebar, list, reader, facts, each its own file), help,
 *              compare (side by side), stats (statistics, S) and kwic
 *              (keyword in context, w), both declared in view_stats.h, and
 *              the prompt (view_prompt.c) on the status line. export.c: e.
 *   app.c      the query and its results, the view stack, key dispatch,
 *              the screen's layout and the status line.
 *   browse.c   tui_browse() (browse.h): the terminal, the event loop.
 *   script.c   --script: keys and commands read from a file.
 *   prompt.c   the prompt's line editor and history (no curses calls).
 *   config.c   $XDG_CONFIG_HOME/dossier/config (bind, color).
 *
 * Names: each file's public functions carry its own prefix, so a call says
 * where to look: app_ (app.c), pane_ (pane.c), main_ (view_main.c),
 * reader_, facts_, list_, help_ (view_<name>.c), cmpview_ (view_compare.c),
 * view_stats_ / view_kwic_ (view_stats.h), ask_ (view_prompt.c; prompt_ is
 * the line editor's), export_ (export.c), draw_, theme_, keymap_, layout_.
 *
 * Ownership: every struct here owns its strings; *_clear()/free functions
 * release them. The backend is used only through the headers in include/dossier/.
 */
#ifndef DOSSIER_TUI_H
#define DOSSIER_TUI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

#include "dossier/corpus.h"
#include "dossier/extract.h"
#include "dossier/query.h"
#include "dossier/store.h"
#include "dossier/util.h"

/* Signals that end the browser after the terminal is restored (browse.c);
 * a program the browser runs (the pager) gets them back at their defaults. */
#define TUI_END_SIGNALS 4
extern const int tui_end_signals[TUI_END_SIGNALS];

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
/* The style role that colours an entity of kind k (agreements take the
 * organisations' colour), the same in every pane. */
int theme_entity_role(enum entity_kind k);
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

/* The list pane's topic label of a document's topics ("a,b,..." best
 * first, as the store gives them): the most specific topic of the best
 * top-level branch (the deepest slug under the first slug's top level; of
 * equal depth, the better one), written as its last name ("economy,
 * economy/trade" -> "trade"). "" for NULL or "". At most size - 1 bytes. */
void layout_topic_label(const char *topics, char *out, size_t size);

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
    X(UNFOLD, "unfold", "<Right>", "Topics: show the topics under the selected one")               \
    X(FOLD, "fold", "<Left>", "Topics: hide the topics under the selected one (or its parent's)")  \
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
    X(OPEN_URL, "open-url", "B", "Open the article's web address in $BROWSER")                     \
    X(COMPARE, "compare", "c", "Mark the article as A; on another one, compare the two")           \
    X(REFRESH, "refresh", "R", "Re-run the query to pick up newly indexed articles")               \
    X(MARK, "mark", "m", "Mark the article as A for a comparison (again: unmark)")                 \
    X(COMPARE_SIMILAR, "compare-similar", "C", "Compare with the story as another outlet told it") \
    X(CMP_UNLOCK, "compare-unlock", "u", "Compare: scroll the sides together or apart")            \
    X(CMP_SWAP, "compare-swap", "x", "Compare: swap sides A and B")                                \
    X(COMPARE_SETS, "compare-sets", "=", "Compare two sets of articles: type 'QUERY vs QUERY'")    \
    X(STATS, "statistics", "S", "Statistics of the listed articles (Enter on a row filters)")      \
    X(KWIC, "kwic", "w", "Keyword in context: every occurrence of a word in the list")            \
    X(EXPORT, "export", "e", "Export the list (statistics: the table under the selection)")      \
    X(UPDATE, "update-feeds", "U", "Fetch the feeds in the background (dossier update)")

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
    SCRIPT_IDLE, /* :idle: what the terminal does between keys (index changes, the update) */
    SCRIPT_WAIT, /* :wait PATH: until PATH exists (a test's other process is done) */
    SCRIPT_MEMORY, /* :memory PATH: the heap in use and the resident size */
    SCRIPT_END
};

struct script_event {
    enum script_kind kind;
    int key;    /* SCRIPT_KEY */
    int w, h;   /* TK_RESIZE_SCRIPT */
    char *path; /* SCRIPT_DUMP*, SCRIPT_WAIT, SCRIPT_MEMORY: owned by the script */
    bool more;  /* SCRIPT_KEY from :type with more of its keys to come */
};

struct script;
/* Open a script file; -1 with err on failure. */
int script_open(const char *path, struct script **out, struct ds_error *err);
void script_free(struct script **sc);
/* The next event; bad lines are reported in err (returns -1) and skipped. */
int script_next(struct script *sc, struct script_event *ev, struct ds_error *err);
/* :memory: write "heap_kb N" (malloc's bytes in use, 0 where glibc's
 * mallinfo2 is not there), "sqlite_kb N" (what SQLite holds of it) and
 * "rss_kb N" (resident size, 0 without /proc) to path. 0, or -1 with err. */
int script_memory_dump(const char *path, struct ds_error *err);

/* ---- panes (pane.c) ------------------------------------------------------------------- */

struct app;
struct pane;

/* What a pane shows. Generic scrolling, selection and the title bar live in
 * pane.c; a pane says how many lines it has, draws them and handles its own
 * actions. */
struct pane_ops {
    const char *title;
    bool selectable; /* a selection bar (list, topics, facts) or just scrolling (reader) */
    /* Number of lines (or items). */
    size_t (*count)(struct app *app, struct pane *p);
    /* Extra text for the title bar (e.g. "3/42"). */
    void (*title_extra)(struct app *app, struct pane *p, struct buf *out);
    /* Draw line i of the pane at row y, columns [x, x+w); sel: it is selected. */
    void (*draw_line)(struct app *app, struct pane *p, size_t i, int y, int x, int w, bool sel);
    /* Called when the selection moved (the list loads the article, facts jump). */
    void (*selected)(struct app *app, struct pane *p);
    /* Pane-specific actions; returns true when handled. */
    bool (*action)(struct app *app, struct pane *p, int action);
};

struct pane {
    const struct pane_ops *ops;
    int y, x, h, w; /* including the title row; h == 0 when hidden */
    size_t top, sel;
};

/* Lines a page scrolls (the pane's height without its title). */
size_t pane_page(const struct pane *p);
/* Keep the selection (or the top) inside the content and visible. */
void pane_clamp(struct app *app, struct pane *p);
/* The movement actions (down, up, pages, first, last); false for any other. */
bool pane_move(struct app *app, struct pane *p, int action);
/* Draw the title bar (focused: "[Title]") and the visible lines. */
void pane_draw(struct app *app, struct pane *p, bool focused);
/* A mouse event at (y, x) in p: the wheel scrolls, a click selects (true
 * when it was a click, for the caller's focus). */
bool pane_mouse(struct app *app, struct pane *p, int y, int x, unsigned long bstate);

/* ---- the view stack (app.c) ------------------------------------------------------------- */

/* A view is one screen of the browser, like tig's: the main screen with its
 * four panes, help, a comparison, statistics, keyword in context, and the
 * prompt on the status line. The views shown form a stack with the main
 * screen at the bottom (ncdu keeps one state variable; here it is the top of
 * the stack): keys go to the top view, which passes what it does not handle
 * to the one below; q pops it. Each file keeps its view's own state behind
 * these operations. */
enum view_id {
    VIEW_MAIN,    /* the four panes (view_main.c): always at the bottom */
    VIEW_HELP,    /* view_help.c */
    VIEW_COMPARE, /* view_compare.c */
    VIEW_STATS,   /* view_stats.c */
    VIEW_KWIC,    /* view_kwic.c */
    VIEW_PROMPT,  /* view_prompt.c: an overlay on the status line */
    VIEW_COUNT_
};

struct view {
    const struct view_ops *ops;
    struct pane pane; /* a full-screen view's one pane */
    void *state;      /* the view's own state (its file's), or NULL */
};

/* A view is opened by its own function, which takes what to show
 * (help_show, cmpview_key, view_stats_show, view_kwic_show, ask_open),
 * sets up the view's state and pushes it. */
struct view_ops {
    const char *name;
    bool overlay;  /* drawn over the view below, on the status line only (the prompt) */
    bool small_ok; /* takes keys even when the screen is too small to draw */
    /* Place its panes on rows x cols (the screen without the status line). */
    void (*layout)(struct app *app, struct view *v, int rows, int cols);
    /* Draw its panes (an overlay: the status line). */
    void (*draw)(struct app *app, struct view *v);
    /* The status line's hint when there is no message: hint, or what
     * status writes (when it is set). */
    const char *hint;
    void (*status)(struct app *app, struct view *v, struct buf *out);
    /* A key and its action: true when handled, false to pass it below. */
    bool (*key)(struct app *app, struct view *v, int key, int action);
    /* Work left for between keys (optional): busy says whether some
     * remains, idle does a step (false when a key stopped it). */
    bool (*busy)(struct app *app, struct view *v);
    bool (*idle)(struct app *app, struct view *v);
    /* e: write what it shows to f in fmt (enum corpus_format); *what names
     * a row. Returns the rows written, -1 on error (why in err, if known). */
    long (*export)(struct app *app, struct view *v, FILE *f, int fmt, const char **what,
                   struct ds_error *err);
    /* Popped off the stack (optional). */
    void (*done)(struct app *app, struct view *v);
    /* At exit: free the view's state (optional). */
    void (*free)(struct app *app, struct view *v);
};

extern const struct view_ops main_view_ops, help_view_ops, compare_view_ops, stats_view_ops,
    kwic_view_ops, prompt_view_ops;

/* Push view id (nothing when it is shown already). */
void app_view_push(struct app *app, int id);
/* Pop the top view (never the main one). */
void app_view_pop(struct app *app);
/* Close view id and every view above it; nothing when it is not shown. */
void app_view_close(struct app *app, int id);
/* After a big view closes: give the memory it used back to the system (the
 * index's page cache, and on glibc the free top of the heap). */
void app_release_memory(struct app *app);
bool app_view_shown(const struct app *app, int id);
/* The id of the top view. */
int app_view_top(const struct app *app);
struct view *app_view(struct app *app, int id);

/* A full-screen view's layout and drawing: its one pane over the screen. */
void pane_full_layout(struct app *app, struct view *v, int rows, int cols);
void pane_full_draw(struct app *app, struct view *v);
/* A full-screen view's keys: q, Esc (and close_action unless ACT_NONE) pop
 * it; quit-now, help, export, kwic, search and statistics go to the main
 * view (false); the rest to its pane's actions, then to pane_move. */
bool pane_full_key(struct app *app, struct view *v, int key, int action, int close_action);

/* ---- the main view and its panes (view_main.c, view_*.c) ----------------------------- */

enum pane_id { PANE_SIDEBAR, PANE_LIST, PANE_READER, PANE_FACTS, PANE_COUNT_ };

/* A row of the topics pane: topic app->topics[facet] at depth (0: top),
 * with children of its own (kids) shown or not (open). */
struct side_row {
    uint32_t facet;
    uint16_t depth;
    bool kids, open;
};
/* Free the sidebar's rows and fold state. */
void sidebar_free(struct app *app);

extern const struct pane_ops sidebar_pane_ops, list_pane_ops, reader_pane_ops, facts_pane_ops;

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

/* What the status line says at start-up, and the bookmark key when pressed,
 * when the index cannot be written (a read-only file or directory). */
#define TUI_READONLY_MSG "read-only: tags and bookmarks cannot be saved"
/* ... and when another program holds the write lock (app_write.c): said at
 * start-up, and after a bookmark the browser keeps until it can write it. */
#define TUI_BUSY_MSG "another program is writing the index: bookmarks wait until it is done"
#define TUI_BUSY_KEPT_MSG "saved when the other program is done"
/* ... and after a saved search opened then (its seen mark waits). */
#define TUI_BUSY_SEEN_MSG "marked seen when the other program is done"
/* How long the browser's reads and other writes wait for that lock (ms):
 * a key must never hang for the 5 s a batch command waits. */
#define TUI_BUSY_WAIT_MS 250

/* A change kept until the index can be written (app_write.c): a bookmark
 * set or cleared, or a saved search marked seen. */
enum app_pending_kind { PENDING_BOOKMARK, PENDING_SEEN };
struct app_pending {
    int kind;    /* enum app_pending_kind */
    int64_t doc; /* the article; PENDING_SEEN: the highest document id when opened */
    bool on;     /* the bookmark is set (or cleared) */
    char *name;  /* PENDING_SEEN: the saved search (owned) */
};

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
    /* the sidebar's rows: the topics as a tree, children under their
     * parent when it is unfolded (view_sidebar.c rebuilds them) */
    struct side_row *side;
    size_t nside, side_cap;
    char **unfolded; /* slugs whose children show (owned) */
    size_t nunfolded;
    bool topics_valid; /* topics and base_count are for the current query */
    bool topics_wanted; /* the sidebar was drawn with stale counts: idle work */

    /* the article in the reader */
    int64_t doc_id; /* 0 = none */
    struct doc_record doc;
    struct doc_origin origin; /* the file, feed item and URL it came from */
    struct extraction ex;
    struct span *hits;
    size_t nhits;
    struct keyword *kw;
    size_t nkw;
    bool bookmarked;
    bool readonly; /* the index cannot be written: no tags, no bookmarks */
    struct app_pending *pending; /* changes waiting for the write lock */
    size_t npending, pending_cap;
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

    /* the main view's panes (view_main.c) */
    struct pane panes[PANE_COUNT_];
    int focus; /* enum pane_id */
    bool zoom;
    bool shown[PANE_COUNT_], user_set[PANE_COUNT_];
    int sidebar_w, facts_w, list_h;

    /* the article marked as A for a comparison (view_compare.c), 0 = none */
    int64_t cmp_mark;
    /* near-duplicate counts per document, for the list (view_list.c) */
    struct list_ndups *ndups;

    /* the views: each once, the stack of those shown bottom (main) first */
    struct view views[VIEW_COUNT_];
    int stack[VIEW_COUNT_];
    int depth;
    /* in a terminal: whether a key is waiting (stops idle work), else NULL */
    int (*key_waiting)(void *ud);
    /* in a terminal, else NULL: whether a key or Ctrl-C has come, safe to
     * call from another thread (the store's search watch) */
    int (*input_ready)(void *ud);
    /* in a terminal, else NULL: after a search was stopped, whether Esc or
     * Ctrl-C stopped it (used up: "search cancelled"), not another key */
    bool (*take_cancel)(void);

    /* status message (until the next key) */
    struct buf msg;
    int msg_role;

    /* following a beat: articles arriving (app.c), saved searches in the
     * sidebar (view_sidebar.c), `dossier update` in the background (update.c) */
    char *db_path;          /* the index's path, for the update it runs */
    int64_t data_version;   /* store_data_version at the last look */
    int64_t seen_max_id;    /* the highest document id at the last look */
    int64_t new_above;      /* list rows with a higher id are marked new; -1: none */
    struct saved_count *saved;
    size_t nsaved;
    bool saved_valid;       /* saved and its counts are current */
    char *saved_active;     /* the saved search the list shows, or NULL */
    struct corpus_themes themes; /* the themes saved in the index (sidebar) */
    bool themes_valid;      /* themes are the index's current ones */
    struct upd_child *upd;  /* a running update, or NULL */
};

/* The app's life (app.c; browse.c drives it): set up with defaults (no
 * store yet), run the first query (a bad one is shown and replaced by the
 * empty query; cfgmsg, when not "", goes to the status line), and free. */
void app_init(struct app *app, bool script);
void app_start(struct app *app, const char *query, const char *cfgmsg);
void app_free(struct app *app);
/* One key (or KEY_RESIZE / KEY_MOUSE as TK_FN codes): to the top view. */
void app_handle_key(struct app *app, int key);
/* The views' work between keys, top view first, while no key waits
 * (app->key_waiting); the screen is drawn after each step. */
void app_idle(struct app *app);
/* Lay out the top view's panes for the screen. */
void app_layout(struct app *app);
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
/* Re-run the query (a new sort order, newly indexed articles), keeping the
 * selection on the same article when it is still listed. */
void app_rerun(struct app *app);
/* The corpus size for "42 of 5,120", read again. */
void app_update_total(struct app *app);
/* The result row at position pos (fetched with its window), or NULL. */
const struct result_row *app_row(struct app *app, size_t pos);
/* Forget the fetched rows (the list shows a change on its next draw). */
void app_rows_forget(struct app *app);
/* The query the list shows (the typed query AND the topic filter; borrowed). */
const struct query *app_query(const struct app *app);
/* store_search() in the browser's sort order that a key press stops (a
 * query with many prefixes can take seconds): Esc or Ctrl-C cancel it
 * (STORE_STOPPED, "search cancelled"), another key stops it and is handled
 * next (STORE_STOPPED, "search stopped by a key"). */
int app_search(struct app *app, const struct query *q, struct result_set **rs,
               struct ds_error *err);
/* Whether the row at pos (already fetched by app_row) is bookmarked. */
bool app_row_marked(const struct app *app, size_t pos);
/* Topic counts for the sidebar, computed on first use after a query. */
void app_topics_ensure(struct app *app);
/* Add "query AND extra" as the new query text. */
void app_add_filter(struct app *app, const char *extra);
/* Between keys: has another program changed the index (PRAGMA
 * data_version)? Then the list, the counts and the saved searches are read
 * again, the selection stays on the same article (and row of the screen),
 * the articles that arrived are marked new and the status line says how
 * many. Returns true when the screen needs drawing. */
bool app_poll_changes(struct app *app);

/* ---- the browser's writes beside another writer (app_write.c) ---------------------------- */

/* b: set (on) or clear the bookmark of doc without waiting. Written at once
 * when the index is free (1); when another program holds the write lock the
 * change is kept, shown as done, and written by app_writes_flush() (0); -1
 * on any other failure. The status line says which. */
int app_bookmark_set(struct app *app, int64_t doc, bool on);
/* Whether a bookmark change for doc waits to be written; *on: which. */
bool app_bookmark_pending(const struct app *app, int64_t doc, bool *on);
/* Between keys: write the waiting changes if the lock is free now (without
 * waiting). Returns true when the screen needs drawing. */
bool app_writes_flush(struct app *app);
/* Mark the saved search name seen as of document id seen_id (the highest
 * when it was opened) without waiting: 1 written, 0 kept for
 * app_writes_flush() because another program holds the write lock (a mark
 * already kept for name is raised), -1 with err on any other failure. */
int app_saved_seen_set(struct app *app, const char *name, int64_t seen_id, struct ds_error *err);
/* Whether a seen mark for the saved search name waits; *seen_id: which. */
bool app_saved_seen_pending(const struct app *app, const char *name, int64_t *seen_id);
/* At exit, after the terminal is restored: write what still waits, waiting
 * for the lock (saying so on stderr; Ctrl-C gives up), and free the list. */
void app_writes_finish(struct app *app);
/* Forget what waits without writing it and free the list. */
void app_writes_free(struct app *app);
/* At start: when another program holds the write lock, say so on the status
 * line (with cfgmsg, the config's complaint, after it) and return true. */
bool app_writer_note(struct app *app, const char *cfgmsg);

/* ---- saved searches in the sidebar (view_sidebar.c) ------------------------------------ */

/* The saved searches with their counts, read on first use (again after
 * articles arrive or one is opened). */
void sidebar_saved_ensure(struct app *app);
/* Open saved search i: run its query, mark what is new to it in the list,
 * and mark it seen. */
void sidebar_saved_open(struct app *app, size_t i);

/* ---- `dossier update` in the background (update.c) --------------------------------------- */

/* U: start `dossier update` (this program, --db the index) with its output
 * read into the status line; in script mode it runs to the end at once.
 * A second U while one runs says so. */
void upd_start(struct app *app);
/* Between keys: read what the update printed, and when it ended say how.
 * Returns true when the status line changed. */
bool upd_poll(struct app *app);
/* At exit: stop a running update (SIGTERM; its index stays consistent). */
void upd_stop(struct app *app);

/* ---- the main view (view_main.c) ------------------------------------------------------- */

/* Close any full-screen view, load article id into the reader and show
 * [start, end) of its body highlighted, the reader focused. */
void main_open_at(struct app *app, int64_t id, uint32_t start, uint32_t end);

/* ---- the reader (view_reader.c) ---------------------------------------------------------- */

/* Forget the loaded article (reader lines, hits, finds, facts). */
void reader_doc_clear(struct app *app);
/* The web address of the article in the reader (its feed item's or fetch's,
 * else the page's own; borrowed, lives as long as the article), or NULL. */
const char *reader_url(const struct app *app);
/* Find text in the article (/): highlight every match, jump to the first at
 * or after the reader's top; "" stops finding. */
void reader_find_start(struct app *app, const char *text);
/* n / N: the next (dir 1) or previous (-1) find match, wrapping; without a
 * find, the next search hit. */
void reader_find_step(struct app *app, int dir);
/* Load an article into the reader and facts panes (0 clears). */
void reader_load(struct app *app, int64_t id);
/* Scroll the reader so body offset off is visible; mark [off, end) current. */
void reader_jump(struct app *app, uint32_t off, uint32_t end);
/* (Re)build the reader lines for width w. */
void reader_layout(struct app *app, int w);

/* ---- the facts pane (view_facts.c) ------------------------------------------------------- */

/* Keywords and facts of the loaded article, computed on first use (the
 * facts pane asks when it is drawn), so browsing with it hidden costs nothing. */
void facts_ensure(struct app *app);
/* Compute the loaded article's keywords (a lookup in the index per word)
 * and rebuild the facts. Returns false when the store interrupted it. */
bool facts_keywords_ensure(struct app *app);
/* Build the facts items for the loaded article. */
void facts_build(struct app *app);
void facts_clear(struct app *app);

/* ---- the list (view_list.c) ------------------------------------------------------------ */

/* Number of near-duplicates of document id (neardup_find), computed once
 * per document and cached; 0 when none or on error. */
size_t list_near_dups(struct app *app, int64_t id);
/* Outlets that told document id's story (store_story_of), cached the same
 * way; 0 when it is not grouped or on error. */
size_t list_story_outlets(struct app *app, int64_t id);
/* Forget the cached counts (they may have changed: R). */
void list_near_dups_forget(struct app *app);

/* ---- help (view_help.c) ------------------------------------------------------------------ */

/* Show the help screen (reset: from its first line, else where it was). */
void help_show(struct app *app, bool reset);

/* ---- the comparison (view_compare.c) ----------------------------------------------------- */

/* `c`: mark the article as A, or open the comparison of A with it. */
void cmpview_key(struct app *app);
/* `m`: mark the article as A (again: unmark). */
void cmpview_mark(struct app *app);
/* `C`: compare the article with the best version of its story from another
 * outlet (story_best_other). */
void cmpview_similar(struct app *app);
/* `=`: compare two sets of articles, text being "QUERY vs QUERY"; a message
 * on a bad query. */
void cmpview_sets(struct app *app, const char *text);

/* ---- the prompt (view_prompt.c; the line editor is prompt.c) ----------------------------- */

/* What the prompt asks for: one row each in view_prompt.c's table. */
enum ask_kind { ASK_SEARCH, ASK_FIND, ASK_KWIC, ASK_EXPORT, ASK_COMPARE_SETS, ASK_COUNT_ };
/* Open the prompt for kind on the status line. */
void ask_open(struct app *app, int kind);
/* The search the prompt ran to count text's hits (in app->sort order), handed
 * over with what it cost in *ms; NULL when it ran none for text. */
struct result_set *ask_take_result(struct app *app, const char *text, double *ms);
/* The history file in the data dir: read at start, written at exit (not in
 * script mode). */
void ask_history_load(struct app *app);
void ask_history_save(struct app *app);

/* ---- export (export.c) ---------------------------------------------------------------- */

/* Export what the screen shows to path (~ expands to $HOME; the extension
 * picks CSV, JSON or else a Markdown brief): the top view's export (the
 * statistics view's table, the KWIC lines), or the article list. The
 * outcome goes to the status line; an unwritable path is a message.
 * Returns 0 or -1. */
int export_to(struct app *app, const char *path);
/* The main view's export: the listed articles through corpus_export. */
long export_list(struct app *app, struct view *v, FILE *f, int fmt, const char **what,
                 struct ds_error *err);

#endif
