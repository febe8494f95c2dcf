"""Language layer: detection, sentences, tokens, bilingual concepts and the token cache."""

from .cache import TokenUnit, iter_article_tokens, paragraph_spans, tokenize_articles
from .concepts import concept_label, concept_of, load_concepts, to_concepts
from .detect import detect_lang
from .korean import get_kiwi
from .sentences import Sentence, sentences
from .tokens import tokenize

__all__ = [
    "Sentence",
    "TokenUnit",
    "concept_label",
    "concept_of",
    "detect_lang",
    "get_kiwi",
    "iter_article_tokens",
    "load_concepts",
    "paragraph_spans",
    "sentences",
    "to_concepts",
    "tokenize",
    "tokenize_articles",
]
