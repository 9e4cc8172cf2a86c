"""Figures in a table: a cell is named by its column's headers, and its row's first cell says whose it is.

A table reaches the extractor as lines of cells between `|`, as bulletins' text layers and web pages
often give them. The header rows are the rows of the table above its first row of figures. A header
row with fewer cells than the table has columns spans them evenly (医院 | 乡镇卫生院 over four columns of
诊疗人次数 and 出院人次数); one with a cell fewer leaves out the corner above the rows' names. A unit in
brackets in a header, 诊疗人次数 (万人次), is the unit of its column's cells; a caption's unit (单位：万人)
is every column's that names none. A header that is a year (2023年, 2023年末) dates its column's cells, and
then the row's first cell says what they measure (医院 | 36976 | 38355 under 2022年 and 2023年).

A plan's table of main indicators names its columns' roles: the row's indicator stands under 主要指标 (not
in the first cell, which may be the area it belongs to), its unit under 单位, and 预期性 or 约束性 under
指标性质 marks a row of targets, whose cells under a year later than the table's first year are the plan's
goals. The words of each role are data (`table_roles` in checker/data/extract.yaml).

A table pasted as plain text has no `|`: its cells stand between tabs (copied from a spreadsheet or a Word
table), or between spaces (a yearbook's rows: 医院 1926 378854 384713, under a line of column names).
pipe_view marks those breaks with `|`, character for character, so that such a table reads as any other.
A table a web page or a PDF gave one cell per line is found by stacked_tables and read as the rows it was.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.extract import periods
from checker.language import numbers
from checker.language.characters import han_count, is_han

_NUMBER = re.compile(r"^[<>≤≥＜＞]?[-+]?[0-9０-９][0-9０-９,.．%‰]*$")  # 83, 4.50, <5, ≥72
_UNIT = re.compile(r"[(（]\s*(?:单位[:：]\s*)?([^()（）]+?)\s*[)）]")
_CAPTION_UNIT = re.compile(r"单位[:：]\s*([^\s,，;；)）|]+)")
_YEAR_HEAD = re.compile(r"^((?:19|20)[0-9]{2})年(?:末|底|度|全年)?(?=[\u4e00-\u9fff])")  # 1995年产量, 2023年末人数
YEAR_CELL = re.compile(r"^(\d{4})年?(?:末|底|度|全年)?$")
# a year and a part of it heading a column: 2018年第四季度, 2024年1-11月, 2023年上半年
_YEAR_PART_CELL = re.compile(r"^((?:19|20)\d{2})年(?P<part>上半年|下半年|第?[一二三四1-4]季度|前三季度|"
                             r"\d{1,2}(?:[-—–~～至]\d{1,2})?月份?)(?:累计)?$")
HEADER_ROWS = 4  # at most this many header rows are read above a table's figures


def _part_of(words: str) -> str:
    """The claim format's part of a year a header names after its year (第四季度: Q4, 1-11月份: -01~11), as running
    text reads it (checker.extract.periods); "" for none."""
    return periods.in_part("", periods.YEAR_PART.fullmatch(words.removesuffix("份")))


@dataclass(frozen=True)
class Column:
    words: str             # what the column's headers name, top to bottom: 医院诊疗人次数
    unit: str | None       # the unit its headers give its cells, if any
    period: str | None = None  # the year its headers date its cells with, if any
    row_name: str = ""     # the row's indicator cell, when a header names that column (主要指标)
    row_unit: str | None = None  # the unit the row's 单位 cell gives, if any
    planned: bool = False  # the cell is a plan's goal: a later year than the table's first, in a row of targets
    change: bool = False   # the cell is a change on a year before (比上年增长(%)), of what its row names
    part: str = ""         # the part of the year its headers date its cells with (2018年第四季度: Q4)


@dataclass(frozen=True)
class Roles:
    """The header words that give a column a role (checker/data/extract.yaml `table_roles`)."""

    name: tuple = ()       # 主要指标, 指标名称: the rows' indicators stand below
    unit: tuple = ()       # 单位: the rows' units
    planned: tuple = ()    # 预期性, 约束性: cells that mark a row of a plan's targets
    serial: tuple = ()     # 序号: the rows' numbers, no figures
    value: tuple = ()      # 绝对数, 数值: the rows' values, which the rows name
    change: tuple = ()     # 比上年增长, 增速: the rows' changes on a year before, which the rows name


# a figure with its unit in one cell (13.61 亿吨, 1.5倍), not a header that opens with a year (1995年产量)
_FIGURE = re.compile(r"^(?!(?:19|20)[0-9]{2} ?年)[<>≤≥＜＞]?[-+]?[0-9０-９][0-9０-９,.．]* ?[^\s0-9０-９|]{1,6}$")
_MARKDOWN_ROW = re.compile(r"^([ \t]*)\|(?=[^\n]*\|)", re.M)  # a row of a Markdown table opens with |
_ALIGNMENT = re.compile(r"^:?-{3,}:?$")  # | --- | :---: |: a Markdown table's line under its header
MIN_SPACED_FIGURES = 3  # a row of a table set with spaces: a name, then at least this many figures
_GAP = re.compile(r"(?<=\S)[ \t\u3000]+(?=\S)")
_WIDE_GAP = re.compile(r"(?<=\S)(?: {2,}|\u3000)[ \u3000]*(?=\S)")  # between the columns of a table laid out in text


def pipe_view(text: str) -> str:
    """text with each cell break of a table set with tabs or spaces written `|` (its first character: the
    text keeps its length, line for line, so that positions in it are positions in the printed text), and a
    Markdown table's rows without the `|` that opens them (| 原煤 | 13.61 亿吨 | reads as 原煤 | 13.61 亿吨 |)."""
    if "|" in text and _MARKDOWN_ROW.search(text):
        text = _MARKDOWN_ROW.sub(lambda m: m.group(1) + " ", text)
    wide = _WIDE_GAP.search(text) is not None
    if "\t" not in text and not wide and not _maybe_spaced(text):
        return text
    lines = text.split("\n")
    marked = [_tabbed(line) for line in lines]
    rows = [_spaced_row(line) for line in lines]
    for i, line in enumerate(lines):
        if rows[i]:
            marked[i] = _row_marked(line)
            above = _header_above(lines, rows, i)
            if above is not None and "|" not in marked[above]:
                marked[above] = _header_marked(lines[above])
                _mark_top_header(lines, marked, above)
    if wide:
        _mark_wide_tables(lines, marked)
    _mark_year_tables(lines, marked)
    return "\n".join(marked)


