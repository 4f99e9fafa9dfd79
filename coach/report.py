"""The standalone HTML report: one file that opens offline and can be mailed to a trainee.

Everything is inline -- the style sheet, the two SVG charts (counts by label,
findings across the session) -- and a Content-Security-Policy forbids any
script or remote resource. Every piece of transcript text, speaker name and
suggestion is HTML-escaped: a transcript is sensitive and may hold markup.

>>> from coach.transcript import Transcript, Turn
>>> from coach.analysis import Analysis, Finding
>>> t = Transcript([Turn("Peer", "You need to <b>rest</b>."), Turn("Sam", "Okay.")], source="demo.txt")
>>> f = Finding(turn=0, speaker="Peer", line=1, col=1, start=0, end=11, label="power_over", kind="concern",
...             text="You need to", sentence="You need to <b>rest</b>.", score=0.9, guideline="Voluntary")
>>> page = render_html(Analysis(t, ["Peer"], "supporter: Peer", [f], {}))
>>> page.startswith("<!DOCTYPE html>"), "<b>rest" in page, "&lt;b&gt;rest" in page
(True, False, True)

The transcript view of the Streamlit app reuses :func:`highlight_turn_html`.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import pairwise

from coach import taxonomy
from coach.errors import CoachError

STATUS_TEXT = {"pending": "not reviewed yet", "accepted": "accepted", "dismissed": "dismissed",
               "relabelled": "relabelled", "added": "added by a reviewer"}


def esc(value: object) -> str:
    """HTML-escape any value, quotes included (safe in text and in attribute values).

    >>> esc('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return html.escape("" if value is None else str(value), quote=True)


# ---------------------------------------------------------------- highlights

@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    label: taxonomy.Label
    status: str | None


def _field(item, name: str, default=None):
    if isinstance(item, Mapping):
        return item.get(name, default)
    if hasattr(item, "to_dict") and not hasattr(item, "__dataclass_fields__"):  # a pandas row
        return item.to_dict().get(name, default)
    return getattr(item, name, default)


def _label(name) -> taxonomy.Label:
    try:
        return taxonomy.get(str(name))
    except KeyError as exc:
        raise CoachError(str(exc.args[0])) from None


def mark_style(labels: Iterable[taxonomy.Label], struck: bool = False) -> str:
    """Inline CSS for a highlight: concerns filled with their colour, strengths underlined.

    >>> mark_style([taxonomy.get("judgment")]).startswith("background:" + taxonomy.get("judgment").colour)
    True
    """
    labels = list(labels)
    if struck:
        return "background:transparent;color:#555;text-decoration:line-through"
    fills = list(dict.fromkeys(lb.colour for lb in labels if lb.kind == "concern"))
    lines = list(dict.fromkeys(lb.border for lb in labels if lb.kind == "strength"))
    if len(fills) > 1:  # overlapping concerns: hard-edged bands, one per label
        step = 100 / len(fills)
        stops = ",".join(f"{c} {i * step:.0f}% {(i + 1) * step:.0f}%" for i, c in enumerate(fills))
        parts = [f"background:linear-gradient(180deg,{stops})"]
    elif fills:
        parts = [f"background:{fills[0]}"]
    else:
        parts = ["background:transparent"]
    parts.append("color:#111")
    if lines:
        parts.append(f"border-bottom:3px solid {lines[0]}")
    parts += ["border-radius:2px", "padding:0 1px"]
    return ";".join(parts)


def highlight_turn_html(text: str, findings_for_turn: Iterable) -> str:
    """One turn's text, HTML-escaped, with a ``<mark>`` around every flagged phrase.

    ``findings_for_turn`` holds :class:`~coach.analysis.Finding` objects, dicts or frame rows with
    ``start``, ``end`` (character offsets in ``text``) and ``label``, and optionally ``status``
    (``dismissed`` ones are struck through instead of coloured). Overlapping phrases are cut at
    every boundary, so the marks never nest or cross: each piece is one ``<mark>`` whose colour
    and ``title`` (label title, guideline, status) cover every label on it. Concerns are filled
    with their colour, person-driven strengths are underlined. Line breaks become ``<br>``.

    >>> out = highlight_turn_html("Hi <you>. You must go.", [{"start": 10, "end": 18, "label": "power_over"}])
    >>> out[:out.index(" title")]
    'Hi &lt;you&gt;. <mark class="coach-mark concern" data-labels="power_over"'
    >>> out[out.index(">", 20) + 1:]
    'You must</mark> go.'
    >>> out = highlight_turn_html("abcdef", [{"start": 0, "end": 4, "label": "judgment"},
    ...                                      {"start": 2, "end": 6, "label": "person_driven"}])
    >>> out.count("<mark"), out.count("</mark>")
    (3, 3)
    """
    text = "" if text is None else str(text)
    spans = []
    for f in findings_for_turn:
        start, end = max(0, int(_field(f, "start"))), min(len(text), int(_field(f, "end")))
        if start < end:
            spans.append(_Span(start, end, _label(_field(f, "label")), _field(f, "status")))
    bounds = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out = []
    for a, b in pairwise(bounds):
        piece = esc(text[a:b]).replace("\n", "<br>")
        on = [s for s in spans if s.start <= a and s.end >= b]
        out.append(_mark(piece, on) if on else piece)
    return "".join(out)


def _mark(piece: str, on: list[_Span]) -> str:
    live = [s for s in on if s.status != "dismissed"]
    shown = live or on
    labels = list(dict.fromkeys(s.label for s in shown))
    kinds = " ".join(sorted({lb.kind for lb in labels}))
    titles = []
    for s in on:
        status = f" [{STATUS_TEXT.get(s.status, s.status)}]" if s.status else ""
        titles.append(f"{s.label.title} ({s.label.kind}): {s.label.guideline}{status}")
    cls = f"coach-mark {kinds}" + ("" if live else " dismissed")
    return (f'<mark class="{esc(cls)}" data-labels="{esc(" ".join(lb.name for lb in labels))}" '
            f'title="{esc("; ".join(dict.fromkeys(titles)))}" style="{mark_style(labels, struck=not live)}">'
            f"{piece}</mark>")


# ---------------------------------------------------------------- findings after review

@dataclass
class View:
    """A finding as the report shows it: the model's, or a reviewer's, with its review state."""

    key: str
    turn: int
    start: int
    end: int
    label: str
    text: str
    status: str | None = None  # None: no review given
    model_label: str | None = None
    reviewer: str | None = None
    comments: str = ""
    suggestions: list[dict] = field(default_factory=list)

    @property
    def info(self) -> taxonomy.Label:
        return _label(self.label)


def views(analysis, reviewed=None) -> list[View]:
    """The findings to show: the analysis' own, overlaid with a reviewed frame when one is given."""
    from coach.review.store import finding_key

    out: dict[str, View] = {}
    for f in analysis.findings:
        key = finding_key(f.turn, f.start, f.end, f.label)
        out[key] = View(key, f.turn, f.start, f.end, f.label, f.text, None, f.label,
                        suggestions=list(f.suggestions or []))
    if reviewed is None:
        return sorted(out.values(), key=_order)
    turns = analysis.transcript.turns
    for row in reviewed.to_dict(orient="records"):
        turn, start, end = int(row["turn"]), int(row["start"]), int(row["end"])
        if not (0 <= turn < len(turns)) or turns[turn].text[start:end] != row["text"]:
            raise CoachError("the reviewed findings do not belong to this transcript")
        model = out.get(row["key"])
        label = str(row["label"])
        suggestions = model.suggestions if model and model.label == label else _fallback(label)
        model_label = row.get("model_label")
        out[row["key"]] = View(row["key"], turn, start, end, label, row["text"], row["status"],
                               model_label if isinstance(model_label, str) else None,
                               row.get("reviewer") if isinstance(row.get("reviewer"), str) else None,
                               row.get("comments") if isinstance(row.get("comments"), str) else "", suggestions)
    for v in out.values():
        if v.status is None:
            v.status = "pending"  # found by this analysis but absent from the review
    return sorted(out.values(), key=_order)


def _order(v: View):
    return (v.turn, v.start, v.end, taxonomy.LABELS.index(v.label))


def _fallback(label: str) -> list[dict]:
    info = _label(label)
    return [{"text": alt, "why": info.why, "source": "guideline"} for alt in info.alternatives]


def counts(found: list[View]) -> dict[str, int]:
    """Findings per label, dismissed ones left out."""
    shown = [v for v in found if v.status != "dismissed"]
    return {name: sum(v.label == name for v in shown) for name in taxonomy.LABELS}


# ---------------------------------------------------------------- page

_CSS = """
:root{--ink:#1d1d1f;--muted:#5f6368;--rule:#d9d9de}
*{box-sizing:border-box}
body{font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);
 max-width:980px;margin:0 auto;padding:24px}
h1{font-size:1.6em;margin:0 0 .3em}h2{font-size:1.2em;margin:1.6em 0 .5em;border-bottom:1px solid var(--rule)}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0;color:var(--muted)}
.meta dt{font-weight:600}.meta dd{margin:0}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid var(--rule);padding:4px 10px;text-align:left}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.swatch{display:inline-block;width:1em;height:1em;vertical-align:-2px;margin-right:6px;border:1px solid #0002}
.legend{list-style:none;padding:0;display:grid;gap:10px}.legend li{border-left:4px solid;padding:2px 10px}
.legend .desc,.legend .guide{margin:2px 0;color:var(--muted);font-size:.92em}
.charts{display:flex;flex-wrap:wrap;gap:24px}.charts figure{margin:0}.charts figcaption{color:var(--muted);font-size:.9em}
ol.turns{list-style:none;padding:0;margin:0}
.turn{padding:8px 10px;border-bottom:1px solid var(--rule)}
.turn.supporter{background:#fafafa}
.who{font-size:.85em;color:var(--muted)}.who .speaker{font-weight:600;color:var(--ink)}
.text{margin:2px 0 4px;white-space:normal}
.notes{margin:4px 0 0;padding-left:1.2em;font-size:.92em}.notes li{margin:4px 0}
.notes .phrase{font-style:italic}.notes .status{color:var(--muted)}
.notes ul{margin:2px 0;padding-left:1.2em}.why{color:var(--muted);font-size:.92em}
.note.dismissed{color:var(--muted)}
footer{margin-top:2em;color:var(--muted);font-size:.85em}
@media print{body{padding:0}.turn{break-inside:avoid}}
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def render_html(analysis, reviewed=None, title: str = "Session Coach report", *,
                generated: datetime | None = None) -> str:
    """A standalone HTML page for one analysed transcript (and, optionally, its review).

    ``reviewed`` is the frame of :meth:`coach.review.ReviewStore.reviewed`: each highlight then
    shows its review status, relabelled and added findings appear with their new label, and
    dismissed ones are left out of the highlights and struck through in the notes.
    """
    found = views(analysis, reviewed)
    when = (generated or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
    t = analysis.transcript
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>",
        f"<header><h1>{esc(title)}</h1><dl class=\"meta\">",
        f"<dt>Source</dt><dd>{esc(t.source)} ({esc(t.format)})</dd>",
        f"<dt>Supporter</dt><dd>{esc(', '.join(analysis.supporters))}</dd>",
        f"<dt>Date</dt><dd>{esc(when)}</dd>",
        f"<dt>Turns</dt><dd>{len(t.turns)} ({len(analysis.supporter_turns())} by the supporter)</dd>",
    ]
    if reviewed is not None:
        names = sorted({r for v in found for r in ([v.reviewer] if v.reviewer else [])})
        parts.append(f"<dt>Reviewed by</dt><dd>{esc(', '.join(names) or 'nobody yet')}</dd>")
    parts.append("</dl></header>")
    parts += _summary_html(analysis, found, reviewed is not None)
    parts += _legend_html()
    parts += _transcript_html(analysis, found)
    parts.append("<footer>Session Coach flags phrases for reflection; it is not a judgment of the supporter. "
                 "Guideline values: National Practice Guidelines for Peer Supporters.</footer></body></html>")
    return "\n".join(parts)


def _summary_html(analysis, found: list[View], with_review: bool) -> list[str]:
    s = analysis.summary()
    n_utt = s["supporter_utterances"]
    after = counts(found)
    out = ["<section id=\"summary\"><h2>Summary</h2><table><thead><tr><th>Label</th><th>Kind</th>"]
    out.append('<th class="num">Model</th><th class="num">After review</th>' if with_review
               else '<th class="num">Count</th>')
    out.append('<th class="num">Per 100 supporter utterances</th></tr></thead><tbody>')
    for lb in taxonomy.all_labels():
        shown = after[lb.name] if with_review else s["counts"][lb.name]
        rate = round(100.0 * shown / n_utt, 1) if n_utt else 0.0
        cells = (f'<td class="num">{s["counts"][lb.name]}</td><td class="num">{shown}</td>' if with_review
                 else f'<td class="num">{shown}</td>')
        out.append(f'<tr><td><span class="swatch" style="background:{lb.colour};border-color:{lb.border}"></span>'
                   f"{esc(lb.title)}</td><td>{lb.kind}</td>{cells}<td class=\"num\">{rate:g}</td></tr>")
    out.append("</tbody></table><table><tbody>")
    n_concern = sum(after[c] for c in taxonomy.CONCERNS) if with_review else s["concerns"]
    n_strength = sum(after[c] for c in taxonomy.STRENGTHS) if with_review else s["strengths"]
    ratio = f"{n_strength / n_concern:.2f}" if n_concern else "n/a (no concerns)"
    out += [f'<tr><th>Supporter utterances</th><td class="num">{n_utt}</td></tr>',
            (f'<tr><th>Share of voice (supporter words / all words)</th>'
            f'<td class="num">{100 * s["share_of_voice"]:.0f}%</td></tr>'),
            f'<tr><th>Person-driven to concern ratio</th><td class="num">{ratio}</td></tr>']
    if with_review:
        by_status = {st: sum(v.status == st for v in found) for st in STATUS_TEXT}
        out.append("<tr><th>Review</th><td>" + esc(", ".join(f"{n} {st}" for st, n in by_status.items() if n)
                                                    or "no findings") + "</td></tr>")
    out.append("</tbody></table>")
    out.append('<div class="charts"><figure>' + bar_chart_svg(after if with_review else s["counts"])
               + "<figcaption>Findings by label" + (" after review" if with_review else "") + "</figcaption></figure>")
    out.append("<figure>" + timeline_svg(analysis, found) + "<figcaption>Findings across the session "
               "(x: turn)</figcaption></figure></div></section>")
    return out


def _legend_html() -> list[str]:
    out = ['<section id="legend"><h2>Legend</h2><ul class="legend">']
    for lb in taxonomy.all_labels():
        sample = f'<mark class="coach-mark {lb.kind}" style="{mark_style([lb])}">{esc(lb.title)}</mark>'
        out.append(f'<li style="border-color:{lb.border}">{sample} <span class="kind">({lb.kind})</span>'
                   f'<p class="desc">{esc(lb.description)}</p>'
                   f'<p class="guide"><strong>Guideline:</strong> {esc(lb.guideline_text)}</p>'
                   f'<p class="guide"><strong>Try:</strong> {esc(lb.advice)}</p></li>')
    out.append("</ul></section>")
    return out


def _transcript_html(analysis, found: list[View]) -> list[str]:
    supporters = set(analysis.supporters)
    by_turn: dict[int, list[View]] = {}
    for v in found:
        by_turn.setdefault(v.turn, []).append(v)
    out = ['<section id="transcript"><h2>Transcript</h2><ol class="turns">']
    for i, turn in enumerate(analysis.transcript.turns):
        mine = by_turn.get(i, [])
        is_sup = turn.speaker in supporters
        when = f'<span class="time">[{clock(turn.start)}]</span> ' if turn.start is not None else ""
        body = highlight_turn_html(turn.text, [v for v in mine if v.status != "dismissed"]) if is_sup \
            else esc(turn.text).replace("\n", "<br>")
        out.append(f'<li class="turn{" supporter" if is_sup else ""}" id="turn-{i}">'
                   f'<div class="who">{when}<span class="speaker">{esc(turn.speaker)}</span>'
                   f'{" (supporter)" if is_sup else ""}</div><p class="text">{body}</p>')
        if is_sup and mine:
            out.append('<ul class="notes">' + "".join(_note_html(v) for v in mine) + "</ul>")
        out.append("</li>")
    out.append("</ol></section>")
    return out


def _note_html(v: View) -> str:
    lb = v.info
    phrase = f"\u201c{esc(v.text)}\u201d"
    status = ""
    if v.status is not None:
        status = STATUS_TEXT.get(v.status, v.status)
        if v.status == "relabelled" and v.model_label:
            status += f" (model said {_label(v.model_label).title})"
        if v.reviewer:
            status += f" by {v.reviewer}"
        status = f' <span class="status">[{esc(status)}]</span>'
    swatch = f'<span class="swatch" style="background:{lb.colour};border-color:{lb.border}"></span>'
    if v.status == "dismissed":
        return f'<li class="note dismissed">{swatch}<del><strong>{esc(lb.title)}</strong> {phrase}</del>{status}</li>'
    tips = "".join(f'<li>{esc(s.get("text"))} <span class="why">{esc(s.get("why", ""))}</span></li>'
                   for s in v.suggestions)
    tips_html = (f"<ul>{tips}</ul>" if tips else f'<div class="why">{esc(lb.advice)}</div>')
    comments = f'<div class="why">Comments: {esc(v.comments)}</div>' if v.comments else ""
    verb = "Keep" if lb.kind == "strength" else "Try instead"
    return (f'<li class="note {lb.kind}">{swatch}<strong>{esc(lb.title)}</strong> {phrase}{status}'
            f'<div class="guide">Guideline: {esc(lb.guideline)}</div>'
            f"<div>{verb}:</div>{tips_html}{comments}</li>")


def clock(seconds: float | None) -> str:
    """Seconds as m:ss or h:mm:ss.

    >>> clock(75), clock(3725.4)
    ('1:15', '1:02:05')
    """
    if seconds is None:
        return ""
    s = int(seconds)
    h, m, sec = s // 3600, s % 3600 // 60, s % 60
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


# ---------------------------------------------------------------- charts (inline SVG, no libraries)

def bar_chart_svg(counts_by_label: Mapping[str, int], width: int = 420) -> str:
    """Horizontal bars, one per label, in the taxonomy's colours.

    >>> svg = bar_chart_svg({"power_over": 2, "judgment": 0, "diagnosis": 1, "false_promise": 0,
    ...                      "person_driven": 4})
    >>> svg.startswith("<svg") and svg.count("<rect") == 5
    True
    """
    row, left, right = 26, 120, 40
    height = row * len(taxonomy.LABELS) + 10
    top = max([1, *counts_by_label.values()])
    span = width - left - right
    out = [(f'<svg role="img" aria-label="Findings by label" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-size="12" font-family="sans-serif">')]
    for k, lb in enumerate(taxonomy.all_labels()):
        n = int(counts_by_label.get(lb.name, 0))
        y = 5 + k * row
        w = span * n / top
        out.append(f'<text x="{left - 8}" y="{y + 16}" text-anchor="end">{esc(lb.title)}</text>'
                   f'<rect x="{left}" y="{y + 3}" width="{w:.1f}" height="{row - 8}" fill="{lb.colour}" '
                   f'stroke="{lb.border}"><title>{esc(lb.title)}: {n}</title></rect>'
                   f'<text x="{left + w + 6:.1f}" y="{y + 16}">{n}</text>')
    out.append("</svg>")
    return "".join(out)


def timeline_svg(analysis, found: list[View], width: int = 520) -> str:
    """One lane per label; a mark at each finding's turn (x = turn index), dismissed ones hollow.

    >>> from coach.transcript import Transcript, Turn
    >>> from coach.analysis import Analysis
    >>> a = Analysis(Transcript([Turn("P", "Hi."), Turn("S", "Yo.")]), ["P"], "", [], {})
    >>> timeline_svg(a, [View("0:0:2:judgment", 0, 0, 2, "judgment", "Hi")]).count("<circle")
    1
    """
    lane, left, right, top_pad = 22, 120, 16, 6
    n_turns = max(1, len(analysis.transcript.turns))
    height = top_pad + lane * len(taxonomy.LABELS) + 30
    span = width - left - right

    def x(turn: int) -> float:
        return left + (span * turn / (n_turns - 1) if n_turns > 1 else span / 2)

    out = [(f'<svg role="img" aria-label="Findings across the session" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-size="12" font-family="sans-serif">')]
    axis_y = top_pad + lane * len(taxonomy.LABELS) + 4
    for k, lb in enumerate(taxonomy.all_labels()):
        y = top_pad + k * lane + lane / 2
        out.append(f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end">{esc(lb.title)}</text>'
                   f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#e3e3e8"/>')
    ticks = sorted({round(i * (n_turns - 1) / 5) for i in range(6)}) if n_turns > 1 else [0]
    out.append(f'<line x1="{left}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}" stroke="#888"/>')
    for tk in ticks:
        out.append(f'<line x1="{x(tk):.1f}" y1="{axis_y}" x2="{x(tk):.1f}" y2="{axis_y + 4}" stroke="#888"/>'
                   f'<text x="{x(tk):.1f}" y="{axis_y + 16}" text-anchor="middle">{tk + 1}</text>')
    turns = analysis.transcript.turns
    for v in found:
        lb = v.info
        y = top_pad + taxonomy.LABELS.index(lb.name) * lane + lane / 2
        start = turns[v.turn].start if v.turn < len(turns) else None
        when = f" at {clock(start)}" if start is not None else ""
        state = f" ({v.status})" if v.status else ""
        fill = "none" if v.status == "dismissed" else lb.border
        out.append(f'<circle cx="{x(v.turn):.1f}" cy="{y:.1f}" r="5" fill="{fill}" stroke="{lb.border}" '
                   f'fill-opacity="0.8"><title>Turn {v.turn + 1}{esc(when)}: {esc(lb.title)}{esc(state)}'
                   f"</title></circle>")
    out.append("</svg>")
    return "".join(out)


__all__ = ["View", "bar_chart_svg", "clock", "counts", "esc", "highlight_turn_html", "mark_style", "render_html",
           "timeline_svg", "views"]
