"""Data of the event clusters (clusters.py): which chunks of an actor code are its agent.

A CAMEO actor code is a country (or an international body) followed by three-letter role
codes; a Phoenix country code may carry a chunk of its own that is no agent (``IRQOCC``,
Iraq under occupation, 2003-2006), so a cluster's "agent level" takes the first chunk that
is an agent. The codes are the CAMEO 1.1b3 manual's role codes (ch. 3, primary and
secondary roles) and those the Phoenix and dateline agent dictionaries give.
"""

from __future__ import annotations

AGENT_CODES = frozenset(
    {
        # primary roles
        "COP", "GOV", "INS", "JUD", "MIL", "OPP", "PTY", "REB", "SEP", "SPY", "UAF",
        # secondary roles and sectors
        "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG",
        "MED", "MOD", "RAD", "REF", "NGO", "PPL", "PRO",
    }
)  # fmt: skip

# Codes whose first chunk is a kind of organisation, not a country: the organisation is the
# second chunk (IGOUNO, the United Nations; NGOHRIAMN, Amnesty International).
ORGANISATION_TYPES = frozenset({"IGO", "NGO", "IMG", "MNC"})