def _mark_year_tables(lines: list[str], marked: list[str]) -> None:
    """A table of two years (or more) set with single spaces, in marked, in place: a header ending in the years
    (项目 2008 2009, Item 2008年 2009年) and the rows under it, each a name then as many figures. Rows of three
    figures or more are read without it; a row of two only under such a header (卫生机构(个) 7423 7919), which
    running text never is."""
    years = 0  # columns of the header read above, 0: none
    for i, line in enumerate(lines):
        if "|" in marked[i] or "\t" in line:
            years = 0
            continue
        head = _years_at_end(line)
        if head:
            years = head
            marked[i] = _marked_before_last(line, years)
            continue
        tokens = line.split()
        if years and len(tokens) > years and all(_NUMBER.match(t) for t in tokens[-years:]) \
                and not all(_NUMBER.match(t) for t in tokens[:-years]):
            marked[i] = _marked_before_last(line, years)
        elif line.strip():
            years = 0


def _years_at_end(line: str) -> int:
    """How many years end the line after words (项目 2008 2009: 2), when at least two; else 0."""
    tokens = line.split()
    count = 0
    while count < len(tokens) and YEAR_CELL.match(tokens[-1 - count]) and 1900 <= int(tokens[-1 - count][:4]) <= 2100:
        count += 1
    return count if count >= 2 and count < len(tokens) else 0


def _marked_before_last(line: str, cells: int) -> str:
    """line with the gaps before its last cells tokens marked `|` (the rest is the row's name, spaces and all)."""
    gaps = list(_GAP.finditer(line.rstrip()))
    out = list(line)
    for gap in gaps[len(gaps) - cells:]:
        out[gap.start()] = "|"
    return "".join(out)


