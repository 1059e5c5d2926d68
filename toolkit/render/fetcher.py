"""The only URL fetcher the PDF renderer uses: it serves the toolkit's bundled assets and nothing else.

WeasyPrint fetches whatever a document points at (images, stylesheets, attachments) unless it is
told otherwise; with its default fetcher ``<link rel=attachment href=file:///etc/hostname>``
embeds that local file in the PDF. Agreement text is escaped, so it never becomes markup; this
fetcher is the second wall: every request is recorded, and only ``moukit-asset:NAME`` for a file
under ``templates/assets/`` is answered. file://, http(s)://, data: and everything else are
refused without touching the network or the file system.

Importing this module imports WeasyPrint, so only the PDF renderer imports it.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path

from weasyprint.urls import URLFetcher, URLFetcherResponse

from ..assets import templates_dir

ASSET_SCHEME = "moukit-asset:"


class RefusedFetch(ValueError):
    """Raised for every URL that is not one of the toolkit's bundled assets."""


class BundledAssetFetcher(URLFetcher):
    """Serve ``moukit-asset:NAME`` from templates/assets/; refuse every other URL.

    ``requests`` lists every URL asked for, served or not, so tests can prove that nothing was
    fetched; ``refused`` lists the ones turned away.
    """

    def __init__(self) -> None:
        # No protocol is allowed to the parent class, no redirects: even a call that reached the
        # parent's fetch() could not open anything.
        super().__init__(allowed_protocols=(), allow_redirects=False, fail_on_errors=False, timeout=1)
        self.requests: list[str] = []
        self.refused: list[str] = []
        self._root = (templates_dir() / "assets").resolve()

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:  # type: ignore[override]
        self.requests.append(url)
        path = self._asset_path(url)
        if path is None:
            self.refused.append(url)
            raise RefusedFetch(f"moukit fetches nothing but its own bundled assets; refused: {url[:200]}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": content_type})

    def _asset_path(self, url: str) -> Path | None:
        if not url.startswith(ASSET_SCHEME):
            return None
        name = url[len(ASSET_SCHEME) :]
        if not name or "\\" in name or name.startswith("/") or any(part in ("", ".", "..") for part in name.split("/")):
            return None
        candidate = (self._root / name).resolve()
        try:
            candidate.relative_to(self._root)
        except ValueError:
            return None
        return candidate if candidate.is_file() else None
