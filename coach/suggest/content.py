"""Content words, for measuring whether an alternative keeps what the supporter meant.

"Nouns and main verbs" (issue #4's definition) are the words that are not function words
(not in scikit-learn's English stop list, not fillers, pronouns, text-speak contractions, modals or
degree adverbs) and that lemminflect's lexicon (shipped in its wheel) allows as a noun or a verb but not
as an auxiliary; words it does not know (names, drugs, slang) count as nouns. Adjectives and adverbs
("easy", "eventually", "sure") are not content words. Words are compared by a light stem, so "drinking"
keeps "drink" and "meetings" keeps "meeting".

>>> sorted(content_words("You need to stop drinking this weekend.", 0, 11))
['drink', 'stop', 'weekend']
>>> retention("You need to stop drinking this weekend.", 0, 11, "How would you feel about stopping drinking this weekend?")
1.0
"""

from __future__ import annotations

import re
from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from coach.model import lexicon as L
from coach.model.features import is_base_verb

EXTRA_STOP = frozenset(
    """um uh erm hmm mm ok okay yeah yes alright like gonna gotta wanna kinda sorta just really probably definitely
    seriously totally honestly maybe actually literally basically need needs needed have has had got get gets
    getting should must ought better will would could can can't won't don't doesn't didn't isn't aren't wasn't
    i'm you're you'll you've you'd it's that's there's let's he's she's we're they're i'll i've i'd
    lot lots thing things stuff way right know mean think guess say said tell told want
    u ur ya im dont cant wont thats youre shes hes theyll theyre ive id ill youll youve tho ull theyd youd
    wouldnt couldnt shouldnt didnt doesnt isnt arent wasnt werent hasnt havent hadnt itll thatll whats theres
    lets""".split()
)
STOP = frozenset(ENGLISH_STOP_WORDS) | EXTRA_STOP | L.FILLERS | L.SLANG_FILLERS

