/* article.c — freeing struct article and naming how its date was found, or
 * why it has none (see article.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/article.h"

/* Free every string member and zero the struct; the struct itself stays. */
void
article_clear(struct article *a)
{
    if (!a)
        return;
    free(a->path);
    free(a->raw);
    free(a->body);
    free(a->removed);
    free(a->encoding);
    free(a->title);
    free(a->subtitle);
    free(a->summary);
    free(a->section);
    free(a->source);
    free(a->published);
    free(a->byline);
    free(a->lang);
    free(a->url);
    free(a->tags);
    free(a->day_month);
    memset(a, 0, sizeof *a);
}

static const char *const undated_names[][2] = {
    [UNDATED_NOT_SO] = {NULL, ""},
    [UNDATED_NOTHING] = {"no-date", "no date found"},
    [UNDATED_NO_YEAR] = {"dateline-without-year", "dateline without a year"},
    [UNDATED_BODY_ONLY] = {"body-date-only",
                           "dates only in the body text, none with a publication cue"},
};

/* See article.h. */
const char *
undated_reason_name(enum undated_reason r)
{
    return (size_t)r < sizeof undated_names / sizeof undated_names[0] ? undated_names[r][0]
                                                                        : NULL;
}

/* See article.h. */
const char *
undated_reason_text(enum undated_reason r)
{
    return (size_t)r < sizeof undated_names / sizeof undated_names[0] ? undated_names[r][1] : "";
}

/* See article.h. */
enum undated_reason
undated_reason_parse(const char *name)
{
    for (size_t i = 1; name && i < sizeof undated_names / sizeof undated_names[0]; i++)
        if (strcmp(name, undated_names[i][0]) == 0)
            return (enum undated_reason)i;
    return UNDATED_NOT_SO;
}

/* A static, stable name for s (stored in the database and printed by the CLI). */
const char *
date_source_name(enum date_source s)
{
    switch (s) {
    case DATE_NONE:
        return "none";
    case DATE_FEED:
        return "feed";
    case DATE_FRONT_MATTER:
        return "front-matter";
    case DATE_HEADER:
        return "header-block";
    case DATE_PUBLISHED_LINE:
        return "published-line";
    case DATE_ISO_LINE:
        return "date-line";
    case DATE_DATELINE:
        return "dateline";
    case DATE_BYLINE:
        return "byline";
    case DATE_PATH:
        return "path";
    case DATE_METADATA:
        return "metadata";
    }
    return "none";
}

/* See article.h. */
void
day_month_text(const char *dm, char out[24])
{
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    out[0] = '\0';
    int m = 0, d = 0;
    char tail;
    if (!dm || sscanf(dm, "%2d-%2d%c", &m, &d, &tail) != 2 || m < 1 || m > 12 || d < 1 || d > 31)
        return;
    snprintf(out, 24, "%s %d (no year)", months[m - 1], d);
}
