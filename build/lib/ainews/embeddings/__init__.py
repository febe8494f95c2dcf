"""``ainews.embed``: multilingual sentence vectors (Google USE multilingual v3, pure numpy) with an on-disk cache.

Sentences are the unit the encoder is fast and faithful on; paragraph and article vectors are the
normalised mean of their sentence vectors, so one cache serves every level. Korean, English and
Japanese sentences meet in one space: a Korean sentence finds its English translation (see
``benchmarks/bench_embed.py``).
"""

from .core import ENCODER_DIM, embed, embed_units, encoder_version, split_units
from .store import VectorStore

__all__ = ["ENCODER_DIM", "VectorStore", "embed", "embed_units", "encoder_version", "split_units"]
