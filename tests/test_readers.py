"""Tests for coach.readers: every format, decoding, positions and every error path."""

from __future__ import annotations

import codecs
import doctest
import importlib
import io
import os
import zipfile
from pathlib import Path

import docx
import pytest

from coach.errors import InputError
from coach.readers import EXTENSIONS, FORMATS, read, sniff_format
from coach.readers.text import match_label, parse_text
from coach.transcript import Transcript

FIXTURES = Path(__file__).parent / "fixtures"


def turns(t: Transcript) -> list[tuple[str, str]]:
    return [(x.speaker, x.text) for x in t.turns]


def char_at(path: Path, line: int, col: int) -> str:
    """The character at 1-based line:col of a UTF-8 text file."""
    return path.read_text(encoding="utf-8").split("\n")[line - 1][col - 1]


def assert_maps_back(t: Transcript, path: Path) -> None:
    """Every non-space character of every turn maps to the same character in the file."""
    for turn in t.turns:
        for i, ch in enumerate(turn.text):
            if ch.isspace() or ch == "&":
                continue
            line, col = turn.locate(i)
            assert char_at(path, line, col) == ch, (turn, i)


def error_of(*args, **kwargs) -> str:
    with pytest.raises(InputError) as info:
        read(*args, **kwargs)
    message = str(info.value)
    assert "\n" not in message
    return message


# --- API surface -----------------------------------------------------------------------------------------


def test_formats_and_extensions():
    assert FORMATS == ("text", "vtt", "srt", "docx", "csv", "tsv", "jsonl")
    assert set(EXTENSIONS.values()) == set(FORMATS)
    assert EXTENSIONS[".ndjson"] == "jsonl" and EXTENSIONS[".md"] == "text"


@pytest.mark.parametrize(
    "module",
    [
        "coach.readers",
        "coach.readers.common",
        "coach.readers.decode",
        "coach.readers.text",
        "coach.readers.cues",
        "coach.readers.vtt",
        "coach.readers.srt",
        "coach.readers.table",
        "coach.roles",
    ],
)
def test_docstring_examples(module):
    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0


# --- plain text ------------------------------------------------------------------------------------------


def test_timestamp_styles_and_multiline_turns():
    path = FIXTURES / "plain_timestamps.txt"
    t = read(path)
    assert (t.format, t.labelled, t.source) == ("text", True, str(path))
    assert turns(t) == [
        ("Peer Specialist", "Hi Maria, thanks for coming in today. How has the week been?"),
        ("Maria", "Honestly, pretty rough."),
        ("Peer Specialist", "I'm sorry to hear that."),
        ("Maria", "I keep thinking: what's the point?"),
        ("Peer Specialist", "That sounds heavy. Would you like to talk about it?"),
    ]
    assert [x.start for x in t.turns] == [5.0, 12.0, 20.0, 31.0, 40.0]
    assert [x.end for x in t.turns] == [12.0, 20.0, 31.0, 40.0, None]
    assert t.meta["skipped_lines"] == [1]  # the title line before the first label


def test_multiline_turn_line_col_mapping():
    path = FIXTURES / "plain_timestamps.txt"
    t = read(path)
    first = t.turns[0]
    assert (first.line, first.col) == (3, 29)
    assert first.locate(first.text.index("today")) == (4, 4)
    assert first.text_line_offsets == ((0, 3, 29), (31, 4, 4))
    last = t.turns[-1]
    assert last.locate(last.text.index("Would")) == (10, 3)
    assert_maps_back(t, path)


def test_untimed_labels_markdown_bold_and_stopword_lines():
    path = FIXTURES / "labels_untimed.md"
    t = read(path)
    assert t.speakers == ["Dr. Lee", "PARTICIPANT 2"]
    # "Note:" inside a transcript is not a speaker: it continues Dr. Lee's turn
    assert turns(t)[2] == ("Dr. Lee", "OK. Here's one idea: Note: we can call the office together.")
    assert all(x.start is None and x.end is None for x in t.turns)
    assert_maps_back(t, path)


