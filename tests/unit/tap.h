/*
 * tap.h — a minimal Test Anything Protocol producer for the unit tests.
 * Each check prints "ok N - name" or "not ok N - name" with a diagnostic;
 * done_testing() prints the plan and returns the exit status. The automake
 * TAP driver counts every check, so `make check` reports assertions.
 */
#ifndef DOSSIER_TAP_H
#define DOSSIER_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

__attribute__((format(printf, 2, 3), unused)) static int
tap_ok(int cond, const char *fmt, ...)
{
    va_list ap;
    printf("%s %d - ", cond ? "ok" : "not ok", ++tap_n);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    if (!cond)
        tap_failed++;
    fflush(stdout);
    return cond;
}

#define ok(cond, ...) tap_ok(!!(cond), __VA_ARGS__)

#define is_int(got, want, name)                                                              \
    do {                                                                                     \
        long long g_ = (long long)(got), w_ = (long long)(want);                            \
        if (!tap_ok(g_ == w_, "%s", name))                                                   \
            printf("#   got: %lld\n#  want: %lld\n", g_, w_);                                 \
    } while (0)

#define is_str(got, want, name)                                                              \
    do {                                                                                     \
        const char *g_ = (got), *w_ = (want);                                                \
        int eq_ = (g_ == NULL && w_ == NULL) || (g_ && w_ && strcmp(g_, w_) == 0);           \
        if (!tap_ok(eq_, "%s", name))                                                        \
            printf("#   got: %s%s%s\n#  want: %s%s%s\n", g_ ? "'" : "", g_ ? g_ : "NULL",      \
                   g_ ? "'" : "", w_ ? "'" : "", w_ ? w_ : "NULL", w_ ? "'" : "");         \
    } while (0)

/* A check of a known shortfall, stated with why: while cond is false it
 * prints "not ok N - name # TODO why", which the TAP driver counts as an
 * expected failure (XFAIL) and which does not fail the run; once cond holds
 * it prints "ok N - name # TODO why", an unexpected pass (XPASS) that fails
 * the run, so the TODO goes with the fix. */
__attribute__((format(printf, 3, 4), unused)) static int
tap_todo(int cond, const char *why, const char *fmt, ...)
{
    va_list ap;
    printf("%s %d - ", cond ? "ok" : "not ok", ++tap_n);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf(" # TODO %s\n", why);
    fflush(stdout);
    return cond;
}

__attribute__((unused)) static void
tap_skip(int n, const char *why)
{
    for (int i = 0; i < n; i++)
        printf("ok %d # SKIP %s\n", ++tap_n, why);
}

__attribute__((unused)) static void
diag(const char *fmt, ...)
{
    va_list ap;
    fputs("# ", stdout);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
}

__attribute__((unused)) static int
done_testing(void)
{
    printf("1..%d\n", tap_n);
    return tap_failed ? 1 : 0;
}

#endif
