"""Spoken tones: the optional view that applies tone sandhi to citation readings."""

from __future__ import annotations

import pytest

from models.language import readings_for, spoken_tones


def spoken(text: str) -> list[str | None]:
    return spoken_tones(text, readings_for(text))


def test_third_tone_before_third_tone_is_said_as_second() -> None:
    assert spoken("你好")[:2] == ["ní", "hǎo"]


def test_bu_before_a_fourth_tone_is_said_bu2() -> None:
    assert spoken("不是")[0] == "bú"
    assert spoken("不好")[0] == "bù"


def test_yi_follows_the_next_tone_unless_it_is_counted() -> None:
    assert spoken("一样")[0] == "yí"
    assert spoken("一天")[0] == "yì"
    assert spoken("第一")[1] == "yī"
    assert spoken("十一")[1] == "yī"
    assert spoken("看一看")[1] == "yi"


def test_the_citation_readings_are_left_as_they_were() -> None:
    readings = readings_for("一样")
    spoken_tones("一样", readings)
    assert readings[0] == "yī"


def test_readings_must_match_the_text() -> None:
    with pytest.raises(ValueError):
        spoken_tones("你好", ["nǐ"])
