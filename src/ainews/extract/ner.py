"""A character-level CRF tagger of Korean person, place and organisation names.

No Python package ships Korean named-entity weights, so the project trains its own: a linear-chain
CRF (crfsuite) over characters, fitted on the KLUE NER dev set (5,000 sentences, CC BY-SA 4.0).
Features (:mod:`ainews.extract.ner_features`) are the characters around each one, the word it is
in (its stem and the particle that ends it), kiwi's part-of-speech tag of the morpheme that covers
it, and the project's lexicons (family names, titles, organisation suffixes, places). The model is
the crfsuite binary file ``data/models/ner_ko_crf.crfsuite`` (plain weights, no pickle) with its
card beside it.

Retrain with ``python -m ainews.extract.ner train [klue-ner tsv]``.

The shipped tagger memoises its answers on disk (:class:`ainews.lang.memo.DiskMemo`): the
extractors ask it about the same windows of text in every notebook kernel, and a kernel whose
answers are all stored never loads kiwi or crfsuite for it.
"""

from __future__ import annotations

import hashlib
import sys
from functools import lru_cache
from pathlib import Path

from ..config import ROOT
from ..lang.memo import DiskMemo
from .ner_features import char_features, morphemes

__all__ = ["read_klue", "char_features", "morphemes", "spans_of", "KoreanNER", "model_path"]

LABELS = ("PS", "LC", "OG")


def model_path() -> Path:
    """Where the shipped model lives (``data/models/ner_ko_crf.crfsuite``)."""
    return ROOT / "data" / "models" / "ner_ko_crf.crfsuite"


