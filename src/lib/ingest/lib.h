/*
 * ingest/lib.h — helpers shared by the files of src/lib/ingest/ and nothing else.
 * Not part of the public API: the contract for other modules is ingest.h.
 */
#ifndef DOSSIER_LIB_INGEST_H
#define DOSSIER_LIB_INGEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dossier/article.h"
#include "dossier/ingest.h"
#include "dossier/util.h"

/* One line of a text: [start, start+len) without the newline. */
struct ing_line {
    const char *s;
    size_t len;
};

/* Hash of a line as ingest_line_hashes() computes it: trimmed, ASCII
 * lowercased, runs of spaces collapsed. Returns false (and no hash) when the
 * line is empty or longer than INGEST_FURNITURE_MAX bytes after trimming. */
#define INGEST_FURNITURE_MAX 100
bool ing_line_hash(const char *s, size_t n, uint64_t *h);

/* A date parsed from text: y/m/d (d may be 0 when only a month is known). */
struct ing_date {
    int y, m, d;
};

/* Parse a date that makes up the whole of s (a weekday, a time and a time
 * zone may surround it): "Sep 11, 2024 07:06 PM", "11 September 2024",
 * "2024-09-11", "2024/09/11", "2024-09-11T07:06:00Z". Returns true on success. */
bool ing_parse_date_whole(const char *s, size_t n, struct ing_date *out);

/* Find the first date anywhere in s (same forms as above, surrounded by
 * anything). Returns true and its position in *at when found. */
bool ing_find_date(const char *s, size_t n, struct ing_date *out, size_t *at);

/* Parse a date starting exactly at s[i] (forms as above). Returns the index
 * just after it and fills *out, or returns 0 when no date starts there. */
size_t ing_date_at(const char *s, size_t n, size_t i, struct ing_date *out);

/* Is s only a time and/or time zone with separators ("9:58pm", "| 10:32 GMT",
 * "• 08:00")? An empty s is. */
bool ing_only_time(const char *s, size_t n);

/* Month number (1..12) for an English month name or abbreviation at s (len
 * n, case-insensitive), or 0. */
int ing_month(const char *s, size_t n);
/* date_scripts.c: dates in other scripts and calendars. s[0..n) with the
 * decimal digits of other scripts (Arabic-Indic, Persian, Devanagari,
 * Bengali, Thai, fullwidth) as ASCII ones, in out[0..cap) (NUL-ended),
 * map[j] the index in s of out[j] (map[len] = n); the length, or 0 when s
 * has no such digit or does not fit. */
size_t ing_fold_digits(const char *s, size_t n, char *out, size_t cap, size_t *map);
/* A Japanese era's year at s[i] ("令和6年", "平成元年"): the Gregorian year
 * in *y and the index of its 年, or 0. */
size_t ing_era_year(const char *s, size_t n, size_t i, int *y);
/* Year y read after the month name month[0..ml) in the Gregorian era: a
 * Buddhist-era year beside a Thai month less 543, y otherwise. */
int ing_calendar_year(const char *month, size_t ml, int y);
/* The end of a Hijri date at s[i] ("23 Sha'ban 1445 AH", "٢٣ شعبان ١٤٤٥ هـ"
 * with its digits folded), or 0. */
size_t ing_hijri_at(const char *s, size_t n, size_t i);
/* Past a Hijri date at s[i] and what joins it to the Gregorian one after
 * it (" - الموافق ", " / "); i when there is none. */
size_t ing_hijri_lead(const char *s, size_t n, size_t i);
/* Is s[0..n) a weekday's name in a language other than English (Arabic,
 * German, French, Spanish, Italian, Portuguese, Dutch, Polish, Russian,
 * Greek, the Nordic languages, Turkish, Hindi)? */
bool ing_weekday_other(const char *s, size_t n);
/* The length of a word at s[i] that may follow a date in Chinese,
 * Japanese, Korean, Thai or Arabic (a time's unit, a weekday, an update's
 * label, an era's mark), or 0. */
size_t ing_script_time_word(const char *s, size_t n, size_t i);
/* A date line whose label is in a script other than Latin ("दिनांक: १२
 * फ़रवरी २०२४", "입력 2024.03.04 10:15"): one to three words and a colon,
 * or one word and a space, then a whole date; *dt set. */
bool ing_script_label_date(const char *s, size_t n, struct ing_date *dt);

/* yyyy-mm-dd, yyyy/mm/dd or yyyy_mm_dd (or yyyymmdd between separators) in a
 * path; the last one in the path wins (the deepest folder or the file name). */
bool ing_path_date(const char *path, struct ing_date *out);

/* Case-insensitive ASCII helpers over counted strings. */
bool ing_ieq(const char *a, size_t n, const char *lit);
/* ing_ieq against any of nlits literals. */
bool ing_ieq_any(const char *a, size_t n, const char *const *lits, size_t nlits);
bool ing_istarts(const char *a, size_t n, const char *lit);
const char *ing_ifind(const char *hay, size_t n, const char *needle);
/* The first of the nw needles found in hay (case ignored, tried in order),
 * its length in *len; NULL when none is. */
const char *ing_ifind_first(const char *hay, size_t n, const char *const *needles, size_t nw,
                            size_t *len);

/* Cleaning: why line (trimmed) is page furniture by its own look, or NULL.
 * ctx may be NULL. Corpus frequency is a separate question (below). */
const char *ing_furniture_reason(const struct ingest_ctx *ctx, const char *s, size_t n);
/* Is s[0, n) (a short line after a video player's text video[0, vn)) the
 * player's credit repeated on its own line ("... Video provided by Newsy"
 * then "Newsy")? */
bool ing_is_video_credit_repeat(const char *video, size_t vn, const char *s, size_t n);

/* Is the line's hash among ctx->frequent_lines (lines seen in many docs)? */
bool ing_is_frequent(const struct ingest_ctx *ctx, const char *s, size_t n);

/* Number of words in s (letters/digits runs; a CJK character counts as one). */
int ing_count_words(const char *s, size_t n);
/* The same, but stops counting once past max (returns a value > max). */
int ing_count_words_max(const char *s, size_t n, int max);
/* Does s (a line cleaning took as a label) head a list of other stories
 * ("Related coverage", "More on this story", "Read more", "Most read")? */
