"""Topic modelling over Korean, English and Japanese articles: models, choice of k, breakdowns."""

from .choice import topic_model
from .embedding import EmbeddingTopicModel
from .model import TopicModel
from .selection import npmi_coherence, topic_agreement, window_matrix

__all__ = ["EmbeddingTopicModel", "TopicModel", "npmi_coherence", "topic_agreement", "topic_model",
           "window_matrix"]
