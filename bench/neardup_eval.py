#!/usr/bin/env python3
"""neardup_eval.py — does `dossier similar --groups` group edited copies of
an article with it, and never pages that share only a site's boilerplate
(issue 17)? bench_neardup.sh runs it.

  neardup_eval.py DOSSIER WORK SOURCE_DIR... [--copies 100] [--pairs 50] [--seed 1]
                  [--events EVENTS_DIR]

From the .txt articles under SOURCE_DIR (title on the first line, paragraphs
split by blank lines) it writes, under WORK/corpus:
- orig/NNN.txt and edit/NNN.txt: COPIES articles of six paragraphs or more
  and an edited copy of each, made as the issue says: two paragraphs out,
  ten words changed (each replaced by a word of another article), one
  paragraph in (taken from another article), none of it in the first
  paragraph;
- boiler/NNN-a.txt and NNN-b.txt: PAIRS pairs of two unrelated articles
  that share one long caption line under the title and a block of site
  furniture at the foot (a newsletter appeal, share and "Read more" lines,
  three related headlines, a copyright line), written here in our words;
- other/: every other article, unchanged, as distractors.
Then it indexes WORK/corpus and reads `similar --groups --json`, and for
each copy `similar COPY --json`, and prints:
- copies grouped with their original (target: all);
- copies that `similar` marks as near-duplicates of their original but the
  groups miss (target: none);
- boilerplate pairs grouped (target: none);
- other groups: among the unchanged articles (a source may hold real
  duplicates: their word 5-shingle Jaccard is given), or mixing the sets;
- how hard the edits were: each copy's word 5-shingle Jaccard with its
  original (min, median).
With --events (a folder holding events.tsv and the articles it names, as
basil-dev: one event told by several outlets), it also indexes those
articles alone and prints every pair of one event from different outlets
that the groups join, with the pair's true word 5-shingle Jaccard and
containment (target: none, unless they are real copies).
Exit status 0 when the targets hold, 1 when one does not.
"""
import csv
import itertools
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys

CAPTION = ("Caption: Dock workers and customs officers walk between rows of "
           "stacked shipping containers at the edge of the harbour early on "
           "a grey morning, as trucks queue at the gates and cranes load the "
           "last vessels before the holiday weekend begins (pair {n})")
FOOTER = [
    "Sign up for our morning newsletter to get the day's top stories "
    "delivered to your inbox before breakfast, every weekday.",
    "Share this story",
    "Read more",
    "Related: Harbour authority weighs higher fees for late arrivals",
    "Related: Rail freight volumes climb for a third straight month",
    "Related: Truckers say new booking system adds hours to each trip",
    "Advertisement",
    "(c) 2024 Harbourside Media Group. All rights reserved.",
]


def paragraphs(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    lines = text.split("\n", 1)
    title = lines[0].strip()
    body = lines[1] if len(lines) > 1 else ""
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body)]
    return title, [p for p in paras if p]


def shingles(text):
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + 5]) for i in range(max(0, len(words) - 4))}


def jaccard(a, b):
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0


def containment(a, b):
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / min(len(sa), len(sb)) if sa and sb else 0.0


def write(path, title, paras):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(title + "\n\n" + "\n\n".join(paras) + "\n")


def edit_copy(paras, donor, rng):
    """Two paragraphs out, ten words changed, one paragraph in; the first
    paragraph (the lead) is left alone."""
    out = list(paras)
    for _ in range(2):
        del out[rng.randrange(1, len(out))]
    donor_words = [w for p in donor for w in p.split() if w.isalpha() and len(w) > 3]
    spots = [(i, j) for i, p in enumerate(out) if i > 0
             for j, w in enumerate(p.split()) if w.isalpha() and len(w) > 3]
    for i, j in rng.sample(spots, min(10, len(spots))):
        words = out[i].split()
        words[j] = rng.choice(donor_words)
        out[i] = " ".join(words)
    out.insert(rng.randrange(1, len(out) + 1), rng.choice(donor))
    return out


