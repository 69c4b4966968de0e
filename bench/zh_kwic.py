#!/usr/bin/env python3
"""zh_kwic.py — what word boundaries cost KWIC on Chinese: every person and
organisation of a gold file (tests/extract/gold.py format with "--- orgs")
looked up with `dossier kwic` over the gold articles, against the number of
times the name is in the text as a substring (what KWIC found before it
respected word boundaries). A name is a word or words wherever it is
written, so each line missing is a true occurrence lost to segmentation.

usage: zh_kwic.py DOSSIER GOLD_FILE
"""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests",
                                "extract"))
import gold  # noqa: E402
import zh_gold  # noqa: E402


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    dossier, path = sys.argv[1:]
    arts = gold.parse(path)
    orgs = zh_gold.orgs_of(path)
    with tempfile.TemporaryDirectory() as tmp:
        adir = os.path.join(tmp, "a")
        os.mkdir(adir)
        bodies = []
        for i, a in enumerate(arts):
            title, _, body = a["text"].partition("\n")
            with open(os.path.join(adir, "%03d.txt" % i), "w", encoding="utf-8") as fh:
                fh.write(title + "\n\n" + body)
            bodies.append(body)
        db = os.path.join(tmp, "index.db")
        subprocess.run([dossier, "--db", db, "index", adir], check=True, capture_output=True)
        names = set()
        for a in arts:
            names |= set(a["people"]) | orgs.get(a["id"], set())
        found = want = 0
        for name in sorted(names):
            out = subprocess.run([dossier, "--db", db, "kwic", name], capture_output=True,
                                 text=True).stdout
            m = re.search(r"(\d+) occurrences?", out)
            k = int(m.group(1)) if m else 0
            n = sum(b.count(name) for b in bodies)
            found += min(k, n)
            want += n
            if k != n:
                print("#   %s: kwic %d, in the text %d" % (name, k, n))
        print("%s: KWIC finds %d of %d occurrences of %d gold names (%.3f)"
              % (os.path.basename(path), found, want, len(names), found / max(want, 1)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