def read_klue(path: str | Path) -> list[tuple[str, str, list[str]]]:
    """Sentences of a KLUE NER tsv as ``(id, text, BIO tags per character)``.

    Only the PS/LC/OG tags are kept (DT/TI/QT become ``O``).

    Raises:
        FileNotFoundError: naming the file when it is absent.
        ValueError: naming the line that is not ``char<TAB>tag``.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: KLUE NER file not found; pass the path of klue-ner-v1.1_dev.tsv")
    out, sid, chars, tags = [], None, [], []
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if line.startswith("## klue"):
                sid = line[3:].split("\t", 1)[0]
            elif line.startswith("##"):
                continue
            elif not line:
                if chars:
                    out.append((sid, "".join(chars), tags))
                chars, tags = [], []
            else:
                ch, tab, tag = line.rpartition("\t")
                if not tab or not tag:
                    raise ValueError(f"{path}:{i}: expected 'char<TAB>tag', got {line!r}")
                chars.append(ch or " ")
                tags.append(tag if tag[2:] in LABELS else "O")
    if chars:
        out.append((sid, "".join(chars), tags))
    return out


def spans_of(tags: list[str]) -> list[tuple[str, int, int]]:
    """Entity spans ``(label, start, end)`` of a BIO tag sequence (an I- without B- starts one)."""
    out, cur = [], None
    for i, t in enumerate(list(tags) + ["O"]):
        if t.startswith("B-") or t == "O" or (t.startswith("I-") and (cur is None or cur[0] != t[2:])):
            if cur is not None:
                out.append((cur[0], cur[1], i))
                cur = None
            if t != "O":
                cur = (t[2:], i)
    return out


class KoreanNER:
    """Character CRF tagger (scikit-learn style: ``fit`` returns self, ``predict`` tags).

    Args:
        c1: L1 penalty (keeps the model small by zeroing weak features).
        c2: L2 penalty.
        max_iterations: L-BFGS iterations.
    """

    def __init__(self, c1: float = 0.05, c2: float = 0.01, max_iterations: int = 150):
        self.c1 = c1
        self.c2 = c2
        self.max_iterations = max_iterations

    def fit(self, texts: list[str], tags: list[list[str]], model_file: str | Path) -> KoreanNER:
        """Train on ``texts`` with per-character BIO ``tags``; the weights go to ``model_file``."""
        import pycrfsuite

        trainer = pycrfsuite.Trainer(verbose=False)
        for t, y in zip(texts, tags):
            trainer.append(char_features(t), y)
        trainer.set_params({"c1": self.c1, "c2": self.c2, "max_iterations": self.max_iterations,
                            "feature.possible_transitions": True})
        trainer.train(str(model_file))
        self.model_file_ = str(model_file)
        return self.load(model_file)

    def load(self, model_file: str | Path) -> KoreanNER:
        """Open a trained crfsuite model file."""
        import pycrfsuite

        if not Path(model_file).is_file():
            raise FileNotFoundError(f"{model_file}: NER model not found; train it with "
                                    "`python -m ainews.extract.ner train`")
        self.tagger_ = pycrfsuite.Tagger()
        self.tagger_.open(str(model_file))
        self.model_file_ = str(model_file)
        return self

    def predict(self, texts: list[str]) -> list[list[str]]:
        """BIO tags per character of each text."""
        return [self.tagger_.tag(char_features(t)) if t else [] for t in texts]

    def entities(self, text: str, toks: list[tuple[str, str, int, int]] | None = None
                 ) -> list[tuple[str, int, int]]:
        """``(label, start, end)`` of the names in ``text``.

        Args:
            text: a sentence or a short window of one.
            toks: kiwi's morphemes of ``text`` (:func:`ainews.extract.ner_features.morphemes`) when
                the caller has them; analysed here otherwise.
        """
        if not text:
            return []
        return spans_of(self.tagger_.tag(char_features(text, toks)))


class _MemoNER(KoreanNER):
    """The shipped tagger: answers for texts analysed here are memoised on disk."""

    def entities(self, text: str, toks: list[tuple[str, str, int, int]] | None = None
                 ) -> list[tuple[str, int, int]]:
        if not text or toks is not None:
            return super().entities(text, toks)
        key = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
        found = _MEMO.get(key, lambda: _pack(super(_MemoNER, self).entities(text)))
        return _unpack(found)


def _pack(spans: list[tuple[str, int, int]]) -> str:
    return ";".join(f"{lab},{a},{b}" for lab, a, b in spans)


def _unpack(value: str) -> list[tuple[str, int, int]]:
    out = []
    for part in value.split(";") if value else ():
        lab, a, b = part.split(",")
        out.append((lab, int(a), int(b)))
    return out


def _memo_version() -> str:
    """What the shipped tagger's answers depend on: the model, the feature and decoding code,
    kiwi and its user dictionary, and the lexicons the features read."""
    from ..lang.sentences import split_version
    from ..lexicons import lexicon_version
    from . import _lexicon, ner_features

    h = hashlib.blake2b(digest_size=8)
    for path in (model_path(), Path(__file__), Path(ner_features.__file__), Path(_lexicon.__file__)):
        h.update(path.read_bytes() if path.is_file() else b"-")
    h.update(split_version("ko").encode())
    h.update(lexicon_version("roles.yml", "orgs.yml", "gazetteer.csv").encode())
    return h.hexdigest()


_MEMO = DiskMemo("ner1", _memo_version)


@lru_cache(maxsize=1)
def shipped_tagger() -> KoreanNER | None:
    """The shipped model, loaded once (``None`` when the model file is absent).

    Its :meth:`KoreanNER.entities` answers are memoised on disk (written by
    :func:`ainews.lang.memo.save_memos`) when it analyses the text itself.
    """
    path = model_path()
    return _MemoNER().load(path) if path.is_file() else None


def _klue_default() -> Path:
    import os

    return Path(os.environ.get("AINEWS_SHARED", ROOT.parent / "shared")) / "corpora" / "klue-ner" / \
        "klue-ner-v1.1_dev.tsv"


def main(argv: list[str]) -> None:
    """``train [tsv]``: fit on every KLUE sentence and write the shipped model."""
    if not argv or argv[0] != "train":
        sys.exit("usage: python -m ainews.extract.ner train [klue-ner-v1.1_dev.tsv]")
    path = Path(argv[1]) if len(argv) > 1 else _klue_default()
    data = read_klue(path)
    model_path().parent.mkdir(parents=True, exist_ok=True)
    KoreanNER().fit([t for _, t, _ in data], [y for _, _, y in data], model_path())
    print(f"trained on {len(data)} sentences of {path}; wrote {model_path()} "
          f"({model_path().stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main(sys.argv[1:])
