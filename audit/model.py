"""The sourcing-strength model: a plain-JSON file, verified on load, scored without scikit-learn.

The file holds a standardizing scaler, a multinomial logistic regression and per-class sigmoid calibration
(what scikit-learn's CalibratedClassifierCV fits), the feature names and lexicon version it was trained
with, training metadata and a SHA-256 checksum of everything else. Loading refuses a file that is not
exactly that (exit code 4); nothing is ever unpickled.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from audit.errors import ModelError
from audit.features import FEATURE_GROUPS, FEATURE_NAMES, FEATURE_VERSION

FORMAT = "arabic-sourcing-audit/sourcing-strength-model"
FORMAT_VERSION = 2
CLASSES = ("weak", "moderate", "strong")
# The 0-100 score is the mean of the expected band value under the calibrated probabilities and the rating a
# ridge regression predicts; the band is read back from the score with the rubric's cut points, so score and
# band never disagree.
CLASS_VALUES = {"weak": 0.0, "moderate": 50.0, "strong": 100.0}
BANDS = (("weak", 0.0, 33.5), ("moderate", 33.5, 66.5), ("strong", 66.5, 100.01))
PACKAGED_MODEL = Path(__file__).parent / "models" / "sourcing-strength.json"
REASON_COUNT = 5


def band_of(score: float) -> str:
    for band, low, high in BANDS:
        if low <= score < high:
            return band
    return "strong"


def payload_checksum(payload: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON of the model without its checksum."""
    body = {key: value for key, value in payload.items() if key != "checksum"}
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def dump_model(payload: dict[str, Any], path: Path) -> None:
    """Write a model file; the same payload always gives the same bytes."""
    payload = dict(payload)
    payload["checksum"] = payload_checksum(payload)
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, indent=1) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@dataclass(frozen=True)
class Model:
    """A loaded, verified model."""

    path: str
    feature_names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[tuple[float, ...], ...]
    intercept: tuple[float, ...]
    calibration_a: tuple[float, ...]
    calibration_b: tuple[float, ...]
    rating_coef: tuple[float, ...]
    """Ridge regression of the editors' 0-100 rating on the standardized features."""
    rating_intercept: float
    lexicon_version: str
    training: dict[str, Any]

    def probabilities(self, features: dict[str, float]) -> dict[str, float]:
        return self._probabilities(self._standardize(features))

    def _probabilities(self, standardized: list[float]) -> dict[str, float]:
        raw = []
        for k in range(len(CLASSES)):
            logit = self.intercept[k] + sum(c * x for c, x in zip(self.coef[k], standardized, strict=True))
            raw.append(_sigmoid(-(self.calibration_a[k] * logit + self.calibration_b[k])))
        total = sum(raw)
        if total <= 0:
            return {c: 1.0 / len(CLASSES) for c in CLASSES}
        return {c: min(1.0, max(0.0, p / total)) for c, p in zip(CLASSES, raw, strict=True)}

    def _standardize(self, features: dict[str, float]) -> list[float]:
        return [(features[name] - mean) / scale
                for name, mean, scale in zip(self.feature_names, self.mean, self.scale, strict=True)]

    def contributions(self, features: dict[str, float]) -> list[tuple[str, float, float]]:
        """(feature, value, signed push toward «strong» and away from «weak» in logit units), largest
        first; an average article gets zero on every feature."""
        pushes = self._pushes(self._standardize(features))
        return sorted(((name, features[name], pushes[name]) for name in self.feature_names),
                      key=lambda item: -abs(item[2]))

    def _pushes(self, standardized: list[float]) -> dict[str, float]:
        strong, weak = CLASSES.index("strong"), CLASSES.index("weak")
        return {name: (self.coef[strong][j] - self.coef[weak][j]) * x
                for j, (name, x) in enumerate(zip(self.feature_names, standardized, strict=True))}

    def reasons(self, features: dict[str, float]) -> list[dict[str, Any]]:
        """One reason per aspect of sourcing (FEATURE_GROUPS), strongest first: its representative feature,
        that feature's value and the aspect's net push toward «strong» (logit units)."""
        return self._reasons(features, self._pushes(self._standardize(features)))

    def _reasons(self, features: dict[str, float], pushes: dict[str, float]) -> list[dict[str, Any]]:
        reasons: list[dict[str, Any]] = []
        for group, members in FEATURE_GROUPS.items():
            representative = members[0]
            reasons.append({"feature": representative, "group": group, "value": round(features[representative], 4),
                            "contribution": round(sum(pushes[m] for m in members), 3)})
        return sorted(reasons, key=lambda r: -abs(r["contribution"]))[:REASON_COUNT]

    def score(self, features: dict[str, float]) -> dict[str, Any]:
        """The JSON contract's `score` object for one feature vector."""
        standardized = self._standardize(features)
        probabilities = self._probabilities(standardized)
        expected = sum(CLASS_VALUES[c] * p for c, p in probabilities.items())
        rating = self.rating_intercept + sum(c * x for c, x in zip(self.rating_coef, standardized, strict=True))
        value = round((expected + min(100.0, max(0.0, rating))) / 2, 1)
        reasons = self._reasons(features, self._pushes(standardized))
        return {"value": value, "band": band_of(value),
                "probabilities": {c: round(p, 4) for c, p in probabilities.items()},
                "reasons": reasons}


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def _numbers(value: Any, length: int, name: str, where: str) -> tuple[float, ...]:
    if not isinstance(value, list) or len(value) != length or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in value):
        raise ModelError(f"{where}: '{name}' must be a list of {length} finite numbers")
    return tuple(float(v) for v in value)


