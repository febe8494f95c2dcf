"""Per-character features of the Korean NER tagger (:mod:`ainews.extract.ner`).

Each character of a sentence gets crfsuite feature strings from four sources:

* the characters around it (±3), character n-grams and script classes;
* the word (eojeol) it belongs to: the word, its first and last character, its stem (the word
  without the particles and endings kiwi finds at its end), the particle that ends it (김 회장은 → 은);
* kiwi's morphological analysis mapped back to characters: the part-of-speech tag of the morpheme
  that covers the character (NNP, NNG, JKS...), whether the character opens or ends that morpheme,
  the tags of the morphemes before and after;
* the project's lexicons (``data/lexicons``): family names and titles (``roles.yml``), organisation
  suffixes and known organisations (``orgs.yml``), and place names (``gazetteer.csv``).
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["char_features", "morphemes"]

_WORD = re.compile(r"\S+")
_STEM_END = ("J", "E")
_PUNCT_TAGS = {"SF", "SP", "SS", "SSO", "SSC", "SE", "SO", "SW"}


def _cls(c: str) -> str:
    if "가" <= c <= "힣":
        return "H"
    if c.isdigit():
        return "D"
    if c.isascii() and c.isalpha():
        return "L" if c.islower() else "U"
    if c.isspace():
        return "S"
    return "P"


@lru_cache(maxsize=1)
def _lexicons() -> tuple[frozenset, int, frozenset, frozenset, re.Pattern, re.Pattern]:
    """(titles, longest title, one-syllable family names, organisation suffixes, known-organisation
    regex, Korean place regex), all read from ``data/lexicons``."""
    from . import _lexicon as lx

    roles = lx.roles()
    titles = frozenset(re.findall(r"[^|\\]+", roles["ko_alt"].replace("\\ ", " ")))
    surnames = frozenset(s for s in roles["surnames"] if len(s) == 1)
    orgs = lx.orgs()
    return (titles, max(map(len, titles)), surnames, frozenset(orgs["ko_suffix_words"]), orgs["ko_re"],
            lx.place_matchers()[1])


def morphemes(text: str) -> list[tuple[str, str, int, int]]:
    """kiwi's analysis of ``text`` as ``(form, tag, start, length)`` with character offsets."""
    from ..lang.korean import get_kiwi

    return [(t.form, t.tag, t.start, t.len) for t in get_kiwi().tokenize(text)]


def _marks(text: str, pattern: re.Pattern) -> list[str | None]:
    out: list[str | None] = [None] * len(text)
    for m in pattern.finditer(text):
        if m.end() > m.start():
            out[m.start()] = "B"
            for i in range(m.start() + 1, m.end()):
                out[i] = "I"
    return out


def _word_info(text: str, words: list[tuple[int, int]], toks) -> list[tuple[str, str]]:
    """(stem, particle) of each word: the stem ends before the particles, endings and punctuation
    kiwi finds at the end of the word."""
    out, t = [], 0
    for a, b in words:
        while t < len(toks) and toks[t][2] < a:
            t += 1
        u = t
        while u < len(toks) and toks[u][2] < b:
            u += 1
        inner = toks[t:u]
        josa = inner[-1][0] if inner and inner[-1][1].startswith("J") else "-"
        stem_end = b
        for form, tag, s, _ in reversed(inner):
            if tag.startswith(_STEM_END) or tag in _PUNCT_TAGS:
                stem_end = max(a, s)
            else:
                break
        out.append((text[a:stem_end], josa))
        t = u
    return out


def char_features(text: str, toks: list[tuple[str, str, int, int]] | None = None) -> list[list[str]]:
    """crfsuite feature strings for each character of ``text``.

    Args:
        text: one sentence (or a short window of one).
        toks: kiwi's morphemes of ``text`` as :func:`morphemes` returns them; analysed here when
            ``None``.
    """
    if toks is None:
        toks = morphemes(text) if text else []
    titles, longest, surnames, suffixes, org_re, place_re = _lexicons()
    n = len(text)
    pad = "\x02\x02\x02" + text + "\x03\x03\x03"
    cls = "SSS" + "".join(_cls(c) for c in text) + "SSS"
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    info = _word_info(text, words, toks)
    where: list = [None] * n
    for k, (a, b) in enumerate(words):
        nxt = text[words[k + 1][0]:words[k + 1][1]] if k + 1 < len(words) else ""
        title_next = any(nxt[:m] in titles for m in range(1, min(longest, len(nxt)) + 1))
        for i in range(a, b):
            where[i] = (k, a, b, title_next)
    morph: list = [None] * n
    for ti, (_, tag, s, ln) in enumerate(toks):
        for i in range(s, min(s + ln, n)):
            if morph[i] is None:
                morph[i] = (ti, tag, i - s, ln)
    places, known = _marks(text, place_re), _marks(text, org_re)
    feats = []
    for i in range(n):
        j = i + 3
        c = pad[j]
        f = ["b", "c=" + c, "p=" + pad[j - 1], "n=" + pad[j + 1], "pp=" + pad[j - 2], "nn=" + pad[j + 2],
             "p3=" + pad[j - 3], "n3=" + pad[j + 3],
             "pc=" + pad[j - 1:j + 1], "cn=" + pad[j:j + 2], "pcn=" + pad[j - 1:j + 2],
             "ppc=" + pad[j - 2:j + 1], "cnn=" + pad[j:j + 3],
             "k=" + cls[j - 1:j + 2], "kk=" + cls[j - 2:j + 3]]
        if cls[j - 1] in "SP":
            f += ["ws", "w3=" + pad[j:j + 3]]
            if c in surnames:
                f.append("sur")
        if cls[j + 1] in "SP":
            f += ["we", "w3e=" + pad[j - 2:j + 1]]
        w = where[i]
        if w is not None:
            k, a, b, title_next = w
            pos = i - a
            stem, josa = info[k]
            f += ["w=" + text[a:b], f"wp={min(pos, 4)}/{min(b - a, 6)}", "wf=" + text[a], "wl=" + text[b - 1],
                  "wj=" + josa, "sl=" + (stem[-1] if stem else "-"), f"sn={min(len(stem), 6)}"]
            if pos >= len(stem):
                f.append("injosa")
            if title_next:
                f.append("tn")
                if pos == 0 and c in surnames:
                    f.append("tn_sur")
            if any(stem[-m:] in suffixes for m in range(1, min(5, len(stem) - 1) + 1)):
                f.append("osuf")
            rest = text[i + 1:b]
            if any(rest[:m] in titles for m in range(2, min(longest, len(rest)) + 1)):
                f.append("ti")
        m = morph[i]
        if m is not None:
            ti, tag, pos, ln = m
            prev_tag = toks[ti - 1][1] if ti > 0 else "BOS"
            next_tag = toks[ti + 1][1] if ti + 1 < len(toks) else "EOS"
            f += ["t=" + tag, "tb=" + ("B" if pos == 0 else "I") + tag,
                  "tp=" + prev_tag, "tx=" + next_tag, "tpn=" + prev_tag + "|" + tag + "|" + next_tag]
            if pos == ln - 1:
                f.append("te")
        if places[i]:
            f.append("gz" + places[i])
        if known[i]:
            f.append("og" + known[i])
        feats.append(f)
    return feats
