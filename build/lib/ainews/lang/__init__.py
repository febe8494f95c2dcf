"""Language layer: detection, sentences, tokens, concepts across languages and the token cache.

Token forms (what :func:`tokenize` returns):

* Korean: content morphemes from kiwipiepy (common and proper nouns, roots, foreign words,
  Hanja) as written, particles and endings dropped: 광주는 / 광주에서 / 광주의 -> ``광주``.
  Terms of ``data/lexicons/userdict_ko.tsv`` stay one token.
* Japanese: nouns from SudachiPy (split mode C) in normalised form, Latin letters lower-cased,
  particles, verbs and ``stopwords_ja.txt`` dropped; terms of ``data/lexicons/userdict_ja.tsv``
  (生成AI, 経済安全保障, 経済産業省) stay one token (``生成ai``). See :mod:`ainews.lang.japanese`.
* English and other languages: lower-cased simplemma lemmas, stopwords dropped.
* Multi-word terms (Korean user-dictionary words with a space, English terms of
  ``terms_en.txt`` and multi-word English names in ``concepts.yml``) are one token whose
  words are joined by ``_`` with Latin letters lower-cased: ``생성형_ai``, ``data_sovereignty``,
  ``korea_chamber_of_commerce_and_industry``. Tokens never contain white space.

:func:`to_concepts` then maps tokens of either language to one concept id (``gwangju``,
``data_sovereignty``), passing other tokens through. :func:`tokenize_articles` /
:func:`iter_article_tokens` do both for a corpus through an on-disk cache (see
:mod:`ainews.lang.cache` for which lexicon edit invalidates which texts).

:func:`sentences` splits one text; :func:`cached_sentences`, :func:`sentence_spans` (many
texts, split in one batch) and :func:`get_sentences` (a table per article) give the same
sentences through an on-disk cache beside the tokens (:mod:`ainews.lang.sentcache`).
"""

from .._lazy import lazy_getattr

# ``sentences`` names both a submodule and the function it defines. Importing the submodule
# from anywhere (``from .sentences import ...``) sets the package attribute to the module,
# so the function is bound here, eagerly; sentences.py loads no heavy library (kiwipiepy is
# imported on first use).
from .sentences import Sentence, sentences  # noqa: E402

# public name -> submodule (imported on first use, so that `ainews.lang.detect` does not load
# kiwipiepy, simplemma and the token cache)
_EXPORTS = {
    "cached_sentences": "sentcache",
    "concept_label": "concepts",
    "concept_of": "concepts",
    "detect_lang": "detect",
    "get_kiwi": "korean",
    "get_sentences": "sentcache",
    "iter_article_tokens": "cache",
    "load_concepts": "concepts",
    "paragraph_spans": "cache",
    "sentence_spans": "sentcache",
    "to_concepts": "concepts",
    "tokenize": "tokens",
    "tokenize_articles": "cache",
    "TokenUnit": "cache",
}

__all__ = [
    "Sentence",
    "TokenUnit",
    "cached_sentences",
    "concept_label",
    "concept_of",
    "detect_lang",
    "get_kiwi",
    "get_sentences",
    "iter_article_tokens",
    "load_concepts",
    "paragraph_spans",
    "sentence_spans",
    "sentences",
    "to_concepts",
    "tokenize",
    "tokenize_articles",
]


__getattr__ = lazy_getattr(__name__, _EXPORTS)
