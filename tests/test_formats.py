"""Reports as people write them (issue #23): Word, PDF, web pages and spreadsheets read as the same text.

The fixtures in tests/formats are two seeds and a bulletin's table written
by python-docx, fpdf2 (A4 pages, Noto Sans CJK, a running header and page
numbers), plain HTML and openpyxl: `python tests/document_formats.py` writes them again.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from document_formats import FIXTURES, HEADER, SEEDS, TABLE
from helpers import ROOT, run

FORMATS = (".docx", ".pdf", ".html", ".xlsx")


def drafts(path: Path) -> list[dict]:
    result = run("extract", str(path), "-f", "json", "--rules", str(ROOT / "rules"))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def figures(records: list[dict]) -> list[tuple]:
    return [(r["surface"], r["value"], r.get("unit")) for r in records]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("suffix", FORMATS)
def test_every_format_gives_the_figures_of_the_text_in_their_order(seed, suffix):
    from_text = figures(drafts(ROOT / "seeds" / f"{seed}.txt"))
    assert len(from_text) > 20
    assert figures(drafts(FIXTURES / f"{seed}{suffix}")) == from_text


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_tables_cells_are_named_by_their_row_dated_by_their_column_and_counted_in_the_captions_unit(suffix):
    found = {(r["metric"], r["period"], r["unit"], r["entity"]): r["value"] for r in drafts(FIXTURES / f"table{suffix}")}
    expected = {}
    for row in TABLE[1:]:
        for year, value in zip(("2022", "2023"), row[1:]):
            expected[(f"{row[0]}数", year, "个", "全国")] = int(value)
    assert found == expected


def test_the_text_command_shows_pages_and_leaves_out_running_headers_and_page_numbers():
    result = run("text", str(FIXTURES / f"{SEEDS[0]}.pdf"))
    assert result.exit_code == 0, result.output
    shown = [re.fullmatch(r"p(\d+) +(\d+)  (.*)", line) for line in result.stdout.splitlines()]
    assert all(shown)
    assert len({int(m.group(1)) for m in shown}) >= 3
    assert [int(m.group(2)) for m in shown] == list(range(1, len(shown) + 1))
    assert not any(HEADER in m.group(3) for m in shown)
    assert not any(m.group(3).strip("-– ").isdigit() for m in shown)
    paragraphs = [line.strip() for line in (ROOT / "seeds" / f"{SEEDS[0]}.txt").read_text(encoding="utf-8")
                  .splitlines() if line.strip()]
    lines = [m.group(3) for m in shown]
    assert "".join(lines) == "".join(paragraphs)  # nothing lost, nothing added, in order
    at = 0
    for line in lines:  # each line is whole paragraphs: every line the margin broke was joined again
        end = at
        while "".join(paragraphs[at:end]) != line:
            end += 1
            assert end <= len(paragraphs) and len("".join(paragraphs[at:end])) <= len(line), line
        at = end


def test_compatibility_forms_from_pdf_fonts_become_ordinary_characters():
    from checker.io.formats.layout import ordinary

    assert ordinary("每千⼈⼝床位数6.7张，ﬁ") == "每千人口床位数6.7张，fi"
    assert ordinary("２０２３年，９３．４％") == "２０２３年，９３．４％"  # full-width stays, as in a text file


def test_the_text_command_numbers_lines_as_source_line_counts_them():
    result = run("text", str(FIXTURES / "table.docx"))
    assert result.exit_code == 0
    assert "5  医院 | 36976 | 38355" in result.stdout


@pytest.mark.parametrize("suffix", (".docx", ".pdf"))
def test_claims_citing_the_word_or_pdf_file_pass_quote_verification(tmp_path, suffix):
    docs, claims = tmp_path / "docs", tmp_path / "claims"
    docs.mkdir()
    claims.mkdir()
    name = f"{SEEDS[1]}{suffix}"
    shutil.copy(FIXTURES / name, docs / name)
    made = run("extract", str(docs / name), "--docs", str(docs), "-o", str(claims / "drafts.yaml"),
               "--rules", str(ROOT / "rules"))
    assert made.exit_code == 0, made.output
    curated = (ROOT / "claims" / f"{SEEDS[1]}.yaml").read_text(encoding="utf-8")
    (claims / "curated.yaml").write_text(curated.replace(f"{SEEDS[1]}.txt", name), encoding="utf-8")
    result = run("check", str(claims), "--docs", str(docs), "--rules", str(ROOT / "rules"), "-f", "json",
                 "--select", "CC120,CC121,CC123", "--no-cache")
    report = json.loads(result.stdout)
    assert report["summary"]["claims"] > 40
    assert report["findings"] == [], report["findings"][:3]


def test_findings_about_a_pdf_say_the_page(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    pdf = docs / f"{SEEDS[0]}.pdf"
    shutil.copy(FIXTURES / pdf.name, pdf)
    text = run("text", str(pdf)).stdout
    page, number = next(re.fullmatch(r"p(\d+) +(\d+)  .*", line).groups() for line in text.splitlines()
                        if "2.53个百分点" in line)
    claims = tmp_path / "c.yaml"
    claims.write_text(f"""- id: p-1
  metric: 居民健康素养水平
  entity: 重庆市
  period: "2024"
  kind: change
  surface: 2.53个百分点
  source: {{doc: {pdf.name}, line: {int(number) + 1}, quote: 提高2.53个百分点}}
