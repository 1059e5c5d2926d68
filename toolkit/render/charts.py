"""Charts as inline SVG, drawn from the findings' numbers: no image files, no plotting library.

The output of these builders is the only markup the templates mark safe: every piece of text
that goes into it (group titles, labels) is escaped here, and every number is formatted here.
Colour never carries meaning alone: each bar has its number written beside it, and the balance
bar names both sides.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from markupsafe import Markup, escape

FONT = "Noto Sans, DejaVu Sans, sans-serif"
INK = "#1d2733"
MUTED = "#5b6673"
GRID = "#c9d0d8"
BAR = "#2f5d8a"
BAR_LIGHT = "#dfe6ee"
PROTECTION = "#2f6f4f"
CONTROL = "#a0522d"


def _n(value: float) -> str:
    """A coordinate with at most one decimal, the same on every machine."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Bar:
    label: str
    score: float | None  # 0-100, None when nothing applies
    heading: bool = False  # a row naming the checklist the following bars belong to


def bar_chart(
    rows: Sequence[Bar],
    *,
    title: str,
    not_applicable: str = "n/a",
    thresholds: Sequence[float] = (),
    width: float = 640,
    label_chars: int = 52,
) -> Markup:
    """Horizontal bars from 0 to 100, one per row, with the score written at the end of each bar.

    ``thresholds`` (the grade band limits) are drawn as light dashed lines so a reader can see
    which band a theme falls in.
    """
    row_h = 13.0 if len(rows) <= 18 else 9.4
    font = 8.6 if len(rows) <= 18 else 7.4
    label_w = width * 0.46
    plot_x = label_w + 6
    plot_w = width - plot_x - 34
    top = 16.0
    height = top + row_h * len(rows) + 6
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'width="{_n(width)}" height="{_n(height)}" viewBox="0 0 {_n(width)} {_n(height)}" '
        f'font-family="{FONT}" font-size="{_n(font)}">',
        f"<title>{escape(title)}</title>",
    ]
    # axis labels and grid
    for tick in (0, 25, 50, 75, 100):
        x = plot_x + plot_w * tick / 100
        out.append(
            f'<line x1="{_n(x)}" y1="{_n(top - 3)}" x2="{_n(x)}" y2="{_n(height - 4)}" stroke="{GRID}" stroke-width="0.6"/>'
        )
        out.append(
            f'<text x="{_n(x)}" y="{_n(top - 6)}" text-anchor="middle" fill="{MUTED}" font-size="{_n(font - 1)}">{tick}</text>'
        )
    for limit in thresholds:
        if 0 < limit < 100 and limit % 25:
            x = plot_x + plot_w * limit / 100
            out.append(
                f'<line x1="{_n(x)}" y1="{_n(top - 3)}" x2="{_n(x)}" y2="{_n(height - 4)}" '
                f'stroke="{GRID}" stroke-width="0.6" stroke-dasharray="2 2"/>'
            )
    for i, row in enumerate(rows):
        y = top + i * row_h
        text_y = y + row_h * 0.72
        if row.heading:
            out.append(
                f'<text x="0" y="{_n(text_y)}" font-weight="bold" fill="{INK}">{escape(_clip(row.label, label_chars + 20))}</text>'
            )
            continue
        out.append(
            f'<text x="{_n(label_w)}" y="{_n(text_y)}" text-anchor="end" fill="{INK}">{escape(_clip(row.label, label_chars))}</text>'
        )
        out.append(
            f'<rect x="{_n(plot_x)}" y="{_n(y + 2)}" width="{_n(plot_w)}" height="{_n(row_h - 4)}" fill="{BAR_LIGHT}"/>'
        )
        if row.score is None:
            out.append(
                f'<text x="{_n(plot_x + 3)}" y="{_n(text_y)}" fill="{MUTED}" font-style="italic">{escape(not_applicable)}</text>'
            )
            continue
        w = plot_w * max(0.0, min(100.0, row.score)) / 100
        out.append(f'<rect x="{_n(plot_x)}" y="{_n(y + 2)}" width="{_n(w)}" height="{_n(row_h - 4)}" fill="{BAR}"/>')
        out.append(f'<text x="{_n(plot_x + plot_w + 4)}" y="{_n(text_y)}" fill="{INK}">{_n(row.score)}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def balance_bar(
    protection: int,
    control: int,
    *,
    title: str,
    protection_label: str,
    control_label: str,
    thresholds: Sequence[float] = (),
    width: float = 640,
) -> Markup:
    """One bar split into the protection share (left) and the control share (right), both named."""
    total = protection + control
    height = 36.0
    bar_y, bar_h = 13.0, 12.0
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart balance" role="img" '
        f'width="{_n(width)}" height="{_n(height)}" viewBox="0 0 {_n(width)} {_n(height)}" '
        f'font-family="{FONT}" font-size="8.6">',
        f"<title>{escape(title)}</title>",
    ]
    if total == 0:
        out.append(f'<rect x="0" y="{_n(bar_y)}" width="{_n(width)}" height="{_n(bar_h)}" fill="{BAR_LIGHT}"/>')
    else:
        share = protection / total
        left = width * share
        out.append(f'<rect x="0" y="{_n(bar_y)}" width="{_n(left)}" height="{_n(bar_h)}" fill="{PROTECTION}"/>')
        out.append(
            f'<rect x="{_n(left)}" y="{_n(bar_y)}" width="{_n(width - left)}" height="{_n(bar_h)}" '
            f'fill="{CONTROL}" fill-opacity="0.85"/>'
        )
        for limit in thresholds:
            x = width * limit / 100
            out.append(
                f'<line x1="{_n(x)}" y1="{_n(bar_y - 3)}" x2="{_n(x)}" y2="{_n(bar_y + bar_h + 3)}" '
                f'stroke="{INK}" stroke-width="0.8" stroke-dasharray="2 1.5"/>'
            )
    out.append(f'<text x="0" y="9" fill="{INK}">{escape(protection_label)}</text>')
    out.append(f'<text x="{_n(width)}" y="9" text-anchor="end" fill="{INK}">{escape(control_label)}</text>')
    for limit in thresholds:
        x = width * limit / 100
        out.append(
            f'<text x="{_n(x)}" y="{_n(height - 1)}" text-anchor="middle" fill="{MUTED}" font-size="7.5">{_n(limit)}%</text>'
        )
    out.append("</svg>")
    return Markup("".join(out))
