#!/usr/bin/env python3
"""extract_eval.py — issue 12's measures on the real folders we can read.

usage: extract_eval.py [--build DIR] [--shared DIR] [--out FILE] [--list-empty N]
                       [--sample-subjects N]

Runs tests/ingest/ingest_dump (cleaning and metadata) and
tests/extract/extract_dump (figures and people) from the build tree over:
  - basil-dev (NYT / Fox News / HuffPost, 2010-2019): dates and outlets
    against events.tsv; furniture left in the body;
  - the BBC set (2004-2005, title then text, no date or outlet written):
    dates taken without a cue, outlets invented, figure subjects filled;
  - the Readability pages: dates against publishedTime, outlets against
    siteName (only pages that state them), furniture left;
  - our own gold (tests/extract/gold): figures and people P/R per style
    (gold.py's numbers, repeated here so one table has them all).
Prints a Markdown table (also to --out). Numbers only: no article text,
except with --list-empty N: N BBC figures without a subject (drawn at
random, seed 1), each with its sentence, on stderr, to group by cause;
with --sample-subjects N: N BBC figures (seed 50) with their subjects, on
stderr, to count fragments by hand.
The wire copy and the web-news folders the issue was written from are not
in ../shared; those numbers are the lead's to re-run.
"""
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)

# Outlet names as events.tsv spells them -> what dossier should call them.
BASIL_OUTLETS = {"nyt": "The New York Times", "fox": "Fox News", "hpo": "HuffPost"}

# Furniture shapes the issue lists (captions and credits, sign-up blocks,
# promos, video-player text, related run-ins), searched per line.
FURNITURE = [
    ("caption", re.compile(r"\((?:Getty Images|AP|Reuters|AFP)[^)]{0,40}\)\s*$|"
                           r"\bAP Photo\b|^(?:Photo|Image|Picture):|Getty Images\s*$", re.I)),
    ("sign-up", re.compile(r"\b(?:sign up for|subscribe to) (?:our|the) [\w ]{0,30}newsletter", re.I)),
    ("promo", re.compile(r"^(?:read more|related|see also|also read|recommended)\s*:", re.I)),
    ("inline-related", re.compile(r"[.!?\"”]\s+(?:READ MORE|RELATED|Related|Read more|SEE ALSO)\s*:")),
    ("video", re.compile(r"^CLOSE\b|\bAP, AP\s*$")),
]


def run_jsonl(cmd):
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False)
    txt = out.stdout.decode("utf-8", "replace")
    dec = json.JSONDecoder()
    i, res = 0, []
    while i < len(txt):
        while i < len(txt) and txt[i].isspace():
            i += 1
        if i >= len(txt):
            break
        obj, i = dec.raw_decode(txt, i)
        res.append(obj)
    return res


def pct(a, b):
    return "%.1f%% (%d/%d)" % (100.0 * a / b, a, b) if b else "n/a"


def furniture_left(docs):
    hit = {}
    arts = 0
    for d in docs:
        kinds = set()
        for line in (d.get("body") or "").split("\n"):
            for name, rx in FURNITURE:
                if rx.search(line.strip()):
                    kinds.add(name)
        if kinds:
            arts += 1
        for k in kinds:
            hit[k] = hit.get(k, 0) + 1
    return arts, hit


