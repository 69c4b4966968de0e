/*
 * extract/units.c — the figure extractor's vocabulary: the word lists that
 * classify a figure's context (direction, rate, share, labels, months...),
 * unit words and currency names with their ISO 4217 codes, currency signs,
 * scale words, and the parsing of a written number.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lib.h"

/* ---- classification tables ----------------------------------------------------- */

static const char *const fig_up_words[] = {
    "up", "rose", "rise", "rises", "risen", "rising", "increase", "increased", "increases",
    "increasing", "grew", "grow", "grown", "grows", "growth", "gain", "gained", "gains", "jump",
    "jumped", "jumps", "surge", "surged", "surges", "climb", "climbed", "climbs", "soar", "soared",
    "higher", "expand", "expanded", "expansion", "boost", "boosted", "added", "rebound",
    "rebounded", "increment", "raise", "raised", "hike", "hiked", "upturn", NULL};
static const char *const fig_down_words[] = {
    "down", "fell", "fall", "falls", "fallen", "falling", "decline", "declined", "declines",
    "declining", "decrease", "decreased", "decreases", "drop", "dropped", "drops", "slump",
    "slumped", "plunge", "plunged", "shrank", "shrink", "shrunk", "contract", "contracted",
    "contraction", "lower", "cut", "cuts", "cutting", "slid", "slide", "slipped", "dipped", "dip",
    "lost", "loss", "reduce", "reduced", "reduction", "tumbled", "sank", "eased", "lowered",
    "slowed", NULL};
static const char *const fig_rate_words[] = {
    "rate", "rates", "tariff", "tariffs", "duty", "duties", "tax", "taxes", "interest", "inflation",
    "unemployment", "yield", "yields", "levy", "vat", "margin", "margins", "ratio", NULL};
static const char *const fig_share_words[] = {"share", "stake", "accounting", "accounted",
                                              "accounts", "comprising", "proportion", NULL};
static const char *const fig_time_nouns[] = {
    "years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades", "centuries",
    "times", "points", "pages", "percent", "yards", "metres", "meters", "miles", "feet", "inches",
    "degrees", "episodes", "laps", "rounds", "mths", "yrs", "wks", "hrs", "mins",
    "secs", "qtrs", "nights", "places", "spots", "games", "matches", NULL};
static const char *const fig_label_words[] = {
    "Section", "Article", "Chapter", "Version", "No", "Number", "Phase", "Level", "Title", "Rule",
    "Room", "Route", "Flight", "Item", "Part", "Paragraph", "Clause", "Schedule", "Annex", "Grade",
    "Class", "Category", "Type", "Model", "Series", "Windows", "Highway", "Line", "Platform",
    "Gate", "Channel", "Resolution", "Page", "Vol", "Volume", "Act", "Order", "Regulation",
    "Directive", "Tier", "Stage", "Week", "Day", "Game", "Match", "Round", "Formula", "Box",
    "Suite", "Unit", "Building", "Floor", "Apollo", "Boeing", "Airbus", "iPhone", NULL};
static const char *const fig_approx_1[] = {"about", "around", "approximately", "roughly", "nearly",
                                           "almost", "some", "over", "under", "estimated", NULL};

static const char *const fig_verbs[] = {
    "hit", "hits", "reached", "reach", "reaches", "reaching", "amounted", "amounting", "amount",
    "amounts", "totalled", "totaled", "totalling", "totaling", "total", "totals", "was", "were",
    "is", "are", "be", "been", "being", "stood", "stands", "stand", "exceeded", "exceeds",
    "exceed", "topped", "tops", "rose", "rise", "rises", "risen", "fell", "falls", "fall", "grew",
    "grow", "grows", "jumped", "surged", "increased", "decreased", "declined", "dropped", "climbed",
    "gained", "valued", "worth", "of", "by", "to", "at", "from", "on", "for", "with", "up", "down",
    "than", "between", "imported", "exported", "bought", "sold", "traded",
    "buy", "sell", "spent", "spend", "spends", "invested", "invest", "raised", "raise", "earned",
    "made", "paid", "pay", "lost", "cut", "cost", "costs", "posted", "recorded", "reported",
    "registered", "saw", "see", "sees", "announced", "approved", "pledged", "allocated",
    "received", "generated", "produced", "handled", "shipped", "hitting", "reaching", "as",
    "about", "around", "nearly", "almost", "roughly", "approximately", "some", "over", "under",
    "more", "less", "least", "fewer", "estimated", "an", "a", "the", "only", "just", "has", "have",
    "had", "all", "also", "will", "would", "could", "may", "might", "already", "reportedly",
    "expected", "likely", "set", "and", "or",
    /* verbs that take an amount as object or say how it moved */
    "took", "takes", "take", "taking", "gave", "give", "gives", "won", "win", "wins", "got",
    "get", "gets", "brought", "bring", "brings", "owe", "owes", "lent", "lend", "offer",
    "offers", "charge", "charges", "earn", "earns", "earning", "make", "makes", "making",
    "pays", "paying", "receive", "receives", "fetch", "fetches", "drew", "need", "needs",
    "require", "requires", "costing", "selling", "sells", "employ", "employs", "hold", "holds",
    "held", "own", "owns", "surge", "surges", "jump", "jumps", "soar", "soars", "slump",
    "slumps", "dip", "dips", "climb", "climbs", "slid", "slide", "slides", "sank", "shrank",
    "lose", "loses", "losing", "rising", "falling", "grown", "fallen", "agrees", "agree",
    "stays", "stay", "remain", "remains", "values",
    /* market moves not ending in "-ed" ("BHP shed 1.2%", "Infosys adds 2%") */
    "shed", "sheds", "adds", "eases", "slips", "sink", "sinks", NULL};
