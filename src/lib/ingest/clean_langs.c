/*
 * ingest/clean_langs.c — page furniture in German, French, Spanish,
 * Italian, Portuguese and Dutch, in one place: the words the cleaning
 * passes know in English ("Advertisement", "Read more: headline",
 * "Subscribe to continue", "Share on Facebook") as small tables per
 * language. The shapes are the English ones: a whole short line that is
 * a label, a run-in prefix followed by a headline, a paywall phrase on a
 * short line, a share verb and a network. "Anzeige gegen X wurde
 * erstattet" or "Publicidad engañosa fue ..." go on past the label and
 * stay.
 */
#include "config.h"

#include <string.h>

#include "dossier/util.h"
#include "lib.h"

/* Whole-line labels (compared without case, ':' and spaces at the end). */
static const char *const labels[] = {
    /* de */ "anzeige", "werbung", "artikel teilen", "teilen", "mehr zum thema", "lesen sie auch",
    "das könnte sie auch interessieren", "meistgelesen", "meistgelesene artikel", "zum thema",
    "auch interessant", "artikel drucken", "zur startseite", "nach oben",
    /* fr */ "publicité", "partager", "partager cet article", "à lire aussi", "À lire aussi",
    "lire aussi", "lire la suite", "sur le même sujet", "les plus lus", "les plus lues",
    "retour en haut", "voir aussi",
    /* es */ "publicidad", "compartir", "compartir en", "te puede interesar", "lee también",
    "lea también", "leer más", "noticias relacionadas", "lo más leído", "lo más visto",
    "volver arriba", "ver más",
    /* it */ "pubblicità", "condividi", "leggi anche", "leggi pure", "potrebbe interessarti",
    "i più letti", "articoli correlati", "torna su",
    /* pt */ "publicidade", "partilhar", "compartilhar", "leia também", "leia mais", "veja também",
    "mais lidas", "mais lidos", "notícias relacionadas", "voltar ao topo",
    /* nl */ "advertentie", "lees ook", "lees meer", "delen", "meest gelezen",
};

/* Labels that head a list of other stories' headlines, as "Related" does
 * (ing_is_related_heading: the headlines under them go too). */
static const char *const list_heads[] = {
    "mehr zum thema", "lesen sie auch", "das könnte sie auch interessieren", "meistgelesen",
    "zum thema", "auch interessant", "à lire aussi", "À lire aussi", "lire aussi",
    "sur le même sujet", "les plus lus", "les plus lues", "voir aussi", "te puede interesar",
    "lee también", "lea también", "noticias relacionadas", "lo más leído", "lo más visto",
    "leggi anche", "potrebbe interessarti", "i più letti", "articoli correlati", "leia também",
    "veja também", "mais lidas", "mais lidos", "notícias relacionadas", "lees ook",
    "meest gelezen",
};

/* Run-in prefixes: the prefix, then another story's headline. */
static const char *const runins[] = {
    "lesen sie auch:", "lesen sie auch", "mehr zum thema:", "auch interessant:", "lire aussi :",
    "lire aussi:", "à lire aussi :", "à lire aussi:", "À lire aussi :", "À lire aussi:",
    "voir aussi :", "voir aussi:", "te puede interesar:", "lee también:", "lea también:",
    "leer más:", "leggi anche:", "leggi pure:", "leia também:", "leia mais:", "veja também:",
    "lees ook:", "lees meer:",
};

/* Paywall and sign-in phrases, on a short line. */
static const char *const paywall[] = {
    "weiterlesen mit", "jetzt weiterlesen", "bereits abonnent", "jetzt abonnieren",
    "abonnez-vous", "déjà abonné", "réservé aux abonnés", "suscríbete", "ya eres suscriptor",
    "ya tienes una cuenta", "contenido exclusivo para suscriptores", "abbonati",
    "già abbonato", "riservato agli abbonati", "assine já", "já é assinante",
    "exclusivo para assinantes", "al abonnee",
};

/* Share verbs before a network's name ("Compartir en WhatsApp"). */
static const char *const share_verbs[] = {
    "teilen auf ", "teilen per ", "partager sur ", "partager par ", "compartir en ",
    "compartir por ", "condividi su ", "condividi via ", "partilhar no ", "partilhar na ",
    "compartilhar no ", "compartilhar na ", "delen op ", "delen via ",
};

static size_t
trim_label_end(const char *s, size_t n)
{
    while (n && (s[n - 1] == ':' || s[n - 1] == ' ' || s[n - 1] == '>'))
        n--;
    return n;
}

static bool
in_table(const char *s, size_t n, const char *const *t, size_t nt)
{
    n = trim_label_end(s, n);
    if (!n)
        return false;
    char c = (char)(s[0] >= 'A' && s[0] <= 'Z' ? s[0] + 32 : s[0]);
    for (size_t i = 0; i < nt; i++) /* the first letter before the whole compare */
        if ((t[i][0] == c || t[i][0] == s[0]) && ing_ieq(s, n, t[i]))
            return true;
    return false;
}

/* See lib.h. */
bool
ing_foreign_related_heading(const char *s, size_t n)
{
    return n <= 60 && in_table(s, n, list_heads, DS_ARRAY_LEN(list_heads));
}

static bool
foreign_runin(const char *s, size_t n)
{
    if (!strchr("lLmMaAvVtT\xc3", s[0]))
        return false; /* no prefix opens otherwise: one test for most lines */
    for (size_t i = 0; i < DS_ARRAY_LEN(runins); i++) {
        size_t pl = strlen(runins[i]);
        if (n <= pl + 1 || !ing_istarts(s, n, runins[i]))
            continue;
        size_t rest = pl;
        while (rest < n && s[rest] == ' ')
            rest++;
        /* a headline: capitalised (or a figure), at most 30 words, no full stop */
        unsigned char c = (unsigned char)s[rest];
        bool upper = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' || c >= 0xc3;
        size_t words = ing_count_words_max(s + rest, n - rest, 31);
        return upper && words >= 1 && words <= 30 && s[n - 1] != '.';
    }
    return false;
}

static bool
foreign_paywall(const char *s, size_t n)
{
    /* every phrase holds one of these stems: one search each before the table */
    static const char *const stems[] = {"abonn", "abbon", "suscr", "assin", "weiterlesen", "cuenta"};
    size_t len;
    if (n > 100 || !ing_ifind_first(s, n, stems, DS_ARRAY_LEN(stems), &len) ||
        ing_count_words_max(s, n, 21) > 20)
        return false;
    return ing_ifind_first(s, n, paywall, DS_ARRAY_LEN(paywall), &len) != NULL;
}

static bool
foreign_share(const char *s, size_t n)
{
    if (n > 60 || !strchr("tTpPcCdD", s[0]))
        return false;
    for (size_t i = 0; i < DS_ARRAY_LEN(share_verbs); i++)
        if (ing_istarts(s, n, share_verbs[i]))
            return ing_count_words_max(s, n, 6) <= 4 && !ing_ends_with_any(s, n, ".,;");
    return false;
}

/* See lib.h. */
const char *
ing_foreign_shape(const char *s, size_t n)
{
    if (n > 300)
        return NULL;
    /* the longest label has 34 bytes; a label ends in no full stop */
    if (n <= 36 && s[n - 1] != '.' && in_table(s, n, labels, DS_ARRAY_LEN(labels)))
        return "label";
    if (foreign_runin(s, n))
        return "related";
    if (foreign_paywall(s, n))
        return "paywall";
    if (foreign_share(s, n))
        return "share";
    return NULL;
}
