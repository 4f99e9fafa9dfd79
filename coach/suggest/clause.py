"""A shallow clause analysis over spaCy tokens: subject, modal, verb phrase, object.

No parser ships with spaCy offline (``spacy.blank("en")`` has none), so this
reads the token sequence around the flagged phrase with small word lists:
the subject pronoun, the obligation or modal chain ("need to", "'d better",
"have got to"), the main verb, and the rest of the clause. It is enough to
turn "You need to stop drinking this weekend" into the verb phrase
"stop drinking this weekend" and its gerund "stopping drinking this weekend".

>>> c = analyse("Okay, you really need to stop drinking this weekend.")
>>> (c.subject, c.modal, c.verb, c.rest)
('you', 'need to', 'stop', 'drinking this weekend')
>>> c.vp, gerund_phrase(c.vp)
('stop drinking this weekend', 'stopping drinking this weekend')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import IDX, IS_PUNCT, ORTH, SPACY
from typing import NamedTuple

from coach.model import lexicon as L

ADVERBS = frozenset("just really probably definitely seriously totally honestly maybe also actually like um uh "
                    "kinda literally absolutely simply only basically please even ever".split())
MODALS = (
    "need to", "needs to", "have to", "has to", "have got to", "'ve got to", "'ve gotta", "got to", "gotta",
    "must", "should", "ought to", "'d better", "had better", "better", "'re going to", "are going to",
    "'re gonna", "are gonna", "will", "'ll", "can't", "cannot", "shouldn't", "mustn't", "don't", "won't",
    "want to", "wanna",
)
_MODAL_WORDS = sorted((m.split() for m in MODALS), key=len, reverse=True)
SUBJECTS = frozenset("you u ya we i it that this".split())
BASE_ING = frozenset("bring sing ring sting swing cling fling spring string wring sling".split())
IRREGULAR_GERUND = {"be": "being", "see": "seeing", "lie": "lying", "die": "dying", "tie": "tying",
                    "agree": "agreeing", "quit": "quitting", "flee": "fleeing", "free": "freeing"}


@lru_cache(maxsize=1)
def _tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def tokens(text: str) -> list[str]:
    """spaCy tokens of ``text`` with whitespace preserved as a trailing flag: [(text, has_space)]."""
    return [t.text + t.whitespace_ for t in _tokenizer()(text)]


@dataclass
class Clause:
    subject: str
    modal: str
    verb: str
    rest: str
    negated: bool = False

    @property
    def vp(self) -> str:
        return " ".join(x for x in (self.verb, self.rest) if x)


@lru_cache(maxsize=4096)
def _is_verb(word: str) -> bool:
    """Does the lexicon know ``word`` as a verb ('plug' in 'unplug'; not 'ad' in 'read')?"""
    from lemminflect import getAllLemmas

    return "VERB" in getAllLemmas(word)


_DOUBLING = frozenset("admit commit submit permit forget begin regret refer prefer occur control patrol rebut "
                      "compel expel propel equip".split())


def gerund(verb: str) -> str:
    """The -ing form of a verb.

    >>> [gerund(v) for v in ("stop", "call", "take", "quit", "lie", "go", "see", "open")]
    ['stopping', 'calling', 'taking', 'quitting', 'lying', 'going', 'seeing', 'opening']
    """
    v = verb.lower()
    if v in IRREGULAR_GERUND:
        return IRREGULAR_GERUND[v]
    if v.endswith("ing") and len(v) >= 5 and v not in BASE_ING:
        return v
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v.endswith("e") and not v.endswith(("ee", "ye", "oe")) and len(v) > 2:
        return v[:-1] + "ing"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", v) and len(v) <= 4:
        return v + v[-1] + "ing"
    # a stressed last syllable doubles too: "unplug", "reset", "admit", "forget"
    root = re.sub(r"^(?:un|re|out|up|over)", "", v)
    if (root != v and 3 <= len(root) <= 4 and re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", root)
            and _is_verb(root)) or v in _DOUBLING:
        return v + v[-1] + "ing"
    return v + "ing"


def gerund_phrase(vp: str) -> str:
    """The verb phrase with its verb, and any verb coordinated with 'and'/'or', in the -ing form.

    >>> gerund_phrase("face it and drive past the roundabout")
    'facing it and driving past the roundabout'
    >>> gerund_phrase("skip the night dose and just take one in the morning")
    'skipping the night dose and just taking one in the morning'
    >>> gerund_phrase("sit at the front and actually take part")
    'sitting at the front and actually taking part'
    >>> gerund_phrase("call the team and don't let them fob you off")
    'calling the team and not letting them fob you off'
    """
    words = vp.split(" ")
    if not words or not words[0]:
        return vp
    out = [gerund(words[0])]
    for k, (prev, w) in enumerate(zip(words, words[1:])):
        low = w.lower()
        # "... and take one", "... and just take one": an adverb may stand between; "... and don't let them":
        # "and not letting them"
        conj = prev.lower() in {"and", "or"} or (prev.lower() in {"just", "then", "also", "maybe", "actually", "really",
                                                                  "finally", "still", "don't", "dont"} and k >= 1
                                                  and words[k - 1].lower() in {"and", "or"})
        if conj and low in {"don't", "dont"} and prev.lower() in {"and", "or"}:
            out.append("not")
        elif conj and "'" not in low and (low in L.IMPERATIVE_VERBS or low in L.COMMON_VERBS):
            out.append(gerund(w))
        else:
            out.append(w)
    return " ".join(out)


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z0-9']+|[,;:.!?]", text.replace("\u2019", "'"))]


def clause_after(text: str) -> str:
    """Text up to the end of the clause: the first sentence-final mark, or ', but' / ', and' / ', okay'."""
    text = text.strip()
    m = re.search(r"[.!?;]|,\s*(but|and|and then|okay|ok|alright|right|yeah|you know|because|cause|'cause)\b|\s-\s",
                  text, re.I)
    out = text[:m.start()] if m else text
    return out.strip(" ,:-")


def analyse(sentence: str, start: int | None = None) -> Clause:
    """Analyse the clause starting at ``start`` (default: the first clause of the sentence)."""
    text = sentence[start:] if start else sentence
    words = [w for w in _words(clause_after(text) if start else text) if w not in {",", ";", ":"}]
    words = [w for w in words if w not in {".", "!", "?"}]
    low = [w.lower() for w in words]
    i = 0
    while i < len(low) and (low[i] in L.FILLERS or low[i] in ADVERBS or low[i] in {"so", "and", "but", "look"}):
        i += 1
    subject = ""
    if i < len(low) and (low[i] in SUBJECTS or low[i] in {"you're", "you'll", "you'd", "you've", "i'm", "we're"}):
        subject = low[i]
        if "'" in subject:
            subject, contraction = subject.split("'", 1)
            low.insert(i + 1, "'" + contraction)
            words.insert(i + 1, "'" + contraction)
        i += 1
    modal = ""
    while i < len(low) and low[i] in ADVERBS:
        i += 1
    if subject and i + 1 < len(low) and low[i] in {"do", "does", "did"} and _emphasised(low[i + 1]):
        i += 1  # an emphatic "do" ("u do make it harder for urself", "you do need to rest"): the verb comes next
    for m in _MODAL_WORDS:
        if low[i:i + len(m)] == m:
            modal = " ".join(m)
            i += len(m)
            break
    negated = False
    # (after the modal, "still" and "always" are adverbs too: "you should still go" -> go, not "stilling go")
    while i < len(low) and (low[i] in ADVERBS or low[i] in {"not", "never"} or (modal and low[i] in {"still", "always"})):
        negated |= low[i] in {"not", "never"}
        i += 1
    if modal in {"can't", "cannot", "shouldn't", "mustn't", "don't", "won't"}:
        negated = True
    if modal in {"better", "'d better", "had better"} and i < len(low) and low[i] == "than":
        return Clause(subject, "", "", "", False)  # "you know better than this": a comparison, no order
    verb = words[i] if i < len(words) else ""
    rest = " ".join(words[i + 1:]) if i + 1 < len(words) else ""
    rest = re.sub(r"\s+'", "'", rest)
    if not re.search(r"\b(?:you're|i'm|it's|he's|she's|they're|we're|are|is|be|am|feel|feeling)\s+"
                     r"(?:ok|okay|alright|all right)$", rest, re.I):  # "tell me you're okay" keeps its "okay"
        rest = re.sub(r"\s*\b(ok|okay|alright|all right|right|yeah|yes|ya know|you know|please|then|now)$", "", rest,
                      flags=re.I).strip()
    return Clause(subject, modal, verb.lower() if verb else "", rest, negated)


def _emphasised(word: str) -> bool:
    """Can ``word`` follow an emphatic "do" (a verb's base form or "need"), not an object ("do the dishes")?"""
    from coach.model.features import is_base_verb

    return word in {"need", "have", "want"} or (word.isalpha() and word not in _NOT_AFTER_DO and is_base_verb(word))


_NOT_AFTER_DO = frozenset("the a an it that this what something anything everything nothing some your my his her "
                          "their our me him them us you so too well not".split())


# --- text-speak function words, read on spaCy tokens ----------------------------------------------------------------

_CLITIC = {"ll": "'ll", "nt": "n't", "s": "'s", "m": "'m", "re": "'re", "ve": "'ve", "d": "'d"}
_SPEAK = {"u": "you", "ya": "you", "im": "I'm", "ive": "I've", "ull": "you'll", "tho": "though", "bc": "because",
          "cuz": "because", "coz": "because", "def": "definitely", "prob": "probably", "probs": "probably",
          "w": "with", "gotta": "gotta", "hes": "he's", "shes": "she's"}
_UR_YOU_ARE = frozenset("not gonna gon going fine ok okay good great at in on a an the so too never always still "
                        "just really safe done out doing being getting kinda pretty such clearly obviously basically "
                        "literally definitely probably his her their my our".split())  # "ur his mom": you're
# nouns in -ing / -ed: "ur evening dose" is "your"
_ING_NOUNS = frozenset("evening morning meeting building wedding thing clothing ceiling sibling earring feelings "
                       "savings belongings bed shed".split())
_ILL_NOT_PRONOUN = frozenset("feel feeling felt make makes made get gets got be been being is was are look looks "
                             "so very really too mentally".split())


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Standard spellings for text-speak pronouns and contractions (content words are left as they are).

    >>> normalise("ur gonna be fine u know, ill make sure theyll call, dont worry")
    "you're gonna be fine you know, I'll make sure they'll call, don't worry"
    >>> normalise("i think ur mom is right, its obvious")
    "I think your mom is right, it's obvious"
    >>> normalise("ur his dad tho, ur allowed to say no")
    "you're his dad though, you're allowed to say no"
    """
    if not _needs_normalising(text):
        return text.strip()
    toks = list(_tokenizer()(text))
    out = []
    for k, t in enumerate(toks):
        w, low = t.text, t.text.lower()
        prev = toks[k - 1] if k else None
        nxt = toks[k + 1].text.lower() if k + 1 < len(toks) else ""
        if low in _CLITIC and prev is not None and not prev.whitespace_ and prev.text.isalpha():
            w = _CLITIC[low]
            if low == "d" and prev.text.lower() == "i" and k >= 2 and toks[k - 2].text.lower() in _DETS:
                out[-1] = prev.text + prev.whitespace_  # "your id", not "your I'd"
                w = t.text
        elif low == "i" and not (nxt == "d" and not t.whitespace_ and k and toks[k - 1].text.lower() in _DETS):
            w = "I"
        elif low in _SPEAK:
            w = _SPEAK[low]
        elif low == "ur":
            # "ur worried", "ur scared": a participle after it makes it "you're"
            w = "you're" if (nxt in _UR_YOU_ARE or nxt.endswith(("ing", "ed")) or nxt in {"scared", "upset"}) \
                and nxt not in _ING_NOUNS else "your"
        elif low == "its" and nxt != "own":
            w = "it's"
        elif low in {"hell", "shell"} and nxt in _FUTURE_NEXT and (prev is None or prev.text.lower() not in _DETS):
            w = {"hell": "he'll", "shell": "she'll"}[low]  # "shell be back by summer"
        elif low == "ill" and nxt and (prev is None or prev.text.lower() not in _ILL_NOT_PRONOUN) and (
                nxt in L.COMMON_VERBS or nxt in L.IMPERATIVE_VERBS or nxt in ADVERBS
                or nxt in {"always", "never", "def", "personally", "definitely", "make", "be", "answer"}):
            w = "I'll"
        if k == 0 and t.text[:1].isupper() and w[:1].islower():
            w = w[0].upper() + w[1:]
        out.append(w + t.whitespace_)
    return "".join(out).strip()


@lru_cache(maxsize=1)
def _split_words() -> frozenset[str]:
    """Words without an apostrophe that spaCy's tokenizer splits into a contraction ("dont", "theyll")."""
    return frozenset(k.lower() for k in _tokenizer().rules if k.isalpha())


def _needs_normalising(text: str) -> bool:
    special = _split_words()
    return any(w in special or w in _SPEAK or w in {"ur", "its", "ill", "i", "hell", "shell"}
               for w in re.findall(r"[a-z]+", text.lower()))


# --- clauses: where one clause of a spoken sentence ends and the next begins ----------------------------------------

_NOMINATIVE = frozenset("i he she they we".split())
_SUBJECT_AUX = frozenset("you u it that this there everyone everybody nobody nothing everything he she they we i ur "
                         "ya".split())
AUX = frozenset("ll 'll will wo would 'd d can ca could should must need needs have has had 've ve got gotta gon going "
                "'s s is 're re are was were 'm m am do does did dont never always just really might may".split())
_CONJ = frozenset("and but so or then plus".split())
COMPLEMENT = frozenset(
    """know knew think thought sure promise promised swear swore guarantee bet hope feel felt say said says tell told
    mean guess believe that if when whether because cause cuz since so and but or until till before after while
    what how why where who whatever whenever unless as than like make made let see saw hear heard realise realize
    notice noticed remember wish seems seem sounds looks though although once remind show ask warn assure
    grateful glad happy sorry lucky proud afraid scared worried thankful mentioned admitted realized realised
    decided figured noticed accept accepted admit understand understood""".split())
_OBJECT_PRONOUNS = frozenset("him her me them us you u".split())
_PAUSE = frozenset("um uh er erm umm uhh like".split())


def _article_before(toks, j: int) -> bool:
    """Is the comma at token ``j`` said right after an article or a possessive, fillers and commas aside ("at the,
    uh, the legion hall")? A clause does not end there."""
    j -= 1
    while j >= 0 and (toks[j].low in {"uh", "um", "er", "erm", "umm", "uhh"} or toks[j].low == ","):
        j -= 1
    return j >= 0 and toks[j].low in {"the", "a", "an", "my", "your", "his", "their", "our"}


def _pause_after_and(toks, j: int) -> bool:
    """Is the comma at token ``j`` a pause after an "and" / "or" that joins two verbs of one clause ("gone ahead and,
    um, put you down"), only fillers and commas between? Not after a comma before the "and" ("call me, and, ..."),
    nor where a subject follows ("walked in and, uh, there's stuff"): that is a new clause."""
    k = j + 1
    while k < len(toks) and (toks[k].low in _PAUSE or toks[k].low == ","):
        k += 1
    nxt = toks[k].low if k < len(toks) else ""
    if not (nxt in L.COMMON_VERBS or nxt in L.IMPERATIVE_VERBS or (nxt.isalpha() and _is_verb(nxt))) \
            or nxt in _SUBJECT_AUX | _NOMINATIVE | AUX | _DETS:
        return False
    j -= 1
    while j >= 0 and (toks[j].low in _PAUSE or toks[j].low == ","):
        j -= 1
    if j >= 0 and toks[j].low in {"just", "to", "should", "gotta", "gonna", "must"}:
        return True  # "why don't you just, um, quit", "you need to, uh, call": the verb they lead to follows
    return j >= 1 and toks[j].low in {"and", "or"} and not toks[j - 1].punct


# a preposition that needs its object after it: a clause never starts right after it ("part of | this is you").
# (Others end a clause: as particles, "come in | you're late", or stranded, "who he works with | you know")
_PREP_BEFORE = frozenset(["of"])
_FRONTED = (("starting", "tonight"), ("starting", "today"), ("starting", "tomorrow"), ("starting", "now"),
            ("at", "some", "point"), ("right", "now"), ("for", "now"), ("this", "time"), ("first", "thing"),
            ("tonight",), ("today",), ("tomorrow",), ("then",), ("someday",), ("one", "day"))


@lru_cache(maxsize=4096)
def segments(sentence: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the clauses of ``sentence``, read on spaCy tokens.

    A clause ends at a comma, semicolon, colon, dash or sentence mark; before 'and' / 'but' / 'so' / 'or' that
    starts a new subject; and before a new subject in a run-on ("they take a cut", "that's agoraphobia")
    unless a word that takes a clause ("know", "sure", "if", "that", ...) comes just before it. Leading fillers
    stay with the clause they lead into.

    >>> s = "honestly you need to get a lawyer this week dont wait they take a cut but you wont win without one"
    >>> [s[a:b] for a, b in segments(s)]
    ['honestly you need to get a lawyer this week dont wait', 'they take a cut', 'but you wont win without one']
    >>> s = "Why don't you just take the pills they gave you and go lie down, trust me."
    >>> [s[a:b] for a, b in segments(s)]
    ["Why don't you just take the pills they gave you and go lie down,", 'trust me.']
    >>> s = "i remember those / id just leave it blank, text me 24/7"
    >>> [s[a:b] for a, b in segments(s)]
    ['i remember those /', 'id just leave it blank,', 'text me 24/7']
    """
    doc = _tokenizer()(sentence)
    strings = doc.vocab.strings
    # read as arrays: the same text, trailing space, punctuation flag and offset as the Token attributes
    toks = [_Tok(strings[o].lower(), " " if sp else "", bool(p), i)
            for o, sp, p, i in doc.to_array([ORTH, SPACY, IS_PUNCT, IDX]).tolist()]
    cuts = []
    for k, t in enumerate(toks):
        if k == 0:
            continue
        prev, low = toks[k - 1], t.low
        pl = prev.low
        # (a slash between spaces joins two chat messages, " / ", and ends a clause; "24/7", "and/or" do not)
        if prev.punct and (pl not in {"'", '"', "/"} or (pl == "/" and k >= 2 and toks[k - 2].ws)) and prev.ws:
            if pl == "," and k >= 2 and toks[k - 2].low == low and low in {
                    "the", "a", "an", "my", "your", "his", "her", "their", "our", "and"}:
                continue  # "the back pain and the, the tiredness": a word said twice, not a new clause
            if pl == "," and _article_before(toks, k - 1):
                continue  # "at the, uh, the legion hall": a clause never ends on an article
            if pl == "," and _pause_after_and(toks, k - 1):
                continue  # "I've gone ahead and, um, put you down": the comma is a pause inside the clause
            cuts.append(t.idx)
            continue
        nxt = toks[k + 1].low if k + 1 < len(toks) else ""
        nxt2 = toks[k + 2].low if k + 2 < len(toks) else ""
        if low in _CONJ and nxt in {"you", "u", "they", "we"} and nxt2 in {"re", "'re", "ll", "'ll"} and not prev.punct \
                and pl in AUX:
            cuts.append(t.idx)  # "... more than most would but youre going to hr on monday": after an aux too
            continue
        if prev.punct or pl in AUX or pl in {"n't", "nt", "not"}:
            continue
        subject_next = nxt in _SUBJECT_AUX and (nxt2 in AUX or nxt in _NOMINATIVE)
        if low in _CONJ and subject_next:
            cuts.append(t.idx)
            continue
        if low == "just" and nxt in L.IMPERATIVE_VERBS and nxt not in {"do", "be", "make", "let", "like", "need"} \
                and pl.isalpha() and pl not in _OBJECT_PRONOUNS | _SUBJECT_AUX | _NOMINATIVE | COMPLEMENT | _CONJ \
                and pl not in ADVERBS and pl not in {"to", "it", "can", "could", "would", "should", "might", "gotta",
                                                     "wanna", "gonna", "please", "was", "were", "been"}:
            cuts.append(t.idx)  # "quit telling them about it in interviews just leave it off": a new order
            continue
        if low in {"but", "so"} and (nxt in {"look", "listen", "just", "please", "honestly", "seriously"}
                                     or nxt in L.IMPERATIVE_VERBS) and nxt not in {"do", "be", "make", "let"}:
            cuts.append(t.idx)  # "... but look, just take the lithium": a new order
            continue
        if low == "do" and _reassures(toks, k) and pl not in _CONJ | _SUBJECT_AUX | _NOMINATIVE | {"people", "who"}:
            cuts.append(t.idx)  # "you'll adjust in a week don't worry about it": the reassurance is a clause of its own
            continue
        if low in _CONJ and nxt == "do" and _reassures(toks, k + 1):
            cuts.append(t.idx)
            continue
        if pl in COMPLEMENT or pl in _CONJ or pl in _PREP_BEFORE:
            continue
        if pl in _OBJECT_PRONOUNS and k >= 2 and toks[k - 2].low in COMPLEMENT:
            continue  # "tell him he can't", "promise me you won't"
        nominative = low in _NOMINATIVE or (low in {"hell", "shell"} and nxt in _FUTURE_NEXT) or (
            low == "ill" and (nxt in L.COMMON_VERBS or nxt in {"always", "never", "make", "def"}))
        if nominative:
            # "the pills they gave you": a reduced relative clause, not a new sentence ("this time I promise
            # you won't" is a new one)
            if k >= 2 and toks[k - 2].low in _DETS and nxt not in AUX and nxt not in _VOUCH:
                continue
            if _reduced_relative(toks, k, nxt):
                continue  # "every single paper they listed", "the first unit they show you"
            cuts.append(t.idx)
        elif low in _SUBJECT_AUX and ((nxt in AUX and nxt not in {"just", "really", "never", "always"}) or (
                nxt in ADVERBS and nxt2 in AUX and nxt2 not in {"just", "really"})):
            if low in {"that", "this"} and nxt not in {"'s", "s", "is", "was"}:
                continue
            cuts.append(t.idx)
    # a fronted phrase ("at some point", "right now") belongs to the clause it leads into
    starts = {t.idx: k for k, t in enumerate(toks)}
    moved = []
    for c in cuts:
        k = starts[c]
        if toks[k].low in _CONJ or (toks[k].low == "do" and _reassures(toks, k)):  # "... tonight so I'm glad": the
            # time stays with what came before
            moved.append(c)
            continue
        after_i = [t.low for t in toks[k + 1:k + 3] if t.low not in {"just", "really", "totally"}][:1]
        if toks[k].low == "i" and after_i and after_i[0] in _VOUCH | {"know"}:
            moved.append(c)  # "... fix it this time I guarantee ...": the time goes with the claim, not the vouching
            continue
        if toks[k].low in {"that", "this", "which"} and k + 1 < len(toks) and toks[k + 1].low in {"'s", "s", "is"}:
            moved.append(c)  # "... ten places tomorrow that's your homework": a comment on what came before
            continue
        for phrase in _FRONTED:
            n = len(phrase)
            if k - n >= 1 and tuple(x.low for x in toks[k - n:k]) == phrase:
                # "..., at some point you gotta": the phrase after a comma already starts the clause
                c = None if toks[k - n - 1].punct else toks[k - n].idx
                break
        if c is not None:
            moved.append(c)
    cuts = sorted(set(moved))
    bounds = [0] + cuts + [len(sentence)]
    out: list[tuple[int, int]] = []
    carry = None
    for a, b in zip(bounds, bounds[1:]):
        piece = sentence[a:b]
        if not piece.strip():
            continue
        lo, hi = a + len(piece) - len(piece.lstrip()), a + len(piece.rstrip())
        if carry is not None:
            lo, carry = carry, None
        words = [w.lower() for w in re.findall(r"[A-Za-z']+", sentence[lo:hi])]
        if words and all(w in L.FILLERS or w in ADVERBS or w in _CONJ or w in {"tho", "though", "look", "listen"}
                         for w in words) and b < len(sentence):
            carry = lo  # "honestly," / "um, so," lead into the next clause
            continue
        out.append((lo, hi))
    if carry is not None:
        out.append((carry, len(sentence.rstrip())))
    return tuple(out)


# verbs that take a clause: "the whole bottle I think", "that stuff I mean": a comment, not a relative clause
_COMMENT_VERBS = frozenset("think thought mean meant know knew guess bet promise swear feel felt hope reckon said say "
                           "told tell".split())


def _reduced_relative(toks, k: int, nxt: str) -> bool:
    """Does the pronoun at ``k`` start a reduced relative clause on a noun phrase of a determiner and up to two
    modifiers ("every single paper they listed", "the first unit they show you")?"""
    if toks[k].low not in _NOMINATIVE or nxt in AUX or nxt in _VOUCH or nxt in _COMMENT_VERBS or not nxt.isalpha() \
            or nxt in {"want", "need", "wanna", "gotta", "have", "got"}:
        return False  # "... this role play I want you to": an order of its own
    for back in (3, 4):
        if k < back or toks[k - back].low not in _DETS:
            continue
        mids = toks[k - back + 1:k]
        if all(not m.punct and m.low.isalpha() and m.low not in AUX and m.low not in _CONJ
               and m.low not in _SUBJECT_AUX and m.low not in _DETS and m.low not in COMPLEMENT for m in mids):
            return True
    return False


_WORRY_VERBS = frozenset("worry stress panic".split())
_VOUCH = frozenset("promise swear guarantee bet".split())
# what follows "hell" / "shell" when they are text-speak for "he'll" / "she'll" ("shell be back to her old self")
_FUTURE_NEXT = frozenset("be never always get come go love forgive understand score see call make have do say "
                         "feel want need find".split())


def _reassures(toks, k: int) -> bool:
    """Does a "don't worry" / "dont even stress" start at token ``k``?"""
    low = [t.low for t in toks[k:k + 4]]
    if len(low) < 3 or low[0] != "do" or low[1] not in {"n't", "nt"}:
        return False
    return low[2] in _WORRY_VERBS or (low[2] == "even" and len(low) > 3 and low[3] in _WORRY_VERBS)


class _Tok(NamedTuple):
    low: str
    ws: str
    punct: bool
    idx: int


_DETS = frozenset("the a an those these that this your my his her their our ur some any every".split())


# --- verb forms -----------------------------------------------------------------------------------------------------

_THIRD = {"be": "is", "have": "has", "do": "does", "go": "goes"}
_PLURAL_SUBJECTS = frozenset("you we they i ya u y'all these those both people kids".split())


def third_person(verb: str) -> str:
    """The present-tense form for he/she/it.

    >>> [third_person(v) for v in ("get", "catch", "try", "be", "stay", "go", "fix")]
    ['gets', 'catches', 'tries', 'is', 'stays', 'goes', 'fixes']
    """
    v = verb.lower()
    if v in _THIRD:
        return _THIRD[v]
    if v.endswith(("s", "sh", "ch", "x", "z", "o")):
        return v + "es"
    if v.endswith("y") and len(v) > 2 and v[-2] not in "aeiou":
        return v[:-1] + "ies"
    return v + "s"


def is_plural_subject(subject: str) -> bool:
    """Does the subject take 'are' / a bare verb?  'you', 'they', 'your kids', 'the meds' (head noun in -s)."""
    words = subject.lower().split()
    if not words:
        return True
    head = words[-1]
    if head in _PLURAL_SUBJECTS:
        return True
    if head in {"everyone", "everybody", "nobody", "nothing", "everything", "it", "he", "she", "this", "that",
                "someone", "somebody", "anyone", "anybody", "one", "news", "series"}:
        return False
    return head.endswith("s") and not head.endswith(("ss", "us", "is", "'s"))


def present(subject: str, verb: str, negated: bool = False) -> str:
    """``subject`` with ``verb`` in the present tense: ('you', 'be') -> "you're", ('he', 'get', True) -> "he doesn't get".

    >>> present("you", "be"), present("the kids", "be"), present("your dad", "come"), present("he", "touch", True)
    ("you're", 'the kids are', 'your dad comes', "he doesn't touch")
    """
    s = subject.strip()
    low = s.lower()
    first = low == "i"
    plural = first or is_plural_subject(low)
    v = verb.lower() if verb.lower() in {"be", "have", "do", "go", "get"} else verb
    if v == "be":
        be = "am" if first else ("are" if plural else "is")
        if low in {"i", "you", "we", "they", "he", "she", "it", "that"}:
            short = {"am": "'m", "are": "'re", "is": "'s"}[be]
            return f"{s}{short} not" if negated else f"{s}{short}"
        return f"{s} {be} not" if negated else f"{s} {be}"
    if negated:
        return f"{s} {'don' if plural else 'doesn'}'t {verb}"
    return f"{s} {verb if plural else third_person(verb)}"
