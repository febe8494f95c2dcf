"""Topic modelling over Korean, English and Japanese articles: models, choice of k, breakdowns."""

from .model import TopicModel
from .selection import npmi_coherence, topic_agreement, window_matrix

__all__ = ["TopicModel", "npmi_coherence", "topic_agreement", "window_matrix"]
