// Unit tests of the search core (overrides/assets/javascripts/search-core.js), without a browser:
//   node --test tests/js/*.test.mjs   (or make test-js)
// The index below is a small one in the schema of scripts/search_index.py, with the agreement's
// own sentences; the browser tests (tests/test_search.py) run the real index in Chromium.

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as core from "../../overrides/assets/javascripts/search-core.js";

/** @satisfies {import("../../overrides/assets/javascripts/search-core.js").IndexData} */
const DATA = {
  language: "en",
  other: "zh",
  script: /** @type {const} */ ("latin"),
  sections: [
    ["3. Scope of License", "三、许可范围"],
    ["10. User Conduct", "十、用户行为"],
    ["12. Miscellaneous", "十二、其他"],
  ],
  records: [
    {
      url: "03-license-scope/#3.1", title: "Clause 3.1", section: 0,
      text: "Tencent grants you a personal, non-transferable and non-exclusive license to use the Software. You may install, use, display and run the Software on a single terminal device for non-commercial purposes.",
      other: "腾讯给予您一项个人的、不可转让及非排他性的许可，以使用本软件。您可以为非商业目的在单一台终端设备上安装、使用、显示、运行本软件。",
    },
    {
      url: "03-license-scope/#3.2", title: "Clause 3.2", section: 0,
      text: "You may make one copy of the Software in computer-readable form solely for backup purposes.",
      other: "您可以用计算机可读形式制作本软件的一个副本，仅用作备份。",
    },
    {
      url: "10-user-conduct/#10.1-2", title: "Clause 10.1(2)", section: 1,
      text: "reverse engineering, disassembling or decompiling the Software, or otherwise attempting to discover the source code of the Software;",
      other: "对本软件进行反向工程、反向汇编、反向编译，或者以其他方式尝试发现本软件的源代码；",
    },
    {
      url: "10-user-conduct/#10.1-6", title: "Clause 10.1(6)", section: 1,
      text: "logging in to or using Tencent software and services by means of third party software, plug-ins, cheat plug-ins or systems not developed or authorized by Tencent;",
      other: "通过非腾讯开发、授权的第三方软件、插件、外挂、系统，登录或使用腾讯软件及服务；",
    },
    {
      url: "12-miscellaneous/#12.5", title: "Clause 12.5", section: 2,
      text: "In the event of any dispute or controversy between you and Tencent, it shall first be resolved through friendly consultation; if consultation fails, you agree to submit the dispute to the people's court having jurisdiction.",
      other: "若您和腾讯之间发生任何纠纷或争议，首先应友好协商解决；协商不成的，您同意将纠纷或争议提交有管辖权的人民法院管辖。",
    },
  ],
  notes: [
    {
      url: "12-miscellaneous/#12.5-note", title: "Translator's note on clause 12.5", kind: /** @type {const} */ ("translator"), section: 2,
      text: "人民法院 is rendered the people's court, the usual English name for it in a legal text of China, where the agreement says a dispute that consultation fails to resolve goes.",
      other: "人民法院译为people's court。",
    },
  ],
  topics: [
    {
      title: "Disputes and which court", words: ["sue", "where to sue", "lawsuit"],
      other_words: ["打官司", "告腾讯", "法院"], parts: ["12.5"],
    },
    { title: "Commercial use", words: ["business use", "for profit"], other_words: ["商用", "公司用"], parts: ["3.1"] },
    {
      title: "Cheats, plug-ins and unofficial clients", words: ["bot", "unofficial client"],
      other_words: ["外挂", "第三方客户端"], parts: ["10.1-6", "10.1-2"],
    },
  ],
  // The words above that the rule both sides share stems otherwise than Snowball allows, with their
  // stems (as scripts/search_index.py stem_exceptions writes them): the others the browser stems.
  stems: { authorized: "authorize", goes: "goe", having: "have", purposes: "purpose" },
};

