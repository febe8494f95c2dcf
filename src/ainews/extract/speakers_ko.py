"""The subject of a Korean quote when the entity finder names nobody there, read by the NER tagger.

Helper of :mod:`ainews.extract.quotes`. The person finder needs a name it can check (kiwi's proper
nouns, a family name before a title); the words right before a quote often hold a name it cannot
check: a foreign name in Hangul (``코투의 파트너 루카스 스위셔는``, ``벤저민 스윈번 모건스탠리
애널리스트는``), a two-syllable name (``류진 한국경제인협회 회장은``), a name with a note
(``임종룡(사진) 우리금융지주 회장은``), a title on no list (``송영현 가온아이 부서장은``). There the
character CRF of :mod:`ainews.extract.ner` reads the phrase; its person span is the speaker when
the phrase is the subject of the quote (a subject particle follows within a few words) and a
title stands next to the name. (The tagger's organizations as subjects were tried
and dropped: on the labelled articles they named more wrong speakers than right ones.)
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import _lexicon as lx

# what may stand between a name and its subject particle: a note in brackets, then up to five words
# (organization, department, title): "임종룡(사진) 우리금융지주(316140) 회장은"
_AFTER = re.compile(r"(?:\([^()\"“”]{0,20}\))?(?P<mid>(?:[^\S\n]?[^\s\"“”'‘’]+){0,5}?)"
                    r"(?:은|는|이|가|도|께서는)(?=[\s,]|$)")
# one-syllable particles inside foreign names (압둘라 후마이드 알 자르완, 폰 데어 라이엔)
_NAME_PARTICLES = {"알", "엘", "빈", "델", "데", "폰", "반", "드", "디", "라", "르", "오", "데어", "반데어",
                   "주니어", "시니어"}


@lru_cache(maxsize=1)
def _role_rx() -> tuple[re.Pattern, re.Pattern]:
    roles = lx.roles()["ko_alt"]
    return (re.compile(rf"(?:{roles})(?:\([^()]*\))?$"),
            re.compile(rf"(?:{roles})(?:\([^()]*\))?(?:인|이자|이며|으로|이던|였던|을 지낸|를 지낸)?[^\S\n]$"))


@lru_cache(maxsize=1)
def _any_role() -> re.Pattern:
    return re.compile(rf"(?:{lx.roles()['ko_alt']})(?:\([^()]*\))?(?:은|는|이|가|도|께서는|인|이자|이던|였던)?[\s,]")


def _trim(span: str) -> str:
    """A tagger person span without the title or organization it ran into ("정호승 시인" -> "정호승",
    "벤저민 스윈번 모건스탠리 애널리스트" -> "벤저민 스윈번")."""
    toks = span.split()
    after_role, _ = _role_rx()
    while len(toks) > 1 and after_role.search(toks[-1]):
        toks.pop()
    if len(toks) >= 3:
        keep = toks[:2]
        for t in toks[2:]:
            if t in _NAME_PARTICLES or (len(t) <= 3 and re.fullmatch(r"[가-힣]+", t) and keep[-1] in _NAME_PARTICLES):
                keep.append(t)
            else:
                break
        toks = keep
    # a Korean name run into the organization after it ("황희 카카오헬스케어"): the name alone
    sur = lx.roles()["surnames"]
    if len(toks) == 2 and 2 <= len(toks[0]) <= 3 and toks[0][0] in sur and len(toks[1]) >= 4:
        toks = toks[:1]
    return " ".join(toks)


def _outside_orgs(text: str, a: int, b: int, orgs: list[tuple[int, int]]) -> tuple[int, int]:
    """The part of a person span ``text[a:b]`` outside the article's organizations and places: the
    tagger runs names into them ("카운터포인트 데이비드 나란호", "황희 카카오헬스케어")."""
    for s, e in sorted(orgs):
        if s < b and a < e:
            if s <= a:
                a = e
                while a < b and text[a] == " ":
                    a += 1
            else:
                b = s
                while b > a and text[b - 1] == " ":
                    b -= 1
    return a, b


def _second_name_word(word: str, at: int, text: str, orgs) -> bool:
    """Whether the word after a one-word name may be the second half of a foreign name: a short
    proper noun (맥케나) that is no title, organization, place or university (서강대)."""
    if not re.fullmatch(r"[가-힣]{2,3}", word) or word.endswith("대") or _role_rx()[0].search(word):
        return False
    if word in lx.orgs()["known"] or word in lx.place_matchers()[3] or any(s <= at + 1 < e for s, e in orgs):
        return False
    from .persons import ko_proper_nouns

    return ko_proper_nouns(word)


def _name_ok(name: str) -> bool:
    toks = name.split()
    if not toks or not all(re.fullmatch(r"[가-힣]{1,7}", t) for t in toks):
        return False
    if name in lx.orgs()["known"] or name in lx.place_matchers()[3]:
        return False
    if len(toks) == 1:  # a Korean name: family name + one or two syllables
        sur = lx.roles()["surnames"]
        return 2 <= len(name) <= 4 and (name[0] in sur or name[:2] in sur)
    if any(t in lx.place_matchers()[3] or t in lx.orgs()["known"] for t in toks):
        return False
    from .persons import ko_proper_nouns

    return ko_proper_nouns(name)  # 카운터포인트/NNG 데이비드 is no name


def tagged_subject(body: str, lo: int, hi: int, ents: list[dict], *, from_start: bool = False) -> tuple | None:
    """``(name, kind, role, organization)`` of the person the tagger finds as the subject of
    ``body[lo:hi]`` (the text before a quote), or None."""
    from .ner import shipped_tagger

    tagger = shipped_tagger()
    if tagger is None:
        return None
    if from_start:  # the subject opens the text (the sentence after a quote)
        nl = body.find("\n", lo, hi)
        hi = nl if nl >= 0 else hi
    else:
        lo = max(lo, hi - 90)
        nl = body.rfind("\n", lo, hi)
        lo = nl + 1 if nl >= 0 else lo
    text = body[lo:hi]
    # a name is taken only beside a title: without one in the phrase the tagger is not asked
    if len(text) < 3 or not _any_role().search(text):
        return None
    spans = tagger.entities(text)
    after_role, before_role = _role_rx()
    orgs = [(e["start"] - lo, e["end"] - lo) for e in ents if e["kind"] in ("org", "place")
            and lo <= e["start"] < hi]
    for label, a, b in reversed(spans):
        if label != "PS":
            continue
        a, b = _outside_orgs(text, a, b, orgs)
        if a >= b or (from_start and text[:a].strip()):
            continue
        name = _trim(text[a:b])
        m = _AFTER.match(text, a + len(name))
        if not m or not _name_ok(name):
            continue
        mid = m.group("mid").split()
        if " " not in name and mid and _second_name_word(mid[0], a + len(name), text, orgs):
            continue  # "마이크 맥케나 전 보좌관은": the tagger saw half of a foreign name
        role_after = bool(mid) and after_role.search(mid[-1])
        role_before = before_role.search(text[max(0, a - 12):a])
        if not (role_after or role_before) or (from_start and not role_after):
            continue
        if from_start and " " not in name:
            from .persons import ko_name_ok

            if not ko_name_ok(name):
                continue
        role = mid[-1] if role_after else None
        org = " ".join(mid[:-1]) or None if role_after else None
        return name, "person", role, org
    from .ko_names import opening_name_subject

    return _short_name_subject(text) or _foreign_subject(text) or opening_name_subject(text)


def _short_name_subject(text: str) -> tuple | None:
    """A two-syllable name before an organization and title, as the subject ("허정 서강대 교수는",
    "류진 한국경제인협회 회장은"), when kiwi reads it as one proper noun; the person finder leaves
    two-syllable names to the tagger elsewhere, but a quote's subject beside a title is one."""
    from .persons import ko_name_ok

    rx, pos, m = _two_syllable_rx(), 0, None
    while (c := rx.search(text, pos)) is not None:
        # every start, not only non-overlapping ones: "제도 혁신 류진 한국경제인협회 회장이"
        if ko_name_ok(c.group("name")):
            m = c
        pos = c.start() + 1
    if m is None:
        return None
    mid = m.group("mid").split()
    if len(mid) > 1 and _second_name_word(mid[0], m.end("name"), text, []):
        return None  # "마크 간지 디지털브릿지 CEO는": half of a foreign name
    return m.group("name"), "person", mid[-1], " ".join(mid[:-1]) or None