""", encoding="utf-8")
    result = run("check", str(claims), "--docs", str(docs), "--rules", str(ROOT / "rules"), "-f", "json",
                 "--select", "CC122", "--no-cache")
    found = json.loads(result.stdout)["findings"]
    assert [f["code"] for f in found] == ["CC122"]
    source = [loc for loc in found[0]["locations"] if loc["role"] == "source"]
    assert source and source[0]["line"] == int(number) and source[0]["page"] == int(page)


def test_a_sentence_ending_at_the_margin_ends_its_paragraph_only_when_the_next_line_is_set_apart():
    from checker.io.formats.pdf import _Line, _same_paragraph

    full = _Line(100, 111, 50, 545, ["……提前实现2030年规划目标。"], 842)
    block, spacing = (50, 545), 9.0

    def after(top: float, left: float = 50, words: str = "从一条山谷走廊，到遍布城乡的健康路线网络") -> bool:
        return _same_paragraph(full, _Line(top, top + 11, left, 400, [words], 842), block, spacing, False)

    assert after(120)                             # the usual spacing, not indented: the paragraph goes on
    assert not after(126)                         # space between paragraphs
    assert not after(120, left=72)                # a first-line indent
    assert not after(120, words="\u3000\u3000从一条山谷走廊")  # an indent written as ideographic spaces


def test_every_report_format_says_the_page_of_a_place_in_a_pdf():
    from checker.model.findings import Finding, Location
    from checker.report import github, junit, markdown, sarif, text
    from checker.run.runner import Result

    place = Location("docs/公报.pdf", 12, 3, "source", 4)
    result = Result([Finding("CC121", "error", "quote not found", (Location("c.yaml", 5, 3, "claim"), place))],
                    1, 1, [], {}, 1)
    assert "page 4" in github.render(result)
    assert "(page 4)" in junit.render(result) and "(page 4)" in markdown.render(result)
    assert json.loads(sarif.render(result))["runs"][0]["results"][0]["relatedLocations"][0]["properties"] == {"page": 4}
    assert "(page 4)" in text.render(result)


def test_the_html_report_shows_where_each_page_of_a_pdf_begins(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(FIXTURES / f"{SEEDS[0]}.pdf", docs / f"{SEEDS[0]}.pdf")
    claims = tmp_path / "c.yaml"
    assert run("extract", str(docs / f"{SEEDS[0]}.pdf"), "--docs", str(docs), "-o", str(claims),
               "--rules", str(ROOT / "rules")).exit_code == 0
    out = tmp_path / "r.html"
    run("check", str(claims), "--docs", str(docs), "--rules", str(ROOT / "rules"), "-f", "html", "-o", str(out),
        "--no-cache")
    html = out.read_text(encoding="utf-8")
    pages = re.findall(r'<p class="page">page (\d+)</p>', html)
    assert pages == [str(n) for n in range(1, len(pages) + 1)] and len(pages) >= 3


def test_a_page_set_in_two_columns_is_read_left_column_first():
    from_text = figures(drafts(ROOT / "seeds" / f"{SEEDS[1]}.txt"))
    assert figures(drafts(FIXTURES / f"{SEEDS[1]}-columns.pdf")) == from_text
    shown = run("text", str(FIXTURES / f"{SEEDS[1]}-columns.pdf")).stdout
    assert "把增进人民健康福祉放在优先发展战略地位" in shown  # a sentence across a line break, within its column


def test_a_csv_table_is_read_as_rows_of_cells_and_drafted_like_the_others(tmp_path):
    import csv

    path = tmp_path / "表1 全国医疗卫生机构数（单位：个）.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(TABLE)
    found = {(r["metric"], r["period"], r["unit"]): r["value"] for r in drafts(path)}
    assert found[("医院数", "2023", "个")] == 38355 and found[("专业公共卫生机构数", "2022", "个")] == 12436
    assert len(found) == 6


PLAN_TABLE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>示例县“十四五”卫生健康规划</title></head><body>
<h1>示例县“十四五”卫生健康规划</h1><p>表1 主要指标</p><table>
<tr><th>领域</th><th>主要指标</th><th>单位</th><th>2020年</th><th>2025年</th><th>指标性质</th></tr>
<tr><td rowspan="2">健康水平</td><td>人均预期寿命</td><td>岁</td><td>78.3</td><td>79</td><td>预期性</td></tr>
<tr><td>孕产妇死亡率</td><td>/10万</td><td>9.8</td><td>≤12</td><td>预期性</td></tr>
<tr><td colspan="2">每千人口执业（助理）医师数</td><td>人</td><td>2.6</td><td>3.2</td><td>约束性</td></tr>
</table></body></html>"""


