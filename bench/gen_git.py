#!/usr/bin/env python3
"""Generate a git repository of the shipped roadmap with many commits, for `chipmap history --git`.

Usage: bench/gen_git.py COMMITS OUT_DIR [--seed S] [--roadmaps DIR]

Makes OUT_DIR a git repository (branch main, checked out) whose first commit adds the vendor
files of DIR (default: this repository's roadmaps/, without snapshots) as roadmaps/, followed by
COMMITS - 1 commits, each changing one or two entries of one vendor file as an analyst would:
an `available` date slips or is pulled in (by periods of its own precision, pulled back when it
has drifted a year from the shipped value), is refined or widened, a spec changes, an entry
ships, or now and then one is renamed (new id, the old one kept in its aliases). Edits are made
on the text, so comments and layout stay as shipped. Commit dates are spread over 2022-01 ..
2026-06, a few hours to days apart. The history is written by one `git fast-import`, which
takes seconds where COMMITS `git commit`s would take minutes. Also writes
OUT_DIR/../NAME.expected.json: how many of each kind of change it made. Deterministic for a
given COMMITS and seed. Needs git; Python 3.11 stdlib only.
"""

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_history as gh  # noqa: E402  (date moves)

ID = re.compile(r"^  - id: (\S+)\s*$")
FIELD = re.compile(r"^    ([a-z_]+):(.*)$")
START = dt.datetime(2022, 1, 3, 9, 0, tzinfo=dt.timezone.utc)
END = dt.datetime(2026, 6, 30, 18, 0, tzinfo=dt.timezone.utc)


def blocks(lines):
    """Returns (id, start, end) of every entry: its lines are lines[start:end], no blank at the end."""
    out, current = [], None
    for i, line in enumerate(lines + ["  # end"]):
        m = ID.match(line)
        if current and (m or re.match(r"^ ?\S|^  \S", line)):
            end = i
            while lines[end - 1].strip() == "":
                end -= 1
            out.append((current[0], current[1], end))
            current = None
        if m:
            current = (m.group(1), i)
    return out


def field(lines, start, end, name):
    """Returns the index of the entry's top-level field `name`, or None."""
    for i in range(start, end):
        m = FIELD.match(lines[i])
        if m and m.group(1) == name:
            return i
    return None


def move_date(rng, lines, start, end, first, key):
    i = field(lines, start, end, "available")
    if i is None:
        return None
    old = lines[i].split(":", 1)[1].strip().strip("'\"")
    if rng.random() < 0.15 and (inner := gh.refine_or_widen(old, rng)):
        new, kind = inner, "refined_or_widened"
    else:
        new = gh.shifted(old, rng, first.setdefault(key, old))
        kind = gh.gs.shift_kind(old, new)
    lines[i] = f"    available: {new}"
    return kind


def change_spec(rng, lines, start, end, serial):
    i = field(lines, start, end, "specs")
    if i is None:
        j = field(lines, start, end, "sources")
        j = end if j is None else j
        lines[j:j] = ["    specs:", f"      bench_revision: {serial}"]
        return
    j = i + 1
    while j < end and lines[j].startswith("      ") and not lines[j].startswith("      bench_"):
        j += 1
    if j < end and lines[j].startswith("      bench_revision:"):
        lines[j] = f"      bench_revision: {serial}"
    else:
        lines.insert(i + 1, f"      bench_revision: {serial}")


def ship(lines, start, end):
    i = field(lines, start, end, "status")
    if i is None or lines[i].split(":", 1)[1].strip() not in ("announced", "sampling", "rumored"):
        return False
    lines[i] = "    status: shipping"
    return True


