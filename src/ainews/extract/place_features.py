"""Features of each (article, place) pair for the place-of-activity model.

An article names a place a few times, in roles the rules of :mod:`ainews.extract.place_roles`
decide mention by mention (activity, dateline, venue, mention). Whether the article presents the
place as where AI or industry happens is a property of the pair, not of one mention: how often and
how early the place comes, whether the title names it, whether its sentences speak of plants,
clusters, investment or AI, whether it is the subject of those sentences, its administrative level,
and whether a more specific place inside it is named too. :func:`place_features` turns the place
mentions of one article into one row of numbers per candidate place (Korean or Japanese, not a
country); the cue words are those of ``data/lexicons/place_cues.yml``.
"""

from __future__ import annotations

import bisect
import math
import re
from functools import lru_cache

import numpy as np

from ..lexicons import load_yaml_lexicon
from .place_roles import HOME_COUNTRIES, _quoted, _role_res, _sentence

__all__ = ["FEATURES", "candidate_ids", "place_features"]

KINDS = ("metro", "province", "city", "county", "district", "prefecture", "region", "zone")

# Characters of cue-free text added to every article when rates per 1,000 characters are
# computed, so that the rates of very short texts shrink toward zero instead of exploding.
DENSITY_PRIOR_CHARS = 500

FEATURES = (
    "log_mentions", "share_mentions", "top_mentioned", "log_candidates", "in_title", "title_first",
    "first_position", "in_lead", "last_position", "spread",
    "frac_activity", "any_activity", "n_dateline", "only_dateline_venue", "frac_venue", "frac_mention",
    "frac_strong_sentence", "frac_ai_sentence", "near_strong_before", "frac_quoted",
    "frac_head_industry", "frac_head_admin",
    "frac_head_people", "frac_subject", "frac_locative", "frac_listed", "frac_in_paren", "log_in_org",
    "child_named", "parent_named", "frac_qualifier", "frac_qualified", "frac_no_cue", "frac_non_activity",
    "any_strong_unquoted", "frac_mention_cue", "log_sentence_places", "frac_build", "near_strong",
    "relative_mentions", "log_activity_places", "article_off_topic_density", "title_strong", "frac_off_topic_sentence",
    "frac_org_sentence", "frac_money_sentence", "is_jp", "lang_en", "lang_ja", "log_body",
    "article_strong_density", "article_ai_density", "place_cue_sentences", "frac_note",
    *(f"kind_{k}" for k in KINDS),
)


@lru_cache(maxsize=1)
def _cue_res() -> dict:
    data = load_yaml_lexicon("place_cues.yml") or {}

    def words(key):
        return [str(w) for w in data.get(key) or []]

    def alt(ws):
        return "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True)) or "(?!)"

    return {
        "head_industry": re.compile(rf"^(?:{alt(words('head_industry_ko'))})"),
        "head_admin": re.compile(rf"^(?:{alt(words('head_admin_ko'))})"),
        "head_people": re.compile(rf"^(?:{alt(words('head_people_ko'))})"),
        "subject": re.compile(r"^(?:특별자치시|특별자치도|특별시|광역시|시|도|군|구|현)?(?:은|는|이|가)(?![가-힣])"),
        "locative": re.compile(r"^(?:특별자치시|특별자치도|특별시|광역시|시|도|군|구|현)?(?:에서|에|で|に)|^\s?(?:지역|일대|일원)"),
        "locative_en": re.compile(r"(?:\b(?:in|at|to|near|outside)\s+(?:the\s+)?)$"),
        # between two places of a list: 기흥·화성·평택, 광주와 전남, 포항, 구미
        "list_sep": re.compile(r"(?:[·ㆍ、/]|,\s?|\s?및\s|[와과]\s|이나\s|나\s)"),
        "listed": re.compile(r"^(?:[·ㆍ、/,]|\s?및\s|와\s|과\s)"),
        "listed_before": re.compile(r"(?:[·ㆍ、/,]\s?|\s및\s|[와과]\s)$"),
        # strong cues of the three languages: Korean (and AI) from place_roles, Japanese, English (at a word start)
        "strong": re.compile("|".join(p for p in (_role_res()["strong"].pattern, alt(words("activity_ja")),
                                                  rf"(?i:\b(?:{alt(words('strong_en'))}))")
                                      if p)),
        "off_topic": re.compile(alt(words("non_activity_ko") + words("off_topic_ko"))),
        "note": re.compile(alt(words("note_ko"))),
        "note_end": re.compile(r"\n|[(\[【][^()\[\]【】=\n]{1,12}=|\(계속\)"),
        "money": re.compile(r"\d(?:[\d,.]*\d)?\s?(?:조|억|만|천)?\s?(?:원|달러|엔|유로)|[$₩¥]\s?\d|\d\s?(?:trillion|billion|million)?\s?won\b"),
        "ai": re.compile(r"(?<![A-Za-z])AI(?![A-Za-z])|인공지능|人工知能|artificial intelligence", re.I),
    }


