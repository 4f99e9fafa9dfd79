"""Person-driven alternatives for flagged phrases, and affirmations for strengths.

For each concern, candidates come from three sources, best first:

1. ``rewrite``: the supporter's own sentence rewritten around its verb phrase
   and objects (:mod:`coach.suggest.rewrite`), so the topic is kept;
2. ``bank``: the rewrite of the most similar original in the team's rewrite
   bank (:mod:`coach.suggest.bank`);
3. ``guideline``: the label's guideline-grounded alternatives from
   :mod:`coach.taxonomy`.

Every candidate is checked by the classifier itself (no concern above
threshold), for well-formedness, and for not repeating the flagged phrase;
the first ``limit`` that pass are returned, each with a one-line "why".
For ``person_driven`` the result is one affirmation naming the value.

>>> Suggestion("What would you like to do?", "Leaves the decision with them.", "guideline").as_dict()["source"]
'guideline'
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from functools import lru_cache

import numpy as np

from coach import taxonomy
from coach.model import lexicon as L
from coach.suggest.content import AVAILABILITY, RECOMMENDING, STOP


@dataclass(frozen=True)
class Suggestion:
    text: str
    why: str
    source: str  # rewrite | bank | guideline | affirmation

    def as_dict(self) -> dict:
        return asdict(self)


_WORD = re.compile(r"[A-Za-z']+")


# Word pairs no English sentence has, that a rewrite cutting a phrase in the wrong place produces:
# - a preposition or a determiner directly before "of" ("going with of extra pills", "the of"): "of" needs a
#   noun or a quantity before it ("a couple of", "out of", "because of", "kind of", "some of" are all fine, so
#   only words that can never head a partitive are listed);
# - a determiner directly before a preposition, a conjunction, an auxiliary or the end of the sentence
#   ("about the?", "your with", "a is"): a determiner needs its noun. ("his", "her", "my", "that", "this" are
#   left out: they also stand alone as pronouns, "it's his.", "oh my!")
_PREPOSITIONS = ("with about for to at from in on by into onto after before during since until till than around "
                 "without through between among against toward towards upon across behind beneath under")
_DETERMINERS = "the a an your our their every"
# ... of which these never start an attributive compound ("the on-call nurse" is often written "the on call nurse",
# "the in crowd", "the after party": those are left out after a determiner)
_NEVER_ATTRIBUTIVE = "with about for to at from into onto during since until till than without between among against upon"
# terms of address, which left standing as a sentence ("... either way? Brother.") are no part of a reply
_ADDRESS_WORDS = "love|hun|hon|mate|man|bro|dude|girl|babe|sweetheart|darling|pal|buddy|brother|sis"
_IMPOSSIBLE = re.compile(
    rf"(?<![\w'-])(?:(?:{'|'.join(_PREPOSITIONS.split() + _DETERMINERS.split())})\s+of"
    rf"|(?:{'|'.join(_DETERMINERS.split())})\s+(?:{'|'.join(_NEVER_ATTRIBUTIVE.split())}|and|or|but|is|are|was|were)"
    rf"|(?:the|an|your|our|their|every|(?-i:a))\s*[,.?!](?![a-z]))(?![\w'-])"
    # a contraction's tail cut from its word ("win 't", "do n't"): a token join gone wrong
    r"|(?<=\w)\s+['\u2019](?:t|s|re|ve|ll|d|m)\b"
    # a spoken repeat made two steps ("stop, stop apologising" -> "stopping and stopping apologising"), and a time
    # cut from its "as of" ("cutting him off as of I already told your sister")
    r"|\b(?!(?:more|less|over|on|round|again|out|back|through|up|down|by|time|day|night|week|year|bigger|better|"
    r"worse|harder|longer|closer|louder|faster|slower|further)\b)(\w{3,}) and \1(?![\w'-])"
    r"|\bas of\s+(?:I|I'm|I've|you|he|she|we|they)\b|\bas of\W*$"
    # a term of address left standing as a sentence ("... about it? Love."), and the supporter's own next step
    # joined into the question put to the person ("How would you feel about booking it and I'll ring you at ten?")
    rf"|(?:^|(?<=[.!?])\s)(?:{_ADDRESS_WORDS})\.(?=\s|$)"
    r"|\bhow (?:would|do) you feel about\b[^?.!]*\band (?:I'll|I will|I'm|I am|ill|im|we'll|we will|we're|we are)\b"
    # a quantity, a limit or a source left standing as a sentence when its clause went ("Every drawer.", "Down to
    # the bus fare.", "From what you're telling me though.")
    r"|(?:^|(?<=[.!?])\s)(?:every|each|all|down to|up to|right down to|even) (?:the |your |a |of )?\w+(?: \w+)?\.(?=\s|$)"
    r"|(?:^|(?<=[.!?])\s)from what (?:you're|you are|you've|I've|I'm) [^.?!]*\.(?=\s|$)"
    # "lots of people" left standing as a sentence, and a reflection of two clauses run together ("It sounds like it is
    # that's how you get the points")
    r"|(?:^|(?<=[.!?])\s)(?:lots|loads|plenty|most|some|a lot|a few) of (?:people|folks|ppl|us|them)\.(?=\s|$)"
    r"|\b(?:it is|it's|its) (?:that's|thats|it's|its)\b"
    # an intensifier cut from what it intensified ("I hope he's completely, and ..."), a preposition of time cut
    # from its object ("With the heat off since."), a reflection of no more than a pronoun ("It sounds like you.")
    r"|(?:'s|'re|'m|\bis|\bare|\bwas|\bwere|\bbe|\bam)\s+(?:completely|totally|absolutely|really|very|quite|super)[,.]"
    r"|\b(?:since|until|till|from|without)\.(?=\s|$)"
    r"|\bit sounds like (?:you|he|she|they|it|him|her|them)\."
    # a reflection of a pronoun and a preposition ("It sounds like you in a heartbeat."), a question cut after the verb
    # of its clause ("... before you get?"), a bracket left from the original ("please.)."), a try that is an
    # obligation ("I can try to have to tell Ruth")
    r"|(?:\bit sounds like|(?:^|(?<=[.!?])\s)so) (?:you|he|she|they|it|him|her|them) (?:in|on|at|with|for|to|from|by|"
    r"about|like|of)\b"
    r"|\b(?:before|after|until|till|when|if|so) (?:you|u|he|she|they|we|i) (?:get|put|make|take|bring|give|got)\?"
    r"|[.!?]\)|\(\W*$|\bI can try to (?:have to|need to|gotta|got to)\b"
    # a clause cut after its contracted modal ("It sounds like she'll."), a question cut after "sounds" ("What's been
    # going on with your caseworker sounds?"), a noun phrase cut after its adjective ("you walk out a new, and ...")
    r"|\b(?:she|he|they|you|it|we|i)'(?:ll|d)[.?!]"
    r"|\b(?:sounds|seems|looks)\?"
    r"|\b(?:a|an|the) (?:new|whole|real|proper|complete|total|different)\s*[,.?!]"
    # a hope with no subject ("I hope stays between us": the claim "Stays between us, I promise" had none)
    r"|\bI hope (?:stays?|goes|gets|comes|happens|works|leaves|is|are|was|will|won't|never|always)\b"
    # ... or a verb, a negation, an interjection or the guarantee itself where its subject should be ("I hope
    # guarantee you smash that interview", "I hope can't the council says yes", "I hope ah, it's okay", "I hope ul
    # get the flat", "I hope come to the meetings every week and ...")
    r"|\bI hope (?:guarantee\w*|promise\w*|can'?t|cant|cannot|won'?t|don'?t|ah|oh|um|uh|ul|u'll|ull|come|go|get|make|"
    r"take|keep|stop|start|just|definitely|def|totally|honestly|tbh|ngl)\b"
    # two clauses run together where a run-on turn was cut ("I hope you've got they have to award it"), a clause cut
    # from the verb it completes ("I hope nobody finds out and you were sectioned", "I hope the judge sees how much,
    # and ..."), a discourse marker or a telling taken for the hope or the try ("I hope to be fair and ...", "I can
    # try to tell you this for nothing"), a rule tag taken for a step ("... and dealing?")
    r"|\b(?:you've got|you got|you have|you've) (?:they|he|she|we)\b"
    r"|\b(?:finds?|found|finding) out and (?:you|u|he|she|they|i|we)\b|\bhow (?:much|many|far|long|hard)\s*[,.;]"
    r"|\b(?:with|about|around) (?:many|much) of\b"
    # a rule announced, left standing as a sentence ("New rule. What would you like to do about his Instagram?",
    # "Here's the deal. How would you ..."), an ultimatum's sanction left standing ("He goes. That sounds ..."), a
    # reflection cut after "end up" ("It sounds like you'll end up.")
    r"|(?:^|(?<=[.!?])\s)(?:(?:okay|ok|so|right),? )?(?:new|house|group|ward|one) rules?\.(?=\s|$)"
    r"|(?:^|(?<=[.!?])\s)(?:(?:okay|ok|so|right),? )?(?:here's|heres|here is) the (?:deal|plan|thing|rule)\.(?=\s|$)"
    r"|(?:^|(?<=[.!?])\s)(?:he|she|they|you|u)(?:'s|\u2019s|'re|\u2019re| is| are| goes)?\s*(?:out|gone|goes|barred|off the "
    r"list)(?: (?:of|from) (?:the |this |your |ur )?[\w-]+(?: [\w-]+)?)?\.(?=\s|$)"
    # a reported view left at the end of a question ("How do you feel about going and your mum reckons right now?"),
    # a hope with an adverb or the supporter's own act for its clause ("I hope in the end", "I hope I don't write
    # anything down"), a gate asked about as the step ("How do you feel about having your phone back until you've done
    # your check-in?"), the fragment of a check ("Jamie, you've actually stuck to it.")
    r"|\band (?:your|ur|his|her|their|my|the) [\w-]+ (?:reckons|thinks|says)(?: right now)?\?"
    r"|\bI hope (?:in the end|eventually|one day,|I (?:don't|do not|won't|never))\b"
    r"|\b(?:feel about|thoughts on|do about)\b[^?.!]*\buntil (?:you've|you have|you|u)\b"
    r"|(?:^|(?<=[.!?])\s)(?:[A-Z][a-z]+, )?you've actually\b"
    r"|\b(?:you'll|you will|you're gonna|you are going to|ull|u'll) end up[.?!]"
    r"|\bit sounds like (?:he|she|they|you|it) (?:brings?|takes?|gets?|makes?|puts?|gives?|keeps?|wants?|needs?|uses?|"
    r"has|have)\."
    r"|\bI hope (?:to be fair|to be honest|in fairness|fair play)\b|\bI can try to (?:tell|say|swear|bet)\b"
    r"|\b(?:and|or) (?:dealing|deal)[?.]"
    # the other half of an ultimatum cut from its subject ("... about taking your meds or can find somewhere else?")
    r"|\bor (?:can|will|could|would|must|should|shall)\b"
    # a reflection frame left without what was said, and a dash left before the reply's verb ("You're saying. The
    # racing thoughts and the spending — sound really hard.")
    r"|(?:^|(?<=[.!?])\s)(?:you're|you are|youre|ur|u r) (?:saying|describing|telling me)\.(?=\s|$)"
    r"|[\u2014\u2013-]\s+(?:sounds?|seems?) really\b"
    # a kind of something left standing as a sentence ("This kind of grief. That sounds really hard.")
    r"|(?:^|(?<=[.!?])\s)(?:this|that|the|a) (?:kind|sort|type) of \w+(?: \w+)?\.(?=\s|$)"
    # a speaker left without what they said ("Your mum thinks. What do you make of ...")
    r"|(?:^|(?<=[.!?])\s)(?:your|the|my|his|her|their|a couple of the|some of the) \w+(?: \w+)? (?:thinks|think|reckons|"
    r"reckon|says|said)\.(?=\s|$)"
    # a linking word left alone as a sentence, with or without the name it was said to ("... curfew? Though, Frank.")
    r"|(?:^|(?<=[.!?])\s)(?:though|tho|anyway|but|and|so)(?:,\s*[A-Z][a-z]+)?\.(?=\s|$)"
    # a reflection frame around a clause cut off from its subject ("It sounds like till the cravings settle down")
    r"|\b(?:it sounds like|talk about how)\s+(?:till|until|unless|because|cause|since|if|when|while|after|before|to|"
    r"for|from|with|of|at|in|on|by|about|as|so|and|but|or|than)\b"
    # a reflection of a relative clause cut from its noun ("It sounds like you had on Sunday.")
    r"|(?:\bit sounds like|(?:^|(?<=[.?!])\s)so|\btalk about how) (?:you|he|she|they|we) (?:had|got|took|made|gave|told|said|"
    r"did|saw|heard|found|put|left|wrote|posted|mentioned|texted|meant|thought)"
    r"(?: (?:on|at|in|with|to|for|about|last|this|yesterday|today|tonight)\b|[.?!])"
    # a reflection cut before its object ("It sounds like you were having.")
    r"|\bit sounds like\b[^.?!]*\b(?:having|describing|saying|telling|doing|making|getting|taking|giving|using|wanting|"
    r"needing|asking|calling)\."
    # a sentence cut after "than" ("... it lasts longer than."), or after the preposition of a gerund
    # ("You're waiting for.")
    r"|\bthan\.(?:\s|$)|\b(?:you're|you are|i'm|we're|they're|he's|she's) \w+ing (?:for|with|about|at|to|from|on|of)\."
    r"(?:\s|$)"
    # a sentence cut after its modal or a verb that needs its complement ("The school will.", "It sounds."), or a
    # "there's" cut from what there is ("I hope you win that, there's, and ...")
    r"|\b(?:will|would|can|could|should|must|might|shall|sounds|seems|gonna|gotta|wanna|going to|have to|need to)"
    r"\.(?:\s|$)|\bthere's,"
    # a bare noun phrase left standing as a sentence ("The tribunal.", "Those command voices.")
    r"|(?:^|(?<=[.!?])\s)(?:the|an?|those|these)\s+(?!(?:is|are|was|were|sounds?|seems?|helps?|matters?)\b)\w+"
    r"(?:\s+(?!(?:is|are|was|were|sounds?|seems?|helps?|matters?)\b)\w+)?\.(?=\s|$)"
    # a time left standing as a sentence when its clause went ("Next time, you're sitting out" -> "Next time.")
    r"|(?:^|(?<=[.!?])\s)(?:next time|this time|tonight|tomorrow|today|again|from now on|right now|now|later|"
    r"(?:next|this) (?:week|session|meeting))\.(?=\s|$)"
    # a subordinate clause left standing as a sentence ("Till the cravings settle down.", "After what you saw.")
    r"|(?:^|(?<=[.!?])\s+)(?:(?:sorry|but|and|so),? )*(?:till|until|unless|because|cause|cuz|whereas|although|though|"
    r"if|when|while|(?:after|before|since|once) (?:what|all|everything|you|u|we|they|he|she|i)(?!')|"
    r"(?:after|before|since|once) (?:you're|you've|we're|they're)\b)\b[^.?!,;:]*\."
    # a topic that is the supporter's own ("What was going on for you around my cousin?"), a time frame or a tag
    # question taken for a topic ("... around this time or nah?", "... around this point?")
    r"|\b(?:tell me more about|for you around|feeling about|feel about) (?:my|me|mine|myself)\b"
    r"|\b(?:about|around) (?:this|that) (?:point|stage)(?: now)?\?|\bor (?:nah|naw)\b"
    # a topic that is a clause cut loose ("Can you tell me more about cutting because your boyfriend?")
    # ("... about skipping doses because of a tremor?": "because of" heads a noun phrase, no clause)
    r"|\b(?:tell me more about|what has|what was going on for you around) [^?.!]*\b(?:because(?! of\b)|cause|cuz|if|"
    r"unless|whereas)\b", re.I)


@lru_cache(maxsize=4096)
def _word_classes(word: str) -> frozenset[str]:
    """The word classes lemminflect's lexicon gives ``word`` ("good": ADJ and NOUN; "awesome": ADJ only)."""
    from lemminflect import getAllLemmas

    return frozenset(getAllLemmas(word))