def _mark_wide_tables(lines: list[str], marked: list[str]) -> None:
    """Cell breaks of tables whose columns are set apart by wide gaps (two spaces or more: text a PDF was saved
    as with its layout), in marked, in place. A row is three cells or more, one after the first a figure; the
    line of column names above a table's first row is its header. A row indented and one cell short of its
    header lacks its first cell (a category merged over several rows: 健康水平 | 人均预期寿命 …, then
    | 孕产妇死亡率 …): its indent is that empty cell."""
    header = 0  # cells of the header of the table being read (0: none)
    for i, line in enumerate(lines):
        if "|" in marked[i] or not _wide_row(line):
            header = 0 if line.strip() else header
            continue
        if not header:
            above = _line_above(lines, i)
            names = _WIDE_GAP.split(lines[above].strip()) if above is not None else []
            if len(names) >= MIN_SPACED_FIGURES and "|" not in marked[above] and not _has_figure(names):
                marked[above] = _WIDE_GAP.sub(lambda m: "|" + m.group()[1:], lines[above])
                _mark_top_header(lines, marked, above)
            header = len(names) if len(names) >= MIN_SPACED_FIGURES else -1
        row = _WIDE_GAP.sub(lambda m: "|" + m.group()[1:], line)
        indent = len(line) - len(line.lstrip(" \u3000"))
        if indent and header == len(_WIDE_GAP.split(line.strip())) + 1:
            row = "|" + row[1:]
        marked[i] = row


def _mark_top_header(lines: list[str], marked: list[str], header: int) -> None:
    """The upper line of a header of two (机构数(个)  床位数(张) over 2022年  2023年  2022年  2023年), right above
    the lower one and set apart by wide gaps, marked as the lower one is."""
    top = header - 1
    names = _WIDE_GAP.split(lines[top].strip()) if top >= 0 else []
    if len(names) >= 2 and "|" not in marked[top] and not _has_figure(names):
        marked[top] = _WIDE_GAP.sub(lambda m: "|" + m.group()[1:], lines[top])


def _wide_row(line: str) -> bool:
    if "\t" in line:
        return False
    cells = _WIDE_GAP.split(line.strip())
    return len(cells) >= MIN_SPACED_FIGURES and _has_figure(cells[1:])


def _has_figure(cells: list[str]) -> bool:
    return any(_NUMBER.match(c) or _FIGURE.match(c) for c in cells)


def _line_above(lines: list[str], i: int) -> int | None:
    """The nearest line above line i with text, or None."""
    j = i - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    return j if j >= 0 else None


def _maybe_spaced(text: str) -> bool:
    return re.search(r"\S[ \u3000]+[0-9]+(?:[ \u3000]+[0-9][0-9.,%]*){1,}[ \u3000]*(?:\n|$)", text) is not None


def _tabbed(line: str) -> str:
    """A line of two tabs or more (cells copied from a spreadsheet): each tab is a break."""
    return line.replace("\t", "|") if line.count("\t") >= 2 and "|" not in line else line


def _spaced_row(line: str) -> bool:
    """A name then figures only, set apart by spaces: 医院 1926 378854 384713; or a name, its unit and figures, as
    a yearbook prints them (诊疗人次数 万人次 8158.6 7765.5 7308.2, 1.治 愈 1154025 1355815 1489703)."""
    return _name_tokens(line) is not None


def _name_tokens(line: str) -> int | None:
    """How many of a spaced row's tokens make its name (a yearbook spreads a short one: 1.治 愈), or None when
    the line is no such row: a name, perhaps a unit, then figures only."""
    if "|" in line or "\t" in line:
        return None
    tokens = line.split()
    named = 1
    while named < len(tokens) and named < SPREAD_NAME_MOST and len(tokens[named]) == 1 and is_han(tokens[named]) \
            and not _SPACED_UNIT.match(tokens[named]):
        named += 1  # 1.治 愈: one name spread out
    first = named + 1 if len(tokens) > named + 1 and _SPACED_UNIT.match(tokens[named]) else named
    if len(tokens) - first < MIN_SPACED_FIGURES or _NUMBER.match(tokens[0]) \
            or not all(_NUMBER.match(t) for t in tokens[first:]):
        return None
    return named


