"""What ``coach score`` reads: expand files, directories and globs into transcripts and tables.

CSV, TSV, JSON Lines and Parquet files are *tables* (streamed in chunks, one utterance per
row); every other format :func:`coach.readers.read` knows is a *transcript* (one document).

>>> kind_of("a/session.vtt"), kind_of("corpus.parquet"), kind_of("notes.pdf")
('transcript', 'table', None)
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from coach.readers import EXTENSIONS

TABLE_FORMATS: dict[str, str] = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}
TRANSCRIPT_EXTENSIONS: frozenset[str] = frozenset(e for e in EXTENSIONS if e not in TABLE_FORMATS)
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Input:
    """One file to score: ``kind`` is "transcript" or "table"; ``fmt`` the table format."""

    path: str
    kind: str
    fmt: str | None = None


@dataclass(frozen=True)
class Expansion:
    inputs: list[Input]
    failures: list[str]  # arguments that matched nothing, one line each


def kind_of(path: str) -> str | None:
    ext = os.path.splitext(path)[1].lower()
    if ext in TABLE_FORMATS:
        return "table"
    if ext in TRANSCRIPT_EXTENSIONS:
        return "transcript"
    return None


def _as_input(path: str) -> Input | None:
    kind = kind_of(path)
    if kind is None:
        return None
    return Input(path, kind, TABLE_FORMATS.get(os.path.splitext(path)[1].lower()))


def _walk(directory: str) -> Iterable[str]:
    """Supported files under ``directory``, recursively, in sorted order; hidden ones skipped."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and kind_of(name):
                yield os.path.join(root, name)


def expand(args: Sequence[str], exclude: Iterable[str | os.PathLike] = ()) -> Expansion:
    """Files for the command-line arguments, in argument order, each file once.

    A file given by name is taken whatever its extension says (an unsupported one fails
    with its reason when read); directories and globs keep supported extensions only.
    ``exclude`` (the output files) is never read back in.
    """
    skip = {Path(p).resolve() for p in exclude}
    seen: set[Path] = set()
    inputs: list[Input] = []
    failures: list[str] = []

    def add(path: str, explicit: bool) -> None:
        key = Path(path).resolve()
        if key in seen or key in skip:
            return
        item = _as_input(path) or (Input(path, "transcript") if explicit else None)
        if item is not None:
            seen.add(key)
            inputs.append(item)

    for arg in args:
        if os.path.isdir(arg):
            before = len(inputs)
            for path in _walk(arg):
                add(path, explicit=False)
            if len(inputs) == before:
                failures.append(f"{arg}: no supported files in this directory")
        elif os.path.isfile(arg):
            add(arg, explicit=True)
        elif _GLOB_CHARS & set(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            before = len(inputs)
            for path in matches:
                if os.path.isdir(path):
                    for sub in _walk(path):
                        add(sub, explicit=False)
                else:
                    add(path, explicit=False)
            if len(inputs) == before:
                failures.append(f"{arg}: no supported files match this pattern")
        else:
            failures.append(f"{arg}: no such file or directory")
    return Expansion(inputs, failures)
