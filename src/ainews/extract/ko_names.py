"""Whether a Hangul word is a person's name: kiwi's reading of it before a title, memoised on disk,
with the NER tagger as second opinion on short or unknown names.

Helpers of :mod:`ainews.extract.persons` (also used by the quote speakers of
:mod:`ainews.extract.speakers_ko`). Verdicts are kept per cache folder and kiwi version, so a
fresh process extracts without loading kiwi's model.
"""

from __future__ import annotations

import re

from ..lang.memo import DiskMemo
from . import _lexicon as lx

# kiwi's verdicts on candidate names, per (cache folder, kiwi version): read from the on-disk memo
# once per process, new ones written back by save_name_checks(). With sentences and verdicts on
# disk, a fresh process extracts without loading kiwi's model (seconds per notebook kernel).


def ko_name_ok(name: str) -> bool:
    """Whether kiwi reads a Hangul word as a person's name (memoised; see :func:`_ko_name_ok`)."""
    return _ko_name_ok(name)


def _ko_name_ok(name: str) -> bool:
    """Whether a Hangul word before a role noun reads as a person's name, per kiwi's analysis.

    The verdict is memoised on disk (see :func:`save_name_checks`), so kiwi is asked once per word.
    """
    return _NAMES.get(name, lambda: "1" if _kiwi_name_ok(name) else "0") == "1"


def _split_version_ko() -> str:
    from ..lang.sentences import split_version

    return split_version("ko")


# Verdicts depend on kiwi and the user dictionary (the Korean split version); bump the kind when
# the verdict rule changes, so old verdicts are ignored.
_NAMES = DiskMemo("ko_name8", _split_version_ko)


def ko_proper_nouns(name: str) -> bool:
    """Whether kiwi reads every word of ``name`` as one proper noun ("루카스 스위셔": 루카스/NNP
    스위셔/NNP), memoised on disk beside the name checks (key prefixed ``NNP:``)."""
    return _NAMES.get("NNP:" + name, lambda: "1" if _kiwi_proper_nouns(name) else "0") == "1"


def _kiwi_proper_nouns(name: str) -> bool:
    from ..lang.sentences import get_kiwi

    toks = [t for t in get_kiwi().tokenize(name + " 대표는 말했다") if t.start < len(name)]
    if not toks or toks[-1].end != len(name) or any(t.tag != "NNP" for t in toks):
        return False
    bounds = {0, len(name)} | {m.start() for m in re.finditer(r"(?<= )\S", name)} | \
        {m.end() for m in re.finditer(r"\S(?= )", name)}
    return all(t.start in bounds and t.end in bounds for t in toks)


def save_name_checks() -> None:
    """Write the name verdicts found since the last call to the on-disk memo."""
    _NAMES.save()


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


_QUOTE_NEAR = re.compile(r"[\"“‘'「]")


def crf_person(body: str, start: int, end: int, *, size: int = 3, near: bool = True) -> bool:
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


COMMON_SURNAMES = set("김이박최정강조윤장임한오서신권황안송전홍")  # the twenty most frequent


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
    if len(words[1]) == 3 and words[1][0] in COMMON_SURNAMES:
        return False  # "와플랫 황선영": an organization, then a Korean name
    bounds.add(len(words[0]))
    return all(t.start in bounds and t.end in bounds for t in toks)



def opening_name_subject(text: str) -> tuple | None:
    """``(name, "person", role, organization)`` of a sentence that opens with a three-syllable name,
    an organization and a title as the subject right before a quote ("지정석 아이엘로보틱스 대표는",
    "서동은 리플라 대표는"), for names kiwi reads as common words (지정석/NNG) or splits before a
    particle (서동/NNP 은). The layout is the signal: the name opens the sentence, starts with a
    family name, ends in no particle, and the NER tagger reads the word after it as an organization."""
    m = None
    for m in _opening_rx().finditer(text):
        pass
    if m is None or not text[m.end():].strip(" ,") == "":
        return None
    name, mid = m.group("name"), m.group("mid").split()
    if name[0] not in lx.roles()["surnames"] or name[-1] in _PARTICLE_ENDS or not mid \
            or name in lx.orgs()["known"] or name in lx.place_matchers()[3]:
        return None
    from .ner import shipped_tagger

    tagger = shipped_tagger()
    if tagger is None:
        return None
    a = m.start("mid") + len(m.group("mid")) - len(m.group("mid").lstrip())
    if not any(label == "OG" and s == a for label, s, _ in tagger.entities(text)):
        return None
    return name, "person", m.group("role"), " ".join(mid) or None


_PARTICLE_ENDS = set("와과의에를을도만로")


def _opening_rx() -> re.Pattern:
    return re.compile(rf"(?:^|(?<=[.!?])[^\S\n]?)(?P<name>[가-힣]{{3}})(?P<mid>(?:[^\S\n][^\s\"“”'‘’]+){{1,2}}?)"
                      rf"[^\S\n](?P<role>{lx.roles()['ko_alt']})(?:은|는|이|가)(?=[\s,])"
                      r"(?:[^\S\n](?:[0-9]{1,2}일|이날|또|또한))?[^\S\n]?")
