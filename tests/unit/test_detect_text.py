"""Tests of template-text detection (greyline.detect.text)."""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest

from greyline.demo.generator import generate
from greyline.detect.text import (
    PLACEHOLDERS,
    Segment,
    ShingleBatch,
    ShingleConfig,
    TemplateIndexer,
    candidate_probability,
    clusters,
    containment,
    detect_lang,
    explain,
    find_pairs,
    jaccard,
    normalise_text,
    shingles,
    similarity,
)

APP_DIR = Path(__file__).resolve().parents[2] / "app"


# --------------------------------------------------------------------------- helpers


def family_pairs(families: dict[int, str | None]) -> set[tuple[int, int]]:
    by: dict[str, list[int]] = defaultdict(list)
    for i, f in families.items():
        if f:
            by[f].append(i)
    return {(a, b) for members in by.values() for a, b in itertools.combinations(sorted(members), 2)}


@pytest.fixture(scope="module")
def corpus():
    return generate(2000, 7, with_files=False)


@pytest.fixture(scope="module")
def corpus_pairs(corpus):
    texts = {i: r["text"] for i, r in enumerate(corpus.rows)}
    names = {i: [r["customer_name"]] for i, r in enumerate(corpus.rows)}
    return find_pairs(texts, 0.5, names)


# --------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我于2026年5月3日借款", "我于D借款"),
        ("还款日2026-05-03已还", "还款日D已还"),
        ("5月3日当天", "D当天"),
        ("借了12000元", "借了A"),
        ("手续费¥1,200.50整", "手续费A整"),
        ("共1.2万", "共A"),
        ("欠款两万元", "欠款A"),
        ("电话138****1234联系", "电话M联系"),
        ("身份证110101********1234号", "身份证M号"),
        ("手机13812345678", "手机P"),
        ("身份证号11010119900307123X", "身份证号P"),
        ("合同编号HT202412345678", "合同编号htP"),
        ("分12期，每期3期", "分N期每期N期"),
        ("ＡＢＣ　１２３元！", "abcA"),
    ],
)
def test_normalise_replaces_values_with_placeholders(text: str, expected: str) -> None:
    assert normalise_text(text, lang="zh") == expected


def test_placeholders_are_single_upper_case_letters() -> None:
    values = list(PLACEHOLDERS.values())
    assert len(set(values)) == len(values)
    assert all(len(v) == 1 and v.isupper() for v in values)


def test_normalise_replaces_known_and_labelled_names() -> None:
    text = "本人王小明因个人原因逾期。投诉人：李四，身份证号：110101199003071234。"
    assert normalise_text(text, known_names=["王小明"]) == "本人X因个人原因逾期投诉人X身份证号P"
    # without the known name only the labelled one goes
    assert "王小明" in normalise_text(text)


def test_normalise_english_keeps_word_boundaries() -> None:
    text = "On May 3, 2026 I paid $1,200.50 to   ACME; call 555-1234 or 138****1234!"
    assert normalise_text(text) == "on D i paid A to acme call N N or M"
    assert normalise_text("Dear Sir, my name is John Smith.", known_names=["John Smith"]) == "dear sir my name is X"


def test_two_fillings_of_one_template_normalise_alike() -> None:
    a = "投诉人：张三，身份证号：110101199003071234。我于2024年5月12日借款12000元，已还3000元，电话13812345678。"
    b = "投诉人：李小红，身份证号：32010219851111002X。我于2023年11月2日借款8000.00元，已还￥1,500，电话：139-0000-1111。"
    assert normalise_text(a) == normalise_text(b)


def test_detect_lang() -> None:
    assert detect_lang("我在星河分期APP上借了钱") == "zh"
    assert detect_lang("I borrowed money from Xinghe (星河) last year and paid it back") == "en"


# --------------------------------------------------------------------------- shingles and similarity


