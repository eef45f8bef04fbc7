"""The link graph as plain nodes and edges, for the graph page.

Three kinds of node: complaints (``c:<id>``), shared identifiers (``i:<id>``: a phone, address,
e-mail ... used by three or more complaints of at least two customers) and agent groups
(``g:<id>``). Edges are the pair links between complaints (one per link row, with its kind, score,
status and reason), ``uses`` from an identifier to the complaints that carry it and ``member`` from
a group to its complaints.

A store can hold a million links; a drawing can show a few hundred nodes. Filters are pushed into
SQL, the first pass reads only ids, and details (references, reasons) are read for what is kept:

* without a centre, whole connected components are kept, largest first, until ``max_nodes``
  (a component larger than that is cut breadth-first from its best-connected node);
* with ``around_complaint``, the complaint and its neighbours up to two hops, nearest first.

Identifiers are shown masked (``identifiers.masked``); nothing here decrypts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import breadth_first_order, connected_components
from sqlalchemy import String, cast, func, select
from sqlalchemy.orm import Session

from greyline.domain.enums import IdentifierType, LinkKind, RiskLevel
from greyline.storage import tables as t
from greyline.storage.db import Store

USES = "uses"
MEMBER = "member"
# Identifier types that link complaints, and the link kind each stands for (resident ID numbers,
# IP addresses and devices do not: the same ID twice is one customer complaining twice).
IDENTIFIER_LINK_KIND: dict[str, str] = {
    IdentifierType.MOBILE.value: LinkKind.PHONE.value,
    IdentifierType.LANDLINE.value: LinkKind.PHONE.value,
    IdentifierType.EMAIL.value: LinkKind.EMAIL.value,
    IdentifierType.WECHAT.value: LinkKind.WECHAT.value,
    IdentifierType.QQ.value: LinkKind.QQ.value,
    IdentifierType.BANK_ACCOUNT.value: LinkKind.BANK_ACCOUNT.value,
    IdentifierType.CREDIT_CODE.value: LinkKind.CREDIT_CODE.value,
    IdentifierType.ADDRESS.value: LinkKind.ADDRESS.value,
}
SHARED_MIN_COMPLAINTS = 3
SHARED_MIN_CUSTOMERS = 2
_CHUNK = 500   # ids per IN (...) list: well under SQLite's parameter limit

# Nodes are numbered as ints while the graph is large: id * 3 + tag.
_C, _I, _G = 0, 1, 2
_PREFIX = {_C: "c", _I: "i", _G: "g"}
_KIND = {_C: "complaint", _I: "identifier", _G: "group"}


@dataclass(frozen=True)
class GraphNode:
    key: str          # 'c:12', 'i:5', 'g:3'
    kind: str         # 'complaint' | 'identifier' | 'group'
    ref_id: int
    label: str        # complaint reference / masked identifier / group reference
    detail: str       # customer, received date, risk level / identifier type and count / group title
    risk_level: str   # complaints: 'none' | 'level2' | 'level1'; others ''


@dataclass(frozen=True)
class GraphEdge:
    a_key: str
    b_key: str
    kind: str         # a LinkKind value, 'uses' (identifier -> complaint) or 'member' (group -> complaint)
    score: float
    status: str       # links: 'suggested' | 'confirmed' | 'rejected'; uses and member: 'confirmed'
    link_id: int | None
    reason: str


@dataclass(frozen=True)
class GraphData:
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    total_nodes: int          # nodes before cutting to max_nodes (whole graph, or the neighbourhood)
    total_edges: int
    truncated: bool
    centre: str | None = None  # key of around_complaint when it is in the graph

    @property
    def empty(self) -> bool:
        return not self.nodes

    def node(self, key: str) -> GraphNode | None:
        return next((n for n in self.nodes if n.key == key), None)


def node_key(kind: str, ref_id: int) -> str:
    """'complaint', 12 -> 'c:12'."""
    return {"complaint": "c", "identifier": "i", "group": "g"}[kind] + f":{ref_id}"


@dataclass(frozen=True)
class _Filter:
    link_kinds: frozenset[str] | None    # None: every kind
    statuses: tuple[str, ...]
    min_score: float
    ident_types: tuple[str, ...]         # identifier types shown as nodes (empty: none)
    groups: bool

    @classmethod
    def of(cls, kinds: set[str] | None, statuses: Sequence[str], min_score: float) -> _Filter:
        if kinds is None:
            return cls(None, tuple(statuses), min_score, tuple(IDENTIFIER_LINK_KIND), True)
        types = tuple(typ for typ, k in IDENTIFIER_LINK_KIND.items() if k in kinds) if USES in kinds else ()
        return cls(frozenset(kinds - {USES, MEMBER}), tuple(statuses), min_score, types, MEMBER in kinds)

    @property
    def any_links(self) -> bool:
        return bool(self.statuses) and (self.link_kinds is None or bool(self.link_kinds))

    def links(self, *columns):  # noqa: ANN002, ANN202 - a select over links with the filters applied
        lk = t.Link
        stmt = select(*columns).where(lk.complaint_b_id.is_not(None), lk.status.in_(self.statuses))
        if self.link_kinds is not None:
            stmt = stmt.where(lk.kind.in_(sorted(self.link_kinds)))
        if self.min_score > 0:
            stmt = stmt.where(lk.score >= self.min_score)
        return stmt


def _chunks(ids: Iterable[int], size: int = _CHUNK) -> Iterator[list[int]]:
    items = sorted(set(ids))
    for start in range(0, len(items), size):
        yield items[start : start + size]


def graph_data(store: Store, *, kinds: set[str] | None = None,
               statuses: Sequence[str] = ("suggested", "confirmed"), min_score: float = 0.0,
               around_complaint: int | None = None, max_nodes: int = 400) -> GraphData:
    """The link graph, filtered and cut to at most ``max_nodes`` nodes.

    ``kinds``: link kinds to show (LinkKind values), plus ``'uses'`` for shared-identifier nodes (of
    the types whose link kind is also chosen) and ``'member'`` for group nodes; None shows everything.
    ``statuses`` and ``min_score`` apply to links.
    """
    flt = _Filter.of(kinds, statuses, min_score)
    with Session(store.read_engine) as session:
        if around_complaint is not None:
            return _around(session, flt, around_complaint, max(1, max_nodes))
        return _whole(session, flt, max(1, max_nodes))


# --------------------------------------------------------------------------- the whole graph


def _shared_query(flt: _Filter, candidates: list[int] | None = None):  # noqa: ANN202 - a select of identifier ids
    """Identifiers (of the shown types, not marked do-not-correlate) used by three or more
    complaints of at least two customers; only among ``candidates`` when given."""
    ci, i, c = t.ComplaintIdentifier, t.Identifier, t.Complaint
    stmt = (select(ci.identifier_id)
            .join(i, i.id == ci.identifier_id)
            .join(c, c.id == ci.complaint_id)
            .where(i.do_not_correlate.is_(False), i.type.in_(flt.ident_types))
            .group_by(ci.identifier_id)
            .having(func.count(func.distinct(ci.complaint_id)) >= SHARED_MIN_COMPLAINTS,
                    func.count(func.distinct(c.customer_id)) >= SHARED_MIN_CUSTOMERS))
    if candidates is not None:
        return stmt.where(ci.identifier_id.in_(candidates))
    # Most identifiers belong to one complaint: a pass over the identifier index alone leaves the
    # few used three times or more for the joins.
    used_often = (select(ci.identifier_id).group_by(ci.identifier_id)
                  .having(func.count() >= SHARED_MIN_COMPLAINTS))
    return stmt.where(ci.identifier_id.in_(used_often))


def _shared_identifiers(session: Session, flt: _Filter, candidates: Iterable[int]) -> list[int]:
    if not flt.ident_types:
        return []
    out: list[int] = []
    for part in _chunks(candidates):
        out.extend(session.scalars(_shared_query(flt, part)))
    return out


def _pairs(session: Session, first, second, stmt) -> np.ndarray:  # noqa: ANN001
    """Two integer columns of ``stmt``'s rows as an (n, 2) array. The rows come as one
    comma-separated string (group_concat / string_agg): a million rows read in a fraction of the
    time row objects would take."""
    text = session.scalar(stmt.with_only_columns(
        func.aggregate_strings(cast(first, String) + "," + cast(second, String), ",")))
    if not text:
        return np.zeros((0, 2), dtype=np.int64)
    return np.array(text.split(","), dtype=np.int64).reshape(-1, 2)


def _whole(session: Session, flt: _Filter, max_nodes: int) -> GraphData:
    lk, ci, gc = t.Link, t.ComplaintIdentifier, t.GroupComplaint
    none = np.zeros((0, 2), dtype=np.int64)
    link_rows = (_pairs(session, lk.complaint_a_id, lk.complaint_b_id, flt.links(lk.id))
                 if flt.any_links else none)
    use_rows = (_pairs(session, ci.identifier_id, ci.complaint_id,
                       select(ci.identifier_id).where(ci.identifier_id.in_(_shared_query(flt))))
                if flt.ident_types else none)
    if len(use_rows):
        # One edge per identifier and complaint, whatever the roles (unique over one packed column:
        # several times faster than unique rows).
        packed = np.unique((use_rows[:, 0] << 32) | use_rows[:, 1])
        use_rows = np.stack([packed >> 32, packed & 0xFFFFFFFF], axis=1)
    member_rows = _pairs(session, gc.group_id, gc.complaint_id, select(gc.group_id)) if flt.groups else none

    src = np.concatenate([link_rows[:, 0] * 3 + _C, use_rows[:, 0] * 3 + _I, member_rows[:, 0] * 3 + _G])
    dst = np.concatenate([link_rows[:, 1] * 3 + _C, use_rows[:, 1] * 3 + _C, member_rows[:, 1] * 3 + _C])
    codes, inverse = np.unique(np.concatenate([src, dst]), return_inverse=True)
    n, m = len(codes), len(src)
    keep = np.ones(n, dtype=bool) if n <= max_nodes else _largest_components(inverse[:m], inverse[m:], n, max_nodes)
    kept = codes[keep]
    complaints = {int(x) // 3 for x in kept if x % 3 == _C}
    idents = {int(x) // 3 for x in kept if x % 3 == _I}
    groups = {int(x) // 3 for x in kept if x % 3 == _G}
    links, uses, members = _induced(session, flt, complaints, idents, groups)
    ident_ids, ident_n = np.unique(use_rows[:, 0], return_counts=True)
    counts = {int(i): int(k) for i, k in zip(ident_ids, ident_n, strict=True) if int(i) in idents}
    return _assemble(session, kept.tolist(), [lid for lid, _, _ in links], uses, members, counts,
                     total_nodes=n, total_edges=m, truncated=n > len(kept), centre=None)


def _largest_components(a: np.ndarray, b: np.ndarray, n: int, max_nodes: int) -> np.ndarray:
    """Which of ``n`` nodes to keep: whole components, largest first, while they fit; a first
    component too large to fit is cut breadth-first from its node with the most edges."""
    graph = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n)).tocsr()
    n_comp, labels = connected_components(graph, directed=False)
    sizes = np.bincount(labels, minlength=n_comp)
    keep = np.zeros(n, dtype=bool)
    room = max_nodes
    for comp in np.argsort(-sizes, kind="stable"):
        size = int(sizes[comp])
        if size <= room:
            keep[labels == comp] = True
            room -= size
        elif room == max_nodes:
            degree = np.bincount(np.concatenate([a, b]), minlength=n)
            members = np.flatnonzero(labels == comp)
            start = int(members[np.argmax(degree[members])])
            sym = graph + graph.T
            order = breadth_first_order(sym, start, directed=False, return_predecessors=False)
            keep[order[:room]] = True
            room = 0
        if room == 0:
            break
    return keep


# --------------------------------------------------------------------------- around one complaint


def _around(session: Session, flt: _Filter, centre: int, max_nodes: int) -> GraphData:
    """The complaint and its neighbours up to two hops (through links, shared identifiers and
    groups), nearest first, and every shown edge among them."""
    if session.get(t.Complaint, centre) is None:
        return GraphData((), (), 0, 0, False, None)
    complaints: dict[int, int] = {centre: 0}   # id -> hop; dicts keep the order of discovery
    idents: dict[int, int] = {}
    groups: dict[int, int] = {}
    frontier_c, frontier_i, frontier_g = [centre], [], []
    for hop in (1, 2):
        new_c: list[int] = []
        new_i: list[int] = []
        new_g: list[int] = []
        for a, b in _links_touching(session, flt, frontier_c):
            for other in (a, b):
                if other not in complaints:
                    complaints[other] = hop
                    new_c.append(other)
        if flt.ident_types and frontier_c:
            used = _identifiers_of(session, frontier_c)
            for iid in _shared_identifiers(session, flt, used):
                if iid not in idents:
                    idents[iid] = hop
                    new_i.append(iid)
        if flt.groups and frontier_c:
            for part in _chunks(frontier_c):
                for gid in session.scalars(select(t.GroupComplaint.group_id).distinct()
                                           .where(t.GroupComplaint.complaint_id.in_(part))):
                    if gid not in groups:
                        groups[gid] = hop
                        new_g.append(gid)
        for cid in _complaints_of(session, frontier_i, frontier_g):
            if cid not in complaints:
                complaints[cid] = hop
                new_c.append(cid)
        frontier_c, frontier_i, frontier_g = new_c, new_i, new_g

    order = sorted([(h, 3 * c + _C) for c, h in complaints.items()] + [(h, 3 * i + _I) for i, h in idents.items()]
                   + [(h, 3 * g + _G) for g, h in groups.items()], key=lambda p: p[0])
    kept_codes = [code for _, code in order[:max_nodes]]
    kept = set(kept_codes)
    link_pairs, use_pairs, member_pairs = _induced(session, flt, set(complaints), set(idents), set(groups))
    kept_links = [lid for lid, a, b in link_pairs if 3 * a in kept and 3 * b in kept]
    kept_uses = [(i, c) for i, c in use_pairs if 3 * i + _I in kept and 3 * c in kept]
    kept_members = [(g, c) for g, c in member_pairs if 3 * g + _G in kept and 3 * c in kept]
    counts: dict[int, int] = {}
    ci = t.ComplaintIdentifier
    for part in _chunks(idents):
        counts.update(session.execute(select(ci.identifier_id, func.count(func.distinct(ci.complaint_id)))
                                      .where(ci.identifier_id.in_(part)).group_by(ci.identifier_id)).all())
    return _assemble(session, kept_codes, kept_links, kept_uses, kept_members, counts,
                     total_nodes=len(order), total_edges=len(link_pairs) + len(use_pairs) + len(member_pairs),
                     truncated=len(order) > len(kept_codes), centre=f"c:{centre}")


def _links_touching(session: Session, flt: _Filter, complaints: Sequence[int]) -> set[tuple[int, int]]:
    if not flt.any_links:
        return set()
    lk = t.Link
    out: set[tuple[int, int]] = set()
    for part in _chunks(complaints):
        for col in (lk.complaint_a_id, lk.complaint_b_id):
            out.update((a, b) for a, b in session.execute(flt.links(lk.complaint_a_id, lk.complaint_b_id)
                                                          .where(col.in_(part))))
    return out


def _identifiers_of(session: Session, complaints: Sequence[int]) -> set[int]:
    out: set[int] = set()
    ci = t.ComplaintIdentifier
    for part in _chunks(complaints):
        out.update(session.scalars(select(ci.identifier_id).where(ci.complaint_id.in_(part))))
    return out


def _complaints_of(session: Session, idents: Sequence[int], groups: Sequence[int]) -> list[int]:
    out: list[int] = []
    ci, gc = t.ComplaintIdentifier, t.GroupComplaint
    for part in _chunks(idents):
        out.extend(session.scalars(select(ci.complaint_id).distinct().where(ci.identifier_id.in_(part))
                                   .order_by(ci.complaint_id)))
    for part in _chunks(groups):
        out.extend(session.scalars(select(gc.complaint_id).distinct().where(gc.group_id.in_(part))
                                   .order_by(gc.complaint_id)))
    return out


def _induced(session: Session, flt: _Filter, complaints: set[int], idents: set[int],
             groups: set[int]) -> tuple[list[tuple[int, int, int]], list[tuple[int, int]], list[tuple[int, int]]]:
    """Every shown edge among these nodes: (link id, a, b), (identifier, complaint), (group, complaint)."""
    lk, ci, gc = t.Link, t.ComplaintIdentifier, t.GroupComplaint
    links: list[tuple[int, int, int]] = []
    if flt.any_links:
        for part in _chunks(complaints):
            links.extend((lid, a, b) for lid, a, b in session.execute(
                flt.links(lk.id, lk.complaint_a_id, lk.complaint_b_id).where(lk.complaint_a_id.in_(part)))
                if b in complaints)
    uses: set[tuple[int, int]] = set()
    for part in _chunks(idents):
        uses.update((i, c) for i, c in session.execute(select(ci.identifier_id, ci.complaint_id)
                                                       .where(ci.identifier_id.in_(part))) if c in complaints)
    members: list[tuple[int, int]] = []
    for part in _chunks(groups):
        members.extend((g, c) for g, c in session.execute(select(gc.group_id, gc.complaint_id)
                                                          .where(gc.group_id.in_(part))) if c in complaints)
    return links, sorted(uses), members


# --------------------------------------------------------------------------- details of what is kept


def _assemble(session: Session, codes: Sequence[int], link_ids: Sequence[int], uses: Sequence[Sequence[int]],
              members: Sequence[Sequence[int]], ident_counts: dict[int, int], *, total_nodes: int,
              total_edges: int, truncated: bool, centre: str | None) -> GraphData:
    by_tag: dict[int, list[int]] = {_C: [], _I: [], _G: []}
    for code in codes:
        by_tag[int(code) % 3].append(int(code) // 3)
    nodes: list[GraphNode] = []
    c = t.Complaint
    for part in _chunks(by_tag[_C]):
        for cid, ref, name, received, risk in session.execute(
                select(c.id, c.reference, c.customer_name, c.received_at, c.risk_level).where(c.id.in_(part))):
            nodes.append(GraphNode(f"c:{cid}", "complaint", cid, ref, _complaint_detail(name, received, risk), risk))
    i = t.Identifier
    for part in _chunks(by_tag[_I]):
        for iid, typ, masked in session.execute(select(i.id, i.type, i.masked).where(i.id.in_(part))):
            label = IdentifierType(typ).label if typ in IdentifierType._value2member_map_ else typ
            nodes.append(GraphNode(f"i:{iid}", "identifier", iid, masked,
                                   f"{label} · {ident_counts.get(iid, 0)} 笔投诉共用", ""))
    g = t.AgentGroup
    for part in _chunks(by_tag[_G]):
        for gid, ref, title in session.execute(select(g.id, g.reference, g.title).where(g.id.in_(part))):
            nodes.append(GraphNode(f"g:{gid}", "group", gid, ref, title, ""))

    edges: list[GraphEdge] = []
    lk = t.Link
    for part in _chunks(link_ids):
        for lid, a, b, kind, score, status, reason in session.execute(
                select(lk.id, lk.complaint_a_id, lk.complaint_b_id, lk.kind, lk.score, lk.status, lk.reason)
                .where(lk.id.in_(part))):
            edges.append(GraphEdge(f"c:{a}", f"c:{b}", kind, float(score), status, lid, reason))
    labels = {n.ref_id: n for n in nodes if n.kind == "identifier"}
    for iid, cid in uses:
        ident = labels.get(int(iid))
        reason = f"{ident.detail.split(' · ')[0]} {ident.label}" if ident else ""
        edges.append(GraphEdge(f"i:{iid}", f"c:{cid}", USES, 1.0, "confirmed", None, reason))
    for gid, cid in members:
        edges.append(GraphEdge(f"g:{gid}", f"c:{cid}", MEMBER, 1.0, "confirmed", None, "团伙/案件成员"))
    nodes.sort(key=lambda n: (n.kind, n.ref_id))
    edges.sort(key=lambda e: (e.link_id is None, e.link_id or 0, e.a_key, e.b_key))
    return GraphData(tuple(nodes), tuple(edges), total_nodes, total_edges, truncated,
                     centre if centre is not None and any(n.key == centre for n in nodes) else None)


def _complaint_detail(name: str, received: dt.date, risk: str) -> str:
    level = RiskLevel(risk).label if risk in RiskLevel._value2member_map_ else risk
    parts = [name or "（未填客户）", received.isoformat() if received else "", f"风险等级：{level}"]
    return " · ".join(p for p in parts if p)
