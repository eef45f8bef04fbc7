"""Benchmark: work-order import throughput and peak memory on an export-shaped CSV, and the link
detection that follows it.

Run by hand (not part of the test suite):

    python tests/benchmarks/bench_import.py --rows 100000
    python tests/benchmarks/bench_import.py --rows 1000000 --no-detect

The CSV holds the demo corpus's values (so the narratives, templates, shared agent phones and
addresses have realistic overlap for the search index and the detectors; random characters, tried
first, make every trigram unique and the index twice as slow) written the way a channel's system
exports them: GBK (GB18030) or UTF-8 with BOM, a title row above the header, headers as real exports
spell them (投诉编号, 登记时间 with a time part, 投诉人, 证件号码, 来电号码, 问题描述, 具体诉求, 通讯地址),
channels spelled as people write them (黑猫投诉, 12378热线, 客服热线 ...), doubled quotes and line
breaks inside quoted fields. The import runs in a child
process and reports its own peak resident memory (VmHWM; see peak_rss_mb); files of 4 MiB and more are read and
checked by a second process that the import starts (services.importing.serve_check_process), whose
peak is reported beside it (RUSAGE_CHILDREN: the largest child that ended, at least this process's size when it started the checker). Detection is timed
separately after the import has committed, as the window runs it in the background.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHANNEL_SPELLING = {"12378": ("12378热线", "银保监投诉", "12378"), "12363": ("12363", "人民银行"),
                    "12315": ("12315 市场监管", "市场监管"), "local_regulator": ("地方金融监管局", "金融办"),
                    "public_site": ("黑猫投诉", "黑猫投诉平台", "黑猫"), "own_hotline": ("客服热线", "400热线")}


def write_export(path: Path, rows: int, seed: int, encoding: str) -> None:
    """The demo corpus's values (its narratives, shared agent phones, templates and addresses have the
    word and overlap statistics the detectors and the search index meet) written the way a channel's
    system exports them: title row, its own headers, channel spellings, 登记时间 with a time part,
    doubled quotes and line breaks inside quoted fields."""
    from greyline.demo.generator import generate

    rng = random.Random(seed)
    corpus = generate(rows, seed, with_files=False)
    with path.open("w", encoding="gb18030" if encoding == "gbk" else encoding, newline="") as f:
        w = csv.writer(f)  # Excel's dialect: comma, doubled quotes, CRLF
        w.writerow(["某消费金融公司投诉工单导出（2026年）", "", "", "", "", "", "", "", "", "", ""])
        w.writerow(["投诉编号", "投诉渠道", "登记时间", "投诉人", "证件号码", "手机号码", "来电号码", "问题描述",
                    "具体诉求", "通讯地址", "处理机构"])
        for r in corpus.rows:
            text = r["text"]
            if rng.random() < 0.2:
                text = text.replace("。", "。\r\n", 1) + "催收员原话：“再不还就上门”，\"影响很坏\"。"
            w.writerow([
                r["external_id"], rng.choice(CHANNEL_SPELLING.get(r["channel"], (r["channel"],))),
                r["received_at"].replace("-", "/") + f" {rng.randint(8, 20)}:{rng.randint(0, 59):02d}:00",
                r["customer_name"], r["customer_id_number"], r["customer_phone"], r["contact_phone"], text,
                r["demands"], r["address"], "消费者权益保护部",
            ])


def peak_rss_mb() -> float:
    """This process's own peak resident memory. ``ru_maxrss`` is not: Linux carries it across fork and
    exec, so a child started by a parent holding the 1,000,000-row corpus reports the parent's 2.4 GB."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(args: argparse.Namespace) -> int:
    from greyline.services.context import sign_in
    from greyline.services.importing import ImportOptions, detect_imported, import_file
    from greyline.storage.db import open_store
    from greyline.storage.location import resolve

    store = open_store(resolve(str(args.db)), create=True)
    ctx = sign_in(store, "bench")
    t0 = time.perf_counter()
    result = import_file(ctx, args.csv, ImportOptions(detect=False))
    t_import = time.perf_counter() - t0
    rss_import = peak_rss_mb()
    rss_checker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    out = {"rows": result.rows, "created": result.created, "seconds": t_import,
           "per_second": result.created / t_import, "peak_rss_mb_import": rss_import,
           "peak_rss_mb_checking_process": rss_checker}
    if args.detect:
        t0 = time.perf_counter()
        summary = detect_imported(ctx, result)
        out["detect_seconds"] = time.perf_counter() - t0
        out["links_added"] = summary.links_added if summary else 0
        out["peak_rss_mb_with_detection"] = peak_rss_mb()
    t0 = time.perf_counter()
    again = import_file(ctx, args.csv, ImportOptions(detect=False))
    out["reimport_seconds"] = time.perf_counter() - t0
    out["reimport_created"] = again.created
    store.dispose()
    print(json.dumps(out))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=11)  # seed 3 makes the demo generator write an invalid landline at row 72,406
    ap.add_argument("--encoding", default="gbk", choices=("gbk", "utf-8-sig"))
    ap.add_argument("--no-detect", dest="detect", action="store_false")
    ap.add_argument("--detect", dest="detect", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--dir", type=Path, default=None)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--csv", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(args)
    work = args.dir or Path(tempfile.mkdtemp(prefix="greyline-bench-import-"))
    work.mkdir(parents=True, exist_ok=True)
    csv_path = work / f"export_{args.rows}.csv"
    t0 = time.perf_counter()
    write_export(csv_path, args.rows, args.seed, args.encoding)
    print(f"wrote {args.rows:,} rows ({csv_path.stat().st_size / 1e6:.0f} MB, {args.encoding}) in "
          f"{time.perf_counter() - t0:.1f} s -> {csv_path}")
    cmd = [sys.executable, __file__, "--child", "--csv", str(csv_path), "--db", str(work / "bench.sqlite")]
    if args.detect:
        cmd.append("--detect")
    else:
        cmd.append("--no-detect")
    out = subprocess.run(cmd, check=False, capture_output=True, text=True)
    if out.returncode != 0:
        print(out.stderr[-4000:], file=sys.stderr)
        return out.returncode
    r = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"import: {r['created']:,} complaints in {r['seconds']:.1f} s = {r['per_second']:,.0f} complaints/s, "
          f"peak RSS {r['peak_rss_mb_import']:.0f} MB (checking process {r['peak_rss_mb_checking_process']:.0f} MB)")
    if "detect_seconds" in r:
        print(f"detection afterwards (background in the window): {r['detect_seconds']:.1f} s, "
              f"{r['links_added']:,} links, peak RSS {r['peak_rss_mb_with_detection']:.0f} MB; "
              f"import + detection = {r['created'] / (r['seconds'] + r['detect_seconds']):,.0f} complaints/s")
    print(f"re-import: {r['reimport_created']} created in {r['reimport_seconds']:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
