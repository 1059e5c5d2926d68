"""Benchmark of `moukit report`: where the time goes, and what rendering many reports at once saves.

    python bench/bench_report.py              # everything, 50 reports (takes several minutes)
    python bench/bench_report.py --n 10       # a quicker batch comparison
    python bench/bench_report.py --no-batch   # only the per-example breakdown

Pinned to one CPU core (os.sched_setaffinity; child processes inherit it), so the figures are
"on one core". Prints Markdown tables, ready for the README's Reports section:

1. start-up of `moukit --help` and `moukit score` (best of 5 processes);
2. for each example, the time of each stage of one PDF report: load and validate, score,
   template (Jinja2 to HTML) and WeasyPrint (parse, layout, write), for the first report of a
   process (cold: fonts and stylesheet set up) and the next ones (warm, median of 3), with the
   toolkit's own share; the whole `moukit report EXAMPLE -o OUT.pdf` command (best of 3
   processes); and WeasyPrint's time for the same text with no styling at all (each block of
   the report as a plain paragraph, one font, no links, no TOC), the floor any layout of that
   much text starts from;
3. N reports in one `moukit report` call against N separate `moukit report` processes.

The toolkit is compiled to bytecode first, as an installed package is, and the on-disk caches
(parsed checklists, compiled templates; see toolkit/cache.py) are warm, as after the first run.
"""

from __future__ import annotations

import argparse
import compileall
import html as html_lib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
MOUKIT = [sys.executable, "-c", "import sys; from toolkit.cli import main; sys.exit(main())"]


def pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = sorted(os.sched_getaffinity(0))[-1]
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity on this system)"


