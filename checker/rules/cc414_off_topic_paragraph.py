"""Off-topic paragraph: a section about one institution carries a paragraph about another kind.

Reports built from contributions per institution are easy to mis-assemble:
a paragraph about a mental-health centre ends up under the heading of a
community health centre, or the continuation of the disease-control section
under the blood station's heading. Headings of the form
``名称：标题`` whose name is a kind of institution listed in rules/lint.yaml
(``institution_types``) open a section; a paragraph in it that names another
kind of institution, and neither the heading's institution nor its kind, is
reported.

Passing example::

    docs:
      d.txt: |
        崇义街道社区卫生服务中心：嵌入式医养结合守护健康
        2023年2月，崇义街道社区卫生服务中心和社会福利院签订医养服务协议。

Failing example::

    docs:
      d.txt: |
        崇义街道社区卫生服务中心：嵌入式医养结合守护健康
        目前，中心正在积极推进三级精神卫生中心建设步伐，在江南新区建设新院区。
"""
import re

CODE = "CC414"
NAME = "off-topic-paragraph"
SEVERITY = "warning"
READS = "texts"

HEADING = 30  # a heading is a short line


def check(ctx):
    kinds = sorted(ctx.lint.get("institution_types") or [], key=len, reverse=True)
    if not kinds:
        return []
    kind_re = re.compile("|".join(map(re.escape, kinds)))
    out = []
    for path, texts in ctx.texts.items():
        section = None  # (line, name, kind)
        for number, text in enumerate(texts, start=1):
            line = text.strip()
            if not line:
                continue
            if len(line) <= HEADING and "：" in line:
                name = line.split("：")[0]
                found = list(kind_re.finditer(name))
                section = (number, name, found[-1].group()) if found else None
                continue
            if section is None:
                continue
            start, name, kind = section
            others = {m.group() for m in kind_re.finditer(line)}
            if not others or name in line or any(_same(kind, o) for o in others):
                continue
            other = sorted(others)[0]
            col = line.find(other) + 1
            out.append(ctx.text_finding(
                CODE, f"a paragraph about a {other} in the section on {name} (line {start}): misplaced?",
                path, number, col, other, "", ((start, 1),)))
    return out


def _same(a: str, b: str) -> bool:
    return a.endswith(b) or b.endswith(a)
