"""Fuzz the parts of claimcheck that read untrusted text, with hypothesis.

Run: python benchmarks/fuzz.py [--budget N] [--seed S] [--target NAME]...

Targets and what each must never do:

- loader:    claim files as arbitrary bytes, YAML-ish token soup and well-formed
             YAML of the wrong shape → records and problems, or LoadError;
             never another exception.
- numbers:   text built from digits, Chinese numerals, qualifiers and units →
             numbers.parse gives a Parsed whose interval can be built, or
             NumberError; never another exception.
- extractor: text mixing Chinese, digits, punctuation and line breaks → no
             exception; every draft's surface stands at its line and offset,
             its quote is in that line, numbers.parse(surface) succeeds, and
             the drafts rendered as a claim file load back unchanged.

For each target it prints the inputs tried, the time taken and every
distinct crash found (by exception type and place), with the minimal
failing example hypothesis shrank it to. A crash already found does not
stop the search: the run goes on with the rest of the budget looking for
others. Exit code 1 when any crash was found.
"""
from __future__ import annotations

import argparse
import atexit
import shutil
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402
from hypothesis import HealthCheck, Phase, Verbosity, given, settings  # noqa: E402
from hypothesis import seed as hseed
from hypothesis import strategies as st  # noqa: E402
from hypothesis.errors import HypothesisException  # noqa: E402

from checker.extract import drafts as draft_out
from checker.io.yamlfile import LoadError
from checker.language import numbers  # noqa: E402
from checker.load.claimfile import load_text
from checker.load.claims import load  # noqa: E402
from checker.model import fields as F
from checker.model.records import Records  # noqa: E402

# ---------------------------------------------------------------- numbers

NUMBER_TOKENS = (
    list("0123456789０１２３４５６７８９零〇一二两三四五六七八九十百千万亿")
    + [".", "．", ",", "，", "%", "％", "‰", "~", "～", "〜", "-", "－", "—", "–", "至", "到", "余", "多", "+", "＋",
       "个百分点", "百分点", "倍", "人", "人次", "家", "万元", "亿元", "名", "个", "位", "第", "前", "首", "数",
       "百分之", "千分之", "分", " ", "\u3000", "e", "E", "_", "\n"]
    + [w for w, _ in numbers.PREFIXES] + [w for w, _ in numbers.SUFFIXES]
)
number_texts = st.one_of(
    st.lists(st.sampled_from(NUMBER_TOKENS), max_size=14).map("".join),
    st.text(alphabet=st.sampled_from(NUMBER_TOKENS[:40]), max_size=30),
    st.text(max_size=12),
)


def check_number(surface: str) -> None:
    try:
        p = numbers.parse(surface)
    except numbers.NumberError:
        return
    assert isinstance(p, numbers.Parsed)
    assert p.qualifier in F.QUALIFIERS, p.qualifier
    p.interval()                 # what every rule compares: it must exist
    p.interval(integral=True)    # a count of a counter


# ---------------------------------------------------------------- loader

YAML_TOKENS = [
    "- ", "-", "id: ", "metric: ", "entity: ", "period: ", "kind: ", "surface: ", "value: ", "unit: ",
    "qualifier: ", "derived: ", "relations: ", "ignore: ", "confidence: ", "status: ", "note: ",
    "source:", "source: ", "doc: ", "line: ", "quote: ", "sum: ", "includes: ", "change: ", "from: ", "to: ",
    ":", ": ", "{", "}", "[", "]", ", ", "&a ", "*a", "&b ", "*b", "<<: ", "<<: *a", "? ",
    "!!binary ", "!!int ", "!!float ", "!!timestamp ", "!!set ", "!!omap ", "!!pairs ", "!!str ", "!!null ",
    "!!python/object:os.system ", "!!python/name:os.system ", "!custom ", "!<tag:x> ",
    "|", "|-", ">", "---", "...", "%YAML 1.1\n", "%TAG ! tag:x,2024:\n", "\n", "\n  ", "  ", "    ", "\t",
    '"', "'", "# note", "\\", "\\u", "\\x", "2023", '"2023"', "2023-02-30", "2023-13-01", "2023-06-01",
    "2021-01-01 10:61:00", "1e999", "-1e999", "1e-999", ".nan", ".inf", "-.inf", "0x1F", "0o17", "0b101",
    "1_000", "12:30:00", "~", "null", "true", "no", "yes", "=", "95%以上", "46.8万", "两千多", "10~30",
    "区域内就诊率", "荣昌区", "actual", "target", "exact", "CC201", "a", "b", "x-1", "0", "1", "-1",
    "99999999999999999999999", "3.14", "\ufeff", "\r\n", "\r", "\x00", "\x85", "\u2028", "\x1b", "\ud7ff",
]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=-10**40, max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12), st.dates(), st.datetimes(),
    st.sampled_from(["95%以上", "2023", "46.8万", "x", "", " ", "1e5", "NaN", "Infinity", "-0", "1..2"]),
)
any_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.one_of(st.sampled_from([f.path[-1] for f in F.FIELDS]), st.text(max_size=6)), inner,
                    max_size=5)), max_leaves=20)