static const char *const fig_strong_verbs[] = {
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "could",
    "should", "may", "might", "can", "grown", "grew", "rose", "risen", "fell", "fallen", "hit",
    "reached", "amounted", "totalled", "totaled", "stood", "exceeded", "jumped", "surged",
    "increased", "decreased", "declined", "dropped", "climbed", "gained", "cutting", "reducing",
    "raising", "boosting", "increasing", "expanding", "lifting", "imported", "exported", "bought",
    "sold", "spent", "invested", "raised", "earned", "made", "paid", "lost", "cost", "posted",
    "recorded", "reported", "registered", "saw", "said", "says", "plans", "planned", "wants",
    "wanted", "expects", "expected", "hopes", "aims", "aimed", "seeks", "sought", "needs",
    "needed", "traded", "imposed", "announced", "approved", "pledged", "expect", "forecast",
    "cut", "lower", "raise", "reduce", "suspend", "lift", "impose", "slash", "hike", "suspending",
    "lowering", "slashing", "lifting", "keep", "keeps", "kept",
    "slipped", "improved", "handled", "employs", "held", "kept", "told", NULL};
static const char *const fig_preps[] = {"at", "in", "on", "by", "to", "for", "with", "from",
                                        "of", "over", "under", "into", "as", NULL};
static const char *const fig_after_stop[] = {
    "in", "from", "to", "for", "on", "at", "by", "with", "and", "or", "of", "worth", "a", "an",
    "the", "this", "that", "last", "year-on-year", "is", "was", "were", "are", "has", "have",
    "had", "will", "would", "could", "took", "came", "went", "said", "says", "each", "per",
    "over", "since", "between", "than", "more", "less", "up", "down", "which", "who", "when",
    "while", "after", "before", "as", "into", "off", "out", "vs", "versus", "against", NULL};
static const char *const fig_change_nouns[] = {
    "increase", "decrease", "rise", "fall", "growth", "decline", "drop", "gain", "jump", "surge",
    "year-on-year increase", "it", "which", "this", "that", "they", "accounting", "up", "down",
    "share", "total", "with", "while", "who", NULL};
static const char *const fig_lead_words[] = {
    "the", "a", "an", "and", "but", "while", "with", "that", "which", "as", "its", "their", "so",
    "when", "where", "after", "before", "since", "meanwhile", "moreover", "however", "also", NULL};

static const char *const fig_months[] = {
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr",
    "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", NULL};
static const char *const fig_weak[] = {"we", "it", "they", "he", "she", "i", "you", "now", "then",
    "this", "that", "there", "here", "which", "who", NULL};
static const char *const fig_subj_stops[] = {"in", "from", "to", "for", "on", "at", "by",
    "with", "and", "or", "was", "were", "is", "are",
    "this", "last", "that", "which", "over", NULL};

const char *const *const fig_lists[FW_COUNT] = {
    fig_up_words, fig_down_words, fig_rate_words, fig_share_words, fig_time_nouns,
    fig_label_words, fig_approx_1, fig_verbs, fig_strong_verbs, fig_preps, fig_after_stop,
    fig_change_nouns, fig_lead_words, fig_months, fig_weak, fig_subj_stops,
};


/* The value of a number written in words ("five", "twenty-two"), or -1. */
static double
fig_word_value(const char *s, size_t a, size_t b)
{
    static const char *const ones[] = {"zero", "one", "two", "three", "four", "five", "six",
                                       "seven", "eight", "nine", "ten", "eleven", "twelve",
                                       "thirteen", "fourteen", "fifteen", "sixteen",
                                       "seventeen", "eighteen", "nineteen"};
    static const char *const tens[] = {"twenty", "thirty", "forty", "fifty", "sixty",
                                       "seventy", "eighty", "ninety"};
    char w[32];
    size_t n = 0;
    for (size_t i = a; i < b && n + 1 < sizeof w; i++)
        w[n++] = (char)ex_lower((unsigned char)s[i]);
    w[n] = '\0';
    if (strstr(w, "quarter"))
        return w[0] == 't' ? 0.75 : 0.25; /* "a quarter (of a) percentage point" */
    if (strncmp(w, "half", 4) == 0)
        return 0.5; /* "half a percentage point" */
    if (w[0] == 'a' && (!w[1] || w[1] == ' ' || w[1] == '\t'))
        return 1; /* "a (full) percentage point" */
    double v = 0;
    char *rest = w;
    for (size_t t = 0; t < DS_ARRAY_LEN(tens); t++) {
        size_t l = strlen(tens[t]);
        if (strncmp(w, tens[t], l) == 0) {
            v = 20 + 10 * (double)t;
            rest = w + l;
            if (*rest == '-')
                rest++;
            break;
        }
    }
    if (!*rest)
        return v;
    for (size_t o = 0; o < DS_ARRAY_LEN(ones); o++)
        if (strcmp(rest, ones[o]) == 0)
            return v + (double)o;
    return -1;
}

/* The value of a word of the fractions ("half" 2, "thirds" 3, "tenth"
 * 10), or 0. */
static int
fig_denominator(const char *w)
{
    static const char *const dens[] = {"half", "third", "quarter", "fifth", "sixth",
                                       "seventh", "eighth", "ninth", "tenth"};
    size_t n = strlen(w);
    if (n > 1 && w[n - 1] == 's')
        n--; /* "thirds", "quarters" */
    if (strcmp(w, "halves") == 0)
        return 2;
    for (size_t i = 0; i < DS_ARRAY_LEN(dens); i++)
        if (strlen(dens[i]) == n && strncmp(w, dens[i], n) == 0)
            return (int)i + 2;
    return 0;
}

