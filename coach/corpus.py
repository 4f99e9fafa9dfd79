"""The labelled corpus: validation, building, splitting and loading.

Authoring files live in ``corpora/src/*.jsonl`` (see ``corpora/AUTHORING.md``):
each span names its phrase. :func:`build` turns them into
``corpora/utterances.jsonl`` with character offsets and a train/dev/test split
grouped by scenario, which is what training and evaluation read.

This module uses the standard library only, so authors can check a file
before anything is installed::

    python3 -m coach.corpus check corpora/src/A.jsonl
    python3 -m coach.corpus build
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

LABELS = ("power_over", "judgment", "diagnosis", "false_promise", "person_driven")
SETTINGS = (
    "crisis_line", "warm_line", "text_line", "recovery_center", "peer_respite", "ed_bridge", "housing",
    "employment", "reentry", "veterans", "youth", "family_peer", "online_forum", "classroom_roleplay",
)
REGISTERS = ("spoken", "asr", "chat", "notes")
TOPICS = ("substance_use", "psychosis", "trauma", "self_harm", "grief", "medication", "housing", "work",
          "family", "benefits", "general")
NEG_TYPES = ("permission", "options", "reflection", "reported_order", "keepable_commitment", "hope",
             "self_disclosure", "doctor_question", "medical_info", "greeting_logistics", "backchannel",
             "empathy", "question", "other")
SPLITS = ("train", "dev", "test")

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT / "corpora"
SRC_DIR = CORPUS_DIR / "src"
BUILT = CORPUS_DIR / "utterances.jsonl"
DROPPED_LOG = CORPUS_DIR / "dropped_near_duplicates.tsv"  # dropped id, the id it duplicates, Jaccard

_ID = re.compile(r"^[A-Za-z0-9]+-\d{4}$")
_SCEN = re.compile(r"^[A-Za-z0-9]+-s\d{3}$")


def check_record(rec: dict) -> list[str]:
    """Return the problems with one authoring record (empty when it is fine)."""
    if not isinstance(rec, dict):
        return ["not a JSON object"]
    problems = []
    for key in ("id", "scenario", "setting", "register", "topic", "text", "spans"):
        if key not in rec:
            problems.append(f"missing field {key!r}")
    if problems:
        return problems
    if not _ID.match(str(rec["id"])):
        problems.append(f"bad id {rec['id']!r}")
    if not _SCEN.match(str(rec["scenario"])):
        problems.append(f"bad scenario {rec['scenario']!r}")
    if rec["setting"] not in SETTINGS:
        problems.append(f"unknown setting {rec['setting']!r}")
    if rec["register"] not in REGISTERS:
        problems.append(f"unknown register {rec['register']!r}")
    if rec["topic"] not in TOPICS:
        problems.append(f"unknown topic {rec['topic']!r}")
    text = rec["text"]
    if not isinstance(text, str) or not text.strip():
        problems.append("empty text")
        return problems
    n_words = len(text.split())
    if not 1 <= n_words <= 90:
        problems.append(f"{n_words} words (keep to 2-80)")
    if not isinstance(rec["spans"], list) or not all(isinstance(sp, dict) for sp in rec["spans"]):
        problems.append("spans must be a list of objects with label and phrase")
        return problems
    seen = set()
    for span in rec["spans"]:
        label, phrase = span.get("label"), span.get("phrase")
        if label not in LABELS:
            problems.append(f"unknown label {label!r}")
        if label in seen:
            problems.append(f"label {label!r} twice")
        seen.add(label)
        if not phrase or phrase not in text:
            problems.append(f"phrase {phrase!r} is not an exact substring of the text")
        elif phrase.strip() != phrase:
            problems.append(f"phrase {phrase!r} has leading or trailing spaces")
    neg = rec.get("neg")
    if neg is not None:
        if neg not in NEG_TYPES:
            problems.append(f"unknown neg {neg!r}")
        if rec["spans"]:
            problems.append("neg is set but the record has labels")
    return problems


def read_jsonl(path: Path) -> list[dict]:
    records = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON: {exc.msg}") from None
    return records


def check_file(path: Path) -> tuple[list[str], Counter]:
    """Validate one authoring file; return (problems, label counts)."""
    problems, counts = [], Counter()
    ids = set()
    for n, rec in enumerate(read_jsonl(path), 1):
        for p in check_record(rec):
            problems.append(f"{path}:{n}: {p}")
        if not isinstance(rec, dict) or not isinstance(rec.get("spans"), list):
            counts["total"] += 1
            continue
        if rec.get("id") in ids:
            problems.append(f"{path}:{n}: duplicate id {rec.get('id')!r}")
        ids.add(rec.get("id"))
        labels = {s.get("label") for s in rec.get("spans", [])}
        for label in labels:
            counts[label] += 1
        if not labels:
            counts["none"] += 1
            if rec.get("neg"):
                counts["hard_negative"] += 1
        counts["total"] += 1
        counts["register:" + str(rec.get("register"))] += 1
        counts["setting:" + str(rec.get("setting"))] += 1
    return problems, counts


def split_of(scenario: str) -> str:
    """Deterministic split from the scenario id: 70% train, 15% dev, 15% test.

    >>> split_of("A-s001") in SPLITS
    True
    """
    h = int(hashlib.sha256(scenario.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "train" if h < 70 else ("dev" if h < 85 else "test")


def to_built(rec: dict, source: str) -> dict:
    text = rec["text"]
    spans = []
    from coach.spanrules import shorten_at

    for span in rec["spans"]:
        start = text.index(span["phrase"])
        shift, phrase = shorten_at(span["label"], span["phrase"])  # convention 9: the shortest evidence
        start += shift
        spans.append({"label": span["label"], "start": start, "end": start + len(phrase), "text": phrase})
    spans.sort(key=lambda s: (s["start"], s["label"]))
    return {
        "id": rec["id"],
        "text": text,
        "labels": sorted({s["label"] for s in spans}, key=LABELS.index),
        "spans": spans,
        "scenario": rec["scenario"],
        "setting": rec["setting"],
        "register": rec["register"],
        "topic": rec["topic"],
        "neg": rec.get("neg"),
        "split": split_of(rec["scenario"]),
        "source": source,
    }


def build(src_dir: Path = SRC_DIR, out: Path = BUILT) -> int:
    """Validate every authoring file and write the built corpus; return the number of records."""
    all_problems, rows = [], []
    for path in sorted(src_dir.glob("*.jsonl")):
        problems, _ = check_file(path)
        all_problems += problems
        if not problems:
            rows += [to_built(r, path.name) for r in read_jsonl(path)]
    if all_problems:
        raise ValueError("\n".join(all_problems[:50]))
    ids = Counter(r["id"] for r in rows)
    dup = [i for i, c in ids.items() if c > 1]
    if dup:
        raise ValueError(f"duplicate ids across files: {dup[:10]}")
    rows, dropped = drop_near_duplicates(rows)
    assign_splits(rows)
    DROPPED_LOG.write_text("".join(f"{a}\t{b}\t{j}\n" for a, b, j in dropped), encoding="utf-8")
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)


def load(path: Path = BUILT, extra: list[Path] | None = None) -> list[dict]:
    """Read the built corpus (and any extra files in the same format)."""
    rows = read_jsonl(path)
    for p in extra or []:
        rows += read_jsonl(Path(p))
    return rows


def sha256_of(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(Path(p).read_bytes())
    return h.hexdigest()


_USAGE = "usage: python3 -m coach.corpus check FILE... | build"


def _main(argv: list[str]) -> int:
    if any(a in {"-h", "--help"} for a in argv):
        print(_USAGE)
        return 0
    if len(argv) >= 2 and argv[0] == "check":
        status = 0
        for name in argv[1:]:
            try:
                problems, counts = check_file(Path(name))
            except (OSError, UnicodeDecodeError, ValueError) as exc:  # one line, then the other files
                reason = exc if isinstance(exc, ValueError) and not isinstance(exc, UnicodeDecodeError) else (
                    f"{name}: cannot read: {exc.strerror if isinstance(exc, OSError) else 'not UTF-8 text'}")
                print(f"error: {reason}", file=sys.stderr)
                status = 2
                continue
            for p in problems:
                print(p)
            status = max(status, int(bool(problems)))
            print(f"{name}: {counts['total']} records, {len(problems)} problems")
            print("  " + ", ".join(f"{k}={counts[k]}" for k in (*LABELS, "none", "hard_negative")))
            print("  " + ", ".join(f"{k}={v}" for k, v in sorted(counts.items()) if ":" in k))
        return status
    if argv and argv[0] == "build":
        print(f"wrote {build()} records to {BUILT}")
        return 0
    print(_USAGE, file=sys.stderr)
    return 2



# ---------------------------------------------------------------- hygiene

def _norm_words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))


def shingles(text: str, n: int = 5) -> frozenset:
    """Normalised word n-grams (the whole text as one shingle when it is shorter than n words)."""
    words = _norm_words(text)
    if len(words) < n:
        return frozenset([" ".join(words)])
    return frozenset(" ".join(words[i:i + n]) for i in range(len(words) - n + 1))


def near_duplicates(rows: list[dict], threshold: float = 0.8) -> list[tuple[int, int, float]]:
    """Pairs (i, j, jaccard) of records whose word 5-gram Jaccard is at least ``threshold``.

    An inverted index over shingles keeps this near-linear on a corpus of thousands.
    """
    sets = [shingles(r["text"]) for r in rows]
    index: dict[str, list[int]] = {}
    for i, s in enumerate(sets):
        for g in s:
            index.setdefault(g, []).append(i)
    pairs = []
    for i, s in enumerate(sets):
        cands: Counter = Counter()
        for g in s:
            for j in index[g]:
                if j > i:
                    cands[j] += 1
        for j, shared in cands.items():
            jac = shared / (len(s) + len(sets[j]) - shared)
            if jac >= threshold:
                pairs.append((i, j, round(jac, 3)))
    return pairs


def stats(rows: list[dict]) -> dict:
    """Counts the data card reports."""
    c: dict = {"total": len(rows), "labels": Counter(), "none": 0, "hard_negatives": Counter(),
               "settings": Counter(), "registers": Counter(), "topics": Counter(), "splits": Counter(),
               "lengths": Counter(), "multi_label": 0, "multi_sentence": 0, "scenarios": len({r["scenario"] for r in rows})}
    for r in rows:
        for label in r["labels"]:
            c["labels"][label] += 1
        if not r["labels"]:
            c["none"] += 1
            if r.get("neg"):
                c["hard_negatives"][r["neg"]] += 1
        c["multi_label"] += len(r["labels"]) > 1
        c["settings"][r["setting"]] += 1
        c["registers"][r["register"]] += 1
        c["topics"][r["topic"]] += 1
        c["splits"][r["split"]] += 1
        n = len(r["text"].split())
        c["lengths"]["2-5" if n <= 5 else "6-15" if n <= 15 else "16-30" if n <= 30 else "31-80" if n <= 80 else "81+"] += 1
        c["multi_sentence"] += len(re.findall(r"[.!?]+(\s|$)", r["text"].strip())) > 1
    return c


def drop_near_duplicates(rows: list[dict], threshold: float = 0.8) -> tuple[list[dict], list[tuple[str, str, float]]]:
    """Keep the first of every group of near-duplicates (word 5-gram Jaccard >= ``threshold``)."""
    drop: dict[int, tuple[int, float]] = {}
    for i, j, jac in near_duplicates(rows, threshold):
        if i not in drop and j not in drop:
            drop[j] = (i, jac)
    kept = [r for k, r in enumerate(rows) if k not in drop]
    log = [(rows[j]["id"], rows[i]["id"], jac) for j, (i, jac) in sorted(drop.items())]
    return kept, log


def assign_splits(rows: list[dict], link_threshold: float = 0.6) -> None:
    """Split by scenario, where scenarios that share a paraphrase (Jaccard >= ``link_threshold``) form one group."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, _ in near_duplicates(rows, link_threshold):
        a, b = find(rows[i]["scenario"]), find(rows[j]["scenario"])
        if a != b:
            parent[max(a, b)] = min(a, b)
    for r in rows:
        r["split"] = split_of(find(r["scenario"]))


if __name__ == "__main__":
    try:
        sys.exit(_main(sys.argv[1:]))
    except BrokenPipeError:  # "python -m coach.corpus check ... | head": the reader left; no traceback
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