bool ing_is_related_heading(const char *s, size_t n);
/* "Show Caption", "Hide Caption": a photo viewer's toggle, the caption and
 * its credit under it. */
bool ing_is_caption_toggle(const char *s, size_t n);
/* Does s[0, n) hold a word of a picture credit ("Getty", "AP", "Photo",
 * "Reuters", "courtesy")? (clean_shapes.c) */
bool ing_has_credit_word(const char *s, size_t n);
/* The newer caption and furniture shapes of a line (clean_shapes.c):
 * "caption", "video", "promo", "signoff", "tip", "credit", "contact", or
 * NULL. */
const char *ing_caption_shape(const char *s, size_t n);
/* More furniture shapes of a line (clean_promos.c): a live blog's time
 * stamp ("time"), a gallery's "1 / 8" ("gallery"), an embedded post's
 * signature ("embed"), a topic or tag list ("label"), a call to contact
 * the writer ("contact"), a "Read more ... in our ..." pointer ("related"),
 * a "Supplied" caption ("caption"), an app, podcast or donation appeal
 * ("promo"); or NULL. */
const char *ing_promo_shape(const char *s, size_t n);
/* Furniture shapes any template or export prints (clean_notices.c): an
 * image's file name ("image"), a consent banner ("consent"), an affiliate
 * disclosure ("affiliate"), a reading or listening time ("audio"), a
 * comment section's residue ("comments"), a share row ("share"), a
 * release's end mark ("release"), a
 * database record's field ("record"); or NULL. */
const char *ing_notice_shape(const char *s, size_t n);
/* Controls a template sets inside the article's block (clean_players.c):
 * an ad break's continuation line ("label"), an audio player's position,
 * notice or button ("audio"), an app store's badge ("promo"), a gallery's
 * count of pictures ("label"); or NULL. */
const char *ing_player_shape(const char *s, size_t n);
/* What apps and live pages add (clean_apps.c): a mail or news app's
 * signature or shell ("app"), a live page's toggle or an embed's label
 * ("label"), a post's bare time and date ("time"), a player's speed row or
 * browser fallback ("audio"), a translation or AI-summary note ("note");
 * else ing_foreign_shape's answer. */
const char *ing_app_shape(const char *s, size_t n);
/* The length of an arrow and its space before a link's label ("↑ Back to
 * top"), or 0 (clean_apps.c). */
size_t ing_arrow_len(const char *s, size_t n);
/* Furniture in German, French, Spanish, Italian, Portuguese and Dutch
 * (clean_langs.c): a label ("label"), a related run-in ("related"), a
 * paywall line ("paywall"), a share link ("share"); or NULL. */
const char *ing_foreign_shape(const char *s, size_t n);
/* A board's, a blog's or a podcast page's own line (clean_threads.c): a
 * label of its controls ("label"), a reply form's or footer's line
 * ("comments"), a profile field, a thread's depth, a pager or a handle
 * ("thread"), a bare time code ("time"), a bare relative time
 * ("counter"), a lone separator ("rule"), a machine transcript's note
 * ("note"), a desk's initials ("signoff"); or NULL. */
const char *ing_thread_shape(const char *s, size_t n);
/* A widget's or a page tool's line (clean_widgets.c): a control
 * ("label", "widget"), a price link to a shop ("shopping"), a file's
 * link ("download"), a counter, a contents line with dot leaders
 * ("contents"), a report's turn of page ("jump"), a registration line
 * ("legal"), an inquiries line ("contact"), a gift appeal ("promo"); or
 * NULL. */
const char *ing_widget_shape(const char *s, size_t n);
/* Does s head a list of other stories in one of those languages ("Mehr
 * zum Thema", "À lire aussi")? (clean_langs.c) */
bool ing_foreign_related_heading(const char *s, size_t n);
/* Furniture in Vietnamese, Czech, Slovak, Greek, Hindi, Arabic, Hebrew,
 * Korean, Thai and Ukrainian (clean_scripts.c): a label, a related
 * run-in, a follow appeal; else ing_saver_shape's answer. */
const char *ing_script_shape(const char *s, size_t n);
/* Does s head a list of other stories in one of those languages? */
bool ing_script_related_heading(const char *s, size_t n);
/* A read-later app's, a feed reader's, an AMP or print view's, a live
 * page's or a board's own line (clean_saves.c): "app", "note",
 * "controls", "thread", "widget", "label", "related", "tip"; or NULL. */
const char *ing_saver_shape(const char *s, size_t n);
/* Is s a writer's question ("Subscribe to a newsletter about a clock?
 * Three hundred of you already have ...") rather than a call to the
 * reader: a '?' with a later sentence that calls for nothing?
 * (clean_saves.c) */
bool ing_writer_question(const char *s, size_t n);
/* Where a clock closing s[0, n) begins ("Key event14:52 GMT" -> 9), only a
 * zone or am/pm after it; 0 when there is none (clean_players.c). */
size_t ing_time_suffix(const char *s, size_t n);
/* A breadcrumb trail ("Home > News > World", "Markets / Economy / Central
 * banks"); dropped after the metadata passes, which read a section from it
 * first (clean_notices.c). */
bool ing_is_breadcrumb(const char *s, size_t n);
/* Does s open as a heading of the outlet's other stories ("Trending",
 * "Most read", "Related", "More from", "You may also like")?
 * (clean_promos.c) */
bool ing_is_recirculation_heading(const char *s, size_t n);
/* The length of a time stamp opening s ("12:41", "9.30am ") with the
 * spaces after it, or 0. (clean_promos.c) */
size_t ing_time_prefix(const char *s, size_t n);
/* Does s[0, n) report speech with a verb ("said", "says", "told",
 * "according to")? (clean_promos.c) */
bool ing_has_speech_verb(const char *s, size_t n);
/* Is s[0, n) a picture credit alone on its line ("Jane Roe | Getty Images",
 * "ST PHOTO: JANE ROE", "Jane Roe, Getty Images")? (clean_shapes.c) */
