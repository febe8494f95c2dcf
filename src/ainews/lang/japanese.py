"""Japanese tokenization and sentence splitting: SudachiPy (split mode C) + a user dictionary.

Why SudachiPy rather than fugashi + unidic-lite (both installed, both offline): on 295
livedoor news articles (348k characters) fugashi ran at about 1.0M characters/s and Sudachi
mode C at about 0.58M, but fugashi/UniDic cuts the words news analysis counts into
short units (経済/産業/省, ソフト/バンク/グループ, データ/センター), while Sudachi mode C keeps
them whole and gives a normalised form for spelling variants (コンピュータ -> コンピューター,
ため -> 為). Joining UniDic's pieces back would cost more than the speed gained. See
``benchmarks/bench_japanese.py``.

Token forms: nouns (common and proper, numbers excluded) in Sudachi's normalised form, Latin
letters lower-cased, stopwords (``data/lexicons/stopwords_ja.txt``) dropped; particles,
auxiliaries, verbs and symbols dropped. Terms of ``data/lexicons/userdict_ja.tsv`` (生成AI,
ソブリンAI, 経済安全保障...) are one token each (``生成ai``). The user dictionary is compiled
with ``sudachipy.build_user_dic`` into :func:`ainews.config.user_cache_dir`, once per content
version (about 15 s).

Sentences (:func:`split_sentences_ja`) end after 。！？ (and after a closing bracket that
follows them), never inside 「」『』（）: a quoted passage with several sentences stays in the
sentence that reports it.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from ..lexicons import lexicon_path, lexicon_version, read_word_list

__all__ = ["get_sudachi", "tokenize_ja", "ja_version", "split_sentences_ja", "read_userdict_ja",
           "USERDICT_JA", "STOPWORDS_JA"]

USERDICT_JA = "userdict_ja.tsv"
STOPWORDS_JA = "stopwords_ja.txt"
_KINDS = {"固有名詞": "固有名詞,一般", "普通名詞": "普通名詞,一般"}
# Connection ids of 名詞,固有名詞,一般 in sudachidict-core: user words connect like names.
_CONN = 4786
_COST = 3000
# Sudachi refuses inputs over 49,149 bytes; pieces stay well below (3 bytes a character).
_MAX_CHARS = 4000
_LATIN = re.compile(r"[A-Za-z]")
_NUMERIC = re.compile(r"^[\d.,，．]+$")
# One-character nouns are mostly noise (方, 中, 点); country abbreviations in headlines are not.
_SINGLE_OK = frozenset("米中韓欧英露朝印台")


def read_userdict_ja(path=None) -> list[tuple[str, str, str]]:
    """Entries ``(word, kind, reading)`` of the Japanese user dictionary."""
    path = Path(path) if path is not None else lexicon_path(USERDICT_JA)
    out = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in raw.split("\t")]
        word, kind = cols[0], cols[1] if len(cols) > 1 and cols[1] else "普通名詞"
        if kind not in _KINDS or not word or any(ch.isspace() for ch in word):
            raise ValueError(f"{path}, line {n}: expected `word<TAB>固有名詞|普通名詞<TAB>reading` "
                             f"with a word without spaces, got {raw!r}")
        out.append((word, kind, cols[2] if len(cols) > 2 and cols[2] else word))
    return out


def _csv_lines(entries: list[tuple[str, str, str]]) -> list[str]:
    lines = []
    for word, kind, reading in entries:
        norm = unicodedata.normalize("NFKC", word)
        # The trie key is the text as Sudachi's input plugins see it: NFKC, lower-cased.
        lines.append(f"{norm.lower()},{_CONN},{_CONN},{_COST},{word},名詞,{_KINDS[kind]},*,*,*,"
                     f"{reading},{norm},*,C,*,*,*")
    return lines


def _compiled_userdict(version: str) -> Path:
    import sudachidict_core
    from sudachipy import sudachipy as _sudachi

    from ..config import user_cache_dir

    folder = user_cache_dir() / "sudachi"
    out = folder / f"userdict_ja-{version}.dic"
    if out.is_file():
        return out
    folder.mkdir(parents=True, exist_ok=True)
    src = folder / f"userdict_ja-{version}-{os.getpid()}.csv"
    src.write_text("\n".join(_csv_lines(read_userdict_ja())) + "\n", encoding="utf-8")
    system = Path(sudachidict_core.__file__).parent / "resources" / "system.dic"
    tmp = folder / f"userdict_ja-{version}-{os.getpid()}.tmp"
    try:
        _sudachi.build_user_dic(str(system), [str(src)], str(tmp), "ainews userdict_ja")
    except Exception as exc:  # noqa: BLE001 - sudachi raises plain Exception subclasses
        raise ValueError(f"{lexicon_path(USERDICT_JA)}: Sudachi cannot compile the user dictionary "
                         f"({exc}); fix the offending line") from exc
    finally:
        src.unlink(missing_ok=True)
    tmp.replace(out)  # atomic: two processes building at once both end with a whole file
    return out


_STATE: dict[str, tuple] = {}


def get_sudachi():
    """``(tokenizer, keep_pos_ids, proper_pos_ids)`` for the current user dictionary.

    The tokenizer is SudachiPy's split mode C with the compiled user dictionary; built once per
    version of ``userdict_ja.tsv``.
    """
    version = lexicon_version(USERDICT_JA)
    if version not in _STATE:
        from sudachipy import Config, Dictionary, SplitMode

        # The compiled file depends on the system dictionary too: both name it.
        compiled = _compiled_userdict(f"{version}-{_dict_version()}")
        d = Dictionary(config=Config(user=[str(compiled)]), dict="core")
        keep, proper = set(), set()
        pos_id = 0
        while (pos := d.pos_of(pos_id)) is not None:
            if pos[0] == "名詞" and pos[1] in ("普通名詞", "固有名詞"):
                keep.add(pos_id)
                if pos[1] == "固有名詞":
                    proper.add(pos_id)
            pos_id += 1
        tok = d.tokenizer(mode=SplitMode.C, fields={"pos", "normalized_form"})
        _STATE.clear()
        _STATE[version] = (tok, frozenset(keep), frozenset(proper), d)
    tok, keep, proper, _ = _STATE[version]
    return tok, keep, proper


@lru_cache(maxsize=4)
def _stopwords(path: str, version: str) -> frozenset[str]:
    return frozenset(unicodedata.normalize("NFKC", w).lower() for w in read_word_list(path))


def _stopwords_ja() -> frozenset[str]:
    return _stopwords(str(lexicon_path(STOPWORDS_JA)), lexicon_version(STOPWORDS_JA))


def ja_version() -> str:
    """Version of everything the Japanese tokens depend on (lexicons, Sudachi and its dictionary)."""
    import sudachipy

    return f"ja1-{sudachipy.__version__}-{_dict_version()}-{lexicon_version(USERDICT_JA, STOPWORDS_JA)}"


@lru_cache(maxsize=1)
def _dict_version() -> str:
    try:
        from importlib.metadata import version

        return version("sudachidict-core")
    except Exception:  # noqa: BLE001 - a dictionary installed another way: the library decides
        return "?"


def _pieces(text: str) -> Iterator[str]:
    for line in text.split("\n"):
        while len(line) > _MAX_CHARS:
            cut = line.rfind("。", 0, _MAX_CHARS)
            cut = cut + 1 if cut > 0 else _MAX_CHARS
            yield line[:cut]
            line = line[cut:]
        if line.strip():
            yield line


def tokenize_ja(texts: Iterable[str]) -> Iterator[list[str]]:
    """Content-word tokens of each Japanese text, in input order (streams).

    Args:
        texts: Japanese texts (any iterable; consumed lazily).

    Yields:
        One list per text: nouns in Sudachi's normalised form (経済産業省, データセンター,
        コンピューター), user-dictionary terms whole, Latin letters lower-cased (``生成ai``,
        ``nvidia``).
    """
    tok, keep, proper = get_sudachi()
    stop = _stopwords_ja()
    # The decision for a normalised form never changes within a run: a dict look-up per morpheme
    # instead of two regular expressions (news repeats its nouns). One memo for proper nouns, one
    # for common nouns, found from the POS id: a kept POS is one look-up, no tuple key.
    common: dict[str, str | None] = {}
    names: dict[str, str | None] = {}
    memo_of = {pid: (names if pid in proper else common) for pid in keep}.get
    tokenize = tok.tokenize
    # News repeats whole lines (a column's footer, a byline, a syndicated paragraph): a line seen
    # before in this batch gives its tokens again without a second analysis.
    seen: dict[str, list[str]] = {}
    for text in texts:
        out: list[str] = []
        append = out.append
        for piece in _pieces(text or ""):
            again = seen.get(piece)
            if again is not None:
                out.extend(again)
                continue
            first = len(out)
            for m in tokenize(piece):
                memo = memo_of(m.part_of_speech_id())
                if memo is None:
                    continue  # not a common or proper noun
                norm = m.normalized_form()
                form = memo.get(norm, _UNSEEN)
                if form is _UNSEEN:
                    form = memo[norm] = _content_form(norm, memo is names, stop)
                if form is not None:
                    append(form)
            if len(seen) < _SEEN_MAX and len(piece) <= _SEEN_LEN:
                seen[piece] = out[first:]
        yield out


_UNSEEN = object()
_SEEN_MAX = 50_000  # lines remembered per batch (bounds memory)
_SEEN_LEN = 400  # longer lines are article text and rarely repeat


def _content_form(form: str, is_proper: bool, stop: frozenset[str]) -> str | None:
    """The token of a noun's normalised form, or None when it is dropped."""
    if _LATIN.search(form):
        form = form.lower()
    if form in stop or _NUMERIC.match(form):
        return None
    if len(form) == 1 and not is_proper and form not in _SINGLE_OK:
        return None
    return form


