"""The PDF report: safety (nothing fetched), fonts for partner scripts, structure, reproducibility.

Each PDF is rendered once per module (fixtures) and every test reads it: the multiscript example
with the shipped checklists (a full-size report), and two small fixtures with the report test
checklist.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

import toolkit
from toolkit.checklist.load import load_checklist
from toolkit.render.html import ReportOptions, render_html
from toolkit.render.report import ReportRenderer
from toolkit.render.scripts import strip_breaks

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "report"
MULTISCRIPT = ROOT / "examples" / "multiscript-mou.yaml"
EPOCH = "1767225600"  # 2026-01-01T00:00:00Z

needs_poppler = pytest.mark.skipif(
    shutil.which("pdffonts") is None, reason="poppler-utils (pdffonts, pdftotext) not installed"
)


class Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def render(
    findings, path: Path, renderer: ReportRenderer | None = None
) -> tuple[bytes, ReportRenderer, list[logging.LogRecord]]:
    """Render a PDF, recording everything WeasyPrint logs."""
    renderer = renderer or ReportRenderer()
    recorder = Recorder()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(recorder)
    level = logger.level
    logger.setLevel(logging.DEBUG)
    try:
        renderer.write(findings, path)
    finally:
        logger.removeHandler(recorder)
        logger.setLevel(level)
    return path.read_bytes(), renderer, [r for r in recorder.records if r.levelno >= logging.WARNING]


@pytest.fixture(scope="module")
def checklist():
    return load_checklist(FIXTURES / "checklist.yaml")


@pytest.fixture(scope="module")
def hostile_pdf(checklist, tmp_path_factory):
    findings = toolkit.assess(toolkit.load_agreement(FIXTURES / "hostile.yaml"), [checklist])
    path = tmp_path_factory.mktemp("hostile") / "hostile.pdf"
    data, renderer, warnings = render(findings, path)
    return findings, path, data, renderer, warnings


@pytest.fixture(scope="module")
def multiscript(tmp_path_factory):
    """The multiscript example with the shipped checklists: a full-size report, rendered once."""
    if not MULTISCRIPT.exists():
        pytest.skip("examples/multiscript-mou.yaml is not there")
    findings = toolkit.assess(toolkit.load_agreement(MULTISCRIPT))
    path = tmp_path_factory.mktemp("multiscript") / "multiscript.pdf"
    data, renderer, warnings = render(findings, path)
    return findings, path, data, renderer, warnings


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext"):
        return subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True
        ).stdout
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", strip_breaks(text))


# --------------------------------------------------------------------------- safety


def test_hostile_text_is_shown_literally_and_nothing_is_fetched(hostile_pdf):
    _, path, _, renderer, warnings = hostile_pdf
    assert renderer.pdf.fetcher.requests == [], "the renderer tried to fetch something"
    assert not warnings, [r.getMessage() for r in warnings]
    text = flat(pdf_text(path))
    for literal in (
        "<script>alert('title')</script> MOU",
        '<img src="file:///etc/hostname" alt=origin>',
        '<link rel="attachment"',
        "<link rel=attachment href=file:///etc/hostname>",
        "@import url(http://127.0.0.1:9/x.css)",
        "url('file:///etc/hostname')",
        '<a href="javascript:alert(1)">Malaysia</a>',
        "{{ 7*7 }}",
    ):
        assert literal in text, literal


def test_hostile_pdf_embeds_no_file_and_links_nowhere_outside(hostile_pdf):
    _, path, data, _, _ = hostile_pdf
    reader = pypdf.PdfReader(path)
    assert not reader.attachments
    # A fetched file would be embedded as one of these (its bytes deflated, so searching the PDF
    # for the file's text would prove nothing).
    assert b"/EmbeddedFile" not in data and b"/FileAttachment" not in data
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None:
                assert action.get("/S") != "/URI", f"external link {action.get('/URI')}"


def test_fetcher_refuses_everything_but_bundled_assets(tmp_path):
    """Even markup that bypassed escaping could not fetch: the fetcher refuses, WeasyPrint carries on."""
    from toolkit.render.pdf import PdfRenderer

    renderer = PdfRenderer()
    html = """<html><head><link rel="attachment" href="file:///etc/hostname">
      <link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head>
      <body><p style="background: url(file:///etc/passwd)">x</p><img src="http://127.0.0.1:9/a.png">
      <img src="data:image/png;base64,iVBORw0KGgo="><object data="file:///etc/hostname"></object>
      <img src="moukit-asset:../../../etc/passwd"><img src="moukit-asset:nothing-here.png"></body></html>"""
    logging.getLogger("weasyprint").disabled = True  # the refusals are logged as failed loads
    try:
        data = renderer.render(html)
    finally:
        logging.getLogger("weasyprint").disabled = False
    assert data.startswith(b"%PDF")
    requested = renderer.fetcher.requests
    assert any(u.startswith("file:///etc/hostname") for u in requested)
    assert any(u.startswith("http://127.0.0.1:9/") for u in requested)
    assert sorted(renderer.fetcher.refused) == sorted(requested), "a URL was served"
    assert b"/EmbeddedFile" not in data
    assert not pypdf.PdfReader(__import__("io").BytesIO(data)).attachments


# --------------------------------------------------------------------------- scripts and fonts


@needs_poppler
def test_multiscript_pdf_embeds_a_noto_font_for_every_script(multiscript):
    _, path, _, _, _ = multiscript
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True).stdout
    for script in ("Myanmar", "Thai", "Khmer", "Lao", "Devanagari", "Bengali"):
        assert re.search(rf"Noto-(Sans|Serif)-{script}", fonts), f"no Noto font for {script}:\n{fonts}"
    assert re.search(r"Noto-(Naskh|Sans)-Arabic", fonts), fonts
    for line in fonts.splitlines()[2:]:
        assert " yes yes yes " in line, f"font not embedded, subset and mapped: {line}"


def test_multiscript_pdf_has_no_notdef_and_no_warning(multiscript):
    *_, warnings = multiscript
    assert not warnings, [r.getMessage() for r in warnings]  # WeasyPrint logs every .notdef glyph


def test_partner_script_text_survives_into_the_pdf(multiscript):
    findings, path, _, _, _ = multiscript
    text = pdf_text(path)
    assert "ราชอาณาจักรไทย" in text  # Thai extracts cleanly (no reordering)
    assert re.search(r"[\u1000-\u109f]", text) and re.search(r"[\u0600-\u06ff]", text)
    assert re.search(r"[\u1780-\u17ff]", text) and re.search(r"[\u0e80-\u0eff]", text)


# --------------------------------------------------------------------------- structure


def test_page_count_and_running_header(multiscript):
    findings, path, _, renderer, _ = multiscript
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) == renderer.timings[-1].pages
    assert 20 <= len(reader.pages) <= 120
    last = reader.pages[-1].extract_text()
    assert f"Page {len(reader.pages)} of {len(reader.pages)}" in flat(last)
    header = findings.agreement.short_title or findings.agreement.title
    assert header[:20] in flat(reader.pages[3].extract_text())
    assert "Page 1 of" not in flat(reader.pages[0].extract_text()), "the cover has no page furniture"


def test_executive_summary_is_one_page(multiscript):
    findings, path, _, _, _ = multiscript
    pages = [flat(p.extract_text()) for p in pypdf.PdfReader(path).pages]
    start = next(i for i, t in enumerate(pages) if "1 Executive summary" in t and "Contents" not in t)
    summary = pages[start]
    for part in ("Index", "Scores by principle and theme", "Protection versus control", "most important gaps"):
        assert part in summary, part
    assert findings.gaps[min(4, len(findings.gaps) - 1)].criterion in summary  # the fifth gap too
    assert pages[start + 1].startswith(f"2 {findings.checklists[0].title}")


def test_bookmarks_cover_every_section(multiscript):
    findings, path, _, _, _ = multiscript
    reader = pypdf.PdfReader(path)
    outline = reader.outline
    top = [item.title for item in outline if not isinstance(item, list)]
    assert any("Executive summary" in t for t in top)
    assert any("Contents" in t for t in top)
    for checklist in findings.checklists:
        assert any(checklist.title in t for t in top), checklist.title
    assert any("Action list" in t for t in top) and any("Annex" in t for t in top)
    nested = [item for item in outline if isinstance(item, list)]
    titles = str(
        [
            i.title
            for group in nested
            for i in (group if isinstance(group, list) else [group])
            if not isinstance(i, list)
        ]
    )
    for group in findings.groups[:3]:
        assert group.title[:25] in titles


@needs_poppler
def test_table_of_contents_has_the_right_page_numbers(multiscript):
    findings, path, _, _, _ = multiscript
    layout = subprocess.run(
        ["pdftotext", "-layout", "-f", "2", "-l", "2", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "Contents" in layout
    entries = {
        m.group(2).strip(): int(m.group(3)) for m in re.finditer(r"^\s*([0-9A.]+)\s+(.+?)\s{2,}(\d+)\s*$", layout, re.M)
    }
    assert entries.get("Executive summary") == 3, layout[:600]
    reader = pypdf.PdfReader(path)
    annex = entries.get("Annex")
    assert annex and "Annex" in reader.pages[annex - 1].extract_text()
    first = findings.checklists[0].title
    page = next(v for k, v in entries.items() if k.startswith(first[:30]))
    assert first[:30] in flat(reader.pages[page - 1].extract_text())


def test_metadata(multiscript):
    findings, path, data, _, _ = multiscript
    reader = pypdf.PdfReader(path)
    meta = reader.metadata
    assert meta.title and (findings.agreement.short_title or findings.agreement.title) in meta.title
    assert "country of origin" in meta.subject and findings.agreement.origin.country_name in meta.subject
    assert "labour migration" in meta["/Keywords"]
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert meta.creator == f"moukit {toolkit.__version__}"


def test_html_and_pdf_carry_the_same_findings(multiscript):
    findings, path, _, _, _ = multiscript
    html = render_html(findings)
    html = html[html.index('<h1 class="section-title new-page"') :]  # after the executive summary
    html_text = re.sub(r"<[^>]+>", "\n", html)
    html_text = re.sub(r"\s*\n\s*·", " ·", html_text)
    html_text = re.sub(r"[ \t]+", " ", html_text)
    pdf = pdf_text(path)
    pdf = pdf[pdf.index("most important gaps") :]
    pdf = pdf[pdf.index("\f") :]  # from the page after the executive summary
    outcome = re.compile(r"^(✓ met|◐ partly met|✗ not met|– not applicable) ·", re.M)
    ids = re.compile(r"\b((?:MLF|FR|DW|R86|RT)-[0-9.]+) · ")
    assert outcome.findall(html_text) == outcome.findall(pdf)
    assert ids.findall(html_text) == ids.findall(pdf)
    for f in findings.findings:
        assert f"{f.criterion} · " in pdf


# --------------------------------------------------------------------------- reproducibility and reuse


def test_same_input_gives_byte_identical_pdf_and_html(checklist, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    findings = toolkit.assess(toolkit.load_agreement(FIXTURES / "multiscript-small.yaml"), [checklist])
    first, renderer, warnings = render(findings, tmp_path / "a.pdf")
    second, _, _ = render(findings, tmp_path / "b.pdf")  # a fresh renderer
    third, _, _ = render(findings, tmp_path / "c.pdf", renderer)  # the same renderer, reused
    assert first == second == third
    assert not warnings, [r.getMessage() for r in warnings]
    created = pypdf.PdfReader(tmp_path / "a.pdf").metadata.creation_date
    assert created is not None and created.strftime("%Y-%m-%d %H:%M") == "2026-01-01 00:00"
    html = [ReportRenderer(ReportOptions()).render(findings, "html") for _ in range(2)]
    assert html[0] == html[1]


def test_the_renderer_reuses_stylesheet_and_fonts(checklist, tmp_path):
    findings = toolkit.assess(toolkit.load_agreement(FIXTURES / "multiscript-small.yaml"), [checklist])
    renderer = ReportRenderer()
    renderer.write(findings, tmp_path / "a.pdf")
    pdf, stylesheet, fonts = renderer.pdf, renderer.pdf.stylesheet, renderer.pdf.font_config
    renderer.write(findings, tmp_path / "b.pdf")
    assert renderer.pdf is pdf and renderer.pdf.stylesheet is stylesheet and renderer.pdf.font_config is fonts


def test_streams_are_deflated_at_the_faster_level_and_pydyf_is_left_as_found():
    """Level 6 instead of pydyf's 9 (0.2 s less per large report); the swap lasts one write only."""
    import zlib

    import pydyf

    from toolkit.render.pdf import FLATE_LEVEL, _flate_level

    assert pydyf.zlib is zlib
    with _flate_level():
        stream = pydyf.Stream([b"BT /F1 9 Tf (moukit) Tj ET"] * 200, compress=True)
        data = stream.data
    assert pydyf.zlib is zlib
    body = data.split(b"stream\n", 1)[1].rsplit(b"\nendstream", 1)[0]
    assert zlib.decompress(body) == b"\n".join([b"BT /F1 9 Tf (moukit) Tj ET"] * 200)
    # zlib's header names the level class in its second byte: 0x9c for the default (6), 0xda for 9
    assert FLATE_LEVEL == 6 and body[:2] == b"\x78\x9c"
