"""`moukit report` through click's CliRunner: formats, outputs, exit codes, atomic writes.

Most cases write HTML, Markdown or JSON (fast); the PDF path is covered by test_report_pdf.py
and by one small PDF here.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "report"
CHECKLIST = str(FIXTURES / "checklist.yaml")


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    for name in ("hostile.yaml", "multiscript-small.yaml"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(main, ["report", *args], catch_exceptions=False)


def test_format_follows_the_suffix(inputs):
    for suffix, start in ((".html", "<!DOCTYPE html>"), (".md", "# Assessment of"), (".json", "{")):
        out = inputs / f"r{suffix}"
        result = run(str(inputs / "hostile.yaml"), "-c", CHECKLIST, "-o", str(out))
        assert result.exit_code == 0, result.output
        assert out.read_text(encoding="utf-8").startswith(start)
        assert str(out) in result.output


def test_small_pdf(inputs):
    out = inputs / "r.pdf"
    result = run(str(inputs / "multiscript-small.yaml"), "-c", CHECKLIST, "-o", str(out), "--assessor", "A. Assessor")
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF-")
    assert "pages)" in result.output


def test_default_output_is_next_to_the_input(inputs):
    result = run(str(inputs / "hostile.yaml"), "-c", CHECKLIST, "--format", "html")
    assert result.exit_code == 0, result.output
    assert (inputs / "hostile-report.html").is_file()


def test_several_inputs_give_one_report_each_in_a_directory(inputs):
    out = inputs / "reports"
    result = run(
        str(inputs / "hostile.yaml"),
        str(inputs / "multiscript-small.yaml"),
        "-c",
        CHECKLIST,
        "-o",
        str(out),
        "-f",
        "md",
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["hostile-report.md", "multiscript-small-report.md"]


def test_several_inputs_need_a_directory(inputs):
    result = run(
        str(inputs / "hostile.yaml"),
        str(inputs / "multiscript-small.yaml"),
        "-c",
        CHECKLIST,
        "-o",
        str(inputs / "x.pdf"),
    )
    assert result.exit_code == 2
    assert "-o must name a directory" in result.output
    assert "Traceback" not in result.output


def test_one_bad_input_does_not_stop_the_others(inputs):
    bad = inputs / "bad.yaml"
    bad.write_text("identity: {title: 3}\n", encoding="utf-8")
    out = inputs / "reports"
    result = run(str(bad), str(inputs / "hostile.yaml"), "-c", CHECKLIST, "-o", str(out), "-f", "json")
    assert result.exit_code == 2
    assert (out / "hostile-report.json").is_file()
    assert not (out / "bad-report.json").exists()
    assert "bad.yaml" in result.output and "1 of 2 report(s) not written" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args,message",
    [
        (["-o", "r.docx"], "cannot tell the report format"),
        (["-o", "r.pdf", "-f", "html"], "does not match"),
        (["--language", "xx"], "no report messages for language"),
        (["-c", "no-such-checklist"], "unknown checklist"),
    ],
)
def test_usage_errors_exit_2_without_traceback(inputs, args, message, monkeypatch):
    monkeypatch.chdir(inputs)
    args = [a if a not in ("r.docx", "r.pdf") else str(inputs / a) for a in args]
    if "-c" not in args:
        args += ["-c", CHECKLIST]
    result = run(str(inputs / "hostile.yaml"), *args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_invalid_agreement_exits_2_with_located_message(inputs):
    bad = inputs / "bad.yaml"
    bad.write_text("about: {encoding: illustrative}\nidentity:\n  title: x\n  kind: treaty\n", encoding="utf-8")
    result = run(str(bad), "-o", str(inputs / "bad.html"))
    assert result.exit_code == 2
    assert "bad.yaml:" in result.output
    assert not (inputs / "bad.html").exists()


def test_refuses_to_overwrite_an_input(inputs):
    findings = inputs / "findings.json"
    result = run(str(inputs / "hostile.yaml"), "-c", CHECKLIST, "-o", str(findings))
    assert result.exit_code == 0
    before = findings.read_bytes()
    # a findings document rendered to JSON again, onto itself
    result = run(str(findings), "-o", str(findings))
    assert result.exit_code == 2
    assert "refusing to write the report over the input file" in result.output
    assert findings.read_bytes() == before
    # a checklist is an input too (JSON is YAML, so a checklist may be a .json file)
    from ruamel.yaml import YAML

    checklist_json = inputs / "checklist.json"
    checklist_json.write_text(
        json.dumps(YAML(typ="safe").load(Path(CHECKLIST).read_text(encoding="utf-8"))), encoding="utf-8"
    )
    before = checklist_json.read_bytes()
    result = run(str(inputs / "hostile.yaml"), "-c", str(checklist_json), "-o", str(checklist_json))
    assert result.exit_code == 2 and "refusing" in result.output
    assert checklist_json.read_bytes() == before


def test_a_findings_document_renders_without_assessing_again(inputs):
    findings = inputs / "findings.json"
    assert run(str(inputs / "hostile.yaml"), "-c", CHECKLIST, "-o", str(findings)).exit_code == 0
    out = inputs / "again.html"
    result = run(str(findings), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Report test checklist" in out.read_text(encoding="utf-8")  # the checklist recorded in the findings
    data = json.loads(findings.read_text(encoding="utf-8"))
    data["format"] = "moukit-findings/9.9"
    findings.write_text(json.dumps(data), encoding="utf-8")
    result = run(str(findings), "-o", str(out))
    assert result.exit_code == 2 and "is not supported" in result.output


def test_a_failed_write_leaves_no_partial_file(inputs, monkeypatch):
    from toolkit import atomic

    out = inputs / "r.html"
    out.write_text("the previous report", encoding="utf-8")

    def broken_replace(src, dst):  # the disk fills up at the last moment
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    result = run(str(inputs / "hostile.yaml"), "-c", CHECKLIST, "-o", str(out))
    assert result.exit_code == 2
    assert f"cannot write {out}: No space left on device" in result.output
    assert out.read_text(encoding="utf-8") == "the previous report"
    assert [p.name for p in inputs.iterdir() if p.name.endswith(".part")] == []


def test_a_failed_render_writes_nothing(inputs, monkeypatch):
    from toolkit.render.report import ReportRenderer

    def broken(self, findings, fmt, timing=None):
        raise RuntimeError("layout failed")

    monkeypatch.setattr(ReportRenderer, "render", broken)
    with pytest.raises(RuntimeError):
        run(str(inputs / "hostile.yaml"), "-c", CHECKLIST, "-o", str(inputs / "r.pdf"))
    assert not (inputs / "r.pdf").exists()
    assert not any(p.name.endswith(".part") for p in inputs.iterdir())


def test_report_help_lists_exit_codes():
    result = CliRunner().invoke(main, ["report", "--help"])
    assert result.exit_code == 0
    assert "Exit codes" in result.output and "SOURCE_DATE_EPOCH" in result.output


def test_weasyprint_is_imported_only_for_a_pdf(inputs):
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from toolkit.cli import main\n"
        "r = CliRunner().invoke(main, ['--help']); assert r.exit_code == 0\n"
        f"r = CliRunner().invoke(main, ['report', {str(inputs / 'hostile.yaml')!r}, '-c', {CHECKLIST!r}, '-o', {str(inputs / 'x.html')!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "assert 'weasyprint' not in sys.modules, 'WeasyPrint imported without a PDF'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_unwritable_outputs_are_clean_errors(inputs):
    # a path through a file, and a name longer than the file system allows
    through_a_file = run(str(inputs / "hostile.yaml"), "-c", CHECKLIST, "-o", str(inputs / "hostile.yaml" / "r.pdf"))
    too_long = run(str(inputs / "hostile.yaml"), "-c", CHECKLIST, "-o", str(inputs / ("a" * 300 + ".pdf")))
    for result in (through_a_file, too_long):
        assert result.exit_code == 2
        assert result.output.startswith("error: ")
        assert "Traceback" not in result.output


def test_trailing_slash_names_a_new_directory(inputs):
    result = run(str(inputs / "hostile.yaml"), "-c", CHECKLIST, "-o", str(inputs / "reports.v2") + "/", "--format", "md")
    assert result.exit_code == 0, result.output
    assert (inputs / "reports.v2" / "hostile-report.md").is_file()


def test_language_must_be_a_language_code(inputs):
    result = run(str(inputs / "hostile.yaml"), "-c", CHECKLIST, "-o", str(inputs / "r.html"), "--language", "../../checklists/sources")
    assert result.exit_code == 2
    assert "is not a language code" in result.output
    assert not (inputs / "r.html").exists()


def test_findings_json_with_dangling_references_is_refused_cleanly(inputs):
    import json

    out = inputs / "f.json"
    assert run(str(inputs / "hostile.yaml"), "-c", CHECKLIST, "-o", str(out)).exit_code == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    doc["groups"] = doc["groups"][1:]  # a finding's group is no longer listed
    out.write_text(json.dumps(doc), encoding="utf-8")
    result = run(str(out), "-o", str(inputs / "again.html"))
    assert result.exit_code == 2
    assert "which is not in groups" in result.output
    assert "Traceback" not in result.output
    assert not (inputs / "again.html").exists()
