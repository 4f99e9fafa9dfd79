"""The Python API for batch scoring: frames, files and Dask DataFrames.

>>> import pandas as pd
>>> from coach.batch import score_frame
>>> df = pd.DataFrame({"id": [1, 2], "text": ["You need to stop drinking.", "What would you like to do?"]})
>>> out = score_frame(df, id_col="id")
>>> out[["id", "power_over", "person_driven"]].values.tolist()
[['1', True, False], ['2', False, True]]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from coach.errors import CoachError

from .columns import to_frame
from .inputs import expand
from .plan import Options, Planner
from .scoring import TaskResult, get_coach, score_transcripts, score_utterances, set_coach
from .sessions import SessionStats
from .tables import FrameTable


def _speakers(speaker: str | list[str] | None) -> list[str] | None:
    if speaker is None:
        return None
    return [speaker] if isinstance(speaker, str) else list(speaker)


def _run_local(planner: Planner, coach) -> Iterator[TaskResult]:
    for task in planner.tasks():
        if hasattr(task, "items"):
            yield TaskResult(score_utterances(task.items, coach), advance=task.advance)
        else:
            result = score_transcripts(task, coach)
            for doc, (sup, total) in result.words.items():
                planner.stats.add_words(doc, sup, total)
            for message in result.failures:
                planner.fail(message)
            yield result


def score_frame_with_sessions(
    df,
    *,
    text_col: str | None = None,
    id_col: str | None = None,
    speaker_col: str | None = None,
    doc_col: str | None = None,
    start_col: str | None = None,
    speaker: str | list[str] | None = None,
    model: str | None = None,
    coach=None,
    strict: bool = True,
    suggestions: bool = True,
):
    """(rows, sessions) frames for a pandas frame of utterances; see :func:`score_frame`."""
    coach = coach or get_coach(model, suggestions)
    failures: list[str] = []
    stats = SessionStats()
    options = Options(
        speakers=_speakers(speaker),
        text_col=text_col,
        speaker_col=speaker_col,
        start_col=start_col,
        doc_col=doc_col,
        id_col=id_col,
        model=model,
    )
    planner = Planner([], options, on_failure=failures.append, stats=stats)
    table = FrameTable(df)
    spec = options.spec_for(table)
    rows: list[dict] = []
    for task in planner.table_tasks(table, spec):
        batch = score_utterances(task.items, coach)
        stats.add_rows([r["doc_id"] for r in batch], [r["spans"] for r in batch])
        rows += batch
    if failures and strict and not rows:
        raise CoachError(failures[0])
    return to_frame(rows), stats.frame()


def score_frame(
    df,
    *,
    text_col: str | None = None,
    id_col: str | None = None,
    speaker_col: str | None = None,
    doc_col: str | None = None,
    start_col: str | None = None,
    speaker: str | list[str] | None = None,
    model: str | None = None,
    coach=None,
    strict: bool = True,
    suggestions: bool = True,
):
    """Score a pandas frame of utterances: one output row per supporter row with text, in row order.

    Columns are named or guessed as ``coach score`` does; without a speaker column every row is
    the supporter's; ``doc_col`` groups rows into documents. ``coach`` reuses a loaded
    :class:`coach.analysis.Coach` (else the model is loaded once per process and cached).
    An unknown column raises :class:`~coach.errors.InputError`; with ``strict`` (the default) a
    frame with nothing to score raises too. ``suggestions=False`` skips the rewritten alternatives (faster;
    ``suggestion`` then holds the top concern's first guideline alternative).
    """
    return score_frame_with_sessions(
        df,
        text_col=text_col,
        id_col=id_col,
        speaker_col=speaker_col,
        doc_col=doc_col,
        start_col=start_col,
        speaker=speaker,
        model=model,
        coach=coach,
        strict=strict,
        suggestions=suggestions,
    )[0]


def iter_score_files(
    paths: Iterable[str],
    *,
    speaker: str | list[str] | None = None,
    model: str | None = None,
    coach=None,
    failures: list[str] | None = None,
    suggestions: bool = True,
    **columns: str | None,
) -> Iterator:
    """Output-row frames, chunk by chunk, for files, directories or globs (as ``coach score``).

    Bad files are skipped and their one-line reasons appended to ``failures`` when given.
    ``columns``: ``text_col``, ``id_col``, ``speaker_col``, ``doc_col``, ``start_col`` for tables.
    """
    coach = coach or get_coach(model, suggestions)
    sink = failures if failures is not None else []
    found = expand(list(paths))
    sink.extend(found.failures)
    options = Options(speakers=_speakers(speaker), model=model, **columns)
    planner = Planner(found.inputs, options, on_failure=sink.append)
    planner.preflight()
    for result in _run_local(planner, coach):
        if result.rows:
            yield to_frame(result.rows)


def score_files(
    paths: Iterable[str],
    *,
    speaker: str | list[str] | None = None,
    model: str | None = None,
    coach=None,
    failures: list[str] | None = None,
    suggestions: bool = True,
    **columns: str | None,
):
    """All output rows for ``paths`` as one pandas frame (see :func:`iter_score_files`)."""
    import pandas as pd

    frames = list(
        iter_score_files(paths, speaker=speaker, model=model, coach=coach, failures=failures,
                         suggestions=suggestions, **columns)
    )
    return pd.concat(frames, ignore_index=True) if frames else to_frame([])


__all__ = ["iter_score_files", "score_files", "score_frame", "score_frame_with_sessions", "set_coach"]