def _row_marked(line: str) -> str:
    """A spaced row's gaps marked `|`, but not those inside its name."""
    named = _name_tokens(line) or 1
    gaps = list(_GAP.finditer(line))
    out = list(line)
    for gap in gaps[named - 1:]:
        out[gap.start()] = "|"
    return "".join(out)


SPREAD_NAME_MOST = 4  # tokens of a name a yearbook spreads out over its column


# 万人次, 张, %: a unit between a row's name and its figures
_SPACED_UNIT = re.compile(r"^(?:%|‰|‱|[万亿千百十]?(?:人次|床日|平方米|公里|人|个|家|张|元|天|日|台|所|床|岁|例|件|次|吨|册))$")


def _header_marked(line: str) -> str:
    """A header line's gaps marked `|`, but not those inside a word spread out over its column (项    目, 单 位)."""
    gaps = list(_GAP.finditer(line))
    ends = [0] + [g.end() for g in gaps]
    starts = [g.start() for g in gaps] + [len(line)]
    single = [len(t) == 1 and is_han(t) for t in (line[a:b].strip() for a, b in zip(ends, starts))]
    out = list(line)
    k = 0
    while k < len(gaps):
        run = k
        while run < len(single) and single[run]:
            run += 1
        size = run - k  # single characters from token k on: a word spread out, or two words of two (项 目 单 位)
        if size >= 2:
            for j in range(k, run - 1):
                if size % 2 == 0 and (j - k) % 2 == 1:
                    out[gaps[j].start()] = "|"
            k = run - 1
        if k < len(gaps):
            out[gaps[k].start()] = "|"
        k += 1
    return "".join(out)


def _header_above(lines: list[str], rows: list[bool], i: int) -> int | None:
    """The line of column names right above the first row of a spaced table (blank lines skipped)."""
    j = _line_above(lines, i)
    if j is None or rows[j]:
        return None
    tokens = lines[j].split()
    return j if len(tokens) >= MIN_SPACED_FIGURES and not any(_NUMBER.match(t) for t in tokens) else None


def cells(line: str) -> list[str]:
    """The cells of a table row, without the empty ones a closing `|` leaves at its end."""
    out = [cell.strip() for cell in line.split("|")]
    while out and not out[-1]:
        out.pop()
    return out


def is_figures_row(row: list[str]) -> bool:
    """A row of figures, not of headers: a cell after the first is a number, or the first is a serial number
    (5 | 健康发展指数 | % | 达到市定水平); a row of years is a header (| 1985 | 1995 | 1985 | 1995 |)."""
    if is_years_row(row):
        return False
    return any(_NUMBER.match(cell) or _FIGURE.match(cell) for cell in row[1:]) or \
        (bool(row) and row[0].isdigit() and len(row[0]) <= 3)


def is_years_row(row: list[str]) -> bool:
    """A header row whose cells after the first are years, bare or not (指标 | 2020 | 2025, | 1985 | 1995 |)."""
    later = [re.sub(r"\s+", "", cell) for cell in row[1:] if cell.strip()]
    return len(later) >= 2 and not _NUMBER.match(row[0] if row else "") and all(
        YEAR_CELL.match(cell) and 1900 <= int(cell[:4]) <= 2100 for cell in later)


