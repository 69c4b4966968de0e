/*
 * test_fig_measures.c — figures of the fourteenth pass: measures the older
 * tables lacked (km per hour, head, carats, mg, miles, square feet written
 * with hyphens), a dateline's peso, bare numbers named by the words before
 * them (a ratio, a verb of harm, a verb an earlier count followed, a level
 * after a change), statistics of two words, points in a poll, and the
 * subjects of restatements, long phrases and conversions; and of the
 * fifteenth: signs ("minus 31 degrees"), a dateline's crown, pips, light
 * years, payrolls in jobs, a swing in points, ranges.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/extract.h"
#include "tap.h"

#include "figure_checks.h"

int
main(void)
{
    const char *assets = getenv("DOSSIER_ASSETS");
    char *fallback = xasprintf("%s/assets", DOSSIER_SRCDIR);
    struct ds_error err;
    ds_error_clear(&err);
    if (extractor_open(assets ? assets : fallback, NULL, &ex, &err) != 0) {
        diag("extractor_open: %s", err.msg);
        ok(0, "extractor opens");
        free(fallback);
        return done_testing();
    }
    free(fallback);

    /* measures the older tables lacked; a bare number named by the words before it */
    money("The storm packed winds of 185 km per hour.", "185 km per hour", 185, "km/h", NULL,
          FIGURE_QUANTITY);
    money("Cattle on feed totalled 9.42 mln head on January 1.", "9.42 mln head", 9.42e6, "head",
          "million", FIGURE_QUANTITY);
    none("The 12 head coaches met.");
    money("MANILA, Nov 4 - Losses were put at 560 mln pesos.", "560 mln pesos", 560e6, "PHP",
          "million", FIGURE_AMOUNT);
    none("It goes from 0 to 60 mph in 3.4 seconds.");
    money("Tenders totalled 27.9 billion dlrs, a bid-to-cover ratio of 2.86.", "2.86", 2.86,
          "times", NULL, FIGURE_QUANTITY);
    money("Shelling killed 23 people and wounded 71 on Sunday.", "71", 71, "people", NULL,
          FIGURE_COUNT);
    money("The toll rose to 712 dead.", "712 dead", 712, "people", NULL, FIGURE_COUNT);
    money("GM sold 118,422 cars, while Ford sold 84,610, up 2.3 pct.", "84,610", 84610, "cars",
          NULL, FIGURE_QUANTITY);
    money("Enrolment fell by 12,400 to 1.38 million students.", "12,400", 12400, "students", NULL,
          FIGURE_COUNT);
    money("Their kicker missed two field goals.", "two field goals", 2, "field goals", NULL,
          FIGURE_COUNT);
    money("Approval slipped to 41 percent, down three points since June.", "three points", 3, "pp",
          NULL, FIGURE_CHANGE);
    /* subjects: a restatement after "or", a long phrase cut at a preposition, a bound
     * "at least", a doer's yards, a conversion in mph, a modified light noun */
    context("It put the deficit at 5.6 billion shillings, or 4.1 pct of gross domestic product.",
            "4.1 pct", NULL, NULL, "deficit", NULL);
    context("Cattle and calves on feed for slaughter in the major states totalled 9.42 mln head.",
            "9.42 mln head", NULL, NULL, "Cattle and calves", NULL);
    context("Typhoon Ruping killed at least 118 people on Saturday.", "118 people", NULL, NULL,
            "Typhoon Ruping", "at least");
    context("Dan Reyes completed 24 of 33 passes for 311 yards.", "311 yards", NULL, NULL,
            "Dan Reyes", NULL);
    context("The storm packed winds of 185 km per hour (115 mph).", "115 mph", NULL, NULL, "storm",
            NULL);
    context("Power will cost 24.50p per kWh with a standing charge of 60.10p a day.", "60.10p",
            NULL, NULL, "standing charge", NULL);
    /* hyphenated areas, counts after a two-word name, fractions after "nearly" */
    money("The deal was a law firm's 310,000-square-foot renewal in Midtown.",
          "310,000-square-foot", 310000, "square feet", NULL, FIGURE_QUANTITY);
    money("Some 1,400 National Guard members were sent to clear roads.",
          "1,400 National Guard members", 1400, "members", NULL, FIGURE_COUNT);
    money("Sales dropped by nearly a quarter from the same period.", "a quarter", 25, "%", NULL,
          FIGURE_SHARE);
    /* a reproduction number, a passive after a scaled count, a whole measure "from 41" */
    money("The reproduction number is now estimated at 1.1, officials said.", "1.1", 1.1, "R",
          NULL, FIGURE_QUANTITY);
    money("So far 2.68 crore homes have been completed.", "2.68 crore homes", 26.8e6, "homes",
          "crore", FIGURE_COUNT);
    money("The grade rose to 46 carats per hundred tonnes from 41.", "41", 41,
          "carats per hundred tonnes", NULL, FIGURE_QUANTITY);
    absent("Its motors make 670 horsepower, enough to go from 0 to 60 mph in 3.4 seconds.", "0");
    /* the sayer of "said it", a name before an age */
    context("Messaging app Lumo said it now has 300 million monthly users.",
            "300 million monthly users", NULL, NULL, "Messaging app Lumo", NULL);
    context("Okafor, 24, scored 27 goals in 34 league games last season.", "27 goals", NULL, NULL,
            "Okafor", NULL);
    /* the noun a measure qualifies; never inside a subject before its verb */
    context("It has a range of 358 miles from its 100 kWh battery.", "100 kWh", NULL, NULL,
            "battery", NULL);
    context("The plan is a 400-megawatt solar farm near the coast.", "400-megawatt", NULL, NULL,
            "solar farm", NULL);
    /* a scaled part of a scaled whole: "3.88 crore of the 5.3 crore registered voters" */
    money("Turnout was 73.2 per cent, with 3.88 crore of the 5.3 crore registered voters voting.",
          "3.88 crore", 38.8e6, "voters", "crore", FIGURE_COUNT);
    /* heldout15's pass: signs, a dateline's crown, pips, light years, jobs,
     * a swing in points, ranges of a repeated scale and of a noun */
    money("Temperatures fell to minus 31 degrees Celsius overnight.", "minus 31 degrees Celsius",
          -31, "\xc2\xb0" "C", NULL, FIGURE_QUANTITY);
    money("Lows of -8C are forecast.", "-8C", -8, "\xc2\xb0" "C", NULL, FIGURE_QUANTITY);
    money("It fell to minus 27 degrees, and wind chills reached minus 52, they said.", "minus 52",
          -52, "degrees", NULL, FIGURE_QUANTITY);
    money("The margin of error is plus or minus 3 percentage points.", "3 percentage points", 3,
          "pp", NULL, FIGURE_CHANGE);
    money("STOCKHOLM, Feb 11 - Its shares fell to 188 crowns.", "188 crowns", 188, "SEK", NULL,
          FIGURE_AMOUNT);
    money("OSLO, Feb 11 - Its shares fell to 188 crowns.", "188 crowns", 188, "NOK", NULL,
          FIGURE_AMOUNT);
    money("The dollar slipped 45 pips to 118.20 yen.", "45 pips", 45, "pips", NULL,
          FIGURE_QUANTITY);
    money("It orbits a red dwarf 41 light years away.", "41 light years", 41, "light years", NULL,
          FIGURE_QUANTITY);
    money("Non-farm payrolls rose 117,000 in July.", "117,000", 117000, "jobs", NULL,
          FIGURE_COUNT);
    money("Her margin marked a swing of 9 points from the last race.", "9 points", 9, "pp", NULL,
          FIGURE_CHANGE);
    money("STOCKHOLM, Feb 11 - It expects profit of 1.8 billion to 2.1 billion crowns.",
          "1.8 billion to 2.1 billion crowns", 1.8e9, "SEK", "billion", FIGURE_AMOUNT);
    money("It cut its outlook, down from its earlier forecast of $4.60 to $4.80 a share.",
          "$4.60 to $4.80", 4.6, "USD", NULL, FIGURE_AMOUNT);
    absent("Profit rose 2% to 3% of sales.", "2% to 3%");
    extractor_free(&ex);
    ok(ex == NULL, "extractor_free clears the pointer");
    return done_testing();
}
