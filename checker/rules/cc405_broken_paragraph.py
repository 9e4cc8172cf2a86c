"""Broken paragraph: a sentence runs on from one paragraph into the next (享受优 / 质医疗服务).

When a paragraph stops without ending its sentence and the next paragraph
goes on with running text, the page has split one paragraph in two, often
in the middle of a word, and sometimes a caption or another paragraph has
been placed in the gap. Reported as information, with both lines, so the
layout can be repaired.

Passing example::

    docs:
      d.txt: |
        荣昌区妇女儿童在“家门口”就能享受优质医疗服务，得益于紧密型医联体建设。

        双方共同打造妇幼专科，开设高危儿门诊、辅助生殖等专科门诊。其中：
        - 县以上文化和旅游事业费597.6亿元，占46.7%，比重比上年提升了1.5个百分点；
        - 县及县以下文化和旅游事业费682.7亿元，占53.3%，比重比上年下降了1.5个百分点。

Failing example::

    docs:
      d.txt: |
        在远程会诊中心，危急重症妇女儿童能够第一时间享受省级专家诊疗服务，荣昌区妇女儿童在“家门口”就能享受优

        质医疗服务，得益于四川大学华西第二医院与荣昌区妇幼保健院建立紧密型医联体。
"""
from checker.rules.cc404_cut_off_sentence import HEADING, open_paragraphs

CODE = "CC405"
NAME = "broken-paragraph"
SEVERITY = "info"
READS = "texts"


def check(ctx):
    out = []
    for path, texts in ctx.texts.items():
        for number, nxt in open_paragraphs(texts):
            if nxt is not None and len(texts[nxt - 1].strip()) > HEADING:
                line = texts[number - 1].rstrip()
                if "|" in line and "|" in texts[nxt - 1]:
                    continue  # rows of a table written as cells between |: no sentence runs on
                seam = f"{line[-6:]} / {texts[nxt - 1].strip()[:6]}"
                out.append(ctx.text_finding(CODE, f"the sentence runs on from line {number} into line {nxt}: “{seam}”",
                                            path, number, len(line), seam, "", ((nxt, 1),)))
    return out
