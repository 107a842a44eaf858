"""Linguistic knowledge as data: YAML and TSV files beside this module.

Loaders are cached: each file is parsed once per process.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

LEXICON_DIR = Path(__file__).resolve().parent


@cache
def load_yaml(name: str) -> Any:
    with (LEXICON_DIR / name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@cache
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows as dicts keyed by the header line; '#' lines are comments."""
    with (LEXICON_DIR / name).open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({k: (v or "").strip() for k, v in row.items()} for row in reader)


def alternation(words) -> str:
    """A regex alternation of lexicon words, longest first so that longer forms win."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def split_aliases(field: str) -> list[str]:
    return [a.strip() for a in field.split("|") if a.strip()]
