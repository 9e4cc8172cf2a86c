"""claimcheck review (issue #24) without a browser: the token, the folders, conflicts, the command line."""
from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
import yaml
from review_workspace import COMMENT, SEED, make, settings_for, started

from checker.review import editing
from checker.review.server import create_app
from checker.review.session import Review

TOKEN = "t0ken-for-the-tests"


@pytest.fixture()
def served(tmp_path):
    review, path = started(tmp_path)
    return create_app(review, TOKEN).test_client(), review, path


def get(client, path, token=TOKEN, host="127.0.0.1"):
    headers = {"Host": host} | ({"X-Claimcheck-Token": token} if token else {})
    return client.get(path, headers=headers)


def post(client, body, token=TOKEN):
    return client.post("/api/save", json=body, headers={"Host": "127.0.0.1", "X-Claimcheck-Token": token})


def test_requests_without_the_token_or_from_another_host_are_refused(served):
    client, _, _ = served
    assert get(client, "/api/documents", token=None).status_code == 403
    assert get(client, "/api/documents", token="wrong").status_code == 403
    assert get(client, "/api/documents", host="evil.example").status_code == 403
    assert get(client, "/api/documents").status_code == 200
    assert get(client, f"/?token={TOKEN}", token=None).status_code == 200  # the address printed


def test_a_save_needs_the_token_in_its_header_not_only_the_cookie(served):
    client, review, path = served
    before = path.read_bytes()
    get(client, f"/?token={TOKEN}", token=None)  # sets the cookie
    figure = next(f for f in review.document(f"{SEED}.txt")["figures"] if f.get("id"))
    answer = client.post("/api/save", json={"action": "confirm", "id": figure["id"]}, headers={"Host": "127.0.0.1"})
    assert answer.status_code == 403 and path.read_bytes() == before


def test_paths_outside_the_folders_are_refused(served, tmp_path):
    client, review, _ = served
    (tmp_path / "secret.txt").write_text("密码123456", encoding="utf-8")
    for name in ("../secret.txt", "/etc/passwd", "../claims/" + SEED + ".yaml"):
        answer = get(client, "/api/document?name=" + name)
        assert answer.status_code == 404 and "123456" not in answer.get_data(as_text=True)
    assert get(client, "/static/../session.py").status_code == 404
    assert get(client, "/static/server.py").status_code == 404
    with pytest.raises(Exception, match="not under the claim paths"):
        review._current(str(tmp_path / "elsewhere.yaml"), {}, new_allowed=True)


def test_a_claim_file_changed_on_disk_is_not_overwritten(served):
    client, review, path = served
    doc = review.document(f"{SEED}.txt")
    figure = next(f for f in doc["figures"] if f.get("state") == "draft")
    path.write_text(path.read_text(encoding="utf-8") + "# edited in an editor meanwhile\n", encoding="utf-8")
    changed = path.read_bytes()
    answer = post(client, {"action": "confirm", "id": figure["id"], "files": doc["files"]})
    assert answer.status_code == 409 and "changed on disk" in answer.get_json()["error"]
    assert path.read_bytes() == changed


def test_confirming_rewrites_one_record_and_keeps_every_other_byte(served):
    client, review, path = served
    doc = review.document(f"{SEED}.txt")
    figure = [f for f in doc["figures"] if f.get("state") == "draft"][3]
    before = path.read_text(encoding="utf-8")
    answer = post(client, {"action": "correct", "id": figure["id"], "files": doc["files"],
                           "fields": {"metric": "三级医院数", "entity": "重庆市"}})
    assert answer.status_code == 200, answer.get_json()
    after = path.read_text(encoding="utf-8")
    item = next(r for r in yaml.safe_load(after) if r["id"] == figure["id"])
    assert item["status"] == "reviewed" and item["metric"] == "三级医院数" and "confidence" not in item
    old_records = before.split("\n- id: ")
    new_records = after.split("\n- id: ")
    changed = [i for i, (a, b) in enumerate(zip(old_records, new_records)) if a != b]
    assert len(old_records) == len(new_records) and len(changed) == 1
    assert COMMENT in after


def test_a_rejected_figure_is_not_drafted_again_by_extract_merge(served, tmp_path):
    from helpers import ROOT, run

    client, review, path = served
    doc = review.document(f"{SEED}.txt")
    figure = next(f for f in doc["figures"] if f.get("state") == "draft")
    answer = post(client, {"action": "reject", "id": figure["id"], "files": doc["files"], "reason": "a year, no claim"})
    assert answer.status_code == 200
    text = path.read_text(encoding="utf-8")
    assert figure["id"] not in text and "claimcheck: rejected" in text and "a year, no claim" in text
    merged = run("extract", str(tmp_path / "docs" / f"{SEED}.txt"), "--docs", str(tmp_path / "docs"), "--merge",
                 "-o", str(path), "--rules", str(ROOT / "rules"))
    assert merged.exit_code == 0, merged.output
    again = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert not any(r["source"]["line"] == figure["line"] and r["surface"] == figure["surface"] for r in again)
    assert any(r["source"]["line"] == doc["figures"][-1]["line"] for r in again)  # the uncaptured one is drafted