def build(work, sources, copies, pairs, rng):
    files = sorted(os.path.join(d, f) for src in sources
                   for d, _, fs in os.walk(src) for f in fs if f.endswith(".txt"))
    rng.shuffle(files)
    read = [(p,) + paragraphs(p) for p in files]
    long_ones = [r for r in read if len(r[2]) >= 6]
    if len(long_ones) < copies + 1 or len(read) < copies + 2 * pairs + 1:
        sys.exit("neardup_eval: not enough articles of six paragraphs or more")
    corpus = os.path.join(work, "corpus")
    shutil.rmtree(corpus, ignore_errors=True)
    used = set()
    truth = []  # (paragraphs of the original, word 5-shingle Jaccard of the copy)
    for n, (path, title, paras) in enumerate(long_ones[:copies]):
        donor = long_ones[(n + copies) % len(long_ones)][2]
        edited = edit_copy(paras, donor, rng)
        orig = os.path.join(corpus, "orig", "%03d.txt" % n)
        copy = os.path.join(corpus, "edit", "%03d.txt" % n)
        write(orig, title, paras)
        write(copy, title, edited)
        truth.append((len(paras), jaccard("\n".join(paras), "\n".join(edited))))
        used.add(path)
    rest = [r for r in read if r[0] not in used]
    for n in range(pairs):
        for side, (path, title, paras) in zip("ab", rest[2 * n:2 * n + 2]):
            page = [CAPTION.format(n=n)] + paras + FOOTER
            write(os.path.join(corpus, "boiler", "%03d-%s.txt" % (n, side)), title, page)
            used.add(path)
    for path, title, paras in read:
        if path not in used:
            write(os.path.join(corpus, "other", "%05d.txt" % len(used)), title, paras)
            used.add(path)
    return corpus, truth


def source_text(corpus, member):
    """A page's text as the source had it: without the caption and the
    footer this script adds to boilerplate pages."""
    paras = paragraphs(os.path.join(corpus, member))[1]
    if member.startswith("boiler/"):
        paras = paras[1:len(paras) - len(FOOTER)]
    return "\n".join(paras)


def run(dossier, db, *args):
    r = subprocess.run([dossier, "--db", db] + list(args), capture_output=True,
                       text=True, check=False)
    if r.returncode not in (0, 1, 3):  # found, not found, none
        sys.exit("neardup_eval: dossier %s failed (%d): %s" % (args[0], r.returncode,
                                                              r.stderr.strip()))
    return r.stdout


def read_groups(dossier, db):
    """similar --groups as lists of document ids."""
    return [json.loads(line)["ids"] for line in
            run(dossier, db, "similar", "--groups", "--json").splitlines()]


def events_check(dossier, work, events_dir):
    """Cross-outlet pairs of one event that the groups join: their count."""
    db = os.path.join(work, "events.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    rows = list(csv.DictReader(open(os.path.join(events_dir, "events.tsv"),
                                    encoding="utf-8"), delimiter="\t"))
    run(dossier, db, "index", "--quiet", events_dir)
    con = sqlite3.connect(db)
    doc = {os.path.relpath(path, events_dir): d for path, d in
           con.execute("SELECT path, doc_id FROM files WHERE doc_id IS NOT NULL")}
    con.close()
    group_of = {}
    for n, ids in enumerate(read_groups(dossier, db)):
        for i in ids:
            group_of[i] = n
    pairs = joined = 0
    by_event = {}
    for r in rows:
        by_event.setdefault(r["event_id"], []).append(r)
    for rs in by_event.values():
        for x, y in itertools.combinations(rs, 2):
            if x["outlet"] == y["outlet"]:
                continue
            pairs += 1
            a, b = doc.get(x["file"]), doc.get(y["file"])
            if a is None or b is None or group_of.get(a, -1) != group_of.get(b, -2):
                continue
            joined += 1
            ta = "\n".join(paragraphs(os.path.join(events_dir, x["file"]))[1])
            tb = "\n".join(paragraphs(os.path.join(events_dir, y["file"]))[1])
            print("  grouped: %s %s (Jaccard %.2f, containment %.2f)"
                  % (x["file"], y["file"], jaccard(ta, tb), containment(ta, tb)))
    print("events: cross-outlet pairs of one event grouped: %d of %d" % (joined, pairs))
    return joined