def test_a_cell_spanning_rows_or_columns_stands_in_each_of_them(tmp_path):
    from checker.io.formats.web import html_text

    path = tmp_path / "plan.html"
    path.write_text(PLAN_TABLE, encoding="utf-8")
    rows = [line for line in html_text(path.read_bytes(), path).splitlines() if "|" in line]
    assert rows[2] == "健康水平 | 孕产妇死亡率 | /10万 | 9.8 | ≤12 | 预期性"  # the rowspan cell, carried down
    assert rows[3].startswith("每千人口执业（助理）医师数 | 每千人口执业（助理）医师数 | 人 | 2.6")


def test_a_plans_table_of_main_indicators_gives_each_row_its_indicator_unit_and_goal(tmp_path):
    path = tmp_path / "plan.html"
    path.write_text(PLAN_TABLE, encoding="utf-8")
    found = {r["surface"]: (r["metric"], r.get("unit"), r["period"], r["kind"]) for r in drafts(path)}
    assert found == {
        "78.3": ("人均预期寿命", "岁", "2020", "actual"),
        "79": ("人均预期寿命", "岁", "2025", "target"),  # a later year in a row marked 预期性: the plan's goal
        "9.8": ("孕产妇死亡率", "per_100k", "2020", "actual"),
        "≤12": ("孕产妇死亡率", "per_100k", "2025", "target"),
        "2.6": ("每千人口执业(助理)医师数", "人/千人", "2020", "actual"),
        "3.2": ("每千人口执业(助理)医师数", "人/千人", "2025", "target"),
    }  # /10万 under 单位 is the row's unit, no figure
    lint = run("lint", str(path), "-f", "json")
    assert "CC404" not in lint.stdout  # table rows end without a full stop by design


def _wrapped(paragraphs: list[str], width: int) -> str:
    """Paragraphs cut into lines of width characters, as a PDF copied as text gives them."""
    out = []
    for para in paragraphs:
        out += [para[i:i + width] for i in range(0, len(para), width)] if len(para) > 12 else [para]
    return "\n".join(out) + "\n"


