/*
 * utf8.h — decoding, encoding and display width of UTF-8 text.
 *
 * The width table is our own (East Asian Wide/Fullwidth = 2 columns,
 * combining marks and zero-width characters = 0), so layout is the same on
 * every machine whatever the locale; the TUI and the CLI both use it.
 */
#ifndef DOSSIER_UTF8_H
#define DOSSIER_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu

/* utf8_decode for every case; use utf8_decode. */
int utf8_decode_any(const char *s, size_t n, uint32_t *cp);

/* Decode the code point at s (n bytes available, n >= 1). Returns the number
 * of bytes consumed (1..4). Invalid, overlong, surrogate or truncated
 * sequences give *cp = U+FFFD and consume 1 byte. Inline for ASCII and for a
 * well-formed three-byte sequence from U+1000 up outside the surrogates (lead byte
 * 0xE1..0xEC or 0xEE..0xEF: Han, kana, hangul, CJK punctuation), which are
 * most of what the indexer decodes; the rest out of line. */
static inline int
utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned char c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (n >= 3 && (unsigned char)(c - 0xE1) <= 0xEF - 0xE1 && c != 0xED &&
        (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
        *cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
        return 3;
    }
    return utf8_decode_any(s, n, cp);
}

/* Encode cp into out (room for 4 bytes); returns the byte count. */
int utf8_encode(uint32_t cp, char *out);

bool utf8_valid(const char *s, size_t n);

/* Display columns of one code point: 0 (combining, zero-width), 1 or 2.
 * Control characters return -1: they must never be drawn. */
int utf8_cp_width(uint32_t cp);

/* Columns of a UTF-8 string (control characters count as 0). */
size_t utf8_width(const char *s, size_t n);

/* Byte length of the longest prefix of s that fits in max_cols columns,
 * never splitting a character; *cols_out (optional) gets its width. */
size_t utf8_prefix_for_width(const char *s, size_t n, size_t max_cols, size_t *cols_out);

/* Han, kana, hangul and CJK punctuation-free ideographic ranges: scripts
 * written without spaces between words. */
bool utf8_is_cjk(uint32_t cp);

/* Lowercase ASCII, Latin-1 and common Latin/Greek/Cyrillic letters (simple
 * one-to-one mappings); other code points are returned unchanged. */
uint32_t utf8_tolower(uint32_t cp);

#endif
