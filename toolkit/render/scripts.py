"""Scripts of partner countries in untrusted text: language tags, direction and line breaks.

Agreement text (party names, authorities, quoted clauses) may be written in Thai, Khmer,
Myanmar, Lao, Arabic, Devanagari, Bengali and other scripts. Three things go wrong unless the
renderer helps:

* a font is chosen per language (``:lang(ar)`` in the stylesheet), so each run of a non-Latin
  script is wrapped in ``<span lang=.. dir=..>``;
* right-to-left runs need ``dir="rtl"`` and a block whose text starts right-to-left needs
  ``dir="rtl"`` itself (:func:`text_direction`);
* Khmer, Myanmar and Lao are written without spaces between words and the layout engine finds
  no place to break a line, so a long quote runs out of its box. :func:`break_opportunities`
  inserts ZERO WIDTH SPACE (U+200B) at syllable boundaries found by a small heuristic. It only
  ever breaks before a base letter, never before a combining mark, so no cluster is split and
  shaping is unchanged; a break that falls inside a word only costs a less elegant line end.

No markup is made here: :func:`script_runs` cuts plain text into runs, each with the language
and direction it needs, and the ``script`` macro of templates/report/macros.html.j2 writes the
spans, escaping the text like any other value.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable


ZWSP = "\u200b"


@dataclass(frozen=True)
class Script:
    name: str
    lang: str  # default language tag for a run of this script
    rtl: bool = False
    langs: tuple[str, ...] = ()  # languages written in it, to prefer a more precise hint


# (first code point, last code point, script). Latin, Greek, Cyrillic and common punctuation
# are left to the document's own font and language, so they are not listed.
_RANGES: list[tuple[int, int, Script]] = []


def _add(first: int, last: int, script: Script) -> None:
    _RANGES.append((first, last, script))


ARABIC = Script("Arabic", "ar", True, ("ar", "fa", "ur", "ps", "ku", "sd", "ug"))
HEBREW = Script("Hebrew", "he", True, ("he", "yi"))
SYRIAC = Script("Syriac", "syr", True, ("syr",))
THAANA = Script("Thaana", "dv", True, ("dv",))
NKO = Script("Nko", "nqo", True, ("nqo",))
DEVANAGARI = Script("Devanagari", "hi", False, ("hi", "ne", "mr", "sa", "mai", "bho"))
BENGALI = Script("Bengali", "bn", False, ("bn", "as"))
GURMUKHI = Script("Gurmukhi", "pa", False, ("pa",))
GUJARATI = Script("Gujarati", "gu", False, ("gu",))
ORIYA = Script("Oriya", "or", False, ("or",))
TAMIL = Script("Tamil", "ta", False, ("ta",))
TELUGU = Script("Telugu", "te", False, ("te",))
KANNADA = Script("Kannada", "kn", False, ("kn",))
MALAYALAM = Script("Malayalam", "ml", False, ("ml",))
SINHALA = Script("Sinhala", "si", False, ("si",))
THAI = Script("Thai", "th", False, ("th",))
LAO = Script("Lao", "lo", False, ("lo",))
TIBETAN = Script("Tibetan", "bo", False, ("bo", "dz"))
MYANMAR = Script("Myanmar", "my", False, ("my", "shn", "ksw"))
GEORGIAN = Script("Georgian", "ka", False, ("ka",))
HANGUL = Script("Hangul", "ko", False, ("ko",))
ETHIOPIC = Script("Ethiopic", "am", False, ("am", "ti"))
KHMER = Script("Khmer", "km", False, ("km",))
MONGOLIAN = Script("Mongolian", "mn", False, ("mn",))
HAN = Script("Han", "zh", False, ("zh", "ja"))
KANA = Script("Kana", "ja", False, ("ja",))
ARMENIAN = Script("Armenian", "hy", False, ("hy",))

_add(0x0530, 0x058F, ARMENIAN)
_add(0x0590, 0x05FF, HEBREW)
_add(0x0600, 0x06FF, ARABIC)
_add(0x0700, 0x074F, SYRIAC)
_add(0x0750, 0x077F, ARABIC)
_add(0x0780, 0x07BF, THAANA)
_add(0x07C0, 0x07FF, NKO)
_add(0x0870, 0x08FF, ARABIC)
_add(0x0900, 0x097F, DEVANAGARI)
_add(0x0980, 0x09FF, BENGALI)
_add(0x0A00, 0x0A7F, GURMUKHI)
_add(0x0A80, 0x0AFF, GUJARATI)
_add(0x0B00, 0x0B7F, ORIYA)
_add(0x0B80, 0x0BFF, TAMIL)
_add(0x0C00, 0x0C7F, TELUGU)
_add(0x0C80, 0x0CFF, KANNADA)
_add(0x0D00, 0x0D7F, MALAYALAM)
_add(0x0D80, 0x0DFF, SINHALA)
_add(0x0E00, 0x0E7F, THAI)
_add(0x0E80, 0x0EFF, LAO)
_add(0x0F00, 0x0FFF, TIBETAN)
_add(0x1000, 0x109F, MYANMAR)
_add(0x10A0, 0x10FF, GEORGIAN)
_add(0x1100, 0x11FF, HANGUL)
_add(0x1200, 0x139F, ETHIOPIC)
_add(0x1780, 0x17FF, KHMER)
_add(0x1800, 0x18AF, MONGOLIAN)
_add(0x19E0, 0x19FF, KHMER)
_add(0x2E80, 0x2FDF, HAN)
_add(0x3040, 0x30FF, KANA)
_add(0x3130, 0x318F, HANGUL)
_add(0x31F0, 0x31FF, KANA)
_add(0x3400, 0x4DBF, HAN)
_add(0x4E00, 0x9FFF, HAN)
_add(0xA960, 0xA97F, HANGUL)
_add(0xA9E0, 0xA9FF, MYANMAR)
_add(0xAA60, 0xAA7F, MYANMAR)
_add(0xAC00, 0xD7FF, HANGUL)
_add(0xF900, 0xFAFF, HAN)
_add(0xFB1D, 0xFB4F, HEBREW)
_add(0xFB50, 0xFDFF, ARABIC)
_add(0xFE70, 0xFEFF, ARABIC)
_RANGES.sort(key=lambda r: r[0])
_STARTS = [r[0] for r in _RANGES]



def script_of(char: str) -> Script | None:
    """The script of a character, or None for Latin, digits, punctuation and spaces."""
    code = ord(char)
    if code < 0x0530:
        return None
    i = bisect_right(_STARTS, code) - 1
    if i >= 0:
        first, last, script = _RANGES[i]
        if first <= code <= last:
            return script
    return None


def _is_strong_ltr(char: str) -> bool:
    return char.isalpha() and script_of(char) is None


_LATIN = Script("Latin", "")


def runs(text: str) -> list[tuple[Script | None, str]]:
    """Split text into runs of one script; None marks Latin text and neutral characters.

    Spaces, digits and punctuation between two characters of the same script stay inside that
    run, so a quoted Arabic sentence with spaces and digits is one run, not twenty; neutrals
    between two different scripts go to the surrounding (None) text, so a closing full stop
    after Arabic is laid out in the document's direction.
    """
    out: list[tuple[Script | None, str]] = []
    current: Script | None = None  # _LATIN, a Script, or None before the first strong character
    buffer: list[str] = []
    pending: list[str] = []

    def flush(script: Script | None, chars: list[str]) -> None:
        if not chars:
            return
        key = None if script in (None, _LATIN) else script
        if out and out[-1][0] is key:
            out[-1] = (key, out[-1][1] + "".join(chars))
        else:
            out.append((key, "".join(chars)))

    for char in text:
        script = script_of(char)
        if script is None:
            if not _is_strong_ltr(char):
                pending.append(char)
                continue
            script = _LATIN
        if script is current:
            buffer.extend(pending)
        else:
            keep = _trailing_numbers(current, pending)
            flush(current, buffer + pending[:keep])
            flush(None, pending[keep:])
            buffer = []
            current = script
        pending = []
        buffer.append(char)
    keep = _trailing_numbers(current, pending)
    flush(current, buffer + pending[:keep])
    flush(None, pending[keep:])
    return out


def _trailing_numbers(script: Script | None, pending: list[str]) -> int:
    """How many of the neutrals after a right-to-left run belong to it: up to its last digit.

    'للمادة 5' keeps its article number inside the Arabic run, so the number is laid out at the
    end of the Arabic phrase rather than after it in the surrounding direction.
    """
    if script is None or not script.rtl:
        return 0
    last = 0
    for i, char in enumerate(pending):
        if char.isdigit():
            last = i + 1
        elif not (char.isspace() or char in ".,/-()"):
            break
    return last


def language_for(script: Script, hints: Iterable[str] = ()) -> str:
    """The language tag of a run: the first hint written in that script, else the script's default."""
    for hint in hints:
        if hint and hint.lower() in script.langs:
            return hint.lower()
    return script.lang


