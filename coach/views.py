"""Thin view helpers for the Streamlit app: escaped HTML snippets, chart frames, researcher tables.

Nothing here calls Streamlit, so every helper is testable on its own. Labels, titles and
colours come from :mod:`coach.taxonomy`; all transcript text is HTML-escaped before it is
put into markup.

>>> from coach.analysis import Finding
>>> f = Finding(turn=3, speaker="Peer", line=4, col=1, start=0, end=11, label="power_over",
...             kind="concern", text="You need to", sentence="You need to <b>go</b>.", score=0.9,
...             guideline="Equally shared power", suggestions=[])
>>> finding_key(f)
'3:0:11:power_over'
>>> "<b>go</b>" in finding_html(f), "&lt;b&gt;go" in finding_html(f)
(False, True)
>>> locate_phrase("Well, you NEED to go.", "need to")
(10, 17)
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Sequence
from typing import Any

from coach import taxonomy
from coach.analysis import Finding
from coach.errors import InputError
from coach.readers import EXTENSIONS
from coach.report import esc
from coach.transcript import Transcript, Turn

MAX_BYTES = 10_000_000  # one transcript or table; the readers refuse anything bigger
UPLOAD_TYPES: list[str] = sorted({ext.lstrip(".") for ext in EXTENSIONS})
TABLE_TYPES: list[str] = ["csv", "tsv", "jsonl", "ndjson", "parquet"]
NO_COLUMN = "(none)"


# ---------------------------------------------------------------- small pieces

def esc1(value: Any) -> str:
    """Escaped and on one line: a blank line would end the raw-HTML block and let Markdown through.

    >>> esc1("a <b>\\n\\n **c**")
    'a &lt;b&gt; **c**'
    """
    return " ".join(esc(value).split())


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~$])")


def md_escape(value: Any) -> str:
    """Text for Streamlit's Markdown (messages, captions): no link, emphasis, HTML or maths survives.

    >>> md_escape("[x](javascript:alert(1)) **b** <i> $5")
    '\\\\[x\\\\](javascript:alert(1)) \\\\*\\\\*b\\\\*\\\\* \\\\<i\\\\> \\\\$5'
    """
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def format_time(seconds: float | None) -> str:
    """Seconds as m:ss (or h:mm:ss); empty when unknown.

    >>> format_time(75.4), format_time(3725), format_time(None)
    ('1:15', '1:02:05', '')
    """
    if seconds is None:
        return ""
    s = int(seconds)
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


def finding_key(f: Finding) -> str:
    """The review store's key for a finding: ``turn:start:end:label``."""
    from coach.review.store import finding_key as key

    return key(f.turn, f.start, f.end, f.label)


def label_title(name: str) -> str:
    """Title of a label, or the name itself for anything the taxonomy does not know."""
    label = taxonomy.BY_NAME.get(name)
    return label.title if label else str(name)


def chip_html(name: str) -> str:
    """A small coloured chip naming a label, in the label's highlight colour."""
    label = taxonomy.get(name)
    return (f'<span class="coach-chip" style="background:{label.colour};border:1px solid {label.border};'
            f'border-radius:4px;padding:0 6px;color:#111">{esc(label.title)}</span>')


def legend_html() -> str:
    """The legend: every label's colour, title and kind, straight from the taxonomy.

    >>> all(label.title in legend_html() for label in taxonomy.all_labels())
    True
    """
    items = []
    for label in taxonomy.all_labels():
        style = "border-bottom:3px solid" if label.kind == "strength" else "border:1px solid"
        items.append(
            f'<span class="coach-legend-item" title="{esc(label.guideline_text)}" '
            f'style="background:{label.colour};{style} {label.border};border-radius:4px;'
            f'padding:2px 8px;margin:0 6px 4px 0;display:inline-block;color:#111">'
            f'{esc(label.title)} <small>({esc(label.kind)})</small></span>'
        )
    return '<div class="coach-legend">' + "".join(items) + "</div>"


def turn_html(turn: Turn, index: int, body_html: str, is_supporter: bool) -> str:
    """One transcript turn: escaped speaker and time, then ``body_html`` (already escaped)."""
    when = format_time(turn.start)
    who = f"<b>{esc1(turn.speaker)}</b>" + (f' <small style="color:#666">{esc(when)}</small>' if when else "")
    bg = "#fafafa" if is_supporter else "transparent"
    return (f'<div class="coach-turn" data-turn="{index}" style="padding:4px 8px;margin:2px 0;'
            f'background:{bg};border-left:3px solid {"#999" if is_supporter else "#ddd"}">'
            f'{who}<br><span class="coach-turn-text">{body_html}</span></div>')


