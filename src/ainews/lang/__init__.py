"""Language layer: detection, sentence splitting (and, later, tokenization and concepts)."""

from .detect import detect_lang
from .sentences import Sentence, sentences

__all__ = ["Sentence", "detect_lang", "sentences"]
