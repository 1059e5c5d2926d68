"""The README's first screen and its library example stay true."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w+)\n(.*?)```", README, re.S)


def test_first_screen_gives_the_two_fresh_machine_commands() -> None:
    shell = [body for lang, body in BLOCKS[:2] if lang == "sh"]
    assert len(shell) == 2, "the first two code blocks are the install-and-run and the install-and-test commands"
    run, test = shell
    for example in re.findall(r"examples/[\w.-]+\.yaml", run):
        assert (ROOT / example).is_file(), example
    assert "moukit report" in run and "moukit score" in run
    test_command = test.strip().splitlines()[-1].split("&&")[-1].strip()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1].strip() == test_command, ".ci/run must end with exactly the README's test command"
    packages = set(re.findall(r"apt-get install -y ([\w .-]+?) &&", test)[0].split())
    assert packages <= set((ROOT / ".ci" / "run").read_text().split()), "CI installs what the README names"


def test_library_example_runs(tmp_path: Path) -> None:
    code = next(body for lang, body in BLOCKS if lang == "python" and "toolkit.assess" in body)
    code = code.replace("path/to/our-checklist.yaml", str(ROOT / "tests" / "fixtures" / "checklists" / "mini.yaml"))
    code = code.replace('"examples/', f'"{ROOT}/examples/')
    namespace = {"yaml_or_json_text": (ROOT / "examples" / "good-practice-agreement.yaml").read_text(encoding="utf-8")}
    exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - our own documentation
    assert namespace["findings"].overall.index is not None
