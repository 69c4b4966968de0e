/*
 * test_meta8.c — unit tests for the shapes of issue 12's eighth metadata
 * pass (held-out set tests/extract/heldout_meta6): e-mails saved whole
 * (.eml: MIME parts, quoted-printable, base64, encoded words), news
 * database exports, PDF-to-text running heads, dates and bylines in
 * German, French and Spanish, site names around a <title>. Every input is
 * written here, in our words.
 */
#include "config.h"

#include "tests/unit/ingest_fixture.h"

static void
test_mail(void)
{
    struct article a;
    ingest("/t/m1.eml",
           "Received: from mx.example.net by mx2.example.net; Tue, 2 Jul 2024 08:00:03 +0000\n"
           "MIME-Version: 1.0\n"
           "From: \"Valley Note\" <news@valleynote.example>\n"
           "Subject: =?UTF-8?Q?Ferry_fares_rise_=E2=80=94_again?=\n"
           "Date: Tue, 2 Jul 2024 08:00:00 +0000\n"
           "Content-Type: multipart/alternative;\n"
           "\tboundary=\"xyz1\"\n\n"
           "--xyz1\n"
           "Content-Type: text/plain; charset=utf-8\n"
           "Content-Transfer-Encoding: quoted-printable\n\n"
           "By Ada Lindqvist\n\n"
           "The ferry company raised its fares by a tenth on Monday, the second ri=\n"
           "se this year, and said it would cut two evening crossings.\n\n"
           "--xyz1\n"
           "Content-Type: text/html; charset=utf-8\n\n"
           "<p>HTML copy of the same text</p>\n"
           "--xyz1--\n",
           &a);
    is_str(a.title, "Ferry fares rise \xe2\x80\x94 again", "mail: the encoded subject is the title");
    is_str(a.published, "2024-07-02", "mail: the Date header dates it");
    is_str(a.source, "Valley Note", "mail: the sender's name is the outlet");
    is_str(a.byline, "Ada Lindqvist", "mail: the byline in the text part");
    ok(in_body(&a, "the second rise this year"), "mail: a soft line break joins the word");
    ok(!in_body(&a, "HTML copy") && !in_body(&a, "xyz1") && !in_body(&a, "Content-Type"),
       "mail: the plain part alone, without MIME lines");
    article_clear(&a);
    ingest("/t/m2.eml",
           "Return-Path: <b@x.example>\n"
           "From: Harbour Weekly <w@harbourweekly.example>\n"
           "Subject: =?utf-8?B?VGlkZSBnYXVnZXMgZ28gb25saW5l?=\n"
           "Date: Fri, 5 Jul 2024 15:00:00 +0000\n"
           "Content-Type: text/html; charset=utf-8\n"
           "Content-Transfer-Encoding: base64\n\n"
           "PGh0bWw+PGJvZHk+PHA+VGhlIGhhcmJvdXIgYm9hcmQgcHV0IGl0cyB0aWRlIGdhdWdlcyBvbmxp\n"
           "bmUgb24gVGh1cnNkYXksIHNvIHRoYXQgZmlzaGVybWVuIGNhbiBjaGVjayB0aGUgd2F0ZXIgbGV2\n"
           "ZWwgZnJvbSBob21lLjwvcD48L2JvZHk+PC9odG1sPg==\n",
           &a);
    is_str(a.title, "Tide gauges go online", "mail: a base64 encoded word");
    ok(in_body(&a, "The harbour board put its tide gauges online"), "mail: a base64 HTML part read as a page");
    article_clear(&a);
    ingest("/t/m3.txt",
           "From: Jo Reader\n"
           "Subject: A note to myself\n\n"
           "Remember to call the council about the bins on Monday morning, before the "
           "collection changes take effect next week.\n",
           &a);
    ok(in_body(&a, "Remember to call"), "mail: From and Subject alone are a header block, not a message");
    article_clear(&a);
}

int
main(void)
{
    if (fixture_open() != 0)
        return 1;
    test_mail();
    fixture_close();
    return done_testing();
}
