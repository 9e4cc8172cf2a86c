"""The bulk path (yaml-rs) must read a claim file exactly as the PyYAML loader does, lines included, or decline it."""
import os

import pytest
from generate import generate  # noqa: E402
from helpers import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.io import fastyaml as bulk
from checker.io.yamlfile import LineDict, LoadError, read_yaml


def difference(a, b, where="$"):
    """Where two parsed documents differ, LineDict lines, columns and key lines included; None when identical."""
    if type(a) is not type(b):
        return f"{where}: {type(a).__name__} {a!r} vs {type(b).__name__} {b!r}"
    if isinstance(a, LineDict):
        if (a.line, a.column, a.key_lines, list(a)) != (b.line, b.column, b.key_lines, list(b)):
            return f"{where}: {a.line}:{a.column} {a.key_lines} vs {b.line}:{b.column} {b.key_lines}"
        return next((d for k in a if (d := difference(a[k], b[k], f"{where}.{k}"))), None)
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{where}: {len(a)} items vs {len(b)}"
        return next((d for i, (x, y) in enumerate(zip(a, b)) if (d := difference(x, y, f"{where}[{i}]"))), None)
    return None if a == b or (a != a and b != b) else f"{where}: {a!r} vs {b!r}"


def reference(text):
    lines = []
    return read_yaml(text, "f.yaml", [], lines), lines


def assert_same_or_declined(text):
    fast = bulk.parse(text)
    if fast is None:
        return False
    data, lines = reference(text)  # must not raise: the bulk path took a file PyYAML rejects otherwise
    assert difference(fast[0], data) is None, difference(fast[0], data)
    assert fast[1] == lines
    return True


def test_every_curated_claim_file_takes_the_bulk_path_and_reads_the_same():
    for path in sorted((ROOT / "claims").glob("*.yaml")):
        assert assert_same_or_declined(path.read_text(encoding="utf-8")), path


def test_a_generated_corpus_takes_the_bulk_path_and_reads_the_same(tmp_path):
    generate(800, tmp_path, docs=4, seed=5)
    for path in sorted((tmp_path / "claims").glob("*.yaml")):
        assert assert_same_or_declined(path.read_text(encoding="utf-8")), path


RECORD = "- id: a-1\n  metric: m\n  period: \"2023\"\n  {line}\n"


@pytest.mark.parametrize("line", [
    "note: yes",                      # YAML 1.1 reads a boolean, YAML 1.2 text
    "note: on",
    "value: 012",                     # octal in 1.1
    "value: 0o12",
    "value: 1e3",                     # text in 1.1, a number in 1.2
    "value: 1:30",                    # sexagesimal 90 in 1.1
    "note: 2023-05-01",               # a date
    "note: &a x",                     # anchors and aliases: the bomb check lives in the PyYAML path
    "note: !!str x",                  # tags
    "note: |\n    block",             # block scalars
    "note: first\n    continued",     # a plain scalar over two lines
    "note: x # comment",              # a comment after a value
    "note: x\n  note: y",             # duplicate keys: CC101 is PyYAML's
    "source: {doc: d.txt,\n    line: 1}",  # a flow mapping over two lines
    "note: x ",                       # trailing space
    "note: \"a\"\tb",                 # a tab
    "relations: [{sum: [\"{x}\", b]}, {sum: [c]}]",  # braces inside quotes shift nested columns
    "value: 0x1A",
    "on: x",                          # a key YAML 1.1 reads as True
])
def test_forms_that_read_differently_or_lose_lines_are_declined(line):
    assert bulk.parse(RECORD.format(line=line)) is None


@pytest.mark.parametrize("text", ["", "# only a comment\n", "a: 1\n", "- id: x\r\n", "- id: x\x85\n",
                                  "- id: \x07\n", "--- \n- id: x\n", "%YAML 1.1\n---\n- id: x\n"])
def test_documents_that_are_not_plain_lists_of_records_are_declined(text):
    assert bulk.parse(text) is None


