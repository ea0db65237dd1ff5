#!/usr/bin/env python3
"""Generate two chipmap snapshot files for benchmarking `chipmap diff`.

Usage: bench/gen_snapshots.py N OUT_DIR [--seed S]

Writes OUT_DIR/old.yaml and OUT_DIR/new.yaml (docs/format.md section 4): N entries spread over 20
vendors. new.yaml is old.yaml with about 5% of the entries modified (dates slipped or pulled in,
memory capacity, status, notes, a spec), 1% removed, 1% added and a few renamed (new id, old id
kept in aliases), plus a few rewrites that mean the same (`H2 2026` for `2026H2`, `80.0` for `80`),
which are not changes. Entries keep their order, so `diff -u` sees only the real edits.
Also writes OUT_DIR/expected.json: the `summary` a correct `chipmap diff old new` should print.
Deterministic for a given N and seed. Python 3.11 stdlib only.
"""

import argparse
import datetime as dt
import json
import os
import random

VENDORS = [  # (slug, display name, id prefix, kind, families)
    ("nvidia", "NVIDIA", "gx", "gpu", ["Hopper", "Blackwell", "Rubin", "Feynman"]),
    ("amd", "AMD", "mi", "gpu", ["CDNA 3", "CDNA 4", "CDNA Next"]),
    ("intel", "Intel", "gaudi", "accelerator", ["Gaudi", "Falcon Shores", "Jaguar Shores"]),
    ("google", "Google", "tpu", "accelerator", ["TPU v5", "TPU v6", "TPU v7"]),
    ("amazon", "Amazon", "trn", "accelerator", ["Trainium", "Inferentia"]),
    ("microsoft", "Microsoft", "maia", "accelerator", ["Maia"]),
    ("meta", "Meta", "mtia", "accelerator", ["MTIA"]),
    ("huawei", "Huawei", "ascend", "accelerator", ["Ascend 910", "Ascend 950", "Ascend 960"]),
    ("cambricon", "Cambricon", "mlu", "accelerator", ["MLU300", "MLU500"]),
    ("biren", "Biren", "br", "gpu", ["BR100", "BR200"]),
    ("moore-threads", "Moore Threads", "mtt", "gpu", ["MUSA", "Pinghu"]),
    ("bytedance", "ByteDance", "bd", "accelerator", ["Seed"]),
    ("tenstorrent", "Tenstorrent", "tt", "accelerator", ["Wormhole", "Blackhole", "Quasar"]),
    ("cerebras", "Cerebras", "wse", "system", ["WSE"]),
    ("groq", "Groq", "lpu", "accelerator", ["LPU"]),
    ("sambanova", "SambaNova", "sn", "accelerator", ["SN40", "SN50"]),
    ("d-matrix", "d-Matrix", "corsair", "accelerator", ["Corsair", "Raptor"]),
    ("sk-hynix", "SK hynix", "hbm", "memory", ["HBM3E", "HBM4", "HBM4E"]),
    ("samsung", "Samsung", "shbm", "memory", ["HBM3E", "HBM4", "HBM4E"]),
    ("micron", "Micron", "mhbm", "memory", ["HBM3E", "HBM4", "HBM4E"]),
]
VARIANTS = [("", ""), ("x", "X"), ("-ultra", " Ultra"), ("-pro", " Pro"), ("-nvl", " NVL"), ("e", "E")]
STATUSES = ["rumored", "announced", "sampling", "shipping", "cancelled", "discontinued"]
CONFIDENCES = ["confirmed", "reported", "unverified"]
PROCESSES = ["TSMC N5", "TSMC 4N", "TSMC N4P", "TSMC N3E", "TSMC N3P", "TSMC N2", "TSMC A16",
             "Samsung SF3", "Intel 18A", "SMIC N+2", "1b nm DRAM", "1c nm DRAM"]
MEMORY_TYPES = ["HBM3", "HBM3E", "HBM4", "HBM4E", "LPDDR5X", "GDDR7"]
CAPACITIES = [16, 24, 32, 36, 48, 64, 80, 96, 128, 141, 144, 192, 256, 288, 384, 432, 512, 1024]
SITES = ["www.tomshardware.com/news", "www.servethehome.com", "www.nextplatform.com/2026",
         "www.anandtech.com/show", "www.trendforce.com/presscenter/news", "semianalysis.com/p",
         "investor.example-vendor.com/press-release", "www.hpcwire.com/2026"]
