"""Co-occurrence network of entities (the BigKinds 관계도 idea) as an edge table or a networkx graph."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import pandas as pd

__all__ = ["entity_network", "entity_graph"]

EDGE_COLUMNS = ["source", "target", "weight", "n_docs", "source_kind", "target_kind"]


def entity_network(entities: pd.DataFrame, *, level: str = "sentence", min_weight: int = 1,
                   kinds: tuple[str, ...] | None = None, as_graph: bool = False):
    """Weighted co-occurrence edges between entities.

    Args:
        entities: output of :func:`ainews.extract_entities`.
        level: ``"sentence"`` (entities in the same sentence) or ``"article"``.
        min_weight: drop edges seen in fewer units.
        kinds: keep only these entity kinds, e.g. ``("person", "org")`` for the network of people
            and organizations (a person's short mentions, "박 대표", count under their full name).
        as_graph: return a ``networkx.Graph`` (node attrs ``kind``, ``label``, ``count``) instead.

    Returns:
        DataFrame ``source, target, weight, n_docs, source_kind, target_kind`` (canonical ids, weight =
        number of sentences/articles where both occur), heaviest first; or a graph.
    """
    if level not in ("sentence", "article"):
        raise ValueError(f"level must be 'sentence' or 'article', got {level!r}")
    need = {"doc_id", "canonical", "kind"} | ({"sentence_start"} if level == "sentence" else set())
    missing = need - set(entities.columns)
    if missing:
        raise ValueError(f"entities is missing column(s) {sorted(missing)}; pass ainews.extract_entities() output")
    if kinds is not None:
        entities = entities[entities["kind"].isin(kinds)]
    unit = ["doc_id", "sentence_start"] if level == "sentence" else ["doc_id"]
    kinds = dict(zip(entities["canonical"], entities["kind"]))
    weight: Counter = Counter()
    docs: dict[tuple[str, str], set] = {}
    for key, grp in entities.groupby(unit, sort=False):
        doc = key[0] if isinstance(key, tuple) else key
        for a, b in combinations(sorted(set(grp["canonical"].dropna())), 2):
            weight[(a, b)] += 1
            docs.setdefault((a, b), set()).add(doc)
    rows = [(a, b, w, len(docs[(a, b)]), kinds.get(a), kinds.get(b))
            for (a, b), w in weight.items() if w >= min_weight]
    edges = pd.DataFrame(rows, columns=EDGE_COLUMNS).sort_values(
        ["weight", "source", "target"], ascending=[False, True, True], ignore_index=True)
    if not as_graph:
        return edges
    import networkx as nx

    g = nx.Graph()
    counts = entities["canonical"].value_counts()
    labels = entities.drop_duplicates("canonical").set_index("canonical")
    label_col = "name" if "name" in entities.columns else "text"
    for node in counts.index:
        g.add_node(node, kind=kinds.get(node), label=labels.at[node, label_col], count=int(counts[node]))
    for r in edges.itertuples(index=False):
        g.add_edge(r.source, r.target, weight=int(r.weight), n_docs=int(r.n_docs))
    return g


def entity_graph(entities: pd.DataFrame, **kwargs):
    """:func:`entity_network` as a ``networkx.Graph``."""
    return entity_network(entities, as_graph=True, **kwargs)
