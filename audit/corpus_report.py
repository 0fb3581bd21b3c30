"""The corpus report of a batch (DIR/report.html): how a corpus and each outlet source their news, the
formulas that hide sources most often, the weakest articles (each with its own review report) and every
input that was skipped. Built from the batch's SQLite store, so it can be rebuilt at any time with
`audit report DIR -o FILE`."""

from __future__ import annotations

import datetime
import re
import statistics
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from audit.formatters.arabic import BAND_NAMES, TYPE_NAMES
from audit.formatters.html import CONTENT_SECURITY_POLICY, environment
from audit.lexicon import normalize_surface
from audit.store import Store

WEAKEST = 30
FORMULAS = 25
_LEADING_CONJUNCTION = re.compile(r"^[وف](?=\w{3})")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def _mean(values: list[float]) -> float | None:
    return round(statistics.fmean(values), 3) if values else None


def _article_file(seq: int, article_id: str) -> str:
    return f"articles/{seq:07d}-{_SAFE_NAME.sub('_', article_id)[:60]}.html"


_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")


def _periods(dates: list[str | None]) -> dict[str, str]:
    """Each date mapped to the period it is charted in: days for a corpus spanning up to two months, ISO
    weeks up to about a year, months beyond (or when some dates give only a month). Dates that are not
    ISO dates are left out of the time chart."""
    parsed: dict[str, tuple[datetime.date, bool]] = {}
    for date in set(filter(None, dates)):
        found = _DATE.match(date)
        if not found:
            continue
        try:
            parsed[date] = (datetime.date(int(found.group(1)), int(found.group(2)), int(found.group(3) or 1)),
                            found.group(3) is not None)
        except ValueError:
            continue
    if not parsed:
        return {}
    days = [day for day, _ in parsed.values()]
    span = (max(days) - min(days)).days
    if all(has_day for _, has_day in parsed.values()):
        if span <= 62:
            return {date: day.isoformat() for date, (day, _) in parsed.items()}
        if span <= 400:
            return {date: "{}-W{:02d}".format(*day.isocalendar()[:2]) for date, (day, _) in parsed.items()}
    return {date: f"{day.year}-{day.month:02d}" for date, (day, _) in parsed.items()}


def gather(store: Store) -> dict[str, Any]:
    db = store.db
    rows = db.execute("SELECT seq, id, outlet, date, title, score, band, anonymous_share, named_source_share, "
                      "hedges_per_100_words, words FROM articles ORDER BY seq").fetchall()
    articles = [dict(zip(("seq", "id", "outlet", "date", "title", "score", "band", "anonymous_share",
                          "named_share", "hedges", "words"), row, strict=True)) for row in rows]
    for article in articles:
        article["outlet"] = article["outlet"] or "—"
    formulas = db.execute(
        "SELECT name, type, SUM(mentions) AS n, COUNT(DISTINCT article_seq) AS articles FROM sources "
        "WHERE type IN ('anonymous', 'vague') GROUP BY name, type ORDER BY n DESC, name LIMIT ?",
        (FORMULAS,)).fetchall()
    # يُذكر, يذكر and ويذكر are one formula: counted together, shown by the most frequent wording.
    wordings: dict[str, Counter[str]] = defaultdict(Counter)
    for text, count in db.execute("SELECT text, COUNT(*) FROM findings WHERE category = 'agentless' GROUP BY text"):
        wordings[_LEADING_CONJUNCTION.sub("", normalize_surface(text))][text] += count
    agentless = sorted(((min(texts, key=lambda t: (-texts[t], t)), texts.total()) for texts in wordings.values()),
                       key=lambda row: (-row[1], row[0]))[:10]
    return {"articles": articles, "formulas": formulas, "agentless": agentless, "skipped": store.skipped_rows()}


