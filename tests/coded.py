"""Helpers the event tests share: the tellings an analysed page gives for one trigger
word, and the sorted actor codes of a side."""

from __future__ import annotations

from sitrep.events.merge import tellings


def events_at(result, trigger):
    """Every telling on the page whose trigger is ``trigger``."""
    return [t for e in result.events for t in tellings(e) if t.trigger == trigger]


def codes(refs):
    """The sorted actor codes of ``refs``."""
    return sorted(a.code for a in refs)
