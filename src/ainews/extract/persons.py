"""People in English and Korean text, with the role stated next to their name.

English: a title before ("Chairman Chey Taewon", "Mayor Oh Se-hoon"), a title after ("Jung Sinah,
CEO of Kakao"), or a speech verb after ("Jen Wong, said"). Korean: a name before a role noun
("이용섭 광주광역시장", "박정수 텔스타홈멜 대표"). Short mentions ("Chey", "Kwon", "박 대표") are
resolved to a full name of the same article.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from . import _lexicon as lx

_EN_TOKEN = r"[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Za-z][a-z]+)?"  # Kim MinYoung, Lee Soo-jung
_EN_NAME = rf"{_EN_TOKEN}(?: {_EN_TOKEN}){{1,2}}"
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
        "en_after": re.compile(rf"\b(?P<name>{_EN_NAME}),\s+(?:the\s+)?(?P<role>(?:[A-Z][\w&-]*\s)*?"
                               rf"(?:{roles_en})\b(?:\s\([A-Z]+\))?(?:\s(?:of|at)\s(?:the\s)?"
                               r"[A-Z][\w&-]*(?:\s(?:and\s|of\s|for\s)?[A-Z][\w&-]*)*)?)"
                               r"(?!\s[A-Z][a-z])"),
        # "Chief Operating Officer (COO), Jen Wong, said"
        "en_appos": re.compile(rf"\b(?P<role>{roles_en})(?:\s\([A-Z]+\))?,\s(?P<name>{_EN_NAME}),"),
        # "Yang Uk, a senior research fellow at the Korea Security and Defense Forum"
        "en_desc": re.compile(rf"\b(?P<name>{_EN_NAME}),\s(?:(?:a|an|the)\s)?(?!(?:{_NOT_ROLE})\b)(?P<role>[a-z][^,.;:\"“”]{{2,60}}(?<=\w))"),
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


# kiwi's verdicts on candidate names, per (cache folder, kiwi version): read from the on-disk memo
# once per process, new ones written back by save_name_checks(). With sentences and verdicts on
# disk, a fresh process extracts without loading kiwi's model (seconds per notebook kernel).
_VERDICTS: dict[tuple[str, str], dict[str, str]] = {}
_PENDING: dict[tuple[str, str], dict[str, str]] = {}


def ko_name_ok(name: str) -> bool:
    """Whether kiwi reads a Hangul word as a person's name (memoised; see :func:`_ko_name_ok`)."""
    return _ko_name_ok(name)


def _ko_name_ok(name: str) -> bool:
    """Whether a Hangul word before a role noun reads as a person's name, per kiwi's analysis.

    The verdict is memoised on disk (see :func:`save_name_checks`), so kiwi is asked once per word.
    """
    from ..lang.sentcache import load_memo

    where = _memo_where(os.environ.get("AINEWS_PROCESSED"), os.environ.get("AINEWS_DATA"))
    verdicts = _VERDICTS.get(where)
    if verdicts is None:
        verdicts = _VERDICTS[where] = load_memo(_MEMO, where[1], cache_dir=where[0])
    found = verdicts.get(name)
    if found is None:
        found = verdicts[name] = _PENDING.setdefault(where, {})[name] = "1" if _kiwi_name_ok(name) else "0"
    return found == "1"


_MEMO = "ko_name8"


def ko_proper_nouns(name: str) -> bool:
    """Whether kiwi reads every word of ``name`` as one proper noun ("루카스 스위셔": 루카스/NNP
    스위셔/NNP), memoised on disk beside the name checks (key prefixed ``NNP:``)."""
    from ..lang.sentcache import load_memo

    where = _memo_where(os.environ.get("AINEWS_PROCESSED"), os.environ.get("AINEWS_DATA"))
    verdicts = _VERDICTS.get(where)
    if verdicts is None:
        verdicts = _VERDICTS[where] = load_memo(_MEMO, where[1], cache_dir=where[0])
    key = "NNP:" + name
    found = verdicts.get(key)
    if found is None:
        found = verdicts[key] = _PENDING.setdefault(where, {})[key] = "1" if _kiwi_proper_nouns(name) else "0"
    return found == "1"


