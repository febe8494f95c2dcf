"""Extraction: people, organizations and places; money amounts in US dollars; quotes and speakers.

People are found by rules (a name before or after a title, kiwi's reading of the name) with a
character CRF tagger (:mod:`ainews.extract.ner`, trained on KLUE NER) as a second opinion; short
mentions (박 대표, 그는, the CEO) resolve to the full name introduced earlier in the article.

Every row keeps its evidence: ``doc_id``, the ``sentence`` (and its ``sentence_start``) and
``start``/``end`` offsets into the article body.
"""

from .amounts import Amount, extract_amounts, parse_amounts
from .entities import extract_entities
from .investments import extract_investments, group_investments
from .network import entity_graph, entity_network
from .place_evaluation import place_evaluation_predictions
from .place_fit import place_model_card, train_places
from .places import find_places, place_id
from .quotes import extract_quotes
from .rates import load_exchange_rates, usd_rate

__all__ = ["Amount", "entity_graph", "entity_network", "extract_amounts", "extract_entities",
           "extract_investments", "extract_quotes", "find_places", "group_investments", "load_exchange_rates", "parse_amounts",
           "place_evaluation_predictions", "place_id", "place_model_card", "train_places", "usd_rate"]
