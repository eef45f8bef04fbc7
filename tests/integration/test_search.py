"""Complaint search and paging on a real store: FTS trigram terms, LIKE fallback, hostile input, keyset pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from greyline.domain.enums import ComplaintStatus, Indicator, RiskLevel
from greyline.domain.records import ComplaintDraft
from greyline.queries.complaints import ComplaintFilter, count_complaints, list_complaints
from greyline.services import complaints as cs
from greyline.services.context import sign_in
from greyline.services.users import add_user
from greyline.storage.db import Store, open_store
from greyline.storage.location import StoreLocation
from integration.helpers import count

# key -> (customer name, complaint text, notes)
TEXTS: dict[str, tuple[str, str, str]] = {
    "harass": ("王伟", "催收人员每天打电话骚扰我的家人，要求停止催收。", ""),
    "percent": ("李娜", "借款利率高达50%，要求退还服务费。", ""),
    "relief": ("张敏", "要求减免罚息并停止催收，否则向媒体曝光。", ""),
    "agent": ("欧阳秀英", "代理人陪同来访，要求减免全部利息。", "来访时有两名男子陪同"),
    "underscore": ("刘洋", "账号是 a_b 的那笔借款。", ""),
    "plain_ab": ("陈静", "账号是 axb 的那笔借款。", ""),
    "backslash": ("杨勇", "附件路径 C:\\证据\\录音.wav 已提交。", ""),
    "operators": ("赵强", 'He said: Agent AND NEAR( office OR phone "quoted" * ^ -x', ""),
    "emoji": ("黄丽", "客服态度太差😀，投诉到底。", ""),
    "notes_only": ("吴磊", "一般投诉。", "备注：客户称曾被代理机构收取押金"),
}


@dataclass(frozen=True)
class Corpus:
    store: Store
    ids: dict[str, int]
    refs: dict[str, str]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    """One store, read by every test in this module (searches do not write)."""
    store = open_store(_location(tmp_path_factory.mktemp("search"), "search"), create=True)
    ctx = sign_in(store, "tester")
    ids: dict[str, int] = {}
    refs: dict[str, str] = {}
    for n, (key, (name, text, notes)) in enumerate(TEXTS.items(), start=1):
        ref = cs.create_complaint(ctx, ComplaintDraft(channel="12378", external_id=f"SRCH-{n:03d}",
                                                      received_at=dt.date(2026, 4, n), customer_name=name,
                                                      text=text, notes=notes))
        ids[key], refs[key] = ref.id, ref.reference
    yield Corpus(store, ids, refs)
    store.dispose()


def found(corpus: Corpus, query: str) -> set[str]:
    by_id = {v: k for k, v in corpus.ids.items()}
    rows = list_complaints(corpus.store, ComplaintFilter(search=query), limit=1000)
    assert len(rows) == len({r.id for r in rows})
    assert count_complaints(corpus.store, ComplaintFilter(search=query)) == len(rows)
    return {by_id[r.id] for r in rows}


@pytest.mark.parametrize(("query", "expected"), [
    ("骚扰我", {"harass"}),                 # three characters: trigram index
    ("打电话骚扰", {"harass"}),
    ("停止催收", {"harass", "relief"}),
    ("要求减免", {"relief", "agent"}),
    ("代理机构收取", {"notes_only"}),       # notes are searched too
    ("两名男子", {"agent"}),
    ("退还服务费", {"percent"}),
    ("不存在的词", set()),
])
def test_three_or_more_characters_use_the_full_text_index(corpus: Corpus, query: str, expected: set[str]) -> None:
    assert found(corpus, query) == expected


@pytest.mark.parametrize(("query", "expected"), [
    ("扰", {"harass"}),                     # one character: LIKE fallback
    ("罚息", {"relief"}),                   # two characters
    ("催收", {"harass", "relief"}),
    ("陪同", {"agent"}),
    ("押金", {"notes_only"}),
    ("王伟", {"harass"}),                   # customer name
    ("秀英", {"agent"}),
    ("投", {"emoji", "notes_only"}),
])
def test_one_and_two_character_queries_use_like(corpus: Corpus, query: str, expected: set[str]) -> None:
    assert found(corpus, query) == expected


@pytest.mark.parametrize(("query", "expected"), [
    ("催收 家人", {"harass"}),
    ("停止催收 曝光", {"relief"}),
    ("要求 减免", {"relief", "agent"}),
    ("催收 服务费", set()),
    ("减免 利息 陪同", {"agent"}),
    ("  催收\t家人  ", {"harass"}),
])
def test_several_terms_must_all_match(corpus: Corpus, query: str, expected: set[str]) -> None:
    assert found(corpus, query) == expected


def test_a_customer_name_of_three_or_more_characters_is_found(corpus: Corpus) -> None:
    assert found(corpus, "欧阳秀英") == {"agent"}


def test_a_reference_or_work_order_number_finds_that_complaint(corpus: Corpus) -> None:
    assert found(corpus, corpus.refs["percent"]) == {"percent"}
    assert found(corpus, "SRCH-004") == {"agent"}
    assert found(corpus, f"  {corpus.refs['emoji']}  ") == {"emoji"}
    assert found(corpus, "SRCH-999") == set()


def test_percent_and_underscore_are_literal(corpus: Corpus) -> None:
    assert found(corpus, "%") == {"percent"}
    assert found(corpus, "50%") == {"percent"}
    assert found(corpus, "_") == {"underscore"}
    assert found(corpus, "a_b") == {"underscore"}      # not "axb": '_' is no wildcard
    assert found(corpus, "axb") == {"plain_ab"}
    assert found(corpus, "\\") == {"backslash"}
    assert found(corpus, "\\证据\\") == {"backslash"}


@pytest.mark.parametrize(("query", "expected"), [
    ('"', {"operators"}),
    ('""', set()),
    ('"quoted"', {"operators"}),
    ("AND", {"operators"}),
    ("NEAR(", {"operators"}),
    ("OR", {"operators"}),
    ("*", {"operators"}),
    ("^", {"operators"}),
    ("-x", {"operators"}),
    ("😀", {"emoji"}),
    ("太差😀", {"emoji"}),
])
def test_search_syntax_characters_are_searched_literally(corpus: Corpus, query: str, expected: set[str]) -> None:
    assert found(corpus, query) == expected


HOSTILE = ['"', '""', "'", "''", "a OR b", "NEAR(", "NEAR(a b)", "*", "%", "_", "\\", "-", "AND", "NOT", "()",
           ":", "^", "text:催收", "{text}: 催收", "a*", '"unterminated', "(((", "\\'", "%%%", "__",
           "x" * 5000, "催收" * 3000, "😀" * 100, "👨‍👩‍👧", "\u200b", "\ufeff催收",
           "'; DROP TABLE complaints; --", "1' OR '1'='1", "\" OR 1=1 --", "催收'); DELETE FROM complaints; --",
           "rowid=1", "complaint_fts MATCH 'a'", "\t\n", "　催收　"]


@pytest.mark.parametrize("query", HOSTILE, ids=[f"q{i}" for i in range(len(HOSTILE))])
def test_hostile_input_never_raises(corpus: Corpus, query: str) -> None:
    rows = list_complaints(corpus.store, ComplaintFilter(search=query), limit=1000)
    assert count_complaints(corpus.store, ComplaintFilter(search=query)) == len(rows)
    assert set(r.id for r in rows) <= set(corpus.ids.values())
    assert count(corpus.store.location.sqlite_path, "complaints") == len(TEXTS)


def test_injection_strings_find_nothing_and_change_nothing(corpus: Corpus) -> None:
    for query in ("'; DROP TABLE complaints; --", "1' OR '1'='1", '" OR 1=1 --', "x' OR 'x'='x"):
        assert found(corpus, query) == set()
    assert count(corpus.store.location.sqlite_path, "complaints") == len(TEXTS)


# --------------------------------------------------------------------------- paging and counting


@dataclass(frozen=True)
class Paged:
    store: Store
    ids: list[int]          # the 41 complaints P-000 .. P-040
    handler_id: int
    all_ids: list[int]      # those and one more entered by a handler


def _location(root: Path, name: str) -> StoreLocation:
    db = root / f"{name}.sqlite"
    return StoreLocation(url=f"sqlite:///{db}", sqlite_path=db, vault_dir=root / f"{name}.vault",
                         key_file=root / f"{name}.key")


@pytest.fixture(scope="module")
def paged(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Paged]:
    """41 complaints over 5 received dates (many rows share a sort value), a few statuses, indicators, a handler."""
    store = open_store(_location(tmp_path_factory.mktemp("paging"), "paging"), create=True)
    ctx = sign_in(store, "tester")
    ids = []
    for n in range(41):
        ref = cs.create_complaint(ctx, ComplaintDraft(
            channel=("12378", "12363", "12315")[n % 3], external_id=f"P-{n:03d}",
            received_at=dt.date(2026, 3, 1) + dt.timedelta(days=(n * 7) % 5), customer_name=f"客户{n}",
            text=f"第{n}号投诉" + ("，要求减免罚息" if n % 4 == 0 else "")))
        ids.append(ref.id)
    cs.change_status(ctx, ids[0], ComplaintStatus.CHECKING, 1)
    cs.change_status(ctx, ids[1], ComplaintStatus.PENDING, 1)
    cs.set_risk_level(ctx, ids[2], RiskLevel.LEVEL1, 1)
    cs.set_indicator(ctx, ids[3], Indicator.TIME_BURST)
    cs.set_indicator(ctx, ids[4], Indicator.TIME_BURST)
    add_user(ctx, "handler1", "handler")
    handler = sign_in(store, "handler1")
    extra = cs.create_complaint(handler, ComplaintDraft(channel="own_hotline", external_id="H-1",
                                                        received_at=dt.date(2026, 2, 1), text="热线投诉"))
    yield Paged(store, ids, handler.actor.user_id, [*ids, extra.id])
    store.dispose()


def _walk(store: Store, sort: str, descending: bool, limit: int) -> list:  # noqa: ANN401
    seen = []
    after = None
    for _ in range(100):
        page = list_complaints(store, limit=limit, sort=sort, descending=descending, after=after)
        seen.extend(page)
        if len(page) < limit:
            return seen
        last = page[-1]
        after = (getattr(last, sort), last.id)
    raise AssertionError("paging did not end")


@pytest.mark.parametrize("sort", ["id", "received_at", "deadline_at"])
@pytest.mark.parametrize("descending", [True, False], ids=["desc", "asc"])
@pytest.mark.parametrize("limit", [1, 7, 42, 100])
def test_keyset_paging_visits_every_row_once_in_order(paged: Paged, sort: str, descending: bool,
                                                      limit: int) -> None:
    rows = _walk(paged.store, sort, descending, limit)
    assert sorted(r.id for r in rows) == sorted(paged.all_ids)
    keys = [(getattr(r, sort), r.id) for r in rows]
    assert keys == sorted(keys, reverse=descending)


def test_paging_with_a_search_filter(paged: Paged) -> None:
    flt = ComplaintFilter(search="减免罚息")
    expected = {r.id for r in list_complaints(paged.store, flt, limit=1000)}
    assert len(expected) == 11
    seen: list[int] = []
    after = None
    while True:
        page = list_complaints(paged.store, flt, limit=4, sort="received_at", after=after)
        seen.extend(r.id for r in page)
        if len(page) < 4:
            break
        after = (page[-1].received_at, page[-1].id)
    assert sorted(seen) == sorted(expected)


def test_count_complaints_with_filters(paged: Paged) -> None:
    def both(**kwargs: object) -> int:
        flt = ComplaintFilter(**kwargs)  # type: ignore[arg-type]
        n = count_complaints(paged.store, flt)
        assert n == len(list_complaints(paged.store, flt, limit=1000))
        return n

    assert both() == 42
    assert both(channels=("12378",)) == 14
    assert both(channels=("12363", "12315")) == 27
    assert both(statuses=("new",)) == 40
    assert both(statuses=("checking", "pending")) == 2
    assert both(risk_levels=("level1",)) == 1
    assert both(indicator="TIME_BURST") == 2
    assert both(handler_id=paged.handler_id) == 1
    assert both(received_from=dt.date(2026, 3, 1), received_to=dt.date(2026, 3, 1)) == 9
    assert both(received_to=dt.date(2026, 2, 28)) == 1
    assert both(received_from=dt.date(2026, 3, 4)) == 16
    assert both(search="减免罚息", channels=("12378",)) == 4
    assert both(ids=(paged.ids[0], paged.ids[5], 99999)) == 2
    assert both(search="减免罚息", statuses=("checking",)) == 1


@pytest.mark.parametrize("query", ["催收\x00", "\x00催收", "催\x00收", "催收\x1f\x7f"])
def test_control_characters_act_as_spaces(corpus: Corpus, query: str) -> None:
    """A NUL would end SQLite's string early and turn 'x\\0' into a match-everything pattern."""
    cleaned = "".join(" " if ord(c) < 32 or ord(c) == 127 else c for c in query)
    total = count_complaints(corpus.store)
    expected = count_complaints(corpus.store, ComplaintFilter(search=cleaned))
    assert count_complaints(corpus.store, ComplaintFilter(search=query)) == expected
    assert expected < total