def _kiwi_proper_nouns(name: str) -> bool:
    from ..lang.sentences import get_kiwi

    toks = [t for t in get_kiwi().tokenize(name + " 대표는 말했다") if t.start < len(name)]
    if not toks or toks[-1].end != len(name) or any(t.tag != "NNP" for t in toks):
        return False
    bounds = {0, len(name)} | {m.start() for m in re.finditer(r"(?<= )\S", name)} | \
        {m.end() for m in re.finditer(r"\S(?= )", name)}
    return all(t.start in bounds and t.end in bounds for t in toks)


@lru_cache(maxsize=8)
def _memo_where(_processed: str | None, _data: str | None) -> tuple[str, str]:
    # (memo folder, kiwi split version), per environment: resolving paths and hashing the user
    # dictionary on every name check cost more than the checks themselves
    from ..config import processed_dir
    from ..lang.sentences import split_version

    return str(processed_dir() / "tokens"), split_version("ko")  # bump when the verdict rule changes: old verdicts are then ignored


def save_name_checks() -> None:
    """Write the name verdicts found since the last call to the on-disk memo."""
    from ..lang.sentcache import save_memo

    while _PENDING:
        (folder, version), items = _PENDING.popitem()
        save_memo(_MEMO, version, items, cache_dir=Path(folder))


def _kiwi_name_ok(name: str) -> bool:
    """Name test in the context of a title ("X 대표는 말했다"), where kiwi reads names best.

    A name is one proper noun (성낙호/NNP, 박찬욱/NNP) or, when kiwi does not know it, its family
    name followed by bare syllables (임/NNP 현/MM 철/NNG, 이경/NNP 민/NNG). Common words stay one common noun
    (전문가/NNG, 이번/NNG); words that kiwi splits into a common noun and more (정부/측, 이/들) fail.
    Two-syllable words must be proper nouns that are not places or known organizations.
    """
    from ..lang.sentences import get_kiwi

    if " " in name:
        return _foreign_name_ok(name)
    if not re.fullmatch(r"[가-힣]{2,4}", name):
        return False
    if len(name) == 2 and (ord(name[1]) - 0xAC00) % 28 == 8:
        return False  # 나갈, 이를: a verb's adnominal form (-ㄹ), not a two-syllable name
    toks = [t for t in get_kiwi().tokenize(name + " 대표는 말했다") if t.start < len(name)]
    if not toks or toks[-1].end != len(name):
        return False
    if name[-1] in "은는이가을를의에도로와과" and len(name) == 2:
        return False  # 오는, 이는: a word with its particle
    if len(toks) == 1:
        t = toks[0]
        if t.tag != "NNP":
            return False
        return len(name) >= 3 or (name not in lx.place_matchers()[3] and name not in lx.orgs()["known"])
    if len(name) < 3:
        return False
    first = toks[0]
    if name[0] not in lx.roles()["surnames"] and name[:2] not in lx.roles()["surnames"]:
        return False
    # 이경/NNP 민/NNG and 임/NNP 현/MM 철/NNG are unknown names; 정부/NNG 측/NNB is a common word.
    if first.tag != "NNP" and len(first.form) > 1:
        return False
    return not any(t.tag.startswith(("J", "E", "XS", "V")) for t in toks)


# "서강대 교수", "계명대 디지펜게임공학과를 졸업한 ...": a university before a department or academic title
_UNIVERSITY = re.compile(r"^[가-힣]{1,4}대 (?:[가-힣]*(?:과|학부|대학원|캠퍼스)(?:를|을|의)?(?:\s|$)|"
                         r"(?:명예|겸임|석좌|연구|초빙)?(?:교수|총장|학장|부총장|입학처장|연구원|박사))")
_JUNIOR = re.compile(r"(주니어|시니어|3세|2세)[^\S\n]")
_QUOTE_NEAR = re.compile(r"[\"“‘'「]")