bool ing_is_photo_credit_line(const char *s, size_t n);
/* "Jane Roe, Retail Correspondent", "Jane Roe North of England
 * correspondent": the name's length, or 0. (byline_shapes.c) */
size_t ing_name_with_role(const char *s, size_t n);
/* "==Kyodo": a wire's sign-off after two marks; its name in *name, *nl.
 * (clean_shapes.c) */
bool ing_marked_signoff(const char *s, size_t n, const char **name, size_t *nl);
/* Is s[0, n) a related-story run-in ("READ MORE: <headline>": a run-in
 * prefix, then at most 30 words without a final full stop)? (clean.c) */
bool ing_is_related_runin(const char *s, size_t n);
/* Is s[0, n) a credit ("(Reporting by X; Editing by Y)", "Additional
 * reporting by AP", "X contributed to this report.")? (clean.c) */
bool ing_is_credit(const char *s, size_t n);
/* Run-ins inside a paragraph (runins.c): a related-story run-in or a credit
 * at the end of a line after its last sentence, in parentheses or brackets
 * anywhere in it, or a related-story run-in opening a line before its first
 * sentence. Returns the reason ("related", "credit") and the span to cut,
 * [*a, *b) (with the space that joined it to the text), or NULL. */
const char *ing_inline_runin(const char *s, size_t n, size_t *a, size_t *b);

/* Does the trimmed line read like a sentence of prose (>= min_words words
 * and ending with sentence punctuation, possibly followed by a quote)? */
bool ing_is_prose(const char *s, size_t n, int min_words);

/* Outlets matched inside a longer line (not the whole line): the canonical
 * name of the longest alias found at word boundaries, or NULL. Only aliases
 * of 5 or more bytes are looked for, so short ones ("AP") do not misfire, and
 * never inside a longer capitalised name ("Yellow Sea Observer" is not "The
 * Observer"). */
const char *outlets_find_in(const struct outlets *o, const char *line, size_t n, size_t *match_len);
/* The outlet a web address belongs to (its host or a parent domain listed
 * in domains.tsv, "https://www.foxnews.com/..." -> "Fox News"), or NULL. */
const char *outlets_for_url(const struct outlets *o, const char *url, size_t n);

/* Readers (ingest/readers.c): plain text is copied; markdown loses its
 * syntax (headings' #, emphasis, link and image syntax) but keeps its text. */
int ingest_read_text(const char *text, size_t n, struct buf *out, struct ds_error *err);
int ingest_read_markdown(const char *text, size_t n, struct buf *out, struct ds_error *err);
int ingest_read_feed(const char *text, size_t n, struct buf *out, struct ds_error *err);

/* ---- metadata a file states outright ------------------------------------- */

/* What front matter (frontmatter.c), a header block (headerblock.c) or a
 * feed item (feed.c) states: stronger than anything cleaning finds in the
 * text, so it wins (ing_finish). Strings owned, NULL when not stated; tags
 * one per line, each ending in '\n'. */
struct ing_meta {
    char *title, *date, *author, *source, *url, *section, *tags;
    char *summary;             /* description, summary, excerpt */
    char *sender, *sender_domain; /* an e-mail's "From:" display name and
                                   * address domain (a newsletter's outlet) */
    enum date_source date_how; /* how a date from here is recorded */
    bool source_via;           /* source came from "via:": a "source:" wins */
};
void ing_meta_clear(struct ing_meta *m);
/* Set one field of m from a key the formats share (title, date, author,
 * source, url, section, tags and their synonyms: see ing_meta_key) to value
 * (n bytes; trimmed, quotes kept as written). A tag list value appends.
 * Returns false when key names none of them. */
bool ing_meta_set(struct ing_meta *m, const char *key, size_t kl, const char *value, size_t n);
/* Append s (n bytes) to a field's list: "a\nb\n" (tags) or "A, B" (authors). */
void ing_meta_add_tag(struct ing_meta *m, const char *s, size_t n);

/* frontmatter.c: the front matter at the top of text (YAML between "---"
 * lines, read with libyaml; TOML between "+++" lines), its known keys into
 * m and each of its lines into removed as "front-matter\tline\n". Returns
 * the bytes it takes (the body starts there), 0 when text has none.
 * Front matter of more than FRONT_MATTER_MAX bytes is not read. */
#define FRONT_MATTER_MAX (64u << 10)
/* Does text open with front matter (a fence line that a later one closes)? */
bool ing_has_front_matter(const char *text, size_t n);
size_t ing_front_matter(const char *text, size_t n, struct ing_meta *m, struct buf *removed);

/* headerblock.c: "Key: value" lines at the top of a text (several on a
 * line separated by " | "), as scrapers export them: known keys go to m,
 * each line to removed as "header\tline\n". Returns the bytes the block
 * takes (0 when the text has none). */
size_t ing_header_block(const char *text, size_t n, struct ing_meta *m, struct buf *removed);

/* headerblock.c: the field names a news database prints around an exported
 * record ("Publication title:", "Load-Date:", "Document type:"), one table
 * for the readers of exports (exports.c) and the cleaners that take a
 * record's fields out of a body (clean_tails.c, clean_notices.c). Each key
 * says who reads it: */
enum ing_record_use {
    ING_RK_PROQUEST = 1u << 0, /* a ProQuest record's field (exports.c) */
    ING_RK_NEWSBANK = 1u << 1, /* a NewsBank header field after the byline */
    ING_RK_BLOCK = 1u << 2,    /* a key of a run of record fields (clean_tails.c) */
    ING_RK_ALONE = 1u << 3,    /* a record's field on any line, whatever its
                                * value (clean_notices.c) */
};
struct ing_record_key {
    const char *key; /* lower case, as exports spell it */
    unsigned uses;   /* enum ing_record_use bits */
};
extern const struct ing_record_key ing_record_keys[];
extern const size_t ing_record_keys_n;
/* Is key (kl bytes, case ignored) a record key with one of the use bits? */
bool ing_is_record_key(const char *key, size_t kl, unsigned use);

/* Cut s (a UTF-8 string, owned) to INGEST_SUMMARY_MAX bytes (ingest.h);
 * returns s or NULL when s is NULL. */
char *ing_cap_summary(char *s);

