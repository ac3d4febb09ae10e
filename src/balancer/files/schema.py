"""Sheet and column names of the team workbook, in one place.

Each sheet and column has an English name and a Danish one (written to
templates and outputs in that language) and the further aliases a reader
accepts. Matching ignores case, spaces, dots, underscores and hyphens, so
`Weekly hours`, `weekly_hours` and `WEEKLY-HOURS` are the same header.

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
    #: The header balancer writes in Danish (also accepted when read).
    danish: str = ""

    def matches(self, text: str) -> bool:
        """True when a header cell names this column."""
        wanted = normalise_header(text)
        return any(
            normalise_header(name) == wanted
            for name in (self.header, self.key, self.danish, *self.aliases)
            if name
        )

    def header_in(self, lang: str) -> str:
        """The header in a language: ``Weekly hours``, ``Timer pr uge``."""
        return self.danish if lang == "da" and self.danish else self.header


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
    #: The name balancer writes in Danish (also accepted when read).
    danish: str = ""

    def matches(self, text: str) -> bool:
        """True when a sheet title names this sheet."""
        wanted = normalise_header(text)
        return any(
            normalise_header(name) == wanted
            for name in (self.name, self.key, self.danish, *self.aliases)
            if name
        )

    def name_in(self, lang: str) -> str:
        """The sheet's name in a language: ``Staff``, ``Medarbejdere``."""
        return self.danish if lang == "da" and self.danish else self.name

    def headers_in(self, lang: str) -> tuple[str, ...]:
        """Headers in template order, in a language."""
        return tuple(column.header_in(lang) for column in self.columns)

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
    danish="Medarbejdere",
    aliases=("Personale", "Ansatte"),
    required=True,
    columns=(
        Column(
            "id",
            "ID",
            ("Id", "Initials"),
            True,
            "AH",
            danish="Initialer",
        ),
        Column("name", "Name", (), False, "Anna Holm", danish="Navn"),
        Column(
            "fte",
            "FTE",
            ("Brøk", "Normering"),
            False,
            "0.8",
            parse=parse_number,
            danish="Årsværk",
        ),
        Column(
            "weekly_hours",
            "Weekly hours",
            ("Ugentlige timer", "Timer/uge"),
            False,
            "29.6",
            "Used when FTE is blank.",
            parse=parse_number,
            danish="Timer pr uge",
        ),
        Column(
            "days",
            "Days",
            ("Dage", "Weekdays", "Ugedage"),
            False,
            "Mon-Thu",
            "Blank = every opening day.",
            danish="Arbejdsdage",
        ),
        Column(
            "start",
            "Start",
            ("Fra", "From"),
            False,
            "08:00",
            danish="Mødetid",
        ),
        Column(
            "end",
            "End",
            ("Til", "To"),
            False,
            "15:30",
            danish="Sluttid",
        ),
        Column(
            "skills",
            "Skills",
            ("Færdigheder",),
            False,
            "pension:3, english:2",
            "skill:level, level 1-3; a skill without level is level 1.",
            danish="Kompetencer",
        ),
        Column(
            "duties",
            "Duties",
            ("Opgaver",),
            False,
            "phone, mail",
            "Blank = every duty; `none` = no duty.",
            danish="Vagter",
        ),
        Column(
            "max_slots_per_day",
            "Max slots per day",
            (),
            False,
            "2",
            parse=parse_int,
            danish="Maks vagter pr dag",
        ),
        Column(
            "max_duty_days_per_week",
            "Max duty days per week",
            (),
            False,
            "3",
            parse=parse_int,
            danish="Maks vagtdage pr uge",
        ),
        Column(
            "max_slots_per_week",
            "Max slots per week",
            (),
            False,
            "6",
            "Blank = the team's limit (Rules), if any.",
            parse=parse_int,
            danish="Maks vagter pr uge",
        ),
        Column(
            "max_consecutive_slots",
            "Max consecutive slots",
            (),
            False,
            "2",
            parse=parse_int,
            danish="Maks vagter i træk",
        ),
        Column(
            "casework",
            "Casework",
            (),
            False,
            "yes",
            "yes/no",
            parse=parse_bool,
            danish="Sagsbehandling",
        ),
        Column(
            "case_capacity_hours",
            "Case capacity hours",
            ("Timer til sager", "Sagskapacitet"),
            False,
            "20",
            "Blank = worked out from contract, rota and absences.",
            parse=parse_number,
            danish="Sagstimer",
        ),
    ),
)