def test_prose_notes_are_unlabelled_paragraphs():
    t = read(FIXTURES / "prose_notes.txt")
    assert not t.labelled
    assert [x.speaker for x in t.turns] == ["Supporter"] * 3
    assert t.turns[1].text.startswith("I welcomed her") and t.turns[1].text.endswith("reflected that back.")
    assert t.turns[1].locate(t.turns[1].text.index("She")) == (4, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Note: the client arrived late.\n\nWe talked about her job and she seemed calmer after.",
        "Tip: let silences happen.\nI noticed I interrupted twice.\n\nNext time I will wait.",
        "I told her: you can do this.\nShe said: I will try.\n\nThe plan for today: rest.\nWe agreed.",
        "Maria: 34, lives alone.\n\nShe called about rent.\n\nWe looked at options.\n\nShe felt better.",
    ],
)
def test_prose_is_not_mistaken_for_a_transcript(text):
    t = read(text)
    assert not t.labelled and set(t.speakers) == {"Supporter"}


@pytest.mark.parametrize(
    ("line", "speaker", "start"),
    [
        ("[00:01:23] Sam: hi", "Sam", 83.0),
        ("00:01:23 Sam: hi", "Sam", 83.0),
        ("(01:23) Sam: hi", "Sam", 83.0),
        ("Sam (00:01:23): hi", "Sam", 83.0),
        ("Sam [00:01:23]: hi", "Sam", 83.0),
        ("Peer Specialist: hi", "Peer Specialist", None),
        ("Dr. Lee: hi", "Dr. Lee", None),
        ("PARTICIPANT 2: hi", "PARTICIPANT 2", None),
        ("**Sam:** hi", "Sam", None),
    ],
)
def test_label_styles(line, speaker, start):
    label = match_label(line)
    assert label is not None and (label.speaker, label.start) == (speaker, start)
    assert line[label.text_start :] == "hi"


@pytest.mark.parametrize(
    "line",
    [
        "We met at 5:30 today.",
        "See http://example.org",
        "One two three four five: too long",
        "A" * 41 + ": x",
        "Note: later",
        "I told her: no",
    ],
)
def test_not_labels(line):
    assert match_label(line) is None


def test_str_source_defaults_to_text_and_keeps_empty_label_turn_out():
    t = read("Sam: Hi.\nAlex:\nSam: Still there?")
    assert t.format == "text" and t.source == "<text>"
    assert turns(t) == [("Sam", "Hi."), ("Sam", "Still there?")]
    assert t.meta["silent_speakers"] == ["Alex"]


def test_label_on_its_own_line_text_starts_on_next_line():
    t = read("Sam:\n  Hello there.\nAlex: Hi.")
    assert turns(t)[0] == ("Sam", "Hello there.")
    assert (t.turns[0].line, t.turns[0].col) == (2, 3)


def test_timestamped_transcript_ignores_untimed_pseudo_labels():
    t = read("[00:00:01] Sam: Listen.\nRemember: you matter.\n[00:00:04] Alex: Thanks.")
    assert turns(t) == [("Sam", "Listen. Remember: you matter."), ("Alex", "Thanks.")]


def test_name_option_sets_source_and_format_for_text():
    t = read("WEBVTT\n\n00:01.000 --> 00:02.000\nSam: hi\n", name="call.vtt")
    assert (t.source, t.format, turns(t)) == ("call.vtt", "vtt", [("Sam", "hi")])


# --- WebVTT ----------------------------------------------------------------------------------------------


