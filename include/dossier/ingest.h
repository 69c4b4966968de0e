/*
 * ingest.h — from files on disk to struct article: finding files, reading
 * them (one reader per format), decoding any encoding to clean UTF-8,
 * dropping page furniture and finding the metadata the text states.
 *
 * Nothing here knows a particular outlet or file: the rules are generic and
 * the list of known outlets comes from assets/outlets.tsv plus the user's
 * $XDG_CONFIG_HOME/dossier/outlets.tsv.
 */
#ifndef DOSSIER_INGEST_H
#define DOSSIER_INGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "dossier/article.h"
#include "dossier/util.h"

/* ---- readers: a file format's bytes to plain text ---------------------------- */

struct reader {
    const char *name;                 /* "text", "markdown" */
    const char *const *extensions;    /* NULL-terminated, lower case, with dot */
    /* Turn the file's decoded UTF-8 text into article text (e.g. strip
     * markdown syntax). Returns 0, or -1 with a reason in err. */
    int (*to_text)(const char *text, size_t n, struct buf *out, struct ds_error *err);
};

/* The reader for path by its extension, or NULL when dossier does not read it. */
const struct reader *ingest_reader_for(const char *path);

/* ---- finding files ------------------------------------------------------------ */

/* Walk roots (files or directories) recursively: hidden entries are skipped,
 * symlinks are followed once (a directory already visited is not entered
 * again, so loops end), files without a reader are ignored silently.
 * on_file gets each readable candidate with its stat; on_skip gets paths
 * that cannot be walked, with a reason ("unreadable: Permission denied").
 * Returns 0, or the first non-zero value on_file returned. Paths given to
 * the callbacks are absolute. */
int ingest_walk(const char *const *roots, size_t nroots,
                int (*on_file)(const char *path, const struct stat *st, void *ud),
                void (*on_skip)(const char *path, const char *reason, void *ud), void *ud);

/* ---- decoding ----------------------------------------------------------------- */

/* Why bytes cannot be an article ("empty", "binary"), or NULL when they can. */
const char *ingest_sniff(const char *bytes, size_t n);

/* Decode bytes to UTF-8: valid UTF-8 is kept; otherwise Windows-1252/Latin-1
 * is detected and converted; remaining invalid bytes become U+FFFD. Then
 * normalise: CRLF/CR to LF, NBSP and other odd spaces to ' ', zero-width
 * characters removed, control characters and ANSI/OSC escape sequences
 * stripped (tabs become spaces). *encoding gets a static name. */
void ingest_decode(const char *bytes, size_t n, struct buf *out, const char **encoding);

/* ---- corpus-wide furniture ---------------------------------------------------- */

/* Hashes of the lines of text that could be furniture (short lines, after
 * normalising case and space), each once; the indexer counts in how many
 * documents each occurs (store_linefreq_add). *out is newly allocated. */
size_t ingest_line_hashes(const char *text, size_t n, uint64_t **out);

/* ---- outlets ------------------------------------------------------------------ */

struct outlets;
/* Load assets_dir/outlets.tsv then config_dir/outlets.tsv (either may be
 * NULL or missing). A malformed line fails with "file:line: message". */
int outlets_load(const char *assets_dir, const char *config_dir, struct outlets **out,
                 struct ds_error *err);
void outlets_free(struct outlets **o);
/* Canonical outlet name if line names a known outlet, else NULL (borrowed). */
const char *outlets_match(const struct outlets *o, const char *line, size_t n);

/* ---- the whole step ----------------------------------------------------------- */

struct ingest_ctx {
    const struct outlets *outlets;     /* may be NULL */
    const uint64_t *frequent_lines;    /* sorted hashes of corpus-wide furniture lines */
    size_t nfrequent_lines;
};

/* Decode, clean and find metadata in one file's bytes. path is recorded in
 * the article (and may supply a date). Returns 0, or -1 with a reason when
 * the bytes are not an article (see ingest_sniff). */
int ingest_article(const struct ingest_ctx *ctx, const char *path, const char *bytes, size_t n,
                   struct article *out, struct ds_error *err);

#endif
