"""The ``moukit`` command: a thin layer over the library (toolkit.*).

Each command parses options, calls one or two library functions and prints the result. Nothing
here decides an outcome or a score. WeasyPrint is never imported here: only `moukit report`
with a .pdf output loads it, so every other command starts fast.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import click

from ._version import __version__
from .atomic import write_atomic
from .cli_common import EXIT_CODES_HELP, assessment_options, echo_problems, handle_errors, prepare
from .errors import InvalidAgreement, UsageError

# Each command imports what it needs when it runs: `moukit --help` stays fast, and only
# `moukit report` with a .pdf output ever imports WeasyPrint.


@click.group(epilog=EXIT_CODES_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="moukit")
def main() -> None:
    """Score bilateral labour migration agreements and MOUs against the ILO Multilateral
    Framework on Labour Migration and related standards.

    \b
    Start with:
      moukit new -o my-mou.yaml        an annotated agreement file to fill in
      moukit validate my-mou.yaml      check it, with file:line: field: message errors
      moukit score my-mou.yaml         red flags, scores and the main gaps
      moukit explain MLF-11.1          a criterion, its source and its model clause
    """


@main.command(epilog=EXIT_CODES_HELP)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@handle_errors
def validate(files: tuple[Path, ...]) -> None:
    """Check agreement files against the agreement format.

    Every problem is printed as FILE:LINE:COLUMN: FIELD: MESSAGE. Exit code 0 when all files
    are valid, 2 otherwise.
    """
    from .agreements import load_agreement

    failed = 0
    for path in files:
        try:
            load_agreement(path)
        except InvalidAgreement as error:
            failed += 1
            echo_problems(error)
            continue
        click.echo(f"{path}: valid")
    if failed:
        click.echo(f"{failed} of {len(files)} file(s) invalid", err=True)
        raise SystemExit(2)


@main.command(epilog=EXIT_CODES_HELP)
@click.argument("file", type=click.Path(path_type=Path))
@assessment_options
@click.option(
    "--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
    help="text: a readable summary; json: the full findings document (versioned, with evidence and trace).",
)
@click.option("--gaps", type=click.IntRange(min=0), default=10, show_default=True, help="How many gaps the text summary lists.")
@handle_errors
def score(file: Path, checklists: tuple[str, ...], profile: str | None, fmt: str, gaps: int) -> None:
    """Assess an agreement: red flags first, then scores and the most important gaps.

    Uses the four shipped checklists unless --checklist or a --profile says otherwise.
    """
    from .agreements import load_agreement
    from .assessment.engine import assess
    from .render.terminal import summary

    selected, loaded_profile = prepare(checklists, profile)
    findings = assess(load_agreement(file), selected, loaded_profile)
    if fmt == "json":
        click.echo(findings.model_dump_json(indent=2))
    else:
        click.echo(summary(findings, gaps=gaps), nl=False)


@main.command(epilog=EXIT_CODES_HELP)
@click.argument("criterion_id")
@click.option("--checklist", "-c", "checklists", multiple=True, metavar="ID|PATH", help="Where to look (default: all shipped checklists).")
@handle_errors
def explain(criterion_id: str, checklists: tuple[str, ...]) -> None:
    """Explain a criterion: its question, sources, rule in words and model clause."""
    from .checklist.load import find_checklist, load_sources, shipped_checklist_paths
    from .checklist.model import RULE_PARTS

    refs = list(checklists) or [p.stem for p in shipped_checklist_paths()]
    register = load_sources()
    for ref in refs:
        checklist = find_checklist(ref)
        for criterion in checklist.criteria:
            if criterion.id.lower() != criterion_id.lower():
                continue
            group = checklist.group(criterion.group)
            out = [
                f"{criterion.id}: {criterion.title}",
                f"Checklist: {checklist.title} ({checklist.id} {checklist.version}), {group.title}",
                f"Weight: {criterion.weight.replace('_', ' ')}",
                "",
                "Question:",
                *_wrap(criterion.question),
                "",
                "Sources:",
            ]
            for s in criterion.sources:
                doc = register.get(s.doc)
                title = doc.title if doc else s.doc
                sure = {"verified": "", "partly_verified": " (partly verified)", "recalled": " (citation not verified)"}[s.certainty]
                out.extend(_wrap(f"- {s.ref}, {title}{sure}"))
            out += ["", "How it is decided (tried in this order; the first that holds decides):"]
            labels = {
                "not_applicable": "Not applicable when",
                "red_flag": "RED FLAG when",
                "met": "Met when",
                "partly_met": "Partly met when",
            }
            for part in RULE_PARTS:
                rule = criterion.rules.get(part)
                if rule is not None:
                    out.extend(_wrap(f"- {labels[part]}: {_readable(rule.describe(), rule.fields())}"))
            out.extend(_wrap("- Otherwise: not met"))
            fields = {f.clause_path or f.path: f for part in criterion.rules.values() for f in part.fields()}
            out += ["", "Fields of the agreement it reads:"]
            for path, info in fields.items():
                out.extend(_wrap(f"- {_label(path)} ({path}): {info.description}"))
            if criterion.red_flag:
                out += ["", f"Red flag: {criterion.red_flag}"]
            out += ["", "Why it matters:", *_wrap(criterion.rationale), "", "Recommendation:", *_wrap(criterion.recommendation)]
            out += ["", "Model clause:", *_wrap(criterion.model_clause, indent="  ")]
            from .render.terminal import printable

            click.echo(printable("\n".join(out)))
            return
    raise UsageError(f"no criterion {criterion_id!r} in checklists: {', '.join(refs)} (moukit checklists lists them)")


def _label(path: str) -> str:
    """'protection.passport_retention' -> 'Protection › passport retention', for readers."""
    parts = path.replace("_", " ").split(".")
    return " › ".join([parts[0].capitalize(), *parts[1:]])


def _readable(text: str, fields: list) -> str:  # type: ignore[type-arg]
    # Longest paths first, so 'a.b.c' is not half-replaced by 'a.b'.
    for path in sorted({f.path for f in fields}, key=len, reverse=True):
        text = text.replace(path, _label(path))
    return text


def _wrap(text: str, indent: str = "  ") -> list[str]:
    hang = indent + ("  " if text.startswith("- ") else "")
    return textwrap.wrap(" ".join(text.split()), 96, initial_indent=indent, subsequent_indent=hang) or [indent]


@main.command(name="checklists", epilog=EXIT_CODES_HELP)
@handle_errors
def list_checklists() -> None:
    """List the shipped checklists (versions, criterion counts, content hashes) and profiles."""
    from .checklist.load import find_checklist, load_checklists, load_profile, shipped_checklist_paths, shipped_profile_paths

    rows = [find_checklist(p.stem) for p in shipped_checklist_paths()]
    load_checklists([c.id for c in rows])  # ids must be unique across what ships
    click.echo("Checklists (use with --checklist ID):")
    for c in rows:
        flags = sum(1 for k in c.criteria if k.red_flag)
        click.echo(f"  {c.id:<22} {c.version:<7} {len(c.criteria):>3} criteria, {flags:>2} red flags  {c.title}")
        click.echo(f"  {'':<22} sha256 {c.sha256}")
    click.echo("Profiles (use with --profile ID):")
    for path in shipped_profile_paths():
        profile = load_profile(path)
        click.echo(f"  {profile.id:<22} {profile.title}")


@main.command(epilog=EXIT_CODES_HELP)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True, help="File to write (YAML).")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
@handle_errors
def new(output: Path, force: bool) -> None:
    """Write an annotated agreement template to fill in.

    Every field of the format is listed with its meaning and allowed values; every point starts
    as silent. `moukit validate` then names what is still missing.
    """
    from .schema import annotated_template

    if output.exists() and not force:
        raise UsageError(f"{output} exists; use --force to overwrite it")
    write_atomic(output, annotated_template())
    click.echo(f"wrote {output}: fill it in, then run: moukit validate {output}")


@main.command(epilog=EXIT_CODES_HELP)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file instead of standard output.")
@handle_errors
def schema(output: Path | None) -> None:
    """Print the JSON Schema of the agreement format (draft-07, for YAML editors).

    Put `# yaml-language-server: $schema=<path to this file>` at the top of an agreement file to
    get completion, hovers and checking in editors that use the YAML language server.
    """
    from .schema import agreement_schema_json

    text = agreement_schema_json()
    if output:
        write_atomic(output, text)
    else:
        click.echo(text, nl=False)


@main.command(epilog=EXIT_CODES_HELP)
@click.argument("prefix", required=False, default="")
@handle_errors
def fields(prefix: str) -> None:
    """List the agreement fields a checklist rule can test, with their allowed values.

    Give a PREFIX such as `protection.wages` to list part of them.
    """
    from .checklist.fields import all_field_paths

    for info in all_field_paths():
        if not info.path.startswith(prefix):
            continue
        values = f"  [{' | '.join(info.choices)}]" if info.choices else ""
        click.echo(f"{info.path}  ({info.kind}){values}")


from .cli_report import report  # noqa: E402  (the command lives in its own module)

main.add_command(report)

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
