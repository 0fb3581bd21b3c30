"""The sourcing-strength classifier: training, the JSON model file, refusal of bad files, sanity."""

from __future__ import annotations

import json

import numpy as np
import pytest

from audit import audit_text
from audit.cli import main
from audit.errors import ModelError
from audit.features import FEATURE_NAMES, featurize
from audit.model import CLASSES, PACKAGED_MODEL, band_of, dump_model, load_model
from audit.pipeline import get_lexicon
from audit.training import Dataset, fit_payload

STRONG = """وزارة الصحة تطلق حملة للتطعيم ضد الإنفلونزا

أعلن وزير الصحة فهد الجلاجل أن الوزارة ستطلق حملة وطنية للتطعيم ضد الإنفلونزا الموسمية مطلع الشهر المقبل.
وقال الجلاجل في مؤتمر صحفي: «نستهدف تطعيم ثلاثة ملايين شخص خلال ستة أسابيع».
وأوضح المتحدث باسم الوزارة محمد العبدالعالي أن اللقاح متاح مجاناً في 2300 مركز صحي.
من جهتها، قالت استشارية الأمراض المعدية الدكتورة نورة الشهري إن التطعيم المبكر يخفف الضغط على المستشفيات.
وبحسب تقرير منظمة الصحة العالمية، فإن الإنفلونزا الموسمية تتسبب سنوياً في مئات آلاف الوفيات حول العالم.
"""
NAMED = ["وزير الصحة فهد الجلاجل", "الجلاجل", "المتحدث باسم الوزارة محمد العبدالعالي",
         "استشارية الأمراض المعدية الدكتورة نورة الشهري", "تقرير منظمة الصحة العالمية"]


def _synthetic(n: int = 240, seed: int = 0) -> Dataset:
    """Features whose class means differ, so that a working pipeline must learn them."""
    rng = np.random.default_rng(seed)
    bands = np.array([i % 3 for i in range(n)])
    features = rng.normal(size=(n, len(FEATURE_NAMES))) + bands[:, None] * 0.8
    return Dataset(ids=[f"a{i}" for i in range(n)], texts=["نص"] * n, outlets=["x"] * n, genres=["news"] * n,
                   bands=bands, ratings=bands * 40.0 + 10, features=features, label_digest="synthetic",
                   corpus_digest="synthetic")


def test_training_on_a_small_synthetic_set_learns_and_exports_faithfully(tmp_path):
    from sklearn.calibration import CalibratedClassifierCV  # noqa: F401  (scikit-learn is installed)

    data = _synthetic()
    payload = fit_payload(data, lexicon_version="test", C=1.0)
    path = tmp_path / "model.json"
    dump_model(payload, path)
    model = load_model(path, lexicon_version="test")
    predicted = []
    for row in data.features:
        probabilities = model.probabilities(dict(zip(FEATURE_NAMES, row, strict=True)))
        assert abs(sum(probabilities.values()) - 1) < 1e-9
        predicted.append(CLASSES.index(max(probabilities, key=probabilities.get)))
    assert np.mean(np.array(predicted) == data.bands) > 0.8


def test_training_is_reproducible_byte_for_byte(tmp_path):
    data = _synthetic()
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    dump_model(fit_payload(data, lexicon_version="test", seed=7), first)
    dump_model(fit_payload(data, lexicon_version="test", seed=7), second)
    assert first.read_bytes() == second.read_bytes()


def test_packaged_model_loads_and_matches_the_lexicons():
    model = load_model(PACKAGED_MODEL, lexicon_version=get_lexicon().version)
    assert model.feature_names == FEATURE_NAMES
    assert model.training["articles"] >= 400


def test_a_tampered_model_is_refused_with_exit_code_4(tmp_path, capsys):
    payload = json.loads(PACKAGED_MODEL.read_text(encoding="utf-8"))
    payload["coef"][2][0] += 0.5
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps(payload), encoding="utf-8")
    with pytest.raises(ModelError, match="checksum"):
        load_model(tampered)
    article = tmp_path / "a.txt"
    article.write_text(STRONG, encoding="utf-8")
    assert main(["check", str(article), "--model", str(tampered)]) == 4
    assert "checksum mismatch" in capsys.readouterr().err