def _adjective(word: str) -> bool:
    """Can ``word`` be an adjective ("good", "cold")? A head noun after "the" that can is read as the adjective;
    a gerund is what the person goes through ("the freezing")."""
    return "ADJ" in _word_classes(word) and not word.endswith("ing")


def _only_adjective(word: str) -> bool:
    """Is ``word`` an adjective and nothing else ("awesome", "great"; not "work")?"""
    return _word_classes(word) == {"ADJ"}


# the first words of a topic asked about ("Can you tell me more about ...", "What was going on for you around ...")
_TOPIC_WORDS = re.compile(r"\b(?:about|around) ([a-z]+)(?:(\?)|\W+([a-z]+))?", re.I)
_PARTICLES = frozenset("up out off down over back on in away".split())
_CLAUSE_AS_TOPIC = re.compile(r"\b(?:more about|feel about|feeling about|think about|for you around) (?:your|ur|the|his|her|"
                              r"their|my) [\w'-]+ (?:sounds|seems|looks|is|was|"
                              r"are|were|gets|got|has|had)\b", re.I)


def well_formed(text: str) -> bool:
    """Capital start, end punctuation, no doubled words, no impossible word pair (:data:`_IMPOSSIBLE`), not empty.

    >>> well_formed("What would you like to do?"), well_formed("what would you like"), well_formed("I I think so.")
    (True, False, False)
    >>> well_formed("How has it been going with of extra lorazepam?"), well_formed("What do you think about the?")
    (False, False)
    >>> well_formed("What's it like at 3 a.m.?"), well_formed("Is it one of the things on your to-do list?")
    (True, True)
    >>> well_formed("Would you like me to win 't help you again?"), well_formed("You said 'take it slow'.")
    (False, True)
    >>> well_formed("It sounds like till the cravings settle down. What has that been like for you?")
    False
    >>> well_formed("Till the cravings settle down. What feels like a good next step to you?")
    False
    >>> well_formed("Until then, what would help? Because of the rent, it's hard.")
    True
    >>> [well_formed(t) for t in ("The tribunal. I hope you win.", "It sounds. What is that like?",
    ...                           "The school will. I hope so.", "Those command voices. What are they like?")]
    [False, False, False, False]
    >>> well_formed("Next time. What feels like a good next step to you?"), well_formed("See you next time.")
    (False, True)
    >>> well_formed("Can you tell me more about griping about the curfew? Though, Frank.")
    False
    >>> well_formed("Your mum thinks. What do you make of what your mum thinks?"), well_formed("That's what I think.")
    (False, True)
    >>> well_formed("This kind of grief. That sounds really hard.")
    False
    >>> [well_formed(t) for t in ("How would you feel about searching her room tonight? Every drawer.",
    ...                           "Down to the bus fare. What feels like a good next step?",
    ...                           "From what you're telling me though. The cutting sounds really hard.",
    ...                           "Every day is a lot.")]
    [False, False, False, True]
    >>> well_formed("Lots of people. What helps?"), well_formed("It sounds like it is that's how you get the points.")
    (False, False)
    >>> [well_formed(t) for t in ("I hope he's completely, and I can't promise it.", "With the heat off since.",
    ...                           "It sounds like you. How are you feeling?", "It stopped completely.")]
    [False, False, False, True]
    >>> well_formed("How would you feel about signing where the stickies are and we'll mail it?")
    False
    >>> [well_formed(t) for t in ("How are you feeling about vindictive now?", "Can you tell me more about your sister "
    ...                           "sounds bitter?", "What was going on for you around good with your little sister?",
    ...                           "What was going on for you around rock up to the interview?",
    ...                           "What was going on for you around going on this morning?")]
    [False, False, False, False, False]
    >>> [well_formed(t) for t in ("How are you feeling about work now?", "Can you tell me more about your sister?",
    ...                           "How would you feel about going back to group?", "How do you feel about it now?",
    ...                           "What was going on for you around backs?", "How would you feel about cutting back?",
    ...                           "Your worry about the court date sounds really hard.")]
    [True, True, True, True, True, True, True]
    >>> well_formed("How would you feel about having PTSD no question about it?")
    False
    >>> well_formed("I hope stays between us, and I can't promise it."), well_formed("I hope it stays between us.")
    (False, True)
    >>> [well_formed(t) for t in ("I hope guarantee you smash that interview.", "I hope can't the council says yes.",
    ...                           "I hope ah, it's okay.", "I hope come to the meetings and it turns around.",
    ...                           "I hope the council says yes.", "I hope you've got they have to award it.")]
    [False, False, False, False, True, False]
    >>> well_formed("Before you leave today. How would you feel about it?"), well_formed("Before you leave, call me.")
    (False, True)
    >>> [well_formed(t) for t in ("What was going on for you around my cousin?", "What was going on for you around "
    ...                           "this time or nah?", "What was going on for you around this point?",
    ...                           "What was going on for you around that time?", "Would a walk sound good, or not?")]
    [False, False, False, True, True]
    >>> well_formed("I can try to have to tell Ruth."), well_formed("I can try to have a word with her.")
    (False, True)
    >>> [well_formed(t) for t in ("It sounds like she'll. How are you?", "What's been going on with him sounds?",
    ...                           "Can you tell me more about awesome?", "Can you tell me more about work?",
    ...                           "The good sounds really hard.", "The cutting sounds really hard.")]
    [False, False, False, True, False, True]
    >>> [well_formed(t) for t in ("The voices are loud. What are they like?", "That's just how it is.",
    ...                           "I can try, and I will.", "What helps? The walks help.")]
    [True, True, False, True]
    """
    text = text.strip()
    if not text or not text[0].isupper() or text[-1] not in ".?!":
        return False
    hard = re.match(r"(?:the|your) (\w+) sounds? really hard\b", text, re.I)
    if hard and _adjective(hard.group(1).lower()):
        return False  # "The good sounds really hard.": a topic is a thing
    for m in _TOPIC_WORDS.finditer(text):
        w1, w2 = m.group(1).lower(), (m.group(3) or "").lower()
        if _only_adjective(w1) and (m.group(2) or w2 in {"", "now", "today", "then", "right"}) or (
                _adjective(w1) and "NOUN" not in _word_classes(w1) and w2 in {"with", "at", "to", "for", "of"}) or (
                w1 in {"good", "bad", "great"} and w2 in {"with", "at"}) or (
                not w1.endswith("ing") and "VERB" in _word_classes(w1) and w2 in _PARTICLES) or (w1, w2) == ("going", "on"):
            return False  # "Can you tell me more about awesome?", "about vindictive now?", "around good with your
            # sister", "about rock up": a topic is a thing
    if _CLAUSE_AS_TOPIC.search(text):
        return False  # "Can you tell me more about your sister sounds bitter?": a clause is no topic
    having = re.search(r"\babout having (?:an? )?([\w-]+)", text)
    if having and having.group(1).lower() in L.DIAGNOSIS:
        return False  # "How would you feel about having PTSD?": a verdict handed back as a step to take
    words = [w.lower() for w in _WORD.findall(text)]
    return all(a != b for a, b in zip(words, words[1:])) and not _IMPOSSIBLE.search(text)


