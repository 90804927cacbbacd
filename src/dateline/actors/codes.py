"""CAMEO actor codes: their country, their agents, and agents added to a code.

An actor code is three-letter chunks: a country (ISO 3166) or sector, then agents
(``IRQREB``: Iraq, rebels). Compound codes (``FRO/BIL/SAM``) name several actors; their
first part gives the country.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from ..model import Actor
from .dictionaries import ActorRole, split_compound
from .modifiers import RELIGION_CODES


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


def dedupe(codes: list[str]) -> list[str]:
    out: list[str] = []
    for c in codes:
        if c not in out:
            out.append(c)
    return out


def code_chunks(code: str) -> list[str]:
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def add_agents(code: str, prefixes: list[str], suffixes: list[str]) -> str:
    """``IRQ`` + ``~REB`` -> ``IRQREB``; an agent the code already has is not added again."""
    have = set(code_chunks(code))
    tail = ""
    for s in dedupe(suffixes):
        if not set(code_chunks(s)) <= have:
            tail += s
            have.update(code_chunks(s))
    head = "".join(p for p in dedupe(prefixes) if not code.startswith(p))
    return head + code + tail


def as_date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _country_index(chunks: list[str]) -> int:
    """Which chunk of a code is its country (-1: none): the first ISO 3166 chunk among the
    first two (IRQREB -> IRQ; SCGSRB, Serbia in Serbia and Montenegro -> SRB), except that a
    second chunk that is a CAMEO religion code is the religion (IMGMUSALQ: Muslim, not
    Mauritius)."""
    for n, chunk in enumerate(chunks[:2]):
        if n == 1 and chunk in RELIGION_CODES:
            return -1
        if chunk in _country_codes():
            return n
    return -1


def code_country(code: str) -> str | None:
    """The ISO 3166 country of an actor code (its first part for a compound), or None:
    ``IRQREB`` -> IRQ, ``SCGSRB`` -> SRB, ``NGOUSA`` -> USA, ``IMGMUSALQ`` / ``---GOV`` -> None."""
    chunks = code_chunks(split_compound(code)[0] if code else "")
    n = _country_index(chunks)
    return chunks[n] if n >= 0 else None


def make_actor(code: str, name: str, role: ActorRole | None = None) -> Actor:
    first = split_compound(code)[0] if code else ""
    chunks = code_chunks(first)
    country: str | None = None
    agents: tuple[str, ...] = ()
    n = _country_index(chunks)
    if n >= 0:
        country = chunks[n]
        agents = tuple(c for c in chunks[n + 1 :] if len(c) == 3)
    elif first.startswith("---"):
        agents = tuple(c for c in chunks[1:] if len(c) == 3)
    return Actor(
        code=code,
        name=name,
        country=country,
        agents=agents,
        valid_from=role.start.isoformat() if role and role.start else None,
        valid_until=role.end.isoformat() if role and role.end else None,
    )