/* readers.c: the character entities left in one line of text decoded
 * ("That&#039;s", "&amp;quot;" once the parser decoded the first level: a
 * CMS escaped the value twice), the same entities text exports are read
 * with; a control character an entity spells is dropped. s is owned;
 * returns it, or a new string when something was decoded (s freed). */
char *ing_unescape_line(char *s);

/* markdown.c: Markdown (CommonMark, parsed by cmark) to plain text:
 * headings and paragraphs as lines with blank lines between, list items as
 * "- " / "1. " lines indented two spaces a level, code as written, link
 * text kept and the URL dropped, images and raw HTML dropped. The result is
 * clean as ingest_decode() gives. Appends to out. */
void ing_markdown_to_text(const char *text, size_t n, struct buf *out);

/* ingest.c: the rest of the ingest step for text a reader produced: reflow,
 * clean, find metadata, let meta win, assemble. out->path and
 * out->encoding are set by the caller; raw (the decoded text, taken over)
 * becomes out->raw; text is the reader's output; removed holds what the
 * reader already took away. Frees text, removed and meta. Returns as
 * ingest_article does. */
int ing_finish(const struct ingest_ctx *ctx, struct article *out, struct buf *raw,
               struct buf *text, struct buf *removed, struct ing_meta *meta,
               struct ds_error *err);

/* ---- formats (sniff.c) and the readers that plug in (readers.c) ---------- */

/* What a file is, decided from its bytes (the name is only a hint). */
enum ing_format {
    FMT_TEXT = 0,    /* plain text (HTML leftovers and entities removed) */
    FMT_MARKDOWN,    /* Markdown */
    FMT_FRONTMATTER, /* "---" YAML front matter, then Markdown */
    FMT_HTML,        /* a web page */
    FMT_FEED,        /* RSS 2.0, RSS 1.0 (RDF) or Atom */
    FMT_XML,         /* other XML: not read */
    FMT_BINARY,      /* not text: not read */
    FMT_EMPTY,       /* no bytes, or only white space: not read */
};

/* A static name for f: "text", "markdown", "front-matter", "html", ... */
const char *ing_format_name(enum ing_format f);
/* The format path's extension suggests; false when the walk does not
 * consider files named so (see ingest_reader_for for the list). */
bool ing_format_by_name(const char *path, enum ing_format *fmt);
/* The format of bytes (undecoded), path (may be NULL) as a hint: a BOM and
 * leading comments are skipped; "<!DOCTYPE html" or "<html" is HTML whatever
 * the name; "<rss", "<feed", "<rdf:RDF" (also after "<?xml") is a feed;
 * other XML is FMT_XML; "---" with a closing line opens front matter; a
 * .md name is Markdown; the rest is text. Empty and binary bytes (see
 * ingest_sniff) are FMT_EMPTY and FMT_BINARY. */
enum ing_format ing_sniff_format(const char *path, const char *bytes, size_t n);

/* UTF-16 without a BOM (NULs in every other byte of the first 8 KiB):
 * 1 little-endian, 2 big-endian, 0 not. */
int ing_utf16_no_bom(const char *bytes, size_t n);

/* Decode bytes of format fmt to clean UTF-8 (appended to out, see
 * ingest_decode for the normalisation). Charset, strongest first: a BOM;
 * valid UTF-8; for HTML and XML the charset the document declares
 * (<meta charset>, http-equiv, the XML declaration); uchardet's guess;
 * mostly-UTF-8 bytes are repaired; Western text with a few high bytes is
 * Windows-1252. Legacy charsets go through iconv (GBK/GB2312 as GB18030,
 * Shift_JIS as CP932, Latin-1 as Windows-1252). When strict and nothing
 * explains bytes that are not UTF-8 (a fifth or more of them high bytes),
 * returns -1 with *encoding NULL and out untouched: the caller skips the
 * file ("unknown encoding") instead of storing mojibake. Else returns 0
 * with *encoding a static name ("utf-8", "gb18030", "shift_jis", ...). */
int ing_decode(const char *bytes, size_t n, enum ing_format fmt, bool strict, struct buf *out,
               const char **encoding);

/* What a format's reader found in one file: the article text and the
 * metadata the format states (NULL: not stated). All strings malloc'd. */
struct ing_page {
    struct buf text;   /* plain text, paragraphs separated by blank lines */
    char *title;
    char *subtitle;
    char *summary;     /* the page's description of itself (one line) */
    char *byline;
    char *source;      /* the site or outlet's name */
    char *published;   /* YYYY-MM-DD */
    char *url;
    char *lang;        /* ISO 639-1 when the page says */
    bool structured;   /* the format gave headline and byline: the line
                        * heuristics of metadata.c do not look for them */
    int numeric_order; /* ING_ORDER_*: how the page orders numeric dates */
    struct ing_meta meta; /* front matter or a header block: wins over what
                           * the lines say (ing_apply_meta) */
    struct buf removed;   /* their lines, "reason\tline\n" */
};
void ing_page_clear(struct ing_page *pg);

/* A reader: decoded UTF-8 text of its format to an ing_page. Returns 0, or
 * -1 with a reason in err (the file is skipped with it). */
typedef int (*ing_read_fn)(const char *text, size_t n, struct ing_page *pg, struct ds_error *err);
/* The reader of format f, or NULL with *why (static) when dossier does not
 * read it ("XML that is neither a page nor a feed"). */
ing_read_fn ing_reader(enum ing_format f, const char **why);
/* html.c: libxml2's global state set up once, whichever thread asks first.
 * Its lazy set-up inside the first parse is not safe when two preparing
 * threads parse their first page at once (a race ThreadSanitizer reports);
 * ing_reader() calls this before handing out any reader. */
void ing_xml_init(void);

/* html.c: a web page (libxml2's HTML parser, no network, no external
 * entities, INGEST_HTML_MAX bytes and INGEST_HTML_DEPTH levels at most):
 * the main text the way reader modes find it, and the metadata by trust
 * (JSON-LD, meta tags, <time>, <title>, the visible byline). */
