"""`audit model evaluate`: cross-validated quality of the classifier against baselines, written to
reports/model-card.md with its charts.

Everything is measured in one run on the same folds: the model (with its regularization chosen inside each
training fold), the majority class, a single rule on the share of named sources, and a TF-IDF character
n-gram model on the raw text.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from audit.features import FEATURE_NAMES
from audit.model import CLASSES, band_of
from audit.training import FOLDS, RATING_ALPHA, SEED, Dataset, _read_jsonl, _score, fit, load_dataset

RULE_FEATURE = "named_source_share"
# Other fold splits, for how much the cross-validated figures move with the split alone. Fixed before they
# were first run; none of them was ever used to choose anything.
REPEAT_SEEDS = (101, 102, 103, 104, 105)


@dataclass
class Predictions:
    """Out-of-sample predictions of one method: band indices, 0-100 scores, class probabilities (or None)."""

    name: str
    bands: np.ndarray
    scores: np.ndarray
    probabilities: np.ndarray | None = None


# ---------------------------------------------------------------------------------------- methods


def _model_method(seed: int) -> Callable[[Dataset, np.ndarray, Any], tuple[np.ndarray, np.ndarray, float]]:
    def run(data: Dataset, train: np.ndarray, test: Any) -> tuple[np.ndarray, np.ndarray, float]:
        X, y = data.features, data.bands
        fitted, C = fit(X[train], y[train], seed, ratings=data.ratings[train])
        test_X = test.features if isinstance(test, Dataset) else X[test]
        return fitted.predict_proba(test_X), fitted.scores(test_X), C
    return run


def _rule_fit(values: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Cut points on one feature that best separate the bands on the training data (macro-F1)."""
    from sklearn.metrics import f1_score

    grid = sorted(set(np.round(np.quantile(values, np.linspace(0, 1, 41)), 4)))
    best = (-1.0, 0.0, 1.0)
    for low in grid:
        for high in grid:
            if high < low:
                continue
            predicted = np.where(values < low, 0, np.where(values < high, 1, 2))
            f1 = f1_score(y, predicted, average="macro")
            if f1 > best[0] + 1e-12:
                best = (f1, low, high)
    return best[1], best[2]


def _tfidf_fit(texts: list[str], y: np.ndarray, seed: int):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    pipeline = make_pipeline(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), min_df=3, sublinear_tf=True, max_features=60000),
        LogisticRegression(C=3.0, max_iter=3000, class_weight="balanced", random_state=seed))
    return pipeline.fit(texts, y)


def _predict_all(data: Dataset, train_idx: np.ndarray, test: Dataset | np.ndarray, seed: int) -> dict[str, Any]:
    """Fit every method on `train_idx` of `data` and predict `test` (indices of `data`, or another dataset)."""
    X, y = data.features, data.bands
    test_X = test.features if isinstance(test, Dataset) else X[test]
    test_texts = test.texts if isinstance(test, Dataset) else [data.texts[i] for i in test]
    n = len(test_X)
    out: dict[str, Any] = {}
    probabilities, scores, C = _model_method(seed)(data, train_idx, test)
    out["model"] = (np.array([CLASSES.index(band_of(round(s, 1))) for s in scores]), scores, probabilities, C)
    majority = Counter(y[train_idx]).most_common(1)[0][0]
    out["majority class"] = (np.full(n, majority), np.full(n, 50.0), None, None)
    column = FEATURE_NAMES.index(RULE_FEATURE)
    low, high = _rule_fit(X[train_idx, column], y[train_idx])
    values = test_X[:, column]
    out[f"single rule ({RULE_FEATURE})"] = (np.where(values < low, 0, np.where(values < high, 1, 2)),
                                              100.0 * values, None, (low, high))
    tfidf = _tfidf_fit([data.texts[i] for i in train_idx], y[train_idx], seed)
    tfidf_probabilities = tfidf.predict_proba(test_texts)
    out["TF-IDF char n-grams"] = (np.array([CLASSES.index(band_of(_score(p))) for p in tfidf_probabilities]),
                                  np.array([_score(p) for p in tfidf_probabilities]), tfidf_probabilities, None)
    return out


