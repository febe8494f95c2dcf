"""Language identification by script, tuned for Korean/Japanese/English news.

Scripts decide Korean and Japanese reliably; Latin-script text is called English only when
English function words are frequent enough, otherwise ``und`` (undetermined).
"""

from __future__ import annotations

import re

from functools import lru_cache

from ..lexicons import lexicon_path, read_word_list

__all__ = ["detect_lang", "LANGS"]


@lru_cache(maxsize=4)
def _function_words(path: str, mtime: float) -> frozenset[str]:
    return frozenset(w.lower() for w in read_word_list(path))


def _english_function_words() -> frozenset[str]:
    # The English stopword lexicon doubles as the list of function words that mark English.
    p = lexicon_path("stopwords_en.txt")
    return _function_words(str(p), p.stat().st_mtime)

LANGS = ("ko", "en", "ja", "und")

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]+")
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]+")
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]+")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_WORD = re.compile(r"[A-Za-z']+")

# A Hangul syllable carries roughly as much text as three Latin letters.
_HANGUL_WEIGHT = 3.0


def detect_lang(text: str, *, sample: int = 20_000) -> str:
    """Return ``ko``, ``en``, ``ja`` or ``und`` for ``text``.

    Args:
        text: any string.
        sample: only the first ``sample`` characters are inspected (long texts are uniform).

    Returns:
        An ISO 639-1 code among ``ko``, ``en``, ``ja``, or ``und`` when undetermined.
    """
    if not text:
        return "und"
    s = text[:sample]
    # Characters covered by runs of each script (removing runs beats listing every character).
    hangul, kana, han, latin = (len(s) - len(rx.sub("", s)) for rx in (_HANGUL, _KANA, _HAN, _LATIN))
    total = hangul * _HANGUL_WEIGHT + kana * _HANGUL_WEIGHT + han * _HANGUL_WEIGHT + latin
    if total < 12:
        return "und"
    if kana >= 5 and (kana + han) * _HANGUL_WEIGHT >= 0.3 * total and kana > hangul:
        return "ja"
    if hangul * _HANGUL_WEIGHT >= 0.3 * total:
        return "ko"
    if latin >= 0.5 * total:
        words = [w.lower() for w in _WORD.findall(s)]
        if not words:
            return "und"
        stop_words = _english_function_words()
        stop = sum(w in stop_words for w in words)
        return "en" if stop / len(words) >= 0.12 else "und"
    return "und"