def finding_html(f: Finding) -> str:
    """Feedback for one finding: label, phrase, guideline values, advice, suggestions with their why."""
    label = taxonomy.get(f.label)
    values = "".join(f"<li><b>{esc1(v.name)}</b>: \u201c{esc1(v.practice)}\u201d</li>" for v in label.values)
    heading = "Keep this" if label.kind == "strength" else "Try instead"
    sugg = "".join(
        f"<li>\u201c{esc1(s.get('text', ''))}\u201d <small style='color:#555'>{esc1(s.get('why', ''))}</small></li>"
        for s in (f.suggestions or [])
    )
    parts = [
        f'<div class="coach-finding" data-label="{esc1(f.label)}" style="margin:4px 0 10px 0">',
        f"{chip_html(f.label)} \u201c{esc1(f.text)}\u201d",
        f' <small style="color:#666">score {f.score:.2f}</small>' if f.score is not None else "",
        f"<div><small>In: {esc1(f.sentence)}</small></div>" if f.sentence and f.sentence != f.text else "",
        f"<div>Guideline: <ul>{values}</ul></div>",
        f"<div>{esc1(label.advice)}</div>",
        f"<div>{heading}: <ul>{sugg}</ul></div>" if sugg else "",
        "</div>",
    ]
    return "".join(parts)


def locate_phrase(text: str, phrase: str) -> tuple[int, int]:
    """Character offsets of ``phrase`` in ``text`` (exact match first, then ignoring case).

    >>> locate_phrase("abc", "zz")
    Traceback (most recent call last):
    ...
    coach.errors.InputError: the phrase 'zz' is not in that turn; copy it exactly from the turn's text
    """
    phrase = phrase.strip()
    if not phrase:
        raise InputError("type the phrase to flag, exactly as it appears in the turn")
    i = text.find(phrase)
    if i >= 0:
        return i, i + len(phrase)
    m = re.search(re.escape(phrase), text, flags=re.IGNORECASE)
    if not m:
        raise InputError(f"the phrase {phrase!r} is not in that turn; copy it exactly from the turn's text")
    return m.start(), m.end()


# ---------------------------------------------------------------- analyses and records

def findings_by_turn(findings: Iterable[Finding]) -> dict[int, list[Finding]]:
    out: dict[int, list[Finding]] = {}
    for f in findings:
        out.setdefault(f.turn, []).append(f)
    return out


# ---------------------------------------------------------------- summary and charts

def summary_frame(summary: dict):
    """One row per label: title, kind, count and rate per 100 supporter utterances."""
    import pandas as pd

    rows = [{"label": lb.name, "title": lb.title, "kind": lb.kind, "count": summary["counts"].get(lb.name, 0),
             "per_100_utterances": summary["rates_per_100"].get(lb.name, 0.0)} for lb in taxonomy.all_labels()]
    return pd.DataFrame(rows)


def _colour_scale(alt, names: Sequence[str] | None = None):
    labels = [taxonomy.get(n) for n in (names or taxonomy.LABELS)]
    return alt.Scale(domain=[lb.title for lb in labels], range=[lb.border for lb in labels])