def test_the_command_prints_its_address_first_and_stops_cleanly_on_ctrl_c(tmp_path):
    from helpers import ROOT

    claims, docs = make(tmp_path)
    process = subprocess.Popen([sys.executable, "-m", "checker", "review", str(claims), "--docs", str(docs),
                                "--rules", str(ROOT / "rules"), "--no-browser"], cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONFAULTHANDLER": "1"},
                               # as from a terminal: a test run started in the background (nohup, &) passes SIGINT
                               # on ignored, and Python then never turns it into KeyboardInterrupt
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        first = process.stdout.readline().strip()
        assert first.startswith("http://127.0.0.1:") and "/?token=" in first
        import urllib.request

        with urllib.request.urlopen(first.replace("/?token=", "/api/documents?token="), timeout=30) as answer:
            assert f"{SEED}.txt" in answer.read().decode("utf-8")
        process.send_signal(signal.SIGINT)
        try:
            out, err = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGABRT)  # faulthandler prints where every thread stands
            out, err = process.communicate(timeout=30)
            raise AssertionError(f"review did not stop on Ctrl-C within 30 s:\n{err}") from None
    finally:
        process.kill()
    assert process.returncode == 0 and "review stopped" in err and "Traceback" not in err


def test_digest_is_of_the_exact_text():
    assert editing.digest("a\n") != editing.digest("a\r\n")


def test_the_panel_shows_a_drafts_relations(tmp_path):
    from helpers import ROOT, run

    docs, claims = tmp_path / "docs", tmp_path / "claims"
    docs.mkdir()
    claims.mkdir()
    (docs / "公报.txt").write_text("2023年我国卫生健康事业发展统计公报\n2023年末，全国医院38355个，比上年增加1379个。\n",
                                   encoding="utf-8")
    assert run("extract", str(docs / "公报.txt"), "--docs", str(docs), "-o", str(claims / "c.yaml"),
               "--rules", str(ROOT / "rules")).exit_code == 0
    review = Review(settings_for(claims, docs, tmp_path / "cache"))
    review.refresh()
    shown = [r for f in review.document("公报.txt")["figures"] for r in f.get("relations", [])]
    assert any(r.startswith("change from: ") for r in shown), shown


def test_figures_not_captured_are_counted_for_every_document_without_opening_it(tmp_path):
    import shutil

    from helpers import ROOT

    claims, docs = make(tmp_path)
    shutil.copy(ROOT / "seeds" / "002_e4d2c26514aca587.txt", docs / "002_e4d2c26514aca587.txt")  # no claims at all
    review = Review(settings_for(claims, docs, tmp_path / "cache"))
    review.refresh()
    assert all(d["uncaptured"] is None for d in review.documents())
    review.count_in_background().join(timeout=120)
    counts = {d["name"]: d["uncaptured"] for d in review.documents()}
    assert counts[f"{SEED}.txt"] == 1  # the one figure whose draft was removed
    assert counts["002_e4d2c26514aca587.txt"] > 20  # every figure of a document without claims


def test_relations_are_edited_as_the_panel_writes_them_and_read_back_the_same():
    from checker.review.session import Refused, _relation_text, parse_relations

    written = "includes a-1, a-2; change from: a-1, to: a-2, direction: down; series years: 3, direction: up"
    relations = parse_relations(written)
    assert relations == [{"includes": ["a-1", "a-2"]}, {"change": {"from": "a-1", "to": "a-2", "direction": "down"}},
                         {"series": {"years": 3, "direction": "up"}}]
    assert "; ".join(_relation_text(r) for r in relations) == written
    for bad in ("contains a-1", "includes", "share part: a-1, a-2"):
        with pytest.raises(Refused):
            parse_relations(bad)


def test_a_relation_edited_in_the_panel_is_written_to_the_claim(served):
    client, review, path = served
    doc = review.document(f"{SEED}.txt")
    drafts = [f for f in doc["figures"] if f.get("state") == "draft"]
    whole, part = drafts[0], drafts[1]
    answer = post(client, {"action": "confirm", "id": whole["id"], "files": doc["files"],
                           "fields": {"relations": f"includes {part['id']}"}})
    assert answer.status_code == 200, answer.get_json()
    item = next(r for r in yaml.safe_load(path.read_text(encoding="utf-8")) if r["id"] == whole["id"])
    assert item["relations"] == [{"includes": [part["id"]]}]
    bad = post(client, {"action": "confirm", "id": whole["id"], "files": answer.get_json()["files"],
                        "fields": {"relations": "contains x"}})
    assert bad.status_code == 400 and "not one of" in bad.get_json()["error"]


def test_a_rejection_in_a_file_left_without_records_still_counts(served, tmp_path):
    client, review, path = served
    doc = review.document(f"{SEED}.txt")
    figure = next(f for f in doc["figures"] if f.get("state") == "none")
    other = tmp_path / "claims" / "rejections.yaml"
    other.write_text(editing.reject("", f"{SEED}.txt", figure["line"], figure["surface"], "a page number"),
                     encoding="utf-8")
    review.refresh()
    assert not any(f.get("state") == "none" and f["line"] == figure["line"] and f["start"] == figure["start"]
                   for f in review.document(f"{SEED}.txt")["figures"])
