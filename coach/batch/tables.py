"""Streaming tables: CSV, TSV, JSON Lines, Parquet and pandas frames, read in chunks of rows.

Only the columns the run needs are kept; a row that cannot be read (bad JSON, too many
CSV fields) comes back as a :class:`BadRow` so the caller can log it and go on.

>>> import pandas as pd
>>> t = FrameTable(pd.DataFrame({"utterance": ["You need to go.", "Okay."], "who": ["Peer", "Sam"]}))
>>> spec = t.spec(speaker_col="who")
>>> spec.text, spec.speaker, spec.doc
('utterance', 'who', None)
>>> [row.values for chunk in t.chunks(spec, 10) for row in chunk]
[{'who': 'Peer', 'utterance': 'You need to go.'}, {'who': 'Sam', 'utterance': 'Okay.'}]
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from coach.errors import InputError
from coach.readers.table import cell, choose_columns, match_column, sniff_delimiter

SNIFF_RECORDS = 1000  # JSONL: the column names are those of the first records


@dataclass(frozen=True)
class TableSpec:
    """Which column holds what (``None``: absent)."""

    text: str
    speaker: str | None = None
    start: str | None = None
    doc: str | None = None
    id: str | None = None

    @property
    def needed(self) -> list[str]:
        return list(dict.fromkeys(c for c in (self.doc, self.id, self.speaker, self.start, self.text) if c))


@dataclass(frozen=True)
class Row:
    where: str  # "line 12" / "row 12", for messages
    values: dict


@dataclass(frozen=True)
class BadRow:
    where: str
    reason: str


class Table:
    """A table file or frame; subclasses say how to list its columns and read its rows."""

    label: str

    def columns(self) -> list[str]:
        raise NotImplementedError

    def rows(self, columns: Sequence[str]) -> Iterator[Row | BadRow]:
        raise NotImplementedError

    def count(self) -> int | None:
        """Rows, when cheap to know (Parquet metadata, frames); else ``None``."""
        return None

    def spec(
        self,
        *,
        text_col: str | None = None,
        speaker_col: str | None = None,
        start_col: str | None = None,
        doc_col: str | None = None,
        id_col: str | None = None,
    ) -> TableSpec:
        """Resolve the named columns (exact, then case-insensitive) or guess them as the readers do.

        An unknown column is an :class:`InputError` naming the columns found.
        """
        found = self.columns()
        cols = choose_columns(
            found, self.label, speaker_col=speaker_col, text_col=text_col, start_col=start_col
        )
        doc = match_column(found, doc_col, "document", self.label) if doc_col else None
        ident = match_column(found, id_col, "id", self.label) if id_col else None
        speaker = cols.speaker if cols.speaker not in (doc, ident) or speaker_col else None
        start = cols.start if cols.start not in (doc, ident) or start_col else None
        return TableSpec(text=cols.text, speaker=speaker, start=start, doc=doc, id=ident)

    def chunks(self, spec: TableSpec, size: int, columns: Sequence[str] | None = None) -> Iterator[list]:
        """Lists of up to ``size`` rows (:class:`Row` or :class:`BadRow`) with the spec's columns."""
        chunk: list = []
        for row in self.rows(columns if columns is not None else spec.needed):
            chunk.append(row)
            if len(chunk) >= size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk


class CsvTable(Table):
    """CSV or TSV with a header row, streamed with the ``csv`` module (UTF-8)."""

    def __init__(self, path: str, fmt: str = "csv"):
        self.path, self.label, self.fmt = path, path, fmt
        self._delimiter: str | None = None

    def _open(self):
        return open(self.path, encoding="utf-8-sig", newline="")

    def _reader(self, f):
        if self._delimiter is None:
            first = f.readline()
            f.seek(0)
            self._delimiter = sniff_delimiter(first, "\t" if self.fmt == "tsv" else ",")
        return csv.reader(f, delimiter=self._delimiter)

    def _header(self, reader) -> list[str]:
        for cells in reader:
            if cells and any(c.strip() for c in cells):
                return [c.strip() for c in cells]
        raise InputError(f"{self.label}: empty table; expected a header row and rows")

    def columns(self) -> list[str]:
        try:
            with self._open() as f:
                return self._header(self._reader(f))
        except UnicodeDecodeError:
            raise InputError(f"{self.label}: not UTF-8 text; save the table as UTF-8") from None
        except csv.Error as exc:
            raise InputError(f"{self.label}: not valid {self.fmt.upper()} ({exc})") from None

    def rows(self, columns: Sequence[str]) -> Iterator[Row | BadRow]:
        with self._open() as f:
            reader = self._reader(f)
            try:
                header = self._header(reader)
                index = [header.index(c) for c in columns]
                width = len(header)
                line = reader.line_num + 1
                for cells in reader:
                    where = f"line {line}"
                    line = reader.line_num + 1
                    if not cells or not any(c.strip() for c in cells):
                        continue
                    if len(cells) > width:
                        yield BadRow(where, f"{len(cells)} fields where the header has {width}")
                        continue
                    yield Row(
                        where, {c: (cells[i] if i < len(cells) else None) for c, i in zip(columns, index)}
                    )
            except UnicodeDecodeError:
                yield BadRow(
                    f"line {reader.line_num + 1}", "not UTF-8 text; the rest of the table is skipped"
                )
            except csv.Error as exc:
                yield BadRow(
                    f"line {reader.line_num}",
                    f"not valid {self.fmt.upper()} ({exc}); the rest of the table is skipped",
                )


