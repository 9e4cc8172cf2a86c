"""Unbalanced marks: a quotation mark or bracket opened and not closed, or closed and never opened.

Names and figures in quotes (“一号工程”) or brackets (（专科）) must be closed
within their paragraph; an unmatched mark usually means text was cut or
joined around it. Each unmatched mark is reported where it stands. A ’
between Latin letters is an apostrophe (Gardner’s综合征), not a quotation mark;
a bracket opened on a short line and closed a few short lines further is a
web page's control pasted with its text (【字号：/ 大 / 中 / 小 / 】), not a slip;
nor are doubled title marks, arrows a web page draws (》》点击图片进入专题《《).

Passing example::

    docs:
      d.txt: |
        【字号：
        大
        中
        小
        】
        建立了“华西第二医院——荣昌（线上+线下）”分级协同医疗服务体系，诊治Gardner’s综合征。
        》》点击图片进入专题《《

Failing example::

    docs:
      d.txt: 建立了“华西第二医院——荣昌（线上+线下分级协同医疗服务体系。
"""
import re

CODE = "CC411"
NAME = "unbalanced-marks"
SEVERITY = "warning"
READS = "texts"

WIDGET_LINES = 8   # a web page's control (【字号：大 中 小】) spans a few lines …
WIDGET_WIDTH = 12  # … each of a few characters
PAIRS = {"“": "”", "‘": "’", "（": "）", "(": ")", "《": "》", "【": "】", "「": "」", "『": "』"}
CLOSING = {v: k for k, v in PAIRS.items()}


def check(ctx):
    out = []
    for path, texts in ctx.texts.items():
        found = [(number, col, mark, problem) for number, line in enumerate(texts, start=1)
                 for col, mark, problem in _unmatched(line)]
        for number, col, mark, problem in _outside_widgets(found, texts):
            out.append(ctx.text_finding(CODE, f"“{mark}” {problem} in this paragraph", path, number, col, mark))
    return out


def _outside_widgets(found: list, texts: list) -> list:
    """The unmatched marks but those of a bracket a web page's widget opens on one short line and closes a few
    short lines further (【字号：/ 大 / 中 / 小 / 】): the page's controls, not its text."""
    paired: set = set()
    for i, (number, _, mark, problem) in enumerate(found):
        if mark not in PAIRS or "never closed" not in problem:
            continue
        for later in found[i + 1:]:
            close_at = later[0]
            if close_at - number > WIDGET_LINES:
                break
            if later[2] == PAIRS[mark] and "closes nothing" in later[3] and \
                    all(len(texts[n - 1].strip()) <= WIDGET_WIDTH for n in range(number, close_at + 1)):
                paired.update({found[i], later})
                break
    return [f for f in found if f not in paired]


_MARKS = re.compile("[" + re.escape("".join(PAIRS) + "".join(CLOSING)) + "]")


def _unmatched(line: str):
    stack = []
    for m in _MARKS.finditer(line):  # only the marks: most characters of a paragraph are none
        i, ch = m.start(), m.group()
        if ch == "’" and _latin(line, i - 1) and _latin(line, i + 1):
            continue  # Gardner’s, don’t: an apostrophe
        if ch in "《》" and (line[i - 1:i] == ch or line[i + 1:i + 2] == ch):
            continue  # 》》点击进入专题《《: arrows a web page draws with title marks, never a title
        if ch in PAIRS:
            stack.append((i, ch))
        elif ch in CLOSING:
            if stack and stack[-1][1] == CLOSING[ch]:
                stack.pop()
            elif any(o == CLOSING[ch] for _, o in stack):  # close the nearest matching opener; inner ones stay open
                while stack[-1][1] != CLOSING[ch]:
                    j, o = stack.pop()
                    yield j + 1, o, f"is not closed before “{ch}”"
                stack.pop()
            else:
                yield i + 1, ch, "closes nothing"
    for j, o in stack:
        yield j + 1, o, "is never closed"


def _latin(line: str, at: int) -> bool:
    return 0 <= at < len(line) and line[at].isascii() and line[at].isalpha()
