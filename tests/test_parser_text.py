"""Reflowed text: OCR spaces, line joins and the map back to the raw text."""

from __future__ import annotations

from models.parser import parse_page


def _paragraphs(raw: str) -> list[str]:
    return [p.text for s in parse_page(raw).sections for p in s.paragraphs]


def _all_text(raw: str) -> str:
    page = parse_page(raw)
    return "".join(t.text for s in page.sections for t in s.all_texts())


def test_ocr_spaces_between_cjk_and_digits_are_removed() -> None:
    # A 17-character column: the first line is two short where its indent was dropped.
    raw = "本报讯 （记者郭树勋） 10 月 28\n日，示范区召开动员大会，全面贯彻落\n实会议精神，明确提出工作总的指导思\n想和任务。\n"
    (para,) = _paragraphs(raw)
    assert para.startswith("本报讯（记者郭树勋）10月28日，示范区召开")
    assert " " not in para


def test_letter_spaced_line_is_closed_up() -> None:
    raw = "紧紧围绕实施企业培育工程，发\n挥 产 业 聚 集 区 、 高 新 区 的 平 台 作\n用，推进两化融合和科技创新。\n"
    (para,) = _paragraphs(raw)
    assert "发挥产业聚集区、高新区的平台作用" in para


def test_spaces_between_latin_words_and_numbers_are_kept() -> None:
    raw = "新款手机 iPhone 15 在本市上市，销售\n情况良好，市民纷纷前往 Apple Store\n门店购买新款手机产品。\n"
    (para,) = _paragraphs(raw)
    assert "iPhone 15在本市" in para or "iPhone 15 在本市" not in para
    assert "iPhone 15" in para
    assert "Apple Store门店" in para


def test_latin_words_across_a_line_break_get_one_space() -> None:
    raw = "他在会上引用了 the quick brown\nfox jumps 这句英文，大家都笑了。\n"
    (para,) = _paragraphs(raw)
    assert "brown fox" in para


def test_digits_split_across_lines_join_without_space() -> None:
    raw = "我们完全有信心，北京 202\n2 年冬奥会的筹备工作不会受到影响。\n"
    assert "北京2022年冬奥会" in _all_text(raw)


def test_source_map_points_at_the_same_characters_in_the_raw_text() -> None:
    raw = "本报讯 （记者𠀀） 10 月 28\n日，示范区召开动员大会。\n\n区招商局：\n招大引强在行动\n\n该局上下互动，全员行动。\n"
    page = parse_page(raw)
    for section in page.sections:
        for text in section.all_texts():
            assert len(text.text) == len(text.source)
            for ch, off in zip(text.text, text.source):
                if ch != " ":
                    assert raw[off] == ch
                else:
                    assert raw[off].isspace()


def test_astral_characters_count_as_one_code_point() -> None:
    raw = "𠀀𠀁是两个扩展B区汉字，\n它们在这里各算一个字符。\n"
    (section,) = parse_page(raw).sections
    para = section.paragraphs[0]
    assert para.text.startswith("𠀀𠀁是")
    assert para.source[:3] == [0, 1, 2]


def test_raw_text_is_kept_exactly() -> None:
    raw = "  区招商局：\r\n招大引强在行动\n\n该局上下互动。 \n"
    assert parse_page(raw).raw == raw


def test_a_headline_wrapped_between_latin_words_keeps_a_space() -> None:
    raw = "新款 iPhone\nPro 今日发布\n\n苹果公司今天在北京发布了新款手机，\n市民纷纷前往门店购买新款手机产品。\n"
    (section,) = parse_page(raw).sections
    assert section.field_text("heading") == "新款 iPhone Pro 今日发布"


def test_a_letter_spaced_line_can_end_a_sentence_inside_quotes() -> None:
    from models.parser.lines import ends_sentence

    assert ends_sentence("着 不 让 我 去 ， 把 我 的 行 李 箱 都 藏 了 起 来 。 ”")
    assert not ends_sentence("着 不 让 我 去 ， 把 我 的 行 李 箱 都 藏 了 起 来 ”")
