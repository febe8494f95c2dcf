"""A disk cache of the analyses the chapters share, so a build computes each one once.

Every chapter is its own notebook, run in its own kernel, and several call the same analyses
(:func:`ainews.score_themes`, :func:`ainews.extract_entities`, ...) on the same articles.
:func:`cached` stores a result under a key made of the function's name, the articles (their
content, hashed), the arguments and the ``ainews`` source and lexicons, so a change to any of
them computes afresh. The folder is ``_build/.ainews_cache`` (or ``$AINEWS_CACHE``): deleting it,
or ``make clean``, is always safe.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..config import ROOT, lexicon_dir

__all__ = ["cached", "cache_dir", "cache_path"]

_ARTICLE_COLUMNS = ("doc_id", "lang", "title", "body", "outlet", "published")


def cache_dir() -> Path:
    """Where results are kept: ``$AINEWS_CACHE`` or ``_build/.ainews_cache``."""
    env = os.environ.get("AINEWS_CACHE")
    return Path(env).expanduser() if env else ROOT / "_build" / ".ainews_cache"


@lru_cache(maxsize=1)
def _code_hash() -> str:
    from .fingerprint import _hash_tree

    h = hashlib.sha256()
    _hash_tree(h, Path(__file__).resolve().parents[1], ("*.py",))
    _hash_tree(h, lexicon_dir(), ("*",))
    models = ROOT / "data" / "models"
    _hash_tree(h, models, ("*",))
    return h.hexdigest()


def _articles_hash(articles: pd.DataFrame) -> str:
    cols = [c for c in _ARTICLE_COLUMNS if c in articles.columns]
    values = pd.util.hash_pandas_object(articles[cols].astype(str), index=False).to_numpy().tobytes()
    return hashlib.sha256(values + repr(cols).encode()).hexdigest()


def cache_path(fn, articles: pd.DataFrame, *args, **kwargs) -> Path:
    """The file :func:`cached` keeps ``fn(articles, *args, **kwargs)`` in (it may not exist yet)."""
    key = hashlib.sha256("|".join([
        f"{fn.__module__}.{fn.__qualname__}", _code_hash(), _articles_hash(articles),
        repr(args), repr(sorted(kwargs.items()))]).encode()).hexdigest()[:32]
    return cache_dir() / f"{fn.__name__}-{key}.pkl"


def cached(fn, articles: pd.DataFrame, *args, **kwargs):
    """``fn(articles, *args, **kwargs)``, computed once per build and reused by every chapter.

    Args:
        fn: a public ``ainews`` function of the articles table (e.g. ``ainews.score_themes``).
        articles: the articles.
        args: further positional arguments (``*args``); their ``repr`` is part of the key.
        kwargs: further keyword arguments (``**kwargs``), also part of the key.

    Returns:
        What ``fn`` returns (loaded from disk when the same call was made before).
    """
    path = cache_path(fn, articles, *args, **kwargs)
    if path.is_file():
        try:
            return pickle.loads(path.read_bytes())
        except Exception:  # a half-written or stale file: compute again
            path.unlink(missing_ok=True)
    result = fn(articles, *args, **kwargs)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
        pickle.dump(result, tmp, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp.name, path)
    return result