def rename(lines, start, end):
    old = ID.match(lines[start]).group(1)
    if old.endswith("-rev") or any(line == f"    predecessor: {old}" for line in lines):
        return None
    new = old + "-rev"
    lines[start] = f"  - id: {new}"
    i = field(lines, start, end, "aliases")
    if i is None:
        at = field(lines, start, end, "name")
        lines.insert(start + 1 if at is None else at + 1, f"    aliases: [{old}]")
    else:
        lines[i] = lines[i].rstrip().rstrip("]") + f", {old}]"
    return new


def one_commit(rng, files, weights, first, serial, counts):
    """Edits one or two entries of one vendor file, picked by `weights`; returns (path, subject)."""
    name = rng.choices(list(files), weights)[0]
    lines = files[name]
    words = []
    for _ in range(rng.choice([1, 1, 2])):
        entries = blocks(lines)
        key, start, end = rng.choice(entries)
        r = rng.random()
        if r < 0.005 and (new := rename(lines, start, end)):
            first[f"{name}:{new}"] = first.pop(f"{name}:{key}", None)
            counts["renamed"] += 1
            words.append(f"{key} is now {new}")
        elif r < 0.05 and ship(lines, start, end):
            counts["shipped"] += 1
            words.append(f"{key} ships")
        elif r < 0.25 or not (kind := move_date(rng, lines, start, end, first, f"{name}:{key}")):
            change_spec(rng, lines, start, end, serial)
            counts["spec"] += 1
            words.append(f"{key} spec")
        else:
            counts[kind] += 1
            words.append(f"{key} {kind.replace('_', ' ')}")
    return name, f"{name.removesuffix('.yaml')}: " + ", ".join(words)


def data(text):
    raw = text.encode("utf-8")
    return b"data %d\n" % len(raw) + raw + b"\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("commits", type=int)
    ap.add_argument("out_dir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--roadmaps", default=os.path.join(here, "..", "roadmaps"))
    a = ap.parse_args()
    if a.commits < 1:
        ap.error("COMMITS must be at least 1")
    rng = random.Random(a.seed)
    files = {}
    for name in sorted(os.listdir(a.roadmaps)):
        if name.endswith(".yaml"):
            with open(os.path.join(a.roadmaps, name), encoding="utf-8") as f:
                files[name] = f.read().splitlines()
    shutil.rmtree(a.out_dir, ignore_errors=True)
    os.makedirs(a.out_dir)
    subprocess.run(["git", "init", "-q", "-b", "main", a.out_dir], check=True)
    git = subprocess.Popen(["git", "-C", a.out_dir, "fast-import", "--quiet"],
                           stdin=subprocess.PIPE)
    counts = {k: 0 for k in ["slipped", "pulled_in", "refined_or_widened", "spec", "shipped",
                             "renamed"]}
    first = {}
    weights = [len(blocks(t)) + 1 for t in files.values()]  # busy vendors change more often
    gap = (END - START) / max(a.commits, 1)
    when = START
    for n in range(a.commits):
        if n == 0:
            changed, subject = list(files), "The shipped roadmap"
        else:
            name, subject = one_commit(rng, files, weights, first, n, counts)
            changed = [name]
        stamp = f"{int(when.timestamp())} +0000"
        who = "Bench Analyst <analyst@example.com>"
        out = [b"commit refs/heads/main\n",
               f"author {who} {stamp}\ncommitter {who} {stamp}\n".encode(), data(subject)]
        for name in changed:
            out += [f"M 100644 inline roadmaps/{name}\n".encode(),
                    data("\n".join(files[name]) + "\n")]
        git.stdin.write(b"".join(out) + b"\n")
        when += gap * rng.uniform(0.2, 1.8)
        when = min(when, END)
    git.stdin.close()
    if git.wait() != 0:
        sys.exit("git fast-import failed")
    subprocess.run(["git", "-C", a.out_dir, "reset", "-q", "--hard", "main"], check=True)
    with open(a.out_dir.rstrip("/") + ".expected.json", "w", encoding="utf-8") as f:
        json.dump(counts, f)
        f.write("\n")


if __name__ == "__main__":
    main()
