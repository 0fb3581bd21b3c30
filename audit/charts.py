"""Charts for the reports, drawn with matplotlib ≥ 3.11, which shapes Arabic itself: labels are passed as
plain Arabic strings, never reshaped. Output is deterministic (same data, same bytes)."""

from __future__ import annotations

import base64
import io
from collections.abc import Mapping, Sequence
from functools import lru_cache

# Arabic, Latin and digits: DejaVu Sans (bundled with matplotlib) covers all three; richer Arabic faces are
# used first when the system has them.
_PREFERRED_FONTS = ("Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "DejaVu Sans")
COLOURS = {"named": "#2e7d32", "official": "#f9a825", "unidentified": "#c62828", "agentless": "#6a1b9a",
           "claims": "#8d6e63", "hedge": "#ef6c00", "booster": "#1565c0", "neutral": "#607d8b"}


@lru_cache(maxsize=1)
def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    families = [name for name in _PREFERRED_FONTS if name in installed] or ["DejaVu Sans"]
    plt.rcParams.update({"font.family": families, "font.size": 9, "axes.spines.top": False,
                         "axes.spines.right": False, "svg.hashsalt": "audit", "figure.dpi": 100})
    return plt


def _png(fig) -> bytes:
    plt = _pyplot()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()


def data_uri(png: bytes) -> str:
    """A chart inline in a report: the CSP allows images from data: URIs only."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def horizontal_bars(labels: Sequence[str], values: Sequence[float], title: str, colours: Sequence[str] | None = None,
                    xlabel: str = "") -> bytes:
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(4.8, max(1.6, 0.34 * len(labels) + 0.8)), layout="constrained")
    positions = range(len(labels))
    ax.barh(list(positions), list(values), color=list(colours) if colours else COLOURS["neutral"])
    ax.set_yticks(list(positions), list(labels))
    ax.invert_yaxis()
    for position, value in zip(positions, values, strict=True):
        ax.text(value, position, f" {value:g}", va="center", fontsize=8)
    ax.set_title(title)
    if xlabel:
        ax.set_xlabel(xlabel)
    ax.set_xlim(0, (max(values, default=0) or 1) * 1.18)
    _integer_ticks(ax.xaxis, values)
    return _png(fig)


def _integer_ticks(axis, values) -> None:
    """Counts get whole-number ticks."""
    if all(float(v).is_integer() for v in values):
        from matplotlib.ticker import MaxNLocator

        axis.set_major_locator(MaxNLocator(integer=True))


def stacked_columns(categories: Sequence[str], series: Mapping[str, Sequence[float]], colours: dict[str, str],
                    title: str, xlabel: str, ylabel: str) -> bytes:
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(max(4.8, 0.32 * len(categories) + 2.0), 2.8), layout="constrained")
    bottom = [0.0] * len(categories)
    positions = list(range(len(categories)))
    for name, values in series.items():
        ax.bar(positions, list(values), bottom=bottom, color=colours[name], label=name, width=0.75)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.set_xticks(positions, list(categories), fontsize=7)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend(fontsize=7, ncols=min(3, len(series)), loc="upper left", frameon=False)
    ax.set_ylim(0, max(bottom + [1]) * 1.35)
    _integer_ticks(ax.yaxis, [v for values in series.values() for v in values])
    return _png(fig)


def histogram(values: Sequence[float], bins: Sequence[float], title: str, xlabel: str,
              cut_points=(33.5, 66.5)) -> bytes:
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(5.4, 2.6), layout="constrained")
    ax.hist(list(values), bins=list(bins), color=COLOURS["neutral"], edgecolor="white")
    for cut in cut_points:
        ax.axvline(cut, color="#455a64", linestyle=":", linewidth=1)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("عدد المقالات")
    return _png(fig)


def boxplot(groups: dict[str, Sequence[float]], title: str, ylabel: str) -> bytes:
    plt = _pyplot()
    names = list(groups)
    fig, ax = plt.subplots(figsize=(max(5.0, 0.7 * len(names) + 1.5), 3.0), layout="constrained")
    ax.boxplot([list(groups[name]) for name in names], tick_labels=names, showfliers=True, widths=0.55,
               medianprops={"color": COLOURS["unidentified"]})
    ax.tick_params(axis="x", labelrotation=30, labelsize=7)
    for cut in (33.5, 66.5):
        ax.axhline(cut, color="#90a4ae", linestyle=":", linewidth=1)
    ax.set_ylim(0, 100)
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    return _png(fig)


def grouped_bars(names: Sequence[str], series: Mapping[str, Sequence[float]], colours: dict[str, str], title: str,
                 *, shares: bool = False) -> bytes:
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(max(5.0, 0.8 * len(names) + 1.5), 3.0), layout="constrained")
    width = 0.8 / max(1, len(series))
    for index, (label, values) in enumerate(series.items()):
        positions = [i + (index - (len(series) - 1) / 2) * width for i in range(len(names))]
        ax.bar(positions, list(values), width=width, color=colours[label], label=label)
    ax.set_xticks(range(len(names)), list(names), rotation=30, ha="right", fontsize=7)
    if shares:
        from matplotlib.ticker import PercentFormatter

        ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_title(title, pad=22)
    # Above the plot, under the title: inside it the legend would hide the tallest bars.
    ax.legend(fontsize=7, frameon=False, ncols=len(series), loc="lower center", bbox_to_anchor=(0.5, 1.0))
    return _png(fig)


def scatter(x: Sequence[float], y: Sequence[float], title: str, xlabel: str, ylabel: str) -> bytes:
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(4.6, 3.0), layout="constrained")
    ax.scatter(list(x), list(y), s=8, alpha=0.5, color=COLOURS["booster"])
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_ylim(0, 100)
    return _png(fig)


def lines(x_labels: Sequence[str], series: Mapping[str, Sequence[float | None]], title: str, ylabel: str,
          emphasised: str | None = None) -> bytes:
    """One line per series; the `emphasised` one (an overall mean, say) is drawn thick and black."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6.4, 3.0), layout="constrained")
    palette = ["#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#5d4037", "#9e9d24", "#ad1457",
               "#455a64"]
    for index, (name, values) in enumerate(series.items()):
        points = [(i, v) for i, v in enumerate(values) if v is not None]
        if not points:
            continue
        style = ({"color": "#111111", "linewidth": 2.4, "marker": "o", "markersize": 3.5, "zorder": 3}
                 if name == emphasised else
                 {"color": palette[index % len(palette)], "linewidth": 1.0, "marker": "o", "markersize": 2.5,
                  "alpha": 0.75})
        ax.plot([p[0] for p in points], [p[1] for p in points], label=name, **style)
    step = max(1, len(x_labels) // 12)
    ax.set_xticks(range(0, len(x_labels), step), list(x_labels)[::step], rotation=30, ha="right", fontsize=7)
    ax.set_ylim(0, 100)
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    ax.legend(fontsize=6, frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return _png(fig)