@lru_cache(maxsize=1)
def _two_syllable_rx() -> re.Pattern:
    r = lx.roles()
    return re.compile(rf"(?<![가-힣])(?P<name>(?:{r['surname_alt']})[가-힣])(?:\([^()]{{0,20}}\))?"
                      rf"(?P<mid>(?:[^\S\n][^\s\"“”'‘’]+[^\s\"“”'‘’에의을를와과로]){{0,3}}?[^\S\n]"
                      rf"(?!기자)(?:{r['ko_alt']}))(?:\([^()]*\))?"
                      rf"(?:은|는|이|가|도)(?=[\s,])")



def short_of_tagged(body: str, lo: int, hi: int, tagged) -> tuple | None:
    """A later short mention, as the subject before a quote, of a person the tagger named at an
    earlier quote of the article: family name and title ("류 회장은" for 류진) or the last word of a
    foreign name, with or without a title ("던바 파트너는", "립니카스는")."""
    if not tagged:
        return None
    found = [(m.group("w"), bool(m.group("role"))) for m in _short_rx().finditer(body, lo, hi)]
    if not found:
        return None
    for person in reversed(tagged):
        words = person[0].split()
        for w, titled in found:
            if (len(words) == 1 and titled and w == words[0][0]) or (len(words) > 1 and w == words[-1]):
                return person
    return None


