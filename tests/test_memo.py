"""Steps kept between builds: reused only while their inputs are the same."""

from __future__ import annotations

import os

import pytest

from manual import memo


def counting(value):
    calls = []

    def compute():
        calls.append(1)
        return value

    return compute, calls


def test_same_inputs_reuse_the_stored_result(tmp_path):
    compute, calls = counting({"plan": [1, 2, 3]})
    assert memo.remembered(tmp_path, "step", b"inputs", compute) == {"plan": [1, 2, 3]}
    assert memo.remembered(tmp_path, "step", b"inputs", compute) == {"plan": [1, 2, 3]}
    assert len(calls) == 1


def test_changed_inputs_work_it_out_again_and_keep_one_entry(tmp_path):
    first, _ = counting("old")
    second, calls = counting("new")
    memo.remembered(tmp_path, "step", b"one", first)
    assert memo.remembered(tmp_path, "step", b"two", second) == "new"
    assert calls == [1]
    assert len(list(tmp_path.glob("step.*.pickle"))) == 1
    assert memo.remembered(tmp_path, "other", b"one", second) == "new"
    assert len(list(tmp_path.glob("*.pickle"))) == 2


def test_a_damaged_entry_is_worked_out_again(tmp_path):
    compute, calls = counting("value")
    memo.remembered(tmp_path, "step", b"x", compute)
    (entry,) = tmp_path.glob("step.*.pickle")
    entry.write_bytes(b"not a pickle")
    assert memo.remembered(tmp_path, "step", b"x", compute) == "value"
    assert len(calls) == 2


def test_a_failing_step_stores_nothing(tmp_path):
    def broken():
        raise ValueError("bad input")

    for _ in range(2):
        with pytest.raises(ValueError, match="bad input"):
            memo.remembered(tmp_path, "step", b"x", broken)
    assert not list(tmp_path.iterdir())


def test_file_inputs_change_when_a_file_does(tmp_path):
    data = tmp_path / "a.yml"
    data.write_text("one", encoding="utf-8")
    missing = tmp_path / "missing.yml"
    before = memo.of_files([data, missing])
    assert memo.of_files([missing, data]) == before
    data.write_text("longer", encoding="utf-8")
    assert memo.of_files([data, missing]) != before
    edited = memo.of_files([data, missing])
    os.utime(data, ns=(data.stat().st_atime_ns, data.stat().st_mtime_ns + 1_000_000))
    assert memo.of_files([data, missing]) != edited
    missing.write_text("", encoding="utf-8")
    assert memo.of_files([data, missing]) != edited


def test_object_inputs_depend_on_values_not_on_shared_objects():
    shared = ["a long text"] * 2
    separate = ["a long text", "".join(["a long ", "text"])]
    assert memo.of_objects(shared, {"k": 1}) == memo.of_objects(separate, {"k": 1})
    assert memo.of_objects(shared) != memo.of_objects(["a long text", "another"])
