"""Issue metadata from file names: dates, page numbers and papers in the ways archives write them."""

from __future__ import annotations

from datetime import date

from hypothesis import assume, given
from hypothesis import strategies as st

from models.library.filenames import guess_from_name, natural_key

DATE_FORMATS = (
    "{y}-{m:02d}-{d:02d}",
    "{y}{m:02d}{d:02d}",
    "{y}_{m}_{d}",
    "{y}.{m:02d}.{d:02d}",
    "{y}年{m}月{d}日",
)
PAGE_FORMATS = ("第{n}版", "{n:02d}版", "p{n:02d}", "page-{n:03d}", "_{n:02d}")
PAPERS = ("人民日报", "焦作日报", "光明日报", "新华每日电讯")


@given(
    st.dates(min_value=date(1946, 1, 1), max_value=date(2099, 12, 31)),
    st.sampled_from(DATE_FORMATS),
    st.integers(1, 120),
    st.sampled_from(PAGE_FORMATS),
    st.sampled_from(PAPERS),
    st.sampled_from(("", " ", "-", "_")),
)
def test_a_name_with_paper_date_and_page_is_read_whatever_its_format(
    day: date, date_format: str, number: int, page_format: str, paper: str, sep: str
) -> None:
    written = date_format.format(y=day.year, m=day.month, d=day.day)
    page = page_format.format(n=number)
    assume(sep or not page[0].isdigit())  # "2000-01-0101版" is ambiguous to a person too
    guess = guess_from_name(f"{paper}{sep}{written}{sep}{page}")
    assert (guess.paper, guess.date, guess.number) == (paper, day.isoformat(), number)


@given(st.lists(st.integers(0, 999), min_size=1, max_size=30, unique=True))
def test_page_files_sort_by_their_numbers(numbers: list[int]) -> None:
    names = [f"page-{n}.txt" for n in numbers]
    assert sorted(names, key=natural_key) == [f"page-{n}.txt" for n in sorted(numbers)]