def cross_validate(data: Dataset, seed: int = SEED) -> tuple[dict[str, Predictions], list[float]]:
    from sklearn.model_selection import StratifiedKFold

    n = len(data.bands)
    results: dict[str, Predictions] = {}
    chosen_c = []
    for train, test in StratifiedKFold(FOLDS, shuffle=True, random_state=seed).split(data.features, data.bands):
        fold = _predict_all(data, train, test, seed)
        for name, (bands, scores, probabilities, extra) in fold.items():
            if name not in results:
                results[name] = Predictions(name, np.zeros(n, dtype=int), np.zeros(n),
                                            np.zeros((n, len(CLASSES))) if probabilities is not None else None)
            results[name].bands[test] = bands
            results[name].scores[test] = scores
            if probabilities is not None:
                results[name].probabilities[test] = probabilities  # type: ignore[index]
            if name == "model":
                chosen_c.append(extra)
    return results, chosen_c


def repeated_cv(data: Dataset, seeds: tuple[int, ...] = REPEAT_SEEDS) -> list[dict[str, float]]:
    """The model's macro-F1 and Spearman under other fold splits (the model is fitted with SEED as always)."""
    from scipy.stats import spearmanr
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold

    runs = []
    for split_seed in seeds:
        scores = np.zeros(len(data.bands))
        for train, test in StratifiedKFold(FOLDS, shuffle=True, random_state=split_seed).split(
                data.features, data.bands):
            scores[test] = _model_method(SEED)(data, train, test)[1]
        bands = np.array([CLASSES.index(band_of(round(s, 1))) for s in scores])
        runs.append({"seed": split_seed, "macro_f1": float(f1_score(data.bands, bands, average="macro")),
                     "spearman": float(spearmanr(scores, data.ratings).statistic)})
    return runs


# ---------------------------------------------------------------------------------------- metrics


def measure(y: np.ndarray, ratings: np.ndarray, prediction: Predictions) -> dict[str, Any]:
    from scipy.stats import spearmanr
    from sklearn.metrics import accuracy_score, confusion_matrix, f1_score

    result: dict[str, Any] = {
        "macro_f1": f1_score(y, prediction.bands, average="macro", labels=[0, 1, 2], zero_division=0),
        "accuracy": accuracy_score(y, prediction.bands),
        "confusion": confusion_matrix(y, prediction.bands, labels=[0, 1, 2]).tolist(),
        "per_class_f1": f1_score(y, prediction.bands, average=None, labels=[0, 1, 2], zero_division=0).tolist(),
    }
    if np.ptp(prediction.scores) > 0:
        result["spearman"] = float(spearmanr(prediction.scores, ratings).statistic)
    else:
        result["spearman"] = float("nan")
    if prediction.probabilities is not None:
        onehot = np.eye(len(CLASSES))[y]
        result["brier"] = float(np.mean(np.sum((prediction.probabilities - onehot) ** 2, axis=1)))
    else:
        result["brier"] = float("nan")
    return result


def agreement(labels: Path, relabels: Path) -> dict[str, Any]:
    from scipy.stats import spearmanr
    from sklearn.metrics import cohen_kappa_score

    first = {row["id"]: row for row in _read_jsonl(labels)}
    second = [row for row in _read_jsonl(relabels) if row["id"] in first]
    a = [first[row["id"]]["band"] for row in second]
    b = [row["band"] for row in second]
    ratings_a = [first[row["id"]]["rating"] for row in second]
    ratings_b = [row["rating"] for row in second]
    return {
        "items": len(second),
        "band_agreement": sum(x == y for x, y in zip(a, b, strict=True)) / len(second),
        "kappa": cohen_kappa_score(a, b),
        "weighted_kappa": cohen_kappa_score([CLASSES.index(x) for x in a], [CLASSES.index(x) for x in b],
                                            weights="linear"),
        "rating_spearman": float(spearmanr(ratings_a, ratings_b).statistic),
        "mean_rating_gap": float(np.mean(np.abs(np.array(ratings_a) - np.array(ratings_b)))),
    }


# ----------------------------------------------------------------------------------------- charts


def _figure_setup():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"font.family": ["DejaVu Sans"], "font.size": 9, "svg.hashsalt": "audit",
                         "figure.dpi": 100})
    return plt


def _save(fig, path: Path) -> None:
    fig.savefig(path, dpi=110, bbox_inches="tight", metadata={"Software": None})


