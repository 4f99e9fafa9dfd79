"""Agreement between two codings of the same utterances (e.g. human codes vs ``coach score``).

Both tables have an id column and one boolean (or 0/1, yes/no) column per label; labels are
the columns named like :data:`coach.taxonomy.LABELS` that both tables have. Statistics come
from :mod:`coach.agreement` (Cohen's kappa, precision/recall/F1, percentile bootstrap).

>>> import pandas as pd
>>> human = pd.DataFrame({"id": [1, 2, 3, 4], "judgment": [1, 1, 0, 0]})
>>> model = pd.DataFrame({"id": ["4", "3", "2", "1"], "judgment": [False, True, True, True]})
>>> report = agreement(human, model, n_boot=200)
>>> report["matched"], report["labels"]["judgment"]["kappa"][0]
(4, 0.5)
"""

from __future__ import annotations

import os

from coach import taxonomy
from coach.agreement import bootstrap
from coach.errors import CoachError

_TRUE = {"1", "true", "t", "yes", "y", "1.0"}
_FALSE = {"0", "false", "f", "no", "n", "0.0", ""}


def read_table(path: str | os.PathLike):
    """A small table (CSV, TSV, JSONL, Parquet) as a pandas frame of strings/values."""
    import pandas as pd

    path = str(path)
    ext = os.path.splitext(path)[1].lower()
    if not os.path.exists(path):
        raise CoachError(f"{path}: no such file")
    try:
        if ext in (".csv", ".tsv"):
            return pd.read_csv(path, sep="\t" if ext == ".tsv" else ",", dtype=str, keep_default_na=False)
        if ext in (".jsonl", ".ndjson"):
            return pd.read_json(path, lines=True, dtype=False)
        if ext in (".parquet", ".pq"):
            return pd.read_parquet(path)
    except (ValueError, OSError, UnicodeDecodeError) as exc:
        raise CoachError(f"{path}: cannot read the table ({' '.join(str(exc).split())[:200]})") from None
    raise CoachError(f"{path}: unknown table type '{ext or '(none)'}'; use .csv, .tsv, .jsonl or .parquet")


def to_bool(series, where: str):
    """Booleans from bool, 0/1, true/false or yes/no values; a one-line error otherwise."""
    import pandas as pd

    if series.dtype == bool:
        return series.to_numpy()
    out = []
    for value in series.tolist():
        text = (
            ""
            if value is None or (isinstance(value, float) and pd.isna(value))
            else str(value).strip().lower()
        )
        if text in _TRUE:
            out.append(True)
        elif text in _FALSE:
            out.append(False)
        else:
            raise CoachError(f"{where}: cannot read {value!r} as a yes/no label (use true/false or 1/0)")
    return pd.Series(out, dtype=bool).to_numpy()


def _ids(df, id_col: str, where: str):
    if id_col not in df.columns:
        raise CoachError(
            f"{where}: no id column '{id_col}'; columns found: {', '.join(map(str, df.columns))} "
            "(name it with --id-col)"
        )
    ids = df[id_col].map(lambda v: "" if v is None else str(v).strip())
    dupes = ids[ids.duplicated()]
    if len(dupes):
        raise CoachError(f"{where}: id '{dupes.iloc[0]}' appears more than once in column '{id_col}'")
    return ids


def agreement(
    human,
    model,
    *,
    id_col: str = "id",
    n_boot: int = 1000,
    seed: int = 0,
    human_name: str = "HUMAN",
    model_name: str = "MODEL",
) -> dict:
    """Per-label kappa, precision, recall, F1 (each ``(point, low, high)``) over the matched ids."""
    h_ids, m_ids = _ids(human, id_col, human_name), _ids(model, id_col, model_name)
    labels = [label for label in taxonomy.LABELS if label in human.columns and label in model.columns]
    if not labels:
        raise CoachError(f"no label columns in common; expected some of: {', '.join(taxonomy.LABELS)}")
    h = human.assign(_id=h_ids.values).set_index("_id")
    m = model.assign(_id=m_ids.values).set_index("_id")
    common = [i for i in h.index if i in set(m.index)]
    report: dict = {
        "human": human_name,
        "model": model_name,
        "id_col": id_col,
        "n_human": len(h),
        "n_model": len(m),
        "matched": len(common),
        "labels": {},
    }
    if not common:
        raise CoachError(
            f"no ids in common between {human_name} ({len(h)} rows) and {model_name} "
            f"({len(m)} rows) in column '{id_col}'"
        )
    for label in labels:
        gold = to_bool(h.loc[common, label], f"{human_name}: column '{label}'")
        pred = to_bool(m.loc[common, label], f"{model_name}: column '{label}'")
        stats = bootstrap(gold, pred, n=n_boot, seed=seed)
        report["labels"][label] = {
            **{k: list(stats[k]) for k in ("kappa", "precision", "recall", "f1")},
            "n": stats["n"],
            "human_positive": stats["gold_positive"],
            "model_positive": int(pred.sum()),
        }
    return report


def format_text(report: dict) -> str:
    """A fixed-width table: label, n, positives, and each statistic with its 95% interval."""
    lines = [
        (
            f"{report['matched']} of {report['n_human']} {report['human']} rows matched "
            f"{report['n_model']} {report['model']} rows by '{report['id_col']}'."
        )
    ]
    width = max(len(label) for label in report["labels"])

    def fmt(triple) -> str:
        point, lo, hi = triple
        return f"{point:.3f} [{lo:.3f}, {hi:.3f}]"

    lines.append(
        f"{'label':<{width}}  {'n':>6}  {'human+':>6}  {'model+':>6}  {'kappa':<21}  {'precision':<21}  "
        f"{'recall':<21}  {'F1':<21}"
    )
    for label, s in report["labels"].items():
        lines.append(
            f"{label:<{width}}  {s['n']:>6}  {s['human_positive']:>6}  {s['model_positive']:>6}  "
            f"{fmt(s['kappa']):<21}  {fmt(s['precision']):<21}  {fmt(s['recall']):<21}  "
            f"{fmt(s['f1']):<21}"
        )
    lines.append("Intervals: 95% percentile bootstrap over utterances.")
    return "\n".join(lines)
