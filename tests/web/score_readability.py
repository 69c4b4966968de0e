#!/usr/bin/env python3
"""score_readability.py — dossier's HTML reader against Mozilla Readability's
test pages (../shared/corpus/readability: source.html, expected.html,
expected-metadata.json per page).

    score_readability.py INGEST_DUMP CORPUS_DIR [--floors body=0.9,title=0.9,...] [--tap] [--worst N]
                         [--misses]

Byline: the names (a date after them dropped on both sides, as dossier
keeps dates apart; byline_exact, a diagnostic, compares the gold as it is).
Body: word 3-shingles (a CJK character is a word) of dossier's body against
those of the gold article (expected.html with its tags stripped), as
multisets: precision, recall, F1 per page, averaged over the pages the gold
marks readerable. Title: exact match after collapsing white space. Byline,
siteName: the same, ignoring case, on the pages whose gold has one.
publishedTime: the same day (dossier keeps dates, not times).
Excerpt: the gold's excerpt (the page's description, else Readability's
first paragraph) against dossier's summary (the description the page
states), else the first paragraph of its body, exact after collapsing white
space; summary: the same on the pages where dossier states one.
With --floors, each named number below its floor fails (TAP with --tap).
With --misses, every page a metadata check misses is listed with the gold
and dossier's value (what to read before changing a rule).
"""
import collections
import html.parser
import json
import os
import re
import subprocess
import sys

SHINGLE = 3
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
WORD = re.compile(r"\w+", re.UNICODE)


