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

/* Decode the code point at s (n bytes available, n >= 1). Returns the number
 * of bytes consumed (1..4). Invalid, overlong, surrogate or truncated
 * sequences give *cp = U+FFFD and consume 1 byte. */
int utf8_decode(const char *s, size_t n, uint32_t *cp);

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
