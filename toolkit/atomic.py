"""Write output files so that a failure never leaves a partial file, and never over an input."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable

from .errors import UsageError


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def refuse_input_overwrite(path: str | Path, protect: Iterable[str | Path], what: str = "the output") -> None:
    """Raise if ``path`` is one of the ``protect`` files (an input must never be overwritten)."""
    path = Path(path)
    for source in protect:
        source = Path(source)
        if path.exists() and source.exists() and os.path.samefile(path, source):
            raise UsageError(f"refusing to write {what} over the input file {source}")


def write_atomic(path: str | Path, data: bytes | str, protect: Iterable[str | Path] = (), *, what: str = "the output") -> Path:
    """Write ``data`` to ``path`` via a temporary file and ``os.replace``; never over a protected file.

    The temporary file sits in the target directory (so the rename is atomic) and is removed if
    anything fails. The written file gets the usual permissions (0666 less the umask), not the
    temporary file's 0600.
    """
    path = Path(path)
    refuse_input_overwrite(path, protect, what)
    try:
        is_dir = path.is_dir()
    except OSError as exc:  # a name too long, a component that is a file
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    if is_dir:
        raise UsageError(f"{path} is a directory; give a file name")
    directory = path.parent
    if not directory.is_dir():
        raise UsageError(f"the output directory {directory} does not exist")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:100]}.", suffix=".part", dir=directory)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