class Strip(html.parser.HTMLParser):
    """Text of an HTML fragment, blocks separated by newlines."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        self.out.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        self.out.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def words(text):
    out = []
    for w in WORD.findall(text.lower()):
        if CJK.search(w):
            buf = ""
            for ch in w:
                if CJK.match(ch):
                    if buf:
                        out.append(buf)
                        buf = ""
                    out.append(ch)
                else:
                    buf += ch
            if buf:
                out.append(buf)
        else:
            out.append(w)
    return out


def shingles(ws):
    if len(ws) < SHINGLE:
        return collections.Counter([tuple(ws)]) if ws else collections.Counter()
    return collections.Counter(tuple(ws[i:i + SHINGLE]) for i in range(len(ws) - SHINGLE + 1))


def prf(mine, gold):
    a, b = shingles(words(mine)), shingles(words(gold))
    inter = sum((a & b).values())
    p = inter / sum(a.values()) if a else (1.0 if not b else 0.0)
    r = inter / sum(b.values()) if b else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def norm(s):
    return re.sub(r"\s+", " ", s or "").strip()


DATE_TAIL = re.compile(
    r"\s*(?:(?:last\s+)?updated|published|posted)?:?\s*(?:\d{1,2}\s*)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{0,2},?\s*\d{4}.*$",
    re.I)


def person(s):
    """A byline as a name list: dossier keeps "Jane Doe", not "By Jane Doe"."""
    return re.sub(r"^(by|par|por|von)\s+", "", norm(s), flags=re.I).strip(" ,")


def names(s):
    """A byline's names only: dossier keeps the date in `published`, so a
    date (and an "Updated" label before it) that the gold's byline block
    carries after the name is not part of the byline ("Jane Doe March 25,
    2015" is "Jane Doe"; a block that is only a date names nobody)."""
    return DATE_TAIL.sub("", person(s)).strip(" ,")


def first_paragraph(body):
    """The first paragraph of a body (paragraphs are separated by blank lines)."""
    return body.strip().split("\n\n", 1)[0]


def main():
    args = sys.argv[1:]
    floors, tap, worst, misses = {}, False, 0, False
    pos = []
    i = 0
    while i < len(args):
        if args[i] == "--floors":
            floors = {k: float(v) for k, v in (x.split("=") for x in args[i + 1].split(","))}
            i += 2
        elif args[i] == "--tap":
            tap = True
            i += 1
        elif args[i] == "--misses":
            misses = True
            i += 1
        elif args[i] == "--worst":
            worst = int(args[i + 1])
            i += 2
        else:
            pos.append(args[i])
            i += 1
    dump, corpus = pos
    pages = sorted(d for d in os.listdir(corpus) if os.path.isfile(os.path.join(corpus, d, "source.html")))
    paths = [os.path.join(corpus, d, "source.html") for d in pages]
    res = subprocess.run([dump] + paths, capture_output=True, text=True, check=False)
    got = {}
    for line in res.stdout.splitlines():
        d = json.loads(line)
        got[os.path.basename(os.path.dirname(d["path"]))] = d
    fs, ps, rs = [], [], []
    meta = {k: [0, 0] for k in ("title", "byline", "byline_exact", "site", "date", "excerpt",
                                "summary")}
    rows = []
    missed = []
    for name in pages:
        gm = json.load(open(os.path.join(corpus, name, "expected-metadata.json"), encoding="utf-8"))
        st = Strip()
        st.feed(open(os.path.join(corpus, name, "expected.html"), encoding="utf-8").read())
        gold = "".join(st.out)
        d = got.get(name, {})
        body = d.get("body") or ""
        if gm.get("readerable"):
            p, r, f = prf(body, gold)
            ps.append(p)
            rs.append(r)
            fs.append(f)
            rows.append((f, p, r, name))
        checks = (("title", gm.get("title"), d.get("title"), False),
                  ("byline", names(gm.get("byline")), names(d.get("byline")), True),
                  ("byline_exact", person(gm.get("byline")), person(d.get("byline")), True),
                  ("site", gm.get("siteName"), d.get("source"), True),
                  ("excerpt", gm.get("excerpt"), d.get("summary") or first_paragraph(body), False))
        if d.get("summary"):
            checks += (("summary", gm.get("excerpt"), d.get("summary"), False),)
        for key, want, have, fold in checks:
            if not norm(want):
                continue
            meta[key][1] += 1
            a, b = norm(want), norm(have)
            if fold:
                a, b = a.lower(), b.lower()
            meta[key][0] += a == b
            if a != b:
                missed.append((key, name, norm(want), norm(have)))
        if norm(gm.get("publishedTime")):
            meta["date"][1] += 1
            same = norm(gm["publishedTime"])[:10] == (d.get("published") or "")[:10]
            meta["date"][0] += same
            if not same:
                missed.append(("date", name, norm(gm["publishedTime"]), d.get("published") or ""))
    n = len(fs)
    nums = {
        "body": sum(fs) / n if n else 0.0,
        "precision": sum(ps) / n if n else 0.0,
        "recall": sum(rs) / n if n else 0.0,
    }
    for k, (ok, tot) in meta.items():
        nums[k] = ok / tot if tot else 1.0
    print("# readability pages: %d (readerable %d)" % (len(pages), n))
    print("# body F1 %.3f (precision %.3f, recall %.3f) over readerable pages" %
          (nums["body"], nums["precision"], nums["recall"]))
    for k, (ok, tot) in meta.items():
        print("# %-6s %d/%d = %.3f" % (k, ok, tot, nums[k]))
    for f, p, r, name in sorted(rows)[:worst]:
        print("# worst: %-40s F1 %.3f P %.3f R %.3f" % (name, f, p, r))
    for key, name, want, have in sorted(missed) if misses else []:
        print("# miss %-12s %-32s gold %r, dossier %r" % (key, name, want, have))
    if tap:
        print("1..%d" % len(floors))
    failed = False
    for i, (k, floor) in enumerate(sorted(floors.items()), 1):
        good = nums.get(k, 0.0) >= floor
        failed = failed or not good
        if tap:
            print("%s %d - %s %.3f >= floor %.3f" % ("ok" if good else "not ok", i, k, nums.get(k, 0.0), floor))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
