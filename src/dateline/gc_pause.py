"""Loading long-lived data without Python's cyclic garbage collector (issue 15: cold start).

Reading the compiled dictionaries makes hundreds of thousands of tuples, lists and dicts
(the actor cache alone 250,000), all kept for the life of the process. Each 700 of them
start a collection of the youngest objects, and every few of those a full one that walks
the whole heap, the spaCy model's objects included: about two thirds of the dictionaries'
load time. None of these objects can be garbage, so the collector is paused while they are
made and runs as usual afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector inside the block, and restore its state after it
    (a block inside another leaves it paused). Objects are still freed by reference counting;
    cycles made inside the block are collected by the first collection after it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
