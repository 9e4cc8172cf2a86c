"""claimcheck lint on documents written for these tests: one clean, one with a slip of every family."""
from __future__ import annotations

import json
from pathlib import Path

from helpers import ROOT, run_check
from typer.testing import CliRunner

from checker.cli.app import app

DATA = Path(__file__).parent / "data"
runner = CliRunner()
RULES = str(ROOT / "rules")


def lint(*args):
    return runner.invoke(app, ["lint", *args, "--rules", RULES, "--format", "json"])


def findings(path):
    result = lint(str(path))
    return result, json.loads(result.stdout)["findings"]


def test_clean_text_has_no_findings():
    result, found = findings(DATA / "lint_clean.txt")
    assert found == [], [f["message"] for f in found]
    assert result.exit_code == 0


# code, line, span: every slip planted in lint_broken.txt, found at its place
PLANTED = [
    ("CC401", 3, "率率"),
    ("CC408", 3, "全区孕产妇死亡率"),
    ("CC402", 5, "示例医科大学"),
    ("CC407", 7, "58家庭"),
    ("CC413", 7, "58家庭医生队伍"),
    ("CC410", 7, "3岁以上婴幼儿"),
    ("CC409", 7, "12.18‰"),
    ("CC401", 9, "甲甲"),
    ("CC410", 9, "三甲甲等"),
    ("CC411", 9, "“"),
    ("CC404", 9, None),
    ("CC403", 13, None),
    ("CC412", 15, None),
]


def test_every_planted_slip_is_found_where_it_is():
    result, found = findings(DATA / "lint_broken.txt")
    got = {(f["code"], f["locations"][0]["line"]) for f in found}
    for code, line, span in PLANTED:
        assert (code, line) in got, (code, line, sorted(got))
        if span:
            assert any(f["code"] == code and f["span"] == span for f in found), (code, span)
    assert len(found) == len(PLANTED), [(f["code"], f["locations"][0]["line"], f["message"]) for f in found]


def test_fixes_are_offered():
    _, found = findings(DATA / "lint_broken.txt")
    fixes = {(f["code"], f["span"], f["fix"]) for f in found if f.get("fix")}
    assert ("CC401", "率率", "率") in fixes
    assert ("CC410", "3岁以上婴幼儿", "3岁以下婴幼儿") in fixes
    assert ("CC410", "三甲甲等", "三级甲等") in fixes


def test_duplicate_names_every_place():
    _, found = findings(DATA / "lint_broken.txt")
    [dup] = [f for f in found if f["code"] == "CC403"]
    assert [loc["line"] for loc in dup["locations"]] == [13, 14]


def test_exit_codes():
    assert runner.invoke(app, ["lint", str(DATA / "lint_broken.txt"), "--rules", RULES]).exit_code == 0
    assert runner.invoke(app, ["lint", str(DATA / "lint_broken.txt"), "--rules", RULES,
                               "--fail-on", "warning"]).exit_code == 1
    missing = runner.invoke(app, ["lint", str(DATA / "nope.txt"), "--rules", RULES])
    assert missing.exit_code == 2 and "no such file" in missing.stderr


def test_non_utf8_document_is_refused_clearly(tmp_path):
    doc = tmp_path / "gbk.txt"
    doc.write_bytes("接种率达99%".encode("gbk"))
    result = runner.invoke(app, ["lint", str(doc), "--rules", RULES])
    assert result.exit_code == 2 and "not UTF-8" in result.stderr and "Traceback" not in result.stderr


def test_check_with_docs_lints_the_documents_too(tmp_path):
    result = run_check([str(tmp_path)], str(DATA), RULES)
    assert any(f.code == "CC401" for f in result.findings) and result.documents == 3


def _doubles_by_hand(line: str) -> list:
    """The definition CC401 implements: at each start, the longest CJK text of 4..1 characters printed twice."""
    out = []
    for start in range(len(line)):
        for size in (4, 3, 2, 1):
            part = line[start:start + size]
            if len(part) == size and part == line[start + size:start + 2 * size] and all(
                    "\u4e00" <= ch <= "\u9fff" for ch in part):
                out.append((start, size))
                break
    return out


def test_doubled_text_search_agrees_with_its_definition():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from checker.rules.cc401_doubled_text import _doubles

    # few distinct characters, so that doubles are common; a Latin letter and punctuation break them
    alphabet = st.sampled_from(list("率复评年度考核人大a，"))

    @settings(max_examples=2000, deadline=None, derandomize=True)
    @given(st.text(alphabet, max_size=30))
    def agree(line):
        assert list(_doubles(line)) == _doubles_by_hand(line)

    agree()
    assert list(_doubles("接种率率达99%，复评复评")) == [(2, 1), (9, 2)]


