"""The ``session_coach`` spaCy component.

Registered with ``@Language.factory`` and exposed through the
``spacy_factories`` entry point, so after ``pip install`` any pipeline can
use it::

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("sentencizer")
    >>> _ = nlp.add_pipe("session_coach")
    >>> doc = nlp("You need to stop drinking this weekend.")
    >>> [(s.label_, s.text) for s in doc.spans["coach"]]
    [('power_over', 'You need to')]
    >>> doc.cats["power_over"] > 0.5
    True

Each span in ``doc.spans["coach"]`` carries ``span._.coach_score``,
``span._.coach_kind`` ("concern" or "strength"), ``span._.coach_guideline``
and ``span._.coach_suggestions`` (a list of dicts: text, why, source).
``doc.cats`` holds, for every label, the highest sentence probability.

:meth:`SessionCoach.pipe` scores a whole batch of documents with one call
to the scikit-learn model, never one call per sentence.
"""

from __future__ import annotations

from typing import Iterable, Iterator

import numpy as np
from spacy.attrs import IDX, LENGTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from coach.model import forms, rules
from coach.model.features import SpanText

SPANS_KEY = "coach"


def doc_text(doc: Doc, orths: list[int] | None = None) -> str:
    """``doc.text``, joined from the token strings and whitespace flags instead of one Token object per token.

    >>> import spacy
    >>> doc_text(spacy.blank("en")("Hi  there, you. "))
    'Hi  there, you. '
    """
    strings = doc.vocab.strings
    if orths is None:
        orths = doc.to_array("ORTH").tolist()
    spaces = doc.to_array(SPACY).tolist()
    return "".join([strings[o] + " " if w else strings[o] for o, w in zip(orths, spaces)])



def _span_extension(name: str, default):
    """Getter and setter keyed by the span's label as well as its offsets.

    spaCy keys a span's extension values by its character offsets only, so the same phrase flagged for
    two labels ("pull yourself together": power over and judgment) would share one score, guideline and
    set of suggestions. These keep one value per (offsets, label).
    """
    def key(span):
        return ("coach._.", name, span.start_char, span.end_char, span.label)

    def getter(span):
        return span.doc.user_data.get(key(span), default)

    def setter(span, value):
        span.doc.user_data[key(span)] = value

    return getter, setter


for _name, _default in (("coach_score", 0.0), ("coach_kind", ""), ("coach_guideline", ""),
                        ("coach_suggestions", None)):
    _get, _set = _span_extension(_name, _default)
    Span.set_extension(_name, getter=_get, setter=_set, force=True)
if not Doc.has_extension("coach_sentence_scores"):
    Doc.set_extension("coach_sentence_scores", default=None)


@Language.factory(
    "session_coach",
    assigns=["doc.spans", "doc.cats", "span._.coach_score", "span._.coach_kind", "span._.coach_guideline",
             "span._.coach_suggestions", "doc._.coach_sentence_scores"],
    default_config={"model_path": None, "spans_key": SPANS_KEY, "suggest": True, "max_suggestions": 3,
                    "batch_size": 256, "suggest_for": "all"},
)
def make_session_coach(nlp: Language, name: str, model_path: str | None, spans_key: str, suggest: bool,
                       max_suggestions: int, batch_size: int, suggest_for: str) -> "SessionCoach":
    return SessionCoach(nlp, name, model_path=model_path, spans_key=spans_key, suggest=suggest,
                        max_suggestions=max_suggestions, batch_size=batch_size, suggest_for=suggest_for)


