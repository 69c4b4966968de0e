"""topiclib.py — what the topic checks share: TAP output, indexing a folder
with the shipped rules and reading back each article's topics (best first),
and the first top-level topic of a list."""
import csv
import io
import os
import subprocess

n_test = 0
failed = 0


def tap(cond, name):
    global n_test, failed
    n_test += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (n_test, name))
    if not cond:
        failed += 1


def diag(msg):
    for line in msg.splitlines():
        print("# " + line)


def top_topic(slugs):
    """The first top-level topic other than the fallback, or None."""
    for s in slugs:
        if s and "/" not in s and s != "general":
            return s
    return None


def index_and_export(dossier, assets, folder, work, name):
    """Index folder into a fresh WORK/NAME.db and return the export's rows."""
    env = dict(os.environ, DOSSIER_ASSETS=assets, XDG_CONFIG_HOME=os.path.join(work, "config"))
    db = os.path.join(work, name + ".db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    subprocess.run([dossier, "--db", db, "index", "--quiet", folder], check=True, env=env)
    out = subprocess.run([dossier, "--db", db, "export", "--format", "csv"], check=True,
                         env=env, capture_output=True, text=True).stdout
    return list(csv.DictReader(io.StringIO(out)))
