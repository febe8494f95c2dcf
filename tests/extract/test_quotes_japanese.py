"""Japanese quote speakers on the layouts of general-interest news: more reporting verbs, a title
glued to the name, unnamed officials, family names and titles resolved to the full name written
earlier, and quotes whose speaker is named outside their sentence. Texts written for these tests."""

from __future__ import annotations

import pandas as pd
import pytest

import ainews
from ainews.extract.names_ja import full_name
from ainews.extract.quotes_ja import _rx


def _speakers(body: str, title: str = "") -> list:
    arts = pd.DataFrame({"doc_id": ["t"], "lang": ["ja"], "body": [body], "title": [title]})
    q = ainews.extract_quotes(arts)
    for r in q.itertuples():
        assert body[r.start:r.end] == r.quote
    return q["speaker"].tolist()


@pytest.mark.parametrize("sentence", [
    "山田太郎氏は「来年も続けたい」とコメントした。",
    "山田太郎氏は「来年も続けたい」とコメント。",
    "山田太郎氏は「皆さん、頑張ってください」とエールを送った。",
    "山田太郎氏は「来年も続けたい」と、つぶやいた。",
    "山田太郎氏は「来年も続けたい」と述べている。",
    "山田太郎氏は「来年も続けたい」とおっとりと話す。",
])
def test_reporting_verbs_of_comments_cheers_and_tweets(sentence):
    assert _speakers(sentence) == ["山田太郎"]


def test_name_glued_to_a_title_is_split():
    assert _speakers("同記事によると、北海大学の森本直教授は「備えが大事」と話している。") == ["森本直"]


@pytest.mark.parametrize("sentence, org", [
    ("財務省の幹部は「影響は限られる」と述べている。", "財務省"),
    ("この店のスタッフいわく、\n\n「一番人気の商品です」とのこと。", None),
])
def test_unnamed_official_is_their_organisation(sentence, org):
    got = _speakers(sentence)
    assert got == [org] if org else got in ([None], ["店"], [])


def test_family_name_and_title_resolve_to_the_full_name_written_earlier():
    body = ("日本代表の練習には佐々木久美子、田村真理らが参加した。\n\n"
            "佐々木は「体が軽い」と話した。\n\n"
            "長野県知事の田中一郎氏も会場を訪れた。知事は「地元の誇りだ」と説明した。")
    assert _speakers(body) == ["佐々木久美子", "田中一郎"]


def test_title_of_a_named_boss_and_not_the_service_he_wrote_on():
    body = ("あさひ電機の代表 大河内誠氏は、ブログで発言を続けている。\n\n"
            "Twitter読者の質問に対して、大河内社長は「全部です」と答えた。")
    assert _speakers(body) == ["大河内誠"]


def test_lead_in_paragraph_and_speaker_named_after_the_quote():
    body = ("株式会社あおぞらの代表取締役社長・川村健一氏に話を聞いた。\n\n"
            "川村社長は、\n\n「まず社員が楽しく働ける場所にしたかった」と、振り返った。\n\n"
            "「オフィスは会社の顔ですから、広さにはこだわりました」\n\n"
            "そう語る川村氏は、創業からこの街で事業を続けている。")
    assert _speakers(body) == ["川村健一", "川村健一"]


def test_recipient_of_a_request_is_not_the_speaker():
    got = _speakers("市は6日、「名前だけで届くようにして欲しい」と、郵便局の担当者に要望した。")
    assert "郵便局" not in got


@pytest.mark.parametrize("name, text, full", [
    ("ウェスト", "監督のアダム・ウェストは新作を発表した。", "アダム・ウェスト"),
    ("アダム・ウェストブ", "主演のアダム・ウェストブルックが登場。", "アダム・ウェストブルック"),
    ("マリア", "原作者のマリア・ロッシは会見した。", "マリア・ロッシ"),
    ("江口", "江口和夫監督が率いるチーム。江口は笑った。", "江口和夫"),
    ("江口", "江口監督が率いるチーム。", "江口"),
])
def test_full_name_written_elsewhere(name, text, full):
    assert full_name(name, text, _rx()["titles"]) == full


def test_full_name_is_not_extended_by_a_place_and_title():
    assert full_name("古川康", "古川康佐賀県知事が出席した。", _rx()["titles"]) == "古川康"


@pytest.mark.parametrize("name, text, full", [
    ("落合", "落合博満元監督が審判に歩み寄った。落合氏は笑った。", "落合博満"),
    ("羅忠生", "同社の羅忠生副総裁が来日した。", "羅忠生"),
    ("村岡", "村岡財務相が会見した。村岡氏は述べた。", "村岡"),
])
def test_title_prefixes_are_not_part_of_the_name(name, text, full):
    assert full_name(name, text, _rx()["titles"]) == full


def test_a_heading_before_a_quote_is_not_its_speaker():
    body = "新しい化粧品を紹介します。\n\n■ブランド：花雪\n\n「花雪」は保湿に優れたシリーズです。"
    assert _speakers(body) == []


def test_transcript_turns_are_quotes_of_the_named_people():
    body = ("今回は自動車評論家の大森ケンジと、モデルの岡田真理が新型車に試乗した。\n\n"
            "大森：どうだった？\n\n岡田：静かで驚いたわ。\n\n大森：それは良かった。燃費もいいんだよね。\n\n"
            "岡田：でも荷室は狭いかも。\n\n"
            "座談会の参加者にも聞いた。\n\nAさん：うちは妻が管理しています。\n\nAさん：貯金はしていません。\n\n"
            "開催日時：5月1日\n\n開催日時：5月2日\n\nメリット：軽い。\n\nメリット：安い。")
    assert sorted(set(_speakers(body))) == ["大森ケンジ", "岡田真理"]


def test_passive_reporting_verb_names_the_agent_not_the_subject():
    body = ("代表の練習には原田誠監督と選手の北村あゆみが参加した。\n\n"
            "北村は原田監督から「守備が見違えた」と絶賛された。\n\n"
            "北村は記者に「あまり覚えていない」と言われた。")
    got = _speakers(body)
    assert got[0] == "原田誠" and len(got) == 2 and pd.isna(got[1])


@pytest.mark.parametrize("sentence", [
    "物理学者の山田太郎が「宇宙最強の力」と呼んだのが、複利である。",
    "山田太郎氏は「届くと思う」と柔軟な姿勢を見せているという。",
    "山田太郎氏は「すごく緊張してる」と興奮している様子だった。",
])
def test_naming_stance_and_reaction_verbs(sentence):
    assert _speakers(sentence) == ["山田太郎"]


def test_nickname_in_brackets_with_an_honorific_is_the_speaker():
    body = "「たろう」さんは町が選ばれたことについて「選んでもらえて嬉しい限りです」とコメント。"
    assert [s for s in _speakers(body) if s] == ["たろう"]


def test_quote_opening_a_sentence_after_one_about_a_person():
    body = ("大役を射止めた山田太郎氏は、次世代のスター候補と注目されている。「すごく緊張してる！ ワクワクしている」と"
            "興奮している様子だった。")
    assert _speakers(body) == ["山田太郎"]


def test_a_conjunction_ga_is_not_a_topic():
    body = ("成り行きで手伝うことになった花子ですが、二人はすれ違ってばかり。「牛も人間も一緒、かまってあげて」と"
            "興奮している様子だった。")
    assert _speakers(body) != ["花子"]