class SessionCoach:
    """Score sentences, find evidence spans, attach guideline and suggestions."""

    def __init__(self, nlp: Language, name: str = "session_coach", *, model_path: str | None = None,
                 spans_key: str = SPANS_KEY, suggest: bool = True, max_suggestions: int = 3,
                 batch_size: int = 256, model=None, suggest_for: str = "all"):
        from coach.model import io

        if suggest_for not in ("all", "top_concern"):
            raise ValueError(f"suggest_for must be 'all' or 'top_concern', not {suggest_for!r}")
        self.name = name
        self.suggest_for = suggest_for
        self.spans_key = spans_key
        self.suggest = suggest
        self.max_suggestions = max_suggestions
        self.batch_size = batch_size
        self.model = model if model is not None else io.load(model_path)
        self.labels = list(self.model.labels_)
        self._sentencizer = None

    def __call__(self, doc: Doc) -> Doc:
        return self._process([doc])[0]

    def pipe(self, stream: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        for batch in minibatch(stream, size=batch_size or self.batch_size):
            yield from self._process(list(batch))

    def _sentences(self, doc: Doc) -> tuple[list[SpanText], str]:
        """The doc's non-blank sentences, as texts that carry their spans, and the doc's text."""
        if not doc.has_annotation("SENT_START"):
            if self._sentencizer is None:
                from spacy.pipeline import Sentencizer

                self._sentencizer = Sentencizer()
            doc = self._sentencizer(doc)
        n = len(doc)
        if not n:
            return [], doc.text
        # boundaries from arrays: iterating doc.sents builds a Token object per token
        starts_at, idx, length = doc.to_array([SENT_START, IDX, LENGTH]).astype(np.int64).T.tolist()
        starts = [0, *(i for i in range(1, n) if starts_at[i] == 1)]
        orths = doc.to_array("ORTH").tolist()
        text = doc_text(doc, orths)
        out = []
        for s, e in zip(starts, [*starts[1:], n]):
            piece = text[idx[s]:idx[e - 1] + length[e - 1]]
            if piece.strip():
                out.append(SpanText(piece, Span(doc, s, e), orths[s:e]))
        return out, text

    @staticmethod
    def _top_concern_requests(requests: list) -> list:
        """Only each document's highest-scoring concern span, the one whose best alternative batch output keeps
        (:func:`coach.batch.columns.best_suggestion` picks it the same way: text order, rounded score, first of
        equals). Spans left out get no suggestions; strengths get no affirmation."""
        by_doc: dict[int, list] = {}
        for req in requests:
            if req[0]._.coach_kind == "concern":
                by_doc.setdefault(id(req[0].doc), []).append(req)
        top = []
        for reqs in by_doc.values():
            reqs.sort(key=lambda r: (r[0].start_char, r[0].end_char))
            top.append(max(reqs, key=lambda r: round(float(r[0]._.coach_score), 4)))
        chosen = {id(r[0]) for r in top}
        for span, *_ in requests:
            if id(span) not in chosen:
                span._.coach_suggestions = []
        return top

    def _process(self, docs: list[Doc]) -> list[Doc]:
        from coach import taxonomy
        from coach.suggest import suggest_many

        items: list[SpanText] = []
        owner: list[int] = []
        doc_texts: list[str] = []  # each doc's text, joined once (Doc.text builds a Token object per token)
        for d, doc in enumerate(docs):
            sentences, text = self._sentences(doc)
            doc_texts.append(text)
            for item in sentences:
                items.append(item)
                owner.append(d)
        sents: list[Span] = [t.span for t in items]
        texts: list[str] = items
        # one model call for the whole batch; best[k, j] is the window of sentence k that scored label j highest.
        # The sentences carry their spans, so the cue features read these tokens instead of re-tokenising.
        proba, best = self.model.predict_proba_windows(items)
        # the codebook's decision rules: phatic turns, honest limits, quoted words (coach.model.rules)
        rules.apply(self.model.predict_proba, proba, items, [s.start_char for s in sents], doc_texts, owner,
                    self.labels)
        flags = self.model.flags(proba) if len(texts) else proba.astype(bool)

        hits = [(k, j) for k in range(len(sents)) for j in range(len(self.labels)) if flags[k, j]]
        span_lists = self.model.all_spans([texts[k] for k, _ in hits], [self.labels[j] for _, j in hits],
                                          [tuple(best[k, j]) for k, j in hits])
        # a score a codebook form raised shows the form's own words as its evidence
        span_lists = [forms.evidence(texts[k], self.labels[j]) or spans for (k, j), spans in zip(hits, span_lists)]
        found: list[list[Span]] = [[] for _ in docs]
        requests = []
        for (k, j), (s, e) in ((hit, se) for hit, spans in zip(hits, span_lists) for se in spans):
            sent, label = sents[k], self.labels[j]
            doc = docs[owner[k]]
            span = doc.char_span(sent.start_char + s, sent.start_char + e, label=label, alignment_mode="expand")
            if span is None or not span.text.strip():
                span = Span(doc, sent.start, sent.end, label=label)
            info = taxonomy.get(label)
            span._.coach_score = float(proba[k, j])
            span._.coach_kind = info.kind
            span._.coach_guideline = info.guideline
            found[owner[k]].append(span)
            # the whole sentence is rewritten around the phrase, so a long turn keeps what it said elsewhere
            requests.append((span, sent, sent.start_char, sent.end_char, owner[k]))
        # every concern span of each sentence, so a rewrite never keeps another concern as context
        concern_spans: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
        for span, sent, *_ in requests:
            if span._.coach_kind == "concern":
                concern_spans.setdefault((id(sent.doc), sent.start), []).append(
                    (span.start_char, span.end_char, span.label_))
        if self.suggest_for == "top_concern":
            requests = self._top_concern_requests(requests)
        if self.suggest and requests:
            lists = suggest_many(
                [(doc_texts[d][a:b], span.label_, span.start_char - a, span.end_char - a,
                  [(s - a, e - a, lab) for s, e, lab in concern_spans.get((id(sent.doc), sent.start), [])
                   if s >= a and e <= b])
                 for span, sent, a, b, d in requests],
                model=self.model, limit=self.max_suggestions,
            )
            for (span, *_), sugg in zip(requests, lists):
                span._.coach_suggestions = [s.as_dict() for s in sugg]
        else:
            for span, *_ in requests:
                span._.coach_suggestions = []

        rows_of: list[list[int]] = [[] for _ in docs]
        for k, d in enumerate(owner):
            rows_of[d].append(k)
        for d, doc in enumerate(docs):
            rows = rows_of[d]
            doc.cats = {label: (float(proba[rows, j].max()) if rows else 0.0) for j, label in enumerate(self.labels)}
            doc._.coach_sentence_scores = [
                {label: float(proba[k, j]) for j, label in enumerate(self.labels)} for k in rows
            ]
            doc.spans[self.spans_key] = sorted(found[d], key=lambda s: (s.start_char, s.end_char))
        return docs
