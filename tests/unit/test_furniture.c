/*
 * test_furniture.c — furniture told by shape (clean_promos.c) and by place
 * in the document (clean_blocks.c): live-blog times and labels, embedded
 * posts, tag lists, contact lines, app, podcast and donation appeals,
 * "Read more ... our" pointers, slash counters, "Supplied" credits, pull
 * quotes and contents lists; and the lines of a story that look like them
 * and must stay. Every text is ours.
 */
#include "config.h"

#include "tests/unit/ingest_fixture.h"

static void
test_live_blog(void)
{
    struct article a;
    if (ingest(
            "/t/live.txt",
            "Floods close the Severn crossings\n\n"
            "Pinned\n\n"
            "12:41Key event\n\n"
            "Engineers reopened one lane of the bridge after the water level fell by a metre.\n\n"
            "9.30am\n\n"
            "3h ago\n\n"
            "Updated at 10.05am\n\n"
            "The bridge is open again. pic.twitter.com/Ab12Cd34\n\n"
            "Click to share on WhatsApp (Opens in new window)\n\n"
            "The council said the ferry would run again at 12:41 on Tuesday.\n\n"
            "3.14159\n",
            &a) != 0)
        return;
    ok(removed_as(&a, "label", "Pinned"), "live: a \"Pinned\" label goes");
    ok(removed_as(&a, "time", "12:41Key event"), "live: a time glued to a label goes");
    ok(removed_as(&a, "time", "9.30am"), "live: a time stamp alone goes");
    ok(removed_as(&a, "time", "3h ago"), "live: a compact relative time goes");
    ok(removed_as(&a, "time", "Updated at 10.05am"), "live: an \"Updated at\" time goes");
    ok(removed_as(&a, "embed", "The bridge is open again. pic.twitter.com/Ab12Cd34"),
       "embed: a post's text ending in its short link goes");
    ok(removed_as(&a, "label", "Click to share on WhatsApp (Opens in new window)"),
       "label: a share button's text goes");
    ok(in_body(&a, "The council said the ferry would run again at 12:41 on Tuesday."),
       "live: a sentence holding a time stays");
    ok(in_body(&a, "3.14159"), "live: a number with many decimals is no time");
    article_clear(&a);
}

static void
test_embeds_and_tags(void)
{
    struct article a;
    if (ingest("/t/embed.txt",
               "Mayor's post on bus fares draws anger\n\n"
               "The mayor announced the fare rise on social media on Sunday night.\n\n"
               "Fares go up on Monday. Nobody likes it, but the buses must run.\n\n"
               "\xe2\x80\x94 Jane Mayor (@janemayor) March 3, 2024\n\n"
               "The transport minister said the mayor had not consulted anyone.\n\n"
               "Tom Minister (@tomminister) March 4, 2024\n\n"
               "Topics: Transport, Buses, Local government\n\n"
               "Contact the writer at writer@example.org\n",
               &a) != 0)
        return;
    ok(removed_as(&a, "embed", "\xe2\x80\x94 Jane Mayor (@janemayor) March 3, 2024"),
       "embed: a post's signature goes");
    ok(removed_as(&a, "embed", "Fares go up on Monday. Nobody likes it, but the buses must run."),
       "embed: the post's text above its signature goes");
    ok(in_body(&a, "The transport minister said the mayor had not consulted anyone."),
       "embed: reported speech above a signature stays");
    ok(removed_as(&a, "label", "Topics: Transport, Buses, Local government"),
       "tags: a topics list goes");
    ok(removed_as(&a, "contact", "Contact the writer at writer@example.org"),
       "contact: a call to write to the writer goes");
    article_clear(&a);
}

static void
test_appeals(void)
{
    struct article a;
    if (ingest("/t/appeal.txt",
               "Phone makers race to cut update sizes\n\n"
               "Listen to our weekly technology podcast on Apple Podcasts or Spotify.\n\n"
               "In order to update the app, the phone downloads a patch from Google Play, the "
               "company said.\n\n"
               "Independent journalism needs your support. Every contribution keeps our reporting "
               "free.\n\n"
               "The charity said donations from readers had paid for its reporting in 2023.\n\n"
               "Read more about the patch format in our earlier coverage.\n\n"
               "Read the manual before updating: some phones lose their settings.\n",
               &a) != 0)
        return;
    ok(removed_as(&a, "promo",
                  "Listen to our weekly technology podcast on Apple Podcasts or Spotify."),
       "promo: a podcast promo goes");
    ok(in_body(&a, "In order to update the app, the phone downloads a patch from Google Play"),
       "promo: a sentence about an app stays");
    ok(removed_as(&a, "promo",
                  "Independent journalism needs your support. Every contribution keeps our "
                  "reporting free."),
       "promo: a donation appeal goes");
    ok(in_body(&a, "The charity said donations from readers had paid for its reporting in 2023."),
       "promo: reporting about donations stays");
    ok(removed_as(&a, "related", "Read more about the patch format in our earlier coverage."),
       "related: a \"Read more ... our\" pointer goes");
    ok(in_body(&a, "Read the manual before updating: some phones lose their settings."),
       "related: a sentence opening with \"Read\" stays");
    article_clear(&a);
}