def counts_chart(summary: dict):
    """Bar chart of counts per label in the taxonomy's colours (Altair)."""
    import altair as alt

    df = summary_frame(summary)
    order = [lb.title for lb in taxonomy.all_labels()]
    return (
        alt.Chart(df)
        .mark_bar()
        .encode(
            x=alt.X("title:N", sort=order, title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("count:Q", title="findings", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("title:N", scale=_colour_scale(alt), legend=None),
            tooltip=[alt.Tooltip("title:N", title="label"), "count:Q",
                     alt.Tooltip("per_100_utterances:Q", title="per 100 utterances")],
        )
        .properties(height=260)
    )


def timeline_frame(findings: Sequence[Finding]):
    """One row per finding: turn, time (seconds or None), label, title, kind. No transcript text."""
    import pandas as pd

    rows = [{"turn": f.turn + 1, "time": f.time, "label": f.label, "title": label_title(f.label),
             "kind": f.kind} for f in findings]
    return pd.DataFrame(rows, columns=["turn", "time", "label", "title", "kind"])


def timeline_chart(findings: Sequence[Finding]):
    """Findings across the session: x = time when every finding has one, else turn; y and colour = label."""
    import altair as alt

    df = timeline_frame(findings)
    timed = len(df) > 0 and df["time"].notna().all()
    x = alt.X("time:Q", title="time (seconds)") if timed else alt.X("turn:Q", title="turn",
                                                                      axis=alt.Axis(tickMinStep=1))
    order = [lb.title for lb in taxonomy.all_labels()]
    return (
        alt.Chart(df)
        .mark_circle(size=140, opacity=0.9)
        .encode(
            x=x,
            y=alt.Y("title:N", sort=order, title=None),
            color=alt.Color("title:N", scale=_colour_scale(alt), legend=None),
            tooltip=[alt.Tooltip("title:N", title="label"), "turn:Q", "time:Q"],
        )
        .properties(height=220)
    )


def flatten_summary(summary: dict, **extra: Any) -> dict:
    """A session summary as one flat row (counts and rates get one column per label)."""
    row: dict[str, Any] = dict(extra)
    for key, value in summary.items():
        if key == "counts":
            row.update({f"n_{k}": v for k, v in value.items()})
        elif key == "rates_per_100":
            row.update({f"per100_{k}": v for k, v in value.items()})
        else:
            row[key] = value
    return row


# ---------------------------------------------------------------- researcher tables

def score_files(coach_, files: Sequence[tuple[str, bytes]], max_bytes: int = MAX_BYTES):
    """Analyse transcript files: (per-utterance frame, per-session frame, one-line errors per failed file)."""
    import pandas as pd

    from coach.errors import CoachError

    utterances, sessions, errors = [], [], []
    for name, data in files:
        try:
            a = coach_.analyze(data, name=name, max_bytes=max_bytes)
        except CoachError as exc:
            errors.append(str(exc))
            continue
        utterances.append(a.utterances_frame())
        sessions.append(flatten_summary(a.summary(), source=name, turns=len(a.transcript.turns)))
    utt = pd.concat(utterances, ignore_index=True) if utterances else pd.DataFrame()
    return utt, pd.DataFrame(sessions), errors


def read_table(name: str, data: bytes, max_bytes: int = MAX_BYTES):
    """A csv/tsv/jsonl/parquet upload as a DataFrame; InputError for anything unreadable."""
    import pandas as pd
    from pyarrow.lib import ArrowException

    if len(data) > max_bytes:
        raise InputError(f"{name} is {len(data)} bytes, over the {max_bytes}-byte limit; split the table")
    ext = os.path.splitext(name)[1].lower().lstrip(".")
    if ext not in TABLE_TYPES:
        raise InputError(f"{name}: unsupported table type '.{ext}'; use one of {', '.join(TABLE_TYPES)}")
    try:
        if ext == "parquet":
            df = pd.read_parquet(io.BytesIO(data))
        elif ext in ("jsonl", "ndjson"):
            df = pd.read_json(io.BytesIO(data), lines=True)
        else:
            df = pd.read_csv(io.BytesIO(data), sep="\t" if ext == "tsv" else ",", dtype=str,
                             keep_default_na=False, encoding_errors="strict")
    except (ValueError, OSError, ArrowException) as exc:  # ParserError, ArrowInvalid, decode errors...
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{name}: not a readable {ext} table ({first})") from None
    if df.empty or not len(df.columns):
        raise InputError(f"{name}: the table has no rows")
    df.columns = [str(c) for c in df.columns]
    return df


def guess_column(columns: Sequence[str], role: str) -> str | None:
    """The column a reader would guess for ``role`` (speaker, text, ...), if any.

    >>> guess_column(["Who", "Utterance", "id"], "text"), guess_column(["a"], "speaker")
    ('Utterance', None)
    """
    from coach.readers.table import GUESSES

    by_key = {c.strip().casefold(): c for c in columns}
    return next((by_key[g] for g in GUESSES.get(role, ()) if g in by_key), None)


def score_table(coach_, df, text_col: str, speaker_col: str | None = None, id_col: str | None = None):
    """Score a table of utterances: (one row per input row, one row per session, errors).

    Rows sharing ``id_col`` form one session (all rows are one session without it). Without
    ``speaker_col`` every row is the supporter's; with it the supporter is resolved per session.
    """
    import pandas as pd

    from coach.errors import CoachError

    if text_col not in df.columns:
        raise InputError(f"no column named {text_col!r}; columns: {', '.join(map(str, df.columns))}")
    ids = df[id_col].astype(str) if id_col else pd.Series(["all"] * len(df), index=df.index)
    row_out, sessions, errors = [], [], []
    for sid, part in df.groupby(ids, sort=False):
        turns = []
        for n, (_, row) in enumerate(part.iterrows()):
            text = row[text_col]
            text = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text)
            speaker = str(row[speaker_col]).strip() if speaker_col else "Supporter"
            turns.append(Turn(speaker or "Unknown", text, line=n + 1))
        transcript = Transcript(turns, source=str(sid), format="table", labelled=bool(speaker_col))
        try:
            a = coach_.analyze_transcript(transcript)
        except CoachError as exc:
            errors.append(f"session {sid}: {exc}")
            continue
        flagged = findings_by_turn(a.findings)
        for i, (idx, _) in enumerate(part.iterrows()):
            scores = a.turn_scores.get(i, {})
            labels = {f.label for f in flagged.get(i, [])}
            out = {"row": idx, "session": sid, "speaker": turns[i].speaker, "text": turns[i].text,
                   "is_supporter": turns[i].speaker in a.supporters}
            out.update({lb: lb in labels for lb in taxonomy.LABELS})
            out.update({f"p_{lb}": round(float(scores[lb]), 4) if lb in scores else None for lb in taxonomy.LABELS})
            out["phrases"] = "; ".join(f"{f.label}: {f.text}" for f in flagged.get(i, []))
            row_out.append(out)
        sessions.append(flatten_summary(a.summary(), session=sid, rows=len(part)))
    return pd.DataFrame(row_out), pd.DataFrame(sessions), errors


def csv_bytes(df) -> bytes:
    return df.to_csv(index=False).encode("utf-8")


def parquet_bytes(df) -> bytes:
    buf = io.BytesIO()
    df.to_parquet(buf, index=False)
    return buf.getvalue()
