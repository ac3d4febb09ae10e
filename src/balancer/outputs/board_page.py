"""The board page: one self-contained HTML file for the weekly board.

:func:`board_html` turns :class:`~balancer.outputs.board_figures.
BoardFigures` into the page: every word from the catalogue in the page's
language, every figure written the language's way, and the charts as
inline SVG. Nothing on the page is fetched: no script, font, style sheet
or picture comes from elsewhere, so it opens on the meeting room's screen
without a network and prints on one landscape page.

The charts are plain bars, drawn by the template (``templates/board.html``)
from geometry computed here: a few ``<rect>`` and ``<text>`` elements
per person, which keeps the page small (a charting library would add its
own script and styles for the same bars) and lets Jinja2 escape every
name from the workbook.
"""

from __future__ import annotations

import math
from functools import cache
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from balancer.files.saving import save_text
from balancer.language import Words, month_name

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from pathlib import Path

    from balancer.language import Language
    from balancer.outputs.board_figures import (
        BoardFigures,
        DutyCell,
        DutyRow,
        FlowFigures,
        PersonFigures,
        Spread,
    )

__all__ = ["MAX_PEOPLE", "board_html", "write_board_page"]

#: People shown in the load chart; a bigger team shows the most loaded
#: (fewer when a crowded duty table leaves less room: see _layout).
MAX_PEOPLE = 36

#: Height of the page's content, in CSS pixels: one 1920 x 1080 screen,
#: which prints (at the page's print zoom) on one landscape A4 page.
_SCREEN = 1080
#: Room above and below the two left-hand sections: the head, the
#: section titles, the notes under them.
_FRAME = 250
#: Duty cells: names per line at the normal and the dense size, and the
#: height of a line; a cell with more names than fit normally makes the
#: table dense.
_PER_LINE = (6, 9)
_LINE = (20, 21)

