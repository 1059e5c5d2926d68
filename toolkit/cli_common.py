"""What the CLI commands share: option bundles, error handling, and safe output writing."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Callable, TypeVar

import click

from .errors import MoukitError

if TYPE_CHECKING:  # the models are imported by the commands that need them, not at start-up
    from .checklist.model import Checklist, Profile

F = TypeVar("F", bound=Callable[..., Any])

EXIT_CODES_HELP = """\b
Exit codes:
  0  success
  2  invalid input: a file, checklist, profile or option that cannot be used
     (each problem is printed as file:line:column: field: message)
"""


def assessment_options(func: F) -> F:
    """--checklist and --profile, shared by every command that assesses an agreement."""
    func = click.option(
        "--profile",
        "-p",
        metavar="ID|PATH",
        help="Profile that selects checklists and adjusts weights: a shipped id (moukit checklists lists them) or a YAML file.",
    )(func)
    func = click.option(
        "--checklist",
        "-c",
        "checklists",
        multiple=True,
        metavar="ID|PATH",
        help="Checklist to apply, by shipped id or path; repeat for several. Default: the profile's, else all shipped.",
    )(func)
    return func


def prepare(checklists: tuple[str, ...] | list[str], profile: str | None) -> tuple[list[Checklist], Profile | None]:
    """Load the profile and checklists a command was asked for."""
    from .checklist.load import load_checklists, load_profile

    loaded_profile = load_profile(profile) if profile else None
    refs = list(checklists) or (loaded_profile.checklists if loaded_profile else [])
    return load_checklists(refs), loaded_profile


def echo_problems(error: MoukitError) -> None:
    """Print each problem of a user error on stderr, one line each."""
    for problem in error.problems:
        click.echo(str(problem) if problem.file else f"error: {problem}", err=True)


def handle_errors(func: F) -> F:
    """Print a user error as located lines on stderr and exit with its code, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except MoukitError as error:
            echo_problems(error)
            raise SystemExit(error.exit_code) from None
        except OSError as error:
            # A file the system refuses (name too long, a path through a file, no space left):
            # the user's to fix, so a message, not a traceback.
            name = f"{error.filename}: " if error.filename else ""
            click.echo(f"error: {name}{error.strerror or error}", err=True)
            raise SystemExit(2) from None

    return wrapper  # type: ignore[return-value]