def test_shingles_char_and_word() -> None:
    assert shingles("abcde", ShingleConfig(kind="char", k=3)) == {"abc", "bcd", "cde"}
    assert shingles("the cat sat on", ShingleConfig(kind="word", k=2)) == {"the cat", "cat sat", "sat on"}
    assert shingles("ab", ShingleConfig(kind="char", k=4)) == {"ab"}
    assert shingles("", ShingleConfig(kind="char", k=4)) == set()
    # 'auto' picks by the share of CJK characters
    assert shingles("借款逾期罚息", ShingleConfig()) == {"借款逾期", "款逾期罚", "逾期罚息"}
    assert shingles("please stop calling me", ShingleConfig()) == {"please stop", "stop calling", "calling me"}
    assert shingles("please stop calling me", 3) == {"please stop calling", "stop calling me"}


def test_jaccard_and_containment() -> None:
    assert jaccard({1, 2, 3}, {2, 3, 4}) == pytest.approx(0.5)
    assert jaccard(set(), {1}) == 0.0
    long = "本人因个人原因导致借款逾期并非恶意拖欠目前经济困难无法一次性还清欠款恳请贵司减免罚息"
    short = long[:20]
    assert similarity(long, long) == 1.0
    assert containment(short, long) == 1.0
    assert similarity(short, long) < 0.5


def test_fingerprints_match_readable_shingles() -> None:
    ix = TemplateIndexer()
    for text in ("本人因个人原因导致借款逾期，并非恶意拖欠。", "I cannot pay the full amount this month, sorry.", "短"):
        assert len(ix.shingle_codes(text)) == len(ix.shingle_set(text))
    a, b = "本人因个人原因导致借款逾期，并非恶意拖欠。", "本人因家庭原因导致借款逾期，并非恶意拖欠！"
    exact = jaccard(ix.shingle_set(a), ix.shingle_set(b))
    assert jaccard(ix.shingle_codes(a), ix.shingle_codes(b)) == pytest.approx(exact)


def test_batch_and_single_text_give_the_same_signature(corpus) -> None:
    ix = TemplateIndexer()
    texts = [r["text"] for r in corpus.rows[:50]]
    texts += ["Please stop calling my family about the loan of 3000 dollars.", "", "短"]
    batch = ix.signatures(texts)
    for i, t in enumerate(texts):
        assert np.array_equal(batch[i], ix.signature(t))
    assert batch.dtype == np.uint64 and batch.shape == (len(texts), ix.num_perm)


@pytest.mark.parametrize("sketch", ["oph", "minhash"])
def test_sketch_estimates_jaccard(corpus, sketch: str) -> None:
    ix = TemplateIndexer(sketch=sketch)
    texts = [r["text"] for r in corpus.rows]
    sigs = ix.signatures(texts)
    codes = [ix.shingle_codes(t) for t in texts]
    fam = [corpus.template_of[r["external_id"]] for r in corpus.rows]
    pairs = [(i, j) for i, j in itertools.combinations(range(300), 2) if fam[i] and fam[i] == fam[j]][:300]
    pairs += list(zip(range(0, 300, 2), range(1, 300, 2)))
    err = [ix.estimate(sigs[i], sigs[j]) - jaccard(codes[i], codes[j]) for i, j in pairs]
    assert abs(float(np.mean(err))) < 0.02
    assert float(np.std(err)) < 0.06  # binomial spread of 128 values is at most 0.044


def test_s_curve_documented_points() -> None:
    ix = TemplateIndexer()
    assert (ix.bands, ix.rows, ix.num_perm) == (32, 4, 128)
    assert ix.s_curve(0.5) == pytest.approx(0.873, abs=0.001)
    assert ix.s_curve(0.6) == pytest.approx(0.988, abs=0.001)
    assert ix.s_curve(0.3) == pytest.approx(0.23, abs=0.01)
    assert candidate_probability(1.0, 32, 4) == 1.0


# --------------------------------------------------------------------------- band keys


