/*
 * store/slow.c — a search made slow on purpose, for tests of the front ends
 * (DOSSIER_TEST_SEARCH_DELAY_MS, see store.h): on a fast machine no real
 * query is slow enough for a test to press a key while it runs, so the
 * progress handler sleeps, and stops, exactly where a slow query would.
 */
#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "lib.h"

/* Now, in nanoseconds of the monotonic clock. */
static int64_t
search_now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

/* The progress handler while a test delay runs: sleep in 5 ms steps until
 * the delay is over, stopping (as store_progress does) when the interrupt
 * check or the search watch says so; sqlite3_interrupt() from the watch's
 * thread takes effect as soon as this returns. */
static int
search_delay_progress(void *ud)
{
    struct store *s = ud;
    while (search_now_ns() < s->delay_until_ns) {
        if ((s->interrupt_check && s->interrupt_check(s->interrupt_ud)) ||
            (s->search_watch && s->search_watch(s->search_watch_ud))) {
            s->interrupted = true;
            s->stops++;
            return 1;
        }
        struct timespec step = {0, 5 * 1000000L};
        nanosleep(&step, NULL);
    }
    return store_progress(s);
}

/* See lib.h. */
bool
store_test_delay_start(struct store *s)
{
    const char *ms = getenv("DOSSIER_TEST_SEARCH_DELAY_MS");
    long n = ms ? strtol(ms, NULL, 10) : 0;
    if (n <= 0 || (!s->interrupt_check && !s->search_watch))
        return false;
    s->delay_until_ns = search_now_ns() + (int64_t)n * 1000000;
    sqlite3_progress_handler(s->db, 50, search_delay_progress, s);
    return true;
}