# --------------------------------------------------------------------------- line breaks

_KHMER_BASE = re.compile(r"[\u1780-\u17B3]")
_KHMER_COENG = "\u17d2"
_KHMER_VOWEL_OR_SIGN = re.compile(r"[\u17B6-\u17C8\u17D2]")  # vowels, nikahit, reahmuk, coeng
_KHMER_SYLLABLE_END = set("\u17cb\u17cc\u17cd\u17ce\u17cf\u17d0\u17d1\u17c6\u17c7\u17c8")
_KHMER_INDEPENDENT_VOWEL = re.compile(r"[\u17A3-\u17B3]")

_MYANMAR_CONSONANT = re.compile(
    r"[\u1000-\u102A\u103F\u104E\u1050-\u1055\u105A-\u105D\u1061\u1065\u1066\u106E-\u1070\u1075-\u1081\u108E]"
)
_MYANMAR_VIRAMA = "\u1039"
_MYANMAR_ASAT = "\u103a"
_MYANMAR_SKIP = set("\u1037\u1036")  # dot below and anusvara may sit between a consonant and asat

_LAO_CONSONANT = re.compile(r"[\u0E81-\u0EAE\u0EDC-\u0EDF]")
_LAO_PREPOSED = set("\u0ec0\u0ec1\u0ec2\u0ec3\u0ec4")
_LAO_VOWEL_OR_TONE = re.compile(r"[\u0EB0-\u0EBC\u0EC8-\u0ECD]")
_LAO_O = "\u0ead"  # LAO LETTER O: also a vowel carrier after a consonant (ຂອງ)
_LAO_HO_SUNG = "\u0eab"  # ຫ: leads clusters such as ຫນ, ຫມ, ຫລ


