"""Impossible measure word: a count whose counter does not fit the thing counted (8支…医馆).

Chinese nouns take particular measure words: clinics are counted with 家 or
所, teams with 支, doctors with 名 or 位. A count followed within a few
characters by a noun that cannot take its counter means a word is missing or
two phrases were run together, unless the noun's own count follows it
(100-199张医院28个: a class of hospitals by their beds, then how many). The
nouns and the counters they take are data: ``counters_for`` in
rules/lint.yaml; other nouns are not checked.

Passing example::

    docs:
      d.txt: 组建8支家庭医生团队，建成5家中医馆，配备12名专家，100张以下床位医院212家，100-199张医院28个、800张及以上医院7个，上海市第一人民医院酒泉医院建成投运，组建一支跨医院、跨专业的队伍。

Failing example::

    docs:
      d.txt: 组建8支家一般的医馆，配备12张专家。
"""
import re

from checker.rules.shared.textscan import lines

CODE = "CC413"
NAME = "impossible-counter"
SEVERITY = "warning"
READS = "texts"
NEAR = 4  # characters allowed between a counter and its noun, or between the nouns of one phrase
# a count of the noun's own right after it: the number before the noun named its class
_OWN_COUNT = re.compile(r"(?:为|有|共|共有)?(?:[0-9０-９]+(?:[.．][0-9０-９]+)?万?)([\u4e00-\u9fff])")


def check(ctx):
    table = ctx.lint.get("counters_for") or {}
    if not table:
        return []
    counters = sorted({c for allowed in table.values() for c in allowed} | {"支", "家", "名", "张", "个", "所", "位"})
    nouns = sorted(table, key=len, reverse=True)
    # a count has a digit: 千人口 and 每百人 are denominators, not counts
    # nor is 第一 (上海市第一人民医院: 一人 is no count of people)
    count = re.compile(r"(?<![每第])(?:[0-9０-９]+|[十百千]?[一二两三四五六七八九][十百千]?)(" +
                       "|".join(map(re.escape, counters)) + ")")
    noun_re = re.compile("|".join(map(re.escape, nouns)))
    out = []
    for path, number, line in lines(ctx):
        for m in count.finditer(line):
            # the noun in brackets after a count is a part of it, not what it counts: 机构8家(卫生院4家…)
            phrase = re.split(r"[，,。；;、：:！？()（）0-9０-９]", line[m.end():m.end() + 12])[0]
            found = list(noun_re.finditer(phrase))
            if not found or found[0].start() > NEAR:
                continue  # the counted noun is not one of ours (120名管理干部赴…医院)
            head, phrase_nouns = found[0], [found[0].group()]
            for later in found[1:]:  # 家庭医生签约服务团队: the last noun of the phrase is what is counted
                if later.start() - head.end() > NEAR:
                    break
                head = later
                phrase_nouns.append(head.group())
            noun, counter = head.group(), m.group(1)
            if phrase[head.start() - 1:head.start()] == "跨":
                continue  # 一支跨医院、跨专业的队伍: 跨医院 qualifies what is counted, further on
            if any(counter in table[n] for n in phrase_nouns):
                continue  # 100张以下床位医院: the count is of 床位, the beds a hospital class is named by
            own = _OWN_COUNT.match(line, m.end() + head.end())
            if own and own.group(1) in table[noun]:
                continue  # 100-199张医院28个: the hospitals are counted after their class (beds), with 个
            span = line[m.start():m.end() + head.end()]
            out.append(ctx.text_finding(
                CODE, f"“{span}”: {noun} is not counted with {counter} (it takes {'、'.join(table[noun])})",
                path, number, m.start() + 1, span))
    return out