def test_zoom_vtt():
    path = FIXTURES / "zoom.vtt"
    t = read(path)
    assert t.format == "vtt" and t.labelled
    assert turns(t) == [
        ("Jordan Peer", "Hi, thanks for joining the call. How are things going?"),
        ("Chris", "Not great, to be honest."),
        ("Unknown", "Uh-huh, okay."),
        ("Jordan Peer", "Take your time & share what you want."),
    ]
    assert (t.turns[0].start, t.turns[0].end) == (1.0, 7.0)  # merged cues: first start, last end
    assert (t.turns[0].line, t.turns[0].col) == (5, 14)
    assert t.turns[0].locate(t.turns[0].text.index("How")) == (9, 14)
    assert_maps_back(t, path)


def test_teams_vtt_voice_tags_notes_style():
    path = FIXTURES / "teams.vtt"
    t = read(path)
    assert turns(t) == [
        ("Dr. Lee", "Good morning, how are you feeling today?"),
        ("Sam Rivera", "I'm tired. Really tired."),
        ("Dr. Lee", "That makes sense. Tell me more."),
    ]
    assert [(x.start, x.end) for x in t.turns] == [(1.2, 5.1), (5.5, 8.0), (8.0, 9.0)]
    assert [x.line for x in t.turns] == [11, 19, 23]
    assert_maps_back(t, path)


def test_vtt_without_any_speaker_is_unlabelled():
    t = read(b"WEBVTT\n\n00:01.000 --> 00:02.000\nhello\n\n00:02.000 --> 00:03.000\nthere\n", name="c.vtt")
    assert not t.labelled and turns(t) == [("Supporter", "hello"), ("Supporter", "there")]


@pytest.mark.parametrize(
    ("content", "line", "what"),
    [
        ("1\n00:00:01.000 --> 00:00:02.000\nSam: hi\n", 1, "WEBVTT"),
        ("WEBVTT\n\n1\n00:00:01.000 -> 00:00:02.000\nSam: hi\n", 4, "expected a cue timing line"),
        ("WEBVTT\n\n1\n00:00:01 --> 00:00:02.000\nSam: hi\n", 4, "malformed cue timing"),
        ("WEBVTT\n00:00:01.000 --> 00:00:02.000\nSam: hi\n", 2, "blank line"),
    ],
)
def test_malformed_vtt(tmp_path, content, line, what):
    path = tmp_path / "bad.vtt"
    path.write_text(content, encoding="utf-8")
    message = error_of(path)
    assert message.startswith(f"{path}: line {line}:") and what in message


# --- SRT -------------------------------------------------------------------------------------------------


def test_srt_merges_and_tolerates_blank_line_in_cue():
    path = FIXTURES / "session.srt"
    t = read(path)
    assert t.format == "srt"
    assert turns(t) == [
        ("Peer", "Hey, good to see you. What's on your mind?"),
        ("Member", "Work, mostly. My boss keeps calling me late at night."),
        ("Peer", "That sounds stressful."),
    ]
    assert [(x.start, x.end, x.line) for x in t.turns] == [(1.0, 5.0, 3), (5.5, 8.25, 11), (9.0, 10.0, 18)]
    assert_maps_back(t, path)


@pytest.mark.parametrize(
    ("content", "line", "what"),
    [
        ("1\n00:00:01,000 -> 00:00:02,000\nSam: hi\n", 2, "malformed timing line"),
        ("1\nSam: hi\n", 2, "malformed timing line"),
        ("Sam: hi\nAlex: hello\n", 1, "expected a subtitle number"),
        ("1\n00:00:01,000 --> 00:00:02,000\nhi\n\n2\n", 5, "has no timing line"),
    ],
)
def test_malformed_srt(tmp_path, content, line, what):
    path = tmp_path / "bad.srt"
    path.write_text(content, encoding="utf-8")
    message = error_of(path)
    assert message.startswith(f"{path}: line {line}:") and what in message


# --- DOCX ------------------------------------------------------------------------------------------------


def make_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    document.save(path)
    return path


