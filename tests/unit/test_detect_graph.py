"""Tests of agent-group proposals from links (greyline.detect.graph)."""

from __future__ import annotations

import itertools

import pytest

from greyline.detect.graph import (
    GroupProposal,
    LinkEdge,
    SharedIdentifier,
    adjusted_rand_index,
    build_graph,
    proposal_key,
    proposal_labels,
    propose_groups,
)


def clique(ids: list[int], kind: str = "phone", score: float = 1.0, status: str = "suggested") -> list[LinkEdge]:
    return [LinkEdge(a, b, kind, score, status) for a, b in itertools.combinations(ids, 2)]


def member_sets(proposals: list[GroupProposal]) -> set[frozenset[int]]:
    return {frozenset(p.members) for p in proposals}


A = [1, 2, 3, 4, 5]
B = [11, 12, 13, 14, 15]


# --------------------------------------------------------------------------- basic shapes


def test_one_clique_is_one_proposal_with_its_evidence() -> None:
    [p] = propose_groups(clique(A, "voice", 0.8))
    assert p.members == (1, 2, 3, 4, 5)
    assert p.key == proposal_key([5, 4, 3, 2, 1]) and len(p.key) == 12
    assert p.kinds == {"voice": 10}
    assert p.strength == pytest.approx(0.8)
    assert p.identifier_ids == () and p.existing_group_ids == ()


def test_groups_below_min_size_are_not_proposed() -> None:
    assert propose_groups(clique([1, 2])) == []
    assert propose_groups(clique([1, 2, 3]), min_size=4) == []
    assert [p.members for p in propose_groups(clique([1, 2, 3]))] == [(1, 2, 3)]
    assert propose_groups([]) == []


def test_two_cliques_joined_by_one_weak_link_are_two_proposals() -> None:
    edges = clique(A) + clique(B, "voice", 0.9) + [LinkEdge(5, 11, "template", 0.55, "suggested")]
    assert member_sets(propose_groups(edges)) == {frozenset(A), frozenset(B)}


def test_two_cliques_bridged_by_a_genuine_complaint_are_split_and_the_bridge_left_out() -> None:
    bridge = 99  # a genuine complaint sharing a stock sentence with one member of each group
    edges = (clique(A, "template", 0.8) + clique(B, "template", 0.9)
             + [LinkEdge(bridge, 1, "template", 0.55, "suggested"),
                LinkEdge(bridge, 11, "template", 0.6, "suggested")])
    assert member_sets(propose_groups(edges)) == {frozenset(A), frozenset(B)}


def test_unequal_groups_bridged_by_a_weak_link_are_split() -> None:
    big = list(range(100, 140))
    small = [1, 2, 3, 4]
    edges = clique(big, "template", 0.9) + clique(small, "phone") + [LinkEdge(100, 1, "template", 0.6, "suggested")]
    assert member_sets(propose_groups(edges)) == {frozenset(big), frozenset(small)}


def test_strongly_linked_groups_stay_together() -> None:
    # Every member of A has a confirmed link to every member of B: one group, not two.
    cross = [LinkEdge(a, b, "manual", 1.0, "confirmed") for a in A for b in B]
    [p] = propose_groups(clique(A) + clique(B) + cross)
    assert set(p.members) == set(A) | set(B)
    assert p.kinds == {"phone": 20, "manual": 25}


def test_sparse_but_uniform_group_is_not_cut_into_pieces() -> None:
    # A ring of 8 complaints, each linked to its two neighbours by voice: loosely, but evenly linked.
    ring = list(range(1, 9))
    edges = [LinkEdge(a, b, "voice", 0.9, "suggested") for a, b in zip(ring, ring[1:] + ring[:1])]
    [p] = propose_groups(edges)
    assert p.members == tuple(ring)
    assert p.strength == pytest.approx(0.9 * 8 / 28)


def test_output_is_deterministic_and_sorted_by_size_then_key() -> None:
    groups = [[1, 2, 3], [10, 11, 12], [20, 21, 22, 23], [30, 31, 32]]
    edges = [e for g in groups for e in clique(g)]
    first = propose_groups(edges)
    assert [len(p.members) for p in first] == [4, 3, 3, 3]
    assert [p.key for p in first[1:]] == sorted(p.key for p in first[1:])
    assert propose_groups(list(reversed(edges))) == first


# --------------------------------------------------------------------------- which links count


