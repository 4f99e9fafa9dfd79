"""Peak resident memory of ``coach score`` streaming a large utterance table (target < 600 MB).

Generates a Parquet table of N utterances sampled from the corpus (default 1,000,000), runs
``coach score`` on it as a child process and samples the RSS of that process and all its
children every 0.2 s. Prints the exact command, the peak RSS (sum over the process tree and
largest single process), rows written and the elapsed time.

    .venv/bin/python benchmarks/memory.py --n 1000000
"""

from __future__ import annotations

import argparse
import shlex
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import psutil
from throughput import ENV, ROOT, coach_cmd, write_table


def watch(proc: subprocess.Popen, peaks: dict, stop: threading.Event) -> None:
    root = psutil.Process(proc.pid)
    while not stop.is_set():
        try:
            procs = [root] + root.children(recursive=True)
            rss = []
            for p in procs:
                try:
                    rss.append(p.memory_info().rss)
                except psutil.Error:
                    pass
            peaks["tree"] = max(peaks["tree"], sum(rss))
            peaks["single"] = max(peaks["single"], max(rss, default=0))
        except psutil.Error:
            break
        stop.wait(0.2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000, help="utterances (default 1,000,000)")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--out", default="scores.parquet", help="output file name (extension picks the format)")
    ap.add_argument("--dir", default=None, help="working directory (default: a temporary one)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        t0 = time.perf_counter()
        table = write_table(Path(tmp) / "utterances.parquet", args.n)
        print(f"generated {args.n} utterances in {time.perf_counter() - t0:.1f}s", flush=True)
        out = Path(tmp) / args.out
        cmd = coach_cmd(table, out, "--workers", str(args.workers))
        print("$ " + " ".join(shlex.quote(c) for c in cmd), flush=True)
        peaks = {"tree": 0, "single": 0}
        stop = threading.Event()
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL)
        watcher = threading.Thread(target=watch, args=(proc, peaks, stop), daemon=True)
        watcher.start()
        code = proc.wait()
        elapsed = time.perf_counter() - t0
        stop.set()
        watcher.join()
        import pyarrow.parquet as pq

        rows = pq.ParquetFile(out).metadata.num_rows if out.suffix == ".parquet" and out.exists() else None
    mb = 1024 * 1024
    rate = f"{rows / elapsed:.0f} utt/s" if rows else "not finished"
    print(f"exit {code}; rows written {rows}; elapsed {elapsed:.0f}s ({rate})")
    print(
        f"peak RSS: process tree {peaks['tree'] / mb:.0f} MB, largest process {peaks['single'] / mb:.0f} MB "
        f"(target < 600 MB)"
    )


if __name__ == "__main__":
    main()