def test_docx_labelled_paragraphs(tmp_path):
    path = make_docx(
        tmp_path / "s.docx", ["Role play 2", "", "Peer: How are you?", "more of it", "Client: Fine."]
    )
    t = read(path)
    assert (t.format, t.labelled) == ("docx", True)
    assert turns(t) == [("Peer", "How are you? more of it"), ("Client", "Fine.")]
    assert [x.line for x in t.turns] == [3, 5]  # paragraph numbers


def test_docx_prose(tmp_path):
    path = make_docx(tmp_path / "notes.docx", ["Note: we met at the park.", "She talked about school."])
    t = read(path)
    assert not t.labelled and turns(t) == [
        ("Supporter", "Note: we met at the park."),
        ("Supporter", "She talked about school."),
    ]


def test_docx_speaker_table_and_bytes_upload(tmp_path):
    path = make_docx(
        tmp_path / "t.docx",
        ["Transcript"],
        table=[["Speaker", "Text"], ["Coach", "What would help?"], ["Kim", "Sleep."]],
    )
    t = read(path.read_bytes(), name="t.docx")
    assert t.source == "t.docx" and t.labelled
    assert turns(t) == [("Coach", "What would help?"), ("Kim", "Sleep.")]
    assert read(path.read_bytes()).format == "docx"  # sniffed without a name


def test_docx_corrupt_and_empty(tmp_path):
    fake = tmp_path / "fake.docx"
    fake.write_text("Sam: hi\nAlex: hi\n", encoding="utf-8")
    message = error_of(fake)
    assert message.startswith(f"{fake}: not a readable .docx file")
    other_zip = tmp_path / "other.docx"
    with zipfile.ZipFile(other_zip, "w") as z:
        z.writestr("a.txt", "hello")
    assert error_of(other_zip).startswith(f"{other_zip}: not a readable .docx file")
    empty = make_docx(tmp_path / "empty.docx", ["", "  "])
    assert error_of(empty) == f"{empty} is empty: the document has no text"


# --- tables ----------------------------------------------------------------------------------------------


def test_csv_custom_columns():
    path = FIXTURES / "custom_cols.csv"
    t = read(path, speaker_col="who_spoke", text_col="said", start_col="begin", end_col="finish")
    assert turns(t) == [
        ("Coach Ana", "Hi, I'm Ana."),
        ("Kim", "Hello."),
        ("Coach Ana", "Let's start with your goals."),
        ("Kim", "Okay."),
    ]
    assert [(x.start, x.end, x.line) for x in t.turns] == [
        (1.5, 3.0, 2),
        (3.0, 4.25, 3),
        (5.0, 8.0, 5),
        (9.0, 10.0, 7),  # the quoted field above spans two lines
    ]


def test_csv_guessed_columns_and_missing_named_column():
    path = FIXTURES / "custom_cols.csv"
    message = error_of(path, speaker_col="speaker_name")
    assert message == (
        f"{path}: no column named 'speaker_name' (speaker column); "
        "columns found: who_spoke, said, begin, finish, notes"
    )


def test_csv_without_speaker_column_is_unlabelled():
    t = read(b"message,time\nI hear you.,1\nWhat next?,00:00:04\n", name="x.csv")
    assert not t.labelled and turns(t) == [("Supporter", "I hear you."), ("Supporter", "What next?")]
    assert [x.start for x in t.turns] == [1.0, 4.0]


def test_csv_bad_time_and_no_text_column():
    assert error_of(b"speaker,text,start\nSam,hi,soon\n", name="x.csv") == (
        "x.csv: line 2: cannot read time 'soon' in column 'start'; use seconds or hh:mm:ss"
    )
    assert error_of(b"a,b\n1,2\n", name="x.csv").startswith("x.csv: cannot tell which column holds the text")


def test_tsv_and_semicolon_csv():
    t = read(FIXTURES / "session.tsv")
    assert t.format == "tsv" and turns(t) == [
        ("Supporter", "What matters most to you?"),
        ("Guest", "My kids."),
    ]
    assert [x.start for x in t.turns] == [5.0, 9.0]
    t = read(b"speaker;text\nSam;hi, you\nAlex;hey\n", name="eu.csv")
    assert turns(t) == [("Sam", "hi, you"), ("Alex", "hey")]


