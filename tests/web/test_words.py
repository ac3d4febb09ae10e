"""The app's words: every sentence in both languages, same blanks."""

from __future__ import annotations

from string import Formatter

import pytest

from balancer.web.words import WEB_CATALOGUE, AppWords


def _blanks(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(WEB_CATALOGUE))
def test_every_sentence_in_both_languages(key: str) -> None:
    entry = WEB_CATALOGUE[key]
    assert set(entry) == {"en", "da"}
    assert _blanks(entry["en"]) == _blanks(entry["da"]), key
    assert entry["en"] != entry["da"], key


def test_app_words_fall_back_to_the_outputs_catalogue() -> None:
    assert AppWords("da")("board.shelf") == "Reolen"
    assert AppWords("da")("sick.who") == "Hvem"
