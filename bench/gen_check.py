#!/usr/bin/env python3
"""Generate one data directory for benchmarking `chipmap check` on a large or hostile file.

Usage: bench/gen_check.py SHAPE N OUT_DIR

Writes OUT_DIR/v.yaml (one vendor `v`) of the given shape, N being its size:
  plain    N valid entries (the baseline: every other shape is compared with it)
  chain    N entries, each the predecessor of the next (one chain N long)
  cycle    N entries in one predecessor cycle (the chain, with the first pointing at the last)
  errors   N entries, each with one problem (an unknown status)
  unknown  N entries, each naming a predecessor that does not exist
  specs    one entry with N specs
  aliases  one entry with N aliases, every other one a repeat in other case (check --strict)
  longline one entry on one line of about N bytes, with a problem at its end
Deterministic. Python 3 stdlib only.
"""

import os
import sys


def entry(i, status="announced", predecessor=None):
    lines = [
        f"  - id: e{i}",
        f"    name: E{i}",
        "    kind: gpu",
        f"    status: {status}",
        f"    available: {2020 + i % 10}",
    ]
    if predecessor is not None:
        lines.append(f"    predecessor: {predecessor}")
    return "\n".join(lines) + "\n"


def body(shape, n):
    if shape == "plain":
        return "".join(entry(i) for i in range(n))
    if shape == "chain":
        return "".join(entry(i, predecessor=f"e{i - 1}" if i else None) for i in range(n))
    if shape == "cycle":
        return "".join(entry(i, predecessor=f"e{(i - 1) % n}") for i in range(n))
    if shape == "errors":
        return "".join(entry(i, status="shiping") for i in range(n))
    if shape == "unknown":
        return "".join(entry(i, predecessor=f"ghost-{i}") for i in range(n))
    if shape == "specs":
        specs = "".join(f"      s{i}: {i}\n" for i in range(n))
        return entry(0) + "    specs:\n" + specs
    if shape == "aliases":
        aliases = "".join(f"      - {'A' if i % 2 else 'a'}{i // 2}\n" for i in range(n))
        return entry(0) + "    aliases:\n" + aliases
    if shape == "longline":
        notes = "x" * n
        return f'  - {{id: e0, name: E0, kind: gpu, available: 2027, notes: "{notes}", status: shiping}}\n'
    sys.exit(f"unknown shape {shape}")


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    shape, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "v.yaml"), "w") as f:
        f.write("vendor: v\nname: V\nentries:\n")
        f.write(body(shape, n))


if __name__ == "__main__":
    main()
