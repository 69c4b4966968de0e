/*
 * browse.c — tui_browse(): the browser from start to exit. Opens the index
 * (read-only when it cannot be written), reads the config and the prompt's
 * history, sets up the terminal (or a headless screen for --script), runs
 * the event loop and restores everything on the way out.
 *
 * The terminal is always restored: on normal exit, on SIGINT, SIGTERM,
 * SIGHUP and SIGQUIT (the handler only sets a flag; the loop polls it) and
 * on fatal errors (the
 * ds_fatal hook calls endwin() before the message is printed).
 */
#include "config.h"

#define NCURSES_WIDECHAR 1

#include <curses.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "browse.h"
#include "tui.h"

static volatile sig_atomic_t got_signal;
const int tui_end_signals[TUI_END_SIGNALS] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
static bool curses_active;
static SCREEN *screen;
static FILE *null_out, *null_in;

static void
on_signal(int sig)
{
    got_signal = sig;
}

/* Restore the terminal (idempotent; safe from the fatal hook). */
static void
restore_terminal(void)
{
    if (curses_active) {
        endwin();
        curses_active = false;
    }
}

/* The next key from the terminal; -1 on timeout. */
static int
read_key(void)
{
    wint_t wch;
    int rc = get_wch(&wch);
    if (rc == ERR)
        return -1;
    if (rc == KEY_CODE_YES) {
        if (wch == KEY_ENTER)
            return '\n';
        return TK_FN | (int)wch;
    }
    if (wch == '\r')
        return '\n';
    return (int)wch;
}

static int
start_curses(struct app *app, int w, int h)
{
    if (app->script) {
        null_out = fopen("/dev/null", "w");
        null_in = fopen("/dev/null", "r");
        if (!null_out || !null_in)
            return -1;
        const char *term = getenv("TERM");
        screen =
            newterm(term && *term && strcmp(term, "dumb") != 0 ? term : "xterm", null_out, null_in);
        if (!screen)
            screen = newterm("vt100", null_out, null_in);
        if (!screen)
            return -1;
        set_term(screen);
        resize_term(h, w);
    } else {
        if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
            fprintf(stderr, "dossier: browse needs a terminal (use `dossier search` in pipes)\n");
            return -1;
        }
        screen = newterm(NULL, stdout, stdin);
        if (!screen) {
            fprintf(stderr, "dossier: cannot use terminal type '%s'\n",
                    getenv("TERM") ? getenv("TERM") : "");
            return -1;
        }
        set_term(screen);
    }
    curses_active = true;
    ds_set_fatal_hook(restore_terminal);
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(40);
    if (!app->script) {
        mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
        mouseinterval(0);
        timeout(250);
    }
    curs_set(0);
    theme_init();
    /* without a UTF-8 locale the terminal cannot show other characters */
    const char *cs = nl_langinfo(CODESET);
    draw_set_ascii(!app->script && !(cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0)));
    int r, c;
    getmaxyx(stdscr, r, c);
    app_resize(app, r, c);
    return 0;
}

static void
stop_curses(void)
{
    restore_terminal();
    if (screen) {
        delscreen(screen);
        screen = NULL;
    }
    if (null_out)
        fclose(null_out);
    if (null_in)
        fclose(null_in);
    null_out = null_in = NULL;
    draw_resize(0, 0);
}

static int
run_script(struct app *app, const char *path)
{
    struct script *sc = NULL;
    struct ds_error err;
    ds_error_clear(&err);
    if (script_open(path, &sc, &err) < 0) {
        restore_terminal();
        fprintf(stderr, "dossier: %s\n", err.msg);
        return 2;
    }
    int status = 0;
    app_draw(app);
    while (!app->quit && !got_signal) {
        struct script_event ev;
        if (script_next(sc, &ev, &err) < 0) {
            fprintf(stderr, "dossier: %s\n", err.msg);
            status = 2;
            continue;
        }
        if (ev.kind == SCRIPT_END || ev.kind == SCRIPT_QUIT)
            break;
        if (ev.kind == SCRIPT_WAIT) {
            for (int i = 0; i < 600 && access(ev.path, F_OK) != 0; i++)
                poll(NULL, 0, 50);
            continue;
        }
        if (ev.kind == SCRIPT_MEMORY) {
            if (script_memory_dump(ev.path, &err) < 0) {
                fprintf(stderr, "dossier: %s\n", err.msg);
                status = 2;
            }
            continue;
        }
        if (ev.kind == SCRIPT_IDLE) { /* what a terminal does between keys */
            upd_poll(app);
            app_poll_changes(app);
            app_draw(app);
            continue;
        }
        if (ev.kind == SCRIPT_DUMP || ev.kind == SCRIPT_DUMP_ROLES ||
            ev.kind == SCRIPT_DUMP_ATTRS) {
            app_draw(app);
            enum draw_dump_kind kind = ev.kind == SCRIPT_DUMP         ? DUMP_TEXT
                                       : ev.kind == SCRIPT_DUMP_ROLES ? DUMP_ROLES
                                                                      : DUMP_ATTRS;
            if (draw_dump(ev.path, kind, &err) < 0) {
                fprintf(stderr, "dossier: %s\n", err.msg);
                status = 2;
            }
            continue;
        }
        if (ev.key == TK_RESIZE_SCRIPT) {
            resize_term(ev.h, ev.w);
            app_resize(app, ev.h, ev.w);
        } else {
            bool prompting = app_view_top(app) == VIEW_PROMPT;
            app_handle_key(app, ev.key);
            /* a :type line into a prompt is a paste: drawn once when its keys
             * stop coming, as in a terminal (the prompt counts its hits then) */
            if (ev.more && prompting && app_view_top(app) == VIEW_PROMPT)
                continue;
        }
        app_draw(app);
    }
    script_free(&sc);
    return status;
}