def build_context(data: dict[str, Any], weakest_links: dict[int, str]) -> dict[str, Any]:
    from audit import charts

    articles = data["articles"]
    scored = [a for a in articles if a["score"] is not None]
    by_outlet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for article in articles:
        by_outlet[article["outlet"]].append(article)
    outlets = sorted(by_outlet)
    outlet_rows: list[dict[str, Any]] = []
    for outlet in outlets:
        items = by_outlet[outlet]
        scores = [a["score"] for a in items if a["score"] is not None]
        bands = Counter(a["band"] for a in items)
        outlet_rows.append({
            "outlet": outlet, "articles": len(items), "mean_score": _mean(scores),
            "weak": bands["weak"], "moderate": bands["moderate"], "strong": bands["strong"],
            "anonymous_share": _mean([a["anonymous_share"] for a in items]),
            "named_share": _mean([a["named_share"] for a in items]),
            "hedges": _mean([a["hedges"] for a in items]),
        })
    short = {outlet: outlet.split(" (")[0] for outlet in outlets}
    figures: dict[str, str] = {}
    if scored:
        figures["distribution"] = charts.data_uri(charts.histogram(
            [a["score"] for a in scored], list(range(0, 105, 5)), "توزيع مؤشر قوة الإسناد", "المؤشر (0–100)"))
        figures["outlet_scores"] = charts.data_uri(charts.boxplot(
            {short[o]: [a["score"] for a in by_outlet[o] if a["score"] is not None] or [0] for o in outlets},
            "المؤشر حسب الوسيلة", "المؤشر"))
        figures["score_hedging"] = charts.data_uri(charts.scatter(
            [a["hedges"] for a in scored], [a["score"] for a in scored],
            "المؤشر مقابل التحوّط", "عبارات تحوّط لكل 100 كلمة", "المؤشر"))
    figures["outlet_shares"] = charts.data_uri(charts.grouped_bars(
        [short[o] for o in outlets],
        {"حصة المصادر المجهولة والمبهمة": [r["anonymous_share"] or 0 for r in outlet_rows],
         "حصة المصادر المسمّاة": [r["named_share"] or 0 for r in outlet_rows]},
        {"حصة المصادر المجهولة والمبهمة": charts.COLOURS["unidentified"],
         "حصة المصادر المسمّاة": charts.COLOURS["named"]}, "المصادر المسمّاة والمجهولة حسب الوسيلة", shares=True))
    figures["outlet_hedges"] = charts.data_uri(charts.horizontal_bars(
        [short[o] for o in outlets], [r["hedges"] or 0 for r in outlet_rows], "التحوّط لكل 100 كلمة حسب الوسيلة"))
    period_of = _periods([a["date"] for a in scored])
    periods = sorted(set(period_of.values()))
    if len(periods) >= 2:
        everyone = "كل الوسائل"
        groups = {everyone: scored} | ({short[o]: by_outlet[o] for o in outlets} if len(outlets) > 1 else {})
        series = {}
        for name, items in groups.items():
            per_period: dict[str, list[float]] = defaultdict(list)
            for article in items:
                if article["score"] is not None and article["date"] in period_of:
                    per_period[period_of[article["date"]]].append(article["score"])
            series[name] = [statistics.fmean(per_period[p]) if per_period[p] else None for p in periods]
        figures["over_time"] = charts.data_uri(charts.lines(periods, series, "متوسط المؤشر عبر الزمن", "المؤشر",
                                                 emphasised=everyone))
    weakest = sorted(scored, key=lambda a: (a["score"], a["seq"]))[:WEAKEST]
    for article in weakest:
        article["link"] = weakest_links.get(article["seq"])
        article["band_name"] = BAND_NAMES.get(article["band"], "—")
    return {
        "csp": CONTENT_SECURITY_POLICY, "total": len(articles), "scored": len(scored),
        "mean_score": _mean([a["score"] for a in scored]),
        "bands": Counter(a["band"] for a in scored), "band_names": BAND_NAMES, "outlets": outlet_rows,
        "figures": figures, "weakest": weakest, "skipped": data["skipped"],
        "formulas": [{"name": n, "type": TYPE_NAMES.get(t, t), "count": c, "articles": k}
                     for n, t, c, k in data["formulas"]],
        "agentless": data["agentless"],
    }


def _article_reports(store: Store, out_dir: Path, weakest: list[dict[str, Any]], lexicons: tuple[str, ...] = ()
                     ) -> dict[int, str]:
    """The review report of each of the weakest articles, next to the corpus report."""
    from audit.formatters import html as article_html
    from audit.pipeline import audit_text, get_lexicon

    lexicon = get_lexicon(lexicons)
    links = {}
    (out_dir / "articles").mkdir(parents=True, exist_ok=True)
    for article in weakest:
        meta = {k: article[k] for k in ("outlet", "date") if article.get(k) and article[k] != "—"}
        result = audit_text(store.text(article["seq"]), id=article["id"], title=article["title"], lexicon=lexicon,
                            meta=meta)
        name = _article_file(article["seq"], article["id"])
        (out_dir / name).write_text(article_html.render(result), encoding="utf-8")
        links[article["seq"]] = name
    return links


def write_corpus_report(store: Store, out_dir: Path, output: Path | None = None) -> Path:
    output = output or out_dir / "report.html"
    data = gather(store)
    scored = sorted((a for a in data["articles"] if a["score"] is not None), key=lambda a: (a["score"], a["seq"]))
    lexicons = tuple(store.run_info().get("lexicons", ()))
    links = _article_reports(store, output.parent, scored[:WEAKEST], lexicons)
    context = build_context(data, links)
    output.write_text(environment().get_template("corpus.html.j2").render(**context), encoding="utf-8")
    return output


def write_corpus_report_from(directory: Path, output: Path) -> Path:
    from audit.errors import InputError

    path = directory / "audit.sqlite"
    if not path.exists():
        raise InputError(f"{directory}: not a batch results folder (no audit.sqlite)")
    store = Store(path)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        return write_corpus_report(store, directory, output)
    finally:
        store.close()


__all__ = ["write_corpus_report", "write_corpus_report_from"]
