"""``score_themes``: explainable, length-normalized theme scores per article and paragraph.

For each article and theme::

    raw   = sum over the theme's terms of weight * (1 + ln n)   (n = hits of the term)
    score = 1000 * raw / (content tokens + length_prior)
    share = score / sum of the article's scores over all themes

Content tokens are those of the language layer (:func:`ainews.tokenize_articles`: kiwi nouns
and roots for Korean, lemmas without stopwords for English), so one Korean token is about one
English token and scores compare across languages. They are estimated from the text's length:
characters times the language's ``token_rates`` (``themes.yml``, content tokens per character
measured on each language's corpus; the estimate correlates 0.95-0.99 with the count), which
spares the tokenizer's cost; pass ``tokens`` to use exact counts instead. ``length_prior`` (from ``themes.yml``)
keeps a single hit in a very short text from looking like a strong theme. The repeat damping
(``1 + ln n``) stops one word used many times from outweighing several distinct terms.

The lexicon alone (``ainews.themes.lexicon_scores``) makes an article's ``primary_theme`` its best theme
when that score reaches ``min_score`` (from ``themes.yml``, weighted hits per 1,000 tokens).
:func:`score_themes` then lets the learned model (``data/models/themes.skops``, see
:mod:`ainews.themes.decide`) decide grades and the primary theme from these scores and the
article's multilingual sentence vectors, keeping the sentences that weighed most as evidence.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

import pandas as pd

from ..lang import paragraph_spans
from ..lang.detect import detect_lang
from .lexicon import ThemeLexicon, load_themes
from .match import Hit, find_hits

__all__ = ["ThemeScores", "lexicon_scores", "score_themes"]

SCORE_COLUMNS = ["doc_id", "theme", "score", "share", "raw", "n_hits", "n_terms", "n_tokens"]
HIT_COLUMNS = ["doc_id", "theme", "term", "frame", "weight", "text", "start", "end",
               "sentence_start", "sentence_end"]
EVIDENCE_COLUMNS = ["doc_id", "theme", "sentence", "start", "end", "terms", "frames", "strength", "rank"]
PARAGRAPH_COLUMNS = ["doc_id", "paragraph", "start", "end", "theme", "score", "raw", "n_hits"]
PRIMARY_COLUMNS = ["doc_id", "primary_theme", "score", "share", "second_theme", "second_score"]
GRADE_COLUMNS = ["doc_id", "theme", "grade", "probability"]
DECISION_COLUMNS = ["doc_id", "theme", "grade", "rank", "sentence", "start", "end", "contribution", "terms"]


@dataclass
class ThemeScores:
    """Result of :func:`ainews.score_themes`; every table carries ``doc_id`` and offsets into ``body``.

    Attributes:
        scores: one row per article and theme: ``doc_id, theme, score, share, raw, n_hits,
            n_terms, n_tokens``.
        primary: one row per article: ``doc_id, primary_theme`` (``None`` for no theme),
            ``score, share`` (lexicon score of that theme), ``second_theme`` (``None`` when
            absent), ``second_score``; decided by the model, with its ``probability``, when
            one is shipped, else by the lexicon (best theme from ``min_score`` up).
        evidence: one row per sentence and theme that has hits: ``doc_id, theme, sentence,
            start, end, terms, frames, strength, rank``, strongest first within each theme.
        hits: one row per term occurrence: ``doc_id, theme, term, frame, weight, text, start,
            end, sentence_start, sentence_end``.
        paragraphs: one row per paragraph and theme with hits: ``doc_id, paragraph, start, end,
            theme, score, raw, n_hits`` (score on the article scale, see the module docs).
        lexicon: the :class:`~ainews.themes.lexicon.ThemeLexicon` used.
        min_score: the primary-theme threshold used.
        grades: one row per article and theme: ``doc_id, theme, grade`` (0 absent, 1 secondary,
            2 main) and ``probability`` (of grade >= 1; NaN when decided by the lexicon alone).
        decisions: the evidence of each theme decided present: ``doc_id, theme, grade, rank,
            sentence, start, end, contribution, terms``, the sentences of the article (in its
            language, offsets into ``body``) that pushed most towards that theme.
        model: what decided: ``"model"`` (the learned model) or ``"lexicon"``.
        markers: hits of weight-0 marker terms (same columns as ``hits``): features of the
            learned model that never add to a score.
    """

    scores: pd.DataFrame
    primary: pd.DataFrame
    evidence: pd.DataFrame
    hits: pd.DataFrame
    paragraphs: pd.DataFrame
    lexicon: ThemeLexicon
    min_score: float
    grades: pd.DataFrame | None = None
    decisions: pd.DataFrame | None = None
    model: str = "lexicon"
    markers: pd.DataFrame | None = None

    def summary(self) -> pd.DataFrame:
        """Per theme (and ``none``): articles with it as primary, their share, articles scoring > 0."""
        n = len(self.primary)
        counts = self.primary["primary_theme"].fillna("none").value_counts()
        rows = []
        for _, t in self.lexicon.themes.iterrows():
            sc = self.scores[self.scores.theme == t.theme]
            rows.append({"theme": t.theme, "name_en": t.name_en, "name_ko": t.name_ko,
                         "n_primary": int(counts.get(t.theme, 0)),
                         "pct_primary": 100 * counts.get(t.theme, 0) / n if n else 0.0,
                         "n_scored": int((sc.score > 0).sum()),
                         "mean_score": float(sc.score.mean()) if len(sc) else 0.0})
        rows.append({"theme": "none", "name_en": "no primary theme", "name_ko": "주제 없음",
                     "n_primary": int(counts.get("none", 0)),
                     "pct_primary": 100 * counts.get("none", 0) / n if n else 0.0,
                     "n_scored": 0, "mean_score": 0.0})
        return pd.DataFrame(rows)


def _raw(hits: list[Hit]) -> tuple[float, int]:
    per_term = Counter(h.term for h in hits)
    weight = {h.term: h.weight for h in hits}
    return sum(weight[t] * (1 + math.log(n)) for t, n in per_term.items()), len(per_term)


def _token_counts(articles: pd.DataFrame, tokens: pd.DataFrame | None, lex: ThemeLexicon) -> dict[str, int]:
    """Content tokens of each article: counted in ``tokens`` when given, else estimated from
    its length and language (``settings.token_rates``)."""
    if tokens is not None:
        return {str(d): len(t) for d, t in zip(tokens["doc_id"], tokens["tokens"])}
    rates = lex.settings["token_rates"]
    langs = articles["lang"] if "lang" in articles.columns else [None] * len(articles)
    out = {}
    for doc_id, body, lang in zip(articles["doc_id"].astype(str), articles["body"], langs):
        body = body if isinstance(body, str) else ""
        if lang not in rates:
            lang = detect_lang(body) if body else "en"
        out[doc_id] = round(len(body) * float(rates.get(lang, rates["en"])))
    return out


def _check(articles) -> None:
    if not isinstance(articles, pd.DataFrame):
        raise TypeError(f"score_themes expects a DataFrame of articles, got {type(articles).__name__}")
    missing = {"doc_id", "body"} - set(articles.columns)
    if missing:
        raise ValueError(f"articles need columns doc_id and body; missing {sorted(missing)} "
                         "(load them with ainews.get_articles() or ainews.load_corpus())")


def score_themes(articles: pd.DataFrame, *, lexicon: ThemeLexicon | None = None,
                 tokens: pd.DataFrame | None = None, min_score: float | None = None,
                 model="default") -> ThemeScores:
    """Score every article on every theme and decide its grades and primary theme.

    Lexicon scores, hits and evidence come from ``ainews.themes.lexicon_scores``; the grades and primary
    theme from the learned model of ``data/models/themes.skops`` (lexicon scores plus the
    article's multilingual sentence vectors, cached on disk), with the sentences that weighed
    most in each decision in ``decisions``. Without a model the lexicon decides.

    Args:
        articles: DataFrame with ``doc_id``, ``body`` and optionally ``lang``.
        lexicon: a compiled lexicon; default :func:`ainews.load_themes`.
        tokens: output of :func:`ainews.tokenize_articles` for these articles, if at hand.
        min_score: lexicon primary-theme threshold; default ``settings.min_score``.
        model: ``"default"`` (the shipped model when present), a fitted
            ``ainews.themes.ThemeModel``, or ``None`` for the lexicon alone.

    Returns:
        A :class:`ainews.ThemeScores`.
    """
    from .decide import _resolve, apply_model

    _check(articles)
    model = _resolve(model)
    if model is None:
        return apply_model(lexicon_scores(articles, lexicon=lexicon, tokens=tokens, min_score=min_score),
                           articles, None)
    from ..embeddings.core import prestart_for
    from .features import prefetch_leads

    # the sentence encoder's second process starts, and encodes the leads and titles (which
    # the model embeds whatever the hits), while the lexicon is matched
    if prestart_for(articles["body"]):
        prefetch_leads(articles, getattr(model, "units_", None))
    lex = lexicon or load_themes()
    scores = _assemble(articles, lex, _article_hits(articles, lex), _token_counts(articles, tokens, lex), min_score)
    return apply_model(scores, articles, model)


def lexicon_scores(articles: pd.DataFrame, *, lexicon: ThemeLexicon | None = None,
                   tokens: pd.DataFrame | None = None, min_score: float | None = None) -> ThemeScores:
    """Score every article on every theme of ``data/lexicons/themes.yml`` (lexicon only).

    Args:
        articles: DataFrame with ``doc_id``, ``body`` and optionally ``lang``.
        lexicon: a compiled lexicon; default :func:`ainews.load_themes`.
        tokens: output of :func:`ainews.tokenize_articles` for these articles: their exact
            token counts replace the estimate from length (see the module docs).
        min_score: primary-theme threshold; default ``settings.min_score`` of the lexicon.

    Returns:
        A :class:`ainews.ThemeScores` with the scores, primary themes, evidence sentences, term hits
        and paragraph scores.
    """
    _check(articles)
    lex = lexicon or load_themes()
    return _assemble(articles, lex, _article_hits(articles, lex), _token_counts(articles, tokens, lex), min_score)


def _article_hits(articles: pd.DataFrame, lex: ThemeLexicon) -> list[tuple[str, str, list[Hit]]]:
    """``(doc_id, body, hits)`` of every article, in order (the rule splitter only: no tokens)."""
    langs = articles["lang"] if "lang" in articles.columns else [None] * len(articles)
    out = []
    for doc_id, body, lang in zip(articles["doc_id"].astype(str), articles["body"], langs):
        body = body if isinstance(body, str) else ""
        lang = lang if isinstance(lang, str) and lang in ("ko", "en", "ja") else None
        out.append((doc_id, body, find_hits(body, lex, lang=lang)))
    return out


def _assemble(articles: pd.DataFrame, lex: ThemeLexicon, per_doc, n_tok: dict[str, int],
              min_score: float | None) -> ThemeScores:
    """The :class:`ThemeScores` of the hits ``per_doc`` (:func:`_article_hits`) and token counts ``n_tok``."""
    threshold = float(lex.settings["min_score"] if min_score is None else min_score)
    prior = float(lex.settings["length_prior"])
    ids = list(lex.themes["theme"])
    scores, hit_rows, para_rows, primary, marker_rows = [], [], [], [], []
    for doc_id, body, hits in per_doc:
        denom = n_tok.get(doc_id, 0) + prior
        by_theme: dict[str, list[Hit]] = defaultdict(list)
        for h in hits:
            row = (doc_id, h.theme, h.term, h.frame, h.weight, h.text, h.start, h.end,
                   h.sent_start, h.sent_end)
            if h.weight > 0:
                by_theme[h.theme].append(h)
                hit_rows.append(row)
            else:  # weight-0 markers: features of the learned model, never scored or shown
                marker_rows.append(row)
        doc_scores = {}
        for t in ids:
            raw, n_terms = _raw(by_theme[t])
            doc_scores[t] = (1000 * raw / denom, raw, len(by_theme[t]), n_terms)
        total = sum(v[0] for v in doc_scores.values())
        for t, (sc, raw, nh, nt) in doc_scores.items():
            scores.append((doc_id, t, sc, sc / total if total else 0.0, raw, nh, nt, n_tok.get(doc_id, 0)))
        ranked = sorted(ids, key=lambda t: -doc_scores[t][0])
        top = ranked[0]
        second = ranked[1] if len(ranked) > 1 and doc_scores[ranked[1]][0] > 0 else None
        top_sc = doc_scores[top][0]
        primary.append((doc_id, top if top_sc >= threshold and top_sc > 0 else None, top_sc,
                        top_sc / total if total else 0.0, second,
                        doc_scores[second][0] if second else 0.0))
        para_rows.extend(_paragraphs(doc_id, body, by_theme, denom))
    hits_df = pd.DataFrame(hit_rows, columns=HIT_COLUMNS)
    return ThemeScores(
        scores=pd.DataFrame(scores, columns=SCORE_COLUMNS),
        primary=pd.DataFrame(primary, columns=PRIMARY_COLUMNS),
        evidence=_evidence(hits_df, articles),
        hits=hits_df,
        paragraphs=pd.DataFrame(para_rows, columns=PARAGRAPH_COLUMNS),
        lexicon=lex,
        min_score=threshold,
        markers=pd.DataFrame(marker_rows, columns=HIT_COLUMNS),
    )


def _paragraphs(doc_id: str, body: str, by_theme: dict[str, list[Hit]], denom: float) -> list[tuple]:
    # A paragraph's score is on the article scale: its weighted hits over the share of the
    # article's (tokens + prior) that its characters represent.
    rows = []
    spans = paragraph_spans(body)
    if not spans or not body:
        return rows
    for i, (s, e) in enumerate(spans):
        frac = (e - s) / len(body)
        for theme, hits in by_theme.items():
            inside = [h for h in hits if s <= h.start < e]
            if inside:
                raw, _ = _raw(inside)
                rows.append((doc_id, i, s, e, theme, 1000 * raw / (denom * frac), raw, len(inside)))
    return rows


def _evidence(hits: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    if hits.empty:
        return pd.DataFrame(columns=EVIDENCE_COLUMNS)
    bodies = dict(zip(articles["doc_id"].astype(str), articles["body"]))
    g = hits.groupby(["doc_id", "theme", "sentence_start", "sentence_end"], sort=False)
    ev = g.agg(terms=("text", list), frames=("frame", lambda f: sorted(set(f))),
               strength=("weight", "sum")).reset_index()
    ev = ev.rename(columns={"sentence_start": "start", "sentence_end": "end"})
    ev["sentence"] = [bodies[d][s:e] for d, s, e in zip(ev.doc_id, ev.start, ev.end)]
    ev = ev.sort_values(["theme", "strength", "doc_id", "start"], ascending=[True, False, True, True])
    ev["rank"] = ev.groupby("theme").cumcount() + 1
    return ev[EVIDENCE_COLUMNS].reset_index(drop=True)
