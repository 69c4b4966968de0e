/* article.c — freeing struct article and naming how its date was found (see article.h). */
#include "config.h"

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
    free(a->section);
    free(a->source);
    free(a->published);
    free(a->byline);
    free(a->lang);
    free(a->url);
    free(a->tags);
    memset(a, 0, sizeof *a);
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
