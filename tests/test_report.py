"""Review reports: untrusted text never becomes markup, reports are self-contained and right to left,
charts are deterministic, the corpus report covers a batch, and a real browser (headless Chromium) reads
the reports back: every finding highlighted, no script run, text right to left."""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REPO, SAMPLES

from audit.batch import Options, run_batch
from audit.formatters import html as article_html
from audit.pipeline import audit_text

PWN = "document.documentElement.setAttribute('data-pwned','1')"
MALICIOUS = (
    f"قال المتحدث باسم وزارة الداخلية <script>{PWN}</script> إن قوات الأمن أغلقت الطريق.\n\n"
    f"وبحسب مصادر مطلعة \"><img src=x onerror=\"{PWN}\"> فإن التحقيق قد يستغرق أسابيع.\n\n"
    "وأضاف المتحدث أن «</textarea><textarea>» ليست جزءاً من الخبر، "
    "داعياً إلى زيارة <a href=\"javascript:alert(1)\">الموقع الرسمي</a>.\n\n"
    f"ويُعتقد أن ' onmouseover='{PWN}' x=' المهاجمين فرّوا، <svg onload=\"{PWN}\"></svg> "
    "<iframe src=\"https://example.com\"></iframe> <style>body{display:none}</style>\n"
)
MALICIOUS_TITLE = f"</title><script>{PWN}</script>"
MALICIOUS_ID = "\"><img src=x onerror=alert(1)>.txt"

# Every tag the templates write; anything else in a report came from the article.
TEMPLATE_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "header", "div", "span", "h1", "h2", "h3",
                 "section", "ul", "li", "article", "table", "thead", "tbody", "tr", "th", "td", "img", "b", "footer",
                 "p", "a"}


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(page)
    return parser.tags


def assert_no_markup_from_the_article(page: str) -> None:
    for tag, attrs in tags_of(page):
        assert tag in TEMPLATE_TAGS, f"<{tag}> in the report"
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        if tag == "img":
            assert (attrs.get("src") or "").startswith("data:image/png;base64,"), attrs
        if tag == "a":
            assert not (attrs.get("href") or "").lower().lstrip().startswith(("javascript:", "http")), attrs
    assert "<script" not in page.lower()


@pytest.fixture(scope="module")
def malicious_result(lexicon):
    return audit_text(MALICIOUS, id=MALICIOUS_ID, title=MALICIOUS_TITLE, lexicon=lexicon, meta={"outlet": PWN})


def test_untrusted_text_never_becomes_markup(malicious_result):
    page = article_html.render(malicious_result)
    assert_no_markup_from_the_article(page)
    assert "&lt;script&gt;" in page and "&lt;/textarea&gt;" in page and "javascript:alert(1)" in page
    assert [attrs.get("content") for tag, attrs in tags_of(page) if attrs.get("http-equiv")] == \
        [article_html.CONTENT_SECURITY_POLICY]
    assert "default-src 'none'" in article_html.CONTENT_SECURITY_POLICY
    assert "script-src" not in article_html.CONTENT_SECURITY_POLICY  # default-src 'none' forbids every script


def test_report_is_self_contained_rtl_arabic_and_printable(lexicon):
    text = (SAMPLES / "article.txt").read_text(encoding="utf-8")
    page = article_html.render(audit_text(text, id="article.txt", lexicon=lexicon))
    tags = tags_of(page)
    assert tags[0] == ("html", {"lang": "ar", "dir": "rtl"})
    assert "Noto Naskh Arabic" in page and "@media print" in page and "break-inside: avoid" in page
    assert "http://" not in page and "https://" not in page  # nothing fetched from the network
    images = [attrs for tag, attrs in tags if tag == "img"]
    assert len(images) == 3 and all(i["src"].startswith("data:image/png;base64,") for i in images)
    for section in ("الحكم", "قائمة المراجعة", "المصادر", "رسوم"):
        assert f"<h2>{section}</h2>" in page
    assert "عامل إقليم طاطا محمد بنعلي" in page


def test_same_article_gives_the_same_report_bytes(lexicon):
    text = (SAMPLES / "weak.txt").read_text(encoding="utf-8")
    first = article_html.render(audit_text(text, id="weak.txt", lexicon=lexicon))
    second = article_html.render(audit_text(text, id="weak.txt", lexicon=lexicon))
    assert first == second


def test_charts_are_deterministic_pngs():
    from audit import charts

    draw = lambda: charts.horizontal_bars(["مصدر مجهول", "Reuters", "وزارة 2026"], [3, 1, 2], "مزيج المصادر")  # noqa: E731
    first, second = draw(), draw()
    assert first.startswith(b"\x89PNG") and first == second
    assert charts.lines(["2026-01", "2026-02"], {"الكل": [40.0, None]}, "عبر الزمن", "المؤشر") == \
        charts.lines(["2026-01", "2026-02"], {"الكل": [40.0, None]}, "عبر الزمن", "المؤشر")


