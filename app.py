"""Session Coach in the browser: trainee feedback, supervisor review and researcher tables.

Run it with ``make run`` (``streamlit run app.py --server.address 127.0.0.1 --server.port 8501``).

The app only arranges views: analysis comes from :mod:`coach.analysis`, highlights and the
report from :mod:`coach.report`, decisions and exports from :mod:`coach.review`, small escaped
HTML pieces and tables from :mod:`coach.views`. Every piece of transcript text that is rendered
as HTML is escaped first; every user-fixable problem is shown as a one-line ``st.error``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from pathlib import Path

import streamlit as st

import coach
from coach import taxonomy, views
from coach.analysis import Analysis
from coach.errors import CoachError, InputError, SpeakerError
from coach.transcript import Transcript

ROOT = Path(__file__).resolve().parent
EXAMPLE = ROOT / "examples" / "roleplay_housing.txt"
AUDIO_TYPES = ["wav", "mp3", "m4a", "ogg"]
MAX_MB = views.MAX_BYTES // 1_000_000
log = logging.getLogger("session_coach.app")


# ---------------------------------------------------------------- resources (once per process)

@st.cache_resource(show_spinner="Loading the Session Coach model...")
def get_coach() -> coach.analysis.Coach:
    """The model, loaded once per server process."""
    return coach.load()


@st.cache_resource(show_spinner=False)
def _store_for(url: str):
    from coach.review import ReviewStore

    return ReviewStore(url or None)


def get_store():
    """The review store for ``$COACH_DB`` (re-read each call, so tests can point it elsewhere)."""
    return _store_for(os.environ.get("COACH_DB", "").strip())


# ---------------------------------------------------------------- small state helpers

def _digest(*parts: object) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p if isinstance(p, bytes) else repr(p).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:16]


def flash(kind: str, message: str) -> None:
    """Queue a message (from a callback) to show on the next run."""
    st.session_state.setdefault("_flash", []).append((kind, message))


def show_flashes() -> None:
    for kind, message in st.session_state.pop("_flash", []):
        (st.error if kind == "error" else st.success)(views.md_escape(message))


def analyze(transcript: Transcript, speaker: str | None) -> Analysis:
    """Analyse once per (transcript, supporter) in this browser session."""
    key = _digest([(t.speaker, t.text, t.start) for t in transcript.turns], transcript.source, speaker)
    cache = st.session_state.setdefault("_analyses", {})
    if key not in cache:
        if len(cache) >= 8:
            cache.clear()
        cache[key] = get_coach().analyze_transcript(transcript, speaker)
    return cache[key]


# ---------------------------------------------------------------- input area

def audio_section() -> Transcript | None:
    """Hook for recordings: a recording upload when :mod:`coach.audio` is installed, else nothing.

    Keeps the recording's bytes in ``st.session_state["audio_bytes"]`` so findings with a time
    can offer "play from here". Returns the recording's transcript (from the optional VTT/SRT,
    else from ``coach.audio.transcribe``) or None when no recording is uploaded.
    """
    import importlib.util

    if importlib.util.find_spec("coach.audio") is None:
        return None
    try:
        from coach import audio
    except ImportError as exc:  # e.g. a missing optional dependency: the rest of the app still works
        log.warning("recordings unavailable: %s", exc)
        return None
    if not hasattr(audio, "transcribe"):
        return None
    rec = st.file_uploader("...or a recording", type=AUDIO_TYPES, key="audio_upload",
                           help="Transcribed offline on this machine. Without a transcript file, speech "
                                "recognition is rough: check the words before trusting a finding.")
    subs = st.file_uploader("Its transcript (optional, VTT or SRT)", type=["vtt", "srt"], key="audio_subs",
                            max_upload_size=MAX_MB)
    if rec is None:
        st.session_state.pop("audio_bytes", None)
        return None
    data = rec.getvalue()
    st.session_state["audio_bytes"] = data
    given = subs.getvalue() if subs is not None else None
    key = _digest(data, rec.name, given)
    cache = st.session_state.setdefault("_transcribed", {})
    if key not in cache:
        transcript = (get_coach().read(given, name=subs.name, max_bytes=views.MAX_BYTES)
                      if subs is not None else None)
        bar = st.progress(0.0, text=f"Transcribing {rec.name}...")

        def progress(done: float, total: float) -> None:
            frac = min(max(done / total, 0.0), 1.0) if total else 1.0
            bar.progress(frac, text=f"Transcribing {rec.name}: {views.format_time(done)} of "
                                    f"{views.format_time(total)}")

        cache.clear()
        try:
            cache[key] = audio.transcribe(data, name=rec.name, transcript=transcript, progress=progress)
        finally:
            bar.empty()
    result = cache[key]
    info = result.meta.get("audio", {})
    if info.get("warning"):
        st.warning(info["warning"])
    guessed = info.get("speakers_by") == "pauses"
    with st.expander("Who is who in the recording", expanded=guessed):
        if guessed:
            st.caption("Speakers were guessed from pauses: a new speaker after each long silence. Name "
                       "them here; give two voices the same name to merge them.")
        elif info.get("speakers_by") == "channel":
            st.caption("Speakers come from the recording's left and right channels.")
        mapping = {name: st.text_input(f"Voice {i + 1}", value=name, key=f"audio_name_{key}_{i}")
                   for i, name in enumerate(result.speakers)}
    return audio.rename_speakers(result, mapping)

def input_section() -> tuple[Transcript, bool]:
    """Paste, upload (or record); return the transcript to coach and whether it came from a recording."""
    left, right = st.columns([3, 2])
    with left:
        text = st.text_area("Paste a transcript: one \u201cSpeaker: what they said\u201d per line",
                            value=EXAMPLE.read_text(encoding="utf-8"), height=200, key="paste")
    with right:
        up = st.file_uploader("...or upload a file", type=views.UPLOAD_TYPES, key="upload",
                              max_upload_size=MAX_MB,
                              help=f"{', '.join(views.UPLOAD_TYPES)}; up to {MAX_MB} MB")
        recorded = audio_section()
    if recorded is not None:
        return recorded, True
    if up is not None:
        return get_coach().read(up.getvalue(), name=up.name, max_bytes=views.MAX_BYTES), False
    if not text.strip():
        raise InputError("the transcript box is empty: paste a transcript or upload a file")
    # Bytes, never a str: a one-line str could be taken for a path on the server.
    return get_coach().read(text.encode("utf-8"), name="pasted text", max_bytes=views.MAX_BYTES), False


def choose_supporter(transcript: Transcript) -> str | None:
    """A selectbox of the transcript's speakers, pre-selected by :func:`coach.roles.resolve_supporters`.

    Returns None while the pre-selected supporter is kept (so the analysis reports why it chose them).
    """
    from coach.roles import resolve_supporters

    speakers = transcript.speakers
    try:
        chosen, _ = resolve_supporters(transcript)
    except SpeakerError:
        chosen = []
    index = speakers.index(chosen[0]) if chosen and chosen[0] in speakers else 0
    choice = st.selectbox("Supporter (whose turns are coached)", speakers, index=index,
                          key="supporter_" + _digest(speakers))
    return None if choice in chosen else choice


# ---------------------------------------------------------------- trainee view

def legend() -> None:
    st.markdown(views.legend_html(), unsafe_allow_html=True)


def transcript_view(analysis: Analysis, audio: bytes | None) -> None:
    """Turn by turn, with highlights and, under each flagged turn, the feedback."""
    from coach.report import highlight_turn_html

    by_turn = views.findings_by_turn(analysis.findings)
    for i, turn in enumerate(analysis.transcript.turns):
        found = by_turn.get(i, [])
        body = highlight_turn_html(turn.text, found)  # escaped HTML with <mark>s
        st.markdown(views.turn_html(turn, i, body, turn.speaker in analysis.supporters), unsafe_allow_html=True)
        if not found:
            continue
        titles = ", ".join(dict.fromkeys(views.label_title(f.label) for f in found))
        with st.expander(f"Turn {i + 1} feedback: {titles}"):
            for f in found:
                st.markdown(views.finding_html(f), unsafe_allow_html=True)
                if audio is not None and f.time is not None:  # the start of the cue holding the phrase
                    st.caption(f"Play from here ({views.format_time(f.time)})")
                    st.audio(audio, start_time=int(f.time))


def summary_view(analysis: Analysis) -> None:
    """Session summary: counts and rates per label, share of voice, ratio, and two charts."""
    s = analysis.summary()
    a, b, c, d = st.columns(4)
    a.metric("Supporter turns", s["supporter_utterances"])
    b.metric("Concerns", s["concerns"])
    c.metric("Strengths", s["strengths"])
    d.metric("Share of voice", f"{100 * s['share_of_voice']:.0f}%",
             help="The supporter's share of all words spoken.")
    ratio = s["person_driven_to_concern"]
    st.caption(f"Person-driven to concern ratio: **{'n/a (no concerns)' if ratio is None else ratio}** "
               f"\u00b7 {views.md_escape(analysis.reason)}")
    table = views.summary_frame(s)[["title", "kind", "count", "per_100_utterances"]]
    st.dataframe(table.rename(columns={"title": "label", "per_100_utterances": "per 100 supporter turns"}),
                 hide_index=True, width="stretch")
    st.markdown("**Findings by label**")
    st.altair_chart(views.counts_chart(s), width="stretch")
    st.markdown("**Across the session**")
    if analysis.findings:
        st.altair_chart(views.timeline_chart(analysis.findings), width="stretch")
    else:
        st.caption("No findings to plot.")


def coach_tab(analysis: Analysis | None, audio: bytes | None, saved_title: str | None) -> None:
    if analysis is None:
        st.info("Fix the transcript above to see the feedback.")
        return
    if saved_title:
        st.info(f"Showing saved session \u201c{views.md_escape(saved_title)}\u201d (close it in the Review tab).")
    legend()
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.subheader("Transcript")
        transcript_view(analysis, audio)
    with right:
        st.subheader("Session summary")
        summary_view(analysis)
        from coach.report import render_html

        st.download_button("Download HTML report", render_html(analysis, title="Session Coach report"),
                           file_name="session-coach-report.html", mime="text/html", key="dl_report_trainee",
                           on_click="ignore")


# ---------------------------------------------------------------- supervisor review

def _reviewer() -> str:
    return str(st.session_state.get("reviewer", "")).strip()


def _missing(value) -> bool:
    """None, NaN or NaT (frame cells for 'nothing')."""
    import pandas as pd

    return value is None or (not isinstance(value, (str, list, dict)) and bool(pd.isna(value)))


def _do_record(sid: int, action: str, fkey: str | None, what: str = "", **kwargs) -> None:
    """Callback: append one decision; any problem becomes a message on the next run."""
    try:
        get_store().record(sid, _reviewer(), action, finding_key=fkey, **kwargs)
        flash("success", f"{action} recorded" + (f" on \u201c{what}\u201d" if what else ""))
    except CoachError as exc:
        flash("error", str(exc))


def _relabel(sid: int, fkey: str, what: str, widget: str) -> None:
    _do_record(sid, "relabel", fkey, what, label=st.session_state.get(widget))


def _comment(sid: int, fkey: str | None, what: str, widget: str) -> None:
    text = str(st.session_state.get(widget, "")).strip()
    _do_record(sid, "comment", fkey, what, comment=text)
    st.session_state[widget] = ""


def _add(sid: int, record) -> None:
    turn = st.session_state.get(f"add_turn_{sid}")
    phrase = str(st.session_state.get(f"add_phrase_{sid}", ""))
    label = st.session_state.get(f"add_label_{sid}")
    try:
        if turn is None:
            raise InputError("choose the supporter turn that holds the missed phrase")
        start, end = views.locate_phrase(record.transcript.turns[turn].text, phrase)
        text = record.transcript.turns[turn].text[start:end]
        get_store().record(sid, _reviewer(), "add", finding_key=f"{turn}:{start}:{end}:{label}", label=label,
                           turn=turn, start=start, end=end, text=text)
        st.session_state[f"add_phrase_{sid}"] = ""
        flash("success", f"added {views.label_title(label)} on turn {turn + 1}")
    except CoachError as exc:
        flash("error", str(exc))


def _open(sid: int | None) -> None:
    st.session_state["open_session"] = sid


def _save(analysis: Analysis) -> None:
    title = str(st.session_state.get("save_title", "")).strip()
    try:
        sid = get_store().save_session(analysis, title, _reviewer())
        st.session_state["open_session"] = sid
        flash("success", f"saved as session #{sid}")
    except CoachError as exc:
        flash("error", str(exc))


def sessions_list(store) -> None:
    sessions = store.list_sessions()
    if not sessions:
        st.caption("No saved sessions yet.")
        return
    import pandas as pd

    st.dataframe(pd.DataFrame(sessions), hide_index=True, width="stretch")
    ids = [s["id"] for s in sessions]
    titles = {s["id"]: s["title"] for s in sessions}
    pick, go = st.columns([4, 1], vertical_alignment="bottom")
    chosen = pick.selectbox("Saved session", ids, format_func=lambda i: f"#{i} {titles[i]}", key="open_pick")
    go.button("Open", key="open_btn", on_click=_open, args=(chosen,))


def finding_controls(sid: int, row, mine, can_act: bool) -> None:
    """One finding: its current state (everyone's latest and yours) and the review actions."""
    row = {k: (None if _missing(v) else v) for k, v in row.items()}
    fkey = row["key"]
    label = row["label"]
    state = f"<b>{views.esc1(row['status'])}</b>"
    if row["reviewer"]:
        state += f" by {views.esc1(row['reviewer'])}"
    if mine is not None:
        state += f" \u00b7 yours: <b>{views.esc1(mine['status'])}</b>"
    extra = ""
    if row["model_label"] is None:
        extra = " <small>(added by a reviewer)</small>"
    elif row["model_label"] != label:
        extra = f" <small>(model said {views.esc1(views.label_title(row['model_label']))})</small>"
    comments = f"<div><small>Comments: {views.esc1(row['comments'])}</small></div>" if row["comments"] else ""
    st.markdown(
        f'<div class="coach-review-row" data-key="{views.esc1(fkey)}">Turn {int(row["turn"]) + 1} '
        f'{views.chip_html(label)}{extra} \u201c{views.esc1(row["text"])}\u201d \u2014 {state}'
        f"<div><small>{views.esc1(row['sentence'])}</small></div>{comments}</div>",
        unsafe_allow_html=True,
    )
    c1, c2, c3, c4, c5, c6 = st.columns([1, 1, 2, 1, 3, 1], vertical_alignment="bottom")
    safe = fkey.replace(":", "_")
    c1.button("Accept", key=f"acc_{sid}_{safe}", on_click=_do_record, args=(sid, "accept", fkey, row["text"]),
              disabled=not can_act)
    c2.button("Dismiss", key=f"dis_{sid}_{safe}", on_click=_do_record, args=(sid, "dismiss", fkey, row["text"]),
              disabled=not can_act)
    others = [lb for lb in taxonomy.LABELS if lb != label]
    c3.selectbox("Relabel as", others, format_func=views.label_title, key=f"rel_{sid}_{safe}",
                 label_visibility="collapsed")
    c4.button("Relabel", key=f"relbtn_{sid}_{safe}", on_click=_relabel, args=(sid, fkey, row["text"], f"rel_{sid}_{safe}"),
              disabled=not can_act)
    c5.text_input("Comment", key=f"com_{sid}_{safe}", placeholder="comment", label_visibility="collapsed")
    c6.button("Comment", key=f"combtn_{sid}_{safe}", on_click=_comment, args=(sid, fkey, row["text"], f"com_{sid}_{safe}"),
              disabled=not can_act)


def add_missed(sid: int, record, can_act: bool) -> None:
    turns = record.transcript.turns
    options = [i for i, t in enumerate(turns) if t.speaker in record.supporters and t.text.strip()]
    if not options:
        return
    st.markdown("**Add a missed finding**")
    st.selectbox("Supporter turn", options, key=f"add_turn_{sid}",
                 format_func=lambda i: f"Turn {i + 1}: {turns[i].text[:90]}")
    a, b = st.columns([3, 1])
    a.text_input("Exact phrase from that turn", key=f"add_phrase_{sid}")
    b.selectbox("Label", list(taxonomy.LABELS), format_func=views.label_title, key=f"add_label_{sid}")
    st.button("Add finding", key=f"add_btn_{sid}", on_click=_add, args=(sid, record), disabled=not can_act)


def exports(sid: int, record, df) -> None:
    """Reviewed session as CSV and JSONL, the HTML report, and corpus rows for ``coach train --extra``."""
    import io

    from coach.report import render_html
    from coach.review import to_corpus, to_csv, to_jsonl, write_corpus

    st.markdown("**Export**")
    csv_buf, jsonl_buf = io.StringIO(), io.StringIO()
    to_csv(df, csv_buf)
    to_jsonl(df, jsonl_buf)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_corpus(to_corpus(record, df), Path(tmp) / "corpus.jsonl")
        corpus = path.read_bytes()
    report = render_html(record.to_analysis(), reviewed=df, title=record.title)
    stem = f"session-{sid}"
    cols = st.columns(4)
    cols[0].download_button("Reviewed CSV", csv_buf.getvalue(), file_name=f"{stem}-reviewed.csv",
                            mime="text/csv", key=f"dl_csv_{sid}", on_click="ignore")
    cols[1].download_button("Reviewed JSONL", jsonl_buf.getvalue(), file_name=f"{stem}-reviewed.jsonl",
                            mime="application/jsonl", key=f"dl_jsonl_{sid}", on_click="ignore")
    cols[2].download_button("HTML report", report, file_name=f"{stem}-report.html", mime="text/html",
                            key=f"dl_html_{sid}", on_click="ignore")
    cols[3].download_button("Corpus (.jsonl)", corpus, file_name=f"{stem}-corpus.jsonl",
                            mime="application/jsonl", key=f"dl_corpus_{sid}", on_click="ignore",
                            help="Reviewed findings for: coach train --extra FILE")


def review_tab(current: Analysis | None) -> None:
    show_flashes()
    st.text_input("Your name (recorded with every decision)", key="reviewer")
    reviewer = _reviewer()
    store = get_store()
    sid = st.session_state.get("open_session")
    if sid is None:
        st.markdown("**Save the current transcript for review**")
        if current is None:
            st.caption("Fix the transcript above first.")
        else:
            st.text_input("Session title", key="save_title", placeholder="e.g. Week 3 role-play, Jordan")
            st.button("Save session", key="save_btn", on_click=_save, args=(current,), disabled=not reviewer)
            if not reviewer:
                st.caption("Enter your name to save and review.")
        st.markdown("**Reopen a saved session**")
        sessions_list(store)
        return

    record = store.load_session(sid)  # re-read on every run: other reviewers' decisions show up
    df = store.reviewed(sid)
    head, close = st.columns([5, 1], vertical_alignment="bottom")
    head.markdown(f"<h4>Session #{sid}: {views.esc1(record.title)}</h4>", unsafe_allow_html=True)
    close.button("Close session", key="close_btn", on_click=_open, args=(None,))
    st.caption(views.md_escape(f"saved by {record.created_by} \u00b7 {len(record.decisions)} decision(s) so far "
                               f"\u00b7 supporter: {', '.join(record.supporters)}"))
    can_act = bool(reviewer)
    if not can_act:
        st.warning("Enter your name above to record decisions.")
    mine = store.reviewed(sid, reviewer=reviewer) if reviewer else None
    mine_by_key = {r["key"]: r for r in mine.to_dict(orient="records")} if mine is not None else {}
    if df.empty:
        st.caption("No findings in this session; add any the model missed below.")
    for row in df.to_dict(orient="records"):
        with st.container(border=True):
            finding_controls(sid, row, mine_by_key.get(row["key"]) if reviewer else None, can_act)
    add_missed(sid, record, can_act)
    with st.expander(f"Decision log ({len(record.decisions)})"):
        import pandas as pd

        st.dataframe(pd.DataFrame(record.decisions), hide_index=True, width="stretch")
    scope = st.radio("Export decisions of", ["everyone (latest decision)", "only me"], horizontal=True,
                     key=f"scope_{sid}", disabled=not reviewer)
    exports(sid, record, mine if scope == "only me" and mine is not None else df)


# ---------------------------------------------------------------- researcher view

def research_tab() -> None:
    mode = st.radio("Input", ["Transcript files", "One table of utterances"], horizontal=True, key="r_mode")
    if mode == "Transcript files":
        files = st.file_uploader("Transcript files (one session each)", type=views.UPLOAD_TYPES,
                                 accept_multiple_files=True, key="r_files", max_upload_size=MAX_MB)
        if files and st.button("Score files", key="r_score_files"):
            st.session_state["r_result"] = views.score_files(get_coach(), [(f.name, f.getvalue()) for f in files])
    else:
        up = st.file_uploader("A table: one utterance per row", type=views.TABLE_TYPES, key="r_table",
                              max_upload_size=MAX_MB)
        if up is not None:
            df = views.read_table(up.name, up.getvalue())
            cols = list(df.columns)
            opt = [views.NO_COLUMN, *cols]

            def pick(label: str, role: str, options: list[str], key: str) -> str:
                guess = views.guess_column(cols, role)
                return st.selectbox(label, options, index=options.index(guess) if guess in options else 0, key=key)

            a, b, c = st.columns(3)
            with a:
                text_col = pick("Text column", "text", cols, "r_text_col")
            with b:
                speaker_col = pick("Speaker column", "speaker", opt, "r_speaker_col")
            with c:
                id_col = pick("Session id column", "id", opt, "r_id_col")
            st.caption(f"{len(df)} rows \u00b7 without a speaker column every row is the supporter's; "
                       "rows with the same id form one session.")
            if st.button("Score table", key="r_score_table"):
                st.session_state["r_result"] = views.score_table(
                    get_coach(), df, text_col, None if speaker_col == views.NO_COLUMN else speaker_col,
                    None if id_col == views.NO_COLUMN else id_col)
    result = st.session_state.get("r_result")
    if not result:
        return
    per_utt, per_session, errors = result
    for message in errors:
        st.error(views.md_escape(message))
    st.markdown(f"**Per utterance** ({len(per_utt)} rows)")
    st.dataframe(per_utt, hide_index=True, width="stretch")
    st.markdown(f"**Per session** ({len(per_session)} rows)")
    st.dataframe(per_session, hide_index=True, width="stretch")
    cols = st.columns(4)
    for i, (name, frame) in enumerate((("utterances", per_utt), ("sessions", per_session))):
        if frame.empty:
            continue
        cols[2 * i].download_button(f"{name.title()} CSV", views.csv_bytes(frame), file_name=f"{name}.csv",
                                    mime="text/csv", key=f"r_dl_{name}_csv", on_click="ignore")
        cols[2 * i + 1].download_button(f"{name.title()} Parquet", views.parquet_bytes(frame),
                                        file_name=f"{name}.parquet", mime="application/octet-stream",
                                        key=f"r_dl_{name}_parquet", on_click="ignore")


# ---------------------------------------------------------------- page

def _guarded(section, *args) -> None:
    """Run one section; a user-fixable problem becomes its one-line message, anything else a short notice."""
    try:
        section(*args)
    except CoachError as exc:
        st.error(views.md_escape(exc))
    except Exception as exc:  # last line of defence: no traceback on the page, the details go to the log
        log.exception("unexpected error in %s", getattr(section, "__name__", section))
        st.error(f"Something went wrong ({type(exc).__name__}); the details are in the server log.")


def main() -> None:
    st.set_page_config(page_title="Session Coach", layout="wide")
    st.title("Session Coach")
    st.caption("Flags power-over, judgment, diagnosis and false-promise language in a peer supporter's "
               "turns, affirms person-driven language, and shows the guideline and an alternative for each.")
    try:
        get_coach()
    except CoachError as exc:
        st.error(views.md_escape(exc))
        return

    current: dict = {}

    def inputs() -> None:
        transcript, recorded = input_section()
        speaker = choose_supporter(transcript)
        current["analysis"] = analyze(transcript, speaker)
        current["recorded"] = recorded

    with st.expander("Your transcript: paste or upload it here (until then, an annotated example role-play "
                     "is shown)", expanded=False):
        _guarded(inputs)
    analysis = current.get("analysis")
    shown, title, audio = analysis, None, None
    if current.get("recorded"):
        audio = st.session_state.get("audio_bytes")
    sid = st.session_state.get("open_session")
    if sid is not None:
        try:
            record = get_store().load_session(sid)
            shown, title, audio = record.to_analysis(), record.title, None
        except CoachError as exc:
            st.error(views.md_escape(exc))
            st.session_state["open_session"] = None

    trainee, review, research = st.tabs(["Coach", "Review", "Research"])
    with trainee:
        _guarded(coach_tab, shown, audio, title)
    with review:
        _guarded(review_tab, analysis)
    with research:
        _guarded(research_tab)


main()