def column_at(line: str, pos: int, rows_above: list[str], units: dict, caption: str = "",
              roles: Roles = Roles()) -> Column | None:
    """The column of the cell at pos in a table row, named by the header rows among rows_above (nearest
    last) and the caption above them; None when the row is no table row or the cell is the row's name, unit
    or serial number."""
    placed = _placed(line, pos, rows_above, roles)
    if placed is None:
        return None
    headers, values, index, layout = placed
    width = len(values)
    if index >= width:
        return None
    column = index + layout.shift
    if (index == 0 and not layout.shift) or column in (layout.name_at, layout.unit_at, layout.serial_at):
        return None  # the row's name (主要指标), unit (单位) or serial number (序号)
    row_name = re.sub(r"\s+", "", layout.cell(values, layout.name_at) or "")
    said = re.sub(r"\s+", "", layout.cell(values, layout.unit_at) or "")
    row_unit = said if said in units else _unit_of(said)  # 万张 is a table's unit (units.txt); 1万张 is no figure
    names, unit, period, part = [], None, None, ""
    for row in headers:
        head = _cell_for(row, column, width + layout.shift)
        if not head:
            continue
        found = _UNIT.search(head)
        if found and _unit_word(found.group(1), units):
            unit = _unit_word(found.group(1), units)
        # 诊疗人次数(万人次) and 比重(%) lose their unit; 执业(助理)医师(人) keeps (助理), a part of its name
        words = re.sub(r"\s+", "", without_unit(head, units))
        year = YEAR_CELL.match(words) or _YEAR_PART_CELL.match(words) or _YEAR_HEAD.match(words)
        if year:
            period = year.group(1)
            part = _part_of(year.groupdict().get("part") or "")
            words = words[year.end():]  # 1995年产量: 产量 in 1995
        if words:
            names.append(words)
    if unit is None:
        unit = caption_unit(caption, units)
    first = layout.first_year
    planned = bool(period and first and int(period) > first and any(c in roles.planned for c in values))
    words = "".join(names)
    change = words in roles.change  # on the year before; 比2020年增长 spans years the column does not say
    if change or words in roles.value:
        return Column("", unit, period, row_name, row_unit, planned, change, part)  # the row names what the cell is
    return Column(words, unit, period, row_name, row_unit, planned, part=part) if names or period else None


def in_role_column(line: str, pos: int, rows_above: list[str], roles: Roles = Roles()) -> bool:
    """The cell at pos stands under 单位 or 序号: /10万 there is the row's unit and 3 its number, no figures."""
    placed = _placed(line, pos, rows_above, roles) if roles.unit or roles.serial else None
    if placed is None:
        return False
    _, values, index, layout = placed
    column = index + layout.shift
    return column == layout.serial_at or (column == layout.unit_at and _unit_of(layout.cell(values, column) or "")
                                          is not None)


def _placed(line: str, pos: int, rows_above: list[str], roles: Roles) -> tuple | None:
    """(headers, the row's cells, the index of the cell at pos among them, the row's layout), or None when
    the line is no row of a table with headers."""
    if "|" not in line:
        return None
    headers = _headers(rows_above)
    if not headers:
        return None
    values, index = _unmerged(cells(line), line.count("|", 0, pos), max(map(len, headers)), roles)
    values, index = _unit_left_out(values, index, max(headers, key=len), roles)
    return headers, values, index, _layout(headers, values, roles)


def _unit_left_out(values: list[str], index: int, header: list[str], roles: Roles) -> tuple[list[str], int]:
    """A row one cell short of a header whose second column is the unit, with a figure where the unit would
    stand (机构数 | 751 | 810 under 项目 | 单位 | 1990年 | 1995年): a count, its unit left out. Its cells and where
    the cell at index went, with the unit's cell empty."""
    if len(values) != len(header) - 1 or len(header) < 3 or re.sub(r"\s+", "", header[1]) not in roles.unit \
            or not _NUMBER.match(values[1] if len(values) > 1 else ""):
        return values, index
    return [values[0], "", *values[1:]], index + (index >= 1)


def _unmerged(values: list[str], index: int, width: int, roles: Roles) -> tuple[list[str], int]:
    """The row's cells with a name and the unit printed beside it in one cell (人均预期寿命 岁, as a PDF's
    narrow columns come out) told apart, while the row has fewer cells than its headers; and where the cell
    at index went."""
    if not roles.unit or len(values) >= width:
        return values, index
    out: list[str] = []
    moved = index
    for i, cell in enumerate(values):
        name, _, unit = cell.rpartition(" ")
        split = (len(values) + len(out) - i < width and han_count(name) >= 2
                 and not _NUMBER.match(unit) and _unit_of(unit) is not None)
        if i == index:
            moved = len(out) + split
        out.extend((name, unit) if split else (cell,))
    return out, moved


@dataclass(frozen=True)
class _Layout:
    """How a row lines up with its table's headers, in the headers' columns."""

    shift: int = 0                 # header column = row column + shift: cells a span above left out, at the left
    name_at: int | None = None     # the columns of the rows' indicator, unit and serial number
    unit_at: int | None = None
    serial_at: int | None = None
    first_year: int | None = None  # the earliest year a header names

    def cell(self, values: list[str], column: int | None) -> str | None:
        at = None if column is None else column - self.shift
        return values[at] if at is not None and 0 <= at < len(values) else None