NOTE_MAX_CHARS = 600   # an editor's note or series outline is a short paragraph


def _note_spans(body: str, cr: dict) -> list[tuple[int, int]]:
    """Spans of the editor's notes and series outlines of ``body`` (``note_ko`` of place_cues.yml)."""
    out = []
    for m in cr["note"].finditer(body):
        end = cr["note_end"].search(body, m.end(), m.end() + NOTE_MAX_CHARS)
        out.append((m.start(), end.start() if end else min(len(body), m.end() + NOTE_MAX_CHARS)))
    return out


def candidate_ids(mentions: list[dict], meta: dict) -> list[str]:
    """Ids of the Korean and Japanese places (not countries; :data:`HOME_COUNTRIES`) among ``mentions``, in order of first mention."""
    out = []
    for m in mentions:
        pid = m["place_id"]
        kind, country = meta.get(pid, ("", "", ""))[:2]
        if country in HOME_COUNTRIES and kind != "country" and pid not in out:
            out.append(pid)
    return out


def _parents(pid: str, meta: dict) -> list[str]:
    out = []
    while pid in meta and meta[pid][2] and len(out) < 4:
        pid = meta[pid][2]
        out.append(pid)
    return out


def place_features(body: str, title: str, lang: str, mentions: list[dict], title_mentions: list[dict],
                   meta: dict, in_org: dict | None = None, org_starts: list[int] | None = None
                   ) -> tuple[list[str], np.ndarray]:
    """One row of :data:`FEATURES` per candidate place of one article.

    Args:
        body: the article text (offsets of ``mentions`` point into it).
        title: the headline ("" when unknown).
        lang: language code.
        mentions: place mentions of the body (dicts with ``place_id, start, end, place_role`` as
            :func:`ainews.extract.find_places` returns them, after overlaps with names of people and
            organisations are removed).
        title_mentions: place mentions of the title.
        meta: gazetteer metadata ``{id: (kind, country, parent)}``.
        in_org: ``{place id: number of its names inside organisation names}`` (광주과학기술원).
        org_starts: sorted offsets of the organisations named in the body (SK하이닉스가 용인에...).

    Returns:
        ``(ids, X)``: the candidate ids and a float matrix with one row per id.
    """
    ids = candidate_ids(mentions, meta)
    if not ids:
        return [], np.zeros((0, len(FEATURES)))
    rr, cr = _role_res(), _cue_res()
    in_org = in_org or {}
    n_body = max(len(body), 1)
    lead_end = _sentence(body, 0, 0)[1] if body else 0
    by_id: dict[str, list[dict]] = {}
    for m in mentions:
        if m["place_id"] in ids:
            by_id.setdefault(m["place_id"], []).append(m)
    total = sum(len(v) for v in by_id.values())
    counts = {p: len(v) for p, v in by_id.items()}
    top = max(counts.values())
    n_activity_places = len({m["place_id"] for m in mentions if m["place_id"] in by_id and m.get("place_role") == "activity"})
    title_ids = [m["place_id"] for m in title_mentions]
    named = set(ids)
    n_strong_article = len(cr["strong"].findall(body))
    n_ai_article = len(cr["ai"].findall(body))
    n_off_article = len(cr["off_topic"].findall(body))
    title_strong = float(bool(title and (cr["strong"].search(title) or rr["activity_en"].search(title))))
    sent_cache: dict[tuple[int, int], tuple[bool, bool, bool, bool, bool, bool]] = {}
    orgs = org_starts or []
    order = [m for m in mentions if m["place_id"] in meta]
    qualifier, qualified = set(), set()
    for a, b in zip(order, order[1:]):   # 전남 여수, 경기도 성남시, 용인시 처인구: a unit written after its parent
        if 0 <= b["start"] - a["end"] <= 1 and a["place_id"] in _parents(b["place_id"], meta):
            qualifier.add(a["start"])
            qualified.add(b["start"])
    # 기흥·화성·평택 사업장: a head noun written after a list of places (one space apart) heads every place
    # of the list; a solid compound (광주와 전남, 나주혁신도시) is the last place's own name
    list_head: dict[int, bool] = {}
    for a, b in reversed(list(zip(order, order[1:]))):
        if cr["list_sep"].fullmatch(body[a["end"]:b["start"]]):
            list_head[a["start"]] = list_head.get(b["start"], body[b["end"]:b["end"] + 1] == " "
                                                  and bool(cr["head_industry"].match(body[b["end"] + 1:b["end"] + 13])))
    notes = _note_spans(body, cr)
    sent_places: dict[tuple[int, int], int] = {}
    rows = []
    for pid in ids:
        ms = by_id[pid]
        n = len(ms)
        f = dict.fromkeys(FEATURES, 0.0)
        f["log_mentions"] = math.log1p(n)
        f["share_mentions"] = n / total
        f["top_mentioned"] = float(n == top)
        f["log_candidates"] = math.log(len(ids))
        f["in_title"] = float(pid in title_ids)
        f["title_first"] = float(bool(title_ids) and title_ids[0] == pid)
        first, last = ms[0]["start"], ms[-1]["start"]
        f["first_position"] = first / n_body
        f["last_position"] = last / n_body
        f["spread"] = (last - first) / n_body
        f["in_lead"] = float(first < lead_end)
        roles = [m.get("place_role") for m in ms]
        f["frac_activity"] = roles.count("activity") / n
        f["any_activity"] = float("activity" in roles)
        f["n_dateline"] = float(roles.count("dateline"))
        f["only_dateline_venue"] = float(all(r in ("dateline", "venue") for r in roles))
        f["frac_venue"] = roles.count("venue") / n
        f["frac_mention"] = roles.count("mention") / n
        strong = ai = quoted = ind = adm = ppl = subj = loc = lst = par = 0
        no_cue = non_act = non_any = n_org = n_money = qual = qual_d = mcue = max_sp = build = in_note = 0
        near = near_before = 0.0
        strong_unquoted = False
        sents = set()
        for m in ms:
            s, e = m["start"], m["end"]
            bounds = _sentence(body, s, e)
            if bounds not in sent_cache:
                sent = body[bounds[0]:bounds[1]]
                sent_cache[bounds] = (bool(cr["strong"].search(sent) or rr["activity_en"].search(sent)),
                                      bool(cr["ai"].search(sent)),
                                      bool(rr["activity"].search(sent) or rr["activity_en"].search(sent)),
                                      bool(cr["off_topic"].search(sent)),
                                      bisect.bisect_left(orgs, bounds[1]) > bisect.bisect_left(orgs, bounds[0]),
                                      bool(cr["money"].search(sent)))
                sent_places[bounds] = sum(bounds[0] <= o["start"] < bounds[1] for o in order)
            st, a, cue, non, org, money = sent_cache[bounds]
            n_org += org
            n_money += money
            no_cue += not cue
            non_act += non and not st
            non_any += non
            q = _quoted(body, s)
            strong_unquoted = strong_unquoted or (st and not q)
            qual += s in qualifier
            qual_d += s in qualified
            # the cues are anchored (^): match them on the text after the name, not at an offset of the body
            mcue += bool(rr["mention_ko"].match(body[e:e + 60]) or rr["address_ko"].match(body[e:e + 60]))
            max_sp = max(max_sp, sent_places[bounds])
            build += bool(rr["build"].match(body, e))
            cue_at = cr["strong"].search(body, e, min(bounds[1], e + 40))
            if cue_at:    # 용인 반도체 클러스터, 울산에 AI 데이터센터: a cue right after the place
                near = max(near, 1 - (cue_at.start() - e) / 40)
            lo = max(bounds[0], s - 40)
            before = [c.end() for c in cr["strong"].finditer(body, lo, s)]
            if before:    # the plant in Yongin, a shipyard in Ulsan: a cue right before the place
                near_before = max(near_before, 1 - (s - before[-1]) / 40)
            strong += st
            ai += a
            if st:
                sents.add(bounds)
            quoted += q
            after = body[e:e + 12]
            ind += bool(cr["head_industry"].match(after.lstrip()) or list_head.get(s))
            adm += bool(cr["head_admin"].match(after))
            ppl += bool(cr["head_people"].match(after))
            subj += bool(cr["subject"].match(after))
            loc += bool(cr["locative"].match(after) or cr["locative_en"].search(body[max(0, s - 12):s]))
            lst += bool(cr["listed"].match(after) or cr["listed_before"].search(body[max(0, s - 4):s]))
            par += body[max(0, s - 1):s] in ("(", "（")
            in_note += any(a <= s < b for a, b in notes)
        f["frac_strong_sentence"] = strong / n
        f["near_strong_before"] = near_before
        f["frac_ai_sentence"] = ai / n
        f["frac_quoted"] = quoted / n
        f["frac_head_industry"] = ind / n
        f["frac_head_admin"] = adm / n
        f["frac_head_people"] = ppl / n
        f["frac_subject"] = subj / n
        f["frac_locative"] = loc / n
        f["frac_listed"] = lst / n
        f["frac_in_paren"] = par / n
        f["frac_note"] = in_note / n
        f["place_cue_sentences"] = math.log1p(len(sents))
        f["frac_qualifier"] = qual / n
        f["frac_qualified"] = qual_d / n
        f["frac_no_cue"] = no_cue / n
        f["frac_non_activity"] = non_act / n
        f["any_strong_unquoted"] = float(strong_unquoted)
        f["frac_mention_cue"] = mcue / n
        f["log_sentence_places"] = math.log(max(max_sp, 1))
        f["frac_build"] = build / n
        f["near_strong"] = near
        f["relative_mentions"] = n / top
        f["log_activity_places"] = math.log1p(n_activity_places)
        f["log_in_org"] = math.log1p(in_org.get(pid, 0))
        f["child_named"] = float(any(pid in _parents(o, meta) for o in named if o != pid))
        f["parent_named"] = float(any(p in named for p in _parents(pid, meta)))
        kind, country = meta[pid][:2]
        f["is_jp"] = float(country == "JP")
        f["lang_en"] = float(lang == "en")
        f["lang_ja"] = float(lang == "ja")
        f["log_body"] = math.log(n_body)
        # per 1,000 characters, with DENSITY_PRIOR_CHARS of cue-free text added: a short text
        # (a lead, a one-line brief) has too few characters for its raw rate to mean much
        dens = 1000 / (n_body + DENSITY_PRIOR_CHARS)
        f["article_strong_density"] = n_strong_article * dens
        f["article_ai_density"] = n_ai_article * dens
        f["article_off_topic_density"] = n_off_article * dens
        f["title_strong"] = title_strong
        f["frac_off_topic_sentence"] = non_any / n
        f["frac_org_sentence"] = n_org / n
        f["frac_money_sentence"] = n_money / n
        if kind in KINDS:
            f[f"kind_{kind}"] = 1.0
        rows.append([f[k] for k in FEATURES])
    return ids, np.asarray(rows, dtype=float)