EVENTS = ["GTC keynote", "Computex keynote", "Hot Chips talk", "earnings call", "analyst day",
          "ISSCC paper", "supply-chain report", "press release", "OCP summit talk"]
SPEC_POOL = ["tdp_w", "fp8_pflops", "fp4_pflops", "transistors_b", "chiplets", "interconnect_gbs",
             "liquid_cooled", "package", "stacks", "die_size_mm2"]


# ---- fuzzy dates (docs/format.md section 3) ------------------------------------------------------

def month_add(y, m, k):
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def fmt_date(y, m, d, prec):
    """Canonical spelling; prec is year | half | quarter | month | day."""
    if prec == "year":
        return y  # a YAML integer, as people write it
    if prec == "half":
        return f"{y}H{1 if m <= 6 else 2}"
    if prec == "quarter":
        return f"{y}Q{(m - 1) // 3 + 1}"
    if prec == "month":
        return f"{y}-{m:02d}"
    return f"{y}-{m:02d}-{d:02d}"


def interval(v):
    s = str(v)
    if s.isdigit():
        y = int(s)
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    if "H" in s:
        y, h = int(s[:4]), int(s[5])
        return (dt.date(y, 1, 1), dt.date(y, 6, 30)) if h == 1 else (dt.date(y, 7, 1), dt.date(y, 12, 31))
    if "Q" in s:
        y, q = int(s[:4]), int(s[5])
        start = dt.date(y, 3 * q - 2, 1)
        ny, nm = month_add(y, 3 * q - 2, 3)
        return start, dt.date(ny, nm, 1) - dt.timedelta(days=1)
    parts = s.split("-")
    y, m = int(parts[0]), int(parts[1])
    if len(parts) == 3:
        d = dt.date(y, m, int(parts[2]))
        return d, d
    ny, nm = month_add(y, m, 1)
    return dt.date(y, m, 1), dt.date(ny, nm, 1) - dt.timedelta(days=1)


