"""What readers type, and the clause each query must return among the first three results.

Used by tests/test_search.py (asserted in Chromium) and benchmarks/search.py (recall@1, recall@3,
speed; and the same tables through each candidate engine in Node). Each entry: (query, the anchor
of the clause, item or preamble paragraph it must find). TABLES names every table with the page
language it is typed on.

The English queries use words a translator is unlikely to change (names, legal terms); a query
that breaks after a revision of docs/en/*.md is adjusted, not the search.
"""

from __future__ import annotations

CHINESE_QUERIES: list[tuple[str, str]] = [
    ("反向工程", "10.1-2"),
    ("源代码", "10.1-2"),
    ("代码", "9.1"),  # inside 源代码 / 开源代码: a word inside a longer word
    ("自动升级", "4.2"),
    ("升级", "4.2"),
    ("用户个人信息", "2.1"),
    ("信息", "2.3"),  # inside 个人信息 / 相关信息
    ("隐私政策", "2.1"),
    ("备份", "3.2"),
    ("非商业目的", "3.1"),
    ("非排他性许可", "3.1"),  # two words typed without a space, 的 left out
    ("书面许可", "3.3"),
    ("官方网站", "5.1"),
    ("未经授权的第三方", "5.2"),
    ("卸载", "6.4"),
    ("推荐安装其他软件", "6.3"),
    ("注册QQ号码", "7.1"),
    ("好友关系链", "7.2"),
    ("商标权", "8.1"),
    ("开源代码许可证", "9.2"),
    ("客服支持", "9.3"),
    ("外挂", "10.1-6"),
    ("删除著作权信息", "10.1-1"),
    ("镜像站点", "10.1-3"),
    ("病毒木马", "11.1"),
    ("密码保护", "11.1"),
    ("防范诈骗", "11.4"),
    ("窃取QQ号码", "11.2"),
    ("修改本协议", "12.1"),
    ("深圳市南山区", "12.3"),
    ("冲突法", "12.4"),
    ("人民法院", "12.5"),
    ("条款的标题", "12.6"),
    ("部分无效", "12.7"),
    ("未满18周岁", "preamble-4"),
    ("监护人", "preamble-4"),
    ("开发新的服务", "4.1"),
    ("旧版软件", "4.4"),
    ("免除或者限制责任", "preamble-2"),
    ('"正文完"', "12.7"),
]

ENGLISH_QUERIES: list[tuple[str, str]] = [
    ("reverse engineering", "10.1-2"),
    ("decompile", "10.1-2"),
    ("source code", "10.1-2"),
    ("automatic upgrade", "4.2"),
    ("updates", "4.1"),
    ("updated", "4.3"),
    ("personal information", "2.1"),
    ("privacy policy", "2.1"),
    ("backup copy", "3.2"),
    ("non-commercial", "3.1"),
    ("non-exclusive license", "3.1"),
    ("official website", "5.1"),
    ("uninstall", "6.4"),
    ("register QQ Number", "7.1"),
    ("friends", "7.2"),
    ("trademark", "8.1"),
    ("open source code license", "9.2"),
    ("customer service", "9.3"),
    ("external add-ons", "10.1-6"),
    ("mirror sites", "10.1-3"),
    ("viruses Trojan", "11.1"),
    ("password", "11.1"),
    ("fraud", "11.4"),
    ("steal QQ Number", "11.2"),
    ("Shenzhen", "12.3"),
    ("conflict of laws", "12.4"),
    ("court jurisdiction", "12.5"),
    ("headings", "12.6"),
    ("invalid or unenforceable", "12.7"),
    ("18 years of age", "preamble-4"),
    ("guardian", "preamble-4"),
    ("old version", "4.4"),
    ('"preceding clause"', "10.2"),
    ("derivative works", "10.1-4"),
    ("End of Text", "12.7"),
]

# Misspelt: a letter left out, doubled, swapped or wrong; in Chinese, the homophone an input
# method offers (政 → 正) or a character left out.
CHINESE_TYPO_QUERIES: list[tuple[str, str]] = [
    ("隐私正策", "2.1"),
    ("反向工城", "10.1-2"),
    ("反编译", "10.1-2"),  # 反向编译
    ("知识产全", "8.1"),
    ("源带码", "10.1-2"),
    ("商标全", "8.1"),
    ("监户人", "preamble-4"),
    ("自动生级", "4.2"),
    ("官方网占", "5.1"),
    ("镜象站点", "10.1-3"),
    ("好友关系连", "7.2"),
    ("人民法园", "12.5"),
    ("防范诈编", "11.4"),
    ("自行卸在", "6.4"),
    ("非排他姓", "3.1"),
    ("开源代马", "9.1"),
    ("冲突发", "12.4"),
]

