"""What a reader yields: a candidate article (:class:`Record`) or an accounted-for skip."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Record", "Skip", "InputError"]


class InputError(ValueError):
    """Bad input a user can fix; the message names the file (and row) and the fix."""


@dataclass
class Record:
    """One candidate article as read from a file (or one row of a tabular file).

    ``raw_text`` set means the text still needs boilerplate cleaning (pasted pages,
    Markdown); readers that get clean fields (HTML via trafilatura, CSV, xlsx) fill ``body``.
    """

    source: str
    format: str
    title: str = ""
    subtitle: str = ""
    byline: str = ""
    outlet: str = ""
    published: Any = None  # datetime-like or None
    date_text: str = ""
    url: str = ""
    body: str = ""
    raw_text: str | None = None
    captions: list[str] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)
    lang: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Skip:
    """An input (file or row) that was not ingested, with a reason a user can act on."""

    source: str
    reason: str
