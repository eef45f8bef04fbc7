"""Command line ``greyline``: the same services as the window, for scripts, imports and maintenance."""

from __future__ import annotations

import argparse
import csv
import json
import logging
import sys
from pathlib import Path

from greyline import __version__
from greyline.domain.enums import EvidenceKind
from greyline.domain.errors import DomainError, ImportRejected
from greyline.services.bulk import CHECK_PROCESS_FLAG

log = logging.getLogger("greyline")

KINDS = {"recording": EvidenceKind.RECORDING, "document": EvidenceKind.DOCUMENT,
         "screenshot": EvidenceKind.SCREENSHOT, "chat": EvidenceKind.CHAT, "contract": EvidenceKind.CONTRACT,
         "id_copy": EvidenceKind.ID_COPY, "other": EvidenceKind.OTHER}


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="greyline", description="灰线 Greyline: 异常维权投诉证据与移送工作台")
    p.add_argument("--version", action="version", version=f"greyline {__version__}")
    p.add_argument("--db", help="SQLite file path or SQLAlchemy URL (default: GREYLINE_DB or the user data directory)")
    p.add_argument("--user", help="act as this registered user (default: GREYLINE_USER or the login name)")
    sub = p.add_subparsers(dest="command")

    g = sub.add_parser("gui", help="open the desktop application (default)")
    g.add_argument("--demo", action="store_true", help="load demo data first if the store is empty")
    sub.add_parser("init", help="create or upgrade the store")
    d = sub.add_parser("demo", help="fill the store with synthetic demo data")
    d.add_argument("--complaints", type=int, default=300)
    d.add_argument("--seed", type=int, default=7)
    d.add_argument("--no-files", action="store_true", help="skip recordings and images (faster)")
    i = sub.add_parser("import", help="import a CSV or XLSX work-order export (all or nothing)")
    i.add_argument("file", nargs="?", type=Path)
    i.add_argument("--template", type=Path, metavar="FILE.xlsx", help="write an empty import template instead")
    i.add_argument("--map-channel", action="append", default=[], metavar="VALUE=CODE",
                   help="treat this channel value of the file as channel CODE (repeatable)")
    i.add_argument("--default-channel", metavar="CODE",
                   help="channel for rows whose channel is empty or not recognised")
    i.add_argument("--remember-channels", action="store_true",
                   help="keep the --map-channel values as channel aliases for later imports")
    i.add_argument("--rejects", type=Path, metavar="OUT.csv|OUT.xlsx",
                   help="import the good rows; write every rejected row, unchanged, with its reason to OUT")
    i.add_argument("--check", action="store_true", help="only check the file and report; store nothing")
    i.add_argument("--no-detect", action="store_true",
                   help="skip link detection after the import (run `greyline detect` later)")
    a = sub.add_parser("attach", help="attach an evidence file to a complaint")
    a.add_argument("ref", help="reference (GL-2026-000123) or external work-order number")
    a.add_argument("file", type=Path)
    a.add_argument("--kind", required=True, choices=sorted(KINDS))
    a.add_argument("--note", default="")
    ls = sub.add_parser("list", help="list complaints")
    ls.add_argument("--format", choices=("table", "json", "csv"), default="table")
    ls.add_argument("--search", default="")
    ls.add_argument("--limit", type=int, default=0, help="at most this many (default: all)")
    sub.add_parser("verify", help="check database, every evidence file and the audit chain")
    b = sub.add_parser("backup", help="consistent copy of database, vault and key with a manifest")
    b.add_argument("dest", type=Path)
    r = sub.add_parser("restore", help="verify a backup, then restore it (the replaced store is kept aside)")
    r.add_argument("src", type=Path)
    sc = sub.add_parser("screenshot", help="render a view of the window offscreen to a PNG")
    sc.add_argument("out", type=Path)
    sc.add_argument("--view", required=True, choices=("dashboard", "complaints", "editor", "editor_evidence",
                                                       "editor_links", "similar", "template_compare", "evidence",
                                                       "groups", "settings", "detection_settings", "image", "audio", "pdf", "links",
                                                       "referrals", "statistics", "import_preview",
                                                       "import_report"))
    sc.add_argument("--demo", action="store_true", help="use a temporary store filled with demo data")
    sc.add_argument("--size", default="1366x820", help="window size, e.g. 1366x820")
    dt_ = sub.add_parser("detect", help="run link detection: pending complaints and evidence, or everything")
    dt_.add_argument("--full", action="store_true", help="rebuild the indexes and recompute every link")
    lk = sub.add_parser("links", help="list links between complaints")
    lk.add_argument("--format", choices=("table", "json", "csv"), default="table")
    lk.add_argument("--status", choices=("suggested", "confirmed", "rejected"))
    lk.add_argument("--kind", choices=("phone", "address", "email", "wechat", "qq", "bank_account", "credit_code",
                                       "template", "voice", "image", "manual"))
    gp = sub.add_parser("groups", help="list agent groups and the detector's group proposals")
    gp.add_argument("--format", choices=("table", "json"), default="table")
    gp.add_argument("--no-proposals", action="store_true", help="only the groups people created")
    u = sub.add_parser("user", help="add a user (administrators only)")
    u.add_argument("username")
    u.add_argument("--role", required=True, choices=("handler", "legal", "supervisor", "admin"))
    u.add_argument("--name", default="")
    return p