def repeats_phrase(text: str, phrase: str) -> bool:
    """Does ``text`` contain the flagged ``phrase`` (as whole words, ignoring case and punctuation)?

    A phrase of function words only ("you") cannot be meaningfully repeated, so it never counts.

    >>> repeats_phrase("Honestly, you need to think.", "You need to"), repeats_phrase("What do you want?", "you")
    (True, False)
    """
    words = _WORD.findall(phrase.lower())
    if len(words) < 2 and all(w in STOP for w in words):
        return False
    norm = lambda s: " ".join(_WORD.findall(s.lower()))  # noqa: E731
    p = " ".join(words)
    return bool(p) and f" {p} " in f" {norm(text)} "


def repeats_flagged(text: str, sentence: str, start: int, end: int) -> bool:
    """Does ``text`` repeat the phrase flagged at ``sentence[start:end]``? The tagger's phrase can be the person's
    name alone ("Come on, Marcus."): the name stays in every alternative (:func:`_candidates`), so saying it again is
    no repeat of the concern.

    >>> repeats_flagged("Marcus, what happened?", "Come on, Marcus.", 9, 15)
    False
    """
    from coach.suggest.vocative import vocative

    phrase = sentence[start:end]
    words = " ".join(_WORD.findall(phrase.lower()))
    if words and words == vocative(sentence).lower():
        return False
    return repeats_phrase(text, phrase)


