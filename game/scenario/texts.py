"""Pick the right language of a scenario text, English as the fallback."""

from __future__ import annotations

from game.scenario.models import Text

FALLBACK = "en"


def tr(text: Text, lang: str = FALLBACK) -> str:
    if isinstance(text, str):
        return text
    if lang in text:
        return text[lang]
    if FALLBACK in text:
        return text[FALLBACK]
    return next(iter(text.values()), "")


def languages_of(text: Text) -> set[str]:
    """Languages a text is written in; a plain string counts as English."""
    return {FALLBACK} if isinstance(text, str) else set(text)