def main(argv: list[str] | None = None) -> int:
    if (sys.argv[1:] if argv is None else argv)[:1] == [CHECK_PROCESS_FLAG]:
        # The import's checking process (started by services.importing, also from a frozen build).
        from greyline.services.importing import serve_check_process

        return serve_check_process()
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    command = args.command or "gui"
    try:
        return COMMANDS[command](args)
    except ImportRejected as exc:
        print(exc.message, file=sys.stderr)
        return 1
    except DomainError as exc:
        print(f"greyline: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("greyline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error for the user.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _open(args: argparse.Namespace, create: bool = False):  # noqa: ANN202
    from greyline.bootstrap import open_context

    return open_context(args.db, args.user, create=create)


def cmd_gui(args: argparse.Namespace) -> int:
    from greyline.ui.app import run

    return run(args.db, args.user, demo=getattr(args, "demo", False))


def cmd_init(args: argparse.Namespace) -> int:
    store, ctx = _open(args, create=True)
    print(f"store ready: {store.location.display}\nvault: {store.location.vault_dir}\n"
          f"key file: {store.location.key_file} (keep a copy of it with your backups)\n"
          f"signed in as: {ctx.actor.username} ({ctx.actor.role.label})")
    store.dispose()
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from greyline.services.demo import load_demo

    if args.complaints < 1:
        raise DomainError("--complaints 至少为 1")
    store, ctx = _open(args, create=True)
    try:
        summary = load_demo(ctx, args.complaints, args.seed, with_files=not args.no_files,
                            progress=_stderr_progress("demo"))
    finally:
        store.dispose()
    print(json.dumps(summary, ensure_ascii=False))
    return 0


def _stderr_progress(label: str):  # noqa: ANN202
    interactive = sys.stderr.isatty()

    def report(done: int, total: int, stage: str = "") -> None:
        if interactive:
            text = f"{done}/{total}" if total else str(done)
            print(f"\r{label} {stage} {text}   ", end="", file=sys.stderr, flush=True)

    return report


def _channel_pairs(values: list[str]) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for item in values:
        value, sep, code = item.rpartition("=")
        if not sep or not value.strip() or not code.strip():
            raise DomainError(f"--map-channel “{item}”: 应写成 \"值=渠道代码\"，例如 --map-channel \"黑猫投诉平台=public_site\"")
        pairs[value.strip()] = code.strip()
    return pairs


def cmd_import(args: argparse.Namespace) -> int:
    from greyline.services.importing import ImportOptions, check_file, import_file, write_template

    if args.template:
        write_template(args.template)
        print(f"template written: {args.template}")
        return 0
    if args.file is None:
        raise DomainError("请指定要导入的文件（或用 --template 生成模板）")
    options = ImportOptions(channel_map=_channel_pairs(args.map_channel), default_channel=args.default_channel,
                            remember_channels=args.remember_channels, rejects=args.rejects,
                            detect=not args.no_detect)
    # Like `demo` and the window, importing into a store that does not exist yet creates it.
    store, ctx = _open(args, create=True)
    try:
        if args.check:
            report = check_file(ctx, args.file, options, progress=_stderr_progress("check"))
            _end_progress()
            print(json.dumps(_report_dict(report), ensure_ascii=False, indent=1))
            return 1 if report.problem_rows else 0
        result = import_file(ctx, args.file, options, progress=_stderr_progress("import"))
    finally:
        store.dispose()
    _end_progress()
    print(json.dumps(result.as_dict(), ensure_ascii=False))
    if result.rejected:
        print(f"{result.rejected} 行未导入，已连同错误原因写入 {result.rejects_path}；改正后可再次导入该文件。",
              file=sys.stderr)
    return 0


def _end_progress() -> None:
    if sys.stderr.isatty():
        print(file=sys.stderr)


def _report_dict(report) -> dict:  # noqa: ANN001
    lay = report.layout
    return {"file": lay.source, "encoding": lay.encoding, "delimiter": lay.delimiter, "sheet": lay.sheet,
            "header_row": lay.header_row, "rows": report.rows, "valid": report.valid,
            "already_present": report.already_present, "new": report.new, "problem_rows": report.problem_rows,
            "problems": [{"row": p.row, "column": p.column, "reason": p.reason, "value": p.value}
                         for p in report.problems[:200]],
            "unknown_channels": [{"value": u.value, "rows": u.rows, "first_row": u.first_row}
                                 for u in report.unknown_channels],
            "unused_columns": list(report.unused)}


def cmd_attach(args: argparse.Namespace) -> int:
    from greyline.services.evidence import attach_file
    from greyline.services.lookup import find_complaint

    store, ctx = _open(args)
    try:
        cref = find_complaint(ctx, args.ref)
        ev = attach_file(ctx, args.file, KINDS[args.kind], complaint_id=cref.id, note=args.note)
    finally:
        store.dispose()
    print(json.dumps({"evidence_id": ev.id, "complaint": cref.reference, "external_id": cref.external_id,
                      "name": ev.original_name, "sha256": ev.sha256, "sm3": ev.sm3, "size": ev.size,
                      "already_in_vault": ev.already_in_vault}, ensure_ascii=False))
    return 0


LIST_FIELDS = ("reference", "external_id", "channel", "received_at", "deadline_at", "customer_name",
               "contact_masked", "status", "risk_level", "preview")


def cmd_list(args: argparse.Namespace) -> int:
    from greyline.queries.complaints import ComplaintFilter, list_complaints

    store, ctx = _open(args)
    rows = []
    try:
        after = None
        want = args.limit or None
        while True:
            page = list_complaints(store, ComplaintFilter(search=args.search), limit=1000, after=after)
            rows.extend(page)
            if len(page) < 1000 or (want and len(rows) >= want):
                break
            after = (page[-1].id, page[-1].id)
        if want:
            rows = rows[:want]
        with ctx.uow() as uow:
            uow.record("export", "complaint_list", "", {"format": args.format, "search": args.search,
                                                         "rows": len(rows), "masked": True})
            uow.commit()
    finally:
        store.dispose()
    records = [{f: (str(getattr(r, f)) if getattr(r, f) is not None else "") for f in LIST_FIELDS} for r in rows]
    if not _write_records(records, LIST_FIELDS, args.format):
        for r in rows:
            print(f"{r.reference}  {r.external_id:<22} {r.channel:<12} {r.received_at}  {r.status:<9} "
                  f"{r.risk_level:<6} {r.customer_name:<6} {r.contact_masked:<14} {r.preview[:30]}")
        print(f"({len(rows)} complaints)")
    return 0


def _write_records(records: list[dict], fields: tuple[str, ...], fmt: str) -> bool:  # type: ignore[type-arg]
    """Write records as JSON or CSV to stdout; False for the table format (the caller prints it)."""
    if fmt == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif fmt == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=fields)
        w.writeheader()
        w.writerows(records)
    else:
        return False
    return True


