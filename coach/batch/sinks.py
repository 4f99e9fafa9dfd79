"""Chunked writers for the output tables (CSV, JSON Lines, Parquet), chosen by file extension.

Each chunk of rows is appended as it is scored, so memory stays bounded: CSV and JSONL are
appended to the file; Parquet goes through one ``pyarrow.parquet.ParquetWriter`` into
``FILE.partial``, renamed to ``FILE`` when the run ends (also on Ctrl-C), so a Parquet file
is never left half-written. With ``append=True`` (``--resume``) the rows already in ``FILE``
are kept and :func:`read_existing` lists them.

>>> import os, tempfile
>>> path = os.path.join(tempfile.mkdtemp(), "t.csv")
>>> cols, types = ("doc_id", "n"), {"doc_id": "string", "n": "int64"}
>>> with open_writer(path, cols, types) as w:
...     w.write([{"doc_id": "a", "n": 1}, {"doc_id": "b", "n": None}])
>>> open(path).read()
'doc_id,n\\na,1\\nb,\\n'
>>> [list(chunk["doc_id"]) for chunk in read_existing(path, cols, ("doc_id",))]
[['a', 'b']]
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
from collections.abc import Iterator, Mapping, Sequence

from coach.errors import CoachError

FORMATS: dict[str, str] = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}
READ_CHUNK = 50_000


def format_of(path: str | os.PathLike, what: str = "--out") -> str:
    """csv, jsonl or parquet from the extension; a one-line usage error otherwise.

    >>> format_of("scores.parquet"), format_of("x.JSONL")
    ('parquet', 'jsonl')
    """
    ext = os.path.splitext(str(path))[1].lower()
    if ext not in FORMATS:
        raise CoachError(
            f"{what} {path}: unknown output type '{ext or '(none)'}'; use .csv, .jsonl or .parquet"
        )
    return FORMATS[ext]


def _csv_cell(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _json_value(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


class Writer:
    """Base: ``write(rows)`` appends dict rows with exactly ``columns``; ``close()`` finishes the file."""

    def __init__(self, path: str, columns: Sequence[str], types: Mapping[str, str], append: bool):
        self.path, self.columns, self.types, self.append = str(path), tuple(columns), dict(types), append

    def write(self, rows: list[dict]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _trim_partial_line(path: str) -> None:
    """Drop an unfinished last line (an interrupted write) so appended rows start cleanly."""
    with open(path, "rb+") as f:
        f.seek(0, os.SEEK_END)
        size = f.tell()
        if size == 0:
            return
        f.seek(size - 1)
        if f.read(1) == b"\n":
            return
        step, pos = 65536, size
        while pos > 0:
            pos = max(0, pos - step)
            f.seek(pos)
            block = f.read(min(step, size - pos))
            cut = block.rfind(b"\n")
            if cut >= 0:
                f.truncate(pos + cut + 1)
                return
        f.truncate(0)


class CsvWriter(Writer):
    def __init__(self, path, columns, types, append):
        super().__init__(path, columns, types, append)
        exists = append and os.path.exists(self.path) and os.path.getsize(self.path) > 0
        if exists:
            _trim_partial_line(self.path)
        self._f = open(self.path, "a" if exists else "w", encoding="utf-8", newline="")  # noqa: SIM115
        self._csv = csv.writer(self._f, lineterminator="\n")
        if not exists:
            self._csv.writerow(self.columns)

    def write(self, rows):
        buf = io.StringIO()
        out = csv.writer(buf, lineterminator="\n")
        out.writerows([[_csv_cell(r.get(c)) for c in self.columns] for r in rows])
        self._f.write(buf.getvalue())  # one write per chunk
        self._f.flush()

    def close(self):
        self._f.close()


class JsonlWriter(Writer):
    def __init__(self, path, columns, types, append):
        super().__init__(path, columns, types, append)
        exists = append and os.path.exists(self.path)
        if exists:
            _trim_partial_line(self.path)
        self._f = open(self.path, "a" if exists else "w", encoding="utf-8")  # noqa: SIM115

    def write(self, rows):
        self._f.write(
            "".join(
                json.dumps({c: _json_value(r.get(c)) for c in self.columns}, ensure_ascii=False) + "\n"
                for r in rows
            )
        )
        self._f.flush()

    def close(self):
        self._f.close()


class ParquetWriter(Writer):
    def __init__(self, path, columns, types, append):
        import pyarrow.parquet as pq

        from .columns import arrow_schema

        super().__init__(path, columns, types, append)
        self.schema = arrow_schema(self.columns, self.types)
        self.partial = self.path + ".partial"
        self._w = pq.ParquetWriter(self.partial, self.schema)
        self._pending: list = []
        self._pending_rows = 0
        if append and os.path.exists(self.path):
            for batch in _parquet_batches(self.path, self.columns):
                self._w.write_batch(batch)

    ROW_GROUP = 8_192  # rows per Parquet row group: few enough groups to keep their metadata small, small enough a buffer

    def write(self, rows):
        import pyarrow as pa

        if rows:
            clean = [{c: _json_value(r.get(c)) for c in self.columns} for r in rows]
            # Arrow tables are buffered into large row groups: one row group per scored chunk made ~4,000
            # of them for a million utterances, and the writer keeps every row group's metadata until it closes
            self._pending.append(pa.Table.from_pylist(clean, schema=self.schema))
            self._pending_rows += len(clean)
            if self._pending_rows >= self.ROW_GROUP:
                self._flush()

    def _flush(self):
        import pyarrow as pa

        if self._pending:
            self._w.write_table(pa.concat_tables(self._pending), row_group_size=self.ROW_GROUP)
            self._pending, self._pending_rows = [], 0

    def close(self):
        if self._w is not None:
            self._flush()
            self._w.close()
            self._w = None
            os.replace(self.partial, self.path)


def open_writer(
    path: str | os.PathLike, columns: Sequence[str], types: Mapping[str, str], append: bool = False
) -> Writer:
    fmt = format_of(path)
    cls = {"csv": CsvWriter, "jsonl": JsonlWriter, "parquet": ParquetWriter}[fmt]
    try:
        return cls(str(path), columns, types, append)
    except OSError as exc:
        raise CoachError(f"cannot write {path}: {exc.strerror or exc}") from None


def _parquet_batches(path: str, columns: Sequence[str]):
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # noqa: BLE001 - pyarrow raises several types for a damaged file
        raise CoachError(
            f"cannot resume: {path} is not a readable Parquet file ({type(exc).__name__}); "
            "run again without --resume"
        ) from None
    found = tuple(pf.schema_arrow.names)
    if found != tuple(columns):
        raise CoachError(
            f"cannot resume: {path} has other columns than this run writes; "
            "run again without --resume or write to a new file"
        )
    yield from pf.iter_batches(batch_size=READ_CHUNK)


def read_existing(path: str | os.PathLike, columns: Sequence[str], wanted: Sequence[str]) -> Iterator[dict]:
    """Chunks ({column: list}) of ``wanted`` columns of an existing output file, checking its header."""
    path = str(path)
    fmt = format_of(path)
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return
    mismatch = CoachError(
        f"cannot resume: {path} has other columns than this run writes; "
        "run again without --resume or write to a new file"
    )
    if fmt == "parquet":
        for batch in _parquet_batches(path, columns):
            yield {c: batch.column(c).to_pylist() for c in wanted}
        return
    _trim_partial_line(path)
    with open(path, encoding="utf-8", newline="") as f:
        if fmt == "csv":
            reader = csv.reader(f)
            header = next(reader, None)
            if header is None:
                return
            if tuple(header) != tuple(columns):
                raise mismatch
            index = [header.index(c) for c in wanted]
            chunk: dict[str, list] = {c: [] for c in wanted}
            for cells in reader:
                if len(cells) != len(header):
                    raise CoachError(
                        f"cannot resume: {path}: line {reader.line_num} is damaged; "
                        "run again without --resume"
                    )
                for c, i in zip(wanted, index):
                    chunk[c].append(cells[i])
                if len(chunk[wanted[0]]) >= READ_CHUNK:
                    yield chunk
                    chunk = {c: [] for c in wanted}
            if chunk[wanted[0]]:
                yield chunk
            return
        chunk = {c: [] for c in wanted}
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                raise CoachError(
                    f"cannot resume: {path}: line {number} is damaged; run again without --resume"
                ) from None
            if number == 1 and tuple(record) != tuple(columns):
                raise mismatch
            for c in wanted:
                chunk[c].append(record.get(c))
            if len(chunk[wanted[0]]) >= READ_CHUNK:
                yield chunk
                chunk = {c: [] for c in wanted}
        if chunk[wanted[0]]:
            yield chunk
