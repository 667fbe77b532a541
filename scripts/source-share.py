#!/usr/bin/env python3
"""The share of a source that stands in the handbook: for each part of the source, the share
of its word triples (counted where they occur) that also occur in the handbook's content
(every file of standards/ and content/: YAML's text values, chapters' Markdown). Words as
seed-check reads them (lowercased, hyphenated line breaks joined, numbers dropped).

    scripts/source-share.py SEED [--root DIR] NAME=FROM_REGEX ...

Each part runs from the first line matching its regex to the next part's line (the last to
the end of the source). Prints one line per part: words, triples found, share.
"""
import argparse
import glob
import os
import re
import unicodedata

import yaml

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def words(text):
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"(\w)-[ \t]*\n[ \t]*(\w)", r"\1\2", text)
    return [w.lower() for w in WORD.findall(text)]


def strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from strings(v)


def handbook_triples(root):
    triples = set()
    paths = glob.glob(os.path.join(root, "standards", "**", "*.y*ml"), recursive=True)
    paths += glob.glob(os.path.join(root, "content", "**", "*.y*ml"), recursive=True)
    paths += glob.glob(os.path.join(root, "content", "**", "*.md"), recursive=True)
    for path in paths:
        text = open(path, encoding="utf-8").read()
        if path.endswith(".md"):
            texts = [text]
        else:
            texts = list(strings(yaml.safe_load(text)))
        for t in texts:
            ws = words(t)
            triples.update(tuple(ws[i:i + 3]) for i in range(len(ws) - 2))
    return triples


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("seed")
    ap.add_argument("parts", nargs="+", help="NAME=FROM_REGEX")
    ap.add_argument("--root", default=".")
    args = ap.parse_args()
    lines = open(args.seed, encoding="utf-8").read().split("\n")
    starts = []
    for part in args.parts:
        name, _, rx = part.partition("=")
        at = 0 if not rx else next((i for i, l in enumerate(lines) if re.search(rx, l)), None)
        if at is None:
            raise SystemExit(f"source-share: no line matches {rx!r}")
        starts.append((name, at))
    have = handbook_triples(args.root)
    for k, (name, at) in enumerate(starts):
        end = starts[k + 1][1] if k + 1 < len(starts) else len(lines)
        ws = words("\n".join(lines[at:end]))
        ts = [tuple(ws[i:i + 3]) for i in range(len(ws) - 2)]
        hit = sum(t in have for t in ts)
        print(f"{name:<12} {len(ws):>6} words  {hit:>6}/{len(ts):<6} triples  {hit / max(1, len(ts)):6.1%}")


if __name__ == "__main__":
    main()
