"""An on-disk cache of work that depends only on a file's content, so the next run skips it.

Two things are kept, each under a key that changes when what it depends on changes:

* the parsed data of checklist files (``yaml/``): reading 250 kB of checklist YAML takes about
  50 ms of every command, reading the same data back as JSON under 2 ms. The key is the file's
  SHA-256 and the YAML library's version; only data that JSON carries exactly is kept (a date or
  a non-string key is parsed from YAML every time), and only data that parsed without error.
  The data is validated after reading as it would be fresh from the file.
* Jinja2's compiled report templates (``templates/``), through Jinja2's own bytecode cache,
  which checks each template's source checksum and the Python version.

The cache lives in ``$MOUKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/moukit``, else
``~/.cache/moukit``. ``MOUKIT_CACHE_DIR=`` (empty) turns it off. It is an optimisation only:
a directory that cannot be created or written, or an entry that cannot be read, means the work
is done again, never an error. A directory another user owns or can write to is not used.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Callable

ENV = "MOUKIT_CACHE_DIR"


def cache_dir(kind: str) -> Path | None:
    """The directory for entries of ``kind``, created if needed; None when caching is off or impossible."""
    configured = os.environ.get(ENV)
    if configured is not None:
        if not configured.strip():
            return None
        base = Path(configured)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        base = Path(xdg) if xdg else Path.home() / ".cache"
        base = base / "moukit"
    directory = base / kind
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(directory):
            return None
    except OSError:
        return None
    return directory


def _private(directory: Path) -> bool:
    """Whether only this user can write in ``directory``.

    A cache entry decides which criteria are applied (and compiled templates are code), so a
    directory that someone else owns or can write to, such as a shared MOUKIT_CACHE_DIR, is not
    used.
    """
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows: rely on the directory's ACL
        return True
    info = directory.stat()
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def remember_data(kind: str, key: str, compute: Callable[[], Any]) -> Any:
    """``compute()``, or its result from an earlier run when ``key`` was seen before.

    The result is stored as JSON only if JSON gives it back unchanged.
    """
    directory = cache_dir(kind)
    if directory is None:
        return compute()
    entry = directory / f"{key}.json"
    try:
        return json.loads(entry.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass  # not cached yet, or unreadable: compute it again
    data = compute()
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return data  # a date, NaN or the like: JSON would not give it back
    if json.loads(text) != data:
        return data  # e.g. integer keys, which JSON turns into strings
    _write(entry, text)
    return data


def _write(entry: Path, text: str) -> None:
    try:
        handle, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(tmp, entry)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a read-only or full disk: the cache is only an optimisation


def template_bytecode_cache() -> Any:
    """A Jinja2 bytecode cache in the cache directory, or None when caching is off."""
    directory = cache_dir("templates")
    if directory is None:
        return None
    from jinja2 import FileSystemBytecodeCache  # here: the score command does not import Jinja2

    class QuietBytecodeCache(FileSystemBytecodeCache):
        """Jinja2's cache, except that a failure to read or write an entry only means compiling again."""

        def load_bytecode(self, bucket: Any) -> None:
            try:
                super().load_bytecode(bucket)
            except (OSError, ValueError, EOFError):
                bucket.reset()

        def dump_bytecode(self, bucket: Any) -> None:
            try:
                super().dump_bytecode(bucket)
            except OSError:
                pass

    return QuietBytecodeCache(str(directory))
