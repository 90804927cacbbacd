"""One act told with joined verbs (issue 10).

"Scott was shot and killed by an officer", "police arrested and charged two men", "the
senator criticized and condemned the ruling": the verbs joined by "and" tell one act, and
the guidelines count one event ("one sentence, one act, once"). Each verb is coded on its
own, and the joined verbs share their arguments (``roles.conjunct_passive_agent``,
``roles.conjunct_passive_patient``), so the same parties come out twice.

Rule ``joined.one_act``: of two events on verbs joined by "and" (the second a conjunct of
the first) with the same CAMEO root and the same source, whose target is the same party,
read from the same words (or the first has none), only the second is kept: the last verb
tells how the act ended ("shot and killed": killed). Two verbs each with its own object
("shot down two planes and struck an airport") are two acts. Tests:
``test_a_police_officer_killing_a_man_is_assault_not_war``,
``test_joined_verbs_on_different_objects_are_two_acts``.

Rule ``joined.shared_object``: two acts of different roots, the first verb with nothing
after it but "and" and the second: the first shares the second's target. Tests:
``test_arrested_and_charged_share_their_object``.

The coder merges once the legal and violence codes are set: "police arrested and charged
two men" is one act (173) only when the charge is read as the legal act it is.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Event, EventActor
from ..tokenspan import expand_span
from .build import add_rule

__all__ = ["merge_joined_verbs"]


def _trigger(doc: Doc, event: Event) -> Token | None:
    span = expand_span(doc, event.trigger.start, event.trigger.end)
    return span.root if span is not None and len(span) else None


def _code(actor: object) -> str | None:
    return getattr(actor, "code", None)


def _bare(verb: Token) -> bool:
    """A verb with nothing after it but "and" and the verb joined to it."""
    after = [c for c in verb.children if c.i > verb.i]
    return bool(after) and all(c.dep_ in ("cc", "conj", "punct") for c in after)


def _same_party(first: EventActor, second: EventActor | None) -> bool:
    """The same words of the text: a target the joined verbs share ("shot and killed two
    men"), not two parties that happen to have one code."""
    return second is not None and (first.start, first.end) == (second.start, second.end)


def merge_joined_verbs(doc: Doc, events: list[Event]) -> None:
    """Drop the first of two events that tell one act with joined verbs (``joined.one_act``);
    give the first of two joined acts the second's target (``joined.shared_object``)."""
    if len(events) < 2:
        return
    heads = [_trigger(doc, e) for e in events]
    by_token: dict[int, list[int]] = {}
    for n, head in enumerate(heads):
        if head is not None:
            by_token.setdefault(head.i, []).append(n)
    dropped: set[int] = set()
    for n, (event, head) in enumerate(zip(events, heads, strict=True)):
        if head is None:
            continue
        for conj in head.children:
            if conj.dep_ != "conj" or conj.i < head.i:
                continue
            for m in by_token.get(conj.i, ()):
                later = events[m]
                if m in dropped:
                    continue
                if _code(later.source) != _code(event.source):
                    continue
                if later.root != event.root:
                    if event.target is None and later.target is not None and _bare(head):
                        event.target = later.target
                        add_rule(event, "joined.shared_object")
                    continue
                if event.target is not None and not _same_party(event.target, later.target):
                    continue  # "shot down two planes and struck an airport": two acts
                dropped.add(n)
                add_rule(later, "joined.one_act")
                break
            if n in dropped:
                break
    if dropped:
        events[:] = [e for n, e in enumerate(events) if n not in dropped]
