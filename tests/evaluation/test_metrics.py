"""Metric arithmetic on labels written here, where every figure can be worked out by hand."""

import pytest

from ainews.evaluation.metrics import amount_matches, classification_table, confusion, norm_name, prf, set_scores

LABELS = ["a", "b", "none"]


def test_classification_table_by_hand():
    y_true = ["a", "a", "b", "none", "none"]
    y_pred = ["a", "b", "b", "none", "a"]
    t = classification_table(y_true, y_pred, LABELS).set_index("label")
    # a: tp 1, predicted 2, gold 2 -> P .5 R .5 ; b: tp 1, predicted 2, gold 1 -> P .5 R 1 ; none: 1/1, 1/2
    assert t.loc["a", ["precision", "recall", "f1"]].tolist() == pytest.approx([0.5, 0.5, 0.5])
    assert t.loc["b", ["precision", "recall", "f1"]].tolist() == pytest.approx([0.5, 1.0, 2 / 3])
    assert t.loc["none", ["precision", "recall", "f1"]].tolist() == pytest.approx([1.0, 0.5, 2 / 3])
    assert t.loc["macro", "f1"] == pytest.approx((0.5 + 2 / 3 + 2 / 3) / 3)
    assert t.loc["accuracy", "f1"] == pytest.approx(3 / 5)


def test_macro_skips_classes_nobody_used():
    t = classification_table(["a", "a"], ["a", "a"], LABELS).set_index("label")
    assert t.loc["macro", "f1"] == 1.0


def test_confusion_rows_are_gold():
    m = confusion(["a", "b"], ["b", "b"], LABELS)
    assert m.loc["a", "b"] == 1 and m.loc["b", "b"] == 1 and int(m.values.sum()) == 2


def test_prf_undefined_is_zero():
    assert prf(0, 0, 3) == (0.0, 0.0, 0.0)


def test_set_scores_micro():
    s = set_scores({"d1": {"x", "y"}, "d2": {"z"}}, {"d1": {"x"}, "d2": {"z", "w"}, "d3": {"v"}})
    assert (s["tp"], s["n_pred"], s["n_gold"]) == (2, 4, 3)
    assert s["precision"] == pytest.approx(0.5) and s["recall"] == pytest.approx(2 / 3)


@pytest.mark.parametrize("a, b", [("최태원", "최 태원"), ("Chey Tae-won", "chey taewon"), ("J. Kim", "j kim"),
                                  ("Interpark Corp.", "Interpark"), ("Samsung Electronics Co., Ltd.", "Samsung Electronics"),
                                  ("㈜카카오", "카카오"), ("카카오(주)", "카카오")])
def test_norm_name_spellings(a, b):
    assert norm_name(a) == norm_name(b)


@pytest.mark.parametrize("a, b", [("Inc", ""), ("Cokoo", "Co"), ("LG Corp", "LG Display")])
def test_norm_name_keeps_names_apart(a, b):
    assert norm_name(a) != norm_name(b)


def test_amount_matches_value_currency_conversion_and_one_to_one():
    gold = [{"value": 5e12, "currency": "KRW"}, {"value": 4e9, "currency": "USD"}, {"value": 4e9, "currency": "USD"}]
    pred = [{"value": 4.02e9, "currency": "USD"},                                # within 1%
            {"value": 3.5e9, "currency": "KRW", "conversion_value": 5e12, "conversion_currency": "KRW"},
            {"value": 5e12, "currency": "JPY"}]                                    # wrong currency
    assert amount_matches(gold, pred) == [(0, 1), (1, 0)]                          # second 4e9 unmatched
    assert amount_matches([{"value": 100.0, "currency": "USD"}], [{"value": 102.0, "currency": "USD"}]) == []
