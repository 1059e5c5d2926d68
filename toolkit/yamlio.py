"""Read YAML or JSON, and find the line of any key when an error has to point at it.

Files are first read with ruamel.yaml's fast safe loader (its C extension when installed). Only
when something is wrong is the file read again with the round-trip loader, which records the
position of each mapping key and sequence item, so errors can say file:line:column. JSON is read
by the same loaders (YAML 1.2 is a superset of JSON), so both formats get line numbers.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Iterable

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml import __version__ as _ruamel_version
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .cache import remember_data
from .errors import Problem


class YAMLReadError(Exception):
    """The file is not well-formed YAML or JSON; carries a located :class:`Problem`."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def _loader(positions: bool) -> YAML:
    yaml = YAML(typ="rt" if positions else "safe")
    yaml.allow_duplicate_keys = False
    return yaml


def load_text(text: str, source: str, *, positions: bool = False) -> Any:
    """Parse YAML/JSON text; raise :class:`YAMLReadError` naming ``source`` and the line.

    With ``positions`` the result keeps the line and column of every key (slower); use it to
    locate problems once something is known to be wrong.
    """
    try:
        return _loader(positions).load(text)
    except MarkedYAMLError as exc:
        if not positions:
            # Report what the round-trip (pure Python) parser says, so the wording of syntax
            # errors does not depend on whether the C extension is installed.
            load_text(text, source, positions=True)
        raise YAMLReadError(_syntax_problem(exc, source)) from None
    except YAMLError as exc:  # pragma: no cover - ruamel raises marked errors in practice
        raise YAMLReadError(Problem(source, None, None, "", f"not valid YAML: {exc}")) from None


def load_text_remembered(text: str, source: str, digest: str) -> Any:
    """:func:`load_text`, kept on disk under the text's SHA-256 ``digest`` (see :mod:`toolkit.cache`).

    For files read on every run, such as the shipped checklists. A file that does not parse is
    never kept, so its errors are reported, with their lines, every time.
    """
    return remember_data("yaml", f"{digest}-ruamel-{_ruamel_version}", lambda: load_text(text, source))


def _syntax_problem(exc: MarkedYAMLError, source: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    message = " ".join(str(part) for part in (exc.context, exc.problem) if part)
    return Problem(source, line, column, "", f"not valid YAML: {message}")


def read_source(path: str | Path) -> tuple[str, str]:
    """The text of a file and the SHA-256 of its bytes, from one read."""
    path = Path(path)
    try:
        raw = path.read_bytes()
        return raw.decode("utf-8"), hashlib.sha256(raw).hexdigest()
    except FileNotFoundError:
        raise YAMLReadError(Problem(str(path), None, None, "", "file not found")) from None
    except IsADirectoryError:
        raise YAMLReadError(Problem(str(path), None, None, "", "is a directory, not a file")) from None
    except UnicodeDecodeError as exc:
        raise YAMLReadError(Problem(str(path), None, None, "", f"not UTF-8 text (byte {exc.start})")) from None
    except OSError as exc:
        raise YAMLReadError(Problem(str(path), None, None, "", exc.strerror or str(exc))) from None


def load_file(path: str | Path, *, positions: bool = False) -> Any:
    """Read and parse a YAML or JSON file (see :func:`load_text` for ``positions``)."""
    text, _ = read_source(path)
    return load_text(text, str(path), positions=positions)


def position(data: Any, loc: Iterable[str | int]) -> tuple[int | None, int | None]:
    """Return the 1-based (line, column) of the deepest node of ``loc`` found in ``data``.

    A location that does not exist in the file (a required field left out) resolves to the
    nearest parent that does, which is where the user has to add it.
    """
    line = column = None
    node = data
    lc = getattr(node, "lc", None)
    if lc is not None and lc.line is not None:
        line, column = lc.line + 1, lc.col + 1
    for key in loc:
        lc = getattr(node, "lc", None)
        if isinstance(node, dict) and key in node:
            if lc is not None:
                try:
                    ln, col = lc.key(key)
                    line, column = ln + 1, col + 1
                except (KeyError, TypeError):
                    pass
            node = node[key]
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            if lc is not None:
                try:
                    ln, col = lc.item(key)
                    line, column = ln + 1, col + 1
                except (KeyError, TypeError, IndexError):
                    pass
            node = node[key]
        else:
            # pydantic appends tags such as 'literal[...]' or a union member's name; they are
            # not in the file, so stop at the last real node.
            continue
    return line, column


def dotted(loc: Iterable[str | int]) -> str:
    """Render a pydantic ``loc`` as ``a.b[2].c``, dropping pydantic's own tags."""
    out = ""
    for key in loc:
        if isinstance(key, int):
            out += f"[{key}]"
        elif "[" in key or key.startswith("function-"):
            continue
        else:
            out += ("." if out else "") + key
    return out


def problems_from_validation(
    error: ValidationError, data: Any, source: str, prefix: tuple[str | int, ...] = ()
) -> list[Problem]:
    """Turn a pydantic ValidationError into located problems, one per error, in file order."""
    problems = []
    for item in error.errors(include_url=False):
        loc = prefix + tuple(item["loc"])
        line, column = position(data, loc)
        message = _message(item)
        problems.append(Problem(source, line, column, dotted(loc), message))
    problems.sort(key=lambda p: (p.line or 0, p.column or 0, p.field))
    # A union or shorthand can report the same place twice; keep one line per message.
    unique: list[Problem] = []
    for problem in problems:
        if problem not in unique:
            unique.append(problem)
    return unique


def _message(item: dict[str, Any]) -> str:
    kind = item.get("type", "")
    if kind == "extra_forbidden":
        return "unknown field (check the spelling)"
    if kind == "missing":
        return "required field is missing"
    message = str(item.get("msg", "invalid value"))
    # pydantic prefixes messages raised by our validators with "Value error, "
    for prefix in ("Value error, ", "Assertion failed, "):
        if message.startswith(prefix):
            message = message[len(prefix):]
    if "input" in item and kind != "missing" and not isinstance(item["input"], (dict, list)):
        shown = repr(item["input"])
        if not (isinstance(item["input"], str) and shown in message):
            message += f" (got {shown})"
    return message