def draw_charts(out_dir: Path, y: np.ndarray, ratings: np.ndarray, results: dict[str, Predictions],
                outlet_rows: list[tuple[str, int, dict[str, float]]]) -> dict[str, str]:
    plt = _figure_setup()
    model = results["model"]
    paths = {}

    fig, ax = plt.subplots(figsize=(4.2, 3.6))
    confusion = np.zeros((3, 3), dtype=int)
    for truth, guess in zip(y, model.bands, strict=True):
        confusion[truth, guess] += 1
    ax.imshow(confusion, cmap="Blues")
    for i in range(3):
        for j in range(3):
            ax.text(j, i, str(confusion[i, j]), ha="center", va="center",
                    color="white" if confusion[i, j] > confusion.max() / 2 else "black")
    ax.set_xticks(range(3), CLASSES)
    ax.set_yticks(range(3), CLASSES)
    ax.set_xlabel("predicted band")
    ax.set_ylabel("editor's band")
    ax.set_title("Confusion matrix (5-fold CV)")
    paths["confusion"] = "model-card-confusion.png"
    _save(fig, out_dir / paths["confusion"])
    plt.close(fig)

    fig, (ax, hist) = plt.subplots(2, 1, figsize=(4.6, 5.2), height_ratios=[3, 1], sharex=True)
    bins = np.linspace(0, 1, 11)
    probabilities = model.probabilities.reshape(-1)  # type: ignore[union-attr]
    outcomes = np.eye(3)[y].reshape(-1)
    centres, observed, counts = [], [], []
    for low, high in zip(bins[:-1], bins[1:], strict=True):
        inside = (probabilities >= low) & (probabilities < high if high < 1 else probabilities <= high)
        if inside.any():
            centres.append(probabilities[inside].mean())
            observed.append(outcomes[inside].mean())
            counts.append(int(inside.sum()))
    ax.plot([0, 1], [0, 1], linestyle="--", color="grey", linewidth=1, label="perfect calibration")
    ax.plot(centres, observed, marker="o", color="#1f77b4", label="model (all classes)")
    ax.set_ylabel("observed frequency")
    ax.set_title("Reliability diagram (5-fold CV)")
    ax.legend(loc="upper left")
    hist.bar([(a + b) / 2 for a, b in zip(bins[:-1], bins[1:], strict=True)],
             np.histogram(probabilities, bins=bins)[0], width=0.09, color="#9ecae1")
    hist.set_xlabel("predicted probability")
    hist.set_ylabel("count")
    paths["reliability"] = "model-card-reliability.png"
    _save(fig, out_dir / paths["reliability"])
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(4.6, 3.8))
    colours = {0: "#d62728", 1: "#ff7f0e", 2: "#2ca02c"}
    for band in range(3):
        chosen = y == band
        ax.scatter(ratings[chosen], model.scores[chosen], s=8, alpha=0.6, color=colours[band],
                   label=f"editor: {CLASSES[band]}")
    for cut in (33.5, 66.5):
        ax.axhline(cut, color="grey", linewidth=0.6, linestyle=":")
        ax.axvline(cut, color="grey", linewidth=0.6, linestyle=":")
    ax.set_xlabel("editor's rating (0-100)")
    ax.set_ylabel("model score (0-100)")
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 100)
    ax.set_title("Score against rating (5-fold CV)")
    ax.legend(loc="upper left", fontsize=7)
    paths["scores"] = "model-card-score-vs-rating.png"
    _save(fig, out_dir / paths["scores"])
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    names = [name for name, _, _ in outlet_rows]
    width = 0.27
    positions = np.arange(len(names))
    for offset, method, colour in ((-width, "model", "#1f77b4"), (0, "rule", "#ff7f0e"), (width, "tfidf", "#7f7f7f")):
        ax.bar(positions + offset, [row[method] for _, _, row in outlet_rows], width=width, color=colour,
               label={"model": "model", "rule": "single rule", "tfidf": "TF-IDF"}[method])
    ax.set_xticks(positions, [name.split(" (")[0] for name in names], rotation=35, ha="right")
    ax.set_ylabel("macro-F1")
    ax.set_ylim(0, 1)
    ax.set_title("Macro-F1 by outlet (5-fold CV)")
    ax.legend(fontsize=7, ncols=3, loc="upper left")
    paths["outlets"] = "model-card-outlets.png"
    _save(fig, out_dir / paths["outlets"])
    plt.close(fig)
    return paths


# ------------------------------------------------------------------------------------------- report


