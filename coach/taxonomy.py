"""The label set: one source of truth for names, colours, guidelines and advice.

The CLI, the app, the HTML report, batch tables and the tests all read this
module; nothing else may hold its own copy of the labels or colours.
The definitions follow the project codebook (shared/CODEBOOK.md), which in
turn follows the National Practice Guidelines for Peer Supporters.

>>> LABELS
('power_over', 'judgment', 'diagnosis', 'false_promise', 'person_driven')
>>> get("diagnosis").kind
'concern'
>>> get("person_driven").values[0].name
'Person-driven'
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GuidelineValue:
    """One ethical value of the guidelines and the practice sentence it rests on."""

    name: str
    practice: str


@dataclass(frozen=True)
class Label:
    name: str
    title: str
    kind: str  # "concern" or "strength"
    description: str
    colour: str  # highlight background, readable with dark text
    border: str  # a darker shade for borders and charts
    values: tuple[GuidelineValue, ...]
    advice: str
    alternatives: tuple[str, ...]  # guideline-grounded fallbacks, best first
    why: str  # one line naming the value an alternative restores (concern) or the value shown (strength)

    @property
    def guideline(self) -> str:
        """The value names joined, e.g. 'Equally shared power; Voluntary'."""
        return "; ".join(v.name for v in self.values)

    @property
    def guideline_text(self) -> str:
        """Value names with their practice sentences, for tooltips and reports."""
        return " ".join(f"{v.name}: \u201c{v.practice}\u201d" for v in self.values)


_TAXONOMY: tuple[Label, ...] = (
    Label(
        name="power_over",
        title="Power over",
        kind="concern",
        description=(
            "Directing, commanding or deciding for the person: orders (even softened), "
            "ultimatums, rule-enforcing, gatekeeping, advice given as an order."
        ),
        colour="#f8c9c4",
        border="#c0392b",
        values=(
            GuidelineValue("Equally shared power",
                           "Peer supporters do not express or exercise power over those they support."),
            GuidelineValue("Voluntary", "Peer supporters do not force or coerce others to participate "
                                        "in peer support services or any other service."),
            GuidelineValue("Person-driven",
                           "Peer supporters encourage those they support to make their own decisions."),
        ),
        advice=("Hand the decision back: ask what they want, offer options and leave the choice to them, "
                "or ask permission before sharing a suggestion."),
        alternatives=(
            "What would you like to do moving forward?",
            "What feels like a good next step to you?",
            "Would it be okay if I shared something that helped me? You can take it or leave it.",
        ),
        why="Leaves the decision with them: person-driven, equally shared power.",
    ),
    Label(
        name="judgment",
        title="Judgment",
        kind="concern",
        description=(
            "Evaluating, blaming or shaming the person or their choices, sarcasm, dismissing "
            "feelings, stigmatising labels (addict, clean/dirty, crazy, non-compliant)."
        ),
        colour="#fde2a7",
        border="#b9770e",
        values=(
            GuidelineValue("Open-minded",
                           "Peer supporters withhold judgment about others and do not evaluate or assess them."),
            GuidelineValue("Respectful", "Peer supporters value and respect the dignity of each person."),
            GuidelineValue("Transparent", "Peer supporters use language that is clear, understandable, "
                                          "and value and judgment free."),
        ),
        advice=("Describe what you heard without a verdict, and get curious about their view: "
                "reflect the feeling, then ask an open question."),
        alternatives=(
            "That sounds like a lot to carry. What was going on for you then?",
            "It makes sense that this is hard. How are you seeing it now?",
            "What do you make of how things went?",
        ),
        why="Withholds judgment and stays curious: open-minded, respectful.",
    ),
    Label(
        name="diagnosis",
        title="Diagnosis",
        kind="concern",
        description=(
            "Naming or suggesting a clinical condition, reading experiences as symptoms, "
            "recommending, changing or checking medication or doses."
        ),
        colour="#d6c8f0",
        border="#6c3483",
        values=(
            GuidelineValue("Equally shared power",
                           "Peer supporters do not diagnose or offer medical services."),
            GuidelineValue("Transparent", "Peer supporters do not diagnose nor do they prescribe or "
                                          "recommend medications or monitor their use."),
        ),
        advice=("Stay with their experience in their words, and leave diagnosis and medication to "
                "their clinician: offer to help them raise it with their doctor if they want to."),
        alternatives=(
            "That sounds really hard. What has it been like for you?",
            "Would you like to talk with your doctor about how it's going? I can help you plan what to say.",
            "How would you describe what you've been going through?",
        ),
        why="Keeps to their experience and leaves clinical calls to clinicians: equally shared power, transparent.",
    ),
    Label(
        name="false_promise",
        title="False promise",
        kind="concern",
        description=(
            "Guarantees about outcomes beyond the supporter's control, false reassurance, "
            "promises of total secrecy or unlimited availability."
        ),
        colour="#c6e2f5",
        border="#1f618d",
        values=(
            GuidelineValue("Honest and direct",
                           "Peer supporters do not make false promises or misrepresent themselves, "
                           "others or circumstances."),
            GuidelineValue("Transparent", "Peer supporters make only promises they can keep and use accurate "
                                          "statements, and clearly explain what can or cannot be expected."),
        ),
        advice=("Offer hope without a guarantee, and promise only what you can do yourself: "
                "name the next step you will take with them and the limits of confidentiality."),
        alternatives=(
            "I can't promise how it will turn out, but I'll be here and we can take the next step together.",
            "Many people do find it gets easier. What would help you get through this week?",
            "I can't promise that, but here is what I can do.",
        ),
        why="Offers hope and only promises that can be kept: honest and direct, transparent.",
    ),
    Label(
        name="person_driven",
        title="Person-driven",
        kind="strength",
        description=(
            "Open questions about the person's own wants, plans, views or strengths; respect for "
            "their choice; asking permission; offering options; affirming strengths."
        ),
        colour="#cdeccf",
        border="#1e8449",
        values=(
            GuidelineValue("Person-driven",
                           "Peer supporters encourage those they support to make their own decisions."),
            GuidelineValue("Strengths-focused",
                           "Peer supporters see each person's strengths and build on them."),
            GuidelineValue("Equally shared power",
                           "Peer supporters share power and responsibility with those they support."),
        ),
        advice="Keep doing this: it leaves the person in charge of their own path.",
        alternatives=(),
        why="Puts the person in charge: person-driven.",
    ),
)

BY_NAME: dict[str, Label] = {label.name: label for label in _TAXONOMY}
LABELS: tuple[str, ...] = tuple(label.name for label in _TAXONOMY)
CONCERNS: tuple[str, ...] = tuple(label.name for label in _TAXONOMY if label.kind == "concern")
STRENGTHS: tuple[str, ...] = tuple(label.name for label in _TAXONOMY if label.kind == "strength")


def get(name: str) -> Label:
    """Return the :class:`Label` called ``name``; raise ``KeyError`` with the known names otherwise."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise KeyError(f"unknown label {name!r}; known labels: {', '.join(LABELS)}") from None


def all_labels() -> tuple[Label, ...]:
    return _TAXONOMY


def kind_of(name: str) -> str:
    return get(name).kind


def colour_of(name: str) -> str:
    return get(name).colour
