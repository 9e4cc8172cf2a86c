"""Cut-off sentence: a paragraph stops mid-sentence and the next line is a heading or the end.

A paragraph of running text ends with 。！？ or a closing quote or bracket.
One that stops without them, followed by a short line (a heading or a
caption) or by nothing, has lost the end of its sentence: 003's blood-station
section stops at "率先完成市" and a new heading begins. Short lines (titles,
captions, names) are not paragraphs and are not checked, nor is a document's
first line when no comma splits it (its title, however long), nor a line that ends with a colon
(现将有关情况报告如下：) and so opens what follows, nor a speech's date line with no comma
(2026年1月14日在省第十四届人民代表大会第四次会议上, 二〇二六年一月二十七日在…), nor a photo's
caption that ends with its credit (本报记者王明摄), nor a table's or figure's caption however long
(表4：东、中、西部地区工业总产值增长速度及比重变化情况, in Markdown bold or not) or the line a table
follows.

Passing example::

    docs:
      d.txt: |
        中心血站采供血业务覆盖全区各级医疗机构，率先完成市级标准化建设。

        涪陵区疾病预防控制中心

        1月26日，示例省第十四届人民代表大会第四次会议开幕。省长作政府工作报告。本报记者王明摄

        各位代表：

        ——2026年1月14日在示例省第十四届人民代表大会第四次会议上

        ――二〇二六年一月二十七日在示例省十四届人民代表大会第四次会议上

        各位代表：

        **表4：东、中、西部地区工业总产值增长速度及比重变化情况**

        |  | 东部地区 | 中部地区 |
        | --- | --- | --- |
        | 1985年比重(%) | 60.3 | 27.2 |

Failing example::

    docs:
      d.txt: |
        中心血站采供血业务覆盖全区各级医疗机构，2023年全年献血量8.78吨，率先完成市

        涪陵区疾病预防控制中心
"""
import re

from checker.rules.shared.textscan import CLOSERS, SENTENCE_END

CODE = "CC404"
NAME = "cut-off-sentence"
SEVERITY = "warning"
READS = "texts"

# a table row set with spaces: a name, then figures (乡镇卫生院 1630 98577 39772 7523)
_SPACED_ROW = re.compile(r"^\S+(?:[ \u3000]+[-+]?[0-9][0-9,.%‰]*){3,}$")
# ——2026年1月14日在…会议上, ――二〇二六年一月二十七日在…: a speech's date line, in figures or in words
_DATE_LINE = re.compile(r"[（(—―\-\s]*(?:(?:19|20)[0-9]{2}|[〇○零一二三四五六七八九]{4})年[0-9一二三四五六七八九十]{1,3}月"
                        r"[0-9一二三四五六七八九十]{1,3}日")
_COMMA = re.compile("[，,；;]")  # a title has none; a sentence of that length has
_CREDIT = re.compile(r"(?:记者|摄影|通讯员)[^。，,]{1,16}摄$")  # a photo's caption ends with its credit: 本报记者阮洋摄
_OPENS = ":："  # 报告如下： introduces the lines after it
# 表4： 图2-1 附表3 (also in Markdown bold, **表4：…**): a caption names what follows, it is no sentence
_CAPTION = re.compile(r"[*_]{0,2}[ \u3000]*(?:附表|表|图)[ \u3000]*[0-9０-９一二三四五六七八九十]+(?:[-—.．][0-9]+)?"
                      r"[ \u3000]*[：:、.．\s]")
PARAGRAPH = 30   # shorter lines are headings, captions and names
HEADING = 25
_HEADLINE = re.compile(r"[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff“]")
_FACT_BOX = re.compile(r"[0-9０-９][^ \u3000]{0,6}[ \u3000]")
# A numbered or bulleted item: 1、 (2) （三） 4. - — a list's items end without a full stop as often as with one.
_LIST_ITEM = re.compile(r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})[、.．)）]|[(（](?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})[)）]"
                        r"|[-*+•·] ")  # and a Markdown or bulleted list's item: - 县以上文化和旅游事业费…；


def check(ctx):
    out = []
    for path, texts in ctx.texts.items():
        for number, nxt in open_paragraphs(texts):
            if nxt is None or len(texts[nxt - 1].strip()) <= HEADING:
                line = texts[number - 1].rstrip()
                tail = line[-10:]
                what = f"a heading (line {nxt})" if nxt else "the end of the document"
                out.append(ctx.text_finding(CODE, f"the paragraph stops mid-sentence at “…{tail}” before {what}",
                                            path, number, len(line) - len(tail) + 1, tail))
    return out


def open_paragraphs(texts):
    """(line, next non-blank line or None) for paragraphs that do not end a sentence.

    Headlines (parts set apart by spaces), table rows (cells between `|` or tabs,
    or a name and figures set apart by spaces),
    numbered items followed by the next item (1、… 2、…) and the entries of a
    fact box (the next line opens with a figure: "35个 医疗服务能力方面") end
    without punctuation by design, and are left out.
    """
    title = next((i for i, text in enumerate(texts) if text.strip()), None)
    for i, text in enumerate(texts):
        line = text.strip()
        table_row = " | " in line or "\t" in line or _SPACED_ROW.match(line)
        if len(line) < PARAGRAPH or line[-1] in SENTENCE_END + CLOSERS + _OPENS or _HEADLINE.search(line) \
                or table_row or ((i == title or _DATE_LINE.match(line)) and not _COMMA.search(line)) \
                or _CREDIT.search(line):
            continue  # a table row's cells end without punctuation too
        if _CAPTION.match(line) or (line[:2] == "**" and line[-2:] == "**"):  # a caption, a Markdown bold line
            continue
        nxt = next((j + 1 for j in range(i + 1, len(texts)) if texts[j].strip()), None)
        following = "" if nxt is None else texts[nxt - 1].strip()
        if nxt is not None and (_FACT_BOX.match(following) or following.startswith("|")
                                or (_LIST_ITEM.match(line) and _LIST_ITEM.match(following))):
            continue  # a fact box's entries; the line before a table (its caption); a list's items
        yield i + 1, nxt