#: Chart geometry, in SVG pixels.
_ROW = 19
_NAME = 180
_DUTY = 110
_BARS = 300
_DESK = _BARS + 205
_FAIR = 300
_GAP = 16
_HEAD = 34
#: Shown where a figure is not known (no backlog plan to forecast from).
_NONE = "\u2013"


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("balancer.outputs", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def board_html(
    figures: BoardFigures,
    lang: Language = "en",
    sources: Sequence[str] = (),
) -> str:
    """The board page for ``figures`` in ``lang``, as HTML text."""
    words = Words(lang)
    template = _environment().get_template("board.html")
    return template.render(
        page=_page(figures, words, sources), lang=lang, w=words
    )


def write_board_page(
    figures: BoardFigures,
    path: str | Path,
    lang: Language = "en",
    sources: Sequence[str] = (),
    inputs: Iterable[Path] = (),
) -> Path:
    """Write the board page atomically; never over one of ``inputs``."""
    return save_text(board_html(figures, lang, sources), path, inputs)


# --------------------------------------------------------------------------
# The page's view: words and geometry
# --------------------------------------------------------------------------


def _page(
    figures: BoardFigures, words: Words, sources: Sequence[str]
) -> dict[str, Any]:
    year, week, _ = figures.monday.isocalendar()
    shown = figures.days
    dense, rows = _layout(figures)
    return {
        "title": words("board.title", week=week, year=year),
        "span": words(
            "board.span",
            first=words.day(shown[0]),
            last=words.day(shown[-1]),
            today=words.day(figures.today),
        ),
        "facts": words(
            "board.facts",
            people=figures.team_size,
            cases=figures.open_cases,
            shelf=figures.shelf_length,
        ),
        "made": words("board.made", sources=", ".join(sources))
        if sources
        else "",
        "people_count": figures.team_size,
        "open_cases": figures.open_cases,
        "shelf_length": figures.shelf_length,
        "today": figures.today.isoformat(),
        "duty": {**_duty(figures, words), "dense": dense},
        "chart": _chart(figures, words, rows),
        "shelf": _shelf(figures, words),
        "flow": _flow(figures, words),
        "talk": _talk(figures, words),
    }


def _duty(figures: BoardFigures, words: Words) -> dict[str, Any]:
    days = [
        {"label": words.day(day), "today": day == figures.today}
        for day in figures.days
    ]
    rows = []
    outside = False
    for row in figures.duty:
        cells = []
        for day in figures.days:
            cell = row.cells[(day - figures.monday).days]
            outside = outside or (cell.runs and not cell.planned)
            cells.append(_duty_cell(cell, day == figures.today, words))
        rows.append(
            {
                "slot": f"{row.start}-{row.end}",
                "duty": row.duty_title,
                "cells": cells,
            }
        )
    notes = [words("board.duty.legend")]
    if outside:
        notes.append(
            words(
                "board.duty.outside",
                month=month_name(figures.month, words.lang),
            )
        )
    return {"days": days, "rows": rows, "notes": notes}


def _duty_cell(cell: DutyCell, today: bool, words: Words) -> dict[str, Any]:
    if not cell.runs:
        return {"kind": "closed", "today": today, "people": [], "text": ""}
    if not cell.planned:
        return {
            "kind": "unplanned",
            "today": today,
            "people": [],
            "text": words("board.duty.no_rota"),
        }
    kind = "low" if cell.below_min else "short" if cell.short else "ok"
    people = [{"id": s, "away": s in cell.away} for s in cell.staff]
    text = words("board.duty.short", count=cell.short) if cell.short else ""
    if not people:
        text = words("board.duty.nobody") + (f" ({text})" if text else "")
    return {"kind": kind, "today": today, "people": people, "text": text}


def _layout(figures: BoardFigures) -> tuple[bool, int]:
    """Dense duty table or not, and how many people the chart shows.

    The page must fit one screen (and so one printed page): the duty
    table's height is estimated from the most crowded cell of each slot,
    and the chart gets the rest, at most :data:`MAX_PEOPLE` rows.
    """
    crowds = [max(len(c.staff) for c in row.cells) for row in figures.duty]
    dense = any(n > 2 * _PER_LINE[0] for n in crowds)
    per_line, line = _PER_LINE[dense], _LINE[dense]
    table = 30 + sum(max(2, -(-n // per_line)) * line + 8 for n in crowds)
    room = _SCREEN - _FRAME - table
    return dense, max(8, min(MAX_PEOPLE, room // _ROW))


def _chart(
    figures: BoardFigures, words: Words, limit: int = MAX_PEOPLE
) -> dict[str, Any]:
    """Rows of bars: duty, cases on the desk, fairness to date."""
    people = list(figures.people)
    note = ""
    if len(people) > limit:
        people.sort(key=_by_load)
        people = people[:limit]
        note = words(
            "board.people.some", shown=limit, count=len(figures.people)
        )
    else:
        people.sort(key=lambda p: p.name.casefold())
    duty_max = max([p.duty_hours for p in people] + [1.0])
    casework_max = max([p.casework_hours for p in people] + [1.0])
    desk_max = min(
        max([p.desk_hours for p in people] + [casework_max]),
        3 * casework_max,
    )
    fair_max = max([abs(p.deviation) for p in people if p.takes_duty] + [2.0])
    x_duty = _NAME
    x_desk = x_duty + _DUTY + _GAP
    x_fair = x_desk + _DESK + _GAP
    width = x_fair + _FAIR
    bars = [
        _person_row(
            person,
            _HEAD + i * _ROW,
            words,
            (x_duty, _DUTY - 40, duty_max),
            (x_desk, _BARS, desk_max),
            (x_fair, _FAIR, fair_max),
        )
        for i, person in enumerate(people)
    ]
    return {
        "width": width,
        "height": _HEAD + len(people) * _ROW + 4,
        "row": _ROW,
        "x_duty": x_duty,
        "x_desk": x_desk,
        "x_fair": x_fair,
        "x_desk_text": x_desk + _BARS + 112,
        "x_load_text": x_desk + _BARS + 120,
        "fair_mid": x_fair + _FAIR / 2,
        "rows": bars,
        "note": note,
        "legend": words(
            "board.people.legend",
            part=words.number(100 * figures.month_share_done, 0),
        ),
    }


def _by_load(person: PersonFigures) -> tuple[float, float, str]:
    load = person.load
    ranked = -1.0 if load is None else load
    return (-ranked if math.isfinite(ranked) else -1e9, -person.desk_hours,
            person.name)  # fmt: skip


def _person_row(
    person: PersonFigures,
    y: float,
    words: Words,
    duty: tuple[float, float, float],
    desk: tuple[float, float, float],
    fair: tuple[float, float, float],
) -> dict[str, Any]:
    _, duty_width, duty_max = duty
    x_desk, desk_width, desk_max = desk
    x_fair, fair_width, fair_max = fair
    scale = desk_width / desk_max

    def clip(hours: float) -> float:
        return min(hours, desk_max) * scale

    half = fair_width / 2
    deviation = person.deviation
    fair_length = min(abs(deviation), fair_max) / fair_max * (half - 56)
    load = person.load
    if load is None:
        load_text = ""
    elif math.isinf(load):
        load_text = words("board.people.away")
    else:
        load_text = f"{words.number(100 * load, 0)} %"
    return {
        "y": y,
        "name": person.name,
        "id": person.staff_id,
        "duty_w": person.duty_hours / duty_max * duty_width,
        "duty_text": words.hours(person.duty_hours),
        "started_w": clip(person.started_hours),
        "queued_x": x_desk + clip(person.started_hours),
        "queued_w": clip(person.desk_hours) - clip(person.started_hours),
        "cut": person.desk_hours > desk_max,
        "capacity_x": x_desk + clip(person.casework_hours),
        "desk_text": (
            f"{words.hours(person.desk_hours)} / "
            f"{words.hours(person.casework_hours)}"
        ),
        "load_text": load_text,
        "over": load is not None and load > 1.0,
        "fair": person.takes_duty,
        "fair_x": x_fair + half - (fair_length if deviation < 0 else 0),
        "fair_w": fair_length,
        "fair_more": deviation >= 0,
        "fair_text": words.hours(deviation, signed=True),
        "fair_text_x": (
            x_fair + half + fair_length + 4
            if deviation >= 0
            else x_fair + half - fair_length - 4
        ),
    }


def _shelf(figures: BoardFigures, words: Words) -> dict[str, Any]:
    queues = [
        {
            "skill": queue.skill or "",
            "name": queue.skill or words("board.shelf.any"),
            "length": queue.length,
            "hours": words.number(queue.hours, 1),
            "oldest": "" if queue.oldest_days is None else queue.oldest_days,
            "oldest_case": queue.oldest_case or "",
            "late": _NONE
            if queue.forecast_late is None
            else queue.forecast_late,
            "overdue": queue.overdue,
        }
        for queue in figures.shelf
    ]
    total = None
    if len(queues) > 1:
        late = [q.forecast_late for q in figures.shelf]
        total = {
            "name": words("board.shelf.total"),
            "length": figures.shelf_length,
            "hours": words.number(sum(q.hours for q in figures.shelf), 1),
            "oldest": max(q.oldest_days or 0 for q in figures.shelf),
            "late": _NONE
            if any(n is None for n in late)
            else sum(n or 0 for n in late),
            "overdue": sum(q.overdue for q in figures.shelf),
        }
    notes = []
    if not queues:
        notes.append(words("board.shelf.empty"))
    elif not figures.has_backlog:
        notes.append(words("board.shelf.no_forecast"))
    return {"queues": queues, "total": total, "notes": notes}


def _spread_text(spread: Spread | None, words: Words) -> str:
    if spread is None:
        return words("board.flow.needs_previous")
    if spread.count == 0 or spread.median is None:
        return words("board.flow.unknown")
    return words(
        "board.flow.spread",
        median=words.number(spread.median, 1),
        p90=words.number(spread.p90 or 0, 1),
        max=words.number(spread.maximum or 0, 1),
    )


def _change(
    now: float | None, before: float | None, lower_is_better: bool | None,
    words: Words,
) -> dict[str, Any] | None:  # fmt: skip
    if now is None or before is None:
        return None
    delta = now - before
    text = words.number(delta, 1)
    if delta > 0:
        text = "+" + text
    mood = "same"
    if abs(delta) > 1e-9 and lower_is_better is not None:
        better = (delta < 0) == lower_is_better
        mood = "good" if better else "bad"
    arrow = "▲" if delta > 1e-9 else "▼" if delta < -1e-9 else "="
    return {
        "text": words("board.flow.change", change=f"{arrow} {text}"),
        "mood": mood,
    }


def _flow(figures: BoardFigures, words: Words) -> dict[str, Any]:
    flow = figures.flow
    before: FlowFigures | None = (
        None if figures.change is None else figures.change.before
    )
    tiles = [
        {
            "key": "to_started",
            "label": words("board.flow.to_started"),
            "value": _spread_text(flow.to_started, words),
            "detail": words("board.flow.cases", count=flow.to_started.count),
            "change": _change(
                flow.to_started.median,
                None if before is None else before.to_started.median,
                True,
                words,
            ),
        },
        {
            "key": "to_done",
            "label": words("board.flow.to_done"),
            "value": _spread_text(flow.to_done, words),
            "detail": ""
            if flow.to_done is None
            else words("board.flow.cases", count=flow.to_done.count),
            "change": None,
        },
        {
            "key": "wip",
            "label": words("board.flow.wip"),
            "value": words(
                "board.flow.wip_value",
                count=flow.wip,
                hours=words.hours(flow.wip_hours),
            ),
            "detail": "",
            "change": _change(
                flow.wip, None if before is None else before.wip, None, words
            ),
        },
        {
            "key": "throughput",
            "label": words("board.flow.throughput"),
            "value": words("board.flow.needs_previous")
            if flow.throughput is None
            else words("board.flow.closed", count=round(flow.throughput)),
            "detail": "",
            "change": None,
        },
    ]
    notes = []
    if figures.change is not None:
        change = figures.change
        notes.append(
            words(
                "board.flow.since",
                arrived=change.arrived,
                started=change.started,
                closed=change.closed,
            )
        )
        notes.append(words("board.flow.done_note"))
    notes.append(
        words(
            "board.flow.last_7d",
            arrived=flow.arrived_7d,
            started=flow.started_7d,
        )
    )
    if flow.started_undated:
        notes.append(words("board.flow.undated", count=flow.started_undated))
    return {"tiles": tiles, "notes": notes}


def _talk(figures: BoardFigures, words: Words) -> list[str]:
    talk = figures.talk
    points = []
    over = talk.over
    if over is None:
        points.append(words("board.talk.nobody_over"))
    elif over.load is not None and math.isinf(over.load):
        points.append(
            words(
                "board.talk.over_away",
                name=over.name,
                desk=words.hours(over.desk_hours),
            )
        )
    else:
        points.append(
            words(
                "board.talk.over",
                name=over.name,
                desk=words.hours(over.desk_hours),
                casework=words.hours(over.casework_hours),
                percent=words.number(100 * (over.load or 0), 0),
            )
        )
    oldest = talk.oldest
    if oldest is None:
        points.append(words("board.talk.empty_shelf"))
    else:
        text = words(
            "board.talk.oldest",
            case=oldest.id,
            queue=oldest.skill or words("board.shelf.any"),
            days=talk.oldest_days,
        )
        if oldest.deadline is not None and oldest.deadline < figures.today:
            text += words(
                "board.talk.oldest_deadline",
                deadline=words.day(oldest.deadline),
            )
            # Danish dates end in a full stop already ("4. mar.").
            text += "" if text.endswith(".") else "."
        points.append(text)
    points.append(_short_text(talk.short, words))
    return points


def _short_text(row: DutyRow | None, words: Words) -> str:
    if row is None:
        return words("board.talk.never_short")
    days = [
        f"{words.day(cell.day)} ({cell.present}/{cell.target})"
        for cell in row.cells
        if cell.short > 0
    ]
    return words(
        "board.talk.short",
        slot=f"{row.start}-{row.end}",
        duty=row.duty_title,
        count=len(days),
        days=", ".join(days),
    )
