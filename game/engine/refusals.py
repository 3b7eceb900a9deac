"""Why the rules refuse an action, as data: a code and its parameters, worded where it is shown.

The engine used to raise English sentences, so a Lithuanian class read
"Negalima: that is already your public position". A refusal is now a
`Refusal` (code + parameters given as scenario ids and numbers); `describe`
words it in any language with a translator passed in, the way the narrator
does, so the engine imports no i18n. Names (delegations, instruments, issues,
options) are looked up in the scenario's own texts for the language.

Each code's value is its English text, marked for the catalogs: adding a
refusal is one line here (and its translations in the .po files).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from game.engine.compiled import CompiledScenario
from game.scenario.texts import tr

Translate = Callable[[str], str]
Param = str | int | tuple[str, ...]
#: parameters holding ids: quoted when the scenario does not know them ("unknown issue 'landz'")
QUOTED = frozenset({"delegation", "acting", "instrument", "issue", "scope", "option", "event", "length"})


def N_(msgid: str) -> str:
    """Mark an English text for the catalogs (the i18n scan reads this module)."""
    return msgid


class Code(Enum):
    """Every reason the rules give. Parameters by name: `delegation`, `acting`, `names` (delegation ids),
    `instrument`, `issue`, `issues`, `scope` (issue ids), `option` (an option id of `issue`); others as given."""

    UNKNOWN_LENGTH = N_("unknown game length {length}; this scenario offers {offered}")
    UNKNOWN_DELEGATION = N_("unknown delegation {delegation}")
    NOT_YOUR_MOVE = N_("it is not {delegation}'s move; it is {acting}'s")
    CONFERENCE_OVER = N_("the conference is over")
    ISSUE_TWICE = N_("the package names an issue twice")
    OUT_OF_SCOPE = N_("{issues} is not in the scope of this agreement (it covers {scope})")
    OPTION_MISSING = N_("the package needs an option for {issues}")
    UNKNOWN_OPTION = N_("{issue} has no option {option}")
    ISSUE_SETTLED = N_("{issue} is already settled on “{option}” by a signed agreement")
    UNKNOWN_EVENT = N_("unknown event {event}")
    EVENT_HAPPENED = N_("that event has already happened")
    NEWS_NEEDS_HEADLINE = N_("a news item needs a headline")
    END_BEFORE_NOW = N_("the end cannot be moved before the current sitting")
    NO_MORE_SITTINGS = N_("no further sittings can be added")
    TOO_MANY_SITTINGS = N_("a conference has at most {limit} sittings")
    OBSERVER = N_("an observer cannot be played")
    PROPOSAL_CLOSED = N_("proposal {proposal} is no longer open")
    OWN_PROPOSAL = N_("you cannot answer your own proposal")
    NOT_A_PARTY_TO_ANSWER = N_("only the parties to {instrument} answer its proposals")
    NOT_ADDRESSED = N_("that proposal was not addressed to you")
    ALREADY_ANSWERED = N_("you have already answered that proposal")
    WANT_ONLY_ON_REFUSAL = N_("only a refusal says what would change the answer")
    WANT_AS_OFFERED = N_("the proposal already offers “{option}” on {issue}")
    UNKNOWN_INSTRUMENT = N_("unknown instrument {instrument}")
    ALREADY_SIGNED = N_("{instrument} is already signed")
    NOT_A_PARTY = N_("only its parties (and mediators) may propose {instrument}")
    EXCLUDED = N_("you have been excluded from the talks on {instrument}")
    PARTY_WALKED_OUT = N_("{instrument} cannot be signed: {delegation} has walked out")
    WALKED_OUT = N_("{delegation} has walked out")
    TALKS_BANNED = N_("you may not hold private talks with {delegation} now")
    PARTIES_MISSING = N_("every party must be among the addressees; missing: {names}")
    NOT_WAITING = N_("proposal {proposal} is not waiting for your answer")
    UNKNOWN_ISSUE = N_("unknown issue {issue}")
    NO_POSITION = N_("you have no public position on that issue")
    SAME_POSITION = N_("that is already your public position")
    EMPTY_STATEMENT = N_("a statement needs some words")
    STATEMENT_TOO_LONG = N_("a statement may have at most {limit} characters")
    UNKNOWN_ACTION = N_("unknown action {action}")
    OTHER = N_("{text}")  # a reason given as plain text (kept for callers that still raise one)
    NO_PROPOSAL = N_("there is no proposal {proposal}")
    CLOSING_ROUND = N_("this is the closing round: answer the proposals still open to you, then pass")
    NO_AUDIENCE = N_("there is no request for an audience number {audience}")
    AUDIENCE_NOT_YOURS = N_("that request for an audience was not addressed to you")
    AUDIENCE_ANSWERED = N_("that request for an audience has already been answered")
    AUDIENCE_SELF = N_("you cannot ask yourself for an audience")
    AUDIENCE_OBSERVER = N_("{delegation} is an observer and receives no one")
    AUDIENCE_ONCE = N_("you have already asked for an audience in this sitting")
    AUDIENCE_WAITING = N_("your request to {delegation} is still waiting for an answer")
    # refusals the move forms give before the engine is asked
    NO_INSTRUMENT = N_("you are not a party to any agreement")
    NO_INVITEES = N_("choose at least one delegation for private talks")
    NO_POSITION_TO_CHANGE = N_("you have no public position to change")


@dataclass(frozen=True, slots=True)
class Refusal:
    """A refused action: why (`code`) and the ids and numbers the reason names (`params`)."""

    code: Code
    params: tuple[tuple[str, Param], ...] = ()

    @classmethod
    def of(cls, code: Code, **params: Param) -> Refusal:
        return cls(code, tuple(sorted(params.items())))

    def get(self, name: str) -> Param | None:
        return dict(self.params).get(name)


def _identity(msg: str) -> str:
    return msg


def name_key(name: str, value: str, params: Mapping[str, Param]) -> str:
    """The key of an id in a `names` table: "delegation:germany", "issue:debts", "option:debts/waived"."""
    kind = {"acting": "delegation", "name": "delegation", "scope": "issue"}.get(name, name)
    return f"option:{params.get('issue', '')}/{value}" if kind == "option" else f"{kind}:{value}"


def _names(cs: CompiledScenario | None, lang: str, name: str, value: Param, params: dict[str, Param], names: Mapping[str, str] | None = None) -> str:
    """One parameter in words: scenario ids become the scenario's names in `lang`; unknown ids stay as typed."""
    if isinstance(value, tuple):
        one = {"issues": "issue", "names": "delegation", "scope": "issue"}.get(name, name)
        return ", ".join(_names(cs, lang, one, v, params, names) for v in value)
    text = str(value)
    if cs is None:
        if names is not None and name_key(name, text, params) in names:
            return names[name_key(name, text, params)]
        return repr(text) if name in QUOTED else text
    if name in ("delegation", "acting", "name") and text in cs.d_index:
        return tr(cs.delegation(cs.d_index[text]).name, lang)
    if name == "instrument" and text in cs.inst_index:
        return tr(cs.instrument(cs.inst_index[text]).title, lang)
    if name in ("issue", "scope") and text in cs.i_index:
        return tr(cs.issue(cs.i_index[text]).title, lang)
    if name == "option" and str(params.get("issue", "")) in cs.i_index:
        for o in cs.issue(cs.i_index[str(params["issue"])]).options:
            if o.id == text:
                return tr(o.label, lang)
    return repr(text) if name in QUOTED else text  # an id the scenario does not know: shown as typed


def describe(
    refusal: Refusal, cs: CompiledScenario | None = None, lang: str = "en", t: Translate = _identity, names: Mapping[str, str] | None = None
) -> str:
    """The refusal in words: `t` translates the template, names come from the scenario in `lang` (or, on a team
    computer that has no scenario, from `names`, keyed by `name_key`)."""
    params = dict(refusal.params)
    values: dict[str, Any] = {k: _names(cs, lang, k, v, params, names) for k, v in params.items()}
    if refusal.code is Code.NOT_YOUR_MOVE and not params.get("acting"):
        values["acting"] = t("nobody (the conference is over)")
    template = t(refusal.code.value)
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return refusal.code.value.format(**values)
