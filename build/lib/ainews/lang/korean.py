"""Korean tokenization with kiwipiepy and the project's user dictionary.

One ``Kiwi`` is built per version of the user dictionary (loading the model takes about a
second) and shared by sentence splitting and tokenization. Batches go to
``Kiwi.tokenize(list)``, which spreads texts over ``num_workers`` threads; this module only
filters the morphemes it returns, so its cost stays close to kiwi's own.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache

from ..lexicons import lexicon_path, lexicon_version, read_word_list

__all__ = ["get_kiwi", "tokenize_ko", "ko_version", "USERDICT", "STOPWORDS_KO", "KEEP_TAGS"]

USERDICT = "userdict_ko.tsv"
STOPWORDS_KO = "stopwords_ko.txt"

# Content morphemes: common and proper nouns, foreign-script words, Hanja, roots.
# Particles (J*), endings (E*), suffixes (XS*), numbers and symbols are dropped, which is
# what makes 광주는 / 광주에서 / 광주의 all count as 광주.
KEEP_TAGS = frozenset({"NNG", "NNP", "SL", "SH", "XR"})
_SINGLE_OK = frozenset({"NNP", "SH"})
_LATIN = re.compile(r"[A-Za-z]")
_SPACE = re.compile(r"\s+")
# Kiwi is fed pieces of at most this many characters: a pathological single-line text
# (megabytes without a line break) would otherwise be analysed as one huge lattice.
_MAX_CHARS = 20_000


def _read_userdict(path) -> list[tuple[str, str, float]]:
    entries = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        cols = raw.rstrip("\n").split("\t")
        word = cols[0].strip()
        tag = cols[1].strip() if len(cols) > 1 and cols[1].strip() else "NNP"
        try:
            score = float(cols[2]) if len(cols) > 2 and cols[2].strip() else 0.0
        except ValueError:
            raise ValueError(f"{path}, line {n}: score {cols[2]!r} is not a number; "
                             "use `word<TAB>TAG<TAB>score`") from None
        entries.append((word, tag, score))
    return entries


_KIWIS: dict[str, object] = {}


def _build_kiwi(path: str, version: str):
    # Keyed by content, not path: a copy of the same dictionary re-uses the loaded model.
    if version in _KIWIS:
        return _KIWIS[version]
    from pathlib import Path

    from kiwipiepy import Kiwi

    kiwi = Kiwi()
    for word, tag, score in _read_userdict(Path(path)):
        try:
            kiwi.add_user_word(word, tag, score)
        except (ValueError, RuntimeError) as exc:
            raise ValueError(f"{path}: cannot add {word!r}/{tag} to kiwi ({exc}); "
                             "fix or remove the line") from exc
    if len(_KIWIS) >= 2:  # keep at most two models (about 100 MB each) alive
        _KIWIS.pop(next(iter(_KIWIS)))
    _KIWIS[version] = kiwi
    return kiwi


def get_kiwi():
    """The process-wide ``kiwipiepy.Kiwi`` with the user dictionary loaded.

    Rebuilt only when ``data/lexicons/userdict_ko.tsv`` (or ``$AINEWS_LEXICONS``) changes.
    """
    path = lexicon_path(USERDICT)
    return _build_kiwi(str(path), lexicon_version(USERDICT))


@lru_cache(maxsize=4)
def _stopwords(path: str, version: str) -> frozenset[str]:
    return frozenset(w.lower() for w in read_word_list(path))


def _stopwords_ko() -> frozenset[str]:
    return _stopwords(str(lexicon_path(STOPWORDS_KO)), lexicon_version(STOPWORDS_KO))


@lru_cache(maxsize=4)
def _spelled_for(path: str, version: str) -> dict[str, str]:
    from pathlib import Path

    return {_SPACE.sub("", w): _SPACE.sub("_", w).lower() for w, _, _ in _read_userdict(Path(path))}


def _spelled() -> dict[str, str]:
    """User words by their space-less form -> the token they become."""
    return _spelled_for(str(lexicon_path(USERDICT)), lexicon_version(USERDICT))


def ko_version() -> str:
    """Version of everything the Korean tokens depend on (lexicons and kiwi itself)."""
    import kiwipiepy

    return f"ko1-{kiwipiepy.__version__}-{lexicon_version(USERDICT, STOPWORDS_KO)}"


def _pieces(text: str) -> list[str]:
    if len(text) <= _MAX_CHARS:
        return [text]
    out, start = [], 0
    while start < len(text):
        end = min(start + _MAX_CHARS, len(text))
        if end < len(text):
            # Cut at the last line break or space so no word is split in two.
            cut = max(text.rfind("\n", start, end), text.rfind(" ", start, end))
            if cut > start:
                end = cut + 1
        out.append(text[start:end])
        start = end
    return out


def _canon(form: str, spelled: dict[str, str]) -> str:
    # kiwi's own multi-word entries ("양자 컴퓨팅") can win over a user word written
    # without the space ("양자컴퓨팅"); the user dictionary's spelling decides the token.
    found = spelled.get(_SPACE.sub("", form))
    return found if found is not None else _SPACE.sub("_", form).lower()


def _filter(tokens, stop: frozenset[str], spelled: dict[str, str]) -> list[str]:
    out = []
    append = out.append
    for t in tokens:
        if t.tag in KEEP_TAGS:
            form = t.form
            if " " in form:
                form = _canon(form, spelled)
            elif _LATIN.search(form):
                form = form.lower()
            # One-character nouns are mostly noise (등, 곳, 측) except names and Hanja
            # abbreviations such as 韓 or 日 in headlines.
            if form not in stop and (len(form) > 1 or t.tag in _SINGLE_OK):
                append(form)
    return out


def tokenize_ko(texts: Iterable[str]) -> Iterator[list[str]]:
    """Content-word tokens of each Korean text, in input order (streams).

    Args:
        texts: Korean texts (any iterable; consumed lazily).

    Yields:
        One list of tokens per text: nouns and roots as written (광주, 인공지능), user
        dictionary terms as one token with spaces turned into ``_`` and Latin letters
        lower-cased (``생성형_ai``), foreign-script words lower-cased (``openai``).
    """
    kiwi = get_kiwi()
    stop = _stopwords_ko()
    spelled = _spelled()
    counts: deque[int] = deque()

    def feed():
        for text in texts:
            parts = _pieces(text or "")
            counts.append(len(parts))
            yield from parts

    results = kiwi.tokenize(feed(), split_complex=False, z_coda=False)
    for res in results:
        toks = _filter(res, stop, spelled)
        # counts[0] is always known here: kiwi reads an input before yielding its result.
        n = counts.popleft()
        for _ in range(n - 1):
            toks.extend(_filter(next(results), stop, spelled))
        yield toks
