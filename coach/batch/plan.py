"""Turn inputs into scoring tasks, in input order: transcripts in small groups, tables in chunks.

Tables are read twice when they have a speaker column: a first, cheap pass over the document,
speaker and text columns finds each document's supporter with :func:`coach.roles.resolve_supporters`
(exactly as for transcripts); the second pass streams the supporter's rows into tasks of
``batch_size`` utterances. Bad rows and files are reported through ``on_failure`` and skipped.

>>> import pandas as pd
>>> from coach.batch.tables import FrameTable
>>> df = pd.DataFrame({"session": ["s1", "s1", "s2"], "speaker": ["Peer", "Sam", "Coach"],
...                    "text": ["You need to go.", "Okay.", "What do you want?"]})
>>> planner = Planner([], Options(doc_col="session"), on_failure=print)
>>> tasks = list(planner.table_tasks(FrameTable(df)))
>>> [(u.doc_id, u.id, u.turn, u.speaker) for u in tasks[0].items]
[('s1', 's1:0', 0, 'Peer'), ('s2', 's2:0', 0, 'Coach')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from coach.errors import CoachError
from coach.readers.common import parse_time
from coach.readers.text import PROSE_SPEAKER
from coach.roles import UNKNOWN_SPEAKER, resolve_supporters
from coach.transcript import Transcript, Turn

from .inputs import Input
from .scoring import TranscriptTask, Utterance, UtteranceTask
from .sessions import SessionStats
from .tables import BadRow, Table, TableSpec, cell, open_table


@dataclass
class Options:
    """How to read the inputs (the ``coach score`` options)."""

    speakers: list[str] | None = None
    text_col: str | None = None
    speaker_col: str | None = None
    start_col: str | None = None
    doc_col: str | None = None
    id_col: str | None = None
    batch_size: int = 256  # utterances per task (one model call each)
    files_per_task: int = 8
    max_bytes: int = 10_000_000
    model: str | None = None
    suggest: bool = True  # False: no alternatives (coach score --no-suggestions)

    def spec_for(self, table: Table) -> TableSpec:
        return table.spec(
            text_col=self.text_col,
            speaker_col=self.speaker_col,
            start_col=self.start_col,
            doc_col=self.doc_col,
            id_col=self.id_col,
        )


def _speaker(value: object) -> str:
    return " ".join(cell(value).split()) or UNKNOWN_SPEAKER


class Planner:
    """Yields tasks for a list of inputs; ``done`` counts rows per document already written (--resume)."""

    def __init__(
        self,
        inputs: list[Input],
        options: Options,
        on_failure: Callable[[str], None],
        stats: SessionStats | None = None,
        done: Counter | None = None,
    ):
        self.inputs = inputs
        self.options = options
        self.fail = on_failure
        self.stats = stats if stats is not None else SessionStats()
        self.done = done if done is not None else Counter()
        self.tables: dict[str, tuple[Table, TableSpec] | None] = {}

    # -- before scoring -------------------------------------------------------------------------
    def preflight(self) -> None:
        """Open every table and resolve its columns, so a wrong column name stops the run at once.

        A table that cannot be opened is a failure (logged); an unknown column is a usage error.
        """
        for item in self.inputs:
            if item.kind != "table":
                continue
            table = open_table(item.path, item.fmt or "")
            try:
                table.columns()
            except CoachError as exc:
                self.fail(str(exc))
                self.tables[item.path] = None
                continue
            self.tables[item.path] = (table, self.options.spec_for(table))

    def total(self) -> int:
        """Progress units: one per transcript plus one per table row (counted when not in the metadata)."""
        n = 0
        for item in self.inputs:
            if item.kind == "transcript":
                n += 1
            elif self.tables.get(item.path):
                table, _ = self.tables[item.path]
                count = table.count()
                n += count if count is not None else sum(1 for _ in table.rows([]))
        return n

    # -- tasks -----------------------------------------------------------------------------------
    def tasks(self) -> Iterator[UtteranceTask | TranscriptTask]:
        if not self.tables and any(i.kind == "table" for i in self.inputs):
            self.preflight()
        group: list[str] = []
        for item in self.inputs:
            if item.kind == "transcript":
                group.append(item.path)
                if len(group) >= self.options.files_per_task:
                    yield self._transcript_task(group)
                    group = []
                continue
            if group:
                yield self._transcript_task(group)
                group = []
            opened = self.tables.get(item.path)
            if opened is not None:
                yield from self.table_tasks(opened[0], opened[1])
        if group:
            yield self._transcript_task(group)

    def _transcript_task(self, paths: list[str]) -> TranscriptTask:
        o = self.options
        return TranscriptTask(
            list(paths),
            speakers=o.speakers,
            max_bytes=o.max_bytes,
            done=[self.done.get(p, 0) > 0 for p in paths],
            model=o.model,
            suggest=o.suggest,
            advance=len(paths),
        )

    def _doc(self, table: Table, spec: TableSpec, values: dict) -> str:
        return " ".join(cell(values[spec.doc]).split()) if spec.doc else table.label

    def supporters(self, table: Table, spec: TableSpec) -> dict[str, frozenset[str] | None]:
        """First pass: each document's supporters (``None`` and a logged failure when unclear)."""
        speakers: dict[str, dict[str, bool]] = {}  # doc -> speaker -> has text
        for chunk in table.chunks(spec, 8192, [c for c in (spec.doc, spec.speaker, spec.text) if c]):
            for row in chunk:
                if isinstance(row, BadRow):
                    continue
                doc = self._doc(table, spec, row.values)
                seen = speakers.setdefault(doc, {})
                name = _speaker(row.values[spec.speaker])
                seen[name] = seen.get(name, False) or bool(cell(row.values[spec.text]).strip())
        out: dict[str, frozenset[str] | None] = {}
        interned: dict[frozenset[str], frozenset[str]] = {}
        for doc, seen in speakers.items():
            where = f"{table.label} (document {doc})" if spec.doc else table.label
            transcript = Transcript(
                [Turn(s, "x") for s, has in seen.items() if has],
                source=where,
                format="table",
                meta={"silent_speakers": [s for s, has in seen.items() if not has]},
            )
            try:
                chosen = frozenset(resolve_supporters(transcript, self.options.speakers)[0])
            except CoachError as exc:
                self.fail(str(exc))
                out[doc] = None
                continue
            out[doc] = interned.setdefault(chosen, chosen)
        return out

    def table_tasks(self, table: Table, spec: TableSpec | None = None) -> Iterator[UtteranceTask]:
        """Second pass: tasks of up to ``batch_size`` supporter utterances, in row order."""
        o = self.options
        spec = spec or o.spec_for(table)
        failed = 0

        def fail(message: str) -> None:
            nonlocal failed
            failed += 1
            self.fail(message)

        supporters = self.supporters(table, spec) if spec.speaker else None
        failed += sum(1 for v in (supporters or {}).values() if v is None)
        fixed_speaker = o.speakers[0] if o.speakers and len(o.speakers) == 1 else PROSE_SPEAKER
        turns: Counter = Counter()
        items: list[Utterance] = []
        advance = scored = 0
        for chunk in table.chunks(spec, max(o.batch_size, 1024)):
            for row in chunk:
                advance += 1
                if isinstance(row, BadRow):
                    fail(f"{table.label}: {row.where}: {row.reason}; row skipped")
                    continue
                v = row.values
                doc = self._doc(table, spec, v)
                if not doc:
                    fail(f"{table.label}: {row.where}: no document id in column '{spec.doc}'; row skipped")
                    continue
                turn = turns[doc]
                turns[doc] += 1
                text = " ".join(cell(v[spec.text]).split())
                words = len(text.split())
                if supporters is not None:
                    chosen = supporters.get(doc)
                    speaker = _speaker(v[spec.speaker])
                    is_supporter = chosen is not None and speaker in chosen
                    if chosen is None:
                        continue
                else:
                    speaker, is_supporter = fixed_speaker, True
                self.stats.add_words(doc, words if is_supporter else 0, words)
                if not is_supporter:
                    continue
                if not text:
                    fail(f"{table.label}: {row.where}: empty text; row skipped")
                    continue
                start = None
                if spec.start:
                    raw = v[spec.start]
                    if cell(raw).strip():
                        try:
                            start = parse_time(raw if isinstance(raw, (int, float)) else cell(raw))
                        except ValueError:
                            fail(
                                f"{table.label}: {row.where}: cannot read time '{cell(raw)}' in column "
                                f"'{spec.start}'; row skipped"
                            )
                            continue
                scored += 1
                if self.done.get(doc, 0) > 0:  # --resume: already in the output
                    self.done[doc] -= 1
                    continue
                ident = cell(v[spec.id]).strip() if spec.id else ""
                items.append(Utterance(doc, ident or f"{doc}:{turn}", turn, speaker, start, text))
                if len(items) >= o.batch_size:
                    yield UtteranceTask(items, model=o.model, suggest=o.suggest, advance=advance)
                    items, advance = [], 0
        if items or advance:
            yield UtteranceTask(items, model=o.model, suggest=o.suggest, advance=advance)
        if not scored and not failed:
            self.fail(f"{table.label}: no supporter rows with text to score")
