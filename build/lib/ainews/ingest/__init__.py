"""Ingestion: read whatever articles are in a folder into one clean, typed table."""

from .core import ARTICLE_COLUMNS, REPORT_COLUMNS, ingest, load_corpus

__all__ = ["ARTICLE_COLUMNS", "REPORT_COLUMNS", "ingest", "load_corpus"]
