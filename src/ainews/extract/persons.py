"""People in English and Korean text, with the role stated next to their name.

English: a title before ("Chairman Chey Taewon", "Mayor Oh Se-hoon"), a title after ("Jung Sinah,
CEO of Kakao"), or a speech verb after ("Jen Wong, said"). Korean: a name before a role noun
("이용섭 광주광역시장", "박정수 텔스타홈멜 대표"). Short mentions ("Chey", "Kwon", "박 대표") are
resolved to a full name of the same article.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import _lexicon as lx
from .ko_names import COMMON_SURNAMES, crf_person, ko_name_ok, ko_proper_nouns, save_name_checks
from .person_links import resolve_mentions

__all__ = ["find_persons", "ko_name_ok", "ko_proper_nouns", "save_name_checks"]

_EN_TOKEN = r"[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Za-z][a-z]+)?"  # Kim MinYoung, Lee Soo-jung
_EN_NAME = rf"{_EN_TOKEN}(?: {_EN_TOKEN}){{1,2}}"
# an age between a name and its description: "Pan Wen, 37, senior consultant of OBOR Investment"
_AGE = r"(?:\d{1,3},\s)?"
# lower-case words after "Name, " that do not describe a person ("Seoul, which ...")
_NOT_ROLE = "which|who|whose|where|when|while|and|but|or|that|said|says|according|as|after|before|in|on|at|for|with|to|from|is|was|has|had|will|would"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    r = lx.roles()
    roles_en = r["en_alt"]
    verbs = lx.alt(lx.quote_verbs()["en_verbs"])
    sur = r["surname_alt"]
    return {
        # "Chairman Chey Taewon", "Prime Minister Fumio Kishida", "Chairman Chey"
        "en_before": re.compile(rf"\b(?P<role>{roles_en})\s+(?P<name>{_EN_TOKEN}(?: {_EN_TOKEN}){{0,2}})"
                                r"(?:['’]s)?\b"),
        # "Jung Sinah, CEO of Kakao", "Chey Taewon, Chairman of the Korea Chamber of ..."
        "en_after": re.compile(rf"\b(?P<name>{_EN_NAME}),\s+{_AGE}(?:the\s+)?(?P<role>(?:[A-Z][\w&-]*\s)*?"
                               rf"(?:{roles_en})\b(?:\s\([A-Z]+\))?(?:\s(?:of|at)\s(?:the\s)?"
                               r"[A-Z][\w&-]*(?:\s(?:and\s|of\s|for\s)?[A-Z][\w&-]*)*)?)"
                               r"(?!\s[A-Z][a-z])"),
        # "Chief Operating Officer (COO), Jen Wong, said"
        "en_appos": re.compile(rf"\b(?P<role>{roles_en})(?:\s\([A-Z]+\))?,\s(?P<name>{_EN_NAME}),"),
        # "Yang Uk, a senior research fellow at the Korea Security and Defense Forum"
        "en_desc": re.compile(rf"\b(?P<name>{_EN_NAME}),\s{_AGE}(?:(?:a|an|the)\s)?(?!(?:{_NOT_ROLE})\b)(?P<role>[a-z][^,.;:\"“”]{{2,60}}(?<=\w))"),
        # "Qiu Guohong, Chinese ambassador to Korea,": a nationality or place, then a title
        "en_desc_title": re.compile(rf"\b(?P<name>{_EN_NAME}),\s(?:(?:a|an|the)\s)?(?P<role>[A-Z][a-z]+\s(?:[a-z]+\s)?"
                                    r"(?:ambassador|minister|official|envoy|spokesperson|spokesman|president|chairman|"
                                    r"director|professor|lawmaker|leader|consul|diplomat|executive|analyst)\b[^,.;:\"“”]{0,50})"),
        # "said Rep. Kim Young-woo of the Saenuri Party", "said Yang Uk, ..."
        "en_said_name": re.compile(rf"\b(?:said|says|added|asked|wrote)\s(?:(?P<role>{roles_en})\s)?"
                                   rf"(?P<name>{_EN_NAME})\b"),
        # a romanised Korean name, "Lee Soo-jung", "Chung Sye-kyun": a family name and a hyphenated given name
        "en_korean": re.compile(rf"(?<![\w-])(?P<name>(?:{r['en_ko_surname_alt']}) [A-Z][a-z]+-[a-z]+)(?![\w-])"),
        # "Jen Wong said", "Chey Taewon: "..."" (headline attribution)
        "en_verb": re.compile(rf"\b(?P<name>{_EN_NAME}),?\s(?:{verbs})\b|\b(?P<name2>{_EN_NAME}):\s?[\"“]"),
        # "이용섭 광주광역시장", "박진 ㈜인포렉스 대표이사", "손경종 시 인공지능산업국장"
        "ko_role": re.compile(
            rf"{lx.KO_BEFORE}(?P<name>(?:{sur})[가-힣]{{1,2}})(?:\(\d{{1,3}}(?:세)?\)[^\S\n]?|[^\S\n])(?P<role>(?:[㈜()\w·&]+[^\S\n]){{0,4}}?"
            rf"[㈜()\w·]*?(?:{r['ko_alt']})){lx.KO_AFTER}"),
        # foreign names in Hangul before a title: "샘 올트먼 오픈AI CEO", "워런 버핏 회장"
        "ko_foreign": re.compile(
            rf"{lx.KO_BEFORE}(?P<name>[가-힣]{{1,5}}[^\S\n][가-힣]{{1,5}})[^\S\n](?P<role>(?:[㈜()\w·&]+[^\S\n]){{0,3}}?"
            rf"[㈜()\w·]*?(?:{r['ko_alt']})){lx.KO_AFTER}"),
        # a title before the name: "주연 배우 김다미는", "방송인 허지웅은"
        "ko_role_before": re.compile(
            rf"(?<![가-힣])(?P<role>{r['ko_alt']})[^\S\n](?P<name>(?:{sur})[가-힣]{{1,2}}){lx.KO_AFTER}"),
        # a title before a foreign name: "포트폴리오 전략가 크리스토퍼 웡은", "FERC 위원장이던 닐 채터지는"
        # (found from the name and particle; the title before is checked on the few words found)
        "ko_foreign_role_before": re.compile(
            r"(?<=[^\S\n])(?P<name>[가-힣]{1,6}[^\S\n][가-힣]{1,6})(?=은|는|이|가|도|씨|의[^\S\n])"),
        "ko_role_end": re.compile(rf"(?<![가-힣])(?P<role>{r['ko_alt']})(?:\([A-Za-z]+\))?(?:인|이던|였던)?[^\S\n]$"),
        # "박 대표", "최 회장"
        "ko_short": re.compile(rf"{lx.KO_BEFORE}(?P<sur>{sur})[^\S\n]?(?P<role>{r['ko_alt']}){lx.KO_AFTER}"),
    }


# "서강대 교수", "계명대 디지펜게임공학과를 졸업한 ...": a university before a department or academic title
_UNIVERSITY = re.compile(r"^[가-힣]{1,4}대 (?:[가-힣]*(?:과|학부|대학원|캠퍼스)(?:를|을|의)?(?:\s|$)|"
                         r"(?:명예|겸임|석좌|연구|초빙)?(?:교수|총장|학장|부총장|입학처장|연구원|박사))")
_JUNIOR = re.compile(r"(주니어|시니어|3세|2세)[^\S\n]")


def _two_ok(body: str, m: re.Match) -> bool:
    """Two-syllable names (황희) are rare and most two-syllable proper nouns before a title are not
    names (연준, 두고): the tagger must agree."""
    return len(m.group("name")) != 2 or crf_person(body, m.start("name"), m.end("name"), size=2, near=False)


def _tagged_foreign(body: str, start: int, first: str, second: str) -> bool:
    """Whether ``first second`` (at ``start``, before a title) is one foreign name in Hangul to the
    NER tagger ("제러미 크랜츠", "마이크 맥케나"): a short second word that is no title, organization
    or place, after a first word that does not read as a Korean name (family name + two syllables)."""
    if not re.fullmatch(r"[가-힣]{2,4}", second) or second.endswith("대") or second in lx.roles()["ko_set"]:
        return False
    if second in lx.orgs()["known"] or second in lx.place_matchers()[3]:
        return False
    if len(first) == 3 and first[0] in COMMON_SURNAMES:
        return False
    end = start + len(first) + 1 + len(second)
    return crf_person(body, start, end, size=end - start, near=False)


def _inner_name(body: str, start: int, word: str) -> bool:
    """Whether ``word`` (at ``start``, the first word of a title phrase) is itself a Korean name:
    family name and given name that kiwi accepts and the tagger reads as a person there
    (현대차 and 삼성전자 before 회장 are organizations)."""
    if not re.fullmatch(r"[가-힣]{3}", word) or word[0] not in lx.roles()["surnames"]:
        return False
    if word in lx.orgs()["known"] or word in lx.place_matchers()[3]:
        return False
    return ko_name_ok(word) and crf_person(body, start, start + 3, near=False)


def _strip_possessive(name: str) -> str:
    return re.sub(r"['’]s$", "", name)


def find_persons(body: str, lang: str) -> list[dict]:
    """Person mentions of one article: dicts with ``text, name, role, start, end``.

    ``name`` is the full name the mention resolves to within the article (the mention itself when no
    full name is known).
    """
    p = _patterns()
    found: list[dict] = []
    role_words = lx.roles()["en"]

    def add(m, grp="name", role=None):
        name = _strip_possessive(m.group(grp))
        toks = name.split()
        # A role word caught as part of a name ("Chairman Chey" inside "Vice Chairman Chey") is cut.
        while toks and (toks[0] in role_words or toks[0] in lx.roles()["en_not_name"]):
            toks = toks[1:]
        # a title inside the span ("Yantai Mayor Zhang"): the name is what follows it
        inner = [i for i, t in enumerate(toks[:-1]) if t in role_words]
        if inner and lang != "ko":
            toks = toks[inner[-1] + 1:]
        if len(toks) == 1 and lang != "ko" and m.re is p["en_desc"]:
            return
        # a title phrase read as a name ("said Vice Environment Minister Jeong"): it ends on a title
        if not toks or (lang != "ko" and toks[-1] in role_words):
            return
        name = " ".join(toks)
        if name in lx.place_matchers()[3] or name in lx.orgs()["known"] or any(
                w in lx.place_matchers()[3] or w in lx.orgs()["en_suffixes"] for w in toks):
            return
        start = m.start(grp) + m.group(grp).index(name)
        found.append({"text": name, "role": role, "start": start, "end": start + len(name)})

    if lang != "ko":
        for m in p["en_before"].finditer(body):
            add(m, role=m.group("role"))
        for m in p["en_after"].finditer(body):
            add(m, role=m.group("role"))
        for m in p["en_appos"].finditer(body):
            add(m, role=m.group("role"))
        for m in p["en_desc"].finditer(body):
            add(m, role=m.group("role"))
        for m in p["en_desc_title"].finditer(body):
            add(m, role=m.group("role"))
        for m in p["en_said_name"].finditer(body):
            add(m, role=m.group("role"))
        for m in p["en_korean"].finditer(body):
            add(m)
        for m in p["en_verb"].finditer(body):
            add(m, "name" if m.group("name") else "name2")
    pos = 0
    while m := p["ko_role"].search(body, pos):
        if _UNIVERSITY.match(m.group("name") + " " + m.group("role")):
            pos = m.start("name") + 1
            continue
        # "마이크 맥케나 전 보좌관": the first half of a foreign name, which the foreign pattern takes whole
        nxt = m.group("role").split()
        if len(nxt) > 1 and re.fullmatch(r"[가-힣]{1,6}", nxt[0]) and ko_name_ok(m.group("name") + " " + nxt[0]):
            pos = m.start("name") + 1
            continue
        # ... or one the NER tagger reads as one name where kiwi knows only half ("제러미 크랜츠")
        if len(nxt) > 1 and _tagged_foreign(body, m.start("name"), m.group("name"), nxt[0]):
            end = m.start("role") + len(nxt[0])
            found.append({"text": body[m.start("name"):end], "role": " ".join(nxt[1:]),
                          "start": m.start("name"), "end": end})
            pos = m.end()
            continue
        # "오픈놀 권인택 대표": of two name-like words before a title, the one next to it is the name
        # (Korean writes organization, name, title); the first is the organization
        if len(nxt) > 1 and _inner_name(body, m.start("role"), nxt[0]):
            pos = m.start("role")
            continue
        # A rejected word ("사업 총괄책임자인 이상호 CTO") must not hide a name inside its title phrase.
        if ko_name_ok(m.group("name")) and _two_ok(body, m) or crf_person(body, m.start("name"), m.end("name")):
            add(m, role=m.group("role"))
            pos = m.end()
        else:
            pos = m.start("name") + 1
    for m in p["ko_role_before"].finditer(body):
        if ko_name_ok(m.group("name")) and _two_ok(body, m):
            add(m, role=m.group("role"))
    for m in p["ko_foreign_role_before"].finditer(body):
        t = p["ko_role_end"].search(body, max(0, m.start() - 20), m.start())
        if t and (ko_name_ok(m.group("name")) or _tagged_foreign(body, m.start(), *m.group("name").split())):
            add(m, role=t.group("role"))
    pos = 0
    while m := p["ko_foreign"].search(body, pos):
        if ko_name_ok(m.group("name")):
            add(m, role=m.group("role"))
            jr = _JUNIOR.match(m.group("role"))
            if jr:  # "로버트 디나이트 주니어 부사장": the suffix belongs to the name
                f = found[-1]
                f["text"], f["end"], f["role"] = f["text"] + " " + jr.group(1), f["end"] + jr.end(1) + 1, \
                    m.group("role")[jr.end():]
            pos = m.end()
        else:
            pos = m.start("name") + 1
    # "박 대표"; written together only when the pair is not itself a title ("부사장" is no 부 + 사장)
    ko_titles = lx.roles()["ko_set"]
    shorts = [(m.start(), m.end(), m.group("sur"), m.group("role")) for m in p["ko_short"].finditer(body)
              if " " in m.group(0) or m.group(0) not in ko_titles]
    return resolve_mentions(body, found, shorts, lang)

