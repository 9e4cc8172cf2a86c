"""Round trips (hypothesis): a claim file through the merge writer, a number through print and parse.

The writer that saves claim files is drafts.merge (with files.read_exact and
files.atomic_write around it, as `claimcheck extract --merge` uses them): it
never re-serialises what a person wrote, it appends. So merging nothing must
give the file back byte for byte, and merging new drafts must keep the old
bytes as an exact prefix, whatever the file's style: comments, blank lines,
block or flow records, any key order, CJK text, CRLF, a byte order mark,
an indented list, no final newline.
"""
from __future__ import annotations

import json
import tempfile
from decimal import Decimal as D
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract.drafts import merge
from checker.extract.extractor import Draft
from checker.io.writing import atomic_write, read_exact
from checker.language import numbers
from checker.language.interval import Interval
from checker.load.claimfile import load_text

CJK = "区域内就诊率荣昌区全市门诊量人次家医院卫生健康委覆盖提升到达目标年度签约服务"
words = st.text(alphabet=CJK, min_size=1, max_size=8)
safe_plain = st.text(alphabet=CJK + "abcxyz", min_size=1, max_size=10)


def scalar(draw, value: str, numeric_looking: bool = False) -> str:
    """One YAML spelling of a string: plain (when that stays a string), 'single' or "double" quoted."""
    styles = ["single", "double"] + ([] if numeric_looking else ["plain"])
    style = draw(st.sampled_from(styles))
    if style == "plain":
        return value
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    return json.dumps(value, ensure_ascii=draw(st.booleans()))


@st.composite
def record_text(draw, n: int, indent: int, nl: str) -> str:
    fields = {
        "id": (f"c-{n:03d}", True),
        "metric": (draw(words), False),
        "entity": (draw(words), False),
        "period": (draw(st.sampled_from(["2022", "2023", "2025", "十四五"])), True),
        "kind": (draw(st.sampled_from(["actual", "target", "change"])), False),
        "surface": (draw(st.sampled_from(["93.4%", "46.8万人次", "95%以上", "300余名", "36家", "两千多人"])), True),
    }
    if draw(st.booleans()):
        fields["note"] = (draw(safe_plain), False)
    keys = draw(st.permutations(list(fields)))
    quote = draw(words) + fields["surface"][0]
    source = {"doc": (draw(st.sampled_from(["a.txt", "报告.txt"])), False),
              "line": (str(draw(st.integers(1, 400))), None), "quote": (quote, True)}
    src_keys = draw(st.permutations(list(source)))

    def val(key, spec):
        value, numeric = spec
        return value if numeric is None else scalar(draw, value, numeric)

    pad = " " * indent
    if draw(st.booleans()):  # a flow record on one line
        inner = ", ".join(f"{k}: {val(k, fields[k])}" for k in keys)
        src = ", ".join(f"{k}: {val(k, source[k])}" for k in src_keys)
        return f"{pad}- {{{inner}, source: {{{src}}}}}{nl}"
    lines = []
    for i, k in enumerate(keys + ["source"]):
        lead = f"{pad}- " if i == 0 else f"{pad}  "
        if k != "source":
            comment = draw(st.sampled_from(["", "", f"  # {draw(words)}"]))
            lines.append(f"{lead}{k}: {val(k, fields[k])}{comment}")
        elif draw(st.booleans()):
            lines.append(f"{lead}source: {{" + ", ".join(f"{s}: {val(s, source[s])}" for s in src_keys) + "}")
        else:
            lines.append(f"{lead}source:")
            lines += [f"{pad}    {s}: {val(s, source[s])}" for s in src_keys]
    return nl.join(lines) + nl


@st.composite
def claim_files(draw) -> str:
    nl = draw(st.sampled_from(["\n", "\r\n"]))
    indent = draw(st.sampled_from([0, 0, 2]))
    parts = []
    if draw(st.booleans()):
        parts.append(f"# yaml-language-server: $schema=../checker/data/claims.schema.json{nl}")
    for n in range(draw(st.integers(0, 5))):
        parts.append(draw(st.sampled_from(["", nl, f"# {draw(words)}{nl}", f"{nl}# ---{nl}{nl}"])))
        parts.append(draw(record_text(n, indent, nl)))
    parts.append(draw(st.sampled_from(["", nl, f"# end{nl}"])))
    text = "".join(parts)
    if text.endswith(nl) and draw(st.booleans()):
        text = text[: -len(nl)]  # no final newline
    if draw(st.booleans()):
        text = "\ufeff" + text  # a byte order mark, kept as U+FEFF by read_exact
    return text


SURFACES = ["88.6%", "1.2万余人次", "近万人", "超10万人次", "5—10家", "第7"]


