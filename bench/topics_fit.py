#!/usr/bin/env python3
"""topics_fit.py — fit the term weights of the standard taxonomy in
assets/topics.conf on labelled articles, and measure on held-out ones.

  topics_fit.py DOSSIER [--assets DIR] [--bbc DIR] [--work DIR] [--folds K]
                [--epochs N] [--write] [--report FILE]

Labels: the BBC News set's five folders (business -> economy, entertainment
-> arts-culture-entertainment, politics -> politics, sport -> sport, tech ->
science-technology). What is fitted is the WEIGHT of each term the
taxonomy's blocks already list (the blocks above "# ---- add-on"); the
vocabulary, thresholds, caps, conditions and the add-on topics stay as
written, so the asset stays a list of topic words, not of documents.

1. Features from dossier's own matcher: every distinct term becomes a probe
   topic of its own (weight 100, cap 1000, threshold 0) in a scratch
   topics.conf; the BBC folder is indexed with it, and each probe's stored
   score and spans give, per article, the term's count (body + 2 x title,
   as the scorer counts), whether it was in the title or lead, and the
   length norm. The add-on topics are indexed as they are, so their scores
   (which flow up to their parents) are known too.
2. A simulation of extract/score.c's decision (subtree sums, thresholds,
   min-terms or title/lead, the top-level topic ranked first) on those
   features; its agreement with the real run is printed.
3. Fit: an averaged perceptron with a margin, started from the written
   weights and pulled back to them (an L2 step each epoch), weights kept in
   [0.5, 6] and rounded to halves. Only the weights of terms seen in the
   training articles move.
4. Held out, measured by the real program (index with the fitted rules,
   compare the first top-level topic with the label): K-fold (articles
   dealt to folds by id) and the fixed split of tests/topics/bbc.py (fit
   on odd file numbers, test on even). Never on the articles fitted.
5. --write: the weights fitted on the odd half are written into
   assets/topics.conf (each fitted block's 'terms' lines regrouped by
   weight, Latin before Chinese, in their written order), so the held-out
   half of tests/topics/bbc.py stays held out.

Deterministic: no randomness; the order of articles is their id.
"""
import csv
import io
import math
import os
import re
import shutil
import sqlite3
import subprocess
import sys

LABEL_MAP = {
    "business": "economy",
    "entertainment": "arts-culture-entertainment",
    "politics": "politics",
    "sport": "sport",
    "tech": "science-technology",
}
ADDON_MARK = "# ---- add-on"
LEAD_WORDS = 60          # TP_LEAD_WORDS
SIBLING_SHARE = 0.25     # TP_SIBLING_SHARE
PROBE_W = 100.0
W_MIN, W_MAX = 0.5, 6.0


# ---- topics.conf -----------------------------------------------------------

class Block:
    def __init__(self, slug, start):
        self.slug = slug
        self.start = start      # line index of [slug]
        self.lines = []         # (line index, key, value)
        self.threshold = 4.0
        self.cap = 3
        self.min_terms = 1
        self.terms = []         # [term, weight] in written order
        self.addon = False


def parse_conf(path):
    """The blocks of a topics.conf and its lines."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    blocks, cur, addon = [], None, False
    for i, line in enumerate(lines):
        if line.startswith(ADDON_MARK):
            addon = True
        m = re.match(r"^\[([a-z0-9/-]+)\]\s*$", line)
        if m:
            cur = Block(m.group(1), i)
            cur.addon = addon
            blocks.append(cur)
            continue
        if cur is None or not line.strip() or line.lstrip().startswith("#") or "=" not in line:
            continue
        key, val = (s.strip() for s in line.split("=", 1))
        cur.lines.append((i, key, val))
        if key == "threshold":
            cur.threshold = float(val)
        elif key == "cap":
            cur.cap = int(val)
        elif key == "min-terms":
            cur.min_terms = int(val)
        elif key == "terms":
            w, rest = val.split(None, 1)
            for t in rest.split(","):
                if t.strip():
                    cur.terms.append([t.strip(), float(w)])
    return lines, blocks


def parent(slug):
    return slug.rsplit("/", 1)[0] if "/" in slug else None


def ancestors(slug):
    out = []
    while parent(slug):
        slug = parent(slug)
        out.append(slug)
    return out


def effective_terms(blocks):
    """(slug, term) -> weight for the taxonomy's terms, a term written in a
    topic and one above it kept for the lower one (as the loader does)."""
    tax = [b for b in blocks if not b.addon]
    owner = {}
    for b in tax:
        for t, _ in b.terms:
            owner.setdefault(t, []).append(b.slug)
    eff = {}
    for b in tax:
        for t, w in b.terms:
            lower = [s for s in owner[t] if b.slug in ancestors(s)]
            if not lower and (b.slug, t) not in eff:
                eff[(b.slug, t)] = w
    return eff


def is_cjk(term):
    return any(ord(c) >= 0x2E80 for c in term)


def render_conf(lines, blocks, weights):
    """topics.conf with each taxonomy block's terms regrouped by weight."""
    out = list(lines)
    drop = set()
    for b in blocks:
        if b.addon:
            continue
        idx = [i for i, k, _ in b.lines if k == "terms"]
        if not idx:
            continue
        groups = {}
        written = {t for t, _ in b.terms}
        added = [[t, w] for (slug, t), w in sorted(weights.items())
                 if slug == b.slug and t not in written]
        for t, w in b.terms + added:
            nw = weights.get((b.slug, t), w)
            groups.setdefault((is_cjk(t), -nw), []).append(t)
        text = []
        for (cjk, negw), ts in sorted(groups.items()):
            w = -negw
            ws = ("%d" % w) if w == int(w) else ("%.1f" % w)
            text.append("terms = %s %s" % (ws, ", ".join(ts)))
        out[idx[0]] = "\n".join(text)
        drop.update(idx[1:])
    return "\n".join(l for i, l in enumerate(out) if i not in drop)


