"""ainews: how the news covers the AI race in Korea and Japan.

Public API (stable names; see the API reference chapter of the report). Names are imported on
first use (PEP 562), so ``import ainews`` and the ``ainews`` command start quickly; analysis
libraries (scikit-learn, kiwipiepy, matplotlib) load only when a function needs them.
"""

from __future__ import annotations

from ._lazy import lazy_getattr
from typing import TYPE_CHECKING

__version__ = "0.1.0"

# `ingest` is both a subpackage and a function: bind the function eagerly so importing the
# subpackage (which sets the attribute to the module) can never shadow it.
from .ingest import ingest, load_corpus  # noqa: E402

# public name -> submodule that defines it
_EXPORTS = {
    "Analysis": "analysis",
    "EmbeddingTopicModel": "topics",
    "Evaluation": "evaluation",
    "GoldError": "evaluation",
    "Sentence": "lang",
    "ThemeScores": "themes",
    "TokenUnit": "lang",
    "TopicModel": "topics",
    "analyze": "analysis",
    "cached_sentences": "lang",
    "concept_label": "lang",
    "concept_of": "lang",
    "detect_lang": "lang",
    "embed": "embeddings",
    "entity_graph": "extract",
    "entity_network": "extract",
    "evaluate": "evaluation",
    "extract_amounts": "extract",
    "extract_entities": "extract",
    "extract_investments": "extract",
    "extract_quotes": "extract",
    "get_articles": "corpus",
    "get_ingest_report": "corpus",
    "get_sentences": "lang",
    "group_investments": "extract",
    "iter_article_tokens": "lang",
    "kwic": "themes",
    "load_concepts": "lang",
    "load_exchange_rates": "extract",
    "load_gold": "evaluation",
    "load_themes": "themes",
    "paragraph_spans": "lang",
    "parse_amounts": "extract",
    "score_themes": "themes",
    "sentence_spans": "lang",
    "sentences": "lang",
    "summarize_corpus": "corpus",
    "to_concepts": "lang",
    "tokenize": "lang",
    "tokenize_articles": "lang",
    "topic_model": "topics",
    "write_analysis": "analysis",
}

__all__ = [
    "Analysis",
    "EmbeddingTopicModel",
    "Evaluation",
    "GoldError",
    "Sentence",
    "ThemeScores",
    "TokenUnit",
    "TopicModel",
    "analyze",
    "cached_sentences",
    "concept_label",
    "concept_of",
    "detect_lang",
    "embed",
    "entity_graph",
    "entity_network",
    "evaluate",
    "extract_amounts",
    "extract_entities",
    "extract_investments",
    "extract_quotes",
    "get_articles",
    "get_ingest_report",
    "get_sentences",
    "group_investments",
    "ingest",
    "iter_article_tokens",
    "kwic",
    "load_concepts",
    "load_corpus",
    "load_exchange_rates",
    "load_gold",
    "load_themes",
    "paragraph_spans",
    "parse_amounts",
    "score_themes",
    "sentence_spans",
    "sentences",
    "summarize_corpus",
    "to_concepts",
    "tokenize",
    "tokenize_articles",
    "topic_model",
    "write_analysis",
]


__getattr__ = lazy_getattr(__name__, _EXPORTS)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # static analysers and IDEs see the eager imports
    from .analysis import Analysis, analyze, write_analysis  # noqa: F401
    from .evaluation import Evaluation, GoldError, evaluate, load_gold  # noqa: F401
    from .corpus import get_articles, get_ingest_report, summarize_corpus  # noqa: F401
    from .extract import entity_graph, entity_network, extract_amounts, extract_entities, extract_investments, extract_quotes, group_investments, load_exchange_rates, parse_amounts  # noqa: F401
    from .themes import ThemeScores, kwic, load_themes, score_themes  # noqa: F401
    from .lang import Sentence, TokenUnit, cached_sentences, concept_label, concept_of, detect_lang, get_sentences, iter_article_tokens, load_concepts, paragraph_spans, sentence_spans, sentences, to_concepts, tokenize, tokenize_articles  # noqa: F401
    from .topics import EmbeddingTopicModel, TopicModel, topic_model  # noqa: F401
    from .embeddings import embed  # noqa: F401