/* See lib.h. */
double
fig_fraction_words(const char *s, size_t a, size_t b)
{
    char w[48];
    size_t n = 0;
    for (size_t i = a; i < b && n + 1 < sizeof w; i++)
        w[n++] = s[i] == '-' || s[i] == '\t' ? ' ' : (char)ex_lower((unsigned char)s[i]);
    w[n] = '\0';
    char *sp = strchr(w, ' ');
    if (!sp)
        return fig_denominator(w) == 2 ? 50 : -1; /* "half" */
    *sp = '\0';
    char *rest = sp + 1;
    double num = strcmp(w, "a") == 0 ? 1 : ex_is_digit((unsigned char)w[0]) ? atof(w)
                                                                          : fig_word_value(w, 0, strlen(w));
    size_t skip = strncmp(rest, "in every ", 9) == 0 ? 9
                  : strncmp(rest, "in ", 3) == 0       ? 3
                  : strncmp(rest, "out of ", 7) == 0   ? 7
                                                       : 0;
    if (skip) {
        /* "one in ten", "3 in 4", "nine out of 10" */
        double den = ex_is_digit((unsigned char)rest[skip]) ? atof(rest + skip)
                                                            : fig_word_value(rest, skip, strlen(rest));
        return num > 0 && den > num ? 100 * num / den : -1;
    }
    int den = fig_denominator(rest);
    return num > 0 && den > num ? 100 * num / den : -1;
}

double
fig_parse_num(const char *s, size_t a, size_t b)
{
    double hi;
    return fig_parse_num2(s, a, b, &hi);
}

double
fig_parse_num2(const char *s, size_t a, size_t b, double *hi)
{
    char tmp[64];
    size_t k = 0;
    if (a < b && !ex_is_digit((unsigned char)s[a])) {
        *hi = fig_word_value(s, a, b);
        return *hi;
    }
    const char *slash = memchr(s + a, '/', b - a);
    const char *dash = memchr(s + a, '-', b - a);
    if (slash && dash && dash < slash) {
        /* "9-7/8": whole, numerator, denominator; after decimals the
         * fraction is of the last place ("$10.34-1/2" a bushel is 10.345) */
        double whole = strtod(s + a, NULL), num = strtod(dash + 1, NULL);
        double den = strtod(slash + 1, NULL), place = 1;
        const char *dot = memchr(s + a, '.', (size_t)(dash - (s + a)));
        for (const char *d = dot ? dot + 1 : dash; d < dash; d++)
            place /= 10;
        *hi = den > 0 ? whole + place * num / den : whole;
        return *hi;
    }
    if (slash && !dash && !memchr(s + a, '.', b - a)) {
        /* "3/4": numerator, denominator */
        double num = strtod(s + a, NULL), den = strtod(slash + 1, NULL);
        *hi = den > 0 ? num / den : num;
        return *hi;
    }
    for (size_t i = a; i < b && k + 1 < sizeof tmp && s + i != slash; i++)
        if (s[i] != ',')
            tmp[k++] = s[i];
    tmp[k] = '\0';
    double v = strtod(tmp, NULL);
    *hi = v;
    if (slash) {
        /* "1.8135/45": the second quote replaces the last digits */
        size_t tail = (size_t)(s + b - (slash + 1));
        if (tail > 0 && tail < k) {
            memcpy(tmp + k - tail, slash + 1, tail);
            *hi = strtod(tmp, NULL);
        }
    }
    return v;
}


