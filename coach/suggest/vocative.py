"""The name a supporter addresses the person by, so an alternative can keep it.

"but gina u should call them back" -> "Gina, how would you feel about calling them back?": using the
person's name is part of what the supporter said, and part of speaking *with* them. No tagger is available
offline, so a name is recognised by where it stands (first after discourse words and before a pronoun or a
comma, between commas, or last after a comma) and by what it is (a capitalised word, or a word that no
English lexicon knows and that is not chat slang).

>>> vocative("but gina u should call them back"), vocative("Okay, so, Ray, you've been on it a while.")
('Gina', 'Ray')
>>> vocative("They'll hire you back, Jamal."), vocative("u need to stop hanging w tyler period")
('Jamal', '')
>>> vocative("mo did u stop taking it"), vocative("Did you take it?")
('Mo', '')
>>> vocative("Ugh, that again?"), vocative("Suboxone is way better, u should switch"), vocative("Sunday, then.")
('', '', '')
>>> vocative("Jay, you're not leaving."), vocative("Come on, Lou, pull yourself together."), vocative("Sure, you can.")
('Jay', 'Lou', '')
>>> vocative("she cant help being lazy dana but you can"), vocative("bring it back tonight kofi i'm not asking")
('Dana', 'Kofi')
>>> vocative("that was a lazy move"), vocative("that's complicated grief that's what it is")
('', '')
>>> vocative("ur just tired kofi thats all"), vocative("you used fentanyl that's why")
('Kofi', '')
>>> vocative("it's a lazy dog but you love him"), vocative("call your mom tonight but you decide")
('', '')
>>> vocative("you'll feel like a whole new person i swear")
''
>>> vocative("tbh kofi u sound done with it"), vocative("seriously dana how many times"), vocative("suboxone is better")
('Kofi', 'Dana', '')
>>> vocative("come on kofi everybodys mom slips up"), vocative("real talk tweakers don't get far")
('Kofi', '')
>>> with_vocative("How would you feel about bringing it back tonight kofi?", "Kofi")
'Kofi, how would you feel about bringing it back tonight?'
>>> with_vocative("Hey kofi. How has it been going?", "Kofi")
'Hey Kofi. How has it been going?'
>>> with_vocative("How would you feel about calling them back?", "Gina")
'Gina, how would you feel about calling them back?'
>>> with_vocative("What are you feeling right now? Tamsin.", "Tamsin")
'Tamsin, what are you feeling right now?'
"""

from __future__ import annotations

import re
from functools import lru_cache

from coach.model import lexicon as L

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9':]*|[,.!?;]")
_LEAD = frozenset("ok okay so but and look listen well um uh yeah yes right alright honestly oh".split())
_GREETING = frozenset("hey hi hello morning evening afternoon thanks welcome sorry bye night".split())
_YOU = frozenset("u you ur your youre you're r".split())
_AUX = frozenset("did do does are r have has can could would will were was".split())
# what follows ", NAME," when NAME is addressed ("Okay, so, Ray, you've been"), not described ("your dog, Buster, died")
_RESUME = frozenset("u you ur your youre you're you've you'll i i'm it's its that's we listen look honestly "
                    "seriously please".split())
_NOT_NAMES = frozenset("""tmrw tmr tbh ngl fr idk lol omg imo imho btw fwiw rn smh bc cuz cos pls plz thx ty k kk ya
    yep nah nope bro bruh dude man mate hun babe sis fam girl guys yall y'all dawg homie buddy pal sir maam ma'am
    lmao jk tho gonna gotta wanna kinda sorta ugh huh whoa aw oof ha hm hmm mhm yikes ew gotcha congrats heya heyy
    hiya hooah ttyl dw srsly ppl wht wat whatre whens pm am st op aa mr mrs ms dr mx sarge doc coach team all
    jeez wow abt omw ikr nvm cmon lmk brb gtg cya fyi sry hii sooo lowkey til whatd whered heres haha ahh fellas
    everyone folks monday tuesday wednesday thursday friday saturday sunday january february march
    july september october november december
    unless lest despite versus vs whilst albeit deffo defo deff def prolly probs obvs tbf
    christmas xmas easter thanksgiving diwali eid hanukkah ramadan halloween""".split())  # April, May, June, August are names too
# (the last line: conjunctions and prepositions the lexicon does not know, which open a clause before "you")


