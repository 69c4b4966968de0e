#!/usr/bin/env python3
"""check_seeds.py — compare ingest_dump output (JSON lines) with a file of
expectations (seeds.expected.json) and print TAP.

usage: check_seeds.py DUMP.jsonl EXPECTED.json OUTLETS.tsv

Checks per file: title, subtitle (when expected), section (when expected),
source (both sides mapped to the canonical name through outlets.tsv, so an
alias in the expectations matches), published (date part), every "drop" line
absent from the body, every "duplicated_lines_kept_once" line present once.
"""
import json
import os
import re
import sys


def norm_space(s):
    s = re.sub(r"[\u00a0\u2000-\u200a\u202f\u205f]", " ", s)
    return s.strip()


def outlet_key(s):
    s = re.sub(r"\s+", " ", s.strip(" .,:;-()\"'|")).lower()
    if s.startswith("the "):
        s = s[4:]
    return s


def load_outlets(path):
    canon = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            name, _, aliases = line.partition("\t")
            for a in [name] + [x for x in aliases.split("|") if x]:
                canon.setdefault(outlet_key(a), name)
    return canon


def main():
    dump, expected_path, outlets_path = sys.argv[1:4]
    got = {}
    with open(dump, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            got[os.path.basename(rec["path"])] = rec
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)["files"]
    canon = load_outlets(outlets_path)
    n = 0
    failed = 0

    def check(cond, name, detail=""):
        nonlocal n, failed
        n += 1
        print(("ok" if cond else "not ok") + " %d - %s" % (n, name))
        if not cond:
            failed += 1
            for d in str(detail).splitlines():
                print("#   " + d)

    for fname, exp in sorted(expected.items()):
        rec = got.get(fname)
        check(rec is not None and rec.get("error") is None, fname + ": ingested",
              rec and rec.get("error"))
        if rec is None:
            continue
        body = rec["body"] or ""
        check(rec["title"] == exp.get("title"), fname + ": title",
              "got %r\nwant %r" % (rec["title"], exp.get("title")))
        if "subtitle" in exp:
            check(rec["subtitle"] == exp["subtitle"], fname + ": subtitle",
                  "got %r\nwant %r" % (rec["subtitle"], exp["subtitle"]))
        if "section" in exp:
            check(rec["section"] == exp["section"], fname + ": section",
                  "got %r\nwant %r" % (rec["section"], exp["section"]))
        want_src = exp.get("source")
        if want_src is not None:
            want_src = canon.get(outlet_key(want_src), want_src)
        check(rec["source"] == want_src, fname + ": source",
              "got %r\nwant %r" % (rec["source"], want_src))
        want_date = exp.get("published")
        got_date = rec["published"][:10] if rec["published"] else None
        check(got_date == (want_date[:10] if want_date else None), fname + ": published",
              "got %r\nwant %r" % (got_date, want_date))
        for d in exp.get("drop", []):
            d2 = norm_space(d)
            check(d2 not in body and d not in body, fname + ": dropped: " + d2[:50])
        for d in exp.get("duplicated_lines_kept_once", []):
            c = body.count(norm_space(d))
            check(c == 1, fname + ": kept once: " + d[:50], "found %d times" % c)
    print("1..%d" % n)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