def _f(value: float, digits: int = 3) -> str:
    return "n/a" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.{digits}f}"


def _table(rows: list[tuple[str, dict[str, Any]]]) -> list[str]:
    lines = ["| method | macro-F1 | accuracy | Spearman (score, rating) | Brier | F1 weak / moderate / strong |",
             "|---|---|---|---|---|---|"]
    for name, m in rows:
        per_class = " / ".join(_f(v, 2) for v in m["per_class_f1"])
        lines.append(f"| {name} | {_f(m['macro_f1'])} | {_f(m['accuracy'])} | {_f(m['spearman'])} | "
                     f"{_f(m['brier'])} | {per_class} |")
    return lines


def evaluate(corpus: Path, labels: Path, out_dir: Path, *, holdout_corpus: Path | None = None,
             holdout_labels: Path | None = None, relabels: Path | None = None, seed: int = SEED,
             log: Callable[[str], None] = print) -> dict[str, Any]:
    from audit.pipeline import get_lexicon

    lexicon = get_lexicon()
    data = load_dataset(corpus, labels, lexicon)
    log(f"audited {len(data.ids)} labelled articles from {corpus.name}; cross-validating ({FOLDS} folds)")
    results, chosen_c = cross_validate(data, seed)
    cv = {name: measure(data.bands, data.ratings, prediction) for name, prediction in results.items()}
    log(f"repeating the model's cross-validation with fold seeds {', '.join(map(str, REPEAT_SEEDS))}")
    repeats = repeated_cv(data)

    outlet_rows = []
    by_outlet: dict[str, list[int]] = defaultdict(list)
    for index, outlet in enumerate(data.outlets):
        by_outlet[outlet].append(index)
    from sklearn.metrics import f1_score

    rule_name = f"single rule ({RULE_FEATURE})"
    for outlet in sorted(by_outlet):
        idx = np.array(by_outlet[outlet])
        row = {}
        for key, name in (("model", "model"), ("rule", rule_name), ("tfidf", "TF-IDF char n-grams")):
            row[key] = f1_score(data.bands[idx], results[name].bands[idx], average="macro", labels=[0, 1, 2],
                                zero_division=0)
        row["accuracy"] = float(np.mean(data.bands[idx] == results["model"].bands[idx]))
        outlet_rows.append((outlet, len(idx), row))

    genre_rows = []
    for genre in ("news", "opinion", "other"):
        idx = np.array([i for i, g in enumerate(data.genres) if g == genre])
        if len(idx) >= 10:
            sub = Predictions("model", results["model"].bands[idx], results["model"].scores[idx],
                              results["model"].probabilities[idx])  # type: ignore[index]
            genre_rows.append((genre, len(idx), measure(data.bands[idx], data.ratings[idx], sub)))

    holdout = None
    if holdout_corpus is not None and holdout_labels is not None:
        other = load_dataset(holdout_corpus, holdout_labels, lexicon)
        log(f"audited {len(other.ids)} held-out paragraphs from {holdout_corpus.name}")
        fitted = _predict_all(data, np.arange(len(data.bands)), other, seed)
        holdout = (len(other.ids), Counter(CLASSES[i] for i in other.bands),
                   {name: measure(other.bands, other.ratings, Predictions(name, b, s, p))
                    for name, (b, s, p, _) in fitted.items()})

    agreement_stats = agreement(labels, relabels) if relabels is not None and relabels.exists() else None
    out_dir.mkdir(parents=True, exist_ok=True)
    charts = draw_charts(out_dir, data.bands, data.ratings, results, outlet_rows)
    report = {"cv": cv, "outlets": outlet_rows, "genres": genre_rows, "holdout": holdout,
              "agreement": agreement_stats, "chosen_c": chosen_c, "charts": charts, "repeats": repeats,
              "articles": len(data.ids), "bands": Counter(CLASSES[i] for i in data.bands)}
    (out_dir / "model-card.md").write_text(render_card(report, data, lexicon.version), encoding="utf-8")
    for line in summary(report):
        log(line)
    log(f"wrote {out_dir / 'model-card.md'}")
    return report


