/*
 * test_service.c — what a release service, a mailing list or a printed
 * page sets around an article (clean_service.c): a release's service
 * lines, contact line and "About X" tail, a mailing's shell, a sign-up
 * form's consent and field with its blurb, jump lines, page counters and
 * repeated page headers, reaction counts; a word split at a hard-wrapped
 * line's end (doc.c); and the lines of a story that
 * look like them and must stay. Every text is ours.
 */
#include "config.h"

#include "tests/unit/ingest_fixture.h"

/* Is line gone from the body and listed as removed (for any reason: an
 * earlier pass may take it first)? */
static int
gone(const struct article *a, const char *line)
{
    return a->removed && strstr(a->removed, line) && !in_body(a, line);
}

static void
test_release(void)
{
    struct article a;
    if (ingest("/t/release.txt",
               "NEWS PROVIDED BY\n"
               "Fernhill Robotics Ltd\n\n"
               "Fernhill Robotics opens a test track for delivery robots\n\n"
               "LEEDS, England, May 5, 2025 /PRNewswire/ -- Fernhill Robotics Ltd said it had "
               "opened a 2-kilometre test track for pavement delivery robots on a former "
               "airfield.\n\n"
               "About 40 engineers will work at the site, the company said.\n\n"
               "Share prices of its parent rose 2 percent on the news.\n\n"
               "See below for the full list of partners.\n\n"
               "About Fernhill Robotics\n\n"
               "Fernhill Robotics Ltd builds small autonomous vehicles for towns and campuses "
               "in nine countries.\n\n"
               "Media contact: Ola Brandt, +44 113 555 0170, ola@fernhill.example\n\n"
               "SOURCE Fernhill Robotics Ltd\n\n"
               "View original content: https://example.com/news/fernhill\n",
               &a) != 0)
        return;
    ok(gone(&a, "NEWS PROVIDED BY"), "the service's label goes");
    ok(removed_as(&a, "release", "Fernhill Robotics Ltd"), "the issuer's name under it goes");
    ok(removed_as(&a, "release", "SOURCE Fernhill Robotics Ltd"), "SOURCE X goes");
    ok(removed_as(&a, "release", "View original content: https://example.com/news/fernhill"), "View original content goes");
    ok(gone(&a, "Media contact: Ola Brandt, +44 113 555 0170, ola@fernhill.example"), "a contact line goes");
    ok(removed_as(&a, "release", "About Fernhill Robotics") &&
           removed_as(&a, "release", "Fernhill Robotics Ltd builds small autonomous vehicles for towns and campuses in nine countries."),
       "the About block in the tail goes");
    ok(in_body(&a, "About 40 engineers will work at the site"), "\"About 40 engineers\" stays");
    ok(in_body(&a, "Share prices of its parent rose"), "\"Share prices ...\" stays");
    ok(in_body(&a, "See below for the full list of partners."), "\"See below\" stays");
    article_clear(&a);
}

static void
test_mailing(void)
{
    struct article a;
    if (ingest("/t/letter.txt",
               "View this email in your browser\n\n"
               "Forwarded this? Forward it to a friend or subscribe.\n\n"
               "The harbour ferry will run every 20 minutes from June, the operator said.\n\n"
               "The Harbour Letter\n\n"
               "Ferries, ports and the coast, every Friday morning.\n\n"
               "By signing up you agree to our privacy policy.\n\n"
               "Readers who want fewer trips in winter can write to the operator, which will "
               "decide in March.\n\n"
               "Presented by Seaview Credit Union\n\n"
               "Share this newsletter: https://example.com/s/1\n\n"
               "\xf0\x9f\x91\x8d 38 \xc2\xb7 \xf0\x9f\x92\xac 12\n\n"
               "You are receiving this email because you signed up at example.com.\n"
               "Update your preferences or unsubscribe.\n",
               &a) != 0)
        return;
    ok(gone(&a, "View this email in your browser"), "view in browser goes");
    ok(removed_as(&a, "newsletter", "Forwarded this? Forward it to a friend or subscribe."), "forward to a friend goes");
    ok(removed_as(&a, "newsletter", "By signing up you agree to our privacy policy."), "a form's consent goes");
    ok(removed_as(&a, "newsletter", "Ferries, ports and the coast, every Friday morning.") &&
           removed_as(&a, "newsletter", "The Harbour Letter"),
       "the sign-up box's blurb and heading above the consent go");
    ok(removed_as(&a, "newsletter", "Presented by Seaview Credit Union"), "a sponsor's slot goes");
    ok(gone(&a, "Share this newsletter: https://example.com/s/1"), "share this newsletter goes");
    ok(removed_as(&a, "counter", "\xf0\x9f\x91\x8d 38 \xc2\xb7 \xf0\x9f\x92\xac 12"), "a row of reaction counts goes");
    ok(removed_as(&a, "newsletter", "You are receiving this email because you signed up at example.com."), "why it was sent goes");
    ok(gone(&a, "Update your preferences or unsubscribe."), "preferences go");
    ok(in_body(&a, "The harbour ferry will run every 20 minutes"), "the story stays");
    ok(in_body(&a, "Readers who want fewer trips in winter"), "its last paragraph stays");
    article_clear(&a);
}