ABSENCES = Sheet(
    key="absences",
    name="Absences",
    danish="Fravær",
    aliases=("Fravaer", "Absence"),
    columns=(
        Column("staff_id", "Staff", ("ID", "Staff ID"), True,
               "AH", danish="Medarbejder"),
        Column("start", "From date", ("From", "Fra", "Start"),
               True, "04.01.2027", danish="Fra dato"),
        Column("end", "To date", ("To", "Til", "End", "Slut"),
               False, "08.01.2027", "Blank = the same day.",
               danish="Til dato"),
        Column("from_time", "From time", ("Fra tid",), False,
               "08:00", "Only for part-day absences.", danish="Fra kl"),
        Column("to_time", "To time", ("Til tid",), False, "10:00",
               danish="Til kl"),
        Column("reason", "Reason", ("Aarsag", "Type"), False,
               "vacation", "vacation, sick, course or other.", danish="Årsag"),
        Column("note", "Note", ("Kommentar",), False,
               "Dentist", danish="Bemærkning"),
    ),
)  # fmt: skip

DUTIES = Sheet(
    key="duties",
    name="Duties",
    danish="Vagter",
    aliases=("Opgaver", "Bemanding"),
    required=True,
    columns=(
        Column("duty", "Duty", ("Opgave",), True, "phone",
               danish="Vagt"),
        Column("weekdays", "Weekdays", ("Dage", "Days"), False,
               "Mon-Fri", "Blank = Mon-Fri.", danish="Ugedage"),
        Column("start", "Start", ("From",), True, "08:00", danish="Fra"),
        Column("end", "End", ("To",), True, "10:00", danish="Til"),
        Column("min_staff", "Min", ("Min staff",), True, "2",
               danish="Minimum"),
        Column("target_staff", "Target", ("Ønsket", "Target staff"),
               False, "3", "Blank = Min.", danish="Mål"),
        Column("max_staff", "Max", ("Maks", "Max staff"), False,
               "4", "Blank = Target.", danish="Maksimum"),
        Column("requirements", "Required skills",
               ("Krav", "Skills"), False, "english:2",
               "skill:level, or 2 x skill:level for two people.",
               danish="Kompetencekrav"),
        Column("unpopular", "Unpopular", ("Upopulaer",), False,
               "yes", "yes/no", danish="Upopulær"),
        Column("name", "Name", (), False, "Phones", danish="Navn"),
        Column("colour", "Colour", ("Color",), False, "#FFD966",
               danish="Farve"),
    ),
)  # fmt: skip

RULES = Sheet(
    key="rules",
    name="Rules",
    danish="Regler",
    aliases=("Settings", "Indstillinger"),
    columns=(
        Column("setting", "Setting", ("Regel", "Navn"), True,
               "max_slots_per_day", danish="Indstilling"),
        Column("value", "Value", ("Vaerdi",), True, "2",
               danish="Værdi"),
        Column("note", "Note", ("Forklaring",), False, "",
               danish="Bemærkning"),
    ),
)  # fmt: skip