static const struct fig_unitmap fig_units[] = {
    {"%", "%", 0},
    {"percent", "%", 0},
    {"元", "CNY", 2},
    {"美元", "USD", 2},
    {"吨", "tonnes", 3},
    {"per cent", "%", 0},
    {"percentcent", "%", 0},
    {"pct", "%", 0},
    {"percentage point", "pp", 1},
    {"percentage points", "pp", 1},
    {"basis point", "bp", 1},
    {"basis points", "bp", 1},
    {"bps", "bp", 1},
    {"pp", "pp", 1},
    {"dlrs", "USD", 2},
    {"dollar", "USD", 2},
    {"dollars", "USD", 2},
    {"us dollars", "USD", 2},
    {"u.s. dollars", "USD", 2},
    {"hong kong dollars", "HKD", 2},
    {"hk dollars", "HKD", 2},
    {"singapore dollars", "SGD", 2},
    {"australian dollars", "AUD", 2},
    {"canadian dollars", "CAD", 2},
    {"new zealand dollars", "NZD", 2},
    {"taiwan dollars", "TWD", 2},
    {"yuan", "CNY", 2},
    {"renminbi", "CNY", 2},
    {"rmb", "CNY", 2},
    {"euro", "EUR", 2},
    {"euros", "EUR", 2},
    {"pound", "GBP", 2},
    {"pounds", "GBP", 2},
    {"pounds sterling", "GBP", 2},
    {"pound sterling", "GBP", 2},
    {"stg", "GBP", 2},
    {"sterling", "GBP", 2},
    {"yen", "JPY", 2},
    {"won", "KRW", 2},
    {"rupee", "INR", 2},
    {"rupees", "INR", 2},
    {"ringgit", "MYR", 2},
    {"baht", "THB", 2},
    {"rupiah", "IDR", 2},
    {"marks", "DEM", 2},
    {"swiss francs", "CHF", 2},
    {"swiss franc", "CHF", 2},
    {"metric tons", "tonnes", 3},
    {"tonne", "tonnes", 3},
    {"tonnes", "tonnes", 3},
    {"ton", "tons", 3},
    {"tons", "tons", 3},
    {"barrel", "barrels", 3},
    {"barrels", "barrels", 3},
    {"bpd", "barrels per day", 3},
    {"barrels per day", "barrels per day", 3},
    {"barrels a day", "barrels per day", 3},
    {"barrel per day", "barrels per day", 3},
    {"barrel a day", "barrels per day", 3},
    {"bushels per acre", "bushels per acre", 3},
    {"bushels an acre", "bushels per acre", 3},
    {"bushels a acre", "bushels per acre", 3},
    {"bushel per acre", "bushels per acre", 3},
    {"bushel an acre", "bushels per acre", 3},
    {"tonnes per hectare", "tonnes per hectare", 3},
    {"tonnes a hectare", "tonnes per hectare", 3},
    {"tonne per hectare", "tonnes per hectare", 3},
    {"tonne a hectare", "tonnes per hectare", 3},
    {"t/ha", "tonnes per hectare", 3},
    {"tonnes per acre", "tonnes per acre", 3},
    {"tonnes an acre", "tonnes per acre", 3},
    {"tonne per acre", "tonnes per acre", 3},
    {"tonne an acre", "tonnes per acre", 3},
    {"t/acre", "tonnes per acre", 3},
    {"quintals per hectare", "quintals per hectare", 3},
    {"quintals a hectare", "quintals per hectare", 3},
    {"quintal per hectare", "quintals per hectare", 3},
    {"quintal a hectare", "quintals per hectare", 3},
    {"quintals per acre", "quintals per acre", 3},
    {"quintals an acre", "quintals per acre", 3},
    {"quintal per acre", "quintals per acre", 3},
    {"quintal an acre", "quintals per acre", 3},
    {"quintal", "quintals", 3},
    {"quintals", "quintals", 3},
    {"gigatonne", "gigatonnes", 3},
    {"gigatonnes", "gigatonnes", 3},
    {"gigaton", "gigatonnes", 3},
    {"gigatons", "gigatonnes", 3},
    {"megatonne", "megatonnes", 3},
    {"megatonnes", "megatonnes", 3},
    {"bushel", "bushels", 3},
    {"bushels", "bushels", 3},
    {"teu", "TEU", 3},
    {"teus", "TEU", 3},
    {"twenty-foot equivalent units", "TEU", 3},
    {"twenty-foot equivalent unit", "TEU", 3},
    {"cubic metres", "cubic metres", 3},
    {"cubic feet", "cubic feet", 3},
    {"cubic meters", "cubic metres", 3},
    {"square metres", "square metres", 3},
    {"square meters", "square metres", 3},
    {"hectare", "hectares", 3},
    {"hectares", "hectares", 3},
    {"acre", "acres", 3},
    {"acres", "acres", 3},
    {"kilowatt-hour", "kWh", 3},
    {"kilowatt-hours", "kWh", 3},
    {"kilowatt hour", "kWh", 3},
    {"kilowatt hours", "kWh", 3},
    {"kwh", "kWh", 3},
    {"megawatt-hour", "MWh", 3},
    {"megawatt-hours", "MWh", 3},
    {"megawatt hour", "MWh", 3},
    {"megawatt hours", "MWh", 3},
    {"gigawatt-hour", "GWh", 3},
    {"gigawatt-hours", "GWh", 3},
    {"gigawatt hour", "GWh", 3},
    {"gigawatt hours", "GWh", 3},
    {"mwh", "MWh", 3},
    {"gwh", "GWh", 3},
    {"twh", "TWh", 3},
    {"mw", "MW", 3},
    {"gw", "GW", 3},
    {"kw", "kW", 3},
    {"kilowatt", "kW", 3},
    {"kilowatts", "kW", 3},
    {"gb", "GB", 3},
    {"tb", "TB", 3},
    {"ghz", "GHz", 3},
    {"mhz", "MHz", 3},
    {"mah", "mAh", 3},
    {"ppm", "ppm", 3},
    {"parts per million", "ppm", 3},
    {"square feet", "square feet", 3},
    {"square foot", "square feet", 3},
    {"sq ft", "square feet", 3},
    {"sq. ft", "square feet", 3},
    {"sq. ft.", "square feet", 3},
    {"sq.ft", "square feet", 3},
    {"sq.ft.", "square feet", 3},
    {"sqft", "square feet", 3},
    {"square kilometres", "square kilometres", 3},
    {"square kilometers", "square kilometres", 3},
    {"sq km", "square kilometres", 3},
    {"sq. km", "square kilometres", 3},
    {"sqkm", "square kilometres", 3},
    {"square miles", "square miles", 3},
    {"megawatt", "MW", 3},
    {"megawatts", "MW", 3},
    {"gigawatt", "GW", 3},
    {"gigawatts", "GW", 3},
    {"kilometres", "km", 3},
    {"kilometers", "km", 3},
    {"km", "km", 3},
    {"kilograms", "kg", 3},
    {"kg", "kg", 3},
    {"mph", "mph", 3},
    {"kph", "km/h", 3},
    {"km/h", "km/h", 3},
    {"kilometres per hour", "km/h", 3},
    {"kilometers per hour", "km/h", 3},
    {"kilometres an hour", "km/h", 3},
    {"kilometers an hour", "km/h", 3},
    {"kilometres a hour", "km/h", 3},
    {"kilometers a hour", "km/h", 3},
    {"millimetres", "mm", 3},
    {"millimeters", "mm", 3},
    {"centimetres", "cm", 3},
    {"centimeters", "cm", 3},
    {"g/t", "g/t", 3},
    {"grams per tonne", "g/t", 3},
    {"gram per tonne", "g/t", 3},
    {"grams a tonne", "g/t", 3},
    {"gram a tonne", "g/t", 3},
    {"dwt", "dwt", 3},
    {"ounces", "ounces", 3},
    {"units", "units", 3},
    {"vehicles", "vehicles", 3},
    {"cars", "cars", 3},
    {"usd", "USD", 2},
    {"eur", "EUR", 2},
    {"gbp", "GBP", 2},
    {"jpy", "JPY", 2},
    {"cny", "CNY", 2},
    {"chf", "CHF", 2},
    {"cad", "CAD", 2},
    {"aud", "AUD", 2},
    {"nzd", "NZD", 2},
    {"hkd", "HKD", 2},
    {"sgd", "SGD", 2},
    {"twd", "TWD", 2},
    {"inr", "INR", 2},
    {"krw", "KRW", 2},
    {"zar", "ZAR", 2},
    {"brl", "BRL", 2},
    {"mxn", "MXN", 2},
    {"rub", "RUB", 2},
    {"sek", "SEK", 2},
    {"nok", "NOK", 2},
    {"dkk", "DKK", 2},
    {"pln", "PLN", 2},
    {"czk", "CZK", 2},
    {"huf", "HUF", 2},
    {"try", "TRY", 2},
    {"ils", "ILS", 2},
    {"sar", "SAR", 2},
    {"aed", "AED", 2},
    {"qar", "QAR", 2},
    {"kwd", "KWD", 2},
    {"egp", "EGP", 2},
    {"ngn", "NGN", 2},
    {"kes", "KES", 2},
    {"idr", "IDR", 2},
    {"myr", "MYR", 2},
    {"thb", "THB", 2},
    {"php", "PHP", 2},
    {"vnd", "VND", 2},
    {"pkr", "PKR", 2},
    {"bdt", "BDT", 2},
    {"ars", "ARS", 2},
    {"clp", "CLP", 2},
    {"cop", "COP", 2},
    {"pen", "PEN", 2},
    {"uah", "UAH", 2},
    {"ron", "RON", 2},
    {"dlr", "USD", 2},
    {"u.s. dlrs", "USD", 2},
    {"u.s. dlr", "USD", 2},
    {"us dlrs", "USD", 2},
    {"u.s dlrs", "USD", 2},
    {"us dollar", "USD", 2},
    {"u.s. dollar", "USD", 2},
    {"hong kong dollar", "HKD", 2},
    {"hk dollar", "HKD", 2},
    {"singapore dollar", "SGD", 2},
    {"australian dollar", "AUD", 2},
    {"canadian dollar", "CAD", 2},
    {"new zealand dollar", "NZD", 2},
    {"taiwan dollar", "TWD", 2},
    {"ringgits", "MYR", 2},
    {"french franc", "FRF", 2},
    {"french francs", "FRF", 2},
    {"belgian franc", "BEF", 2},
    {"belgian francs", "BEF", 2},
    {"franc", "CHF", 2},
    {"francs", "CHF", 2},
    {"d-marks", "DEM", 2},
    {"dmarks", "DEM", 2},
    {"deutsche mark", "DEM", 2},
    {"deutsche marks", "DEM", 2},
    {"deutschemark", "DEM", 2},
    {"deutschemarks", "DEM", 2},
    {"guilder", "NLG", 2},
    {"guilders", "NLG", 2},
    {"lire", "ITL", 2},
    {"lira", "TRY", 2},
    {"peseta", "ESP", 2},
    {"pesetas", "ESP", 2},
    {"escudo", "PTE", 2},
    {"escudos", "PTE", 2},
    {"drachma", "GRD", 2},
    {"drachmas", "GRD", 2},
    {"kronor", "SEK", 2},
    {"krona", "SEK", 2},
    {"kronur", "ISK", 2},
    {"kroner", "NOK", 2},
    {"krone", "NOK", 2},
    {"rand", "ZAR", 2},
    {"peso", "MXN", 2},
    {"pesos", "MXN", 2},
    {"reais", "BRL", 2},
    {"ruble", "RUB", 2},
    {"rubles", "RUB", 2},
    {"rouble", "RUB", 2},
    {"roubles", "RUB", 2},
    {"dinar", "KWD", 2},
    {"dinars", "KWD", 2},
    {"riyal", "SAR", 2},
    {"riyals", "SAR", 2},
    {"rial", "IRR", 2},
    {"rials", "IRR", 2},
    {"dirham", "AED", 2},
    {"dirhams", "AED", 2},
    {"shekel", "ILS", 2},
    {"shekels", "ILS", 2},
    {"naira", "NGN", 2},
    {"shilling", "KES", 2},
    {"shillings", "KES", 2},
    {"zloty", "PLN", 2},
    {"zlotys", "PLN", 2},
    {"forint", "HUF", 2},
    {"hryvnia", "UAH", 2},
    {"hryvnias", "UAH", 2},
    {"danish crowns", "DKK", 2},
    {"danish crown", "DKK", 2},
    {"danish kroner", "DKK", 2},
    {"swedish crowns", "SEK", 2},
    {"swedish crown", "SEK", 2},
    {"norwegian crowns", "NOK", 2},
    {"norwegian crown", "NOK", 2},
    {"czech crowns", "CZK", 2},
    {"czech crown", "CZK", 2},
    {"mm", "mm", 3},
    {"cm", "cm", 3},
    {"c", "°C", 3},
    {"°c", "°C", 3},
    {"° c", "°C", 3},
    {"degrees c", "°C", 3},
    {"degrees celsius", "°C", 3},
    {"f", "°F", 3},
    {"°f", "°F", 3},
    {"° f", "°F", 3},
    {"degrees f", "°F", 3},
    {"degrees fahrenheit", "°F", 3},
    {"degrees", "degrees", 3},
    {"per 1,000", "per 1,000", 0},
    {"per 10,000", "per 10,000", 0},
    {"per 100,000", "per 100,000", 0},
    {"per 1,000,000", "per million", 0},
    {"per thousand", "per 1,000", 0},
    {"per million", "per million", 0},
    {"cts", "USD", 4},
    {"cent", "USD", 4},
    {"cents", "USD", 4},
    {"\xc2\xa2", "USD", 4}, /* "38¢" */
    {"u.s. cents", "USD", 4},
    {"us cents", "USD", 4},
    {"u.s. cent", "USD", 4},
    {"us cent", "USD", 4},
    {"paise", "INR", 4},
    {"pence", "GBP", 4},
    {"p", "GBP", 4},
    {"sen", "MYR", 4},
    {"fen", "CNY", 4},
    {"point", "points", 5},
    {"points", "points", 5},
};

