/*
 * view_facts.c — what the article says at a glance: its outlet, figures
 * (with their subject), entities by kind with mention counts, topics with
 * scores and keywords. Moving the selection onto a figure or an entity
 * jumps the reader to it; Enter (or F) filters the list by the item
 * (entity:"Name", source:"Outlet", topic:slug, or the keyword).
 */
#include "config.h"

#define NCURSES_WIDECHAR 1

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"

void
facts_clear(struct app *app)
{
    for (size_t i = 0; i < app->nfacts; i++) {
        free(app->facts[i].text);
        free(app->facts[i].detail);
        free(app->facts[i].filter);
    }
    free(app->facts);
    app->facts = NULL;
    app->nfacts = 0;
}

static struct fact_item *
fact_add(struct app *app, enum fact_kind kind, const char *text, int role)
{
    app->facts = xrealloc(app->facts, (app->nfacts + 1) * sizeof(*app->facts));
    struct fact_item *f = &app->facts[app->nfacts++];
    memset(f, 0, sizeof *f);
    f->kind = kind;
    f->text = xstrdup(text);
    f->role = role;
    return f;
}

/* The entities by kind, each group under a header with its count; an
 * entity jumps to its first mention and filters by its kind and name. */
static void
facts_entities(struct app *app, const struct extraction *x)
{
    static const struct {
        enum entity_kind kind;
        const char *title;
        enum qfield field;
        int role;
    } groups[] = {
        {ENTITY_PERSON, "People", QF_PERSON, ROLE_PERSON},
        {ENTITY_ORG, "Organisations", QF_ORG, ROLE_ORG},
        {ENTITY_COUNTRY, "Countries", QF_COUNTRY, ROLE_COUNTRY},
        {ENTITY_PLACE, "Places", QF_ENTITY, ROLE_PLACE},
        {ENTITY_AGREEMENT, "Agreements", QF_ENTITY, ROLE_ORG},
    };
    for (size_t g = 0; g < DS_ARRAY_LEN(groups); g++) {
        size_t n = 0;
        for (size_t i = 0; i < x->nentities; i++)
            n += x->entities[i].kind == groups[g].kind;
        if (!n)
            continue;
        char *t = xasprintf("%s (%zu)", groups[g].title, n);
        fact_add(app, FACT_HEADER, t, ROLE_TITLE);
        free(t);
        for (size_t i = 0; i < x->nentities; i++) {
            const struct entity *e = &x->entities[i];
            if (e->kind != groups[g].kind || !e->name)
                continue;
            char *label = e->alt ? xasprintf("%s %s", e->name, e->alt) : xstrdup(e->name);
            struct fact_item *f = fact_add(app, FACT_ENTITY, label, groups[g].role);
            free(label);
            f->detail = xasprintf("%zu", e->nspans);
            if (e->nspans) {
                f->start = e->spans[0].start;
                f->end = e->spans[0].end;
            }
            f->filter = query_field_text(groups[g].field, e->name);
        }
    }
}

void
facts_build(struct app *app)
{
    facts_clear(app);
    if (!app->doc_id)
        return;
    const struct extraction *x = &app->ex;
    if (app->doc.a.source) {
        char *t = xasprintf("Outlet: %s", app->doc.a.source);
        struct fact_item *f = fact_add(app, FACT_SOURCE, t, ROLE_META);
        f->filter = query_field_text(QF_SOURCE, app->doc.a.source);
        free(t);
    }
    if (x->nfigures) {
        char *t = xasprintf("Figures (%zu)", x->nfigures);
        fact_add(app, FACT_HEADER, t, ROLE_TITLE);
        free(t);
        for (size_t i = 0; i < x->nfigures; i++) {
            const struct figure *g = &x->figures[i];
            struct fact_item *f = fact_add(app, FACT_FIGURE, g->text ? g->text : "?", ROLE_FIGURE);
            const char *what = g->subject ? g->subject : figure_kind_name(g->kind);
            f->detail = g->nalso ? xasprintf("%s (%zux)", what, g->nalso + 1) : xstrdup(what);
            f->start = g->span.start;
            f->end = g->span.end;
        }
    }
    facts_entities(app, x);
    if (x->ntopics) {
        fact_add(app, FACT_HEADER, "Topics", ROLE_TITLE);
        for (size_t i = 0; i < x->ntopics; i++) {
            const struct topic_score *ts = &x->topics[i];
            struct fact_item *f = fact_add(app, FACT_TOPIC, ts->slug, ROLE_TOPIC);
            f->detail = xasprintf("%.1f", ts->score);
            if (ts->nspans) {
                f->start = ts->spans[0].start;
                f->end = ts->spans[0].end;
            }
            f->filter = query_field_text(QF_TOPIC, ts->slug);
        }
    }
    if (!app->kw_valid) {
        fact_add(app, FACT_HEADER, "Keywords \xe2\x80\xa6", ROLE_TITLE); /* … coming */
    } else if (app->nkw) {
        fact_add(app, FACT_HEADER, "Keywords", ROLE_TITLE);
        for (size_t i = 0; i < app->nkw; i++) {
            struct fact_item *f = fact_add(app, FACT_KEYWORD, app->kw[i].term, ROLE_NORMAL);
            /* keywords are stems: jump to the first word that starts with one */
            const char *body = app->doc.a.body ? app->doc.a.body : "";
            layout_find_ci(body, strlen(body), f->text, 0, &f->start, &f->end);
            f->filter = query_term_text(app->kw[i].term);
        }
    }
}

