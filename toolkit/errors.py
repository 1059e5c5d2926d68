"""Errors a user can cause and fix: each names the file, the line and the field.

Every error raised for bad input is a :class:`MoukitError`; the CLI prints it and exits
non-zero instead of showing a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input file, located as precisely as we can."""

    file: str
    line: int | None
    column: int | None
    field: str
    message: str

    def __str__(self) -> str:
        if not self.file:
            return f"{self.field}: {self.message}" if self.field else self.message
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class MoukitError(Exception):
    """Base class for errors caused by input the user can correct."""

    exit_code = 2

    def __init__(self, problems: list[Problem] | str):
        if isinstance(problems, str):
            problems = [Problem(file="", line=None, column=None, field="", message=problems)]
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class InvalidAgreement(MoukitError):
    """An agreement file that cannot be read or does not match the agreement format."""


class InvalidChecklist(MoukitError):
    """A checklist or profile that cannot be used: unknown field, operator or duplicate id."""


class UsageError(MoukitError):
    """A request that cannot be carried out, such as an unknown checklist or criterion id."""