def cmd_detect(args: argparse.Namespace) -> int:
    from greyline.services import detection

    store, ctx = _open(args)
    try:
        progress = _stderr_progress("detect")
        if args.full:
            summary = detection.detect_all(ctx, progress=progress)
        else:
            summary = detection.detect_pending(ctx, progress=progress)
    finally:
        store.dispose()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(summary.describe())
    for note in summary.unusable:
        print(f"  无法分析：{note}")
    return 0


LINK_FIELDS = ("a_reference", "a_external_id", "b_reference", "b_external_id", "kind", "score", "reason",
               "status", "source")


def cmd_links(args: argparse.Namespace) -> int:
    from greyline.queries.links import export_links

    store, ctx = _open(args)
    try:
        rows = list(export_links(store, status=args.status, kind=args.kind))
        with ctx.uow() as uow:
            uow.record("export", "links", "", {"format": args.format, "rows": len(rows),
                                               "status": args.status, "kind": args.kind})
            uow.commit()
    finally:
        store.dispose()
    records = [{f: getattr(r, f) for f in LINK_FIELDS} for r in rows]
    if not _write_records(records, LINK_FIELDS, args.format):
        for r in rows:
            print(f"{r.a_reference} ~ {r.b_reference}  {r.kind:<12} {r.score:5.2f} {r.status:<9} {r.reason}")
        print(f"({len(rows)} links)")
    return 0