bool
facts_keywords_ensure(struct app *app)
{
    if (app->kw_valid || !app->doc_id)
        return true;
    struct ds_error err;
    ds_error_clear(&err);
    struct keyword *kw = NULL;
    size_t nkw = 0;
    if (store_doc_keywords(app->store, app->doc_id, 8, &kw, &nkw, &err) < 0) {
        if (store_set_interrupt(app->store, NULL, NULL))
            return false; /* a key came: computed again when the keys stop */
        kw = NULL;
        nkw = 0;
    }
    keywords_free(app->kw, app->nkw);
    app->kw = kw;
    app->nkw = nkw;
    app->kw_valid = true;
    app->kw_wanted = false;
    if (app->facts_valid)
        facts_build(app);
    return true;
}

void
facts_ensure(struct app *app)
{
    if (app->facts_valid || !app->doc_id)
        return;
    app->facts_valid = true;
    /* Keywords cost a lookup in the index per word (about 10 ms an article
     * at a million documents): only for an article whose facts are shown,
     * and in a terminal after the screen is drawn, between keys; a script
     * gets them at once. */
    if (app->script)
        facts_keywords_ensure(app);
    else if (!app->kw_valid)
        app->kw_wanted = true;
    facts_build(app);
}

static size_t
facts_count(struct app *app, struct pane *p)
{
    (void)p;
    facts_ensure(app);
    return app->nfacts;
}

static void
facts_draw_line(struct app *app, struct pane *p, size_t i, int y, int x, int w, bool sel)
{
    (void)p;
    const struct fact_item *f = &app->facts[i];
    bool focused = app->focus == PANE_FACTS;
    int base = sel ? (focused ? ROLE_SELECTION : ROLE_SELECTION_DIM) : ROLE_NORMAL;
    int indent = f->kind == FACT_HEADER || f->kind == FACT_SOURCE ? 0 : 1;
    int used = 0;
    if (indent)
        used = draw_text(y, x, 1, " ", base, true);
    int dw = f->detail ? (int)layout_width(f->detail, strlen(f->detail)) : 0;
    if (f->kind == FACT_FIGURE) {
        /* figure then its subject, which may be long: give the figure its width */
        int tw = (int)layout_width(f->text, strlen(f->text)) + 1;
        if (tw > w - used)
            tw = w - used;
        used += draw_text(y, x + used, tw, f->text, sel ? base : f->role, true);
        draw_text(y, x + used, w - used, f->detail, sel ? base : ROLE_META, true);
        return;
    }
    if (dw > 0 && dw + 2 < w - used) {
        int tw = w - used - dw - 1;
        used += draw_text(y, x + used, tw, f->text, sel ? base : f->role, true);
        draw_text(y, x + used, w - used, "", base, true);
        draw_text(y, x + w - dw, dw, f->detail, sel ? base : ROLE_META, true);
        return;
    }
    draw_text(y, x + used, w - used, f->text, sel ? base : f->role, true);
}

static void
facts_selected(struct app *app, struct pane *p)
{
    if (p->sel >= app->nfacts)
        return;
    const struct fact_item *f = &app->facts[p->sel];
    if (f->end > f->start)
        reader_jump(app, f->start, f->end);
}

static bool
facts_action(struct app *app, struct pane *p, int action)
{
    if (action != ACT_ENTER && action != ACT_FILTER)
        return false;
    if (p->sel >= app->nfacts || !app->facts[p->sel].filter) {
        facts_selected(app, p);
        return true;
    }
    const struct fact_item *f = &app->facts[p->sel];
    if (f->kind == FACT_TOPIC) {
        char *slug = xstrdup(f->text);
        app_set_topic(app, slug);
        free(slug);
        return true;
    }
    char *filter = xstrdup(f->filter);
    app_add_filter(app, filter);
    free(filter);
    return true;
}

const struct pane_ops facts_pane_ops = {
    .title = "Facts",
    .selectable = true,
    .count = facts_count,
    .draw_line = facts_draw_line,
    .selected = facts_selected,
    .action = facts_action,
};
