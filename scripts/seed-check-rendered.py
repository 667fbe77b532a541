#!/usr/bin/env python3
"""Recall and fidelity of what a built form page prints, against a part of a source.

seed-check measures the YAML; this measures the printed form: the text of `#printed-form` on each given page of a built
site (and the placeholder text of its header boxes), with seed-check's own tokens and
figures, against the same part of the source.

  seed-check-rendered.py TOOL SEED --from REGEX [--to REGEX] PAGE.html...

TOOL is the path of seed-check (its functions are reused, so the figures are comparable).
"""
import argparse
import html.parser
from importlib.machinery import SourceFileLoader


class PrintedForm(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.depth = 0
        self.out = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "div" and a.get("id") == "printed-form":
            self.depth = 1
            return
        if not self.depth:
            return
        if tag == "div":
            self.depth += 1
        ph = a.get("placeholder") or ""
        if tag in ("input", "textarea") and ph and not ph.startswith("__"):
            self.out.append(ph)

    def handle_endtag(self, tag):
        if self.depth and tag == "div":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.out.append(data)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("tool")
    ap.add_argument("seed")
    ap.add_argument("--from", dest="start", required=True)
    ap.add_argument("--to", dest="end")
    ap.add_argument("pages", nargs="+")
    args = ap.parse_intermixed_args()
    sc = SourceFileLoader("seed_check", args.tool).load_module()
    texts = []
    for p in args.pages:
        f = PrintedForm()
        with open(p, encoding="utf-8") as fh:
            f.feed(fh.read())
        texts.append(" ".join(f.out))
    with open(args.seed, encoding="utf-8") as fh:
        lines = fh.readlines()
    recall, fidelity, missing = sc.compare(sc.section(lines, args.start, args.end), [texts])
    print(f"printed text of {len(args.pages)} pages: recall {recall:6.1%}  fidelity {fidelity:6.1%}")
    print("      words of the source not printed: " + " ".join(missing))


if __name__ == "__main__":
    main()
