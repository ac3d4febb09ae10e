"""Sheet and column names of the team workbook, in one place.

Each sheet and column has an English name (written to templates and
outputs) and the aliases a reader accepts, Danish among them. Matching
ignores case, spaces, dots, underscores and hyphens, so `Weekly hours`,
`weekly_hours` and `WEEKLY-HOURS` are the same header.

``docs/input-format.md`` documents every sheet and column with an example;
keep the two in step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from balancer.files.cells import parse_bool, parse_int, parse_number

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "ABSENCES",
    "BOARD",
    "BOARD_MAX_ROWS",
    "CARRIED_IN",
    "CASES",
    "CASE_PLAN",
    "DUTIES",
    "HISTORY",
    "INSTRUCTIONS",
    "PREFERENCES",
    "PUBLISHED",
    "RULES",
    "SETTINGS",
    "SHEETS",
    "STAFF",
    "Column",
    "Setting",
    "Sheet",
    "find_setting",
    "normalise_header",
]


def normalise_header(text: str) -> str:
    """Fold a header for matching: lower case, no spaces or punctuation."""
    return re.sub(r"[\s._\-/()]+", "", str(text).strip().casefold())


@dataclass(frozen=True)
class Column:
    """A column: its English header, accepted aliases and an example.

    A *simple* column has a ``parse`` function: its cell fills the
    record's field named by ``key`` as it stands, so the readers and
    writers handle it without code of their own. A new limit on the Staff
    sheet is then one line here.
    """

    key: str
    header: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    example: str = ""
    help: str = ""
    parse: Callable[[Any], Any] | None = field(default=None, compare=False)

    def matches(self, text: str) -> bool:
        """True when a header cell names this column."""
        wanted = normalise_header(text)
        return any(
            normalise_header(name) == wanted
            for name in (self.header, self.key, *self.aliases)
        )


@dataclass(frozen=True)
class Sheet:
    """A sheet: its English name, aliases, and columns in template order."""

    key: str
    name: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    columns: tuple[Column, ...] = field(default_factory=tuple)
    #: Most records the sheet may hold; None = the general cap
    #: (:data:`balancer.files.tables.MAX_ROWS`).
    max_rows: int | None = None
    #: The fix when the sheet holds more; blank = the general one.
    max_rows_fix: str = ""

    def matches(self, text: str) -> bool:
        """True when a sheet title names this sheet."""
        wanted = normalise_header(text)
        return any(
            normalise_header(name) == wanted
            for name in (self.name, self.key, *self.aliases)
        )

    def column(self, key: str) -> Column:
        """The column with this key."""
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(f"{self.name} has no column {key!r}")

    @property
    def headers(self) -> tuple[str, ...]:
        """English headers in template order."""
        return tuple(column.header for column in self.columns)


STAFF = Sheet(
    key="staff",
    name="Staff",
    aliases=("Medarbejdere", "Personale", "Ansatte"),
    required=True,
    columns=(
        Column("id", "ID", ("Id", "Initialer", "Initials"), True, "AH"),
        Column("name", "Name", ("Navn",), False, "Anna Holm"),
        Column(
            "fte",
            "FTE",
            ("Brøk", "Normering", "Årsværk"),
            False,
            "0.8",
            parse=parse_number,
        ),
        Column(
            "weekly_hours",
            "Weekly hours",
            ("Timer pr uge", "Ugentlige timer", "Timer/uge"),
            False,
            "29.6",
            "Used when FTE is blank.",
            parse=parse_number,
        ),
        Column(
            "days",
            "Days",
            ("Arbejdsdage", "Dage", "Weekdays", "Ugedage"),
            False,
            "Mon-Thu",
            "Blank = every opening day.",
        ),
        Column("start", "Start", ("Fra", "Mødetid", "From"), False, "08:00"),
        Column("end", "End", ("Til", "Sluttid", "To"), False, "15:30"),
        Column(
            "skills",
            "Skills",
            ("Kompetencer", "Færdigheder"),
            False,
            "pension:3, english:2",
            "skill:level, level 1-3; a skill without level is level 1.",
        ),
        Column(
            "duties",
            "Duties",
            ("Vagter", "Opgaver"),
            False,
            "phone, mail",
            "Blank = every duty; `none` = no duty.",
        ),
        Column(
            "max_slots_per_day",
            "Max slots per day",
            ("Maks vagter pr dag",),
            False,
            "2",
            parse=parse_int,
        ),
        Column(
            "max_duty_days_per_week",
            "Max duty days per week",
            ("Maks vagtdage pr uge",),
            False,
            "3",
            parse=parse_int,
        ),
        Column(
            "max_slots_per_week",
            "Max slots per week",
            ("Maks vagter pr uge",),
            False,
            "6",
            "Blank = the team's limit (Rules), if any.",
            parse=parse_int,
        ),
        Column(
            "max_consecutive_slots",
            "Max consecutive slots",
            ("Maks vagter i træk",),
            False,
            "2",
            parse=parse_int,
        ),
        Column(
            "casework",
            "Casework",
            ("Sagsbehandling",),
            False,
            "yes",
            "yes/no",
            parse=parse_bool,
        ),
        Column(
            "case_capacity_hours",
            "Case capacity hours",
            ("Sagstimer", "Timer til sager", "Sagskapacitet"),
            False,
            "20",
            "Blank = worked out from contract, rota and absences.",
            parse=parse_number,
        ),
    ),
)

ABSENCES = Sheet(
    key="absences",
    name="Absences",
    aliases=("Fravær", "Fravaer", "Absence"),
    columns=(
        Column("staff_id", "Staff", ("Medarbejder", "ID", "Staff ID"), True,
               "AH"),
        Column("start", "From date", ("Fra dato", "From", "Fra", "Start"),
               True, "04.01.2027"),
        Column("end", "To date", ("Til dato", "To", "Til", "End", "Slut"),
               False, "08.01.2027", "Blank = the same day."),
        Column("from_time", "From time", ("Fra kl", "Fra tid"), False,
               "08:00", "Only for part-day absences."),
        Column("to_time", "To time", ("Til kl", "Til tid"), False, "10:00"),
        Column("reason", "Reason", ("Årsag", "Aarsag", "Type"), False,
               "vacation", "vacation, sick, course or other."),
        Column("note", "Note", ("Bemærkning", "Kommentar"), False,
               "Dentist"),
    ),
)  # fmt: skip

DUTIES = Sheet(
    key="duties",
    name="Duties",
    aliases=("Vagter", "Opgaver", "Bemanding"),
    required=True,
    columns=(
        Column("duty", "Duty", ("Vagt", "Opgave"), True, "phone"),
        Column("weekdays", "Weekdays", ("Ugedage", "Dage", "Days"), False,
               "Mon-Fri", "Blank = Mon-Fri."),
        Column("start", "Start", ("Fra", "From"), True, "08:00"),
        Column("end", "End", ("Til", "To"), True, "10:00"),
        Column("min_staff", "Min", ("Minimum", "Min staff"), True, "2"),
        Column("target_staff", "Target", ("Mål", "Ønsket", "Target staff"),
               False, "3", "Blank = Min."),
        Column("max_staff", "Max", ("Maksimum", "Maks", "Max staff"), False,
               "4", "Blank = Target."),
        Column("requirements", "Required skills",
               ("Krav", "Kompetencekrav", "Skills"), False, "english:2",
               "skill:level, or 2 x skill:level for two people."),
        Column("unpopular", "Unpopular", ("Upopulær", "Upopulaer"), False,
               "yes", "yes/no"),
        Column("name", "Name", ("Navn",), False, "Phones"),
        Column("colour", "Colour", ("Farve", "Color"), False, "#FFD966"),
    ),
)  # fmt: skip

RULES = Sheet(
    key="rules",
    name="Rules",
    aliases=("Regler", "Settings", "Indstillinger"),
    columns=(
        Column("setting", "Setting", ("Regel", "Indstilling", "Navn"), True,
               "max_slots_per_day"),
        Column("value", "Value", ("Værdi", "Vaerdi"), True, "2"),
        Column("note", "Note", ("Bemærkning", "Forklaring"), False, ""),
    ),
)  # fmt: skip

PREFERENCES = Sheet(
    key="preferences",
    name="Preferences",
    aliases=("Ønsker", "Oensker", "Præferencer"),
    columns=(
        Column("staff_id", "Staff", ("Medarbejder", "ID"), True, "AH"),
        Column("want", "Want or avoid", ("Ønske", "Vil/vil ikke"), True,
               "avoid", "want or avoid (ønsker / undgår)."),
        Column("weekday", "Weekday", ("Ugedag",), False, "Mon"),
        Column("on", "Date", ("Dato",), False, "15.01.2027"),
        Column("duty", "Duty", ("Vagt",), False, "phone"),
        Column("slot_start", "Slot start", ("Vagt start", "Kl"), False,
               "08:00"),
        Column("weight", "Weight", ("Vægt", "Vaegt"), False, "3",
               "1-10; blank = 1."),
    ),
)  # fmt: skip

HISTORY = Sheet(
    key="history",
    name="History",
    aliases=("Historik", "Saldo", "Balance"),
    columns=(
        Column("staff_id", "Staff", ("Medarbejder", "ID"), True, "AH"),
        Column("duty", "Duty", ("Vagt",), False, "phone",
               "Blank = all duties together."),
        Column("hours", "Balance hours", ("Saldo timer", "Timer"), False,
               "1.5", "+ = did more than fair share."),
        Column("unpopular_slots", "Unpopular balance",
               ("Upopulære saldo", "Upopulære"), False, "-1"),
    ),
)  # fmt: skip

CASES = Sheet(
    key="cases",
    name="Cases",
    aliases=("Sager", "Backlog", "Reol"),
    columns=(
        Column("id", "Case", ("Sag", "Sagsnr", "Case ID", "ID"), True,
               "2027-0142"),
        Column("type", "Type", ("Sagstype",), False, "pension"),
        Column("skill", "Skill", ("Kompetence",), False, "pension"),
        Column("min_level", "Level", ("Niveau", "Min level"), False, "2",
               "1-3; blank = 1."),
        Column("effort_hours", "Effort hours",
               ("Timer", "Estimat", "Forventet tid", "Effort"), True, "6.5"),
        Column("received", "Received", ("Modtaget", "Modtaget dato"), True,
               "12.11.2026"),
        Column("deadline", "Deadline", ("Frist", "Svarfrist"), False,
               "12.01.2027"),
        Column("started", "Started", ("Startet", "Påbegyndt",
                                      "Paabegyndt"), False, "20.11.2026",
               "Blank = not started; the board's flow figures use it."),
        Column("priority", "Priority", ("Prioritet",), False, "normal",
               "low, normal, high or urgent."),
        Column("owner", "Owner", ("Sagsbehandler", "Ejer"), False, "AH",
               "Blank = on the shelf."),
        Column("status", "Status", ("Tilstand",), False, "assigned",
               "new, assigned, in progress or waiting."),
        Column("group", "Group", ("Gruppe", "Medlem", "Borger"), False,
               "M-10233", "Cases of one member stay together."),
        Column("pinned", "Pinned", ("Låst", "Laast", "Fastlåst"), False,
               "no", "yes = keep with the owner."),
        Column("may_move", "May move", ("Må flyttes", "Maa flyttes",
                                        "Flyt"), False, "no",
               "yes = the balancer may move it to someone else (or back "
               "to the shelf unless in progress); blank = only when its "
               "owner is away or over capacity.", parse=parse_bool),
        Column("effort_by_staff", "Effort by staff",
               ("Timer pr medarbejder", "Estimat pr medarbejder"), False,
               "AH:4, BK:8", "Hours for named people where they differ."),
        Column("cost_by_staff", "Cost by staff",
               ("Omkostning pr medarbejder", "Pris pr medarbejder"), False,
               "BK:5", "Fit cost of giving the case to named people."),
    ),
)  # fmt: skip

#: Every sheet of the team workbook, in template order.
SHEETS: tuple[Sheet, ...] = (
    STAFF,
    ABSENCES,
    DUTIES,
    RULES,
    PREFERENCES,
    HISTORY,
    CASES,
)

#: A sheet the reader skips on purpose (the template's explanations).
INSTRUCTIONS = Sheet(
    key="instructions",
    name="Instructions",
    aliases=("Vejledning", "Instruktioner", "Read me", "Readme", "Læs mig"),
)


# --------------------------------------------------------------------------
# Rules sheet settings (one per row: Setting | Value)
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Setting:
    """A setting on the Rules sheet and the model field it fills.

    ``group`` is ``rules`` (:class:`balancer.domain.Rules`), ``weights``
    (:class:`balancer.domain.Weights`) or ``calendar``
    (:class:`balancer.domain.CalendarSettings`). Opening hours have one
    setting per weekday, ``opening_hours_mon`` ... ``opening_hours_sun``,
    whose ``field`` is the weekday number.
    """

    key: str
    group: str
    field: str
    aliases: tuple[str, ...] = ()
    #: The fix for a value that is refused; blank = the Value column's.
    fix: str = ""

    def matches(self, text: str) -> bool:
        """True when a Setting cell names this setting."""
        wanted = normalise_header(text)
        return any(
            normalise_header(name) == wanted
            for name in (self.key, *self.aliases)
        )


_RULE_ALIASES: dict[str, tuple[str, ...]] = {
    "full_time_hours": ("Fuldtid timer", "Timer pr uge fuldtid"),
    "max_slots_per_day": ("Maks vagter pr dag",),
    "max_duty_days_per_week": ("Maks vagtdage pr uge",),
    "max_slots_per_week": ("Maks vagter pr uge",),
    "max_consecutive_slots": ("Maks vagter i træk",),
    "min_free_half_days_per_week": ("Fri halve dage pr uge",),
    "half_day_split": ("Middag", "Halvdagsskel"),
    "daily_overhead_hours": ("Daglige mødetimer", "Overhead timer pr dag"),
    "horizon_working_days": ("Horisont arbejdsdage", "Planhorisont"),
    "goals_in_tiers": ("Mål i trin", "Mål trinvis"),
}

_DAY_NAMES = (
    ("mon", "monday", "mandag"),
    ("tue", "tuesday", "tirsdag"),
    ("wed", "wednesday", "onsdag"),
    ("thu", "thursday", "torsdag"),
    ("fri", "friday", "fredag"),
    ("sat", "saturday", "lørdag"),
    ("sun", "sunday", "søndag"),
)


def _settings() -> tuple[Setting, ...]:
    # Built from the domain models so a new rule or weight is a setting
    # the moment it exists.
    from balancer.domain import Rules, Weights

    found = [
        Setting(name, "rules", name, _RULE_ALIASES.get(name, ()))
        for name in Rules.model_fields
    ]
    found += [
        Setting(f"weight_{name}", "weights", name, (name, f"vægt {name}"))
        for name in Weights.model_fields
    ]
    found += [
        Setting(
            "country",
            "calendar",
            "country",
            ("Land",),
            "write a two-letter country code, e.g. DK, SE, NO or DE",
        ),
        Setting(
            "subdivision",
            "calendar",
            "subdivision",
            ("Region",),
            "leave it blank (Denmark has no regions of its own), or write "
            "one of the country's regions, e.g. BY for DE",
        ),
        Setting(
            "closed_dates",
            "calendar",
            "closed_dates",
            ("closed_date", "Lukkedage", "Lukkedag", "Lukket"),
        ),
    ]
    found += [
        Setting(
            f"opening_hours_{short}",
            "calendar",
            str(number),
            (f"opening hours {full}", f"åbningstid {danish}"),
        )
        for number, (short, full, danish) in enumerate(_DAY_NAMES)
    ]
    return tuple(found)


# --------------------------------------------------------------------------
# The rota workbook: its Board sheet and the hidden copy as published
# --------------------------------------------------------------------------

#: Rows on a Board: one per day, slot and duty, so 10,000 rows is a month
#: of 322 slots a day; more is a pasted export or a damaged file, and
#: reading it would only delay the message.
BOARD_MAX_ROWS = 10_000
_BOARD_ROWS_FIX = (
    "a month's Board has one row per day, slot and duty; use the rota "
    "workbook balancer wrote, or delete the rows that are not duties"
)

BOARD = Sheet(
    key="board",
    name="Board",
    aliases=("Tavle", "Vagttavle", "Oversigt"),
    required=True,
    max_rows=BOARD_MAX_ROWS,
    max_rows_fix=_BOARD_ROWS_FIX,
    columns=(
        Column("date", "Date", ("Dato", "Dag dato"), True, "04.01.2027"),
        Column("day", "Day", ("Dag", "Ugedag"), False, "Mon"),
        Column("time", "Time", ("Tid", "Kl", "Klokken", "Slot"), True,
               "08:00-10:00", "Start-end of one of the duty's slots."),
        Column("duty", "Duty", ("Vagt", "Opgave"), True, "phone",
               "A duty id from the Duties sheet."),
        Column("staff", "Staff", ("Medarbejdere", "Medarbejder", "IDs",
                                   "Initialer"), True, "ann, bo",
               "Staff ids separated by commas; blank = nobody."),
        Column("names", "Names", ("Navne",), False, "Ann Arbor, Bo Berg"),
        Column("min", "Min", ("Minimum",), False, "2"),
        Column("target", "Target", ("Mål",), False, "3"),
        Column("max", "Max", ("Maks", "Maksimum"), False, "4"),
        Column("note", "Note", ("Bemærkning", "Notat"), False, ""),
        Column("duty_name", "Duty name", ("Vagtnavn",), False, "Phone",
               "The duty's title, for calendars; read only by ics."),
    ),
)  # fmt: skip

#: The balances a rota was planned with (hidden), in the History layout,
#: so ``balancer statements`` tells the account the rota was made with.
CARRIED_IN = Sheet(
    key="carried_in",
    name="Carried in",
    aliases=("Overført ind",),
    required=False,
    columns=HISTORY.columns,
)

#: The rota as balancer published it: a hidden copy of the Board, so
#: ``--keep`` can tell which cells the planner changed by hand.
PUBLISHED = Sheet(
    key="published",
    name="Published",
    aliases=("Udgivet",),
    required=False,
    max_rows=BOARD_MAX_ROWS,
    max_rows_fix=_BOARD_ROWS_FIX,
    columns=BOARD.columns,
)

#: The backlog workbook's Cases sheet: where each case goes and when it
#: is forecast to be worked (``balancer board --backlog`` reads it). The
#: forecast columns are required, so a team workbook's Cases sheet given
#: by mistake is refused with a clear message.
CASE_PLAN = Sheet(
    key="case_plan",
    name="Cases",
    aliases=("Sager",),
    required=True,
    columns=(
        Column("case", "Case", ("Sag",), True, "2027-0142"),
        Column("owner", "Owner", ("Sagsbehandler",), False, "AH",
               "Blank = on the shelf."),
        Column("previous_owner", "Previous owner", ("Tidligere ejer",),
               False, "BK"),
        Column("planned_start", "Planned start", ("Planlagt start",), True,
               "04.01.2027", "Blank = not planned (on the shelf)."),
        Column("planned_finish", "Planned finish", ("Planlagt slut",),
               False, "06.01.2027"),
        Column("late", "Late", ("Forsinket",), True, "yes",
               "yes = forecast to miss its deadline."),
        Column("risk", "Risk", ("Risiko",), False, ""),
    ),
)  # fmt: skip

#: Every Rules-sheet setting, in template order.
SETTINGS: tuple[Setting, ...] = _settings()


def find_setting(text: str) -> Setting | None:
    """The setting a Setting cell names, None when unknown."""
    for setting in SETTINGS:
        if setting.matches(text):
            return setting
    return None
