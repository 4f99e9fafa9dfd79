"""Batch scoring at corpus scale: ``coach score``, ``coach agree`` and their Python API.

>>> from coach.batch import OUTPUT_COLUMNS
>>> OUTPUT_COLUMNS[:3]
('doc_id', 'id', 'turn')

* :func:`score_frame` (pandas in, pandas out), :func:`score_files` / :func:`iter_score_files`
  (paths, directories, globs), :func:`score_dask` (Dask DataFrame, lazily, ``map_partitions``);
* :func:`coach.batch.engine.run`: the streaming engine behind ``coach score`` (chunked reading
  and writing, worker processes or Dask, ``--resume``, per-session table);
* :func:`coach.batch.agree.agreement`: per-label kappa, precision, recall and F1 with bootstrap
  intervals between a human-coded and a model-coded table.
"""

from __future__ import annotations

from .api import iter_score_files, score_files, score_frame, score_frame_with_sessions
from .columns import OUTPUT_COLUMNS, SESSION_COLUMNS
from .scoring import set_coach


def score_dask(ddf, **options):
    """See :func:`coach.batch.dask_engine.score_dask` (imported lazily: Dask is heavy)."""
    from .dask_engine import score_dask as _score_dask

    return _score_dask(ddf, **options)


__all__ = [
    "OUTPUT_COLUMNS",
    "SESSION_COLUMNS",
    "iter_score_files",
    "score_dask",
    "score_files",
    "score_frame",
    "score_frame_with_sessions",
    "set_coach",
]