def basil(build, shared, rows):
    root = os.path.join(shared, "corpus", "basil-dev")
    events = {}
    with open(os.path.join(root, "events.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            p = line.rstrip("\n").split("\t")
            events[os.path.join(root, p[0])] = (p[2], p[3])
    docs = run_jsonl([os.path.join(build, "tests/ingest/ingest_dump"), os.path.join(root, "txt")])
    n = dated = right = outlet = invented = 0
    for d in docs:
        ev = events.get(d["path"])
        if not ev:
            continue
        n += 1
        want_outlet, want_date = ev
        if d.get("published"):
            dated += 1
            right += d["published"][:10] == want_date
        src = d.get("source")
        if src == BASIL_OUTLETS[want_outlet]:
            outlet += 1
        elif src:
            invented += 1
    rows.append(("basil-dev", "dates correct (every article states one)", pct(right, n)))
    rows.append(("basil-dev", "dated at all", pct(dated, n)))
    rows.append(("basil-dev", "outlet found (canonical name)", pct(outlet, n)))
    rows.append(("basil-dev", "outlet wrong or invented", str(invented)))
    arts, hit = furniture_left([d for d in docs if d["path"] in events])
    rows.append(("basil-dev", "furniture left (articles)",
                 pct(arts, n) + (" " + json.dumps(hit, sort_keys=True) if hit else "")))
    return docs


def bbc(build, shared, rows):
    root = os.path.join(shared, "corpus", "bbc")
    docs = run_jsonl([os.path.join(build, "tests/ingest/ingest_dump"), root])
    docs = [d for d in docs if d.get("path", "").endswith(".txt")]
    dated = sum(1 for d in docs if d.get("published"))
    src = sum(1 for d in docs if d.get("source"))
    rows.append(("BBC", "dated (no article states a date)", pct(dated, len(docs))))
    rows.append(("BBC", "outlet given (none is written)", pct(src, len(docs))))
    files = sorted(d["path"] for d in docs)
    ex = run_jsonl([os.path.join(build, "tests/extract/extract_dump"), "-a",
                    os.path.join(TOP, "assets")] + files)
    figs = [f for x in ex for f in x.get("figures", [])]
    subj = sum(1 for f in figs if f.get("subject"))
    rows.append(("BBC", "figure subjects non-empty", pct(subj, len(figs))))
    if LIST_EMPTY:
        list_empty(ex)
    if SAMPLE_SUBJECTS:
        sample_subjects(ex)
    people = sum(1 for x in ex for e in x.get("entities", []) if e.get("kind") == "person")
    rows.append(("BBC", "people found (distinct per article)", str(people)))


LIST_EMPTY = 0
SAMPLE_SUBJECTS = 0


def list_empty(ex):
    """LIST_EMPTY figures without a subject, each in its sentence, on stderr."""
    import random
    rows = []
    for x in ex:
        with open(x["file"], "rb") as fh:
            data = fh.read()
        for f in x.get("figures", []):
            if not f.get("subject"):
                (a, b), (s, e) = f["sentence"], f["span"]
                text = data[a:s] + b"[[" + data[s:e] + b"]]" + data[e:b]
                rows.append((f["kind"], re.sub(r"[\x00-\x1f\x7f]", " ",
                                               text.decode("utf-8", "replace"))))
    random.seed(1)
    for kind, sent in random.sample(rows, min(LIST_EMPTY, len(rows))):
        print("%s | %s" % (kind, sent), file=sys.stderr)


def sample_subjects(ex):
    """SAMPLE_SUBJECTS figures drawn at random (seed 50) from all BBC figures,
    each as "subject | sentence with the figure in [[ ]]" on stderr, to judge
    by hand whether the subject is a noun phrase or a fragment."""
    import random
    rows = []
    for x in ex:
        with open(x["file"], "rb") as fh:
            data = fh.read()
        for f in x.get("figures", []):
            (a, b), (s, e) = f["sentence"], f["span"]
            text = data[a:s] + b"[[" + data[s:e] + b"]]" + data[e:b]
            rows.append((f.get("subject") or "", re.sub(r"[\x00-\x1f\x7f]", " ",
                                                       text.decode("utf-8", "replace"))))
    random.seed(50)
    for subj, sent in random.sample(rows, min(SAMPLE_SUBJECTS, len(rows))):
        print("%s | %s" % (subj, sent), file=sys.stderr)


def readability(build, shared, rows):
    root = os.path.join(shared, "corpus", "readability")
    n_date = right_date = n_site = site = 0
    left = []
    for name in sorted(os.listdir(root)):
        meta_p = os.path.join(root, name, "expected-metadata.json")
        src_p = os.path.join(root, name, "source.html")
        if not (os.path.exists(meta_p) and os.path.exists(src_p)):
            continue
        meta = json.load(open(meta_p, encoding="utf-8"))
        if not meta.get("readerable", True):
            continue
        docs = run_jsonl([os.path.join(build, "tests/ingest/ingest_dump"), src_p])
        if not docs:
            continue
        d = docs[0]
        left.append(d)
        if meta.get("publishedTime"):
            n_date += 1
            right_date += (d.get("published") or "")[:10] == meta["publishedTime"][:10]
        if meta.get("siteName"):
            n_site += 1
            site += (d.get("source") or "").lower() == meta["siteName"].lower()
    rows.append(("Readability", "dates correct (pages stating one)", pct(right_date, n_date)))
    rows.append(("Readability", "outlet = siteName (pages stating one)", pct(site, n_site)))
    arts, hit = furniture_left(left)
    rows.append(("Readability", "furniture left (articles)",
                 pct(arts, len(left)) + (" " + json.dumps(hit, sort_keys=True) if hit else "")))


def gold(build, rows):
    out = subprocess.run([sys.executable, os.path.join(TOP, "tests/extract/gold.py"),
                          os.path.join(build, "tests/extract/extract_dump"),
                          os.path.join(TOP, "assets"), os.path.join(TOP, "tests/extract/gold")],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False)
    for line in out.stdout.decode().split("\n"):
        m = re.match(r"# (\w+) \((\d+) articles\): (.*)", line)
        if m:
            rows.append(("our gold: " + m.group(1), m.group(2) + " articles", m.group(3)))


def main():
    args = sys.argv[1:]
    build, shared, out = os.environ.get("BENCH_BUILD", "."), os.path.join(TOP, "..", "shared"), None
    while args:
        a = args.pop(0)
        if a == "--build":
            build = args.pop(0)
        elif a == "--shared":
            shared = args.pop(0)
        elif a == "--out":
            out = args.pop(0)
        elif a == "--list-empty":
            global LIST_EMPTY
            LIST_EMPTY = int(args.pop(0))
        elif a == "--sample-subjects":
            global SAMPLE_SUBJECTS
            SAMPLE_SUBJECTS = int(args.pop(0))
        else:
            sys.exit(__doc__)
    for prog in ("tests/ingest/ingest_dump", "tests/extract/extract_dump"):
        if not os.access(os.path.join(build, prog), os.X_OK):
            sys.exit("no %s in %s: make %s first" % (prog, build, prog))
    rows = []
    if os.path.isdir(os.path.join(shared, "corpus")):
        basil(build, shared, rows)
        bbc(build, shared, rows)
        readability(build, shared, rows)
    else:
        print("SKIP: no %s/corpus; only our gold is measured" % shared)
    gold(build, rows)
    text = "| set | measure | value |\n|---|---|---|\n" + "".join(
        "| %s | %s | %s |\n" % r for r in rows)
    print(text, end="")
    if out:
        with open(out, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