static void
test_repeats(void)
{
    struct article a;
    if (ingest(
            "/t/repeat.txt",
            "A guide to planting garlic\n\n"
            "Contents\n\n"
            "Choosing cloves\n\n"
            "Planting depth\n\n"
            "Garlic grows best from cloves bought from a nursery, not a supermarket.\n\n"
            "\"Plant it when the soil is cold and forget it.\"\n\n"
            "Choosing cloves\n\n"
            "\"Plant it when the soil is cold and forget it,\" said Ann Grower, who has grown "
            "garlic for thirty years.\n\n"
            "Planting depth\n\n"
            "Set each clove five centimetres deep.\n\n"
            "\"No, thank you.\"\n\n"
            "He said \"No, thank you\" to the first offer and \"No, thank you\" to the second.\n\n"
            "He wrote \"No, thank you\" on the card as well.\n",
            &a) != 0)
        return;
    ok(removed_as(&a, "contents", "Choosing cloves") &&
           removed_as(&a, "contents", "Planting depth"),
       "contents: entries repeating the headings below go");
    ok(has_line(a.body, "Choosing cloves") && has_line(a.body, "Planting depth"),
       "contents: the headings themselves stay");
    ok(removed_as(&a, "pullquote", "\"Plant it when the soil is cold and forget it.\""),
       "pull quote: a quotation said once more in the text goes");
    ok(has_line(a.body, "\"No, thank you.\""), "pull quote: a refrain said often stays");
    article_clear(&a);
}

static void
test_lists_and_credits(void)
{
    struct article a;
    if (ingest("/t/lists.txt",
               "Airport traffic recovers\n\n"
               "Passenger numbers rose at every big airport last year, the council said.\n\n"
               "The top three were:\n\n"
               "Atlanta\n\n"
               "Dubai\n\n"
               "Dallas\n\n"
               "1 / 8\n\n"
               "Runways near the coast after the storm. Supplied: Port Authority\n\n"
               "Video: Reuters\n\n"
               "Most read\n\n"
               "1\n\n"
               "Ferry strike called off\n\n"
               "2\n\n"
               "New bridge opens in March\n",
               &a) != 0)
        return;
    ok(has_line(a.body, "Atlanta") && has_line(a.body, "Dubai") && has_line(a.body, "Dallas"),
       "lists: a list of real items stays");
    ok(removed_as(&a, "gallery", "1 / 8"), "gallery: a slash counter goes");
    ok(removed_as(&a, "caption",
                  "Runways near the coast after the storm. Supplied: Port Authority"),
       "caption: a \"Supplied\" credit goes");
    ok(removed_as(&a, "video", "Video: Reuters"), "video: a player's source goes");
    ok(removed_as(&a, "related", "Ferry strike called off") &&
           removed_as(&a, "related", "New bridge opens in March") && removed_as(&a, "related", "2"),
       "related: a ranked list's numbers and headlines go");
    article_clear(&a);
}

static void
test_cards_and_counts(void)
{
    struct article a;
    if (ingest("/t/cards.txt",
               "Bakers count the cost of rent\n\n"
               "The first lesson was that rent matters more than flour. We paid more for the lease "
               "in a month than for a year of flour.\n\n"
               "We paid more for the lease in a month than for a year of flour.\n\n"
               "1.2K 34\n\n"
               "Bakers in the city paid 12 percent more rent this year than last.\n\n"
               "Markets Daily\n\n"
               "The day's moves, explained. Delivered weekdays at 5pm.\n\n"
               "Milk is delivered every morning to the bakery's back door.\n\n"
               "Enjoyed this piece? Share it with a friend, or subscribe to get our stories.\n\n"
               "Subscribers rose by a tenth last year, the bakers' guild reported.\n\n"
               "Have feedback? Email us at desk@example.org.\n\n"
               "Related Party Transactions\n\n"
               "Payments To The Chairman's Firm\n\n"
               "Trending Tickers\n",
               &a) != 0)
        return;
    ok(removed_as(&a, "pullquote",
                  "We paid more for the lease in a month than for a year of flour."),
       "pull quote: a sentence set beside the paragraph that holds it goes");
    ok(in_body(&a, "The first lesson was that rent matters more than flour."),
       "pull quote: the paragraph itself stays");
    ok(removed_as(&a, "label", "1.2K 34"), "count: a row of scaled counters goes");
    ok(removed_as(&a, "newsletter", "Markets Daily") &&
           removed_as(&a, "newsletter", "The day's moves, explained. Delivered weekdays at 5pm."),
       "newsletter: a card's heading and delivery blurb go");
    ok(in_body(&a, "Milk is delivered every morning to the bakery's back door."),
       "newsletter: a sentence about deliveries stays");
    ok(removed_as(&a, "newsletter",
                  "Enjoyed this piece? Share it with a friend, or subscribe to get our stories."),
       "newsletter: a call to subscribe after a question goes");
    ok(in_body(&a, "Subscribers rose by a tenth last year"),
       "newsletter: subscribers in prose stay");
    ok(removed_as(&a, "tip", "Have feedback? Email us at desk@example.org."),
       "tip: a feedback question with an address goes");
    ok(removed_as(&a, "label", "Trending Tickers"), "label: a recirculation heading goes");
    ok(has_line(a.body, "Related Party Transactions") &&
           has_line(a.body, "Payments To The Chairman's Firm"),
       "label: a heading of the text opening with \"Related\" stays, and the one under it");
    article_clear(&a);
}

int
main(void)
{
    if (fixture_open() != 0)
        return 1;
    test_live_blog();
    test_embeds_and_tags();
    test_appeals();
    test_repeats();
    test_lists_and_credits();
    test_cards_and_counts();
    fixture_close();
    return done_testing();
}
