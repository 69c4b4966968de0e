#!/usr/bin/env python3
"""tests/layering/check.py — the arrows of the tree run one way.

Reads the C sources under SRC (src/ and include/dossier/ of a checkout) and
prints one line per violation of the layering rules:

  include  FILE -> HEADER   a file includes a header of a part above its own
  call     FILE -> FUNC     a file calls a function of a part above
  defines  FILE -> FUNC     a file defines a function a part above declares
  sqlite   FILE             sqlite3.h outside src/lib/store/
  curses   FILE             curses outside src/tui/
  private  FILE -> HEADER   a part's private lib.h included from another part
  frontend FILE -> HEADER   the TUI includes a CLI header (or the backend
                            includes either)
  cycle    A -> B -> A      two files include each other (directly or not)
  size     FILE N           a file over MAX_LINES lines

The parts, bottom to top (a part may use only its own and lower ones):

  util < ingest < extract < store < query < compare < corpus < fetch < index < cli/tui

A function belongs to the part whose file defines it at the start of a line
(the house style puts the name of a top-level definition in column 0, so
`grep '^name('` finds it). With --debts FILE, known violations listed there
(one per line, as printed) are allowed, and a listed debt that no longer
occurs is itself reported ("debt-gone"), so the list only shrinks.

Exit status: 0 no violations, 1 violations printed.
"""
import os
import re
import sys

PARTS = ["util", "ingest", "extract", "store", "query", "compare", "corpus", "fetch",
         "index", "cli", "tui"]
RANK = {p: i for i, p in enumerate(PARTS)}
RANK["tui"] = RANK["cli"]  # the two front ends sit side by side

# Public headers (include/dossier/X.h) and the part that owns each.
HEADER_PART = {
    "util.h": "util", "utf8.h": "util", "regex.h": "util", "sentences.h": "util",
    "text.h": "util", "containers.h": "util", "zh.h": "util", "url.h": "util",
    "article.h": "ingest", "ingest.h": "ingest",
    "extract.h": "extract",
    "store.h": "store", "qtree.h": "store", "store_similar.h": "store", "store_story.h": "store", "story.h": "compare", "store_stats.h": "store",
    "query.h": "query",
    "compare.h": "compare",
    "corpus.h": "corpus",
    "fetch.h": "fetch",
    "indexer.h": "index",
}
MAX_LINES = 1000


def part_of(rel):
    """The part a source file belongs to, or None (tests, bench)."""
    m = re.match(r"src/lib/([a-z]+)/", rel)
    if m:
        return m.group(1)
    m = re.match(r"src/(cli|tui)/", rel)
    if m:
        return m.group(1)
    m = re.match(r"include/dossier/([a-z0-9_]+\.h)$", rel)
    if m:
        return HEADER_PART.get(m.group(1))
    return None


def strip_comments_and_strings(text):
    """C text with comments and string/char literals blanked (lines kept)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(c + " " * (j - i - 1) + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


INCLUDE_RE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
DEF_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\(", re.M)
CALL_RE = re.compile(r"\b([A-Za-z_][A-Za-z0-9_]*)\s*\(")
# A function declared in a header: a name and "(" ending a statement with ";".
DECL_RE = re.compile(r"\b([a-z_][a-z0-9_]*)\([^;{}]*\)\s*(?:__attribute__\s*\(\(.*?\)\)\s*)?;", re.S)
STATIC_DEF_RE = re.compile(r"^static\b[^;{]*\n([A-Za-z_][A-Za-z0-9_]*)\(", re.M)


def load(root):
    files = {}
    for top in ("src", "include"):
        for d, _, names in os.walk(os.path.join(root, top)):
            for name in names:
                if name.endswith((".c", ".h")):
                    path = os.path.join(d, name)
                    rel = os.path.relpath(path, root)
                    with open(path, encoding="utf-8", errors="replace") as f:
                        files[rel] = f.read()
    return files


def resolve(rel, kind, target, files):
    """The tree-relative path an #include names, or None (system headers)."""
    if target.startswith("dossier/"):
        cand = "include/" + target
        return cand if cand in files else None
    if kind == '"':
        cand = os.path.normpath(os.path.join(os.path.dirname(rel), target))
        if cand in files:
            return cand
    return None