def load_model(path: str | Path | None = None, *, lexicon_version: str | None = None) -> Model:
    """Load and verify a model file (the packaged one by default). Raises ModelError naming the file."""
    path = Path(path) if path is not None else PACKAGED_MODEL
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ModelError(f"{where}: no such model file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ModelError(f"{where}: cannot read the model file ({error})") from None
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as error:
        raise ModelError(f"{where}:{error.lineno}: not a JSON model file ({error.msg})") from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ModelError(f"{where}: not a sourcing-strength model (expected format {FORMAT!r})")
    if payload.get("format_version") != FORMAT_VERSION:
        raise ModelError(f"{where}: model format version {payload.get('format_version')!r} is not supported "
                         f"(this auditor reads version {FORMAT_VERSION})")
    if payload.get("checksum") != payload_checksum(payload):
        raise ModelError(f"{where}: checksum mismatch: the model file was modified or corrupted")
    names = payload.get("feature_names")
    if names != list(FEATURE_NAMES) or payload.get("feature_version") != FEATURE_VERSION:
        raise ModelError(f"{where}: the model was trained on other features (feature version "
                         f"{payload.get('feature_version')!r}); retrain it with 'audit model train'")
    if payload.get("classes") != list(CLASSES):
        raise ModelError(f"{where}: the model's classes must be {list(CLASSES)}")
    if lexicon_version is not None and payload.get("lexicon_version") != lexicon_version:
        raise ModelError(f"{where}: the model was trained with lexicon version {payload.get('lexicon_version')!r} "
                         f"but the built-in lexicons are version {lexicon_version!r}; retrain it with "
                         "'audit model train'")
    n = len(FEATURE_NAMES)
    coef = payload.get("coef")
    if not isinstance(coef, list) or len(coef) != len(CLASSES):
        raise ModelError(f"{where}: 'coef' must hold one row per class")
    calibration = payload.get("calibration") or {}
    if calibration.get("method") != "sigmoid":
        raise ModelError(f"{where}: only sigmoid calibration is supported")
    scale = _numbers(payload.get("scale"), n, "scale", where)
    if any(s <= 0 for s in scale):
        raise ModelError(f"{where}: 'scale' must be positive")
    rating = payload.get("rating") or {}
    rating_intercept = _numbers([rating.get("intercept")], 1, "rating.intercept", where)[0]
    return Model(
        path=where,
        feature_names=tuple(names),
        mean=_numbers(payload.get("mean"), n, "mean", where),
        scale=scale,
        coef=tuple(_numbers(row, n, "coef", where) for row in coef),
        intercept=_numbers(payload.get("intercept"), len(CLASSES), "intercept", where),
        calibration_a=_numbers(calibration.get("a"), len(CLASSES), "calibration.a", where),
        calibration_b=_numbers(calibration.get("b"), len(CLASSES), "calibration.b", where),
        rating_coef=_numbers(rating.get("coef"), n, "rating.coef", where),
        rating_intercept=rating_intercept,
        lexicon_version=str(payload.get("lexicon_version")),
        training=dict(payload.get("training") or {}),
    )
