#!/usr/bin/env python3
"""Adds a held-out set that has served to the corpus: python3 corpus/add_set.py SET.jsonl [SET.jsonl ...]

Each text of the set is appended to the file of its category with the next free id of that category. A legitimate
text is its own group; the spam of one category in one set is one campaign, so its texts share a group (the id given
to the first of them) and stay in one split. Every added text carries "written": "2026-12" like the sets before it.
Nothing already in the corpus moves: the split of a group is a hash of the group alone (Corpus.java).
"""

import json
import re
import sys
import unicodedata
from pathlib import Path

CORPUS = Path(__file__).resolve().parent
SEED = re.compile(r"^(?:legit|spam)-[a-z-]+-(\d{4})$")


def read(path):
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def next_number(rows):
    """The number after the highest seed number of a category file (variants "-vK" share their seed's number)."""
    numbers = [int(match.group(1)) for match in (SEED.match(row["id"]) for row in rows) if match]
    return max(numbers, default=0) + 1


def add(set_path):
    texts = read(set_path)
    known = {row["text"] for path in CORPUS.glob("*/*.jsonl") for row in read(path)}
    by_file = {}
    for text in texts:
        if text["label"] not in ("legit", "spam"):
            raise SystemExit(f"{set_path}: {text['id']}: label must be legit or spam, was {text['label']!r}")
        if text["text"] in known:
            raise SystemExit(f"{set_path}: {text['id']}: the same text is already in the corpus")
        by_file.setdefault((text["label"], text["category"]), []).append(text)
    for (label, category), rows in sorted(by_file.items()):
        path = CORPUS / label / f"{category}.jsonl"
        if not path.exists():
            raise SystemExit(f"{set_path}: no corpus file {path} for category {category!r}")
        existing = read(path)
        number = next_number(existing)
        campaign = None
        added = []
        for row in rows:
            corpus_id = f"{label}-{category}-{number:04d}"
            number += 1
            if label == "spam":
                campaign = campaign or corpus_id
            added.append({
                "id": corpus_id,
                "label": label,
                "category": category,
                "hard": bool(row["hard"]),
                "group": campaign if label == "spam" else corpus_id,
                "written": "2026-12",
                "text": row["text"] if label == "spam" else unicodedata.normalize("NFC", row["text"]),
            })
        everything = sorted(existing + added, key=lambda item: item["id"])
        with path.open("w", encoding="utf-8", newline="\n") as out:
            for item in everything:
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
        print(f"{path.relative_to(CORPUS)}: +{len(added)} ({added[0]['id']} .. {added[-1]['id']})")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__.splitlines()[0])
    for argument in sys.argv[1:]:
        add(Path(argument))
