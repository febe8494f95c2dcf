"""ainews: how the news covers the AI race in Korea and Japan.

Public API (stable names; see the API reference chapter of the report).
"""

from .lang import (
    Sentence,
    TokenUnit,
    concept_label,
    concept_of,
    detect_lang,
    iter_article_tokens,
    load_concepts,
    paragraph_spans,
    sentences,
    to_concepts,
    tokenize,
    tokenize_articles,
)

__version__ = "0.1.0"

__all__ = [
    "Sentence",
    "TokenUnit",
    "concept_label",
    "concept_of",
    "detect_lang",
    "iter_article_tokens",
    "load_concepts",
    "paragraph_spans",
    "sentences",
    "to_concepts",
    "tokenize",
    "tokenize_articles",
]
