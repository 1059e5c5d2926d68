"""``moukit report``: the assessment as a PDF, HTML, Markdown or JSON report.

A thin layer over :mod:`toolkit.render.report`. Only a .pdf output imports WeasyPrint, and only
when the first PDF is written.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click

from .cli_common import EXIT_CODES_HELP, assessment_options, echo_problems, handle_errors, prepare
from .errors import MoukitError, UsageError

FORMAT_CHOICES = ("pdf", "html", "md", "json")

REPORT_EPILOG = (
    """\b
Where reports go:
  moukit report a.yaml                  a-report.pdf next to a.yaml
  moukit report a.yaml -o a.html        the format follows OUT's suffix:
                                        .pdf, .html (one self-contained file), .md, .json
  moukit report *.yaml -o reports/      one STEM-report.pdf per input in reports/
                                        (created if missing); --format picks another format
  moukit report findings.json -o a.pdf  a findings document (moukit score --format json)
                                        is rendered as it is, without assessing again
A report is written through a temporary file and moved into place, so a failure leaves no
partial file; an input file is never overwritten. Set SOURCE_DATE_EPOCH to fix the date of
assessment: the same input then gives byte-identical PDF and HTML.

"""
    + EXIT_CODES_HELP
)


def _plan(
    files: tuple[Path, ...], output: Path | None, fmt: str | None, as_directory: bool = False
) -> list[tuple[Path, Path, str]]:
    """(input, output path, format) for every input, or a UsageError explaining what is wrong.

    ``as_directory`` is true when OUT was written with a trailing slash: a directory, whatever
    its name looks like.
    """
    from .render.report import EXTENSIONS, FORMATS, default_output, format_for

    if output is not None and not as_directory and output.suffix.lower() in FORMATS and not output.is_dir():
        suffix_fmt = format_for(output)
        if fmt and fmt != suffix_fmt:
            raise UsageError(f"--format {fmt} does not match the suffix of {output}; drop one of them")
        if len(files) > 1:
            raise UsageError(
                f"{len(files)} input files give {len(files)} reports: -o must name a directory, not the file {output}"
            )
        return [(files[0], output, suffix_fmt)]
    if output is not None and output.suffix and not output.is_dir() and not as_directory:
        known = ", ".join(sorted(set(FORMATS)))
        raise UsageError(f"cannot tell the report format of {output}: use a name ending in {known}, or a directory")
    fmt = fmt or "pdf"
    assert fmt in EXTENSIONS
    plan = [(source, default_output(source, fmt, output), fmt) for source in files]
    seen: dict[Path, Path] = {}
    for source, out, _ in plan:
        key = out.resolve()
        if key in seen:
            raise UsageError(f"{seen[key]} and {source} would both be written to {out}; give them different names")
        seen[key] = source
    return plan


@click.command(epilog=REPORT_EPILOG)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--output",
    "-o",
    type=click.Path(),
    metavar="OUT",
    help="Report file (its suffix picks the format) or, for several inputs, a directory. Default: STEM-report.pdf next to each input.",
)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(FORMAT_CHOICES),
    help="Format when OUT is a directory or not given (default pdf).",
)
@assessment_options
@click.option(
    "--assessor", "assessors", multiple=True, metavar="NAME", help="Assessor named on the cover; repeat for several."
)
@click.option(
    "--language",
    default="en",
    show_default=True,
    metavar="CODE",
    help="Language of the report's fixed text (a message catalogue in templates/messages/).",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no list of the files written.")
@handle_errors
def report(
    files: tuple[Path, ...],
    output: str | None,
    fmt: str | None,
    checklists: tuple[str, ...],
    profile: str | None,
    assessors: tuple[str, ...],
    language: str,
    quiet: bool,
) -> None:
    """Write the assessment report of one or more agreements (PDF, HTML, Markdown or JSON).

    The report holds a cover, a one-page executive summary (red flags, index and grade, scores
    by principle, the protection-versus-control balance, the five most important gaps), the
    findings of every criterion with the evidence quoted from the agreement, a prioritised
    action list with model clauses, and an annex with the method, the checklists' versions and
    hashes, and a glossary.

    FILE is an agreement (YAML or JSON) or a findings document written by
    `moukit score --format json`. With several FILEs, each gets its own report and a bad file
    does not stop the others: its problems are printed and the exit code is 2.
    """
    from .inputs import load_input
    from .render.html import ReportOptions
    from .render.messages import load_messages
    from .render.report import ReportRenderer, Timings

    load_messages(language)  # refuse an unknown language before any work
    # click would drop a trailing slash from a Path; it is how a user says "a directory".
    as_directory = bool(output) and output.endswith(("/", os.sep))
    output = Path(output) if output else None
    plan = _plan(files, output, fmt, as_directory)
    selected, loaded_profile = prepare(checklists, profile)
    if output is not None and any(out.parent == output for _, out, _ in plan) and not output.exists():
        try:
            output.mkdir(parents=True)  # -o names a directory that does not exist yet
        except OSError as exc:
            raise UsageError(f"cannot create the directory {output}: {exc.strerror or exc}") from None
    protect = [Path(c) for c in checklists if Path(c).is_file()]
    if profile and Path(profile).is_file():
        protect.append(Path(profile))
    protect.extend(files)

    renderer = ReportRenderer(ReportOptions(assessors=assessors, language=language))
    failed: list[MoukitError] = []
    written: list[tuple[Path, int]] = []

    def one(source: Path, out: Path) -> None:
        try:
            timing = Timings()
            started = time.perf_counter()
            findings, _ = load_input(source, selected, loaded_profile)
            timing.load = time.perf_counter() - started
            path = renderer.write(findings, out, protect=protect, timing=timing)
        except MoukitError as error:
            if len(plan) == 1:
                raise
            failed.append(error)
            return
        written.append((path, renderer.timings[-1].pages))

    if len(plan) > 1 and not quiet:
        with click.progressbar(
            plan,
            label="Rendering reports",
            file=sys.stderr,
            item_show_func=lambda item: item[0].name if item else None,
        ) as bar:
            for source, out, _ in bar:
                one(source, out)
    else:
        for source, out, _ in plan:
            one(source, out)

    if not quiet:
        for path, pages in written:
            click.echo(f"{path}" + (f" ({pages} pages)" if pages else ""))
    for error in failed:
        echo_problems(error)
    if failed:
        click.echo(f"{len(failed)} of {len(plan)} report(s) not written", err=True)
        raise SystemExit(2)