# ---- features from the real matcher ----------------------------------------

def run(dossier, assets, folder, db, work):
    env = dict(os.environ, DOSSIER_ASSETS=assets, XDG_CONFIG_HOME=os.path.join(work, "config"))
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    subprocess.run([dossier, "--db", db, "index", "--quiet", folder], check=True, env=env)


def assets_with(src_assets, work, name, conf_text):
    """A scratch assets folder: the shipped one with another topics.conf."""
    d = os.path.join(work, name)
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(d)
    for entry in os.listdir(src_assets):
        if entry != "topics.conf":
            os.symlink(os.path.abspath(os.path.join(src_assets, entry)), os.path.join(d, entry))
    with open(os.path.join(d, "topics.conf"), "w", encoding="utf-8") as f:
        f.write(conf_text)
    return d


def probe_conf(lines, blocks, terms):
    """Each term a probe topic zpN/t of its own, the add-on topics as
    written, under empty parents."""
    out = ["# probes written by bench/topics_fit.py"]
    for n, t in enumerate(terms):
        out += ["[zp%d]" % n, "name = p", "threshold = 1000000", "",
                "[zp%d/t]" % n, "name = t", "threshold = 0", "cap = 1000", "min-terms = 1",
                "terms = %g %s" % (PROBE_W, t), ""]
    need = set()
    for b in blocks:
        if b.addon:
            need.update(ancestors(b.slug))
    for slug in sorted(need, key=lambda s: s.count("/")):
        if not any(b.slug == slug and b.addon for b in blocks):
            out += ["[%s]" % slug, "name = x", "threshold = 1000000", ""]
    for b in blocks:
        if b.addon:
            end = min([c.start for c in blocks if c.start > b.start] + [len(lines)])
            out += lines[b.start:end]
    return "\n".join(out) + "\n"


def lead_end(body):
    n = 0
    for m in re.finditer(r"\w+", body):
        n += 1
        if n >= LEAD_WORDS:
            return m.end()
    return len(body) + 1


