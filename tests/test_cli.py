"""The moukit command, through click's CliRunner: output, exit codes and help text."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from toolkit.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
MINI = str(FIXTURES / "checklists" / "mini.yaml")
BROKEN = FIXTURES / "broken_agreements"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def agreement_file(tmp_path: Path) -> Path:
    path = tmp_path / "mou.yaml"
    path.write_text(
        """about: {encoding: illustrative}
identity:
  title: Test MOU <b>bold</b>
  parties: {origin: {country: NP}, destination: {country: MY}}
  kind: mou
  status: draft
protection:
  passport_retention: {status: permitted, article: Art. 9, quote: The employer may keep the passport.}
governance:
  joint_committee: {status: general}
""",
        encoding="utf-8",
    )
    return path


def test_every_command_has_help_text(runner: CliRunner) -> None:
    for name, command in main.commands.items():
        assert command.help and len(command.help) > 30, f"moukit {name} has no help text"
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0
        assert "Exit codes" in result.output, f"moukit {name} --help does not document exit codes"
        for param in command.params:
            if isinstance(param, click.Option) and param.name != "help":
                assert param.help, f"moukit {name} {param.opts[0]} has no help text"


def test_validate_valid_and_invalid(runner: CliRunner, agreement_file: Path) -> None:
    result = runner.invoke(main, ["validate", str(agreement_file)])
    assert result.exit_code == 0
    assert "valid" in result.output
    result = runner.invoke(main, ["validate", str(agreement_file), str(BROKEN / "many_problems.yaml")])
    assert result.exit_code == 2
    assert f"{BROKEN / 'many_problems.yaml'}:18:3: protection.unknown_thing: unknown field" in result.stderr
    assert "1 of 2 file(s) invalid" in result.stderr
    assert "Traceback" not in result.output + result.stderr


@pytest.mark.parametrize("name", ["not_yaml.yaml", "empty.yaml", "duplicate_key.yaml", "bad_json.json"])
def test_score_invalid_file_exits_2_without_traceback(runner: CliRunner, name: str) -> None:
    result = runner.invoke(main, ["score", str(BROKEN / name), "-c", MINI])
    assert result.exit_code == 2
    assert result.stderr.startswith(str(BROKEN / name) + ":")
    assert "Traceback" not in result.stderr


def test_score_text_shows_red_flags_first(runner: CliRunner, agreement_file: Path) -> None:
    result = runner.invoke(main, ["score", str(agreement_file), "-c", MINI])
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.index("RED FLAGS (1)") < out.index("Overall index")
    assert "Employers may keep workers' passports" in out
    assert 'Art. 9: "The employer may keep the passport."' in out
    assert "grade E" in out


def test_score_json_is_the_findings_document(runner: CliRunner, agreement_file: Path) -> None:
    result = runner.invoke(main, ["score", str(agreement_file), "-c", MINI, "--format", "json"])
    assert result.exit_code == 0
    doc = json.loads(result.output)
    assert doc["format"] == "moukit-findings/1.0"
    assert doc["red_flags"][0]["criteria"] == ["MINI-1"]
    again = runner.invoke(main, ["score", str(agreement_file), "-c", MINI, "--format", "json"])
    assert again.output == result.output


def test_score_unknown_checklist_and_missing_profile(runner: CliRunner, agreement_file: Path) -> None:
    result = runner.invoke(main, ["score", str(agreement_file), "-c", "nope"])
    assert result.exit_code == 2
    assert "unknown checklist 'nope'" in result.stderr
    result = runner.invoke(main, ["score", str(agreement_file), "-p", "missing-profile.yaml"])
    assert result.exit_code == 2
    assert "missing-profile.yaml: file not found" in result.stderr


def test_explain(runner: CliRunner) -> None:
    result = runner.invoke(main, ["explain", "mini-1", "-c", MINI])
    assert result.exit_code == 0
    for text in ("MINI-1: Passports stay with the worker", "Art. 21", "RED FLAG when: Protection › passport retention is one of: permitted, permitted_with_consent", "Model clause:", "No employer or agent shall keep"):
        assert text in result.output
    result = runner.invoke(main, ["explain", "NOPE-1", "-c", MINI])
    assert result.exit_code == 2
    assert "no criterion 'NOPE-1'" in result.stderr


def test_explain_marks_unverified_citations(runner: CliRunner, tmp_path: Path) -> None:
    text = Path(MINI).read_text().replace("certainty: verified", "certainty: recalled")
    path = tmp_path / "recalled.yaml"
    path.write_text(text)
    result = runner.invoke(main, ["explain", "MINI-1", "-c", str(path)])
    assert "(citation not verified)" in result.output


def test_new_writes_a_template_that_validate_explains(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "draft.yaml"
    result = runner.invoke(main, ["new", "-o", str(out)])
    assert result.exit_code == 0
    text = out.read_text()
    assert text.startswith("# yaml-language-server: $schema=")
    assert "passport_retention:\n    status: silent  # silent | prohibited | permitted_with_consent | permitted" in text
    # Unfilled, it names exactly what is required.
    result = runner.invoke(main, ["validate", str(out)])
    assert result.exit_code == 2
    for field in ("about.encoding", "identity.title", "identity.parties.origin.country", "identity.kind", "identity.status"):
        assert f": {field}:" in result.stderr
    # Filled in, it is valid and every point is silent.
    filled = (
        text.replace("  encoding:  #", "  encoding: illustrative  #")
        .replace("  title:\n", "  title: Draft MOU\n", 1)
        .replace("      country:\n", "      country: NP\n", 1)
        .replace("      country:\n", "      country: MY\n", 1)
        .replace("  kind:  #", "  kind: mou  #")
        .replace("  status:  # draft", "  status: draft  # draft")
    )
    out.write_text(filled)
    result = runner.invoke(main, ["validate", str(out)])
    assert result.exit_code == 0, result.stderr
    # and it does not overwrite without --force
    result = runner.invoke(main, ["new", "-o", str(out)])
    assert result.exit_code == 2
    assert "exists; use --force" in result.stderr


def test_schema_is_draft_07_and_matches_the_committed_copy(runner: CliRunner) -> None:
    result = runner.invoke(main, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "$defs" not in result.output
    assert schema["definitions"]["DocumentRetention"]["properties"]["status"]["description"]
    committed = (ROOT / "docs" / "agreement.schema.json").read_text(encoding="utf-8")
    assert committed == result.output, "docs/agreement.schema.json is stale: run moukit schema -o docs/agreement.schema.json"


def test_fields_lists_paths_with_values(runner: CliRunner) -> None:
    result = runner.invoke(main, ["fields", "protection.passport"])
    assert result.exit_code == 0
    assert result.output.strip() == "protection.passport_retention  (choice)  [silent | prohibited | permitted_with_consent | permitted]"


def test_version(runner: CliRunner) -> None:
    import toolkit

    result = runner.invoke(main, ["--version"])
    assert toolkit.__version__ in result.output


def test_terminal_output_never_carries_control_characters(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "esc.yaml"
    path.write_text(
        'about: {encoding: illustrative}\n'
        'identity:\n  title: "MOU \\e]0;pwned\\a \\e[31mred"\n'
        '  parties: {origin: {country: NP}, destination: {country: MY}}\n  kind: mou\n  status: draft\n'
        'protection:\n  passport_retention: {status: permitted, quote: "keep \\e[2J it"}\n',
        encoding="utf-8",
    )
    result = runner.invoke(main, ["score", str(path), "-c", MINI])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "MOU \ufffd]0;pwned\ufffd \ufffd[31mred" in result.output


def test_a_directory_named_like_a_checklist_does_not_hide_the_shipped_one(runner: CliRunner, agreement_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ilo-mlf").mkdir()
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["score", str(agreement_file), "-c", "ilo-mlf"])
    assert result.exit_code == 0, result.stderr