def test_flow_records_and_nested_lists_keep_their_columns():
    text = ("# a comment line\n"
            "- {id: a-1, metric: m, source: {doc: d.txt, line: 3, quote: \"x: y\"}}\n"
            "\n"
            "- id: a-2\n"
            "  relations:\n"
            "    - sum: [a-1, a-3]\n"
            "    - {change: {from: a-1, to: a-3}}\n"
            "  value: [10, 30]\n"
            "  confidence: {metric: 0.9, entity: true, kind: null}\n")
    assert assert_same_or_declined(text)


SCALARS = st.sampled_from([
    "m", "指标", "\"2023\"", "'2023'", "2023", "93.4%", "93.40", "-1", "+1", "0", "012", "1e3", "1.5e+3", "1:30", "yes",
    "No", "true", "False", "null", "~", "\"\"", "''", "x: y", "\"x: y\"", "'it''s'", "\"a\\\"b\"", "2023-05-01",
    "0x1F", ".inf", ".NaN", "-.5", "1_000", "a # b", "#c", "\"#c\"", "[1, 2]", "[a, 012]", "{a: 1}", "{}", "[]",
    "\"{x}\"", "<<", "=", "?x", "- x", "@x", "`x`", "%x", "a\tb", "全角：冒号", "“引号”", "a,b", "[a, [b, c]]",
    "{a: {b: c}}", "[{a: 1}, {b: 2}]",
])
# Mostly forms that read the same in both YAML versions, so that most files take the bulk path and are compared.
SAFE = st.sampled_from(["m", "指标", "\"2023\"", "'2023'", "2023", "93.4%", "-1", "0", "0.5", "true", "null", "x: y",
                        "\"x: y\"", "[1, 2]", "{a: 1}", "[{a: 1}, {b: [c, 2]}]", "{a: {b: c}}", "全角：冒号", "“引号”"])
VALUES = st.one_of(SAFE, SAFE, SAFE, SCALARS)
KEYS = st.sampled_from(["id", "metric", "entity", "period", "kind", "surface", "value", "note", "line", "x", "on", "1"])


@st.composite
def claim_files(draw):
    out = []
    for _ in range(draw(st.integers(0, 4))):
        if draw(st.booleans()):
            pairs = ", ".join(f"{k}: {draw(VALUES)}" for k in draw(st.lists(KEYS, min_size=1, max_size=4, unique=True)))
            out.append(f"- {{{pairs}}}")
            continue
        indent = " " * draw(st.sampled_from([2, 4]))
        keys = draw(st.lists(KEYS, min_size=1, max_size=5, unique=True))
        lines = [f"- {keys[0]}: {draw(VALUES)}"]
        for key in keys[1:]:
            shape = draw(st.sampled_from(["scalar", "block", "list", "comment", "blank"]))
            if shape == "block":
                inner = [f"{indent}  {k}: {draw(VALUES)}" for k in draw(st.lists(KEYS, min_size=1, max_size=3, unique=True))]
                lines += [f"{indent}{key}:"] + inner
            elif shape == "list":
                lines += [f"{indent}{key}:"] + [f"{indent}  - {draw(VALUES)}" for _ in range(draw(st.integers(1, 2)))]
            elif shape == "comment":
                lines += [f"{indent}# {draw(VALUES)}", f"{indent}{key}: {draw(VALUES)}"]
            elif shape == "blank":
                lines += ["", f"{indent}{key}: {draw(VALUES)}"]
            else:
                lines.append(f"{indent}{key}: {draw(VALUES)}")
        out.extend(lines)
    return "\n".join(out) + draw(st.sampled_from(["\n", "", "\n\n"]))


@pytest.mark.slow
@settings(max_examples=int(os.environ.get("BULK_EXAMPLES", 2000)), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claim_files())
def test_whatever_the_bulk_path_accepts_reads_exactly_as_pyyaml_reads_it(text):
    fast = bulk.parse(text)
    if fast is None:
        return
    try:
        data, lines = reference(text)
    except LoadError as exc:
        raise AssertionError(f"the bulk path accepted a file PyYAML rejects: {exc}") from None
    assert difference(fast[0], data) is None, difference(fast[0], data)
    assert fast[1] == lines