const struct fig_unitmap *
fig_unit_lookup(const char *s, size_t a, size_t b)
{
    if (b == a + 1 && s[a] == 'c')
        return fig_unit_lookup("\xc2\xa2", 0, 2); /* "612c": cents; "6C" is a temperature */
    char key[48];
    size_t k = 0;
    bool sp = false;
    for (size_t i = a; i < b && k + 1 < sizeof key; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || (c == 0xC2 && i + 1 < b && (unsigned char)s[i + 1] == 0xA0)) {
            sp = true;
            i += c == 0xC2;
            continue;
        }
        if (sp && k > 0)
            key[k++] = ' ';
        sp = false;
        if (k + 1 < sizeof key)
            key[k++] = (char)ex_lower(c);
    }
    key[k] = '\0';
    for (size_t i = 0; i < DS_ARRAY_LEN(fig_units); i++)
        if (strcmp(fig_units[i].word, key) == 0)
            return &fig_units[i];
    return fig_measure_lookup(key);
}

const char *
fig_currency_code(const char *s, size_t a, size_t b)
{
    size_t n = b - a;
    while (n > 0 && (s[a + n - 1] == ' ' || s[a + n - 1] == '.'))
        n--;
    const char *c = s + a;
#define FIG_IS(lit) (n == sizeof(lit) - 1 && memcmp(c, lit, n) == 0)
    if (FIG_IS("$") || FIG_IS("US$"))
        return "USD";
    if (FIG_IS("HK$"))
        return "HKD";
    if (FIG_IS("S$"))
        return "SGD";
    if (FIG_IS("$US"))
        return "USD"; /* Australian style: "$US105" */
    if (FIG_IS("A$") || FIG_IS("AU$") || FIG_IS("$A"))
        return "AUD";
    if (FIG_IS("C$"))
        return "CAD";
    if (FIG_IS("NT$"))
        return "TWD";
    if (FIG_IS("NZ$") || FIG_IS("$NZ"))
        return "NZD";
    if (FIG_IS("R$"))
        return "BRL";
    if (FIG_IS("R"))
        return "ZAR"; /* "R512.40": the rand */
    if (FIG_IS("€"))
        return "EUR";
    if (FIG_IS("£"))
        return "GBP";
    if (FIG_IS("¥"))
        return "JPY";
    if (FIG_IS("₹") || FIG_IS("Rs"))
        return "INR";
    if (FIG_IS("RMB"))
        return "CNY";
#undef FIG_IS
    return NULL; /* CNY USD EUR ... written as codes: the caller copies them */
}