def test_documents_linted_and_quoted_are_read_once_and_held_once(tmp_path):
    from checker.load.documents import Documents, collect_texts

    (tmp_path / "a.txt").write_text("床位100张。\n", encoding="utf-8")
    outside = tmp_path.parent / f"{tmp_path.name}-b.txt"
    outside.write_text("医院3家。\n", encoding="utf-8")
    docs = Documents(str(tmp_path))
    texts = collect_texts([str(tmp_path), str(outside)], docs)
    assert texts[str(tmp_path / "a.txt")] is docs.lines("a.txt")  # the very same list
    assert texts[str(outside)] == ["医院3家。", ""]  # outside the folder: read on its own
    assert collect_texts([str(tmp_path)]) == {str(tmp_path / "a.txt"): ["床位100张。", ""]}


def _unmatched_by_hand(line: str) -> list:
    """CC411's definition, character by character."""
    from checker.rules.cc411_unbalanced_marks import CLOSING, PAIRS

    out, stack = [], []
    for i, ch in enumerate(line):
        if ch in "《》" and ch in (line[i - 1:i], line[i + 1:i + 2]):
            continue  # 》》点击进入《《: arrows, not titles
        if ch in PAIRS:
            stack.append((i, ch))
        elif ch in CLOSING:
            if stack and stack[-1][1] == CLOSING[ch]:
                stack.pop()
            elif any(o == CLOSING[ch] for _, o in stack):
                while stack[-1][1] != CLOSING[ch]:
                    j, o = stack.pop()
                    out.append((j + 1, o, f"is not closed before “{ch}”"))
                stack.pop()
            else:
                out.append((i + 1, ch, "closes nothing"))
    return out + [(j + 1, o, "is never closed") for j, o in stack]


def test_unbalanced_marks_search_agrees_with_its_definition():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from checker.rules.cc411_unbalanced_marks import _unmatched

    @settings(max_examples=2000, deadline=None, derandomize=True)
    @given(st.text(st.sampled_from(list("“”‘’（）()《》【】「」『』字，")), max_size=24))
    def agree(line):
        assert list(_unmatched(line)) == _unmatched_by_hand(line)

    agree()


def test_garbled_characters_are_found_with_what_they_likely_are(tmp_path):
    text = ("2023年末，全国医疗卫生机构总数锟斤拷1070785个。\n"
            "医院\u00e5\u00bb\u00e9\u2122\u00a2数量\ufffd\ufffd增加，烫烫烫。\n"
            "第二页\x0c第三页\ue123，Pasteur研究所与é医院合作。\x07\n")
    path = tmp_path / "g.txt"
    path.write_text(text, encoding="utf-8")
    result, found = findings(path)
    got = [(f["locations"][0]["line"], f["span"], f["message"].split(": ", 1)[1]) for f in found if f["code"] == "CC415"]
    assert got == [
        (1, "锟斤拷", "replacement characters read back as GBK"),
        (2, "\u00e5\u00bb\u00e9\u2122\u00a2", "UTF-8 read as Latin-1 or Windows-1252"),
        (2, "\ufffd\ufffd", "the replacement character: bytes that could not be read"),
        (2, "烫烫烫", "uninitialised memory printed as text"),
        (3, "\ue123", "Private Use Area characters: a PDF font's glyphs with no text"),
        (3, "\x07", "control characters"),
    ]  # a form feed (a page break) and a lone é in a name are no garbling


def test_pinyin_a_reprint_inserted_after_characters_is_reported_once_a_line(tmp_path):
    path = tmp_path / "p.txt"
    path.write_text("據(jù)國(guó)家統(tǒng)計(jì)局發(fā)布，醫療衛生機構99.5萬(wàn)個(gè)。\n医院(含妇幼保健院)3.0万个。\n",
                    encoding="utf-8")
    result, found = findings(path)
    got = [(f["locations"][0]["line"], f["message"]) for f in found if f["code"] == "CC415"]
    assert len(got) == 1 and got[0][0] == 1 and "pinyin inserted after 7 characters (“據(jù)”)" in got[0][1]


def test_a_numbered_list_whose_items_end_without_a_full_stop_is_no_cut_off_sentence(tmp_path):
    path = tmp_path / "l.txt"
    path.write_text("到2020年将实现以下目标\n1、新建投入使用市级三级公立医院12家,其中10家在原特区外\n"
                    "2、全市常住人口千人床位数达到4.3张\n\n医院坚持以患者为中心，持续改善医疗服务质量，不断优化就医流程和就医环\n\n下一部分\n",
                    encoding="utf-8")
    result, found = findings(path)
    assert [f["locations"][0]["line"] for f in found if f["code"] == "CC404"] == [5]  # only the real cut