def _layout(headers: list[list[str]], values: list[str], roles: Roles) -> _Layout:
    """The roles of the fullest header row's columns, and the shift that lines the row up with them best: a
    row printed without the cell a span above gives it (2 | 婴儿死亡率 | ‰ | <5 under 类别 | 序号 | 指标名称 |
    单位 | 2025年) stands one column to the right of where its cells fall."""
    full = max(headers, key=len)
    found: dict = {}
    years: list[int] = []
    first_year = None
    for i, cell in enumerate(full):
        words = re.sub(r"\s+", "", cell)
        for role, names in (("name_at", roles.name), ("unit_at", roles.unit), ("serial_at", roles.serial)):
            if words in names and (i or role != "name_at"):
                found[role] = i
        year = YEAR_CELL.match(words)
        if year:
            years.append(i)
            first_year = min(first_year or 9999, int(year.group(1)))
    shifts = range(max(0, len(full) - len(values)) + 1) if found else (0,)
    best = max(shifts, key=lambda shift: (_fit(_Layout(shift, **found), values, years), -shift))
    return _Layout(best, first_year=first_year, **found)


def _fit(layout: _Layout, values: list[str], years: list[int]) -> int:
    """How well the row's cells fit the columns' roles when lined up so."""
    name = layout.cell(values, layout.name_at) or ""
    unit = layout.cell(values, layout.unit_at) or ""
    serial = layout.cell(values, layout.serial_at) or ""
    score = 2 * (han_count(name) >= 2)
    score += bool(unit) and not _NUMBER.match(unit) and _unit_of(unit) is not None
    score += serial.isdigit()
    return score + sum(1 for column in years if re.search("[0-9０-９]", layout.cell(values, column) or ""))


_PERCENT = {"%": "percent", "％": "percent", "‰": "permille"}  # as the number reader names them


def _unit_word(words: str, units: dict) -> str | None:
    """The unit the words in a header's brackets name, if they are one: a table unit (万人次), or a percent or
    per-mille as the number reader names it."""
    words = words.strip()
    return _PERCENT.get(words, words) if words in units or words in _PERCENT else None


def _unit_of(cell: str) -> str | None:
    """The unit a 单位 cell names, as the number reader names it: % is percent, /10万 per_100k, 岁 岁."""
    if not cell.strip():
        return None
    try:
        return numbers.parse("1" + re.sub(r"\s+", "", cell)).unit
    except numbers.NumberError:
        return None


def caption_name(caption: str, units: dict) -> str:
    """What a table's caption says it counts: 表1 2023年末医疗卫生机构数（单位：个） → 医疗卫生机构数."""
    words = _CAPTION_UNIT.sub("", without_unit(caption.strip(), units))
    words = _CAPTION_LEAD.sub("", re.sub(r"[（(][^()（）]*[)）]", "", words))
    return re.sub(r"\s+", "", words)


_CAPTION_LEAD = re.compile(r"^[*_ \u3000]*(?:附表|表|图)?[ \u3000]*[0-9０-９一二三四五六七八九十-]*[ \u3000：:.．、]*"
                           r"(?:(?:19|20)[0-9]{2}[ ]?年(?:末|底|度)?)?[*_]*")


def without_unit(cell: str, units: dict) -> str:
    """The cell without the unit in its brackets (1985年比重(%) → 1985年比重)."""
    return _UNIT.sub(lambda m: "" if _unit_word(m.group(1), units) else m.group(), cell)


def bracket_unit(cell: str, units: dict) -> str | None:
    """The unit in a cell's brackets (1985年比重(%) → percent; 执业(助理)医师数(万人) → 万人), if it has one."""
    return next((u for found in reversed(list(_UNIT.finditer(cell))) if (u := _unit_word(found.group(1), units))),
                None)