def summary(report: dict[str, Any]) -> list[str]:
    lines = [f"{'method':<36}{'macro-F1':>9}{'accuracy':>9}{'Spearman':>9}{'Brier':>7}"]
    for name, m in report["cv"].items():
        lines.append(f"{name:<36}{_f(m['macro_f1']):>9}{_f(m['accuracy']):>9}{_f(m['spearman']):>9}"
                     f"{_f(m['brier']):>7}")
    lines.append("model over " + _repeat_line(report["repeats"]))
    if report["holdout"]:
        n, _, metrics = report["holdout"]
        lines.append(f"out-of-outlet paragraphs (n={n}):")
        for name, m in metrics.items():
            lines.append(f"  {name:<34}{_f(m['macro_f1']):>9}{_f(m['accuracy']):>9}{_f(m['spearman']):>9}"
                         f"{_f(m['brier']):>7}")
    return lines


def _repeat_line(repeats: list[dict[str, float]]) -> str:
    f1s, rhos = [r["macro_f1"] for r in repeats], [r["spearman"] for r in repeats]
    return (f"{len(repeats)} other fold splits (seeds {', '.join(str(r['seed']) for r in repeats)}): "
            f"macro-F1 mean {_f(float(np.mean(f1s)))} (range {_f(min(f1s))}–{_f(max(f1s))}), Spearman mean "
            f"{_f(float(np.mean(rhos)))} (range {_f(min(rhos))}–{_f(max(rhos))})")