_AFFIRM = {
    "permission": ("asks permission before sharing: equally shared power", re.compile(
        r"\b(would it be (ok|okay|alright|all right)|would it help|do you mind|mind if i|can i share|could i share|is it (ok|okay) if)\b", re.I)),
    "choice": ("respects their choice: person-driven", re.compile(
        r"\b(your (call|choice|decision)|up to you|you decide|you get to|whatever you decide|totally yours)\b", re.I)),
    "strength": ("names a strength or effort: strengths-focused", re.compile(
        r"\b(strength|strong|proud|courage|guts|brave|took (real )?(guts|courage|strength)|you('ve| have) (stuck|managed|handled|kept|made)|that takes)\b", re.I)),
    "options": ("offers options and leaves the choice to them: person-driven", re.compile(
        r"\b(some people|options?|one thing|another thing|either|or you could|you could also)\b", re.I)),
    "question": ("asks what they want: person-driven", re.compile(
        r"\b(what|how)\b.*\b(you|your)\b", re.I)),
}


def affirmation(sentence: str, phrase: str) -> Suggestion:
    """A one-line affirmation naming the value a person-driven phrase embodies.

    >>> affirmation("What would you like to do moving forward?", "What would you like to do").why
    'asks what they want: person-driven'
    """
    for reason, pattern in _AFFIRM.values():
        if pattern.search(phrase) or pattern.search(sentence):
            return Suggestion(f"Keep this: it {reason.split(':')[0]}.", reason, "affirmation")
    reason = "puts the person in charge: person-driven"
    return Suggestion(f"Keep this: it {reason.split(':')[0]}.", reason, "affirmation")


