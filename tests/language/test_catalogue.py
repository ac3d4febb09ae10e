"""The catalogue: every sentence in every language, with the same blanks.

A Danish sentence missing a blank the English one fills would drop a
figure from the Danish output; an extra one would crash it. Both are
caught here for every key.
"""

from __future__ import annotations

from string import Formatter

import pytest

from balancer.language import Words
from balancer.language.catalogue import AREAS, CATALOGUE

LANGUAGES = ("en", "da")

#: Words that are the same in Danish (checked by hand, not forgotten).
SAME_IN_BOTH = {
    "value.OPTIMAL",
    "value.normal",
    "console.seconds",
    "console.backlog.budget",
    "value.Status",
    "rota.status",
    "rota.weekend",
    "header.ID",
    "why.closed.weekend",
    "why.away_part",
    "conflict.kept",
    "validate.notes",
    "validate.month_problems",
}


def _blanks(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_language_has_the_sentence_with_the_same_blanks(
    key: str,
) -> None:
    entry = CATALOGUE[key]
    assert set(entry) == set(LANGUAGES)
    blanks = {lang: _blanks(entry[lang]) for lang in LANGUAGES}
    assert blanks["en"] == blanks["da"], key
    # Translated, unless the sentence is only blanks (no words of its own).
    words = "".join(text for text, *_ in Formatter().parse(entry["en"]))
    same = entry["en"] == entry["da"]
    assert not same or not words.strip() or key in SAME_IN_BOTH, key


def test_words_fill_a_sentence_in_each_language() -> None:
    fields = {"hours": Words("en").hours(13.5)}
    assert Words("en")("statement.at_work", **fields) == "13.5 h at work"
    fields = {"hours": Words("da").hours(13.5)}
    assert Words("da")("statement.at_work", **fields) == "13,5 t på arbejde"


def test_numbers_drop_trailing_zeros_and_minus_zero() -> None:
    words = Words("en")
    assert [words.number(h) for h in (14, 13.5, 2.25, 1 / 3, -0.001)] == [
        "14",
        "13.5",
        "2.25",
        "0.33",
        "0",
    ]
    assert Words("da").hours(-2.25, signed=True) == "-2,25 t"
    assert Words("da").hours(1.5, signed=True) == "+1,5 t"
    assert Words("en").hours(0, signed=True) == "0 h"


def test_no_key_is_defined_in_two_areas() -> None:
    keys = [key for area in AREAS for key in area]
    assert len(keys) == len(set(keys))


def test_whole_numbers_keep_their_zeros() -> None:
    # Stripping trailing zeros is for decimals only: 200 % is not 2 %.
    assert Words("en").number(200, 0) == "200"
    assert Words("da").number(1500.0) == "1500"
    assert Words("en").number(0.0, 0) == "0"
