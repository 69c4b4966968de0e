/*
 * regex.h — the one wrapper around PCRE2 (8-bit, UTF-8). Every module that
 * needs a regular expression goes through it, so every pattern is compiled
 * once, JIT-compiled where the platform allows, and always matched under a
 * match limit and a depth limit: a hostile article can make a match fail,
 * never hang the indexer.
 *
 * Subjects may hold invalid UTF-8 (PCRE2_MATCH_INVALID_UTF): bad sequences
 * never match, they do not make a call fail, and no per-call validity scan
 * is made (which would make iterating over a long text quadratic).
 *
 * A struct ds_regex owns its match data, so one compiled pattern must not be
 * used by two threads at once (compile one per thread, or give each thread
 * a ds_regex_share of it).
 */
#ifndef DOSSIER_REGEX_H
#define DOSSIER_REGEX_H

#include <stdbool.h>
#include <stddef.h>

#include "dossier/util.h"

enum {
    DS_RE_CASELESS = 1u << 0,  /* (?i) */
    DS_RE_MULTILINE = 1u << 1, /* ^ and $ at line ends */
    DS_RE_ANCHORED = 1u << 2,  /* match only at the start offset */
    DS_RE_EXTENDED = 1u << 3,  /* (?x): whitespace and # comments ignored */
    DS_RE_UCP = 1u << 4,       /* \w, \b, \d use Unicode properties (slower) */
    DS_RE_DOTALL = 1u << 5,    /* . matches newline */
};

/* Limits applied to every match (PCRE2 match limit and depth limit, in
 * PCRE2's units). */
#define DS_RE_MATCH_LIMIT 200000u
#define DS_RE_DEPTH_LIMIT 5000u

struct ds_regex;

/* Compile pattern with DS_RE_* flags. Returns the regex (free with
 * ds_regex_free), or NULL with err set: the message is PCRE2's, prefixed by
 * the 1-based column ("column 7: missing closing parenthesis") and err->pos
 * holds the 0-based byte offset in the pattern. */
struct ds_regex *ds_regex_new(const char *pattern, unsigned flags, struct ds_error *err);

/* Free *re and set it to NULL (NULL is fine). */
void ds_regex_free(struct ds_regex **re);

/* A pattern for another thread: base's compiled (and JIT) code, read-only
 * and not copied, with match data and a JIT stack of its own. Free it with
 * ds_regex_free before base. */
struct ds_regex *ds_regex_share(const struct ds_regex *base);

/* Find the first match at or after byte offset from in s[0..n). Returns 1 on
 * a match (read it with ds_regex_group), 0 when there is none, -1 when the
 * match or depth limit was hit or PCRE2 failed (treat as no match). */
int ds_regex_match(struct ds_regex *re, const char *s, size_t n, size_t from);

/* After a successful match: the byte range of group i (0 = whole match).
 * Returns false if the group did not take part in the match or i is out of
 * range. */
bool ds_regex_group(const struct ds_regex *re, unsigned i, size_t *start, size_t *end);

/* The number of a named group, or -1 if the pattern has no such name. */
int ds_regex_group_number(const struct ds_regex *re, const char *name);

/* Number of capturing groups in the pattern. */
unsigned ds_regex_group_count(const struct ds_regex *re);

/* Iterate over matches: set *pos = 0 first, then call until it returns 0.
 * Each call finds the next match at or after *pos, leaves it readable with
 * ds_regex_group and moves *pos past it (by one character for an empty
 * match). Returns 1 per match, 0 when done (or on a limit hit). */
int ds_regex_next(struct ds_regex *re, const char *s, size_t n, size_t *pos);

/* True when the pattern runs JIT-compiled (false falls back to the
 * interpreter, still correct, slower). */
bool ds_regex_is_jit(const struct ds_regex *re);

/* If every match must begin with one of a known set of bytes, set map[b] to
 * true for each such byte and return true (used to dispatch many patterns
 * from one scan). Returns false when PCRE2 knows no such set. */
bool ds_regex_first_bytes(const struct ds_regex *re, bool map[256]);

#endif