#define INGEST_HTML_MAX ((size_t)16 << 20)
#define INGEST_HTML_DEPTH 256
int ing_read_html(const char *text, size_t n, struct ing_page *pg, struct ds_error *err);
/* mail.c: an e-mail saved whole (.eml: headers, MIME parts). false when
 * text is not one; else true with *rc the reading's result: From, Date and
 * Subject in pg->meta, the plain-text part (else the HTML part, read as a
 * page) decoded into pg. */
bool ing_read_mail(const char *text, size_t n, struct ing_page *pg, int *rc, struct ds_error *err);
/* exports.c: a news database's export of one article (Nexis, Factiva,
 * ProQuest, NewsBank): true with the record's fields in pg->meta, its
 * text in pg->text and its other lines in pg->removed; false (pg left as
 * it was) when text is no such record. */
bool ing_read_export(const char *text, size_t n, struct ing_page *pg);
/* newsxml.c: NITF (<nitf>) or NewsML-G2 (<newsItem>, <newsMessage>): the
 * headline, date, byline and provider from their elements, the text from
 * the body's paragraphs. Other XML: -1, "XML that is neither a page nor a
 * feed". */
int ing_read_newsxml(const char *text, size_t n, struct ing_page *pg, struct ds_error *err);

/* ---- one file's lines and metadata, shared by ingest.c, doc.c, lines.c
 * and metadata.c (the ingest step for one file) ------------------------- */

#define TOP_LINES 16     /* content lines at the top where metadata may sit */
#define BOTTOM_LINES 5   /* content lines at the bottom (trailers) */
#define DUP_MIN_BYTES 12 /* shorter repeated lines ("Q:", "* * *") are kept */

/* How strongly a line names the source; lower wins. */
enum {
    RANK_SOURCE_LINE = 0,        /* "Source: X", "来源：X"; the URL's domain */
    RANK_SOURCE_UNKNOWN = 5,     /* "Source: x" naming no known outlet */
    RANK_ALONE = 10,             /* a known outlet's name alone on a line */
    RANK_ALONE_SEEN = 12,        /* an unknown name alone, repeated across the corpus */
    RANK_ALONE_UNKNOWN = 15,     /* an unknown name alone that looks like an outlet's */
    RANK_BYLINE = 20,            /* a known outlet ending a byline */
    RANK_COPYRIGHT = 20,         /* a known outlet in a copyright line */
    RANK_COPYRIGHT_UNKNOWN = 25, /* the name in "© 2024 X" */
    RANK_MASTHEAD = 27,          /* the name in "X REPORT — Column" over the headline */
    RANK_DATELINE = 30,          /* a known agency in a dateline */
    RANK_DATELINE_UNKNOWN = 35,  /* another agency in a dateline: "(Tidewater)" */
    RANK_FURNITURE = 40,         /* a known outlet named in dropped furniture */
    RANK_FURNITURE_UNKNOWN = 45, /* an outlet-like name in dropped furniture */
    RANK_NONE = 99,
};

struct ing_doc_line {
    const char *t; /* trimmed text */
    size_t tl;
    size_t ind;      /* leading spaces */
    const char *why; /* reason it was dropped, or NULL */
    bool blank;
};

struct ing_doc {
    const struct ingest_ctx *ctx;
    const struct outlets *outlets;
    struct ing_doc_line *lines;
    size_t n;
    struct article *a;
    int source_rank; /* lower is stronger; 99 = none */
    char *source;
    bool structured; /* the format stated its structure (HTML, news XML) */
    int numeric_order; /* ING_ORDER_*: the page's order of numeric dates */
    struct buf cut;  /* run-ins cut from inside lines: "reason\ttext\n" each */
    char **own;      /* lines shortened by a cut (the doc owns them) */
    size_t nown;
};
/* Cut every inline run-in out of d's content lines; each goes to d->cut as
 * "reason\ttext\n", the shortened lines into d->own. (runins.c) */
void ing_cut_runins(struct ing_doc *d);
/* After assembling: d's cut run-ins appended to removed, what the cuts
 * owned freed. (runins.c) */
void ing_cuts_done(struct ing_doc *d, struct buf *removed);

/* doc.c: a text as a document of lines. Rejoin hard-wrapped text (lines
 * broken near a fixed width) into one line per paragraph, into out; false
 * (out untouched) when text does not look hard-wrapped. */
bool ing_reflow(const char *text, size_t n, struct buf *out);
/* Split text into d->lines (newly allocated, pointing into text, which
 * must outlive them): trimmed, indentation counted, none dropped yet. */
void ing_split_lines(struct ing_doc *d, const char *text, size_t n);
/* The nearest line after (before) line i that is not blank, or NULL. */
struct ing_doc_line *ing_doc_next(const struct ing_doc *d, size_t i);
struct ing_doc_line *ing_doc_prev(const struct ing_doc *d, size_t i);
/* Drop furniture (clean.c's rules) and lines frequent in the corpus,
 * unless they read as sentences of the article. */
void ing_drop_furniture(struct ing_doc *d);
/* Passes over the whole document after the line rules (clean_blocks.c):
 * an embedded post's text above its signature, pull quotes repeating a
 * sentence of the text, a contents list repeating the headings below, a
 * newsletter card's heading and blurb above its button. */
void ing_drop_block_shapes(struct ing_doc *d);
/* A photo's caption group: "Enlarge this image", the caption and credit
 * up to its "hide caption"/"toggle caption" toggles, and a credit-shaped
 * line just after them (clean_players.c). */
void ing_drop_caption_groups(struct ing_doc *d);
/* Drop the headline-shaped lines listed under a "Related" label. */
void ing_drop_related_runs(struct ing_doc *d);
/* Drop lines repeated inside d (DUP_MIN_BYTES or longer): the first stays. */
void ing_drop_duplicates(struct ing_doc *d);
/* Drop the short lines boxed in by subscription prompts. */
void ing_drop_prompt_blocks(struct ing_doc *d);
/* After the metadata passes (clean_tails.c): copyright notices anywhere
 * in the text, a press release's "About X", disclaimer and contact blocks,
 * a news database's field blocks, a paid post's headline under its label
 * and a writer's biography among the last lines. */