class JsonlTable(Table):
    """JSON Lines: one object per line; blank lines are skipped."""

    def __init__(self, path: str):
        self.path, self.label = path, path

    def columns(self) -> list[str]:
        found: dict[str, None] = {}
        seen = 0
        for row in self.rows(None):
            if isinstance(row, Row):
                found.update(dict.fromkeys(row.values))
                seen += 1
                if seen >= SNIFF_RECORDS:
                    break
        if not seen:
            raise InputError(f"{self.label}: no JSON records; expected one JSON object per line")
        return list(found)

    def rows(self, columns: Sequence[str] | None) -> Iterator[Row | BadRow]:
        try:
            with open(self.path, encoding="utf-8-sig") as f:
                for number, line in enumerate(f, 1):
                    if not line.strip():
                        continue
                    where = f"line {number}"
                    try:
                        record = json.loads(line)
                    except json.JSONDecodeError as exc:
                        yield BadRow(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
                        continue
                    if not isinstance(record, dict):
                        yield BadRow(where, f"expected a JSON object, found {type(record).__name__}")
                        continue
                    yield Row(where, record if columns is None else {c: record.get(c) for c in columns})
        except UnicodeDecodeError:
            yield BadRow("", "not UTF-8 text; the rest of the table is skipped")


class ParquetTable(Table):
    """Parquet, read in record batches of the needed columns only."""

    BATCH = 8192

    def __init__(self, path: str):
        self.path, self.label = path, path
        self._file = None

    def _pf(self):
        if self._file is None:
            import pyarrow.parquet as pq

            try:
                self._file = pq.ParquetFile(self.path)
            except Exception as exc:  # noqa: BLE001 - pyarrow raises several types for a damaged file
                raise InputError(
                    f"{self.label}: not a readable Parquet file ({type(exc).__name__})"
                ) from None
        return self._file

    def columns(self) -> list[str]:
        return list(self._pf().schema_arrow.names)

    def count(self) -> int | None:
        return self._pf().metadata.num_rows

    def rows(self, columns: Sequence[str]) -> Iterator[Row | BadRow]:
        n = 0
        for batch in self._pf().iter_batches(batch_size=self.BATCH, columns=list(columns)):
            data = batch.to_pydict()
            for i in range(batch.num_rows):
                n += 1
                yield Row(f"row {n}", {c: data[c][i] for c in columns})


class FrameTable(Table):
    """An in-memory pandas frame (the Python API)."""

    def __init__(self, df, label: str = "<frame>"):
        self.df, self.label = df, label

    def columns(self) -> list[str]:
        return [str(c) for c in self.df.columns]

    def count(self) -> int | None:
        return len(self.df)

    def rows(self, columns: Sequence[str]) -> Iterator[Row | BadRow]:
        names = {str(c): c for c in self.df.columns}
        data = {c: self.df[names[c]].tolist() for c in columns}
        for i in range(len(self.df)):
            yield Row(f"row {i + 1}", {c: data[c][i] for c in columns})


def open_table(path: str, fmt: str) -> Table:
    """The :class:`Table` for a file of format ``fmt`` (csv, tsv, jsonl, parquet).

    >>> open_table("corpus.jsonl", "jsonl").label
    'corpus.jsonl'
    """
    if fmt in ("csv", "tsv"):
        return CsvTable(path, fmt)
    if fmt == "jsonl":
        return JsonlTable(path)
    if fmt == "parquet":
        return ParquetTable(path)
    raise InputError(f"{path}: unknown table format '{fmt}'")


__all__ = [
    "BadRow",
    "CsvTable",
    "FrameTable",
    "JsonlTable",
    "ParquetTable",
    "Row",
    "Table",
    "TableSpec",
    "cell",
    "open_table",
]