const en = core.prepareIndex(DATA);
/** @type {Record<string, string>} */
const CHINESE_TITLES = { "Disputes and which court": "争议与法院", "Commercial use": "商业使用", "Cheats, plug-ins and unofficial clients": "外挂与第三方客户端" };
const zh = core.prepareIndex({
  ...DATA,
  language: "zh",
  other: "en",
  script: "han",
  sections: DATA.sections.map(([english, chinese]) => [chinese, english]),
  records: DATA.records.map((r) => ({ ...r, url: r.url, title: r.title, text: r.other, other: r.text })),
  notes: DATA.notes.map((n) => ({ ...n, text: n.other, other: n.text })),
  topics: DATA.topics.map((t) => ({ ...t, title: CHINESE_TITLES[t.title], words: t.other_words, other_words: t.words })),
});
const anchors = (/** @type {ReturnType<typeof core.search>} */ found) => found.results.map((r) => r.record.url.split("#")[1]);

describe("normalising and words (the contract with scripts/search_index.py)", () => {
  it("maps every normalised character back to the original text", () => {
    const { text, offsets } = core.normalise("ＱＱ号码 ﬁle");
    assert.equal(text, "qq号码 file");
    assert.equal(offsets.length, text.length + 1);
    assert.equal(offsets[text.indexOf("file") + 1], "ＱＱ号码 ﬁle".indexOf("ﬁ")); // both letters of ﬁ come from it
  });

  it("splits English words at anything but a-z and 0-9", () => {
    assert.deepEqual(core.englishWords("Tencent's plug-ins, ＱＱ号码 10.1（2）"), ["tencent", "s", "plug", "ins", "qq", "10", "1", "2"]);
  });
});