void ing_drop_notices(struct ing_doc *d);
/* After ing_drop_notices (clean_service.c): a release service's lines
 * ("NEWS PROVIDED BY", "SOURCE X", "View original content", contact
 * lines, an "About X" paragraph in the tail), a mailing's shell, a
 * sign-up form's consent and e-mail field, a printed page's jump lines,
 * page counters and the headers and footers it repeats, rows of reaction
 * and comment counts. */
void ing_drop_service_lines(struct ing_doc *d);
/* By place and repetition (clean_apps.c, called last by
 * ing_drop_service_lines): a forwarded message's header block, the
 * heading of an AI summary box above its note, a key-events list's
 * stamped lines that repeat an entry's headline. */
void ing_drop_app_lines(struct ing_doc *d);
/* After the metadata passes (clean_threads.c): a board's "Post by X »
 * date" and a blog's "Posted by X on date" left in the text. */
void ing_drop_thread_lines(struct ing_doc *d);
/* Last (clean_zones.c): short lines before the first paragraph and after
 * the last one among known controls, a consent banner's buttons, a
 * report's running heads. */
void ing_drop_zones(struct ing_doc *d);
/* Does a line dropped for why mark a page's control (a label, a share
 * row, a counter, a pager ...) rather than its headline, byline or date?
 * (clean_zones.c) */
bool ing_control_reason(const char *why);
/* Before the zones (clean_saves.c): a short line a tool row repeats, every
 * copy; a poll's question and options over its results button. */
void ing_drop_saver_lines(struct ing_doc *d);
/* The lines that stay into body (a blank line between paragraphs), the
 * dropped ones appended to removed as "reason\tline\n". */
void ing_assemble(struct ing_doc *d, struct buf *body, struct buf *removed);
/* lang.c: the language of s[0..n) ("en", "zh", ...; a static string), or
 * NULL when it cannot tell. */
const char *ing_guess_lang(const char *s, size_t n);

struct ing_dateline {
    const char *agency;
    size_t agencyl;
    int month, day, year;
    bool caps_place; /* the place is in capitals, as wire copy writes it */
};

/* What a short line looks like as a name. */
struct ing_name_shape {
    int words;        /* space-separated words */
    int latin;        /* ... of them not CJK */
    int cjk;          /* Han/kana/hangul characters */
    bool outlet_word; /* holds a word from is_outlet_word */
    bool other_word;  /* ... and a word that is not one (not all "World News") */
    bool article;     /* starts with "The", "Le", "Die"... */
    bool person;      /* two or three capitalised words and nothing else: a person */
};

/* lines.c: what kind of line this is (bylines, datelines, labels, outlet
 * names) and the setters of a document's source and date. */
bool ing_copyright_name(const char *s, size_t n, const char **name, size_t *nl);
bool ing_dash_trailer(const char *s, size_t n, const char **name, size_t *nl);
/* Does a name end in a company's form ("Inc", "LLC", "Ltd", "Corp", "plc",
 * "GmbH"): a company that owns a page or issues a release, no outlet. */
bool ing_company_name(const char *s, size_t n);
bool ing_ends_with_any(const char *s, size_t n, const char *chars);
bool ing_has_ui_word(const char *s, size_t n);
bool ing_is_bullet(const struct ing_doc_line *l);
bool ing_is_byline(const char *s, size_t n, char **name, struct ing_date *dt, bool *has_date);
bool ing_is_caption_like(const struct ing_doc_line *l);
bool ing_is_content(const struct ing_doc_line *l);
bool ing_is_copyright_line(const char *s, size_t n);
/* A Chinese banner line (【財經專欄】, （記者某某報道）): a column or a
 * report, never an outlet; *in gets the text inside the brackets. */
bool ing_cjk_banner(const char *s, size_t n, const char **in, size_t *inl);
bool ing_is_crumb(const char *s, size_t n, const char **sec, size_t *secl);
bool ing_is_dateline(const char *s, size_t n, struct ing_dateline *dl);
/* "Saved from X"/"Saved on D": the lead's length, 0 when none. */
size_t ing_saved_lead(const char *s, size_t n);
/* "AP-EU-Rail-Strike, 1st Ld-Writethru,0431": a wire's slug line. */
bool ing_is_wire_slug(const char *s, size_t n);
/* "03-07-24 0512EST": a wire's transmission stamp, its day in *dt. */
bool ing_is_wire_stamp(const char *s, size_t n, struct ing_date *dt);
bool ing_is_headline_like(const struct ing_doc_line *l);
bool ing_is_published_line(const char *s, size_t n, struct ing_date *dt);
/* "THE HARBOR GAZETTE · Thursday, June 6, 2024": an outlet's name (its
 * length in *namel) and the date on one line. */
bool ing_is_outlet_date_line(const char *s, size_t n, size_t *namel, struct ing_date *dt);
bool ing_is_short_label(const struct ing_doc_line *l);
bool ing_is_source_line(const char *s, size_t n, const char **val, size_t *vl);
bool ing_name_shape(const char *s, size_t n, struct ing_name_shape *ns);
bool ing_outlet_like(const char *s, size_t n, bool strong);
bool ing_top_outlet_seen(const struct ing_doc_line *l);
char *ing_dupn(const char *s, size_t n);
void ing_byline_outlet(struct ing_doc *d, char *name);
/* A byline without "By" at top line i of d (byline_shapes.c): a name alone
 * over a date, a role line or the outlet; a name with the writer's role;
 * the role or outlet line under a byline. Sets the byline (and a named
 * outlet as the source) and the line's why; false when it is none. first:
 * no content line came before. */
bool ing_top_byline(struct ing_doc *d, size_t i, bool first);
void ing_set_date(struct article *a, const struct ing_date *dt, enum date_source how);
void ing_set_source(struct ing_doc *d, const char *name, size_t n, int rank);
/* outlet_names.c: when nothing named d's outlet, the name its address
 * spells as words and an outlet's word at the end ("midlandsexpress.co.uk":
 * "Midlands Express"; "cityeconomist.com": "City Economist"); a name of
 * other words ("valleyfarmer.net") or of digits and hyphens gives none. */
void ing_host_outlet(struct ing_doc *d);

