"""Korean tokenization and sentence splitting with kiwipiepy and the project's user dictionary.

One ``Kiwi`` is built per version of the user dictionary (loading the model takes about a
second) and shared by sentence splitting and tokenization. Both come from one analysis:
:func:`analyse_lines_ko` sends lines to ``Kiwi.split_into_sents(list, return_tokens=True)``,
which spreads them over kiwi's threads and returns each line's sentences with their morphemes;
the sentence offsets are those of a plain ``split_into_sents`` (checked equal on every line of
the Naver corpus) and the content tokens those of ``Kiwi.tokenize``, so the caches of sentences
(:mod:`ainews.lang.sentcache`) and of tokens (:mod:`ainews.lang.cache`) are filled by one pass
instead of two (the morphological analysis is the cost of both).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice

from ..lexicons import lexicon_path, lexicon_version, read_word_list

__all__ = ["get_kiwi", "tokenize_ko", "analyse_ko", "analyse_lines_ko", "ko_version", "USERDICT",
           "STOPWORDS_KO", "KEEP_TAGS"]

USERDICT = "userdict_ko.tsv"
STOPWORDS_KO = "stopwords_ko.txt"

# Content morphemes: common and proper nouns, foreign-script words, Hanja, roots.
# Particles (J*), endings (E*), suffixes (XS*), numbers and symbols are dropped, which is
# what makes 광주는 / 광주에서 / 광주의 all count as 광주.
KEEP_TAGS = frozenset({"NNG", "NNP", "SL", "SH", "XR"})
_SINGLE_OK = frozenset({"NNP", "SH"})
_LATIN = re.compile(r"[A-Za-z]")
_SPACE = re.compile(r"\s+")
# a non-empty line (also the line rule of ainews.lang.sentences)
_LINE = re.compile(r"[^\n]+")
# Kiwi is fed pieces of at most this many characters: a pathological single-line text
# (megabytes without a line break) would otherwise be analysed as one huge lattice.
_MAX_CHARS = 20_000
# Texts analysed per kiwi call: kiwi's threads stay busy, memory stays flat.
_CHUNK = 256


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

    # ko2: tokens come from the sentence analysis of each line (analyse_lines_ko)
    return f"ko2-{kiwipiepy.__version__}-{lexicon_version(USERDICT, STOPWORDS_KO)}"


def _pieces(line: str) -> list[tuple[int, str]]:
    """``(offset, piece)`` of a line: the line itself, or pieces cut at white space when too long."""
    if len(line) <= _MAX_CHARS:
        return [(0, line)]
    out, start = [], 0
    while start < len(line):
        end = min(start + _MAX_CHARS, len(line))
        if end < len(line):
            # Cut at the last space so no word is split in two.
            cut = line.rfind(" ", start, end)
            if cut > start:
                end = cut + 1
        out.append((start, line[start:end]))
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


def analyse_lines_ko(lines: list[str]) -> list[tuple[list[tuple[int, int]], list[str]]]:
    """Sentences and content tokens of each Korean line, from one kiwi analysis.

    Args:
        lines: lines of text without line breaks (kiwi reads a line break as a sentence end).

    Returns:
        One ``(spans, tokens)`` per line: ``[start, end)`` offsets of its sentences in the line
        (those of ``Kiwi.split_into_sents``) and its content tokens as :func:`tokenize_ko` gives them.
    """
    kiwi = get_kiwi()
    stop = _stopwords_ko()
    spelled = _spelled()
    pieces = [(i, off, piece) for i, line in enumerate(lines) for off, piece in _pieces(line)]
    out: list[tuple[list[tuple[int, int]], list[str]]] = [([], []) for _ in lines]
    if not pieces:
        return out
    results = kiwi.split_into_sents([p for _, _, p in pieces], return_tokens=True)
    for (i, off, _), sents in zip(pieces, results):
        spans, toks = out[i]
        for sent in sents:
            spans.append((off + sent.start, off + sent.end))
            toks.extend(_filter(sent.tokens, stop, spelled))
    return out


def analyse_ko(texts: list[str]) -> list[tuple[list[tuple[int, int]], list[str]]]:
    """Sentence spans and content tokens of each Korean text (every line read as Korean).

    Returns:
        One ``(spans, tokens)`` per text: sentence offsets in the text, as
        ``ainews.sentences(text, lang="ko")`` gives them, and the tokens of :func:`tokenize_ko`.
    """
    lines = [[(m.start(), m.group(0)) for m in _LINE.finditer(t or "") if m.group(0).strip()] for t in texts]
    done = iter(analyse_lines_ko([line for ls in lines for _, line in ls]))
    out = []
    for ls in lines:
        spans: list[tuple[int, int]] = []
        toks: list[str] = []
        for off, _ in ls:
            sp, tk = next(done)
            spans.extend((off + a, off + b) for a, b in sp)
            toks.extend(tk)
        out.append((spans, toks))
    return out


def tokenize_ko(texts: Iterable[str]) -> Iterator[list[str]]:
    """Content-word tokens of each Korean text, in input order (streams, in batches).

    Args:
        texts: Korean texts (any iterable; consumed lazily, a batch at a time).

    Yields:
        One list of tokens per text: nouns and roots as written (광주, 인공지능), user
        dictionary terms as one token with spaces turned into ``_`` and Latin letters
        lower-cased (``생성형_ai``), foreign-script words lower-cased (``openai``).
    """
    it = iter(texts)
    while batch := list(islice(it, _CHUNK)):
        for _, toks in analyse_ko(batch):
            yield toks
