"""The standalone HTML report and the shared turn highlighter."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from conftest import EXAMPLES

from coach import taxonomy
from coach.analysis import Analysis, Finding
from coach.errors import CoachError
from coach.report import bar_chart_svg, highlight_turn_html, render_html
from coach.review import ReviewStore, finding_key
from coach.transcript import Transcript, Turn

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
VOID = {"meta", "br", "img", "link", "input", "hr", "col", "area", "base", "wbr", "source"}


class Balance(HTMLParser):
    """Checks that every element is closed in order; collects text and <mark> contents."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.text, self.marks, self.tags = [], [], [], [], []
        self._in_mark = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "mark":
            self._in_mark += 1
            self.marks.append("")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()
        if tag == "mark":
            self._in_mark -= 1

    def handle_data(self, data):
        self.text.append(data)
        if self._in_mark:
            self.marks[-1] += data


def parse(page: str) -> Balance:
    p = Balance()
    p.feed(page)
    p.close()
    assert not p.errors, p.errors[:5]
    assert not [t for t in p.stack if t not in ("html", "body")], p.stack
    return p


@pytest.fixture(scope="module")
def housing(coach_obj):
    return coach_obj.analyze(str(EXAMPLES / "roleplay_housing.txt"))


@pytest.fixture(scope="module")
def hostile(coach_obj):
    turns = [
        Turn(f"Peer {IMG}", f"You need to stop drinking {SCRIPT} tonight. What would you like to do next?",
             start=3.0),
        Turn(f"Sam {SCRIPT}", f"Ok {IMG} & \"quotes\" 'single'", start=9.0),
        Turn(f"Peer {IMG}", f"I promise {IMG} you won't lose the apartment.", start=15.0),
    ]
    return coach_obj.analyze_transcript(Transcript(turns, source=f"evil{SCRIPT}.txt"), f"Peer {IMG}")


def test_standalone_page(housing):
    page = render_html(housing, title="Week 3")
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.IGNORECASE)
    assert "http://" not in page and "https://" not in page
    assert "<script" not in page.lower() and "<link" not in page.lower() and "@import" not in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    p = parse(page)
    assert sum(tag == "svg" for tag, _ in p.tags) == 2
    assert sum(tag == "circle" for tag, _ in p.tags) == len(housing.findings)  # one timeline mark each
    text = "".join(p.text)
    assert "examples/roleplay_housing.txt" in text and "Peer" in text
    assert "Share of voice" in text and "Person-driven to concern ratio" in text
    for lb in taxonomy.all_labels():  # the legend comes from the taxonomy
        assert lb.title in text and lb.description in text and lb.colour in page
        for v in lb.values:
            assert v.name in text


def test_highlights_cover_every_finding(housing):
    page = render_html(housing)
    p = parse(page)
    marks = p.marks[len(taxonomy.LABELS):]  # after the legend's samples
    joined = "\n".join(marks)
    for f in housing.findings:
        assert f.text in joined, f.text
        assert taxonomy.get(f.label).title in "".join(p.text)
        if f.suggestions:
            assert html.escape(f.suggestions[0]["text"]) in page
    concern = next(f for f in housing.findings if f.kind == "concern")
    strength = next(f for f in housing.findings if f.kind == "strength")
    assert f"background:{taxonomy.get(concern.label).colour}" in page
    assert f"border-bottom:3px solid {taxonomy.get(strength.label).border}" in page
    counts = housing.summary()["counts"]
    for lb in taxonomy.all_labels():
        assert f"<title>{lb.title}: {counts[lb.name]}</title>" in page  # the bar chart


def test_payloads_are_escaped(hostile):
    assert hostile.findings, "the payload turns should still be flagged"
    page = render_html(hostile, title=f"Report {SCRIPT}")
    lowered = page.lower()
    assert SCRIPT not in page and IMG not in page  # the raw payloads are gone ...
    assert "<script" not in lowered and "<img" not in lowered
    assert html.escape(SCRIPT) in page and html.escape(IMG) in page  # ... and shown as text
    assert "&amp; &quot;quotes&quot; &#x27;single&#x27;" in page
    p = parse(page)
    assert not any(tag in ("script", "img") for tag, _ in p.tags)
    assert not any(k.startswith("on") for _, attrs in p.tags for k in attrs)
    text = "".join(p.text)
    assert f"Peer {IMG}" in text and f"Sam {SCRIPT}" in text and f"evil{SCRIPT}.txt" in text
    # and in the helper the app reuses
    turn = hostile.transcript.turns[0]
    out = highlight_turn_html(turn.text, [f for f in hostile.findings if f.turn == 0])
    assert "<script" not in out and "&lt;script" in out and "&lt;/script&gt;" in out and "<mark" in out
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == turn.text  # marks may cut the payload, never open it


