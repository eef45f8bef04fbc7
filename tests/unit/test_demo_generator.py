"""Tests of the synthetic demo corpus (greyline.demo.generator)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import random
import re
import statistics
import wave
from collections import defaultdict
from pathlib import Path

import pytest
from PIL import Image

from greyline.demo.generator import (
    CHINESE_HEADERS,
    IMPORT_KEYS,
    DemoCorpus,
    generate,
    write_csv,
)
from greyline.domain.enums import Channel

# --------------------------------------------------------------------------- independent checks

_ID_W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def resident_id_ok(s: str) -> bool:
    if not re.fullmatch(r"\d{17}[\dX]", s):
        return False
    total = sum(int(s[i]) * _ID_W[i] for i in range(17))
    if "10X98765432"[total % 11] != s[17]:
        return False
    try:
        birth = dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return dt.date(1960, 1, 1) <= birth <= dt.date(2003, 12, 31)


_USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_W = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code_ok(s: str) -> bool:
    if len(s) != 18 or any(c not in _USCC for c in s):
        return False
    total = sum(_USCC.index(s[i]) * _USCC_W[i] for i in range(17))
    return _USCC[(31 - total % 31) % 31] == s[17]


REAL_SEGMENTS = {
    *(str(x) for x in range(130, 140)), "145", "147", *(str(x) for x in range(150, 154)),
    *(str(x) for x in range(155, 160)), "166", "172", "173", "175", "176", "177", "178",
    *(str(x) for x in range(180, 190)), "190", "191", "192", "193", "195", "196", "197", "198", "199",
}  # fmt: skip
VIRTUAL_SEGMENTS = {"162", "165", "167", "170", "171"}
LANDLINE = re.compile(r"0\d{2,3}-[2-8]\d{6,7}")


def is_mobile(s: str, *, virtual_ok: bool) -> bool:
    if not re.fullmatch(r"1\d{10}", s):
        return False
    return s[:3] in REAL_SEGMENTS or (virtual_ok and s[:3] in VIRTUAL_SEGMENTS)


def shingles(text: str) -> set[str]:
    return {text[i : i + 3] for i in range(len(text) - 2)}


def jaccard(a: str, b: str) -> float:
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / max(1, len(sa | sb))


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def corpus() -> DemoCorpus:
    return generate(300, 7)


@pytest.fixture(scope="module")
def big() -> DemoCorpus:
    return generate(2000, 11, with_files=False)


# --------------------------------------------------------------------------- determinism


def test_same_seed_same_output() -> None:
    a = generate(120, 5)
    b = generate(120, 5)
    assert a.rows == b.rows
    assert a.truth == b.truth and a.template_of == b.template_of
    assert a.groups == b.groups
    assert [(e.external_id, e.filename, e.data, e.planted) for e in a.evidence] == [
        (e.external_id, e.filename, e.data, e.planted) for e in b.evidence
    ]
    assert a.evidence


def test_different_seed_differs() -> None:
    a = generate(120, 5, with_files=False)
    b = generate(120, 6, with_files=False)
    assert a.rows != b.rows
    assert {r["customer_id_number"] for r in a.rows}.isdisjoint({r["customer_id_number"] for r in b.rows})


def test_rows_do_not_depend_on_files(corpus: DemoCorpus) -> None:
    plain = generate(300, 7, with_files=False)
    assert plain.rows == corpus.rows
    assert plain.truth == corpus.truth
    assert plain.evidence == []


def test_global_random_state_untouched() -> None:
    random.seed(1234)
    expected = random.random()
    random.seed(1234)
    generate(50, 1, with_files=False)
    assert random.random() == expected


# --------------------------------------------------------------------------- row format


def test_rows_shape(corpus: DemoCorpus) -> None:
    assert len(corpus.rows) == 300
    channels = {c.value for c in Channel}
    seen: set[str] = set()
    for r in corpus.rows:
        assert tuple(r) == IMPORT_KEYS
        assert all(isinstance(v, str) for v in r.values())
        assert r["channel"] in channels
        assert r["external_id"] not in seen
        seen.add(r["external_id"])
        d = dt.date.fromisoformat(r["received_at"])
        assert dt.date(2026, 1, 1) <= d <= dt.date(2026, 11, 15)
        assert re.fullmatch(r"HT20\d{2}\d{8}", r["contract_no"])
        assert r["overdue_amount"] == "" or re.fullmatch(r"\d+\.\d{2}", r["overdue_amount"])
        assert r["customer_name"] and 2 <= len(r["customer_name"]) <= 4
        assert r["text"]
        if r["demands"]:
            assert set(r["demands"].split("；")) <= {
                "减免罚息", "减免利息", "停止催收", "修复征信", "退还服务费", "赔偿损失", "分期还款", "停息挂账",
            }  # fmt: skip
        if r["phone_changed_at"]:
            assert dt.date.fromisoformat(r["phone_changed_at"]) < d
    assert set(corpus.truth) == seen == set(corpus.template_of)


def test_external_id_formats(big: DemoCorpus) -> None:
    patterns = {
        "12378": r"12378-2026-\d{7}",
        "public_site": r"HM2026\d{9}",
        "own_hotline": r"KF2026\d{8}",
    }
    for r in big.rows:
        pat = patterns.get(r["channel"])
        if pat:
            assert re.fullmatch(pat, r["external_id"]), r["external_id"]
    by_channel: dict[str, list[str]] = defaultdict(list)
    for r in big.rows:
        by_channel[r["channel"]].append(r["external_id"])
    for ids in by_channel.values():
        assert len(ids) == len(set(ids))


def test_id_numbers_and_credit_codes_valid(big: DemoCorpus) -> None:
    for r in big.rows:
        assert resident_id_ok(r["customer_id_number"]), r["customer_id_number"]
    assert big.groups
    for g in big.groups:
        assert credit_code_ok(g.credit_code), g.credit_code
    # one ID per customer: same ID number always comes with the same name
    names: dict[str, str] = {}
    for r in big.rows:
        assert names.setdefault(r["customer_id_number"], r["customer_name"]) == r["customer_name"]


def test_phones_valid(big: DemoCorpus) -> None:
    for r in big.rows:
        assert is_mobile(r["customer_phone"], virtual_ok=False), r["customer_phone"]
        cp = r["contact_phone"]
        assert cp == "" or is_mobile(cp, virtual_ok=True) or LANDLINE.fullmatch(cp), cp
    for g in big.groups:
        assert is_mobile(g.agent_phone, virtual_ok=True)
        for p in g.other_phones:
            assert is_mobile(p, virtual_ok=True) or LANDLINE.fullmatch(p)
    assert any(g.agent_phone[:3] in VIRTUAL_SEGMENTS for g in big.groups)


def test_phones_accepted_by_phonenumbers(big: DemoCorpus) -> None:
    phonenumbers = pytest.importorskip("phonenumbers")
    numbers = {r["customer_phone"] for r in big.rows} | {r["contact_phone"] for r in big.rows if r["contact_phone"]}
    for g in big.groups:
        numbers |= {g.agent_phone, *g.other_phones}
    for n in numbers:
        assert phonenumbers.is_valid_number(phonenumbers.parse(n, "CN")), n


# --------------------------------------------------------------------------- groups and ground truth


def test_group_truth_consistent(big: DemoCorpus) -> None:
    labels = {g.label for g in big.groups}
    for g in big.groups:
        assert 4 <= len(g.members) <= 40
        assert all(big.truth[m] == g.label for m in g.members)
    in_groups = sum(1 for v in big.truth.values() if v is not None)
    assert in_groups == sum(len(g.members) for g in big.groups)
    assert 0.2 <= in_groups / len(big.truth) <= 0.4
    assert {v for v in big.truth.values() if v} == labels
    assert len(big.groups) == min(max(2, 2000 // 60), 2000 // 25)


def test_group_members_share_contact_and_building(big: DemoCorpus) -> None:
    rows = {r["external_id"]: r for r in big.rows}
    for g in big.groups:
        building = g.address.split(" ")[0]
        phones = {g.agent_phone, *g.other_phones}
        members = [rows[m] for m in g.members]
        share_phone = sum(r["contact_phone"] in phones for r in members)
        share_main = sum(r["contact_phone"] == g.agent_phone for r in members)
        share_building = sum(r["address"].startswith(building) for r in members)
        assert share_phone >= 0.6 * len(members)
        assert share_main >= 2
        assert share_building >= 0.6 * len(members)
        rooms = {r["address"] for r in members if r["address"].startswith(building)}
        assert len(rooms) >= 2  # same building, different room numbers
        assert sum(r["wechat"] == g.wechat for r in members) + sum(r["email"] == g.email for r in members) >= 1
    # genuine complainants never use an agent's contacts
    agent_phones = {p for g in big.groups for p in (g.agent_phone, *g.other_phones)}
    agent_handles = {h for g in big.groups for h in (g.wechat, g.email)}
    for r in big.rows:
        if big.truth[r["external_id"]] is None:
            assert r["contact_phone"] not in agent_phones
            assert r["wechat"] not in agent_handles and r["email"] not in agent_handles


def test_agent_phone_mentioned_in_some_texts(big: DemoCorpus) -> None:
    rows = {r["external_id"]: r for r in big.rows}
    mentioned = 0
    for g in big.groups:
        phones = (g.agent_phone, *g.other_phones)
        mentioned += sum(any(p in rows[m]["text"] for p in phones) for m in g.members)
    assert mentioned >= 10


def test_phone_changed_shortly_before_for_agents(big: DemoCorpus) -> None:
    gaps_agent, n_agent, n_genuine_changed, n_genuine = [], 0, 0, 0
    for r in big.rows:
        agent = big.truth[r["external_id"]] is not None
        if agent:
            n_agent += 1
        else:
            n_genuine += 1
        if r["phone_changed_at"]:
            gap = (dt.date.fromisoformat(r["received_at"]) - dt.date.fromisoformat(r["phone_changed_at"])).days
            if agent:
                gaps_agent.append(gap)
            else:
                n_genuine_changed += 1
    assert len(gaps_agent) >= 0.2 * n_agent
    assert max(gaps_agent) <= 15
    assert n_genuine_changed <= 0.1 * n_genuine


# --------------------------------------------------------------------------- texts


def test_template_members_near_duplicates(big: DemoCorpus) -> None:
    rows = {r["external_id"]: r for r in big.rows}
    families: dict[str, list[str]] = defaultdict(list)
    for ext, fid in big.template_of.items():
        if fid and not fid.startswith("WEB"):
            families[fid].append(rows[ext]["text"])
    assert len(families) >= len(big.groups)
    all_pairs: list[float] = []
    for texts in families.values():
        pairs = [jaccard(a, b) for a, b in itertools.combinations(texts[:15], 2)]
        if pairs:
            assert statistics.mean(pairs) >= 0.45
            all_pairs += pairs
        assert all(150 <= len(t) <= 400 for t in texts), [len(t) for t in texts]
    assert statistics.mean(all_pairs) >= 0.55
    assert sum(p >= 0.4 for p in all_pairs) >= 0.95 * len(all_pairs)
    assert max(all_pairs) < 1.0  # members are edited, not identical
    # different families are far apart
    fids = sorted(families)
    rng = random.Random(0)
    cross = [
        jaccard(rng.choice(families[a]), rng.choice(families[b]))
        for a, b in (rng.sample(fids, 2) for _ in range(300))
    ]
    assert statistics.mean(cross) < 0.2


def test_genuine_texts_varied(big: DemoCorpus) -> None:
    genuine = [
        r["text"]
        for r in big.rows
        if big.truth[r["external_id"]] is None and big.template_of[r["external_id"]] is None
    ]
    rng = random.Random(0)
    sims = sorted(jaccard(*rng.sample(genuine, 2)) for _ in range(2000))
    assert statistics.mean(sims) < 0.1
    assert sims[int(0.99 * len(sims))] < 0.3
    assert len(set(genuine)) >= 0.97 * len(genuine)


def test_all_text_gbk_encodable(corpus: DemoCorpus, big: DemoCorpus) -> None:
    for c in (corpus, big):
        for r in c.rows:
            for v in r.values():
                v.encode("gbk")
        for g in c.groups:
            for v in (g.title, g.company_name, g.agent_name, g.address, g.wechat, g.email):
                v.encode("gbk")
    for e in corpus.evidence:
        e.note.encode("gbk")
        e.filename.encode("gbk")


# --------------------------------------------------------------------------- files


def test_evidence_wav_and_png(corpus: DemoCorpus) -> None:
    kinds = {e.kind for e in corpus.evidence}
    assert kinds == {"recording", "document", "screenshot"}
    ids = set(corpus.truth)
    rows = {r["external_id"]: r for r in corpus.rows}
    for e in corpus.evidence:
        assert e.external_id in ids
        assert e.channel == rows[e.external_id]["channel"]
        assert e.note
        if e.kind == "recording":
            assert re.fullmatch(r"通话录音_2026\d{4}_\d\.wav", e.filename)
            with wave.open(io.BytesIO(e.data)) as w:
                assert w.getframerate() == 8000
                assert w.getnchannels() == 1
                assert w.getsampwidth() == 2
                assert 3.0 <= w.getnframes() / 8000 <= 6.01
            assert e.planted and e.planted.startswith("voice:")
        else:
            assert e.filename.endswith(".png")
            with Image.open(io.BytesIO(e.data)) as im:
                assert im.format == "PNG"
                im.load()
                assert 300 <= im.width <= 1100 and 300 <= im.height <= 1400
            if e.kind == "screenshot":
                assert e.planted is None


def test_planted_keys_match_truth(corpus: DemoCorpus) -> None:
    voices: dict[str, set[str | None]] = defaultdict(set)
    images: dict[str, set[str | None]] = defaultdict(set)
    for e in corpus.evidence:
        label = corpus.truth[e.external_id]
        if e.planted and e.planted.startswith("voice:"):
            voices[e.planted].add(label)
        elif e.planted and e.planted.startswith("image:"):
            images[e.planted].add(label)
            assert label is not None
            assert e.planted.split(":", 1)[1].startswith(label + "-")
    # group voices and images are reused across members; each belongs to exactly one group
    group_voices = {k: v for k, v in voices.items() if None not in v}
    assert group_voices and all(len(v) == 1 for v in group_voices.values())
    assert any(
        sum(1 for e in corpus.evidence if e.planted == k) >= 2 for k in group_voices
    ), "some group voice must be heard in several complaints"
    assert images and all(len(v) == 1 for v in images.values())
    assert any(sum(1 for e in corpus.evidence if e.planted == k) >= 2 for k in images)
    # genuine complainants have their own voices
    assert any(None in v for v in voices.values())


def test_reused_images_are_varied(corpus: DemoCorpus) -> None:
    by_template: dict[str, list[bytes]] = defaultdict(list)
    for e in corpus.evidence:
        if e.planted and e.planted.startswith("image:"):
            by_template[e.planted].append(e.data)
    reused = [v for v in by_template.values() if len(v) >= 2]
    assert reused
    for datas in reused:
        assert len(set(datas)) == len(datas)  # never byte-identical
        sizes = set()
        for d in datas:
            with Image.open(io.BytesIO(d)) as im:
                sizes.add(im.size)
        assert len(sizes) > 1  # rescaled / cropped


# --------------------------------------------------------------------------- CSV


@pytest.mark.parametrize("encoding", ["utf-8", "gbk", "utf-8-sig"])
def test_write_csv_roundtrip(tmp_path: Path, corpus: DemoCorpus, encoding: str) -> None:
    path = tmp_path / f"demo-{encoding}.csv"
    write_csv(corpus.rows, path, encoding=encoding)
    with path.open(encoding=encoding, newline="") as fh:
        data = list(csv.reader(fh))
    assert data[0] == [CHINESE_HEADERS[k] for k in IMPORT_KEYS]
    back = [dict(zip(IMPORT_KEYS, line)) for line in data[1:]]
    assert back == corpus.rows


def test_write_csv_english_headers(tmp_path: Path) -> None:
    rows = generate(20, 3, with_files=False).rows
    path = tmp_path / "demo.csv"
    write_csv(rows, path, chinese_headers=False)
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames or ()) == IMPORT_KEYS
        assert list(reader) == rows


# --------------------------------------------------------------------------- sizes


def test_twenty_thousand_rows_without_files() -> None:
    c = generate(20_000, 2, with_files=False)
    assert len(c.rows) == 20_000
    assert len({r["external_id"] for r in c.rows}) == 20_000
    assert c.evidence == []
    assert len(c.groups) == 20_000 // 60
    assert 0.25 <= sum(1 for v in c.truth.values() if v) / 20_000 <= 0.35


@pytest.mark.parametrize("n", [0, 1, 3, 8, 30])
def test_small_corpora(n: int) -> None:
    c = generate(n, 9)
    assert len(c.rows) == n
    for g in c.groups:
        assert len(g.members) >= 4
    assert sum(len(g.members) for g in c.groups) <= n


def test_explicit_group_count() -> None:
    c = generate(200, 4, with_files=False, n_groups=6)
    assert len(c.groups) == 6
    assert [g.label for g in c.groups] == [f"G{i}" for i in range(1, 7)]
    c0 = generate(100, 4, with_files=False, n_groups=0)
    assert c0.groups == [] and all(v is None for v in c0.truth.values())
