"""Reading rules from grammar, one module per kind of word they decide.

``particles`` (的 了 着 地 得), ``wei`` (为), ``lone_words`` (好 都 更 给 难 没 还),
``verbs`` (干 降 应 量 种…), ``adjectives`` (薄 累 差 少 重 长), ``measures`` (只 载 处 率) and
``names`` (surnames, 蒙); ``context`` holds what they all look at. Each module's ``RULES``
maps a character to its rule; ``models.language.context_rules`` runs them.
"""
