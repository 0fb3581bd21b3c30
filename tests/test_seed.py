"""The canonical hard case: a real page copy (../shared/seed), skipped when ../shared is absent."""

from __future__ import annotations

import pytest

from audit import audit_text


@pytest.fixture(scope="module")
def seed(seed_text):
    return seed_text, audit_text(seed_text, id="seed", score=False)


def _sources(result):
    return {(result.text[s:e], source.type) for source in result.sources for s, e in source.mentions}


def test_named_and_vague_media(seed):
    _, result = seed
    sources = _sources(result)
    assert ("وسائل إعلام أذربيجانية وروسية", "vague") in sources
    named = {text for text, kind in sources if kind == "named_media"}
    assert any("وكالة الأنباء الأذرية" in t and "APA" in t for t in named)
    assert any("نوفايا غازيتا" in t for t in named)
    links = [(a.cue.text, a.source.text) for a in result.attributions if a.source]
    assert sum(1 for cue, _ in links if cue == "ووفق") == 2


def test_vague_anonymous_and_agentless(seed):
    _, result = seed
    sources = _sources(result)
    assert ("المعلومات المتداولة", "vague") in sources
    assert ("مصادر ميدانية", "anonymous") in sources
    assert ("بعض المحللين", "vague") in sources
    agentless = [f.text for f in result.findings if f.category == "agentless"]
    for form in ("يُعتقد", "يُنظر إليها", "اعتُبر"):
        assert form in agentless


def test_hedges(seed):
    _, result = seed
    hedges = [(f.start, f.end) for f in result.findings if f.category == "hedge"]
    assert len(hedges) >= 5
    for phrase in ("قد تكون", "قد يؤدي", "قد يستغله", "قد يفتح", "يمكن أن ينعكس"):
        start = result.text.index(phrase)
        assert any(s < start + len(phrase) and start < e for s, e in hedges), phrase
    assert not any(result.text[s:e].startswith("قد أحبطت") for s, e in hedges)


def test_furniture(seed):
    text, result = seed
    assert all("وكالات" not in source.name for source in result.sources)
    blocks = [f for f in result.findings if f.category == "boilerplate"]
    teaser = text.index("اعتبر ويتكوف")
    most_read = text.index("الأكثر قراءة")
    assert any(b.start <= most_read < b.end and b.start <= teaser < b.end for b in blocks)
    assert not any(a.cue.start >= most_read for a in result.attributions)
    captions = [b for b in blocks if b.label == "caption"]
    assert len(captions) >= 2 and all(b.text.rstrip().endswith("(وكالات)") for b in captions)
