"""How long a paragraph usually is in one language against another.

The ratios are learned from the UN's own six-language texts (ratios.json beside this
module, written by ``benchmarks/parity_bench.py --learn-ratios``; the file says how
it was computed). For each ordered pair of languages the file holds the median of
log(length in b / length in a) and a spread that shrinks with the length of the
paragraph: sigma(n)^2 = sigma^2 + short / n, n being the length in a. Lengths are
counted by :func:`redraft.parity.units.text_length` (letters; Chinese ideographs).
"""

from __future__ import annotations

import json
import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..model import Draft
from .units import draft_units

#: Used for a pair of languages the file does not hold (German against English...).
UNKNOWN_PAIR_SIGMA = 0.3
#: Paragraphs shorter than this (letters in the reference language) are not used to
#: learn ratios: "(a)", "Ibid." say nothing about translation.
MIN_LEARNING_LENGTH = 20


@dataclass(frozen=True)
class PairRatio:
    """The usual length of language b against language a."""

    log_ratio: float  # median of log(len_b / len_a)
    sigma: float  # spread of long paragraphs
    short: float  # extra variance of short ones: sigma(n)^2 = sigma^2 + short / n
    samples: int = 0

    @property
    def ratio(self) -> float:
        return math.exp(self.log_ratio)

    def spread(self, length: int) -> float:
        return math.sqrt(self.sigma**2 + self.short / max(length, 1))

    def z_score(self, length_a: int, length_b: int) -> float:
        """How far b's length is from the usual, in spreads (0 = as usual)."""
        # A few letters of slack so that two very short texts are never outliers.
        slack = 3.0
        observed = math.log((length_b + slack * self.ratio) / (length_a + slack))
        return (observed - self.log_ratio) / self.spread(length_a)

    def reversed(self) -> PairRatio:
        return PairRatio(-self.log_ratio, self.sigma, self.short, self.samples)


@dataclass(frozen=True)
class RatioTable:
    pairs: Mapping[str, PairRatio]  # "en>fr"
    about: Mapping[str, Any]

    def pair(self, a: str, b: str) -> PairRatio:
        if a == b:
            return PairRatio(0.0, 0.05, 1.0)
        found = self.pairs.get(f"{a}>{b}")
        if found is not None:
            return found
        backwards = self.pairs.get(f"{b}>{a}")
        if backwards is not None:
            return backwards.reversed()
        return PairRatio(0.0, UNKNOWN_PAIR_SIGMA, 4.0)


@lru_cache(maxsize=1)
def default_ratios() -> RatioTable:
    """The table shipped with redraft (ratios.json)."""
    text = resources.files(__package__).joinpath("ratios.json").read_text(encoding="utf-8")
    return ratio_table(json.loads(text))


def ratio_table(document: Mapping[str, Any]) -> RatioTable:
    pairs = {
        key: PairRatio(
            float(value["log_ratio"]),
            float(value["sigma"]),
            float(value["short"]),
            int(value.get("samples", 0)),
        )
        for key, value in document.get("pairs", {}).items()
    }
    about = {key: value for key, value in document.items() if key != "pairs"}
    return RatioTable(pairs, about)


def learn_ratios(sets: Iterable[Mapping[str, Draft]]) -> dict[str, Any]:
    """Learn every ordered pair's ratio from sets of language versions (language ->
    draft). Only sets whose two versions have the same labels are used, paragraph
    by paragraph (tables left out); the result is the ``pairs`` part of ratios.json."""
    samples: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for versions in sets:
        units = {lang: draft_units(draft, lang) for lang, draft in versions.items()}
        for a in units:
            for b in units:
                if a != b and versions[a].labels() == versions[b].labels():
                    samples[f"{a}>{b}"].extend(_pairs(units[a], units[b]))
    return {key: _fit(values) for key, values in sorted(samples.items()) if len(values) >= 50}


def _pairs(a: Any, b: Any) -> Iterable[tuple[int, float]]:
    for x, y in zip(a.paragraphs + a.footnotes, b.paragraphs + b.footnotes, strict=True):
        if x.is_table or x.length < MIN_LEARNING_LENGTH or y.length == 0:
            continue
        yield x.length, math.log(y.length / x.length)


def _fit(values: list[tuple[int, float]]) -> dict[str, Any]:
    """Median and a robust length-dependent spread (median absolute deviation per
    length band, then least squares of sigma(n)^2 = sigma^2 + short / n)."""
    centre = statistics.median(v for _, v in values)
    bands: dict[int, list[float]] = defaultdict(list)
    for length, value in values:
        bands[int(math.log2(length))].append(abs(value - centre))
    points = [
        (1 / 2**band, (1.4826 * statistics.median(devs)) ** 2, len(devs))
        for band, devs in bands.items()
        if len(devs) >= 20
    ]
    sigma2, short = _weighted_line(points)
    return {
        "ratio": round(math.exp(centre), 4),
        "log_ratio": round(centre, 4),
        "sigma": round(math.sqrt(max(sigma2, 0.0025)), 4),
        "short": round(max(short, 0.0), 4),
        "samples": len(values),
    }


def _weighted_line(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """Intercept and slope of y = a + b x, weighted by the number of samples."""
    total = sum(w for _, _, w in points)
    if total == 0:
        return 0.01, 1.0
    mean_x = sum(x * w for x, _, w in points) / total
    mean_y = sum(y * w for _, y, w in points) / total
    var_x = sum(w * (x - mean_x) ** 2 for x, _, w in points)
    if var_x == 0:
        return mean_y, 0.0
    slope = sum(w * (x - mean_x) * (y - mean_y) for x, y, w in points) / var_x
    return mean_y - slope * mean_x, slope
