"""Scaling of ``coach score``: 2 worker processes vs 1, and Dask (2-worker LocalCluster) vs 2 processes.

Each configuration is timed as a whole process on the same table of N corpus utterances, in
the same script, so the ratios are comparable on a noisy machine. Targets: ``--workers 2``
speed-up over ``--workers 1`` >= 1.6; Dask time <= 1.5x the ``--workers 2`` time.

    .venv/bin/python benchmarks/batch_scaling.py --n 20000
"""

from __future__ import annotations

import argparse
import filecmp
import tempfile
from pathlib import Path

from throughput import coach_cmd, timed, write_table


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20000, help="utterances (default 20000)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        table = write_table(Path(tmp) / "utterances.jsonl", args.n)
        outs = {name: Path(tmp) / f"{name}.csv" for name in ("w1", "w2", "dask")}
        t1 = timed(coach_cmd(table, outs["w1"], "--workers", "1"))
        t2 = timed(coach_cmd(table, outs["w2"], "--workers", "2"))
        td = timed(coach_cmd(table, outs["dask"], "--engine", "dask", "--workers", "2"))
        same = filecmp.cmp(outs["w2"], outs["dask"], shallow=False)
    print(f"n={args.n}  --workers 1: {t1:.1f}s ({args.n / t1:.0f} utt/s)")
    print(f"n={args.n}  --workers 2: {t2:.1f}s ({args.n / t2:.0f} utt/s)")
    print(f"n={args.n}  --engine dask --workers 2: {td:.1f}s ({args.n / td:.0f} utt/s)")
    print(f"speed-up workers 2 vs 1 = {t1 / t2:.2f}  (target >= 1.6)")
    print(f"dask / workers 2 time   = {td / t2:.2f}  (target <= 1.5)")
    print(f"dask output identical to --workers 2: {same}")


if __name__ == "__main__":
    main()
