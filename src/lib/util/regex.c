/*
 * regex.c — the PCRE2 wrapper (see regex.h): compile once with JIT, match
 * under limits, iterate matches.
 */
#include "config.h"

#include "dossier/regex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

struct ds_regex {
    pcre2_code *code;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *stack;
    unsigned flags;
    bool jit;
    bool matched;
    bool borrowed; /* code belongs to the pattern this one shares (ds_regex_share) */
};

static void regex_scratch(struct ds_regex *re);

struct ds_regex *
ds_regex_new(const char *pattern, unsigned flags, struct ds_error *err)
{
    uint32_t opts = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
    if (flags & DS_RE_CASELESS)
        opts |= PCRE2_CASELESS;
    if (flags & DS_RE_MULTILINE)
        opts |= PCRE2_MULTILINE;
    if (flags & DS_RE_ANCHORED)
        opts |= PCRE2_ANCHORED;
    if (flags & DS_RE_EXTENDED)
        opts |= PCRE2_EXTENDED;
    if (flags & DS_RE_UCP)
        opts |= PCRE2_UCP;
    if (flags & DS_RE_DOTALL)
        opts |= PCRE2_DOTALL;

    int errcode = 0;
    PCRE2_SIZE erroff = 0;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts, &errcode,
                                     &erroff, NULL);
    if (!code) {
        PCRE2_UCHAR msg[256];
        if (pcre2_get_error_message(errcode, msg, sizeof msg) < 0)
            snprintf((char *)msg, sizeof msg, "error %d", errcode);
        ds_error_set(err, (int)erroff, "column %zu: %s", (size_t)erroff + 1, (const char *)msg);
        return NULL;
    }
    struct ds_regex *re = xcalloc(1, sizeof *re);
    re->code = code;
    re->flags = flags;
    re->jit = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0;
    regex_scratch(re);
    return re;
}

/* The match data, limits and JIT stack of re, which are what one thread
 * changes while matching. */
static void
regex_scratch(struct ds_regex *re)
{
    re->md = pcre2_match_data_create_from_pattern(re->code, NULL);
    if (!re->md)
        ds_fatal("out of memory (pcre2 match data)");
    re->mctx = pcre2_match_context_create(NULL);
    if (!re->mctx)
        ds_fatal("out of memory (pcre2 match context)");
    pcre2_set_match_limit(re->mctx, DS_RE_MATCH_LIMIT);
    pcre2_set_depth_limit(re->mctx, DS_RE_DEPTH_LIMIT);
    if (re->jit) {
        /* The default 32 KiB JIT stack is small for long alternations; give
         * each pattern its own, bounded. */
        re->stack = pcre2_jit_stack_create(32 * 1024, 512 * 1024, NULL);
        if (re->stack)
            pcre2_jit_stack_assign(re->mctx, NULL, re->stack);
    }
}

/* See regex.h. PCRE2's compiled code, JIT code included, is read-only
 * while matching; only the match data and the JIT stack are not. */
struct ds_regex *
ds_regex_share(const struct ds_regex *base)
{
    struct ds_regex *re = xcalloc(1, sizeof *re);
    re->code = base->code;
    re->flags = base->flags;
    re->jit = base->jit;
    re->borrowed = true;
    regex_scratch(re);
    return re;
}

void
ds_regex_free(struct ds_regex **rep)
{
    struct ds_regex *re = *rep;
    if (!re)
        return;
    if (re->stack)
        pcre2_jit_stack_free(re->stack);
    pcre2_match_context_free(re->mctx);
    pcre2_match_data_free(re->md);
    if (!re->borrowed)
        pcre2_code_free(re->code);
    free(re);
    *rep = NULL;
}

int
ds_regex_match(struct ds_regex *re, const char *s, size_t n, size_t from)
{
    re->matched = false;
    if (from > n)
        return 0;
    /* pcre2_jit_match skips pcre2_match's argument checks: the fast path
     * when the pattern was JIT-compiled (same results, same limits). */
    int rc = re->jit ? pcre2_jit_match(re->code, (PCRE2_SPTR)s, n, from, 0, re->md, re->mctx)
                     : pcre2_match(re->code, (PCRE2_SPTR)s, n, from, 0, re->md, re->mctx);
    if (rc >= 0) {
        re->matched = true;
        return 1;
    }
    return rc == PCRE2_ERROR_NOMATCH ? 0 : -1;
}

bool
ds_regex_group(const struct ds_regex *re, unsigned i, size_t *start, size_t *end)
{
    if (!re->matched || i >= pcre2_get_ovector_count(re->md))
        return false;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(re->md);
    if (ov[2 * i] == PCRE2_UNSET)
        return false;
    *start = ov[2 * i];
    *end = ov[2 * i + 1];
    return true;
}

int
ds_regex_group_number(const struct ds_regex *re, const char *name)
{
    int rc = pcre2_substring_number_from_name(re->code, (PCRE2_SPTR)name);
    return rc < 0 ? -1 : rc;
}

unsigned
ds_regex_group_count(const struct ds_regex *re)
{
    uint32_t n = 0;
    pcre2_pattern_info(re->code, PCRE2_INFO_CAPTURECOUNT, &n);
    return n;
}

int
ds_regex_next(struct ds_regex *re, const char *s, size_t n, size_t *pos)
{
    if (*pos > n || ds_regex_match(re, s, n, *pos) != 1)
        return 0;
    size_t a = *pos, b = *pos;
    ds_regex_group(re, 0, &a, &b);
    if (b > a) {
        *pos = b;
    } else {
        /* Empty match: step over one whole UTF-8 character. */
        size_t p = a + 1;
        while (p < n && ((unsigned char)s[p] & 0xC0) == 0x80)
            p++;
        *pos = p;
    }
    return 1;
}

bool
ds_regex_is_jit(const struct ds_regex *re)
{
    return re->jit;
}

bool
ds_regex_first_bytes(const struct ds_regex *re, bool map[256])
{
    uint32_t type = 0;
    pcre2_pattern_info(re->code, PCRE2_INFO_FIRSTCODETYPE, &type);
    if (type == 1) {
        uint32_t cu = 0;
        pcre2_pattern_info(re->code, PCRE2_INFO_FIRSTCODEUNIT, &cu);
        memset(map, 0, 256 * sizeof *map);
        map[cu & 0xFF] = true;
        if (cu < 128 && (re->flags & DS_RE_CASELESS)) {
            if (cu >= 'a' && cu <= 'z')
                map[cu - 32] = true;
            else if (cu >= 'A' && cu <= 'Z')
                map[cu + 32] = true;
        }
        return true;
    }
    const uint8_t *bits = NULL;
    pcre2_pattern_info(re->code, PCRE2_INFO_FIRSTBITMAP, &bits);
    if (!bits)
        return false;
    for (unsigned b = 0; b < 256; b++)
        map[b] = (bits[b / 8] >> (b % 8)) & 1;
    return true;
}