FIELD_NAMES = sorted({f.path[0] for f in F.FIELDS} | {"source"})
records = st.dictionaries(
    st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=8)),
    st.one_of(any_values, st.fixed_dictionaries({}, optional={
        "doc": any_values, "line": any_values, "quote": any_values, "extra": any_values})),
    max_size=12)
wrong_shapes = st.one_of(st.lists(st.one_of(records, any_values), max_size=5), any_values)


@st.composite
def dumped(draw) -> str:
    """Well-formed YAML of any shape, in block, flow or mixed style."""
    data = draw(wrong_shapes)
    style = draw(st.sampled_from([False, True, None]))
    try:
        return yaml.safe_dump(data, allow_unicode=draw(st.booleans()), default_flow_style=style,
                              sort_keys=draw(st.booleans()), width=draw(st.sampled_from([20, 80, 10_000])))
    except yaml.YAMLError:
        return ""


def _nested(depth: int) -> str:
    return "- id: a\n  note: " + "[" * depth + "]" * depth + "\n"


claim_file_inputs = st.one_of(
    st.tuples(st.just("bytes"), st.binary(max_size=200)),
    st.tuples(st.just("bytes"), st.lists(st.sampled_from(YAML_TOKENS), max_size=40)
              .map(lambda t: "".join(t).encode("utf-8", "surrogatepass"))),
    st.tuples(st.just("text"), st.lists(st.sampled_from(YAML_TOKENS), max_size=40).map("".join)),
    st.tuples(st.just("text"), st.text(max_size=80)),
    st.tuples(st.just("text"), dumped()),
    st.tuples(st.just("text"), st.integers(min_value=1, max_value=3000).map(_nested)),
)

_scratch = Path(tempfile.mkdtemp(prefix="claimcheck-fuzz-"))
atexit.register(shutil.rmtree, _scratch, True)


def check_loader(case) -> None:
    kind, data = case
    try:
        if kind == "bytes":
            path = _scratch / "claims.yaml"
            path.write_bytes(data)
            recs, problems = load([str(path)])
        else:
            recs, problems = Records(), []
            load_text(data, "claims.yaml", recs, problems)
    except LoadError:
        return
    assert isinstance(recs, Records) and isinstance(problems, list)


# ---------------------------------------------------------------- extractor

TEXT_TOKENS = [
    "区域内就诊率", "就诊率", "荣昌区", "全市", "门诊量", "达到", "提升到", "由", "从", "提高", "增长", "下降",
    "到2025年", "力争", "目标", "占", "比例", "其中", "共有", "人次", "家", "个", "名", "万元", "亿元", "平方米",
    "十四五", "三甲", "三级医院", "12345热线", "1+8+1", "64排CT", "唯一", "签约", "附近", "每", "岁", "以下",
    "2023年", "2020年", "今年", "去年", "上半年", "第一季度", "5月", "“", "”", "（", "）", "(", ")", "《", "》",
    "，", "。", "；", "：", "、", "！", "？", ",", ".", ";", ":", " ", "\u3000", "\t",
    "\n", "\n", "\r\n", "\r", "\x85", "\u2028", "H7N9",
] + NUMBER_TOKENS


def _extractor():
    from checker.extract.extractor import make_extractor
    from checker.load.rulefiles import RuleFiles

    return make_extractor(RuleFiles.of(ROOT / "rules"))


_EXTRACTOR = None
document_texts = st.one_of(
    st.lists(st.sampled_from(TEXT_TOKENS), max_size=60).map("".join),
    st.lists(st.one_of(st.sampled_from(TEXT_TOKENS), st.text(max_size=3)), max_size=30).map("".join),
)


