"""Duplicated passage: a paragraph, or a run of them, printed again in the same document.

Layout tools and copy-and-paste repeat whole sections; every repeated figure
then looks like an independent confirmation. Lines of at least 12
characters that occur again are grouped into the longest runs that repeat
together, and each run is reported once, with every place it appears.
Sentences of at least 25 characters that reappear inside other paragraphs
are reported the same way. A line that credits a source or a picture
(数据来源：…, 图片由…提供; `credit_words` in lint.yaml) repeats under every
chart by design and is left out; so is a table's header cell (words
between `|`, no figure), which two columns may share, and a run of titles,
headings or date lines with no figure but dates (a web page's title printed
over its article again), which confirms nothing.

Passing example::

    docs:
      d.txt: |
        陕西省2026年政府工作报告
        2026年1月27日在陕西省第十四届人民代表大会第四次会议上
        首页 > 政府信息公开 > 政府工作报告
        陕西省2026年政府工作报告
        2026年1月27日在陕西省第十四届人民代表大会第四次会议上
        2023年采集全血27475人次，同比增长21.33%。
        献血率达12.18‰，临床用血100%来自自愿无偿献血。

Failing example::

    docs:
      d.txt: |
        2023年采集全血27475人次，同比增长21.33%。
        献血率达12.18‰，临床用血100%来自自愿无偿献血。
        中心血站简介
        2023年采集全血27475人次，同比增长21.33%。
        献血率达12.18‰，临床用血100%来自自愿无偿献血。
"""
import re

from checker.language import words
from checker.rules.shared.textscan import DIGITS
from checker.rules.shared.textscan import lines as all_lines

CODE = "CC403"
NAME = "duplicated-passage"
SEVERITY = "warning"
READS = "texts"

MIN_LINE, MIN_SENTENCE = 12, 25


def check(ctx):
    out = []
    for path, texts in ctx.texts.items():
        passages, covered = _passages(texts, tuple(ctx.lint.get("credit_words") or ()))
        for places in passages:
            (first, last), rest = places[0], places[1:]
            if all(_title_like(texts[n - 1].strip()) for n in range(first, last + 1) if texts[n - 1].strip()):
                continue  # a title or heading printed again (a web page's title over its article): no figure
            where = ", ".join(_span(a, b) for a, b in rest)
            out.append(ctx.text_finding(
                CODE, f"{_span(first, last)} {'appears' if first == last else 'appear'} {len(places)} times: "
                      f"again at {where}",
                path, first, 1, texts[first - 1].strip()[:40], "", tuple((a, 1) for a, _ in rest)))
        out.extend(_sentences(ctx, path, texts, covered))
    return out


def _passages(texts, credits: tuple = ()):
    """Runs of lines that repeat together: [[(first, last), ...] per passage], line numbers from 1.

    A passage starts at a repeated line and grows while the line after every
    one of its places is again the same line everywhere.
    """
    body = [(n, t.strip()) for n, t in enumerate(texts, start=1) if t.strip()]
    where: dict = {}
    for i, (_, text) in enumerate(body):
        if len(text) >= MIN_LINE and not text.startswith(credits) and not _header_cell(text):
            where.setdefault(text, []).append(i)
    taken: set = set()
    passages, covered = [], set()
    for i, (_, text) in enumerate(body):
        places = where.get(text, [])
        if len(places) < 2 or i in taken or places[0] != i:
            continue
        length = 1
        while all(p + length < len(body) and p + length not in taken and p + length not in places[1:]
                  and body[p + length][1] == body[i + length][1] for p in places):
            length += 1
        spans = [(body[p][0], body[p + length - 1][0]) for p in places]
        for p in places:
            taken.update(range(p, p + length))
        passages.append(spans)
        covered.update(n for a, b in spans for n in range(a, b + 1))
    return passages, covered


_DATE = re.compile(r"(?:19|20)[0-9]{2} ?年(?:[0-9]{1,2} ?月(?:[0-9]{1,2} ?日)?)?|[0-9]{1,2}时[0-9]{1,2}分|[0-9]{1,2}:[0-9]{2}")
TITLE = 50  # characters: a title or heading, or a speech's date line, is no longer


def _title_like(text: str) -> bool:
    """A title, heading or date line: short, ends no sentence, and states no figure but dates
    (陕西省2026年政府工作报告; 2026年1月27日在陕西省第十四届人民代表大会第四次会议上)."""
    return len(text) <= TITLE and text[-1] not in words.SENTENCE_MARKS + "；;" and "|" not in text and \
        not DIGITS.search(_DATE.sub("", text))


def _header_cell(text: str) -> bool:
    """A table's header cell on a line of its own (# 医院、卫生院 Hospitals |): two columns may share one."""
    return "|" in text and not re.search(r"[0-9]", text)


def _sentences(ctx, path, texts, covered):
    places: dict = {}
    for n, text in enumerate(texts, start=1):
        if n in covered or _header_cell(text):
            continue
        for m in re.finditer(r"[^。！？!?]+[。！？!?]?", text):
            sentence = m.group().strip()
            if len(sentence) >= MIN_SENTENCE:
                places.setdefault(sentence, []).append((n, m.start() + 1))
    out = []
    for sentence, where in places.items():
        if len({n for n, _ in where}) > 1:
            (n, col), rest = where[0], where[1:]
            lines = ", ".join(str(x) for x, _ in rest)
            out.append(ctx.text_finding(CODE, f"the sentence “{sentence[:30]}…” of line {n} appears again on "
                                              f"line{'s' if len(rest) > 1 else ''} {lines}",
                                        path, n, col, sentence, "", tuple(rest)))
    return out


def _span(a: int, b: int) -> str:
    return f"line {a}" if a == b else f"lines {a}–{b}"


del all_lines  # the rule reads whole documents, not single lines
