"""Chart geometry from the findings' numbers; the SVG itself is drawn by templates/report/charts.svg.j2.

No image files and no plotting library: this module turns scores into coordinates (every number
formatted here, the same on every machine) and the template writes them as inline SVG, with
autoescaping on for every label. Colour never carries meaning alone: each bar has its number
written beside it, and the balance bar names both sides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

FONT = "Noto Sans, DejaVu Sans, sans-serif"
COLOURS = {
    "ink": "#1d2733",
    "muted": "#5b6673",
    "grid": "#c9d0d8",
    "bar": "#2f5d8a",
    "bar_light": "#dfe6ee",
    "protection": "#2f6f4f",
    "control": "#a0522d",
}


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


@dataclass(frozen=True)
class Tick:
    x: str
    label: str


@dataclass(frozen=True)
class Row:
    label: str
    heading: bool
    y: str  # top of the bar
    text_y: str
    width: str | None  # None: not applicable
    score: str | None


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars from 0 to 100, one per row, with the score written at the end of each bar."""

    title: str
    not_applicable: str
    width: str
    height: str
    font: str
    small_font: str
    label_x: str
    plot_x: str
    plot_w: str
    score_x: str
    na_x: str  # where "not applicable" is written in an empty bar
    bar_h: str
    grid_top: str
    grid_bottom: str
    tick_y: str
    ticks: list[Tick]
    thresholds: list[str]  # x of the grade band limits, drawn as dashed lines
    rows: list[Row]
    colours: dict[str, str] = field(default_factory=lambda: dict(COLOURS))
    font_family: str = FONT


def bar_chart(
    bars: Sequence[Bar],
    *,
    title: str,
    not_applicable: str = "n/a",
    thresholds: Sequence[float] = (),
    width: float = 640,
    label_chars: int = 52,
) -> BarChart:
    """The geometry of the chart of scores by principle or theme."""
    row_h = 13.0 if len(bars) <= 18 else 9.4
    font = 8.6 if len(bars) <= 18 else 7.4
    label_w = width * 0.46
    plot_x = label_w + 6
    plot_w = width - plot_x - 34
    top = 16.0
    height = top + row_h * len(bars) + 6
    rows = []
    for i, bar in enumerate(bars):
        y = top + i * row_h
        score = None if bar.score is None else max(0.0, min(100.0, bar.score))
        rows.append(
            Row(
                label=_clip(bar.label, label_chars + 20 if bar.heading else label_chars),
                heading=bar.heading,
                y=_n(y + 2),
                text_y=_n(y + row_h * 0.72),
                width=None if score is None else _n(plot_w * score / 100),
                score=None if bar.score is None else _n(bar.score),
            )
        )
    return BarChart(
        title=title,
        not_applicable=not_applicable,
        width=_n(width),
        height=_n(height),
        font=_n(font),
        small_font=_n(font - 1),
        label_x=_n(label_w),
        plot_x=_n(plot_x),
        plot_w=_n(plot_w),
        score_x=_n(plot_x + plot_w + 4),
        na_x=_n(plot_x + 3),
        bar_h=_n(row_h - 4),
        grid_top=_n(top - 3),
        grid_bottom=_n(height - 4),
        tick_y=_n(top - 6),
        ticks=[Tick(_n(plot_x + plot_w * t / 100), str(t)) for t in (0, 25, 50, 75, 100)],
        thresholds=[_n(plot_x + plot_w * t / 100) for t in thresholds if 0 < t < 100 and t % 25],
        rows=rows,
    )


@dataclass(frozen=True)
class BalanceBar:
    """One bar split into the protection share (left) and the control share (right), both named."""

    title: str
    protection_label: str
    control_label: str
    width: str
    height: str
    bar_y: str
    bar_h: str
    split: str | None  # x where protection ends; None when the text has neither kind of clause
    control_w: str | None
    thresholds: list[Tick]  # x and the percentage written under it
    line_top: str
    line_bottom: str
    label_y: str
    colours: dict[str, str] = field(default_factory=lambda: dict(COLOURS))
    font_family: str = FONT


def balance_bar(
    protection: int,
    control: int,
    *,
    title: str,
    protection_label: str,
    control_label: str,
    thresholds: Sequence[float] = (),
    width: float = 640,
) -> BalanceBar:
    """The geometry of the protection-versus-control bar."""
    total = protection + control
    height, bar_y, bar_h = 36.0, 13.0, 12.0
    split = None if total == 0 else width * protection / total
    return BalanceBar(
        title=title,
        protection_label=protection_label,
        control_label=control_label,
        width=_n(width),
        height=_n(height),
        bar_y=_n(bar_y),
        bar_h=_n(bar_h),
        split=None if split is None else _n(split),
        control_w=None if split is None else _n(width - split),
        thresholds=[Tick(_n(width * t / 100), f"{_n(t)}%") for t in thresholds],
        line_top=_n(bar_y - 3),
        line_bottom=_n(bar_y + bar_h + 3),
        label_y=_n(height - 1),
    )