def test_corpus_report_from_a_batch(tmp_path, lexicon):
    corpus = tmp_path / "corpus.jsonl"
    rows = [{"id": f"a{i}", "outlet": outlet, "date": f"2026-03-0{i + 1}", "title": f"خبر {i}",
             "text": (SAMPLES / name).read_text(encoding="utf-8")}
            for i, (name, outlet) in enumerate([("article.txt", "الغد"), ("weak.txt", "المرصد"),
                                                 ("strong.txt", "الغد"), ("page_copy.txt", "المرصد")])]
    rows.append({"id": MALICIOUS_ID, "outlet": PWN, "date": "2026-03-09", "title": MALICIOUS_TITLE,
                 "text": MALICIOUS})
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows) + "{broken\n",
                      encoding="utf-8")
    out = tmp_path / "out"
    summary, code = run_batch([str(corpus)], out, workers=1, options=Options(), progress=False, log=lambda _: None)
    assert code == 3 and summary.audited == 5 and summary.skipped == 1
    page = (out / "report.html").read_text(encoding="utf-8")
    assert_no_markup_from_the_article(page)
    assert 'id="skipped"' in page and "malformed JSON" in page and f"{corpus}:6" in page
    links = [attrs["href"] for tag, attrs in tags_of(page) if tag == "a"]
    assert len(links) == 5 and all((out / link).is_file() for link in links)
    for link in links:
        assert_no_markup_from_the_article((out / link).read_text(encoding="utf-8"))
    for table in ("outlets", "formulas", "weakest"):
        assert f'id="{table}"' in page
    assert page.count("data:image/png;base64,") >= 5  # distribution, outlets ×3, score vs hedging, over time
    rebuilt = tmp_path / "again.html"
    from audit.cli import main

    assert main(["report", str(out), "-o", str(rebuilt)]) == 0
    assert rebuilt.read_text(encoding="utf-8") == page  # the same store gives the same report


# ---------------------------------------------------------------------------------------- in a browser

HARNESS = """<!DOCTYPE html><html><body><pre id="out">pending</pre>
<iframe id="report" src="REPORT" width="1200" height="900"></iframe>
<script>
document.getElementById('report').addEventListener('load', function () {
  var out = document.getElementById('out');
  try {
    var doc = this.contentDocument, article = doc.getElementById('article-text');
    var ids = new Set(Array.from(doc.querySelectorAll('[data-f]')).map(function (e) { return e.dataset.f; }));
    out.textContent = JSON.stringify({
      direction: getComputedStyle(doc.documentElement).direction,
      articleDirection: getComputedStyle(article).direction, lang: doc.documentElement.lang,
      highlights: ids.size, declared: Number(article.dataset.findings), scripts: doc.scripts.length,
      pwned: doc.documentElement.hasAttribute('data-pwned'),
      injected: doc.querySelectorAll('article img, article svg, article iframe, article a, article textarea').length,
      images: Array.from(doc.images).filter(function (i) { return i.complete && i.naturalWidth > 0; }).length});
  } catch (error) { out.textContent = 'error: ' + error; }
});
</script></body></html>"""


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    pytest.skip("no Chromium on this machine (CI installs Debian's chromium)")


def browser(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                           "--disable-component-update", "--disable-sync", "--no-first-run",
                           f"--user-data-dir={profile}", *args], capture_output=True, text=True, timeout=120)


def read_back(binary: str, report: Path, tmp_path: Path) -> dict:
    """The report as the browser laid it out: the harness page reads it through an iframe (same origin for
    file URLs with --allow-file-access-from-files), since the report itself may run no script."""
    harness = report.with_name(report.stem + "-harness.html")
    harness.write_text(HARNESS.replace("REPORT", report.name), encoding="utf-8")
    done = browser(binary, tmp_path / "profile", "--allow-file-access-from-files", "--virtual-time-budget=10000",
                   "--dump-dom", harness.as_uri())
    found = [tag for tag in tags_of(done.stdout) if tag[0] == "pre"]
    assert found, done.stderr[-2000:]
    text = done.stdout.split('<pre id="out">', 1)[1].split("</pre>", 1)[0]
    assert text.startswith("{"), text
    return json.loads(text.replace("&quot;", '"').replace("&amp;", "&"))


def screenshot(binary: str, report: Path, tmp_path: Path, name: str) -> Path:
    target = REPO / "reports" / "screenshots" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    browser(binary, tmp_path / "profile-shot", f"--screenshot={target}", "--window-size=1280,2400",
            "--hide-scrollbars", report.as_uri())
    return target


def shown_findings(result) -> int:
    return len([f for f in result.findings if f.category in article_html.SHOWN and f.end > f.start])


@pytest.mark.parametrize("which", ["seed", "malicious"])
def test_reports_in_a_real_browser(which, tmp_path, lexicon, malicious_result, request):
    binary = chromium()
    if which == "seed":
        shared = request.getfixturevalue("shared")
        text = (shared / "seed" / "000_c11bd150004c2f62.txt").read_text(encoding="utf-8")
        result = audit_text(text, id="000_c11bd150004c2f62.txt", lexicon=lexicon)
    else:
        result = malicious_result
    report = tmp_path / f"{which}.html"
    report.write_text(article_html.render(result), encoding="utf-8")
    seen = read_back(binary, report, tmp_path)
    assert seen["lang"] == "ar" and seen["direction"] == "rtl" and seen["articleDirection"] == "rtl"
    assert seen["highlights"] == seen["declared"] == shown_findings(result) > 0
    assert seen["scripts"] == 0 and seen["pwned"] is False and seen["injected"] == 0
    assert seen["images"] == 3  # the inline charts decoded and drew
    shot = screenshot(binary, report, tmp_path, f"{which}.png")
    assert shot.is_file() and shot.stat().st_size > 10_000, "screenshot missing (kept under reports/screenshots/)"