def test_overlapping_spans_render_well_formed():
    text = "You need to <b>stop</b> now & I promise it'll be fine.\nWhat do you want?"
    found = [
        {"start": 0, "end": 27, "label": "power_over"},
        {"start": 4, "end": 40, "label": "judgment"},  # crosses the first
        {"start": 12, "end": 19, "label": "diagnosis"},  # nested in both
        {"start": 4, "end": 40, "label": "judgment", "status": "dismissed"},  # the same span twice
        {"start": 30, "end": 70, "label": "person_driven"},  # crosses the line break
        {"start": 60, "end": 500, "label": "false_promise"},  # runs past the end: clipped
        {"start": 5, "end": 5, "label": "judgment"},  # empty: ignored
    ]
    out = highlight_turn_html(text, found)
    p = parse(f"<p>{out}</p>")
    assert "<mark" not in "".join(p.text)
    assert html.unescape(re.sub(r"<br>", "\n", re.sub(r"<(?!br>)[^>]+>", "", out))) == text
    assert "".join(p.text) == text.replace("\n", "")
    first = re.search(r'<mark[^>]*data-labels="([^"]*)"[^>]*>You </mark>', out)
    assert first and first.group(1) == "power_over"
    nested = re.search(r'<mark[^>]*data-labels="([^"]*)"[^>]*>&lt;b&gt;stop</mark>', out)
    assert nested and set(nested.group(1).split()) == {"power_over", "judgment", "diagnosis"}
    assert "linear-gradient" in out  # several concerns on one piece show as bands

    only_dismissed = highlight_turn_html("abc def", [{"start": 0, "end": 3, "label": "judgment",
                                                      "status": "dismissed"}])
    assert "line-through" in only_dismissed and "dismissed" in only_dismissed
    with pytest.raises(CoachError, match="unknown label"):
        highlight_turn_html("abc", [{"start": 0, "end": 1, "label": "rude"}])


def test_overlapping_findings_in_a_full_report(housing):
    turn = max(housing.supporter_turns(), key=lambda i: len(housing.transcript.turns[i].text))
    text = housing.transcript.turns[turn].text
    extra = [Finding(turn=turn, speaker="Peer", line=None, col=None, start=a, end=b, label=lb,
                     kind=taxonomy.kind_of(lb), text=text[a:b], sentence=text, score=0.5, guideline="")
             for a, b, lb in ((0, 20, "judgment"), (10, 30, "power_over"), (15, 18, "person_driven"))]
    a = Analysis(housing.transcript, housing.supporters, housing.reason, housing.findings + extra, {})
    page = render_html(a)
    parse(page)
    assert page.count("<mark") >= len(housing.findings) + 3


def test_report_with_review(housing, tmp_path):
    store = ReviewStore(str(tmp_path / "r.sqlite"))
    sid = store.save_session(housing, title="Week 3", reviewer="ana")
    keys = [finding_key(f.turn, f.start, f.end, f.label) for f in housing.findings]
    dismissed, relabelled = housing.findings[0], housing.findings[1]
    store.record(sid, "ana", "dismiss", finding_key=keys[0])
    store.record(sid, "ben", "relabel", finding_key=keys[1], label="diagnosis", comment="<i>meds</i>")
    store.record(sid, "ben", "accept", finding_key=keys[2])
    turn = housing.supporter_turns()[0]
    text = housing.transcript.turns[turn].text
    store.record(sid, "ana", "add", turn=turn, start=0, end=3, label="judgment", text=text[:3])
    rec, df = store.load_session(sid), store.reviewed(sid)
    page = render_html(rec.to_analysis(), df, title="Reviewed")
    p = parse(page)
    marks = "\n".join(p.marks[len(taxonomy.LABELS):])
    assert dismissed.text not in marks.split("\n")  # left out of the highlights ...
    assert re.search(r"<del>.*?" + re.escape(html.escape(dismissed.text)) + r".*?</del>", page)  # ... struck
    assert "[dismissed by ana]" in page and "[accepted by ben]" in page and "added by a reviewer" in page
    assert f"relabelled (model said {taxonomy.get(relabelled.label).title}) by ben" in page
    assert "&lt;i&gt;meds&lt;/i&gt;" in page and "<i>meds" not in page
    assert text[:3] in p.marks[len(taxonomy.LABELS):][0] or text[:3] in marks
    assert "After review" in page and "Reviewed by" in "".join(p.text)

    wrong = df.copy()
    wrong.loc[0, "text"] = "something else"
    with pytest.raises(CoachError, match="do not belong"):
        render_html(rec.to_analysis(), wrong)


def test_bar_chart_scales_to_counts():
    svg = bar_chart_svg({"power_over": 4, "judgment": 2, "diagnosis": 0, "false_promise": 0, "person_driven": 1})
    widths = [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)"', svg)]
    assert widths[0] == pytest.approx(2 * widths[1]) and widths[2] == 0 and widths[4] == pytest.approx(widths[0] / 4)


def test_docstring_examples():
    import doctest

    from coach import report

    result = doctest.testmod(report)
    assert result.attempted >= 10 and not result.failed
