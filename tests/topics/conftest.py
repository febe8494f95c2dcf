"""Fitted topic models shared by the topic tests (fitting once keeps the suite fast)."""

from __future__ import annotations

import pytest

from ainews import TopicModel, load_corpus


@pytest.fixture(scope="session")
def seed_articles(seeds_dir):
    return load_corpus(seeds_dir)


@pytest.fixture(scope="session")
def seed_model(seed_articles):
    """Automatic k on the paragraphs of the five seeds."""
    return TopicModel(random_state=0).fit(seed_articles)


@pytest.fixture(scope="session")
def naver_articles(naver_dir):
    return load_corpus(naver_dir)


@pytest.fixture(scope="session")
def naver_model(naver_articles):
    """A fixed small k on the Naver corpus (the full scan is measured in benchmarks/)."""
    return TopicModel(8, random_state=0, n_restarts=2).fit(naver_articles)
