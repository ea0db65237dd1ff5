#!/usr/bin/env python3
"""Generate a git repository whose history is N commits of the shipped roadmap data.

Usage: bench/gen_git_history.py N OUT_DIR [--seed S]

OUT_DIR becomes a git repository with roadmaps/ (the shipped vendor files and snapshots) in
its first commit, then N-1 commits on one first-parent line, each changing one or two entries
of one vendor file: an `available` date that slips, is pulled in or is refined, or a note.
Every tenth commit changes a README outside roadmaps/ instead (not a version of the data).
Committed with `git fast-import`, so 10,000 commits take seconds. Deterministic for a given N
and seed. Python 3 stdlib only.
"""

import argparse
import os
import random
import re
import subprocess

DATES = ["2026", "2026H1", "2026H2", "2026Q3", "2027", "2027H1", "2027H2", "2027Q4", "2028",
         "2028H1", "2028H2", "2029"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "roadmaps")
    files = {}
    for root, _, names in os.walk(here):
        for name in sorted(names):
            path = os.path.join(root, name)
            rel = os.path.relpath(path, here)
            with open(path, encoding="utf-8") as f:
                files[rel] = f.read()
    vendors = [name for name in files if "/" not in name and "available:" in files[name]]
    os.makedirs(args.out, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", args.out], check=True)
    stream = []
    when = 1_700_000_000

    def commit(subject, changed):
        nonlocal when
        when += 3600 * 7
        stream.append("commit refs/heads/main\n")
        stream.append(f"committer Bench <bench@example.com> {when} +0100\n")
        data = subject.encode()
        stream.append(f"data {len(data)}\n{subject}\n")
        for path, text in changed.items():
            body = text.encode()
            stream.append(f"M 100644 inline {path}\ndata {len(body)}\n")
            stream.append(body.decode() + "\n")

    commit("the shipped roadmaps", {f"roadmaps/{k}": v for k, v in files.items()})
    readme = 0
    for i in range(1, args.n):
        if i % 10 == 0:
            readme += 1
            commit(f"readme {readme}", {"README": f"revision {readme}\n"})
            continue
        name = rng.choice(vendors)
        text = files[name]
        lines = text.split("\n")
        spots = [k for k, line in enumerate(lines) if re.match(r"\s+available: ", line)]
        for k in rng.sample(spots, min(len(spots), rng.choice([1, 2]))):
            indent = lines[k][: len(lines[k]) - len(lines[k].lstrip())]
            lines[k] = f"{indent}available: {rng.choice(DATES)}"
        files[name] = "\n".join(lines)
        commit(f"{name}: dates move ({i})", {f"roadmaps/{name}": files[name]})
    subprocess.run(["git", "-C", args.out, "fast-import", "--quiet"], input="".join(stream).encode(),
                   check=True)
    subprocess.run(["git", "-C", args.out, "checkout", "-q", "-f", "main"], check=True)


if __name__ == "__main__":
    main()