/* A key that is already waiting, read without waiting: get_wch()'s code
 * (ERR: none). */
static int
key_now(wint_t *wch)
{
    timeout(0);
    int rc = get_wch(wch);
    timeout(250);
    return rc;
}

/* Push back a key key_now() read (rc its code). */
static void
key_unget(int rc, wint_t wch)
{
    if (rc == KEY_CODE_YES)
        ungetch((int)wch);
    else
        unget_wch((wchar_t)wch);
}

/* True when another key is already waiting (it is pushed back). */
static bool
input_pending(void)
{
    wint_t wch;
    int rc = key_now(&wch);
    if (rc == ERR)
        return false;
    key_unget(rc, wch);
    return true;
}

/* app->key_waiting: a key waits, or Ctrl-C came (stops idle work and the
 * progress check of a search, on this thread). */
static int
key_waiting(void *ud)
{
    (void)ud;
    return got_signal == SIGINT || input_pending();
}

/* Whether a key or Ctrl-C has come (app->input_ready): a look at the
 * terminal's descriptor and the signal flag only, so the store's search
 * watch can ask from its own thread while this one is inside SQLite. */
static int
input_ready(void *ud)
{
    (void)ud;
    struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
    return got_signal == SIGINT || poll(&p, 1, 0) > 0;
}

/* After a search was stopped (app->take_cancel): true when Ctrl-C (SIGINT,
 * which otherwise ends the browser) or Esc stopped it, and both are used
 * up; another key stays to be handled. */
static bool
take_cancel(void)
{
    if (got_signal == SIGINT) {
        got_signal = 0;
        return true;
    }
    wint_t wch;
    int rc = key_now(&wch);
    if (rc == ERR)
        return false;
    if (rc == OK && wch == 27)
        return true;
    key_unget(rc, wch);
    return false;
}

static int
run_terminal(struct app *app)
{
    app_draw(app);
    app->key_waiting = key_waiting;
    app->input_ready = input_ready;
    app->take_cancel = take_cancel;
    while (!app->quit && !got_signal) {
        /* what the views left for between keys (the statistics' slower
         * parts, the rest of a KWIC search, the facts pane's keywords, the
         * sidebar's counts), while no key waits */
        app_idle(app);
        int key = read_key();
        if (key < 0) {
            /* between keys (at least every 250 ms): the update's progress,
             * and articles another program indexed */
            bool redraw = upd_poll(app);
            redraw = app_poll_changes(app) || redraw;
            if (redraw)
                app_draw(app);
            continue;
        }
        app_handle_key(app, key);
        /* a held key or a paste: draw once when the keys stop coming */
        if (!app->quit && !input_pending())
            app_draw(app);
    }
    return 0;
}


/* Open the index at db (NULL: the default) into app->store, writable when
 * it can be (bookmarks), else read-only. Prints why not and returns -1. */
static int
open_index(struct app *app, const char *db)
{
    char *path = ds_db_path(db);
    struct stat stbuf;
    struct ds_error err;
    ds_error_clear(&err);
    if (stat(path, &stbuf) != 0) {
        fprintf(stderr, "dossier: no index at %s; build one with `dossier index FOLDER`\n", path);
        free(path);
        return -1;
    }
    if (store_open(path, 0, &app->store, &err) < 0) {
        ds_error_clear(&err);
        if (store_open(path, STORE_READONLY, &app->store, &err) < 0) {
            fprintf(stderr, "dossier: %s\n", err.msg);
            free(path);
            return -1;
        }
    }
    app->readonly = store_is_readonly(app->store);
    store_set_busy_wait(app->store, TUI_BUSY_WAIT_MS); /* a key never waits 5 s */
    app->db_path = path; /* for the update U runs */
    return 0;
}

/* Run the screen until the user quits (or a signal comes); the exit status. */
static int
run(struct app *app, const struct tui_options *opt, const char *cfgmsg)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    struct sigaction old_sa[DS_ARRAY_LEN(tui_end_signals)];
    for (size_t i = 0; i < DS_ARRAY_LEN(tui_end_signals); i++)
        sigaction(tui_end_signals[i], &sa, &old_sa[i]);

    int status = 0;
    if (start_curses(app, opt->width, opt->height) < 0) {
        status = 2;
    } else {
        app_start(app, opt->query ? opt->query : "", cfgmsg);
        status = app->script ? run_script(app, opt->script) : run_terminal(app);
    }
    stop_curses();
    ds_set_fatal_hook(NULL);
    for (size_t i = 0; i < DS_ARRAY_LEN(tui_end_signals); i++)
        sigaction(tui_end_signals[i], &old_sa[i], NULL);
    if (got_signal)
        status = 128 + got_signal;
    return status;
}

int
tui_browse(const struct tui_options *opt)
{
    struct app app_storage;
    struct app *app = &app_storage;
    app_init(app, opt->script != NULL);

    keymap_init();
    char *cfgdir = ds_config_dir();
    char *cfg = xasprintf("%s/config", cfgdir);
    struct buf cfgmsg = BUF_INIT;
    config_load(cfg, &cfgmsg);
    free(cfg);
    free(cfgdir);

    int status = 2;
    if (open_index(app, opt->db) == 0) {
        if (!app->script)
            ask_history_load(app);
        status = run(app, opt, buf_str(&cfgmsg));
        ask_history_save(app);
        app_writes_finish(app); /* bookmarks kept while another program wrote */
    }
    app_free(app);
    buf_free(&cfgmsg);
    return status;
}
