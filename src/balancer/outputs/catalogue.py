"""Every sentence the outputs print, in English and Danish.

Key -> language -> template (the board page's words are in
:mod:`.board_catalogue`, taken in at the end);
:class:`balancer.outputs.words.Words` fills
the fields in (numbers, hours and dates already written the language's
way). A test checks that every key has every language and the same
fields in each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from balancer.outputs.board_catalogue import BOARD_CATALOGUE

if TYPE_CHECKING:
    from balancer.outputs.words import Language

__all__ = ["CATALOGUE"]

_Entry = dict["Language", str]

CATALOGUE: dict[str, _Entry] = {
    # -- the statements: the team's line ---------------------------------
    "statement.intro": {
        "en": "{month}: {total} of duty planned{per_duty}, shared in "
        "proportion to the hours each person is at work ({at_work} for the "
        "{count} who take duty), less what each carries in from earlier "
        "months. Fair shares are based on the planned (target) staffing.",
        "da": "{month}: {total} vagt planlagt{per_duty}, fordelt efter de "
        "timer, hver er på arbejde ({at_work} for de {count}, der tager "
        "vagt), minus det, hver har med fra tidligere måneder. De rimelige "
        "andele bygger på den planlagte (ønskede) bemanding.",
    },
    "statement.intro.short": {
        "en": " The rota is {hours} short of target staffing: that is "
        "nobody's debt, so each person's part of it is not carried.",
        "da": " Vagtplanen mangler {hours} i forhold til den ønskede "
        "bemanding: det skylder ingen, så hver persons del af det "
        "overføres ikke.",
    },
    "statement.intro.over": {
        "en": " The rota is {hours} over target staffing: each person's "
        "part of it is not carried.",
        "da": " Vagtplanen har {hours} mere end den ønskede bemanding: "
        "hver persons del af det overføres ikke.",
    },
    "statement.intro.unavoidable": {
        "en": " {hours} of the claims cannot be met by any rota, because "
        "some may take only some duties (named below; not carried).",
        "da": " {hours} af kravene kan ingen vagtplan opfylde, fordi nogle "
        "kun må tage nogle af vagterne (nævnt nedenfor; overføres ikke).",
    },
    "statement.intro.unbalanced": {
        "en": " The balances carried in add up to {hours}, not 0 (someone "
        "left the team, or History was edited): the difference is shared "
        "in proportion to the claims and not carried.",
        "da": " De overførte saldi giver tilsammen {hours}, ikke 0 (nogen "
        "har forladt teamet, eller Historik er rettet): forskellen "
        "fordeles efter kravene og overføres ikke.",
    },
    # -- the Fairness sheet's notes -------------------------------------
    "fairness.planned": {
        "en": "Fair shares are based on the planned (target) staffing of "
        "every slot.",
        "da": "De rimelige andele bygger på den planlagte (ønskede) "
        "bemanding af hver vagt.",
    },
    "fairness.short": {
        "en": "The rota falls {hours} short of target staffing; that is "
        "nobody's debt, so each person's part of it (Short of target) is "
        "not carried.",
        "da": "Vagtplanen mangler {hours} i forhold til den ønskede "
        "bemanding; det skylder ingen, så hver persons del af det "
        "overføres ikke.",
    },
    "fairness.over": {
        "en": "The rota is {hours} over target staffing; each person's "
        "part of it (Short of target, below 0) is not carried.",
        "da": "Vagtplanen har {hours} mere end den ønskede bemanding; hver "
        "persons del af det overføres ikke.",
    },
    "fairness.unavoidable": {
        "en": "{hours} of the claims cannot be met by any rota, because "
        "some may take only some duties ({people}); shown as Unavoidable, "
        "not carried.",
        "da": "{hours} af kravene kan ingen vagtplan opfylde, fordi nogle "
        "kun må tage nogle af vagterne ({people}); vist som uundgåeligt, "
        "overføres ikke.",
    },
    # -- the statements: one person's line -------------------------------
    "statement.no_duty_taken": {
        "en": "takes no duty, so no fair share in {month}.",
        "da": "tager ingen vagter og har derfor ingen andel i {month}.",
    },
    "statement.done": {
        "en": "{hours} of duty in {month}{per_duty}",
        "da": "{hours} vagt i {month}{per_duty}",
    },
    "statement.none_done": {
        "en": "no duty in {month}",
        "da": "ingen vagt i {month}",
    },
    "statement.share": {
        "en": "; fair share {hours} ({drivers})",
        "da": "; rimelig andel {hours} ({drivers})",
    },
    "statement.contract": {
        "en": "{percent} % contract",
        "da": "{percent} % ansættelse",
    },
    "statement.works": {"en": "works {days}", "da": "arbejder {days}"},
    "statement.at_work": {
        "en": "{hours} at work",
        "da": "{hours} på arbejde",
    },
    "statement.away_days": {
        "en": "{count} {unit} {reason}",
        "da": "{count} {unit} {reason}",
    },
    "statement.away_hours": {
        "en": "{hours} {reason}",
        "da": "{hours} {reason}",
    },
    "statement.day": {"en": "day", "da": "dag"},
    "statement.days": {"en": "days", "da": "dage"},
    "statement.away.vacation": {"en": "of vacation", "da": "ferie"},
    "statement.away.sick": {"en": "off sick", "da": "syg"},
    "statement.away.course": {"en": "on a course", "da": "på kursus"},
    "statement.away.other": {"en": "away", "da": "fravær"},
    "statement.no_days_away": {"en": "no days away", "da": "intet fravær"},
    "statement.carried_in": {
        "en": "; carried in from {month}: {hours}{by_duty}",
        "da": "; overført fra {month}: {hours}{by_duty}",
    },
    "statement.nothing_carried_in": {
        "en": "; nothing carried in",
        "da": "; intet med fra tidligere måneder",
    },
    "statement.by_duty": {
        "en": "; by duty {parts}",
        "da": "; fordelt på vagter {parts}",
    },
    "statement.over": {
        "en": ". {hours} over the share",
        "da": ". {hours} over andelen",
    },
    "statement.under": {
        "en": ". {hours} under the share",
        "da": ". {hours} under andelen",
    },
    "statement.even": {
        "en": ". Right on the share",
        "da": ". Præcis andelen",
    },
    "statement.short_part": {
        "en": "; their part of the rota's shortfall, {hours}, is not carried",
        "da": "; personens del af vagtplanens mangel, {hours}, overføres ikke",
    },
    "statement.over_part": {
        "en": "; their part of the staffing over target, {hours}, is not "
        "carried",
        "da": "; personens del af bemandingen over det ønskede, {hours}, "
        "overføres ikke",
    },
    "statement.claim_less": {
        "en": "; {hours} less than their claim of {claim}, which no rota "
        "can give back (not carried)",
        "da": "; {hours} mindre end kravet på {claim}, som ingen vagtplan "
        "kan give tilbage (overføres ikke)",
    },
    "statement.claim_more": {
        "en": "; {hours} more than their claim of {claim}, which no rota "
        "can avoid (not carried)",
        "da": "; {hours} mere end kravet på {claim}, som ingen vagtplan "
        "kan undgå (overføres ikke)",
    },
    "statement.carried_out": {
        "en": ". Carried out to {month}: {hours}{by_duty} ({then}).",
        "da": ". Overføres til {month}: {hours}{by_duty} ({then}).",
    },
    "statement.less_then": {"en": "less duty then", "da": "mindre vagt da"},
    "statement.more_then": {"en": "more duty then", "da": "mere vagt da"},
    "statement.mix_then": {
        "en": "as much duty then, in another mix of duties",
        "da": "lige så meget vagt da, men fordelt anderledes",
    },
    "statement.nothing_carried_out": {
        "en": ". Nothing carried out to {month}.",
        "da": ". Intet overføres til {month}.",
    },
}

CATALOGUE.update(BOARD_CATALOGUE)