def cmd_groups(args: argparse.Namespace) -> int:
    from greyline.queries.groups import group_detail, list_groups
    from greyline.services import detection

    store, ctx = _open(args)
    try:
        groups = []
        for g in list_groups(store):
            d = group_detail(store, g.id)
            groups.append({
                "reference": g.reference, "title": g.title, "status": g.status,
                "members": [{"reference": m.reference, "external_id": m.external_id, "channel": m.channel,
                             "received_at": m.received_at.isoformat()} for m in d.members],
                "suspects": [s.name for s in d.suspects],
            })
        proposals = [] if args.no_proposals else [
            {"key": p.key, "title": p.title, "strength": round(p.strength, 3), "kinds": p.kinds,
             "members": [{"reference": m.reference, "external_id": m.external_id} for m in p.members],
             "shared_identifiers": [{"type": t, "masked": m, "complaints": n} for _, t, m, n in p.identifiers],
             "existing_groups": list(p.existing_groups), "evidence_ids": list(p.evidence_ids)}
            for p in detection.group_proposals(ctx)]
        with ctx.uow() as uow:
            uow.record("export", "groups", "", {"format": args.format, "groups": len(groups),
                                                "proposals": len(proposals)})
            uow.commit()
    finally:
        store.dispose()
    if args.format == "json":
        json.dump({"groups": groups, "proposals": proposals}, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for g in groups:
        print(f"{g['reference']}  {g['status']:<14} {len(g['members']):>4} 笔  {g['title']}")
    print(f"({len(groups)} groups)")
    for p in proposals:
        ids = "、".join(f"{t} {m}" for t, m in ((i["type"], i["masked"]) for i in p["shared_identifiers"][:3]))
        print(f"建议 {p['key']}  {len(p['members']):>4} 笔  强度 {p['strength']:.2f}  {ids}")
    if not args.no_proposals:
        print(f"({len(proposals)} proposals)")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from greyline.services.maintenance import verify

    store, ctx = _open(args)
    try:
        problems = verify(ctx)
    finally:
        store.dispose()
    if not problems:
        print(f"ok: database, evidence files and audit chain verified ({store.location.display})")
        return 0
    for p in problems:
        print(f"PROBLEM [{p.area}] {p.subject}: {p.detail}")
    print(f"{len(problems)} problem(s) found", file=sys.stderr)
    return 1


def cmd_backup(args: argparse.Namespace) -> int:
    from greyline.services.maintenance import backup

    store, ctx = _open(args)
    try:
        files = backup(ctx, args.dest)
    finally:
        store.dispose()
    print(f"backup written to {args.dest}: {files} files, manifest {args.dest / 'manifest.json'}")
    print("note: the backup holds the key file; keep it as safe as the data itself")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from greyline.storage.location import resolve
    from greyline.storage.maintenance import restore

    location = resolve(args.db)
    aside = restore(args.src, location)
    # Sign in on the restored store: proves it opens with its key, and logs the restore in its audit chain.
    store, ctx = _open(args)
    try:
        with ctx.uow() as uow:
            uow.record("restore", "store", "", {"src": str(args.src), "replaced_kept_at": str(aside or "")})
            uow.commit()
    finally:
        store.dispose()
    print(f"restored {args.src} into {location.display}")
    if aside:
        print(f"the previous database was kept at {aside}")
    return 0


def cmd_screenshot(args: argparse.Namespace) -> int:
    from greyline.ui.screenshot import take

    width, _, height = args.size.partition("x")
    out = take(args.out, args.view, db=args.db, user=args.user, demo=args.demo, size=(int(width), int(height)))
    print(f"screenshot written: {out}")
    return 0


def cmd_user(args: argparse.Namespace) -> int:
    from greyline.services.users import add_user

    store, ctx = _open(args)
    try:
        uid = add_user(ctx, args.username, args.role, args.name)
    finally:
        store.dispose()
    print(f"user {args.username} added (#{uid}, {args.role})")
    return 0


COMMANDS = {"gui": cmd_gui, "init": cmd_init, "demo": cmd_demo, "import": cmd_import, "attach": cmd_attach,
            "list": cmd_list, "verify": cmd_verify, "backup": cmd_backup, "restore": cmd_restore, "user": cmd_user,
            "screenshot": cmd_screenshot, "detect": cmd_detect, "links": cmd_links, "groups": cmd_groups}
