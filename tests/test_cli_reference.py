"""docs/cli.md is every command's --help, generated; this test fails when it goes stale.

To update it: python tests/test_cli_reference.py
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from toolkit.cli import main

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def reference() -> str:
    runner = CliRunner()
    parts = ["# moukit command reference", "", "Generated from `--help` by tests/test_cli_reference.py; do not edit by hand.", ""]
    parts += ["## moukit", "", "```", runner.invoke(main, ["--help"], terminal_width=100, prog_name="moukit").output.rstrip(), "```", ""]
    for name in sorted(main.commands):
        result = runner.invoke(main, [name, "--help"], terminal_width=100, prog_name="moukit")
        parts += [f"## moukit {name}", "", "```", result.output.rstrip(), "```", ""]
    return "\n".join(parts)


def test_cli_reference_is_current() -> None:
    assert DOC.read_text(encoding="utf-8") == reference(), "docs/cli.md is stale: run python tests/test_cli_reference.py"


if __name__ == "__main__":
    DOC.write_text(reference(), encoding="utf-8")
    print(f"wrote {DOC}")
