"""Sentence features: word, character and word-shape n-grams plus token cues.

Everything here is a scikit-learn transformer owned by one ``Pipeline``
(see :mod:`coach.model.train`), so training and inference compute exactly
the same features. Nothing is fitted at import time.

The cue features read spaCy tokens (``spacy.blank("en")`` tokenizer: no
download needed) and count things a trainer would notice: second-person
obligation ("you need to"), sentence-initial imperatives, orders posed as
questions, promise and guarantee words, diagnostic and medication
vocabulary, stigmatising words, hedges, negation, reported speech,
permission and choice language.

>>> CueFeatures().fit_transform(["You need to call her tonight."]).shape[1] == len(CUE_NAMES)
True
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from spacy.tokens import Span

from coach.model import lexicon as L

_WORD_RE = re.compile(r"[a-z0-9]+(?:['\u2019][a-z]+)?|[?!]")
_FILLER_RE = re.compile(r"\b(um+|uh+|erm|er|hmm+|mm+|ah+|like|you know|i mean|sort of|kind of)\b[,]?\s*")


def normalise(text: str) -> str:
    """Lowercase, straighten quotes, drop fillers: the view that n-grams see.

    >>> normalise("Um, you know, you NEED to call her\u2019s mum")
    "you need to call her's mum"
    """
    # cached on a plain str: a SpanText key would keep its whole Doc alive in the cache
    return _normalise(str(text))


@lru_cache(maxsize=8192)  # the word and the character n-grams both ask for the same texts
def _normalise(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = _FILLER_RE.sub("", text)
    return " ".join(text.split())


class SpanText(str):
    """A sentence's text that remembers the spaCy ``Span`` it was cut from.

    It is a ``str`` everywhere (n-gram features, caches), and the cue features read ``.span``'s tokens
    instead of tokenising the text again. Slicing the Doc's text once per document is much cheaper than
    ``Span.text``, which joins the span's tokens on every call.

    >>> import spacy
    >>> doc = spacy.blank("en")("You need to go.")
    >>> t = SpanText.of(doc[0:4], doc.text)
    >>> t, t.span.end
    ('You need to go', 4)
    """

    span: Span
    orths: list[int] | None  # the span's token ORTH ids, when the caller read them for the whole Doc at once

    def __new__(cls, text: str, span: Span, orths: list[int] | None = None):
        obj = super().__new__(cls, text)
        obj.span = span
        obj.orths = orths
        return obj

    @classmethod
    def of(cls, span: Span, doc_text: str | None = None, doc_orths: list[int] | None = None) -> "SpanText":
        text = span.text if doc_text is None else doc_text[span.start_char:span.end_char]
        return cls(text, span, None if doc_orths is None else doc_orths[span.start:span.end])


def as_text(item) -> str:
    """Pipeline items are strings (a :class:`SpanText` among them) or spaCy ``Span``/``Doc`` objects."""
    return item if isinstance(item, str) else item.text


def word_tokens(text: str) -> list[str]:
    """Analyzer for the word n-gram vectorizer (module-level so skops can persist it by name).

    >>> word_tokens("Why don't you just quit?")
    ['why', "don't", 'you', 'just', 'quit', '?']
    """
    return list(_word_tokens(normalise(text)))


@lru_cache(maxsize=8192)  # the word and the shape n-grams both ask for the same texts
def _word_tokens(normalised: str) -> tuple[str, ...]:
    return tuple(_WORD_RE.findall(normalised))


def word_ngrams(text: str) -> list[str]:
    """Unigrams to trigrams over :func:`word_tokens`, with sentence-start and -end markers."""
    toks = ["<s>", *word_tokens(as_text(text)), "</s>"]
    grams = toks[1:-1].copy()
    for n in (2, 3):
        grams += [" ".join(toks[i:i + n]) for i in range(len(toks) - n + 1)]
    return grams


def char_text(text: str) -> str:
    """Preprocessor for the character n-gram vectorizer."""
    return normalise(as_text(text))


@lru_cache(maxsize=1)
def _tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def cue_tokens(text) -> list[str]:
    """Lowercased spaCy tokens without punctuation other than ? and !, contractions rejoined.

    ``text`` is a string (tokenised here with ``spacy.blank("en")``'s tokenizer), or a :class:`SpanText` or
    spaCy ``Span``/``Doc`` whose tokens are used as they are, so the component never tokenises a sentence twice.

    >>> cue_tokens("You can't leave, OK?")
    ['you', "can't", 'leave', 'ok', '?']
    """
    if isinstance(text, SpanText):
        span = text.span
        orths = text.orths if text.orths is not None else [t.orth for t in span]
        vocab = span.doc.vocab
    elif isinstance(text, str):
        doc = _tokenizer()(text.replace("\u2019", "'"))
        orths, vocab = doc.to_array("ORTH").tolist(), doc.vocab
    else:  # a spaCy Span or Doc
        orths, vocab = [t.orth for t in text], text.vocab
    return _cue_tokens_of_orths(orths, vocab)


@lru_cache(maxsize=65536)
def is_base_verb(word: str) -> bool:
    """Is ``word`` the base form of an English verb (lemminflect's lexicon, shipped in its wheel)?

    Imperatives start with one ("Visit her this weekend", "Wear long sleeves"), and a closed list of
    imperative verbs misses most of them. Auxiliaries and pronouns are not verbs here.

    >>> is_base_verb("visit"), is_base_verb("wear"), is_base_verb("visited"), is_base_verb("morning")
    (True, True, False, False)
    """
    if not word.isalpha() or word in _NOT_IMPERATIVE:
        return False
    from lemminflect import getAllLemmas

    return word in getAllLemmas(word).get("VERB", ())


_NOT_IMPERATIVE = frozenset(
    "be am is are was were do does did can could will would shall should may might must have has had "
    "okay ok hey yeah yes no so well like thank thanks sorry please".split()
)

_ORTH_INFO: dict[int, tuple[str, bool]] = {}  # ORTH id -> (lowercased text, dropped), from the lexeme


def _cue_tokens_of_orths(orths: list[int], vocab) -> list[str]:
    """:func:`cue_tokens` from token ORTH ids: the attributes it reads (lowercase form, is_space, is_punct)
    are the lexeme's, so each distinct word is looked up once per process instead of once per token.
    Contractions are rejoined to the word before them ("can" + "n't")."""
    out: list[str] = []
    info = _ORTH_INFO
    for o in orths:
        got = info.get(o)
        if got is None:
            lex = vocab[o]
            low = lex.lower_.replace("\u2019", "'")
            got = info[o] = (low, bool(lex.is_space or (lex.is_punct and low not in {"?", "!"})))
            if len(info) > 500_000:
                info.clear()
        low, dropped = got
        if dropped:
            continue
        if out and low.startswith("'") and low in {"'s", "'re", "'ll", "'ve", "'d", "'m"}:
            out[-1] += low
        elif out and low in {"n't"}:
            out[-1] += low
        else:
            out.append(low)
    return out


CUE_NAMES: tuple[str, ...] = (
    "you_obligation",  # you need to / you have to / you should / you gotta / you must / you better
    "i_want_you",  # I want you to / I need you to / I'd like you to
    "initial_imperative",  # Call her tonight. / Just stop.
    "order_question",  # why don't you / why not just / can you not / how about you just
    "make_sure",
    "rule_talk",  # rule, allowed, not allowed, policy, mandatory
    "conditional_threat",  # if you ... I'll / or else / unless you
    "promise_word",
    "guarantee_future",  # you'll definitely / it will be fine / everything is going to
    "always_never",
    "secrecy",
    "availability",  # anytime, day or night, 24/7, whenever
    "diagnosis_word",
    "sounds_like_condition",  # sounds like / classic / textbook / that's your X talking
    "medication_word",
    "med_check",  # did you take / are you taking / have you taken
    "judgment_word",
    "what_were_you",
    "just_minimise",  # just / only / not that big a deal / get over it
    "hedge",
    "negation",
    "reported_speech",  # your doctor said / she told you
    "authority",
    "permission",  # would it be okay / can I share / do you mind if
    "open_question",  # what/how + you/your ... ?
    "choice_word",
    "your_call",  # your call / up to you / your choice / you decide
    "strength_word",
    "self_disclosure",  # when I / for me / I was / my own
    "question_mark",
    "exclamation",
    "second_person",
    "first_person",
    "n_tokens_log",
    "initial_base_verb",  # the first word after fillers is a verb's base form (any verb in the lexicon)
)
_CUE_INDEX = {name: i for i, name in enumerate(CUE_NAMES)}

_OBLIG_AFTER_YOU = {
    "need", "needs", "have", "has", "gotta", "got", "must", "should", "better", "ought", "'d", "shouldn't",
    "mustn't", "can't", "cannot", "won't", "will", "are", "'re",
}


_YOU_FORMS = frozenset({"you", "ya", "u", "y'all"})
_OBLIG_NEXT = frozenset({"need", "needs", "have", "gotta", "must", "should", "ought", "better"})
_OBLIG_BRIDGE = frozenset({"'d", "had", "got", "'ve", "really", "just", "definitely", "seriously"})
_OBLIG_THEN = frozenset({"better", "to", "got", "gotta", "need", "have", "should", "must"})
_NEIGHBOUR_CUES = _YOU_FORMS | {"you'd", "you'd've", "i", "we", "make"}  # cues that look at the next tokens
_TOKEN_CUES: dict[str, tuple[int, ...]] = {}


def _token_cues(t: str) -> tuple[int, ...]:
    """Indices of the cues that token ``t`` adds by itself (lexicon membership), cached per token."""
    got = _TOKEN_CUES.get(t)
    if got is None:
        got = tuple(_CUE_INDEX[name] for name, hit in (
            ("medication_word", t in L.MEDICATION), ("diagnosis_word", t in L.DIAGNOSIS),
            ("judgment_word", t in L.JUDGMENT), ("hedge", t in L.HEDGES),
            ("negation", t in L.NEGATION or t.endswith("n't")), ("authority", t in L.AUTHORITIES),
            ("choice_word", t in L.CHOICE), ("strength_word", t in L.STRENGTH),
            ("promise_word", t in {"promise", "promised", "guarantee", "guaranteed", "swear", "swore"}),
            ("always_never", t in {"always", "never", "forever", "ever"}),
            ("second_person", t in L.SECOND_PERSON), ("first_person", t in L.FIRST_PERSON),
        ) if hit)
        if len(_TOKEN_CUES) > 200_000:
            _TOKEN_CUES.clear()
        _TOKEN_CUES[t] = got
    return got


_PHRASE_LIST: tuple[tuple[str, str], ...] = (  # (phrase, cue)
        (" why don't you ", "order_question"), (" why dont you ", "order_question"), (" why not just ", "order_question"),
        (" why can't you ", "order_question"), (" can you not ", "order_question"), (" how about you just ", "order_question"),
        (" can't you just ", "order_question"), (" why would you ", "what_were_you"), (" what were you ", "what_were_you"),
        (" what was that ", "what_were_you"), (" how could you ", "what_were_you"), (" rule ", "rule_talk"), (" rules ", "rule_talk"),
        (" not allowed ", "rule_talk"), (" policy ", "rule_talk"), (" mandatory ", "rule_talk"), (" required ", "rule_talk"),
        (" if you don't ", "conditional_threat"), (" if you dont ", "conditional_threat"), (" or else ", "conditional_threat"),
        (" unless you ", "conditional_threat"), (" one more time ", "conditional_threat"), (" last chance ", "conditional_threat"),
        (" will be fine ", "guarantee_future"), (" gonna be fine ", "guarantee_future"), (" going to be fine ", "guarantee_future"),
        (" gonna be okay ", "guarantee_future"), (" going to be okay ", "guarantee_future"), (" will be okay ", "guarantee_future"),
        (" you'll definitely ", "guarantee_future"), (" you will definitely ", "guarantee_future"), (" for sure ", "guarantee_future"),
        (" work out ", "guarantee_future"), (" i'll make sure ", "guarantee_future"), (" trust me ", "guarantee_future"),
        (" between us ", "secrecy"), (" between you and me ", "secrecy"), (" nobody will ", "secrecy"), (" no one will ", "secrecy"),
        (" stays here ", "secrecy"), (" leave this room ", "secrecy"), (" won't tell ", "secrecy"), (" secret ", "secrecy"),
        (" not gonna tell anyone ", "secrecy"), (" not going to tell anyone ", "secrecy"), (" never tell anyone ", "secrecy"),
        (" not gonna tell anybody ", "secrecy"), (" not telling anyone ", "secrecy"), (" will ever know ", "secrecy"),
        (" never find out ", "secrecy"), (" never leaves ", "secrecy"), (" stays with me ", "secrecy"),
        (" stay between ", "secrecy"), (" stays between ", "secrecy"), (" nobody has to know ", "secrecy"),
        (" anytime ", "availability"), (" any time ", "availability"), (" day or night ", "availability"), (" 24/7 ", "availability"),
        (" whenever ", "availability"), (" always be there ", "availability"), (" always pick up ", "availability"),
        (" sounds like ", "sounds_like_condition"), (" classic ", "sounds_like_condition"), (" textbook ", "sounds_like_condition"),
        (" talking ", "sounds_like_condition"), (" symptom ", "sounds_like_condition"), (" symptoms ", "sounds_like_condition"),
        (" did you take ", "med_check"), (" have you taken ", "med_check"), (" are you taking ", "med_check"),
        (" are you still on ", "med_check"), (" you take your ", "med_check"), (" taking your ", "med_check"),
        (" just ", "just_minimise"), (" big deal ", "just_minimise"), (" get over ", "just_minimise"),
        (" overreacting ", "just_minimise"), (" not that bad ", "just_minimise"),
        (" would it be ", "permission"), (" would you mind ", "permission"), (" can i share ", "permission"),
        (" could i share ", "permission"), (" do you mind if ", "permission"), (" is it okay if ", "permission"),
        (" is it ok if ", "permission"), (" would it help ", "permission"), (" mind if i ", "permission"),
        (" would you like ", "open_question"), (" what would you ", "open_question"), (" how do you ", "open_question"),
        (" what do you ", "open_question"), (" how would you ", "open_question"), (" what matters ", "open_question"),
        (" what has helped ", "open_question"), (" what's helped ", "open_question"), (" how are you ", "open_question"),
        (" your call ", "your_call"), (" up to you ", "your_call"), (" your choice ", "your_call"),
        (" your decision ", "your_call"), (" you decide ", "your_call"), (" you get to ", "your_call"),
        (" when i ", "self_disclosure"), (" for me ", "self_disclosure"), (" i was ", "self_disclosure"),
        (" my own ", "self_disclosure"), (" i had ", "self_disclosure"), (" i've been ", "self_disclosure"),
    )
_PHRASES: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _pat, _name in _PHRASE_LIST:
    _seq = tuple(_pat.split())
    _PHRASES.setdefault(_seq[0], []).append((_seq, _name))


def cue_vector(tokens: list[str]) -> np.ndarray:
    """The cue counts for one token list (see :data:`CUE_NAMES`)."""
    counts = [0.0] * len(CUE_NAMES)
    n = len(tokens)
    if n == 0:
        return np.zeros(len(CUE_NAMES), dtype=np.float32)
    s = set(tokens)

    def add(name: str, amount: float = 1.0) -> None:
        counts[_CUE_INDEX[name]] += amount

    reporting = L.REPORTING
    for i, t in enumerate(tokens):
        for k in _token_cues(t):
            counts[k] += 1.0
        if i > 0 and t in reporting:
            counts[_CUE_INDEX["reported_speech"]] += 1.0
        if t not in _NEIGHBOUR_CUES and not (t.startswith("you'") or t.startswith("u'")):
            continue
        nxt = tokens[i + 1] if i + 1 < n else ""
        nxt2 = tokens[i + 2] if i + 2 < n else ""
        if t in _YOU_FORMS or t.startswith("you'") or t.startswith("u'"):
            if nxt in _OBLIG_NEXT or (nxt in _OBLIG_BRIDGE and nxt2 in _OBLIG_THEN):
                add("you_obligation")
            if t in {"you'd", "you'd've"} and nxt == "better":
                add("you_obligation")
        if t in {"i", "we"} and nxt in {"want", "need", "'d", "expect", "would"} and "you" in tokens[i + 2:i + 5]:
            add("i_want_you")
        if t == "make" and nxt == "sure":
            add("make_sure")
    v = counts  # the pattern and whole-sentence cues below add to the same list
    # sentence-initial imperative, after fillers and discourse markers
    j = 0
    while j < n and tokens[j] in L.FILLERS:
        j += 1
    if j < n and tokens[j] in L.IMPERATIVE_VERBS and (j + 1 >= n or tokens[j + 1] not in {"you", "i", "we", "?"}):
        add("initial_imperative")
    if tokens[j:j + 2] == ["please", tokens[j + 1] if j + 1 < n else ""] and j + 1 < n and tokens[j + 1] in L.IMPERATIVE_VERBS:
        add("initial_imperative")
    k = j + 1 if j < n and tokens[j] == "please" else j
    if k < n and is_base_verb(tokens[k]) and (k + 1 >= n or tokens[k + 1] not in {"you", "i", "we", "?", "u"}):
        add("initial_base_verb")
    present = set()  # phrase cues (token sequences, looked up by their first token): each counts once
    for k in range(n):
        for seq, name in _PHRASES.get(tokens[k], ()):
            if tuple(tokens[k:k + len(seq)]) == seq:
                present.add((seq, name))
    for _, name in present:
        counts[_CUE_INDEX[name]] += 1.0
    if "?" in s:
        add("question_mark")
    if "!" in s:
        add("exclamation")
    v[_CUE_INDEX["n_tokens_log"]] = float(np.log1p(n))
    return np.asarray(v, dtype=np.float32)


class CueFeatures(BaseEstimator, TransformerMixin):
    """Transformer: texts -> sparse matrix of :data:`CUE_NAMES` counts (scaled by ``1 + log``).

    Stateless apart from the feature names, so ``fit`` only records them.
    """

    def fit(self, X, y=None):
        self.n_features_out_ = len(CUE_NAMES)
        return self

    def transform(self, X):
        rows = [cue_vector(cue_tokens(text)) for text in X]
        m = np.vstack(rows) if rows else np.zeros((0, len(CUE_NAMES)), dtype=np.float32)
        m = np.log1p(m)
        return sp.csr_matrix(m)

    def get_feature_names_out(self, input_features=None):
        return np.array([f"cue={name}" for name in CUE_NAMES], dtype=object)


_FUNCTION_WORDS = frozenset("""
i me my mine myself you your yours yourself we us our ourselves they them their he him his she her it its this that
these those there here who whom whose what which why how where when whatever whoever a an the some any every each no
all both either neither another other such same own to of in on at for with about from by into onto over under after
before like than as up out off down through around back away without within against between be am is are was were
been being do does did done doing have has had having can could will would shall should may might must gotta gonna
wanna ought need needs needed better let let's and but or nor so because cause cuz if unless until till while though
although then else not never always ever just really very too even still again maybe probably definitely totally
honestly actually only now right okay ok yeah yes yep nah no well please sure sorry thanks thank hey oh um uh
don't dont can't cant won't wont didn't didnt doesn't isn't wasn't aren't weren't shouldn't wouldn't couldn't haven't
hasn't hadn't mustn't i'm im i'll ill i've ive i'd you're youre you'll you've you'd we're we'll we've it's its that's
thats there's what's whats how's who's they're they'll he's she's u ur ya y'all gotta kinda sorta lot lots much many
more most less least few bit thing things stuff way something anything everything nothing someone anyone everyone
nobody somebody anybody everybody one ones time times kind sort ? ! make made get got go going went gone say said
tell told think thought know knew feel felt want wanted try tried mean meant
""".split())


@lru_cache(maxsize=65536)
def word_shape(word: str) -> str:
    """A word as the pattern n-grams see it: function words as themselves, other words as their part-of-speech
    classes in lemminflect's lexicon (``ADJ``, ``NOUN|VERB``...), words of our diagnosis, medication and
    stigmatising-word lists as ``DIAG``, ``MED`` and ``JUDG``, unknown words as ``X``.

    So "that was a petty thing to do" and "that was a heartless thing to do" share their patterns, and an
    unseen evaluative adjective is still "that was a ADJ thing to ...".

    >>> [word_shape(w) for w in ["you", "petty", "heartless", "junkie", "visit", "blorft"]]
    ['you', 'ADJ', 'ADJ', 'JUDG', 'NOUN|VERB', 'X']
    """
    if word in _FUNCTION_WORDS or not word[:1].isalpha():
        return word
    for tag, words in (("DIAG", L.DIAGNOSIS), ("MED", L.MEDICATION), ("JUDG", L.JUDGMENT)):
        if word in words:
            return tag
    from lemminflect import getAllLemmas

    tags = sorted({"VERB" if t == "AUX" else t for t in getAllLemmas(word)} & {"ADJ", "ADV", "NOUN", "VERB", "PROPN"})
    return "|".join(tags) if tags else "X"


_SHAPES: dict[str, str] = {}  # word -> shape, read without a function call per token


def shape_ngrams(text) -> list[str]:
    """Bigrams to 4-grams over :func:`word_shape` of :func:`word_tokens`, with start and end markers: patterns
    of function words and word classes that carry over to content words the corpus never used."""
    shapes = _SHAPES
    toks = ["<s>"]
    for w in _word_tokens(normalise(as_text(text))):
        got = shapes.get(w)
        if got is None:
            got = shapes[w] = word_shape(w)
            if len(shapes) > 50_000:
                shapes.clear()
        toks.append(got)
    toks.append("</s>")
    grams: list[str] = []
    for n in (2, 3, 4):
        grams += [" ".join(toks[i:i + n]) for i in range(len(toks) - n + 1)]
    return grams
