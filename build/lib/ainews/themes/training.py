"""Labelled articles for the theme model: read gold files, find their articles, cross-validate.

A label file is JSON keyed by the ``source`` of an article (its file name, or ``file.csv#row=N``
for rows of a table) in one corpus folder, with the fields of the annotation guidelines
(``themes`` grades and ``primary``). The folder is found without configuration: the corpus
folders named in the label folder's README or scripts (``corpora/<name>``), a corpus folder named
like the label file, then every corpus folder; the folder holding the most keys wins.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["body_key", "default_label_files", "labelled_articles", "load_labels", "shared_dir"]

_CORPUS_REF = re.compile(r"corpora/([A-Za-z0-9_.\-]+)")


def shared_dir() -> Path:
    """The shared folder (``$AINEWS_SHARED`` or ``../shared`` next to the project)."""
    import os

    from ..config import ROOT

    return Path(os.environ.get("AINEWS_SHARED", ROOT.parent / "shared")).resolve()


def default_label_files() -> list[Path]:
    """The shared development sample and every ``data/gold/*.json`` of the project."""
    from ..config import ROOT

    files = [shared_dir() / "gold" / "naver-dev-gold.json"]
    files += sorted((ROOT / "data" / "gold").glob("*.json"))
    return [f for f in files if f.is_file()]


def body_key(body: str) -> str:
    """A short hash of an article body: how out-of-fold predictions find their article."""
    return hashlib.blake2b((body or "").encode("utf-8"), digest_size=8).hexdigest()


def _candidates(label_file: Path, corpora: Path) -> list[Path]:
    names: list[str] = []
    for f in sorted(label_file.parent.glob("README*")) + sorted(label_file.parent.glob("*.py")):
        text = f.read_text(encoding="utf-8", errors="replace")
        # a README line that names this file names its folder first
        for line in text.splitlines():
            if label_file.name in line:
                names += _CORPUS_REF.findall(line)
        names += _CORPUS_REF.findall(text)
    names.append(label_file.stem)
    names += sorted(p.name for p in corpora.iterdir() if p.is_dir()) if corpora.is_dir() else []
    seen, out = set(), []
    for n in names:
        p = corpora / n
        if n not in seen and p.is_dir():
            seen.add(n)
            out.append(p)
    return out


@lru_cache(maxsize=8)
def _ingested(folder: str) -> pd.DataFrame:
    from ..ingest import ingest

    return ingest(folder, progress=False)[0]


def load_labels(files=None) -> pd.DataFrame:
    """One row per labelled article: ``key, label_file, corpus`` then the labels.

    Args:
        files: label files (JSON); default :func:`default_label_files`.

    Returns:
        DataFrame with ``key`` (the article's ``source``), ``label_file``, ``corpus`` (folder),
        ``primary``, ``about_ai``, ``sovereign_ai`` and one grade column per theme.

    Raises:
        FileNotFoundError: a label file, or the corpus folder of its keys, is missing.
    """
    files = [Path(f) for f in (files or default_label_files())]
    if not files:
        raise FileNotFoundError("no label files: pass paths, or put the shared gold folder at "
                                f"{shared_dir() / 'gold'} (or set AINEWS_SHARED)")
    corpora = shared_dir() / "corpora"
    rows = []
    for f in files:
        if not f.is_file():
            raise FileNotFoundError(f"{f}: no such label file")
        data = json.loads(f.read_text(encoding="utf-8"))
        keys = set(data)
        best, n_best = None, 0
        # a key names a file of its folder (``file.csv#row=N``: the file part): a cheap test
        # that spares ingesting every corpus folder
        sample = sorted(keys)[:50]
        cands = [c for c in _candidates(f, corpora)
                 if any((c / k.split("#", 1)[0]).is_file() for k in sample)]
        for folder in cands:
            n = len(keys & set(_ingested(str(folder))["source"]))
            if n > n_best:
                best, n_best = folder, n
            if n == len(keys):
                break
        if best is None:
            raise FileNotFoundError(f"{f}: none of its keys is the source of an article in {corpora}; "
                                    "name the corpus folder (corpora/<name>) in the label folder's README")
        for key, lab in data.items():
            if not isinstance(lab, dict) or "themes" not in lab:
                continue
            row = {"key": key, "label_file": f.name, "corpus": best.name,
                   "primary": lab.get("primary") or "none", "about_ai": lab.get("about_ai"),
                   "sovereign_ai": lab.get("sovereign_ai")}
            row.update({t: int(g) for t, g in lab["themes"].items()})
            rows.append(row)
    return pd.DataFrame(rows).drop_duplicates(["corpus", "key"], keep="last").reset_index(drop=True)


def labelled_articles(labels: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The articles of ``labels`` (read from their corpus folders) and the labels aligned to them.

    Labels whose article is not found are dropped (the count is in the returned tables' lengths).
    """
    corpora = shared_dir() / "corpora"
    parts = []
    for corpus, g in labels.groupby("corpus", sort=False):
        arts = _ingested(str(corpora / corpus))
        m = arts.merge(g[["key"]], left_on="source", right_on="key").drop_duplicates("key")
        parts.append(m.assign(corpus=corpus))
    articles = pd.concat(parts, ignore_index=True)
    aligned = labels.merge(articles[["corpus", "key"]], on=["corpus", "key"])
    articles = articles.set_index(["corpus", "key"]).loc[list(zip(aligned.corpus, aligned.key))].reset_index()
    return articles, aligned.reset_index(drop=True)


def themes_of(labels: pd.DataFrame, lexicon) -> list[str]:
    """Themes of the lexicon, in its order; a theme without labels gets grade 0 everywhere."""
    ids = list(lexicon.themes["theme"])
    for t in ids:
        if t not in labels.columns:
            labels[t] = 0
    labels[ids] = labels[ids].fillna(0).astype(int)
    return ids


def label_matrix(labels: pd.DataFrame, themes: list[str]) -> pd.DataFrame:
    """The ``y`` of :meth:`ThemeModel.fit`: grade columns and ``primary``."""
    y = labels[themes].astype(int).copy()
    y["primary"] = labels["primary"].where(labels["primary"].isin(themes), "none").to_numpy()
    return y


def stratify_key(y: pd.DataFrame) -> np.ndarray:
    """Fold strata: the primary label (rare labels merged so each has enough members)."""
    p = y["primary"].to_numpy()
    counts = pd.Series(p).value_counts()
    return np.array([x if counts[x] >= 5 else "rare" for x in p])
