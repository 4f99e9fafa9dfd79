"""Throughput of the whole ``coach score`` process against bare spaCy on the same texts.

Both sides run as whole processes (start-up, model load, reading and writing included) over
N utterances sampled (with a fixed seed) from corpora/utterances.jsonl. Prints the exact
commands, utterances/second for each and their ratio (target >= 0.5).

    .venv/bin/python benchmarks/throughput.py --n 5000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "utterances.jsonl"
PY = sys.executable
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONWARNINGS": "ignore"}

BASELINE = """
import json, sys, spacy
nlp = spacy.blank("en"); nlp.add_pipe("sentencizer")
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
n = sum(1 for _ in nlp.pipe(texts, batch_size=256))
print(n)
"""


def sample_texts(n: int, seed: int = 0) -> list[str]:
    """``n`` utterance texts drawn with replacement from the corpus (fixed seed)."""
    texts = [json.loads(line)["text"] for line in CORPUS.open(encoding="utf-8") if line.strip()]
    rng = random.Random(seed)
    return [rng.choice(texts) for _ in range(n)]


def write_table(path: Path, n: int, seed: int = 0) -> Path:
    """A JSONL (or Parquet, by extension) table of ``n`` utterances with ``id`` and ``text`` columns."""
    texts = sample_texts(n, seed)
    if path.suffix == ".parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(
            pa.table({"id": [f"u{i}" for i in range(n)], "text": texts}), path, row_group_size=65536
        )
    else:
        with path.open("w", encoding="utf-8") as f:
            for i, text in enumerate(texts):
                f.write(json.dumps({"id": f"u{i}", "text": text}) + "\n")
    return path


def timed(cmd: list[str]) -> float:
    print("$ " + " ".join(shlex.quote(c) for c in cmd), flush=True)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def coach_cmd(table: Path, out: Path, *extra: str) -> list[str]:
    return [
        PY,
        "-m",
        "coach.cli",
        "score",
        str(table),
        "--out",
        str(out),
        "--id-col",
        "id",
        "--quiet",
        *extra,
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=5000, help="utterances (default 5000)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        table = write_table(Path(tmp) / "utterances.jsonl", args.n)
        base = timed([PY, "-c", BASELINE, str(table)])
        full = timed(coach_cmd(table, Path(tmp) / "scores.csv"))
        lean = timed(coach_cmd(table, Path(tmp) / "scores-lean.csv", "--no-suggestions"))
    b, f, g = args.n / base, args.n / full, args.n / lean
    print(f"n={args.n}  bare spaCy (blank en + sentencizer): {base:.2f}s = {b:.0f} utt/s")
    print(f"n={args.n}  coach score (full pipeline):          {full:.2f}s = {f:.0f} utt/s")
    print(f"n={args.n}  coach score --no-suggestions:         {lean:.2f}s = {g:.0f} utt/s")
    print(f"ratio coach/bare = {f / b:.3f}  (target >= 0.5); with --no-suggestions {g / b:.3f}")


if __name__ == "__main__":
    main()