def collect(dossier, assets, bbc, work, lines, blocks, terms):
    """Per article: id, label, file number, norm, {term: (count, lead)},
    {addon slug: raw score}."""
    a = assets_with(assets, work, "assets-probe", probe_conf(lines, blocks, terms))
    db = os.path.join(work, "probe.db")
    run(dossier, a, bbc, db, work)
    con = sqlite3.connect(db)
    addon = {b.slug for b in blocks if b.addon}
    docs = {}
    for did, body in con.execute("SELECT id, body FROM documents ORDER BY id"):
        docs[did] = {"id": did, "lead_end": lead_end(body), "probe": {}, "addon": {}}
    path_of = {}
    env = dict(os.environ, DOSSIER_ASSETS=a, XDG_CONFIG_HOME=os.path.join(work, "config"))
    out = subprocess.run([dossier, "--db", db, "export", "--format", "csv"], check=True,
                         env=env, capture_output=True, text=True).stdout
    for row in csv.DictReader(io.StringIO(out)):
        path_of[int(row["id"])] = row["path"]
    for did, slug, score, spans in con.execute("SELECT doc_id, slug, score, spans FROM doc_topics"):
        d = docs[did]
        if slug.startswith("zp") and slug.endswith("/t"):
            sp = [tuple(map(int, s.split("-"))) for s in spans.split(",")] if spans else []
            d["probe"][int(slug[2:-2])] = (score, sp)
        elif slug in addon:
            d["addon"][slug] = score
    con.close()
    out = []
    for did, d in sorted(docs.items()):
        rel = os.path.relpath(path_of.get(did, ""), bbc)
        label = rel.split(os.sep)[0]
        if label not in LABEL_MAP:
            continue
        # norm: score = 100 c / norm, c >= body hits, equal without title hits
        norm = 1.0
        for score, sp in d["probe"].values():
            if sp and score > 0:
                norm = max(norm, PROBE_W * len(sp) / score)
        feats = {}
        for n, (score, sp) in d["probe"].items():
            c = int(round(score * norm / PROBE_W))
            lead = c > len(sp) or any(s[0] < d["lead_end"] for s in sp)
            feats[terms[n]] = (c, lead)
        addon_raw = {s: v * norm for s, v in d["addon"].items()}
        num = int(os.path.splitext(os.path.basename(rel))[0])
        out.append({"id": did, "label": LABEL_MAP[label], "num": num, "norm": norm,
                    "feats": feats, "addon": addon_raw})
    return out


STOP = set("""about above after again against also although among another because been
before being below between both cannot could does doing down during each either
even every from further have having here into itself just last least less made
make many more most much must neither never next none only other others over own
same several should since some still such than that their theirs them then there
these they this those through under until upon very were what when where whether
which while whom whose will with within would year years your said says told
week weeks month months today yesterday people time times first second third
able around available different find means lets using used uses useful saying
happened included suggested ways view works written didn doesn isn wasn aren
couldn wouldn shouldn haven hasn themselves something anything everything
another already really thing things going want wants wanted""".split())


def bodies(db):
    con = sqlite3.connect(db)
    out = {did: (title or "") + "\n" + body
           for did, title, body in con.execute("SELECT id, title, body FROM documents")}
    con.close()
    return out


def crude_stem(w):
    """Near enough to extract/terms.c's folding to tell a word already
    listed ("shares" when "share" is)."""
    for suf, rep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("e", "")):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[:len(w) - len(suf)] + rep
    return w


def candidates(train, text, known, per_label=30, min_share=0.08, min_ratio=3.0):
    """Words to add to each label's top-level topic, chosen on the training
    articles only: common nouns and verbs (written in lower case at least
    nine times in ten, four letters or more, not a function word, not a
    term of the taxonomy yet) in at least min_share of the label's articles
    and min_ratio times as common there as in the others; the per_label
    best by share x log ratio. -> {(slug, word): 1.0}"""
    df, n, lower, total = {}, {}, {}, {}
    for d in train:
        n[d["label"]] = n.get(d["label"], 0) + 1
        words = set()
        for m in re.finditer(r"[A-Za-z][a-z]+", text[d["id"]]):
            w = m.group(0)
            lw = w.lower()
            total[lw] = total.get(lw, 0) + 1
            lower[lw] = lower.get(lw, 0) + (w == lw)
            words.add(lw)
        for w in words:
            df.setdefault(w, {})
            df[w][d["label"]] = df[w].get(d["label"], 0) + 1
    known = {crude_stem(t.lower()) for t in known}
    out = {}
    N = len(train)
    for label, nl in sorted(n.items()):
        scored = []
        for w, per in df.items():
            if len(w) < 4 or w in STOP or crude_stem(w) in known or lower[w] < 0.9 * total[w]:
                continue
            a = per.get(label, 0)
            share = a / nl
            rest = (sum(per.values()) - a + 1) / (N - nl + 2)
            if share < min_share or share / rest < min_ratio:
                continue
            scored.append((-share * math.log(share / rest), w))
        for _, w in sorted(scored)[:per_label]:
            out[(label, w)] = 1.0
    return out


# ---- the scorer, simulated -------------------------------------------------

