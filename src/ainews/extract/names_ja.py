"""Japanese speaker names: the subject noun phrase of a quote and in-article coreference.

:func:`subject_np` reads the noun phrase before the subject particle (は/が/も) of a clause such as
東大地震研究所の平田直教授は or 外務省の幹部は with SudachiPy's parts of speech: the phrase is split
at の into organisation and head; a title at the end of the head (教授, 社長, 監督, 氏: the
``ja_titles`` of ``quote_verbs.yml``) leaves the name before it (平田直, 孫), and a spokesperson
word (幹部, 担当者, スタッフ: ``ja_spokespersons``) makes the organisation the speaker. The
analyzer's small dictionary tags many family names as places or common nouns (平田, 孫), so a
short run of kanji or katakana before a title counts as a name.

:func:`full_name` links a short form back to the full name written elsewhere in the article, as
readers do: a family name (江畑 -> 江畑幸子, 孫 -> 孫正義, 井上 -> 井上大輔 in 井上大輔氏), the last
part of a foreign name (スピルバーグ -> スティーブン・スピルバーグ), and a katakana name the analyzer
cut (トム・ヒドル -> トム・ヒドルストン).
"""

from __future__ import annotations

import re

from ._common import sentence_of

__all__ = ["subject_np", "full_name", "by_title"]

_KANJI = "\u4e00-\u9fff々〆ヶ"
_KATA = "\u30a0-\u30ffー"
_NAME_CHARS = re.compile(rf"^[{_KANJI}{_KATA}・＝]+$")
_KANJI_ONLY = re.compile(rf"^[{_KANJI}]+$")
_KATA_RUN = re.compile(rf"[{_KATA}・＝]+")
# Not a name although written like one: pronoun-like and prefix words before a title.
_NOT_NAME = {"同", "前", "元", "現", "新", "副", "当", "各", "両", "本", "その", "この", "同社", "同省", "同氏"}
_NP_POS = ("名詞", "接尾辞", "接頭辞")
_NP_SURF = {"の", "・", "＝", "（", "）", "(", ")"}


def _np_tokens(morphs, pos, end):
    """Start index of the noun phrase ending before token ``end``."""
    i = end
    while i > 0:
        p, s = pos[i - 1], morphs[i - 1].surface()
        if p[0] in _NP_POS or s in _NP_SURF or (p[0] == "補助記号" and s in ("・",)):
            i -= 1
            continue
        break
    while i < end and morphs[i].surface() in ("の", "・", "）", ")"):
        i += 1
    return i


def _split_title(head: list, titles: frozenset) -> tuple[str, str | None]:
    """``(name, title)`` of a head phrase such as 平田直教授 or 代表取締役社長・井上大輔氏."""
    surf = [m.surface() for m in head]
    # A title may come before the name with a middle dot (代表取締役社長・井上大輔氏, 監督・眞鍋政義).
    if "・" in surf:
        k = max(i for i, s in enumerate(surf) if s == "・")
        left = "".join(surf[:k])
        if left and (left in titles or any(left.endswith(t) for t in titles if len(t) > 1)):
            surf = surf[k + 1:]
    title = None
    for n in range(len(surf) - 1, -1, -1):
        tail = "".join(surf[n:])
        if tail in titles:
            title = tail
            surf = surf[:n]
            break
    return "".join(surf), title


def _is_name(name: str, head: list, pos_of) -> bool:
    if not name or name in _NOT_NAME or not _NAME_CHARS.match(name):
        return False
    if any(pos_of(m)[2] == "人名" for m in head):
        return True
    return len(name) <= 5 or "・" in name


