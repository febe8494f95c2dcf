"""Building blocks of the published report: safe article text, the article explorer,
corpus findings, coverage by language, figure data downloads, the glossary and the cache fingerprint.

Notebooks of the report stay thin by calling these functions.
"""

from .annotations import article_annotations
from .coverage import coverage_by_language
from .explorer import explorer_html, explorer_table
from .figures import figure_data_dir, figure_data_link, plot_articles_by_month, plot_pipeline
from .findings import corpus_findings, get_articles_by_month, get_cleaning_summary, get_input_summary, theme_findings
from .fingerprint import book_fingerprint
from .glossary import get_glossary, glossary_html
from .safety import mask_contacts, mask_table, safe_text

__all__ = [
    "article_annotations",
    "book_fingerprint",
    "corpus_findings",
    "coverage_by_language",
    "explorer_html",
    "explorer_table",
    "figure_data_dir",
    "figure_data_link",
    "get_articles_by_month",
    "get_cleaning_summary",
    "get_glossary",
    "get_input_summary",
    "glossary_html",
    "mask_contacts",
    "mask_table",
    "plot_articles_by_month",
    "plot_pipeline",
    "safe_text",
    "theme_findings",
]