# Sentence splitting -------------------------------------------------------------------------
_OPEN = "「『（(【〔［"
_CLOSE = "」』）)】〕］"
_ENDS = "。！？!?"


def split_sentences_ja(line: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """Sentences of one line of Japanese text as ``(text, start, end)`` (offsets + ``offset``).

    A sentence ends after 。！？ (plus closing brackets right after them) outside brackets;
    inside 「」『』（） nothing ends, so 「…。…」と述べた。 is one sentence. An unclosed
    bracket stops protecting at the end of the line.
    """
    out: list[tuple[str, int, int]] = []
    depth, start, i, n = 0, 0, 0, len(line)
    while i < n:
        ch = line[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in _ENDS and depth == 0:
            j = i + 1
            while j < n and (line[j] in _ENDS or line[j] in _CLOSE):
                j += 1
            _emit(out, line, start, j, offset)
            start = i = j
            continue
        i += 1
    _emit(out, line, start, n, offset)
    return out


def _emit(out: list, line: str, s: int, e: int, offset: int) -> None:
    seg = line[s:e]
    if not seg.strip():
        return
    lead = len(seg) - len(seg.lstrip())
    text = seg.strip()
    out.append((text, offset + s + lead, offset + s + lead + len(text)))


def _rules_key() -> str:
    return hashlib.blake2b(f"{_OPEN}{_CLOSE}{_ENDS}".encode(), digest_size=4).hexdigest()
