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
    "degrees", "episodes", "laps", "rounds", "votes", NULL};
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
    "expected", "likely", "set", "and", "or", NULL};
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
    "while", "after", "before", "as", "into", "off", "out", NULL};
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


double
fig_parse_num(const char *s, size_t a, size_t b)
{
    char tmp[64];
    size_t k = 0;
    for (size_t i = a; i < b && k + 1 < sizeof tmp; i++)
        if (s[i] != ',')
            tmp[k++] = s[i];
    tmp[k] = '\0';
    return strtod(tmp, NULL);
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
    {"bushel", "bushels", 3},
    {"bushels", "bushels", 3},
    {"teu", "TEU", 3},
    {"teus", "TEU", 3},
    {"cubic metres", "cubic metres", 3},
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
    {"megawatt", "MW", 3},
    {"megawatts", "MW", 3},
    {"gigawatt", "GW", 3},
    {"gigawatts", "GW", 3},
    {"kilometres", "km", 3},
    {"kilometers", "km", 3},
    {"km", "km", 3},
    {"kilograms", "kg", 3},
    {"kg", "kg", 3},
    {"ounces", "ounces", 3},
    {"units", "units", 3},
    {"vehicles", "vehicles", 3},
    {"cars", "cars", 3},
};

const struct fig_unitmap *
fig_unit_lookup(const char *s, size_t a, size_t b)
{
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
    return NULL;
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
    if (FIG_IS("A$") || FIG_IS("AU$"))
        return "AUD";
    if (FIG_IS("C$"))
        return "CAD";
    if (FIG_IS("NT$"))
        return "TWD";
    if (FIG_IS("NZ$"))
        return "NZD";
    if (FIG_IS("R$"))
        return "BRL";
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
    size_t n = b - a;
    const char *w = s + a;
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
