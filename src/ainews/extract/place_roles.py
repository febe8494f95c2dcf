"""The role a place mention plays in its article: activity, dateline, venue or mention.

Decided from the words around the mention, with the cues of ``data/lexicons/place_cues.yml``
(see :mod:`ainews.extract.places` for what each role means).
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import _lexicon as lx
from ..lexicons import load_yaml_lexicon

# Countries whose places (below country level) can be places of activity: Korea, Japan and the
# inter-Korean Kaesong industrial complex (the gazetteer's only North Korean place below the country),
# which readers list as a Korean place of activity in the Korea Herald labels.
HOME_COUNTRIES = ("KR", "JP", "KP")


@lru_cache(maxsize=1)
def _cues() -> dict:
    data = load_yaml_lexicon("place_cues.yml") or {}
    return {k: [str(v) for v in data.get(k) or []] for k in
            ("ko_heads", "venue_ko", "venue_en", "mention_ko", "address_ko", "dateline_en_months", "build_ko", "event_ko", "strong_ko", "non_activity_ko", "venue_ja", "activity_ja", "venue_halls",
             "activity_ko", "activity_en", "affiliation_ko", "compare_ko", "site_ko", "yardstick_en",
             "capital_en", "capital_metonym_en", "venue_far_ko", "event_topic_ko")}


@lru_cache(maxsize=1)
def _role_res() -> dict:
    c = _cues()
    return {
        "head": re.compile(rf"\d{{0,2}}(?:{lx.alt(c['ko_heads'])}){lx.KO_AFTER}"),
        "site": re.compile(rf"\s[가-힣]{{0,4}}?(?:{lx.alt(c['site_ko'])}){lx.KO_AFTER}"),
        "build": re.compile(rf"(?:에|에서|에는|에도)\s[^.!?\n]{{0,20}}?(?:{'|'.join(c['build_ko'])})"),
        # the same cue in the clause of the name: at most one word between (청주에 건설한, 율촌에 OO 공장을);
        # 정규 예산에서 지속적이고 안정적인 투자, 양산에 들어갔다"며 ... 공장 are common words further off
        "build_near": re.compile(rf"(?:에|에서|에는|에도)\s(?:[^\s.!?\n“”\"]{{1,15}}\s)?[^\s.!?\n“”\"]{{0,8}}?"
                                 rf"(?:{'|'.join(c['build_ko'])})"),
        "activity": re.compile("|".join([r"(?<!고병원성 )(?<!인플루엔자\()(?<![A-Za-z])AI(?![A-Za-z])"]
                                        + [re.escape(w) for w in c["activity_ko"] + c["activity_ja"]])),
        "venue_ja": re.compile(rf"^[^。\n]{{0,20}}?で(?:{'|'.join(c['venue_ja'])})"),
        "strong": re.compile("|".join([r"(?<!고병원성 )(?<!인플루엔자\()(?<![A-Za-z])AI(?![A-Za-z])"]
                                      + [re.escape(w) for w in c["strong_ko"]])),
        "non_activity": re.compile("|".join(re.escape(w) for w in c["non_activity_ko"])),
        "activity_en": re.compile("|".join(rf"\b{re.escape(w)}" for w in c["activity_en"] if w != "AI"), re.I),
        # one word may stand between: 성남 OO센터에서 이데일리와 진행한 인터뷰에서
        "venue_ko": re.compile(rf"^[^.?!\n]{{0,40}}?에서\s?(?:[^\s.?!\n]{{1,10}}\s)?(?:{'|'.join(c['venue_ko'])})"),
        # (전북 완주·진안·무주), (광주 광산을): names and separators only, a constituency suffix at most
        "compare": re.compile(rf"^(?:특별자치시|특별자치도|특별시|광역시|시|도|군|구)?(?:{'|'.join(c['compare_ko'])})"),
        "affiliation": re.compile(r"^[가-힣·ㆍ,\s]{0,24}\)"),
        "affiliation_title": re.compile(rf"(?:{'|'.join(c['affiliation_ko'])})\($"),
        "constituency": re.compile(r"^[가-힣·ㆍ,\s]{0,24}[가-힣](?:갑|을|병)\)"),
        # 서울 소노펠리체 강남에서 OO 공동 주최로 열린: a far verb of holding, no subject (원주시는) before 에서 and
        # no other verb or object between (용인에서 생산된 반도체를 ...)
        "venue_far": re.compile(rf"^(?:(?![은는이가]\s)[^.?!\n]){{0,25}}?에서\s(?:(?![된한는를을]\s)[^.?!\n]){{0,60}}?"
                                rf"(?:{'|'.join(c['venue_far_ko'])})"),
        # 협약식은 24일 NHN 판교 사옥 '플레이뮤지엄'에서: the event named before, its venue after
        "event_topic": re.compile(rf"(?:{'|'.join(c['event_topic_ko'])})(?:은|는)\s[^.?!\n]{{0,30}}$"),
        "locative_near": re.compile(r"^(?:(?![은는이가]\s)[^.?!\n]){0,25}?에서\s"),
        "venue_hall": re.compile(rf"^\s[^.?!\n,]{{0,25}}?(?:{'|'.join(c['venue_halls'])})[^.?!\n,\s]{{0,12}}에서"),
        "venue_en": re.compile(rf"(?:{'|'.join(c['venue_en'])})\s+(?:the\s+)?[\w\s,]{{0,30}}$"),
        "event_ko": re.compile(rf"^\s[^.,!?\n]{{0,30}}?(?:{'|'.join(c['event_ko'])})"),
        # Seoul National University, Incheon International Airport: the place names an institution
        "name_en": re.compile(r"^\s(?!(?:City|Province|County|Metropolitan|Special|Island|Bay|Techno)\b)[A-Z][a-z]+"),
        "mention_ko": re.compile(rf"^\s?(?:{'|'.join(c['mention_ko'])})"),
        "address_ko": re.compile(rf"^(?:\s[가-힣]+(?:시|군|구))?\s[가-힣0-9]+(?:{'|'.join(c['address_ko'])})\s?\d"),
        # Gaeseong, 50 kilometers north of Seoul: a distance yardstick
        "yardstick_en": re.compile(rf"\b(?:{'|'.join(c['yardstick_en'])})\s+(?:[a-z]+\s+)?(?:of|from)\s+$"),
        # Seoul's decision, Seoul shut down the complex: the capital for its government
        "metonym_en": re.compile(rf"^\s?(?:{'|'.join(re.escape(w) for w in c['capital_metonym_en'])})\b"),
        "capital_en": frozenset(c["capital_en"]),
        "dateline_en": re.compile(rf"^,?\s*(?:{'|'.join(c['dateline_en_months'])})\.?\s+\d{{1,2}}"),
    }


def _headed(body: str, end: int) -> bool:
    r = _role_res()
    return bool(r["head"].match(body, end) or r["site"].match(body, end) or r["build_near"].match(body, end))


def _role(body: str, start: int, end: int, kind: str, country: str) -> str:
    """The role of the place ``body[start:end]`` of gazetteer ``kind`` in ``country``."""
    if kind == "country" or country not in HOME_COUNTRIES:
        return "mention"
    r = _role_res()
    before = body[max(0, start - 12):start]
    after = body[end:end + 60]
    # (광주=연합뉴스), [부산·울산=뉴시스], 【도쿄=김모 특파원】
    if re.search(r"[(\[【〔][^()\[\]【】=\n]{0,12}$", before) and re.match(r"^[^()\[\]【】\n]{0,12}=", after):
        return "dateline"
    if (start == 0 or body[start - 1] in "\n)" or body[start - 2:start] == ") " or body[start - 1:end].isupper()) \
            and r["dateline_en"].match(after):
        return "dateline"
    if r["venue_ko"].match(after) or r["event_ko"].match(after) or r["venue_ja"].match(after) \
            or r["venue_hall"].match(after) or r["venue_far"].match(body[end:end + 120]) \
            or (r["event_topic"].search(body[max(0, start - 40):start]) and r["locative_near"].match(after)) \
            or r["venue_en"].search(body[max(0, start - 40):start]):
        return "venue"
    if r["mention_ko"].match(after) or r["address_ko"].match(after) or r["name_en"].match(after):
        return "mention"
    if _affiliation(body, start) or r["compare"].match(after):
        return "mention"
    if r["yardstick_en"].search(body[max(0, start - 30):start]) \
            or (body[start:end] in r["capital_en"] and r["metonym_en"].match(after)):
        return "mention"         # 50 kilometers north of Seoul; Seoul's decision to shut the complex
    if re.search(r"[A-Za-z], $", body[max(0, start - 3):start]):
        return "mention"         # Yongsan, Seoul / Suncheon, South Jeolla Province: an address
    if body[max(0, start - 5):start].endswith(("제2의 ", "제2 ", "제3의 ")):
        return "mention"         # 제2의 판교: a comparison, not a place of activity
    a, b = _sentence(body, start, end)
    sent = body[a:b]
    if not (r["activity"].search(sent) or r["activity_en"].search(sent)):
        return "mention"
    if r["non_activity"].search(sent) and not r["strong"].search(sent):
        return "mention"
    if _quoted(body, start):
        return "mention"         # said in a quote: the article's own places are named outside quotes
    return "activity"


def _affiliation(body: str, start: int) -> bool:
    """Whether the place at ``start`` lies in brackets after a person's title (의원(전북 완주·진안·무주))."""
    r = _role_res()
    line = body[max(0, start - 25):start]
    op = line.rfind("(")
    if op < 0 or ")" in line[op:] or not re.fullmatch(r"[가-힣·ㆍ,\s]*", line[op + 1:]):
        return False
    rest = body[max(0, start - 25) + op + 1:]
    return bool(r["affiliation"].match(rest)) and bool(r["affiliation_title"].search(line[:op + 1])
                                                       or r["constituency"].match(rest))