def caption_unit(caption: str, units: dict) -> str | None:
    """The unit a table's caption gives its cells: 单位：万人, or 全国卫生人员数（万人）."""
    for pattern in (_CAPTION_UNIT, _UNIT):
        found = pattern.search(caption)
        if found and found.group(1).strip() in units:
            return found.group(1).strip()
    return None


def row_name(line: str) -> str:
    """A table row's first cell, without the spaces that spread it over its column (北 京 | 9111.1 → 北京), nor
    the English a bilingual yearbook prints after the name (卫生技术人员 Medical Technical Personnel)."""
    name = re.sub(r"\s+", "", line.split("|", 1)[0])
    return _ENGLISH_AFTER.sub("", name) if is_han(name[:1]) or han_count(name) >= 2 else name


_ENGLISH_AFTER = re.compile(r"(?<=[\u4e00-\u9fff)）])[A-Za-z][A-Za-z0-9,&'/.()\-]*$")  # …人员MedicalTechnicalPersonnel


def row_period(line: str) -> str | None:
    """The year a table row's first cell dates the row's cells with (2023年 | 38355 | 1016238)."""
    year = YEAR_CELL.match(row_name(line))
    return year.group(1) if year else None


def _headers(rows_above: list[str]) -> list[list[str]]:
    """The header rows of the table the rows above belong to, top to bottom."""
    headers: list[list[str]] = []
    for line in reversed(rows_above):
        if "|" not in line:
            break
        row = cells(line)
        if row and all(_ALIGNMENT.match(cell) or not cell for cell in row):
            continue  # a Markdown table's alignment line: no header
        if is_figures_row(row):
            if headers:
                break  # figures above the headers: another table
            continue
        headers.insert(0, row)
        if len(headers) == HEADER_ROWS:
            break
    return headers


