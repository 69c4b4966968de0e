/*
 * update.c — U: `dossier update` run by the browser, in the background.
 *
 * The browser does not fetch itself: it starts this program again as a
 * child (`dossier update --db INDEX`, argv only, no shell), its output on a
 * pipe read between keys, the last line shown in the status line. What the
 * update indexes reaches the list the way any other writer's articles do:
 * app_poll_changes() sees the index change. So a slow feed never blocks a
 * key, and the update is the same code as on the command line. In script
 * mode the child runs to its end at once, so screens are deterministic.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tui.h"

extern char **environ;

struct upd_child {
    pid_t pid;
    int fd;          /* the read end of its stdout and stderr */
    struct buf out;  /* what it printed, not yet shown */
    char *last;      /* its last complete line */
};

/* This program's path: the running executable where /proc says, else
 * "dossier" from $PATH. Newly allocated. */
static char *
self_path(void)
{
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return xstrdup("dossier");
    buf[n] = '\0';
    return xstrdup(buf);
}

/* Start the child with stdout and stderr on a pipe; NULL with a message. */
static struct upd_child *
spawn_update(struct app *app)
{
    int fds[2];
    if (pipe(fds) != 0) {
        app_message(app, ROLE_ERROR, "update: %s", strerror(errno));
        return NULL;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&fa, fds[1], STDERR_FILENO);
    posix_spawn_file_actions_addclose(&fa, fds[0]);
    posix_spawn_file_actions_addclose(&fa, fds[1]);
    char *exe = self_path();
    /* posix_spawn takes char *const argv[]: writable copies */
    char a0[] = "dossier", a1[] = "update", a2[] = "--db";
    char *argv[] = {a0, a1, a2, app->db_path, NULL};
    if (!app->db_path)
        argv[2] = NULL;
    pid_t pid;
    int rc = strchr(exe, '/') ? posix_spawn(&pid, exe, &fa, NULL, argv, environ)
                              : posix_spawnp(&pid, exe, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    free(exe);
    close(fds[1]);
    if (rc != 0) {
        close(fds[0]);
        app_message(app, ROLE_ERROR, "update: cannot run dossier: %s", strerror(rc));
        return NULL;
    }
    fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    struct upd_child *c = xcalloc(1, sizeof *c);
    c->pid = pid;
    c->fd = fds[0];
    return c;
}

/* Read what the child printed; keep its last complete line. Returns true
 * when the pipe is at its end. */
static bool
drain(struct upd_child *c, bool block)
{
    char tmp[4096];
    for (;;) {
        ssize_t n = read(c->fd, tmp, sizeof tmp);
        if (n > 0) {
            buf_append(&c->out, tmp, (size_t)n);
            continue;
        }
        if (n == 0)
            break;
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN && block) {
            struct timespec ts = {0, 10 * 1000000L};
            nanosleep(&ts, NULL);
            continue;
        }
        return false;
    }
    return true;
}

/* The last complete non-empty line of what was read, kept in c->last;
 * what follows it (a line not ended yet) waits. */
static void
take_last_line(struct upd_child *c)
{
    char *data = c->out.data;
    char *end = NULL;
    for (size_t i = c->out.len; data && i > 0 && !end; i--)
        if (data[i - 1] == '\n')
            end = data + i - 1;
    if (!end)
        return;
    for (char *line_end = end; line_end >= data;) {
        char *start = line_end;
        while (start > data && start[-1] != '\n')
            start--;
        if (line_end > start) {
            free(c->last);
            c->last = xstrndup(start, (size_t)(line_end - start));
            break;
        }
        line_end = start - 1;
    }
    size_t rest = c->out.len - (size_t)(end + 1 - data);
    memmove(data, end + 1, rest);
    c->out.len = rest;
    data[rest] = '\0';
}

/* The child ended (reaped): say how, and forget it. */
static void
finish(struct app *app, int wstatus)
{
    struct upd_child *c = app->upd;
    take_last_line(c);
    bool okay = WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0;
    app_message(app, okay ? ROLE_STATUS : ROLE_ERROR, "update %s: %s", okay ? "done" : "failed",
                c->last ? c->last : "no output");
    close(c->fd);
    buf_free(&c->out);
    free(c->last);
    free(c);
    app->upd = NULL;
}

/* See tui.h. */
void
upd_start(struct app *app)
{
    if (app->upd) {
        app_message(app, ROLE_STATUS, "update: already running");
        return;
    }
    app->upd = spawn_update(app);
    if (!app->upd)
        return;
    app_message(app, ROLE_STATUS, "update: fetching feeds...");
    if (app->script) { /* to the end at once: the screens stay deterministic */
        drain(app->upd, true);
        int ws = 0;
        waitpid(app->upd->pid, &ws, 0);
        finish(app, ws);
        app_poll_changes(app);
    }
}

/* See tui.h. */
bool
upd_poll(struct app *app)
{
    struct upd_child *c = app->upd;
    if (!c)
        return false;
    bool eof = drain(c, false);
    char *before = c->last ? xstrdup(c->last) : NULL;
    take_last_line(c);
    bool changed = c->last && (!before || strcmp(before, c->last) != 0);
    free(before);
    if (changed)
        app_message(app, ROLE_STATUS, "update: %s", c->last);
    int ws = 0;
    pid_t r = waitpid(c->pid, &ws, WNOHANG);
    if (r == c->pid) {
        drain(c, !eof);
        finish(app, ws);
        return true;
    }
    return changed;
}

/* See tui.h. */
void
upd_stop(struct app *app)
{
    struct upd_child *c = app->upd;
    if (!c)
        return;
    kill(c->pid, SIGTERM);
    waitpid(c->pid, NULL, 0);
    close(c->fd);
    buf_free(&c->out);
    free(c->last);
    free(c);
    app->upd = NULL;
}