describe("parsing a query", () => {
  it("reads a Chinese question's verb in its question form (管不管, 赔不赔) as the verb alone", () => {
    assert.deepEqual(core.cutChineseStopWords("腾讯赔不赔"), { kept: ["腾讯", "赔"], keptAt: [0, 2], asks: [false, false], dropped: ["不赔"] });
    assert.deepEqual(core.parseQuery("会不会被封").terms.map((t) => t.text), ["被封"]); // 会不会 is a question word
    const who = core.parseQuery("著作权归谁"); // 谁, who, wherever it is
    assert.deepEqual([who.terms.map((t) => t.text), who.ignored], [["著作权归"], ["谁"]]);
  });

  it("reads a question's end as asking: 吗, a last 不, and a word asking whether it is allowed", () => {
    assert.deepEqual(core.cutChineseStopWords("违规不"), { kept: ["违规"], keptAt: [0], asks: [true], dropped: ["不"] });
    assert.deepEqual(core.cutChineseStopWords("安装包靠谱吗"), { kept: ["安装包", "靠谱"], keptAt: [0, 3], asks: [false, true], dropped: ["吗"] });
    assert.deepEqual(core.cutChineseStopWords("不合法").kept, ["不合法"]); // one character before it: a word of its own
    assert.deepEqual(core.cutChineseStopWords("违法内容").asks, [false]); // not at the end: what the question is about
    // In a question the asking words are weak, like the names; in a query of nothing else, needed.
    const shop = core.parseQuery("开网店用TIM 违规不");
    assert.deepEqual(shop.terms.map((t) => [t.text, Boolean(t.weak)]), [["开网店用", false], ["tim", true], ["违规", true]]);
    assert.equal(core.parseQuery("违法吗").terms[0].weak, undefined);
    const english = core.parseQuery("is sniffing traffic allowed");
    assert.deepEqual(english.terms.map((t) => [t.text, Boolean(t.weak)]), [["sniffing", false], ["traffic", false], ["allowed", true]]);
    assert.equal(core.parseQuery("allowed").terms[0].weak, undefined);
  });

  it("reads Tencent's name in a Chinese run as a weak term of its own", () => {
    const { terms } = core.parseQuery("腾讯凭什么改功能");
    assert.deepEqual(terms.map((t) => [t.text, Boolean(t.weak)]), [["腾讯", true], ["凭", true], ["改功能", false]]);
  });

  it("makes the product's and Tencent's names and single Chinese characters weak terms", () => {
    const { terms } = core.parseQuery("TIM能商用吗 Tencent 管不管");
    assert.deepEqual(terms.map((t) => [t.text, Boolean(t.weak)]), [["tim", true], ["能商用", false], ["tencent", true], ["管", true]]);
    assert.equal(core.parseQuery("TIM").terms[0].weak, undefined); // alone, needed
  });

  it("offers the query as typed, every word of it in quotes", () => {
    assert.equal(core.asTyped("can I decompile the software?"), '"can" "I" "decompile" "the" "software"');
    assert.equal(core.asTyped('TIM能商用吗 "use the software"'), '"TIM能商用吗" "use the software"');
  });

  it("leaves out function and question words, in English and Chinese", () => {
    assert.deepEqual(core.parseQuery("can I decompile the software?").terms.map((t) => t.text), ["decompile", "software"]);
    assert.deepEqual(core.parseQuery("is it ok to run it on both my laptops").terms.map((t) => t.text), ["run", "laptops"]);
    assert.deepEqual(core.parseQuery("someone doesn't pay").terms.map((t) => t.text), ["pay"]);
    const chinese = core.parseQuery("我可以反编译吗");
    assert.deepEqual(chinese.terms.map((t) => t.text), ["反编译"]);
    assert.deepEqual(new Set(chinese.ignored), new Set(["我", "可以", "吗"]));
    assert.deepEqual(core.parseQuery("软件可以备份吗").terms.map((t) => t.text), ["软件", "备份"]);
  });

  it("searches a query of function words alone as typed", () => {
    assert.deepEqual(core.parseQuery("which").terms.map((t) => t.text), ["which"]);
    assert.deepEqual(core.parseQuery("的").terms.map((t) => t.text), ["的"]);
  });

  it("keeps function characters inside a Chinese word", () => {
    assert.deepEqual(core.parseQuery("非商业目的").terms.map((t) => t.text), ["非商业目的"]);
  });

  it("counts each term once", () => {
    assert.deepEqual(core.parseQuery("reverse Reverse REVERSE 反向 反向").terms.map((t) => t.text), ["reverse", "反向"]);
  });

  it("keeps quoted phrases whole, function words and all", () => {
    const { terms } = core.parseQuery('"use the software" install');
    assert.deepEqual(terms.map((t) => [t.kind, t.text]), [["phrase", "use the software"], ["word", "install"]]);
  });

  it(`searches at most ${core.MAX_QUERY_LENGTH} characters`, () => {
    const parsed = core.parseQuery("a".repeat(100_000));
    assert.equal(parsed.truncated, true);
    assert.equal(parsed.query.length, core.MAX_QUERY_LENGTH);
    assert.equal(core.parseQuery("reverse").truncated, false);
    assert.equal(core.capQuery("x".repeat(199) + "😀").text.length, 199); // never half a surrogate pair
  });
});

describe("stems (the contract with scripts/search_index.py)", () => {
  it("stems each English word of the index by its regular inflections, with the index's exceptions", () => {
    const stems = core.stemMapOf(DATA);
    assert.equal(stems.get("grants"), "grant"); // grant is a word of the index: its stem
    assert.equal(stems.get("attempting"), "attempt");
    assert.equal(stems.get("decompiling"), "decompil"); // no base in the index: the shortest
    assert.equal(stems.get("using"), "use");
    assert.equal(stems.has("use"), false); // a word no rule reads as an inflection is its own stem
    assert.equal(stems.get("having"), "have"); // an exception: the rule would give hav
    const excepted = core.stemMapOf({ ...DATA, records: [{ url: "#x", title: "x", text: "during the siting", other: "" }], notes: [], topics: [], sections: [], stems: { during: "" } });
    assert.deepEqual(Object.fromEntries(excepted), { siting: "sit" }); // during is its own stem, as the index says
  });
});