def render_card(report: dict[str, Any], data: Dataset, lexicon_version: str) -> str:
    from audit.model import PACKAGED_MODEL, load_model

    cv, model_cv = report["cv"], report["cv"]["model"]
    bands = report["bands"]
    lines = [
        "# Model card: sourcing-strength classifier",
        "",
        "Generated by `audit model evaluate`; every figure below was measured in that run.",
        "",
        "## What it does",
        "",
        "Given the auditor's findings for one article (never the raw text), the model gives calibrated "
        "probabilities for the bands of `RUBRIC.md` (weak / moderate / strong), a 0-100 score, the band read "
        "back from the score with the rubric's cut points (33.5 and 66.5), and the features that moved it most. "
        "The score is the mean of two estimates of the editor's 0-100 rating: the classifier's expected band "
        "value (0·P(weak) + 50·P(moderate) + 100·P(strong)) and a ridge regression of the ratings on the same "
        "features (clipped to 0-100). The reasons are the classifier's.",
        "",
        "- Estimator: standardized features → multinomial logistic regression (balanced class weights) → "
        "per-class sigmoid calibration fitted on 5 cross-validation folds (scikit-learn's "
        f"`CalibratedClassifierCV`, `ensemble=False`); beside it, `Ridge(alpha={RATING_ALPHA:g})` on the ratings (alpha set "
        "beforehand, not tuned). The fitted numbers are exported to plain JSON "
        "(`audit/models/sourcing-strength.json`, with a SHA-256 checksum) and scored without scikit-learn.",
        f"- Features ({len(FEATURE_NAMES)}, `audit/features.py`): " + ", ".join(f"`{n}`" for n in FEATURE_NAMES) + ".",
        f"- Lexicon version {lexicon_version}; the model refuses to load with other built-in lexicons.",
        "",
        "## Data and labels",
        "",
        f"- {report['articles']} articles from `../shared/corpus/saudinewsnet_dev.jsonl` (all ten outlets, "
        f"100 each, 2015), every one labelled: weak {bands['weak']}, moderate {bands['moderate']}, "
        f"strong {bands['strong']}. Labels are in `labels/saudinewsnet.jsonl` (id, band, 0-100 rating, genre, "
        "one-sentence reason naming the deciding evidence; no article text).",
        "- 260 paragraphs from `../shared/corpus/armpro_dev.jsonl` (243 outlets, none of the ten above) in "
        "`labels/armpro.jsonl`, used only as an out-of-outlet test.",
        "- Who labelled: five annotation sessions run by this team with a language model acting as an "
        "Arabic-reading standards editor (editor-A to editor-D for the articles, 250 each; editor-E for the "
        "paragraphs), each given the same brief (`labels/BRIEF.md`: the rubric plus calibration notes) and "
        "told to read every text in full and not to use any automatic scorer. They labelled before the "
        "classifier existed and never saw the auditor's output. A sixth session (editor-R) re-labelled 60 "
        "randomly chosen articles blind, without access to the first labels.",
    ]
    if report["agreement"]:
        a = report["agreement"]
        lines.append(f"- Re-labelling agreement on {a['items']} articles: same band {a['band_agreement']:.1%}, "
                     f"Cohen's kappa {a['kappa']:.3f} (linear-weighted {a['weighted_kappa']:.3f}), Spearman "
                     f"between the two ratings {a['rating_spearman']:.3f}, mean absolute rating gap "
                     f"{a['mean_rating_gap']:.1f} points.")
    lines += [
        "- Caveat: the labellers are machine readers following an editorial brief, not newsroom editors; "
        "their judgments are consistent (above) but have not been checked against human editors.",
        "",
        "## Cross-validated quality",
        "",
        f"Stratified {FOLDS}-fold cross-validation over the {report['articles']} labelled articles (seed "
        f"{SEED}); the regularization strength C is chosen inside each training fold (chosen: "
        f"{', '.join(str(c) for c in report['chosen_c'])}). All methods use the same folds.",
        "",
        *_table(list(cv.items())),
        "",
        f"Targets: macro-F1 ≥ 0.75 and Spearman ≥ 0.75 — measured {_f(model_cv['macro_f1'])} and "
        f"{_f(model_cv['spearman'])}; the model "
        + ("beats" if model_cv["macro_f1"] > cv[f"single rule ({RULE_FEATURE})"]["macro_f1"] else "does NOT beat")
        + " the single rule on macro-F1.",
        "",
        "The model's cross-validation repeated over " + _repeat_line(report["repeats"]) + ". A difference in the "
        "third decimal can be the split alone.",
        "",
        f"![Confusion matrix]({report['charts']['confusion']}) ![Reliability]({report['charts']['reliability']})",
        "",
        f"![Score against rating]({report['charts']['scores']})",
        "",
        "Confusion matrix (rows: editor's band; columns: predicted):",
        "",
        "| | weak | moderate | strong |",
        "|---|---|---|---|",
    ]
    for name, row in zip(CLASSES, model_cv["confusion"], strict=True):
        lines.append(f"| **{name}** | " + " | ".join(str(v) for v in row) + " |")
    lines += ["", "### By outlet", "", "| outlet | articles | model macro-F1 | model accuracy | single rule | TF-IDF |",
              "|---|---|---|---|---|---|"]
    for outlet, n, row in report["outlets"]:
        lines.append(f"| {outlet} | {n} | {_f(row['model'])} | {_f(row['accuracy'])} | {_f(row['rule'])} | "
                     f"{_f(row['tfidf'])} |")
    lines += ["", f"![By outlet]({report['charts']['outlets']})", "", "### By genre", "",
              "| genre | articles | macro-F1 | accuracy | Spearman |", "|---|---|---|---|---|"]
    for genre, n, m in report["genres"]:
        lines.append(f"| {genre} | {n} | {_f(m['macro_f1'])} | {_f(m['accuracy'])} | {_f(m['spearman'])} |")
    if report["holdout"]:
        n, counts, metrics = report["holdout"]
        lines += ["", "## Out-of-outlet test", "",
                  f"Trained on all {report['articles']} articles, tested on {n} paragraphs from other outlets "
                  f"(weak {counts['weak']}, moderate {counts['moderate']}, strong {counts['strong']}). These are "
                  "single paragraphs, not articles: a paragraph rarely holds more than one source, so the "
                  "strong band is nearly empty and macro-F1 is dominated by weak and moderate.", "",
                  *_table(list(metrics.items()))]
    try:
        model = load_model(PACKAGED_MODEL, lexicon_version=lexicon_version)
        weights = sorted(((name, model.coef[2][j] - model.coef[0][j]) for j, name in enumerate(model.feature_names)),
                         key=lambda item: -abs(item[1]))
        lines += ["", "## What moves the score", "",
                  "Weight of each standardized feature toward «strong» and away from «weak» in the shipped model "
                  f"(trained on all articles, C={model.training.get('C')}):", "",
                  "| feature | weight |", "|---|---|"]
        lines += [f"| `{name}` | {weight:+.3f} |" for name, weight in weights]
    except Exception as error:  # the card is still useful without the shipped model
        lines += ["", f"(The shipped model could not be read: {error})"]
    lines += ["", "## Limits", "",
              "- The model judges how the auditor saw the sourcing: a source the lexicons miss is invisible to it.",
              "- 2015 Saudi press dominates the training data; other regions and eras are only checked through the "
              "paragraph test above.",
              "- Opinion columns are scored by the same rubric and reported apart in the table by genre.", ""]
    return "\n".join(lines)
