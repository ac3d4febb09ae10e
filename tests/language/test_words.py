"""Words: headers, sheet names and values in the language, by pattern too."""

from __future__ import annotations

from datetime import date, time

import pytest

from balancer.domain import Month
from balancer.language import Words, terminal_language, texts


def test_fields_are_written_the_languages_way_by_their_type() -> None:
    da = Words("da")
    assert da.written(
        {
            "day": date(2027, 3, 8),
            "month": Month(year=2027, month=3),
            "at": time(8, 30),
            "hours": 13.5,
            "count": 3,
            "who": "Anna",
        }
    ) == {
        "day": "man. 8. mar.",
        "month": "marts 2027",
        "at": "08:30",
        "hours": "13,5",
        "count": 3,
        "who": "Anna",
    }


def test_sheet_names_and_values_follow_the_language() -> None:
    assert Words("da").sheet("Board") == "Tavle"
    assert Words("en").sheet("Board") == "Board"
    assert Words("da").value("yes") == "ja"


def test_an_english_name_with_no_danish_words_is_an_error() -> None:
    assert Words("en").header("No such header") == "No such header"
    with pytest.raises(KeyError, match=r"header\.No such header"):
        Words("da").header("No such header")


def test_texts_give_every_language() -> None:
    assert texts("value.yes") == {"en": "yes", "da": "ja"}


def test_the_terminal_language_comes_from_balancer_lang(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("BALANCER_LANG", raising=False)
    assert terminal_language() == "en"
    monkeypatch.setenv("BALANCER_LANG", "da_DK.UTF-8")
    assert terminal_language() == "da"
    monkeypatch.setenv("BALANCER_LANG", "de")
    assert terminal_language() == "en"


def test_a_field_given_in_every_language_goes_in_in_each() -> None:
    queue = texts("queue.named", queue="pension")
    assert texts("reason.queue", cases=3, queue=queue, first="K-1") == {
        "en": "behind 3 waiting in the pension queue (first: K-1)",
        "da": "bag 3, der venter i køen for pension (først: K-1)",
    }


def test_whose_follows_each_languages_genitive() -> None:
    assert Words("en").possessive("Anna Holm") == "Anna Holm's"
    assert Words("da").possessive("Anna Holm") == "Anna Holms"
    assert Words("da").possessive("Lars") == "Lars'"
    assert Words("en").possessive("Lars") == "Lars'"
