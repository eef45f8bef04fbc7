"""The link graph query on a demo store: nodes and edges agree with the links, identifiers and groups
tables; filters, truncation to the largest components and the neighbourhood of one complaint."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from greyline.domain.enums import LinkStatus
from greyline.queries.graph import GraphData, graph_data
from greyline.services.context import ServiceContext, sign_in
from greyline.services.demo import load_demo
from greyline.services.links import add_manual_link, decide_link
from greyline.storage.db import Store, open_store
from greyline.storage.location import resolve

BIG = 100_000


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo store built once (120 complaints, no files) with two manual links and one rejected link."""
    folder = tmp_path_factory.mktemp("graph_demo")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GREYLINE_DATA_DIR", str(folder / "userdata"))
        mp.setenv("GREYLINE_USER", "tester")
        store = open_store(resolve(str(folder / "store" / "greyline.sqlite")), create=True)
        ctx = sign_in(store, "tester")
        load_demo(ctx, 120, 7, with_files=False)
        unlinked = _raw(store, "SELECT id FROM complaints WHERE id NOT IN (SELECT complaint_a_id FROM links) "
                               "AND id NOT IN (SELECT complaint_b_id FROM links WHERE complaint_b_id IS NOT NULL) "
                               "ORDER BY id LIMIT 3")
        add_manual_link(ctx, unlinked[0][0], unlinked[1][0], "同一代理人陪同来访")
        add_manual_link(ctx, unlinked[1][0], unlinked[2][0], "同一快递寄件人")
        lid, version = _raw(store, "SELECT id, version FROM links WHERE kind = 'phone' ORDER BY id LIMIT 1")[0]
        decide_link(ctx, lid, LinkStatus.REJECTED, version)
        store.dispose()
    return folder


@pytest.fixture
def demo(demo_dir: Path, tmp_path: Path) -> Iterator[Store]:
    shutil.copytree(demo_dir / "store", tmp_path / "demo")
    store = open_store(resolve(str(tmp_path / "demo" / "greyline.sqlite")))
    yield store
    store.dispose()


def _raw(store: Store, sql: str, params: tuple = ()) -> list[tuple]:
    with sqlite3.connect(store.location.sqlite_path) as conn:
        return conn.execute(sql, params).fetchall()


def _graph(data: GraphData) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(n.key for n in data.nodes)
    g.add_edges_from((e.a_key, e.b_key) for e in data.edges)
    return g


def test_link_edges_are_the_shown_pair_links(demo: Store) -> None:
    data = graph_data(demo, max_nodes=BIG)
    expected = {r[0]: r for r in _raw(demo, "SELECT id, complaint_a_id, complaint_b_id, kind, status, reason FROM links "
                                            "WHERE complaint_b_id IS NOT NULL AND status IN ('suggested', 'confirmed')")}
    links = {e.link_id: e for e in data.edges if e.link_id is not None}
    assert set(links) == set(expected)
    for lid, (_, a, b, kind, status, reason) in expected.items():
        e = links[lid]
        assert (e.a_key, e.b_key, e.kind, e.status, e.reason) == (f"c:{a}", f"c:{b}", kind, status, reason)
    manual = [e for e in links.values() if e.kind == "manual"]
    assert {e.reason for e in manual} == {"同一代理人陪同来访", "同一快递寄件人"}
    assert all(e.status == "confirmed" for e in manual)
    rejected = _raw(demo, "SELECT id FROM links WHERE status = 'rejected'")
    assert rejected and not {r[0] for r in rejected} & set(links)
    keys = {n.key for n in data.nodes}
    assert all(e.a_key in keys and e.b_key in keys for e in data.edges)
    assert len(keys) == len(data.nodes)
    assert not data.truncated and data.total_nodes == len(data.nodes) and data.total_edges == len(data.edges)


def test_complaint_nodes_carry_reference_customer_and_risk(demo: Store) -> None:
    data = graph_data(demo, max_nodes=BIG)
    rows = {r[0]: r for r in _raw(demo, "SELECT id, reference, customer_name, received_at, risk_level FROM complaints")}
    complaints = [n for n in data.nodes if n.kind == "complaint"]
    assert complaints
    for n in complaints:
        _, ref, name, received, risk = rows[n.ref_id]
        assert (n.key, n.label, n.risk_level) == (f"c:{n.ref_id}", ref, risk)
        assert name in n.detail and received in n.detail


def test_identifier_nodes_are_shared_identifiers_shown_masked(demo: Store) -> None:
    data = graph_data(demo, max_nodes=BIG)
    shared = {r[0]: r for r in _raw(demo, """
        SELECT ci.identifier_id, i.masked, i.type, COUNT(DISTINCT ci.complaint_id)
        FROM complaint_identifiers ci JOIN identifiers i ON i.id = ci.identifier_id
        JOIN complaints c ON c.id = ci.complaint_id
        WHERE i.do_not_correlate = 0 AND i.type NOT IN ('resident_id', 'ip', 'device')
        GROUP BY ci.identifier_id
        HAVING COUNT(DISTINCT ci.complaint_id) >= 3 AND COUNT(DISTINCT c.customer_id) >= 2""")}
    idents = {n.ref_id: n for n in data.nodes if n.kind == "identifier"}
    assert idents and set(idents) == set(shared)
    for iid, n in idents.items():
        assert n.label == shared[iid][1]
        assert "*" in n.label
        assert f"{shared[iid][3]} 笔" in n.detail
        users = {e.b_key for e in data.edges if e.kind == "uses" and e.a_key == n.key}
        expected = {f"c:{r[0]}" for r in _raw(demo, "SELECT DISTINCT complaint_id FROM complaint_identifiers "
                                                    "WHERE identifier_id = ?", (iid,))}
        assert users == expected