_CHAT_LEAD = frozenset("tbh ngl seriously srsly lol real talk come on cmon".split())
# what follows a name said first: the person spoken to ("leon u sound"), a discourse word, or a question
_AFTER_FIRST = frozenset("u you ur your youre you're youve you've youll you'll honestly seriously how what why "
                         "did do are have".split())
# what starts the clause after a name run on mid-sentence
_RUN_ON_NEXT = frozenset("but i i'm im you u ur you're youre".split())
_DETS = frozenset("a an the my your his her their our this that some any no every".split())
_TIME_WORDS = frozenset("tonight today tomorrow now rn".split())
_NOMINATIVE = frozenset("i he she they we".split())
# words before a participle that make it say how someone is ("just bored", "so tired")
_PREDICATIVE = frozenset("just so really too very being you're youre ur are is feeling getting".split())


def _opens_clause(word: str) -> bool:
    """A word that can start the clause after a name ("everybody's mom dies"), not continue a noun's own clause
    ("tweakers don't", "fentanyl in the pills")."""
    from coach.suggest.content import STOP

    return word[:1].isalpha() and word.lower() not in STOP


@lru_cache(maxsize=4096)
def _describes(word: str) -> bool:
    """An adjective only ("crazy", "lazy") or a time word ("tonight"): what a name can follow, a noun cannot."""
    from lemminflect import getAllLemmas

    from coach.suggest.content import STOP

    pos = set(getAllLemmas(word))
    # (an -ing form that is also a verb takes an object: "missing curfew", "using meth")
    return word in _TIME_WORDS or (word not in STOP and "ADJ" in pos and "NOUN" not in pos and "ADV" not in pos
                                   and not (word.endswith("ing") and "VERB" in pos))


@lru_cache(maxsize=4096)
def _parts_of_speech(word: str) -> frozenset[str]:
    from lemminflect import getAllLemmas

    return frozenset(getAllLemmas(word))


def _known(word: str) -> bool:
    return bool(_parts_of_speech(word))


def _only_noun(word: str) -> bool:
    """A word the lexicon knows only as a noun ("jay", "rose"), so it can be a name; "sure", "fine" cannot."""
    return _parts_of_speech(word) <= {"NOUN", "PROPN"}


def _name_like(word: str, capitalised_in_place: bool) -> bool:
    """A word that can be a first name here: not slang, an interjection, a day, a drug or a diagnosis; and
    either capitalised where capitals mean something or unknown to the English lexicon."""
    from coach.suggest.content import STOP

    low = word.lower()
    if (not word.isalpha() or not 2 <= len(word) <= 12 or low in _NOT_NAMES or low in _LEAD or low in STOP
            or low in L.FILLERS or low in L.MEDICATION or low in L.DIAGNOSIS or low in _GREETING):
        return False
    return capitalised_in_place or not _known(low)


def _after_determiner(toks: list[str], i: int) -> bool:
    """Does a determiner open the run of adjectives before ``toks[i]`` ("a whole new person")? Then it is a noun."""
    from lemminflect import getAllLemmas

    j = i - 1
    while j >= 0 and "ADJ" in getAllLemmas(toks[j].lower()):
        j -= 1
    return j >= 0 and j < i - 1 and toks[j].lower() in _DETS


