"""The message catalogue: every fixed string of the report templates, keyed by stable ids.

Catalogues live in ``templates/messages/<lang>.yaml`` as nested mappings; ``cover.title`` names
``cover: {title: ...}``. Templates never hold prose of their own, only ``msg('some.id')``, so a
translated catalogue gives a translated report. Stored codes (outcomes, statuses, weight classes)
are never translated themselves: their labels are looked up under ``code.<kind>.<code>``.

Placeholders use ``{name}``. In HTML the catalogue text is escaped and the arguments are
escaped unless they are already markup (see :meth:`Messages.markup`).
"""

from __future__ import annotations

import re

from functools import lru_cache
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from ruamel.yaml import YAML

from ..assets import templates_dir
from ..errors import UsageError

DEFAULT_LANGUAGE = "en"


def _flatten(data: Any, prefix: str, out: dict[str, Any]) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            _flatten(value, f"{prefix}.{key}" if prefix else str(key), out)
    else:
        out[prefix] = data


class Messages:
    """One language's catalogue."""

    def __init__(self, language: str, entries: dict[str, Any]):
        self.language = language
        self.entries = entries

    def __contains__(self, key: str) -> bool:
        return key in self.entries

    def raw(self, key: str) -> Any:
        try:
            return self.entries[key]
        except KeyError:
            raise KeyError(f"message {key!r} is missing from the {self.language} catalogue") from None

    def text(self, key: str, **params: Any) -> str:
        """Plain text with ``{name}`` placeholders filled (for PDF metadata, Markdown, tests)."""
        value = self.raw(key)
        return str(value).format(**params) if params else str(value)

    def markup(self, key: str, **params: Any) -> Markup:
        """Escaped catalogue text with escaped arguments (arguments that are Markup stay as they are)."""
        value = self.raw(key)
        template = Markup(escape(str(value)))
        return template.format(**params) if params else template

    def label(self, kind: str, code: Any) -> str:
        """The label of a stored code, e.g. ``label('outcome', 'partly_met')`` -> 'partly met'."""
        if code is None:
            return ""
        key = f"code.{kind}.{code}"
        if key in self.entries:
            return str(self.entries[key])
        return humanise(str(code))

    def list(self, key: str) -> list[Any]:
        value = self.raw(key)
        if not isinstance(value, list):
            raise KeyError(f"message {key!r} is not a list")
        return value


def humanise(code: str) -> str:
    """A readable fallback for a code with no catalogue entry: 'in_force' -> 'in force'."""
    return code.replace("_", " ").replace("-", " ")


def catalogue_path(language: str) -> Path:
    return templates_dir() / "messages" / f"{language}.yaml"


def available_languages() -> list[str]:
    return sorted(p.stem for p in (templates_dir() / "messages").glob("*.yaml"))


@lru_cache(maxsize=None)
def load_messages(language: str = DEFAULT_LANGUAGE) -> Messages:
    """Load a catalogue; a language other than English falls back to English key by key."""
    if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?", language or ""):
        raise UsageError(f"{language!r} is not a language code such as en, fr or pt-BR")
    path = catalogue_path(language)
    if not path.is_file():
        known = ", ".join(available_languages())
        raise UsageError(f"no report messages for language {language!r}; available: {known}")
    entries: dict[str, Any] = {}
    if language != DEFAULT_LANGUAGE:
        entries.update(load_messages(DEFAULT_LANGUAGE).entries)
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    _flatten(data, "", entries)
    return Messages(language, entries)


def month_name(messages: Messages, month: int) -> str:
    return str(messages.list("date.months")[month - 1])


def format_date(messages: Messages, value: Any) -> str:
    """A date as the catalogue writes it, e.g. '22 November 2026'."""
    if value is None:
        return ""
    return messages.text("date.format", day=value.day, month=month_name(messages, value.month), year=value.year)