def shift_kind(old, new):
    (os_, oe), (ns, ne) = interval(old), interval(new)
    if (os_, oe) == (ns, ne):
        return None
    if os_ <= ns and ne <= oe:
        return "refined"
    if ns <= os_ and oe <= ne:
        return "widened"
    mid_o = os_ + dt.timedelta(days=(oe - os_).days // 2)
    mid_n = ns + dt.timedelta(days=(ne - ns).days // 2)
    return "slipped" if mid_n > mid_o else "pulled_in"


def respell(v):
    """Another accepted spelling of the same date (not a change), or None."""
    s = str(v)
    if "H" in s:
        return f"H{s[5]} {s[:4]}"
    if "Q" in s:
        return f"{s[:4]}-Q{s[5]}"
    return None


# ---- entries ----------------------------------------------------------------------------------

def pick_prec(rng, weights):
    return rng.choices(["year", "half", "quarter", "month", "day"], weights)[0]


def make_entry(rng, vendor, k, earlier_ids):
    slug, vname, prefix, kind, families = vendor
    suffix, nsuffix = rng.choice(VARIANTS)
    num = 100 + k
    e = {"id": f"{prefix}{num}{suffix}", "name": f"{prefix.upper()}{num}{nsuffix}", "kind": kind}
    if rng.random() < 0.85:
        e["family"] = rng.choice(families)
    ay, am, ad = rng.randint(2019, 2027), rng.randint(1, 12), rng.randint(1, 28)
    future = ay >= 2026
    e["status"] = rng.choice(["rumored", "announced", "sampling"] if future else
                             ["shipping", "shipping", "discontinued", "cancelled", "announced"])
    if rng.random() < 0.9:
        e["confidence"] = rng.choice(CONFIDENCES)
    has_ann = rng.random() < 0.85
    if has_ann:
        e["announced"] = fmt_date(ay, am, ad, pick_prec(rng, [1, 1, 2, 4, 8]))
    if not has_ann or rng.random() < 0.85:
        vy, vm = month_add(ay, am, rng.randint(2, 18))
        e["available"] = fmt_date(vy, vm, rng.randint(1, 28), pick_prec(rng, [3, 4, 4, 2, 1]))
    if rng.random() < 0.8:
        e["process"] = rng.choice(PROCESSES)
    if rng.random() < 0.9:
        e["memory"] = {"type": rng.choice(MEMORY_TYPES), "capacity_gb": rng.choice(CAPACITIES),
                       "bandwidth_tbs": round(rng.uniform(0.8, 32.0), rng.choice([1, 2, 3]))}
    if earlier_ids and rng.random() < 0.6:
        e["predecessor"] = rng.choice(earlier_ids[-8:])
    if rng.random() < 0.6:
        e["aliases"] = [f"{prefix.upper()}-{num}", f"Codename {prefix.capitalize()}{num}"][: rng.randint(1, 2)]
    specs = {}
    for key in rng.sample(SPEC_POOL, rng.randint(2, 4)):
        specs[key] = spec_value(rng, key)
    e["specs"] = specs
    e["sources"] = [f"https://{rng.choice(SITES)}/{slug}-{e['id']}-{rng.randint(1000, 99999)}"
                    for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.9:
        e["notes"] = (f"Per the {rng.choice(EVENTS)}: {rng.randint(2, 12)} compute dies, "
                      f"{rng.randint(4, 16)} HBM stacks; volume ramp \"{rng.choice(['on track', 'at risk', 'unclear'])}\" "
                      f"according to {rng.choice(['the vendor', 'analysts', 'OEM partners', 'press reports'])}.")
    return e


def spec_value(rng, key):
    if key == "liquid_cooled":
        return rng.random() < 0.5
    if key == "package":
        return rng.choice(["CoWoS-L", "CoWoS-S", "EMIB", "Foveros", "SoIC", "InFO"])
    if key in ("fp8_pflops", "fp4_pflops"):
        return round(rng.uniform(0.5, 60), 1)
    return rng.randint(2, 2000)


# ---- YAML output ------------------------------------------------------------------------------

def scalar(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    s = str(v)
    # Plain when safe; otherwise single-quoted (only ' needs escaping there).
    plain_ok = (s and s == s.strip() and not any(c in s for c in ":#'\"[]{},&*!|>%@`")
                or (s.startswith("https://") and " " not in s and "#" not in s))
    if plain_ok and s.lower() not in ("true", "false", "null", "yes", "no", "~"):
        return s
    return "'" + s.replace("'", "''") + "'"


def flow(items):
    return "[" + ", ".join(scalar(i) for i in items) + "]"


def emit_entry(out, e):
    first = True
    for key in ["id", "name", "kind", "family", "status", "confidence", "announced", "available",
                "process", "memory", "predecessor", "aliases", "specs", "sources", "notes"]:
        if key not in e:
            continue
        lead = "  - " if first else "    "
        first = False
        v = e[key]
        if key == "aliases":
            out.append(f"{lead}{key}: {flow(v)}")
        elif key == "sources":
            out.append(f"{lead}{key}:")
            out.extend(f"      - {scalar(u)}" for u in v)
        elif isinstance(v, dict):
            out.append(f"{lead}{key}:")
            out.extend(f"      {k}: {scalar(x)}" for k, x in v.items())
        else:
            out.append(f"{lead}{key}: {scalar(v)}")


def write_snapshot(path, name, taken, note, vendors):
    out = ["# chipmap diff benchmark data (bench/gen_snapshots.py); not real chips.",
           "snapshot:", f"  name: {name}", f"  taken: {taken}", f"  note: {scalar(note)}",
           "vendors:"]
    for (slug, vname, *_), entries in vendors:
        out += [f"  - vendor: {slug}", f"    name: {scalar(vname)}", "    entries:"]
        lines = []
        for e in entries:
            emit_entry(lines, e)
        out.extend("    " + ln for ln in lines)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


# ---- old -> new -------------------------------------------------------------------------------

def modify(rng, e):
    """Change one to three fields of e in place; returns the `available` shift kind, if any."""
    shift = None
    before = json.loads(json.dumps(e))
    for what in rng.sample(["date", "capacity", "status", "notes", "spec"], rng.randint(1, 3)):
        if what == "date" and "available" in e:
            s, _ = interval(e["available"])
            while True:  # slipped or pulled in by whole quarters, to a value that differs
                y, m = month_add(s.year, s.month, rng.choice([-6, -3, 3, 6, 9, 12]))
                e["available"] = fmt_date(y, m, 15, rng.choice(["half", "quarter", "month"]))
                shift = shift_kind(orig_available(e), e["available"])
                if shift:
                    break
        elif what == "capacity" and "memory" in e:
            caps = [c for c in CAPACITIES if c != e["memory"]["capacity_gb"]]
            e["memory"]["capacity_gb"] = rng.choice(caps)
        elif what == "status":
            e["status"] = rng.choice([s for s in STATUSES if s != e["status"]])
        elif what == "notes":
            e["notes"] = e.get("notes", "Revised.") + " Updated after a new supply-chain report."
        else:
            key = rng.choice(list(e["specs"]))
            v = e["specs"][key]
            e["specs"][key] = (not v) if isinstance(v, bool) else (v + "-2" if isinstance(v, str) else v * 2)
    if e == before:  # only a date or a capacity was picked, and the entry has none
        e["status"] = rng.choice([s for s in STATUSES if s != e["status"]])
    return shift


def orig_available(e):
    return e["_orig_available"]


def make_pair(n, seed):
    rng = random.Random(seed)
    weights = [rng.uniform(0.3, 3.0) for _ in VENDORS]
    counts = [0] * len(VENDORS)
    for i in rng.choices(range(len(VENDORS)), weights, k=n):
        counts[i] += 1
    old = []
    for v, c in zip(VENDORS, counts):
        entries, ids = [], []
        for k in range(c):
            e = make_entry(rng, v, k, ids)
            ids.append(e["id"])
            entries.append(e)
        old.append((v, entries))

    summary = {"added": 0, "removed": 0, "modified": 0, "renamed": 0, "slipped": 0, "pulled_in": 0}
    new = []
    n_renames = max(1, n // 500)  # "a few": 0.2%
    for v, entries in old:
        referenced = {e.get("predecessor") for e in entries}
        out = []
        for e in entries:
            r = rng.random()
            ne = json.loads(json.dumps(e))  # deep copy
            free = e["id"] not in referenced  # removing or renaming it would touch its successors
            if r < 0.02 and free:  # about half the entries are someone's predecessor: ~1% removed
                summary["removed"] += 1
                continue
            if r < 0.02 + 2 * n_renames / n and free:
                ne["id"] = e["id"] + "-rev-b"
                ne["aliases"] = ne.get("aliases", []) + [e["id"]]
                summary["renamed"] += 1
            elif r < 0.065:
                ne["_orig_available"] = e.get("available")
                shift = modify(rng, ne)
                del ne["_orig_available"]
                summary["modified"] += 1
                if shift in ("slipped", "pulled_in"):
                    summary[shift] += 1
            elif r < 0.07:  # the same values, spelled otherwise: not a change
                if "available" in ne and respell(ne["available"]):
                    ne["available"] = respell(ne["available"])
                elif "memory" in ne:
                    ne["memory"]["capacity_gb"] = float(ne["memory"]["capacity_gb"])
            out.append(ne)
        new.append((v, out))

    # 1% added, at the end of their vendors' lists, with fresh numbers (no accidental renames).
    for i in range(max(1, n // 100)):
        vi = rng.choices(range(len(VENDORS)), weights)[0]
        v, entries = new[vi]
        k = counts[vi] + 1000 * (i + 1)
        ids = [e["id"] for e in entries]
        entries.append(make_entry(rng, v, k, ids))
        summary["added"] += 1
    return old, new, summary


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of entries in old.yaml")
    ap.add_argument("out_dir")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    if a.n < 1:
        ap.error("N must be at least 1")
    os.makedirs(a.out_dir, exist_ok=True)
    old, new, summary = make_pair(a.n, a.seed)
    write_snapshot(os.path.join(a.out_dir, "old.yaml"), "old", "2026-03-18",
                   f"Benchmark roadmap, {a.n} entries (seed {a.seed}), before", old)
    write_snapshot(os.path.join(a.out_dir, "new.yaml"), "new", "2026-06-30",
                   f"Benchmark roadmap, seed {a.seed}, after: edits, removals, additions, renames", new)
    with open(os.path.join(a.out_dir, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f)
        f.write("\n")


if __name__ == "__main__":
    main()
