/*
 * ingest/clean_langs.c — page furniture in German, French, Spanish,
 * Italian, Portuguese, Dutch, Swedish, Polish, Turkish, Indonesian,
 * Finnish, Russian and Japanese, in one place: the words the cleaning
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
    /* sv */ "annons", "dela", "dela artikeln", "läs också", "läs mer", "mest läst", "mest lästa",
    "relaterat", "till toppen", "kommentarer", "lyssna på artikeln",
    /* pl */ "reklama", "udostępnij", "czytaj także", "czytaj też", "zobacz także", "zobacz też",
    "najczęściej czytane", "polecamy", "komentarze", "przejdź do treści", "wróć na górę",
    "akceptuję",
    /* tr */ "reklam", "paylaş", "bu haberi paylaş", "haberin devamı", "ilginizi çekebilir",
    "ilgili haberler", "en çok okunanlar", "yazı boyutu", "sesli dinle", "içeriğe geç",
    "İçeriğe geç", "yorumlar", "kabul et",
    /* id */ "iklan", "bagikan", "bagikan artikel ini", "baca juga", "berita terkait",
    "terpopuler", "simak juga", "komentar",
    /* fi */ "mainos", "jaa", "jaa artikkeli", "lue myös", "luetuimmat", "evästeasetukset",
    /* ru: the first letter as it opens a line (the compare is ASCII's) */
    "Реклама", "Поделиться", "Читайте также", "Смотрите также", "Самое читаемое", "Популярное",
    "Комментарии", "Наверх", "Принять",
    /* ja */ "\xe5\xba\x83\xe5\x91\x8a",                                     /* 広告 */
    "\xe9\x96\xa2\xe9\x80\xa3\xe8\xa8\x98\xe4\xba\x8b",                 /* 関連記事 */
    "\xe3\x81\x93\xe3\x81\xae\xe8\xa8\x98\xe4\xba\x8b\xe3\x82\x92"
    "\xe3\x82\xb7\xe3\x82\xa7\xe3\x82\xa2",                               /* この記事をシェア */
    "\xe7\xb6\x9a\xe3\x81\x8d\xe3\x82\x92\xe8\xaa\xad\xe3\x82\x80", /* 続きを読む */
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
    "meest gelezen", "läs också", "mest lästa", "relaterat", "czytaj także", "zobacz także",
    "zobacz też", "najczęściej czytane", "ilginizi çekebilir", "ilgili haberler",
    "en çok okunanlar", "baca juga", "berita terkait", "terpopuler", "lue myös", "luetuimmat",
    "Читайте также", "Смотрите также", "Самое читаемое", "Популярное",
    "\xe9\x96\xa2\xe9\x80\xa3\xe8\xa8\x98\xe4\xba\x8b", /* 関連記事 */
};

/* Run-in prefixes: the prefix, then another story's headline. */
static const char *const runins[] = {
    "lesen sie auch:", "lesen sie auch", "mehr zum thema:", "auch interessant:", "lire aussi :",
    "lire aussi:", "à lire aussi :", "à lire aussi:", "À lire aussi :", "À lire aussi:",
    "voir aussi :", "voir aussi:", "te puede interesar:", "lee también:", "lea también:",
    "leer más:", "leggi anche:", "leggi pure:", "leia também:", "leia mais:", "veja também:",
    "lees ook:", "lees meer:", "läs också:", "läs mer:", "czytaj także:", "czytaj też:",
    "zobacz także:", "zobacz też:", "przeczytaj również:", "ilginizi çekebilir:", "ilgili haber:",
    "İlgili haber:", "baca juga:", "simak juga:", "simak juga video:", "simak video:",
    "lihat juga:", "lue myös:", "Читайте также:", "Смотрите также:", "Читать также:",
};

/* Paywall and sign-in phrases, on a short line. */
static const char *const paywall[] = {
    "weiterlesen mit", "jetzt weiterlesen", "bereits abonnent", "jetzt abonnieren",
    "abonnez-vous", "déjà abonné", "réservé aux abonnés", "suscríbete", "ya eres suscriptor",
    "ya tienes una cuenta", "contenido exclusivo para suscriptores", "abbonati",
    "già abbonato", "riservato agli abbonati", "assine já", "já é assinante",
    "exclusivo para assinantes", "al abonnee", "redan prenumerant", "bli prenumerant",
    "zaloguj się", "wykup dostęp", "abone ol", "berlangganan", "Подписывайтесь на",
    "подписывайтесь на", "Оформите подписку", "оформите подписку",
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
    return (n <= 60 && in_table(s, n, list_heads, DS_ARRAY_LEN(list_heads))) ||
           ing_script_related_heading(s, n);
}

