"""HTML to PDF with WeasyPrint, safely and with what can be reused kept between reports.

Imported only when a PDF is written: importing WeasyPrint takes most of a second, and no other
command needs it.

Safety: every fetch goes through :class:`~toolkit.render.fetcher.BundledAssetFetcher`, which
refuses everything but the toolkit's bundled assets; presentational hints stay off; the
stylesheet is passed as a parsed object built from the bundled file's text, never as a URL, and
no XMP metadata is passed.

Reuse: one :class:`PdfRenderer` parses the stylesheet once and keeps one font configuration and
one image cache, so rendering 50 reports in one process pays for them once.
"""

from __future__ import annotations

import gc
import hashlib
import time
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterator

import pydyf
import weasyprint
from weasyprint.text.fonts import FontConfiguration

from .fetcher import BundledAssetFetcher
from .html import stylesheet_text

MIN_WEASYPRINT = 70

# pydyf deflates every PDF stream at level 9. On report text, level 6 gives files about 3% larger
# in a quarter of the time: 0.2 s less per 60-page report. See _flate_level().
FLATE_LEVEL = 6


def _check_version() -> None:
    major = int(weasyprint.__version__.split(".")[0])
    if major < MIN_WEASYPRINT:  # pragma: no cover - pyproject requires >= 70
        raise RuntimeError(
            f"moukit needs WeasyPrint {MIN_WEASYPRINT} or later for safe PDF output (found {weasyprint.__version__})"
        )


class _ZlibAtLevel:
    """zlib as pydyf sees it while a PDF is written: compressobj() at FLATE_LEVEL, all else as is."""

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)

    @staticmethod
    def compressobj(level: int = FLATE_LEVEL, *args: Any, **kwargs: Any) -> Any:
        return zlib.compressobj(FLATE_LEVEL, *args, **kwargs)


@contextmanager
def _flate_level() -> Iterator[None]:
    """Let pydyf deflate at FLATE_LEVEL for the duration of one write.

    pydyf offers no setting for the level; it calls ``zlib.compressobj(level=9)`` through its
    module's ``zlib`` name, which is swapped here and put back afterwards. If a pydyf release
    stops using that name, nothing is swapped and PDFs are simply written at its own level.
    """
    original = getattr(pydyf, "zlib", None)
    if original is not zlib:
        yield
        return
    pydyf.zlib = _ZlibAtLevel()  # type: ignore[attr-defined]
    try:
        yield
    finally:
        pydyf.zlib = original  # type: ignore[attr-defined]


@dataclass
class Timing:
    """Seconds spent in WeasyPrint for the last report: parsing, layout, writing the PDF."""

    parse: float = 0.0
    layout: float = 0.0
    write: float = 0.0

    @property
    def total(self) -> float:
        return self.parse + self.layout + self.write


@dataclass
class PdfRenderer:
    """Turns report HTML into PDF bytes; keep one per process to reuse stylesheet and fonts."""

    fetcher: BundledAssetFetcher = field(default_factory=BundledAssetFetcher)
    font_config: FontConfiguration = field(default_factory=FontConfiguration)
    last: Timing = field(default_factory=Timing)

    def __post_init__(self) -> None:
        _check_version()
        self._cache: dict = {}
        self.stylesheet = weasyprint.CSS(
            string=stylesheet_text(), font_config=self.font_config, url_fetcher=self.fetcher
        )
        self.pages = 0

    def render(self, html: str) -> bytes:
        """PDF bytes for one report's HTML (rendered with ``embed_css=False``).

        The cyclic garbage collector is paused while WeasyPrint works: it allocates hundreds of
        thousands of small objects per report, and the collector's repeated passes over them
        cost a fifth of the render time. It is switched back on before returning.
        """
        enabled = gc.isenabled()
        gc.disable()
        try:
            return self._render(html)
        finally:
            if enabled:
                gc.enable()

    def _render(self, html: str) -> bytes:
        t0 = time.perf_counter()
        document = weasyprint.HTML(string=html, url_fetcher=self.fetcher, base_url=None)
        t1 = time.perf_counter()
        rendered = document.render(
            stylesheets=[self.stylesheet],
            font_config=self.font_config,
            presentational_hints=False,
            cache=self._cache,
        )
        t2 = time.perf_counter()
        identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
        with _flate_level():
            data = rendered.write_pdf(pdf_identifier=identifier, uncompressed_pdf=False)
        t3 = time.perf_counter()
        self.last = Timing(parse=t1 - t0, layout=t2 - t1, write=t3 - t2)
        self.pages = len(rendered.pages)
        assert isinstance(data, bytes)
        return data