@lru_cache(maxsize=1)
def _short_rx() -> re.Pattern:
    return re.compile(rf"(?<![가-힣])(?P<w>[가-힣]{{1,6}})(?P<role>[^\S\n]?(?:{lx.roles()['ko_alt']}))?"
                      rf"(?:은|는|이|가|도)(?=[\s,])")


# modifiers and numerals that may stand between a company and a title ("테슬라 전 CEO", "세 회사")
_NOT_SECOND = {"전", "현", "신", "부", "총", "각", "이", "그", "저", "및", "등", "세", "네", "한", "새", "옛"}


def _foreign_subject(text: str) -> tuple | None:
    """A foreign name in Hangul before an organization and title, as the subject (``에릭 두 한국화웨이
    부사장은``, ``메타 마셜 모건스탠리 애널리스트는``), when neither kiwi nor the tagger reads the
    whole name: its first word is one proper noun to kiwi (no place, organization or Korean name)
    and its second a proper noun, a single syllable that is no modifier, or a person to the tagger."""
    from .ko_names import COMMON_SURNAMES, crf_person
    from .persons import ko_proper_nouns

    m = None
    for c in _foreign_rx().finditer(text):
        m = c
    if m is None:
        return None
    w1, w2 = m.group("w1"), m.group("w2")
    known = set(lx.orgs()["known"]) | set(lx.place_matchers()[3]) | lx.roles()["ko_set"]
    if w1 in known or w2 in known or w2 in _NOT_SECOND or w2.endswith("대"):
        return None
    if any(len(w) == 3 and w[0] in COMMON_SURNAMES for w in (w1, w2)) or not ko_proper_nouns(w1):
        return None
    if not (ko_proper_nouns(w2) or len(w2) == 1 or crf_person(text, m.start("w1"), m.end("w2"),
                                                             size=m.end("w2") - m.start("w1"), near=False)):
        return None
    mid = m.group("mid").split()
    return f"{w1} {w2}", "person", mid[-1] if mid else None, " ".join(mid[:-1]) or None


@lru_cache(maxsize=1)
def _foreign_rx() -> re.Pattern:
    roles = lx.roles()["ko_alt"]
    return re.compile(rf"(?<![가-힣A-Za-z0-9])(?P<w1>[가-힣]{{2,6}})[^\S\n](?P<w2>[가-힣]{{1,5}})(?:\([^()]{{0,30}}\))?"
                      rf"(?P<mid>(?:[^\S\n][^\s\"“”'‘’]+){{0,3}}?[^\S\n][^\s\"“”'‘’]*?(?:{roles}))"
                      rf"(?:\([^()]*\))?(?:은|는|이|가)(?=[\s,])")


def short_title_name(body: str, lo: int, hi: int, title: str = "") -> tuple | None:
    """A family name and title as the subject before a quote ("류 회장은", "이 시장은") when the
    person finder found no full name for it: the one full name in the headline or body that starts
    with that family name and stands before the same title, maybe after an organization ("류진
    한국경제인협회 회장이", "이상일 용인시장,"), also when a subheading is run into it ("...필요류진").
    None when no such name or more than one is written."""
    m = None
    for m in _short_title_rx().finditer(body, lo, hi):
        pass
    if m is None or m.group("sur") not in lx.roles()["surnames"]:
        return None
    sur, role = m.group("sur"), m.group("role")
    full = re.compile(rf"{re.escape(sur)}(?P<given>[가-힣]{{1,2}})(?:\([^()\n]{{0,20}}\))?"
                      rf"(?P<mid>(?:[^\S\n][^\s\"“”'‘’,]+?){{0,3}}?)[^\S\n]?(?P<pre>[^\s\"“”'‘’,]{{0,6}}?)"
                      rf"{re.escape(role)}(?:은|는|이|가|도|의|과|와|,|[^\S\n])")
    found = {}
    for c in full.finditer(f"{title}\n{body[:hi]}"):
        name = sur + c.group("given")
        if name in lx.orgs()["known"] or name in lx.place_matchers()[3] or not (c.group("mid") or c.group("pre")
                                                                             or c.group(0)[len(name)] in " ("):
            continue
        mid = c.group("mid").split()
        found.setdefault(name, (name, "person", role, " ".join(mid) or None))
    return next(iter(found.values())) if len(found) == 1 else None


@lru_cache(maxsize=1)
def _short_title_rx() -> re.Pattern:
    # (씨 also without its space: "김씨는")
    return re.compile(rf"(?<![가-힣])(?P<sur>[가-힣]{{1,2}})(?:[^\S\n]|(?=씨))(?P<role>{lx.roles()['ko_alt']})"
                      rf"(?:은|는|이|가|도)(?=[\s,])")
