import re

from coach import taxonomy
from coach.corpus import LABELS as CORPUS_LABELS


def test_labels_match_codebook_order_and_corpus():
    assert taxonomy.LABELS == ("power_over", "judgment", "diagnosis", "false_promise", "person_driven")
    assert CORPUS_LABELS == taxonomy.LABELS
    assert taxonomy.CONCERNS == taxonomy.LABELS[:4]
    assert taxonomy.STRENGTHS == ("person_driven",)


def test_every_label_is_complete():
    colours = set()
    for label in taxonomy.all_labels():
        assert label.title and label.description and label.advice and label.why
        assert re.fullmatch(r"#[0-9a-f]{6}", label.colour) and re.fullmatch(r"#[0-9a-f]{6}", label.border)
        colours.add(label.colour)
        assert label.values and all(v.name and v.practice.endswith(".") for v in label.values)
        assert label.guideline == "; ".join(v.name for v in label.values)
        if label.kind == "concern":
            assert len(label.alternatives) >= 2
            assert all(a[0].isupper() and a[-1] in ".?!" for a in label.alternatives)
    assert len(colours) == len(taxonomy.LABELS)  # distinguishable highlights


def test_unknown_label_names_the_known_ones():
    try:
        taxonomy.get("nope")
    except KeyError as exc:
        assert "power_over" in str(exc)
    else:
        raise AssertionError("expected KeyError")


def test_no_second_copy_of_the_label_list():
    """Views must read the taxonomy, not hold their own copy of the labels or colours."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    files = [root / "app.py", *sorted((root / "coach").rglob("*.py"))]
    for f in files:
        if not f.exists() or f.name in {"taxonomy.py", "corpus.py"}:
            continue
        text = f.read_text(encoding="utf-8")
        for label in taxonomy.all_labels():
            assert label.colour not in text, f"{f} repeats the colour of {label.name}"
        code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith((">>>", "(", "[", "'")))
        assert '= ("power_over"' not in code and '= ["power_over"' not in code, f"{f} defines its own label list"
