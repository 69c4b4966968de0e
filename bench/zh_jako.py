#!/usr/bin/env python3
"""zh_jako.py — Japanese and Korean: segmentation, search and KWIC measured.

usage: zh_jako.py DOSSIER BENCH_SEG GOLD ARTICLES_DIR

GOLD is bench/zh/jako.txt: per article of ARTICLES_DIR, the body cut into
words by hand and KWIC terms with the number of times each is a word or
words of the body. Prints, per language: word precision and recall of the
segmenter (a word counts when its span is a gold word's), KWIC lines
against the gold counts, the lines a plain substring search would give
(what KWIC did before it respected word boundaries), and the articles a
full-text search of each term returns.
"""
import os
import re
import subprocess
import sys
import tempfile


def parse(path):
    arts, cur, section = [], None, None
    for line in open(path, encoding="utf-8").read().split("\n"):
        if line.startswith("=== "):
            cur = {"file": line[4:].strip(), "words": [], "kwic": []}
            arts.append(cur)
        elif cur is None or not line.strip():
            continue
        elif line.startswith("--- "):
            section = line[4:].strip()
        elif section == "words":
            cur["words"] += line.strip().split("|")
        elif section == "kwic":
            term, n = line.rsplit(" ", 1)
            cur["kwic"].append((term.strip(), int(n)))
    return arts


def spans(body, words):
    """Byte-free character spans of words found in order in body."""
    out, pos = set(), 0
    for w in words:
        i = body.find(w, pos)
        if i < 0:
            raise SystemExit("word %r not found in order" % w)
        out.add((i, i + len(w)))
        pos = i + len(w)
    return out


def body_of(path):
    text = open(path, encoding="utf-8").read()
    return text.split("\n\n", 1)[1].strip()


def count_kwic(dossier, db, term, body_only_doc=None):
    out = subprocess.run([dossier, "--db", db, "kwic", term], capture_output=True,
                         text=True).stdout
    m = re.search(r"(\d+) occurrences?", out)
    return int(m.group(1)) if m else 0


def count_search(dossier, db, term):
    out = subprocess.run([dossier, "--db", db, "search", term], capture_output=True,
                         text=True).stdout
    m = re.search(r"(\d+) of (\d+) articles", out)
    return int(m.group(2)) if m else 0


def main():
    if len(sys.argv) != 5:
        print(__doc__)
        return 2
    dossier, seg, gold, adir = sys.argv[1:]
    arts = parse(gold)
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "index.db")
        subprocess.run([dossier, "--db", db, "index", adir], check=True, capture_output=True)
        stats = {}
        for a in arts:
            lang = a["file"][:2]
            s = stats.setdefault(lang, {"tp": 0, "got": 0, "want": 0, "k_ok": 0, "k_n": 0,
                                        "k_lines": 0, "k_gold": 0, "sub_lines": 0,
                                        "fp_terms": 0, "fp_kwic": 0, "fp_search": 0})
            body = body_of(os.path.join(adir, a["file"]))
            cut = subprocess.run([seg], input=body + "\n", capture_output=True,
                                 text=True, check=True).stdout.strip().split("|")
            got, want = spans(body, cut), spans(body, a["words"])
            s["tp"] += len(got & want)
            s["got"] += len(got)
            s["want"] += len(want)
            for w in sorted(got - want, key=lambda x: x[0])[:6]:
                print("#   %s: segmenter %s" % (a["file"], body[w[0]:w[1]]))
            for term, n in a["kwic"]:
                k = count_kwic(dossier, db, term)
                sub = body.count(term)
                hits = count_search(dossier, db, term)
                s["k_n"] += 1
                s["k_ok"] += k == n
                s["k_lines"] += min(k, n)
                s["k_gold"] += n
                s["sub_lines"] += sub
                if n == 0:
                    s["fp_terms"] += 1
                    s["fp_kwic"] += k
                    s["fp_search"] += hits > 0
                print("#   %s: %s gold %d, kwic %d, substring %d, search %d article(s)"
                      % (a["file"], term, n, k, sub, hits))
        for lang, s in sorted(stats.items()):
            print("%s: segmentation P %.3f R %.3f (%d/%d/%d); KWIC exact count for %d of %d "
                  "terms, %d of %d gold lines found; substring search would give %d lines; "
                  "%d terms that are no word: KWIC %d lines, full-text search hits for %d"
                  % (lang, s["tp"] / max(s["got"], 1), s["tp"] / max(s["want"], 1), s["tp"],
                     s["got"], s["want"], s["k_ok"], s["k_n"], s["k_lines"], s["k_gold"],
                     s["sub_lines"], s["fp_terms"], s["fp_kwic"], s["fp_search"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