def test_jsonl():
    t = read(FIXTURES / "session.jsonl")
    assert t.format == "jsonl"
    assert [(x.speaker, x.start, x.end, x.line) for x in t.turns] == [
        ("Navigator", 0.5, 2.0, 1),
        ("Resident", 2.5, 5.0, 3),
        ("Navigator", 5.0, None, 4),
    ]


def test_jsonl_errors():
    assert error_of(b'{"speaker": "A", "text": "x"}\n{"speaker": "B", text}\n', name="x.jsonl").startswith(
        "x.jsonl: line 2: not valid JSON"
    )
    assert error_of(b'{"speaker": "A", "text": "x"}\n[1, 2]\n', name="x.ndjson") == (
        "x.ndjson: line 2: expected a JSON object, found list"
    )
    message = error_of(b'{"who": "A", "text": "x"}\n', name="x.jsonl", text_col="utterance")
    assert message == "x.jsonl: no column named 'utterance' (text column); columns found: who, text"


# --- decoding --------------------------------------------------------------------------------------------

DIALOGUE = "Peer: \u201cHow\u2019s it going?\u201d\nCaf\u00e9 Owner: Fine, thanks.\n"


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
        ("cp1252", b""),
    ],
)
def test_encodings(tmp_path, encoding, prefix):
    path = tmp_path / "enc.txt"
    path.write_bytes(prefix + DIALOGUE.replace("\n", "\r\n").encode(encoding))
    t = read(path)
    assert turns(t) == [("Peer", "\u201cHow\u2019s it going?\u201d"), ("Caf\u00e9 Owner", "Fine, thanks.")]
    assert t.turns[1].line == 2


def test_cp1252_smart_quotes_bytes():
    t = read(b"Sam: \x93yes\x94\rAlex: ok\r", name="q.txt")
    assert turns(t) == [("Sam", "\u201cyes\u201d"), ("Alex", "ok")] and t.meta["encoding"] == "cp1252"


def test_utf16_vtt_with_bom(tmp_path):
    path = tmp_path / "teams.vtt"
    path.write_bytes((FIXTURES / "teams.vtt").read_text(encoding="utf-8").encode("utf-16"))
    assert read(path).speakers == ["Dr. Lee", "Sam Rivera"]


# --- errors ----------------------------------------------------------------------------------------------


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("data.txt", "hello")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"\x7fELF\x02\x01\x01" + b"\x00" * 40,
        bytes(range(256)) * 4,
        os.urandom(64) + b"\x00\x01\x02\x03",
        zip_bytes(),
        bytes(range(1, 256)) * 4,  # no NUL byte, no signature: control characters give it away
    ],
    ids=["png", "pdf", "elf", "bytes", "random", "zip", "controls"],
)
def test_binary_files(tmp_path, data):
    path = tmp_path / "upload.txt"
    path.write_bytes(data)
    message = error_of(path)
    assert message.startswith(f"{path} looks like a binary file, not a transcript")
    assert error_of(data, name="up.txt").startswith("up.txt looks like a binary file")