_BULLETIN = ["十一、卫生健康",
             "年末有医疗卫生机构（含村卫生室）4159个，其中医院231个、基层医疗卫生机构3846个。年末卫生技术人员9.60万人，"
             "其中执业（助理）医师3.65万人、注册护士4.64万人。城乡居民基本医疗保险参保人数549.92万人，参保率达99.9%。",
             "十二、生态环境",
             "全年空气质量优良天数315天，优良率86.1%，创有监测记录以来最好水平，空气质量连续4年达到国家二级标准，"
             "县级及以上在用饮用水水源地水质达标率100%。"]


def test_a_text_wrapped_at_a_fixed_width_is_read_a_paragraph_to_the_line_it_starts_on(tmp_path):
    from checker.io.formats import read_document

    wrapped = tmp_path / "bulletin.txt"
    wrapped.write_text(_wrapped(_BULLETIN, 21), encoding="utf-8")  # cuts 3846个, 4.64万人 and 549.92万人
    lines = read_document(wrapped).text.split("\n")
    assert len(lines) == len(wrapped.read_text(encoding="utf-8").split("\n"))  # every line keeps its number
    assert lines[0] == "十一、卫生健康" and lines[1] == _BULLETIN[1]  # the heading stays; the paragraph is whole
    assert lines[2] == "" and _BULLETIN[2] in lines  # its other lines are left empty
    plain = tmp_path / "plain.txt"
    plain.write_text("\n".join(_BULLETIN * 3) + "\n", encoding="utf-8")  # a paragraph a line: left alone
    assert read_document(plain).text == plain.read_text(encoding="utf-8")
    found = {r["surface"]: r for r in drafts(wrapped)}
    assert found["549.92万人"]["value"] == 5499200 and found["549.92万人"]["source"]["line"] == 2
    assert found["3846个"]["metric"] == "基层医疗卫生机构数" and found["4.64万人"]["metric"] == "注册护士数"


def test_a_wrapped_text_with_windows_line_ends_is_read_the_same(tmp_path):
    from checker.io.formats import read_document

    unix = tmp_path / "unix.txt"
    unix.write_text(_wrapped(_BULLETIN, 21), encoding="utf-8")
    windows = tmp_path / "windows.txt"
    windows.write_bytes(unix.read_bytes().replace(b"\n", b"\r\n"))
    lines = read_document(windows).text.split("\n")
    assert lines[2] == "\r" and "十二、生态环境\r" in lines  # a sentence's end before CR ends its paragraph
    assert [line.rstrip("\r") for line in lines] == read_document(unix).text.split("\n")


