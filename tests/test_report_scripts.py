"""Scripts of partner countries in untrusted text: runs, language tags, direction, line breaks."""

from __future__ import annotations

import unicodedata

import pytest

from toolkit.render.html import environment
from toolkit.render.scripts import (
    ARABIC,
    KHMER,
    LAO,
    MYANMAR,
    THAI,
    ZWSP,
    break_opportunities,
    main_language,
    runs,
    strip_breaks,
    text_direction,
)

KHMER_TEXT = "ពលករទេសន្តរប្រវេសន៍ត្រូវមានសិទ្ធិរក្សាលិខិតឆ្លងដែនរបស់ខ្លួនដោយផ្ទាល់"
MYANMAR_TEXT = "ရွှေ့ပြောင်းအလုပ်သမားများသည်မိမိတို့၏နိုင်ငံကူးလက်မှတ်ကိုကိုယ်တိုင်ထိန်းသိမ်းထား"
LAO_TEXT = "ແຮງງານເຄື່ອນຍ້າຍມີສິດເກັບຮັກສາໜັງສືຜ່ານແດນຂອງຕົນເອງແລະນາຍຈ້າງບໍ່ມີສິດຍຶດໜັງສືຜ່ານແດນຫຼືເອກະສານ"
THAI_TEXT = "แรงงานข้ามชาติมีสิทธิเก็บรักษาหนังสือเดินทางของตนเอง"
ARABIC_TEXT = "يحق للعامل المهاجر الاحتفاظ بجواز سفره وفقا للمادة 5"


def test_runs_split_by_script_and_keep_neutrals_inside_a_run():
    found = runs(f"Article 5: {ARABIC_TEXT}. Then {THAI_TEXT} end")
    scripts = [s for s, _ in found]
    assert scripts == [None, ARABIC, None, THAI, None]
    # the digit and the spaces between Arabic words stay in the Arabic run
    assert found[1][1] == ARABIC_TEXT
    assert "".join(t for _, t in found) == f"Article 5: {ARABIC_TEXT}. Then {THAI_TEXT} end"


def tag_scripts(value, hints=()):
    """The template's script macro, as the report uses it."""
    template = environment().from_string('{% import "report/macros.html.j2" as m with context %}{{ m.script(value) }}')
    return template.render(value=value, lang_hints=list(hints))


def test_tag_scripts_escapes_first_and_adds_only_its_own_spans():
    html = str(tag_scripts(f'<img src="x"> & {ARABIC_TEXT} <b>{KHMER_TEXT[:8]}</b>', hints=["fa"]))
    assert "<img" not in html and "<b>" not in html
    assert "&lt;img src=&#34;x&#34;&gt; &amp; " in html
    assert '<span lang="fa" dir="rtl" class="script-arabic">' in html  # the hint picks Persian over Arabic
    assert '<span lang="km" class="script-khmer">' in html
    assert html.count("<span") == 2


@pytest.mark.parametrize("value", [None, 42, "plain ASCII text"])
def test_tag_scripts_plain_values(value):
    out = tag_scripts(value)
    assert "<span" not in out
    assert str(out) == ("" if value is None else str(value))


def test_direction_and_main_language():
    assert text_direction(ARABIC_TEXT) == "rtl"
    assert text_direction("  5. " + ARABIC_TEXT) == "rtl"
    assert text_direction("Art. 5 " + ARABIC_TEXT) == "ltr"
    assert text_direction("") == "ltr"
    assert main_language(KHMER_TEXT) == "km"
    assert main_language("Art. 5 " + KHMER_TEXT) is None
    assert main_language("नेपाल", hints=["ne"]) == "ne"


@pytest.mark.parametrize("script,text", [(KHMER, KHMER_TEXT), (MYANMAR, MYANMAR_TEXT), (LAO, LAO_TEXT)])
def test_breaks_are_inserted_between_clusters_never_before_a_mark(script, text):
    broken = break_opportunities(text)
    assert strip_breaks(broken) == text
    pieces = broken.split(ZWSP)
    # enough opportunities to wrap a long quotation: a piece is a syllable or two
    assert len(pieces) >= len(text) // 8
    assert max(len(p) for p in pieces) <= 12
    for piece in pieces:
        assert piece, "no empty piece: never two breaks in a row"
        first = unicodedata.category(piece[0])
        assert not first.startswith("M"), f"a break before the combining mark {piece[0]!r} would split a cluster"
        assert piece[0] not in "\u17d2\u1039\u103a", "never break after a subscript sign (coeng, virama) or before asat"


def test_myanmar_syllables_are_whole():
    broken = break_opportunities("မန္တလေးအင်္ဂလိပ်")
    assert "န" + ZWSP + "္" not in broken and ZWSP + "္" not in broken
    assert broken.split(ZWSP)[0] == "မန္တ"  # the stacked consonant stays with its syllable


def test_other_scripts_are_left_alone():
    for text in (THAI_TEXT, ARABIC_TEXT, "नेपाल सरकार", "Plain English text"):
        assert break_opportunities(text) == text
