"""Search test questions: the HELD-OUT table.

DO NOT READ THIS FILE WHILE BUILDING OR TUNING THE SEARCH. It is scored only
at the end, as a check that the search answers questions it was not fitted to.
Tune on ``tests/search_questions.py`` instead.

What this is
------------
Queries that readers type into the search box of the bilingual site for the
《TIM软件许可及服务协议》 (TIM Software License and Service Agreement), each with
the anchors of the parts that answer it. They are different questions from those
in the tuning table (not rewordings of them), drawn from the same kinds of
sources and covering the whole agreement: every section, the preamble and
several of the editor's and translator's notes.

Each entry is ``(query, acceptable_anchors)``: any one of the anchors counts as
a correct answer. Anchors are ``preamble-N``, clause numbers (``12.5``), items
(``10.1-2`` = item (2) of 10.1), notes (``1.1-note``, ``preamble-2-note-2``), or
``section-N`` (any clause of that section counts). An empty tuple means the
agreement has no such part: the search must say so and return nothing
unrelated.

- ``QUESTIONS_ZH`` / ``QUESTIONS_EN``: plain questions, in the reader's own words.
- ``CITATIONS_ZH`` / ``CITATIONS_EN``: citation forms people paste, including
  numbers the agreement does not have (expected answer ``()``). On this site
  条 = numbered section (一、…), 款 = clause (10.1), 项 = item ((2)).

Where the phrasing comes from
-----------------------------
Written from the agreement's subject matter, not from any search engine or
index. The wording follows how people actually ask about software licences and
terms of service: Chinese Q&A and forum posts (知乎-, V2EX-, 百度知道-style
questions about 商用, 盗号, 外挂/机器人, 破解版, 用户协议 悄悄更新, 去哪起诉),
QQ help and anti-fraud pages, English Q&A and forum threads (Stack Exchange,
Reddit) about business use, reselling licences, traffic sniffing and unofficial
clients, vendor licence FAQs, consumer guides on terms of service, and lawyers'
and translators' research notes (incorporation by reference, forum, governing
law, counterparty, renderings of particular terms). Most questions deliberately
avoid the agreement's own wording.
"""

from __future__ import annotations

QUESTIONS_ZH: list[tuple[str, tuple[str, ...]]] = [
    ("开网店用TIM跟买家聊天 违规不", ("3.1",)),
    ("腾讯一直没管我 是不是就代表默认可以了", ("3.3",)),
    ("装机时顺手复制一份TIM留着 允许吗", ("3.2",)),
    ("TIM默认会自己升级吗", ("4.2",)),
    ("更新以后有个功能没了 能找腾讯投诉吗", ("4.3",)),
    ("不想升级 一直用老版本行不行", ("4.4",)),
    ("网盘里别人分享的TIM安装包靠谱吗", ("5.2", "5.1")),
    ("应用商店里下的TIM算官方的吗", ("5.1",)),
    ("Linux上有TIM吗 该下哪个", ("6.1",)),
    ("装TIM的时候弹出来推荐装电脑管家 必须装吗", ("6.3",)),
    ("TIM怎么彻底删掉", ("6.4",)),
    ("TIM必须绑QQ号吗", ("7.1",)),
    ("我给QQ好友设的备注名怎么在TIM里也有 合法吗", ("7.2",)),
    ("用TIM的logo做周边卖钱可以吗", ("8.2",)),
    ("TIM的知识产权受哪国法律保护", ("8.1",)),
    ("TIM里开源组件的协议我也得遵守吗", ("9.2",)),
    ("TIM里第三方的功能坏了 腾讯客服说不归他们管 合理吗", ("9.3",)),
    ("抓包分析TIM的通信数据算违规吗", ("10.1-4", "10.1-2")),
    ("做个自动回复机器人接到TIM上 会违反协议吗", ("10.1-6", "10.1-4")),
    ("破解版TIM能用吗", ("10.1-5", "10.1-4")),
    ("协议里列的禁止行为是全部了吗 还有没有别的", ("10.1-7",)),
    ("别人发给我一个盗号软件 我转发给朋友了 有事吗", ("11.2",)),
    ("被钓鱼网站骗走了密码 损失谁承担", ("11.4", "11.1")),
    ("有人拿我的资料在现实里骚扰我 跟TIM有关系吗", ("11.1",)),
    ("腾讯服务器被黑了导致我的数据泄露 腾讯要负责吗", ("11.3",)),
    ("国外用户跟腾讯有纠纷 去哪里起诉", ("12.5",)),
    ("这个协议按哪里的法律来判", ("12.4",)),
    ("协议是在深圳签的吗", ("12.3",)),
    ("协议悄悄更新了 我继续用就算认了？", ("12.1",)),
    ("警察来查 腾讯会把我的信息给他们吗", ("2.2",)),
    ("TIM收集我的信息都拿去干嘛了", ("2.3", "2.1")),
    ("绑定第三方应用的时候会把我的资料给对方吗", ("2.3-4",)),
    ("软件升级的时候会上传我的信息吗", ("2.3-2",)),
    ("十几岁的学生用TIM要家长陪着看协议吗", ("preamble-4",)),
    ("协议说让未成年人注意的条款到底在哪", ("preamble-4-note",)),
    ("落款只写了腾讯公司 到底是哪个主体", ("1.1-note",)),
    ("12.2里说的“本服务”是指什么服务", ("12.2-note",)),
    ("用TIM除了这份还要遵守哪些协议", ("preamble-2", "12.2")),
    ("不同意这个协议还能继续用TIM吗", ("preamble-3", "12.1")),
    ("附件和第三方软件的协议算不算合同的一部分", ("1.2", "9.2")),
    ("英文版4.3的“不经特别通知”管不管后半句", ("4.3-note",)),
]