@pytest.mark.parametrize("data", [b"", b"  \n\r\n\t ", codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")])
def test_empty(tmp_path, data):
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    assert error_of(path) == f"{path} is empty; nothing to analyse"


def test_empty_str_and_bytes():
    assert error_of("   \n ") == "<text> is empty; nothing to analyse"
    assert error_of(b"", name="a.vtt") == "a.vtt is empty; nothing to analyse"


def test_too_big_is_checked_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text("Sam: hi\n" * 200, encoding="utf-8")

    def no_open(*args, **kwargs):
        raise AssertionError("opened a file that is over the limit")

    monkeypatch.setattr(Path, "open", no_open)
    message = error_of(path, max_bytes=1000)
    assert message.startswith(f"{path} is 1.6 KB (1600 bytes), over the 1.0 KB limit (1000 bytes)")
    assert error_of(b"x" * 11, name="u.txt", max_bytes=10).startswith("u.txt is 11 bytes")


def test_unknown_extension_missing_file_directory(tmp_path):
    odd = tmp_path / "notes.pages"
    odd.write_text("Sam: hi", encoding="utf-8")
    message = error_of(odd)
    assert message.startswith(f"{odd}: unsupported file type '.pages'; supported: .txt, .text, .md, .vtt")
    assert error_of(b"Sam: hi", name="x.rtf").startswith("x.rtf: unsupported file type '.rtf'")
    missing = tmp_path / "nope.txt"
    assert error_of(missing) == f"{missing}: no such file; check the path"
    assert error_of(str(missing)) == f"{missing}: no such file; check the path"
    assert error_of(tmp_path / "").endswith("is a directory, not a transcript file")


def test_unknown_format_and_docx_for_text():
    assert (
        error_of("Sam: hi", fmt="pdf")
        == "<text>: unknown format 'pdf'; use one of text, vtt, srt, docx, csv, tsv, jsonl"
    )
    assert error_of("Sam: hi", fmt="docx").startswith("<text>: format 'docx' needs the file")


def test_fmt_overrides_extension(tmp_path):
    path = tmp_path / "captions.txt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\nSam: hi\n", encoding="utf-8")
    assert read(path).format == "text"
    assert read(path, fmt="srt").format == "srt"


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"WEBVTT\n\n", "c.vtt", "c.vtt: no transcript turns found; expected cues with text"),
        (b"speaker,text\nSam,\n", "c.csv", "c.csv: no transcript turns found; expected rows with text"),
    ],
)
def test_text_but_zero_turns(data, name, expected):
    assert error_of(data, name=name) == expected


def test_sniffing():
    assert sniff_format("1\n00:00:01,000 --> 00:00:02,000\nhi") == "srt"
    assert sniff_format('{"speaker": "A", "text": "b"}') == "jsonl"
    assert sniff_format("Sam: {not json}") == "text"
    assert read(b"WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>hi</v>\n").format == "vtt"


def test_parse_text_directly_keeps_source():
    assert parse_text("A: x\nB: y", source="s.txt").source == "s.txt"


def test_title_paragraph_does_not_count_against_labels():
    text = "Practice session\n\nSam: Hi.\n\nI mean, welcome.\n\nAlex: Thanks.\n\nReally."
    t = read(text)
    assert t.labelled and turns(t) == [("Sam", "Hi. I mean, welcome."), ("Alex", "Thanks. Really.")]


def test_one_line_text_mentioning_a_file_is_text_not_a_path():
    t = read("Sam: did you read notes.txt")
    assert (t.format, t.labelled) == ("text", False)
    assert turns(t) == [("Supporter", "Sam: did you read notes.txt")]  # a single label is not a transcript


def test_str_path_to_existing_file():
    assert read(str(FIXTURES / "session.srt")).source == str(FIXTURES / "session.srt")


def test_label_like_line_inside_a_voice_stays_with_the_voice():
    vtt = "WEBVTT\n\n00:01.000 --> 00:03.000\n<v Dr. Lee>Try this:\nRemember: you matter.</v>\n\n"
    vtt += "00:03.000 --> 00:04.000\n<v Kim>Okay.</v>\n"
    assert turns(read(vtt)) == [("Dr. Lee", "Try this: Remember: you matter."), ("Kim", "Okay.")]


def test_two_speakers_in_one_zoom_cue():
    vtt = "WEBVTT\n\n1\n00:01.000 --> 00:03.000\n- Sam: Ready?\n- Alex: Yes.\n"
    t = read(vtt)
    assert turns(t) == [("Sam", "Ready?"), ("Alex", "Yes.")]
    assert (t.turns[1].line, t.turns[1].col) == (6, 9)
