"""The output tables' columns, built from :mod:`coach.taxonomy` (never a copy of the labels).

>>> from coach import taxonomy
>>> OUTPUT_COLUMNS[:6]
('doc_id', 'id', 'turn', 'speaker', 'start', 'text')
>>> OUTPUT_COLUMNS[6:6 + len(taxonomy.LABELS)] == taxonomy.LABELS
True
>>> OUTPUT_COLUMNS[-2:]
('spans', 'suggestion')
>>> SESSION_COLUMNS[:2], SESSION_COLUMNS[-2:]
(('doc_id', 'n_utterances'), ('share_of_voice', 'person_driven_to_concern'))
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

from coach import taxonomy

BASE_COLUMNS: tuple[str, ...] = ("doc_id", "id", "turn", "speaker", "start", "text")
FLAG_COLUMNS: tuple[str, ...] = tuple(taxonomy.LABELS)
PROB_COLUMNS: tuple[str, ...] = tuple(f"p_{label}" for label in taxonomy.LABELS)
OUTPUT_COLUMNS: tuple[str, ...] = BASE_COLUMNS + FLAG_COLUMNS + PROB_COLUMNS + ("spans", "suggestion")

SESSION_COLUMNS: tuple[str, ...] = (
    ("doc_id", "n_utterances")
    + tuple(f"count_{label}" for label in taxonomy.LABELS)
    + tuple(f"rate_{label}" for label in taxonomy.LABELS)
    + ("share_of_voice", "person_driven_to_concern")
)

# Column -> dtype kind, shared by the pandas frames and the Parquet schema.
_STR, _INT, _FLOAT, _BOOL = "string", "int64", "float64", "bool"
OUTPUT_TYPES: dict[str, str] = {
    "doc_id": _STR,
    "id": _STR,
    "turn": _INT,
    "speaker": _STR,
    "start": _FLOAT,
    "text": _STR,
    **{c: _BOOL for c in FLAG_COLUMNS},
    **{c: _FLOAT for c in PROB_COLUMNS},
    "spans": _STR,
    "suggestion": _STR,
}
SESSION_TYPES: dict[str, str] = {
    "doc_id": _STR,
    "n_utterances": _INT,
    **{c: (_INT if c.startswith("count_") else _FLOAT) for c in SESSION_COLUMNS[2:-2]},
    "share_of_voice": _FLOAT,
    "person_driven_to_concern": _FLOAT,
}
PROB_DECIMALS = 4


def output_row(
    *,
    doc_id: str,
    id: str,
    turn: int,
    speaker: str,
    start: float | None,
    text: str,
    cats: Mapping[str, float],
    findings: Iterable,
) -> dict:
    """One output row from a scored utterance: its probabilities and its findings (spans).

    ``findings`` are :class:`coach.analysis.Finding` objects of this utterance. A label's
    flag is set when at least one span carries it, as in ``Analysis.utterances_frame()``.

    >>> from coach.analysis import Finding
    >>> alt = {"text": "What would you like to do?", "why": "", "source": "bank"}
    >>> f = Finding(0, "Peer", 1, 1, 0, 11, "power_over", "concern", "You need to", "You need to.", 0.9,
    ...             "Equally shared power", [alt])
    >>> row = output_row(doc_id="a.txt", id="a.txt:0", turn=0, speaker="Peer", start=None,
    ...                  text="You need to.", cats={"power_over": 0.9}, findings=[f])
    >>> row["power_over"], row["judgment"], row["p_power_over"], row["suggestion"]
    (True, False, 0.9, 'What would you like to do?')
    >>> json.loads(row["spans"])[0]["text"]
    'You need to'
    """
    findings = list(findings)
    flagged = {f.label for f in findings}
    row: dict = {
        "doc_id": doc_id,
        "id": id,
        "turn": int(turn),
        "speaker": speaker,
        "start": None if start is None else float(start),
        "text": text,
    }
    for label in taxonomy.LABELS:
        row[label] = label in flagged
    for label in taxonomy.LABELS:
        row[f"p_{label}"] = round(float(cats.get(label, 0.0)), PROB_DECIMALS)
    row["spans"] = json.dumps(
        [
            {"label": f.label, "start": f.start, "end": f.end, "text": f.text, "score": f.score}
            for f in findings
        ],
        ensure_ascii=False,
    )
    row["suggestion"] = best_suggestion(findings)
    return row


def best_suggestion(findings: Iterable) -> str:
    """The best alternative for the highest-scoring concern ("" when there is no concern).

    The component's own suggestions come first; the label's first guideline alternative
    from the taxonomy stands in when the component returned none.
    """
    concerns = [f for f in findings if taxonomy.kind_of(f.label) == "concern"]
    if not concerns:
        return ""
    top = max(concerns, key=lambda f: f.score)  # max keeps the first of equal scores: deterministic
    if top.suggestions:
        return str(top.suggestions[0]["text"])
    alternatives = taxonomy.get(top.label).alternatives
    return alternatives[0] if alternatives else ""


def empty_frame(columns: tuple[str, ...] = OUTPUT_COLUMNS, types: Mapping[str, str] = OUTPUT_TYPES):
    """An empty pandas frame with the output columns and their dtypes (the ``meta`` for Dask)."""
    return to_frame([], columns, types)


def to_frame(
    rows: list[dict], columns: tuple[str, ...] = OUTPUT_COLUMNS, types: Mapping[str, str] = OUTPUT_TYPES
):
    """Rows (dicts) as a pandas frame with exactly ``columns`` and stable dtypes.

    Strings are ``object`` columns of ``str``; ``start`` and other floats are ``float64``
    (NaN when unknown); flags are ``bool``; counts are ``int64``.
    """
    import pandas as pd

    df = (
        pd.DataFrame.from_records(rows, columns=list(columns))
        if rows
        else pd.DataFrame({c: [] for c in columns})
    )
    for col in columns:
        kind = types[col]
        if kind == _STR:
            df[col] = df[col].astype(object)
        else:
            df[col] = df[col].astype(float if kind == _FLOAT else kind)
    return df


def arrow_schema(columns: tuple[str, ...] = OUTPUT_COLUMNS, types: Mapping[str, str] = OUTPUT_TYPES):
    """The Parquet (pyarrow) schema of a table with these columns."""
    import pyarrow as pa

    arrow = {_STR: pa.string(), _INT: pa.int64(), _FLOAT: pa.float64(), _BOOL: pa.bool_()}
    return pa.schema([(c, arrow[types[c]]) for c in columns])
