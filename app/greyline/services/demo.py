"""Loading the synthetic demo corpus through the ordinary services.

Everything goes through the same checks and audit trail as real work: rows through the importer,
files through the evidence vault, groups and referrals through their services. Running it twice adds
nothing the second time (rows are keyed by channel and work-order number).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable

from greyline.demo.generator import IMPORT_KEYS, generate
from greyline.domain.enums import (
    ComplaintStatus,
    EvidenceKind,
    GroupStatus,
    Indicator,
    PartyKind,
    PartyRole,
    ReferralDecision,
    ReferralTarget,
)
from greyline.services import complaints, evidence, groups, referrals
from greyline.services.context import ServiceContext
from greyline.services.importing import import_rows

KIND = {"recording": EvidenceKind.RECORDING, "document": EvidenceKind.DOCUMENT,
        "screenshot": EvidenceKind.SCREENSHOT}


def load_demo(ctx: ServiceContext, n_complaints: int = 300, seed: int = 7, *, with_files: bool = True,
              progress: Callable[[int, int, str], None] | None = None) -> dict[str, int]:
    corpus = generate(n_complaints, seed, with_files=with_files)
    rows = [[r[k] for k in IMPORT_KEYS] for r in corpus.rows]
    digest = hashlib.sha256(repr(rows).encode("utf-8")).hexdigest()
    result = import_rows(ctx, list(IMPORT_KEYS), iter(rows), f"demo(seed={seed}, n={n_complaints})", digest,
                         progress=progress)
    summary = {"complaints_created": result.created, "complaints_skipped": result.skipped_existing,
               "evidence": 0, "groups": 0}
    if result.created == 0:
        return summary
    with ctx.uow() as uow:
        ids = uow.repo.existing_external_ids((r["channel"], r["external_id"]) for r in corpus.rows)
    by_ext = {ext: cid for (_, ext), cid in ids.items()}

    for n, ev in enumerate(corpus.evidence, start=1):
        evidence.attach_bytes(ctx, ev.data, ev.filename, KIND.get(ev.kind, EvidenceKind.OTHER),
                              complaint_id=by_ext[ev.external_id], note=ev.note, source="演示数据：客户提交")
        summary["evidence"] += 1
        if progress is not None:
            progress(n, len(corpus.evidence), "evidence")

    # Handlers' manual work on the group complaints: indicators they ticked and statuses they set.
    for g in corpus.groups:
        for i, ext in enumerate(g.members):
            cid = by_ext[ext]
            complaints.set_indicator(ctx, cid, Indicator.REFUSES_CONTACT, "客户拒绝直接沟通，要求联系其“代理人”")
            if i % 2 == 0:
                complaints.set_indicator(ctx, cid, Indicator.DEMANDS, "要求全额减免罚息并停止催收，威胁媒体曝光")
            if i % 3 == 0:
                complaints.change_status(ctx, cid, ComplaintStatus.CHECKING, 1)

    # Legal staff have opened cases for the first groups; the first one has been referred to police.
    today = dt.date.today()
    for gi, g in enumerate(corpus.groups[: max(1, (len(corpus.groups) + 1) // 2)]):
        gid, _ = groups.create_group(ctx, g.title, [by_ext[e] for e in g.members],
                                     f"演示数据：{len(g.members)} 笔投诉共用联系电话与地址")
        groups.add_suspect(ctx, gid, groups.SuspectDraft(PartyKind.PERSON, g.agent_name,
                                                         PartyRole.SUSPECTED_AGENT, phones=(g.agent_phone,),
                                                         wechat=g.wechat))
        groups.add_suspect(ctx, gid, groups.SuspectDraft(PartyKind.ORGANISATION, g.company_name,
                                                         PartyRole.AGENT_COMPANY, id_number=g.credit_code,
                                                         address=g.address))
        groups.add_note(ctx, gid, "多名投诉人留有同一联系电话，投诉文本高度雷同，已向出具证明的医院核实。")
        summary["groups"] += 1
        if gi == 0:
            groups.set_status(ctx, gid, GroupStatus.READY, 1)
            sent = today - dt.timedelta(days=20)
            rid = referrals.record_referral(ctx, gid, referrals.ReferralDraft(
                ReferralTarget.POLICE, "深圳市公安局福田分局", sent, package_name="报案材料（演示）.pdf"))
            referrals.record_decision(ctx, rid, ReferralDecision.ACCEPTED, sent + dt.timedelta(days=3),
                                      document_no="深公福受案字〔2026〕1234号")
    return summary