def _candidates(sentence: str, label: str, start: int, end: int, banked: list[str], avoid=(),
                suspect=()) -> list[Suggestion]:
    from coach.suggest import rewrite

    from coach.suggest.vocative import addressed, vocative, with_vocative

    info = taxonomy.get(label)
    made = rewrite.rewrite(sentence, label, start, end, avoid, suspect)
    if not made or len(_WORD.findall(sentence[start:end])) < 2:
        # the tagger's phrase can be a stray word ("fit", "the"): the label is the sentence's, so its clause is
        # rewritten as a whole too (later in rank: the phrase's own rewrites stay first)
        lo, hi = rewrite._covering(sentence, start, end)
        if (lo, hi) != (start, end):
            made += [t for t in rewrite.rewrite(sentence, label, lo, hi, avoid, suspect) if t not in made]
        phrase = sentence[start:end]
        if made and all(repeats_phrase(t, phrase) for t in made):
            # the tagger's phrase is the tail of a run of orders ("Delete your social media now and stay off it for
            # a month"): every rewrite of the clause says it again, so the orders before it are offered on their own
            for m in re.finditer(r",?\s+(?:and then|and|then)\s+", sentence[lo:start]):
                cut = sentence[:lo + m.start()].rstrip(" ,") + "."  # the sentence as far as the orders before it
                made += [t for t in rewrite.rewrite(cut, label, lo, len(cut) - 1, [a for a in avoid if a[1] <= len(cut)],
                                                    [a for a in suspect if a[1] <= len(cut)])
                         if t not in made and not repeats_phrase(t, phrase)]
    out = [Suggestion(t, info.why, "rewrite") for t in made]
    out += [Suggestion(t, info.why, "bank") for t in banked]
    out += [Suggestion(t, info.why, "guideline") for t in info.alternatives]
    # a term of address kept as a sentence of its own ("... either way? Brother.") goes: it is no part of the reply;
    # so does a dash left before the end of a sentence ("... that consent form signed —.")
    out = [Suggestion(_DASH_END.sub("", _ADDRESS_ALONE.sub("", c.text)).strip(), c.why, c.source) for c in out]
    # ... and the person addressed is never the topic asked about ("You're a good man, Dale, but ..." -> not "Can you
    # tell me more about dale?")
    named = addressed(sentence)
    out = [c for c in out if not (named and (m := re.search(r"\babout (\w+)\b", c.text)) and m.group(1).lower() in named)]
    name = vocative(sentence)  # the person's name, when the supporter used it, stays in every alternative
    return [Suggestion(with_vocative(c.text, name), c.why, c.source) for c in out] if name else out


_ADDRESS_ALONE = re.compile(rf"(?:^|(?<=[.!?]))\s*(?:{_ADDRESS_WORDS})\.(?=\s|$)", re.I)
_DASH_END = re.compile(r"[\s,]*[\u2014\u2013-]+\s*(?=[.?!,](?:\s|$))")


# a context clause scoring this multiple of a concern's threshold, read on its own, is not kept verbatim. It trades
# concerns kept against content kept; measured on dev (best_keeps_content, 912 before the guard): 0.5 -> 865,
# 1.0 -> 892, 1.25 -> 899, 1.5 -> 904. Every clause the lower margins also catch that was checked is a real concern
# ("you're not ready", "those are the house rules"), but each costs the reply that clause's content unless its own
# rewrite keeps it, so the model guard acts only on clauses it is sure of; the clauses recognised by their form
# (orders, minimisers, diagnoses: :func:`coach.suggest.rewrite._context_concern`) are caught whatever their score.
SUSPECT_MARGIN = 1.5


def _suspects(items, model) -> dict[str, tuple]:
    """For each sentence with a concern, the clauses outside its flagged phrases that the model, reading each clause
    on its own, scores at least ``SUSPECT_MARGIN`` times a concern's threshold, as (start, end, label): the label
    furthest past its threshold.

    A clause kept verbatim around a rewrite is only checked inside the whole alternative, where the person-driven
    words around it dilute it ("Honestly, stop hanging around with him. ..." passes as a whole); read alone, an
    order or a verdict is plain. All clauses of the batch are scored in one model call.
    """
    from coach.suggest.rewrite import _as_sentence, segments

    flagged: dict[str, list[tuple[int, int]]] = {}
    for sentence, label, start, end, avoid in items:
        if taxonomy.kind_of(label) == "concern":
            flagged.setdefault(sentence, []).extend([(start, end)] + [(a[0], a[1]) for a in avoid])
    clauses: dict[str, list[tuple[int, int, str]]] = {}
    for sentence, spans in flagged.items():
        for a, b in segments(sentence):
            if any(s < b and e > a for s, e in spans):
                continue
            text = _as_sentence(sentence[a:b])
            if text and len(_WORD.findall(text)) >= 2:
                clauses.setdefault(sentence, []).append((a, b, text))
    texts = sorted({t for lst in clauses.values() for _, _, t in lst})
    thresholds = getattr(model, "thresholds_", None)
    if not texts or not thresholds:
        return {}
    proba = model.predict_proba(texts)
    cols = [(j, label) for j, label in enumerate(model.labels_) if taxonomy.kind_of(label) == "concern"]
    worst: dict[str, str] = {}
    for t, row in zip(texts, proba):
        ratio, label = max((row[j] / thresholds[label], label) for j, label in cols)
        if ratio >= SUSPECT_MARGIN:
            worst[t] = label
    return {sentence: tuple((a, b, worst[t]) for a, b, t in lst if t in worst) for sentence, lst in clauses.items()}