def test_a_source_credit_under_every_chart_is_no_duplicated_passage(tmp_path):
    path = tmp_path / "s.txt"
    chart = "数据来源:国家统计局,示例研究院整理"
    path.write_text(f"2022年末全国医疗卫生机构总数103.3万个。\n{chart}\n2022年末全国医院3.7万个。\n{chart}\n",
                    encoding="utf-8")
    result, found = findings(path)
    assert [f for f in found if f["code"] == "CC403"] == []


def test_a_title_a_colon_and_a_bracketed_part_raise_nothing(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("2024年示例省卫生健康事业发展统计公报:居民人均预期寿命达79岁\n来源:示例新闻 2025-12-02\n\n"
                    "根据年度绩效考评工作的通知要求,现将全区卫生健康工作情况报告如下:\n\n一、基本情况\n\n"
                    "2023年,全区有卫生机构111间,其中基层医疗卫生机构8间(镇卫生院4间、社区卫生服务中心4间)。\n"
                    "组建8支家一般的医馆。\n",
                    encoding="utf-8")
    result, found = findings(path)
    assert [f["code"] for f in found if f["code"] in ("CC404", "CC413")] == ["CC413"]  # only the real slip
    assert [f["locations"][0]["line"] for f in found if f["code"] == "CC413"] == [9]


def test_a_table_header_two_columns_share_is_no_duplicated_passage(tmp_path):
    path = tmp_path / "y.txt"
    path.write_text("年 份 Year |\n# 医院、卫生院 Hospitals and Health Care Centers |\n"
                    "# 医院、卫生院 Hospitals and Health Care Centers |\n1995 | 3182 | 416 |\n", encoding="utf-8")
    result, found = findings(path)
    assert [f for f in found if f["code"] == "CC403"] == []


def test_big5_read_as_gbk_is_found_by_the_code_symbol_it_leaves_between_characters(tmp_path):
    path = tmp_path / "b.txt"
    path.write_text("國家衛生健康委發布《2019年我國衛生健康事業發展統計公報》!豆珗蟆凤@示,人均預期壽命77.3歲。\n"
                    "邮箱 info@example.org，见文献[1]，公式 a^2。\n", encoding="utf-8")
    result, found = findings(path)
    got = [(f["locations"][0]["line"], f["message"]) for f in found if f["code"] == "CC415"]
    assert len(got) == 1 and got[0][0] == 1 and "Big5 read as GBK" in got[0][1]  # not the address or the cite


def test_a_yearbook_table_set_with_spaces_or_tabs_is_no_cut_off_sentence(tmp_path):
    rows = ("各类医疗卫生机构基本情况(2015年)\n医疗机构分类 机构数(个) 床位数(张) 卫生技术人员(人) 执业(助理)医师(人)\n"
            "总计 77435 519342 618644 237108 254167 61559 10234\n  乡镇卫生院 1630 98577 98858 39772 27544 7523 2222\n")
    for name, text in (("s.txt", rows), ("t.txt", rows.replace(" ", "\t"))):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result, found = findings(path)
        assert [f for f in found if f["code"] == "CC404"] == [], name


def test_a_tables_caption_is_no_cut_off_or_broken_sentence(tmp_path):
    path = tmp_path / "c.md"
    path.write_text("## 四、工业地区结构\n\n东部地区工业经济发展速度明显快于中、西部地区，这种区域差距呈扩大之势（见表4）。\n\n"
                    "**表4：东、中、西部地区工业总产值增长速度及比重变化情况**\n\n|  | 东部地区 | 中部地区 | 西部地区 |\n"
                    "| --- | --- | --- | --- |\n| 1985年比重(%) | 60.3 | 27.2 | 12.5 |\n\n"
                    "**表5：东、中、西部地区工业总产值经济类型结构对比（％）**\n\n|  | 在总计中：国有工业和集体工业 |  |\n"
                    "| --- | --- | --- |\n| 东部地区 | 27.3 | 39.5 |\n\n"
                    "图2 东、中、西部地区工业总产值增长速度及比重变化情况示意（1985-1995年）\n\n下一部分\n\n"
                    "东部地区工业经济发展速度明显快于中、西部地区，这种区域差距呈扩大之势，中部地区\n\n下一部分\n",
                    encoding="utf-8")
    result, found = findings(path)
    assert [f["locations"][0]["line"] for f in found if f["code"] in ("CC404", "CC405")] == [21]  # the real cut


def test_a_reports_plan_restating_its_review_is_no_splice_but_a_splice_within_a_part_is(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("一、2025年工作回顾\n坚持尽力而为、量力而行，加强普惠性、基础性、兜底性民生建设，办好十件民生实事。\n"
                    "二、2026年重点工作\n坚持民生为大，加强普惠性、基础性、兜底性民生建设，扎扎实实办好群众最关心最直接最现实的民生实事。\n"
                    "中心血站做好科普宣传员，走村串户入企业，宣传无偿献血知识，扎扎实实办好群众最关心最直接最现实的民生实事。\n"
                    "附件1\n加强普惠性、基础性、兜底性民生建设\n",
                    encoding="utf-8")
    result, found = findings(path)
    got = [(f["locations"][0]["line"], f["message"][:8]) for f in found if f["code"] == "CC406"]
    assert [line for line, _ in got] == [5]  # only the clause pasted within the plan part


def test_a_short_quoted_name_or_slogan_may_double_a_character_but_a_slip_in_running_text_may_not(tmp_path):
    path = tmp_path / "q.txt"
    path.write_text("带动“宜荆荆恩”城市群发展，会展经济延续“届届见金”，接种率率达99%。\n", encoding="utf-8")
    result, found = findings(path)
    assert [f["message"][:5] for f in found if f["code"] == "CC401"] == ["`率` i"]


def test_a_title_printed_again_over_the_article_is_no_duplicated_passage_but_a_repeated_figure_is(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("陕西省2026年政府工作报告\n2026年1月27日在陕西省第十四届人民代表大会第四次会议上\n首页 > 政府工作报告\n"
                    "陕西省2026年政府工作报告\n2026年1月27日在陕西省第十四届人民代表大会第四次会议上\n"
                    "全省医疗卫生机构3.6万个\n其他\n全省医疗卫生机构3.6万个\n", encoding="utf-8")
    result, found = findings(path)
    assert [f["locations"][0]["line"] for f in found if f["code"] == "CC403"] == [6]


def test_a_term_the_dictionary_lacks_before_a_word_is_no_doubled_text_but_doubled_grammar_is(tmp_path):
    doc = tmp_path / "d.txt"
    doc.write_text("举办徽学学术大会，中煤煤炭深加工。加快在在建项目建设，促进和和谐发展，处都是活跃跃的创新，"
                   "为医生送上上面锦旗。\n", encoding="utf-8")
    result, found = findings(doc)
    doubled = sorted(f["message"].split("`")[1] for f in found if f["code"] == "CC401")
    assert doubled == ["上", "和", "在", "跃"]  # not 学 (徽学|学术) nor 煤 (中煤|煤炭)


def test_a_report_in_traditional_characters_is_read_with_the_dictionary_for_doubled_text(tmp_path):
    doc = tmp_path / "d.txt"
    doc.write_text("全市綜合醫院54家、中醫醫院9家，適齡兒童接種率率達99%。\n", encoding="utf-8")
    result, found = findings(doc)
    assert [(f["code"], f["message"].split("`")[1]) for f in found if f["code"] == "CC401"] == [("CC401", "率")]


def test_a_full_stop_inside_a_number_is_reported_only_where_a_unit_follows(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text("住院分娩率88。与上年比较，住院分娩率增加2。5个百分点，增长１。２倍。\n"
                    "全年增长2。5月份起实施。收入比缩小至2.54。30%的县区通过评估。投入3。4亿元。病床使用率为85。2%。\n",
                    encoding="utf-8")
    result, found = findings(path)
    got = [(f["locations"][0]["line"], f["locations"][0]["column"], f["span"], f["fix"]) for f in found
           if f["code"] == "CC416"]
    # 2.54。30% ends a decimal; 3。4亿元 may be a count beginning the next sentence
    assert got == [(1, 22, "2。5", "2.5"), (1, 32, "１。２", "１.２"), (2, 50, "85。2", "85.2")]


def test_an_everyday_verb_said_twice_is_spoken_chinese_but_a_term_said_twice_is_a_slip(tmp_path):
    doc = tmp_path / "d.txt"
    doc.write_text("天气好时多出门呼吸呼吸新鲜空气，工作间隙起来活动活动，复评复评工作已完成。\n", encoding="utf-8")
    result, found = findings(doc)
    assert [f["message"].split("`")[1] for f in found if f["code"] == "CC401"] == ["复评"]
