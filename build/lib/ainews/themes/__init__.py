"""Themes: weighted bilingual lexicons (``data/lexicons/themes.yml``) scored per article,
paragraph and sentence, with every hit traceable to its offsets in ``body``; a learned model
(``data/models/themes.skops``) over lexicon scores and multilingual sentence vectors decides
grades and the primary theme, keeping the sentences that weighed most."""

from .hubs import activity_places, hub_id, top_hubs
from .kwic import kwic
from .lexicon import ThemeLexicon, form_pattern, load_themes
from .match import Hit, find_hits, sentence_at
from .score import ThemeScores, lexicon_scores, score_themes
from .evaluation import evaluation_predictions
from .fit import load_model, model_card, train_themes
from .model import ThemeModel
from .tables import (
    actors_in_evidence,
    distinct_investments,
    evidence_by_language,
    evidence_support,
    frame_table,
    hub_of_articles,
    hub_profiles,
    investment_event_list,
    investment_events,
    investment_table,
    investment_totals,
    load_gazetteer,
    place_mentions,
    theme_articles,
)

__all__ = ["Hit", "ThemeLexicon", "ThemeModel", "ThemeScores", "activity_places", "actors_in_evidence", "distinct_investments",
           "evaluation_predictions", "evidence_by_language", "evidence_support", "find_hits", "form_pattern",
           "frame_table", "hub_id", "hub_of_articles", "hub_profiles", "investment_event_list", "investment_events", "investment_table", "investment_totals",
           "lexicon_scores", "load_model", "model_card", "train_themes",
           "kwic", "load_gazetteer", "load_themes", "place_mentions", "score_themes", "sentence_at",
           "theme_articles", "top_hubs"]
