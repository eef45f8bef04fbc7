"""Benchmark: work-order import throughput and peak memory on an export-shaped CSV, and the link
detection that follows it.

Run by hand (not part of the test suite):

    python tests/benchmarks/bench_import.py --rows 100000
    python tests/benchmarks/bench_import.py --rows 1000000 --no-detect

The CSV is written here the way a channel's system exports it (not with the demo generator): GBK or
UTF-8 with BOM, a title row above the header, headers as real exports spell them (投诉编号, 登记时间 with
a time part, 投诉人, 证件号码, 来电号码, 问题描述, 具体诉求, 通讯地址), channels spelled as people write
them (黑猫投诉, 12378热线, 客服热线 ...), narratives with doubled quotes and line breaks inside quoted
fields, about 1 in 7 complaints copied from one of a few hundred templates. The import runs in a child
process so its peak resident memory (ru_maxrss) is its own; detection is timed separately after the
import has committed, as the window runs it in the background.
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

CHANNELS = ("黑猫投诉", "12378热线", "银保监投诉", "客服热线", "地方金融监管局", "12363", "12315 市场监管", "黑猫投诉平台")
DEMANDS = ("减免罚息", "停止催收", "协商还款", "退还服务费", "修复征信", "减免本金")
PLACES = ("深圳市福田区华强北路1002号赛格广场", "广州市天河区天河路208号", "北京市朝阳区建国路88号",
          "杭州市西湖区文三路478号", "成都市武侯区人民南路四段11号")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英"
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK = "10X98765432"


def resident_id(rng: random.Random) -> str:
    body = f"{rng.choice(('110105', '440304', '330106', '510107'))}{rng.randint(1960, 2002)}" \
           f"{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
    return body + CHECK[sum(int(d) * w for d, w in zip(body, WEIGHTS, strict=True)) % 11]


# Common Chinese characters (GB2312 level 1, a contiguous block), for narratives that differ from each
# other as real ones do: detection must not see the whole file as one template family.
COMMON = [bytes([hi, lo]).decode("gb2312") for hi in range(0xB0, 0xD8) for lo in range(0xA1, 0xFF)
          if not (hi == 0xD7 and lo > 0xF9)]


def narrative(rng: random.Random, templates: list[str]) -> str:
    if rng.random() < 1 / 7:
        return rng.choice(templates)
    parts = []
    for _ in range(rng.randint(4, 12)):
        parts.append("".join(rng.choice(COMMON) for _ in range(rng.randint(8, 24))))
        parts.append(rng.choice(("，", "。", "；", "：“", "”", "\"", "\r\n")))
    parts.insert(rng.randrange(len(parts)), f"借款{rng.randint(3, 90)}000元，说“再不还就上门”，")
    return "".join(parts)


def write_export(path: Path, rows: int, seed: int, encoding: str) -> None:
    rng = random.Random(seed)
    # 300 agents' templates, each its own text: families of about 47 copies. (One wording shared by
    # all 14,000 copies is issue 11's "large family": today it exhausts memory in the LSH step.)
    trng = random.Random(seed + 1)
    templates = ["本人长期遭受暴力催收，现要求停止催收、减免罚息。" + "".join(trng.choice(COMMON) for _ in range(120))
                 for _ in range(300)]
    with path.open("w", encoding=encoding, newline="") as f:
        w = csv.writer(f)  # Excel's dialect: comma, doubled quotes, CRLF
        w.writerow(["某消费金融公司投诉工单导出（2026年）", "", "", "", "", "", "", "", "", ""])
        w.writerow(["投诉编号", "投诉渠道", "登记时间", "投诉人", "证件号码", "来电号码", "问题描述", "具体诉求",
                    "通讯地址", "处理机构"])
        for n in range(rows):
            w.writerow([
                f"WO{seed:02d}{n:09d}", rng.choice(CHANNELS),
                f"2026/{rng.randint(1, 11)}/{rng.randint(1, 28)} {rng.randint(8, 20)}:{rng.randint(0, 59):02d}:00",
                rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(("", rng.choice(GIVEN))),
                resident_id(rng) if rng.random() < 0.8 else "",
                f"{rng.choice(('138', '139', '135', '186', '150', '177', '171'))}{rng.randint(0, 99_999_999):08d}",
                narrative(rng, templates),
                "；".join(rng.sample(DEMANDS, rng.randint(1, 3))),
                rng.choice(PLACES) + f"{rng.randint(1, 30)}楼{rng.randint(1, 40):02d}室",
                "消费者权益保护部",
            ])


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
    rss_import = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {"rows": result.rows, "created": result.created, "seconds": t_import,
           "per_second": result.created / t_import, "peak_rss_mb_import": rss_import}
    if args.detect:
        t0 = time.perf_counter()
        summary = detect_imported(ctx, result)
        out["detect_seconds"] = time.perf_counter() - t0
        out["links_added"] = summary.links_added if summary else 0
        out["peak_rss_mb_with_detection"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
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
    ap.add_argument("--seed", type=int, default=3)
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
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    r = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"import: {r['created']:,} complaints in {r['seconds']:.1f} s = {r['per_second']:,.0f} complaints/s, "
          f"peak RSS {r['peak_rss_mb_import']:.0f} MB")
    if "detect_seconds" in r:
        print(f"detection afterwards (background in the window): {r['detect_seconds']:.1f} s, "
              f"{r['links_added']:,} links, peak RSS {r['peak_rss_mb_with_detection']:.0f} MB; "
              f"import + detection = {r['created'] / (r['seconds'] + r['detect_seconds']):,.0f} complaints/s")
    print(f"re-import: {r['reimport_created']} created in {r['reimport_seconds']:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