describe("edit distance", () => {
  it("counts a swap of neighbours as one edit and stops past the limit", () => {
    assert.equal(core.editDistance("decompiel", "decompile"), 1);
    assert.equal(core.editDistance("revese", "reverse"), 1);
    assert.equal(core.editDistance("terminate", "terminal"), 2);
    assert.equal(core.editDistance("kitten", "sitting", 1), 2);
  });

  it("allows no edit below 4 letters, 1 up to 7, 2 beyond", () => {
    assert.deepEqual([3, 4, 7, 8, 12].map(core.allowedEdits), [0, 1, 1, 2, 2]);
  });
});

describe("English words", () => {
  const vocabulary = en.vocabulary.own;

  it("match their stem, their inflections, and a beginning of 3–4 letters", () => {
    assert.equal(core.resolveWord("reverse", vocabulary).how, "exact");
    assert.equal(core.resolveWord("decompil", vocabulary).how, "stem");
    assert.deepEqual([...core.resolveWord("decompiled", vocabulary).stems], ["decompil"]);
    assert.deepEqual([...core.resolveWord("decompile", vocabulary).stems], ["decompil"]);
    assert.equal(core.resolveWord("rev", vocabulary).how, "prefix");
  });

  it("are corrected to the nearest word of the text", () => {
    const revese = core.resolveWord("revese", vocabulary);
    assert.equal(revese.how, "fuzzy");
    assert.deepEqual(revese.shown, ["reverse"]);
    const jurisdicton = core.resolveWord("jurisdicton", vocabulary);
    assert.equal(jurisdicton.how, "fuzzy");
    assert.deepEqual(jurisdicton.shown, ["jurisdiction"]);
  });

  it("of 5 letters or more are not expanded as a prefix, nor corrected by two edits at their end", () => {
    assert.equal(core.resolveWord("terminate", vocabulary).how, "none"); // not terminal
    assert.equal(core.resolveWord("decomp", vocabulary).how, "none"); // not decompiling
    assert.deepEqual(core.inflectionBases("terminate"), ["terminat"]);
  });
});

describe("Chinese runs", () => {
  const cover = (/** @type {string} */ run, /** @type {string} */ text) => core.coverRun(run, text, new Set([...text].map((_, i) => text.slice(i, i + 2))));

  it("are covered by pieces of two characters or more of the text", () => {
    const found = cover("非排他性许可", "不可转让及非排他性的许可");
    assert.equal(found.complete, true);
    assert.deepEqual(found.pieces.map((p) => "非排他性许可".slice(p.start, p.end)), ["非排他性", "许可"]);
  });

  it("leave a single character out of a longer word uncovered", () => {
    const found = cover("反编译", "反向工程、反向汇编、反向编译");
    assert.equal(found.complete, false);
    assert.deepEqual(found.pieces.map((p) => "反编译".slice(p.start, p.end)), ["编译"]);
  });

  it("may leave a function character out", () => {
    assert.equal(cover("腾讯会收集", "腾讯将收集您的信息").complete, true);
  });

  it("are corrected to the nearest run of the text", () => {
    const runs = zh.vocabulary.own.hanRuns;
    assert.equal(core.nearestRuns("反编译", runs, 1)[0].text, "反向编译");
    assert.equal(core.nearestRuns("人民法园", runs, 1)[0].text, "人民法院");
  });
});