double
fig_scale_mult(const char *s, size_t a, size_t b, const char **name)
{
    char low[16];
    size_t n = b - a;
    const char *w = s + a;
    if (n < sizeof low && n > 0 && ex_is_alpha((unsigned char)w[0])) {
        for (size_t i = 0; i < n; i++)
            low[i] = (char)ex_lower((unsigned char)w[i]);
        w = low;
    }
#define FIG_SC(lit) (n == sizeof(lit) - 1 && memcmp(w, lit, n) == 0)
    if (FIG_SC("trillion") || FIG_SC("tn") || FIG_SC("trn")) {
        *name = "trillion";
        return 1e12;
    }
    if (FIG_SC("billion") || FIG_SC("bn") || FIG_SC("bln")) {
        *name = "billion";
        return 1e9;
    }
    if (FIG_SC("million") || FIG_SC("mln") || FIG_SC("mn") || FIG_SC("m")) {
        *name = "million";
        return 1e6;
    }
    if (FIG_SC("thousand") || FIG_SC("k")) {
        *name = "thousand";
        return 1e3;
    }
    if (FIG_SC("万亿")) {
        *name = "trillion";
        return 1e12;
    }
    if (FIG_SC("亿")) {
        *name = "hundred million";
        return 1e8;
    }
    if (FIG_SC("万")) {
        *name = "ten thousand";
        return 1e4;
    }
    if (n >= 10 && memcmp(s + a, "lakh", 4) == 0 && memcmp(s + b - 5, "crore", 5) == 0) {
        *name = "lakh crore"; /* "Rs 3.2 lakh crore": a hundred thousand crore */
        return 1e12;
    }
    if (FIG_SC("crore")) {
        *name = "crore";
        return 1e7;
    }
    if (FIG_SC("lakh")) {
        *name = "lakh";
        return 1e5;
    }
#undef FIG_SC
    *name = NULL;
    return 1;
}