def test_rejected_edge_splits_what_it_joined() -> None:
    # A ring of six complaints linked by voice stays one group ...
    ring = [1, 2, 3, 4, 5, 6]
    links = [LinkEdge(a, b, "voice", 0.9, "suggested") for a, b in zip(ring, ring[1:] + ring[:1])]
    assert member_sets(propose_groups(links)) == {frozenset(ring)}
    # ... until a person rejects the two links 3-4 and 6-1: two chains of three remain.
    rejected = [LinkEdge(e.a, e.b, e.kind, e.score, "rejected") if (e.a, e.b) in ((3, 4), (6, 1)) else e
                for e in links]
    assert member_sets(propose_groups(rejected)) == {frozenset({1, 2, 3}), frozenset({4, 5, 6})}


def test_rejected_links_are_ignored_entirely() -> None:
    assert propose_groups(clique(A, status="rejected")) == []


def test_weak_template_links_do_not_count_but_confirmed_ones_do() -> None:
    assert propose_groups(clique(A, "template", 0.4)) == []
    [p] = propose_groups(clique(A, "template", 0.4, "confirmed"))
    assert p.members == tuple(A)
    assert p.strength == pytest.approx(1.0)  # a person confirmed every link
    assert [q.members for q in propose_groups(clique(A, "template", 0.4), min_scores={"template": 0.3})] == [tuple(A)]


def test_voice_and_image_links_count_at_any_score() -> None:
    assert [p.members for p in propose_groups(clique(A, "image", 0.1))] == [tuple(A)]


def test_single_template_link_is_not_enough_to_join() -> None:
    # 6 is tied to the group by one suggested template link only: not evidence enough to propose it.
    edges = clique(A) + [LinkEdge(6, 1, "template", 0.9, "suggested")]
    assert [p.members for p in propose_groups(edges)] == [tuple(A)]
    # Two template links, or one strong link, are.
    edges2 = clique(A) + [LinkEdge(6, 1, "template", 0.9, "suggested"), LinkEdge(6, 2, "template", 0.9, "suggested")]
    assert [p.members for p in propose_groups(edges2)] == [(1, 2, 3, 4, 5, 6)]
    edges3 = clique(A) + [LinkEdge(6, 1, "voice", 0.7, "suggested")]
    assert [p.members for p in propose_groups(edges3)] == [(1, 2, 3, 4, 5, 6)]


def test_unknown_kind_or_status_is_an_error() -> None:
    with pytest.raises(ValueError, match="kind"):
        propose_groups([LinkEdge(1, 2, "telepathy", 1.0, "suggested")])
    with pytest.raises(ValueError, match="status"):
        propose_groups([LinkEdge(1, 2, "phone", 1.0, "maybe")])


# --------------------------------------------------------------------------- shared identifiers


def test_identifier_hub_joins_its_complaints() -> None:
    hub = SharedIdentifier(7, frozenset({1, 2, 3, 4}), "phone")
    [p] = propose_groups([], [hub])
    assert p.members == (1, 2, 3, 4)
    assert p.identifier_ids == (7,)
    assert p.kinds == {"phone": 6}
    assert p.strength == pytest.approx(1.0)


def test_identifier_hub_joins_members_linked_otherwise() -> None:
    # Two template pairs that only the agent's WeChat ties together.
    edges = [LinkEdge(1, 2, "template", 0.9, "suggested"), LinkEdge(3, 4, "template", 0.9, "suggested")]
    hub = SharedIdentifier(8, frozenset({2, 3}), "wechat")
    address = SharedIdentifier(9, frozenset({1, 2, 3, 4}), "address")
    [p] = propose_groups(edges, [hub, address])
    assert p.members == (1, 2, 3, 4)
    assert p.identifier_ids == (8, 9)
    assert p.kinds == {"template": 2, "wechat": 1, "address": 6}


def test_identifier_used_by_one_complaint_adds_nothing() -> None:
    [p] = propose_groups(clique(A), [SharedIdentifier(1, frozenset({1}), "email")])
    assert p.identifier_ids == ()


def test_hub_above_the_cap_is_ignored() -> None:
    mall = SharedIdentifier(1, frozenset(range(1, 12)), "address")
    assert propose_groups([], [mall], max_identifier_complaints=10) == []
    assert [len(p.members) for p in propose_groups([], [mall], max_identifier_complaints=11)] == [11]
    # Under the cap, the hub joins the two groups; over it, each group stands alone.
    groups = clique([1, 2, 3]) + clique([7, 8, 9])
    assert member_sets(propose_groups(groups, [mall], max_identifier_complaints=10)) == {frozenset({1, 2, 3}), frozenset({7, 8, 9})}


def test_default_cap_is_500() -> None:
    hub = SharedIdentifier(1, frozenset(range(1, 502)), "address")
    assert propose_groups([], [hub]) == []