QUESTIONS_EN: list[tuple[str, tuple[str, ...]]] = [
    ("my small company wants to roll TIM out for staff chat, do we need a different license", ("3.1",)),
    ("can I resell my TIM license", ("3.1",)),
    ("Tencent never objected to what I was doing for years, does that make it permitted", ("3.3",)),
    ("is auto-update on by default", ("4.2",)),
    ("an update broke a feature I relied on, can they do that unannounced", ("4.3",)),
    ("support says my version is no longer supported", ("4.4",)),
    ("is it safe to get TIM from a third-party app store", ("5.1", "5.2")),
    ("setup offered to install a browser as well, do I have to accept", ("6.3",)),
    ("do they want feedback when I remove the app", ("6.4",)),
    ("is there a separate build for Android tablets", ("6.1",)),
    ("will the remarks I gave my QQ friends show up in TIM", ("7.2",)),
    ("do the QQ Number Rules apply to me too", ("7.1",)),
    ("can I use screenshots of the TIM interface in a paid training course", ("8.2", "10.1-3")),
    ("under which country's law is TIM's IP protected", ("8.1",)),
    ("if I violate an open source license bundled in TIM, who can come after me", ("9.2",)),
    ("Tencent support won't help with an embedded third-party component, is that in the terms", ("9.3",)),
    ("is sniffing TIM network traffic to build a compatible client a violation", ("10.1-4", "10.1-6")),
    ("can I distribute a tool that changes how TIM behaves", ("10.1-5",)),
    ("is the list of banned acts exhaustive", ("10.1-7",)),
    ("someone phished my password, who bears the loss", ("11.4", "11.1")),
    ("is Tencent liable if a virus on my PC corrupts my TIM data", ("11.1", "11.3")),
    ("is sharing a keylogger that targets QQ accounts prohibited", ("11.2",)),
    ("does Chinese law apply even though I live in Germany", ("12.4",)),
    ("can I bring a claim in the courts of my home country", ("12.5",)),
    ("do we have to negotiate before going to court", ("12.5",)),
    ("I don't agree with the updated terms, what are my options", ("12.1",)),
    ("the agreement refers disputes to the place of signing, which place is that", ("12.3", "12.5")),
    ("does Tencent sell my personal data to advertisers", ("2.2",)),
    ("why do they need my information for software verification", ("2.3-1",)),
    ("can my nickname be displayed to others through third-party services", ("2.3-5",)),
    ("does the agreement cover the services or only the app", ("1.1",)),
    ("is Tencent Holdings the counterparty", ("1.1-note", "1.1")),
    ("a 15 year old in my family wants to use TIM", ("preamble-4",)),
    ("where are the terms on minors that the preamble mentions", ("preamble-4-note",)),
    ("I never clicked agree, am I still bound", ("preamble-3", "12.1")),
    ("is the Tencent Service Agreement incorporated by reference", ("preamble-2", "12.2")),
    ("what is 'this service' in clause 12.2", ("12.2-note",)),
    ("is there a typo in the Chinese text of 11.4", ("11.4-note",)),
    ("why is 'the Software' capitalised in item 5 of 10.1", ("10.1-5-note",)),
    ("how is 追究法律责任 rendered in English", ("10.2-note",)),
]

CITATIONS_ZH: list[tuple[str, tuple[str, ...]]] = [
    ("第十条第一款第六项", ("10.1-6",)),
    ("第9条第3款", ("9.3",)),
    ("4.4条", ("4.4",)),
    ("第十一条第二款", ("11.2",)),
    ("2.3.5", ("2.3-5",)),
    ("10.1（四）", ("10.1-4",)),
    ("序言第4段", ("preamble-4",)),
    ("第八条", ("section-8",)),
    ("12.4", ("12.4",)),
    ("第六条第三款", ("6.3",)),
    ("11.4 编者注", ("11.4-note",)),
    # numbers the agreement does not have
    ("第十五条", ()),
    ("10.1第（九）项", ()),
    ("第6.5条", ()),
    ("第三条第四款", ()),
]

CITATIONS_EN: list[tuple[str, tuple[str, ...]]] = [
    ("Art. 10.1(iv)", ("10.1-4",)),
    ("s. 5.2", ("5.2",)),
    ("cl. 11.4", ("11.4",)),
    ("Section 2, clause 3, item 1", ("2.3-1",)),
    ("§ 8.2", ("8.2",)),
    ("paragraph 3 of the preamble", ("preamble-3",)),
    ("Section 6", ("section-6",)),
    ("clause 12.7", ("12.7",)),
    ("10.1(1)", ("10.1-1",)),
    ("1.2", ("1.2",)),
    ("second editor's note on preamble paragraph 2", ("preamble-2-note-2",)),
    # numbers the agreement does not have
    ("Section 14", ()),
    ("cl. 7.3", ()),
    ("Art. 4.5", ()),
    ("2.3(6)", ()),
]