static void
test_print(void)
{
    struct article a;
    if (ingest("/t/print.txt",
               "VALLEY ECHO        Monday, June 2, 2025        B1\n\n"
               "Dam repairs to close the lake road\n\n"
               "The county will close the lake road for six weeks while it repairs the spillway of "
               "the old dam.\n\n"
               "Continued on Page B4\n\n"
               "Valley Echo   Page 1 of 2\n\n"
               "DAM | From B1\n\n"
               "Please see TRAILS on B6\n\n"
               "Share prices of the contractor did not move.\n\n"
               "See below for the detour.\n\n"
               "Valley Echo   Page 2 of 2\n",
               &a) != 0)
        return;
    ok(removed_as(&a, "jump", "Continued on Page B4"), "continued on page goes");
    ok(removed_as(&a, "jump", "DAM | From B1"), "a jump's head goes");
    ok(removed_as(&a, "jump", "Please see TRAILS on B6"), "please see SLUG on page goes");
    ok(gone(&a, "Valley Echo   Page 1 of 2") && gone(&a, "Valley Echo   Page 2 of 2"),
       "a footer with a page counter goes");
    ok(in_body(&a, "Share prices of the contractor did not move."), "a story line stays");
    ok(in_body(&a, "See below for the detour."), "\"See below\" is no jump");
    article_clear(&a);
}

static void
test_pager_and_signoff(void)
{
    struct article a;
    if (ingest("/t/blog.txt",
               "Night trains return to the valley\n\n"
               "A night train between the capital and the valley will run three times a week "
               "from December, the rail operator said on Tuesday.\n\n"
               "Powered by the same electric locomotives as the day trains, it will take nine "
               "hours.\n\n"
               "Newer Post Older Post Home\n\n"
               "Powered by Blogstack\n\n"
               "View source version on example.com: https://example.com/news/1\n\n"
               "-- Agence France-Presse\n",
               &a) != 0)
        return;
    ok(removed_as(&a, "pager", "Newer Post Older Post Home"), "a blog's pager goes");
    ok(removed_as(&a, "credit", "Powered by Blogstack"), "\"Powered by X\" goes");
    ok(gone(&a, "View source version on example.com"), "\"View source version\" goes");
    ok(gone(&a, "-- Agence France-Presse"), "an agency's sign-off as the last line goes");
    ok(in_body(&a, "Powered by the same electric locomotives"), "a sentence opening \"Powered by\" stays");
    article_clear(&a);
}

static void
test_split_words(void)
{
    struct article a;
    if (ingest("/t/split.txt",
               "Hospital wing to open in the autumn\n\n"
               "The county said on Monday that the new wing of its only public hospi-\n"
               "tal would open in the autumn, after a long-running dispute over the\n"
               "builder's bills, and that the long view of the board was that a long-\n"
               "term loan from the state would cover the rest of the costs by the end\n"
               "of the year, when the first patients are due to move into the wards.\n",
               &a) != 0)
        return;
    ok(in_body(&a, "public hospital would open"), "a word split at a line's end is whole again");
    ok(in_body(&a, "a long-term loan"), "a compound whose part is a word of the text keeps its hyphen");
    article_clear(&a);
}

int
main(void)
{
    if (fixture_open() != 0)
        return 1;
    test_release();
    test_mailing();
    test_print();
    test_pager_and_signoff();
    test_split_words();
    fixture_close();
    return done_testing();
}
