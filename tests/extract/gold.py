#!/usr/bin/env python3
"""gold.py — precision and recall of figures and people on our own gold.

usage: gold.py DUMP ASSETS GOLD_DIR

GOLD_DIR holds one file per style (wire.txt, web.txt, ...). In each, an
article starts with a line "=== ID", then its text, then "--- figures"
(lines "text | value | unit": every figure a careful reader counts) and
"--- people" (one canonical name a line: every person named). Lines
starting with "#" before the first article are comments.

A figure is found when an extracted figure's text contains the gold text
(whitespace normalised), its unit is the gold unit and its value is the
gold value (1e-6 relative). Prints TAP: one check per floor in FLOORS,
the measured numbers as diagnostics, misses and extras listed.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

# Floors we actually reach, per style: (figure P, figure R, people P, people R).
FLOORS = {
    "wire": (0.98, 0.90, 0.95, 0.90),
    "web": (0.98, 0.95, 0.95, 0.90),
    "british": (0.98, 0.95, 0.95, 0.90),
    "business": (0.98, 0.95, 0.95, 0.90),
}
MIN_ARTICLES = 60

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eval as tapout  # noqa: E402  (eval.py's TAP helpers: tap, diag, norm)

tap, diag, norm = tapout.tap, tapout.diag, tapout.norm


def parse(path):
    arts = []
    cur = None
    section = "text"
    for line in open(path, encoding="utf-8").read().split("\n"):
        if line.startswith("=== "):
            cur = {"id": line[4:].strip(), "text": [], "figures": [], "people": []}
            arts.append(cur)
            section = "text"
        elif cur is None:
            continue
        elif line.startswith("--- "):
            section = line[4:].strip()
        elif section == "text":
            cur["text"].append(line)
        elif section == "figures" and line.strip():
            text, value, unit = [x.strip() for x in line.split("|")]
            cur["figures"].append({"text": text, "value": float(value), "unit": unit})
        elif section == "people" and line.strip():
            cur["people"].append(line.strip())
    for a in arts:
        a["text"] = "\n".join(a["text"]).rstrip("\n") + "\n"
    return arts


def fig_match(want, f):
    if norm(want["text"]) not in norm(f["text"]):
        return False
    if f["unit"] != want["unit"]:
        return False
    v = want["value"]
    return abs(f["value"] - v) <= abs(v) * 1e-6 + 1e-9


def run(binary, assets, arts, tmp):
    paths = []
    for i, a in enumerate(arts):
        p = os.path.join(tmp, "%03d.txt" % i)
        with open(p, "w", encoding="utf-8") as fh:
            fh.write(a["text"])
        paths.append(p)
    out = subprocess.run([binary, "-a", assets] + paths, check=True,
                         capture_output=True).stdout.decode("utf-8")
    dec, pos, objs = json.JSONDecoder(), 0, []
    while True:
        while pos < len(out) and out[pos].isspace():
            pos += 1
        if pos >= len(out):
            return objs
        obj, pos = dec.raw_decode(out, pos)
        objs.append(obj)


def mentions(text, figures):
    """Each extracted figure once per mention: a figure stating the same fact
    as an earlier one is merged into it, its span kept in "also"."""
    raw = text.encode("utf-8")
    out = []
    for f in figures:
        out.append(f)
        for a, b in f.get("also", []):
            m = dict(f)
            m["text"] = raw[a:b].decode("utf-8", "replace")
            out.append(m)
    return out


def score(style, arts, got):
    t = {"ftp": 0, "fgot": 0, "fwant": 0, "ptp": 0, "pgot": 0, "pwant": 0, "subj": 0}
    for a, g in zip(arts, got):
        used = set()
        g = dict(g, figures=mentions(a["text"], g["figures"]))
        for want in a["figures"]:
            hit = next((i for i, f in enumerate(g["figures"])
                        if i not in used and fig_match(want, f)), None)
            if hit is None:
                diag("%s: missed figure %s (%s %s)" % (a["id"], want["text"], want["value"],
                                                        want["unit"]))
            else:
                used.add(hit)
                t["ftp"] += 1
        for i, f in enumerate(g["figures"]):
            if i not in used:
                diag("%s: extra figure %s (%s %s)" % (a["id"], f["text"], f["value"], f["unit"]))
            if f.get("subject"):
                t["subj"] += 1
        t["fgot"] += len(g["figures"])
        t["fwant"] += len(a["figures"])
        people = {e["name"] for e in g["entities"] if e["kind"] == "person"}
        want_p = set(a["people"])
        for p in sorted(people - want_p):
            diag("%s: extra person %s" % (a["id"], p))
        for p in sorted(want_p - people):
            diag("%s: missed person %s" % (a["id"], p))
        t["ptp"] += len(people & want_p)
        t["pgot"] += len(people)
        t["pwant"] += len(want_p)
    return t


def ratio(a, b):
    return a / b if b else 1.0


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    binary, assets, gdir = sys.argv[1:]
    total = 0
    with tempfile.TemporaryDirectory() as tmp:
        for style in sorted(FLOORS):
            path = os.path.join(gdir, style + ".txt")
            arts = parse(path)
            total += len(arts)
            got = run(binary, assets, arts, tmp)
            t = score(style, arts, got)
            fp, fr = ratio(t["ftp"], t["fgot"]), ratio(t["ftp"], t["fwant"])
            pp, pr = ratio(t["ptp"], t["pgot"]), ratio(t["ptp"], t["pwant"])
            diag("%s (%d articles): figures P %.3f R %.3f (%d found, %d extracted, %d gold), "
                 "subjects %.3f; people P %.3f R %.3f (%d/%d/%d)"
                 % (style, len(arts), fp, fr, t["ftp"], t["fgot"], t["fwant"],
                    ratio(t["subj"], t["fgot"]), pp, pr, t["ptp"], t["pgot"], t["pwant"]))
            floor = FLOORS[style]
            tap(fp >= floor[0], "%s: figure precision %.3f >= %.2f" % (style, fp, floor[0]))
            tap(fr >= floor[1], "%s: figure recall %.3f >= %.2f" % (style, fr, floor[1]))
            tap(pp >= floor[2], "%s: people precision %.3f >= %.2f" % (style, pp, floor[2]))
            tap(pr >= floor[3], "%s: people recall %.3f >= %.2f" % (style, pr, floor[3]))
    tap(total >= MIN_ARTICLES, "at least %d gold articles (%d)" % (MIN_ARTICLES, total))
    print("1..%d" % tapout.n_test)
    return 1 if tapout.failed else 0


if __name__ == "__main__":
    sys.exit(main())
