"""Word documents: paragraphs (and 2-column speaker/text tables) through the plain-text logic.

Every top-level paragraph, and every table row, counts as one "line", numbered
in document order; soft line breaks inside a paragraph split it into several
lines with the same number. A table is read as turns when it has 2 columns
(speaker, text) or 3 (time, speaker, text) and its speaker cells look like names;
other tables are skipped (``meta["skipped_tables"]``).
"""

from __future__ import annotations

import io
import zipfile

from ..errors import InputError
from ..transcript import Transcript
from .common import input_error, parse_time
from .text import Line, parse_lines, plausible_name

_HEADER_SPEAKER = frozenset({"speaker", "name", "role", "who", "participant", "speaker name"})


def _row_cells(row) -> list[str]:
    """Cell texts of a row, with horizontally merged cells counted once."""
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell.text)
    return cells


def _time_or_none(text: str) -> float | None:
    try:
        return parse_time(text)
    except ValueError:
        return None


def _table_lines(table, number: int) -> list[Line] | None:
    """Lines for a speaker/text table (numbered from ``number``), or None if it is not one."""
    rows = [_row_cells(row) for row in table.rows]
    if not rows or len({len(r) for r in rows}) != 1 or len(rows[0]) not in (2, 3):
        return None
    timed = len(rows[0]) == 3
    out: list[Line] = []
    for i, cells in enumerate(rows):
        start = _time_or_none(cells[0]) if timed else None
        speaker, text = (" ".join(c.split()) for c in cells[-2:])
        if i == 0 and speaker.casefold() in _HEADER_SPEAKER:
            continue
        if timed and start is None and cells[0].strip():
            return None
        if speaker or text.strip():
            out.append(Line(number + i, " ".join(text.split()), speaker=speaker or "Unknown", start=start))
    named = sum(plausible_name(line.speaker or "") for line in out)
    return out if out and named >= 0.8 * len(out) else None


def parse_docx(data: bytes, *, source: str = "<upload>") -> Transcript:
    """Parse .docx bytes; InputError when the file is not a readable Word document."""
    # python-docx and lxml are imported here, not with the readers: scoring tables never needs them (14 MB)
    import docx
    from docx.opc.exceptions import OpcError
    from docx.table import Table
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OpcError, XMLSyntaxError) as e:
        kind = "it is not a zip archive" if isinstance(e, zipfile.BadZipFile) else type(e).__name__
        raise input_error(
            source, f"not a readable .docx file ({kind}); open it in Word and save it again as .docx"
        ) from None
    lines: list[Line] = []
    skipped_tables = 0
    number = 0
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            table_lines = _table_lines(block, number + 1)
            number += len(block.rows)
            if table_lines is None:
                skipped_tables += 1
            else:
                lines.extend(table_lines)
        else:
            number += 1
            lines.extend(Line(number, part) for part in block.text.split("\n"))
            lines.append(Line(number, ""))  # a paragraph ends like a blank line would in text
    if not any(line.text.strip() for line in lines):
        raise InputError(f"{source} is empty: the document has no text")
    transcript = parse_lines(lines, source=source, fmt="docx")
    if skipped_tables:
        transcript.meta["skipped_tables"] = skipped_tables
    return transcript
