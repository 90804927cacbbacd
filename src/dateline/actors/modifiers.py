"""Words that change the code an actor phrase gets (data only; used by ``actors/match.py``).

CAMEO codes former office holders as elites (ELI), not as the office they held: "a former
Iraqi foreign minister" is IRQELI, not IRQGOV (CAMEO manual 1.1b3, actor codes, ELI).
"""

from __future__ import annotations

# Modifiers that make an agent a former one (matched on lower-case tokens).
FORMER_MARKERS = frozenset({"former", "ex", "onetime", "one-time", "erstwhile", "retired"})

# The agent code a former office holder gets instead of the office's.
FORMER_AGENT = "ELI"
