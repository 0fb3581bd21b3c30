"""Training and evaluating the sourcing-strength classifier (`audit model train|evaluate`).

scikit-learn is imported here only: scoring an article needs nothing but the JSON model file.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from audit.errors import InputError
from audit.features import FEATURE_DIRECTIONS, FEATURE_NAMES, FEATURE_VERSION, featurize
from audit.model import CLASS_VALUES, CLASSES, FORMAT, FORMAT_VERSION, band_of, dump_model, load_model

SEED = 13
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
FOLDS = 5
# The ridge regression of ratings is regularized lightly (1,000 articles, 38 standardized features); the
# value was set before measuring, not chosen on the cross-validation.
RATING_ALPHA = 10.0


@dataclass
class Dataset:
    """Labelled articles with their features."""

    ids: list[str]
    texts: list[str]
    outlets: list[str]
    genres: list[str]
    bands: np.ndarray
    """Class index into CLASSES."""
    ratings: np.ndarray
    features: np.ndarray
    label_digest: str
    corpus_digest: str
    extra: dict[str, Any] = field(default_factory=dict)


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as error:
                    raise InputError(f"{path}:{number}: not a JSON line ({error.msg})") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    return rows


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def load_dataset(corpus: Path, labels: Path, lexicon: Any = None) -> Dataset:
    """Join labels (keyed by article id) with the corpus texts and audit every article."""
    from audit.pipeline import audit_text, get_lexicon

    lexicon = lexicon or get_lexicon()
    articles = {row["id"]: row for row in _read_jsonl(corpus)}
    rows = _read_jsonl(labels)
    missing = [row["id"] for row in rows if row["id"] not in articles]
    if missing:
        raise InputError(f"{labels}: {len(missing)} labelled ids are not in {corpus} (first: {missing[0]})")
    features, texts = [], []
    for row in rows:
        article = articles[row["id"]]
        audit = audit_text(article["text"], id=row["id"], title=article.get("title"), lexicon=lexicon, score=False,
                           meta={"outlet": article.get("outlet")})
        values = featurize(audit)
        features.append([values[name] for name in FEATURE_NAMES])
        texts.append(article["text"])
    return Dataset(
        ids=[row["id"] for row in rows],
        texts=texts,
        outlets=[articles[row["id"]].get("outlet", "") for row in rows],
        genres=[row.get("genre", "news") for row in rows],
        bands=np.array([CLASSES.index(row["band"]) for row in rows]),
        ratings=np.array([float(row["rating"]) for row in rows]),
        features=np.array(features, dtype=float),
        label_digest=_digest(labels),
        corpus_digest=_digest(corpus),
    )


# ------------------------------------------------------------------------------------------ fitting


@dataclass
class Fitted:
    """A scaler over every feature, the features kept, the calibrated classifier fitted on them and, when
    ratings were given, a ridge regression of the editors' 0-100 ratings on every standardized feature."""

    scaler: Any
    kept: np.ndarray
    calibrated: Any
    rating: Any = None

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        return self.calibrated.predict_proba(self.scaler.transform(X)[:, self.kept])

    def scores(self, X: np.ndarray) -> np.ndarray:
        """The 0-100 score: the mean of the classifier's expected band value and the predicted rating."""
        expected = np.array([_score(p) for p in self.predict_proba(X)])
        if self.rating is None:
            return expected
        return (expected + np.clip(self.rating.predict(self.scaler.transform(X)), 0.0, 100.0)) / 2


def _logistic(C: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, max_iter=5000, class_weight="balanced")


def select_features(X: np.ndarray, y: np.ndarray, C: float) -> np.ndarray:
    """Features whose fitted push agrees with their editorial direction (FEATURE_DIRECTIONS): the one that
    disagrees most is dropped and the model refitted, until none disagrees."""
    from sklearn.preprocessing import StandardScaler

    directions = np.array([FEATURE_DIRECTIONS[name] for name in FEATURE_NAMES])
    standardized = StandardScaler().fit_transform(X)
    kept = np.ones(len(FEATURE_NAMES), dtype=bool)
    while True:
        model = _logistic(C).fit(standardized[:, kept], y)
        push = np.zeros(len(FEATURE_NAMES))
        push[kept] = model.coef_[CLASSES.index("strong")] - model.coef_[CLASSES.index("weak")]
        wrong = np.where(kept & (directions != 0) & (np.sign(push) == -directions), np.abs(push), 0.0)
        if not wrong.any():
            return kept
        kept[int(np.argmax(wrong))] = False


def _fit_calibrated(X: np.ndarray, y: np.ndarray, C: float, seed: int, kept: np.ndarray | None = None) -> Fitted:
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.model_selection import StratifiedKFold
    from sklearn.preprocessing import StandardScaler

    kept = np.ones(X.shape[1], dtype=bool) if kept is None else kept
    scaler = StandardScaler().fit(X)
    calibrated = CalibratedClassifierCV(_logistic(C), method="sigmoid", ensemble=False,
                                        cv=StratifiedKFold(FOLDS, shuffle=True, random_state=seed))
    calibrated.fit(scaler.transform(X)[:, kept], y)
    return Fitted(scaler, kept, calibrated)


def fit(X: np.ndarray, y: np.ndarray, seed: int, C: float | None = None,
        ratings: np.ndarray | None = None) -> tuple[Fitted, float]:
    """Choose C, keep the features that push the right way, fit and calibrate; with `ratings`, also regress
    the editors' ratings on the features (RATING_ALPHA, fixed beforehand, not tuned)."""
    from sklearn.linear_model import Ridge

    C = C if C is not None else _choose_c(X, y, seed)
    fitted = _fit_calibrated(X, y, C, seed, select_features(X, y, C))
    if ratings is not None:
        fitted.rating = Ridge(alpha=RATING_ALPHA).fit(fitted.scaler.transform(X), ratings)
    return fitted, C


