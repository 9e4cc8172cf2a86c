"""Spliced text: a paragraph carries a long clause copied from a different paragraph.

A paragraph about blood donation that suddenly goes on "为保障中医特色专科建设
和人才队伍建设，不断提升医疗服务质量和水平……", word for word the ending of the
Chinese-medicine hospital's paragraph, has had text pasted into it. Clauses
of at least 16 characters that occur in two paragraphs which are not copies
of each other (CC403 reports whole copies) are reported at the later place,
once for each pair of paragraphs. A clause that holds a set political formula
(``formula_words`` in rules/lint.yaml: 习近平新时代中国特色社会主义思想, 重要讲话精神)
or a slogan in quotation marks (“四化同步、城乡融合”) is meant to recur in a report
and is not reported, nor is a clause that states a figure (a news story's lead says its figures and the body
says them again: CC205 notes a figure stated twice); nor is a headline or heading that the text restates (a news
story's kicker, a section's title), nor a table's note (注：) said again, nor a clause of one part of a
report said again in another (a part begins at a heading numbered 一、 二、 … or at an appendix): a work
report's plan restates its review (2025年工作回顾 … 2026年重点工作), an appendix its text.

Passing example::

    docs:
      d.txt: |
        涪陵区中医院加强中医特色专科建设，为人民群众提供更加优质的中医药健康服务。
        中心血站做好科普宣传员，走村串户入企业，进田间去地头，宣传无偿献血知识。
        我们坚持以习近平新时代中国特色社会主义思想为指导，深入实施“四化同步、城乡融合、五区共兴”发展战略。
        白皮书透露，全国确诊住院患者结算人数5.8万人次，总医疗费用13.5亿元。
        截至5月31日，全国确诊住院患者结算人数5.8万人次，总医疗费用13.5亿元。
        十四届全国人大四次会议举行民生主题记者会
        3月7日上午，十四届全国人大四次会议举行民生主题记者会，教育部部长回答记者提问。
        过去五年，我们坚持以习近平新时代中国特色社会主义思想为指导，深入实施“四化同步、城乡融合、五区共兴”发展战略，办好民生实事。

        一、2025年工作回顾
        坚持尽力而为、量力而行，加强普惠性、基础性、兜底性民生建设，办好十件民生实事。
        二、2026年重点工作
        坚持民生为大，加强普惠性、基础性、兜底性民生建设，扎扎实实办好民生实事。

Failing example::

    docs:
      d.txt: |
        涪陵区中医院加强中医特色专科建设，为人民群众提供更加优质的中医药健康服务。
        一条温情的献血邀约短信……不断提升服务水平，为人民群众提供更加优质的中医药健康服务。
"""
import re

from checker.rules.shared.textscan import DIGITS

CODE = "CC406"
NAME = "spliced-text"
SEVERITY = "warning"
READS = "texts"

MIN_CLAUSE = 16
_SLOGAN = re.compile("“[^“”]{4,}”")  # a named strategy or campaign, quoted each time it is named
_CLAUSE = re.compile(r"[^，,。；;！!？?：:…]+")
_NOTE = ("注：", "注:", "注释", "说明：")  # a table's note, restated where the notes are gathered
_PART = re.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、|附件[ \u3000]*[0-9一二三四五六七八九十]*[ \u3000]*$)")


def _parts(texts) -> list[int]:
    """The part each line is in: a part begins at a heading numbered 一、 二、 … or at an appendix (附件1)."""
    out, part = [], 0
    for text in texts:
        part += _PART.match(text) is not None
        out.append(part)
    return out


def check(ctx):
    formula = re.compile("|".join(map(re.escape, ctx.lint.get("formula_words") or [])) or "(?!)")
    out = []
    for path, texts in ctx.texts.items():
        first: dict = {}
        reported: set = set()
        part = _parts(texts)
        for number, text in enumerate(texts, start=1):
            for m in _CLAUSE.finditer(text):
                clause = m.group().strip()
                if len(clause) < MIN_CLAUSE or formula.search(clause) or _SLOGAN.search(clause) or DIGITS.search(clause):
                    # a figure restated (a news story's lead, then its body) is CC205's to note
                    continue
                seen = first.setdefault(clause, (number, m.start() + 1))
                source = texts[seen[0] - 1].strip()
                if source.rstrip("。") == clause or source.startswith(_NOTE) or part[seen[0] - 1] != part[number - 1]:
                    continue  # a headline or heading the text goes on to restate, a note said again, another part
                # whole lines printed twice are CC403's; a copy of a splice is the same splice
                if seen[0] != number and source != text.strip() and (source, text.strip()) not in reported:
                    reported.add((source, text.strip()))
                    out.append(ctx.text_finding(
                        CODE, f"line {number} repeats “{clause[:24]}…” from line {seen[0]}: text pasted in "
                              "from another paragraph?", path, number, m.start() + 1, clause, "", (seen,)))
    return out
