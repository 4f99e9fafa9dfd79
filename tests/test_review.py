"""The review store (append-only, two tabs, latest-per-reviewer) and its exports."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import threading

import pandas as pd
import pytest
from conftest import EXAMPLES

from coach import cli, corpus, taxonomy
from coach.errors import CoachError
from coach.model.io import read_metadata
from coach.review import ReviewStore, finding_key, to_corpus, to_csv, to_jsonl, write_corpus
from coach.transcript import Transcript, Turn

SESSION = [
    ("Peer", "Hi Sam, thanks for coming. How has your week been?"),
    ("Sam", "Rough. I stopped taking my meds and I keep drinking."),
    ("Peer", "You need to stop drinking right now. That sounds like depression to me."),
    ("Sam", "Maybe."),
    ("Peer", "I promise everything will be fine. What would you like to do next?"),
    ("Sam", "Call my sister, I think."),
    ("Peer", "You have to take your meds."),
]


@pytest.fixture(scope="module")
def analysis(coach_obj):
    turns = [Turn(s, t, start=10.0 * i, end=10.0 * i + 8, line=i + 1) for i, (s, t) in enumerate(SESSION)]
    a = coach_obj.analyze_transcript(Transcript(turns, source="demo.txt", format="text"), "Peer")
    assert len({f.turn for f in a.findings}) >= 3, "the fixture session should give findings in several turns"
    return a


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "reviews.sqlite")


def keys_of(a):
    return [finding_key(f.turn, f.start, f.end, f.label) for f in a.findings]


def test_round_trip(db, analysis):
    store = ReviewStore(db)
    sid = store.save_session(analysis, title="Week 3", reviewer="ana")
    rec = ReviewStore(db).load_session(sid)  # a second object: nothing is kept in memory
    assert rec.id == sid and rec.title == "Week 3" and rec.created_by == "ana"
    assert rec.supporters == ["Peer"] and rec.reason == analysis.reason
    assert rec.transcript.source == "demo.txt" and rec.transcript.format == "text"
    assert [(t.speaker, t.text, t.start, t.end, t.line) for t in rec.transcript.turns] == \
        [(t.speaker, t.text, t.start, t.end, t.line) for t in analysis.transcript.turns]
    assert [f["key"] for f in rec.findings] == keys_of(analysis)
    first = analysis.findings[0]
    assert {k: rec.findings[0][k] for k in ("text", "label", "score", "suggestions", "sentence")} == \
        {"text": first.text, "label": first.label, "score": first.score, "suggestions": first.suggestions,
         "sentence": first.sentence}
    assert read_metadata()["created"] in rec.model_version
    assert rec.decisions == []
    again = rec.to_analysis()
    assert [(f.turn, f.start, f.end, f.label) for f in again.findings] == \
        [(f.turn, f.start, f.end, f.label) for f in analysis.findings]

    df = store.reviewed(sid)
    assert sorted(df["key"]) == sorted(keys_of(analysis)) and set(df["status"]) == {"pending"}
    assert list(zip(df["turn"], df["start"])) == sorted(zip(df["turn"], df["start"]))
    assert (df["label"] == df["model_label"]).all()
    [listed] = store.list_sessions()
    assert listed["id"] == sid and listed["n_findings"] == len(analysis.findings) and listed["n_decisions"] == 0
    store.record(sid, "ben", "accept", finding_key=keys_of(analysis)[0])
    [listed] = store.list_sessions()
    assert listed["n_decisions"] == 1 and listed["last_activity"] > listed["created"]


def test_two_tabs_interleaved_nothing_lost(db, analysis):
    tab1, tab2 = ReviewStore(db), ReviewStore(db)
    sid = tab1.save_session(analysis, title="Two tabs", reviewer="ana")
    k = keys_of(analysis)
    ids = [
        tab1.record(sid, "ana", "accept", finding_key=k[0]),
        tab2.record(sid, "ben", "dismiss", finding_key=k[0]),
        tab1.record(sid, "ana", "relabel", finding_key=k[1], label="judgment"),
        tab2.record(sid, "ben", "comment", finding_key=k[1], comment="borderline"),
        tab2.record(sid, "ben", "accept", finding_key=k[1]),
        tab1.record(sid, "ana", "dismiss", finding_key=k[0], comment="changed my mind"),
        tab2.record(sid, "ben", "comment", comment="a good session overall"),
    ]
    assert ids == sorted(ids) and len(set(ids)) == 7
    before = sqlite3.connect(db).execute("select * from review_decisions order by id").fetchall()
    assert len(before) == 7
    rec = tab2.load_session(sid)
    assert [d["id"] for d in rec.decisions] == ids
    assert [d["reviewer"] for d in rec.decisions] == ["ana", "ben", "ana", "ben", "ben", "ana", "ben"]

    ana = tab2.reviewed(sid, reviewer="ana").set_index("key")
    ben = tab1.reviewed(sid, reviewer="ben").set_index("key")
    anyone = tab1.reviewed(sid).set_index("key")
    assert ana.loc[k[0], "status"] == "dismissed" and ben.loc[k[0], "status"] == "dismissed"
    assert ana.loc[k[1], ["status", "label"]].tolist() == ["relabelled", "judgment"]
    assert ana.loc[k[1], "model_label"] == analysis.findings[1].label
    assert ben.loc[k[1], ["status", "label"]].tolist() == ["accepted", analysis.findings[1].label]
    assert anyone.loc[k[1], ["status", "reviewer"]].tolist() == ["accepted", "ben"]  # ben decided last
    assert anyone.loc[k[0], ["status", "reviewer"]].tolist() == ["dismissed", "ana"]
    assert anyone.loc[k[0], "reviewers"] == "ana, ben"
    assert anyone.loc[k[1], "comments"] == "ben: borderline" and ana.loc[k[1], "comments"] == ""
    assert ana.loc[k[0], "comments"] == "ana: changed my mind"
    assert anyone.loc[k[0], "decided_at"] > anyone.loc[k[1], "decided_at"]
    assert ana.loc[k[2], "status"] == "pending" and pd.isna(ana.loc[k[2], "decided_at"])

    tab2.record(sid, "ben", "accept", finding_key=k[0])
    after = sqlite3.connect(db).execute("select * from review_decisions order by id").fetchall()
    assert after[:7] == before and len(after) == 8  # earlier rows untouched: appended only
    assert tab1.reviewed(sid).set_index("key").loc[k[0], "status"] == "accepted"
    assert tab1.reviewed(sid, reviewer="ana").set_index("key").loc[k[0], "status"] == "dismissed"


def test_concurrent_writers_lose_nothing(db, analysis):
    sid = ReviewStore(db).save_session(analysis, title="Threads", reviewer="ana")
    k = keys_of(analysis)
    errors = []

    def tab(name: str) -> None:
        store = ReviewStore(db)
        try:
            for i in range(15):
                store.record(sid, name, ("accept", "dismiss")[i % 2], finding_key=k[i % len(k)])
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=tab, args=(n,)) for n in ("ana", "ben", "cy")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    decisions = ReviewStore(db).load_session(sid).decisions
    assert len(decisions) == 45 and {d["reviewer"] for d in decisions} == {"ana", "ben", "cy"}


def test_accept_after_relabel_restores_the_model_label(db, analysis):
    store = ReviewStore(db)
    sid = store.save_session(analysis, title="Relabel", reviewer="ana")
    k = keys_of(analysis)[0]
    other = next(lb for lb in taxonomy.LABELS if lb != analysis.findings[0].label)
    store.record(sid, "ana", "relabel", finding_key=k, label=other)
    row = store.reviewed(sid).iloc[0]
    assert (row["label"], row["kind"], row["status"]) == (other, taxonomy.kind_of(other), "relabelled")
    store.record(sid, "ana", "accept", finding_key=k)
    assert store.reviewed(sid).iloc[0][["label", "status"]].tolist() == [analysis.findings[0].label, "accepted"]


def test_add_a_missed_finding(db, analysis):
    store = ReviewStore(db)
    sid = store.save_session(analysis, title="Add", reviewer="ana")
    text = SESSION[6][1]
    phrase = "take your meds"
    start = text.index(phrase)
    with pytest.raises(CoachError, match="is not what turn 6 says"):
        store.record(sid, "ana", "add", turn=6, start=start, end=start + len(phrase), label="diagnosis",
                     text="take your pills")
    with pytest.raises(CoachError, match="outside"):
        store.record(sid, "ana", "add", turn=6, start=start, end=999, label="diagnosis", text=phrase)
    with pytest.raises(CoachError, match="not the supporter"):
        store.record(sid, "ana", "add", turn=1, start=0, end=5, label="judgment", text="Rough")
    with pytest.raises(CoachError, match="needs turn"):
        store.record(sid, "ana", "add", turn=6, start=start, end=start + len(phrase), text=phrase)
    with pytest.raises(CoachError, match="no turn"):
        store.record(sid, "ana", "add", turn=70, start=0, end=2, label="judgment", text="Hi")
    f = analysis.findings[0]
    with pytest.raises(CoachError, match="already found"):
        store.record(sid, "ana", "add", turn=f.turn, start=f.start, end=f.end, label=f.label, text=f.text)
    assert store.load_session(sid).decisions == []  # refused decisions leave no row

    import numpy as np  # values taken from a frame are numpy integers

    store.record(sid, "ana", "add", turn=np.int64(6), start=np.int64(start), end=np.int64(start + len(phrase)),
                 label="diagnosis", text=phrase, comment="missed")
    key = finding_key(6, start, start + len(phrase), "diagnosis")
    row = store.reviewed(sid).set_index("key").loc[key]
    assert row[["status", "label", "kind", "text", "speaker", "reviewer", "comments"]].tolist() == \
        ["added", "diagnosis", "concern", phrase, "Peer", "ana", "ana: missed"]
    assert pd.isna(row["score"]) and not isinstance(row["model_label"], str)
    assert row["sentence"] == text
    assert store.reviewed(sid, reviewer="ben").set_index("key").loc[key, "status"] == "pending"
    store.record(sid, "ben", "relabel", finding_key=key, label="power_over")  # added findings take decisions too
    assert store.reviewed(sid).set_index("key").loc[key, ["label", "status"]].tolist() == ["power_over", "relabelled"]


def test_bad_decisions_are_one_line_errors(db, analysis):
    store = ReviewStore(db)
    sid = store.save_session(analysis, title="Errors", reviewer="ana")
    k = keys_of(analysis)[0]
    cases = [
        ({"session_id": sid + 100, "reviewer": "ana", "action": "accept", "finding_key": k}, "no review session"),
        ({"session_id": "abc", "reviewer": "ana", "action": "accept", "finding_key": k}, "no review session"),
        ({"session_id": sid, "reviewer": "ana", "action": "approve", "finding_key": k}, "unknown review action"),
        ({"session_id": sid, "reviewer": "ana", "action": "relabel", "finding_key": k, "label": "rude"}, "unknown label"),
        ({"session_id": sid, "reviewer": "ana", "action": "relabel", "finding_key": k}, "needs the new label"),
        ({"session_id": sid, "reviewer": "ana", "action": "accept", "finding_key": "9:9:9:judgment"}, "has no finding"),
        ({"session_id": sid, "reviewer": "ana", "action": "dismiss"}, "needs the key"),
        ({"session_id": sid, "reviewer": "ana", "action": "comment", "comment": "  "}, "needs some text"),
        ({"session_id": sid, "reviewer": " ", "action": "accept", "finding_key": k}, "reviewer is required"),
    ]
    for kwargs, message in cases:
        with pytest.raises(CoachError, match=message) as err:
            store.record(**kwargs)
        assert "\n" not in str(err.value)
    for call in (lambda: store.load_session(sid + 100), lambda: store.reviewed(sid + 100)):
        with pytest.raises(CoachError, match="no review session"):
            call()
    with pytest.raises(CoachError, match="title"):
        store.save_session(analysis, title="", reviewer="ana")
    assert store.load_session(sid).decisions == []


def test_coach_db_and_default_location(tmp_path, monkeypatch, analysis):
    path = tmp_path / "env.sqlite"
    monkeypatch.setenv("COACH_DB", str(path))
    sid = ReviewStore().save_session(analysis, title="Env", reviewer="ana")
    assert path.exists() and ReviewStore(str(path)).load_session(sid).title == "Env"
    monkeypatch.setenv("COACH_DB", f"sqlite:///{tmp_path / 'url.sqlite'}")
    ReviewStore().save_session(analysis, title="Url", reviewer="ana")
    assert (tmp_path / "url.sqlite").exists()

    import platformdirs

    monkeypatch.delenv("COACH_DB")
    data_dir = tmp_path / "user-data" / "session-coach"
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda name: str(data_dir))
    store = ReviewStore()
    assert store.url == f"sqlite:///{data_dir / 'reviews.sqlite'}" and (data_dir / "reviews.sqlite").exists()


def test_unusable_databases_are_one_line_errors(tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database\n" * 200)
    for url in (str(junk), "nosuchdialect://x/y", str(tmp_path / "missing-dir" / "r.sqlite"),
                "postgresql+psycopg://coach:secret@127.0.0.1:1/coach"):
        with pytest.raises(CoachError) as err:
            ReviewStore(url)
        assert "\n" not in str(err.value) and "secret" not in str(err.value)


def _pg_binary(name: str) -> str | None:
    import glob
    import shutil

    found = shutil.which(name) or sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found if isinstance(found, str) else (found[-1] if found else None)


@pytest.fixture(scope="module")
def pg_url():
    """A throwaway PostgreSQL server on a free loopback port (``make test`` installs the server).

    ``COACH_TEST_POSTGRES_URL`` points the test at an existing server instead.
    """
    import shutil
    import socket
    import subprocess
    import tempfile

    if os.environ.get("COACH_TEST_POSTGRES_URL"):
        yield os.environ["COACH_TEST_POSTGRES_URL"]
        return
    initdb, pg_ctl = _pg_binary("initdb"), _pg_binary("pg_ctl")
    if not (initdb and pg_ctl):
        pytest.skip("PostgreSQL server binaries are not installed (make test installs the postgresql package)")
    base = tempfile.mkdtemp(prefix="coach-pg-", dir="/tmp")
    os.chmod(base, 0o755)
    prefix: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        shutil.chown(base, "postgres", "postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    data = os.path.join(base, "data")
    subprocess.run([*prefix, initdb, "-D", data, "-U", "coach", "--auth=trust", "-E", "UTF8"], check=True,
                   capture_output=True, timeout=120)
    subprocess.run([*prefix, pg_ctl, "-D", data, "-l", os.path.join(base, "log"), "-w", "-o",
                    f"-p {port} -k {base} -c listen_addresses=127.0.0.1", "start"], check=True,
                   capture_output=True, timeout=120)
    try:
        yield f"postgresql+psycopg://coach@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*prefix, pg_ctl, "-D", data, "-m", "immediate", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(base, ignore_errors=True)


def test_postgresql(analysis, pg_url):
    url = pg_url
    tab1, tab2 = ReviewStore(url), ReviewStore(url)
    sid = tab1.save_session(analysis, title="PG", reviewer="ana")
    k = keys_of(analysis)
    tab1.record(sid, "ana", "accept", finding_key=k[0])
    tab2.record(sid, "ben", "dismiss", finding_key=k[0])
    text = SESSION[6][1]
    tab2.record(sid, "ben", "add", turn=6, start=0, end=8, label="power_over", text=text[:8])
    rec = tab1.load_session(sid)
    assert [t.text for t in rec.transcript.turns] == [t for _, t in SESSION] and len(rec.decisions) == 3
    assert rec.decisions[0]["created_at"].tzinfo is not None
    df = tab1.reviewed(sid).set_index("key")
    assert df.loc[k[0], ["status", "reviewers"]].tolist() == ["dismissed", "ana, ben"]
    assert tab1.reviewed(sid, "ana").set_index("key").loc[k[0], "status"] == "accepted"
    assert df.loc[finding_key(6, 0, 8, "power_over"), "status"] == "added"
    assert any(s["id"] == sid for s in tab2.list_sessions())


# ---------------------------------------------------------------- exports

@pytest.fixture
def reviewed_session(db, analysis):
    store = ReviewStore(db)
    sid = store.save_session(analysis, title="Export", reviewer="ana")
    by_turn: dict[int, list[str]] = {}
    for f, k in zip(analysis.findings, keys_of(analysis)):
        by_turn.setdefault(f.turn, []).append(k)
    turns = sorted(by_turn)
    assert len(turns) >= 3
    accepted_turn, dismissed_turn, pending_turn = turns[0], turns[1], turns[2]
    store.record(sid, "ana", "accept", finding_key=by_turn[accepted_turn][0], comment='say "why", <b>')
    for k in by_turn[dismissed_turn]:
        store.record(sid, "ana", "dismiss", finding_key=k)
    text = SESSION[6][1]
    store.record(sid, "ana", "add", turn=6, start=0, end=8, label="power_over", text=text[:8])
    return store, sid, (accepted_turn, dismissed_turn, pending_turn)


def test_csv_and_jsonl_parse_back(reviewed_session, tmp_path):
    store, sid, _ = reviewed_session
    df = store.reviewed(sid)
    to_csv(df, tmp_path / "r.csv")
    back = pd.read_csv(tmp_path / "r.csv")
    assert list(back.columns) == list(df.columns) and len(back) == len(df)
    assert list(back["key"]) == list(df["key"]) and list(back["text"]) == list(df["text"])
    assert list(back["status"]) == list(df["status"])
    assert 'ana: say "why", <b>' in list(back["comments"])
    assert pd.to_datetime(back["decided_at"], utc=True).notna().sum() == df["decided_at"].notna().sum()

    buf = io.StringIO()
    to_jsonl(df, buf)
    rows = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert [r["key"] for r in rows] == list(df["key"]) and [r["status"] for r in rows] == list(df["status"])
    added = next(r for r in rows if r["status"] == "added")
    assert added["score"] is None and added["model_label"] is None
    pending = next(r for r in rows if r["status"] == "pending")
    assert pending["decided_at"] is None and pending["reviewer"] is None
    assert pd.Timestamp(added["decided_at"]).tzinfo is not None
    to_jsonl(df, tmp_path / "r.jsonl")
    assert (tmp_path / "r.jsonl").read_text(encoding="utf-8") == buf.getvalue() == to_jsonl(df)
    assert to_csv(df) == (tmp_path / "r.csv").read_text(encoding="utf-8")  # text for a download button


def test_corpus_rows_train_can_read(reviewed_session, tmp_path):
    store, sid, (accepted_turn, dismissed_turn, pending_turn) = reviewed_session
    rec, df = store.load_session(sid), store.reviewed(sid)
    rows = to_corpus(rec, df)
    by_id = {r["id"]: r for r in rows}
    assert set(by_id) == {f"review-{sid}-{accepted_turn}", f"review-{sid}-{dismissed_turn}", f"review-{sid}-6"}
    neg = by_id[f"review-{sid}-{dismissed_turn}"]
    assert neg["labels"] == [] and neg["spans"] == [] and neg["text"] == SESSION[dismissed_turn][1]
    added = by_id[f"review-{sid}-6"]
    assert {"label": "power_over", "start": 0, "end": 8, "text": SESSION[6][1][:8]} in added["spans"]
    for r in rows:
        assert set(r) == {"id", "text", "labels", "spans", "scenario", "setting", "register", "topic", "neg",
                          "split", "source"}
        assert r["setting"] in corpus.SETTINGS and r["register"] in corpus.REGISTERS
        assert r["topic"] in corpus.TOPICS and r["split"] == "train" and r["scenario"] == f"review-s{sid}"
        assert r["labels"] == sorted({s["label"] for s in r["spans"]}, key=corpus.LABELS.index)
        for s in r["spans"]:
            assert r["text"][s["start"]:s["end"]] == s["text"] and s["label"] in corpus.LABELS

    # pending findings: exported turns keep only confirmed spans; skip_pending drops turns still pending
    store.record(sid, "ana", "accept", finding_key=df[df["turn"] == pending_turn]["key"].iloc[0])
    df2 = store.reviewed(sid)
    with_pending = {r["id"] for r in to_corpus(rec, df2)}
    strict = {r["id"] for r in to_corpus(rec, df2, skip_pending=True)}
    assert f"review-{sid}-{pending_turn}" in with_pending
    still_pending = {int(t) for t in df2[df2["status"] == "pending"]["turn"]}
    assert strict == {i for i in with_pending if int(i.rsplit("-", 1)[1]) not in still_pending}

    path = write_corpus(rows, tmp_path / "reviewed.jsonl")
    cli._check_extra(path)  # what `coach train --extra FILE` checks first
    loaded = corpus.read_jsonl(path)
    assert loaded == rows
    from coach.model.data import sentence_units, utterance_matrix

    units = sentence_units(loaded, list(taxonomy.LABELS))  # what training feeds the model
    assert sum(map(sum, units.Y)) >= 2
    assert utterance_matrix(loaded, list(taxonomy.LABELS)).shape == (len(rows), len(taxonomy.LABELS))


def test_corpus_of_a_real_example(coach_obj, db):
    a = coach_obj.analyze(str(EXAMPLES / "roleplay_housing.txt"))
    store = ReviewStore(db)
    sid = store.save_session(a, title="Housing", reviewer="ana")
    for k in keys_of(a):
        store.record(sid, "ana", "accept", finding_key=k)
    rows = to_corpus(store.load_session(sid), store.reviewed(sid))
    assert len(rows) == len({f.turn for f in a.findings})
    assert sum(len(r["spans"]) for r in rows) == len(a.findings)


def test_docstring_examples():
    import doctest

    from coach.review import export, store

    for module in (store, export):
        result = doctest.testmod(module)
        assert result.attempted and not result.failed, module.__name__