def _choose_c(X: np.ndarray, y: np.ndarray, seed: int) -> float:
    """The regularization strength, by the one-standard-error rule: the strongest (smallest C) whose
    macro-F1 in an inner cross-validation is within one standard error (over the folds) of the best.
    Neighbouring values of C differ by a few ten-thousandths there, far less than the folds disagree, and
    picking the top one let a handful of changed articles flip the model between them."""
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold

    scores = []
    for C in C_GRID:
        predictions = np.empty_like(y)
        fold_f1 = []
        for train, test in StratifiedKFold(FOLDS, shuffle=True, random_state=seed).split(X, y):
            probabilities = _fit_calibrated(X[train], y[train], C, seed).predict_proba(X[test])
            predictions[test] = [CLASSES.index(band_of(_score(p))) for p in probabilities]
            fold_f1.append(f1_score(y[test], predictions[test], average="macro"))
        scores.append((f1_score(y, predictions, average="macro"), float(np.std(fold_f1, ddof=1)) / FOLDS ** 0.5))
    return one_standard_error_choice(C_GRID, scores)


def one_standard_error_choice(grid: Sequence[float], scores: Sequence[tuple[float, float]]) -> float:
    """The smallest value of `grid` (ascending) whose score is within one standard error of the best one;
    `scores` holds (score, standard error) per value."""
    best_score, best_se = max(scores)
    return min(value for value, (score, _) in zip(grid, scores, strict=True) if score >= best_score - best_se)


def _score(probabilities: Sequence[float]) -> float:
    return sum(CLASS_VALUES[c] * p for c, p in zip(CLASSES, probabilities, strict=True))


def _round(values: Iterable[float]) -> list[float]:
    # 12 significant digits: the same training gives the same file on every run and platform.
    return [float(f"{v:.12g}") for v in values]


def fit_payload(dataset: Dataset, *, seed: int = SEED, lexicon_version: str, C: float | None = None) -> dict[str, Any]:
    """Fit scaler, logistic regression and calibration; return the model file's content."""
    import sklearn

    X, y = dataset.features, dataset.bands
    model, C = fit(X, y, seed, C, ratings=dataset.ratings)
    inner = model.calibrated.calibrated_classifiers_[0]
    estimator, calibrators = inner.estimator, inner.calibrators
    if list(estimator.classes_) != list(range(len(CLASSES))):
        raise RuntimeError(f"unexpected class order {estimator.classes_}")
    coef = np.zeros((len(CLASSES), len(FEATURE_NAMES)))
    coef[:, model.kept] = estimator.coef_
    counts = Counter(CLASSES[i] for i in y)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "classes": list(CLASSES),
        "feature_names": list(FEATURE_NAMES),
        "feature_version": FEATURE_VERSION,
        "lexicon_version": lexicon_version,
        "mean": _round(model.scaler.mean_),
        "scale": _round(model.scaler.scale_),
        "coef": [_round(row) for row in coef],
        "intercept": _round(estimator.intercept_),
        "calibration": {"method": "sigmoid", "a": _round(c.a_ for c in calibrators),
                        "b": _round(c.b_ for c in calibrators)},
        "rating": {"coef": _round(model.rating.coef_), "intercept": _round([model.rating.intercept_])[0],
                   "alpha": RATING_ALPHA},
        "training": {
            "estimator": "StandardScaler + LogisticRegression(multinomial, class_weight=balanced) + "
                         "CalibratedClassifierCV(sigmoid, 5 folds, ensemble=False); score averaged with "
                         f"Ridge(alpha={RATING_ALPHA}) on the editors' ratings",
            "C": C, "seed": seed, "articles": int(len(y)), "bands": dict(counts),
            "dropped_features": [name for name, kept in zip(FEATURE_NAMES, model.kept, strict=True) if not kept],
            "labels_sha256": dataset.label_digest, "corpus_sha256": dataset.corpus_digest,
            "scikit_learn": sklearn.__version__,
        },
    }


def train(corpus: Path, labels: Path, output: Path, *, seed: int = SEED, log: Callable[[str], None] = print) -> Path:
    from audit.pipeline import get_lexicon

    lexicon = get_lexicon()
    dataset = load_dataset(corpus, labels, lexicon)
    log(f"audited {len(dataset.ids)} labelled articles; fitting ({FOLDS}-fold calibration, seed {seed})")
    payload = fit_payload(dataset, seed=seed, lexicon_version=lexicon.version)
    dump_model(payload, output)
    # The JSON model must score exactly as the fitted scikit-learn objects did.
    model = load_model(output, lexicon_version=lexicon.version)
    fitted, _ = fit(dataset.features, dataset.bands, seed, payload["training"]["C"], ratings=dataset.ratings)
    expected, scores = fitted.predict_proba(dataset.features[:50]), fitted.scores(dataset.features[:50])
    for row, want, score in zip(dataset.features[:50], expected, scores, strict=True):
        features = dict(zip(FEATURE_NAMES, row, strict=True))
        got = model.probabilities(features)
        if max(abs(got[c] - want[i]) for i, c in enumerate(CLASSES)) > 1e-6 or \
                abs(model.score(features)["value"] - round(score, 1)) > 0.11:
            raise RuntimeError("the exported model does not reproduce scikit-learn's probabilities and scores")
    log(f"wrote {output} (C={payload['training']['C']}, bands {payload['training']['bands']})")
    return output
