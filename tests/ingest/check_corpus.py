#!/usr/bin/env python3
"""check_corpus.py — properties of ingest_dump output (JSON lines) over a
folder of articles, true whatever the outlet; prints TAP.

usage: check_corpus.py DUMP.jsonl OUTLETS.tsv

1. every article has a title, and the title is (the end of) one line of the
   raw text, never two lines glued together;
2. every article has a published date, YYYY-MM-DD;
3. a source that outlets.tsv knows is named in the raw text by its
   canonical name or one of its aliases as a whole line or a bracketed
   dateline agency, or inside a "Source:"/copyright/byline line — never as
   a piece of a longer name ("Yellow Sea Observer" is not The Observer);
4. a source outlets.tsv does not know is written in the raw text as is;
5. no source is a person's byline name;
6. at least 80% of the articles have a source (the corpus states one in
   nearly every file: trailers, datelines, mastheads);
7. the body never starts with the title line again.
"""
import json
import re
import sys


def outlet_key(s):
    s = re.sub(r"\s+", " ", s.strip(" .,:;-()\"'|")).lower()
    if s.startswith("the "):
        s = s[4:]
    return s


def load_outlets(path):
    aliases = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            canon, _, rest = line.partition("\t")
            canon = canon.strip()
            names = [canon] + [a for a in rest.split("|") if a.strip()]
            aliases.setdefault(canon, set()).update(outlet_key(a) for a in names)
    return aliases


def main():
    docs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
    outlets = load_outlets(sys.argv[2])
    n = 0
    fails = {k: [] for k in ("title", "date", "known", "unknown", "person", "body")}
    with_source = 0
    for d in docs:
        name = d["path"].rsplit("/", 2)
        name = "/".join(name[-2:])
        raw = d.get("raw") or ""
        lines = [l.strip() for l in raw.split("\n")]
        t = d.get("title")
        if not t or not any(l.endswith(t) for l in lines):
            fails["title"].append(name)
        p = d.get("published") or ""
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", p):
            fails["date"].append(name)
        src = d.get("source")
        if src:
            with_source += 1
            if src in outlets:
                keys = outlets[src]
                ok = False
                for l in lines:
                    k = outlet_key(l)
                    if k in keys:
                        ok = True
                    for m in re.finditer(r"\(([^()]{1,40})\)", l):
                        if outlet_key(m.group(1)) in keys:
                            ok = True
                    if re.match(r"(?i)(source|©|\(c\)|copyright|by )", l):
                        low = " " + re.sub(r"[^\w]+", " ", l.lower()) + " "
                        if any(" " + k + " " in low for k in keys):
                            ok = True
                if not ok:
                    fails["known"].append("%s (%s)" % (name, src))
            elif src not in raw:
                fails["unknown"].append("%s (%s)" % (name, src))
            if d.get("byline") and outlet_key(src) == outlet_key(d["byline"]):
                fails["person"].append("%s (%s)" % (name, src))
        body = d.get("body") or ""
        if t and body.split("\n", 1)[0].strip() == t:
            fails["body"].append(name)
    checks = [
        ("title", "every article has a title that is one line of its text"),
        ("date", "every article has a YYYY-MM-DD date"),
        ("known", "known outlets are named whole in the text, not inside longer names"),
        ("unknown", "unknown outlets are written in the text as found"),
        ("person", "no source is the byline's person"),
        ("body", "the body does not repeat the title"),
    ]
    for k, desc in checks:
        n += 1
        if fails[k]:
            print("not ok %d - %s" % (n, desc))
            for f in fails[k][:10]:
                print("#   %s" % f)
        else:
            print("ok %d - %s (%d articles)" % (n, desc, len(docs)))
    n += 1
    share = with_source / len(docs) if docs else 0
    print("%s %d - a source found for %d of %d articles (%.0f%%, want >= 80%%)"
          % ("ok" if share >= 0.8 else "not ok", n, with_source, len(docs), share * 100))
    print("1..%d" % n)
    return 0 if all(not v for v in fails.values()) and share >= 0.8 else 1


if __name__ == "__main__":
    sys.exit(main())