def suggest_many(items, model, limit: int = 3) -> list[list[Suggestion]]:
    """For each (sentence, label, start, end[, avoid]), up to ``limit`` checked suggestions, best first.

    ``avoid`` (optional) lists the character spans of the sentence's other flagged concerns, as (start, end)
    or (start, end, label).

    Bank retrieval is one vectorisation, the context clauses of the whole batch are scored with one model call
    (:func:`_suspects`) and all candidates of the whole batch are checked with one more.
    """
    from coach.suggest import bank

    items = list(items)
    items = [tuple(it) if len(it) == 5 else (*it, ()) for it in items]
    # the labels of each sentence's concerns, so a rewrite can rewrite the sentence's other flagged clauses too
    labels: dict[tuple, str] = {}
    for sentence, label, start, end, _ in items:
        if taxonomy.kind_of(label) == "concern":
            labels.setdefault((sentence, start, end), label)
    concern_items = [(s, lab) for s, lab, *_ in items if taxonomy.kind_of(lab) == "concern"]
    banked = iter(bank.nearest_many(concern_items))
    suspects = _suspects(items, model)
    cands: list[list[Suggestion]] = []
    for sentence, label, start, end, avoid in items:
        if taxonomy.kind_of(label) == "strength":
            cands.append([affirmation(sentence, sentence[start:end])])
            continue
        phrase = sentence[start:end]
        threat = _threat_condition(sentence)
        no_way = [m.group(1) for m in _NO_WAY.finditer(sentence)] if label == "false_promise" else []
        seen, keep = set(), []
        others = [(s, e, rest[0]) if rest else (s, e, labels[(sentence, s, e)]) if (sentence, s, e) in labels
                  else (s, e) for s, e, *rest in avoid if (s, e) != (start, end)]
        for c in _candidates(sentence, label, start, end, next(banked), others, suspects.get(sentence, ())):
            key = c.text.lower()
            if key in seen or not well_formed(c.text) or repeats_flagged(c.text, sentence, start, end):
                continue
            if c.source == "rewrite" and any(len(o) > 2 and o[2] == "judgment" and o[2] != label
                                             and keeps_words(c.text, sentence[o[0]:o[1]]) for o in others):
                continue  # a judgment of the same sentence handed back ("You're grieving wrong. How would you ...")
            if c.source == "rewrite" and _VERDICT_KEPT.search(c.text):
                continue  # the rest of a verdict the flagged phrase was only part of: a minimiser ("It sounds like
                # it's just a job ..."), sarcasm ("Bit convenient isn't it."), scare talk ("Two of them didn't even
                # make 30.") or the apology that marks one ("No offence.")
            if c.source == "rewrite" and _verdict_remnant().search(c.text):
                continue  # a diagnosis or a recommendation kept beside the reply ("Though, the Prozac is what's
                # flattening you. How would you feel about putting money on it?", "... It's the best thing going for
                # nights like yours.", "... that's a mood cycle.")
            if c.source == "rewrite" and _PROPOSAL.search(c.text):
                # an order not to do something is asked about as not doing it, never as the thing to do ("Just don't
                # go to Thanksgiving" -> "How do you feel about not going to Thanksgiving right now?", not "... about
                # going to Thanksgiving ..."); dropped when the negation cannot be put back
                text = _keep_negation(c.text, sentence)
                if not text:
                    continue
                c = replace(c, text=text)
                key = c.text.lower()
                if key in seen:
                    continue
            if c.source == "rewrite" and _DONT_BOTHER.search(c.text):
                # the other half of an ultimatum kept ("How would you feel about getting that paperwork in by friday
                # or honestly don't bother calling me?"): cut where it is joined on, else dropped
                text = _OR_DONT_BOTHER.sub("", c.text)
                if text == c.text or _DONT_BOTHER.search(text) or not well_formed(text) or text.lower() in seen:
                    continue
                c = replace(c, text=text)
                key = text.lower()
            if c.source == "rewrite" and label == "false_promise" and (
                    _PROMISE_KEPT.search(_HONEST_LIMIT.sub("", c.text)) or any(
                    keeps_words(c.text, clause) and not re.search(r"\bno way\b", c.text, re.I) for clause in no_way)):
                continue  # unlimited availability or a guarantee's grounds kept beside the reply ("You can message me
                # any time, literally any hour. I can't promise ...", "... It always does for people who try as hard as
                # you.", "You watch."), or "there's no way they can evict you" turned into "They can evict you ..."
            if c.source == "rewrite" and _SECRECY_KEPT.search(c.text):
                continue  # total secrecy kept beside the reply ("Whatever you put in my DMs stays between us. ...")
            if c.source == "rewrite" and threat and _OFFERED_STEP.search(c.text) and any(
                    keeps_words(c.text, part) for part in threat):
                continue  # the condition of a threat, or what it threatens, offered back as a step ("Keep drinking
                # every night and you'll end up ..." -> "How would you feel about drinking every night?", "Skip group
                # again and you'll be out of the house" -> "How would you feel about being out of the house?")
            if c.source == "rewrite" and label == "judgment" and _PROPOSAL.search(c.text) \
                    and keeps_words(c.text, phrase):
                continue  # the verdict proposed to the person ("Stop being paranoid" -> "How would you feel about
                # stopping being paranoid?"): an order about a feeling is not made person-driven by asking
            seen.add(key)
            keep.append(c)
        # the best few rewrites and bank picks, then the guideline fallbacks. The number does not depend on
        # `limit`, so the best alternative is the same whether one or three are asked for (batch vs check).
        kept = ([c for c in keep if c.source != "guideline"][:CANDIDATES]
                + [c for c in keep if c.source == "guideline"])
        cands.append(kept)
    concern = [taxonomy.kind_of(label) == "concern" for _, label, *_ in items]
    # Checked in two batched model calls: first each item's top `limit` candidates (usually all it needs),
    # then the rest only for items still short. Same result as checking everything: the first `limit`
    # clean candidates in rank order.
    clean: dict[str, bool] = {}
    for round_ in (0, 1):
        todo = set()
        for lst, is_concern in zip(cands, concern):
            if not is_concern:
                continue
            if round_ == 0:
                todo.update(c.text for c in lst[:limit])
            elif sum(clean.get(c.text, False) for c in lst[:limit]) < min(limit, len(lst)):
                todo.update(c.text for c in lst[limit:])
        todo = sorted(todo - clean.keys())
        if todo:
            clean.update(zip(todo, _clean(model, todo)))
    result = []
    for lst, is_concern in zip(cands, concern):
        if not is_concern:
            result.append(lst[:1])
            continue
        result.append([c for c in lst if clean.get(c.text, False)][:limit])
    return result


CANDIDATES = 4  # rewrite and bank candidates considered per finding, before the guideline fallbacks

# total secrecy promised, as a reply must not keep it ("stays between us", "not a soul will know", "goes nowhere")
_SECRECY_KEPT = re.compile(
    r"\b(?:stays?|staying|kept|keep it) (?:between (?:us|you and me|me and you|the two of us)|with me|in this "
    r"(?:room|chat|group))\b|\bbetween you and me\b|\bnot a (?:soul|word)\b|\b(?:nobody|no one|noone) "
    r"(?:will|'ll|is gonna|is going to) (?:ever )?(?:know|find out|hear)\b|\bgoes nowhere\b|"
    r"\b(?:won't|wont|will never|'ll never) (?:go|leave) (?:any ?where|this room|further)\b", re.I)