def check(root):
    files = load(root)
    problems = []
    code = {rel: strip_comments_and_strings(t) for rel, t in files.items()}

    # Who owns each function: the part whose public header declares it, else
    # the file that defines it (static functions are the file's own).
    owner = {}
    for rel, text in code.items():
        if rel.startswith("include/dossier/") and part_of(rel):
            for name in DECL_RE.findall(text):
                owner.setdefault(name, rel)
    for rel, text in code.items():
        if not rel.endswith(".c"):
            continue
        statics = set(STATIC_DEF_RE.findall(text))
        for name in DEF_RE.findall(text):
            if name not in statics:
                owner.setdefault(name, rel)

    graph = {}
    for rel, text in sorted(files.items()):
        part = part_of(rel)
        lines = text.count("\n")
        if lines > MAX_LINES:
            problems.append("size %s %d" % (rel, lines))
        graph[rel] = set()
        for kind, target in INCLUDE_RE.findall(text):
            if target == "sqlite3.h" and not rel.startswith("src/lib/store/"):
                problems.append("sqlite %s" % rel)
            if re.match(r"n?curses(w)?(\.h|/)", target) and not rel.startswith("src/tui/"):
                problems.append("curses %s" % rel)
            dest = resolve(rel, kind, target, files)
            if dest is None:
                continue
            graph[rel].add(dest)
            dpart = part_of(dest)
            if dest.startswith("src/cli/") and not rel.startswith("src/cli/"):
                problems.append("frontend %s -> %s" % (rel, dest))
                continue
            if dest.startswith("src/tui/") and not rel.startswith("src/tui/"):
                # The CLI may start the browser through its one entry header.
                if not (rel.startswith("src/cli/") and dest == "src/tui/browse.h"):
                    problems.append("frontend %s -> %s" % (rel, dest))
                continue
            if dest.endswith("/lib.h") and dest.startswith("src/lib/"):
                if os.path.dirname(dest) != os.path.dirname(rel):
                    problems.append("private %s -> %s" % (rel, dest))
                continue
            if part and dpart and RANK[dpart] > RANK[part]:
                problems.append("include %s -> %s" % (rel, dest))

        if part is None or not rel.endswith(".c"):
            continue
        seen = set()
        for name in CALL_RE.findall(code[rel]):
            dest = owner.get(name)
            if dest is None or dest == rel or name in seen:
                continue
            if re.search(r"^" + name + r"\(", code[rel], re.M):
                # Defined here: a definition of a function a higher part
                # declares is the same upward arrow as a call.
                dpart = part_of(dest)
                if dpart and RANK[dpart] > RANK[part]:
                    seen.add(name)
                    problems.append("defines %s -> %s" % (rel, name))
                continue
            dpart = part_of(dest)
            if dpart and RANK[dpart] > RANK[part]:
                seen.add(name)
                problems.append("call %s -> %s" % (rel, name))

    # Include cycles (Tarjan would be overkill: the graph is small).
    for start in sorted(graph):
        stack = [(start, [start])]
        visited = set()
        while stack:
            node, path = stack.pop()
            for nxt in sorted(graph.get(node, ())):
                if nxt == start:
                    cyc = path + [start]
                    if start == min(cyc[:-1]):
                        problems.append("cycle " + " -> ".join(cyc))
                elif nxt not in visited:
                    visited.add(nxt)
                    stack.append((nxt, path + [nxt]))
    return sorted(set(problems))


def main(argv):
    root = "."
    debts_path = None
    args = argv[1:]
    while args:
        a = args.pop(0)
        if a == "--debts":
            debts_path = args.pop(0)
        else:
            root = a
    problems = check(root)
    debts = []
    if debts_path:
        with open(debts_path, encoding="utf-8") as f:
            debts = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    # A size debt stays a debt while the file is over the limit, whatever its length.
    def key(p):
        return re.sub(r"^(size \S+) \d+$", r"\1", p)
    have = {key(p) for p in problems}
    owed = {key(d) for d in debts}
    bad = [p for p in problems if key(p) not in owed]
    gone = ["debt-gone " + d for d in debts if key(d) not in have]
    for line in bad + gone:
        print(line)
    return 1 if bad or gone else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