def check_extractor(text: str) -> None:
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = _extractor()
    found = _EXTRACTOR.document("d.txt", text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")  # as checker.load.documents reads them
    for d in found:
        assert 1 <= d.line <= len(lines), f"extractor: line {d.line} outside the document"
        line = lines[d.line - 1]
        assert line[d.start:d.start + len(d.surface)] == d.surface, "extractor: surface not at its line and offset"
        assert d.quote and d.quote in line, "extractor: quote not in its line"
        try:
            numbers.parse(d.surface)
        except numbers.NumberError as exc:
            raise AssertionError(f"extractor: drafted surface {d.surface!r} does not parse: {exc}") from None
    if found:
        text_out = draft_out.HEADER + draft_out.render_yaml(draft_out.records(found))
        recs, problems = [], []
        load_text(text_out, "drafts.yaml", recs, problems)
        assert not problems, f"extractor: drafts load with problems: {problems[0].message}"
        assert [(r.values["surface"], r.values["quote"], r.values["line"]) for r in recs] == \
            [(d.surface, d.quote, d.line) for d in found], "extractor: drafts do not load back as written"


# ---------------------------------------------------------------- harness

@dataclass
class Target:
    name: str
    strategy: st.SearchStrategy
    check: Callable


TARGETS = {t.name: t for t in (
    Target("loader", claim_file_inputs, check_loader),
    Target("numbers", number_texts, check_number),
    Target("extractor", document_texts, check_extractor),
)}


@dataclass
class Crash:
    signature: str
    error: str
    example: object


@dataclass
class Outcome:
    target: str
    inputs: int = 0
    seconds: float = 0.0
    crashes: list = field(default_factory=list)


def signature(exc: BaseException) -> str:
    """One crash per exception type and place (the innermost frame in claimcheck or a library)."""
    if isinstance(exc, AssertionError):
        return "AssertionError: " + ":".join(str(exc).split(":")[:2])
    frames = traceback.extract_tb(exc.__traceback__)
    inner = [f for f in frames if "benchmarks/fuzz.py" not in f.filename.replace("\\", "/")] or frames
    where = f"{Path(inner[-1].filename).name}:{inner[-1].lineno}" if inner else "?"
    return f"{type(exc).__name__} at {where}"


def _size(example) -> int:
    return len(repr(example))


def run_target(target: Target, budget: int, seed: int) -> Outcome:
    """Up to `budget` generated inputs; each new crash is shrunk, recorded, then ignored while the search goes on."""
    out = Outcome(target.name)
    known: dict[str, Crash] = {}
    start = time.perf_counter()
    rounds = 0
    while out.inputs < budget:
        fresh: dict[str, Crash] = {}

        def test(example):
            out.inputs += 1
            try:
                target.check(example)
            except Exception as exc:  # noqa: BLE001 - every exception is a finding here
                sig = signature(exc)
                if sig in known:
                    return
                seen = fresh.get(sig)
                if seen is None or _size(example) <= _size(seen.example):
                    fresh[sig] = Crash(sig, f"{type(exc).__name__}: {exc}"[:300], example)
                raise

        runner = settings(max_examples=budget - out.inputs, deadline=None, database=None, derandomize=False,
                          phases=[Phase.generate, Phase.shrink], suppress_health_check=list(HealthCheck),
                          report_multiple_bugs=True, print_blob=False, verbosity=Verbosity.quiet)(given(target.strategy)(test))
        try:
            hseed(seed + rounds)(runner)()
        except HypothesisException as exc:
            if not fresh:
                raise RuntimeError(f"{target.name}: hypothesis stopped: {exc}") from exc
        except Exception:  # noqa: BLE001 - the crash itself, already recorded in `fresh`
            pass
        if not fresh:
            break
        known.update(fresh)
        rounds += 1
    out.seconds = time.perf_counter() - start
    out.crashes = list(known.values())
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--budget", type=int, default=20_000, help="inputs per target (default 20000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--target", action="append", choices=sorted(TARGETS), help="only these targets")
    args = parser.parse_args(argv)
    outcomes = []
    for name in args.target or list(TARGETS):
        o = run_target(TARGETS[name], args.budget, args.seed)
        outcomes.append(o)
        print(f"{o.target:<10} {o.inputs:>8} inputs  {o.seconds:8.1f} s  {len(o.crashes)} crashes", flush=True)
        for c in o.crashes:
            print(f"    {c.signature}\n        {c.error}\n        minimal example: {c.example!r}", flush=True)
    total = sum(len(o.crashes) for o in outcomes)
    print(f"total: {sum(o.inputs for o in outcomes)} inputs, "
          f"{sum(o.seconds for o in outcomes):.1f} s, {total} crashes")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
