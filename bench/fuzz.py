#!/usr/bin/env python3
"""Mutation fuzzer for chipmap (run by bench/fuzz.sh, which builds the binary first).

Each input is a copy of the shipped roadmaps/ with one or two files mutated (bytes flipped,
cut short, lines duplicated, deleted or swapped, YAML-significant characters, deep nesting,
very long lines, invalid UTF-8, odd values, escape sequences spelled in YAML); a third of the
inputs only swap in values the same field has elsewhere, so that they mostly stay valid and the
commands get past loading. Real commands run on it; a run fails when it
  crash     exits with a code other than 0, 1, 2 (or dies by a signal)
  panic     says "panicked" on stderr
  timeout   runs longer than the per-run timeout
  raw-esc   prints a raw ESC byte (0x1b) on stdout or stderr (colour is off: --color never)
  wrote     changes the data directory although the command was a --dry-run or read-only, or
            lets git write a file (a quarter of the inputs are committed to git and diffed
            against git:HEAD and against a REV that looks like a git option)
Each failing input (the first 25 of each category) is kept once, in
FINDINGS/seed-SEED/NNNNN-CATEGORIES/: the mutated roadmaps/, commands.txt (each failing command
with its category and exit code) and N.stdout, N.stderr. Prints one summary line (failures are
failing runs, by category); exits 1 when any run failed.

Usage: fuzz.py BINARY SECONDS SHIPPED_DIR FINDINGS_DIR [--seed N] [--timeout S]
"""

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

SIGNIFICANT = [
    ":", ": ", "- ", "-", "[", "]", "{", "}", ",", "?", "? ", "#", "&a ", "*a", "!",
    "!!str ", "|", ">", "|-", "'", '"', "%YAML 1.2\n", "@", "`", "\t", "\r", "\n", "\r\n",
    "---\n", "...\n", "<<: *a", "\ufeff", "\0", "\\", "\x1b[31m", "\u2028", "  ", "~",
    "\x9b31m", "\x07", "\x08",
]

VALUES = [
    "", "~", "null", "[]", "{}", "-1", "0", "1e999", "-1e999", ".nan", ".inf", "0x10",
    "99999999999999999999999", "2026H3", "2026Q5", "2026-02-30", "2026-13", "9999-12-31",
    "0000-01-01", "2026H1..2027", '"2026"', "'x'", "[a, b]", "{a: 1}", "yes", "No", "\u03a9",
    "a\u0300", "gpu gpu", "x" * 300,
    # Escape sequences spelled in YAML's own escapes: plain ASCII in the file, ESC once read.
    '"\\e[31mred\\e[0m"', '"\\x1b]0;title\\x07"', '"\\u001b[2J"', '"a\\u009b31mb"',
    '"line\\nbreak"', '"\\r\\rover"', '"tab\\there"', '"\\u202eevil"',
    # Text whose width is not its length: wide, zero-width, combining, emoji.
    '"\u7b97\u529b\u82af\u7247"', '"a\u200bb"', '"e\u0301\u0301\u0301"', '"\U0001f680 x"',
    '"' + "W" * 200 + '"',
]

# Failing inputs kept per category (by the first category, in name order) and run.
KEEP_PER_CATEGORY = 25

