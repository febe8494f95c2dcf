"""Themes: weighted bilingual lexicons (``data/lexicons/themes.yml``) scored per article,
paragraph and sentence, with every hit traceable to its offsets in ``body``."""

from .kwic import kwic
from .lexicon import ThemeLexicon, form_pattern, load_themes
from .match import Hit, find_hits, sentence_at
from .score import ThemeScores, score_themes

__all__ = ["Hit", "ThemeLexicon", "ThemeScores", "find_hits", "form_pattern", "kwic", "load_themes",
           "score_themes", "sentence_at"]
