"""Supervisor review: the append-only review store and its exports.

Typical use, from the app or a notebook::

    from coach.review import ReviewStore, to_corpus, write_corpus
    store = ReviewStore()                      # $COACH_DB, else reviews.sqlite in the user data folder
    sid = store.save_session(analysis, title="Week 3 role-play", reviewer="ana")
    store.record(sid, "ana", "dismiss", finding_key="2:37:41:person_driven")
    df = store.reviewed(sid)                   # one row per finding: its current state
    write_corpus(to_corpus(store.load_session(sid), df), "reviewed.jsonl")

``coach train --extra reviewed.jsonl`` then learns from the reviewed findings.
"""

from coach.review.export import to_corpus, to_csv, to_jsonl, write_corpus
from coach.review.store import (
                                ACTIONS,
                                REVIEWED_COLUMNS,
                                STATUSES,
                                ReviewStore,
                                SessionRecord,
                                current_state,
                                finding_key,
)

__all__ = ["ACTIONS", "REVIEWED_COLUMNS", "STATUSES", "ReviewStore", "SessionRecord", "current_state",
           "finding_key", "to_corpus", "to_csv", "to_jsonl", "write_corpus"]
