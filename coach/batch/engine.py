"""Run the tasks (in-process, in a process pool, or on Dask) and write their rows in input order.

Every executor maps tasks to results *in order* with a bounded number in flight, so output
is deterministic and memory stays flat however large the input: the planner reads ahead
only as far as the window allows.

>>> list(LocalExecutor(coach=None).map(iter([]))) == []
True
"""

from __future__ import annotations

import os
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from coach.errors import CoachError

from .columns import OUTPUT_COLUMNS, OUTPUT_TYPES, SESSION_COLUMNS, SESSION_TYPES
from .inputs import Input
from .plan import Options, Planner
from .scoring import TaskResult, get_coach, init_worker, run_task, score_transcripts, score_utterances
from .sessions import SessionStats
from .sinks import open_writer, read_existing


class LocalExecutor:
    """Score in this process with one loaded Coach."""

    def __init__(self, coach=None, model: str | None = None, suggest: bool = True):
        self._coach, self.model, self.suggest = coach, model, suggest

    def map(self, tasks: Iterator) -> Iterator[TaskResult]:
        for task in tasks:
            if self._coach is None:
                self._coach = get_coach(self.model, self.suggest)
            if hasattr(task, "items"):
                yield TaskResult(score_utterances(task.items, self._coach), advance=task.advance)
            else:
                yield score_transcripts(task, self._coach)

    def close(self) -> None:
        pass


def ordered_window(submit: Callable, tasks: Iterator, window: int, result: Callable) -> Iterator:
    """Submit up to ``window`` tasks ahead and yield their results in submission order."""
    pending: deque = deque()
    for task in tasks:
        pending.append(submit(task))
        if len(pending) >= window:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


def fix_hash_seed() -> None:
    """Give worker processes one BLAS thread each, since the parallelism is across processes.

    (Output does not depend on the hash seed: tests/test_determinism.py checks it.)
    """
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")  # one BLAS thread per worker process: no oversubscription


class PoolExecutor:
    """``workers`` spawned processes, each loading the model once in its initializer."""

    def __init__(self, workers: int, model: str | None = None, suggest: bool = True):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        fix_hash_seed()
        self.workers = workers
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=init_worker,
            initargs=(model, suggest),
        )

    def map(self, tasks: Iterator) -> Iterator[TaskResult]:
        return ordered_window(
            lambda t: self._pool.submit(run_task, t), tasks, 2 * self.workers + 1, lambda fut: fut.result()
        )

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def make_executor(
    engine: str = "local",
    workers: int = 1,
    model: str | None = None,
    scheduler: str | None = None,
    coach=None,
    suggest: bool = True,
):
    """``local`` with one worker scores in-process; ``local`` with more uses a pool; ``dask`` a cluster
    (whose workers read ``model`` and ``suggest`` from each task)."""
    if engine == "dask":
        from .dask_engine import DaskExecutor

        return DaskExecutor(workers=workers, scheduler=scheduler)
    if engine != "local":
        raise CoachError(f"unknown engine '{engine}'; use local or dask")
    if workers <= 1:
        return LocalExecutor(coach=coach, model=model, suggest=suggest)
    return PoolExecutor(workers, model, suggest)


@dataclass
class RunSummary:
    rows: int = 0
    documents: set = field(default_factory=set)
    inputs: int = 0
    failures: list[str] = field(default_factory=list)
    resumed_rows: int = 0

    @property
    def exit_code(self) -> int:
        return 3 if self.failures else 0


class Progress:
    """A tqdm bar (rate and ETA) on a terminal; nothing otherwise. Messages go above the bar."""

    def __init__(self, enabled: bool, total: int | None = None):
        self.bar = None
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(
                total=total, unit="row", file=sys.stderr, dynamic_ncols=True, smoothing=0.1, desc="scoring"
            )

    @staticmethod
    def wanted(quiet: bool) -> bool:
        return not quiet and sys.stderr.isatty()

    def update(self, n: int) -> None:
        if self.bar is not None and n:
            self.bar.update(n)

    def message(self, text: str) -> None:
        if self.bar is not None:
            self.bar.write(text, file=sys.stderr)
        else:
            print(text, file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def resume_state(out: str, stats: SessionStats) -> tuple[Counter, int]:
    """Rows per document already in ``out`` (they are also counted into ``stats``)."""
    done: Counter = Counter()
    n = 0
    for chunk in read_existing(out, OUTPUT_COLUMNS, ("doc_id", "spans")):
        done.update(chunk["doc_id"])
        stats.add_rows(chunk["doc_id"], chunk["spans"])
        n += len(chunk["doc_id"])
    return done, n


def run(
    inputs: list[Input],
    out: str,
    *,
    options: Options | None = None,
    sessions: str | None = None,
    resume: bool = False,
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    quiet: bool = True,
    coach=None,
    log: Callable[[str], None] | None = None,
    initial_failures: Iterable[str] = (),
) -> RunSummary:
    """Score ``inputs`` into ``out`` (and the per-document ``sessions`` table); see ``coach score --help``."""
    options = options or Options()
    summary = RunSummary(inputs=len(inputs))
    stats = SessionStats()
    done, summary.resumed_rows = resume_state(out, stats) if resume else (Counter(), 0)
    for doc in done:
        summary.documents.add(doc)
    progress = Progress(False)

    def fail(message: str) -> None:
        summary.failures.append(message)
        (log or progress.message)(f"coach: skipped: {message}")

    for message in initial_failures:
        fail(message)
    planner = Planner(inputs, options, on_failure=fail, stats=stats, done=done)
    planner.preflight()  # unknown columns stop here, before anything is written
    show = Progress.wanted(quiet)
    progress = Progress(show, planner.total() if show else None)
    executor = make_executor(engine, workers, options.model, scheduler, coach, options.suggest)
    writer = open_writer(out, OUTPUT_COLUMNS, OUTPUT_TYPES, append=resume)
    try:
        for result in executor.map(planner.tasks()):
            for message in result.failures:
                fail(message)
            for doc, (sup, total) in result.words.items():
                stats.add_words(doc, sup, total)
            if result.rows:
                writer.write(result.rows)
                doc_ids = [r["doc_id"] for r in result.rows]
                stats.add_rows(doc_ids, [r["spans"] for r in result.rows])
                summary.documents.update(doc_ids)
                summary.rows += len(result.rows)
            progress.update(result.advance)
    finally:
        writer.close()
        executor.close()
        progress.close()
    if sessions:
        with open_writer(sessions, SESSION_COLUMNS, SESSION_TYPES) as w:
            w.write(stats.rows())
    return summary
