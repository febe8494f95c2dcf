"""Readers for pasted page text (``.txt``) and Markdown with YAML front matter (``.md``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from .clean import clean_text
from .encoding import decode_bytes
from .dates import parse_date
from .headered import apply_url_date_header
from .records import Record, Skip

__all__ = ["read_text", "read_markdown", "split_front_matter"]

_KEY = re.compile(r"^([A-Za-z_][\w\-]*)\s*:\s?(.*)$")
_MD_META = re.compile(r"^\*\*(?P<outlet>[^*]{1,60})\*\*\s*\|\s*(?P<date>[^|]*)\|?\s*$")
_EMAIL = re.compile(r"\(?[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+\)?")


def read_text(path: Path, rel: str) -> Iterator[Record | Skip]:
    """A pasted web page: the whole file is one article still to be cleaned (a leading URL /
    date / title header, as in the livedoor news corpus, becomes metadata)."""
    rec = Record(source=rel, format="txt", raw_text=decode_bytes(path.read_bytes(), rel))
    apply_url_date_header(rec)
    yield rec


def _lenient_front_matter(block: str) -> dict:
    """``key: value`` lines, with indented or tab-led continuation lines joined to the last key."""
    data: dict[str, str] = {}
    key = None
    for line in block.splitlines():
        m = _KEY.match(line)
        if m and not line[:1].isspace():
            key = m.group(1)
            data[key] = m.group(2).strip().strip('"').strip("'")
        elif key is not None and line.strip():
            data[key] = (data[key] + " " + line.strip()).strip()
    return data


def split_front_matter(text: str, source: str = "") -> tuple[dict, str, str | None]:
    """Split ``---``-delimited YAML front matter from a Markdown text.

    Returns:
        ``(fields, body, note)``; ``note`` explains any repair (front matter that is not valid
        YAML is read line by line; an unclosed block is treated as text).
    """
    if not text.startswith("---"):
        return {}, text, None
    lines = text.split("\n")
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            break
    else:
        return {}, text, f"{source}: front matter opened with '---' is never closed; the file was read as plain text"
    block, body = "\n".join(lines[1:i]), "\n".join(lines[i + 1:])
    try:
        data = yaml.safe_load(block)
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise yaml.YAMLError("front matter is not a mapping of fields")
        return data, body, None
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        at = f" (line {where.line + 2})" if where is not None else ""
        return (
            _lenient_front_matter(block),
            body,
            f"front matter is not valid YAML{at}; its fields were read line by line — quote values "
            "that contain ':' or tabs to silence this",
        )


def _field(data: dict, *names: str) -> str:
    for n in names:
        v = data.get(n)
        if v not in (None, ""):
            return str(v).strip()
    return ""


_ROLE = re.compile(r"^(?:[가-힣]{1,8}\s*=\s*)|\s*(?:기자|특파원|선임기자|인턴기자|논설위원|객원기자|reporter)\s*$", re.I)


def _author_name(value: str) -> str:
    """Reporter names from an author field: e-mails, desk prefixes ("세종=") and roles removed."""
    names = [_ROLE.sub("", clean_text(_EMAIL.sub("", part))).strip() for part in re.split(r"[,/·]", value)]
    return ", ".join(n for n in names if n)


def read_markdown(path: Path, rel: str) -> Iterator[Record | Skip]:
    """Markdown with optional YAML front matter (id, title, publisher, author, published_at, url, ...)."""
    text = decode_bytes(path.read_bytes(), rel)
    data, body, note = split_front_matter(text, rel)
    rec = Record(
        source=rel,
        format="md",
        title=clean_text(_field(data, "title", "headline", "제목")),
        subtitle=clean_text(_field(data, "subtitle", "부제")),
        outlet=clean_text(_field(data, "publisher", "outlet", "source", "언론사")),
        byline=_author_name(_field(data, "author", "byline", "기자", "기고자")),
        url=_field(data, "url", "link"),
        extra={"front_matter_id": _field(data, "id")} if data.get("id") else {},
    )
    rec.published, rec.date_text = parse_date(_field(data, "published_at", "published", "date", "일자"))
    if note:
        rec.extra["notes"] = [note]
    lines = []
    for line in body.splitlines():
        stripped = line.strip()
        if stripped.startswith("# "):
            heading = clean_text(stripped[2:])
            if not rec.title:
                rec.title = heading
            else:
                rec.dropped.append((heading, "title repeated"))
            continue
        m = _MD_META.match(stripped)
        if m:
            rec.outlet = rec.outlet or clean_text(m.group("outlet"))
            if rec.published is None:
                rec.published = parse_date(m.group("date"))[0]
            rec.dropped.append((stripped, "outlet and date line"))
            continue
        if stripped in ("---", "***", "___"):
            rec.dropped.append((stripped, "markdown rule"))
            continue
        lines.append(line)
    rec.raw_text = "\n".join(lines)
    yield rec
