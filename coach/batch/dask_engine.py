"""Scoring on ``dask.distributed``: the same tasks and rows as the local engine, on a cluster.

``--scheduler tcp://host:port`` joins an existing cluster; otherwise a ``LocalCluster`` of
``workers`` processes with one thread each is started for the run. Each worker process loads
the model once (the module-level cache in :mod:`coach.batch.scoring`), on its first task.
Results are gathered in submission order, so the output file is identical to the local one.

:func:`score_dask` scores a Dask DataFrame lazily with ``map_partitions``::

    import dask.dataframe as dd
    from coach.batch import score_dask
    scored = score_dask(dd.read_parquet("corpus.parquet"), text_col="text", id_col="id")
    scored.to_parquet("scored/")
"""

from __future__ import annotations

from collections.abc import Iterator

from coach.errors import CoachError

from .engine import fix_hash_seed, ordered_window
from .scoring import TaskResult, run_task


class DaskExecutor:
    def __init__(self, workers: int = 1, scheduler: str | None = None):
        from distributed import Client, LocalCluster

        self.workers = max(1, workers)
        self._cluster = None
        fix_hash_seed()
        try:
            if scheduler:
                self._client = Client(scheduler, timeout="10s")
                self.workers = max(1, len(self._client.scheduler_info().get("workers", {})))
            else:
                self._cluster = LocalCluster(
                    n_workers=self.workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0",
                    silence_logs=50,
                )
                self._client = Client(self._cluster)
        except OSError as exc:
            raise CoachError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None

    def map(self, tasks: Iterator) -> Iterator[TaskResult]:
        return ordered_window(
            lambda t: self._client.submit(run_task, t, pure=False),
            tasks,
            2 * self.workers + 1,
            lambda fut: fut.result(),
        )

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def _score_partition(df, options: dict):
    from .api import score_frame

    return score_frame(df, **options)


def score_dask(
    ddf,
    *,
    text_col: str | None = None,
    id_col: str | None = None,
    speaker_col: str | None = None,
    doc_col: str | None = None,
    start_col: str | None = None,
    speaker: str | list[str] | None = None,
    model: str | None = None,
    suggestions: bool = True,
):
    """A lazy Dask DataFrame of output rows (columns as :data:`coach.batch.OUTPUT_COLUMNS`).

    Each partition is scored on its own with :func:`coach.batch.score_frame`, so keep each
    document within one partition (e.g. partition by the document column) when a table has
    ``doc_col`` or a speaker column; turn numbers and supporter inference are per partition.
    """
    from .columns import empty_frame

    options = {
        "text_col": text_col,
        "id_col": id_col,
        "speaker_col": speaker_col,
        "doc_col": doc_col,
        "start_col": start_col,
        "speaker": speaker,
        "model": model,
        "suggestions": suggestions,
        "strict": False,
    }
    return ddf.map_partitions(_score_partition, options, meta=empty_frame())
