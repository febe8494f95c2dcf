"""Who invests in an investment event: the subject of the amount's clause, the owner its phrase
names, the source of money received, or the subject of a sentence before (Korean and English)."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache

from ._common import Article, sentence_spans
from .entities import article_entities
from .investor_clauses import _after_name, _is_place, _list_head, _mentions, _name_like, _owner, _owner_en

__all__ = ["investor_of"]

_SUBJECT = re.compile(r"^(?:측)?(?:\s?등)?(?:은|는|이|가|도|와|과|까지|만)(?![가-힣])")
# "X와 협업해" is company, not the subject: 와/과/도/만 mark a weaker candidate than 은/는/이/가
_WEAK = re.compile(r"^(?:측)?(?:\s?등)?(?:와|과|도|만|까지)(?![가-힣])")
_FROM = re.compile(r"^\s?(?:측)?(?:\s?등)?(?:으로부터|로부터|에서|와|과)")
_LOC = re.compile(r"^(?:에서|에|으로|로|내|의|현지)")
_ADJ = re.compile(r"^[\s·]{0,3}$")


@lru_cache(maxsize=2)
def _invest_lexicon_at(mtime: float) -> dict:
    from ..lexicons import load_yaml_lexicon

    data = load_yaml_lexicon("investment_phrases.yml") or {}
    return {"government": re.compile("|".join(data.get("government") or ["정부"]), re.I),
            "stop": {str(w) for w in (data.get("not_investor") or []) + (data.get("media") or [])},
            "collective_dest": {str(k): str(v) for k, v in (data.get("collective_destination") or {}).items()},
            "collective_name": {str(k): str(v) for k, v in (data.get("collective_name") or {"ko": "외국인직접투자"}).items()},
            "home": [(re.compile(str(k)), str(v)) for k, v in (data.get("home_investor") or {}).items()],
            "kind_cues": _kind_cues(data.get("kinds") or []),
            "sources": [re.compile(p) for p in data.get("funding_sources") or []],
            "collective": re.compile("|".join(data.get("collective") or ["외국인직접투자"]), re.I),
            "dest": {str(k): str(v) for k, v in (data.get("destination_words") or {}).items()},
            "demonyms": {str(k): str(v) for k, v in (data.get("demonyms") or {}).items()},
            "company_end": re.compile(r"^[가-힣A-Za-z]{2,}(?:" + "|".join(map(str, data.get("company_endings") or ["$^"])) + ")$")}


def _kind_cues(rules: list[dict]) -> dict[str, re.Pattern]:
    # every rule of a kind adds its words (Korean, English and Japanese rules share a kind: keeping
    # only the last one left the Japanese words as the Korean sentences' cues)
    near: dict[str, list[str]] = {}
    for r in rules:
        if r.get("kind") in ("investment", "acquisition", "funding", "budget"):
            near.setdefault(str(r["kind"]), []).extend(str(p) for p in r.get("near") or [])
    return {k: re.compile("|".join(f"(?:{p})" for p in v) or "$^", re.I) for k, v in near.items()}


def _invest_lexicon() -> dict:
    from ..lexicons import lexicon_path

    return _invest_lexicon_at(lexicon_path("investment_phrases.yml").stat().st_mtime)


def _org_of_person(ents: list[dict], person: dict, body: str, s0: int, s1: int,
                   stop: frozenset | set = frozenset()) -> str | None:
    # "소프트뱅크 손정의 회장" / "손정의 소프트뱅크 회장": the organisation written next to the name;
    # else the one most often next to this person elsewhere in the article ("손 회장은" later on);
    # else the one nearest in the sentence.
    orgs = [e for e in ents if e["kind"] == "org" and e["text"] not in stop]
    for e in orgs:
        if s0 <= e["start"] < s1 and (_ADJ.match(body[e["end"]:person["start"]]) if e["end"] <= person["start"]
                                       else _ADJ.match(body[person["end"]:e["start"]]) if e["start"] >= person["end"] else False):
            return e["text"]
    same = [p for p in ents if p["kind"] == "person" and p["canonical"] == person["canonical"]]
    counts = Counter(e["text"] for p in same for e in orgs
                     if (e["end"] <= p["start"] and _ADJ.match(body[e["end"]:p["start"]]))
                     or (e["start"] >= p["end"] and _ADJ.match(body[p["end"]:e["start"]])))
    if counts:
        return counts.most_common(1)[0][0]
    near = [e for e in orgs if s0 <= e["start"] < s1]
    return min(near, key=lambda e: abs(e["start"] - person["start"]))["text"] if near else None


def _kind_of_org(name: str, lex: dict) -> str:
    return "government" if lex["government"].search(name + " ") else "org"


_EN_SOURCE_AFTER = re.compile(r"^\W{0,2}\s*(?:\w+\s+){0,2}?(?:said|says|reported|showed|shows|data|statistics|figures|survey)\b", re.I)
_EN_SOURCE_BEFORE = re.compile(r"(?:according to|data from|figures from|by)\s+(?:the\s+)?$", re.I)
_EN_PLACE_SUBJECT = re.compile(r"^(?:'s?\s+government|\s+(?:government|will|plans?|has|have|had|is|was|invested|pledged|agreed|committed|poured|spent))\b", re.I)
# a word marked as subject; a name may stand right after a sentence glued to the previous one
# ("예정이다.DB하이텍은") and before a bracket ("SK하이닉스(000660)가")
_WORD_SUBJECT = re.compile(r"(?<![A-Za-z가-힣0-9&·\-])([A-Za-z가-힣][A-Za-z가-힣0-9&·\-]{1,14}?)"
                           r"(?:\s?\([^()\n]{1,20}\))?(?:은|는|이|가|도)\s")
_NOT_NAME_END = re.compile(r"(?:에서|에게|에는|으로|에|의|로|들|것|수|등|때|중|데|액|비|용|금|적|상|간|모|사|원|장|하|되|있|없|한|된|던|다|면|고|서|률|율|량|력|성|해|돼|워|져|봐|려|써|야|니|며)$")
_ACCORDING = re.compile(r"([A-Za-z가-힣0-9&·\-]{2,15})(?:에|측에)\s따르면")
_HEADLINE = re.compile(r"^\s*(?:━\s*)?([A-Za-z가-힣0-9&·\-]{2,15}),\s")


# "소프트뱅크는 디지털브릿지가 발행한 보통주를 … 인수": a subject whose verb modifies a noun (발행한,
# 보유하던) belongs to a relative clause; the topic of the sentence ranks before it
_RELATIVE = re.compile(r"(?:\s?[(（][^()（）\n]{1,20}[)）])?(?:이|가)\s(?:[^\s,.]+\s)?[가-힣]*(?:[한된던]|하는|되는|있는|받은)\s")


def _relative(body: str, end: int) -> bool:
    return bool(_RELATIVE.match(body, end, end + 40))


def _subjects(art: Article, lo: int, hi: int, lex: dict, *, words: bool,
              head: int = 15, tagged: bool = False) -> list[tuple[int, int, dict]]:
    """Investor candidates in ``body[lo:hi]``: ``(rank, position, mention)``; rank 2: a named
    entity or government word marked as subject, 1: another subject-marked word, 0: an unmarked
    organisation heading the sentence."""
    body, out = art.body, []
    for e in _mentions(art, lo, hi, tagged=tagged):
        after = _after_name(body, e["end"])
        marked = bool(_SUBJECT.match(after))
        if e.get("tagged") and not marked:  # a tagged name counts only as a marked subject
            continue
        if art.lang == "en":
            # English: a subject is followed by its verb; a source ("X said", "according to X")
            # or a name in brackets ("Microsoft (MS)") is not the investor
            tail = body[e["end"]:e["end"] + 30]
            source = bool(_EN_SOURCE_AFTER.match(tail) or _EN_SOURCE_BEFORE.search(body[max(lo, e["start"] - 16):e["start"]]))
            bracket = body[max(lo, e["start"] - 2):e["start"]].endswith("(")
            if e["kind"] == "place":
                ok = bool(_EN_PLACE_SUBJECT.match(tail)) and not source
            else:  # a person in the possessive ("Kishida's visit") is not a subject
                ok = not bracket and not (e["kind"] == "person" and re.match(r"^['’]s\b", tail))
            marked = 2 if ok and not source else 0
        elif e["kind"] == "place":
            ok = marked or after.startswith(" 정부")
        else:
            # an unmarked organisation counts only at the head of its sentence ("SK하이닉스 용인 팹 1기는")
            ok = marked or (e["kind"] == "org" and e["start"] - lo < head and not _LOC.match(after)
                            and not re.match(r"^[을를]", after))
        if ok:
            rank = marked if art.lang == "en" else (1 if _WEAK.match(after) or _relative(body, e["end"]) else 2) if marked else 0
            out.append((rank, e["start"], e))
    for m in lex["government"].finditer(body, lo, hi):
        if any(c[2]["kind"] == "place" and c[2]["end"] + 1 == m.start() for c in out):
            continue  # "중국 정부가": the country's government, already a candidate
        if _SUBJECT.match(body[m.end():m.end() + 3]) or m.group(0) in ("국비", "도비", "시비"):
            out.append((2, m.start(), {"kind": "gov", "text": m.group(0), "start": m.start(), "end": m.end()}))
    if words and art.lang != "en":
        for m in _WORD_SUBJECT.finditer(body, lo, hi):
            w = m.group(1)
            if (w in lex["stop"] or _NOT_NAME_END.search(w) or any(c[1] == m.start(1) for c in out)
                    or not _name_like(w)):
                continue
            out.append((1, m.start(1), {"kind": "word", "text": w, "start": m.start(1), "end": m.end(1)}))
    return out


def _resolve(e: dict, art: Article, s0: int, s1: int, lex: dict) -> tuple[str | None, str | None]:
    body = art.body
    if e["text"] in lex["stop"]:  # a term the organisation finder took for a name (데이터센터)
        return None, None
    if e["kind"] == "person":
        org = _org_of_person(article_entities(art), e, body, s0, s1, lex["stop"])
        return (org, _kind_of_org(org, lex)) if org else (None, None)
    if e["kind"] == "word":
        persons = [p for p in article_entities(art) if p["kind"] == "person" and p["text"].startswith(e["text"])]
        if persons:
            return _resolve(persons[0], art, s0, s1, lex)
    if e["kind"] == "place":
        return e["text"] + (" 정부" if body[e["end"]:e["end"] + 3] == " 정부" else ""), "government"
    if e["kind"] == "gov":
        return {"국비": "정부", "도비": "정부", "시비": "정부"}.get(e["text"], e["text"]), "government"
    return e["text"], _kind_of_org(e["text"], lex)


_GLUED_PARTICLE = re.compile(r"^[가-힣]{0,6}?(?:으로|로|에서|에|의|와|과|은|는|을|를)(?=[A-Z])")
_REPORTS = re.compile(r"보도(?:했|한|됐|에\s따르면)|인용(?:해|한|하며)|\b(?:reported|quoting|citing)\b")


def _first(cands, art, s0, s1, lex):
    # Korean: the subject nearest before the amount, a subject-marked mention before a bare one;
    # English: the first organisation of the sentence (the subject in news style)
    order = sorted(cands, key=lambda t: (t[0], t[1]), reverse=True)
    for _, _, e in order:
        # "FT는 피치북 자료를 인용해 … 보도했다": the topic of a reporting verb is a source, not
        # the investor ("블룸버그는 중국 정부가 … 보도했다": 중국 정부 is)
        if (art.lang == "en" or re.match(r"(?:은|는)(?![가-힣])", _after_name(art.body, e["end"], 2))) \
                and _REPORTS.search(art.body, e["end"], s1):
            continue
        name, kind = _resolve(e, art, s0, s1, lex)
        if name:
            return name, kind
    return None, None


def _funding_source(art: Article, start: int, s0: int, s1: int, lex: dict) -> str | None:
    body = art.body
    orgs = [e for e in article_entities(art) if e["kind"] == "org" and s0 <= e["start"] and e["end"] <= start
            and _FROM.match(body[e["end"]:e["end"] + 5])]
    if orgs:
        return orgs[0]["text"]
    # the round's investors are often named after it is reported ("... 투자를 유치했다. X가 주도했다")
    # (the round's own sentence first: "X 주도의 펀딩에서" before a "Y로부터" of the next round)
    for hi in (s1, min(len(body), s1 + 300)):
        for rx in lex["sources"]:
            m = rx.search(body, s0, hi)
            if m and m.group(1) not in lex["stop"]:
                return _list_head(body, m.start(1)) or m.group(1)
    return None


_RAISED = re.compile(r"(?:\s?(?:을|를|의|규모의?)\s?)?(?:투자\s?(?:를\s?)?유치|유치(?:했|에 성공|를 완료)|투자\s?(?:를\s?)?받|이끌어\s?[냈내]|"
                     r"대출\s?(?:을\s?)?(?:받|일으)|차입(?:했|한|해)|\braise[sd]?\b)")
_GLUE = re.compile(r"[다요][.!?](?=[^\s\d.])|\](?=\S)|(?<=[a-z0-9%)])[.!?][”\"]?(?=[A-Z“\"])")


def investor_of(art: Article, start: int, end: int, s0: int, s1: int, *, kind: str,
                phrase: str = "") -> tuple[str | None, str | None]:
    """``(investor, investor_kind)`` of the amount ``body[start:end]`` (see :func:`_investor_of`;
    Japanese: :func:`ainews.extract.investors_ja.investor_ja`)."""
    if art.lang == "ja":
        from .investors_ja import investor_ja

        return investor_ja(art.body, start, s0, kind=kind)
    name, ikind = _investor_of(art, start, end, s0, s1, kind=kind, phrase=phrase)
    if name:
        # a particle or word glued to a Latin name when the space was lost ("전초기지로SK하이닉스")
        name = _GLUED_PARTICLE.sub("", name)
        if name in _invest_lexicon()["stop"]:
            return None, None
    return name, ikind


def _investor_of(art: Article, start: int, end: int, s0: int, s1: int, *, kind: str,
                 phrase: str = "") -> tuple[str | None, str | None]:
    """``(investor, investor_kind)`` of the amount ``body[start:end]`` in sentence ``[s0, s1)``.

    The investor is an organisation, a government (a country or local government as the subject,
    or a government word such as 정부/국비) or investors as a group (외국인직접투자: ``collective``);
    never a bare person: a person is replaced by the organisation named beside them, most often
    beside them in the article, or nearest in the sentence, else skipped. Looked for in order:
    the owner the amount's own phrase names (:mod:`.investor_clauses`: "삼성전자 380조원",
    "X의 Y 인수", "X에 N원에 매각", "North Korea's investment", "contributed by Japan"); the
    subject of the amount's clause (past a sentence glued to the one before; 은/는/이/가 before
    와/과/도; names from the entity lists, the NER tagger, or words kiwi reads as proper nouns;
    not the topic of a reporting verb); "X에 따르면" when no name is the subject; a headline's
    "X, ..."; the subject of one of the two sentences before. For money received ("X로부터 투자를
    유치", "X 주도의 펀딩") the investor is the one the money comes from, not the company raising it.
    """
    body, lex = art.body, _invest_lexicon()
    if lex["collective"].search(body[max(s0, start - 100):start] + " " + phrase):
        return lex["collective_name"].get(art.lang, lex["collective_name"].get("ko")), "collective"
    # money received: the investor is where it comes from (for an investment, only when its own
    # verb says so: "140억달러를 투자받았다")
    if (kind == "funding" and _RAISED.search(body[end:s1])) or (
            kind == "investment" and _RAISED.match(body, end, min(s1, end + 12))):
        src = _funding_source(art, start, s0, s1, lex)
        return (src, _kind_of_org(src, lex)) if src else (None, None)
    # a sentence glued to the one before ("…높아졌다.[뉴스]삼성바이오로직스가", "said Monday.The
    # Ministry"): its own subject first
    c0 = s0
    for m in _GLUE.finditer(body, s0, start):
        c0 = m.end()
    if art.lang == "en":
        owner = _owner_en(art, start, end, c0, s1, lex)
        if owner:
            return owner
    else:
        owner = _owner(art, start, end, s0, kind, lex)
        if owner:
            return owner, _kind_of_org(owner, lex)
    cands = _subjects(art, c0, start, lex, words=True, tagged=True)
    m = _ACCORDING.search(body, s0, start)
    if m and m.group(1) not in lex["stop"] and not any(rank == 2 for rank, _, _ in cands):
        # "DB하이텍에 따르면 … 2조5000억원이 필요하다": the source speaks of its own money when no
        # name is the subject
        return m.group(1), _kind_of_org(m.group(1), lex)
    name, ikind = _first(cands, art, s0, s1, lex)
    if name is None and c0 > s0:
        name, ikind = _first(_subjects(art, s0, c0, lex, words=True, tagged=True), art, s0, s1, lex)
    if art.lang != "en" and (name in (None, "정부") or (ikind == "government" and not _is_place(name))):
        # "대미 투자" with no company named: Korea's (a Korean ministry speaking for it)
        for rx, home in lex["home"]:
            if rx.search(body, s0, s1):
                return home, "government"
    if name:
        return name, ikind
    m = _ACCORDING.search(body, s0, start)
    if m and m.group(1) not in lex["stop"]:
        return m.group(1), _kind_of_org(m.group(1), lex)
    m = _HEADLINE.match(body[s0:start])
    if m and m.group(1) not in lex["stop"]:
        return m.group(1), _kind_of_org(m.group(1), lex)
    spans = sentence_spans(art)
    i = bisect.bisect_right([a for a, _ in spans], s0) - 1
    for j in range(i - 1, max(i - 3, -1), -1):
        p0, p1 = spans[j]
        if "\n\n" in body[p1:s0]:
            break
        # a sentence before: its named subject, or any organisation; a plain word only when that
        # sentence speaks of the same kind of deal (지분 인수 for an acquisition)
        cue = lex["kind_cues"].get(kind)
        words = bool(cue and cue.search(body, p0, p1))
        name, ikind = _first(_subjects(art, p0, p1, lex, words=words, head=p1 - p0), art, p0, p1, lex)
        if name:
            return name, ikind
    if kind == "budget":
        return ("government" if art.lang == "en" else "정부"), "government"
    if art.lang == "en":
        after = [e for e in article_entities(art) if e["kind"] == "org" and end <= e["start"] < s1]
        if after:
            return after[0]["text"], _kind_of_org(after[0]["text"], lex)
    return None, None