describe("searching", () => {
  it("requires every word, and ranks", () => {
    assert.deepEqual(anchors(core.search(en, "reverse engineering")), ["10.1-2"]);
    assert.deepEqual(anchors(core.search(en, "cheat plug-ins")), ["10.1-6"]);
    assert.equal(core.search(en, "reverse engineering").mode, "all");
  });

  it("finds a part by its number, as either language cites it", () => {
    for (const query of ["10.1(2)", "10.1（2）", "10.1-2", "clause 10.1(2)", "Clause 10.1 (2)", "第10.1条第（2）项", "第１０.１条（２）"]) {
      assert.deepEqual(anchors(core.search(en, query)), ["10.1-2"], query);
      assert.deepEqual(anchors(core.search(zh, query)), ["10.1-2"], query);
    }
    for (const query of ["12.5", "第12.5条", "clause 12.5", "§ 12.5"]) assert.deepEqual(anchors(core.search(en, query)), ["12.5"], query);
    const cited = {
      "序言第2段": { anchor: "preamble-2" }, "序言第二段": { anchor: "preamble-2" }, "Preamble, paragraph 2": { anchor: "preamble-2" },
      "the second paragraph of the preamble": { anchor: "preamble-2" }, "第10.1条第2项": { anchor: "10.1-2" },
      "第10.1款第（2）项": { anchor: "10.1-2" }, "item (2) of clause 10.1": { anchor: "10.1-2" }, "Section 10.1(2)": { anchor: "10.1-2" },
      "第十条": { section: 10 }, "第十二条": { section: 12 }, "第10条": { section: 10 }, "Section 10": { section: 10 },
      "10.1 reverse": null, // words after the number: a search of them all
      "第十条第一款第二项": { anchor: "10.1-2" }, "第10条第1款第2项": { anchor: "10.1-2" }, "10.1.2": { anchor: "10.1-2" },
      "10.1（二）": { anchor: "10.1-2" }, "10.1(ii)": { anchor: "10.1-2" }, "s. 10.1(2)": { anchor: "10.1-2" },
      "section 10 clause 1 item 2": { anchor: "10.1-2" }, "the second item of clause 10.1": { anchor: "10.1-2" },
      "§ 3.1": { anchor: "3.1" }, "cl. 12.5": { anchor: "12.5" }, "Art. 12.5": { anchor: "12.5" }, "Section 3.3": { anchor: "3.3" },
      "协议第一条第一款": { anchor: "1.1" }, "3.1条": { anchor: "3.1" }, "sec. 4": { section: 4 },
      "序言": { anchor: "preamble" }, preamble: { anchor: "preamble" }, "para 2 of the preamble": { anchor: "preamble-2" },
      "十、用户行为": { section: 10, heading: "用户行为" }, "10. User Conduct": { section: 10, heading: "user conduct" },
      "3.3 译者注": { anchor: "3.3", note: { kind: "translator", ordinal: null } },
      "序言第二段 第二个注": { anchor: "preamble-2", note: { kind: null, ordinal: 2 } },
      "editor's note on clause 1.1": { anchor: "1.1", note: { kind: "editor", ordinal: null } },
      "the 2nd note on preamble paragraph 2": { anchor: "preamble-2", note: { kind: null, ordinal: 2 } },
      "注册QQ号码": null, // 注 in a word is no note
      "translator's note on reverse engineering": null, // a note on words: a search of them
    };
    for (const [query, citation] of Object.entries(cited)) assert.deepEqual(core.citationIn(query), citation, query);
    assert.deepEqual(anchors(core.search(en, "Section 12")), ["12.5"]); // a section: its clauses
    assert.deepEqual(anchors(core.search(zh, "第三条")), ["3.1", "3.2"]);
    const missing = core.search(en, "clause 99.9"); // no such part: said, and nothing else shown
    assert.equal(missing.mode, "none");
    assert.equal(missing.missing, "clause 99.9");
    assert.deepEqual(anchors(missing), []);
    const missingItem = core.search(en, "3.1(8)"); // no such item: its clause instead
    assert.equal(missingItem.missing, "3.1(8)");
    assert.deepEqual(anchors(missingItem), ["3.1"]);
    const byHeading = core.search(zh, "十二、其他"); // a section by its heading
    assert.deepEqual([byHeading.citation, anchors(byHeading)], [{ section: 12, heading: "其他" }, ["12.5"]]);
    assert.equal(core.search(zh, "十二、外挂").citation, null); // not its heading: a search of the words
    assert.deepEqual(anchors(core.search(en, "translator's note on 12.5")), ["12.5-note"]);
    const noNote = core.search(en, "editor's note on 12.5"); // none: said, and the part shown
    assert.deepEqual([noNote.missing, anchors(noNote)], ["editor's note on 12.5", ["12.5"]]);
  });

  it("finds notes as notes, below agreement text that matches as well", () => {
    const found = core.search(en, "people's court");
    assert.deepEqual(anchors(found), ["12.5", "12.5-note"]);
    assert.deepEqual(found.results.map((r) => r.record.kind), ["part", "translator"]);
    assert.deepEqual(anchors(core.search(en, "rendered")), ["12.5-note"]);
    assert.deepEqual(anchors(core.search(zh, "rendered")), ["12.5-note"]); // through the note's other language
  });

  it("finds through the subject index the parts a topic points to, most relevant first, and names the topic", () => {
    const sue = core.search(en, "where do I sue?");
    assert.equal(anchors(sue)[0], "12.5");
    assert.deepEqual(sue.results[0].topics, ["Disputes and which court"]);
    assert.deepEqual(sue.results[0].words, []); // sue is not in the text: nothing to highlight
    assert.deepEqual(anchors(core.search(en, "can I use a bot")).slice(0, 2), ["10.1-6", "10.1-2"]);
    assert.equal(anchors(core.search(zh, "要跟腾讯打官司去哪")).at(0), "12.5");
    assert.deepEqual(anchors(core.search(en, "unofficial client")), ["10.1-6", "10.1-2"]); // both words, in one topic word
  });

  it("needs every word of the text's own in a query that is no question", () => {
    assert.deepEqual(anchors(core.search(en, "reverse engineering")), ["10.1-2"]); // not what the topic adds
  });

  it("rewrites nothing silently: says what was searched, and leaves a reader's word uncorrected", () => {
    assert.equal(core.search(en, "can I decompile the software?").rewritten, "decompile software");
    assert.equal(core.search(en, "revese").rewritten, "reverse");
    assert.equal(core.search(en, "decompile").rewritten, null);
    const commercial = core.search(zh, "能商用吗"); // 商用 is a topic's word: no typo of a word of the text
    assert.deepEqual([commercial.corrections, commercial.rewritten, anchors(commercial)], [[], "能商用", ["3.1"]]);
  });

  it("puts first the part a question names by number", () => {
    assert.deepEqual(anchors(core.search(en, "does 3.2 apply to the software")).slice(0, 1), ["3.2"]);
    assert.deepEqual(core.search(en, "does 3.2 apply to the software").terms.map((t) => t.text), ["apply", "software"]);
  });

  it("finds a word the text has only inflected", () => {
    assert.deepEqual(anchors(core.search(en, "engineer")), ["10.1-2"]); // engineering
    assert.ok(["updates", "updated", "updating"].every((form) => core.inflectedForms("update").includes(form)));
    assert.equal(core.search(en, "terminate").mode, "none"); // not terminal: no form of it is in the text
  });

  it("finds a misspelt word and says what it searched instead", () => {
    const found = core.search(en, "revese");
    assert.deepEqual(anchors(found), ["10.1-2"]);
    assert.deepEqual(found.corrections, [{ from: "revese", to: ["reverse"] }]);
    assert.deepEqual(found.results[0].words, ["reverse"]);
    const exact = core.search(en, '"revese"');
    assert.equal(exact.mode, "none"); // the exact word, on request
    assert.deepEqual(exact.corrections, []);
  });

  it("answers a question", () => {
    assert.deepEqual(anchors(core.search(en, "can I decompile the software?"))[0], "10.1-2");
    assert.deepEqual(anchors(core.search(zh, "我可以反编译吗")), ["10.1-2"]);
    assert.equal(anchors(core.search(en, "which court resolves disputes?"))[0], "12.5");
  });

  it("shows the records holding most words when none holds all, and names the others", () => {
    const found = core.search(en, "can I terminate the license");
    assert.equal(found.mode, "some");
    assert.deepEqual(found.unmatched, ["terminate"]);
    assert.equal(anchors(found)[0], "3.1"); // license in its text; 3.2 by its section title only
    assert.ok(found.results.every((r) => r.matched === 1 && r.of === 2));
    assert.ok(found.suggestions.some((s) => s.word === "terminate" && s.nearest.includes("terminal")));
  });

  it("finds a query in the other language through the aligned text, and says so", () => {
    const english = core.search(zh, "reverse engineering");
    assert.deepEqual(anchors(english), ["10.1-2"]);
    assert.equal(english.results[0].via, "other");
    assert.deepEqual(english.results[0].words, []); // nothing to highlight on the Chinese page
    assert.ok(english.results[0].otherRanges.length > 0);
    const chinese = core.search(en, "反向工程");
    assert.deepEqual(anchors(chinese), ["10.1-2"]);
    assert.equal(chinese.results[0].via, "other");
    assert.equal(core.search(en, "reverse").results[0].via, "text");
  });

  it("never matches a longer word of the text by its beginning (terminate is not terminal)", () => {
    const found = core.search(en, "terminate");
    assert.equal(found.mode, "none");
    assert.deepEqual(found.results, []);
    assert.deepEqual(found.unmatched, ["terminate"]);
  });

  it("matches section titles word by word", () => {
    assert.equal(core.search(en, "duct").mode, "none"); // not inside "Conduct"
    assert.deepEqual(anchors(core.search(en, "conduct")).sort(), ["10.1-2", "10.1-6"]);
  });

  it("highlights only what matched: no single character out of a longer word", () => {
    const found = core.search(zh, "反编译");
    assert.deepEqual(found.results[0].words, ["反向编译"]);
    const question = core.search(zh, "我可以反编译这个软件吗");
    assert.ok(question.results[0].words.every((w) => w.length >= 2), question.results[0].words.join(","));
  });

  it("names the words that matched nothing and offers the nearest", () => {
    const found = core.search(en, "jurisdikshon");
    assert.equal(found.mode, "none");
    assert.deepEqual(found.unmatched, ["jurisdikshon"]);
    const chinese = core.search(zh, "卸在");
    assert.deepEqual(chinese.unmatched, ["卸在"]);
  });

  it("counts a repeated word once", () => {
    const once = core.search(en, "reverse");
    const thrice = core.search(en, "reverse Reverse reverse");
    assert.deepEqual(thrice.terms.length, 1);
    assert.deepEqual(anchors(thrice), anchors(once));
    assert.deepEqual(thrice.results[0].words, once.results[0].words);
  });

  it("handles a pasted 100,000-character query by its first characters", () => {
    const found = core.search(en, "reverse ".repeat(12_500));
    assert.equal(found.truncated, true);
    assert.deepEqual(anchors(found), ["10.1-2"]);
  });
});

describe("snippets", () => {
  const text = DATA.records[0].text;

  it("start and end at word boundaries", () => {
    const at = text.indexOf("terminal");
    const { parts, before, after } = core.excerpt(text, [[at, at + 8]], { width: 60, locale: "en" });
    const shown = parts.map((p) => p.text).join("");
    assert.equal(before, true);
    assert.equal(after, true);
    assert.match(text, new RegExp(`(^|\\s)${shown.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\s|[,.;]|$)`));
    assert.deepEqual(parts.filter((p) => p.mark).map((p) => p.text), ["terminal"]);
  });

  it("show a short text whole", () => {
    const { parts, before, after } = core.excerpt("备份副本", [[0, 2]]);
    assert.deepEqual(parts, [{ text: "备份", mark: true }, { text: "副本", mark: false }]);
    assert.equal(before || after, false);
  });
});

describe("the opened page's highlight", () => {
  it("marks English words whole and Chinese as written", () => {
    const pattern = core.highlightPattern(["reverse", "反向编译"]);
    assert.ok(pattern);
    assert.deepEqual("reverse, reversed; 反向编译".split(pattern).filter((_, i) => i % 2), ["reverse", "反向编译"]);
    assert.equal(core.highlightPattern([]), null);
  });
});
