#!/bin/sh
# test_bylines.sh — the byline the HTML reader keeps, on our own pages in
# tests/fixtures/bylines: each page states the byline it must give in an
# "expect byline: NAME" comment (empty: none). The shapes: property= over
# name= meta tags, a profile tag (article:author) only without a visible
# byline, an itemprop=name inside a byline block, a job title, a relative
# time, a label alone, repeated creator tags, an editor's credit, a sign-in
# box named "authorization", a byline inside the article's header, a
# trailing "Updated" date, a "by:" label; JSON-LD authors by @id in a
# @graph, repeated, as an address or an organisation (a visible byline
# wins over an organisation, and over an author that is the site's name),
# two itemprop=author names in one block (not the publisher's), a job
# after a comma or after the name ("Chief Political Correspondent"; a
# desk's "Our Islands Staff" stays), a weekday and no-break spaces left of
# the date.
if ! command -v python3 >/dev/null 2>&1; then
    echo "ok 1 # SKIP no python3"
    echo "1..1"
    exit 0
fi
"${TOP_BUILDDIR:-.}/tests/ingest/ingest_dump" "${TOP_SRCDIR:-.}/tests/fixtures/bylines" | python3 -c '
import json, os, re, sys
rows = [json.loads(l) for l in sys.stdin]
print("1..%d" % len(rows))
bad = 0
for i, d in enumerate(sorted(rows, key=lambda d: d["path"]), 1):
    want = re.search(r"expect byline: ?(.*?) ?-->", open(d["path"], encoding="utf-8").read()).group(1)
    have = d.get("byline") or ""
    ok = have == want
    bad += not ok
    print("%s %d - %s: byline %r (want %r)" % ("ok" if ok else "not ok", i,
          os.path.basename(d["path"]), have, want))
sys.exit(1 if bad or not rows else 0)
'
