"""ainews: how the news covers the AI race in Korea and Japan.

Public API (stable names; see the API reference chapter of the report).
"""

__version__ = "0.1.0"

from .corpus import get_articles, get_ingest_report, summarize_corpus  # noqa: E402
from .extract import (  # noqa: E402
    entity_graph,
    entity_network,
    extract_amounts,
    extract_entities,
    extract_quotes,
    load_exchange_rates,
    parse_amounts,
)
from .ingest import ingest, load_corpus  # noqa: E402
from .lang import (  # noqa: E402
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
from .themes import ThemeScores, kwic, load_themes, score_themes  # noqa: E402

__all__ = [
    "Sentence",
    "ThemeScores",
    "TokenUnit",
    "concept_label",
    "concept_of",
    "detect_lang",
    "entity_graph",
    "entity_network",
    "extract_amounts",
    "extract_entities",
    "extract_quotes",
    "get_articles",
    "get_ingest_report",
    "ingest",
    "iter_article_tokens",
    "kwic",
    "load_concepts",
    "load_corpus",
    "load_exchange_rates",
    "load_themes",
    "paragraph_spans",
    "parse_amounts",
    "score_themes",
    "sentences",
    "summarize_corpus",
    "to_concepts",
    "tokenize",
    "tokenize_articles",
]
