#!/usr/bin/env python3
"""Write each chapter (content/chapters/*.md: YAML front matter, Markdown text) as a YAML
file seed-check can read: its title and its text, without the front matter's citation and
references (`source`, `collection`, ids), which are not the source's words.

    scripts/chapters-as-yaml.py OUT_DIR FILE.md...
"""
import os
import sys

import yaml

out = sys.argv[1]
for path in sys.argv[2:]:
    text = open(path, encoding="utf-8").read()
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    doc = {"title": meta["title"], "text": body}
    name = os.path.splitext(os.path.basename(path))[0] + ".yaml"
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        yaml.safe_dump(doc, f, allow_unicode=True)