NOT_UTF8 = [b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf"]


def line_spans(data):
    """Returns (start, end) of each line, its newline included."""
    spans, start = [], 0
    while start < len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end + 1
        spans.append((start, end))
        start = end
    return spans


def known_values(folder):
    """Returns, for each key, the values it has anywhere in the YAML files under folder."""
    found = {}
    for dirpath, _, files in os.walk(folder):
        for name in files:
            if name.endswith(".yaml"):
                with open(os.path.join(dirpath, name), "rb") as f:
                    for line in f.read().splitlines():
                        key, sep, value = line.strip().lstrip(b"- ").partition(b": ")
                        if sep and value:
                            found.setdefault(key, set()).add(value)
    return {k: sorted(v) for k, v in found.items()}


def mutate(data, rng, known, gentle):
    """Returns data with one random mutation applied; `known` gives each key's real values,
    and a gentle mutation only uses those (the data mostly stays valid)."""
    kind = "known" if gentle else rng.choices(
        ["flip", "truncate", "dup", "delete", "swap", "insert", "nest", "long", "utf8", "value",
         "entry", "known"],
        weights=[1, 1, 1, 1, 1, 3, 1, 1, 1, 4, 1, 4],
    )[0]
    at = rng.randint(0, len(data))
    spans = line_spans(data)
    if kind == "flip" and data:
        i = rng.randrange(len(data))
        return data[:i] + bytes([data[i] ^ rng.randint(1, 255)]) + data[i + 1:]
    if kind == "truncate":
        return data[:at]
    if kind in ("dup", "delete") and spans:
        s, e = rng.choice(spans)
        return data[:e] + data[s:e] + data[e:] if kind == "dup" else data[:s] + data[e:]
    if kind == "swap" and len(spans) > 1:
        lines = [data[s:e] for s, e in spans]
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
        return b"".join(lines)
    if kind == "insert":
        return data[:at] + rng.choice(SIGNIFICANT).encode() + data[at:]
    if kind == "nest":
        depth = rng.randint(1, 5000)
        opener = rng.choice(["[", "{", "- ", "? "])
        return data[:at] + (opener * depth).encode() + data[at:]
    if kind == "long":
        return data[:at] + b"x" * rng.randint(1000, 300_000) + data[at:]
    if kind == "utf8":
        return data[:at] + rng.choice(NOT_UTF8) + data[at:]
    if kind == "value" and spans:
        # Replace the value of a random `key: value` line.
        candidates = [(s, e) for s, e in spans if b": " in data[s:e]]
        if candidates:
            s, e = rng.choice(candidates)
            v = data.index(b": ", s) + 2
            end = e - 1 if data[e - 1:e] == b"\n" else e
            return data[:v] + rng.choice(VALUES).encode() + data[end:]
    if kind == "known" and spans:
        # Give a field a value the same field has elsewhere: the file mostly stays valid, so
        # diff, timeline and the tables see changed data rather than a refused file.
        candidates = []
        for s, e in spans:
            key, sep, _ = data[s:e].strip().lstrip(b"- ").partition(b": ")
            if sep and key in known:
                candidates.append((s, e, key))
        if candidates:
            s, e, key = rng.choice(candidates)
            v = data.index(b": ", s) + 2
            end = e - 1 if data[e - 1:e] == b"\n" else e
            return data[:v] + rng.choice(known[key]) + data[end:]
    if kind == "entry" and spans:
        # Duplicate a block of lines (an entry, most often: repeated ids and keys).
        i = rng.randrange(len(spans))
        s, e = spans[i][0], spans[min(len(spans) - 1, i + rng.randint(1, 12))][1]
        return data[:e] + data[s:e] + data[e:]
    return data


class Fuzzer:
    def __init__(self, args):
        self.bin = os.path.abspath(args.binary)
        self.shipped = os.path.abspath(args.shipped)
        self.findings = os.path.abspath(args.findings)
        self.timeout = args.timeout
        self.rng = random.Random(args.seed)
        self.runs = 0
        self.inputs = 0
        self.failed = {}
        self.kept = {}
        self.valid = 0
        self.cwd = tempfile.mkdtemp(prefix="chipmap-fuzz-")
        self.env = dict(os.environ, CHIPMAP_TODAY="2026-11-30", NO_COLOR="1")
        self.env.pop("CHIPMAP_DATA", None)
        files = sorted(os.listdir(self.shipped))
        self.vendors = [f for f in files if f.endswith(".yaml")]
        snaps = os.path.join(self.shipped, "snapshots")
        self.snapshots = sorted(f for f in os.listdir(snaps) if f.endswith(".yaml"))
        listed = self.chipmap(["--data", self.shipped, "list", "--format", "json"])
        self.keys = [e["key"] for e in json.loads(listed.stdout)]
        self.seed = args.seed
        self.known = known_values(self.shipped)

    def chipmap(self, args):
        return subprocess.run([self.bin, "--color", "never", *args], cwd=self.cwd, env=self.env,
                              capture_output=True, timeout=60)

    def make_input(self, root):
        """Writes a mutated copy of the shipped data into root/roadmaps; returns what changed."""
        data = os.path.join(root, "roadmaps")
        shutil.copytree(self.shipped, data)
        changed = []
        gentle = self.rng.random() < 0.3
        for _ in range(self.rng.choice([1, 1, 1, 2])):
            if self.rng.random() < 0.7:
                name = self.rng.choice(self.vendors)
            else:
                name = os.path.join("snapshots", self.rng.choice(self.snapshots))
            path = os.path.join(data, name)
            with open(path, "rb") as f:
                text = f.read()
            for _ in range(self.rng.randint(1, 8 if gentle else 4)):
                text = mutate(text, self.rng, self.known, gentle)
            with open(path, "wb") as f:
                f.write(text)
            changed.append(name)
        return data, changed

    def commit(self, root):
        """Commits root/roadmaps in a new git repository at root; returns whether it worked."""
        env = {k: v for k, v in self.env.items() if not k.startswith("GIT_")}
        identity = ["-c", "user.name=fuzz", "-c", "user.email=fuzz@example.com",
                    "-c", "commit.gpgsign=false"]
        for args in (["init", "-q"], ["add", "-A", "roadmaps"], ["commit", "-q", "-m", "x"]):
            done = subprocess.run(["git", *identity, *args], cwd=root, env=env,
                                  capture_output=True)
            if done.returncode != 0:
                return False
        return True

    def git_commands(self, data, sentinel):
        """Returns diffs against git:HEAD and against a REV made to look like a git option."""
        rev = self.rng.choice([
            "HEAD", "HEAD~1", f"--output={sentinel}", f"-o{sentinel}", "-c", "--format=%H",
            "-p", "--all", "--end-of-options", "--", "-", "HEAD:roadmaps", ":/", "@{-1}",
            "HEAD^{tree}", "HEAD^{/x}", "\x1b[31m", "HEAD\nHEAD", " HEAD",
            "".join(self.rng.choice("-~^:@{}./\\ *?[!a=") for _ in range(self.rng.randint(1, 12))),
        ])
        d = ["--data", data]
        return [d + ["diff", "git:HEAD", "working"], d + ["diff", f"git:{rev}"]]

    def commands(self, data, changed):
        key = self.rng.choice(self.keys)
        snap = self.rng.choice(self.snapshots)[: -len(".yaml")]
        one = os.path.join(data, changed[0])
        d = ["--data", data]
        return [
            d + ["check"],
            d + ["list", "--format", "json"],
            d + ["list"],
            d + ["timeline"],
            d + ["show", key],
            d + ["show", key, "--as-of", snap],
            d + ["diff", self.shipped, data],
            d + ["diff", one, "working", "--format", "json"],
            d + ["diff", snap, "working", "--format", "markdown"],
            d + ["snapshot", "2099-01-01-fuzz", "--dry-run"],
            d + ["update", key, "--set", "available=2027H2", "--dry-run"],
        ]

    def run_input(self):
        root = tempfile.mkdtemp(prefix="input-", dir=self.cwd)
        try:
            data, changed = self.make_input(root)
            self.inputs += 1
            before = tree_hash(data)
            failures = []
            commands = self.commands(data, changed)
            sentinel = os.path.join(root, "written-by-git")
            if self.rng.random() < 0.25 and self.commit(root):
                commands += self.git_commands(data, sentinel)
            for args in commands:
                self.runs += 1
                category, out = self.run_one(args)
                if args[2] == "check" and out[0] == 0:
                    self.valid += 1
                if category is None and (tree_hash(data) != before or os.path.exists(sentinel)):
                    category = "wrote"
                if category:
                    self.failed[category] = self.failed.get(category, 0) + 1
                    failures.append((category, args, out))
            if failures:
                self.keep(data, changed, failures)
        finally:
            shutil.rmtree(root, ignore_errors=True)

    def run_one(self, args):
        try:
            out = subprocess.run([self.bin, "--color", "never", *args], cwd=self.cwd,
                                 env=self.env, capture_output=True, timeout=self.timeout)
        except subprocess.TimeoutExpired as e:
            return "timeout", (None, e.stdout or b"", e.stderr or b"")
        code = out.returncode
        result = (code, out.stdout, out.stderr)
        if b"panicked" in out.stderr:
            return "panic", result
        if code not in (0, 1, 2):
            return "crash", result
        if b"\x1b" in out.stdout or b"\x1b" in out.stderr:
            return "raw-esc", result
        return None, result

    def keep(self, data, changed, failures):
        """Keeps the input of a failing run once, with every command that failed on it."""
        categories = sorted({c for c, _, _ in failures})
        first = categories[0]
        self.kept[first] = self.kept.get(first, 0) + 1
        if self.kept[first] > KEEP_PER_CATEGORY:
            return
        folder = os.path.join(self.findings, f"seed-{self.seed}",
                              f"{self.inputs:05d}-{'+'.join(categories)}")
        shutil.copytree(data, os.path.join(folder, "roadmaps"))
        with open(os.path.join(folder, "commands.txt"), "w") as f:
            f.write(f"mutated: {', '.join(changed)}\n")
            for n, (category, args, (code, stdout, stderr)) in enumerate(failures, 1):
                shown = ["chipmap", "--color", "never"] + [
                    a.replace(data, "roadmaps").replace(self.shipped, "SHIPPED") for a in args]
                f.write(f"{n}: {category}, exit {code}: {' '.join(shown)}\n")
                for name, text in (("stdout", stdout), ("stderr", stderr)):
                    with open(os.path.join(folder, f"{n}.{name}"), "wb") as out:
                        out.write(text)


def tree_hash(root):
    """Returns a digest of every file name and content under root."""
    h = hashlib.sha256()
    for dirpath, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(dirpath, name)
            h.update(os.path.relpath(path, root).encode() + b"\0")
            with open(path, "rb") as f:
                h.update(f.read())
    return h.hexdigest()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("seconds", type=float)
    parser.add_argument("shipped")
    parser.add_argument("findings")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args()
    if args.seed is None:
        args.seed = random.randrange(1 << 32)
    fuzzer = Fuzzer(args)
    start = time.monotonic()
    try:
        while time.monotonic() - start < args.seconds:
            fuzzer.run_input()
    finally:
        shutil.rmtree(fuzzer.cwd, ignore_errors=True)
    seconds = time.monotonic() - start
    total = sum(fuzzer.failed.values())
    inputs_failed = sum(fuzzer.kept.values())
    by_kind = ", ".join(f"{k}: {fuzzer.failed.get(k, 0)}"
                        for k in ["crash", "panic", "timeout", "raw-esc", "wrote"])
    print(f"fuzz: {fuzzer.runs} runs on {fuzzer.inputs} inputs ({fuzzer.valid} still passing "
          f"check), {total} failures ({by_kind}) "
          f"on {inputs_failed} inputs, "
          f"{seconds:.0f} s, seed {args.seed}" + (f"; kept in {fuzzer.findings}" if total else ""))
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()