def _two_ok(body: str, m: re.Match) -> bool:
    """Two-syllable names (황희) are rare and most two-syllable proper nouns before a title are not
    names (연준, 두고): the tagger must agree."""
    return len(m.group("name")) != 2 or _crf_person(body, m.start("name"), m.end("name"), size=2, near=False)


def _crf_person(body: str, start: int, end: int, *, size: int = 3, near: bool = True) -> bool:
    """Second opinion of the NER tagger on a three-syllable name kiwi rejected (강경/NNG 성/XSN),
    asked only when a quote mark follows within 80 characters, where speakers are named."""
    if end - start != size or (near and not _QUOTE_NEAR.search(body, end, end + 80)):
        return False
    from .ner import shipped_tagger

    tagger = shipped_tagger()
    if tagger is None:
        return False
    lo = max(body.rfind("\n", 0, start) + 1, start - 30)
    hi = min(len(body), end + 30)
    return ("PS", start - lo, end - lo) in tagger.entities(body[lo:hi])


_COMMON_SURNAMES = set("김이박최정강조윤장임한오서신권황안송전홍")  # the twenty most frequent


def _foreign_name_ok(name: str) -> bool:
    """A foreign name in Hangul ("워런 버핏"): every word a proper noun to kiwi, none a place or
    known organization, and none a Korean name or common word (한국 정부/NNG fails)."""
    from ..lang.sentences import get_kiwi

    words = name.split()
    if len(words) != 2 or any(w in lx.place_matchers()[3] or w in lx.orgs()["known"] for w in words):
        return False
    if words[1][-1] in "은는이가을를의에도로와과" and len(words[1]) == 1:
        return False
    toks = [t for t in get_kiwi().tokenize(name + " 대표는 말했다") if t.start < len(name)]
    if not toks or toks[-1].end != len(name) or any(t.tag != "NNP" for t in toks):
        return False
    bounds = {0, len(words[0]) + 1, len(name)}
    if all(t.start in bounds and t.end in bounds for t in toks):
        return True  # kiwi reads the whole name as one proper noun
    # each word its own proper noun ("루카스/NNP 스위셔/NNP"), unless the first reads as a Korean name
    # and the second as an organization after it ("송영현 가온아이")
    sur = lx.roles()["surnames"]
    if len(words[1]) > 4 or (words[0][0] in sur and len(words[0]) in (2, 3) and _ko_name_ok(words[0])):
        return False
    if words[1].endswith("대"):
        return False  # "허영우 경북대": a name, then a university
    if len(words[1]) == 3 and words[1][0] in _COMMON_SURNAMES:
        return False  # "와플랫 황선영": an organization, then a Korean name
    bounds.add(len(words[0]))
    return all(t.start in bounds and t.end in bounds for t in toks)


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
        if not toks:
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
        if len(nxt) > 1 and re.fullmatch(r"[가-힣]{1,6}", nxt[0]) and _ko_name_ok(m.group("name") + " " + nxt[0]):
            pos = m.start("name") + 1
            continue
        # A rejected word ("사업 총괄책임자인 이상호 CTO") must not hide a name inside its title phrase.
        if _ko_name_ok(m.group("name")) and _two_ok(body, m) or _crf_person(body, m.start("name"), m.end("name")):
            add(m, role=m.group("role"))
            pos = m.end()
        else:
            pos = m.start("name") + 1
    for m in p["ko_role_before"].finditer(body):
        if _ko_name_ok(m.group("name")) and _two_ok(body, m):
            add(m, role=m.group("role"))
    for m in p["ko_foreign_role_before"].finditer(body):
        t = p["ko_role_end"].search(body, max(0, m.start() - 20), m.start())
        if t and _ko_name_ok(m.group("name")):
            add(m, role=t.group("role"))
    pos = 0
    while m := p["ko_foreign"].search(body, pos):
        if _ko_name_ok(m.group("name")):
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
    return _resolve(body, found, shorts, lang)


def _resolve(body: str, found: list[dict], shorts, lang: str) -> list[dict]:
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
                if len(t) >= 3 and name not in tokens.setdefault(t, []):
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
        rx = re.compile(rf"{before}(?:{lx.alt(tokens)}){after}")
        for m in rx.finditer(body):
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