/* copies.c: what a press-release service or a printed copy adds. */
struct ing_release {
    struct ing_date date;
    const char *service; /* "PRNewswire", "BUSINESS WIRE" */
    size_t servicel;
};
/* "BOSTON, March 5, 2024 /PRNewswire/ --", "SAN FRANCISCO--(BUSINESS
 * WIRE)--Mar 12, 2024--", "RENO, NV / ACCESSWIRE / April 2, 2024 /",
 * "TOKYO, Mar 4, 2024 - (JCN Newswire) -": a release's dateline, its date
 * and service. The date is zero when a page's "PLACE--(SERVICE)--" line
 * leaves it to the page. */
bool ing_is_release_dateline(const char *s, size_t n, struct ing_release *r);
/* A line a printed copy adds (the browser's header and footer, "Print this
 * page", "Article printed from X: URL", "URL to article:"); the site it
 * names, if any, in *site. */
bool ing_is_print_line(const char *s, size_t n, const char **site, size_t *sitel);
/* A running head or foot of a page a PDF converter turned into text: two
 * or more fields (split by " | " or three spaces), a name shaped as an
 * outlet's, and a folio ("A3", "Page 1 of 2"), an issue ("SPRING 2024") or
 * a date; nothing else. */
struct ing_running_head {
    const char *name;
    size_t namel;
    struct ing_date date; /* zero when the head has none */
};
bool ing_is_running_head(const char *s, size_t n, struct ing_running_head *h);
/* Mark every running head of d ("running-head"); the first names the
 * source and dates the article. */
void ing_running_heads(struct ing_doc *d);
/* top_lines.c: what metadata.c reads at a copy's top and foot. "Paper,
 * date" / "Paper - date" (the name shaped as an outlet's): the name's
 * length and the date, or 0. */
size_t ing_outlet_then_date(const char *s, size_t n, struct ing_date *dt);
/* A running head's page number before the paper's name ("Page 2 \xe2\x80\x94 ",
 * "A6 | ", "4 " before a name in capitals): its length, or 0. The name
 * ing_outlet_then_date measures includes it. */
size_t ing_page_lead(const char *s, size_t n);
/* Is s[0..nl) one word (no outlet the table knows) before a dash and a
 * date ("Harare \xe2\x80\x94 4 March 2024")? A dateline's place then, no outlet. */
bool ing_place_dash(const char *s, size_t n, size_t nl);
/* Is line i a "Source:" or "Data:" line right under a chart's, table's or
 * map's label line ("Chart: rents by region")? Its source is the data's,
 * its date the data's, neither the article's. */
bool ing_chart_source(const struct ing_doc *d, size_t i);
/* A numeric date ("14/02/2024", "12.03.2024"), day first with dots, when
 * the first number cannot be a month or when day_first. */
bool ing_numeric_date(const char *s, size_t n, bool day_first, struct ing_date *dt);
/* "Actualizado: 14/02/2024 09:15", "Posted 11/10/2023": a cue and a
 * numeric date, day first after a cue in a language that writes so. */
bool ing_published_numeric(const char *s, size_t n, struct ing_date *dt);
/* How a page orders a numeric date its English cue ("Published:") gives:
 * as the text reader always did (month first: a plain text file says no
 * country), day first (its language's region or its address's country
 * writes so), month first (en-US, en-PH, en-CA), or unknown (an HTML page
 * that names no region and no country: "04/03/2024" is refused, a date
 * whose first or second number exceeds 12 is still read). */
enum { ING_ORDER_TEXT = 0, ING_ORDER_DAY_FIRST, ING_ORDER_MONTH_FIRST, ING_ORDER_UNKNOWN };
/* ing_published_numeric with the page's order (ING_ORDER_*) for a cue in
 * English. */
bool ing_published_numeric_in(const char *s, size_t n, int order, struct ing_date *dt);
/* A numeric date a page of no known order left unread ("Posted
 * 11/10/2023": the 10th of November or the 11th of October) is read when
 * the story's first sentences name the weekday of its news ("signed a
 * treaty on Friday") and only one reading falls on that day or the day
 * after (a story is published the day of its news or the next). */
void ing_numeric_by_weekday(struct ing_doc *d);
/* Day of the week of y-m-d, 0 for Sunday. */
int ing_weekday_of(int y, int m, int d);
/* "Portside Gazette \xc2\xb7 by Evan Llewellyn \xc2\xb7 2 September 2024" (a
 * read-later copy's line under the title): an outlet-shaped first field
 * before " \xc2\xb7 " or " | ", and a later field that is a byline or a date.
 * The outlet, byline and date are taken; false when the line is no such. */
bool ing_outlet_led_fields(struct ing_doc *d, const char *s, size_t n);
/* A writer named only in a bio line among the last lines ("Jane Roe is
 * the Mercury's education reporter.", "Jane Roe covers courts for X"): a
 * person's name before " is ", " covers ", " writes " or " reports " and a
 * writer's role soon after. The byline when d has none; the line leaves
 * the text. */
void ing_bio_byline(struct ing_doc *d);
/* The last k content lines of d (ing_is_content), the last first: their
 * indexes into out[0..k); returns how many there are (fewer than k in a
 * short text). The walk of the closing bio readers (ing_bio_byline and
 * the cleaning pass's drop of a writer's bio). */
size_t ing_last_content(const struct ing_doc *d, size_t k, size_t *out);
/* A "Source:" value that is a web address or a bare host ("Source:
 * https://x.co.uk/news/2024/06/11/..."): the article's address when it has
 * none (its host and path then name the outlet and the date), true; false
 * for any other value. */
bool ing_source_address(struct ing_doc *d, const char *val, size_t vl);
/* The date right after a source line's value val[0..vl) inside s[0..n)
 * ("Source: The Shire Observer, 9 March 2024"), set as the article's when
 * the value is an outlet's name (known, or shaped as one). */
void ing_source_line_date(struct ing_doc *d, const char *s, size_t n, const char *val, size_t vl);
/* A read-later copy's "Original: host — date" line, or a closing
 * "Originally published at <address>": the address (as
 * ing_source_address) and the date after it; false for any other line. */
bool ing_original_line(struct ing_doc *d, const char *s, size_t n);
/* A source value's name without the address in brackets after it ("The
 * X (https://www.x.com/...)": the address taken as ing_source_address
 * does); its length (vl when there is no such address). */
