"""The on-disk cache of parsed checklists and compiled templates: faster, never different, never in the way."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import toolkit
from toolkit import cache
from toolkit.checklist.load import load_checklist

ROOT = Path(__file__).resolve().parent.parent
MLF = ROOT / "checklists" / "ilo-mlf.yaml"


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV, str(directory))
    return directory


def entries(directory: Path) -> list[Path]:
    return sorted((directory / "yaml").glob("*.json"))


def test_a_checklist_read_twice_is_parsed_once_and_comes_back_the_same(cache_dir, monkeypatch):
    first = load_checklist(MLF)
    assert len(entries(cache_dir)) == 1

    import toolkit.yamlio as yamlio

    def no_parsing(*args, **kwargs):
        raise AssertionError("the YAML was parsed again")

    monkeypatch.setattr(yamlio, "load_text", no_parsing)
    second = load_checklist(MLF)
    assert second.model_dump() == first.model_dump()
    assert second.sha256 == first.sha256


def test_an_edited_checklist_is_parsed_again(cache_dir, tmp_path):
    copy = tmp_path / "mine.yaml"
    copy.write_text(MLF.read_text(encoding="utf-8"), encoding="utf-8")
    load_checklist(copy)
    text = copy.read_text(encoding="utf-8").replace("version:", "version: '9.9'\nx_old_version:", 1)
    copy.write_text(text, encoding="utf-8")
    with pytest.raises(toolkit.InvalidChecklist) as caught:  # the edit added an unknown key
        load_checklist(copy)
    assert any(p.field == "x_old_version" and p.line for p in caught.value.problems), caught.value.problems
    assert len(entries(cache_dir)) == 2  # one parse per content


def test_a_broken_checklist_is_never_cached_and_keeps_its_line_numbers(cache_dir, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: x\ngroups: [\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(toolkit.InvalidChecklist) as caught:
            load_checklist(broken)
        assert caught.value.problems[0].line is not None
    assert entries(cache_dir) == []


def test_a_corrupt_entry_is_parsed_again_and_replaced(cache_dir):
    expected = load_checklist(MLF).model_dump()
    (entry,) = entries(cache_dir)
    entry.write_text("{not json", encoding="utf-8")
    assert load_checklist(MLF).model_dump() == expected
    json.loads(entry.read_text(encoding="utf-8"))


def test_data_json_would_change_is_not_cached(cache_dir):
    import datetime as dt

    assert cache.remember_data("yaml", "dates", lambda: {"signed": dt.date(2024, 1, 1)}) == {"signed": dt.date(2024, 1, 1)}
    assert cache.remember_data("yaml", "int-keys", lambda: {1: "a"}) == {1: "a"}
    assert entries(cache_dir) == []


def test_an_empty_setting_turns_the_cache_off(monkeypatch, tmp_path):
    monkeypatch.setenv(cache.ENV, "")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    load_checklist(MLF)
    assert cache.cache_dir("yaml") is None
    assert not any(tmp_path.iterdir())


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write anywhere")
def test_an_unwritable_cache_is_no_error(monkeypatch, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    monkeypatch.setenv(cache.ENV, str(locked / "moukit"))
    assert load_checklist(MLF).id == "ilo-mlf"


def test_a_cache_path_that_is_a_file_is_no_error(monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(cache.ENV, str(blocker))
    assert cache.cache_dir("yaml") is None
    assert load_checklist(MLF).id == "ilo-mlf"


def test_compiled_templates_are_kept_and_give_the_same_report(cache_dir, monkeypatch):
    from toolkit.render import html

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    findings = toolkit.assess(toolkit.load_agreement(ROOT / "examples" / "good-practice-agreement.yaml"))
    html.environment.cache_clear()
    try:
        first = html.render_html(findings)
        assert list((cache_dir / "templates").iterdir()), "no compiled template was kept"
        html.environment.cache_clear()
        assert html.render_html(findings) == first
    finally:
        html.environment.cache_clear()


def test_a_directory_others_can_write_to_is_not_used(monkeypatch, tmp_path):
    shared = tmp_path / "shared"
    (shared / "yaml").mkdir(parents=True)
    (shared / "yaml").chmod(0o777)
    monkeypatch.setenv(cache.ENV, str(shared))
    assert cache.cache_dir("yaml") is None
    assert load_checklist(MLF).id == "ilo-mlf"
    assert list((shared / "yaml").iterdir()) == []


def test_the_cache_directory_is_private(cache_dir):
    load_checklist(MLF)
    assert (cache_dir / "yaml").stat().st_mode & 0o077 == 0
