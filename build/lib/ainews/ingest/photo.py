"""Photo items: a portal's "[포토]" entry or a saved page holding a photo's caption and credit only.

Such an item has no article text; it is reported as skipped with its own reason (or kept on
request, with the caption in ``captions``) rather than as a page whose text was all boilerplate.
"""

from __future__ import annotations

import re

__all__ = ["PHOTO_ITEM", "photo_caption"]

PHOTO_ITEM = "photo item: a caption without article text"
# A title marking a photo item ("[포토] ...", "[사진] ...", "[Photo] ..."); its text is one caption.
_PHOTO_TITLE = re.compile(r"^\s*[\[【(]\s*(?:포토|사진|화보|photo|photos|写真)\s*[\]】)]", re.I)
_PHOTO_CAPTION_MAX = 400


def photo_caption(title: str, page) -> list[str] | None:
    """The caption(s) when the page is a photo item (a photo's caption and credit, no article)."""
    if not page.body and page.captions:
        return list(page.captions)
    if _PHOTO_TITLE.match(title or "") and "\n\n" not in page.body and len(page.body) <= _PHOTO_CAPTION_MAX:
        return page.captions + [page.body] if page.body else list(page.captions)
    return None