def subject_np(text: str, analyzer, titles: frozenset, spokes: frozenset, org_like) -> dict | None:
    """The speaker named by the last subject phrase (…は/が/も) of ``text``, or None.

    Returns:
        ``{"name", "role", "kind", "org"}`` with ``kind`` ``person`` or ``org``.
    """
    morphs = list(analyzer.tokenize(text))
    pos = [m.part_of_speech() for m in morphs]
    end = None
    for k in range(len(morphs) - 1, -1, -1):
        s = morphs[k].surface()
        if s in ("は", "も", "が") and pos[k][0] == "助詞":
            end = k
            break
    if end is None:
        return None
    start = _np_tokens(morphs, pos, end)
    if start >= end:
        return None
    np_m = morphs[start:end]
    parts, cur = [], []
    for m in np_m:
        if m.surface() == "の":
            parts.append(cur)
            cur = []
        else:
            cur.append(m)
    parts.append(cur)
    parts = [p for p in parts if p]
    if not parts:
        return None
    head = parts[-1]
    org = "".join(m.surface() for m in parts[-2]) if len(parts) > 1 else None
    head_surf = "".join(m.surface() for m in head)
    if any(head_surf.endswith(s) for s in spokes):
        base = head_surf
        for s in sorted(spokes, key=len, reverse=True):
            if base.endswith(s):
                base = base[: -len(s)]
                break
        who = org or base
        if who and who not in _NOT_NAME and (org_like(who) or org):
            return {"name": who, "role": None, "kind": "org", "org": who}
        return None
    name, title = _split_title(head, titles)
    if title is None and not any(m.part_of_speech()[2] == "人名" for m in head):
        return None
    if title is not None and name in ("", "同"):  # 知事は, 同監督は: the person of that title
        return {"name": "", "role": title, "kind": "person", "org": None}
    if not _is_name(name, head, lambda m: m.part_of_speech()):
        return None
    return {"name": name, "role": title, "kind": "person", "org": org if org and org_like(org) else None}


def full_name(name: str, text: str, titles: frozenset) -> str:
    """The full form of ``name`` written elsewhere in ``text`` (family name, last part of a foreign
    name, a katakana name cut short), else ``name``."""
    if not name:
        return name
    if _KANJI_ONLY.match(name) and len(name) <= 3:  # a family name: 江畑, 孫, 佐々木
        counts: dict[str, int] = {}
        # the rest of the name in kanji (江畑幸子) or katakana (小沢コージ)
        for m in re.finditer(rf"{re.escape(name)}([{_KANJI}]{{1,6}}|[{_KATA}]{{2,6}}(?![{_KATA}]))", text):
            run = rest = m.group(1)
            for t in sorted(titles, key=len, reverse=True):  # 井上大輔氏 -> 大輔, 眞鍋政義監督 -> 政義
                if rest.endswith(t) and len(rest) > len(t):
                    rest = rest[: -len(t)]
                    break
            if run.endswith("相") and rest != run:
                continue  # 安住財務相: the ministry, not a given name
            if rest[-1] in "元前副現新":  # 落合博満元監督 -> 博満; 羅忠生副総裁 -> nothing
                rest = rest[:-1]
            if not rest or any(rest.startswith(t) for t in titles):
                continue  # 孫正義会長兼社長: titles, not a given name
            if rest in titles or (rest == run and len(run) > 3) or _NOT_PERSON.search(rest):
                continue  # 孫社長; a long compound or a place (古川康佐賀県知事) is not a given name
            if len(rest) <= 3 and _before_ok(text, m.start()):
                counts[name + rest] = counts.get(name + rest, 0) + 1
        if counts:
            return max(counts, key=counts.get)
        return name
    if re.fullmatch(rf"[{_KATA}・＝]+", name):
        best = name
        for m in _KATA_RUN.finditer(text):
            run = m.group(0).strip("・")
            if len(run) <= len(best):
                continue
            if run.startswith(name) and "・" in name:  # トム・ヒドル -> トム・ヒドルストン
                best = run
            elif "・" not in name and (run.endswith("・" + name) or run.endswith("＝" + name)
                                       or run.startswith(name + "・")):
                best = run  # スピルバーグ, マイケル -> スティーブン・スピルバーグ, マイケル・モーパーゴ
        return best
    return name


# A run of kanji before a title that is a place or body, not a name: 佐賀県知事, 経済産業省幹部.
_NOT_PERSON = re.compile(r"(?:県|府|都|道|市|町|村|区|国|省|庁|社|会|部|局|団|党|軍|大学|協会|連盟|委員会)$")