def _khmer_break_before(text: str, i: int) -> bool:
    char, prev = text[i], text[i - 1]
    if script_of(prev) is not KHMER or prev == _KHMER_COENG:
        return False
    if _KHMER_INDEPENDENT_VOWEL.match(char):
        return True
    if not _KHMER_BASE.match(char):
        return False
    if prev in _KHMER_SYLLABLE_END:
        return True
    nxt = text[i + 1] if i + 1 < len(text) else ""
    # A consonant followed by a vowel sign or a subscript starts a syllable.
    return bool(nxt and _KHMER_VOWEL_OR_SIGN.match(nxt))


def _myanmar_break_before(text: str, i: int) -> bool:
    char, prev = text[i], text[i - 1]
    if script_of(prev) is not MYANMAR or prev == _MYANMAR_VIRAMA:
        return False
    if not _MYANMAR_CONSONANT.match(char):
        return False
    j = i + 1
    while j < len(text) and text[j] in _MYANMAR_SKIP:
        j += 1
    nxt = text[j] if j < len(text) else ""
    # A consonant killed by asat, or stacked over the next one, closes the previous syllable.
    return nxt not in (_MYANMAR_ASAT, _MYANMAR_VIRAMA)


def _lao_break_before(text: str, i: int) -> bool:
    char, prev = text[i], text[i - 1]
    if script_of(prev) is not LAO or prev in _LAO_PREPOSED:
        return False
    if char in _LAO_PREPOSED:
        return True
    if not _LAO_CONSONANT.match(char) or prev == _LAO_HO_SUNG:
        return False
    nxt = text[i + 1] if i + 1 < len(text) else ""
    # A consonant followed by a vowel sign, a tone mark or the vowel carrier O is an initial.
    return bool(nxt) and (bool(_LAO_VOWEL_OR_TONE.match(nxt)) or (nxt == _LAO_O and char != _LAO_O))


_BREAKERS = {KHMER: _khmer_break_before, MYANMAR: _myanmar_break_before, LAO: _lao_break_before}


def break_opportunities(text: str) -> str:
    """Insert U+200B at syllable boundaries inside Khmer, Myanmar and Lao words.

    Text in other scripts is returned unchanged. Existing ZERO WIDTH SPACEs are kept and not
    doubled.
    """
    if not any(script_of(c) in _BREAKERS for c in text):
        return text
    out: list[str] = []
    for i, char in enumerate(text):
        if i and out and out[-1] != ZWSP and char != ZWSP:
            breaker = _BREAKERS.get(script_of(char))  # type: ignore[arg-type]
            if breaker is not None and breaker(text, i):
                out.append(ZWSP)
        out.append(char)
    return "".join(out)


# --------------------------------------------------------------------------- markup


_BEYOND_LATIN = re.compile("[\u0530-\U0010ffff]")


def text_direction(text: str | None) -> str:
    """'rtl' when the first strong character is right-to-left (like dir=auto), else 'ltr'."""
    for char in text or "":
        script = script_of(char)
        if script is not None:
            return "rtl" if script.rtl else "ltr"
        if _is_strong_ltr(char):
            return "ltr"
    return "ltr"


def main_language(text: str | None, hints: Iterable[str] = ()) -> str | None:
    """The language of the first non-Latin run, when the text starts with one; else None."""
    for script, _ in runs(text or ""):
        if script is None:
            return None
        return language_for(script, hints)
    return None


@dataclass(frozen=True)
class Run:
    """A piece of text in one script: ``lang`` is None for Latin text, which needs no span."""

    text: str
    lang: str | None = None
    rtl: bool = False
    css: str = ""  # class naming the script, e.g. script-khmer


def script_runs(text: object, hints: Iterable[str] = ()) -> list[Run]:
    """Cut plain ``text`` into runs of one script, with line-break opportunities inserted.

    ``hints`` are language codes known to occur (the agreement's languages, a party's
    ``name_lang``); a run takes the first hint written in its script. The text is not escaped
    here: the template that writes the runs escapes them.
    """
    if text is None:
        return []
    plain = str(text)
    if not _BEYOND_LATIN.search(plain):
        # Most text of a report is Latin: nothing to tag, nothing to break.
        return [Run(plain)]
    hints = tuple(hints)
    out = []
    for script, chunk in runs(plain):
        chunk = break_opportunities(chunk)
        if script is None:
            out.append(Run(chunk))
        else:
            out.append(Run(chunk, language_for(script, hints), script.rtl, f"script-{script.name.lower()}"))
    return out


def strip_breaks(text: str) -> str:
    """Remove the U+200B this module inserts (for comparing extracted text with the source)."""
    return text.replace(ZWSP, "")
