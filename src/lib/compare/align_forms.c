/*
 * compare/align_forms.c — the other forms of a word that one outlet writes
 * one way and another another (for compare/align.c's side_alt_terms): a
 * number word's figure ("fifteen" / "15"), an irregular verb's base form
 * ("overridden" / "override", "fled" / "flee": a suffix stemmer cannot
 * join them) and a dotted acronym's letters ("F.B.I." / "FBI"). Pure
 * string functions; the caller looks the other form up among the terms
 * of the two texts and adds nothing that neither text writes.
 */
#include "config.h"

#include <string.h>

#include "lib.h"

const char *
cmp_number_word_figure(const char *term)
{
    static const char *const words[][2] = {
        {"two", "2"},       {"three", "3"},     {"four", "4"},       {"five", "5"},
        {"six", "6"},       {"seven", "7"},     {"eight", "8"},      {"nine", "9"},
        {"ten", "10"},      {"eleven", "11"},   {"twelv", "12"},     {"twelve", "12"},
        {"dozen", "12"},    {"thirteen", "13"}, {"fourteen", "14"},  {"fifteen", "15"},
        {"sixteen", "16"},  {"seventeen", "17"}, {"eighteen", "18"}, {"nineteen", "19"},
        {"twenti", "20"},   {"twenty", "20"},   {"thirti", "30"},    {"thirty", "30"},
        {"forti", "40"},    {"forty", "40"},    {"fifti", "50"},     {"fifty", "50"},
        {"hundr", "100"},   {"hundred", "100"}};
    for (size_t i = 0; i < DS_ARRAY_LEN(words); i++)
        if (strcmp(words[i][0], term) == 0)
            return words[i][1];
    return NULL;
}

/* Past tenses and participles of irregular English verbs common in news
 * reporting, with their base form. Left out where the past form is mostly
 * another word ("left", "lay", "saw" the tool is rare but "left" the side
 * is not; "found" a company; "won" is kept, the currency is rare). */
static const char *const irregular[][2] = {
    {"arose", "arise"},         {"arisen", "arise"},         {"beaten", "beat"},
    {"became", "become"},       {"began", "begin"},          {"begun", "begin"},
    {"bitten", "bite"},         {"blew", "blow"},            {"blown", "blow"},
    {"broke", "break"},         {"broken", "break"},         {"brought", "bring"},
    {"built", "build"},         {"bought", "buy"},           {"caught", "catch"},
    {"chose", "choose"},        {"chosen", "choose"},        {"came", "come"},
    {"dealt", "deal"},          {"drew", "draw"},            {"drawn", "draw"},
    {"drove", "drive"},         {"driven", "drive"},         {"ate", "eat"},
    {"eaten", "eat"},           {"fell", "fall"},            {"fallen", "fall"},
    {"felt", "feel"},           {"fought", "fight"},         {"fled", "flee"},
    {"flew", "fly"},            {"flown", "fly"},            {"forbade", "forbid"},
    {"forbidden", "forbid"},    {"forgot", "forget"},        {"forgotten", "forget"},
    {"forgave", "forgive"},     {"forgiven", "forgive"},     {"froze", "freeze"},
    {"frozen", "freeze"},       {"gave", "give"},            {"given", "give"},
    {"went", "go"},             {"gone", "go"},              {"grew", "grow"},
    {"grown", "grow"},          {"hung", "hang"},            {"heard", "hear"},
    {"hid", "hide"},            {"hidden", "hide"},          {"held", "hold"},
    {"kept", "keep"},           {"knew", "know"},            {"known", "know"},
    {"led", "lead"},            {"lent", "lend"},            {"lost", "lose"},
    {"made", "make"},           {"meant", "mean"},           {"met", "meet"},
    {"misled", "mislead"},      {"overcame", "overcome"},    {"overrode", "override"},
    {"overridden", "override"}, {"overthrew", "overthrow"},  {"overthrown", "overthrow"},
    {"paid", "pay"},            {"ran", "run"},              {"rode", "ride"},
    {"ridden", "ride"},         {"rang", "ring"},            {"rung", "ring"},
    {"rose", "rise"},           {"risen", "rise"},           {"sought", "seek"},
    {"sold", "sell"},           {"sent", "send"},            {"shook", "shake"},
    {"shaken", "shake"},        {"shot", "shoot"},           {"shown", "show"},
    {"shrank", "shrink"},       {"shrunk", "shrink"},        {"sang", "sing"},
    {"sung", "sing"},           {"sank", "sink"},            {"sunk", "sink"},
    {"slept", "sleep"},         {"spoke", "speak"},          {"spoken", "speak"},
    {"spent", "spend"},         {"stood", "stand"},          {"stole", "steal"},
    {"stolen", "steal"},        {"stuck", "stick"},          {"struck", "strike"},
    {"stricken", "strike"},     {"swore", "swear"},          {"sworn", "swear"},
    {"swung", "swing"},         {"took", "take"},            {"taken", "take"},
    {"taught", "teach"},        {"tore", "tear"},            {"torn", "tear"},
    {"told", "tell"},           {"thought", "think"},        {"threw", "throw"},
    {"thrown", "throw"},        {"understood", "understand"}, {"undertook", "undertake"},
    {"undertaken", "undertake"}, {"upheld", "uphold"},        {"woke", "wake"},
    {"woken", "wake"},          {"wore", "wear"},            {"worn", "wear"},
    {"won", "win"},             {"withdrew", "withdraw"},    {"withdrawn", "withdraw"},
    {"withheld", "withhold"},   {"wrote", "write"},          {"written", "write"},
};

const char *
cmp_irregular_base(const char *w, size_t n)
{
    char low[16];
    if (n == 0 || n >= sizeof low)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        char c = w[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        else if (c < 'a' || c > 'z')
            return NULL;
        low[i] = c;
    }
    low[n] = '\0';
    for (size_t i = 0; i < DS_ARRAY_LEN(irregular); i++)
        if (strcmp(irregular[i][0], low) == 0)
            return irregular[i][1];
    return NULL;
}

/* Is text[i] an ASCII letter standing alone before a dot: "F." of
 * "F.B.I.", not the last letter of a word? */
static bool
dotted_letter(const char *text, size_t len, size_t i)
{
    char c = text[i];
    bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    bool alone = i == 0 || !((text[i - 1] >= 'A' && text[i - 1] <= 'Z') ||
                             (text[i - 1] >= 'a' && text[i - 1] <= 'z'));
    return letter && i + 1 < len && text[i + 1] == '.' && (alone || text[i - 1] == '.');
}

size_t
cmp_dotted_acronym(const char *text, size_t len, size_t start, char *out, size_t cap)
{
    if (start > 0 && text[start - 1] == '.' && start >= 2 && dotted_letter(text, len, start - 2))
        return 0; /* inside an acronym, not its first letter */
    size_t n = 0, i = start;
    while (i < len && dotted_letter(text, len, i) && n + 1 < cap) {
        char c = text[i];
        out[n++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        i += 2;
    }
    if (i < len && ((text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= 'a' && text[i] <= 'z')))
        return 0; /* letters run on after the last dot: no acronym */
    out[n] = '\0';
    return n >= CMP_ACRONYM_MIN ? n : 0;
}