def test_band_keys_format_and_short_texts() -> None:
    ix = TemplateIndexer()
    text = "本人因个人原因导致借款逾期，并非恶意拖欠。目前本人经济困难，每月收入仅能维持基本生活，无法一次性还清欠款。本人愿意偿还本金。"
    keys = ix.band_keys(ix.signature(text))
    assert len(keys) == ix.bands == len(set(keys))
    assert all(re.fullmatch(r"\d{1,2}:[0-9a-f]{16}", k) for k in keys)
    assert ix.index_keys(text) == keys
    assert ix.index_keys("同上") == []  # too short to be evidence of a template
    assert ix.band_keys(ix.signature("")) == []


def test_band_keys_identical_across_processes(corpus) -> None:
    texts = [corpus.rows[i]["text"] for i in range(0, 400, 40)] + ["Please stop calling my parents. " * 8]
    ix = TemplateIndexer()
    here = [ix.band_keys(ix.signature(t)) for t in texts]
    script = (
        "import json, sys\n"
        "from greyline.detect.text import TemplateIndexer\n"
        "ix = TemplateIndexer()\n"
        "texts = json.loads(sys.stdin.read())\n"
        "print(json.dumps([ix.band_keys(ix.signature(t)) for t in texts]))\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(APP_DIR)}
    res = subprocess.run(
        [sys.executable, "-c", script], input=json.dumps(texts), capture_output=True, text=True, env=env, check=True
    )
    assert json.loads(res.stdout) == here
    assert TemplateIndexer().scheme == ix.scheme == "oph1-n1-auto-c4w2-p128-b32x4-m50-s1"


def test_other_parameters_give_other_keys() -> None:
    text = "本人因个人原因导致借款逾期，并非恶意拖欠。目前本人经济困难，每月收入仅能维持基本生活，无法一次性还清欠款。"
    a, b = TemplateIndexer(), TemplateIndexer(seed=2)
    assert a.scheme != b.scheme
    assert set(a.band_keys(a.signature(text))).isdisjoint(b.band_keys(b.signature(text)))


# --------------------------------------------------------------------------- detection on the demo corpus


def test_precision_and_recall_on_demo_corpus(corpus, corpus_pairs) -> None:
    families = {i: corpus.template_of[r["external_id"]] for i, r in enumerate(corpus.rows)}
    truth = family_pairs(families)
    found = {(a, b) for a, b, _ in corpus_pairs}
    tp = len(found & truth)
    precision, recall = tp / len(found), tp / len(truth)
    assert len(truth) > 1000
    assert precision >= 0.95, precision
    assert recall >= 0.90, recall
    # internet templates copied by genuine customers are template pairs too
    web = {p for p in truth if families[p[0]].startswith("WEB")}
    assert web and len(web & found) / len(web) >= 0.9


def test_found_pairs_are_exact_and_ordered(corpus, corpus_pairs) -> None:
    ix = TemplateIndexer()
    assert corpus_pairs == sorted(corpus_pairs)
    rows = corpus.rows
    for a, b, s in corpus_pairs[:: max(1, len(corpus_pairs) // 50)]:
        assert a < b
        score = ix.compare(rows[a]["text"], rows[b]["text"], [rows[a]["customer_name"]], [rows[b]["customer_name"]])
        assert s == pytest.approx(score.jaccard)
        assert ix.accepts(score)


def test_lsh_finds_the_pairs_of_exhaustive_comparison(corpus, corpus_pairs) -> None:
    ix = TemplateIndexer()
    rows = corpus.rows[:600]
    codes = [ix.shingle_codes(r["text"], [r["customer_name"]]) for r in rows]
    exhaustive = set()
    for i, j in itertools.combinations(range(len(rows)), 2):
        inter = len(codes[i] & codes[j])
        if inter >= ix.min_shared and inter / (len(codes[i]) + len(codes[j]) - inter) >= ix.threshold:
            exhaustive.add((i, j))
    found = {(a, b) for a, b, _ in corpus_pairs if b < 600}
    assert exhaustive
    assert found <= exhaustive
    assert len(found) / len(exhaustive) >= 0.95


def test_clusters_recover_families(corpus, corpus_pairs) -> None:
    families = [corpus.template_of[r["external_id"]] for r in corpus.rows]
    cl = clusters(corpus_pairs)
    assert cl and all(len(c) >= 2 for c in cl)
    assert len(set().union(*cl)) == sum(len(c) for c in cl)  # disjoint
    pure = [c for c in cl if len({families[i] for i in c}) == 1 and families[next(iter(c))]]
    assert len(pure) / len(cl) >= 0.8


def test_clusters_do_not_chain_through_one_weak_link() -> None:
    pairs = [(1, 2, 0.9), (1, 3, 0.85), (2, 3, 0.9), (4, 5, 0.9), (4, 6, 0.8), (5, 6, 0.95), (3, 4, 0.51)]
    assert clusters(pairs) == [{1, 2, 3}, {4, 5, 6}]
    assert clusters([(1, 2, 0.6), (7, 8, 0.4)], threshold=0.5) == [{1, 2}]
    assert clusters([]) == []


def test_short_and_empty_texts_never_pair() -> None:
    texts = {1: "同上", 2: "同上", 3: "", 4: "", 5: "想申请展期，客服说系统不支持。", 6: "想申请展期，客服说系统不支持。"}
    assert find_pairs(texts) == []
    assert find_pairs({}) == []


def test_identical_long_texts_pair_with_score_one(corpus) -> None:
    text = corpus.rows[0]["text"] * 2
    assert find_pairs({10: text, 3: text, 7: "完全不同的内容" * 20}) == [(3, 10, 1.0)]


# --------------------------------------------------------------------------- English


EN_TEMPLATE = (
    "To whom it may concern, my name is {name} and I am writing to file a formal complaint against "
    "Xinghe Consumer Finance about loan contract {contract}. I borrowed {amount} on {date} and have "
    "repaid {paid} so far. {extra}Due to the loss of my job I am unable to repay the remaining balance "
    "at this time. Your collection agents have been calling my relatives and my employer several times "
    "every day, which violates the rules on debt collection and has caused me severe mental distress. "
    "I demand that you waive all penalty interest and late fees, stop all collection calls immediately, "
    "and remove the negative record from my credit report. If you do not reply within {days} working "
    "days I will report this to the regulator and to the media. My authorised representative can be "
    "reached at {phone}."
)
EN_EXTRAS = ("", "I have always paid on time before this. ", "I have kept recordings of the calls. ")
EN_GENUINE = (
    "Hi, the app charged me twice for the same instalment last week and I would like a refund of the extra payment please.",
    "I paid off my loan in full in March but the app still shows an overdue balance. Please correct this.",
    "Your agent called me at 11pm last night. This is unacceptable, please stop calling so late.",
    "I never applied for a loan with you and I think someone used my identity. Please investigate and close the account.",
    "The interest rate in my contract is different from what was advertised. Can someone explain the difference?",
)


def english_corpus() -> tuple[dict[int, str], dict[int, list[str]], set[tuple[int, int]]]:
    people = ["John Smith", "Mary Jones", "Ahmed Khan", "Li Wei", "Sarah O'Neil", "Peter Brown"]
    texts: dict[int, str] = {}
    names: dict[int, list[str]] = {}
    for i, name in enumerate(people):
        text = EN_TEMPLATE.format(
            name=name, contract=f"HT2024{1000 + 37 * i:08d}", amount=f"${(i + 2) * 1500:,}.00",
            date=f"{i + 1}/1{i}/2024", paid=f"{(i + 1) * 250} dollars", extra=EN_EXTRAS[i % 3],
            days=(7, 10, 15)[i % 3], phone=f"+1 555-01{i:02d}",
        )  # fmt: skip
        if i % 2:
            text = text.replace("severe mental distress", "great stress").replace("I demand", "I request")
        texts[i] = text
        names[i] = [name]
    for k, g in enumerate(EN_GENUINE):
        texts[100 + k] = g
    truth = set(itertools.combinations(range(len(people)), 2))
    return texts, names, truth


def test_english_template_variants_are_found() -> None:
    texts, names, truth = english_corpus()
    assert all(detect_lang(t) == "en" for t in texts.values())
    found = {(a, b) for a, b, _ in find_pairs(texts, 0.5, names)}
    assert found == truth
    assert similarity(texts[0], texts[1]) > 0.6
    assert similarity(texts[0], texts[100]) < 0.1


def test_english_and_chinese_in_one_batch(corpus) -> None:
    texts, names, truth = english_corpus()
    zh = {1000 + i: r["text"] for i, r in enumerate(corpus.rows[:300])}
    zh_names = {1000 + i: [r["customer_name"]] for i, r in enumerate(corpus.rows[:300])}
    mixed = find_pairs({**texts, **zh}, 0.5, {**names, **zh_names})
    assert {(a, b) for a, b, _ in mixed if a < 1000} == truth
    assert {p for p in mixed if p[0] >= 1000} == set(find_pairs(zh, 0.5, zh_names))
    assert not [p for p in mixed if (p[0] < 1000) != (p[1] < 1000)]


# --------------------------------------------------------------------------- explanation


def assert_rebuilds(a: str, b: str, segs: list[Segment]) -> None:
    assert "".join(s.text_a for s in segs) == a
    assert "".join(s.text_b for s in segs) == b
    for s in segs:
        assert s.kind in ("same", "only_a", "only_b")
        assert s.text_a or s.text_b
        if s.kind == "same":
            assert s.text_a == s.text_b
        elif s.kind == "only_a":
            assert s.text_b == ""
        else:
            assert s.text_a == ""
    for x, y in itertools.pairwise(segs):
        assert not (x.kind == y.kind == "same")


def test_explain_rebuilds_both_texts(corpus, corpus_pairs) -> None:
    rows = corpus.rows
    cases = [(rows[a]["text"], rows[b]["text"]) for a, b, _ in corpus_pairs[:: max(1, len(corpus_pairs) // 40)]]
    cases += [(rows[0]["text"], rows[1]["text"]), ("", ""), ("", "abc"), ("同一段文字。", "同一段文字。"),
              ("完全不同", "毫无关系的内容"), ("a\nb\n", "a\nc\n")]  # fmt: skip
    for a, b in cases:
        assert_rebuilds(a, b, explain(a, b))


def test_explain_marks_shared_passages(corpus, corpus_pairs) -> None:
    a, b, s = corpus_pairs[0]
    ta, tb = corpus.rows[a]["text"], corpus.rows[b]["text"]
    segs = explain(ta, tb)
    same = sum(len(x.text_a) for x in segs if x.kind == "same")
    assert same / max(len(ta), len(tb)) > 0.5
    assert explain("同一段文字。", "同一段文字。") == [Segment("same", "同一段文字。", "同一段文字。")]
    assert explain("", "新内容") == [Segment("only_b", "", "新内容")]


@pytest.mark.parametrize("punctuation", [True, False])
def test_explain_long_texts(punctuation: bool) -> None:
    rng = np.random.default_rng(3)
    alphabet = list("本人因个人原因导致借款逾期并非恶意拖欠目前经济困难" + ("，。" if punctuation else ""))
    base = "".join(rng.choice(alphabet, 2000))
    other = list(base)
    for k in rng.choice(2000, 80, replace=False):
        other[k] = "某"
    b = "".join(other[:900]) + "插入的一句话。" + "".join(other[900:])
    segs = explain(base, b)
    assert_rebuilds(base, b, segs)
    assert sum(len(s.text_a) for s in segs if s.kind == "same") > 0.8 * len(base)
    unrelated = "".join(rng.choice(alphabet, 2000))
    assert_rebuilds(base, unrelated, explain(base, unrelated))


def test_components_match_networkx() -> None:
    import networkx as nx

    from greyline.detect.text import _components

    rng = np.random.default_rng(5)
    n = 300
    edges = rng.integers(0, n, size=(260, 2))
    lab = _components(n, edges)
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges.tolist())
    for comp in nx.connected_components(g):
        assert {int(lab[v]) for v in comp} == {min(comp)}


# --------------------------------------------------------------------------- detection internals


def test_band_keys_keep_their_values() -> None:
    # Values computed before the signing was vectorised differently: stored keys stay valid, so
    # the scheme (and NORMALISATION_VERSION) need not change. A deliberate change of the keys
    # must update these values together with the scheme.
    text = "本人因个人原因导致借款逾期，并非恶意拖欠。目前本人经济困难，每月收入仅能维持基本生活，无法一次性还清欠款。本人愿意偿还本金。"
    keys = TemplateIndexer().band_keys(TemplateIndexer().signature(text))
    assert keys[:3] == ["0:fbe2ef53925d1149", "1:2653945be4403cf1", "2:613a2e365679725d"]
    assert keys[-1] == "31:f1920404a007ad33"


def _reference_signature(ix: TemplateIndexer, codes: list[int]) -> list[int]:
    """One-permutation MinHash with optimal densification written out text by text in Python."""
    from greyline.detect.text import _EMPTY, _PROBES, _mix64

    k = ix.num_perm
    sig = [int(_EMPTY)] * k
    for h in _mix64(np.array(codes, dtype=np.uint64) ^ ix._salt).tolist():
        sig[h % k] = min(sig[h % k], h // k)
    if all(v == int(_EMPTY) for v in sig):
        return sig
    out = list(sig)
    for b in range(k):
        if sig[b] != int(_EMPTY):
            continue
        for t in range(_PROBES):
            src = int(ix._probe[b, t])
            if sig[src] != int(_EMPTY):
                out[b] = sig[src]
                break
        else:
            out[b] = next(sig[(b + d) % k] for d in range(1, k) if sig[(b + d) % k] != int(_EMPTY))
    return out


@pytest.mark.parametrize("num_perm", [128, 96])
def test_vectorised_signatures_match_the_definition(num_perm: int) -> None:
    ix = TemplateIndexer(num_perm=num_perm, bands=num_perm // 4)
    rng = np.random.default_rng(3)
    # from one shingle (almost every bin borrowed, many by the fallback) to more than the bins
    sizes = [1, 2, 3, 5, 17, 60, 127, 300, 0, 2500] + rng.integers(1, 400, 40).tolist()
    texts = [rng.integers(0, 2**63, s, dtype=np.int64).view(np.uint64).tolist() for s in sizes]
    starts = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum([len(t) for t in texts], out=starts[1:])
    batch = ShingleBatch(np.array([c for t in texts for c in t], dtype=np.uint64), starts)
    sigs = ix.signatures(batch)
    for row, codes in zip(sigs.tolist(), texts):
        assert row == _reference_signature(ix, codes)


def test_buckets_hold_exactly_the_texts_sharing_a_band_hash() -> None:
    from greyline.detect.text import _buckets

    rng = np.random.default_rng(8)
    hashes = rng.integers(0, 12, size=(500, 6)).astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    hashes[:, 2] += np.uint64(1)  # bands differ: equal values in two bands are no bucket
    bk = _buckets(hashes)
    got = set()
    for f, s in zip(bk.first.tolist(), bk.size.tolist()):
        docs = bk.docs[f : f + s].tolist()
        assert docs == sorted(docs)
        got |= set(itertools.combinations(docs, 2))
    expected = {
        (i, j) for i, j in itertools.combinations(range(500), 2) if (hashes[i] == hashes[j]).any()
    }
    assert got == expected
    cand = TemplateIndexer().candidate_pairs(hashes)
    assert {tuple(p) for p in cand.tolist()} == expected


def test_hash_slots_give_equal_keys_one_slot_and_others_their_own() -> None:
    from greyline.detect.text import _hash_slots

    rng = np.random.default_rng(4)
    distinct = rng.integers(1, 2**63, 300, dtype=np.int64).view(np.uint64)
    keys = distinct[rng.integers(0, 300, 2000)]
    region = np.where(np.arange(2000) < 1200, 0, 1)  # two regions; a key may be in both
    rsize = np.array([2048, 2048])
    base, mask = (region * 2048).astype(np.int64), (rsize - 1)[region]
    _, slot = _hash_slots(keys.copy(), base, mask, 4096)
    assert ((slot >= base) & (slot < base + 2048)).all()
    seen: dict[tuple[int, int], int] = {}
    for r, k, s in zip(region.tolist(), keys.tolist(), slot.tolist()):
        assert seen.setdefault((r, k), s) == s
    assert len(set(seen.values())) == len(seen)


@pytest.mark.parametrize("chunk", [1 << 16, 200])
def test_block_verification_is_exact(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    import greyline.detect.text as text_mod

    monkeypatch.setattr(text_mod, "_CHUNK_ENTRIES", chunk)  # 200: nearly every block a chunk of its own
    rng = np.random.default_rng(6)
    vocab = rng.integers(0, 2**63, 400, dtype=np.int64).view(np.uint64)
    texts = []
    for _ in range(60):
        base = rng.choice(400, 120, replace=False)
        for _ in range(int(rng.integers(1, 5))):  # families of near-copies, repeats inside a text
            t = base.copy()
            t[rng.integers(0, 120, 30)] = rng.integers(0, 400, 30)
            texts.append(vocab[np.concatenate((t, t[:5]))])
    starts = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum([t.size for t in texts], out=starts[1:])
    batch = ShingleBatch(np.concatenate(texts), starts)
    # blocks: consecutive runs of texts (sizes 1 to 7), plus a text appearing in two blocks
    sizes = []
    left = len(texts)
    while left:
        sizes.append(min(left, int(rng.integers(1, 8))))
        left -= sizes[-1]
    members = np.concatenate((np.arange(len(texts)), [0, 5, 9]))
    sizes = np.array([*sizes, 3])
    pa, pb = text_mod._block_pairs(sizes)
    a, b, jac = text_mod._verify_blocks(batch, members, sizes, pa, pb, 0.3, 20)
    got = {(int(members[i]), int(members[j])): s for i, j, s in zip(a.tolist(), b.tolist(), jac.tolist())}
    expected = {}
    for i, j in zip(members[pa].tolist(), members[pb].tolist()):
        x, y = batch.sets(i), batch.sets(j)
        inter = len(x & y)
        if inter >= 20 and inter / (len(x) + len(y) - inter) >= 0.3:
            expected[(i, j)] = inter / (len(x) + len(y) - inter)
    assert len(expected) > 20
    assert got.keys() == expected.keys()
    assert all(got[p] == pytest.approx(expected[p]) for p in got)


def test_a_large_family_is_verified_whole() -> None:
    # 300 copies of one complaint with a few characters changed each: one group, every pair
    # compared, including pairs that share no band.
    rng = np.random.default_rng(2)
    base = list("本人于去年在贵公司借款，合同约定的利率过高，催收人员多次在夜间拨打我的电话并威胁联系我的家人和单位，"
                "严重影响了我的正常生活和工作，现要求停止暴力催收、核减不合理的利息和费用，并退还多收取的款项。")
    filler = list("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面")
    texts = {}
    for i in range(300):
        t = base.copy()
        for p in rng.integers(0, len(t), 3):
            t[p] = filler[int(rng.integers(0, len(filler)))]
        texts[i] = "".join(t)
    ix = TemplateIndexer()
    stats: dict[str, float] = {}
    batch = ix.prepare([texts[i] for i in range(300)])
    found = {(a, b): s for a, b, s in ix.pairs_in(batch, None, stats)}
    assert stats["groups"] == 1 and stats["grouped"] == 300
    sets = [batch.sets(i) for i in range(300)]
    for i, j in itertools.combinations(range(300), 2):
        inter = len(sets[i] & sets[j])
        s = inter / (len(sets[i]) + len(sets[j]) - inter)
        assert ((i, j) in found) == (s >= ix.threshold and inter >= ix.min_shared)
