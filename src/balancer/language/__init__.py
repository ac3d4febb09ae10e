"""balancer's words in English and Danish.

:class:`Words` writes sentences from the catalogue and numbers, hours,
dates and months the language's way; :func:`texts` gives one sentence in
every language and :class:`Said` keeps a sentence in no language yet (for
messages made before anyone knows which language will show them);
:func:`terminal_language` is the language of the terminal
(``BALANCER_LANG``, English by default).
"""

from __future__ import annotations

import os

from balancer.language.said import Said as Said
from balancer.language.words import LANGUAGES as LANGUAGES
from balancer.language.words import Language as Language
from balancer.language.words import Words as Words
from balancer.language.words import absence_label as absence_label
from balancer.language.words import month_name as month_name
from balancer.language.words import off_label as off_label
from balancer.language.words import weekday_name as weekday_name
from balancer.language.words import weekday_short as weekday_short

#: The environment setting naming the terminal's language.
LANGUAGE_SETTING = "BALANCER_LANG"

#: The language a command chose with ``--lang`` (None: the setting's).
_chosen: list[Language | None] = [None]


def choose_terminal_language(lang: Language | None) -> None:
    """Make ``lang`` the terminal's language for this command (``--lang``);
    None goes back to the ``BALANCER_LANG`` setting."""
    _chosen[0] = lang


def texts(key: str, **fields: object) -> dict[Language, str]:
    """The catalogue's sentence for ``key`` in every language."""
    return {lang: Words(lang)(key, **fields) for lang in LANGUAGES}


def terminal_language() -> Language:
    """The command's ``--lang`` if it chose one; else ``da`` when
    ``BALANCER_LANG`` says Danish (``da``, ``da_DK``...); else English."""
    if _chosen[0] is not None:
        return _chosen[0]
    wanted = os.environ.get(LANGUAGE_SETTING, "").strip().lower()
    return "da" if wanted[:2] == "da" else "en"
