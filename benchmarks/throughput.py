"""Throughput of the whole ``coach score`` process against bare spaCy on the same texts.

Both sides run as whole processes (start-up, model load, reading and writing included) over
N utterances sampled (with a fixed seed) from corpora/utterances.jsonl. Prints the exact
commands, utterances/second for each and their ratio (target >= 0.5).

    .venv/bin/python benchmarks/throughput.py --n 5000

With ``--steady`` it also times both sides inside one process after loading and a warm-up, on the same texts:
the rate each keeps up once start-up is paid, which the whole-process ratio approaches as N grows.
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


def steady(texts: list[str]) -> tuple[float, float]:
    """Utterances/second of bare spaCy and of the batch scorer inside this process, start-up excluded."""
    import spacy

    from coach.batch.scoring import Utterance, get_coach, score_utterances

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    coach = get_coach()
    items = [Utterance("bench", f"u{i}", i, "supporter", None, t) for i, t in enumerate(texts)]
    score_utterances(items[:500], coach)  # warm-up: lazy imports, lexicon and shape caches
    list(nlp.pipe(texts[:500]))
    t0 = time.perf_counter()
    list(nlp.pipe(texts, batch_size=256))
    bare = time.perf_counter() - t0
    t0 = time.perf_counter()
    for i in range(0, len(items), 256):  # the CLI's default --batch-size: one task, one model call
        score_utterances(items[i:i + 256], coach)
    full = time.perf_counter() - t0
    return len(texts) / bare, len(texts) / full


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=5000, help="utterances (default 5000)")
    ap.add_argument("--steady", action="store_true", help="also time both sides in this process, start-up excluded")
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
    if args.steady:
        sb, sf = steady(sample_texts(args.n))
        print(f"steady state (in process, start-up excluded): bare {sb:.0f} utt/s, coach {sf:.0f} utt/s, "
              f"ratio {sf / sb:.3f}")


if __name__ == "__main__":
    main()
