"""Extraction speed per article, against a baseline measured in the same run.

Baseline: read + clean + segment only (the stages before extraction), so the
ratio says what extraction itself costs. Run by hand:

    python bench/bench_extract.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc
from pathlib import Path

from kgraph.clean import clean
from kgraph.extract import extract
from kgraph.read import read_document
from kgraph.segment import segment

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "articles"


def _time(func, docs, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        for doc in docs:
            t = time.perf_counter()
            func(doc)
            out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    docs = [read_document(str(p)) for p in sorted(CORPUS.iterdir())]
    t0 = time.perf_counter()
    extract(segment(clean(docs[0])))  # first call loads lexicons, automaton, stemmer
    warm = (time.perf_counter() - t0) * 1000
    base = _time(lambda d: segment(clean(d)), docs, args.repeat)
    full = _time(lambda d: extract(segment(clean(d))), docs, args.repeat)
    tracemalloc.start()
    for doc in docs:
        extract(segment(clean(doc)))
    _, peak = tracemalloc.get_traced_memory()
    print(f"articles: {len(docs)} x {args.repeat} runs; first call (lexicon load): {warm:.0f} ms")
    print(f"baseline read-clean-segment  median {statistics.median(base):6.2f} ms  p95 {sorted(base)[int(len(base) * .95)]:6.2f} ms")
    print(f"full pipeline to extraction  median {statistics.median(full):6.2f} ms  p95 {sorted(full)[int(len(full) * .95)]:6.2f} ms")
    print(f"ratio full/baseline (median): {statistics.median(full) / statistics.median(base):.1f}x")
    print(f"peak traced memory over the corpus: {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