size_t ing_source_name(struct ing_doc *d, const char *val, size_t vl);
/* "Jane Roe | Reuters", "By Jane Roe | AFP" (which the cleaning passes
 * may take for a photo's credit) right under the headline, no caption
 * between them: a person's name and a known outlet or one shaped as an outlet's,
 * set as byline and source when the article has no byline (copies.c). */
bool ing_caption_byline(struct ing_doc *d, const struct ing_doc_line *l);
/* Does name[0..n) hold a word that names a topic, a desk or a place far
 * more often than a person ("Live Updates", "World Cup", "New York")? A
 * person-shaped name that does is no byline (copies.c). */
bool ing_topic_words(const char *name, size_t n);
/* The index of the last line before i that is not blank, or (size_t)-1. */
size_t ing_prev_line(const struct ing_doc *d, size_t i);
/* An e-reader's clippings file (Kindle's "Title (Author)" over "- Your
 * Highlight on ... | Added on <the reader's date>", clippings parted by
 * "=========="): the stamp and rule lines dropped, the author in brackets
 * cut from the title line and taken as byline (copies.c). */
void ing_reader_clippings(struct ing_doc *d);
/* A post's header row of short fields ("Published in X · 6 min read · Jun
 * 3, 2024"): a field a whole date, one a reading time or "Published in X",
 * none a sentence; *dt the date. */
bool ing_field_row_date(const char *s, size_t n, struct ing_date *dt);
/* A text copy's "Jane Roe — Helsinki — 4 March 2024" (ing_name_fields_line)
 * under its title: the name as byline (when there is none), the date,
 * l's why set; false for any other line. */
bool ing_name_fields_meta(struct ing_doc *d, struct ing_doc_line *l);
/* "Posted on March 4, 2024 by Jane Roe": the person after " by " in a
 * publication line, as byline when there is none. */
void ing_published_by(struct ing_doc *d, const char *s, size_t n);
/* A known outlet's name alone on line i right under a byline line ("By
 * Jane Roe" / "Associated Press" in a page's text): the source, i's why
 * set; false otherwise. */
bool ing_outlet_under_byline(struct ing_doc *d, size_t i);
/* A Vietnamese date line ("Cập nhật ngày 12 tháng 3 năm 2024, 09:15": a
 * cue of at most three words, then day, month and year in words). */
bool ing_words_date_line(const char *s, size_t n, struct ing_date *dt);
/* metadata.c: the fields of a header line split at bars, middle dots or
 * wide spaces ("Updated: 2018-07-06 | By Jane Doe"): a byline, a source,
 * an address or a date named in one of them is taken. */
void ing_meta_fields(struct ing_doc *d, const char *s, size_t n);
/* "Lisboa, 7 de fevereiro de 2024", "Warszawa, 3 kwietnia 2024 r.",
 * "Monterrey / 12.03.2024 11:40": a place of one to three capitalised
 * words, a comma (or " / ") and a whole date (a time may follow) on a line
 * of its own under the headline. */
bool ing_place_date_line(const char *s, size_t n, struct ing_date *dt);
/* top_lines.c: a line that opens with a date and holds only short fields
 * after it ("15 January 2020 \xe2\x80\xa2 9:58pm"; prose that starts with a date
 * is none). */
bool ing_is_date_led(const char *s, size_t n, struct ing_date *dt);
/* A date line ing_is_date_led does not take: a weekday first, a time and
 * fields after a bar, a known outlet last (its source, set in d). */
bool ing_date_led_fields(struct ing_doc *d, const char *s, size_t n, struct ing_date *dt);
/* "Jane Roe \xc2\xb7 The Courier \xc2\xb7 Posted: Apr 09, 2024 5:00 AM": a line of two
 * to four fields split by " \xc2\xb7 " or " | ", the first a person's name and a
 * later one a publication line: the name's length (the date in *dt), or 0. */
size_t ing_name_fields_line(const char *s, size_t n, struct ing_date *dt);
/* The paper's name between the headline (ix[title_at]) and a date or
 * byline line: taken as the source; true when taken. */
bool ing_top_outlet_under(struct ing_doc *d, const size_t *ix, const bool *ma, size_t ni,
                          size_t title_at);
/* A headline set over two to four short lines, joined as the title; the
 * number of lines taken, or 0. */
size_t ing_top_stacked_headline(struct ing_doc *d, const size_t *ix, const bool *gb,
                                const bool *ma, size_t ni);
/* The date of an e-edition's copyright foot ("..., Edition 3/13/2024")
 * when the copy has no other. */
void ing_edition_date(struct ing_doc *d, const char *s, size_t n);
/* The site a printed copy names as d's source: a known outlet, or a name
 * shaped as one. */
void ing_print_site(struct ing_doc *d, const char *s, size_t n);
/* "This story was originally published by X.": X as d's source at a
 * furniture's rank (anything else naming the outlet wins); false when the
 * line is no such credit or X is no outlet's name. */
bool ing_republished_credit(struct ing_doc *d, const char *s, size_t n);
/* "(Reporting by X; Editing by Y)": X as d's byline when it has none. */
void ing_credit_byline(struct ing_doc *d, const char *s, size_t n);

/* metadata.c: the metadata a page states at its top, its bottom, in a
 * dateline and in dropped furniture. */
void ing_meta_bottom(struct ing_doc *d);
void ing_meta_dateline(struct ing_doc *d, const char *path);
/* metadata.c: on a page that names no outlet, a release service's dateline
 * among the first paragraphs ("PLACE--(SERVICE)--") names it (and dates
 * the page when it has a date). Other datelines are not read on pages: a
 * local paper prints the agencies' copy under its own name. */
void ing_meta_release_dateline(struct ing_doc *d);
void ing_meta_furniture_outlet(struct ing_doc *d);
void ing_meta_top(struct ing_doc *d);

/* headerblock.c: what a file states outright (m) wins over what cleaning
 * found: title (a different line taken as the headline goes back into the
 * body), date (when it parses), byline, outlet, section, URL, tags. */
void ing_apply_meta(struct ing_doc *d, struct ing_meta *m);

#endif