def _cell_for(row: list[str], index: int, width: int) -> str:
    """The header cell over column index of a table width columns wide."""
    if len(row) == width:
        return row[index]
    if len(row) == width - 1:
        return row[index - 1]  # the corner above the rows' names spans the header rows
    groups = [cell for cell in row[1:] if cell]
    if groups and (width - 1) % len(groups) == 0:
        return groups[(index - 1) // ((width - 1) // len(groups))]
    return ""


# -- tables pasted one cell per line -------------------------------------------------------------------

STACKED_ROWS_MIN = 2    # rows of figures a table pasted one cell per line has at least
_STACKED_CELL_MOST = 30  # characters of one of its text cells (a row's name, a header)
_STACKED_STUB_MOST = 6   # a header over the rows' names (指标, 项目) is this short
_SENTENCE = re.compile("[。；;，,！？!?]")
_FIGURE_LINE = re.compile(r"^[ \t\u3000]*[-+]?[0-9０-９][0-9０-９,.．%‰]*[ \t\u3000]*$", re.M)  # a line that is one figure


@dataclass(frozen=True)
class Stacked:
    """A table a web page or a PDF gave one cell per line (指标 / 2018年 / 2017年 / 总计 / 13091.10 / 12747.20 …),
    read as the rows of cells it was: `lines` is the table written as rows between `|` (its caption first,
    then its header row, then a row per name with its figures), and `cells[k]` gives, for row k of those,
    each cell's (start in that row, number of its line in the text, start of the cell in its line)."""

    lines: tuple
    cells: tuple

    def figure_lines(self) -> set:
        return {line for row in self.cells for _, line, _ in row[1:]}


def serial_lines(text: str) -> set[int]:
    """The lines (1-based) of a table pasted one cell per line that hold its rows' serial numbers (1, 2, 3 …,
    each alone on its line with the row's name on the next line with text), at least SERIAL_RUN of them in
    order; and, under a 单位 header, the lines that hold only a unit (1/10万): no figures either."""
    lines = text.split("\n")
    if not any(line.strip() in _SERIAL_HEADERS for line in lines):
        return set()
    found, run, expected = set(), [], 1
    for i, line in enumerate(lines):
        cell = line.strip()
        if cell.isdigit() and int(cell) == expected and _name_follows(lines, i):
            run.append(i + 1)
            expected += 1
        elif cell == "1" and _name_follows(lines, i):  # a new column of serial numbers
            found.update(run if len(run) >= SERIAL_RUN else ())
            run, expected = [i + 1], 2
        elif cell in _UNIT_CELLS:
            found.add(i + 1)
    return found.union(run if len(run) >= SERIAL_RUN else ())


SERIAL_RUN = 3  # serial numbers in a row that make a column of them
_SERIAL_HEADERS = {"序号", "序 号", "编号", "单位"}
_UNIT_CELLS = {"1/10万", "/10万", "1/万", "1/千", "‰", "%", "％"}


def _name_follows(lines: list[str], i: int) -> bool:
    nxt = next((line.strip() for line in lines[i + 1:i + 4] if line.strip()), "")
    return han_count(nxt) >= 2 and not _NUMBER.match(nxt)  # 5岁以下儿童死亡率 is a name too


def stacked_tables(text: str) -> list[Stacked]:
    """The tables of text pasted one cell per line. Blank lines between the cells are passed over; a name
    followed by no figure (按经济类型分) groups the rows after it and is no row. A table is a run of text cells,
    K column headers among them, then at least two rows of a name and K figures; the header over the rows'
    names (指标) and a caption above it are read when they stand there."""
    if not _FIGURE_LINE.search(text):
        return []
    items = [(i, line.strip(), len(line) - len(line.lstrip())) for i, line in enumerate(text.split("\n")) if line]
    kinds = [_stacked_kind(cell) for _, cell, _ in items]
    # a line of spaces right before figures is a row's name the page lost (its cell held only a space); any
    # other is a blank line between cells
    kept = [k for k in range(len(items)) if kinds[k] != "E" or (k + 1 < len(items) and kinds[k + 1] == "N")]
    items, kinds = [items[k] for k in kept], [kinds[k] for k in kept]
    found, at = [], 0
    while at < len(items):
        table = _stacked_at(items, kinds, at)
        if table is None:
            at += 1
            continue
        found.append(table[0])
        at = table[1]
    return found


def _stacked_kind(cell: str) -> str:
    if not cell:
        return "E"
    if _NUMBER.match(cell.replace(" ", "")):
        return "N"
    return "T" if len(cell) <= _STACKED_CELL_MOST and not _SENTENCE.search(cell) else "X"


def _stacked_at(items: list, kinds: list, at: int) -> tuple[Stacked, int] | None:
    """The table whose first row's name is items[at], and the index after its last row; None if none is."""
    width = _figures_after(kinds, at)
    if kinds[at] != "T" or width < 2 or at < width or any(k != "T" for k in kinds[at - width:at]):
        return None
    rows, i = [], at
    while i < len(items) and kinds[i] in ("T", "E"):  # E: a row whose name was lost
        n = _figures_after(kinds, i)
        if n == width:
            rows.append(i)
            i += 1 + n
        elif n == 0 and i + 1 < len(items) and kinds[i + 1] == "T" and _figures_after(kinds, i + 1) == width:
            i += 1  # a name over rows (按经济类型分): a group, no row
        else:
            break
    if len(rows) < STACKED_ROWS_MIN:
        return None
    headers = at - width
    above = re.sub(r"\s+", "", items[headers - 1][1]) if headers else ""  # 病     名: a word spread over its column
    stub = headers - 1 if headers and kinds[headers - 1] == "T" and len(above) <= _STACKED_STUB_MOST \
        and not any(c.isdigit() for c in above) else None
    top = stub if stub is not None else headers
    caption = top - 1 if top and kinds[top - 1] == "T" else None
    lines, cells = [], []
    if caption is not None:
        lines.append(items[caption][1])
        cells.append(())
    lines.append(" | ".join([items[stub][1] if stub is not None else ""] + [c for _, c, _ in items[headers:at]]))
    cells.append(())
    for r in rows:
        row, spans = "", []
        for k, (line, cell, indent) in enumerate(items[r:r + 1 + width]):
            if k:
                row += " | "
            spans.append((len(row), line + 1, indent))
            row += cell
        lines.append(row)
        cells.append(tuple(spans))
    return Stacked(tuple(lines), tuple(cells)), i


def _figures_after(kinds: list, i: int) -> int:
    n = 0
    while i + 1 + n < len(kinds) and kinds[i + 1 + n] == "N":
        n += 1
    return n
