"""Exports of a reviewed session: CSV, JSON Lines, and corpus rows for ``coach train --extra``.

``df`` is the frame :meth:`coach.review.ReviewStore.reviewed` returns. The
corpus rows follow the built-corpus format of :func:`coach.corpus.to_built`:
one row per supporter turn that a reviewer confirmed something in (accepted,
relabelled or added findings become its spans) or whose findings were all
dismissed (an unlabelled negative: the model was wrong there).

>>> import io, pandas as pd
>>> df = pd.DataFrame([{"key": "0:0:3:judgment", "status": "accepted", "score": float("nan")}])
>>> buf = io.StringIO(); to_jsonl(df, buf); buf.getvalue()
'{"key": "0:0:3:judgment", "status": "accepted", "score": null}\\n'
"""

from __future__ import annotations

import json
import math
import os
from datetime import datetime
from pathlib import Path
from typing import IO

from coach import taxonomy

CONFIRMED = ("accepted", "relabelled", "added")
CORPUS_SETTING = "classroom_roleplay"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse_formulas(df):
    """A copy of ``df`` whose text cells cannot run as spreadsheet formulas (a leading ' is added).

    Transcript text is user content; a cell like ``=HYPERLINK(...)`` must stay text when a supervisor opens the
    CSV in a spreadsheet.

    >>> import pandas as pd
    >>> defuse_formulas(pd.DataFrame({"text": ["=1+1", "fine"]}))["text"].tolist()
    ["'=1+1", 'fine']
    """
    import pandas as pd

    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = [f"'{v}" if isinstance(v, str) and v.startswith(_FORMULA_START) else v for v in out[col]]
    return out


def to_csv(df, path_or_buffer: str | os.PathLike | IO[str] | None = None) -> str | None:
    """Write the frame as UTF-8 CSV (no index; times ISO 8601 in UTC); with no target, return the text."""
    return defuse_formulas(df).to_csv(path_or_buffer, index=False, date_format="%Y-%m-%dT%H:%M:%S.%f%z")


def to_jsonl(df, path_or_buffer: str | os.PathLike | IO[str] | None = None) -> str | None:
    """Write one JSON object per row (missing values ``null``, times ISO 8601); with no target, return the text."""
    lines = [json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False) + "\n"
             for row in df.to_dict(orient="records")]
    if path_or_buffer is None:
        return "".join(lines)
    _write(lines, path_or_buffer)
    return None


def to_corpus(record, df, *, skip_pending: bool = False) -> list[dict]:
    """Corpus rows (``coach train --extra`` format) from a saved session and its reviewed frame.

    A supporter turn is exported when it has an accepted, relabelled or added finding (those are
    its spans, with the label after review) or when it had findings and all were dismissed (no
    labels: a negative). Pending findings are not spans; with ``skip_pending`` a turn that still
    has pending findings is left out, so unreviewed phrases never become negatives.
    """
    turns = record.transcript.turns
    by_turn: dict[int, list[dict]] = {}
    for row in df.to_dict(orient="records"):
        by_turn.setdefault(int(row["turn"]), []).append(row)
    out = []
    for turn in sorted(by_turn):
        rows = by_turn[turn]
        statuses = {r["status"] for r in rows}
        if turns[turn].speaker not in record.supporters:
            continue
        if skip_pending and "pending" in statuses:
            continue
        confirmed = [r for r in rows if r["status"] in CONFIRMED]
        if not confirmed and statuses != {"dismissed"}:
            continue
        text = turns[turn].text
        spans = sorted({(r["label"], int(r["start"]), int(r["end"])) for r in confirmed},
                       key=lambda s: (s[1], s[0]))
        out.append({
            "id": f"review-{record.id}-{turn}",
            "text": text,
            "labels": sorted({s[0] for s in spans}, key=taxonomy.LABELS.index),
            "spans": [{"label": label, "start": a, "end": b, "text": text[a:b]} for label, a, b in spans],
            "scenario": f"review-s{record.id}",
            "setting": CORPUS_SETTING,
            "register": "spoken",
            "topic": "general",
            "neg": None,
            "split": "train",
            "source": "review",
        })
    return out


def write_corpus(rows: list[dict], path: str | os.PathLike) -> Path:
    """Write corpus rows as JSON Lines (UTF-8, ``\\n`` line ends) and return the path."""
    path = Path(path)
    _write([json.dumps(r, ensure_ascii=False) + "\n" for r in rows], path)
    return path


def _write(lines: list[str], path_or_buffer) -> None:
    if hasattr(path_or_buffer, "write"):
        path_or_buffer.writelines(lines)
        return
    with open(path_or_buffer, "w", encoding="utf-8", newline="\n") as fh:
        fh.writelines(lines)


def _plain(value):
    """A JSON-ready copy of a frame cell (NaN/NaT -> None, numpy scalars -> Python, times -> ISO)."""
    import pandas as pd

    if value is None or value is pd.NaT:
        return None
    if isinstance(value, datetime):  # pandas Timestamp included
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


__all__ = ["CONFIRMED", "CORPUS_SETTING", "to_corpus", "to_csv", "to_jsonl", "write_corpus"]
