"""Starter files for `plenipo new`: a small complete conference, or a what-if variant.

Both are commented for a designer who has never seen the format; both load
without errors or warnings and play to an outcome as they are (tested).
"""

from __future__ import annotations

from game.scenario.models import Scenario
from game.scenario.texts import tr

STARTER = """\
# {name}: a new Plenipo scenario, written by `plenipo new`.
# It validates and plays as it is: try
#   plenipo validate {name}.toml
#   plenipo simulate {name}.toml
#   plenipo batch {name}.toml --runs 500
# then change it step by step. Every key is explained in scenarios/README.md.
# For completion in your editor, run `plenipo schema > plenipo.schema.json` and keep
# the next line (Even Better TOML / Taplo read it):
#:schema ./plenipo.schema.json

id = "{name}"          # lower-case letters, digits and _; unique among your scenarios
format = 1

[meta]
title = "The {title} Conference"
subtitle = "A starter scenario"
place = "Somewhere"
languages = ["en"]     # add "lt" here, then give texts as {{ en = "...", lt = "..." }}
setting = "Two neighbours meet to settle a border river and a trade duty."
history = "Invented: replace this with what really happened, and cite it in [[meta.sources]]."
authors = ["Your name"]
debrief_questions = ["Who gave ground first, and why?"]

[[meta.sources]]
short = "Invented for teaching"

[calendar]
# One turn per sitting; dates in order.
sittings = ["1920-03-01", "1920-03-02", "1920-03-03", "1920-03-04", "1920-03-05", "1920-03-06"]

[[calendar.lengths]]   # a shorter game for a single lesson (its dates must be sittings above)
id = "short"
title = "Short (3 sittings)"
sittings = ["1920-03-01", "1920-03-03", "1920-03-05"]
minutes = 20

# --- issues: the questions, each with ordered options ----------------------------

[[issues]]
id = "river"
title = "The river border"
options = [
  {{ id = "west_bank", label = "Border on the west bank" }},
  {{ id = "midstream", label = "Border in midstream" }},
  {{ id = "east_bank", label = "Border on the east bank" }},
]

[[issues]]
id = "duty"
title = "Trade duty"
options = [
  {{ id = "high", label = "High duty", quantity = 20, unit = "%" }},
  {{ id = "low", label = "Low duty", quantity = 5, unit = "%" }},
  {{ id = "none", label = "Free trade", quantity = 0, unit = "%" }},
]

# --- delegations: who sits at the table, and what each wants -----------------------

[[delegations]]
id = "westria"
name = "Westria"
adjective = "Westrian"
leaders = ["Premier A. West"]
colour = "#1f4e9c"
emblem = "cross"
essential = true        # a walkout by Westria ends the conference
public_demands = "The border on the east bank."
briefing.aims = "Win the river; trade matters less."
briefing.red_lines = "Never the west bank."
style = "tough"         # tough, linear or flexible: how fast the AI gives ground
reservation = 35        # what no agreement is worth (0-100)
stances.river = {{ weight = 3, values = {{ west_bank = 0, midstream = 60, east_bank = 100 }} }}
stances.duty = {{ weight = 1, values = {{ high = 80, low = 60, none = 30 }} }}

[[delegations.aims]]
id = "river"
text = "The border in midstream or on the east bank"
weight = 2
when = {{ settled = {{ issue = "river", among = ["midstream", "east_bank"] }} }}

[[delegations]]
id = "eastria"
name = "Eastria"
adjective = "Eastrian"
leaders = ["Chancellor B. East"]
colour = "#c8102e"
emblem = "star"
essential = true
public_demands = "The border on the west bank, and free trade."
briefing.aims = "Free trade first; the river matters less."
briefing.secret = "You could accept midstream for low duties."
style = "flexible"
reservation = 35
stances.river = {{ weight = 1, values = {{ west_bank = 100, midstream = 70, east_bank = 10 }} }}
stances.duty = {{ weight = 3, values = {{ high = 0, low = 70, none = 100 }} }}

[[delegations.aims]]
id = "trade"
text = "Low duty or free trade"
when = {{ settled = {{ issue = "duty", among = ["low", "none"] }} }}

# --- instruments: what can be signed ------------------------------------------------

[[instruments]]
id = "treaty"
title = "Treaty of the River"
parties = ["westria", "eastria"]   # all must accept the same package
scope = ["river", "duty"]          # a package names one option for each of these
ends_conference = true

# --- events: dated or conditional news ----------------------------------------------

[[events]]
id = "flood"
date = "1920-03-03"     # fires at the first sitting on or after this date
chance = 0.5            # seeded: the same seed gives the same history
title = "The river floods"
text = "Westrian farms are under water; the government needs a settlement."
effects = [{{ kind = "pressure", delegation = "westria", delta = 0.2 }}]

# --- outcomes: checked in order when the conference ends; the first that holds wins ---

[[outcomes]]
id = "treaty"
title = "Treaty signed"
when = {{ signed = "treaty" }}
debrief = "Both sides found a package each could live with."

[[outcomes]]
id = "no_treaty"
title = "No agreement"
when = {{ always = true }}   # keep a last catch-all outcome
historical = true
debrief = "Neither side gave enough ground in time."
"""

VARIANT = """\
# {name}: a what-if variant of {base_id}, written by `plenipo new --from`.
# It loads everything from the file it extends and changes only what is written
# here. Merge rules: tables merge key by key; lists of tables (delegations, issues,
# events, ...) merge item by item on `id` (a new id adds an item, `remove = true`
# drops one); any other value replaces the base's.
#:schema ./plenipo.schema.json

id = "{name}"
extends = "{extends}"
variant_note = {note}

# Example 1: make {delegation} readier to settle (uncomment to use).
# [[delegations]]
# id = "{delegation}"
# reservation = {reservation}   # the base has {base_reservation}

# Example 2: add an event (uncomment to use; its id must be new).
# [[events]]
# id = "{name}_news"
# date = "{date}"
# title = "Unexpected news"
# text = "A telegram from home changes the mood."
# effects = [{{ kind = "pressure", delegation = "{delegation}", delta = 0.2 }}]
"""


_NOTE = {
    "en": "What if ...? Say what this variant changes and what historians say.",
    "lt": "O jeigu ...? Parašykite, ką šis variantas keičia ir ką sako istorikai.",
}


def starter(name: str) -> str:
    """A complete commented scenario with id `name`."""
    return STARTER.format(name=name, title=name.replace("_", " ").title())


def variant(name: str, base: Scenario, extends: str) -> str:
    """A variant of `base` (found at the relative path `extends`) with commented examples."""
    acting = [d for d in base.delegations if not d.observer] or list(base.delegations)
    d = acting[0]
    lowered = max(0, round(d.reservation) - 10)
    note = ", ".join(f'{lang} = "{_NOTE.get(lang, _NOTE["en"])}"' for lang in base.meta.languages)
    return VARIANT.format(
        name=name,
        note="{ " + note + " }",
        base_id=base.id,
        extends=extends.replace("\\", "/"),
        delegation=d.id,
        reservation=lowered,
        base_reservation=round(d.reservation),
        date=base.calendar.sittings[min(1, len(base.calendar.sittings) - 1)].isoformat(),
        title=tr(base.meta.title),
    )