class Model:
    def __init__(self, blocks, eff):
        self.tax = [b for b in blocks if not b.addon and not b.slug == "general"]
        self.by_slug = {b.slug: b for b in blocks}
        self.tops = [b.slug for b in self.tax if "/" not in b.slug]
        self.eff = eff
        self.term_topics = {}
        for (slug, t), _ in eff.items():
            self.term_topics.setdefault(t, []).append(slug)
        # children before parents, as tp_decide walks them
        self.order = sorted([b.slug for b in blocks if b.slug != "general"],
                            key=lambda s: -s.count("/"))

    def scores(self, doc, w):
        """(top-level slug -> raw score if chosen, contributing features)."""
        raw, distinct, lead, chosen_child = {}, {}, {}, set()
        contrib = {}
        for t, (c, ld) in doc["feats"].items():
            for slug in self.term_topics.get(t, ()):
                b = self.by_slug[slug]
                x = min(c, b.cap)
                raw[slug] = raw.get(slug, 0.0) + w[(slug, t)] * x
                distinct[slug] = distinct.get(slug, 0) + 1
                lead[slug] = lead.get(slug, False) or ld
                contrib.setdefault(slug, []).append(((slug, t), x / doc["norm"]))
        for slug, v in doc["addon"].items():
            raw[slug] = v
            distinct[slug] = 99
            lead[slug] = True
        chosen = {}
        for slug in self.order:
            b = self.by_slug[slug]
            r = raw.get(slug, 0.0)
            if b.addon:
                ok = slug in doc["addon"]
            else:
                ok = slug in chosen_child or (
                    r > 0 and r / doc["norm"] >= b.threshold and
                    (distinct.get(slug, 0) >= b.min_terms or lead.get(slug, False)))
            if not ok:
                continue
            chosen[slug] = r
            up = parent(slug)
            if up:
                raw[up] = raw.get(up, 0.0) + r
                distinct[up] = distinct.get(up, 0) + distinct.get(slug, 0)
                lead[up] = lead.get(up, False) or lead.get(slug, False)
                chosen_child.add(up)
                contrib.setdefault(up, []).extend(contrib.get(slug, []))
        top = {s: chosen[s] / doc["norm"] for s in self.tops if s in chosen}
        return top, contrib

    def predict(self, doc, w):
        top, _ = self.scores(doc, w)
        if not top:
            return None
        return sorted(top.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def fit(model, docs, w0, epochs, rate=0.25, margin=2.0, pull=0.05):
    """Averaged perceptron with a margin on the simulated top-level scores."""
    w = dict(w0)
    acc = {k: 0.0 for k in w}
    steps = 0
    for _ in range(epochs):
        for doc in docs:
            top, contrib = model.scores(doc, w)
            gold = doc["label"]
            g = top.get(gold, 0.0)
            rivals = [(v, s) for s, v in top.items() if s != gold]
            rv, rs = max(rivals) if rivals else (0.0, None)
            need_thr = model.by_slug[gold].threshold
            if g < need_thr + margin or g < rv + margin:
                for k, x in contrib.get(gold, ()):
                    w[k] = min(W_MAX, w[k] + rate * x)
            if rs is not None and g < rv + margin:
                for k, x in contrib.get(rs, ()):
                    w[k] = max(W_MIN, w[k] - rate * x)
            steps += 1
        for k in w:
            w[k] = w0[k] + (1 - pull) * (w[k] - w0[k])
            acc[k] += w[k]
    return {k: max(W_MIN, min(W_MAX, round(2 * acc[k] / epochs) / 2)) for k in w}


# ---- measuring with the real program ---------------------------------------

def real_accuracy(dossier, assets, bbc, work, conf_text, name, keep):
    """Index the BBC folder with conf_text; (agree, none, n, rows) over the
    labelled documents whose id is in keep (all when None); rows: id ->
    (first top-level topic, label's topic, file number)."""
    a = assets_with(assets, work, "assets-" + name, conf_text)
    db = os.path.join(work, name + ".db")
    run(dossier, a, bbc, db, work)
    env = dict(os.environ, DOSSIER_ASSETS=a, XDG_CONFIG_HOME=os.path.join(work, "config"))
    out = subprocess.run([dossier, "--db", db, "export", "--format", "csv"], check=True,
                         env=env, capture_output=True, text=True).stdout
    agree = none = n = 0
    rows = {}
    for row in csv.DictReader(io.StringIO(out)):
        rel = os.path.relpath(row["path"], bbc)
        label = rel.split(os.sep)[0]
        did = int(row["id"])
        if label not in LABEL_MAP or (keep is not None and did not in keep):
            continue
        top = next((s for s in row["topics"].split(",") if s and "/" not in s and s != "general"),
                   None)
        num = int(os.path.splitext(os.path.basename(rel))[0])
        rows[did] = (top, LABEL_MAP[label], num)
        n += 1
        agree += top == LABEL_MAP[label]
        none += top is None
    return agree, none, n, rows


def pct(a, n):
    return 100.0 * a / n if n else 0.0


def parse_args():
    args = sys.argv[1:]
    opts = {"--assets": None, "--bbc": "/work/shared/corpus/bbc", "--work": "/tmp/topics-fit",
            "--folds": "5", "--epochs": "8", "--report": None, "--new-terms": "30"}
    opts["--write"] = "--write" in args
    args = [x for x in args if x != "--write"]
    for k in list(opts):
        if k in args:
            i = args.index(k)
            opts[k] = args[i + 1]
            del args[i:i + 2]
    if len(args) != 1:
        sys.exit(__doc__)
    opts["dossier"] = os.path.abspath(args[0])
    here = os.path.dirname(os.path.abspath(__file__))
    opts["--assets"] = os.path.abspath(opts["--assets"] or os.path.join(here, "..", "assets"))
    os.makedirs(os.path.join(opts["--work"], "config"), exist_ok=True)
    return opts


def main():
    o = parse_args()
    dossier, assets, bbc, work = o["dossier"], o["--assets"], o["--bbc"], o["--work"]
    folds, epochs, per_label = int(o["--folds"]), int(o["--epochs"]), int(o["--new-terms"])
    conf_path = os.path.join(assets, "topics.conf")
    lines, blocks = parse_conf(conf_path)
    eff = effective_terms(blocks)
    report = []

    def say(msg):
        print(msg, flush=True)
        report.append(msg)

    say("written terms: %d in %d taxonomy topics" % (len(eff), len({s for s, _ in eff})))
    agree, none, n, written = real_accuracy(dossier, assets, bbc, work, "\n".join(lines),
                                            "written", None)
    say("written weights, all %d articles: top topic agrees %.1f%%, no topic %d"
        % (n, pct(agree, n), none))
    text = bodies(os.path.join(work, "written.db"))
    meta = [{"id": did, "label": lab, "num": num} for did, (_, lab, num) in sorted(written.items())]
    # training sets: the odd half (tests/topics/bbc.py holds out the even
    # one), then each fold's complement (articles dealt to folds by id)
    sets = [("split", [d for d in meta if d["num"] % 2], [d for d in meta if not d["num"] % 2])]
    for f in range(folds):
        sets.append(("fold%d" % (f + 1), [d for i, d in enumerate(meta) if i % folds != f],
                     [d for i, d in enumerate(meta) if i % folds == f]))
    known = [t for (_, t) in eff]
    new = {name: candidates(train, text, known, per_label) for name, train, _ in sets}
    terms = sorted({t for (_, t) in eff} | {t for c in new.values() for (_, t) in c})
    docs = {d["id"]: d for d in collect(dossier, assets, bbc, work, lines, blocks, terms)}
    same = sum(Model(blocks, eff).predict(d, eff) == written[i][0] for i, d in docs.items())
    say("features of %d terms from the real matcher; the simulation agrees with the real scorer "
        "on %d of %d articles (%.1f%%)" % (len(terms), same, len(docs), pct(same, len(docs))))
    tot = [0, 0, 0, 0]
    fitted = None
    for name, train, test in sets:
        w0 = dict(eff)
        w0.update(new[name])
        model = Model(blocks, w0)
        tr = [docs[d["id"]] for d in train]
        w = fit(model, tr, w0, epochs)
        conf = render_conf(lines, blocks, w)
        a, no, n, _ = real_accuracy(dossier, assets, bbc, work, conf, name,
                                    {d["id"] for d in test})
        a0 = sum(written[d["id"]][0] == d["label"] for d in test)
        sim = sum(model.predict(d, w) == d["label"] for d in tr)
        say("%s: fitted on %d, held out %d: %.1f%% (written weights %.1f%%), no topic %d; "
            "simulated on the fitted articles %.1f%%; %d words added, %d weights moved"
            % (name, len(train), n, pct(a, n), pct(a0, n), no, pct(sim, len(tr)),
               len(new[name]), sum(1 for k in eff if w[k] != eff[k])))
        if name == "split":
            fitted = conf
        else:
            tot = [tot[0] + a, tot[1] + n, tot[2] + no, tot[3] + a0]
    if folds:
        say("%d-fold, held out: %d/%d = %.1f%% (written weights %.1f%%), no topic %d"
            % (folds, tot[0], tot[1], pct(tot[0], tot[1]), pct(tot[3], tot[1]), tot[2]))
    if o["--write"]:
        with open(conf_path, "w", encoding="utf-8") as f:
            f.write(fitted)
        say("wrote %s: the weights fitted on the odd half" % conf_path)
    if o["--report"]:
        with open(o["--report"], "w", encoding="utf-8") as f:
            f.write("\n".join(report) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