def best_of(command: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return min(times)


def startup() -> None:
    print("## Start-up (best of 5 processes)\n")
    print("| command | seconds |")
    print("|---|---:|")
    print(f"| `moukit --help` | {best_of(MOUKIT + ['--help']):.2f} |")
    example = next((p for p in EXAMPLES if "g2g" in p.name), EXAMPLES[0])
    print(f"| `moukit score {example.relative_to(ROOT)}` | {best_of(MOUKIT + ['score', str(example)]):.2f} |")
    print()


def stages(path: Path, renderer) -> dict[str, float]:  # type: ignore[no-untyped-def]
    from toolkit.agreements import load_agreement
    from toolkit.assessment.engine import assess
    from toolkit.checklist.load import load_checklists
    from toolkit.render.html import render_html

    t0 = time.perf_counter()
    loaded = load_agreement(path)
    checklists = load_checklists()  # read from disk the first time, then cached, as in a batch
    t1 = time.perf_counter()
    findings = assess(loaded, checklists)
    t2 = time.perf_counter()
    html = render_html(findings, renderer.options, embed_css=False)
    t3 = time.perf_counter()
    renderer.pdf.render(html)  # the first call also builds the PDF renderer (stylesheet, fonts)
    t4 = time.perf_counter()
    return {
        "load": t1 - t0,
        "score": t2 - t1,
        "template": t3 - t2,
        "weasyprint": t4 - t3,
        "pages": renderer.pdf.pages,
    }


PLAIN_CSS = '@page { size: A4; margin: 24mm 20mm 22mm 20mm } html { font-family: "Noto Sans"; font-size: 9.3pt } p { margin: 0.5mm 0 }'
BLOCKS = re.compile(r"<(p|h[1-4]|blockquote|li|td|th|dt|dd|caption)\b[^>]*>(.*?)</\1>", re.S)


def unstyled(html: str) -> str:
    """The report's text as plain paragraphs: every block's words, none of its markup or style."""
    body = html[html.index("<body") :]
    paragraphs = (html_lib.unescape(re.sub(r"<[^>]+>", "", m.group(2))) for m in BLOCKS.finditer(body))
    return "<html><body>" + "".join(f"<p>{html_lib.escape(t)}</p>" for t in paragraphs) + "</body></html>"


def floor(path: Path, renderer) -> float:  # type: ignore[no-untyped-def]
    """WeasyPrint's time (parse, layout, write) for the example's report text with no styling, warm."""
    import weasyprint

    from toolkit.agreements import load_agreement
    from toolkit.assessment.engine import assess
    from toolkit.render.html import render_html
    from toolkit.render.pdf import _flate_level

    html = unstyled(render_html(assess(load_agreement(path)), renderer.options, embed_css=False))
    pdf = renderer.pdf
    css = weasyprint.CSS(string=PLAIN_CSS, font_config=pdf.font_config, url_fetcher=pdf.fetcher)
    times = []
    for _ in range(3):
        start = time.perf_counter()
        document = weasyprint.HTML(string=html, url_fetcher=pdf.fetcher).render(
            stylesheets=[css], font_config=pdf.font_config, cache={}
        )
        with _flate_level():
            document.write_pdf()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(path: Path) -> dict[str, dict[str, float]]:
    """Cold and warm stage timings of one example, in this (fresh) process."""
    from toolkit.render.report import ReportRenderer

    renderer = ReportRenderer()
    cold = stages(path, renderer)  # first report: checklists read, fonts and stylesheet set up
    warm_runs = [stages(path, renderer) for _ in range(3)]
    warm = {k: statistics.median(r[k] for r in warm_runs) for k in cold}
    return {"cold": cold, "warm": warm, "floor": {"weasyprint": floor(path, renderer)}}


def command_time(path: Path) -> float:
    """Wall time of the whole `moukit report EXAMPLE -o OUT.pdf` command, best of 3 processes."""
    with tempfile.TemporaryDirectory() as tmp:
        return best_of(MOUKIT + ["report", str(path), "-o", str(Path(tmp) / "report.pdf"), "-q"], runs=3)


def breakdown() -> None:
    print("## One PDF report, stage by stage (seconds)\n")
    print("Each example in a fresh process. Cold: its first report (reads the checklists, sets up")
    print("WeasyPrint's fonts, parses the stylesheet). Warm: the median of the next three, as in a batch.\n")
    print("| example | pages | run | load + validate | score | template | WeasyPrint | total | toolkit share |")
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|")
    largest = ("", 0)
    commands: list[tuple[str, int, float, float, float]] = []
    for path in EXAMPLES:
        out = subprocess.run(
            [sys.executable, __file__, "--measure", str(path)], check=True, capture_output=True, text=True, cwd=ROOT
        ).stdout
        result = json.loads(out.strip().splitlines()[-1])
        for label in ("cold", "warm"):
            t = result[label]
            total = t["load"] + t["score"] + t["template"] + t["weasyprint"]
            own = t["load"] + t["score"] + t["template"]
            print(
                f"| {path.stem} | {int(t['pages'])} | {label} | {t['load']:.3f} | {t['score']:.3f} | "
                f"{t['template']:.3f} | {t['weasyprint']:.2f} | {total:.2f} | {100 * own / total:.1f}% |"
            )
        if result["cold"]["pages"] > largest[1]:
            largest = (path.stem, int(result["cold"]["pages"]))
        warm = result["warm"]
        commands.append(
            (path.stem, int(result["cold"]["pages"]), command_time(path), warm["weasyprint"], result["floor"]["weasyprint"])
        )
    print(f"\nLargest report: {largest[0]} ({largest[1]} pages).\n")
    print("## The whole command, and the floor (seconds)\n")
    print("`moukit report EXAMPLE -o OUT.pdf`, best of 3 processes; WeasyPrint's warm time for the report as")
    print("styled, and for the same text unstyled (plain paragraphs, one font, no links or TOC).\n")
    print("| example | pages | `moukit report` command | WeasyPrint, styled (warm) | WeasyPrint, same text unstyled (warm) |")
    print("|---|---:|---:|---:|---:|")
    for stem, pages, command, styled, bare in commands:
        print(f"| {stem} | {pages} | {command:.2f} | {styled:.2f} | {bare:.2f} |")
    print()


def batch(n: int) -> None:
    print(f"## {n} PDF reports: one call against {n} processes\n")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        inputs = []
        for i in range(n):
            source = EXAMPLES[i % len(EXAMPLES)]
            target = tmp_path / f"{i:03d}-{source.name}"
            shutil.copy(source, target)
            inputs.append(target)
        out_one = tmp_path / "one-call"
        start = time.perf_counter()
        subprocess.run(MOUKIT + ["report", *map(str, inputs), "-o", str(out_one), "-q"], check=True, cwd=ROOT)
        one_call = time.perf_counter() - start
        assert len(list(out_one.glob("*.pdf"))) == n
        out_many = tmp_path / "many"
        out_many.mkdir()
        start = time.perf_counter()
        for path in inputs:
            subprocess.run(
                MOUKIT + ["report", str(path), "-o", str(out_many / f"{path.stem}.pdf"), "-q"], check=True, cwd=ROOT
            )
        many = time.perf_counter() - start
    print("| how | total (s) | per report (s) |")
    print("|---|---:|---:|")
    print(f"| one `moukit report` call, {n} inputs | {one_call:.1f} | {one_call / n:.2f} |")
    print(f"| {n} separate `moukit report` processes | {many:.1f} | {many / n:.2f} |")
    print(
        f"\nOne call saves {100 * (1 - one_call / many):.0f}% per report: the interpreter, WeasyPrint's import, "
        "the fonts, the parsed stylesheet and the checklists are set up once.\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50, help="number of reports in the batch comparison (default 50)")
    parser.add_argument("--no-batch", action="store_true", help="skip the batch comparison")
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up timings")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    compileall.compile_dir(str(ROOT / "toolkit"), quiet=1)  # as installed: no source compiled at each start
    if args.measure:
        pin_to_one_core()
        print(json.dumps(measure(args.measure)))
        return
    print(f"# moukit report benchmark ({pin_to_one_core()}; Python {sys.version.split()[0]})\n")
    if not args.no_startup:
        startup()
    breakdown()
    if not args.no_batch:
        batch(args.n)


if __name__ == "__main__":
    main()