# Interjections and text-speak discourse markers: exclamations ("ugh", "whoa"), reactions ("smh", "ha") and
# abbreviations of "please", "thanks", "for real", "by the way". They are neither nouns nor verbs, though a
# lexicon that does not know them would count them as names.
INTERJECTIONS = frozenset(
    """ah ahh aw aww bah blah eh ew eww gosh ha hah haha hahaha hehe hm hmph huh jeez geez meh nah oof ooh oops
    ouch phew psst sheesh shh ugh ughh welp whew whoa wow yay yikes yeesh yo oy oi
    smh pls plz thx tysm btw fyi ikr istg fr jk wtf ffs omfg lowkey highkey""".split()
)
# ... of which these are also nouns or verbs ("the crowd was wowed", "a yo-yo"): interjections only where they
# open a clause (at the start, or after punctuation)
_INTERJECTION_OR_WORD = frozenset(w for w in INTERJECTIONS if is_base_verb(w)) | frozenset("wow ouch ah yo".split())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The key two inflections of one word share: the lexicon's lemma (a verb's for an -ing or -ed form, else a
    noun's), then a light suffix strip, so "taking" keeps "take", "rang" keeps "ring" and "meetings" keeps
    "meeting"; words the lexicon does not know (names, drugs, slang) get the light strip only.

    >>> [stem(w) for w in ("drinking", "stopping", "called", "dose", "doses", "lies")]
    ['drink', 'stop', 'call', 'dose', 'dose', 'lie']
    >>> [stem(a) == stem(b) for a, b in [("take", "taking"), ("leave", "leaving"), ("ring", "rang"),
    ...                                  ("meeting", "meetings"), ("violate", "violating"), ("meds", "med")]]
    [True, True, True, True, True, True]
    """
    from lemminflect import getAllLemmas

    w = word.lower().replace("\u2019", "'")
    lemmas = getAllLemmas(w) if w.isalpha() else {}
    verb, noun = lemmas.get("VERB", ()), lemmas.get("NOUN", ())
    if verb and (w.endswith(("ing", "ed")) or not noun) and verb[0] != w:
        w = verb[0]
    elif noun:
        w = noun[0]
    elif verb:
        w = verb[0]
    return _light_stem(w)


def _light_stem(w: str) -> str:
    """A light suffix-stripping stem."""
    for suf in ("ing", "ed"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: -len(suf)]
            if len(w) >= 3 and w[-1] == w[-2] and w[-1] not in "ls":
                w = w[:-1]
            return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-2]
    if w.endswith(("ches", "shes", "sses", "xes", "zes")) and len(w) > 4:
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


@lru_cache(maxsize=65536)
def is_noun_or_main_verb(word: str) -> bool:
    """Can ``word`` be a noun or a main verb (and not an auxiliary)? Unknown words count as nouns.

    >>> [is_noun_or_main_verb(w) for w in ("weekend", "drinking", "Subutex", "easy", "eventually", "does")]
    [True, True, True, False, False, False]
    >>> [is_noun_or_main_verb(w) for w in ("mom's", "he'll", "they'd", "wasn't")]
    [True, False, False, False]
    """
    from lemminflect import getAllLemmas

    word = word.lower()
    if "'" in word:  # a possessive keeps its noun; other contractions are pronouns or auxiliaries
        base, _, tail = word.partition("'")
        if tail != "s" or base in STOP:
            return False
        word = base
    pos = getAllLemmas(word)
    if not pos:
        return True
    return ("NOUN" in pos or "VERB" in pos or "PROPN" in pos) and "AUX" not in pos


# A concern's own words: an alternative must not keep them (that would repeat the concern), so they are not
# content to keep even where the evidence span is shorter than the concern ("That's NSSI, classic." flagged
# on "That's"; "trust me" vouching for a guarantee).
# Obligation markers ("supposed", "required", "rules") belong to no person-driven alternative, whatever the label.
CONCERN_WORDS: dict[str, frozenset[str]] = {
    "diagnosis": L.DIAGNOSIS | L.OBLIGATION | frozenset("nssi paws gad mdd alcoholism alcoholic addict".split()),
    "judgment": L.JUDGMENT | L.OBLIGATION,
    "false_promise": L.OBLIGATION | frozenset("promise promised guarantee guaranteed swear swore trust bet".split()),
    "power_over": L.OBLIGATION,
}


# The tags that press an order home ("no ifs or buts", "that's the deal", "I'll be checking", "it's not up for
# discussion"): the order's own words, which a person-driven alternative drops, so not content to keep either.
RULE_TAGS = re.compile(
    r"\bno ifs(?:,? (?:and|or) buts)?\b|\bno buts\b|\bno (?:more )?(?:excuses|arguments?|arguing|debate|discussion|"
    r"exceptions|negotiating)\b|\b(?:it's|its|that's|thats|this is|it is)(?: just)? not (?:up for )?(?:a )?"
    r"(?:discussion|debate|choice|negotiable)\b|\bnon-?negotiable\b|\b(?:that's|thats|that is|them's) the (?:deal|rule|"
    r"rules|plan)\b|\b(?:that's|thats|that is|it's|its) (?:the |our |my )?(?:house|building|program|group|unit) rules?\b|"
    r"\bend of (?:story|discussion|debate)\b|\b(?:whether you like it or not|like it or not)\b|"
    r"\b(?:and )?i(?:'ll| will|'m gonna| am going to) (?:be )?check(?:ing)?(?: on (?:you|that|it))?\b|"
    r"\bi(?:'m| am) not asking\b|\bi mean it\b|\beverybody does(?: it)?\b|\beveryone does(?: it)?\b|"
    # closing formulas: "simple as (that)", "end of.", ", period", "full stop", "that's (just) how it is / works (here)",
    # "no wiggle room", "whether you like it / want them / feel ready or not"
    r"\bsimple as(?: that)?\b|\bend of(?=\s*(?:[.!]|$))|,\s*period\b|\bfull stop\b|\b(?:and )?(?:that's|thats|that is)"
    r"(?: just)? (?:how it (?:is|works)|the way it (?:is|works))(?: (?:here|round here|in here))?\b|"
    r"\bno wiggle room\b|\bwhether (?:you|u) (?:like it|want (?:it|them|to)|feel ready|agree) or not\b|"
    r"\b(?:i'm|im|i am|i'll be|ill be) watching\b|\bno matter (?:what(?=\s*(?:[,.!?]|$))|the (?:pay|cost|price))\b|"
    # the other half of an ultimatum that withdraws the supporter ("... or honestly don't bother calling me"), or the
    # sanction the supporter will carry out ("... and I'm letting your psychiatrist know")
    r"\bor\s+(?:(?:else|honestly|just|seriously)\s+)*(?:don't|dont|do not) (?:even )?bother\b(?:\s+[\w']+){0,4}|"
    r"\b(?:and|or|otherwise|or else)\s+(?:i'm|im|i am|i'll|ill|i will|i'm gonna|im gonna|i'm going to)\s+"
    r"(?:have to\s+)?(?:telling|letting|reporting|ringing|calling|flagging|writing|taking (?:you|u) off|tell|let|"
    r"report|ring|call|flag|write|take (?:you|u) off)\b(?:\s+[\w']+){0,4}",
    re.I)


# The words that vouch for a promise ("you have my word", "I'd put money on it", "I swear on my kids", "consider it
# done", "it's a done deal", "no problem", "I can feel it"): the promise's own words, like "I promise", which a
# person-driven alternative drops, so not content to keep either.
VOUCHING = re.compile(
    r"\b(?:(?:you|u) (?:have|got) my word|(?:i'd|id|i would) (?:put|bet) (?:money|my life|my house) on it|"
    r"(?:i )?swear (?:on|to) (?:my|me|god)(?: \w+(?:'s \w+)?)?|consider it (?:done|sorted|handled)|"
    r"(?:it's|its|that's|thats|it is) a done deal|no problem(?: at all)?|i can feel it|mark my words|"
    r"take it from me|(?:i'm|im|i am) telling (?:you|u)|hand on (?:my )?heart|cross my heart|100%|"
    r"a hundred (?:percent|per cent))\b", re.I)


# Unlimited availability offered ("you can text this number whenever", "call me anytime, day or night", "I'll always
# answer"): the promise's own words, which a person-driven alternative replaces with an honest limit, so not content
# to keep either.
AVAILABILITY = re.compile(
    r"\b(?:(?:you|u) can )?(?:call|text|ring|message|phone|reach|msg) (?:me|this number|us)\b(?:[\w' ]{0,20}?)"
    r"\b(?:any ?time|whenever|any hour|day or night|24/7)\b|\b(?:i'll|ill|i will) (?:always )?(?:answer|pick up)"
    r"(?:,? always)?\b|\bany ?time\b|\bany hour\b|\bday or night\b|\bwhenever\b|\b24/7\b|\b3 ?am\b|\bchristmas day\b|"
    r"\balways (?:on|here|around|available|picks? up|answers?)\b", re.I)


# The frame that recommends a treatment as the answer ("it's the best thing for combat nightmares", "that's the only
# option for you"): the diagnosis's own words (the codebook's "The gum would be the best option for you").
RECOMMENDING = re.compile(r"\b(?:it's|its|that's|thats|it is|that is|they're|theyre|they are|is|are|would be|'s)\s+"
                          r"(?:(?:honestly|really|just|by far|definitely|always)\s+)*(?:the|ur|your) "
                          r"(?:best|only|right) (?:thing|option|way|bet|choice|one|stuff)\b", re.I)


# each concern's own formulas, which are not content to keep
# (an order justified as the best treatment, "you should get on methadone, it's the best thing for you", carries the
# recommendation too, which no reply keeps)
_OWN_FORMULAS = {"power_over": re.compile(f"{RULE_TAGS.pattern}|{RECOMMENDING.pattern}", re.I),
                 "false_promise": re.compile(f"{VOUCHING.pattern}|{AVAILABILITY.pattern}", re.I),
                 "diagnosis": RECOMMENDING}


def _interjection(low: str, opens_clause: bool) -> bool:
    """Is the (lower-cased) word an interjection here?

    >>> [_interjection("ugh", False), _interjection("smh", False), _interjection("wow", True), _interjection("wow", False)]
    [True, True, True, False]
    >>> sorted(content_words("Wow, ugh, smh, you spent the rent money on it, pls stop.", 0, 0))
    ['money', 'rent', 'spend', 'stop']
    >>> sorted(content_words("Her singing will wow the crowd.", 0, 0))
    ['crowd', 'sing', 'wow']
    """
    if low not in INTERJECTIONS:
        return False
    return opens_clause or low not in _INTERJECTION_OR_WORD


@lru_cache(maxsize=8192)
def _content_words(text: str, start: int, end: int, label: str | None = None) -> frozenset[str]:
    outside = (text[:start] + " " + text[end:]).replace("\u2019", "'")
    own = _OWN_FORMULAS.get(label)
    if own is not None:
        outside = own.sub(" ", outside)
    found = list(re.finditer(r"[A-Za-z][A-Za-z']*", outside))
    words = [m.group(0) for m in found]
    # a word opens a clause when only spaces (or nothing) separate it from the start or from punctuation
    opens = [not outside[:m.start()].strip() or bool(re.search(r"[,.;:!?\-]\s*$", outside[:m.start()]))
             for m in found]
    own = CONCERN_WORDS.get(label, frozenset())
    low = [w.lower() for w in words]
    return frozenset(stem(w) for k, w in enumerate(words)
                     if low[k] not in STOP and low[k] not in own and len(w) > 1 and not _in_formula(low, k)
                     and not _interjection(low[k], opens[k]) and is_noun_or_main_verb(w))


_COPULA = frozenset("be is are was were been being am 's 're ur youre its thats it's that's you're i'm im "
                    "feel feels felt seem seems seemed look looks looked get gets got sound sounds".split())
_INTENSIFIERS = frozenset("really so very too pretty super totally kinda quite".split())


@lru_cache(maxsize=65536)
def _can_be_adjective(word: str) -> bool:
    from lemminflect import getAllLemmas

    return "ADJ" in getAllLemmas(word)


def _in_formula(words: list[str], k: int) -> bool:
    """Is ``words[k]`` a verb or noun only inside a fixed formula, not as a main verb or noun?

    "going to stop" (future auxiliary), "come on", "trust me", "I bet", "no question", "no doubt", "no excuses",
    "no matter what", a closing "period", "full stop", "at some point", "has a point", the frame "it sounds like", "from what you're
    describing"; and a word that can be an adjective right after a copula or an intensifier ("you'll be fine",
    "really sick"), where it is one.

    >>> [_in_formula("it's going to stop".split(), 1), _in_formula("going to the meeting".split(), 0)]
    [True, False]
    >>> [_in_formula("at some point you".split(), 2), _in_formula("it sounds like".split(), 1),
    ...  _in_formula("the point is".split(), 1), _in_formula("that sound at night".split(), 1)]
    [True, True, False, False]
    >>> [_in_formula("you'll be fine".split(), 2), _in_formula("pay the fine".split(), 2)]
    [True, False]
    """
    w = words[k]
    prev = words[k - 1] if k > 0 else ""
    nxt = words[k + 1] if k + 1 < len(words) else ""
    nxt2 = words[k + 2] if k + 2 < len(words) else ""
    if (prev in _COPULA or prev in _INTENSIFIERS) and _can_be_adjective(w):
        return True  # "you'll be fine", "really sick": an adjective here, whatever else the word can be
    if w == "going" and nxt == "to" and nxt2 and nxt2 not in STOP | {"the", "a", "an"}:
        return is_base_verb(nxt2)
    return ((w == "come" and nxt == "on") or (w == "trust" and nxt == "me") or (w == "bet" and prev == "i")
            or (w == "point" and prev == "some" and k >= 2 and words[k - 2] == "at")
            or (w == "point" and prev == "a" and k >= 2 and words[k - 2] in {"has", "have", "had", "got"})
            or (w in {"sound", "sounds", "sounded"} and nxt == "like")
            or (w in {"describing", "saying", "telling"} and prev in {"you're", "youre", "you've", "youve"}
                and k >= 2 and words[k - 2] in {"what", "from"})
            or (w in {"question", "doubt", "excuse", "excuses"} and prev == "no")
            or (w == "matter" and prev == "no" and nxt == "what")
            or (w == "period" and k == len(words) - 1) or (w == "stop" and prev == "full"))


def content_words(text: str, start: int = 0, end: int = 0, label: str | None = None) -> set[str]:
    """Stems of the content words of ``text`` outside ``text[start:end]`` (and, given the finding's
    ``label``, outside that concern's own vocabulary, :data:`CONCERN_WORDS`, for an order outside its rule
    tags, :data:`RULE_TAGS`, for a promise outside the words that vouch for it, :data:`VOUCHING`, and for a
    treatment outside the frame that recommends it, :data:`RECOMMENDING`).

    >>> sorted(content_words("That's NSSI, classic, from the stress at work.", 0, 6, "diagnosis"))
    ['stress', 'work']
    >>> sorted(content_words("Go to NA tonight, no ifs or buts, that's the deal.", 0, 16, "power_over"))
    []
    >>> sorted(content_words("You'll get a flat, I'll chase it for you, consider it done.", 0, 17, "false_promise"))
    ['chase']
    """
    return set(_content_words(text, start, end, label))


def retention(original: str, start: int, end: int, alternative: str, label: str | None = None,
              others: tuple[tuple[int, int], ...] = ()) -> float:
    """Share of the original's content words (outside the flagged phrase) that the alternative keeps.

    ``others`` are the character ranges of the other concern phrases flagged in the same sentence: their words
    are not content to keep either, since an alternative that kept them would carry that concern and fail the
    clean check ("youre being a coward honestly just tell her": the reply to "just tell her" must drop "coward").
    1.0 when there are none to keep.

    >>> s = "youre being a coward honestly just tell her"
    >>> retention(s, 30, 43, "How would you feel about telling her?", "power_over")
    0.0
    >>> retention(s, 30, 43, "How would you feel about telling her?", "power_over", others=((0, 20),))
    1.0
    """
    if others:
        chars = list(original)
        for a, b in others:
            chars[max(a, 0):max(b, 0)] = " " * len(chars[max(a, 0):max(b, 0)])
        original = "".join(chars)
    need = _content_words(original, start, end, label)
    if not need:
        return 1.0
    have = {stem(w) for w in re.findall(r"[A-Za-z][A-Za-z']*", alternative.replace("\u2019", "'"))}
    return len(need & have) / len(need)
