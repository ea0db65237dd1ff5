#!/usr/bin/env python3
"""Generate a chipmap data directory with many snapshots, for benchmarking `chipmap history`.

Usage: bench/gen_history.py SNAPSHOTS ENTRIES OUT_DIR [--seed S]

Writes OUT_DIR/roadmaps/ (docs/format.md section 1): one vendor file per vendor (the working data,
the newest state) and snapshots/ holding SNAPSHOTS snapshot files (section 4), taken about every
two weeks from 2019-01-06, each the whole roadmap of ENTRIES entries over 20 vendors (entries as
bench/gen_snapshots.py makes them, without predecessors). From one snapshot to the next about 3%
of the entries change: an `available` date slips or is pulled in (by whole halves, quarters or
months, pulled back towards its first value when it has drifted a year), is refined or widened, or
the entry ships; about one entry in a thousand is renamed (new id, the old id kept in aliases);
a few entries are dropped for one to three snapshots and come back. Also writes
OUT_DIR/expected.json: how many of each kind of change the generator made. Deterministic for a
given size and seed. Python 3.11 stdlib only.
"""

import argparse
import datetime as dt
import json
import os
import random
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_snapshots as gs  # noqa: E402  (the entries, dates and YAML of the diff benchmark)

START = dt.date(2019, 1, 6)
STEP_DAYS = 14


def shifted(value, rng, toward=None):
    """Returns `value` (a fuzzy date) moved by a few periods of its own precision, never to itself.

    With `toward` (the first promise) more than a year away, moves towards it."""
    s, e = gs.interval(value)
    span = (e - s).days
    prec = ("day" if span == 0 else "month" if span < 40 else "quarter" if span < 100
            else "half" if span < 200 else "year")
    step = {"day": 1, "month": 1, "quarter": 3, "half": 6, "year": 12}[prec]
    k = rng.choice([-2, -1, 1, 1, 2, 3]) * step
    if toward is not None:
        drift = (s.year - gs.interval(toward)[0].year) * 12 + s.month - gs.interval(toward)[0].month
        if abs(drift) > 12:
            k = -step if drift > 0 else step
    y, m = gs.month_add(s.year, s.month, k)
    return gs.fmt_date(y, m, min(s.day, 28), prec)


def refine_or_widen(value, rng):
    """Returns a date inside `value` (2027 -> 2027H2) or around it (2027-08 -> 2027H2), or None."""
    s, e = gs.interval(value)
    span = (e - s).days
    inner = {"year": ("half", 6, 2), "half": ("quarter", 3, 2), "quarter": ("month", 1, 3)}
    prec = "year" if span > 200 else "half" if span > 100 else "quarter" if span > 40 else None
    if prec and rng.random() < 0.7:
        to, months, parts = inner[prec]
        return gs.fmt_date(s.year, s.month + months * rng.randrange(parts), 15, to)
    if span < 200:  # up to a half: widen to its year
        return gs.fmt_date(s.year, s.month, 15, "year")
    return None


def evolve(rng, state, first, taken, counts, serial):
    """Changes about 3% of the entries of `state` (vendor -> entries) in place for one snapshot."""
    for _, entries in state:
        for i, e in enumerate(entries):
            r = rng.random()
            if r >= 0.03:
                continue
            old = e.get("available")
            if r < 0.001 and not e["id"].endswith("-rev"):
                new = dict(e, id=e["id"] + "-rev", aliases=e.get("aliases", []) + [e["id"]])
                first[new["id"]] = first.pop(e["id"], old)
                entries[i] = new
                counts["renamed"] += 1
            elif old is None:
                e["available"] = gs.fmt_date(taken.year + 1, taken.month, 15, "half")
                first.setdefault(e["id"], e["available"])
                counts["dated"] += 1
            elif r < 0.004 and e["status"] in ("announced", "sampling", "rumored"):
                e["status"] = "shipping"
                counts["shipped"] += 1
            elif r < 0.008 and (inner := refine_or_widen(old, rng)):
                e["available"] = inner
                counts["refined_or_widened"] += 1
            else:
                e["available"] = shifted(old, rng, first.get(e["id"]))
                kind = gs.shift_kind(old, e["available"])
                counts[kind or "same"] += 1
            e["sources"] = e["sources"][:2] + [f"https://www.example.com/bench/{serial}-{i}"]


def write_vendor(path, vendor, entries):
    slug, vname, *_ = vendor
    out = ["# chipmap history benchmark data (bench/gen_history.py); not real chips.",
           f"vendor: {slug}", f"name: {gs.scalar(vname)}", "entries:"]
    for e in entries:
        gs.emit_entry(out, e)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def write_snapshot(path, name, taken, state, dropped):
    out = ["# chipmap history benchmark data (bench/gen_history.py); not real chips.",
           "snapshot:", f"  name: {name}", f"  taken: {taken}", "vendors:"]
    for (slug, vname, *_), entries in state:
        out += [f"  - vendor: {slug}", f"    name: {gs.scalar(vname)}", "    entries:"]
        lines = []
        for e in entries:
            if e["id"] not in dropped:
                gs.emit_entry(lines, e)
        out.extend("    " + ln for ln in lines)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("snapshots", type=int)
    ap.add_argument("entries", type=int)
    ap.add_argument("out_dir")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    if a.snapshots < 1 or a.entries < 20:
        ap.error("SNAPSHOTS must be at least 1 and ENTRIES at least 20 (one per vendor)")
    rng = random.Random(a.seed)
    per_vendor = [a.entries // len(gs.VENDORS) + (i < a.entries % len(gs.VENDORS))
                  for i in range(len(gs.VENDORS))]
    state = []
    for v, n in zip(gs.VENDORS, per_vendor):
        entries = []
        for k in range(n):
            e = gs.make_entry(rng, v, k, [])
            e.pop("notes", None)  # 500 entries x 200 snapshots: keep the files near real ones
            entries.append(e)
        state.append((v, entries))
    first = {e["id"]: e.get("available") for _, es in state for e in es}
    counts = {k: 0 for k in ["slipped", "pulled_in", "refined_or_widened",
                             "shipped", "renamed", "dated", "dropped", "same"]}
    root = os.path.join(a.out_dir, "roadmaps")
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(os.path.join(root, "snapshots"))
    away = {}  # id -> snapshots left before it comes back
    for n in range(a.snapshots):
        taken = START + dt.timedelta(days=STEP_DAYS * n)
        if n:
            evolve(rng, state, first, taken, counts, n)
        away = {k: left - 1 for k, left in away.items() if left > 1}
        if n and rng.random() < 0.3:
            _, entries = rng.choice(state)
            gone = rng.choice(entries)["id"]
            if gone not in away:
                away[gone] = rng.randint(1, 3)
                counts["dropped"] += 1
        name = f"{taken}-s{n:03d}"
        write_snapshot(os.path.join(root, "snapshots", f"{name}.yaml"), name, taken, state,
                       set(away))
    for v, entries in state:
        write_vendor(os.path.join(root, f"{v[0]}.yaml"), v, entries)
    with open(os.path.join(a.out_dir, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(counts, f)
        f.write("\n")


if __name__ == "__main__":
    main()
