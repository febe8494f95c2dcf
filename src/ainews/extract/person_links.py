"""Short mentions of the people of an article resolved to their full names.

Helper of :mod:`ainews.extract.persons`: a later bare mention ("Kwon said", "Chey", "박정수는") or
family name and title ("박 대표") is linked to the full name stated earlier in the same article.
"""

from __future__ import annotations

import re

from . import _lexicon as lx


def resolve_mentions(body: str, found: list[dict], shorts, lang: str) -> list[dict]:
    full = {}  # name -> role (first stated)
    for f in found:
        if len(f["text"].split()) >= 2 or (re.fullmatch(r"[가-힣]{2,4}", f["text"]) and lang == "ko"):
            full.setdefault(f["text"], f["role"])
    for f in found:
        f["name"] = _full_name(f["text"], full)
        if f["role"] is None:
            f["role"] = full.get(f["name"])
    spans = {(f["start"], f["end"]) for f in found}
    # Later bare mentions of a known person ("Kwon said", "Chey", "박정수는"): of several people
    # sharing the word ("Lee"), the one named last before the mention.
    tokens: dict[str, list[str]] = {}
    for name in full:
        parts = name.split()
        if len(parts) >= 2:
            for t in {parts[0], parts[-1]}:
                if (len(t) >= 3 or _short_surname(t, name)) and name not in tokens.setdefault(t, []):
                    tokens[t].append(name)
        else:
            tokens.setdefault(name, []).append(name)
    if tokens:
        where = {}
        for f in found:
            if f["text"] == f["name"]:
                where.setdefault(f["name"], []).append(f["start"])
        after = lx.KO_AFTER if lang == "ko" else r"(?![\w-])"
        before = lx.KO_BEFORE if lang == "ko" else r"(?<![\w-])"
        for m in lx.find_words(body, tokens, before=before, after=after):
            if any(s <= m.start() < e for s, e in spans):
                continue
            name = _nearest(tokens[m.group(0)], m.start(), where)
            found.append({"text": m.group(0), "name": name, "role": full.get(name),
                          "start": m.start(), "end": m.end()})
    # "박 대표": the person of that surname in the article (same role preferred); unresolved dropped.
    for s, e, sur, role in shorts:
        if any(a <= s < b for a, b in spans):
            continue
        cands = [n for n in full if n.startswith(sur) and len(n) in (2, 3, 4) and " " not in n]
        if not cands:
            continue
        same = [n for n in cands if full[n] and full[n].endswith(role)]
        name = (same or cands)[0]
        found.append({"text": body[s:e], "name": name, "role": full.get(name), "start": s, "end": e})
    found.sort(key=lambda f: (f["start"], -(f["end"] - f["start"])))
    out, last_end = [], -1
    for f in found:
        if f["start"] >= last_end:
            out.append(f)
            last_end = f["end"]
    return out


def _short_surname(word: str, name: str) -> bool:
    """A two-letter Korean family name of a romanised Korean name ("Ko" of Ko Young-hwan, "Yu" of
    Yu Myung-hee), which later mentions use alone ("Ko reportedly told Yonhap")."""
    return (len(word) == 2 and word not in lx.roles()["en_surname_not_alone"] and name.startswith(word + " ")
            and re.fullmatch(r"[A-Z][a-z] [A-Z][a-z]+-[a-z]+", name) is not None)


def _nearest(names: list[str], pos: int, where: dict[str, list[int]]) -> str:
    """Of ``names``, the one whose full mention comes last before ``pos`` (else the first)."""
    if len(names) == 1:
        return names[0]
    best, at = names[0], -1
    for n in names:
        before = sorted(p for p in where.get(n, ()) if p < pos)
        if before and before[-1] > at:
            best, at = n, before[-1]
    return best


def _full_name(text: str, full: dict) -> str:
    if text in full:
        return text
    key = text.replace("-", "").lower()
    for name in full:
        parts = [p.replace("-", "").lower() for p in name.split()]
        if key in parts or key == "".join(parts):
            return name
    return text