/* Dateline cities of places whose papers write their own dollar as a bare
 * "$", with that dollar's code. */
static const struct fig_city fig_dollar_cities[] = {
    {"sydney", "AUD"},       {"melbourne", "AUD"}, {"perth", "AUD"},     {"brisbane", "AUD"},
    {"adelaide", "AUD"},     {"canberra", "AUD"},  {"hobart", "AUD"},    {"darwin", "AUD"},
    {"auckland", "NZD"},     {"wellington", "NZD"}, {"christchurch", "NZD"},
    {"toronto", "CAD"},      {"montreal", "CAD"},  {"ottawa", "CAD"},    {"vancouver", "CAD"},
    {"calgary", "CAD"},      {"edmonton", "CAD"},  {"winnipeg", "CAD"},
};

/* The mark an agency writes before that dollar ("A$", "C$"): a text that
 * writes it keeps bare "$" for the US dollar. */
static bool
fig_dollar_marked(const char *s, size_t n, const char *code)
{
    const char *mark = strcmp(code, "AUD") == 0 ? "A$" : strcmp(code, "NZD") == 0 ? "NZ$" : "C$";
    size_t k = strlen(mark);
    for (const char *p = s; p && (size_t)(p - s) + k <= n;
         p = memchr(p + 1, mark[0], n - (size_t)(p - s) - 1)) {
        if (memcmp(p, mark, k) == 0 && (p == s || !ex_is_alpha((unsigned char)p[-1])))
            return true;
        if ((size_t)(p - s) + 1 >= n)
            break;
    }
    return false;
}

/* The dollar a bare "$" (and bare cents, "¢") means in this text: the
 * local one when its first line opens with the dateline of a city whose
 * papers write it so ("PERTH: Carrick Resources lifted ... to $412
 * million", "TORONTO — ..."), unless an agency's credit follows the city
 * ("SYDNEY, Oct 3 (Reuters) -") or the text marks the local dollar itself
 * ("A$", "C$"): agencies and such texts keep "$" for the US dollar. NULL
 * for the US dollar. */
static const char *fig_dateline_dollar(const char *s, size_t n, size_t a);

static const char *fig_lede_dollar(const char *s, size_t n, size_t a);
static const char *fig_named_dollar(const char *s, size_t n);

const char *
fig_home_dollar(const char *s, size_t n)
{
    /* the dateline opens the first paragraph, after a short section or
     * byline line or two */
    for (size_t a = 0, lines = 0; a < n && a < 400 && lines < 4; lines++) {
        while (a < n && (s[a] == ' ' || s[a] == '\n' || s[a] == '\t'))
            a++;
        const char *code = fig_dateline_dollar(s, n, a);
        if (code)
            return fig_dollar_marked(s, n, code) ? NULL : code;
        const char *nl = memchr(s + a, '\n', n - a);
        if (!nl || nl - (s + a) > 80) {
            /* a paragraph without a dateline: its place, or the dollar
             * the text names, may still be the paper's own */
            code = nl || n - a > 80 ? fig_lede_dollar(s, n, a) : NULL;
            if (!code)
                code = fig_named_dollar(s, n);
            return code && !fig_dollar_marked(s, n, code) ? code : NULL;
        }
        a = (size_t)(nl - s);
    }
    return NULL;
}

/* The first byte c in s[i, end), or SIZE_MAX. */
static size_t
fig_next_byte(const char *s, size_t i, size_t end, unsigned char c)
{
    const char *p = i < end ? memchr(s + i, c, end - i) : NULL;
    return p ? (size_t)(p - s) : SIZE_MAX;
}

/* Where the literal lit (lower case) occurs in s[a, b), case-insensitive
 * on s, or b. fig_home_dollar looks for a few literals in every document
 * with a figure, so the first letter is found with memchr in each case
 * (a byte-by-byte scan cost 4% of English extraction). */
static size_t
fig_find(const char *s, size_t a, size_t b, const char *lit)
{
    size_t k = strlen(lit);
    if (k == 0 || a > b || b - a < k)
        return k == 0 && a <= b ? a : b;
    unsigned char lo = (unsigned char)lit[0], up = ex_is_lower(lo) ? (unsigned char)(lo - 32) : lo;
    size_t end = b - k + 1; /* the last place lit can start, plus one */
    size_t pl = fig_next_byte(s, a, end, lo);
    size_t pu = up != lo ? fig_next_byte(s, a, end, up) : SIZE_MAX;
    while (pl != SIZE_MAX || pu != SIZE_MAX) {
        size_t i = pl < pu ? pl : pu, j = 1;
        while (j < k && ex_lower((unsigned char)s[i + j]) == (unsigned char)lit[j])
            j++;
        if (j == k)
            return i;
        if (i == pl)
            pl = fig_next_byte(s, i + 1, end, lo);
        else
            pu = fig_next_byte(s, i + 1, end, up);
    }
    return b;
}

/* The dollar of a city named in the lede paragraph at a ("Perth-based
 * explorer", "Sydney's clearance rate", "in Toronto"), in a text written
 * as Commonwealth papers write ("per cent", never "percent"): a US paper
 * naming a Sydney company keeps "$" for the US dollar, and writes
 * "percent". An agency's credit ("(Reuters)") in the lede keeps it too. */
