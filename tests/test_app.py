"""The Streamlit app through streamlit.testing.v1.AppTest: every flow, with a temporary review store.

The model is the session-scoped ``coach_obj`` fixture: ``coach.load`` is patched to return it,
so the app's ``st.cache_resource`` never loads a second copy.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from coach import taxonomy, views

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
EXAMPLES = ROOT / "examples"

ANA_KIM = ("Coach Ana: Hi Kim, what would you like to talk about today?\n"
           "Kim: You need to stop drinking, you have to go to group tonight.\n"
           "Coach Ana: Thanks for telling me. What feels right for you?\n")
INJECTION = ("Peer: <script>alert(1)</script> You need to call your landlord today. <img src=x onerror=alert(1)>\n"
             "  \n\n  **bold** [x](javascript:alert(2))\n"
             "Sam: Okay [click](javascript:alert(1)).\n"
             "Peer: I promise everything will be fine. What would you like to do next?\n")


@pytest.fixture()
def app_env(monkeypatch, tmp_path, coach_obj):
    """A fresh review database and the shared model for each test; returns the database path."""
    import coach

    db = tmp_path / "reviews.sqlite"
    monkeypatch.setenv("COACH_DB", str(db))
    monkeypatch.setattr(coach, "load", lambda *a, **k: coach_obj)
    return db


@pytest.fixture()
def downloads(monkeypatch):
    """Every file a download button (or st.audio) hands to the media manager: {file_name: bytes}."""
    got: dict[str, bytes] = {}
    original = MediaFileManager.add

    def add(self, path_or_data, mimetype, coordinates, file_name=None, is_for_static_download=False):
        data = path_or_data.encode("utf-8") if isinstance(path_or_data, str) else bytes(path_or_data)
        got[file_name or coordinates] = data
        return original(self, path_or_data, mimetype, coordinates, file_name, is_for_static_download)

    monkeypatch.setattr(MediaFileManager, "add", add)
    return got


def run_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def html_blocks(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if m.allow_html]


def marked(at: AppTest) -> list[str]:
    return [b for b in html_blocks(at) if "<mark" in b]


def paste(at: AppTest, text: str) -> AppTest:
    at.text_area(key="paste").set_value(text).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


# ---------------------------------------------------------------- trainee

def test_first_load_shows_the_annotated_example(app_env, downloads):
    at = run_app()
    assert errors(at) == []
    assert at.text_area(key="paste").value.startswith("# Role-play, housing")
    assert len(marked(at)) >= 3
    blocks = "\n".join(html_blocks(at))
    assert 'class="coach-mark concern"' in blocks and 'class="coach-mark strength"' in blocks
    legend = next(b for b in html_blocks(at) if "coach-legend" in b)
    for label in taxonomy.all_labels():
        assert label.title in legend and label.colour in legend
    # feedback under flagged turns: label title, guideline value, advice and suggestions with their why
    feedback = [b for b in html_blocks(at) if "coach-finding" in b]
    assert feedback
    concern = next(b for b in feedback if 'data-label="false_promise"' in b)
    fp = taxonomy.get("false_promise")
    assert fp.title in concern and fp.values[0].name in concern and views.esc(fp.advice) in concern
    assert "Try instead" in concern
    assert [s.value for s in at.selectbox if s.label.startswith("Supporter")] == ["Peer"]
    assert {m.label for m in at.metric} >= {"Supporter turns", "Concerns", "Strengths", "Share of voice"}
    assert len(at.get("vega_lite_chart")) == 2
    summary = at.dataframe[0].value
    assert list(summary["label"]) == [lb.title for lb in taxonomy.all_labels()]
    assert any(name == "session-coach-report.html" for name in downloads)
    assert downloads["session-coach-report.html"].startswith(b"<!DOCTYPE html>")


def test_model_is_loaded_once(monkeypatch, tmp_path, coach_obj):
    import coach

    calls = []
    monkeypatch.setenv("COACH_DB", str(tmp_path / "r.sqlite"))
    monkeypatch.setattr(coach, "load", lambda *a, **k: calls.append(1) or coach_obj)
    st.cache_resource.clear()
    at = run_app()
    paste(at, ANA_KIM)
    run_app()
    assert len(calls) == 1


def test_paste_a_transcript_and_choose_the_supporter(app_env):
    at = paste(run_app(), ANA_KIM)
    assert errors(at) == []
    sel = next(s for s in at.selectbox if s.label.startswith("Supporter"))
    assert sel.options == ["Coach Ana", "Kim"] and sel.value == "Coach Ana"  # role name wins
    turns_marked = {b.split('data-turn="')[1].split('"')[0] for b in marked(at)}
    assert "1" not in turns_marked  # Kim is not the supporter: never flagged
    assert "0" in turns_marked or "2" in turns_marked

    sel.set_value("Kim").run()
    assert not at.exception and errors(at) == []
    turns_marked = {b.split('data-turn="')[1].split('"')[0] for b in marked(at)}
    assert turns_marked == {"1"}
    kim = next(b for b in marked(at) if 'data-turn="1"' in b)
    assert 'data-labels="power_over"' in kim
    assert "supporter: Kim" in " ".join(c.value for c in at.caption)


def test_upload_a_file(app_env):
    at = run_app()
    data = (EXAMPLES / "zoom_practice.vtt").read_bytes()
    at.file_uploader(key="upload").set_value(("zoom_practice.vtt", data, "text/vtt")).run()
    assert not at.exception and errors(at) == []
    from coach.readers import read

    transcript = read(data, name="zoom_practice.vtt")
    sel = next(s for s in at.selectbox if s.label.startswith("Supporter"))
    assert sel.options == transcript.speakers
    shown = [b for b in html_blocks(at) if "coach-turn" in b]
    assert len(shown) == len(transcript.turns)


@pytest.mark.parametrize("name,data,expected", [
    ("empty.txt", b"   \n ", "is empty"),
    ("notes.pdf", b"%PDF-1.4 binary", "unsupported file type"),
    ("big.txt", b"Peer: hi\n" * 1_200_000, "limit"),
])
def test_bad_upload_is_a_one_line_error(app_env, name, data, expected):
    at = run_app()
    at.file_uploader(key="upload").set_value((name, data, "application/octet-stream")).run()
    assert not at.exception
    msgs = errors(at)
    assert len(msgs) == 1 and expected in msgs[0] and "\n" not in msgs[0] and "Traceback" not in msgs[0]
    assert marked(at) == []


def test_empty_paste_is_an_error_message(app_env):
    at = paste(run_app(), "   ")
    assert errors(at) == ["the transcript box is empty: paste a transcript or upload a file"]


def test_injection_payload_is_escaped_everywhere(app_env):
    at = paste(run_app(), INJECTION)
    assert errors(at) == []
    assert marked(at), "the payload transcript is still analysed"
    for block in html_blocks(at):
        assert "<script" not in block and "<img" not in block
        assert "\n\n" not in block  # one raw-HTML block: Markdown in the text is never applied
    text = "\n".join(html_blocks(at))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    # and in the review view of the same transcript
    at.text_input(key="reviewer").set_value("ana").run()
    at.text_input(key="save_title").set_value("<b>title</b>").run()
    at.button(key="save_btn").click().run()
    assert not at.exception and errors(at) == []
    rows = [b for b in html_blocks(at) if "coach-review-row" in b]
    assert rows
    for block in html_blocks(at):
        assert "<script" not in block and "<img" not in block and "<b>title" not in block


# ---------------------------------------------------------------- supervisor

def _save_example(at: AppTest, reviewer: str = "ana") -> int:
    at.text_input(key="reviewer").set_value(reviewer).run()
    at.text_input(key="save_title").set_value("Week 3 role-play").run()
    at.button(key="save_btn").click().run()
    assert not at.exception and errors(at) == []
    sid = at.session_state["open_session"]
    assert isinstance(sid, int)
    return sid


def _button(at: AppTest, prefix: str, index: int = 0):
    return [b for b in at.button if b.key and b.key.startswith(prefix)][index]


def test_review_actions_are_recorded(app_env):
    from coach.review import ReviewStore

    at = run_app()
    assert at.button(key="save_btn").disabled  # no reviewer name yet
    sid = _save_example(at)
    store = ReviewStore(str(app_env))
    keys = list(store.reviewed(sid)["key"])
    assert len(keys) >= 3

    _button(at, f"acc_{sid}_", 0).click().run()
    _button(at, f"dis_{sid}_", 1).click().run()
    safe = keys[2].replace(":", "_")
    new = next(lb for lb in taxonomy.LABELS if lb != keys[2].split(":")[-1])
    at.selectbox(key=f"rel_{sid}_{safe}").set_value(new).run()
    at.button(key=f"relbtn_{sid}_{safe}").click().run()
    at.text_input(key=f"com_{sid}_{safe}").set_value("good catch").run()
    at.button(key=f"combtn_{sid}_{safe}").click().run()
    assert not at.exception and errors(at) == []

    record = store.load_session(sid)
    acts = [(d["reviewer"], d["action"], d["finding_key"], d["label"], d["comment"]) for d in record.decisions]
    assert acts == [("ana", "accept", keys[0], None, None), ("ana", "dismiss", keys[1], None, None),
                    ("ana", "relabel", keys[2], new, None), ("ana", "comment", keys[2], None, "good catch")]
    assert all(d["created_at"] is not None for d in record.decisions)
    df = store.reviewed(sid).set_index("key")
    assert df.loc[keys[0], "status"] == "accepted" and df.loc[keys[1], "status"] == "dismissed"
    assert df.loc[keys[2], "label"] == new and "good catch" in df.loc[keys[2], "comments"]
    rows = [b for b in html_blocks(at) if "coach-review-row" in b]
    assert "accepted</b> by ana" in rows[0] and "dismissed</b> by ana" in rows[1]

    # add a missed finding: a supporter turn, an exact phrase, a label
    turn = next(i for i, t in enumerate(record.transcript.turns)
                if t.speaker == "Peer" and "Hey Casey" in t.text)
    at.selectbox(key=f"add_turn_{sid}").set_value(turn).run()
    at.text_input(key=f"add_phrase_{sid}").set_value("thanks for coming in").run()
    at.selectbox(key=f"add_label_{sid}").set_value("person_driven").run()
    at.button(key=f"add_btn_{sid}").click().run()
    assert not at.exception and errors(at) == []
    added = store.reviewed(sid).query("status == 'added'")
    assert list(added["text"]) == ["thanks for coming in"] and list(added["label"]) == ["person_driven"]

    # a phrase that is not in the turn is a message, and nothing is recorded
    n = len(store.load_session(sid).decisions)
    at.text_input(key=f"add_phrase_{sid}").set_value("not in this turn at all").run()
    at.button(key=f"add_btn_{sid}").click().run()
    assert not at.exception
    assert any("is not in that turn" in m for m in errors(at))
    assert len(store.load_session(sid).decisions) == n
    store.close()


def test_two_reviewers_never_overwrite_each_other(app_env):
    from coach.review import ReviewStore

    ana = run_app()
    sid = _save_example(ana, "ana")
    ben = run_app()  # a second browser tab: its own session state
    ben.text_input(key="reviewer").set_value("ben").run()
    ben.selectbox(key="open_pick").set_value(sid).run()
    ben.button(key="open_btn").click().run()
    assert ben.session_state["open_session"] == sid

    _button(ana, f"acc_{sid}_", 0).click().run()
    _button(ben, f"dis_{sid}_", 0).click().run()
    ana.run()  # ana's tab re-reads the store and shows ben's later decision, and her own
    row = next(b for b in html_blocks(ana) if "coach-review-row" in b)
    assert "dismissed</b> by ben" in row and "yours: <b>accepted" in row

    store = ReviewStore(str(app_env))
    decisions = [(d["reviewer"], d["action"]) for d in store.load_session(sid).decisions]
    assert decisions == [("ana", "accept"), ("ben", "dismiss")]
    assert store.reviewed(sid).loc[0, "reviewers"] == "ana, ben"
    assert store.reviewed(sid, reviewer="ana").loc[0, "status"] == "accepted"
    store.close()


def test_reopen_a_saved_session(app_env):
    at = run_app()
    sid = _save_example(at)
    at.button(key="close_btn").click().run()
    assert at.session_state["open_session"] is None
    paste(at, ANA_KIM)
    at.selectbox(key="open_pick").set_value(sid).run()
    at.button(key="open_btn").click().run()
    assert not at.exception and errors(at) == []
    assert any("Week 3 role-play" in i.value for i in at.info)
    shown = "\n".join(b for b in html_blocks(at) if "coach-turn" in b)
    assert "Casey" in shown and "Kim" not in shown  # the saved transcript, not the pasted one


def test_exports_produce_content(app_env, downloads):
    at = run_app()
    sid = _save_example(at)
    _button(at, f"acc_{sid}_", 0).click().run()
    _button(at, f"dis_{sid}_", 1).click().run()
    stem = f"session-{sid}"

    df = pd.read_csv(io.BytesIO(downloads[f"{stem}-reviewed.csv"]))
    assert list(df.columns[:3]) == ["key", "turn", "speaker"]
    assert list(df["status"][:2]) == ["accepted", "dismissed"] and df.loc[0, "reviewer"] == "ana"

    rows = [json.loads(line) for line in downloads[f"{stem}-reviewed.jsonl"].decode().splitlines()]
    assert len(rows) == len(df) and rows[0]["status"] == "accepted"

    report = downloads[f"{stem}-report.html"].decode()
    assert report.startswith("<!DOCTYPE html>") and "Week 3 role-play" in report

    corpus = [json.loads(line) for line in downloads[f"{stem}-corpus.jsonl"].decode().splitlines()]
    assert corpus and all({"text", "labels", "spans"} <= set(r) for r in corpus)
    first = df.iloc[0]
    assert any(s["label"] == first["label"] and s["text"] == first["text"] for r in corpus for s in r["spans"])


# ---------------------------------------------------------------- researcher

def test_researcher_scores_many_files(app_env, downloads):
    at = run_app()
    files = [("roleplay_housing.txt", (EXAMPLES / "roleplay_housing.txt").read_bytes(), "text/plain"),
             ("zoom_practice.vtt", (EXAMPLES / "zoom_practice.vtt").read_bytes(), "text/vtt"),
             ("broken.txt", b"", "text/plain")]
    at.file_uploader(key="r_files").set_value(files).run()
    at.button(key="r_score_files").click().run()
    assert not at.exception
    assert len(errors(at)) == 1 and "broken.txt" in errors(at)[0]
    utt, sess = at.dataframe[-2].value, at.dataframe[-1].value
    assert set(utt["source"]) == {"roleplay_housing.txt", "zoom_practice.vtt"}
    assert {f"p_{lb}" for lb in taxonomy.LABELS} <= set(utt.columns)
    assert list(sess["source"]) == ["roleplay_housing.txt", "zoom_practice.vtt"]
    assert sess.loc[0, "supporter_utterances"] == 8
    assert pd.read_csv(io.BytesIO(downloads["sessions.csv"])).shape[0] == 2
    assert pd.read_parquet(io.BytesIO(downloads["utterances.parquet"])).shape[0] == len(utt)


def test_researcher_scores_a_table_one_row_per_row(app_env, downloads):
    table = pd.DataFrame({
        "conv": ["a", "a", "a", "b", "b"],
        "who": ["Peer", "Sam", "Peer", "Peer", "Sam"],
        "utterance": ["You need to stop drinking tonight.", "Okay.", "What would you like to do next?",
                      "I promise it will all work out.", "Thanks."],
    })
    buf = io.BytesIO()
    table.to_parquet(buf, index=False)
    at = run_app()
    at.radio(key="r_mode").set_value("One table of utterances").run()
    at.file_uploader(key="r_table").set_value(("utts.parquet", buf.getvalue(), "application/octet-stream")).run()
    assert not at.exception and errors(at) == []
    assert at.selectbox(key="r_text_col").value == "utterance"  # guessed like the readers guess
    at.selectbox(key="r_speaker_col").set_value("who").run()
    at.selectbox(key="r_id_col").set_value("conv").run()
    at.button(key="r_score_table").click().run()
    assert not at.exception and errors(at) == []
    rows, sess = at.dataframe[-2].value, at.dataframe[-1].value
    assert len(rows) == len(table) and list(rows["text"]) == list(table["utterance"])
    assert list(rows["is_supporter"]) == [True, False, True, True, False]
    assert not rows.loc[1, "power_over"] and rows.loc[1, "p_power_over"] is None or pd.isna(rows.loc[1, "p_power_over"])
    assert list(sess["session"]) == ["a", "b"] and list(sess["supporter_utterances"]) == [2, 1]
    back = pd.read_parquet(io.BytesIO(downloads["utterances.parquet"]))
    assert len(back) == len(table)


def test_researcher_bad_table_is_a_message(app_env):
    at = run_app()
    at.radio(key="r_mode").set_value("One table of utterances").run()
    at.file_uploader(key="r_table").set_value(("utts.parquet", b"not parquet at all", "application/x")).run()
    assert not at.exception
    msgs = errors(at)
    assert len(msgs) == 1 and msgs[0].startswith("utts.parquet: not a readable parquet table")


# ---------------------------------------------------------------- view helpers

def test_locate_phrase_and_timeline_axis():
    from coach.analysis import Finding
    from coach.errors import InputError

    assert views.locate_phrase("Straße, you MUST go", "must go") == (12, 19)
    with pytest.raises(InputError):
        views.locate_phrase("abc", "  ")
    f = Finding(turn=2, speaker="P", line=1, col=1, start=0, end=3, label="judgment", kind="concern",
                text="abc", sentence="abc", score=0.5, guideline="", time=12.0)
    timed = views.timeline_chart([f]).to_dict()
    assert timed["encoding"]["x"]["field"] == "time"
    f.time = None
    assert views.timeline_chart([f]).to_dict()["encoding"]["x"]["field"] == "turn"
    scale = views.counts_chart({"counts": {lb: 1 for lb in taxonomy.LABELS},
                                "rates_per_100": {lb: 0.0 for lb in taxonomy.LABELS}}).to_dict()
    assert scale["encoding"]["color"]["scale"]["range"] == [lb.border for lb in taxonomy.all_labels()]


def _silent_wav(seconds: float) -> bytes:
    import io as _io
    import wave

    buf = _io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(b"\x00\x00" * int(16000 * seconds))
    return buf.getvalue()


def test_recording_with_its_transcript_plays_findings_from_their_time(app_env):
    """A recording plus its VTT: the VTT replaces recognition, and each timed finding offers the audio from then."""
    at = run_app()
    vtt = (EXAMPLES / "zoom_practice.vtt").read_bytes()
    at.file_uploader(key="audio_upload").set_value(("practice.wav", _silent_wav(40.0), "audio/wav"))
    at.file_uploader(key="audio_subs").set_value(("practice.vtt", vtt, "text/vtt")).run()
    assert not at.exception and errors(at) == []
    players = at.get("audio")
    assert players, "no audio player offered for timed findings"
    starts = sorted(int(p.proto.start_time) for p in players)
    # the example's concerns are spoken at 10 s, 14 s and 33 s (cues 3, 4 and 8 of the VTT)
    assert {10, 14, 33} <= set(starts), starts
