"""Agent-group proposals: complaints that the links say were produced by one agent or one group.

Input is the link table (``LinkEdge``: two complaints, a ``LinkKind``, a detector score and a review
status) and, optionally, shared identifiers (``SharedIdentifier``: one phone, address, WeChat ... and
every complaint using it). Output is a list of ``GroupProposal`` for a person to review and turn into
an ``AgentGroup``.

Which evidence counts
    Rejected links are ignored. Confirmed links always count. Suggested links count when strong:
    score >= ``DEFAULT_MIN_SCORES[kind]`` (template text 0.5; identifier kinds, voice, image and
    manual links count at any score). A shared identifier links all of its complaints to each
    other, unless more than ``max_identifier_complaints`` (default 500) complaints use it: such an
    identifier (a call-centre number, a big trade mall) is noise, not evidence.
    A rejected link removes only that link: two complaints that also share an identifier stay
    linked through it.

Weights (for peeling and splitting)
    Confirmed link 2.0; suggested voice, image, manual and identifier-kind links 1.0; suggested
    template link 0.5 (a stock sentence can be shared by unrelated people; a phone or a voice
    cannot). A shared identifier used by k complaints weighs min(1, 2/(k-1)) per pair: 1.0 up to
    three users, beyond that each complaint gets 2.0 in all from it, so a 60-complaint address hub
    cannot outweigh the links that hold real groups together. Parallel links between a pair add up.

From links to proposals
    1. Complaints with less than ``min_member_weight`` (default 1.0) of link weight are peeled
       off, repeatedly: a complaint needs one strong link, one shared identifier or two template
       links to join a proposal (one stock sentence shared with one member is not enough).
    2. Connected components of the complaint graph (identifiers projected out) are found with
       ``scipy.sparse.csgraph.connected_components``; components smaller than ``min_size`` are
       dropped.
    3. A component is kept whole when it is cohesive, judged on its 2-core (trees hanging off the
       core stay with it unless one of them reaches ``min_size``): link density (linked pairs /
       possible pairs) >= 0.75 and every complaint linked to at least half of the others. For an
       unweighted graph this guarantees that no subset has a conductance below 1/4 (see
       ``_is_cohesive``), so there is nothing loosely attached to cut off. Agent groups tied by
       one phone are cliques and take this path, which is also the fast one.
    4. Any other component is split with Louvain community detection (weighted, fixed seed). A
       community is accepted as a group of its own only when it is well separated from the rest of
       the component: weighted conductance cut(C) / min(vol(C), vol(rest)) <= ``max_conductance``
       (default 0.2). Two agent groups bridged by one weak template link or by one genuine
       complaint sharing a stock sentence have a conductance of a few per cent and are split; a
       community Louvain carved out of a uniformly linked group has a conductance around 0.5 and is
       merged back. What is merged back is cut into its connected components. The peel of step 1
       then runs inside each cluster, which leaves out a genuine complaint that bridged two groups.
    5. Clusters with >= ``min_size`` complaints become proposals. A proposal whose members equal an
       existing group's members is dropped; others list the existing groups they overlap.

``strength`` is the sum over linked member pairs of the best link score (confirmed links and shared
identifiers count 1.0) divided by the number of possible pairs: the mean link score times the link
density, 0..1. A clique of confirmed links has strength 1.0; a chain of suggested template links a
low one.

The component, weighting and statistics steps are vectorised (numpy, scipy.sparse); only the
components that are not cohesive go through networkx. ``build_graph`` gives the raw bipartite graph
for display. ``adjusted_rand_index`` and ``proposal_labels`` measure proposals against ground truth
in benchmarks.

No Qt, no SQLAlchemy: numpy, scipy, networkx and the domain enums only.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import networkx as nx
import numpy as np
from networkx.algorithms.community import louvain_communities
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from greyline.domain.enums import LinkKind, LinkStatus

__all__ = [
    "CONFIRMED_WEIGHT",
    "COHESIVE_DENSITY",
    "DEFAULT_MAX_CONDUCTANCE",
    "DEFAULT_MAX_IDENTIFIER_COMPLAINTS",
    "DEFAULT_MIN_MEMBER_WEIGHT",
    "DEFAULT_MIN_SCORES",
    "IDENTIFIER_WEIGHT",
    "KIND_WEIGHTS",
    "LOUVAIN_SEED",
    "GroupProposal",
    "LinkEdge",
    "SharedIdentifier",
    "adjusted_rand_index",
    "build_graph",
    "proposal_key",
    "proposal_labels",
    "propose_groups",
]

# Suggested links below these scores are not evidence enough to join a group; kinds not listed
# count at any score (an identical phone number or a voiceprint match is already a strong signal).
DEFAULT_MIN_SCORES: Mapping[str, float] = MappingProxyType({LinkKind.TEMPLATE.value: 0.5})

# Edge weights used for splitting loosely joined components (see the module docstring).
KIND_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {kind.value: (0.5 if kind is LinkKind.TEMPLATE else 1.0) for kind in LinkKind}
)
CONFIRMED_WEIGHT = 2.0
# Weight of one pair of complaints sharing an identifier used by k complaints:
# IDENTIFIER_WEIGHT * min(1, 2 / (k - 1)). Up to three users each pair weighs as much as a strong
# link; beyond, each complaint gets at most 2.0 in total from one identifier, so a 60-complaint
# address hub cannot outweigh the template and voice links that hold real groups together.
IDENTIFIER_WEIGHT = 1.0

DEFAULT_MAX_IDENTIFIER_COMPLAINTS = 500
DEFAULT_MAX_CONDUCTANCE = 0.2
# A complaint joins a proposal only with at least this much link weight to other members: one
# confirmed link, one shared identifier, one voice/image/identifier-kind link, or two template links.
DEFAULT_MIN_MEMBER_WEIGHT = 1.0
COHESIVE_DENSITY = 0.75
LOUVAIN_SEED = 20240415

_KINDS: tuple[str, ...] = tuple(k.value for k in LinkKind)
_KIND_INDEX = {k: i for i, k in enumerate(_KINDS)}
_STATUSES = frozenset(s.value for s in LinkStatus)


@dataclass(frozen=True)
class LinkEdge:
    """A link between two complaints, as stored in the link table."""

    a: int
    b: int
    kind: str        # LinkKind value
    score: float     # detector score, 0..1
    status: str      # LinkStatus value: 'suggested' | 'confirmed' | 'rejected'


@dataclass(frozen=True)
class SharedIdentifier:
    """One identifier (a phone, an address ...) and the complaints using it."""

    identifier_id: int
    complaint_ids: frozenset[int]
    kind: str        # LinkKind value matching the identifier's type


@dataclass(frozen=True)
class GroupProposal:
    """Complaints proposed as one agent group, with the evidence inside it."""

    key: str                          # stable id: first 12 hex digits of sha1 of the sorted members
    members: tuple[int, ...]          # sorted complaint ids
    identifier_ids: tuple[int, ...]   # shared identifiers used by >= 2 members, sorted
    kinds: dict[str, int]             # link kind -> number of linked member pairs of that kind
    strength: float                   # mean link score x link density, 0..1
    existing_group_ids: tuple[int, ...]  # existing groups holding some of the members, sorted

    @property
    def size(self) -> int:
        return len(self.members)


def proposal_key(members: Iterable[int]) -> str:
    """The stable key of a set of complaint ids (independent of order)."""
    text = ",".join(str(m) for m in sorted(set(int(m) for m in members)))
    return hashlib.sha1(text.encode("ascii")).hexdigest()[:12]


def _check_kind(kind: str) -> str:
    if kind not in _KIND_INDEX:
        raise ValueError(f"unknown link kind {kind!r}")
    return kind


def _check_status(status: str) -> str:
    if status not in _STATUSES:
        raise ValueError(f"unknown link status {status!r}")
    return status


# --------------------------------------------------------------------------- raw graph


def build_graph(edges: Iterable[LinkEdge], identifiers: Iterable[SharedIdentifier] = ()) -> nx.Graph:
    """The raw link graph for display: every link and identifier use, nothing filtered.

    Nodes are ``('c', complaint_id)`` and ``('i', identifier_id)`` (with attribute ``kind``).
    A complaint-complaint edge carries ``kind``, ``score`` and ``status`` of its most telling link
    (confirmed before suggested before rejected, then the higher score) and ``links``, a tuple of
    ``(kind, score, status)`` for every link between the pair. A complaint-identifier edge carries the
    identifier's ``kind``, ``score`` 1.0 and status 'confirmed' (a shared identifier is a fact).
    """
    rank = {LinkStatus.CONFIRMED.value: 2, LinkStatus.SUGGESTED.value: 1, LinkStatus.REJECTED.value: 0}
    g = nx.Graph()
    links: dict[tuple[int, int], list[tuple[str, float, str]]] = defaultdict(list)
    for e in edges:
        _check_kind(e.kind)
        _check_status(e.status)
        if e.a == e.b:
            continue
        pair = (e.a, e.b) if e.a < e.b else (e.b, e.a)
        links[pair].append((e.kind, float(e.score), e.status))
    for (a, b), items in links.items():
        best = max(items, key=lambda t: (rank[t[2]], t[1]))
        g.add_edge(("c", a), ("c", b), kind=best[0], score=best[1], status=best[2], links=tuple(items))
    for ident in identifiers:
        _check_kind(ident.kind)
        node = ("i", ident.identifier_id)
        g.add_node(node, kind=ident.kind)
        for cid in ident.complaint_ids:
            g.add_edge(("c", cid), node, kind=ident.kind, score=1.0, status=LinkStatus.CONFIRMED.value)
    return g


# --------------------------------------------------------------------------- proposals


@dataclass
class _Links:
    """Every counted link as parallel arrays over local complaint indices (lo < hi)."""

    lo: np.ndarray      # int64
    hi: np.ndarray      # int64
    kind: np.ndarray    # int64 index into _KINDS
    score: np.ndarray   # float64, score for strength
    weight: np.ndarray  # float64, weight for splitting


def _collect_edges(
    edges: Iterable[LinkEdge], min_scores: Mapping[str, float]
) -> tuple[list[int], list[int], list[int], list[float], list[float]]:
    a_ids: list[int] = []
    b_ids: list[int] = []
    kinds: list[int] = []
    scores: list[float] = []
    weights: list[float] = []
    confirmed = LinkStatus.CONFIRMED.value
    suggested = LinkStatus.SUGGESTED.value
    for e in edges:
        status = e.status
        kind = e.kind
        k = _KIND_INDEX.get(kind)
        if k is None:
            _check_kind(kind)
        if status == confirmed:
            score, weight = 1.0, CONFIRMED_WEIGHT
        elif status == suggested:
            score = float(e.score)
            if score < min_scores.get(kind, 0.0):
                continue
            score = min(max(score, 0.0), 1.0)
            weight = KIND_WEIGHTS[kind]
        else:
            _check_status(status)
            continue  # rejected
        if e.a == e.b:
            continue
        a_ids.append(e.a)
        b_ids.append(e.b)
        kinds.append(k)  # type: ignore[arg-type]
        scores.append(score)
        weights.append(weight)
    return a_ids, b_ids, kinds, scores, weights


def _identifier_links(
    memberships: list[tuple[int, int, int]], n: int, all_ids: np.ndarray
) -> tuple[_Links, np.ndarray, np.ndarray]:
    """Project identifiers to complaint pairs, per kind, with sparse products (C speed).

    ``memberships`` holds (identifier row, complaint id, kind index). Returns the pair links and the
    membership arrays (identifier row, local complaint index).
    """
    if not memberships:
        empty_i = np.empty(0, dtype=np.int64)
        return _Links(empty_i, empty_i, empty_i, np.empty(0), np.empty(0)), empty_i, empty_i
    m = np.asarray(memberships, dtype=np.int64)
    rows, cids, kind_of = m[:, 0], m[:, 1], m[:, 2]
    local = np.searchsorted(all_ids, cids)
    parts_lo, parts_hi, parts_kind, parts_count = [], [], [], []
    n_ident = int(rows.max()) + 1
    # A hub ties its members less tightly the more complaints share it (see IDENTIFIER_WEIGHT).
    users = np.bincount(rows, minlength=n_ident).astype(np.float64)
    pair_weight = IDENTIFIER_WEIGHT * np.minimum(1.0, 2.0 / np.maximum(users - 1, 1))
    for k in np.unique(kind_of):
        sel = kind_of == k
        inc = sparse.csr_matrix(
            (np.ones(int(sel.sum())), (local[sel], rows[sel])), shape=(n, n_ident)
        )
        inc.data[:] = np.sqrt(pair_weight[inc.indices])  # so that inc @ inc.T sums pair weights
        co = sparse.triu(inc @ inc.T, k=1).tocoo()
        parts_lo.append(co.row.astype(np.int64))
        parts_hi.append(co.col.astype(np.int64))
        parts_kind.append(np.full(co.nnz, k, dtype=np.int64))
        parts_count.append(co.data)
    lo = np.concatenate(parts_lo)
    count = np.concatenate(parts_count)
    links = _Links(lo, np.concatenate(parts_hi), np.concatenate(parts_kind), np.ones(len(lo)), count)
    return links, rows, local


def _is_cohesive(size: int, pairs: int, min_degree: int) -> bool:
    """True when no part of the component can be loosely attached.

    With density d >= 3/4 and minimum degree >= (n-1)/2, a node set S of s <= n/2 nodes either has
    s <= n/4, and then each node of S has >= (n-1)/2 - s + 1 neighbours outside S, so its conductance
    is at least ~1/2 - s/n >= 1/4; or n/4 < s <= n/2, and then at most s^2/2 + (n-s)^2/2 of the
    >= 3n^2/8 edges lie inside S or its complement, so the cut is at least n^2(x - x^2 - 1/8)
    (x = s/n) and the conductance at least (x - x^2 - 1/8)/(x - 1/8) >= 1/3.
    """
    if size < 2:
        return True
    possible = size * (size - 1) / 2
    return pairs / possible >= COHESIVE_DENSITY and min_degree >= (size - 1) / 2


def _split_component(
    nodes: np.ndarray, lo: np.ndarray, hi: np.ndarray, weight: np.ndarray, max_conductance: float
) -> list[np.ndarray]:
    """Split one component (local indices ``nodes``; its pairs ``lo``-``hi``) into clusters."""
    g = nx.Graph()
    g.add_nodes_from(nodes.tolist())
    g.add_weighted_edges_from(zip(lo.tolist(), hi.tolist(), weight.tolist()))
    communities = louvain_communities(g, weight="weight", seed=LOUVAIN_SEED)
    if len(communities) < 2:
        return [nodes]
    # Weighted conductance of each community against the rest of the component.
    position = {node: i for i, node in enumerate(nodes.tolist())}
    comm_of = np.empty(len(nodes), dtype=np.int64)
    for ci, comm in enumerate(communities):
        for node in comm:
            comm_of[position[node]] = ci
    local_lo = np.searchsorted(nodes, lo)
    local_hi = np.searchsorted(nodes, hi)
    c_lo, c_hi = comm_of[local_lo], comm_of[local_hi]
    n_comm = len(communities)
    vol = np.bincount(c_lo, weights=weight, minlength=n_comm) + np.bincount(
        c_hi, weights=weight, minlength=n_comm
    )
    crossing = c_lo != c_hi
    cut = np.bincount(c_lo[crossing], weights=weight[crossing], minlength=n_comm) + np.bincount(
        c_hi[crossing], weights=weight[crossing], minlength=n_comm
    )
    total = vol.sum()
    denominator = np.minimum(vol, total - vol)
    with np.errstate(divide="ignore", invalid="ignore"):
        conductance = np.where(denominator > 0, cut / denominator, np.inf)
    separated = conductance <= max_conductance
    if not separated.any():
        return [nodes]
    clusters = [nodes[comm_of == ci] for ci in np.flatnonzero(separated)]
    rest_mask = ~separated[comm_of]
    if rest_mask.any():
        # What is merged back may fall apart once the separated communities are gone.
        rest = nodes[rest_mask]
        inside = rest_mask[local_lo] & rest_mask[local_hi]
        r_lo = np.searchsorted(rest, lo[inside])
        r_hi = np.searchsorted(rest, hi[inside])
        graph = sparse.coo_matrix((np.ones(len(r_lo)), (r_lo, r_hi)), shape=(len(rest), len(rest)))
        n_parts, part = connected_components(graph, directed=False)
        clusters.extend(rest[part == p] for p in range(n_parts))
    return clusters


def _peel(n: int, lo: np.ndarray, hi: np.ndarray, weight: np.ndarray, minimum: float,
          group: np.ndarray | None = None) -> np.ndarray:
    """Nodes left after repeatedly removing those whose summed link weight is below ``minimum``.

    With ``group``, only links between nodes of the same group count. Returns a boolean mask.
    """
    alive = np.ones(n, dtype=bool)
    usable = np.ones(len(lo), dtype=bool) if group is None else group[lo] == group[hi]
    while True:
        live = usable & alive[lo] & alive[hi]
        total = np.bincount(lo[live], weights=weight[live], minlength=n) + np.bincount(
            hi[live], weights=weight[live], minlength=n)
        drop = alive & (total < minimum - 1e-9)
        if not drop.any():
            return alive
        alive &= ~drop


def _cluster(n: int, p_lo: np.ndarray, p_hi: np.ndarray, p_weight: np.ndarray, *, min_size: int,
             min_member_weight: float, max_conductance: float) -> np.ndarray:
    """Cluster label per complaint (-1: in no proposal), from the linked pairs."""
    label = np.full(n, -1, dtype=np.int64)
    member = _peel(n, p_lo, p_hi, p_weight, min_member_weight)
    live = member[p_lo] & member[p_hi]
    lo, hi, weight = p_lo[live], p_hi[live], p_weight[live]
    adjacency = sparse.coo_matrix((np.ones(len(lo)), (lo, hi)), shape=(n, n))
    n_comp, comp = connected_components(adjacency, directed=False)
    comp_size = np.bincount(comp, minlength=n_comp)

    # Cohesion is judged on each component's 2-core (trees hanging off it cannot be a separate
    # group unless they reach min_size themselves; Louvain would only add them to their anchor).
    ones = np.ones(len(lo))
    core = _peel(n, lo, hi, ones, 2.0)
    in_core = core[lo] & core[hi]
    core_size = np.bincount(comp[core], minlength=n_comp)
    core_pairs = np.bincount(comp[lo[in_core]], minlength=n_comp)
    core_degree = np.bincount(lo[in_core], minlength=n) + np.bincount(hi[in_core], minlength=n)
    big = np.iinfo(np.int64).max
    core_min_degree = np.full(n_comp, big, dtype=np.int64)
    np.minimum.at(core_min_degree, comp[core], core_degree[core])
    in_tree = ~core[lo] & ~core[hi]
    tree_graph = sparse.coo_matrix((ones[in_tree], (lo[in_tree], hi[in_tree])), shape=(n, n))
    _, tree = connected_components(tree_graph, directed=False)
    tree_size = np.bincount(tree[~core], minlength=n)
    max_tree = np.zeros(n_comp, dtype=np.int64)
    np.maximum.at(max_tree, comp[~core], tree_size[tree[~core]])

    has_member = np.bincount(comp[member], minlength=n_comp) > 0  # peeled nodes are singletons
    candidates = np.flatnonzero((comp_size >= min_size) & has_member)
    whole = np.zeros(n_comp, dtype=bool)
    split = []
    for c in candidates.tolist():
        size = int(comp_size[c])
        if size <= min_size or (
            max_tree[c] < min_size and core_size[c] >= 2
            and _is_cohesive(int(core_size[c]), int(core_pairs[c]), int(core_min_degree[c]))
        ):
            whole[c] = True
        else:
            split.append(c)
    take = whole[comp] & member
    label[take] = comp[take]
    if split:
        next_label = n_comp
        pair_comp = comp[lo]
        order = np.argsort(pair_comp, kind="stable")
        sorted_comp = pair_comp[order]
        by_comp = np.argsort(comp, kind="stable")
        starts = np.concatenate([[0], np.cumsum(comp_size)[:-1]])
        for c in split:
            sl = order[np.searchsorted(sorted_comp, c, "left"):np.searchsorted(sorted_comp, c, "right")]
            nodes = np.sort(by_comp[starts[c]:starts[c] + comp_size[c]])
            for cluster in _split_component(nodes, lo[sl], hi[sl], weight[sl], max_conductance):
                label[cluster] = next_label
                next_label += 1
        # A complaint that Louvain put with a group it is only weakly tied to (the genuine complaint
        # bridging two groups) is left out, as the first peel did for the whole graph.
        keep = _peel(n, lo, hi, weight, min_member_weight, group=label)
        label[~keep] = -1
    # Clusters that ended up too small are no proposals.
    counts = np.bincount(label[label >= 0])
    small = np.flatnonzero((counts > 0) & (counts < min_size))
    label[np.isin(label, small)] = -1
    return label


def propose_groups(
    edges: Iterable[LinkEdge],
    identifiers: Iterable[SharedIdentifier] = (),
    *,
    min_size: int = 3,
    existing: Mapping[int, Iterable[int]] = MappingProxyType({}),
    max_identifier_complaints: int = DEFAULT_MAX_IDENTIFIER_COMPLAINTS,
    min_scores: Mapping[str, float] = DEFAULT_MIN_SCORES,
    max_conductance: float = DEFAULT_MAX_CONDUCTANCE,
    min_member_weight: float = DEFAULT_MIN_MEMBER_WEIGHT,
) -> list[GroupProposal]:
    """Propose agent groups from links and shared identifiers (rules in the module docstring).

    ``existing`` maps existing group ids to their member complaint ids. Proposals are sorted by size
    (largest first), then key. Raises ``ValueError`` for an unknown link kind or status.
    """
    if min_size < 2:
        raise ValueError("min_size must be at least 2")

    a_ids, b_ids, e_kind, e_score, e_weight = _collect_edges(edges, min_scores)

    memberships: list[tuple[int, int, int]] = []   # (identifier row, complaint id, kind index)
    identifier_id_of_row: list[int] = []
    for ident in identifiers:
        k = _KIND_INDEX.get(ident.kind)
        if k is None:
            _check_kind(ident.kind)
        members = set(ident.complaint_ids)
        if len(members) < 2 or len(members) > max_identifier_complaints:
            continue
        row = len(identifier_id_of_row)
        identifier_id_of_row.append(ident.identifier_id)
        memberships.extend((row, cid, k) for cid in members)  # type: ignore[misc]

    # Local indices 0..n-1 for every complaint that carries counted evidence.
    ids_parts = [np.asarray(a_ids, dtype=np.int64), np.asarray(b_ids, dtype=np.int64)]
    if memberships:
        ids_parts.append(np.fromiter((m[1] for m in memberships), dtype=np.int64, count=len(memberships)))
    all_ids = np.unique(np.concatenate(ids_parts))
    n = len(all_ids)
    if n == 0:
        return []

    ea = np.searchsorted(all_ids, ids_parts[0])
    eb = np.searchsorted(all_ids, ids_parts[1])
    edge_links = _Links(np.minimum(ea, eb), np.maximum(ea, eb), np.asarray(e_kind, dtype=np.int64),
                        np.asarray(e_score, dtype=np.float64), np.asarray(e_weight, dtype=np.float64))
    ident_links, mem_rows, mem_local = _identifier_links(memberships, n, all_ids)

    lo = np.concatenate([edge_links.lo, ident_links.lo])
    hi = np.concatenate([edge_links.hi, ident_links.hi])
    kind = np.concatenate([edge_links.kind, ident_links.kind])
    score = np.concatenate([edge_links.score, ident_links.score])
    weight = np.concatenate([edge_links.weight, ident_links.weight])

    # One row per linked pair: summed weight (splitting) and best score (strength).
    pair_key = lo * n + hi
    pairs, pair_of_link = np.unique(pair_key, return_inverse=True)
    p_lo, p_hi = pairs // n, pairs % n
    p_weight = np.bincount(pair_of_link, weights=weight, minlength=len(pairs))
    p_score = np.zeros(len(pairs))
    np.maximum.at(p_score, pair_of_link, score)

    label = _cluster(n, p_lo, p_hi, p_weight, min_size=min_size, min_member_weight=min_member_weight,
                     max_conductance=max_conductance)
    return _proposals(label, all_ids, lo, hi, kind, p_lo, p_hi, p_score, mem_rows, mem_local,
                      identifier_id_of_row, existing)


def _proposals(
    label: np.ndarray,
    all_ids: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
    kind: np.ndarray,
    p_lo: np.ndarray,
    p_hi: np.ndarray,
    p_score: np.ndarray,
    mem_rows: np.ndarray,
    mem_local: np.ndarray,
    identifier_id_of_row: list[int],
    existing: Mapping[int, Iterable[int]],
) -> list[GroupProposal]:
    """Turn cluster labels into proposals with their statistics (vectorised over all clusters)."""
    labels, dense = np.unique(label, return_inverse=True)
    keep = labels >= 0
    if not keep.any():
        return []
    # Dense cluster numbers 0..m-1 for the kept labels, -1 for complaints in no proposal.
    remap = np.where(keep, np.cumsum(keep) - 1, -1)
    cluster = remap[dense]
    m = int(keep.sum())
    size = np.bincount(cluster[cluster >= 0], minlength=m)

    # Linked pairs per kind: distinct (pair, kind) inside one cluster.
    n = len(all_ids)
    n_kinds = len(_KINDS)
    same = (cluster[lo] == cluster[hi]) & (cluster[lo] >= 0)
    pk = np.unique((lo[same] * n + hi[same]) * n_kinds + kind[same])
    pk_kind = pk % n_kinds
    pk_cluster = cluster[(pk // n_kinds) // n]
    kind_counts = np.bincount(pk_cluster * n_kinds + pk_kind, minlength=m * n_kinds).reshape(m, n_kinds)

    # Strength: best score summed over linked member pairs / possible pairs.
    p_same = (cluster[p_lo] == cluster[p_hi]) & (cluster[p_lo] >= 0)
    score_sum = np.bincount(cluster[p_lo][p_same], weights=p_score[p_same], minlength=m)
    possible = size * (size - 1) / 2
    strength = np.clip(score_sum / possible, 0.0, 1.0)

    # Shared identifiers used by at least two members of one cluster.
    idents: list[list[int]] = [[] for _ in range(m)]
    if len(mem_rows):
        mc = cluster[mem_local]
        inside = mc >= 0
        combo, counts = np.unique(mc[inside] * (len(identifier_id_of_row) + 1) + mem_rows[inside],
                                  return_counts=True)
        for value in combo[counts >= 2].tolist():
            c, row = divmod(value, len(identifier_id_of_row) + 1)
            idents[c].append(identifier_id_of_row[row])

    groups_of: dict[int, set[int]] = defaultdict(set)
    existing_sets: dict[int, frozenset[int]] = {}
    for gid, members in existing.items():
        existing_sets[gid] = frozenset(int(x) for x in members)
        for cid in existing_sets[gid]:
            groups_of[cid].add(gid)

    order = np.argsort(cluster, kind="stable")
    bounds = np.searchsorted(cluster[order], np.arange(m + 1))
    out: list[GroupProposal] = []
    for c in range(m):
        members = tuple(sorted(all_ids[order[bounds[c]:bounds[c + 1]]].tolist()))
        touching: set[int] = set()
        for cid in members:
            touching |= groups_of.get(cid, set())
        member_set = frozenset(members)
        if any(existing_sets[gid] == member_set for gid in touching):
            continue
        out.append(GroupProposal(
            key=proposal_key(members),
            members=members,
            identifier_ids=tuple(sorted(idents[c])),
            kinds={_KINDS[k]: int(v) for k, v in enumerate(kind_counts[c].tolist()) if v},
            strength=float(strength[c]),
            existing_group_ids=tuple(sorted(touching)),
        ))
    out.sort(key=lambda p: (-len(p.members), p.key))
    return out


# --------------------------------------------------------------------------- measuring


def proposal_labels(proposals: Iterable[GroupProposal], all_ids: Iterable[int]) -> dict[int, str]:
    """Each complaint id in ``all_ids`` -> its proposal's key, or a label of its own when in none.

    Proposals from ``propose_groups`` do not overlap; if given overlapping ones, the first wins.
    """
    key_of: dict[int, str] = {}
    for p in proposals:
        for cid in p.members:
            key_of.setdefault(cid, p.key)
    return {cid: key_of.get(cid, f"single:{cid}") for cid in all_ids}


def _codes(labels: Sequence[Hashable]) -> np.ndarray:
    numbers: dict[Hashable, int] = {}
    return np.fromiter((numbers.setdefault(x, len(numbers)) for x in labels), dtype=np.int64, count=len(labels))


def adjusted_rand_index(labels_true: Sequence[Hashable], labels_pred: Sequence[Hashable]) -> float:
    """Adjusted Rand index (Hubert and Arabie 1985) of two labelings of the same items.

    1.0 for identical partitions (label names do not matter), about 0.0 for independent ones,
    negative when worse than chance. When both partitions are trivial in the same way (all in one
    cluster, or all singletons) the index is defined as 1.0, as in scikit-learn.
    """
    if len(labels_true) != len(labels_pred):
        raise ValueError("labelings must have the same length")
    n = len(labels_true)
    if n < 2:
        return 1.0
    t = _codes(labels_true)
    p = _codes(labels_pred)
    _, cell = np.unique(t * (int(p.max()) + 1) + p, return_counts=True)

    def pairs(counts: np.ndarray) -> int:
        counts = counts.astype(np.int64)
        return int((counts * (counts - 1) // 2).sum())

    index = pairs(cell)
    sum_true = pairs(np.bincount(t))
    sum_pred = pairs(np.bincount(p))
    total = n * (n - 1) // 2
    expected = sum_true * sum_pred / total
    maximum = (sum_true + sum_pred) / 2
    if maximum == expected:
        return 1.0
    return float((index - expected) / (maximum - expected))
