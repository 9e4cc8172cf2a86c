"""Write checker/data/vocabulary/place_pinyin.csv: the Hanyu Pinyin of each division's short name.

    pip install pypinyin==0.55.0 && python tests/places_pinyin.py

Files are often named in pinyin (zhejiang-yuyao-2023.txt, sanhe-bulletin.pdf): extract reads the place a
file's name gives from this table (checker.extract.subject). Each city and county of places.csv whose name
without its last character of level (市, 县, 区, 旗) is two characters or more gets its short name's pinyin
without tones or separators (余姚市 → yuyao), as pypinyin 0.55.0 (MIT) reads it; provinces are named in
extract.yaml (romanized_places). The script is run by hand when places.csv changes; the package does not
need pypinyin.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

from pypinyin import lazy_pinyin

DATA = Path(__file__).resolve().parent.parent / "checker" / "data" / "vocabulary"
LEVEL_ENDS = ("自治县", "自治旗", "市", "县", "区", "旗")


def short(name: str) -> str:
    for end in LEVEL_ENDS:
        if name.endswith(end) and len(name) - len(end) >= 2:
            return name[:-len(end)]
    return ""


def main() -> None:
    lines = [line for line in (DATA / "places.csv").read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    out = []
    for row in csv.DictReader(lines):
        name = short(row["name"])
        if row["level"] != "province" and name:
            out.append((row["code"], "".join(lazy_pinyin(name)).lower()))
    with (DATA / "place_pinyin.csv").open("w", encoding="utf-8", newline="") as handle:
        handle.write("# The pinyin of each city's and county's short name (余姚市 → yuyao), for file names.\n"
                     "# Written by tests/places_pinyin.py with pypinyin 0.55.0 from places.csv; do not edit by hand.\n")
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["code", "pinyin"])
        writer.writerows(out)
    sys.stdout.write(f"wrote {len(out)} rows\n")


if __name__ == "__main__":
    main()
