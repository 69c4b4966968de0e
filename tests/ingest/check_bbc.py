#!/usr/bin/env python3
"""check_bbc.py — check ingest_dump output over the BBC News dataset and
print TAP: every file ingested, title == the first line (labels.tsv), the
Latin-1 file decoded, and cleaning never dropped a sentence of prose.
Titles are compared after decoding HTML entities, which a few files carry
("&#163;") and ingest decodes. Also reports, as TAP diagnostics, how many body lines were dropped and why.

usage: check_bbc.py DUMP.jsonl LABELS.tsv
"""
import collections
import html
import json
import os
import re
import sys

# Reasons that move a line into metadata rather than throwing text away.
META = {"title", "section", "source", "published", "date", "byline", "copyright"}


def is_prose_sentence(line):
    s = line.rstrip().rstrip("\"'\u201d\u2019)")
    return s.endswith((".", "!", "?")) and len(s.split()) >= 12


def main():
    dump, labels = sys.argv[1:3]
    root = os.path.dirname(os.path.abspath(labels))
    titles = {}
    with open(labels, encoding="utf-8") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 4:
                titles[os.path.join(root, parts[0])] = parts[3]
    recs = {}
    with open(dump, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["path"] in titles:
                recs[r["path"]] = r
    n = 0
    failed = 0

    def check(cond, name, detail=""):
        nonlocal n, failed
        n += 1
        print(("ok" if cond else "not ok") + " %d - %s" % (n, name))
        if not cond:
            failed += 1
            for d in str(detail).splitlines()[:20]:
                print("#   " + d)

    errors = [p for p, r in recs.items() if r["error"]]
    check(len(recs) == len(titles) and not errors,
          "all %d labelled files ingested" % len(titles),
          "dumped %d, errors: %s" % (len(recs), errors[:5]))

    bad_titles = []
    for p, want in titles.items():
        r = recs.get(p)
        # ingest decodes HTML entities left in text ("&#163;" -> "£")
        want = html.unescape(want.strip())
        if r is None or (r["title"] or "") != want:
            bad_titles.append("%s: got %r want %r" % (p, r and r["title"], want))
    check(not bad_titles, "title is the first line in every file (%d wrong)" % len(bad_titles),
          "\n".join(bad_titles))

    latin = [r for p, r in recs.items() if p.endswith("sport/199.txt")]
    check(len(latin) == 1 and latin[0]["encoding"] == "windows-1252"
          and "\u00a3" in latin[0]["body"] and "\ufffd" not in latin[0]["body"],
          "sport/199.txt decodes as Latin-1 with its pound signs",
          latin and latin[0]["encoding"])

    reasons = collections.Counter()
    prose_dropped = []
    docs_with_drops = 0
    for p, r in recs.items():
        dropped_here = 0
        for line in (r["removed"] or "").splitlines():
            why, _, text = line.partition("\t")
            reasons[why] += 1
            if why in META:
                continue
            dropped_here += 1
            if why != "duplicate" and is_prose_sentence(text):
                prose_dropped.append("%s: %s: %s" % (os.path.relpath(p, root), why, text))
        docs_with_drops += dropped_here > 0
    check(not prose_dropped, "cleaning dropped no sentence of prose (%d did)" % len(prose_dropped),
          "\n".join(prose_dropped))
    body_lines = sum(len([l for l in (r["body"] or "").splitlines() if l.strip()])
                     for r in recs.values())
    print("# body lines kept: %d; lines removed by reason: %s" %
          (body_lines, ", ".join("%s=%d" % kv for kv in sorted(reasons.items()))))
    print("# documents with text lines dropped (not metadata): %d" % docs_with_drops)
    langs = collections.Counter(r["lang"] for r in recs.values())
    check(langs.get("en", 0) == len(recs), "every BBC article guessed as English",
          str(dict(langs)))
    print("1..%d" % n)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