def _quoted(body: str, start: int) -> bool:
    """Whether ``start`` lies inside a direct quote of its paragraph."""
    seg = body[body.rfind("\n", 0, start) + 1:start]
    if seg.rfind("“") > seg.rfind("”"):
        return len(seg) - seg.rfind("“") < 300
    opened = seg.count('"') % 2 == 1
    return opened and len(seg) - seg.rfind('"') < 300   # a quote runs a few sentences at most


_END = re.compile(r"(?:다\.|[.!?]\s|(?<=[a-z])\.(?=[A-Z])|[。！？\n]|[▲■●◆▶△□○◇☞※])")
_RUN_ON = re.compile(r"(?<=[a-z])\.(?=[A-Z])")
_BULLET = re.compile(r"[▲■●◆▶△□○◇☞※]")


def _sentence(body: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence around ``start:end`` (cheap: ends at 다. . ! ? or a line break)."""
    lo = max(0, start - 200)
    bullets = [m.end() for m in _BULLET.finditer(body, lo, start)]
    ends = [i + len(mark) for mark in ("다.", "\n", ". ", "。") if (i := body.rfind(mark, lo, start)) >= 0]
    ends += [m.end() for m in _RUN_ON.finditer(body, lo, start)][-1:]   # "finger.Investigators": no space
    a = max([lo, *ends, *bullets])
    m = _END.search(body, end, end + 200)
    return a, (m.end() if m else min(len(body), end + 200))
