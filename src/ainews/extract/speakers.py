"""Who a quote belongs to: the speaker search around a quote and the role/organization split.

Helpers of :mod:`ainews.extract.quotes`. A speaker is a tuple ``(name, kind, role, organization)``
with ``kind`` ``person`` or ``org``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import _lexicon as lx

_EN_OF = re.compile(r"^(?P<role>.+?)\s+(?:of|at)\s+(?:the\s+)?(?P<org>[A-Z].*)$")


@lru_cache(maxsize=1)
def _ko_rx() -> dict[str, re.Pattern]:
    q = lx.quote_verbs()
    subj = lx.alt(q["ko_subject_after"])
    roles = lx.roles()["ko_alt"]
    return {
        # what may follow a subject: 은/는/이/가 and a space, a date or nothing more ("X는 29일 "..."),
        # after an abbreviation or note in brackets ("워싱턴포스트(WP)는")
        "subject": re.compile(rf"^(?:\([^()\"“”\n]{{1,20}}\))?(?:{subj})(?=[\s,]|$)"),
        # "LG AI연구원 관계자는", "회사 측은"
        "official": re.compile(rf"(?P<org>[^\s\"“”'‘’]+(?:\s[^\s\"“”'‘’]+){{0,2}}?)\s?(?:{lx.alt(q['ko_official'])})"
                               rf"(?:{subj})(?=[\s,]|$)"),
        # a bare title as subject: "회장은 "..."", "이 위원장은" is handled as a short mention
        "bare_role": re.compile(rf"(?<![가-힣])(?P<role>{roles})(?:{subj})(?=[\s,]|$)"),
    }


def speaker_of(ent: dict, ents: list[dict]) -> tuple:
    """``(name, kind, role, organization)`` of an entity row of :func:`article_entities`."""
    if ent["kind"] == "org":
        name = org_full_name(ent, ents)
        return name, "org", None, name
    role, org = split_role(ent.get("role"))
    if org is None:
        # "SK그룹 최태원 회장": an organization just before the name
        for e in ents:
            if e["kind"] == "org" and 0 <= ent["start"] - e["end"] <= 1:
                org = e["name"]
    return ent["name"], "person", role, org


def org_full_name(ent: dict, ents: list[dict]) -> str:
    """The full name of an organization mention: the longest form of the same organization named
    in the article up to it (헌재 -> 헌법재판소), or for a bare generic ending (협의회, 위원회) the
    last organization named before it that ends with that word."""
    name = ent["name"]
    same = [e["name"] for e in ents if e["kind"] == "org" and e["canonical"] == ent["canonical"]
            and e["start"] <= ent["start"]]
    hangul = bool(re.search(r"[가-힣]", name))
    same = [n for n in same if bool(re.search(r"[가-힣]", n)) == hangul]  # 카이스트 stays Hangul
    if same:
        name = max(same, key=len)
    if name in lx.orgs()["ko_suffix_words"]:
        before = [e["name"] for e in ents if e["kind"] == "org" and e["start"] < ent["start"]
                  and e["name"] != name and e["name"].endswith(name)]
        if before:
            name = before[-1]
    return name


def split_role(phrase: str | None) -> tuple[str | None, str | None]:
    """``(role, organization)`` of a title phrase: "울산시 대변인" -> ("대변인", "울산시");
    "CEO of Kakao" -> ("CEO", "Kakao"); "Chairman" -> ("Chairman", None)."""
    if not phrase:
        return None, None
    m = _EN_OF.match(phrase)
    if m:
        return m.group("role"), m.group("org")
    if re.search(r"[가-힣]", phrase):
        toks = phrase.split()
        if len(toks) > 1:
            return toks[-1], " ".join(toks[:-1])
    return phrase, None


def ko_subject(body: str, lo: int, hi: int, ents: list[dict]) -> dict | None:
    """The person (else organization) that is the subject of ``body[lo:hi]``, the text before a quote.

    A person anywhere in the segment wins (the first one: "이경민 대신증권 리서치부장은 29일 "...");
    an organization counts only as a subject: followed by 은/는/이/가 or by 관계자/측.
    """
    seg = [e for e in ents if lo <= e["start"] and e["end"] <= hi]
    # a byline ("김지현 기자 = ") names the reporter, not the speaker
    people = [e for e in seg if e["kind"] == "person" and not (e.get("role") or "").endswith("기자")]
    if people:
        return people[0]
    rx = _ko_rx()
    for e in seg:
        if e["kind"] != "org":
            continue
        tail = body[e["end"]:hi]
        # "삼성전자 관계자는", not "삼성전자에 정통한 관계자는"
        if rx["subject"].match(tail) or (rx["official"].match(body, e["start"], hi)
                                        and _OFFICIAL_NEXT.match(tail)):
            return e
    return None


_OFFICIAL_NEXT = re.compile(r"^(?:\([^()]{1,20}\))?\s?(?:[A-Za-z0-9가-힣·&]+\s)?(?:관계자|측|대변인|고위)")


def ko_official(body: str, lo: int, hi: int, title: str = "") -> tuple | None:
    """An unnamed organization spokesperson ("LG AI연구원 관계자는") as an organization speaker; a
    word kiwi splits into common nouns (귀뚜라미보일러) names a body when the headline opens with it
    or its first part ("귀뚜라미, 북미 개척")."""
    m = None
    for m in _ko_rx()["official"].finditer(body, lo, hi):
        pass
    if m is None:
        return None
    toks = m.group("org").split()
    # "JP모건체이스의 애널리스트들은": the owner, without its possessive particle
    if toks and toks[-1].endswith("의") and re.search(r"[A-Z]", toks[-1]):
        toks[-1] = toks[-1][:-1]
    # An unnamed source of a sector ("업계 관계자") is not an organization: the words before 관계자 must
    # read as an organization's name (Latin letters as in "LG AI연구원", or an organization ending).
    keep = []
    for t in reversed(toks[-3:]):
        if not re.fullmatch(r"[A-Za-z0-9가-힣&·]+", t) or not (re.search(r"[A-Z]", t) or _org_end().search(t)
                                                            or (not keep and (_named_body(t)
                                                                              or _headline_name(t, title)))):
            break
        keep.insert(0, t)
    if not keep:
        return None
    name = " ".join(keep)
    return name, "org", None, name


_COMPANY_OFFICIAL = re.compile(r"(?<![가-힣])(?:(?:이|해당|동|같은)[^\S\n])?(?:회사|동사)[^\S\n]?(?:관계자|측)"
                               r"(?:은|는|이|가|도)(?=[\s,])")


def alias_full_name(name: str, body: str, before: int | None = None) -> str:
    """The name an article gives in full for ``name``, else ``name``: a short form it introduces in
    brackets ("강원테크노파크(이하 강원TP)", "한국산업기술진흥원(KIAT)" -> the name before the
    bracket), and a bare generic word ("협의회 관계자는") as the last organization ending with that
    word named before ``before`` (the quote), itself expanded in turn ("CPO협의회" -> its full name)."""
    if name in lx.orgs()["ko_suffix_words"]:
        ends = [m.group(0) for m in re.finditer(
            rf"(?<![가-힣A-Za-z0-9])[가-힣A-Za-z0-9]{{1,30}}{re.escape(name)}(?![가-힣A-Za-z0-9])", body[:before])]
        if ends:
            name = ends[-1]
    if "(" not in body:
        return name
    m = re.search(rf"(?P<full>[^\s()\"“”‘’'‧·ㆍ,]{{2,30}})\((?P<this>이하[^\S\n]?)?['‘\"“]?{re.escape(name)}['’\"”]?\)",
                  body)
    if m is None:
        return name
    full = m.group("full")
    # without 이하 the bracket may hold anything after a word ("툴스 포 휴머니티(TFH)": one word of a
    # longer name): the word before it must read as a whole organization name, in Hangul and longer
    if m.group("this") or (re.search(r"[가-힣]", full) and len(full) > len(name)
                           and (full in lx.orgs()["known"] or _org_end().search(full))):
        return full
    return name


def company_official(body: str, lo: int, hi: int, ents: list[dict], title: str = "") -> tuple | None:
    """"회사 관계자는", "이 회사 관계자는", "회사 측은": an official of the company the article is about,
    the organization it names most often (at least twice) before the quote, else the company the
    headline is about (:func:`title_subject`)."""
    if not _COMPANY_OFFICIAL.search(body, lo, hi):
        return None
    from collections import Counter

    orgs = [e for e in ents if e["kind"] == "org" and e["start"] < hi]
    counts = Counter(e["canonical"] for e in orgs)
    if counts:
        canon, n = counts.most_common(1)[0]
        if n >= 2:
            last = [e for e in orgs if e["canonical"] == canon][-1]
            return speaker_of(last, ents)
    name = title_subject(title, body[:hi], ents)
    return (name, "org", None, name) if name else None


# a headline that opens with its subject and a comma: "옵티코어, AI 데이터센터 광트랜시버 공급 계약"
_TITLE_SUBJECT = re.compile(r"^\s*(?P<name>[가-힣A-Za-z][가-힣A-Za-z0-9&]{1,14})\s?,\s")


def title_subject(title: str, body: str, ents: list[dict]) -> str | None:
    """The organization a headline is about when it opens with its name and a comma ("그래핀랩, 차세대
    EUV 펠리클로 해외 시장 공략"), named at least twice in ``body`` as a subject or owner (그래핀랩은,
    그래핀랩이, 그래핀랩의); None for a person, a place or a name the body does not repeat."""
    m = _TITLE_SUBJECT.match(title or "")
    if not m:
        return None
    name = m.group("name")
    if any(e["kind"] in ("person", "place") and e["text"] == name for e in ents) \
            or name in lx.place_matchers()[3]:
        return None
    uses = re.findall(rf"(?<![가-힣A-Za-z0-9]){re.escape(name)}(?:은|는|이|가|의|도)(?![가-힣])", body)
    return name if len(uses) >= 2 else None


def title_subject_quote(body: str, lo: int, hi: int, ents: list[dict], title: str) -> tuple | None:
    """An organization speaker that is the headline's subject (:func:`title_subject`) and the subject
    of the words before the quote ("그래핀랩은 "..."", "그래핀랩은 29일 "..."")."""
    name = title_subject(title, body, ents)
    if name is None:
        return None
    seg = body[lo:hi].strip(" ,\n")
    if re.fullmatch(rf"{re.escape(name)}(?:은|는|이|가|도)(?:\s(?:[0-9]{{1,2}}일|이날|또|또한|이어|아울러))?", seg):
        return name, "org", None, name
    return None


def _headline_name(word: str, title: str) -> bool:
    """Whether ``word`` starts with the name a headline opens with before a comma (귀뚜라미보일러 for
    "귀뚜라미, '현장에서 만드는 전력'으로 북미 개척")."""
    m = _TITLE_SUBJECT.match(title or "")
    return bool(m) and len(m.group("name")) >= 2 and word.startswith(m.group("name"))


def _named_body(word: str) -> bool:
    """A word right before 관계자 that names a body: a known organization or place (경기도), or one
    proper noun to kiwi (귀뚜라미보일러, 동부건설), not a sector word (업계/NNG, 정부/NNG)."""
    if word in lx.orgs()["known"] or word in lx.place_matchers()[3]:
        return True
    if not re.fullmatch(r"[가-힣]{2,12}", word):
        return False
    from .persons import ko_proper_nouns

    return ko_proper_nouns(word)


@lru_cache(maxsize=1)
def _org_end() -> re.Pattern:
    data = lx.orgs()
    return re.compile(rf"(?:{lx.alt(data['ko_suffix_words'])})$")


def ko_bare_role(body: str, lo: int, hi: int, people: list[dict]) -> dict | None:
    """A bare title as subject ("회장은 "..."") resolved to the last person of that title before it."""
    m = _ko_rx()["bare_role"].search(body, lo, hi)
    if not m:
        return None
    role = m.group("role")
    cands = [e for e in people if e["start"] < m.start() and (e.get("role") or "").endswith(role)]
    return cands[-1] if cands else None


_JOINED_BY = re.compile(r"^(?:[·ㆍ,]|와|과|및)[^\S\n]?$")


def ko_joint(body: str, ent: dict, ents: list[dict]) -> list[tuple]:
    """Speakers written jointly with the subject ``ent`` of a quote ("산업통상부와 관세청은",
    "정해창·이경민 대신증권 연구원은"): the organization or person right before it, joined by 와/과,
    a middle dot or a comma; a bare Korean name before a dot counts when kiwi reads it as a name."""
    before = [e for e in ents if e["end"] <= ent["start"] and e["kind"] == ent["kind"]
              and _JOINED_BY.match(body[e["end"]:ent["start"]])]
    if before:
        return [speaker_of(before[-1], ents)]
    if ent["kind"] != "person":
        return []
    m = re.search(r"(?<![가-힣])(?P<name>[가-힣]{3})[·ㆍ]$", body[max(0, ent["start"] - 5):ent["start"]])
    if m is None or m.group("name")[0] not in lx.roles()["surnames"]:
        return []
    from .persons import ko_name_ok

    if not ko_name_ok(m.group("name")):
        return []
    _, _, role, org = speaker_of(ent, ents)
    return [(m.group("name"), "person", role, org)]