@pytest.mark.parametrize("content, message", [
    ("not json", "not a JSON model file"),
    ('{"format": "something else"}', "not a sourcing-strength model"),
])
def test_broken_model_files_are_refused(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ModelError, match=message):
        load_model(path)


def test_a_model_for_other_lexicons_is_refused(tmp_path):
    payload = json.loads(PACKAGED_MODEL.read_text(encoding="utf-8"))
    payload["lexicon_version"] = "0000000000000000"
    path = tmp_path / "old.json"
    dump_model({k: v for k, v in payload.items() if k != "checksum"}, path)
    with pytest.raises(ModelError, match="lexicon version"):
        load_model(path, lexicon_version=get_lexicon().version)


def test_scores_come_with_reasons_in_json_and_words():
    result = audit_text(STRONG)
    score = result.score
    assert 0 <= score["value"] <= 100 and score["band"] in CLASSES
    assert abs(sum(score["probabilities"].values()) - 1) < 0.01
    assert score["reasons"] and all({"feature", "value", "contribution", "text"} <= set(r) for r in score["reasons"])
    features = featurize(result)
    assert all(r["value"] == round(features[r["feature"]], 4) for r in score["reasons"])


def test_replacing_named_sources_by_anonymous_ones_lowers_the_score():
    anonymous = STRONG
    for name in NAMED:
        anonymous = anonymous.replace(name, "مصادر مطلعة")
    strong, weak = audit_text(STRONG).score, audit_text(anonymous).score
    assert weak["value"] < strong["value"] - 10, (strong, weak)


def test_the_seed_article_is_weak(seed_text):
    assert audit_text(seed_text).score["band"] == "weak"


def test_fail_under_gates_on_the_score(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(STRONG, encoding="utf-8")
    value = audit_text(STRONG).score["value"]
    assert main(["check", str(article), "--fail-under", str(value + 1)]) == 1
    assert "below --fail-under" in capsys.readouterr().err
    assert main(["check", str(article), "--fail-under", str(max(0.0, value - 1))]) == 0


def test_the_exported_score_averages_the_classifier_and_the_rating_regression(tmp_path):
    from audit.training import fit

    data = _synthetic()
    path = tmp_path / "model.json"
    dump_model(fit_payload(data, lexicon_version="test", seed=3), path)
    model = load_model(path, lexicon_version="test")
    fitted, _ = fit(data.features, data.bands, 3, model.training["C"], ratings=data.ratings)
    for row, want in zip(data.features[:40], fitted.scores(data.features[:40]), strict=True):
        score = model.score(dict(zip(FEATURE_NAMES, row, strict=True)))
        assert abs(score["value"] - want) <= 0.051
        assert score["band"] == band_of(score["value"])


def test_repeated_cross_validation_reports_each_split():
    from audit.evaluation import _repeat_line, repeated_cv

    runs = repeated_cv(_synthetic(), seeds=(7, 8))
    assert [run["seed"] for run in runs] == [7, 8]
    assert all(run["macro_f1"] > 0.7 and run["spearman"] > 0.6 for run in runs)
    assert runs[0]["macro_f1"] != runs[1]["macro_f1"] or runs[0]["spearman"] != runs[1]["spearman"]
    line = _repeat_line(runs)
    assert "seeds 7, 8" in line and f"{np.mean([r['macro_f1'] for r in runs]):.3f}" in line


def test_regularization_is_chosen_by_the_one_standard_error_rule():
    """A C that wins the inner cross-validation by less than the folds disagree is noise: the strongest
    regularization within one standard error of the best is kept, so a few changed articles cannot flip it."""
    from audit.training import one_standard_error_choice

    grid = (0.03, 0.1, 0.3, 1.0)
    assert one_standard_error_choice(grid, [(0.7446, 0.009), (0.7448, 0.012), (0.7377, 0.010), (0.73, 0.01)]) == 0.03
    assert one_standard_error_choice(grid, [(0.70, 0.005), (0.75, 0.006), (0.748, 0.01), (0.72, 0.01)]) == 0.1
