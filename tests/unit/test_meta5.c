/*
 * test_meta5.c — unit tests for the shapes of issue 12's fifth metadata
 * pass (held-out set tests/extract/heldout_meta3): picture credits split by
 * a bar or in capitals and the caption above them, a video player's label,
 * running time and clip title, calls for tips and for support, republishing
 * notes, a postal footer, "==Agency" sign-offs, long copyright notices.
 * Every input is written here, in our own words.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/article.h"
#include "dossier/ingest.h"
#include "dossier/util.h"
#include "tests/unit/tap.h"

static struct outlets *outlets;

static void
ingest(const char *path, const char *text, struct article *a)
{
    struct ds_error err;
    struct ingest_ctx ctx = {outlets, NULL, 0};
    ds_error_clear(&err);
    memset(a, 0, sizeof *a);
    if (ingest_article(&ctx, path, text, strlen(text), a, &err) != 0)
        diag("ingest_article: %s", err.msg);
}

static int
in_body(const struct article *a, const char *s)
{
    return a->body && strstr(a->body, s) != NULL;
}

/* ---- furniture --------------------------------------------------------------------- */

static void
test_credits_and_players(void)
{
    struct article a;
    ingest("/t/c1.txt",
           "Port authority approves second container berth\n"
           "By Lena Ortiz\n"
           "May 6, 2024\n"
           "The port authority on Monday approved a second container berth at the south quay, "
           "a project it says will double capacity by 2028.\n"
           "Cranes unload a ship at the south quay in Savannah, Ga., May 6, 2024.\n"
           "Ravi Menon | Getty Images\n"
           "The board voted 6-1, with one member saying the cost estimate was too low.\n"
           "A ferry worker ties up at the old pier.\n"
           "PORT PHOTO: MARA LINDQVIST\n"
           "Dock workers said they welcomed the jobs but wanted a say on shift patterns.\n"
           "WATCH NOW\n"
           "VIDEO 2:41\n"
           "Why ports are racing to add berths\n"
           "Video Ad Feedback\n"
           "Harbour master explains the new berth\n"
           "01:58 - Source: Port TV\n",
           &a);
    ok(!in_body(&a, "Getty Images"), "a credit split by a bar is dropped");
    ok(!in_body(&a, "Cranes unload"), "the caption directly above a bar credit is dropped");
    ok(!in_body(&a, "MARA LINDQVIST"), "a credit in capitals with PHOTO: is dropped");
    ok(!in_body(&a, "VIDEO 2:41") && !in_body(&a, "Why ports are racing"),
       "WATCH NOW: the running time and the clip's title are dropped");
    ok(!in_body(&a, "Video Ad Feedback") && !in_body(&a, "Harbour master explains") &&
           !in_body(&a, "01:58"),
       "a player's label, clip title and 'mm:ss - Source: X' are dropped");
    ok(in_body(&a, "The board voted 6-1") && in_body(&a, "Dock workers said"),
       "the paragraphs around them stay");
    ok(!a.source, "no outlet from a player's label (%s)", a.source ? a.source : "-");
    article_clear(&a);
}

static void
test_prompts_and_footers(void)
{
    struct article a;
    ingest("/t/p1.txt",
           "County opens three cooling centres as heat wave builds\n"
           "By Omar Haddad\n"
           "July 9, 2024\n"
           "The county opened three cooling centres on Tuesday as forecasters warned that "
           "temperatures could pass 40C by the weekend.\n"
           "Have a story tip? Email reporter Omar Haddad at ohaddad@example.org.\n"
           "Public health officer Grace Mbeki said older residents living alone were most at risk.\n"
           "The Ledger is a nonprofit newsroom. Support local reporting by becoming a member today.\n"
           "Republish this article for free under a Creative Commons license.\n"
           "(This story has not been edited by staff and is auto-generated from a syndicated feed.)\n"
           "Like this: Like Loading...\n"
           "Most Read: Council delays vote on bike lanes again\n"
           "The Valley Ledger\n"
           "118 Canal Street, Riverton, OR 97001\n"
           "Phone: 541-555-0190 | Contact Us | Advertise\n",
           &a);
    ok(!in_body(&a, "story tip"), "a call for tips is dropped");
    ok(!in_body(&a, "becoming a member"), "a call for members is dropped");
    ok(!in_body(&a, "Creative Commons") && !in_body(&a, "syndicated feed"),
       "republishing notes are dropped");
    ok(!in_body(&a, "Like Loading"), "a blog's 'Like this' row is dropped");
    ok(!in_body(&a, "bike lanes"), "a 'Most Read:' run-in is dropped");
    ok(!in_body(&a, "Canal Street") && !in_body(&a, "541-555"), "a postal footer is dropped");
    ok(in_body(&a, "Grace Mbeki said"), "the text stays");
    article_clear(&a);
}

static void
test_wire_trailers(void)
{
    struct article a;
    ingest("/t/w1.txt",
           "Rice exports rise for a third month\n"
           "HANOI, March 3, Kyodo - Vietnam's rice exports rose for a third month in February "
           "as buyers in the Philippines restocked, the trade ministry said Tuesday.\n"
           "Traders expect prices to ease once the spring harvest begins.\n"
           "==Kyodo\n",
           &a);
    ok(!in_body(&a, "==Kyodo"), "an '==Agency' sign-off is dropped");
    article_clear(&a);
    ingest("/t/w2.txt",
           "Senate clears water bill\n"
           "The Senate passed the bill 71-29 on Thursday after a week of debate over "
           "how to share money between states.\n"
           "Copyright 2024 Example Wire Services, Inc. (EWS). Any reproduction, republication, "
           "redistribution and/or modification of any EWS content is expressly prohibited "
           "without EWS's prior written consent.\n",
           &a);
    ok(!in_body(&a, "expressly prohibited"), "a long copyright notice is dropped");
    article_clear(&a);
}

int
main(void)
{
    char *assets = ds_assets_dir();
    struct ds_error err;
    if (outlets_load(assets, NULL, &outlets, &err) != 0) {
        diag("outlets: %s", err.msg);
        return 1;
    }
    free(assets);
    test_credits_and_players();
    test_prompts_and_footers();
    test_wire_trailers();
    outlets_free(&outlets);
    return done_testing();
}
