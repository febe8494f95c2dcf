"""Accuracy measured like speed: ``ainews evaluate GOLD.json FOLDER`` and :func:`evaluate`.

The system runs on the labelled articles and its output is compared with careful readers' labels
(the format of ``../shared/gold/``): primary theme and theme grades, quote speakers, places, money
amounts and investment events. Figures are printed beside the project's targets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .gold import GoldError, load_gold, match_articles
from .tasks import TASKS

__all__ = ["Evaluation", "GoldError", "TARGETS", "evaluate", "load_gold", "load_sets"]

# (task, metric) -> the figure the project aims for (issues "Themes that agree with careful readers"
# and "Who said what, where, and how much").
TARGETS = {
    ("primary theme", "accuracy"): 0.85,
    ("primary theme", "macro-F1"): 0.80,
    ("primary theme", "F1 foreign_investment"): 0.70,
    ("quote speakers", "precision"): 0.90,
    ("quote speakers", "recall"): 0.85,
    ("places", "precision"): 0.90,
    ("places", "recall"): 0.90,
    ("money amounts", "recall"): 0.95,
    ("investment events", "precision"): 0.90,
    ("investment events", "recall"): 0.80,
    ("investment events", "investor right"): 0.85,
}


@dataclass
class Evaluation:
    """Result of :func:`evaluate`.

    Attributes:
        summary: one row per task and metric: ``task, metric, value, n, target, met, how``.
        tables: per-task tables (``primary`` per-class figures, ``primary_confusion``, ``grades``,
            ``quote_speakers``, ``places``, ``amounts``, ``investments``).
        details: one row per article and task where the system and the readers differ:
            ``gold_key, task, gold`` (labelled, missed) and ``predicted`` (extra).
        n_articles: labelled articles found and evaluated.
        missing: labelled keys with no article in the folder.
    """

    summary: pd.DataFrame
    tables: dict[str, pd.DataFrame]
    details: pd.DataFrame
    n_articles: int
    missing: list[str] = field(default_factory=list)

    def to_text(self, title: str = "") -> str:
        """The summary as a plain-text table, with the per-class theme table and confusion matrix."""
        out = [title] if title else []
        out.append(f"{self.n_articles} labelled articles evaluated"
                   + (f"; {len(self.missing)} labelled articles not found in the folder" if self.missing else ""))
        s = self.summary.copy()
        s["value"] = s["value"].map(lambda v: f"{v:.3f}")
        s["target"] = s["target"].map(lambda v: "" if pd.isna(v) else f">= {v:.2f}")
        s["met"] = [("" if pd.isna(t) else "yes" if m else "NO") for t, m in zip(self.summary.target, s.met)]
        out.append(s[["task", "metric", "value", "target", "met", "n"]].to_string(index=False))
        label = {"primary theme": "themes", "theme grades": "themes"}
        hows = sorted({(label.get(t, t), h) for t, h in zip(self.summary.task, self.summary.how) if h})
        out += [f"{t}: {h}" for t, h in hows]
        if "primary" in self.tables:
            out.append("\nprimary theme, per class:")
            out.append(self.tables["primary"].round(3).to_string(index=False))
            out.append("\nconfusion (rows gold, columns predicted):")
            out.append(self.tables["primary_confusion"].to_string(index=False))
        return "\n".join(out)

    def write(self, out: str | Path) -> list[Path]:
        """Write ``summary.csv``, ``details.csv`` and one CSV per table into ``out``."""
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        paths = [out / "summary.csv", out / "details.csv"]
        self.summary.to_csv(paths[0], index=False)
        self.details.to_csv(paths[1], index=False)
        for name, t in self.tables.items():
            paths.append(out / f"{name}.csv")
            t.to_csv(paths[-1], index=False)
        return paths


def evaluate(gold, articles: pd.DataFrame, *, tasks=None) -> Evaluation:
    """Compare the system with careful readers on labelled articles.

    Args:
        gold: a gold file path or the dict :func:`load_gold` returns.
        articles: the articles (from :func:`ainews.ingest` or :func:`ainews.load_corpus`) of the
            folder the gold file names; matched by ``source`` file name.
        tasks: names among ``themes, speakers, places, amounts, investments`` (default all).

    Returns:
        An :class:`Evaluation`; ``print(result.to_text())`` shows the figures beside the targets.

    Raises:
        GoldError: a bad gold file, or none of its articles found in ``articles``.
    """
    if not isinstance(gold, dict):
        gold = load_gold(gold)
    tasks = list(TASKS) if tasks is None else list(tasks)
    unknown = set(tasks) - set(TASKS)
    if unknown:
        raise ValueError(f"unknown tasks {sorted(unknown)}; choose among {', '.join(TASKS)}")
    arts, missing = match_articles(gold, articles)
    if arts.empty:
        raise GoldError(f"none of the {len(gold)} labelled articles is among the {len(articles)} articles given "
                        "(keys are file names: read the folder the labels were made on)")
    arts = arts.drop_duplicates("doc_id").reset_index(drop=True)
    rows, tables, details = [], {}, []
    for name in tasks:
        r, t, d = TASKS[name](arts, gold)
        rows += r
        tables.update(t)
        details += d
    summary = pd.DataFrame(rows, columns=["task", "metric", "value", "n", "how"])
    summary["target"] = [TARGETS.get((t, m)) for t, m in zip(summary.task, summary.metric)]
    summary["met"] = [bool(v >= t) if t is not None else None for v, t in zip(summary.value, summary.target)]
    summary = summary[["task", "metric", "value", "n", "target", "met", "how"]]
    return Evaluation(summary, tables, pd.DataFrame(details, columns=["gold_key", "task", "gold", "predicted"]),
                      len(arts), missing)


def load_sets(path) -> list[dict]:
    """The labelled sets ``make eval`` runs: a YAML list of ``{name, labels, articles}``, paths
    relative to the project root (``data/gold/sets.yml``)."""
    import yaml

    from ..config import ROOT

    path = Path(path)
    items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(items, list):
        raise GoldError(f"{path}: expected a list of entries with name, labels, articles")
    out = []
    for i, it in enumerate(items):
        if not isinstance(it, dict) or not {"name", "labels", "articles"} <= set(it):
            raise GoldError(f"{path}: entry {i + 1} needs name, labels and articles")
        out.append({**it, "labels_as_written": str(it["labels"]), "labels": _resolve(ROOT, it["labels"]),
                    "articles": _resolve(ROOT, it["articles"])})
    return out


def _resolve(root: Path, rel: str) -> Path:
    """``rel`` against the project root; ``../shared/...`` against ``$AINEWS_SHARED`` when it is set
    (a checkout that does not sit beside the shared folder, e.g. a second worktree)."""
    import os

    shared = os.environ.get("AINEWS_SHARED")
    parts = Path(rel).parts
    if shared and parts[:2] == ("..", "shared"):
        return Path(shared, *parts[2:]).resolve()
    return (root / rel).resolve()
