"""``main.py anchor``: the JSON Lines contract the held-out check runs against."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT, shared_path

from models.anchoring import make_anchor

TEXT = "𠀀新华社北京2月13日电 经中央军委主席批准，军队增派2600名医护人员支援武汉抗击新冠肺炎疫情。"


def run_anchor(stdin: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "main.py", "anchor"],
        cwd=ROOT,
        input=stdin.encode("utf-8"),
        capture_output=True,
        timeout=60,
    )


def line(text: str, selector: object) -> str:
    return json.dumps({"text": text, "selector": selector}, ensure_ascii=False) + "\n"


def test_one_answer_line_per_case_in_code_points() -> None:
    start = TEXT.index("支援武汉")
    selector = make_anchor(TEXT, start, start + 4).to_w3c()
    shifted = "【要闻】𠀀" + TEXT
    gone = TEXT.replace("医护人员支援武汉抗击", "")
    result = run_anchor(line(TEXT, selector) + "\n" + line(shifted, selector) + line(gone, selector))
    assert result.returncode == 0, result.stderr
    answers = [json.loads(x) for x in result.stdout.decode("utf-8").splitlines()]
    assert answers == [{"start": start, "end": start + 4}, {"start": start + 5, "end": start + 9}, None]


def test_a_malformed_line_stops_with_a_one_line_reason() -> None:
    good = line(TEXT, make_anchor(TEXT, 1, 4).to_w3c())
    for bad, reason in [
        ("{not json\n", "line 2: not JSON"),
        ('{"text": "abc"}\n', "line 2: no 'selector'"),
        (line(TEXT, [{"type": "TextQuoteSelector", "exact": ""}]), "line 2: TextQuoteSelector has an empty"),
    ]:
        result = run_anchor(good + bad)
        assert result.returncode == 2
        err = result.stderr.decode("utf-8")
        assert reason in err and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1


def test_the_dev_cases_score_within_the_issue_goals() -> None:
    cases_path = shared_path("data", "anchors-dev.jsonl")
    cases = [json.loads(x) for x in cases_path.read_text(encoding="utf-8").splitlines() if x]
    result = run_anchor("".join(line(c["text"], c["selector"]) for c in cases))
    assert result.returncode == 0, result.stderr
    answers = [json.loads(x) for x in result.stdout.decode("utf-8").splitlines()]
    assert len(answers) == len(cases)
    exact = wrong = false_anchor = 0
    for case, got in zip(cases, answers):
        want = case["expect"]
        if got is None:
            exact += want is None
        elif want is None:
            false_anchor += 1
        elif [got["start"], got["end"]] == want:
            exact += 1
        else:
            wrong += 1
    n = len(cases)
    assert exact / n >= 0.99 and wrong / n <= 0.002 and false_anchor / n <= 0.005


def test_a_line_nested_far_too_deeply_is_told_in_one_line_after_the_answers_before_it() -> None:
    deep = '{"text": "春", "selector": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
    good = line(TEXT, make_anchor(TEXT, 1, 4).to_w3c())
    result = run_anchor(good + deep)
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2 and "Traceback" not in err
    assert err.splitlines() == ["dubao anchor: line 2: JSON nested far too deeply"]
    assert [json.loads(x) for x in result.stdout.decode("utf-8").splitlines()] == [{"start": 1, "end": 4}]


def test_ctrl_c_is_told_in_one_line_with_exit_130() -> None:
    """Interrupted while it waits for its next line (the first answered: it is in its loop)."""
    import signal

    process = subprocess.Popen(
        [sys.executable, "main.py", "anchor"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(line(TEXT, make_anchor(TEXT, 1, 4).to_w3c()).encode("utf-8"))
    process.stdin.flush()
    assert json.loads(process.stdout.readline()) == {"start": 1, "end": 4}
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err.decode("utf-8").splitlines() == [
        "dubao anchor: interrupted (Ctrl+C); what was not finished was not saved"
    ]