# what no reply keeps of a verdict when the flagged phrase was only part of it: a minimiser ("it's just a job", "not
# that big a deal", "plenty more fish"), a comparison that minimises ("my cousin lost his leg ... and he's still up for
# work"), sarcasm ("bit convenient", "shocker"), exasperation ("for god's sake"), scare talk ("didn't even make 30",
# "in a box") and "no offence", which marks what comes before it as a verdict
_VERDICT_KEPT = re.compile(
    r"\b(?:it's|its|it is|it was|that's|thats|that was|this is|he's|she's|they're|theyre) (?:just|only) "
    r"(?:a|an|one|some)\b|\b(?:not|isn't|isnt|wasn't|wasnt) (?:that|such a|a) (?:big|bad|hard|serious|complicated)\b"
    r"|\bno big deal\b|\bcould be (?:a lot )?worse\b"
    r"|\b(?:bit|pretty|very|awfully|rather|quite|how|real|mighty) convenient\b|\bshocker\b|\bsurprise,? surprise\b"
    r"|\bwhat a surprise\b|\b(?:didn't|didnt|never) (?:even )?(?:make|made) (?:it (?:to|past) )?\d+"
    r"|\b(?:six feet under|in a box|in a body bag)\b|\bno offen[cs]e\b"
    r"|\blost (?:his|her|their|both|a|an)?\s*(?:legs?|arms?|limbs?|sight)\b|\bgetting on with it\b|\bbit of perspective\b"
    r"|\b(?:he's|she's|they're|hes|shes|theyre|he is|she is|they are) still (?:up for|getting up for|going to|at) work\b"
    r"|\bplenty more fish\b|\bfor (?:god's|god\u2019s|fuck's|christ's|pete's) sake\b|\bffs\b", re.I)
# an order not to do something: "don't go", "dont text him", "never ring her", "no putting it off", "no more checking";
# not "if u dont bring the stubs" or "you don't get the apartment", which state a condition or a consequence
_NEGATED_STEP = re.compile(r"(?:^|[,;:.!?\u2014-]\s*|\b(?:and|but|so|just|then|now|ok|okay|please|ah|oh|honestly|look|listen|"
                           r"seriously|mate|man|right)\s+)(?:just\s+)?(?:don't|dont|do not|never|no more|no)\s+(?:just\s+)?"
                           r"(?:(?:you|u)\s+(?:dare\s+)?)?([a-z]+)\b", re.I)  # at the head of its clause: an order
_DONT_BOTHER = re.compile(r"\b(?:don't|dont|do not) (?:even )?bother\b", re.I)
_OR_DONT_BOTHER = re.compile(r",?\s+or\s+(?:(?:else|honestly|just|seriously|like)\s+)*(?:don't|dont|do not) (?:even )?"
                            r"bother\b[^.?!]*", re.I)
_NOT_A_STEP = frozenset("you u one more need have worry problem way doubt".split())


@lru_cache(maxsize=4096)  # asked once for each candidate reply to the same sentence
def _negated_steps(sentence: str) -> tuple[str, ...]:
    """The verbs ``sentence`` orders not to do ("Don't tell him, just go." -> ("tell",)).

    >>> _negated_steps("Don't tell him, just go."), _negated_steps("if u dont bring the stubs by friday")
    (('tell',), ())
    """
    return tuple(v for m in _NEGATED_STEP.finditer(sentence) if (v := m.group(1).lower()) not in _NOT_A_STEP)


def _keep_negation(text: str, sentence: str) -> str:
    """``text`` with "not" put back before each step it proposes that ``sentence`` orders not to take; "" when one
    such step cannot take it (no gerund after the proposal frame).

    >>> _keep_negation("How do you feel about going to Thanksgiving right now?", "Just don't go to Thanksgiving.")
    'How do you feel about not going to Thanksgiving right now?'
    >>> _keep_negation("How would you feel about going to group?", "Go to group, don't skip it.")
    'How would you feel about going to group?'
    >>> _keep_negation("What are your thoughts on putting it off?", "No putting it off.")
    'What are your thoughts on not putting it off?'
    """
    for verb in _negated_steps(sentence):
        if not keeps_words(text, verb, every_word=True):
            continue
        stem = re.escape(verb[:4] if len(verb) >= 4 else verb)
        frame = re.compile(rf"(\b(?:how (?:would|do) you feel about|what are your thoughts on) )({stem}\w*ing\b)", re.I)
        if not frame.search(text):
            if re.search(r"\b(?:not|no|without|stop|stopping|less)\b", text, re.I):
                continue  # the reply already turns it round ("... about cutting down?")
            return ""
        text = frame.sub(lambda f: f.group(1) + "not " + f.group(2), text)
    return text


# what a diagnosis or a recommendation leaves in a sentence when its label or verb is not the flagged phrase
_COMMON_CONDITION_WORDS = frozenset("add anxious depressed eating chemical classic clinical clinically condition deficient "
                                    "deficiency diagnose diagnosed diagnosis disorder disorders".split())


@lru_cache(maxsize=1)
def _verdict_remnant() -> re.Pattern:
    names = sorted((w for w in L.DIAGNOSIS if w.isalpha() and w not in _COMMON_CONDITION_WORDS), key=len, reverse=True)
    return re.compile(
        r"\bput(?:ting)? (?:money|my house|my life|a tenner) on\b"
        rf"|(?:{RECOMMENDING.pattern})(?![^.?!]*\?)"
        r"|\bway better than\b(?![^.?!]*\?)|\b(?:it'd|itd|it would|it will|it'll) be the same for (?:you|u)\b"
        r"|\bis what's (?:\w+ing)\b|\b(?:that's|thats|that is|it's|its|it is|this is) (?:(?:a|an|your|the|"
        r"classic|textbook|proper|typical|pure|just|definitely|clearly|obviously|basically)\s+)*(?:mood |manic |bipolar |"
        r"psychotic |depressive )?(?:cycle|episode|relapse|withdrawal|syndrome|disorder|breakdown|"
        rf"{'|'.join(map(re.escape, names))})\b", re.I)


# what a reply to a false promise must not keep: the unlimited availability it offered (the content measure's own
# definition, which no reply is asked to keep either), the grounds of a guarantee, "you watch"
_PROMISE_KEPT = re.compile(
    rf"{AVAILABILITY.pattern}"
    r"|\b(?:it|they|that) always (?:does|do|works?|happens?|comes? (?:back|round|around))\b"
    r"|\byou watch\b|\bcount on me\b|\bpractically (?:everyone|everybody|always)\b|\bno doubt\b|\bguaranteed?\b"
    r"|\btrust me\b|\bmark my words\b|\bcourse (?:you|u|he|she|they) (?:will|do|does)\b"
    r"|\b(?:everyone|everybody) (?:gets?|does) (?:it|them|through|approved)\b", re.I)