def test_big_hub_under_the_cap_does_not_swallow_real_groups() -> None:
    # A 40-complaint address hub (a trade mall) touching one member of each of two voice groups.
    g1, g2 = [1, 2, 3, 4, 5, 6], [11, 12, 13, 14, 15, 16]
    others = list(range(100, 138))
    mall = SharedIdentifier(1, frozenset([1, 11] + others), "address")
    proposals = propose_groups(clique(g1, "voice") + clique(g2, "voice"), [mall])
    sets = member_sets(proposals)
    assert frozenset(g1) in sets and frozenset(g2) in sets


# --------------------------------------------------------------------------- existing groups


def test_proposal_identical_to_an_existing_group_is_dropped() -> None:
    edges = clique(A) + clique(B)
    proposals = propose_groups(edges, existing={42: [5, 4, 3, 2, 1]})
    assert member_sets(proposals) == {frozenset(B)}
    assert proposals[0].existing_group_ids == ()


def test_overlapping_existing_groups_are_listed() -> None:
    proposals = propose_groups(clique(A) + clique(B), existing={42: [1, 2], 7: [3, 99], 8: [200]})
    by_members = {p.members: p for p in proposals}
    assert by_members[tuple(A)].existing_group_ids == (7, 42)
    assert by_members[tuple(B)].existing_group_ids == ()


# --------------------------------------------------------------------------- raw graph


def test_build_graph_keeps_every_link_and_identifier() -> None:
    edges = [LinkEdge(1, 2, "template", 0.6, "suggested"), LinkEdge(2, 1, "phone", 1.0, "rejected"),
             LinkEdge(2, 3, "voice", 0.8, "confirmed")]
    g = build_graph(edges, [SharedIdentifier(5, frozenset({1, 3}), "email")])
    assert set(g.nodes) == {("c", 1), ("c", 2), ("c", 3), ("i", 5)}
    assert g.edges[("c", 1), ("c", 2)]["kind"] == "template"  # suggested beats rejected
    assert g.edges[("c", 1), ("c", 2)]["links"] == (("template", 0.6, "suggested"), ("phone", 1.0, "rejected"))
    assert g.edges[("c", 2), ("c", 3)]["status"] == "confirmed"
    assert g.edges[("c", 1), ("i", 5)]["kind"] == "email"
    assert g.nodes[("i", 5)]["kind"] == "email"


# --------------------------------------------------------------------------- measuring


def test_adjusted_rand_index_known_values() -> None:
    assert adjusted_rand_index([0, 0, 1, 1], [0, 0, 1, 1]) == pytest.approx(1.0)
    assert adjusted_rand_index([0, 0, 1, 1], ["b", "b", "a", "a"]) == pytest.approx(1.0)
    # The textbook example (scikit-learn's documentation): 4/7.
    assert adjusted_rand_index([0, 0, 1, 2], [0, 0, 1, 1]) == pytest.approx(4 / 7)
    assert adjusted_rand_index([0, 0, 1, 1], [0, 0, 1, 2]) == pytest.approx(4 / 7)
    # Everything in one cluster against all singletons: no agreement beyond chance.
    assert adjusted_rand_index([0, 0, 0, 0], [0, 1, 2, 3]) == pytest.approx(0.0)
    # Worse than chance is negative.
    assert adjusted_rand_index([0, 0, 1, 1], [0, 1, 0, 1]) == pytest.approx(-0.5)
    # Worked by hand: 3 pairs together in both, 7 together in each labeling, 28 pairs in all:
    # (3 - 7*7/28) / (7 - 7*7/28) = 1.25 / 5.25.
    true = [1, 1, 1, 2, 2, 2, 3, 3]
    pred = [1, 1, 2, 2, 2, 3, 3, 3]
    assert adjusted_rand_index(true, pred) == pytest.approx(1.25 / 5.25)
    with pytest.raises(ValueError):
        adjusted_rand_index([0, 1], [0])


def test_proposal_labels_cover_every_complaint() -> None:
    proposals = propose_groups(clique(A) + clique(B))
    labels = proposal_labels(proposals, [1, 2, 11, 50, 51])
    assert labels[1] == labels[2] == proposal_key(A)
    assert labels[11] == proposal_key(B)
    assert labels[50] != labels[51] and labels[50] not in (labels[1], labels[11])
    truth = {**{c: "a" for c in A}, **{c: "b" for c in B}, 50: "x", 51: "y"}
    ids = sorted(truth)
    predicted = proposal_labels(proposals, ids)
    assert adjusted_rand_index([truth[i] for i in ids], [predicted[i] for i in ids]) == pytest.approx(1.0)
