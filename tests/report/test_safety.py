"""Contact masking and escaping of untrusted article text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ainews.report import mask_contacts, safe_text


@pytest.mark.parametrize(("text", "expected"), [
    ("김철현 기자 kch@asiae.co.kr", "김철현 기자 [email]"),
    ("박승희 기자 (seunghee@news1.kr)", "박승희 기자 ([email])"),
    ("first.last+news@mail.example.com wrote", "[email] wrote"),
    ("▷ 전화 : 02-781-1234", "▷ 전화 : [phone]"),
    ("Tel 010-1234-5678.", "Tel [phone]."),
    ("010 1234 5678", "[phone]"),
    ("(02) 123-4567", "[phone]"),
    ("02)123-4567", "[phone]"),
    ("+82-2-123-4567", "[phone]"),
    ("+81 3 1234 5678", "[phone]"),
    ("Tokyo 03-1234-5678", "Tokyo [phone]"),
    ("안심콜 1600-8787", "안심콜 [phone]"),
    ("고객센터 1588-1234", "고객센터 [phone]"),
    # Never masked: dates, years, amounts, versions, times, ratios.
    ("2025-12-01", "2025-12-01"),
    ("2019-2024", "2019-2024"),
    ("1,234,567원", "1,234,567원"),
    ("3.5 trillion won", "3.5 trillion won"),
    ("version 0.1.2", "version 0.1.2"),
    ("12:30 KST", "12:30 KST"),
    ("0.5-1.5 percent", "0.5-1.5 percent"),
    ("ISBN 978-3-16-148410-0", "ISBN 978-3-16-148410-0"),
    ("2025.12.01", "2025.12.01"),
    ("", ""),
])
def test_mask_contacts(text, expected):
    assert mask_contacts(text) == expected


def test_mask_contacts_on_seed_bylines(seed_texts):
    korean = next(t for t in seed_texts.values() if len(re.findall(r"[가-힣]", t)) > 200)
    emails = re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+", korean)
    assert emails, "the Korean seed article carries the reporter's address"
    masked = mask_contacts(korean)
    assert not any(e in masked for e in emails)
    assert masked.count("[email]") >= len(set(emails))


_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}")


@given(user=st.from_regex(r"[a-z][a-z0-9._]{0,12}", fullmatch=True),
       domain=st.from_regex(r"[a-z]{2,10}\.(co\.kr|com|jp|kr)", fullmatch=True),
       before=st.text(alphabet="가나다 abc,.()", max_size=20),
       after=st.text(alphabet="가나다 abc,.()", max_size=20))
def test_no_email_survives(user, domain, before, after):
    masked = mask_contacts(f"{before} {user}@{domain} {after}")
    assert not _EMAIL.search(masked)
    assert masked.startswith(before)


@given(st.text(alphabet=st.characters(blacklist_characters="@0123456789")))
def test_text_without_digits_or_at_is_unchanged(text):
    assert mask_contacts(text) == text


@given(st.text())
def test_masking_is_idempotent(text):
    once = mask_contacts(text)
    assert mask_contacts(once) == once


@pytest.mark.parametrize(("text", "expected"), [
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ('<img src=x onerror="alert(1)">', "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"),
    ("it's \"quoted\" & more", "it&#x27;s &quot;quoted&quot; &amp; more"),
    ("문의 a@b.co.kr", "문의 [email]"),
])
def test_safe_text(text, expected):
    assert safe_text(text) == expected