# ... outside the honest limit the reply itself states ("I can't be there day or night, but ...")
_HONEST_LIMIT = re.compile(r"\bI (?:can't|can\u2019t|cannot|won't|won\u2019t) [^,.;!?]*", re.I)
# "there's no way they can evict you": the clause a rewrite must not state without its "no way"
_NO_WAY = re.compile(r"\bno way\s+([^,.;!?]{5,60})", re.I)
# a step offered to the person, in the forms the rewrites offer one
_OFFERED_STEP = re.compile(r"\bhow (?:would|do) you feel about\b|\bwould you (?:want|like)(?: me)? to\b|\bsome people "
                           r"find it helps to\b|\bwhat are your thoughts on\b", re.I)
# an order that is the condition of a threat: "keep drinking every night | and you'll end up ...", "walk out again
# | and you'll lose your place"
_THREAT = re.compile(r"(?:^|[.!?,;:]\s+)((?:[\w'-]+\s+){1,8}?[\w'-]+),?\s+and (?:you'll|you will|youll|ull|u'll|"
                     r"u will|you're gonna|you are gonna|you're going to|ur gonna)\s+((?:[\w'-]+\s+){0,7}[\w'-]+)", re.I)
# what a threat threatens: a loss or a fate, not a gain ("and you'll be off it by spring" is a promise)
_HARM = re.compile(r"\b(?:lose|losing|end up|be out|out of (?:the|this|here)|kicked|thrown out|chucked out|back inside|"
                   r"back in (?:jail|prison|hospital|the nick)|regret|die|dead|ruin|wreck|sorry|barred|banned|sacked|"
                   r"fired|evicted|homeless|in a box|prison|jail|locked up|overdose|od)\b", re.I)
# ... or a sanction the supporter will carry out ("miss another one | and I'm gonna have to flag it with the manager")
_SANCTION = re.compile(r"(?:^|[.!?,;:]\s+)((?:[\w'-]+\s+){1,8}?[\w'-]+),?\s+(?:and|otherwise|or else|or) (?:I'll|I will|ill|"
                       r"i'm gonna|im gonna|I'm going to|I am going to|I'm|im|we'll|we will|we're gonna|we're)\s+"
                       r"(?:(?:have|need|be obliged) to\s+)?"
                       r"((?:report|flag|tell|write|log|take (?:you|u) off|kick|ban|call|ring|inform|pass|let|reporting|"
                       r"flagging|telling|writing|taking (?:you|u) off|kicking|calling|ringing|letting)\b"
                       r"(?:\s+[\w'-]+){0,6})", re.I)
# ... and what it follows when that is a behaviour, not a step asked of them ("you're gonna go to group and you'll
# text me" lists orders; "skip group again and you'll be out" threatens)
_DECLARED = re.compile(r"^(?:(?:so|and|right|ok|okay)\W+)*(?:you|u)(?:'re| are|re| will|'ll|ll| have to| need to| gotta| must)\b",
                       re.I)


def _threat_condition(sentence: str) -> tuple[str, ...]:
    """The words of a behaviour that a threat follows and of what it threatens ("keep drinking every night and you'll
    end up in a box" -> "drinking every night", "end up in a box"); () when the sentence has none.

    >>> _threat_condition("Keep drinking every night and you'll end up in a box."), _threat_condition("I'll call.")
    (('drinking every night', 'end up in a box'), ())
    >>> _threat_condition("Taper down a bit each week and you'll be off it by spring.")
    ()
    >>> _threat_condition("miss another one and im gonna have to flag it with the manager")
    ('miss another one', 'it with the manager')
    """
    m = _THREAT.search(sentence)
    sanction = not m or not _HARM.search(m.group(2))
    if sanction:
        m = _SANCTION.search(sentence)
    if not m or _DECLARED.match(m.group(1)):
        return ()
    cond = re.sub(r"^(?:(?:just|so|and|but|honestly|look|right)\s+)*(?:keep|carry on|go on|keep on)\s+", "", m.group(1),
                  flags=re.I)
    # a sanction is the supporter's act, kept in any form of its verb ("take you off the list" offered back as
    # "Would you like me to take you off the list?"): its object is what a reply must not offer
    return cond, (re.sub(r"^\w+\s+", "", m.group(2)) if sanction else m.group(2))


_PROPOSAL = re.compile(r"\bhow (?:would|do) you feel about\b|\bwhat are your thoughts on\b", re.I)


@lru_cache(maxsize=1)
def _not_meaning() -> frozenset[str]:
    """Words :func:`keeps_words` passes over: function words, fillers, obligation markers (built once, not per
    candidate). Not the slang list: "man up" orders."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from coach.model import lexicon as L

    return frozenset(ENGLISH_STOP_WORDS | L.OBLIGATION | L.FILLERS)


def keeps_words(text: str, phrase: str, every_word: bool = False) -> bool:
    """Does ``text`` keep every word of ``phrase`` that carries meaning, in any inflection? A rewrite must not hand
    back a judgment flagged in the same sentence, even reworded: the order in "you just gotta man up and stop
    dwelling on it" is not answered with "How would you feel about manning up and stopping dwelling on it?".
    Function words, fillers and obligation markers ("you need to") do not count; a phrase of those only is never
    kept.

    >>> keeps_words("How would you feel about manning up and stopping dwelling on it?", "stop dwelling on it")
    True
    >>> keeps_words("What feels like a good next step to you?", "you just gotta")
    False
    >>> keeps_words("How would you feel about manning up?", "man up"), keeps_words("How's your manager?", "man up")
    (True, False)

    With ``every_word`` the function words count too: "go" is kept by "going".
    """
    skip = frozenset() if every_word else _not_meaning()
    words = {w for w in re.findall(r"[a-z]+", phrase.lower()) if (every_word or len(w) >= 3) and w not in skip}
    have = re.findall(r"[a-z]+", text.lower())

    def kept(w: str) -> bool:  # in any inflection: "dwelling" for "dwell", "manning" for "man", not "manager"
        if len(w) >= 4:
            return any(h.startswith(w[:4]) for h in have)
        return any(re.fullmatch(rf"{w}(?:{w[-1]})?(?:s|es|ed|ing)?", h) for h in have)

    return bool(words) and all(kept(w) for w in words)


_CHECKED: dict[tuple[int, str], bool] = {}


def _clean(model, texts: list[str]) -> list[bool]:
    """True where no concern reaches its threshold on the text (results cached per model: fallbacks recur)."""
    key = id(model)
    todo = [t for t in texts if (key, t) not in _CHECKED]
    if todo:
        flags = model.flags(model.predict_proba(todo))
        concern_cols = [j for j, label in enumerate(model.labels_) if taxonomy.kind_of(label) == "concern"]
        if len(_CHECKED) > 20000:
            _CHECKED.clear()
        for t, bad in zip(todo, np.any(flags[:, concern_cols], axis=1)):
            _CHECKED[(key, t)] = not bool(bad)
    return [_CHECKED[(key, t)] for t in texts]
