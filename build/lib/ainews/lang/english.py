"""English (and fallback) tokenization: regex words, simplemma lemmas, stopwords, terms.

Pipeline per text: find words with one regex (acronyms with dots such as ``U.S.`` stay whole,
possessive ``'s`` is dropped), lemmatize with simplemma, join multi-word terms from
``data/lexicons/terms_en.txt`` into one token (longest match, words joined by ``_``:
``data_sovereignty``, ``large_language_model``; multi-word English forms of ``concepts.yml``
are joined the same way), then drop stopwords, numbers and one-letter
words. Everything is lower-cased. Texts in other scripts (Japanese, Chinese, Cyrillic...)
go through the same path: their word-character runs become tokens without lemmatization.
"""

from __future__ import annotations

import re
from functools import lru_cache

import simplemma

from ..lexicons import lexicon_path, lexicon_version, load_yaml_lexicon, read_word_list

__all__ = ["tokenize_en", "en_version", "STOPWORDS_EN", "TERMS_EN"]

STOPWORDS_EN = "stopwords_en.txt"
TERMS_EN = "terms_en.txt"
CONCEPTS = "concepts.yml"

_WORD = re.compile(
    r"(?:[A-Za-z]\.){2,}"                       # U.S., U.K., e.g.
    r"|[^\W_](?:[\w&]|['’\-](?=[^\W_]))*"       # words, with inner ' - & (Kim's, AI-driven)
)
_POSSESSIVE = re.compile(r"['’]s$", re.I)
_ASCII_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_TITLES = frozenset({"Mr", "Mrs", "Ms", "Dr", "Prof", "Mt", "St"})


@lru_cache(maxsize=200_000)
def _lemma(word: str) -> str:
    if not _ASCII_WORD.fullmatch(word):
        return word.lower()
    return simplemma.lemmatize(word, lang="en").lower()


def word_key(word: str) -> str:
    """The lower-case lemma a word is counted as; acronyms (all capitals) stay as they are.

    The lemmatizer sees the word as written (it knows ``Koreans`` -> ``Korean`` but not
    ``koreans``); keeping ``US`` or ``IT`` out of it stops them turning into pronouns.
    """
    if len(word) > 1 and word.isupper():
        return word.lower()
    return _lemma(word)


def key_variants(word: str) -> set[str]:
    """Keys a word of a listed term may have in text: as written and lower-cased.

    ``United`` lemmatizes to ``united`` but ``united`` to ``unite``; registering both lets
    "United States" and "united states" match the same term.
    """
    return {word_key(word), word_key(word.lower()), word_key(word.capitalize())}


class _Lexicon:
    """Stopwords, protected words and the term trie for one version of the lexicons."""

    def __init__(self, stop_path, terms_path, concept_terms: list[str]):
        self.stop = frozenset(w.lower() for w in read_word_list(stop_path))
        self.protected: set[str] = set()
        self.trie: dict = {}
        terms = [t.split() for t in read_word_list(terms_path) + concept_terms]
        # A one-word entry is kept as written instead of lemmatized (data, media); read them
        # first so multi-word terms containing them are keyed the same way.
        self.protected.update(w[0].lower() for w in terms if len(w) == 1)
        for words in terms:
            if len(words) > 1:
                self._add(words, "_".join(words).lower())

    def _add(self, words: list[str], token: str) -> None:
        nodes = [self.trie]
        for w in words:
            low = w.lower()
            keys = {low} if low in self.protected else key_variants(w)
            nodes = [node.setdefault(k, {}) for node in nodes for k in keys]
        for node in nodes:
            node.setdefault(None, token)

    def key(self, word: str) -> str:
        low = word.lower()
        return low if low in self.protected else word_key(word)


def _concept_terms() -> list[str]:
    # Multi-word English names of concepts.yml (Korea Chamber of Commerce and Industry) join
    # like terms; the trie only needs the words, so commas and case do not matter.
    data = load_yaml_lexicon(CONCEPTS) or {}
    out = []
    for spec in (data.get("concepts") or {}).values():
        for surface in (spec or {}).get("en") or []:
            words = _WORD.findall(str(surface))
            if len(words) > 1:
                out.append(" ".join(words))
    return out


@lru_cache(maxsize=4)
def _lexicon(stop: str, terms: str, version: str) -> _Lexicon:
    from pathlib import Path

    return _Lexicon(Path(stop), Path(terms), _concept_terms())


def _current() -> _Lexicon:
    return _lexicon(str(lexicon_path(STOPWORDS_EN)), str(lexicon_path(TERMS_EN)),
                    lexicon_version(STOPWORDS_EN, TERMS_EN, CONCEPTS))


def en_version() -> str:
    """Version of everything the English tokens depend on (lexicons and simplemma).

    ``concepts.yml`` is part of it because its multi-word English forms are joined as terms.
    """
    return f"en1-{simplemma.__version__}-{lexicon_version(STOPWORDS_EN, TERMS_EN, CONCEPTS)}"


def _keep(tok: str, orig: str, stop: frozenset[str]) -> bool:
    if len(tok) < 2 or not _HAS_LETTER.search(tok):
        return False
    if tok in stop:
        # All-caps acronyms that look like stopwords (US, IT) are content words.
        return orig.isupper() and len(orig) > 1
    return True


def tokenize_en(text: str) -> list[str]:
    """Tokens of one English (or other non-Korean) text.

    Args:
        text: any string.

    Returns:
        Lower-cased lemmas and joined multi-word terms, stopwords removed.
    """
    if not text:
        return []
    lex = _current()
    words, keys = [], []
    for m in _WORD.finditer(text):
        w = _POSSESSIVE.sub("", m.group(0))
        if w in _TITLES and text.startswith(".", m.end()):
            continue
        words.append(w)
        keys.append(lex.key(w))
    out = []
    trie, stop, n, i = lex.trie, lex.stop, len(keys), 0
    while i < n:
        node, j, hit, hit_end = trie, i, None, i
        while j < n and keys[j] in node:
            node = node[keys[j]]
            j += 1
            if None in node:
                hit, hit_end = node[None], j
        if hit is not None:
            out.append(hit)
            i = hit_end
            continue
        if _keep(keys[i], words[i], stop):
            out.append(keys[i])
        i += 1
    return out
