"""The supervisor review store: saved sessions and an append-only log of review decisions.

A supervisor saves an :class:`~coach.analysis.Analysis` as a *session*
(transcript, supporters, the model's findings and the model version); then
every reviewer's decision -- accept, dismiss, relabel, add a missed finding,
comment -- is *appended* as one row with the reviewer's name and a UTC
timestamp. Rows are never updated or deleted, so two reviewers in two browser
tabs cannot overwrite each other and the whole history is kept; the current
state (:meth:`ReviewStore.reviewed`) is computed from the log.

The database is SQLite by default (``$COACH_DB`` or a file in the user data
folder) or any SQLAlchemy URL, e.g. ``postgresql+psycopg://user@host/db``.

>>> from coach.transcript import Transcript, Turn
>>> from coach.analysis import Analysis, Finding
>>> t = Transcript([Turn("Peer", "You need to rest."), Turn("Sam", "Okay.")], source="demo.txt")
>>> f = Finding(turn=0, speaker="Peer", line=1, col=1, start=0, end=11, label="power_over", kind="concern",
...             text="You need to", sentence="You need to rest.", score=0.9, guideline="Voluntary")
>>> store = ReviewStore("sqlite://")            # in memory
>>> sid = store.save_session(Analysis(t, ["Peer"], "", [f], {}), title="Demo", reviewer="ana")
>>> _ = store.record(sid, "ana", "relabel", finding_key="0:0:11:power_over", label="judgment")
>>> _ = store.record(sid, "ben", "accept", finding_key="0:0:11:power_over")
>>> store.reviewed(sid, reviewer="ana").loc[0, ["label", "status"]].tolist()
['judgment', 'relabelled']
>>> store.reviewed(sid).loc[0, ["label", "status", "reviewers"]].tolist()
['power_over', 'accepted', 'ana, ben']
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc

from coach import taxonomy
from coach.errors import CoachError
from coach.transcript import Transcript, Turn

ACTIONS: tuple[str, ...] = ("accept", "dismiss", "relabel", "add", "comment")
STATUSES: tuple[str, ...] = ("pending", "accepted", "dismissed", "relabelled", "added")
_STATUS_OF = {"accept": "accepted", "dismiss": "dismissed", "relabel": "relabelled", "add": "added"}

REVIEWED_COLUMNS: tuple[str, ...] = (
    "key", "turn", "speaker", "start", "end", "label", "model_label", "kind", "text", "sentence", "score",
    "status", "reviewer", "decided_at", "comments", "reviewers",
)

_meta = sa.MetaData()

sessions_t = sa.Table(
    "review_sessions", _meta,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("created", sa.DateTime(timezone=True), nullable=False),
    sa.Column("created_by", sa.Text, nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("format", sa.Text, nullable=False),
    sa.Column("labelled", sa.Boolean, nullable=False),
    sa.Column("supporters", sa.JSON, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("model_version", sa.Text, nullable=False),
)

turns_t = sa.Table(
    "review_turns", _meta,
    sa.Column("session_id", sa.Integer, sa.ForeignKey("review_sessions.id"), primary_key=True),
    sa.Column("turn", sa.Integer, primary_key=True),
    sa.Column("speaker", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start_time", sa.Float),
    sa.Column("end_time", sa.Float),
    sa.Column("line", sa.Integer),
    sa.Column("col", sa.Integer),
    sa.Column("line_offsets", sa.JSON),
)

findings_t = sa.Table(
    "review_findings", _meta,
    sa.Column("session_id", sa.Integer, sa.ForeignKey("review_sessions.id"), primary_key=True),
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column("seq", sa.Integer, nullable=False),  # position in the analysis' findings
    sa.Column("turn", sa.Integer, nullable=False),
    sa.Column("speaker", sa.Text, nullable=False),
    sa.Column("line", sa.Integer),
    sa.Column("col", sa.Integer),
    sa.Column("start_char", sa.Integer, nullable=False),
    sa.Column("end_char", sa.Integer, nullable=False),
    sa.Column("label", sa.String(40), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("score", sa.Float),
    sa.Column("guideline", sa.Text, nullable=False),
    sa.Column("suggestions", sa.JSON, nullable=False),
    sa.Column("time", sa.Float),
)

decisions_t = sa.Table(
    "review_decisions", _meta,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("session_id", sa.Integer, sa.ForeignKey("review_sessions.id"), nullable=False, index=True),
    sa.Column("reviewer", sa.Text, nullable=False),
    sa.Column("action", sa.String(20), nullable=False),
    sa.Column("finding_key", sa.String(200)),
    sa.Column("label", sa.String(40)),
    sa.Column("comment", sa.Text),
    sa.Column("turn", sa.Integer),
    sa.Column("start_char", sa.Integer),
    sa.Column("end_char", sa.Integer),
    sa.Column("text", sa.Text),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)


def finding_key(turn: int, start: int, end: int, label: str) -> str:
    """The stable key of a finding within its session.

    >>> finding_key(3, 10, 21, "judgment")
    '3:10:21:judgment'
    """
    return f"{turn}:{start}:{end}:{label}"


def default_url() -> str:
    """``$COACH_DB`` (a path or an SQLAlchemy URL), else ``reviews.sqlite`` in the user data folder."""
    env = os.environ.get("COACH_DB", "").strip()
    if env:
        return env
    import platformdirs

    folder = Path(platformdirs.user_data_dir("session-coach"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CoachError(f"cannot create the review database folder {folder}: {exc.strerror}") from None
    return str(folder / "reviews.sqlite")


def as_url(url_or_path: str) -> str:
    """A plain path becomes ``sqlite:///path``; URLs pass through.

    >>> as_url("/tmp/r.sqlite")
    'sqlite:////tmp/r.sqlite'
    >>> as_url("postgresql+psycopg://u@localhost/coach")
    'postgresql+psycopg://u@localhost/coach'
    """
    if re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*://", url_or_path):
        return url_or_path
    return "sqlite:///" + str(Path(url_or_path).expanduser())


@dataclass
class SessionRecord:
    """A saved session as :meth:`ReviewStore.load_session` returns it."""

    id: int
    title: str
    created: datetime
    created_by: str
    model_version: str
    transcript: Transcript
    supporters: list[str]
    reason: str
    findings: list[dict]  # the model's findings: Finding fields plus "key"
    decisions: list[dict] = field(default_factory=list)  # every decision row, oldest first

    def to_analysis(self):
        """Rebuild an :class:`~coach.analysis.Analysis` (no per-turn scores) for reports and views."""
        from coach.analysis import Analysis, Finding

        names = set(Finding.__dataclass_fields__)
        found = [Finding(**{k: v for k, v in f.items() if k in names}) for f in self.findings]
        return Analysis(self.transcript, list(self.supporters), self.reason, found, {})


class ReviewStore:
    """Saved review sessions and their append-only decision log (see the module docstring)."""

    def __init__(self, url: str | None = None):
        self.url = as_url(url if url else default_url())
        kwargs: dict[str, Any] = {}
        try:
            parsed = sa.engine.make_url(self.url)
        except sa_exc.ArgumentError:
            raise CoachError(f"review database: not a path or database URL: {_safe(self.url)}") from None
        if parsed.get_backend_name() == "sqlite":
            kwargs["connect_args"] = {"timeout": 30, "check_same_thread": False}
            if parsed.database in (None, "", ":memory:"):
                kwargs["poolclass"] = sa.pool.StaticPool
        try:
            self.engine = sa.create_engine(parsed, **kwargs)
            with self.engine.begin() as conn:
                _meta.create_all(conn)
        except (sa_exc.SQLAlchemyError, ImportError, OSError) as exc:
            raise CoachError(f"review database {_safe(self.url)} cannot be opened: {_short(exc)}") from None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ writing

    def save_session(self, analysis, title: str, reviewer: str) -> int:
        """Store the transcript, supporters and the model's findings; return the new session id."""
        title, reviewer = _required(title, "title"), _required(reviewer, "reviewer")
        t = analysis.transcript
        now = _now()
        with self._begin() as conn:
            sid = conn.execute(sessions_t.insert().values(
                title=title, created=now, created_by=reviewer, source=str(t.source), format=str(t.format),
                labelled=bool(t.labelled), supporters=list(analysis.supporters), reason=str(analysis.reason),
                model_version=_model_version(),
            )).inserted_primary_key[0]
            turn_rows = [
                {"session_id": sid, "turn": i, "speaker": u.speaker, "text": u.text, "start_time": u.start,
                 "end_time": u.end, "line": u.line, "col": u.col,
                 "line_offsets": [list(x) for x in u.text_line_offsets]}
                for i, u in enumerate(t.turns)
            ]
            if turn_rows:
                conn.execute(turns_t.insert(), turn_rows)
            seen: dict[str, dict] = {}
            for seq, f in enumerate(analysis.findings):
                key = finding_key(f.turn, f.start, f.end, f.label)
                seen.setdefault(key, {
                    "session_id": sid, "key": key, "seq": seq, "turn": f.turn, "speaker": f.speaker, "line": f.line,
                    "col": f.col, "start_char": f.start, "end_char": f.end, "label": f.label, "kind": f.kind,
                    "text": f.text, "sentence": f.sentence, "score": float(f.score), "guideline": f.guideline,
                    "suggestions": list(f.suggestions or []), "time": f.time,
                })
            if seen:
                conn.execute(findings_t.insert(), list(seen.values()))
        return int(sid)

    def record(self, session_id: int, reviewer: str, action: str, finding_key: str | None = None,
               label: str | None = None, comment: str | None = None, turn: int | None = None,
               start: int | None = None, end: int | None = None, text: str | None = None) -> int:
        """Append one decision and return its id. Nothing is ever updated or deleted.

        ``accept``/``dismiss``/``relabel`` (with ``label``) need the ``finding_key`` of a model or added
        finding; ``add`` needs ``turn``, ``start``, ``end``, ``label`` and ``text`` equal to the
        supporter turn's ``text[start:end]``; ``comment`` needs ``comment`` and takes an optional
        ``finding_key`` (none: a comment on the session). Any action may carry a ``comment``.
        """
        reviewer, session_id = _required(reviewer, "reviewer"), _session_id(session_id)
        if action not in ACTIONS:
            raise CoachError(f"unknown review action {action!r}; known actions: {', '.join(ACTIONS)}")
        if label is not None and label not in taxonomy.LABELS:
            raise CoachError(f"unknown label {label!r}; known labels: {', '.join(taxonomy.LABELS)}")
        comment = comment.strip() if isinstance(comment, str) and comment.strip() else None
        with self._begin() as conn:
            session = conn.execute(sa.select(sessions_t.c.id, sessions_t.c.supporters)
                                   .where(sessions_t.c.id == session_id)).first()
            if session is None:
                raise CoachError(f"no review session {session_id!r}")
            if action == "add":
                if None in (turn, start, end, label, text):
                    raise CoachError("add needs turn, start, end, label and text")
                turn, start, end = _int(turn, "turn"), _int(start, "start"), _int(end, "end")
                finding_key = self._check_add(conn, session, turn, start, end, label, text)
            else:
                turn = start = end = text = None
                if action == "relabel" and label is None:
                    raise CoachError("relabel needs the new label")
                if action in ("accept", "dismiss"):
                    label = None
                if action == "comment" and comment is None:
                    raise CoachError("comment needs some text")
                if finding_key is None and action != "comment":
                    raise CoachError(f"{action} needs the key of a finding")
                if finding_key is not None and finding_key not in self._keys(conn, session_id):
                    raise CoachError(f"session {session_id} has no finding {finding_key!r}")
            result = conn.execute(decisions_t.insert().values(
                session_id=session_id, reviewer=reviewer, action=action, finding_key=finding_key, label=label,
                comment=comment, turn=turn, start_char=start, end_char=end, text=text, created_at=_now(),
            ))
            return int(result.inserted_primary_key[0])

    def _check_add(self, conn, session, turn: int, start: int, end: int, label: str, text: str) -> str:
        row = conn.execute(sa.select(turns_t.c.speaker, turns_t.c.text).where(
            turns_t.c.session_id == session.id, turns_t.c.turn == turn)).first()
        if row is None:
            raise CoachError(f"session {session.id} has no turn {turn}")
        if row.speaker not in (session.supporters or []):
            raise CoachError(f"turn {turn} is not the supporter's: only supporter turns take findings")
        if not (0 <= start < end <= len(row.text)):
            raise CoachError(f"span {start}:{end} is outside turn {turn} ({len(row.text)} characters)")
        if row.text[start:end] != text:
            raise CoachError(f"text {text!r} is not what turn {turn} says at {start}:{end} "
                             f"({row.text[start:end]!r})")
        key = finding_key(turn, start, end, label)
        model_keys = set(conn.execute(sa.select(findings_t.c.key).where(
            findings_t.c.session_id == session.id)).scalars())
        if key in model_keys:
            raise CoachError(f"the model already found {key!r}: accept it instead of adding it")
        return key

    def _keys(self, conn, session_id: int) -> set[str]:
        keys = set(conn.execute(sa.select(findings_t.c.key).where(findings_t.c.session_id == session_id)).scalars())
        keys |= set(conn.execute(sa.select(decisions_t.c.finding_key).where(
            decisions_t.c.session_id == session_id, decisions_t.c.action == "add")).scalars())
        return keys

    # ------------------------------------------------------------------ reading

    def list_sessions(self) -> list[dict]:
        """Every session, newest first: id, title, created, created_by, n_findings, n_decisions, last_activity."""
        nf = (sa.select(findings_t.c.session_id, sa.func.count().label("n"))
              .group_by(findings_t.c.session_id).subquery())
        nd = (sa.select(decisions_t.c.session_id, sa.func.count().label("n"),
                        sa.func.max(decisions_t.c.created_at).label("last"))
              .group_by(decisions_t.c.session_id).subquery())
        q = (sa.select(sessions_t.c.id, sessions_t.c.title, sessions_t.c.created, sessions_t.c.created_by,
                       nf.c.n.label("n_findings"), nd.c.n.label("n_decisions"), nd.c.last)
             .outerjoin(nf, nf.c.session_id == sessions_t.c.id)
             .outerjoin(nd, nd.c.session_id == sessions_t.c.id)
             .order_by(sessions_t.c.id.desc()))
        with self._connect() as conn:
            rows = conn.execute(q).all()
        out = []
        for r in rows:
            created = _utc(r.created)
            last = _utc(r.last) if r.last is not None else created
            out.append({"id": int(r.id), "title": r.title, "created": created, "created_by": r.created_by,
                        "n_findings": int(r.n_findings or 0), "n_decisions": int(r.n_decisions or 0),
                        "last_activity": max(created, last)})
        return out

    def load_session(self, session_id: int) -> SessionRecord:
        """The saved session: rebuilt transcript, supporters, model findings and all decisions (oldest first)."""
        session_id = _session_id(session_id)
        with self._connect() as conn:
            s = conn.execute(sa.select(sessions_t).where(sessions_t.c.id == session_id)).first()
            if s is None:
                raise CoachError(f"no review session {session_id!r}")
            turns = conn.execute(sa.select(turns_t).where(turns_t.c.session_id == session_id)
                                 .order_by(turns_t.c.turn)).all()
            finds = conn.execute(sa.select(findings_t).where(findings_t.c.session_id == session_id)
                                 .order_by(findings_t.c.seq)).all()
            decs = conn.execute(sa.select(decisions_t).where(decisions_t.c.session_id == session_id)
                                .order_by(decisions_t.c.id)).all()
        transcript = Transcript(
            [Turn(t.speaker, t.text, start=t.start_time, end=t.end_time, line=t.line,
                  col=t.col if t.col is not None else 1,
                  text_line_offsets=tuple(tuple(x) for x in (t.line_offsets or []))) for t in turns],
            source=s.source, format=s.format, labelled=bool(s.labelled))
        findings = [{"key": f.key, "turn": f.turn, "speaker": f.speaker, "line": f.line, "col": f.col,
                     "start": f.start_char, "end": f.end_char, "label": f.label, "kind": f.kind, "text": f.text,
                     "sentence": f.sentence, "score": f.score, "guideline": f.guideline,
                     "suggestions": list(f.suggestions or []), "time": f.time} for f in finds]
        decisions = [{"id": d.id, "session_id": d.session_id, "reviewer": d.reviewer, "action": d.action,
                      "finding_key": d.finding_key, "label": d.label, "comment": d.comment, "turn": d.turn,
                      "start": d.start_char, "end": d.end_char, "text": d.text, "created_at": _utc(d.created_at)}
                     for d in decs]
        return SessionRecord(id=int(s.id), title=s.title, created=_utc(s.created), created_by=s.created_by,
                             model_version=s.model_version, transcript=transcript,
                             supporters=list(s.supporters or []), reason=s.reason, findings=findings,
                             decisions=decisions)

    def reviewed(self, session_id: int, reviewer: str | None = None):
        """The current state, one row per finding (model and added); see :func:`current_state`."""
        return current_state(self.load_session(session_id), reviewer)

    # ------------------------------------------------------------------ plumbing

    def _begin(self):
        return _Guard(self, write=True)

    def _connect(self):
        return _Guard(self, write=False)


