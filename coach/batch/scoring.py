"""What a worker does with one task: score utterances or transcripts into output rows.

The model is loaded once per process (a module-level cache keyed by model path), never per
row or per task; :func:`init_worker` warms it in pool workers. Tasks and results are plain
picklable dataclasses, so the same function runs in-process, in a process pool or on Dask.

>>> from coach.analysis import load
>>> set_coach(load())
>>> result = run_task(UtteranceTask([Utterance("d", "d:0", 0, "Peer", None, "You need to stop drinking.")]))
>>> [(r["id"], r["power_over"]) for r in result.rows]
[('d:0', True)]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coach.errors import CoachError
from coach.transcript import Turn

from .columns import output_row

_CACHE: dict[str | None, object] = {}


@dataclass(frozen=True)
class Utterance:
    """One supporter utterance from a table, ready to score."""

    doc_id: str
    id: str
    turn: int
    speaker: str
    start: float | None
    text: str


@dataclass
class UtteranceTask:
    items: list[Utterance]
    model: str | None = None
    suggest: bool = True
    advance: int = 0  # progress units (input rows) this task completes


@dataclass
class TranscriptTask:
    paths: list[str]
    speakers: list[str] | None = None
    max_bytes: int = 10_000_000
    done: list[bool] = field(default_factory=list)  # already in the output (--resume): count words only
    model: str | None = None
    suggest: bool = True
    advance: int = 0


@dataclass
class TaskResult:
    rows: list[dict]
    failures: list[str] = field(default_factory=list)
    words: dict[str, tuple[int, int]] = field(default_factory=dict)  # doc -> (supporter words, all words)
    advance: int = 0


def get_coach(model: str | None = None, suggest: bool = True):
    """The process's :class:`coach.analysis.Coach` for ``model`` (loaded on first use).

    ``suggest=False`` (``coach score --no-suggestions``) skips the alternatives; the ``suggestion`` column then
    holds the top concern's first guideline alternative.
    """
    key = model if suggest else (model, "no-suggestions")
    if key not in _CACHE:
        from coach.analysis import load

        # batch output keeps only the best alternative of each utterance's top concern: compute only that one
        _CACHE[key] = load(model, max_suggestions=1, suggest_for="top_concern", suggest=suggest)
        _CACHE[key].model.for_inference()  # a scoring process never needs the estimators behind the weights
    return _CACHE[key]


def set_coach(coach, model: str | None = None) -> None:
    """Use an already loaded Coach for ``model`` in this process (the API and tests share theirs)."""
    _CACHE[model] = coach


def init_worker(model: str | None = None, suggest: bool = True) -> None:
    """Process-pool initializer: load the model once, before the first task arrives."""
    get_coach(model, suggest)


def run_task(task: UtteranceTask | TranscriptTask) -> TaskResult:
    """Score a task with this process's model."""
    coach = get_coach(task.model, task.suggest)
    if isinstance(task, UtteranceTask):
        return TaskResult(score_utterances(task.items, coach), advance=task.advance)
    return score_transcripts(task, coach)


def score_utterances(items: list[Utterance], coach) -> list[dict]:
    """Output rows for utterances, scored with one ``nlp.pipe`` pass (the component batches the model)."""
    from coach.analysis import findings_from_doc

    docs = coach.nlp.pipe([u.text for u in items], batch_size=max(1, len(items)))
    rows = []
    for u, doc in zip(items, docs):
        turn = Turn(u.speaker, u.text, u.start, line=None)
        rows.append(
            output_row(
                doc_id=u.doc_id,
                id=u.id,
                turn=u.turn,
                speaker=u.speaker,
                start=u.start,
                text=u.text,
                cats=doc.cats,
                findings=findings_from_doc(doc, u.turn, turn),
            )
        )
    return rows


def transcript_rows(analysis, doc_id: str) -> list[dict]:
    """Output rows for an :class:`coach.analysis.Analysis`: one per scored supporter turn."""
    by_turn: dict[int, list] = {}
    for f in analysis.findings:
        by_turn.setdefault(f.turn, []).append(f)
    rows = []
    for i in sorted(analysis.turn_scores):
        t = analysis.transcript.turns[i]
        rows.append(
            output_row(
                doc_id=doc_id,
                id=f"{doc_id}:{i}",
                turn=i,
                speaker=t.speaker,
                start=t.start,
                text=t.text,
                cats=analysis.turn_scores[i],
                findings=by_turn.get(i, []),
            )
        )
    return rows


def score_transcripts(task: TranscriptTask, coach) -> TaskResult:
    """Read and analyse each transcript (``Coach.analyze_transcript``); a bad file is a failure line."""
    from coach import readers
    from coach.roles import resolve_supporters

    result = TaskResult(rows=[], advance=task.advance)
    done = task.done or [False] * len(task.paths)
    for path, skip in zip(task.paths, done):
        try:
            transcript = readers.read(path, max_bytes=task.max_bytes)
            if skip:
                supporters, _ = resolve_supporters(transcript, task.speakers)
            else:
                analysis = coach.analyze_transcript(transcript, task.speakers)
                supporters = analysis.supporters
                result.rows += transcript_rows(analysis, path)
        except CoachError as exc:
            result.failures.append(str(exc) if str(exc).startswith(path) else f"{path}: {exc}")
            continue
        except Exception as exc:  # noqa: BLE001 - one bad file must not end a corpus-sized run
            result.failures.append(f"{path}: unexpected {type(exc).__name__}: {' '.join(str(exc).split())}")
            continue
        words = transcript.word_counts()
        result.words[path] = (sum(words.get(s, 0) for s in supporters), sum(words.values()))
    return result