static const char *
fig_lede_dollar(const char *s, size_t n, size_t a)
{
    if (fig_find(s, 0, n, "per cent") == n || fig_find(s, 0, n, "percent") < n)
        return NULL;
    const char *nl = memchr(s + a, '\n', n - a);
    size_t e = nl ? (size_t)(nl - s) : n;
    if (e - a > 300)
        e = a + 300;
    for (size_t i = a; i + 1 < e; i++)
        if (s[i] == '(' && ex_is_upper((unsigned char)s[i + 1]))
            return NULL;
    for (size_t i = 0; i < DS_ARRAY_LEN(fig_dollar_cities); i++) {
        const char *city = fig_dollar_cities[i].city;
        size_t k = strlen(city);
        for (size_t p = fig_find(s, a, e, city); p < e; p = fig_find(s, p + 1, e, city)) {
            bool word = (p == a || !ex_is_alpha((unsigned char)s[p - 1])) &&
                        (p + k >= e || !ex_is_alpha((unsigned char)s[p + k]));
            if (word && ex_is_upper((unsigned char)s[p]))
                return fig_dollar_cities[i].code;
        }
    }
    return NULL;
}

/* The local dollar a text names ("the NZ dollar", "the Australian
 * dollar") when it also writes the US dollar as such ("US$3,940", "58.2 US
 * cents", "$US105"): bare "$" is then the local one. */
static const char *
fig_named_dollar(const char *s, size_t n)
{
    static const struct {
        const char *name, *code;
    } names[] = {
        {"nz dollar", "NZD"},       {"new zealand dollar", "NZD"}, {"kiwi dollar", "NZD"},
        {"australian dollar", "AUD"}, {"aussie dollar", "AUD"},    {"canadian dollar", "CAD"},
        {"loonie", "CAD"},
    };
    if (fig_find(s, 0, n, "us$") == n && fig_find(s, 0, n, "us cent") == n &&
        fig_find(s, 0, n, "$us") == n)
        return NULL;
    const char *code = NULL;
    for (size_t i = 0; i < DS_ARRAY_LEN(names); i++)
        if (fig_find(s, 0, n, names[i].name) < n) {
            if (code && strcmp(code, names[i].code) != 0)
                return NULL; /* two local dollars: which is the paper's? */
            code = names[i].code;
        }
    return code;
}

/* Where the city of a dateline opening the line at a ends ("PARIS, Jan 15
 * -", "PERTH:", "TORONTO —"), or a when the line opens no dateline. */
static size_t
fig_dateline_city(const char *s, size_t n, size_t a)
{
    size_t e = a;
    while (e < n && e - a < 16 && ex_is_alpha((unsigned char)s[e]))
        e++;
    if (e == a || e >= n || !ex_is_upper((unsigned char)s[a]))
        return a;
    bool cue = s[e] == ':' || s[e] == ',' ||
               (e + 2 < n && s[e] == ' ' && (s[e + 1] == '-' || (unsigned char)s[e + 1] == 0xE2));
    return cue ? e : a;
}

/* The code of the city s[a, e) in the table tab of k cities, or NULL. */
static const char *
fig_city_code(const char *s, size_t a, size_t e, const struct fig_city *tab, size_t k)
{
    for (size_t i = 0; i < k; i++) {
        size_t len = strlen(tab[i].city), j = 0;
        while (len == e - a && j < len && ex_lower((unsigned char)s[a + j]) == tab[i].city[j])
            j++;
        if (len == e - a && j == len)
            return tab[i].code;
    }
    return NULL;
}

/* Dateline cities of places whose own franc a bare "francs" means there
 * ("PARIS, Jan 15 - ... 96.4 billion francs"); elsewhere it is the Swiss
 * franc, the one franc still traded. */
static const struct fig_city fig_franc_cities[] = {
    {"paris", "FRF"},      {"lyon", "FRF"},      {"lyons", "FRF"},    {"marseille", "FRF"},
    {"marseilles", "FRF"}, {"toulouse", "FRF"},  {"bordeaux", "FRF"}, {"strasbourg", "FRF"},
    {"lille", "FRF"},      {"nantes", "FRF"},    {"brussels", "BEF"}, {"antwerp", "BEF"},
    {"ghent", "BEF"},      {"liege", "BEF"},     {"luxembourg", "LUF"},
};

/* See lib.h. */
const char *
fig_home_franc(const char *s, size_t n)
{
    return fig_home_currency(s, n, fig_franc_cities, DS_ARRAY_LEN(fig_franc_cities), "CHF");
}

/* See lib.h. */
const char *
fig_home_currency(const char *s, size_t n, const struct fig_city *tab, size_t k, const char *def)
{
    /* the dateline opens the first paragraph, after a line or two */
    for (size_t a = 0, lines = 0; a < n && a < 400 && lines < 4; lines++) {
        while (a < n && (s[a] == ' ' || s[a] == '\n' || s[a] == '\t'))
            a++;
        size_t e = fig_dateline_city(s, n, a);
        if (e > a) {
            const char *code = fig_city_code(s, a, e, tab, k);
            return code ? code : def;
        }
        const char *nl = memchr(s + a, '\n', n - a);
        if (!nl)
            break;
        a = (size_t)(nl - s);
    }
    return def;
}

/* The dollar of a dateline city opening the line at a, or NULL. */
static const char *
fig_dateline_dollar(const char *s, size_t n, size_t a)
{
    size_t e = fig_dateline_city(s, n, a);
    const char *code =
        e > a ? fig_city_code(s, a, e, fig_dollar_cities, DS_ARRAY_LEN(fig_dollar_cities)) : NULL;
    if (!code)
        return NULL;
    size_t le = e;
    while (le < n && le - e < 120 && s[le] != '\n')
        le++;
    for (size_t i = e; i + 1 < le; i++)
        if (s[i] == '(' && ex_is_upper((unsigned char)s[i + 1]))
            return NULL; /* "(Reuters)", "(AP)": an agency's copy */
    return code;
}