def test_group_nodes_link_their_members(demo: Store) -> None:
    data = graph_data(demo, max_nodes=BIG)
    groups = {r[0]: r for r in _raw(demo, "SELECT id, reference, title FROM agent_groups")}
    nodes = {n.ref_id: n for n in data.nodes if n.kind == "group"}
    assert nodes and set(nodes) == set(groups)
    for gid, n in nodes.items():
        assert (n.label, n.detail) == groups[gid][1:]
        members = {e.b_key for e in data.edges if e.kind == "member" and e.a_key == n.key}
        assert members == {f"c:{r[0]}" for r in _raw(demo, "SELECT complaint_id FROM group_complaints "
                                                           "WHERE group_id = ?", (gid,))}


def test_filters_by_kind_status_and_score(demo: Store) -> None:
    phones = graph_data(demo, kinds={"phone"}, max_nodes=BIG)
    assert phones.edges and {e.kind for e in phones.edges} == {"phone"}
    assert {n.kind for n in phones.nodes} == {"complaint"}
    with_idents = graph_data(demo, kinds={"phone", "uses"}, max_nodes=BIG)
    ident_types = {n.detail.split(" · ")[0] for n in with_idents.nodes if n.kind == "identifier"}
    assert ident_types and ident_types <= {"手机号", "固定电话"}
    confirmed = graph_data(demo, statuses=("confirmed",), kinds=set(), max_nodes=BIG)
    assert confirmed.nodes == ()
    confirmed = graph_data(demo, statuses=("confirmed",), kinds={"manual", "phone", "template"}, max_nodes=BIG)
    assert {e.kind for e in confirmed.edges} == {"manual"} and len(confirmed.nodes) == 3
    strong = graph_data(demo, kinds={"template"}, min_score=0.9, max_nodes=BIG)
    assert strong.edges and all(e.score >= 0.9 for e in strong.edges)
    everything = graph_data(demo, kinds={"template"}, max_nodes=BIG)
    assert len(strong.edges) < len(everything.edges)
    rejected = graph_data(demo, statuses=("rejected",), max_nodes=BIG)
    assert [e.status for e in rejected.edges if e.link_id is not None] == ["rejected"]


def test_truncation_keeps_whole_components_largest_first(demo: Store) -> None:
    full = graph_data(demo, max_nodes=BIG)
    components = sorted(nx.connected_components(_graph(full)), key=len, reverse=True)
    assert len(components) >= 2
    second = len(components[0]) + len(components[1])
    cut = graph_data(demo, max_nodes=second)
    assert cut.truncated == (second < len(full.nodes))
    assert (cut.total_nodes, cut.total_edges) == (len(full.nodes), len(full.edges))
    assert {n.key for n in cut.nodes} == components[0] | components[1]
    kept = {n.key for n in cut.nodes}
    assert {(e.a_key, e.b_key, e.kind, e.link_id) for e in cut.edges} == {
        (e.a_key, e.b_key, e.kind, e.link_id) for e in full.edges if e.a_key in kept}
    tiny = graph_data(demo, max_nodes=5)       # the largest component does not fit: cut from its hub
    assert len(tiny.nodes) == 5 and tiny.truncated
    assert {n.key for n in tiny.nodes} <= components[0]
    assert nx.is_connected(_graph(tiny))


def test_around_a_complaint_shows_two_hops(demo: Store) -> None:
    full = graph_data(demo, max_nodes=BIG)
    g = _graph(full)
    manual = next(e for e in full.edges if e.kind == "manual")
    centre = int(manual.a_key[2:])
    around = graph_data(demo, around_complaint=centre, max_nodes=BIG)
    near = nx.single_source_shortest_path_length(g, f"c:{centre}", cutoff=2)
    assert around.centre == f"c:{centre}"
    assert {n.key for n in around.nodes} == set(near)
    busy = max((n for n in full.nodes if n.kind == "complaint"), key=lambda n: g.degree(n.key))
    around = graph_data(demo, around_complaint=busy.ref_id, max_nodes=BIG)
    near = nx.single_source_shortest_path_length(g, busy.key, cutoff=2)
    assert {n.key for n in around.nodes} == set(near)
    assert {(e.a_key, e.b_key, e.kind, e.link_id) for e in around.edges} == {
        (e.a_key, e.b_key, e.kind, e.link_id) for e in full.edges if e.a_key in near and e.b_key in near}
    cut = graph_data(demo, around_complaint=busy.ref_id, max_nodes=10)
    assert len(cut.nodes) == 10 and cut.truncated and cut.total_nodes == len(near)
    first_hop = {k for k, d in near.items() if d <= 1}
    assert busy.key in {n.key for n in cut.nodes}
    assert {n.key for n in cut.nodes} <= first_hop or first_hop <= {n.key for n in cut.nodes}


def test_around_an_unknown_or_lonely_complaint(demo: Store) -> None:
    assert graph_data(demo, around_complaint=999_999).nodes == ()
    lonely = _raw(demo, "SELECT id FROM complaints WHERE id NOT IN (SELECT complaint_a_id FROM links) "
                        "AND id NOT IN (SELECT complaint_b_id FROM links WHERE complaint_b_id IS NOT NULL) "
                        "AND id NOT IN (SELECT complaint_id FROM group_complaints) ORDER BY id LIMIT 1")
    data = graph_data(demo, around_complaint=lonely[0][0], kinds={"phone", "template"})
    assert [n.key for n in data.nodes] == [f"c:{lonely[0][0]}"] and data.edges == ()


def test_empty_store(ctx: ServiceContext) -> None:
    data = graph_data(ctx.store)
    assert data.empty and (data.total_nodes, data.total_edges, data.truncated) == (0, 0, False)