def main(argv):
    opts = {"--copies": 100, "--pairs": 50, "--seed": 1, "--events": None}
    pos = []
    i = 1
    while i < len(argv):
        if argv[i] in opts:
            opts[argv[i]] = argv[i + 1] if argv[i] == "--events" else int(argv[i + 1])
            i += 2
        else:
            pos.append(argv[i])
            i += 1
    if len(pos) < 3:
        sys.exit(__doc__.split("\n\n")[1])
    dossier, work, sources = pos[0], pos[1], pos[2:]
    rng = random.Random(opts["--seed"])
    corpus, truth = build(work, sources, opts["--copies"], opts["--pairs"], rng)
    db = os.path.join(work, "neardup.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    run(dossier, db, "index", "--quiet", corpus)
    con = sqlite3.connect(db)
    # A file whose text another file already has is the same document: the
    # group of a document is the group of every one of its files.
    doc_of = {os.path.relpath(path, corpus): doc for path, doc in
              con.execute("SELECT path, doc_id FROM files WHERE doc_id IS NOT NULL")}
    con.close()
    name = {}
    for member, doc in sorted(doc_of.items()):
        name.setdefault(doc, member)
    group_of = {}
    groups = []
    for ids in read_groups(dossier, db):
        groups.append([name.get(i, "?%d" % i) for i in ids])
        for member, doc in doc_of.items():
            if doc in ids:
                group_of[member] = len(groups) - 1

    def together(a, b):
        return a in group_of and group_of.get(a) == group_of.get(b)

    n = opts["--copies"]
    grouped = [k for k in range(n) if together("orig/%03d.txt" % k, "edit/%03d.txt" % k)]
    marked_missed = 0
    for k in range(n):
        if k in grouped:
            continue
        out = run(dossier, db, "similar", os.path.join(corpus, "edit", "%03d.txt" % k),
                  "--json", "--limit", "5")
        for line in out.splitlines():
            d = json.loads(line)
            if d["id"] == doc_of.get("orig/%03d.txt" % k) and d.get("near_duplicate"):
                marked_missed += 1
    boiler = sum(1 for k in range(opts["--pairs"])
                 if together("boiler/%03d-a.txt" % k, "boiler/%03d-b.txt" % k))
    other = [g for g in groups if not (len(g) == 2 and g[0][:4] in ("orig", "edit")
                                        and g[0][5:] == g[1][5:])]
    print("copies grouped with their original: %d of %d" % (len(grouped), n))
    for k in range(n):
        if k not in grouped:
            o = "\n".join(paragraphs(os.path.join(corpus, "orig", "%03d.txt" % k))[1])
            e = "\n".join(paragraphs(os.path.join(corpus, "edit", "%03d.txt" % k))[1])
            print("  not grouped: edit/%03d.txt (original of %d paragraphs; word 5-shingle "
                  "Jaccard %.2f, containment %.2f)" % (k, truth[k][0], jaccard(o, e),
                                                      containment(o, e)))
    print("copies marked by similar but missing from the groups: %d" % marked_missed)
    print("boilerplate-only pairs grouped: %d of %d" % (boiler, opts["--pairs"]))
    print("other groups: %d" % len(other))
    real = 0
    for g in other:
        texts = [source_text(corpus, m) for m in g[:2]]
        j = jaccard(*texts)
        real += j >= 0.5
        if j < 0.5:
            print("  not copies: %s (word 5-shingle Jaccard %.2f)" % (" ".join(g), j))
    print("  of them, copies already in the source (Jaccard of the texts 0.5 or more): %d"
          % real)
    print("copies grouped, by the original's length and by the copy's word 5-shingle "
          "Jaccard with it:")
    for lo, hi, what in ((6, 9, "6-9 paragraphs"), (10, 14, "10-14 paragraphs"),
                         (15, 10**6, "15 paragraphs or more")):
        ks = [k for k, (np_, _) in enumerate(truth) if lo <= np_ <= hi]
        print("  %-22s %3d of %3d" % (what, sum(k in grouped for k in ks), len(ks)))
    for lo, hi in ((0, 0.4), (0.4, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 1.01)):
        ks = [k for k, (_, j) in enumerate(truth) if lo <= j < hi]
        print("  Jaccard %.1f-%.1f       %3d of %3d" % (lo, min(hi, 1.0),
                                                    sum(k in grouped for k in ks), len(ks)))
    events_joined = events_check(dossier, work, opts["--events"]) if opts["--events"] else 0
    return 0 if (len(grouped) == n and boiler == 0 and marked_missed == 0
                 and events_joined == 0) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