# A city government's page as such sites lay them out (the figures are invented): menus, breadcrumbs, a
# counter of views, print and share buttons, related links and a footer of registrations around the article.
_GOV_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>统计公报</title></head><body>
<div class="top"><a href="/">首页</a> | 无障碍浏览 <span>今天是2024年8月30日 星期五</span></div>
<div class="wzdh"><ul><li><a>信息公开</a></li><li><a>政务动态</a></li></ul></div>
<div class="position">当前位置：<a>首页</a> &gt; <a>统计信息</a></div>
<div class="article"><h1>2023年成都市卫生健康事业发展统计公报</h1>
<div class="info">发布时间：2024-08-30 10:15 来源：规划发展处 浏览次数：3621</div>
<div class="content"><p>2023年末，全市医疗卫生机构总数4869个，其中医院235个。</p>
<p>全市医院病床使用率81.6%，医院出院者平均住院日8.4日。</p></div>
<div class="share-tools">【打印本页】【关闭窗口】 分享到：微信</div>
<div class="related"><h3>相关链接</h3><ul><li>2022年成都市卫生健康事业发展统计公报 2023-09-12</li></ul></div></div>
<div class="footer">地址：成都市人民路88号 邮编：610041<br>网站标识码：5101000012 蜀ICP备05012345号-1<br>
版权所有 © 2024 建议使用1920×1080分辨率浏览</div></body></html>"""


def test_a_web_page_is_read_without_the_site_around_its_article(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(_GOV_PAGE, encoding="utf-8")
    text = run("text", str(page)).stdout
    assert "2023年成都市卫生健康事业发展统计公报" in text and "医院235个" in text and "发布时间" in text
    for furniture in ("信息公开", "当前位置", "今天是", "打印本页", "相关链接", "ICP", "版权所有"):
        assert furniture not in text, furniture
    found = drafts(page)
    assert sorted(r["surface"] for r in found) == ["235个", "4869个", "8.4日", "81.6%"]  # no counter or footer
    assert {r["period"] for r in found} == {"2023"}  # the title's year, not the day the menu shows
    lint = run("lint", str(page))
    assert "CC404" not in lint.stdout and "CC405" not in lint.stdout


def test_every_claim_of_a_figure_printed_twice_in_a_line_is_marked_where_it_stands(tmp_path):
    """Two figures alike in one line (增长6.8% twice; | 19 | 19 | in a table row) are two places, and 1 is not
    marked inside 19: the HTML report and the review page mark each claim's own."""
    doc = tmp_path / "r.md"
    doc.write_text("2024年，城镇居民人均可支配收入增长6.8%，农村居民人均可支配收入增长6.8%。\n\n"
                   "| 行业 | 位次 | 位次 | 比重 |\n| --- | --- | --- | --- |\n| 森工 | 19 | 19 | 1 |\n", encoding="utf-8")
    claims = tmp_path / "claims.yaml"
    assert run("extract", str(doc), "-o", str(claims)).exit_code == 0
    from checker.load.settings import Settings
    from checker.report.marks import claim_marks
    from checker.run import runner

    result = runner.run(Settings(claims=(str(claims),), docs=str(tmp_path), cache_dir=None))
    marks = next(iter(claim_marks(result.context).values()))
    assert sorted((s, e) for s, e, _ in marks[1]) == [(19, 23), (37, 41)]  # each 增长6.8% its own
    row = "| 森工 | 19 | 19 | 1 |"
    assert [row[s:e] + f"@{s}" for s, e, _ in sorted(marks[5])] == ["19@7", "19@12", "1@17"]


def test_a_growth_rate_in_a_table_that_its_years_figures_do_not_give_is_an_error(tmp_path):
    """A workbook as statistics offices publish them (title, 单位：万人, 2022年 | 2023年 | 比上年增长(%)): each
    growth rate is checked against the two years' figures; one that they do not give is an error."""
    from openpyxl import Workbook

    for name, nurses in (("right", 4.4), ("wrong", 5.4)):
        book = Workbook()
        sheet = book.active
        sheet.title = "卫生资源"
        for row in (["2023年成都市卫生资源情况"], ["单位：万人"], ["指标", "2022年", "2023年", "比上年增长(%)"],
                    ["卫生技术人员", 8.71, 9.02, 3.6], ["注册护士", 3.85, 4.02, nurses]):
            sheet.append(row)
        folder = tmp_path / name
        folder.mkdir()
        book.save(folder / "res.xlsx")
        assert run("extract", str(folder / "res.xlsx"), "-o", str(folder / "claims.yaml")).exit_code == 0
        out = run("check", str(folder / "claims.yaml"), "--no-cache", "-f", "json")
        errors = [f["message"] for f in json.loads(out.stdout)["findings"] if f["severity"] == "error"]
        if name == "right":
            assert errors == [], errors
        else:
            assert len(errors) == 1 and "注册护士数" in errors[0] and "3.85" in errors[0], errors


def test_a_page_wrapped_whole_in_a_block_named_like_furniture_keeps_its_article(tmp_path):
    """<div class="top-wrapper"> around the whole page: a block that says several sentences is the article."""
    page = tmp_path / "w.html"
    page.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div class="top-wrapper">'
                    '<div class="nav-menu"><a>首页</a><a>信息公开</a></div><p>2023年末，全市医院235个。'
                    '全市医疗卫生机构床位7.62万张。全市卫生人员总数11.26万人。</p>'
                    '<div class="footer">地址：成都市人民路88号</div></div></body></html>', encoding="utf-8")
    text = run("text", str(page)).stdout
    assert "医院235个" in text and "卫生人员总数11.26万人" in text
    assert "信息公开" not in text and "人民路" not in text
