/*
 * test_ifind.c — ing_ifind, the case-insensitive search the furniture
 * rules make for their cue words, which tries eight starts at a time:
 * checked against a byte-by-byte search over random texts and needles
 * drawn from bytes that sit next to letters once bit 0x20 is set ('@',
 * '[', '`', '{', UTF-8 bytes), so a folding that made a non-letter match
 * a letter, or a start missed at a block's edge, shows.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "../../src/lib/ingest/lib.h"
#include "tests/unit/tap.h"

static char
lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
}

/* The search as it was written before: every start, byte by byte. */
static const char *
slow_ifind(const char *hay, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    if (m == 0)
        return hay;
    for (size_t i = 0; i + m <= n; i++) {
        size_t k = 0;
        while (k < m && lower(hay[i + k]) == lower(needle[k]))
            k++;
        if (k == m)
            return hay + i;
    }
    return NULL;
}

static uint64_t
next(uint64_t *st)
{
    *st = *st * 6364136223846793005ull + 1442695040888963407ull;
    return *st >> 33;
}

static void
test_random(void)
{
    static const char bytes[] = "aAbBzZ@[`{ \xc3\xa9\xc1\xe1.";
    size_t nb = sizeof bytes - 1, wrong = 0, found = 0;
    uint64_t st = 42;
    for (int round = 0; round < 200000; round++) {
        char hay[48], needle[6];
        size_t n = next(&st) % sizeof hay, m = 1 + next(&st) % (sizeof needle - 1);
        for (size_t i = 0; i < n; i++)
            hay[i] = bytes[next(&st) % nb];
        for (size_t i = 0; i < m; i++)
            needle[i] = bytes[next(&st) % (m > 2 ? 6 : nb)];
        needle[m] = '\0';
        const char *want = slow_ifind(hay, n, needle), *got = ing_ifind(hay, n, needle);
        wrong += got != want;
        found += want != NULL;
    }
    ok(wrong == 0, "200,000 random searches agree with the byte-by-byte search (%zu differ)",
       wrong);
    ok(found > 10000, "and many of them find something (%zu)", found);
}

static void
test_cases(void)
{
    const char *s = "Sign up for our NEWSLETTER today";
    ok(ing_ifind(s, strlen(s), "newsletter") == s + 16, "a cue in capitals is found");
    ok(ing_ifind(s, strlen(s), "Today") == s + 27, "a cue at the very end is found");
    ok(ing_ifind(s, strlen(s) - 1, "today") == NULL, "not when the text stops one byte short");
    ok(ing_ifind(s, strlen(s), "s") == s, "a one-byte needle at the start");
    ok(ing_ifind(s, strlen(s), "") == s, "an empty needle is found at the start");
    ok(ing_ifind("@[", 2, "`{") == NULL, "'@[' is not '`{' folded");
    const char *u = "r\xc3\x89t \xc3\xa9t"; /* "\xc3\x89" is E acute, 0x20 below e acute */
    is_int(ing_ifind(u, strlen(u), "\xc3\xa9t") - u, 5,
           "UTF-8 bytes are compared as they are, not folded");
}

int
main(void)
{
    test_random();
    test_cases();
    return done_testing();
}
