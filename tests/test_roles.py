"""Tests for coach.roles.resolve_supporters."""

from __future__ import annotations

import pytest

from coach.errors import SpeakerError
from coach.readers import read
from coach.roles import resolve_supporters, role_rank
from coach.transcript import Transcript, Turn


def transcript(*speakers: str, source: str = "s.txt", labelled: bool = True, **meta) -> Transcript:
    return Transcript(
        [Turn(s, f"words of {s}") for s in speakers], source=source, labelled=labelled, meta=meta
    )


def speaker_error(*args) -> str:
    with pytest.raises(SpeakerError) as info:
        resolve_supporters(*args)
    assert "\n" not in str(info.value)
    return str(info.value)


def test_role_name():
    t = transcript("Client", "Peer", "Client")
    assert resolve_supporters(t) == (["Peer"], "supporter: Peer (role name)")


def test_strongest_role_word_wins():
    t = transcript("Volunteer", "Coach Ana", "Peer Specialist", "Kim")
    assert resolve_supporters(t)[0] == ["Peer Specialist"]
    assert resolve_supporters(transcript("Trainee", "Supporter"))[0] == ["Supporter"]
    assert resolve_supporters(transcript("Mentor", "Recovery Coach"))[0] == ["Recovery Coach"]


@pytest.mark.parametrize(
    "name",
    [
        "Peer Member",
        "Peer Participant",
        "Client",
        "Caller 2",
        "PARTICIPANT",
        "Youth",
        "Guest",
        "Patient",
        "Resident",
        "Respondent",
        "Help Seeker",
    ],
)
def test_supported_person_is_not_a_role(name):
    assert role_rank(name) is None
    t = transcript(name, "Sam")  # the named person opens, but is not the supporter
    assert resolve_supporters(t) == (["Sam"], "supporter: Sam (opens the session)")


@pytest.mark.parametrize(
    "name", ["PSS", "CPS 1", "peer_specialist", "Counsellor", "Navigator", "Facilitator", "THERAPIST",
             "Listener", "Case Manager", "Social Worker", "Interviewer"]
)
def test_role_words(name):
    assert role_rank(name) is not None


@pytest.mark.parametrize("speakers,helper", [
    (("C", "T", "C"), "T"), (("CL", "TH"), "TH"), (("P", "T"), "T"), (("Cl", "Co"), "Co"), (("R", "I"), "I"),
])
def test_counselling_initials_name_the_helper_even_when_the_client_opens(speakers, helper):
    assert resolve_supporters(transcript(*speakers))[0] == [helper]


def test_initials_outside_a_known_pair_fall_back_to_the_opener():
    assert resolve_supporters(transcript("A", "B"))[0] == ["A"]
    assert resolve_supporters(transcript("T", "C", "X"))[0] == ["T"]  # three speakers: no pair rule, T opens


def test_opens_the_session_skipping_unknown():
    t = transcript("Unknown", "Sam", "Alex")
    assert resolve_supporters(t) == (["Sam"], "supporter: Sam (opens the session)")


def test_nobody_can_be_inferred():
    message = speaker_error(transcript("Unknown", "Client"))
    assert message == (
        "cannot tell who the supporter is in s.txt; speakers found: Unknown, Client; "
        "name the supporter with --speaker"
    )


def test_given_speakers_match_case_and_whitespace_insensitively():
    t = transcript("Peer  Specialist", "Alex", "Sam")
    assert resolve_supporters(t, ["  alex "]) == (["Alex"], "supporter: Alex (--speaker)")
    assert resolve_supporters(t, ["peer specialist", "SAM"]) == (
        ["Peer  Specialist", "Sam"],
        "supporters: Peer  Specialist, Sam (--speaker)",
    )


def test_given_speaker_includes_spelling_variants():
    t = transcript("Sam", "Alex", "SAM")
    assert resolve_supporters(t, ["sam"])[0] == ["Sam", "SAM"]
    assert resolve_supporters(t)[0] == ["Sam", "SAM"]


def test_unknown_speaker_name():
    message = speaker_error(transcript("Sam", "Alex", source="call.vtt"), ["Alex", "Jo"])
    assert message == "no speaker named 'Jo' in call.vtt; speakers found: Sam, Alex"


def test_unlabelled_prose():
    t = read("We met at the park.\n\nShe talked about school.")
    reason = "supporter: Supporter (no speaker labels: all of the text is the supporter's)"
    assert resolve_supporters(t) == (["Supporter"], reason)
    assert speaker_error(t, ["Sam"]).startswith("no speaker named 'Sam' in <text>; speakers found: Supporter")


def test_supporter_without_text():
    t = Transcript([Turn("Peer", "  "), Turn("Client", "Hello")], source="x.txt")
    assert speaker_error(t) == "Peer has no turns with text in x.txt; speakers found: Peer, Client"
    assert speaker_error(t, ["peer"]).startswith("Peer has no turns with text in x.txt")


def test_given_speaker_that_only_had_an_empty_label():
    t = read("Sam: Hi.\nAlex:\nSam: Still there?")
    assert speaker_error(t, ["alex"]) == "speaker 'alex' has no turns with text in <text>"


def test_end_to_end_with_files():
    from pathlib import Path

    fixtures = Path(__file__).parent / "fixtures"
    assert resolve_supporters(read(fixtures / "zoom.vtt"))[0] == ["Jordan Peer"]
    assert resolve_supporters(read(fixtures / "teams.vtt")) == (
        ["Dr. Lee"],
        "supporter: Dr. Lee (opens the session)",
    )
    assert resolve_supporters(read(fixtures / "session.srt"))[0] == ["Peer"]
    assert resolve_supporters(read(fixtures / "session.jsonl"))[0] == ["Navigator"]


def test_prose_lines_quoted_with_a_marker_are_not_the_supporters(tmp_path):
    # a forum reply quoting the post it answers: the quoted words are the poster's (or their mum's), not ours
    path = tmp_path / "reply.txt"
    path.write_text("> my mum keeps telling me youre overreacting, just get over it\n>> and I believe her\n\n"
                    "That sounds exhausting. What would help most right now?\n", encoding="utf-8")
    t = read(path)
    assert [(x.speaker, x.text) for x in t.turns] == [
        ("Quoted", "my mum keeps telling me youre overreacting, just get over it and I believe her"),
        ("Supporter", "That sounds exhausting. What would help most right now?")]
    chosen, why = resolve_supporters(t)
    assert chosen == ["Supporter"] and "quoted" in why
    only_quotes = tmp_path / "quotes.txt"
    only_quotes.write_text("> just a quote\n", encoding="utf-8")
    assert "no turns with text" in speaker_error(read(only_quotes))