PREFERENCES = Sheet(
    key="preferences",
    name="Preferences",
    danish="Ønsker",
    aliases=("Oensker", "Præferencer"),
    columns=(
        Column("staff_id", "Staff", ("ID",), True, "AH",
               danish="Medarbejder"),
        Column("want", "Want or avoid", ("Vil/vil ikke",), True,
               "avoid", "want or avoid (ønsker / undgår).", danish="Ønske"),
        Column("weekday", "Weekday", (), False, "Mon",
               danish="Ugedag"),
        Column("on", "Date", (), False, "15.01.2027", danish="Dato"),
        Column("duty", "Duty", (), False, "phone", danish="Vagt"),
        Column("slot_start", "Slot start", ("Kl",), False,
               "08:00", danish="Vagt start"),
        Column("weight", "Weight", ("Vaegt",), False, "3",
               "1-10; blank = 1.", danish="Vægt"),
    ),
)  # fmt: skip

HISTORY = Sheet(
    key="history",
    name="History",
    danish="Historik",
    aliases=("Saldo", "Balance"),
    columns=(
        Column("staff_id", "Staff", ("ID",), True, "AH",
               danish="Medarbejder"),
        Column("duty", "Duty", (), False, "phone",
               "Blank = all duties together.", danish="Vagt"),
        Column("hours", "Balance hours", ("Timer",), False,
               "1.5", "+ = did more than fair share.", danish="Saldo timer"),
        Column("unpopular_slots", "Unpopular balance",
               ("Upopulære saldo", "Upopulære"), False, "-1",
               danish="Saldo upopulære vagter"),
    ),
)  # fmt: skip

CASES = Sheet(
    key="cases",
    name="Cases",
    danish="Sager",
    aliases=("Backlog", "Reol"),
    columns=(
        Column("id", "Case", ("Sag", "Case ID", "ID"), True,
               "2027-0142", danish="Sagsnr"),
        Column("type", "Type", (), False, "pension",
               danish="Sagstype"),
        Column("skill", "Skill", (), False, "pension",
               danish="Kompetence"),
        Column("min_level", "Level", ("Min level",), False, "2",
               "1-3; blank = 1.", danish="Niveau"),
        Column("effort_hours", "Effort hours",
               ("Timer", "Estimat", "Forventet tid", "Effort"), True, "6.5",
               danish="Estimat (timer)"),
        Column("received", "Received", ("Modtaget dato",), True,
               "12.11.2026", danish="Modtaget"),
        Column("deadline", "Deadline", ("Svarfrist",), False,
               "12.01.2027", danish="Frist"),
        Column("started", "Started", ("Startet", "Paabegyndt"), False,
               "20.11.2026",
               "Blank = not started; the board's flow figures use it.",
               danish="Påbegyndt"),
        Column("priority", "Priority", (), False, "normal",
               "low, normal, high or urgent.", danish="Prioritet"),
        Column("owner", "Owner", ("Ejer",), False, "AH",
               "Blank = on the shelf.", danish="Sagsbehandler"),
        Column("status", "Status", ("Tilstand",), False, "assigned",
               "new, assigned, in progress or waiting.", danish="Sagsstatus"),
        Column("group", "Group", ("Medlem", "Borger"), False,
               "M-10233", "Cases of one member stay together.",
               danish="Gruppe"),
        Column("pinned", "Pinned", ("Laast", "Fastlåst"), False,
               "no", "yes = keep with the owner.", danish="Låst"),
        Column("may_move", "May move", ("Maa flyttes", "Flyt"), False, "no",
               "yes = the balancer may move it to someone else (or back "
               "to the shelf unless in progress); blank = only when its "
               "owner is away or over capacity.", parse=parse_bool,
               danish="Må flyttes"),
        Column("effort_by_staff", "Effort by staff",
               ("Estimat pr medarbejder",), False,
               "AH:4, BK:8", "Hours for named people where they differ.",
               danish="Timer pr medarbejder"),
        Column("cost_by_staff", "Cost by staff",
               ("Pris pr medarbejder",), False,
               "BK:5", "Fit cost of giving the case to named people.",
               danish="Omkostning pr medarbejder"),
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
    danish="Vejledning",
    aliases=("Instruktioner", "Read me", "Readme", "Læs mig"),
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