def by_title(title: str, text: str, end: int, titles: frozenset) -> str | None:
    """The person last named with ``title`` in ``text[:end]`` (古川知事, 知事の古川康氏,
    前全日本女子監督・柳本晶一氏), as its full name; None when no one was."""
    found = None
    for m in re.finditer(re.escape(title), text[:end]):
        b = re.search(rf"(?<![{_KANJI}{_KATA}])([{_KANJI}{_KATA}・]{{1,8}})$", text[max(0, m.start() - 9):m.start()])
        a = re.match(rf"(?:の|・)([{_KANJI}{_KATA}・]{{2,10}})", text[m.end():m.end() + 12])
        name = None
        if a:
            name = a.group(1)
            for t in sorted(titles, key=len, reverse=True):
                if name.endswith(t) and len(name) > len(t):
                    name = name[: -len(t)]
                    break
        elif b and not _NOT_PERSON.search(b.group(1)) and b.group(1) not in _NOT_NAME:
            name = b.group(1)
        if name and not _NOT_PERSON.search(name) and name not in titles:
            found = full_name(name, text, titles)
    return found


def _before_ok(text: str, i: int) -> bool:
    """The match starts a word: not in the middle of a longer kanji compound."""
    return i == 0 or not re.match(rf"[{_KANJI}]", text[i - 1])


# --- where the speaker is written outside the sentence of the quote -----------------------------
# A lead-in paragraph ending in a subject (孫社長は、 / 店のスタッフいわく、) before a quote paragraph.
_LEAD_IN = re.compile(r"(?:^|\n)(?P<np>[^\n「」。]{1,60}?)(?P<p>は|が|も|いわく|曰く)[、,：:]?\s*$")
# The speaker named after the quote: 「…」\n\nそう語る代表取締役社長の井上氏は、…
_AFTER = re.compile(r"[。\s]*そう(?:語|話|述べ|説明し|明かし|振り返|笑)(?:る|す|った|した|た|う)"
                    r"(?:のは)?(?P<np>[^、。「」\n]{1,40}?)(?:ら|たち|だ|です)?(?:は|が|も|、|。)")
# A caption line: 代表取締役社長・井上大輔氏　「…」 (a name, then the quote, no verb).
_CAPTION = re.compile(r"(?:^|\n)(?P<np>[^\n「」。、：:■●◆『』／/＜＞<>]{2,30}?)[ \t\u3000]+$")


def lead_in(body: str, o: int) -> str | None:
    """The subject phrase of a lead-in paragraph just before the quote paragraph at ``o``."""
    m = _LEAD_IN.search(body, max(0, o - 80), o)
    if m is None or body[m.end():o].strip():
        return None
    return m.group("np") + "は"


def after_np(body: str, c: int) -> str | None:
    """The subject phrase of a そう語る… sentence right after the quote closing at ``c``."""
    m = _AFTER.match(body, c + 1, min(len(body), c + 80))
    return m.group("np") + "は" if m else None


def caption(body: str, o: int) -> str | None:
    """The name written before a quote on its own line, with no verb (interview captions)."""
    m = _CAPTION.search(body, max(0, o - 40), o)
    return m.group("np") + "は" if m and m.end() == o else None


# a name in brackets before an honorific (「ぼん」さんは): a nickname, not a quote
BRACKETED_NAME = re.compile(r"「(?P<n>[^「」。、]{1,12})」(?P<h>さん|氏|君|ちゃん)(?=[はがも][^「」]*$)")
# a sentence's topic: the words up to its first は/が followed by a comma (…ジェレミー・アーヴァインは、)
# (not the conjunction ですが、/だが、)
TOPIC = re.compile(r"^[^「」。]{1,80}?(?:は|(?<!です)(?<!ます)(?<!だ)が)(?=[、,])")


def previous_sentence(art, s0: int) -> str | None:
    """The sentence before the one starting at ``s0``, in the same paragraph and with no quote."""
    body = art.body
    if s0 <= 0 or body[s0 - 1] == "\n" or not body[:s0].rstrip(" \u3000").endswith("。"):
        return None
    p0, _ = sentence_of(art, max(0, len(body[:s0].rstrip(" \u3000")) - 1))
    prev = body[p0:s0]
    return None if "\n" in prev.strip() or "「" in prev or "」" in prev else prev.strip()
