"""Japanese direct quotes: 「…」と述べた / 語った / 話した / 強調した / 明らかにした.

A 「…」 span is speech when the quotative と and a reporting verb of
``quote_verbs.yml: ja_verb_stems`` follow it in the same sentence. The speaker is looked for
between と and the verb (「…」と武藤容治経済産業相は述べた), else before the opening bracket
(孫正義会長は「…」と語った); a pronoun (同氏, 彼) or a missing subject means the last speaker.

Names come from SudachiPy's part-of-speech tags (名詞,固有名詞,人名 for 姓/名, and proper
nouns written with ・ or followed by a title such as 首相, 社長, 氏); the title becomes the role
and a proper noun joined by の before the name (ソフトバンクグループの孫正義会長) the
organisation. When no person is named, an organisation subject (経済産業省は「…」と説明した)
is the speaker, with ``speaker_kind`` ``org``.

When the analyzer names no person, the noun phrase before the subject particle is read by
:mod:`.names_ja` (平田直教授 -> 平田直, role 教授; 外務省の幹部 -> 外務省). A family name, a katakana
name the analyzer cut, or a title alone (知事は) becomes the full name written elsewhere in the
article. The speaker may also stand outside the quote's sentence: in a lead-in paragraph
(孫社長は、⏎⏎「…」とつぶやいた), after the quote (「…」⏎⏎そう語る井上氏は), in a caption with a title
(代表取締役社長・井上大輔氏　「…」), or as the agent of a passive verb (監督から「…」と絶賛された).
Transcript lines (小沢：…) come from :mod:`.transcript_ja`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import load_yaml_lexicon
from . import _lexicon as lx
from ._common import evidence, sentence_of
from .names_ja import (BRACKETED_NAME, TOPIC, after_np, by_title, caption, full_name, lead_in,
                       previous_sentence, subject_np)
from .transcript_ja import transcript_turns

__all__ = ["quotes_ja"]

_OPEN, _CLOSE = "「", "」"
# A subject (…は/が/も) followed by at most a short adverbial (記者会見で, 作品について、).
_SUBJECT_END = re.compile(r"(?:は|が|も)[^「」。]{0,30}$")
# The agent of a passive reporting verb, just before the quote: 眞鍋監督から「…」と絶賛され.
_AGENT = re.compile(r"(?P<np>[^、。「」\sはがもをで]{1,30})(?:から|に)\s*$")
# Prefixes of a title the analyzer leaves on the name: 副総裁, 元監督, 前社長.
_ROLE_PREFIX = frozenset("副元前現新")
# A phrase before the reporting verb that is not its subject: 郵便事業会社の担当者に要望した.
_NOT_SUBJECT = re.compile(r"(?:に|へ|から|に対し|に対して|を)[、,]?\s*$")
# Between two quotes of one speaker: 「…」として「…」と述べた, 「…」と話し、「…」と語った.
_CHAIN = re.compile(r"^\s*(?:と|として|とし|を挙げ|と述べ|と話し|と語り|と強調し)?[、,]?\s*$")


@lru_cache(maxsize=1)
def _rx() -> dict:
    data = load_yaml_lexicon("quote_verbs.yml") or {}
    q = {k: [str(v) for v in data.get(k) or []] for k in ("ja_verb_stems", "ja_pronouns", "ja_titles")}
    spokes = [str(v) for v in data.get("ja_spokespersons") or []]
    institutions = [str(v) for v in data.get("ja_institutions") or []]
    missing = [k for k, v in q.items() if not v]
    if missing:
        raise ValueError(f"quote_verbs.yml has no {missing}; add the Japanese lists (see extract/quotes_ja.py)")
    # Dictionary forms (語る, 話す) and とのこと end the verb themselves; other stems need an ending.
    passive = [str(v) for v in data.get("ja_passive_stems") or []]
    whole = [v for v in q["ja_verb_stems"] if v.endswith(("る", "す", "のこと"))]
    stems = lx.alt([v for v in q["ja_verb_stems"] + passive if v not in whole])
    ends = r"(?:た|だ|ている|ていた|ました|ます|る|、|(?=[。」\s]))"
    verb = rf"(?:{lx.alt(whole)})|(?:{stems}){ends}" if whole else rf"(?:{stems}){ends}"
    return {
        "after": re.compile(rf"[、,]?\s*と\s*[、,]?(?P<mid>[^「」。]{{0,60}}?)(?P<verb>{verb})"),
        "pron": re.compile(rf"(?:{lx.alt(q['ja_pronouns'])})(?:は|が|も)"),
        "titles": frozenset(q["ja_titles"]),
        "passive": tuple(passive),
        "spokes": frozenset(spokes),
        "institutions": frozenset(institutions),
    }


def _spans(body: str) -> list[tuple[int, int]]:
    """``(open, close)`` offsets of top-level 「…」 pairs (nested 「」 and 『』 stay inside)."""
    out, depth, start = [], 0, -1
    for i, ch in enumerate(body):
        if ch == _OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif ch == _CLOSE and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i))
        elif ch == "\n":
            depth = 0
    return out


def _analyzer():
    from ..lang.japanese import get_sudachi

    return get_sudachi()[0]


def _who(text: str) -> dict | None:
    """The person (else organisation) named in a subject phrase such as 経団連の十倉雅和会長は."""
    if not text.strip():
        return None
    from ..lang.concepts import _current, concept_of

    kinds = _current()[2]  # concept id -> labels and kind
    tok = _analyzer()
    morphs = list(tok.tokenize(text))
    pos = [m.part_of_speech() for m in morphs]
    titles = _rx()["titles"]
    best = None
    i = 0
    while i < len(morphs):
        p = pos[i]
        surf = morphs[i].surface()
        is_name = p[0] == "名詞" and p[1] == "固有名詞" and p[2] == "人名"
        cid = concept_of(surf) if p[1] == "固有名詞" else None
        titled = i + 1 < len(morphs) and _is_title(morphs, pos, i + 1, titles)
        proper = p[0] == "名詞" and p[1] == "固有名詞" and p[2] not in ("地名",)
        person_like = is_name or (cid and kinds.get(cid, {}).get("kind") == "person") or \
            (proper and titled and ("・" in surf or _kanji_name(surf)))
        if person_like:
            j = i + 1
            # ジョン・ミラー: name parts joined by a middle dot are one name
            while j < len(morphs) and (pos[j][2] == "人名" or (
                    morphs[j].surface() == "・" and j + 1 < len(morphs) and pos[j + 1][2] == "人名")):
                j += 1
            name = "".join(m.surface() for m in morphs[i:j])
            k = j
            while k < len(morphs) and (pos[k][0] in ("名詞", "接尾辞") and pos[k][1] != "固有名詞"
                                       or morphs[k].surface() in ("（", "）", "(", ")")):
                k += 1
            role = "".join(m.surface() for m in morphs[j:k]).rstrip("（(").lstrip("）)") or None
            if role and role.count("（") > role.count("）"):
                role += "）"
            org = None
            if i >= 2 and morphs[i - 1].surface() == "の" and pos[i - 2][1] == "固有名詞":
                org = morphs[i - 2].surface()
            best = {"name": name, "role": role, "kind": "person", "org": org}
            i = k
            continue
        if best is None and proper and p[2] != "人名":
            if cid and kinds.get(cid, {}).get("kind") == "org" or _org_like(surf):
                best = {"name": surf, "role": None, "kind": "org", "org": surf}
        i += 1
    return best or _spokesperson_org(morphs, pos)


def _spokesperson_org(morphs, pos) -> dict | None:
    """The organisation of an unnamed spokesperson: 政府関係者, 経済産業省の幹部, 熊本県の担当者,
    トヨタ自動車の広報担当者 (``quote_verbs.yml``: ja_spokespersons, ja_institutions)."""
    rx = _rx()
    for k, m in enumerate(morphs):
        if m.surface() not in rx["spokes"]:
            continue
        j = k - 1
        while j >= 0 and pos[j][0] == "名詞" and pos[j][1] != "固有名詞" and morphs[j].surface() in rx["spokes"]:
            j -= 1  # 広報 担当者
        if j >= 1 and morphs[j].surface() == "の":
            j -= 1
        if j < 0:
            return None
        surf = morphs[j].surface()
        if (pos[j][0] == "名詞" and pos[j][1] == "固有名詞" and pos[j][2] != "人名") or surf in rx["institutions"]:
            return {"name": surf, "role": None, "kind": "org", "org": surf}
        return None
    return None


_KANJI_NAME = re.compile(r"^[\u4e00-\u9fff々]{3,5}$")
_ORG_SUFFIX = re.compile(r"(省|庁|府|社|側|銀行|大学|研究所|委員会|機構|協会|連合|グループ|ホールディングス|AI|"
                         r"研究院|新聞|日報|通信|放送|テレビ|党|団|局|部)$")


def _kanji_name(surface: str) -> bool:
    return bool(_KANJI_NAME.match(surface))


def _org_like(surface: str) -> bool:
    return bool(_ORG_SUFFIX.search(surface)) or surface.isascii()


def _is_title(morphs, pos, j, titles) -> bool:
    surf = morphs[j].surface()
    return surf in titles or any(surf.endswith(t) for t in titles if len(t) > 1) or \
        (pos[j][0] == "接尾辞" and surf in titles)


def _subject(text: str, rx: dict) -> dict | None:
    """The speaker of a subject phrase: a person the analyzer tags, else the noun phrase before
    the subject particle (name + title, or an organisation's unnamed spokesperson)."""
    who = _who(text)
    if who is None or who["kind"] != "person":
        np_who = subject_np(text, _analyzer(), rx["titles"], rx["spokes"],
                            lambda s: _org_like(s) or s in rx["institutions"])
        who = np_who or who
    return who


def _untitled(name: str, titles: frozenset) -> str:
    """``name`` without a title at its end (ルパート・サンダース監督 -> ルパート・サンダース)."""
    for t in sorted(titles, key=len, reverse=True):
        if name.endswith(t) and len(name) > len(t):
            return name[: -len(t)]
    return name


def _resolved(speaker: dict, context: str, at: int, rx: dict) -> dict | None:
    """The full name of a speaker written as a family name, a cut name or a title alone."""
    name = speaker["name"]
    if not name:
        name = by_title(speaker["role"], context, at, rx["titles"])
        return {**speaker, "name": name} if name else None
    role = speaker["role"]
    if role and len(name) > 2 and name[-1] in _ROLE_PREFIX:  # 羅忠生副|総裁, 落合元|監督
        name, role = name[:-1], name[-1] + role
    full = full_name(name, context, rx["titles"])
    if role and full != name and full.startswith(name) and role.startswith(full[len(name):]):
        role = role[len(full) - len(name):] or None  # トム・ヒドル|ストン: the cut was not a title
    return {**speaker, "name": full, "role": role}


def quotes_ja(art) -> list[dict]:
    """Quote rows (the columns of :func:`ainews.extract_quotes`) of one Japanese article."""
    body = art.body
    rx = _rx()
    context = f"{getattr(art, 'title', '') or ''}\n{body}"  # where full names are introduced
    rows = transcript_turns(art, _analyzer(), lambda n: full_name(_untitled(n, rx["titles"]), context, rx["titles"]))
    if _OPEN not in body:
        return rows
    last = None
    prev_sent = None
    for o, c in _spans(body):
        qs, qe = o + 1, c
        if qe - qs < 2:
            continue
        s0, s1 = sentence_of(art, o)
        am = rx["after"].match(body, c + 1, min(len(body), c + 1 + 90))
        layout = None
        if am is None:
            # No reporting verb: the speaker may be named after the quote (そう語る…) or in a
            # caption before it (井上大輔氏　「…」).
            layout = after_np(body, c)
            if layout is None:
                # A caption must name a person with a title (井上大輔氏): headings and credits
                # before a quote (■ブランド：商品名, （C）作者／出版社) do not.
                layout = caption(body, o)
                cap = _subject(layout, rx) if layout else None
                if cap is None or cap["kind"] != "person" or cap["role"] not in rx["titles"]:
                    continue
        verb = am.group("verb").rstrip("、") if am else ""
        mid = am.group("mid") if am else ""
        # 「ぼん」さんは…「…」: a name written in brackets before an honorific, the sentence's topic
        nick = BRACKETED_NAME.match(body[s0:o].lstrip())
        before = BRACKETED_NAME.sub(r"\g<n>\g<h>", body[s0:o])
        # Only what follows the last closing bracket belongs to this quote's subject, unless
        # the quote continues the previous one (「…」として「…」と述べた): then look before both.
        cut = before.rfind(_CLOSE)
        while cut >= 0 and _CHAIN.match(before[cut + 1:]):
            opening = before.rfind(_OPEN, 0, cut)
            if opening < 0:
                break
            before, cut = before[:opening], before.rfind(_CLOSE, 0, opening)
        before = before[cut + 1:]
        if not before.strip() and layout is None:
            before = lead_in(body, o) or before
        speaker, how = None, None
        if rx["passive"] and verb.startswith(rx["passive"]):
            # 監督から「…」と絶賛された: the agent spoke; the subject only heard it.
            agent = _AGENT.search(before)
            who = _subject(agent.group("np") + "は", rx) if agent else None
            speaker, how = (who, "named") if who else (None, "passive")
        elif layout is not None:
            who = _subject(layout, rx)
            if who is None or who["kind"] != "person":
                continue
            speaker, how = who, "named"
        elif rx["pron"].search(mid) or rx["pron"].search(before):
            speaker, how = last, "pronoun"
        if speaker is None and how is None:
            who = _subject(mid, rx) if mid.strip() and not _NOT_SUBJECT.search(mid) else None
            if who is None and _SUBJECT_END.search(before):
                who = _subject(before, rx)
            if who is None and nick is not None and not mid.strip():
                who = {"name": nick.group("n"), "role": nick.group("h"), "kind": "person", "org": None}
            if who is not None:
                speaker, how = who, "named"
        if speaker is None and how is None and not before.strip() and layout is None:
            # a quote opening its sentence after one that names a person as its topic, with no
            # quote of its own: 主役の…ジェレミー・アーヴァインは、…俳優の一人。「…」と興奮している様子だった
            prev = previous_sentence(art, s0)
            who = _subject(TOPIC.match(prev).group(0), rx) if prev and TOPIC.match(prev) else None
            if who is not None and who["kind"] == "person":
                speaker, how = who, "context"
        if speaker is None and how is None and last is not None and (prev_sent == s0 or not before.strip()
                                                     or not _SUBJECT_END.search(before)):
            speaker, how = last, "continued"
        if speaker is not None and speaker["kind"] == "person":
            speaker = _resolved(speaker, context, len(context) - len(body) + o, rx)
            how = how if speaker is not None else None
        if speaker is not None:
            last = speaker
        rows.append({**evidence(art, qs, qe),
                     "speaker": speaker["name"] if speaker else None,
                     "role": speaker["role"] if speaker else None,
                     "speaker_kind": speaker["kind"] if speaker else None,
                     "speaker_how": how if speaker else "unresolved", "quote": body[qs:qe], "verb": verb,
                     "organization": speaker["org"] if speaker else None})
        prev_sent = s0
    return sorted(rows, key=lambda r: r["start"])