class _Guard:
    """A connection (or transaction) whose database errors become one-line :class:`CoachError`s."""

    def __init__(self, store: ReviewStore, write: bool):
        self.store, self.write, self.ctx = store, write, None

    def __enter__(self):
        try:
            self.ctx = self.store.engine.begin() if self.write else self.store.engine.connect()
            return self.ctx.__enter__()
        except sa_exc.SQLAlchemyError as exc:
            raise CoachError(f"review database {_safe(self.store.url)}: {_short(exc)}") from None

    def __exit__(self, et, ev, tb):
        try:
            self.ctx.__exit__(et, ev, tb)
        except sa_exc.SQLAlchemyError as exc:
            raise CoachError(f"review database {_safe(self.store.url)}: {_short(exc)}") from None
        if isinstance(ev, sa_exc.SQLAlchemyError):
            raise CoachError(f"review database {_safe(self.store.url)}: {_short(ev)}") from None
        return False


def current_state(record: SessionRecord, reviewer: str | None = None):
    """One row per finding (model and added ones, in transcript order) with its state after the decisions.

    The state comes from the latest accept/dismiss/relabel/add decision -- of ``reviewer`` when given,
    else of anyone (latest = highest id, i.e. the order the database received them). ``accept``
    means the original label is right; ``relabel`` keeps the span with another label. Findings that
    someone added appear in every view (pending for a reviewer who has not decided on them).
    ``comments`` joins the in-scope comments as ``"name: text"``; ``reviewers`` lists everyone who
    recorded anything on the finding, whatever ``reviewer`` is.
    """
    import pandas as pd

    turns = record.transcript.turns
    base: dict[str, dict] = {}
    for f in record.findings:
        base[f["key"]] = {"key": f["key"], "turn": f["turn"], "speaker": f["speaker"], "start": f["start"],
                          "end": f["end"], "label": f["label"], "model_label": f["label"], "kind": f["kind"],
                          "text": f["text"], "sentence": f["sentence"], "score": f["score"]}
    for d in record.decisions:
        if d["action"] == "add" and d["finding_key"] not in base:
            turn_text = turns[d["turn"]].text
            base[d["finding_key"]] = {
                "key": d["finding_key"], "turn": d["turn"], "speaker": turns[d["turn"]].speaker,
                "start": d["start"], "end": d["end"], "label": d["label"], "model_label": None,
                "kind": taxonomy.kind_of(d["label"]), "text": d["text"],
                "sentence": sentence_around(turn_text, d["start"], d["end"]), "score": None}
    by_key: dict[str, list[dict]] = {}
    for d in record.decisions:
        by_key.setdefault(d["finding_key"], []).append(d)
    rows = []
    for key, row in base.items():
        on_it = by_key.get(key, [])
        scoped = [d for d in on_it if reviewer is None or d["reviewer"] == reviewer]
        deciding = [d for d in scoped if d["action"] in _STATUS_OF]
        row = dict(row)
        original = row["model_label"] or row["label"]
        if deciding:
            last = deciding[-1]
            row["status"] = _STATUS_OF[last["action"]]
            row["label"] = last["label"] if last["action"] in ("relabel", "add") else original
            row["reviewer"], row["decided_at"] = last["reviewer"], last["created_at"]
        else:
            row["status"], row["label"], row["reviewer"], row["decided_at"] = "pending", original, None, None
        row["kind"] = taxonomy.kind_of(row["label"])
        row["comments"] = " | ".join(f"{d['reviewer']}: {d['comment']}" for d in scoped if d["comment"])
        row["reviewers"] = ", ".join(sorted({d["reviewer"] for d in on_it}))
        rows.append(row)
    rows.sort(key=lambda r: (r["turn"], r["start"], r["end"]))  # stable: the model's order, then additions
    df = pd.DataFrame(rows, columns=list(REVIEWED_COLUMNS))
    df["decided_at"] = pd.to_datetime(df["decided_at"], utc=True)
    df["score"] = df["score"].astype(float)
    for col in ("turn", "start", "end"):
        df[col] = df[col].astype(int)
    return df


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) of ``text`` that hold ``text[start:end]``.

    >>> sentence_around("Hi there. You must go now! Okay?", 10, 18)
    'You must go now!'
    """
    bounds = [m.end() for m in re.finditer(r"[.!?]+[\"')\]]*\s+", text)]
    s0 = max([b for b in bounds if b <= start], default=0)
    s1 = min([b for b in bounds if b >= end], default=len(text))
    return text[s0:s1].strip()


def _model_version() -> str:
    from coach.errors import ModelError
    from coach.model.io import read_metadata

    try:
        meta = read_metadata()
    except ModelError:
        return "unknown"
    sha = str((meta.get("corpus") or {}).get("sha256") or "")[:12]
    parts = [str(meta.get("name", "session-coach")), str(meta.get("created", "?"))]
    return " ".join(parts) + (f" corpus:{sha}" if sha else "")


def _int(value, what: str) -> int:
    try:
        if isinstance(value, bool) or int(value) != value:
            raise ValueError
        return int(value)
    except (TypeError, ValueError):
        raise CoachError(f"{what} must be a whole number, not {value!r}") from None


def _session_id(value) -> int:
    try:
        return _int(value, "session id")
    except CoachError:
        raise CoachError(f"no review session {value!r}") from None


def _required(value: str, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CoachError(f"a {what} is required")
    return value.strip()


def _now() -> datetime:
    return datetime.now(UTC)


def _utc(value: datetime | str | None) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _safe(url: str) -> str:
    """The URL with any password hidden."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except sa_exc.ArgumentError:
        return url


def _short(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip().splitlines()
    return text[0] if text else exc.__class__.__name__


__all__ = ["ACTIONS", "REVIEWED_COLUMNS", "STATUSES", "ReviewStore", "SessionRecord", "as_url", "current_state",
           "default_url", "finding_key", "sentence_around"]
