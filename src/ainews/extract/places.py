"""Places of an article: gazetteer mentions resolved to ids, each with the role it plays.

A mention is matched on the names and aliases of ``data/lexicons/gazetteer.csv`` and resolved to
one id. Names that several places share (중구, 고성군, 경기 광주) are resolved by the province or
city written before them, else by the places the article names elsewhere; names that are also
common words (``context_aliases``: 예산, 화성, 음성, 나라) count only in a place context: after
their province (충남 예산), in a list with other places (포항·구미·영주), followed by a place noun
(화성캠퍼스, 구미시장), or when the article also names the place unambiguously (구미시 ... 구미).

Each mention gets a ``place_role``:

* ``dateline``: the wire-service dateline (``(광주=연합뉴스)``, ``[부산=뉴시스]``, ``SEOUL, Dec. 3``);
* ``venue``: where an event is held (``서울 코엑스에서 열린``, ``부산에서 개최된``);
* ``mention``: countries, places outside Korea and Japan, addresses and a person's origin;
* ``activity``: every other Korean or Japanese place: where a plant, cluster, budget or hub is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import _lexicon as lx
from .place_roles import HOME_COUNTRIES, _cues, _headed, _role

__all__ = ["find_places", "place_id", "PLACE_ROLES"]

PLACE_ROLES = ("activity", "dateline", "venue", "mention")
_HANGUL = re.compile(r"[가-힣]")
_KANA_KANJI = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_SUFFIX = re.compile(r"(?<=..)(특별자치시|특별자치도|특별시|광역시|시|군|구|현|부|도)$")


@lru_cache(maxsize=1)
def _index() -> dict:
    """Surface forms -> ids (unique names, shared names, context-only names) and place metadata."""
    gz = lx.gazetteer()
    alias: dict[str, set] = {}
    name: dict[str, set] = {}
    context: dict[str, set] = {}
    meta = {}
    for r in gz.itertuples(index=False):
        meta[r.id] = (r.kind, r.country, getattr(r, "parent", "") or "")
        for n in (r.name_en, r.name_ko, r.name_ja):
            if n.strip():
                name.setdefault(n.strip(), set()).add(r.id)
        for a in r.aliases.split("|"):
            if a.strip():
                alias.setdefault(a.strip(), set()).add(r.id)
        for a in (getattr(r, "context_aliases", "") or "").split("|"):
            if a.strip():
                context.setdefault(a.strip(), set()).add(r.id)
    unique, shared = {}, {}
    for s in set(alias) | set(name):
        # an explicit alias beats a name (광주시 is Gwangju's alias and Gyeonggi Gwangju's name)
        ids = alias.get(s) or name[s]
        if len(ids) == 1:
            unique[s] = next(iter(ids))
        else:
            shared[s] = sorted(ids)
    ctx = {s: sorted(ids) for s, ids in context.items() if s not in unique and s not in shared}
    stems: dict[str, list] = {}
    for r in gz.itertuples(index=False):
        stems.setdefault(_SUFFIX.sub("", r.name_ko), []).append(r.id)
    upper = {n.upper(): i for n, i in unique.items() if n.isascii() and n[:1].isupper() and len(n) > 3
             and meta[i][1] in HOME_COUNTRIES and meta[i][0] != "country"}
    return {"unique": unique, "shared": shared, "context": ctx, "meta": meta, "stems": stems, "upper": upper}


class _Scanner:
    """Longest-match look-up of many names at the word starts of a text.

    A regular expression alternating over the ~1,800 names is slow in Python's engine; a look-up
    of each candidate length at each word start in a set is a few microseconds per word.
    """

    def __init__(self, forms, start: str, follow: str):
        self.forms = set(forms)
        lengths: dict[str, set] = {}
        for f in self.forms:
            lengths.setdefault(f[0], set()).add(len(f))
        self.lengths = {c: sorted(n, reverse=True) for c, n in lengths.items()}
        # only word starts whose first character begins some name: the regex engine skips the rest
        self.start = re.compile(start + "(?=[" + "".join(re.escape(c) for c in sorted(self.lengths)) + "])")
        self.follow = re.compile(follow)

    def finditer(self, body: str):
        pos = 0
        for m in self.start.finditer(body):
            i = m.start()
            if i < pos or body[i] not in self.lengths:
                continue
            for n in self.lengths[body[i]]:
                cand = body[i:i + n]
                if cand in self.forms and len(cand) == n and self.follow.match(body, i + n):
                    yield i, i + n, cand
                    pos = i + n
                    break


@lru_cache(maxsize=1)
def _matchers() -> tuple[_Scanner, _Scanner, _Scanner]:
    ix = _index()
    forms = set(ix["unique"]) | set(ix["shared"]) | set(ix["context"]) | set(ix["upper"])
    ko = [f for f in forms if _HANGUL.search(f)]
    ja = [f for f in forms if not _HANGUL.search(f) and _KANA_KANJI.search(f)]
    en = [f for f in forms if f not in ko and f not in ja]
    heads = lx.alt(_cues()["ko_heads"])
    # A particle ends the word (or another particle follows: 울산에서는): 울산과학기술원, 분당서울대병원 and
    # 전주대비 are not places followed by 과/서/대.
    particle = rf"(?:{lx.KO_PARTICLE})(?=$|[^가-힣]|[은는도의을를만서다고며]|까지|부터)"
    # 충북 청주다 (a copula ends the word); 청주4캠퍼스 (a numbered site of the place)
    copula = r"(?:이)?(?:다|였다|었다)(?![가-힣])"
    ko_follow = rf"(?=$|[^가-힣0-9]|{particle}|{copula}|\d{{0,2}}(?:{heads}){lx.KO_AFTER})"
    return (_Scanner(en, r"(?<![\w.])", r"(?![\w]|\.[a-z0-9])"),
            _Scanner(ko, r"(?<![가-힣])", ko_follow),
            # a name inside a longer katakana word is not a place: インド in ノースウインド
            _Scanner(ja, r"(?<![\u30a1-\u30fa\u30fc])", r"(?![\u30a1-\u30fa\u30fc])"))


def _parent_chain(pid: str) -> list[str]:
    meta = _index()["meta"]
    out = []
    while pid in meta and meta[pid][2] and len(out) < 4:
        pid = meta[pid][2]
        out.append(pid)
    return out


def place_id(surface: str) -> str | None:
    """The gazetteer id of any written form of a place, or None.

    Accepts names and aliases in Korean, English or Japanese, with or without the administrative
    suffix (광주광역시, 광주, Gwangju, 경북, 경상북도, 용인시, 기흥구, 니가타현), and a form qualified by
    its province or city (경기 광주, 경남 고성, 부산 중구).

    >>> place_id("광주광역시"), place_id("경북"), place_id("경기도 광주시")
    ('KR-29', 'KR-47', 'KR-41-gwangju')
    """
    if not isinstance(surface, str) or not surface.strip():
        return None
    ix = _index()
    s = re.sub(r"\s+", " ", surface.strip())
    for cand in (s, s.title(), s.replace(" ", "")):
        if cand in ix["unique"]:
            return ix["unique"][cand]
    if s in ix["upper"]:
        return ix["upper"][s]
    if " " in s:
        head, _, rest = s.rpartition(" ")
        parent = place_id(head)
        ids = _candidates(rest) + ix["stems"].get(_SUFFIX.sub("", rest), [])
        inside = [i for i in ids if parent and parent in _parent_chain(i)]
        if len(inside) == 1:
            return inside[0]
        return place_id(rest) if parent is None else (sorted(set(inside))[0] if inside else None)
    ids = _candidates(s)
    if len(ids) == 1:
        return ids[0]
    if ids:                      # a shared name: the largest unit (광주 over 광주 북구)
        return None
    base = re.sub(r"(특별자치시|특별자치도|특별시|광역시|시|군|구|현|부|도|권)$", "", s)
    if base != s and len(base) >= 2:
        return place_id(base)
    return None


def _candidates(s: str) -> list[str]:
    ix = _index()
    if s in ix["unique"]:
        return [ix["unique"][s]]
    return ix["shared"].get(s) or ix["context"].get(s) or []


def find_places(body: str, lang: str | None = None) -> list[dict]:
    """Place mentions of ``body``: dicts with ``kind ("place"), text, place_id, place_role, start, end``.

    Args:
        body: the article text.
        lang: its language code (matching is the same for every language; kept for the caller).
    """
    ix = _index()
    raw = sorted(m for scanner in _matchers() for m in scanner.finditer(body))
    sure: dict[int, str] = {}
    pending = []
    for k, (s, e, text) in enumerate(raw):
        if text in ix["unique"] or text in ix["upper"]:
            sure[k] = ix["unique"].get(text) or ix["upper"][text]
        else:
            pending.append(k)
    named = set(sure.values())
    for k in pending:            # names that are also common words: only in a place context
        s, e, text = raw[k]
        ids = ix["context"].get(text, [])
        if len(ids) != 1:
            continue
        pid = ids[0]
        prev = sure.get(k - 1) if k and s - raw[k - 1][1] <= 1 else None
        if (prev and prev in _parent_chain(pid)) or pid in named or _listed(body, raw, sure, k) \
                or _headed(body, e) or _qualifies(raw, k, pid):
            sure[k] = pid
    for k in sorted(sure):   # 경기 광주, 경남 고성: a name right after another province means its unit
        if k and k - 1 in sure and raw[k][0] - raw[k - 1][1] <= 1 and sure[k - 1] not in _parent_chain(sure[k]):
            inside = _inside(raw[k][2], sure[k - 1])
            if len(inside) == 1:
                sure[k] = inside[0]
    named = set(sure.values())
    for k in pending:            # names several places share (중구, 고성군): by the province or city named
        s, e, text = raw[k]
        if text not in ix["shared"]:
            continue
        prev = sure.get(k - 1) if k and s - raw[k - 1][1] <= 1 else None
        ids = ix["shared"][text]
        pick = [i for i in ids if prev and prev in _parent_chain(i)] or \
               [i for i in ids if set(_parent_chain(i)) & named]
        if len(pick) == 1:
            sure[k] = pick[0]
    out = []
    for k in sorted(sure):
        s, e, text = raw[k]
        pid = sure[k]
        role = _role(body, s, e, *ix["meta"][pid][:2])
        nxt = sure.get(k + 1)
        if role == "activity" and nxt and raw[k + 1][0] - e <= 1 and pid in _parent_chain(nxt) \
                and ix["meta"][nxt][0] != "district":
            role = "mention"   # 충남 서산공장, 경기도 안산시: the province qualifies the city after it
        prv = sure.get(k - 1)
        if role == "activity" and prv and s - raw[k - 1][1] <= 1 and prv in _parent_chain(pid) \
                and ix["meta"][pid][0] == "district":
            role = "mention"   # 용인시 처인구, 서울 강남구: a district after its city is an address
        out.append({"kind": "place", "text": text, "place_id": pid, "start": s, "end": e, "place_role": role})
    return out


def _inside(text: str, parent: str) -> list[str]:
    ix = _index()
    ids = set(ix["stems"].get(_SUFFIX.sub("", text), [])) | set(_candidates(text))
    return sorted(i for i in ids if parent in _parent_chain(i))


def _qualifies(raw, k: int, pid: str) -> bool:
    """Whether match ``k`` is a province written right before one of its units (경기 광주)."""
    return k + 1 < len(raw) and raw[k + 1][0] - raw[k][1] <= 1 and bool(_inside(raw[k + 1][2], pid))


# a list separator, after an optional note in brackets: 부천(로봇), 시흥(바이오), 의정부(제조)
_SEP = re.compile(r"^(?:\([^()\n]{1,15}\))?(?:[·ㆍ、/]|\s?및\s|와\s|과\s|이나\s|나\s|,\s?)$")


def _listed(body: str, raw, sure, k) -> bool:
    """Whether match ``k`` stands in a list next to an accepted place (포항·경주·안동)."""
    for j in (k - 1, k + 1):
        if 0 <= j < len(raw) and j in sure:
            a, b = (raw[j][1], raw[k][0]) if j < k else (raw[k][1], raw[j][0])
            if 0 <= b - a <= 20 and _SEP.match(body[a:b]):
                return True
    return False
