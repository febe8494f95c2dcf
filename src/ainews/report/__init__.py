"""Building blocks of the published report: safe article text, the article explorer,
corpus findings, coverage by language, figure data downloads, the glossary and the cache fingerprint.

Notebooks of the report stay thin by calling these functions.
"""

from .annotations import article_annotations
from .cache import cached
from .close import ArticleCards, article_cards
from .debris import find_debris, visible_text
from .coverage import coverage_by_language
from .explorer import explorer_html, explorer_table
from .figures import figure_data_dir, figure_data_link, plot_articles_by_month, plot_pipeline
from .findings import (corpus_findings, get_articles_by_month, get_cleaning_summary, get_input_summary, lead_sentence,
                       theme_findings)
from .fingerprint import book_fingerprint
from .glossary import get_glossary, glossary_html
from .modelcard import evaluation_card, evaluation_table, model_card, model_card_findings, reader_agreement
from .modes import ReportMode, corpus_mode
from .prepare import prepare
from .panel import Section, explorer_href, figure_html, figure_section, theme_section
from .regions import region_articles
from .safety import mask_contacts, mask_table, safe_text
from .statistics import share_interval, theme_over_time, theme_shares, top_evidence
from .tables import ReaderTable, format_value, init_tables, reader_table

__all__ = [
    "article_annotations",
    "article_cards",
    "ArticleCards",
    "book_fingerprint",
    "cached",
    "corpus_findings",
    "corpus_mode",
    "explorer_href",
    "coverage_by_language",
    "evaluation_card",
    "evaluation_table",
    "explorer_html",
    "explorer_table",
    "figure_data_dir",
    "find_debris",
    "figure_data_link",
    "figure_html",
    "figure_section",
    "format_value",
    "get_articles_by_month",
    "get_cleaning_summary",
    "get_glossary",
    "get_input_summary",
    "glossary_html",
    "init_tables",
    "prepare",
    "lead_sentence",
    "mask_contacts",
    "mask_table",
    "model_card",
    "model_card_findings",
    "plot_articles_by_month",
    "plot_pipeline",
    "reader_table",
    "ReaderTable",
    "reader_agreement",
    "region_articles",
    "ReportMode",
    "safe_text",
    "Section",
    "share_interval",
    "theme_findings",
    "theme_over_time",
    "theme_section",
    "theme_shares",
    "top_evidence",
    "visible_text",
]
