"""ainews: how the news covers the AI race in Korea and Japan.

Public API (stable names; see the API reference chapter of the report).
"""

from .extract import (
    entity_graph,
    entity_network,
    extract_amounts,
    extract_entities,
    extract_quotes,
    load_exchange_rates,
    parse_amounts,
)
from .lang import Sentence, detect_lang, sentences

__version__ = "0.1.0"

__all__ = [
    "Sentence",
    "detect_lang",
    "entity_graph",
    "entity_network",
    "extract_amounts",
    "extract_entities",
    "extract_quotes",
    "load_exchange_rates",
    "parse_amounts",
    "sentences",
]