static bool
foreign_runin(const char *s, size_t n)
{
    if (!strchr("lLmMaAvVtTcCzZpPiIbBsS\xc3\xc4\xd0", s[0]))
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
    static const char *const stems[] = {"abonn", "abbon", "suscr", "assin", "weiterlesen", "cuenta",
                                        "prenumer", "zaloguj", "wykup", "abone", "berlangg",
                                        "\xd0\x9f\xd0\xbe\xd0\xb4\xd0\xbf\xd0\xb8\xd1\x81", /* Подпис */
                                        "\xd0\xbf\xd0\xbe\xd0\xb4\xd0\xbf\xd0\xb8\xd1\x81"}; /* подпис */
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

/* "Etiketler: fındık, ihracat", "Tagi: kolej, Zakopane": a tag list's
 * key in another language, then a list of words without a full stop. */
static bool
foreign_tags(const char *s, size_t n)
{
    static const char *const keys[] = {"etiketler:", "tagi:", "taggar:", "tag:", "tags:",
                                       "avainsanat:", "schlagwörter:", "mots-clés :",
                                       "mots-clés:", "etiquetas:", "Теги:", "Метки:"};
    if (n > 200 || s[n - 1] == '.')
        return false;
    for (size_t i = 0; i < DS_ARRAY_LEN(keys); i++)
        if (ing_istarts(s, n, keys[i]))
            return ing_count_words_max(s, n, 16) <= 15;
    return false;
}

/* A site's note that it uses cookies, in any language: the word (or
 * Swedish, Finnish, Turkish and Japanese names for it) and the site's
 * "we use" / "this site uses" in one of the languages above. A story
 * about cookies tells of someone else using them, in more words. */
static bool
foreign_consent(const char *s, size_t n)
{
    static const char *const cookies[] = {
        "cookie", "kakor", "evästei", "çerez", "Çerez",
        "\xe3\x82\xaf\xe3\x83\x83\xe3\x82\xad\xe3\x83\xbc"}; /* クッキー */
    static const char *const uses[] = {
        "wykorzystuje", "używa", "używamy", "используем", "использует", "använder",
        "käytämme", "käyttää", "kullanıl", "kullanıyoruz", "menggunakan", "utilise", "utilisons",
        "verwende", "nutzen", "usamos", "utiliza", "utilizza", "utilizamos", "gebruik",
        "\xe4\xbd\xbf\xe7\x94\xa8"}; /* 使用 */
    size_t len;
    if (n > 600 || !ing_ifind_first(s, n, cookies, DS_ARRAY_LEN(cookies), &len) ||
        !ing_ifind_first(s, n, uses, DS_ARRAY_LEN(uses), &len))
        return false;
    return ing_count_words_max(s, n, 61) <= 60 && !ing_has_speech_verb(s, n);
}

/* "この記事は有料会員限定です。", "残り1268文字": a Japanese paywall's
 * notice and its count of the characters left. */
static bool
japanese_paywall(const char *s, size_t n)
{
    static const char *const marks[] = {
        "\xe6\x9c\x89\xe6\x96\x99\xe4\xbc\x9a\xe5\x93\xa1", /* 有料会員 */
        "\xe4\xbc\x9a\xe5\x93\xa1\xe7\x99\xbb\xe9\x8c\xb2", /* 会員登録 */
        "\xe4\xbc\x9a\xe5\x93\xa1\xe9\x99\x90\xe5\xae\x9a"}; /* 会員限定 */
    if ((unsigned char)s[0] < 0xe3 || n > 120)
        return false; /* at most 40 characters, opening with one of Japanese */
    size_t len;
    if (ing_ifind_first(s, n, marks, DS_ARRAY_LEN(marks), &len))
        return true;
    /* 残り + figures + 文字 */
    if (n < 10 || memcmp(s, "\xe6\xae\x8b\xe3\x82\x8a", 6) != 0 ||
        memcmp(s + n - 6, "\xe6\x96\x87\xe5\xad\x97", 6) != 0)
        return false;
    for (size_t i = 6; i < n - 6; i++)
        if (!(s[i] >= '0' && s[i] <= '9') && s[i] != ',')
            return false;
    return true;
}

/* The length of a label before its count ("Komentarze (14)" -> 10), or n. */
static size_t
before_count(const char *s, size_t n)
{
    if (n < 5 || s[n - 1] != ')')
        return n;
    size_t i = n - 1;
    while (i && s[i - 1] >= '0' && s[i - 1] <= '9')
        i--;
    if (i == n - 1 || i < 3 || s[i - 1] != '(' || s[i - 2] != ' ')
        return n;
    return i - 2;
}

/* See lib.h. */
const char *
ing_foreign_shape(const char *s, size_t n)
{
    if (n > 600)
        return NULL;
    if (foreign_consent(s, n))
        return "consent";
    if (n > 300)
        return NULL;
    /* the longest label has 34 bytes; a label ends in no full stop */
    size_t ln = before_count(s, n);
    if (ln <= 36 && s[ln - 1] != '.' && in_table(s, ln, labels, DS_ARRAY_LEN(labels)))
        return "label";
    if (foreign_tags(s, n))
        return "label";
    if (japanese_paywall(s, n))
        return "paywall";
    if (foreign_runin(s, n))
        return "related";
    if (foreign_paywall(s, n))
        return "paywall";
    if (foreign_share(s, n))
        return "share";
    return ing_script_shape(s, n);
}
