"""How the coder makes and changes events: the event record, its code and its text.

No rule lives here: ``add_event`` turns a (source, target, code) the rules chose into an
``Event``, ``recode`` gives an event another code, and the document's text is kept once so
that spans need not be rebuilt from their tokens.
"""

from __future__ import annotations

from collections.abc import Sequence
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span

from ..model import Event
from ..model import Span as TextSpan
from .cameo import cameo_info, root_of
from .parties import Party
from .plover import plover_for

CODER_ID = "dateline.coder.cameo.v1"
# The confidence of an event whose parties are read from the events around it, not from
# its own words (a truce that names no party).
INFERRED_PARTIES_CONFIDENCE = 0.5


def recode(event: Event, code: str, rule: str | None = None) -> None:
    """Give ``event`` another CAMEO code (and what follows from it); ``rule``: the rule
    that gave it, recorded in ``event.rules``."""
    info = cameo_info(code)
    event.cameo = code
    event.root = info.root if info else root_of(code)
    event.quad_class = info.quad_class if info else None
    event.goldstein = info.goldstein if info else None
    event.plover_type, event.plover_mode = plover_for(code)
    if rule is not None:
        add_rule(event, rule)


def add_rule(event: Event, rule: str) -> None:
    """Record that ``rule`` shaped ``event`` (once)."""
    if rule not in event.rules:
        event.rules.append(rule)


def event_key(event: Event) -> tuple[str, str | None, str]:
    """(source, target, code): one event per key is kept in a sentence."""
    source = event.source.code if event.source else ""
    return source, event.target.code if event.target else None, event.cameo


def add_event(
    events: list[Event],
    seen: set[tuple[str, str | None, str]],
    sent: Span,
    trigger: TextSpan,
    source: Party | None,
    target: Party | None,
    code: str | None,
    pattern: str | None,
    rules: Sequence[str] = (),
    entries: Sequence[str] = (),
) -> None:
    """Append the event ``source`` -> ``target`` with ``code`` to ``events``, unless one
    with the same key is ``seen`` already (or there is no code). ``rules`` and ``entries``:
    the rules and dictionary entries behind the code; the parties add their own."""
    if code is None:
        return
    key = (source.code if source else "", target.code if target else None, code)
    if key in seen:
        return
    seen.add(key)
    info = cameo_info(code)
    plover_type, plover_mode = plover_for(code)
    why, behind = list(rules), list(entries)
    for role, party in (("source", source), ("target", target)):
        if party is not None:
            why.extend(f"{role}:{r}" for r in party.rules)
            behind.extend(f"{role} {party.code}: {e}" for e in party.entries)
    events.append(
        Event(
            id="",
            sentence=TextSpan(sent.start_char, sent.end_char, span_text(sent)),
            trigger=trigger,
            source=source.event_actor() if source else None,
            target=target.event_actor() if target else None,
            cameo=code,
            root=info.root if info else root_of(code),
            quad_class=info.quad_class if info else None,
            goldstein=info.goldstein if info else None,
            plover_type=plover_type,
            plover_mode=plover_mode,
            coder=CODER_ID,
            pattern=pattern,
            rules=_unique(why),
            entries=_unique(behind),
        )
    )


def _unique(items: list[str]) -> list[str]:
    """``items`` without repeats, in order."""
    return list(dict.fromkeys(items))


# Each document's text, made once: ``Span.text`` makes a Token object for every token of
# the span each time it is asked for; a slice of the document's text is the same string.
_DOC_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, made once per document."""
    text = _DOC_TEXTS.get(doc)
    if text is None:
        text = _DOC_TEXTS[doc] = doc.text
    return text


def span_text(span: Span) -> str:
    """``span.text``, sliced from its document's text."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def register_text(doc: Doc, text: str) -> None:
    """Record ``text`` as ``doc``'s text when the doc is ``text`` parsed (as it is for every
    caller), so that ``doc_text`` need not rebuild it from the tokens: ``Doc.text`` makes a
    Token object for every token of the document, a fifth of the coder's time on a fresh doc.
    The check (same length, same last token) is a guard, not a proof; a doc of another text
    falls back to ``doc.text``."""
    if doc in _DOC_TEXTS or not len(doc):
        return
    last = doc[-1]
    end = last.idx + len(last.text)
    if end + len(last.whitespace_) == len(text) and text[last.idx : end] == last.text:
        _DOC_TEXTS[doc] = text