ENGLISH_TYPO_QUERIES: list[tuple[str, str]] = [
    ("revese", "10.1-2"),
    ("decompiel", "10.1-2"),
    ("privcy policy", "2.1"),
    ("intelectual property", "8.1"),
    ("trademrk", "8.1"),
    ("pasword protection", "11.1"),
    ("guardain", "preamble-4"),
    ("jurisdicton", "12.5"),
    ("fruad", "11.4"),
    ("Shenzen", "12.3"),
    ("derivitive works", "10.1-4"),
    ("miror sites", "10.1-3"),
    ("custmer service", "9.3"),
    ("automatic upgarde", "4.2"),
    ("uninstal", "6.4"),
    ("Trojen", "11.1"),
    ("backup cpoy", "3.2"),
]

# Whole questions, as typed into a search box.
CHINESE_QUESTION_QUERIES: list[tuple[str, str]] = [
    ("我可以反编译吗", "10.1-2"),
    ("软件可以备份吗", "3.2"),
    ("哪个法院管辖", "12.5"),
    ("适用哪里的法律", "12.4"),
    ("腾讯会收集我的个人信息吗", "2.1"),
    ("怎么卸载软件", "6.4"),
    ("软件会自动升级吗", "4.2"),
    ("未满18岁可以使用吗", "preamble-4"),
    ("协议签订地在哪里", "12.3"),
    ("什么是知识产权", "8.1"),
    ("腾讯会向第三方披露我的信息吗？", "2.2"),
    ("可以使用外挂吗", "10.1-6"),
    ("密码怎么保护", "11.1"),
    ("旧版软件还能用吗", "4.4"),
    ("如何注册QQ号码", "7.1"),
    ("纠纷怎么解决", "12.5"),
    ("腾讯可以修改协议吗", "12.1"),
]

ENGLISH_QUESTION_QUERIES: list[tuple[str, str]] = [
    ("can I decompile the software?", "10.1-2"),
    ("which court resolves disputes", "12.5"),
    ("can I make a backup copy?", "3.2"),
    ("what law governs this agreement", "12.4"),
    ("where is the agreement signed", "12.3"),
    ("who owns the intellectual property?", "8.1"),
    ("do I need a QQ number", "7.1"),
    ("does the software upgrade automatically?", "4.2"),
    ("how do I uninstall the software", "6.4"),
    ("what if I am under 18", "preamble-4"),
    ("can Tencent share my personal information?", "2.1"),
    ("will Tencent disclose my information to others", "2.2"),
    ("are cheat plug-ins allowed?", "10.1-6"),
    ("how should I protect my password", "11.1"),
    ("can Tencent amend the agreement?", "12.1"),
    ("what happens if part of the agreement is invalid", "12.7"),
    ("where can I obtain the software?", "5.1"),
]

# Typed in the other language: English on the Chinese pages, Chinese on the English pages.
CHINESE_OTHER_LANGUAGE_QUERIES: list[tuple[str, str]] = [
    ("reverse engineering", "10.1-2"),
    ("privacy policy", "2.1"),
    ("guardian", "preamble-4"),
    ("trademark", "8.1"),
    ("uninstall", "6.4"),
    ("court", "12.5"),
    ("backup", "3.2"),
    ("password", "11.1"),
    ("fraud", "11.4"),
    ("official website", "5.1"),
    ("Shenzhen", "12.3"),
    ("automatic upgrade", "4.2"),
]

ENGLISH_OTHER_LANGUAGE_QUERIES: list[tuple[str, str]] = [
    ("反向工程", "10.1-2"),
    ("隐私政策", "2.1"),
    ("监护人", "preamble-4"),
    ("商标权", "8.1"),
    ("卸载", "6.4"),
    ("人民法院", "12.5"),
    ("备份", "3.2"),
    ("密码保护", "11.1"),
    ("防范诈骗", "11.4"),
    ("官方网站", "5.1"),
    ("深圳", "12.3"),
    ("自动升级", "4.2"),
]

# name → (page language, table), in the order the benchmark prints them.
TABLES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "zh": ("zh", CHINESE_QUERIES),
    "zh typos": ("zh", CHINESE_TYPO_QUERIES),
    "zh questions": ("zh", CHINESE_QUESTION_QUERIES),
    "zh other language": ("zh", CHINESE_OTHER_LANGUAGE_QUERIES),
    "en": ("en", ENGLISH_QUERIES),
    "en typos": ("en", ENGLISH_TYPO_QUERIES),
    "en questions": ("en", ENGLISH_QUESTION_QUERIES),
    "en other language": ("en", ENGLISH_OTHER_LANGUAGE_QUERIES),
}
