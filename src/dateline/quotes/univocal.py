"""One attribution per stretch of text: the outermost report wins (PolNeAR's univocal rule).

"Trump said he believes Obama was born in Hawaii" is one attribution, Trump's, whose content
holds "he believes ...": a cue inside the content (or the source phrase) of another
attribution is part of what that one reports, not an attribution of the article's own. Two
cues that report the same clause ("officials said, according to a statement") give one
attribution: the quotation first, then the verb of saying, then the other cues.
"""

from __future__ import annotations

from .cues import Draft

# Two contents are one when they share this share of the longer of the two.
SAME_CONTENT = 0.5
_TRAILING = " \t\n,;:-–—"


def keep_outermost(drafts: list[Draft], text: str) -> list[Draft]:
    """``drafts`` without those nested in another's content or source, nor repeating one."""
    nested: set[int] = set()
    for a in drafts:
        for b in drafts:
            if a is b or id(b) in nested or id(a) in nested:
                continue
            if not _holds_cue(a, b) or _holds_cue(b, a):
                continue
            if a.rank <= b.rank or b.cue is None:
                nested.add(id(b))
            elif not _cut_before(a, b.cue[0], text):
                # A verb of saying inside what a weaker cue is about ("charged the mayor,
                # alleging that ...") keeps its report; the weaker one stops before it.
                nested.add(id(a))
    kept = [d for d in drafts if id(d) not in nested]
    kept.sort(key=lambda d: (d.rank, -(d.end - d.start)))
    out: list[Draft] = []
    for draft in kept:
        if any(_same_content(draft, other) for other in out):
            continue
        out.append(draft)
    return out


def _cut_before(draft: Draft, at: int, text: str) -> bool:
    """End ``draft``'s content before offset ``at``; False when nothing is left."""
    while at > draft.start and text[at - 1] in _TRAILING:
        at -= 1
    pieces = [(s, min(e, at)) for s, e in _pieces(draft) if s < at]
    if not pieces or pieces[-1][1] - pieces[0][0] < 2:
        return False
    draft.parts = pieces if len(pieces) > 1 else []
    draft.start, draft.end = pieces[0][0], pieces[-1][1]
    return True


def _pieces(draft: Draft) -> list[tuple[int, int]]:
    return list(draft.parts) if draft.parts else [(draft.start, draft.end)]


def _holds_cue(outer: Draft, inner: Draft) -> bool:
    """Whether ``inner``'s cue lies in ``outer``'s content or source phrase."""
    if inner.cue is None:
        return False
    at = inner.cue[0]
    if outer.speaker is not None and outer.speaker[0] <= at < outer.speaker[1]:
        return True
    if inner.rank == 0:
        return False  # a quotation inside a report is the report's mixed part, never dropped
    return any(s <= at < e for s, e in _pieces(outer))


def _same_content(a: Draft, b: Draft) -> bool:
    common = sum(
        max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in _pieces(a) for s2, e2 in _pieces(b)
    )
    longer = max(sum(e - s for s, e in _pieces(a)), sum(e - s for s, e in _pieces(b)))
    return longer > 0 and common / longer >= SAME_CONTENT
