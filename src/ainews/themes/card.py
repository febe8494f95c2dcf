"""The theme model's card: training data, date, cross-validated and leave-one-set-out scores.

Written by :func:`ainews.themes.fit.train_themes` as ``themes.card.json`` and ``themes.card.md``.
"""

from __future__ import annotations

import datetime as _dt

from .model import NONE

def _units_text(max_sentences, units) -> str:
    if units:
        text = (f"the first {units.get('n_first', 4)} sentences and up to {units.get('n_hits', 4)} more "
                "with lexicon hits")
        return text + (", and the title" if units.get("title") else "")
    return "all sentences" if max_sentences is None else f"the first {max_sentences} sentences"


def _card(path, model, labels, themes, cv_all, cv_by_file, folds, random_state, max_sentences, units,
          loso=None) -> dict:
    from ..embeddings.core import encoder_version

    files = labels.groupby(["label_file", "corpus"]).size().reset_index(name="n")
    counts = labels["primary"].where(labels["primary"].isin(themes), NONE).value_counts()
    few = [t for t in themes if counts.get(t, 0) < 30]
    return {
        "model": path.name, "date": _dt.date.today().isoformat(),
        "estimator": f"ainews.themes.model.ThemeModel ({model.get_params()})",
        "features": f"article vector (mean of {encoder_version()} sentence vectors of "
                    f"{_units_text(max_sentences, units)}) + lexicon scores per theme and frame "
                    "(data/lexicons/themes.yml) + closeness to each theme's example sentences "
                    "+ investment events abroad or next to a foreign firm, and whether the "
                    "sentences of the money name a Korean or Japanese side (ainews.themes.signals) "
                    "+ theme hits in the headline and Korean/Japanese places next to AI words "
                    "(ainews.themes.placing)",
        "units": units,
        "training_data": [{"file": r.label_file, "corpus": r.corpus, "articles": int(r.n)}
                          for r in files.itertuples()],
        "n_articles": int(len(labels)),
        "primary_counts": {k: int(v) for k, v in counts.items()},
        "cross_validation": {"folds": folds, "stratified_on": "primary", "random_state": random_state,
                             "all": cv_all, "by_label_file": cv_by_file},
        "leave_one_set_out": loso,
        "limits": [
            f"few labelled articles for {', '.join(few)} (< 30 as primary): their figures are noisy"
            if few else "each theme has at least 30 labelled primaries",
            "labels come from Korean news of December 2025, English Korea Herald news of 2016 and 40 "
            "Japanese livedoor articles of 2010-2012, none of them about AI: Japanese theme decisions "
            "rest on the shared multilingual space, and no Japanese article with a theme is labelled",
            f"none_weight = {model.get_params().get('none_weight')} and C = {model.get_params().get('C')} were "
            "chosen by the leave-one-set-out scores of these same label sets (none_weight over 1-4, C over "
            "0.02-0.3), so those scores are slightly optimistic",
            "grades (1 vs 2) are less reliable than the primary theme; readers themselves disagree there",
            *[f"{t}: cross-validated F1 {cv_all['per_class'][t]['f1']} over "
              f"{cv_all['per_class'][t]['support']} labelled primaries; treat its counts as indicative"
              for t in themes if cv_all["per_class"][t]["f1"] < 0.7],
            "scoring new articles is bounded by the sentence encoder (it embeds only the selected "
            "sentences); sentence vectors are cached, so re-runs and unchanged articles are fast",
        ],
    }


def _card_md(card: dict) -> str:
    cv = card["cross_validation"]
    lines = [f"# Theme model card: `{card['model']}`", "", f"- Date: {card['date']}",
             f"- Estimator: {card['estimator']}", f"- Features: {card['features']}",
             f"- Training data: {card['n_articles']} labelled articles", ""]
    lines += [f"  - `{d['file']}` ({d['corpus']}): {d['articles']}" for d in card["training_data"]]
    lines += ["", f"- Primary labels: {card['primary_counts']}", "",
              f"## Cross-validated scores ({cv['folds']}-fold, stratified on the primary theme)", "",
              "| data | n | accuracy | macro-F1 (4 labels) | macro-F1 (themes) |", "|---|---|---|---|---|"]
    for name, s in [("all", cv["all"])] + list(cv["by_label_file"].items()):
        lines.append(f"| {name} | {s['n']} | {s['accuracy']} | {s['macro_f1']} | {s['macro_f1_themes']} |")
    lines += _loso_md(card.get("leave_one_set_out"))
    lines += ["", "Per class (all labelled articles, cross-validated):", "", "| class | precision | recall | F1 | support |",
              "|---|---|---|---|---|"]
    for lab, s in cv["all"]["per_class"].items():
        lines.append(f"| {lab} | {s['precision']} | {s['recall']} | {s['f1']} | {s['support']} |")
    lines += ["", "F1 per class and label file:", ""]
    for name, sc in cv["by_label_file"].items():
        lines.append(f"- `{name}`: " + ", ".join(f"{lab} {v['f1']} (n={v['support']})"
                                                 for lab, v in sc["per_class"].items()))
    lines += ["", f"Grade accuracy (0/1/2) per theme: {cv['all']['grade_accuracy']}", "", "## Limits", ""]
    lines += [f"- {x}" for x in card["limits"]]
    lines += ["", "Retrain: `make train-themes` (or `ainews train-themes`).", ""]
    return "\n".join(lines)




def _loso_md(loso: dict | None) -> list[str]:
    if not loso:
        return []
    lines = ["", "## Leave one label set out (the estimate for an unseen corpus)", "",
             "Each label file is predicted by a model fitted on the other files only, so its outlet, "
             "year or draw is unseen; `all` pools those held-out predictions.", "",
             "| held-out set | n | accuracy | macro-F1 (4 labels) | F1 data_sovereignty | F1 regional_hubs "
             "| F1 foreign_investment | F1 none |", "|---|---|---|---|---|---|---|---|"]
    for name, s in loso.items():
        f = {k: v["f1"] for k, v in s["per_class"].items()}
        lines.append(f"| {name} | {s['n']} | {s['accuracy']} | {s['macro_f1']} | "
                     + " | ".join(str(f.get(k, "")) for k in
                                  ("data_sovereignty", "regional_hubs", "foreign_investment", "none")) + " |")
    return lines
