"""Build a small workspace (claims, documents, registry) and check it."""
from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

import yaml

from checker.load.settings import Settings
from checker.run import runner

ROOT = Path(__file__).resolve().parent.parent

# The Spark tests compare findings, not speed: Spark gets one core (the other runs the rest of the suite) and a
# JVM that starts quickly (the C1 compiler alone, one GC thread), set through Spark's own PYSPARK_SUBMIT_ARGS.
SPARK_TEST_ARGS = "--master local[1] --driver-java-options '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC' pyspark-shell"


def workspace(tmp: Path, spec: dict) -> tuple[Path, Path, Path]:
    """spec: {claims: [...] or text, docs: {name: text}, metrics: [...], entities: [...]}"""
    claims, docs, rules = tmp / "claims", tmp / "docs", tmp / "rules"
    for d in (claims, docs, rules):
        d.mkdir(parents=True, exist_ok=True)
    body = spec.get("claims", [])
    text = body if isinstance(body, str) else yaml.safe_dump(body, allow_unicode=True, sort_keys=False)
    (claims / "example.yaml").write_text(text, encoding="utf-8")
    for name, content in (spec.get("docs") or {}).items():
        (docs / name).write_text(content, encoding="utf-8")
    for name in ("metrics", "entities"):
        if spec.get(name):
            (rules / f"{name}.yaml").write_text(yaml.safe_dump(spec[name], allow_unicode=True), encoding="utf-8")
    return claims, docs, rules


def example_spec(text: str) -> dict:
    """An example's parts; the claims stay raw text so duplicate keys survive."""
    import textwrap

    spec = yaml.safe_load(text)
    root = yaml.compose(text)
    for key, value in root.value:
        if key.value == "claims":
            start = text.rfind("\n", 0, value.start_mark.index) + 1
            spec["claims"] = textwrap.dedent(text[start:value.end_mark.index])
    return spec


def check(tmp: Path, spec: dict, select=None) -> runner.Result:
    """Run the pipeline on a spec; `baseline:` and `suppressions:` entries become files too."""
    import json

    claims, docs, rules = workspace(tmp, spec)
    extra = {}
    if "baseline" in spec:
        (tmp / "baseline.json").write_text(json.dumps({"version": 1, "findings": spec["baseline"]}), encoding="utf-8")
        extra["baseline"] = str(tmp / "baseline.json")
    if "suppressions" in spec:
        (tmp / "ignore.yaml").write_text(yaml.safe_dump(spec["suppressions"], allow_unicode=True), encoding="utf-8")
        extra["suppressions"] = str(tmp / "ignore.yaml")
    if "reference" in spec:
        extra["reference"] = (str(reference_set(tmp / "reference", spec["reference"])),)
    return run_check([str(claims)], str(docs), str(rules), select=select, **extra)


def reference_set(folder: Path, spec: dict, published: str | dict = "2021-07-13") -> Path:
    """A reference set from an example's `reference:` entry: {doc name: text, ..., claims: [...]}; published:
    one date for every document, or each document's."""
    (folder / "claims").mkdir(parents=True)
    (folder / "docs").mkdir()
    docs = {name: text for name, text in spec.items() if name != "claims"}
    for name, text in docs.items():
        (folder / "docs" / name).write_text(text, encoding="utf-8")
    (folder / "claims" / "reference.yaml").write_text(yaml.safe_dump(spec["claims"], allow_unicode=True),
                                                      encoding="utf-8")
    (folder / "reference.yaml").write_text(yaml.safe_dump(
        {"name": "example", "publisher": "an example",
         "documents": {name: published[name] if isinstance(published, dict) else published for name in docs}},
        allow_unicode=True), encoding="utf-8")
    return folder


def codes(result: runner.Result) -> list[str]:
    return [f.code for f in result.findings]


# One valid record of the 区域内就诊率 example, shared by the tests of bad and edited input.
GOOD_RECORD = """\
- id: rc-1
  metric: 区域内就诊率
  entity: 荣昌区
  period: "2022"
  kind: actual
  surface: 93.4%
  source:
    doc: d.txt
    line: 1
    quote: 提升到93.4%
"""


def small_project(folder: Path, claims: str, doc: str) -> Path:
    """claims/c.yaml, docs/d.txt and the real rules with a one-metric, one-entity registry."""
    (folder / "claims").mkdir()
    (folder / "claims" / "c.yaml").write_text(claims, encoding="utf-8")
    (folder / "docs").mkdir()
    (folder / "docs" / "d.txt").write_text(doc, encoding="utf-8")
    shutil.copytree(ROOT / "rules", folder / "rules")
    (folder / "rules" / "metrics.yaml").write_text("- {name: 区域内就诊率, unit: percent}\n", encoding="utf-8")
    (folder / "rules" / "entities.yaml").write_text("- {name: 荣昌区}\n", encoding="utf-8")
    return folder


@contextlib.contextmanager
def inside(folder: Path):
    """Work in folder for a while (tests that restore monkeypatches must not undo this)."""
    old = os.getcwd()
    os.chdir(folder)
    try:
        yield folder
    finally:
        os.chdir(old)



# Two claims of one key that disagree (93.4% against 95%以上), for the command-line tests of a small project.
TWO_CLAIMS = """\
- {id: a, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 93.4%, source: {doc: d.txt, line: 1, quote: 提升到93.4%}}
- {id: b, metric: 区域内就诊率, entity: 荣昌区, period: "2022", kind: actual, surface: 95%以上, source: {doc: d.txt, line: 2, quote: 区域内就诊率达95%以上}}
"""


def run(*args):
    """claimcheck with these arguments, in this process."""
    from typer.testing import CliRunner

    from checker.cli.app import app

    return CliRunner().invoke(app, list(args))


def bad_fields_in_many_files(folder: Path, files: int = 12) -> set:
    """Claim files of different lengths where every seventh record has a bad kind, period or line, and those
    (file, line, value)."""
    folder.mkdir(parents=True, exist_ok=True)
    planted = set()
    n = 0
    for f in range(files):
        path = folder / f"f{f}.yaml"
        lines = []
        for i in range(11 + 9 * f):
            n += 1
            fields = {"kind": "actual", "period": f"'{2000 + n % 20}'", "line": 1}
            if n % 7 == 3:
                name, value = [("kind", f"guess{n}"), ("period", f"{2000 + n}5"), ("line", -n)][n % 3]
                fields[name] = value
                at = 1 + 7 * i + {"period": 3, "kind": 4, "line": 6}[name]
                planted.add((str(path), at, repr(value)))
            lines.append(f"- id: c-{n}\n  metric: 床位数\n  entity: 甲市\n  period: {fields['period']}\n"
                         f"  kind: {fields['kind']}\n  surface: {n}张\n"
                         f"  source: {{doc: d.txt, line: {fields['line']}, quote: {n}张}}")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return planted


def run_check(claims, docs, rules, lint=None, cache=None, progress=None, skip=(), **options) -> runner.Result:
    """The library's run with settings written out as keywords: check the claims (and lint the documents
    `lint` names), or lint alone when there are no claims. No cache unless one is given."""
    for name in ("select", "severity", "tolerances"):
        if options.get(name) is None:
            options.pop(name, None)
    if "select" in options:
        options["select"] = tuple(options["select"])
    settings = Settings(claims=tuple(claims), docs=docs, rules=rules, ignore=tuple(skip), cache_dir=None, **options)
    return runner.run(settings, "check" if claims or lint is None else "lint", lint, progress, cache)
