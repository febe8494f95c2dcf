"""ainews: how the news covers the AI race in Korea and Japan.

Public API (stable names; see the API reference chapter of the report).
"""

from .lang import Sentence, detect_lang, sentences

__version__ = "0.1.0"

__all__ = [
    "Sentence",
    "detect_lang",
    "sentences",
]