@st.composite
def new_drafts(draw) -> list:
    out = []
    for line in draw(st.lists(st.integers(1, 50), max_size=4, unique=True)):
        surface = draw(st.sampled_from(SURFACES))
        quote = draw(words) + surface
        out.append(Draft("a.txt", line, surface, numbers.parse(surface), quote, len(quote) - len(surface),
                         metric=draw(words), entity=draw(words), period="2023", confidence={"metric": 0.5}))
    return out


def records_of(text: str) -> list:
    found: list = []
    load_text(text, "c.yaml", found, [])
    return found


@settings(max_examples=300, deadline=None)
@given(text=claim_files())
def test_merging_nothing_gives_the_file_back_byte_for_byte(text):
    assert len(records_of(text)) == text.count("c-0")  # the generator writes valid claim files
    merged, added, _ = merge(text, "c.yaml", [])
    assert added == 0 and merged == text
    with tempfile.TemporaryDirectory() as tmp:  # the same through the bytes on disk, as the CLI does it
        path = Path(tmp) / "c.yaml"
        original = text.encode("utf-8")
        path.write_bytes(original)
        merged, _, _ = merge(read_exact(path), str(path), [])
        atomic_write(path, merged, overwrite=True)
        assert path.read_bytes() == original


@settings(max_examples=300, deadline=None)
@given(text=claim_files(), drafts=new_drafts())
def test_merging_drafts_keeps_the_old_bytes_as_a_prefix(text, drafts):
    before = records_of(text)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "c.yaml"
        original = text.encode("utf-8")
        path.write_bytes(original)
        merged, added, kept = merge(read_exact(path), str(path), drafts)
        atomic_write(path, merged, overwrite=True)
        stored = path.read_bytes()
    assert (added, kept) == (len(drafts), 0)
    assert stored.startswith(original)
    tail = stored[len(original):].decode("utf-8")
    if "\r\n" in text:
        assert "\n" not in tail.replace("\r\n", "")  # appended lines follow the file's line endings
    after = records_of(merged)
    assert [r.values for r in after[: len(before)]] == [r.values for r in before]
    assert [(r.values["line"], r.values["surface"], r.values["quote"]) for r in after[len(before):]] == \
        [(d.line, d.surface, d.quote) for d in drafts]
    assert merge(merged, "c.yaml", drafts)[0] == merged  # merging the same drafts again adds nothing


# Printing then parsing a number gives the interval its printed form stands for (README, "Numbers and
# qualifiers"), and every equivalent printing (full-width digits, thousands separators) the same one.
FORMS = {  # qualifier → (prefix, suffix, expected interval from value v and rounding step s)
    "exact": ("", "", lambda v, s: Interval(v - s / 2, v + s / 2, True, False)),
    "at_least": ("", "以上", lambda v, s: Interval(v, None, True, False)),
    "more_than": ("超过", "", lambda v, s: Interval(v, None, False, False)),
    "at_most": ("不超过", "", lambda v, s: Interval(None, v, False, True)),
    "less_than": ("不足", "", lambda v, s: Interval(None, v, False, False)),
    "nearly": ("近", "", lambda v, s: Interval(v - v * D("0.1"), v, True, False)),
    "about": ("约", "", lambda v, s: Interval(min(v - v * D("0.05"), v - s / 2), max(v + v * D("0.05"), v + s / 2))),
}


def _same(a: Interval, b: Interval) -> bool:
    return (a.lo, a.hi, a.lo_closed, a.hi_closed) == (b.lo, b.hi, b.lo_closed, b.hi_closed)


@settings(max_examples=400, deadline=None)
@given(digits=st.integers(1, 10**9), places=st.integers(0, 4), qualifier=st.sampled_from(sorted(FORMS)),
       unit=st.sampled_from(["", "%", "人", "万人次", "亿元", "个百分点"]))
def test_print_then_parse_gives_the_interval_of_the_printed_form(digits, places, qualifier, unit):
    v = D(digits).scaleb(-places)
    text = format(v, "f")
    prefix, suffix, expected = FORMS[qualifier]
    scale = D(10000) if unit.startswith("万") else D(10**8) if unit.startswith("亿") else D(1)
    want = expected(v * scale, D(1).scaleb(-places) * scale)
    whole, _, frac = text.partition(".")
    grouped = f"{int(whole):,}" + (f".{frac}" if frac else "")
    full = text.translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    for printed in {text, grouped, full}:
        p = numbers.parse(prefix + printed + unit + suffix)
        assert (p.value, p.qualifier) == (v * scale, qualifier)
        assert _same(p.interval(), want), (printed, p.interval(), want)
