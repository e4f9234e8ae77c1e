"""The UI in Simplified Chinese and English through Qt's translation system."""

from __future__ import annotations

import ast
import pickle
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication

from tests.conftest import ROOT
from ui.common.i18n import TRANSLATIONS, install_translators
from ui.common.settings import Settings
from ui.shell.main_window import MainWindow


def _tr_strings() -> set[str]:
    """Every literal passed to self.tr(...) in ui/ and its folders."""
    found = set()
    for path in (ROOT / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "tr"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
    return found


def _ts(language: str) -> dict[str, str]:
    tree = ET.parse(TRANSLATIONS / f"dubao_{language}.ts")
    return {m.findtext("source"): m.findtext("translation") or "" for m in tree.iter("message")}


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_ui_string_is_translated_and_compiled(language):
    ts = _ts(language)
    missing = _tr_strings() - set(ts)
    assert not missing, f"run pyside6-lupdate: {sorted(missing)[:5]}"
    assert all(ts[s] for s in _tr_strings()), "unfinished translations"
    qm = TRANSLATIONS / f"dubao_{language}.qm"
    assert qm.exists() and qm.stat().st_mtime >= (TRANSLATIONS / f"dubao_{language}.ts").stat().st_mtime - 1


def test_chinese_setting_gives_a_chinese_window_and_english_an_english_one(qtbot, tmp_path):
    app = QApplication.instance()
    settings = Settings(QSettings(str(tmp_path / "dubao.ini"), QSettings.Format.IniFormat))
    installed = install_translators(app, "zh_CN")
    try:
        window = MainWindow(settings)
        qtbot.addWidget(window)
        titles = [a.text() for a in window.menuBar().actions()]
        assert titles[0] == "文件(&F)"
        assert window.toggle_raw_action.text() == "OCR 原文(&R)"
        window._import_failed("x.txt: the file is empty")  # a string of the LibraryWindow mixin
        assert window._error_box.text() == "未导入任何内容"
        window._error_box.close()
        # The language layer's parts live in several modules (mixins); their strings keep one context.
        assert window.language.words_menu.title() == "词语(&W)"
        window.language.add_to_vocabulary()  # no word cursor: the message of the vocabulary part
        assert window.statusBar().currentMessage() == "请先把词光标移到一个词上 (Ctrl+→)。"
    finally:
        for translator in installed:
            app.removeTranslator(translator)
    installed = install_translators(app, "en")
    try:
        window = MainWindow(settings)
        qtbot.addWidget(window)
        assert [a.text() for a in window.menuBar().actions()][0] == "&File"
    finally:
        for translator in installed:
            app.removeTranslator(translator)


def test_counts_of_one_are_singular_in_english_and_counted_in_chinese(qtbot):
    # The English window said "1 hits" and "1 words".
    from ui.library.library_panel import SearchPanel

    app = QApplication.instance()
    one = [type("Hit", (), dict(issue_title="报", page_number=1, page_name="", section_title="",
                                before="", match="中国", after="", context="中国"))()]  # fmt: skip
    for language, expected_one, expected_two in (("en", "1 hit", "2 hits"), ("zh_CN", "1 处", "2 处")):
        installed = install_translators(app, language)
        try:
            panel = SearchPanel()
            qtbot.addWidget(panel)
            panel.set_hits("中国", one)
            assert panel.count.text() == expected_one
            panel.set_hits("中国", one * 2)
            assert panel.count.text() == expected_two
        finally:
            for translator in installed:
                app.removeTranslator(translator)


def _mnemonic(text: str) -> str | None:
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else None


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_two_items_of_a_menu_share_an_access_key(qtbot, tmp_path, language):
    # Edit had &Find in Page… and Pre&ferences… (页内查找(&F), 首选项(&F)): Alt+E, F opened neither.
    app = QApplication.instance()
    installed = install_translators(app, language)
    try:
        window = MainWindow(Settings(QSettings(str(tmp_path / "dubao.ini"), QSettings.Format.IniFormat)))
        qtbot.addWidget(window)
        menus = [window.menuBar()] + [a.menu() for a in window.menuBar().actions() if a.menu()]
        for menu in menus:
            keys = [_mnemonic(a.text()) for a in menu.actions() if not a.isSeparator() and a.isVisible()]
            keys = [k for k in keys if k]
            assert len(keys) == len(set(keys)), (menu.title(), [a.text() for a in menu.actions()])
    finally:
        for translator in installed:
            app.removeTranslator(translator)


@pytest.mark.parametrize("language", ["de_DE", "C"])
def test_a_language_without_a_translation_reads_english_with_its_plurals(language):
    # On a desktop set to "C" the status bar said "1 flags left on this page".
    from PySide6.QtCore import QCoreApplication

    app = QApplication.instance()
    before = QLocale()
    installed = install_translators(app, language)
    try:
        one = QCoreApplication.translate("ProofreadingSession", "%n flags left on this page", None, 1)
        two = QCoreApplication.translate("ProofreadingSession", "%n flags left on this page", None, 2)
        assert (one, two) == ("1 flag left on this page", "2 flags left on this page")
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        QLocale.setDefault(before)


def _refusal_codes() -> set[str]:
    """Every code the core refuses an edit with: the literal codes of ``Refused(...)`` in models/."""
    codes = set()
    for path in (ROOT / "models").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Refused" and node.args:
                first = node.args[0]
                choices = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
                assert all(isinstance(c, ast.Constant) for c in choices), (
                    f"a code that is no literal in {path}"
                )
                codes |= {c.value for c in choices}
    return codes


def test_every_refusal_the_core_can_make_is_worded_in_the_window(qtbot):
    from models.refusals import WORDING, Refused
    from ui.common.refusal_words import RefusalWords

    raised = _refusal_codes()
    assert raised and raised <= set(WORDING), sorted(raised - set(WORDING))
    words = RefusalWords()
    assert not set(WORDING) - set(words.wordings()), sorted(set(WORDING) - set(words.wordings()))
    app = QApplication.instance()
    installed = install_translators(app, "zh_CN")
    try:
        for code, english in WORDING.items():
            refusal = Refused(code, *range(7, 11))  # more than any line names (format leaves the rest)
            assert str(refusal) == english.format(*refusal.args_)  # the CLI's line stays English
            back = pickle.loads(pickle.dumps(refusal))  # from a worker process, whole
            assert (back.code, back.args_, str(back)) == (code, refusal.args_, str(refusal))
            said = words.says(refusal)
            assert said != str(refusal) and "%" not in said, (code, said)
        assert words.says(Refused("one_line_role", "byline")) == "署名只有一行：先设为正文，才能分段。"
        # A join across kinds names both kinds as Section Kind ▸ does in this window.
        joined = Refused("kinds_differ", "an article", "a caption", "article", "caption")
        assert str(joined).startswith("not joined: this is an article, the next section a caption")
        assert words.says(joined) == "未合并：本栏目是文章，下一栏目是图片说明；只有同类栏目才能合并（可先改栏目类型）"
        # A code this window does not know yet (a newer core): its English line.
        newer = Refused("last_section")
        newer.code = "not_known_here"
        assert words.says(newer) == "this is the last section of the page"
    finally:
        for translator in installed:
            app.removeTranslator(translator)