@lru_cache(maxsize=8192)
def vocative(sentence: str) -> str:
    """The name the sentence addresses, capitalised ("" when there is none)."""
    toks = _WORD.findall(sentence)
    n = len(toks)
    for i, t in enumerate(toks):
        if not t[0].isalpha():
            continue
        prev = toks[i - 1] if i else ""
        nxt = toks[i + 1] if i + 1 < n else ""
        cap = t[0].isupper() and i > 0 and prev not in {".", "!", "?"}
        # "hey gina", "Hi, Priya", "Thanks for texting in, Marcus." style greetings
        greeted = prev.lower() in _GREETING or (prev == "," and i >= 2 and toks[i - 2].lower() in _GREETING)
        # first word (after discourse words), then a comma or "you": "Carmen, have you", "bex u gotta"
        asks = nxt.lower() in _AUX and i + 2 < n and toks[i + 2].lower() in _YOU  # "mo did u stop"
        lead = all(x.lower() in _LEAD or x == "," for x in toks[:i]) and (nxt == "," or nxt.lower() in _YOU or asks)
        # after a comma at the end ("..., Jamal."), or between commas before the speaker turns to them
        after = toks[i + 2].lower() if i + 2 < n else ""
        # ... or between commas before an order ("Come on, Lou, pull yourself together")
        tail = prev == "," and (nxt in {".", "!", "?"} or not nxt or (nxt == "," and (
            after in _RESUME or after in L.IMPERATIVE_VERBS))) and (cap or not _known(t.lower()))
        # "Jay, you're not leaving": a capitalised first word that is only ever a noun, addressed before "you"
        cap = cap or (i == 0 and t[0].isupper() and nxt == "," and after in _RESUME and _only_noun(t.lower()))
        # ... or run on, uncapitalised, between a describing word and the next clause ("she cant help being crazy
        # glen but you can", "... tonight hollis i'm not asking"): a noun cannot follow an adjective or "tonight"
        # with no determiner before them, so it is the person addressed
        # (a participle said of the person counts as describing: "you're just bored doris that's all")
        state = (prev.lower().endswith("ed") and toks[i - 2].lower() in _PREDICATIVE) if i >= 2 else False
        # (not after a subject: "you used fentanyl", where the "describing" word is a verb)
        # (and no determiner in the few words before: "a whole new person i swear" names no one)
        mid = (t.islower() and 2 <= i and toks[i - 2].lower() not in _DETS | _YOU | _NOMINATIVE and (_describes(prev.lower()) or state)
               and not _after_determiner(toks, i)
               and (nxt.lower() in _RUN_ON_NEXT or (nxt.lower() in {"that's", "thats"} and not _known(t)))
               and (not _known(t) or (_only_noun(t) and not t.endswith("s"))))
        # ... or a word no lexicon knows, said first (after discourse words: "tbh leon u sound", "franklin honestly
        # stop"): a turn opens on the person's name far more often than on an unknown noun
        first = (t.islower() and all(x.lower() in _LEAD or x.lower() in _CHAT_LEAD or x == "," for x in toks[:i])
                 and not _known(t.lower()) and (nxt.lower() in _AFTER_FIRST or (i > 0 and _opens_clause(nxt))))
        if (greeted or lead or tail or mid or first) and _name_like(t, cap or mid):
            if mid or first:
                return t[0].upper() + t[1:]
            if greeted or lead or cap or (tail and t.islower() and not nxt):
                return t[0].upper() + t[1:]  # (lower-case and last after a comma: "grow up, tamsin")
    return ""


def with_vocative(text: str, name: str) -> str:
    """``text`` addressed to ``name`` (unchanged when there is no name or the text already uses it)."""
    if not name:
        return text
    alone = re.search(rf"(?<=[.?!])\s+{re.escape(name)}[.?!]$", text, re.I)
    if alone:  # the name said last ("grow up, tamsin") left standing as a sentence of its own: it opens the reply
        text = text[:alone.start()]
    said = re.search(rf",?\s*\b{re.escape(name.lower())}\b(?=\s*(?:[,?.!]|$))", text)
    if said and said.start() > 0 and re.search(r"(?:^|\s)(?:hey|hi|hello|morning|thanks|sorry)\W*$", text[:said.start()], re.I):
        return text[:said.start()] + said.group(0).replace(name.lower(), name) + text[said.end():]  # "Hey lena."
    if said and said.start() > 0:
        # the name kept uncapitalised where it was run on ("... tonight hollis?"): moved to the front, capitalised
        text = (text[:said.start()] + text[said.end():]).strip()
    elif re.search(rf"\b{re.escape(name)}\b", text, re.I):
        return text
    rest = text if text.startswith(("I ", "I'", "I,")) else text[:1].lower() + text[1:]
    return f"{name}, {rest}"


# capitalised words said between commas that are no one's name
_NOT_ADDRESSED = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december christmas easter honestly okay ok so well look listen right yes no
    yeah but and also again""".split())


def addressed(sentence: str) -> set[str]:
    """Every capitalised word said between commas (or first, before one), lowercased: the people the supporter
    addresses, wherever in the turn, which :func:`vocative` (the one name an alternative keeps) may pass over.

    >>> sorted(addressed("You're a good man, Dale, but you're an alcoholic.")), addressed("Okay, Monday, then.")
    (['dale'], set())
    """
    return {m.group(1).lower() for m in re.finditer(r"(?:^|,\s*)([A-Z][a-z]+),", sentence)} - _NOT_ADDRESSED
