/*
 * test_sentences.c — the sentence splitter: abbreviations, decimals,
 * initials, quotes after the stop, CJK stops, line breaks.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier/sentences.h"
#include "dossier/util.h"
#include "tap.h"

/* Split text and join the sentences with " | " for one readable check. */
static char *
split_join(const char *text)
{
    struct span *s = NULL;
    size_t n = sentences_split(text, strlen(text), &s);
    struct buf b = BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (i)
            buf_puts(&b, " | ");
        buf_append(&b, text + s[i].start, s[i].end - s[i].start);
    }
    free(s);
    return buf_steal(&b);
}

static void
check(const char *text, const char *want, const char *name)
{
    char *got = split_join(text);
    is_str(got, want, name);
    free(got);
}

int
main(void)
{
    check("Mr. Smith went to Washington. He left early.",
          "Mr. Smith went to Washington. | He left early.", "Mr. does not end a sentence");
    check("Dr. Li and Prof. Wang met. They talked.", "Dr. Li and Prof. Wang met. | They talked.",
          "Dr. and Prof.");
    check("The U.S. economy grew 3.5 percent in 2021. Exports rose.",
          "The U.S. economy grew 3.5 percent in 2021. | Exports rose.",
          "U.S. before a lower-case word and a decimal");
    check("Talks were held in the U.S. The envoy will not attend.",
          "Talks were held in the U.S. | The envoy will not attend.",
          "U.S. at the end of a sentence before a sentence's first word");
    check("The U.S. Capitol Police and the U.S. Fish and Wildlife Service agreed. Both spoke.",
          "The U.S. Capitol Police and the U.S. Fish and Wildlife Service agreed. | Both spoke.",
          "U.S. before a capitalised name of an agency stays in the sentence");
    check("It came from Sen. Ann Roe and former Sens. Bo Tate and Cy Ode. Both spoke.",
          "It came from Sen. Ann Roe and former Sens. Bo Tate and Cy Ode. | Both spoke.",
          "plural titles (Sens.) do not end a sentence");
    check("The vote was at 10 a.m. The count came later.",
          "The vote was at 10 a.m. | The count came later.", "a.m. before a sentence's first word");
    check("He asked: \xe2\x80\x9cWe pay the bill. Right?\xe2\x80\x9d Nobody answered.",
          "He asked: \xe2\x80\x9cWe pay the bill. Right?\xe2\x80\x9d | Nobody answered.",
          "a quotation's one-word tag question stays with the quotation");
    check("\"Why wait so long?\" Mayor Roe asked. She left. \"We won!\" he said. The end.",
          "\"Why wait so long?\" Mayor Roe asked. | She left. | \"We won!\" he said. | The end.",
          "a short attribution after a quotation closing on ? or ! stays with it");
    check("\"It is done.\" Roe said. \"Is it done?\" The hall emptied.",
          "\"It is done.\" | Roe said. | \"Is it done?\" | The hall emptied.",
          "... but not after a quotation closing on a full stop, nor a sentence without a verb "
          "of saying");
    check("\"We cannot spend money never voted. ... This is an abuse,\" Roe said. Then she left.",
          "\"We cannot spend money never voted. | ... This is an abuse,\" Roe said. | Then she left.",
          "an ellipsis between two stretches of a quotation leads the words after it, not a "
          "sentence of its own");
    check("The chair adjourned. [...]\nA new line begins. It ends. \xe2\x80\xa6",
          "The chair adjourned. [...] | A new line begins. | It ends. \xe2\x80\xa6",
          "a wordless sentence at the end of a line joins the one before it");
    check("Votes were counted.\n***\nThe count ended.",
          "Votes were counted. | *** | The count ended.",
          "a wordless line of its own stays apart (nothing on its line to join)");
    check("U.S. President Trump spoke. Then he left.",
          "U.S. President Trump spoke. | Then he left.", "U.S. President stays together");
    check("It cost $1.5 bn. Then prices fell.", "It cost $1.5 bn. | Then prices fell.",
          "$1.5 bn decimal");
    check("He said, \"We will win.\" Then he left.",
          "He said, \"We will win.\" | Then he left.", "straight closing quote stays");
    check("She said: \xe2\x80\x9cIt is over.\xe2\x80\x9d The talks ended.",
          "She said: \xe2\x80\x9cIt is over.\xe2\x80\x9d | The talks ended.",
          "curly closing quote stays");
    check("J. P. Morgan raised its forecast. Shares rose.",
          "J. P. Morgan raised its forecast. | Shares rose.", "initials J. P.");
    check("See item No. 2 on the list. Done.", "See item No. 2 on the list. | Done.",
          "No. 2");
    check("Apple Inc. reported results. Acme Corp. did too.",
          "Apple Inc. reported results. | Acme Corp. did too.", "Inc. and Corp.");
    check("Some goods, e.g. soybeans, and i.e. pork. Next one.",
          "Some goods, e.g. soybeans, and i.e. pork. | Next one.", "e.g. and i.e.");
    check("Talks resume on Jan. 5 in Beijing. Both sides agreed.",
          "Talks resume on Jan. 5 in Beijing. | Both sides agreed.", "Jan. 5");
    check("Why? Because it pays! Really.", "Why? | Because it pays! | Really.", "? and !");
    check("\xe4\xb8\xad\xe5\x9b\xbd\xe7\xbb\x8f\xe6\xb5\x8e\xe5\xa2\x9e\xe9\x95\xbf\xe3\x80\x82"
          "\xe8\xb4\xb8\xe6\x98\x93\xe5\xa2\x9e\xe5\x8a\xa0\xef\xbc\x81\xe6\x98\xaf\xe5\x90\x97"
          "\xef\xbc\x9f",
          "\xe4\xb8\xad\xe5\x9b\xbd\xe7\xbb\x8f\xe6\xb5\x8e\xe5\xa2\x9e\xe9\x95\xbf\xe3\x80\x82 | "
          "\xe8\xb4\xb8\xe6\x98\x93\xe5\xa2\x9e\xe5\x8a\xa0\xef\xbc\x81 | "
          "\xe6\x98\xaf\xe5\x90\x97\xef\xbc\x9f",
          "CJK full stops split without spaces");
    check("Headline here\n\nThe body starts.", "Headline here | The body starts.",
          "blank line ends a sentence");
    check("A line that wraps\nin the middle.", "A line that wraps\nin the middle.",
          "a wrapped line does not");
    check("Title Without Stop\nThe body starts.", "Title Without Stop | The body starts.",
          "a line break before a capital ends one");
    check("  Leading and trailing.   ", "Leading and trailing.", "spans are trimmed");
    check("The price was 3.5. Then 4.", "The price was 3.5. | Then 4.", "number then stop");
    check("Wait... What happened?", "Wait... | What happened?", "ellipsis before a capital");

    struct span *s = (struct span *)1;
    is_int(sentences_split("", 0, &s), 0, "empty text: no sentence");
    ok(s == NULL, "empty text: out is NULL");
    is_int(sentences_split(" \n\n\t ", 5, &s), 0, "blank text: no sentence");

    /* Spans are in order, non-empty and inside the text. */
    const char *t = "One. Two! Three? Four.\n\nFive";
    size_t n = sentences_split(t, strlen(t), &s);
    is_int(n, 5, "five sentences");
    int good = 1;
    for (size_t i = 0; i < n; i++) {
        if (s[i].end <= s[i].start || s[i].end > strlen(t))
            good = 0;
        if (i && s[i].start < s[i - 1].end)
            good = 0;
    }
    ok(good, "spans ordered, non-empty, in range");
    free(s);
    return done_testing();
}
