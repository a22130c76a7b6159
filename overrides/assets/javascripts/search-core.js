// The search core: query parsing, segmentation, matching, ranking, snippets and highlight
// patterns, over the index that scripts/search_index.py writes (its docstring is the contract:
// the JSON schema, the normalisation and the English words). No DOM: the dialog
// (agreement-search.js) imports it on the first search; tests/js/search-core.test.mjs tests it (make test-js).
//
// A query becomes terms:
// * English words ([a-z0-9]+ after NFKC and lower case). A word matches the record words that
//   inflect the same word (the index's `stems`: updates, updated → update; never lawfully for
//   law); a word absent from the text matches through its inflection (decompiled); a word of 3–4
//   letters, being typed, matches the words it begins; any other word that is not a topic's
//   word is matched to the nearest words by edit distance (1 for 4–7 letters, 2 beyond, but
//   never two edits at a word's end: terminate is not terminal) and the results say so. A
//   5-letter or longer word that is in neither the text nor its stems is never expanded as a
//   prefix.
// * Chinese runs (Han characters). A run matches a record that holds it, or that holds pieces of
//   two or more characters covering every character of it (非排他性许可 → 非排他性 + 许可); the
//   record's own text is the dictionary, so 代码 finds 源代码 and no word list is needed. A run
//   of 3–6 characters that no record covers is matched to the nearest run of the text, one edit
//   away (隐私正策 → 隐私政策, 反编译 → 反向编译), keeping all but one of its characters; a run
//   the topics' words cover is no typo (能商用 is not 能使用). Single characters never match out
//   of a longer word.
// * "Quoted phrases": exactly that text, no correction.
// Function and question words (can, I, the, which; 我, 可以, 吗, 哪里, 管不管 …) are not searched
// unless the query has nothing else; the product's and Tencent's names and single Chinese
// characters are weak terms, which rank but which no result needs. A query in the other
// language's script is matched against each record's aligned text (the same clause in the other
// language) and the result is marked so. The notes are searched too, as notes.
// The subject index (the index's topics): a query that holds a topic's words (商用, where to sue)
// ranks the parts the topic points to, most relevant first, and those results name the topic.
// A query of the text's words needs every one of them; when no record holds them all, or the
// query is a question (function words left out, or four terms or more), records are ranked by
// score times the share of the query they hold, by the text and the topics together. A question
// that names a part by number (does 1.2 work as a merger clause?) puts that part first.
// Nothing is rewritten silently: `rewritten` says what was searched when words were left out or
// corrected, and asTyped gives the query that searches every word as typed.

export const MAX_QUERY_LENGTH = 200;

// ---------------------------------------------------------------------------------------------
// Types (JSDoc, checked by TypeScript: make lint; the browser reads them as comments).

/**
 * The index document as scripts/search_index.py writes it.
 * @typedef {object} IndexData
 * @property {string} language
 * @property {string} other
 * @property {"han" | "latin"} script how the page's language is written
 * @property {[string, string][]} [sections] each section's title: [own, other language]
 * @property {{url: string, title: string, section?: number | null, text: string, other?: string}[]} records
 * @property {{url: string, title: string, kind: NoteKind, section?: number | null, text: string, other?: string}[]} [notes]
 * @property {{title: string, words: string[], other_words: string[], parts: string[]}[]} [topics]
 * @property {Record<string, string>} [stems] the words stemmed otherwise than by the rule (stemMapOf) → their stems
 */
/** @typedef {"editor" | "translator"} NoteKind */
/** @typedef {{start: number, end: number, word: string, stem: string}} Token an English word of a field */
/**
 * A text made ready to match: normalised, its English words by stem, its Han bigrams.
 * @typedef {object} Field
 * @property {string} raw
 * @property {string} text normalised
 * @property {number[]} offsets of each unit of `text` in `raw`
 * @property {Token[]} tokens
 * @property {Map<string, Token[]>} byStem
 * @property {Set<string>} bigrams
 * @property {boolean} hasHan
 */
/** @typedef {"exact" | "stem" | "inflection" | "prefix" | "fuzzy" | "none"} How how a query word matched */
/** @typedef {{stem: string, count: number}} WordEntry */
/**
 * What a query word matches (resolveWord): fuzzy matches name the words they stand for.
 * @typedef {{stems: Set<string>, how: Exclude<How, "fuzzy">} | {stems: Set<string>, how: "fuzzy", shown: string[], distance: number}} Resolved
 */
/**
 * The words, stems and Han runs of one side of every record, with caches.
 * @typedef {object} Vocabulary
 * @property {Map<string, WordEntry>} words
 * @property {Map<string, Set<string>>} stems stem → its words
 * @property {string[]} hanRuns
 * @property {Map<number, {key: string, stem: string}[]>} byLength
 * @property {string[]} sorted
 * @property {Map<string, Resolved>} resolved
 * @property {Map<string, string[]>} suggested
 */
/** @typedef {"own" | "other"} Side the page's own language, or the other one (the aligned text) */
/**
 * A part of the agreement (kind "part") or a note on one, as searched.
 * @typedef {object} IndexRecord
 * @property {"part" | NoteKind} kind
 * @property {string} anchor
 * @property {string} url
 * @property {string} title
 * @property {string} sectionTitle
 * @property {string} text
 * @property {string} other
 * @property {number} order
 * @property {Record<Side, {text: Field, section: Field}>} sides
 * @property {{topic: Topic, position: number}[]} topics the topics that point to it, and where in their lists
 */
/**
 * A topic of the subject index, made ready to be found in a query.
 * @typedef {object} Topic
 * @property {string} title
 * @property {number} size how many parts and notes it points to
 * @property {number} first where the part or note it lists first is in the records (-1: nowhere)
 * @property {TopicWord[]} words in both languages
 */
/**
 * A word of a topic: found in a query as written when it has Han characters (商用, qq号), by its
 * words' stems otherwise (turn off updates); a word of function words alone (can i, 能不能) says
 * little, and holds no term of the query.
 * @typedef {object} TopicWord
 * @property {string} text normalised
 * @property {boolean} han
 * @property {string[]} stems of its English words other than function words
 * @property {number} weight its size (two Chinese characters or one English word: 1) times its idf over the topics
 */
/**
 * @typedef {object} PreparedIndex
 * @property {string} language
 * @property {string} other
 * @property {"han" | "latin"} script
 * @property {IndexRecord[]} records
 * @property {Topic[]} topics
 * @property {string[]} topicRuns the topics' words that have Han characters
 * @property {Record<Side, Vocabulary>} vocabulary
 * @property {Record<Side, number>} averageLength
 * @property {(word: string) => string} stemOf
 */
/**
 * A term of a query. A weak term (the product's or Tencent's name, a single Chinese character; in
 * a question, a word that only asks whether something is allowed, and a corrected word) ranks
 * results but no result needs it.
 * @typedef {{kind: "word" | "han" | "phrase", text: string, script: "latin" | "han", at: number, weak?: boolean, asks?: boolean}} Term
 * at: where it starts in the normalised query (-1 for a quoted phrase); asks: a word that asks
 * whether what the question is about is allowed (违规, 靠谱, allowed, legal)
 */
/** @typedef {[number, number]} Range [start, end) */
/** @typedef {{pieces: {start: number, end: number}[], complete: boolean}} Cover */
/** @typedef {(run: string, haystack: string, bigrams: Set<string>) => Cover} CoverFunction */
/** @typedef {{key: string, piece?: string, count: number, weight: number}} Unit */
/**
 * How a term occurs in a field. mask: for a Chinese run, which of its characters are covered.
 * @typedef {{strength: number, whole: boolean, inTitle: boolean, ranges: Range[], units: Unit[], mask?: Uint8Array}} Match
 */
/** @typedef {Partial<Record<Side, Match>>} Found how a term occurs in a record, on each side */
/** @typedef {{stems?: Set<string>, runs?: string[]}} SidePlan stems for a word, runs for a Chinese run, nothing for a phrase */
/** @typedef {{term: Term, sides: Side[], bySide: Partial<Record<Side, SidePlan>>, correction: string[] | null}} Plan */
/** @typedef {typeof RANKING} Ranking */
/**
 * What a query cites (citationIn): a part by its anchor ("preamble": the whole preamble), a
 * section by its number (and the heading typed after it), or a part's notes.
 * @typedef {{anchor: string} | {section: number, heading?: string} | {anchor: string, note: {kind: NoteKind | null, ordinal: number | null}}} Citation
 */

// ---------------------------------------------------------------------------------------------
// Normalisation and words: the contract with scripts/search_index.py.

/** Each code point NFKC-normalised and lower-cased by itself; `offsets[i]` is where the i-th
 * normalised UTF-16 unit came from in the original text (one more entry: its length).
 * @param {string} text
 * @returns {{text: string, offsets: number[]}} */
export function normalise(text) {
  let norm = "";
  const offsets = [];
  let at = 0;
  for (const character of text) {
    const normalised = character.normalize("NFKC").toLowerCase();
    norm += normalised;
    for (let i = 0; i < normalised.length; i++) offsets.push(at);
    at += character.length;
  }
  offsets.push(at);
  return { text: norm, offsets };
}

const ENGLISH_WORD = /[a-z0-9]+/g;

/** The English words of a text, in order (scripts/search_index.py english_words).
 * @param {string} text
 * @returns {string[]} */
export function englishWords(text) {
  return normalise(text).text.match(ENGLISH_WORD) ?? [];
}

const isHanCode = (/** @type {number} */ code) => (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const HAS_HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const SCRIPT_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g;

// ---------------------------------------------------------------------------------------------
// Words that do not carry a question's subject.

export const ENGLISH_STOP_WORDS = new Set(
  ("a an the and or but if of to in on at by for from with about as into than then so not no " +
    "i me my mine we us our you your yours he him his she her it its they them their this that these those " +
    "is am are was were be been being do does did done doing have has had having " +
    "can could may might must shall should will would ought " +
    "what which who whom whose where when why how whether " +
    "there here any some all each every please also just only s t " +
    "don doesn didn isn aren wasn weren won wouldn cannot couldn shouldn haven hasn ll ve re d m " +
    "someone somebody something anyone anybody anything everyone everybody everything both either neither ok okay").split(" "),
);

// The product and the other party: named in most questions, rarely by the text (本软件, the
// Software), so they rank results but no result needs them.
const NAMES = new Set(["tim", "tencent", "腾讯"]);

// Chinese function and question words cut out of a run wherever they appear …
export const CHINESE_STOP_WORDS = (
  "可不可以 为什么 怎么样 是不是 有没有 会不会 能不能 要不要 什么时候 可以 能否 能够 是否 什么 怎么 怎样 如何 哪里 哪儿 哪个 哪些 多少 何时 请问 我们 你们 " +
  "他们 我的 你的 您的 自己 一下 的话 时候 还能 为啥 干嘛 怎么办 咋办 到底 究竟 这个 那个 这份 一个 如果 还是 哪家 谁 啥 咋 里面"
).split(" ").sort((a, b) => b.length - a.length);
// … these characters when they end or begin a run (吗 in 可以备份吗, 我 in 我可以) …
const CHINESE_EDGE_CHARACTERS = new Set([..."吗呢吧啊呀嘛么我你您他她它"]);
// Words that end a question by asking whether what it is about is allowed, safe or trouble-free
// (开网店用TIM 违规不, 网盘里的安装包靠谱吗, 删掉版权声明有事吗): split off the end of a run,
// and in a question weak terms, since the question's subject is what comes before them.
export const CHINESE_ASKING_WORDS = "违规 违法 犯法 合法 合规 靠谱 有事 没事 有问题 有风险 要紧 允许 可行 安全".split(" ");
export const ENGLISH_ASKING_WORDS = new Set("allowed permitted permissible legal illegal lawful unlawful prohibited forbidden violation against legit safe risky".split(" "));
// … and these may stay unmatched inside a run (会 in 腾讯会收集) when no piece of the text holds them.
export const CHINESE_STOP_CHARACTERS = new Set([..."的了是会能要在有和与及或把被就都也还又想得地着过给让对这那将该可很吗呢吧啊呀嘛么我你您他她它谁哪啥几怎咋去跟算用里"]);

// ---------------------------------------------------------------------------------------------
// Edit distance (optimal string alignment: a swap of two neighbours is one edit).

// Three rows of scratch space, grown as needed: no allocation per comparison.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** The distance between a and b, or `limit + 1` as soon as it must exceed `limit`.
 * @param {string} a
 * @param {string} b
 * @returns {number} */
export function editDistance(a, b, limit = Infinity) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (rows[0].length <= b.length) rows = rows.map(() => new Int32Array(b.length * 2 + 1));
  let [before, previous, row] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) value = Math.min(value, before[j - 2] + 1);
      row[j] = value;
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    [before, previous, row] = [previous, row, before];
  }
  return previous[b.length];
}

/** How many edits a typed word of this length may be from the text's word it means. */
export const allowedEdits = (/** @type {number} */ length) => (length < 4 ? 0 : length <= 7 ? 1 : 2);

/** @param {string} a @param {string} b */
function commonPrefix(a, b) {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Two edits confined to the last three letters make another word (terminal, terminate;
 * licensor, licensee), not a typo.
 * @type {(word: string, candidate: string, distance: number) => boolean} */
const isEndingChange = (word, candidate, distance) => distance >= 2 && commonPrefix(word, candidate) >= Math.min(word.length, candidate.length) - 3;

// ---------------------------------------------------------------------------------------------
// The index, prepared once.

/**
 * @param {string | undefined} raw
 * @param {(word: string) => string} stemOf
 * @returns {Field}
 */
function makeField(raw, stemOf) {
  const { text, offsets } = normalise(raw ?? "");
  const tokens = [];
  const byStem = new Map(); // stem → its tokens
  for (const match of text.matchAll(ENGLISH_WORD)) {
    const token = { start: match.index, end: match.index + match[0].length, word: match[0], stem: stemOf(match[0]) };
    tokens.push(token);
    if (!byStem.has(token.stem)) byStem.set(token.stem, []);
    byStem.get(token.stem).push(token);
  }
  const bigrams = new Set();
  for (const run of text.matchAll(HAN_RUN)) for (let i = 0; i + 1 < run[0].length; i++) bigrams.add(run[0].slice(i, i + 2));
  return { raw: raw ?? "", text, offsets, tokens, byStem, bigrams, hasHan: HAS_HAN.test(text) };
}

/** @param {Field[]} fields @returns {Vocabulary} */
function makeVocabulary(fields) {
  const words = new Map(); // word → {stem, count}
  const stems = new Map(); // stem → Set of words
  for (const field of fields) {
    for (const token of field.tokens) {
      const entry = words.get(token.word);
      if (entry) entry.count++;
      else words.set(token.word, { stem: token.stem, count: 1 });
      if (!stems.has(token.stem)) stems.set(token.stem, new Set());
      stems.get(token.stem).add(token.word);
    }
  }
  const hanRuns = [];
  for (const field of fields) for (const run of field.text.matchAll(HAN_RUN)) hanRuns.push(run[0]);
  // The keys fuzzy matching compares a word with (words, and stems that are not words), by length.
  const byLength = new Map();
  const addKey = (/** @type {string} */ key, /** @type {string} */ stem) => {
    if (!byLength.has(key.length)) byLength.set(key.length, []);
    byLength.get(key.length).push({ key, stem });
  };
  // Not function words, nor their forms (ins, of plug-ins, is in's: wins is no typo of it).
  for (const [text, entry] of words) if (!ENGLISH_STOP_WORDS.has(text) && !ENGLISH_STOP_WORDS.has(entry.stem)) addKey(text, entry.stem);
  for (const stem of stems.keys()) if (!words.has(stem)) addKey(stem, stem);
  // Words and stems in code-unit order, to find those a prefix begins by binary search.
  const sorted = [...new Set([...words.keys(), ...stems.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { words, stems, hanRuns, byLength, sorted, resolved: new Map(), suggested: new Map() };
}

/** The words and stems of a vocabulary that begin with `prefix`.
 * @param {string} prefix
 * @param {Vocabulary} vocabulary */
function beginningWith(prefix, vocabulary) {
  const { sorted } = vocabulary;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < prefix) low = middle + 1;
    else high = middle;
  }
  const found = [];
  for (let i = low; i < sorted.length && sorted[i].startsWith(prefix); i++) found.push(sorted[i]);
  return found;
}

// What a note has instead of a section title: nothing (its section is not about it).
const NO_TITLE = makeField("", (word) => word);

/** The forms a word of the index may be a regular inflection of, by its ending (as
 * scripts/search_index.py `_bases`): updates → updat, update; stopped → stopp, stoppe, stop.
 * @param {string} word */
function regularBases(word) {
  const bases = [];
  if (word.endsWith("ies") || word.endsWith("ied")) bases.push(word.slice(0, -3) + "y");
  if (word.endsWith("es")) bases.push(word.slice(0, -2));
  if (word.endsWith("s") && !/(ss|us|is)$/.test(word)) bases.push(word.slice(0, -1));
  for (const ending of ["ed", "ing"]) {
    if (!word.endsWith(ending)) continue;
    const base = word.slice(0, -ending.length);
    bases.push(base, base + "e");
    if (base.length >= 3 && base.at(-1) === base.at(-2) && !"aeiouls".includes(/** @type {string} */ (base.at(-1)))) bases.push(base.slice(0, -1));
  }
  return bases.filter((base) => base.length >= 3); // "ins" of plug-ins is no inflection of "in"
}

/** Each English word of the index that inflects another → the word it inflects (as
 * scripts/search_index.py english_stems): the first of its possible bases that is a word of the
 * index, else the shortest; the index's `stems` are the exceptions ("": the word is its own).
 * @param {IndexData} data */
export function stemMapOf(data) {
  const words = new Set();
  const add = (/** @type {string | undefined} */ text) => englishWords(text ?? "").forEach((word) => words.add(word));
  for (const entry of [...data.records, ...(data.notes ?? [])]) add(entry.text), add(entry.other);
  for (const pair of data.sections ?? []) pair.forEach(add);
  for (const topic of data.topics ?? []) [topic.title, ...topic.words, ...topic.other_words].forEach(add);
  const exceptions = data.stems ?? {};
  /** @type {Map<string, string>} */
  const stems = new Map();
  for (const word of words) {
    const bases = regularBases(word);
    const stem = Object.hasOwn(exceptions, word) ? exceptions[word] : bases.find((base) => words.has(base)) ?? bases.reduce((a, b) => (b.length < a.length ? b : a), bases[0]);
    if (stem) stems.set(word, stem);
  }
  return stems;
}

/** The index document (scripts/search_index.py) made ready to search.
 * @param {IndexData} data
 * @returns {PreparedIndex} */
export function prepareIndex(data) {
  const stemMap = stemMapOf(data);
  const stemOf = (/** @type {string} */ word) => stemMap.get(word) ?? word;
  const sections = (data.sections ?? []).map(([own, other]) => ({ own: makeField(own, stemOf), other: makeField(other, stemOf) }));
  /** @type {{kind: IndexRecord["kind"], url: string, title: string, section?: number | null, text: string, other?: string}[]} */
  const entries = [...data.records.map((record) => ({ ...record, kind: /** @type {const} */ ("part") })), ...(data.notes ?? [])];
  /** @type {IndexRecord[]} */
  const records = entries.map((record, order) => {
    const section = record.section === null || record.section === undefined ? null : sections[record.section];
    return {
      kind: record.kind,
      anchor: record.url.slice(record.url.indexOf("#") + 1),
      url: record.url,
      title: record.title,
      sectionTitle: section ? section.own.raw : "",
      text: record.text,
      other: record.other ?? "",
      order,
      sides: {
        // A note is matched by its own words only: its section's title is not about it.
        own: { text: makeField(record.text, stemOf), section: section && record.kind === "part" ? section.own : NO_TITLE },
        other: { text: makeField(record.other, stemOf), section: section && record.kind === "part" ? section.other : NO_TITLE },
      },
      topics: [],
    };
  });
  const byAnchor = new Map(records.map((record) => [record.anchor, record]));
  const topicData = data.topics ?? [];
  const wordsOf = (/** @type {(typeof topicData)[number]} */ topic) => [...new Set([...topic.words, ...topic.other_words].map((word) => normalise(word).text.replace(/\s+/g, " ").trim()))];
  /** @type {Map<string, number>} how many topics have each word */
  const frequency = new Map();
  for (const topic of topicData) for (const word of wordsOf(topic)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const topics = topicData.map((topic) => {
    const words = wordsOf(topic).map((text) => {
      // What it says besides function words and the names every question has (what is TIM).
      const english = (text.match(ENGLISH_WORD) ?? []).filter((word) => !ENGLISH_STOP_WORDS.has(word) && !NAMES.has(word));
      const han = (text.match(HAN_RUN) ?? []).reduce((sum, run) => sum + cutChineseStopWords(run.replaceAll("腾讯", "")).kept.join("").length, 0);
      const n = /** @type {number} */ (frequency.get(text));
      const idf = Math.log(1 + (topicData.length - n + 0.5) / (n + 0.5));
      // Function words alone (能不能, can i) weigh as a weak term.
      const size = han / 2 + english.length || RANKING.weakWeight;
      return { text, han: HAS_HAN.test(text), stems: english.map(stemOf), weight: size * idf };
    });
    /** @type {Topic} */
    const prepared = { title: topic.title, size: topic.parts.length, first: records.findIndex((record) => record.anchor === topic.parts[0]), words };
    topic.parts.forEach((anchor, position) => byAnchor.get(anchor)?.topics.push({ topic: prepared, position }));
    return prepared;
  });
  const topicRuns = [...new Set(topics.flatMap((topic) => topic.words.filter((word) => word.han).map((word) => word.text)))];
  // The topics' words are words a query may use: typed as a topic has them, they are not typos.
  const topicFields = topicData.map((topic) => ({ own: makeField(topic.words.join(" ｜ "), stemOf), other: makeField(topic.other_words.join(" ｜ "), stemOf) }));
  const vocabulary = {
    own: makeVocabulary([...records.map((r) => r.sides.own.text), ...sections.map((s) => s.own), ...topicFields.map((t) => t.own)]),
    other: makeVocabulary([...records.map((r) => r.sides.other.text), ...sections.map((s) => s.other), ...topicFields.map((t) => t.other)]),
  };
  const average = (/** @type {Side} */ side) => records.reduce((sum, r) => sum + r.sides[side].text.text.length, 0) / Math.max(1, records.length);
  const averageLength = { own: average("own"), other: average("other") };
  return { language: data.language, other: data.other, script: data.script, records, topics, topicRuns, vocabulary, averageLength, stemOf };
}

// ---------------------------------------------------------------------------------------------
// Query parsing.

const QUOTED = /["“”„「」『』]([^"“”„「」『』]*)["“”„「」『』]/g;

/** Up to MAX_QUERY_LENGTH characters of a query, never half a surrogate pair.
 * @param {string} query */
export function capQuery(query) {
  if (query.length <= MAX_QUERY_LENGTH) return { text: query, truncated: false };
  let end = MAX_QUERY_LENGTH;
  const code = query.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return { text: query.slice(0, end), truncated: true };
}

/** Cut Chinese function words out of a run of Han characters: {kept: the runs left, keptAt: where
 * each starts in the run, asks: whether each asks whether something is allowed (CHINESE_ASKING_WORDS
 * ending the run: 靠谱 in 安装包靠谱吗), dropped}. Tencent's name (腾讯) is a run of its own.
 * @param {string} run */
export function cutChineseStopWords(run) {
  /** @type {{text: string, at: number, asks?: boolean}[]} */
  const pieces = [];
  const dropped = [];
  let current = "";
  let currentAt = 0;
  // The run's end asks the question: 吗, 呢 …, and a last 不 or 没 (违规不).
  let length = run.length;
  while (length > 1 && CHINESE_EDGE_CHARACTERS.has(run[length - 1])) dropped.push(run[--length]);
  if (length > 1 && "不没".includes(run[length - 1]) && !"不没".includes(run[length - 2])) dropped.push(run[--length]);
  // A word asking whether it is allowed, ending the run, is a piece of its own, unless one
  // character comes before it (不合法).
  const asking = CHINESE_ASKING_WORDS.find((word) => run.startsWith(word, length - word.length) && length - word.length !== 1);
  const askingAt = asking ? length - asking.length : length;
  const flush = () => current && pieces.push({ text: current, at: currentAt });
  for (let at = 0; at < length; ) {
    // 管不管, 行不行, 用没用: the question form of the verb; the verb stays, on its own.
    const either = "不没".includes(run[at + 1]) && run[at + 2] === run[at] ? run.slice(at, at + 3) : null;
    const stop = either ?? CHINESE_STOP_WORDS.find((word) => run.startsWith(word, at));
    const own = at === askingAt ? /** @type {string} */ (asking) : !stop && run.startsWith("腾讯", at) ? "腾讯" : null;
    if (own || (either && !CHINESE_STOP_CHARACTERS.has(run[at]))) {
      flush();
      pieces.push(own ? { text: own, at, asks: own === asking } : { text: run[at], at });
      current = "";
      if (!own) dropped.push(/** @type {string} */ (either).slice(1));
      at += own ? own.length : 3;
    } else if (stop) {
      flush();
      current = "";
      dropped.push(stop);
      at += stop.length;
    } else {
      if (!current) currentAt = at;
      current += run[at++];
    }
  }
  flush();
  const kept = [];
  const keptAt = [];
  const asks = [];
  for (const piece of pieces) {
    let start = 0;
    let end = piece.text.length;
    while (start < end && CHINESE_EDGE_CHARACTERS.has(piece.text[start])) dropped.push(piece.text[start++]);
    while (end > start && CHINESE_EDGE_CHARACTERS.has(piece.text[end - 1])) dropped.push(piece.text[--end]);
    const rest = piece.text.slice(start, end);
    if (rest && [...rest].every((c) => CHINESE_STOP_CHARACTERS.has(c))) dropped.push(rest);
    else if (rest) {
      kept.push(rest);
      keptAt.push(piece.at + start);
      asks.push(Boolean(piece.asks));
    }
  }
  return { kept, keptAt, asks, dropped };
}

/**
 * A query as terms. Each term: {kind: "word" (English) | "han" | "phrase", text (normalised),
 * script: "latin" | "han"}. Also: the words left out as function words, and whether the query
 * was cut to MAX_QUERY_LENGTH.
 * @param {string} query
 * @returns {{terms: Term[], ignored: string[], truncated: boolean, query: string, normalised: string}}
 */
export function parseQuery(query) {
  const { text: capped, truncated } = capQuery(query);
  const norm = normalise(capped).text;
  /** @type {string[]} */
  const phrases = [];
  // Quoted phrases out, the rest where it was (terms keep their place in `norm`).
  const rest = norm.replace(QUOTED, (quoted, phrase) => {
    const text = phrase.trim().replace(/\s+/g, " ");
    if (text) phrases.push(text);
    return " ".repeat(quoted.length);
  });
  /** @type {Term[]} */
  const all = [];
  /** @type {Term[]} */
  const searched = [];
  /** @type {Term[]} */
  const ignored = [];
  for (const match of rest.matchAll(SCRIPT_RUN)) {
    const run = match[0];
    const at = /** @type {number} */ (match.index);
    if (!isHanCode(run.charCodeAt(0))) {
      /** @type {Term} */
      const term = { kind: "word", text: run, script: "latin", at, ...(ENGLISH_ASKING_WORDS.has(run) && { asks: true }) };
      all.push(term);
      (ENGLISH_STOP_WORDS.has(run) ? ignored : searched).push(term);
      continue;
    }
    all.push({ kind: "han", text: run, script: "han", at });
    const { kept, keptAt, asks, dropped } = cutChineseStopWords(run);
    ignored.push(...dropped.map((text) => /** @type {Term} */ ({ kind: "han", text, script: "han", at: -1 })));
    searched.push(...kept.map((piece, i) => /** @type {Term} */ ({ kind: "han", text: piece, script: "han", at: at + keptAt[i], ...(asks[i] && { asks: true }) })));
  }
  /** @type {Term[]} */
  const phraseTerms = phrases.map((text) => ({ kind: "phrase", text, script: HAS_HAN.test(text) ? "han" : "latin", at: -1 }));
  // A query of function words alone is searched as typed.
  const chosen = searched.length || phraseTerms.length ? searched : all;
  const ignoredWords = chosen === all ? [] : [...new Set(ignored.map((term) => term.text))];
  const terms = [];
  const seen = new Set();
  for (const term of [...phraseTerms, ...chosen]) {
    const key = `${term.kind}:${term.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
  }
  // In a question, a word that asks whether it is allowed is weak, like the names.
  const asking = isQuestion(ignoredWords, terms);
  for (const [i, term] of terms.entries()) {
    if (term.kind !== "phrase" && (NAMES.has(term.text) || (term.kind === "han" && term.text.length === 1) || (asking && term.asks))) terms[i] = { ...term, weak: true };
  }
  // A query of weak terms alone needs them all.
  if (terms.every((term) => term.weak)) terms.forEach((term) => delete term.weak);
  return { terms, ignored: ignoredWords, truncated, query: capped, normalised: rest };
}

/** Whether a query is a question: function words were left out of it, or it has four terms or more.
 * @param {string[]} ignored
 * @param {Term[]} terms */
export function isQuestion(ignored, terms) {
  return ignored.length > 0 || terms.length >= 4;
}

// ---------------------------------------------------------------------------------------------
// English words: which stems a query word stands for.

/** The forms a query word may be an inflection of: updating → updat, update; policies → policy.
 * @param {string} word
 * @returns {string[]} */
export function inflectionBases(word) {
  /** @type {string[]} */
  const bases = [];
  const add = (/** @type {string} */ base) => base.length >= 3 && base !== word && !bases.includes(base) && bases.push(base);
  const undouble = (/** @type {string} */ base) => (base.length >= 4 && base.at(-1) === base.at(-2) && !"aeiouls".includes(/** @type {string} */ (base.at(-1))) ? base.slice(0, -1) : null);
  if (word.endsWith("ies")) add(word.slice(0, -3) + "y"), add(word.slice(0, -2));
  if (word.endsWith("es")) add(word.slice(0, -2));
  if (word.endsWith("s") && !word.endsWith("ss")) add(word.slice(0, -1));
  for (const ending of ["ed", "ing"]) {
    if (!word.endsWith(ending)) continue;
    const base = word.slice(0, -ending.length);
    add(base), add(base + "e");
    const single = undouble(base);
    if (single) add(single);
    if (ending === "ed" && base.endsWith("i")) add(base.slice(0, -1) + "y");
  }
  if (word.endsWith("ily")) add(word.slice(0, -3) + "y");
  if (word.endsWith("ly")) add(word.slice(0, -2));
  if (word.endsWith("e")) add(word.slice(0, -1));
  return bases;
}

/** The regular inflected forms of a word: engineer → engineers, engineered, engineering;
 * update → updates, updated, updating. A word the text has only inflected is found by them.
 * @param {string} word
 * @returns {string[]} */
export function inflectedForms(word) {
  if (word.length < 3) return [];
  const stem = word.endsWith("e") ? word.slice(0, -1) : word;
  return [...new Set([word + "s", word + "es", stem + "ed", stem + "ing", word + "ings"])];
}

/**
 * What an English query word matches in one vocabulary: {stems: Set, how, shown}. `how` is
 * "exact" (a word of the text), "stem", "inflection", "prefix" (3–4 letters, being typed),
 * "fuzzy" (the nearest words; `shown` names them) or "none".
 * @param {string} word
 * @param {Vocabulary} vocabulary
 * @returns {Resolved}
 */
export function resolveWord(word, vocabulary) {
  if (!vocabulary.resolved.has(word)) {
    if (vocabulary.resolved.size > 1000) vocabulary.resolved.clear();
    vocabulary.resolved.set(word, resolveWordUncached(word, vocabulary));
  }
  return /** @type {Resolved} */ (vocabulary.resolved.get(word));
}

/** @param {string} word @param {Vocabulary} vocabulary @returns {Resolved} */
function resolveWordUncached(word, vocabulary) {
  const { words, stems } = vocabulary;
  const entry = words.get(word);
  if (entry) return { stems: new Set([entry.stem]), how: "exact" };
  if (stems.has(word)) return { stems: new Set([word]), how: "stem" };
  const inflected = new Set();
  for (const base of inflectionBases(word)) {
    const baseEntry = words.get(base);
    if (baseEntry) inflected.add(baseEntry.stem);
    else if (stems.has(base)) inflected.add(base);
  }
  for (const form of inflectedForms(word)) {
    const formEntry = words.get(form);
    if (formEntry) inflected.add(formEntry.stem);
  }
  if (inflected.size) return { stems: inflected, how: "inflection" };
  if (/^[a-z]/.test(word) && word.length >= 3 && word.length <= 4) {
    const begun = new Set(beginningWith(word, vocabulary).map((key) => words.get(key)?.stem ?? key));
    if (begun.size) return { stems: begun, how: "prefix" };
  }
  const nearest = nearestWords(word, vocabulary, allowedEdits(word.length), { sameStart: true });
  if (nearest.length) return { stems: new Set(nearest.map((n) => n.stem)), how: "fuzzy", shown: nearest.map((n) => n.word), distance: nearest[0].distance };
  return { stems: new Set(), how: "none" };
}

/** The text's words (or stems, shown as their nearest word) at the least distance within
 * `limit`, with two edits at a word's end excluded; with `sameStart`, only those that begin with
 * the word's first letter (a correction: typists seldom miss it, and a short word that begins
 * otherwise is usually another word, cost and most).
 * @param {string} word
 * @param {Vocabulary} vocabulary
 * @param {number} limit
 * @returns {{stem: string, word: string, distance: number, count: number}[]} */
export function nearestWords(word, vocabulary, limit, { endings = false, sameStart = false } = {}) {
  if (limit < 1 || /^[0-9]+$/.test(word)) return [];
  let best = limit + 1;
  /** @type {{key: string, stem: string, distance: number}[]} */
  let found = [];
  const consider = (/** @type {string} */ key, /** @type {string} */ stem) => {
    if (sameStart && key[0] !== word[0]) return;
    const distance = editDistance(word, key, best);
    if (distance > best || distance > limit) return;
    if (!endings && isEndingChange(word, key, distance)) return;
    if (distance < best) (best = distance), (found = []);
    found.push({ key, stem, distance });
  };
  for (let length = word.length - limit; length <= word.length + limit; length++) {
    for (const { key, stem } of vocabulary.byLength.get(length) ?? []) consider(key, stem);
  }
  const byStem = new Map();
  for (const { key, stem } of found) {
    // Shown as a word of the text: the key itself, or of that stem the word closest to the query.
    const shown = vocabulary.words.has(key)
      ? key
      : [.../** @type {Set<string>} */ (vocabulary.stems.get(stem))].sort((a, b) => editDistance(word, a) - editDistance(word, b) || a.localeCompare(b))[0];
    if (!byStem.has(stem)) byStem.set(stem, { stem, word: shown, distance: best, count: vocabulary.words.get(shown)?.count ?? 0 });
  }
  return [...byStem.values()].sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
}

// ---------------------------------------------------------------------------------------------
// Chinese runs.

/**
 * The pieces of `run` (two characters or more) that occur in `haystack`, each as long as it can
 * be: [{start, end}] in the run, and whether every character of the run is in one of them (a
 * function character such as 会 may be left out). `bigrams` is the haystack's set of two-character
 * substrings, to skip what cannot occur.
 * @type {CoverFunction}
 */
export function coverRun(run, haystack, bigrams) {
  if (run.length === 1) return { pieces: haystack.includes(run) ? [{ start: 0, end: 1 }] : [], complete: haystack.includes(run) };
  const pieces = [];
  const covered = new Uint8Array(run.length);
  let end = 0; // the furthest end of a piece so far
  for (let start = 0, stop = 2; start + 1 < run.length; ) {
    // Grow [start, stop) while it occurs; then record it if it reaches past the last piece.
    while (stop <= run.length && bigrams.has(run.slice(stop - 2, stop)) && haystack.includes(run.slice(start, stop))) stop++;
    const longest = stop - 1;
    if (longest - start >= 2 && longest > end) {
      pieces.push({ start, end: longest });
      covered.fill(1, start, longest);
      end = longest;
    }
    start++;
    if (stop < start + 2) stop = start + 2;
  }
  const complete = [...run].every((character, i) => covered[i] || CHINESE_STOP_CHARACTERS.has(character));
  return { pieces, complete };
}

const MAX_FUZZY_RUN = 12; // longer Chinese runs are not corrected or completed

// Per list of Han runs: which runs hold each character, and results already computed.
/** @type {WeakMap<string[], {byCharacter: Map<string, number[]>, results: Map<string, NearRun[]>}>} */
const runIndexes = new WeakMap();
/** @param {string[]} hanRuns */
function runIndex(hanRuns) {
  let index = runIndexes.get(hanRuns);
  if (!index) {
    const byCharacter = new Map();
    hanRuns.forEach((text, r) => {
      for (const character of new Set(text)) {
        if (!byCharacter.has(character)) byCharacter.set(character, []);
        byCharacter.get(character).push(r);
      }
    });
    index = { byCharacter, results: new Map() };
    runIndexes.set(hanRuns, index);
  }
  return index;
}

/**
 * Substrings of the Han runs of a text at the least edit distance (≤ limit) from `run`, best
 * first: those keeping more of its characters, of its length, not starting or ending with a
 * function character, most frequent. Only runs sharing a character with `run` are read
 * (Sellers' algorithm: the distance of `run` to any substring ending at each position).
 * @typedef {{text: string, distance: number, count: number, kept: number, edge: boolean}} NearRun
 * @param {string} run
 * @param {string[]} hanRuns
 * @param {number} limit
 * @returns {NearRun[]}
 */
export function nearestRuns(run, hanRuns, limit) {
  const m = run.length;
  if (m < 1 || m > MAX_FUZZY_RUN || limit < 1) return [];
  const index = runIndex(hanRuns);
  const key = `${limit}:${run}`;
  const cached = index.results.get(key);
  if (cached) return cached;
  /** @type {Map<string, {text: string, distance: number, count: number}>} */
  const candidates = new Map();
  const tried = new Set();
  const sharing = new Set();
  for (const character of new Set(run)) for (const r of index.byCharacter.get(character) ?? []) sharing.add(r);
  let previous = new Int32Array(m + 1);
  let current = new Int32Array(m + 1);
  for (const r of sharing) {
    const text = hanRuns[r];
    for (let i = 0; i <= m; i++) previous[i] = i;
    for (let j = 1; j <= text.length; j++) {
      current[0] = 0;
      for (let i = 1; i <= m; i++) {
        const cost = run.charCodeAt(i - 1) === text.charCodeAt(j - 1) ? 0 : 1;
        current[i] = Math.min(previous[i - 1] + cost, previous[i] + 1, current[i - 1] + 1);
      }
      [previous, current] = [current, previous];
      if (previous[m] > limit) continue;
      // Every substring ending here within the limit (反编译 against 反向编译 ends at 译 from
      // 向 as well as from 反).
      for (let s = Math.max(0, j - m - limit); s <= j - Math.max(2, m - limit); s++) {
        const candidate = text.slice(s, j);
        if (candidate === run) continue;
        if (!tried.has(candidate)) {
          tried.add(candidate);
          const distance = editDistance(run, candidate, limit);
          if (distance <= limit) candidates.set(candidate, { text: candidate, distance, count: 0 });
        }
        const entry = candidates.get(candidate);
        if (entry) entry.count++;
      }
    }
  }
  // How many of the run's own characters (not function characters) the candidate keeps.
  const kept = (/** @type {string} */ candidate) => [...new Set(run)].filter((c) => candidate.includes(c) && !CHINESE_STOP_CHARACTERS.has(c)).length;
  const edge = (/** @type {string} */ candidate) => CHINESE_STOP_CHARACTERS.has(candidate[0]) || CHINESE_STOP_CHARACTERS.has(/** @type {string} */ (candidate.at(-1)));
  const result = [...candidates.values()]
    .map((c) => ({ ...c, kept: kept(c.text), edge: edge(c.text) }))
    .filter((c) => c.kept > 0)
    .sort((a, b) => a.distance - b.distance || b.kept - a.kept || Math.abs(a.text.length - m) - Math.abs(b.text.length - m) || Number(a.edge) - Number(b.edge) || b.count - a.count);
  if (index.results.size > 500) index.results.clear();
  index.results.set(key, result);
  return result;
}

/** The correction of a Chinese run no record covers: the best nearest runs (ties kept).
 * @param {string} run
 * @param {string[]} hanRuns */
function correctRun(run, hanRuns) {
  if (run.length < 3 || run.length > 6) return []; // a longer run is a phrase: matched by its pieces
  // A correction keeps all but one of the run's own characters, and two at least: 能商用 is not
  // 能使用, which keeps only 用.
  const content = new Set([...run].filter((c) => !CHINESE_STOP_CHARACTERS.has(c))).size;
  const found = nearestRuns(run, hanRuns, 1).filter((c) => c.kept >= Math.max(2, content - 1));
  if (!found.length) return [];
  const [best] = found;
  const same = (/** @type {NearRun} */ c) => c.distance === best.distance && c.kept === best.kept && c.text.length === best.text.length && c.edge === best.edge;
  return found.filter(same).slice(0, 3).map((c) => c.text);
}

// ---------------------------------------------------------------------------------------------
// Matching one term against one side (own text, or the aligned text) of a record.

/** @param {string} needle @param {string} haystack @param {boolean} wholeWords @returns {Range[]} */
function occurrences(needle, haystack, wholeWords) {
  /** @type {Range[]} */
  const ranges = [];
  if (!needle) return ranges;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    if (!wholeWords || (!/[a-z0-9]/.test(haystack[at - 1] ?? "") && !/[a-z0-9]/.test(haystack[at + needle.length] ?? ""))) {
      ranges.push([at, at + needle.length]);
    }
  }
  return ranges;
}


/** How results are ranked: BM25 (k1, b) over the terms, with these weights. */
export const RANKING = Object.freeze({
  k1: 1.2,
  b: 0.75,
  stemWeight: 0.5, // a word of the same stem counts half the word as typed (passwords for password)
  titleWeight: 0.25, // a term found in the section title alone counts a quarter of an occurrence
  sectionBoost: 1.5, // a clause whose section title also names the term ranks higher
  piecesWeight: 0.8, // a Chinese run found in pieces counts less than found as typed
  alignedWeight: 0.8, // a match through the other language counts less than in the page's own
  adjacentBoost: 1.5, // the query's words side by side in the text, as typed
  noteWeight: 0.8, // a note found as well as the text ranks below it: it is not the agreement
  weakWeight: 0.3, // a weak term (TIM, Tencent, a single Chinese character) counts this much
  topicWeight: 3, // a topic whose words the query holds, for each part it points to
  topicDecay: 0.3, // the n-th part of a topic's list counts 1 / (1 + 0.3 n)
  specificity: 0.5, // a topic of n parts counts n^-0.5: a narrow topic says more about each part
  coverageExponent: 1, // a record that holds part of the terms: score times the share it holds
  coverageIdf: 0.5, // … each term counting by its idf to this power (0: each the same): the rarer says more
  someFloor: 0.5, // no record holds every term: those holding half as much as the best
  questionFloor: 0.05, // a question: those ranked a twentieth of the best or more
  topicShare: 0.1, // a word the text has, of a part a topic points to without it: a tenth held
});

/** How much of a term a record holds in its text, on either side (1: all of it).
 * @param {Found | null | undefined} found */
const strengthIn = (found) => Math.max(found?.own?.strength ?? 0, found?.other?.strength ?? 0);

/**
 * How a term occurs on one side of a record, or null: {strength (0–1: the share of a Chinese
 * run covered), whole (found as typed, not in pieces), ranges (normalised offsets in the
 * side's text), units: [{key, count, weight}] (what is scored: the word, or each piece)}.
 * @param {Term} term
 * @param {{text: Field, section: Field}} side
 * @param {SidePlan} plan
 * @param {CoverFunction} cover
 * @param {Ranking} ranking
 * @returns {Match | null}
 */
function matchOnSide(term, side, plan, cover, ranking) {
  const { text, section } = side;
  if (term.kind === "phrase") {
    const latin = term.script === "latin";
    const ranges = occurrences(term.text, text.text, latin);
    const inTitle = occurrences(term.text, section.text, latin).length > 0;
    if (!ranges.length && !inTitle) return null;
    return { strength: 1, whole: true, inTitle, ranges, units: [{ key: `p:${term.text}`, count: ranges.length || ranking.titleWeight, weight: 1 }] };
  }
  if (term.kind === "word") {
    const stems = /** @type {Set<string>} */ (plan.stems); // a word's plan has its stems
    if (!stems.size) return null;
    const tokens = [...stems].flatMap((stem) => text.byStem.get(stem) ?? []);
    const inTitle = [...stems].some((stem) => section.byStem.has(stem));
    if (!tokens.length && !inTitle) return null;
    const count = tokens.reduce((sum, t) => sum + (t.word === term.text ? 1 : ranking.stemWeight), 0) || ranking.titleWeight;
    return { strength: 1, whole: true, inTitle, ranges: tokens.map((t) => [t.start, t.end]), units: [{ key: `w:${term.text}`, count, weight: 1 }] };
  }
  // A Chinese run, or the corrections of one: the best of them.
  let best = null;
  for (const run of /** @type {string[]} */ (plan.runs)) {
    const found = matchRun(run, text, section, cover, ranking);
    if (found && (!best || found.strength > best.strength || (found.strength === best.strength && found.whole && !best.whole))) best = found;
  }
  return best;
}

/**
 * @param {string} run
 * @param {Field} text
 * @param {Field} section
 * @param {CoverFunction} cover
 * @returns {Match | null}
 */
function matchRun(run, text, section, cover, ranking = RANKING) {
  const whole = occurrences(run, text.text, false);
  if (whole.length || section.text.includes(run)) {
    // The section title names the run, or a piece of it (许可范围 for 书面许可).
    const inTitle = section.text.includes(run) || (section.hasHan && cover(run, section.text, section.bigrams).pieces.length > 0);
    const units = [{ key: `h:${run}`, piece: run, count: whole.length || ranking.titleWeight, weight: 1 }];
    return { strength: 1, whole: true, inTitle, ranges: whole, units, mask: new Uint8Array(run.length).fill(1) };
  }
  if (!text.hasHan && !section.hasHan) return null;
  const inText = cover(run, text.text, text.bigrams);
  const inSection = cover(run, section.text, section.bigrams);
  const covered = new Uint8Array(run.length);
  for (const piece of [...inText.pieces, ...inSection.pieces]) covered.fill(1, piece.start, piece.end);
  if (!covered.some(Boolean)) return null;
  const pieces = [...new Set([...inText.pieces, ...inSection.pieces].map((p) => run.slice(p.start, p.end)))];
  /** @type {Range[]} */
  const ranges = [];
  const units = pieces.map((piece) => {
    const found = occurrences(piece, text.text, false);
    ranges.push(...found);
    return { key: `h:${piece}`, piece, count: found.length || ranking.titleWeight, weight: piece.length };
  });
  const totalWeight = units.reduce((sum, u) => sum + u.weight, 0);
  units.forEach((u) => (u.weight /= totalWeight));
  return { strength: runStrength(run, covered), whole: false, inTitle: inSection.pieces.length > 0, ranges, units, mask: covered };
}

/** The share of a run's characters (other than function characters) that `covered` marks: 1
 * when every one is.
 * @param {string} run
 * @param {Uint8Array} covered */
function runStrength(run, covered) {
  const complete = [...run].every((c, i) => covered[i] || CHINESE_STOP_CHARACTERS.has(c));
  const content = [...run].filter((c) => !CHINESE_STOP_CHARACTERS.has(c)).length || run.length;
  const coveredCount = covered.reduce((sum, c) => sum + c, 0);
  return complete ? 1 : Math.min(0.99, coveredCount / content);
}

// ---------------------------------------------------------------------------------------------
// Search.

/**
 * Search a prepared index. Returns {terms, ignored, truncated, query, mode: "all" | "some" |
 * "none" | "empty", results, corrections: [{from, to: [..]}], unmatched: [..], suggestions:
 * [{word, nearest: [..]}], rewritten (what was searched, when words were left out or corrected;
 * else null), citation and missing (a query that cites a part by number: see citationIn)}.
 * Each result: {record (a part, or a note: record.kind), score, matched (terms found), of
 * (terms), via: "text" | "other", ranges, otherRanges (offsets in record.text / record.other),
 * words (what to highlight on the opened page), topics (the titles of the topics it was found
 * through)}. `options.cover` replaces the Chinese cover (benchmarks/search_engines.mjs); `options.ranking`
 * some of RANKING's weights.
 * @param {PreparedIndex} index
 * @param {string} query
 * @param {{cover?: CoverFunction, ranking?: Partial<Ranking>}} [options]
 */
export function search(index, query, options = {}) {
  const cover = options.cover ?? coverRun;
  const ranking = { ...RANKING, ...options.ranking };
  const parsed = parseQuery(query);
  // citation: what the query cites by number, if that is all it does (citationIn); missing: the
  // query, when the agreement has no such part.
  const base = {
    ...parsed,
    rewritten: /** @type {string | null} */ (null),
    results: [],
    corrections: [],
    unmatched: [],
    suggestions: [],
    citation: /** @type {Citation | null} */ (null),
    missing: /** @type {string | null} */ (null),
  };
  if (!parsed.terms.length) return { ...base, mode: "empty" };
  const citation = citationIn(parsed.query);
  const cited = citation && citedRecords(index, citation);
  if (citation && cited) {
    const results = cited.records.map((record) => describe({ record, score: 1, matched: 0, throughOther: false, found: [], topics: new Map() }, []));
    return { ...base, mode: results.length ? "all" : "none", results, citation, missing: cited.missing ? parsed.query.trim() : null };
  }
  // A question that names a part by its number (does 1.2 work as a merger clause?) is about that
  // part: the number is not searched as words, and the part, its items and notes come first.
  const mentioned = mentionedParts(index, parsed.query);
  const { terms, normalised: queryText } = mentioned.anchors.length ? parseQuery(mentioned.rest) : parsed;
  const question = isQuestion(parsed.ignored, terms);
  const plans = terms.map((term) => planTerm(term, index, index.script, cover, question));

  const records = index.records;
  const matches = records.map((record) =>
    plans.map((plan) => {
      /** @type {Found} */
      const found = {};
      for (const side of plan.sides) {
        const match = matchOnSide(plan.term, record.sides[side], /** @type {SidePlan} */ (plan.bySide[side]), cover, ranking);
        if (match) found[side] = match;
      }
      return found.own || found.other ? found : null;
    }),
  );
  // In a question, a corrected word is weak: a question's words are mostly real words the text
  // does not use (pretending, 凭), not typos of its words; unless no other term is found as typed,
  // or it only ends otherwise (decompiler, decompile).
  const asTypedFound = plans.some((plan, t) => !plan.term.weak && !plan.correction && matches.some((perRecord) => perRecord[t]));
  const endsOtherwise = (/** @type {Plan} */ plan) => (plan.correction ?? []).some((word) => word.startsWith(plan.term.text) || plan.term.text.startsWith(word));
  if (question && asTypedFound) for (const plan of plans) if (plan.correction && !endsOtherwise(plan)) plan.term = { ...plan.term, weak: true };
  const idf = inverseFrequency(index, matches);
  // A term some part holds whole is the text's word: only the text holds it (every word of
  // reverse engineering must be in a result); the topics hold the reader's words. A word only a
  // note has (后果 in 11.3's) is no word of the agreement's.
  const textWord = plans.map((_, t) => matches.some((perRecord, r) => records[r].kind === "part" && strengthIn(perRecord[t]) === 1));
  const topics = topicsIn(index, queryText, plans, ranking.weakWeight);
  const required = plans.filter((plan) => !plan.term.weak).length || 1;
  // What each needed term says, as a share of `required`: its idf over the records that hold it
  // (one that no record holds, a reader's word, says most), so that a record holding the rare
  // word of a question (unenforceable) comes before one holding its common ones (clause, one).
  const rarity = plans.map((plan, t) => {
    const holding = matches.filter((perRecord) => perRecord[t]).length;
    return plan.term.weak ? 0 : Math.log(1 + (records.length - holding + 0.5) / (holding + 0.5)) ** ranking.coverageIdf;
  });
  const rarities = rarity.reduce((sum, value) => sum + value, 0);
  const says = rarity.map((value) => (rarities ? (value * required) / rarities : 1));

  // A topic whose words are the whole query is what was asked (去哪里起诉, 商业用途), unless the
  // part it lists first has the query's words itself: then the text answers (reverse engineering).
  // Else its parts hold the query as the parts with its words do, which are elsewhere (起诉 is in
  // 9.2, where others sue you; 商业用途 in 10.1(5)).
  const whole = (/** @type {Uint8Array | boolean | undefined} */ held) => held === true || (held instanceof Uint8Array && held.every(Boolean));
  const inOwnWords = (/** @type {number} */ r) => plans.every((plan, t) => plan.term.weak || strengthIn(matches[r][t]) === 1);
  const askedTopics = new Set(
    [...topics]
      .filter(([topic, found]) => plans.every((plan, t) => plan.term.weak || whole(found.held[t])) && !(topic.first >= 0 && inOwnWords(topic.first)))
      .map(([topic]) => topic),
  );
  const scored = records.map((record, r) => {
    let score = 0;
    let matched = 0;
    let complete = 0;
    let coverage = 0; // the share of each needed term the record holds, summed, by what each says
    let throughOther = false;
    /** @type {Map<Topic, number>} what each topic pointing to it adds */
    const through = new Map();
    for (const { topic, position } of record.topics) {
      const found = topics.get(topic);
      // Most relevant first in a topic's list; a topic of few parts says more about each.
      if (found) through.set(topic, (ranking.topicWeight * topic.size ** -ranking.specificity * found.score) / (1 + ranking.topicDecay * position));
    }
    const asked = [...through.keys()].some((topic) => askedTopics.has(topic));
    plans.forEach((plan, t) => {
      const found = matches[r][t];
      const own = found?.own ? weigh(found.own, idf.own, record.sides.own.text.text.length, index.averageLength.own, ranking) : 0;
      const other = found?.other ? ranking.alignedWeight * weigh(found.other, idf.other, record.sides.other.text.text.length, index.averageLength.other, ranking) : 0;
      const inOwnText = strengthIn(found);
      let strength = inOwnText;
      const masks = [found?.own?.mask, found?.other?.mask];
      for (const topic of through.keys()) {
        const held = topics.get(topic)?.held[t];
        if (held === true) strength = 1;
        else if (held) masks.push(held);
      }
      // A Chinese run may be held in pieces, some by the text and some by a topic's words.
      if (plan.term.kind === "han") strength = Math.max(strength, unionStrength(plan.term.text, masks));
      if (!strength) return;
      matched++;
      if (found && !found.own) throughOther = true;
      if (!plan.term.weak) {
        // A word of the text's own is held by the text: a part a topic points to, without it,
        // holds a share of it (a result that holds the query has every word of the text's).
        coverage += says[t] * (textWord[t] && !asked ? Math.max(inOwnText, ranking.topicShare * strength) : strength);
        if ((textWord[t] && !asked ? inOwnText : strength) === 1) complete++;
      }
      score += (plan.term.weak ? ranking.weakWeight : 1) * Math.max(own, other);
    });
    // The words of the query side by side in the text, as typed, rank higher.
    if (matched > 1 && plans.every((plan) => plan.term.kind !== "phrase") && adjacent(plans, matches[r], record)) score *= ranking.adjacentBoost;
    // A note's words count less than the agreement's; where the index puts a note, it stays.
    if (record.kind !== "part") score *= ranking.noteWeight;
    for (const value of through.values()) score += value;
    const isMentioned = mentioned.anchors.some((anchor) => record.anchor === anchor || record.anchor.startsWith(`${anchor}-`));
    return { record, score, matched, complete, coverage, throughOther, found: matches[r], topics: through, mentioned: isMentioned };
  });
  const holdsAll = (/** @type {typeof scored[number]} */ s) => s.matched > 0 && s.complete === required;
  // Ranked by score, times the share of the terms held where not every term is.
  const rank = (/** @type {typeof scored[number]} */ s) => s.score * (holdsAll(s) ? 1 : (s.coverage / required) ** ranking.coverageExponent);
  let chosen = scored.filter(holdsAll);
  if (question) {
    // A question is answered by rank, by the text and the subject index: what holds every term
    // need not be the answer (TIM and 腾讯 are in many questions).
    const best = Math.max(0, ...scored.filter((s) => s.matched).map(rank));
    chosen = scored.filter((s) => s.matched && rank(s) >= ranking.questionFloor * best);
  } else if (!chosen.length) {
    // "Most of them": at least a share of what the best record holds.
    const best = Math.max(0, ...scored.map((s) => s.coverage));
    chosen = scored.filter((s) => s.coverage > 0 && s.coverage >= ranking.someFloor * best);
  }
  // The part a question names by number, and its items and notes: first, when they match or are that part.
  const named = scored.filter((s) => s.mentioned && !chosen.includes(s) && (s.matched || mentioned.anchors.includes(s.record.anchor)));
  chosen = [...chosen, ...named];
  chosen.sort((a, b) => Number(b.mentioned) - Number(a.mentioned) || rank(b) - rank(a) || a.record.order - b.record.order);
  const mode = !chosen.length ? "none" : chosen.every(holdsAll) ? "all" : "some";
  const results = chosen.map((s) => describe(s, plans));
  const found = plans.map((_, t) => matches.some((perRecord) => perRecord[t]) || [...topics.values()].some((topic) => topic.held[t]));
  const corrections = plans.filter((plan, t) => plan.correction && found[t]).map((plan) => ({ from: plan.term.text, to: /** @type {string[]} */ (plan.correction) }));
  const unmatchedPlans = plans.filter((_, t) => !found[t]);
  const unmatched = unmatchedPlans.map((plan) => plan.term.text);
  const suggestions = unmatchedPlans.length ? suggest(unmatchedPlans, index) : [];
  // Nothing is rewritten silently: words left out or corrected are said, with what was searched.
  const searchedFor = [
    ...mentioned.anchors,
    ...plans.map((plan, t) => (plan.term.kind === "phrase" ? `"${plan.term.text}"` : corrections.find((c) => c.from === plan.term.text && found[t])?.to.join(" ") ?? plan.term.text)),
  ].join(" ");
  const rewritten = parsed.ignored.length || corrections.length ? searchedFor : null;
  return { ...base, terms, mode, results, corrections, unmatched, suggestions, rewritten };
}

const QUOTED_OR_WORD = /["“”„「」『』][^"“”„「」『』]*["“”„「」『』]|[^\s"“”„「」『』?？!！,，、;；:：。]+/g;

/** The query that searches every word as typed: each in quotes (no function word left out, no
 * correction, no topic), as the dialog offers it when a query was read otherwise.
 * @param {string} query */
export function asTyped(query) {
  return (capQuery(query).text.match(QUOTED_OR_WORD) ?? []).map((word) => (/^["“”„「」『』]/.test(word) ? word : `"${word}"`)).join(" ");
}

/**
 * The topics whose words a query holds. Per topic: its score, the weights of its words found
 * (a word found inside a longer one found, 被盗 in 账号被盗, counts once), and per term what of it
 * those words hold: all of it (true), some characters of a Chinese run (a mask), or nothing.
 * @typedef {Map<Topic, {score: number, held: (Uint8Array | boolean)[]}>} TopicsFound
 * @param {PreparedIndex} index
 * @param {string} text the normalised query, as the terms' places count
 * @param {Plan[]} plans
 * @param {number} weakWeight what a word found only in weak terms or left-out words counts
 * @returns {TopicsFound}
 */
function topicsIn(index, text, plans, weakWeight) {
  /** @type {TopicsFound} */
  const found = new Map();
  const stems = plans.map((plan) => new Set(Object.values(plan.bySide).flatMap((side) => [...(side?.stems ?? [])])));
  for (const topic of index.topics) {
    /** @type {{weight: number, units: Set<string>}[]} */
    const hits = [];
    for (const word of topic.words) {
      if (word.han || !word.stems.length) {
        // As written: what it spans of each term (a Chinese run by character, a word whole).
        for (const { at, end } of occurrencesOf(word.text, text, word.han)) {
          const units = new Set();
          plans.forEach(({ term }, t) => {
            for (let i = Math.max(term.at, at); term.at >= 0 && i < Math.min(term.at + term.text.length, end); i++) {
              units.add(term.kind === "han" ? `${t}:${i - term.at}` : `${t}`);
            }
          });
          hits.push({ weight: word.weight, units });
        }
      } else {
        // By stems: each of its words is a word of the query (turn off auto updates holds turn off updates).
        const terms = word.stems.map((stem) => plans.findIndex((plan, t) => plan.term.kind === "word" && stems[t].has(stem)));
        if (terms.every((t) => t >= 0)) hits.push({ weight: word.weight, units: new Set(terms.map(String)) });
      }
    }
    // A word found inside a longer one found, or in the same words of the query as another
    // (cheat and cheats, 卸载 and 怎么卸载), counts once: the heavier.
    const covers = (/** @type {typeof hits[number]} */ other, /** @type {typeof hits[number]} */ hit) => [...hit.units].every((unit) => other.units.has(unit));
    const kept = hits.filter((hit, h) => !hits.some((other, o) => o !== h && covers(other, hit) && (other.units.size > hit.units.size || (other.units.size === hit.units.size && (other.weight > hit.weight || (other.weight === hit.weight && o < h))))));
    if (!kept.length) continue;
    const held = plans.map(({ term }, t) => {
      if (term.kind !== "han") return kept.some((hit) => hit.units.has(`${t}`));
      const mask = new Uint8Array(term.text.length);
      for (const hit of kept) for (let i = 0; i < term.text.length; i++) if (hit.units.has(`${t}:${i}`)) mask[i] = 1;
      return mask.some(Boolean) ? mask : false;
    });
    // A word found only in weak terms or in words left out (违规 in …违规不, allowed) asks, but says
    // little of what the question is about.
    const strong = (/** @type {Set<string>} */ units) => [...units].some((unit) => !plans[Number(unit.split(":")[0])].term.weak);
    const score = kept.reduce((sum, hit) => sum + hit.weight * (strong(hit.units) ? 1 : weakWeight), 0);
    found.set(topic, { score, held });
  }
  return found;
}

/**
 * Where a topic's word is in the query: a Chinese one as written, an English one as whole words.
 * @param {string} word
 * @param {string} text
 * @param {boolean} han
 * @returns {{at: number, end: number}[]} */
function occurrencesOf(word, text, han) {
  const found = [];
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    if (han || (!/[a-z0-9]/.test(text[at - 1] ?? "") && !/[a-z0-9]/.test(text[end] ?? ""))) found.push({ at, end });
  }
  return found;
}

/** Which characters of a Chinese run the topics' words found in it cover.
 * @param {string} run
 * @param {string[]} topicRuns */
function topicMask(run, topicRuns) {
  const mask = new Uint8Array(run.length);
  for (const word of topicRuns) for (let at = run.indexOf(word); at !== -1; at = run.indexOf(word, at + 1)) mask.fill(1, at, at + word.length);
  return mask;
}

/** The strength of a Chinese run held by several matches together (the masks of its length).
 * @param {string} run
 * @param {(Uint8Array | undefined)[]} masks */
function unionStrength(run, masks) {
  const covered = new Uint8Array(run.length);
  for (const mask of masks) if (mask && mask.length === run.length) mask.forEach((c, i) => c && (covered[i] = 1));
  return covered.some(Boolean) ? runStrength(run, covered) : 0;
}

// 1.2, 10.1(2), 10.1-2 inside a longer query: the parts it names.
const MENTIONED = /(?<![\d.])(\d{1,2})\s?\.\s?(\d{1,2})(?:\s?\(\s?(\d{1,2})\s?\)|-(\d{1,2}))?(?![\d.])/g;

/** The parts of the agreement a query names by number, and the query without those numbers.
 * @param {PreparedIndex} index
 * @param {string} query */
function mentionedParts(index, query) {
  const text = normalise(query).text;
  /** @type {string[]} */
  const anchors = [];
  const rest = text.replace(MENTIONED, (written, section, clause, item, dashed) => {
    const anchor = `${Number(section)}.${Number(clause)}${item || dashed ? `-${Number(item || dashed)}` : ""}`;
    if (!index.records.some((record) => record.anchor === anchor)) return written;
    anchors.push(anchor);
    return " ".repeat(written.length); // the terms keep their places
  });
  return { anchors, rest };
}

// ---------------------------------------------------------------------------------------------
// Citations. A query that only cites a part by its number, in any form either language uses,
// finds that part alone. The site's units: 条 is a section (一、…), 款 a clause (10.1), 项 an item
// ((2)), so 第十条第一款第二项 and 第10.1款第（2）项 are clause 10.1(2); so are 10.1(2), 10.1（二）,
// 10.1.2, 10.1-2, 10.1(ii), s. 10.1(2), section 10 clause 1 item 2 and item (2) of clause 10.1.
// § 3.1, cl. 12.5, Art. 12.5, Section 3.3 are clauses; 第十条, Section 10, sec. 4, 十、用户行为 a
// section (its clauses); 序言 / preamble the preamble's paragraphs, 序言第二段 / preamble
// paragraph 2 / preamble, second paragraph / para 2 of the preamble one of them; 3.3 译者注, translator's note on 11.3,
// 序言第二段 第二个注 a note. tests/test_search.py sends every part's name as the site cites it
// through citationIn.

const CHINESE_DIGITS = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
const CARDINALS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
const ROMAN = { i: 1, v: 5, x: 10 };
// A number as written: Arabic, Chinese, an English ordinal or cardinal (1st, second, two); in an
// item's place also Roman (vi).
const N = String.raw`(\d{1,3}|[〇零一二两三四五六七八九十]{1,3}|\d{1,2}(?:st|nd|rd|th)|${ORDINALS.join("|")}|${CARDINALS.join("|")})`;
const ITEM = String.raw`(\d{1,2}|[一二三四五六七八九十]{1,3}|[ivx]{1,5})`;
const CLAUSE = String.raw`(\d{1,2})\s?\.\s?(\d{1,2})`;
// What an item's number may follow a clause's as: (2), （二）, (vi), -2, .2, item 2, 第2项, 第（2）项.
const ITEM_OF = String.raw`(?:\(\s?${ITEM}\s?\)|-\s?(\d{1,2})|\.\s?(\d{1,2})|,?\s?item\s?\(?\s?${ITEM}\s?\)?|第?\s?\(?\s?${ITEM}\s?\)?\s?项)`;
const NAMED = String.raw`(?:第|条款|(?:clause|cl|article|art|section|sec|s|§|para|paragraph)\.?)`;

const PATTERNS = {
  preamble: [
    new RegExp(String.raw`^(?:序言|(?:the )?preamble)$`),
    new RegExp(String.raw`^序言\s?(?:第\s?${N}\s?(?:自然)?段|${N})$`),
    new RegExp(String.raw`^(?:the )?preamble\s?,?\s?(?:(?:(?:paragraph|para|par|¶|p)\.?\s?|-)?${N}|${N} (?:paragraph|para))$`),
    new RegExp(String.raw`^(?:the )?(?:(?:paragraph|para|par|¶)\.?\s?${N}|${N} (?:paragraph|para))\s(?:of|in) (?:the )?preamble$`),
  ],
  // 第十条, 第十条第一款, 第十条第一款第（二）项, 第10条第1款第2项
  chinese: new RegExp(String.raw`^第?\s?${N}\s?条(?:\s?第?\s?${N}\s?款(?:\s?第?\s?\(?\s?${ITEM}\s?\)?\s?项)?)?$`),
  // 10.1, 10.1(2), 第10.1款第（2）项, clause 10.1-2, § 3.1, 3.1条
  dotted: new RegExp(String.raw`^(?:${NAMED}\s?)?${CLAUSE}\s?[条款]?\s?(?:${ITEM_OF})?\s?[条款项]?$`),
  // section 10 clause 1 item 2
  english: new RegExp(String.raw`^(?:section|sec|s|article|art)\.?\s?${N}\s?,?\s?(?:clause|cl|paragraph|para)\.?\s?${N}(?:\s?,?\s?item\s?\(?\s?${ITEM}\s?\)?)?$`),
  // item (2) of clause 10.1, the second item of clause 10.1
  itemOf: new RegExp(String.raw`^(?:the )?(?:item\s?\(?\s?${ITEM}\s?\)?|${N} item)\s(?:of|in)\s(?:(?:clause|cl|section|article|art|§)\.?\s?)?${CLAUSE}$`),
  // Section 10, sec. 4, § 12, 第十章; 十、用户行为, 10. User Conduct (the heading is checked against the section's)
  section: [
    new RegExp(String.raw`^(?:section|sec|s|article|art|chapter|part|clause|§)\.?\s?${N}$`),
    new RegExp(String.raw`^第\s?${N}\s?[章节部分]$`),
    new RegExp(String.raw`^${N}\s?(?:、|\.(?!\s?\d))\s?(.*)$`),
  ],
  // A note: 译者注, 编者注, 注 (第二个注), translator's note, editor's note, note (2nd note, note 2).
  note: [
    new RegExp(String.raw`(?:的\s?)?(?:第\s?${N}\s?[个条则]\s?)?(译者|编者)?(?:注释|注解|附注|注)(?:\s?${N})?`),
    new RegExp(String.raw`(?<![a-z])(?:the )?(?:(\d(?:st|nd|rd|th)|${ORDINALS.join("|")}) )?(?:(translator|editor)(?:['’]?s)? )?notes?(?: ${N}(?!\s?\.\s?\d))?(?![a-z])`),
  ],
};
// What may join a note's words to its part's: 3.3 的译者注, note on clause 1.1.
const NOTE_JOINERS = /^(?:\s|,|的|关于|on|to|for|of|at|about|in|under|re)+|(?:\s|,|的|关于|on|to|for|of|at|about|in|under|re)+$/g;

/** 10, 十, 十二, 二十一, 2nd, second, two; in an item's place vi → the number, else null.
 * @param {string | undefined} text */
function numberIn(text) {
  if (!text) return null;
  if (/^\d+(?:st|nd|rd|th)?$/.test(text)) return parseInt(text, 10) || null;
  for (const words of [ORDINALS, CARDINALS]) if (words.includes(text)) return words.indexOf(text) + 1;
  if (/^[ivx]+$/.test(text)) return romanIn(text);
  const digit = (/** @type {string} */ d) => /** @type {Record<string, number>} */ (CHINESE_DIGITS)[d];
  if (!text.includes("十")) return text.length === 1 && digit(text) ? digit(text) : null;
  const [tens, units] = text.split("十");
  const value = (tens ? digit(tens) : 1) * 10 + (units ? digit(units) : 0);
  return Number.isNaN(value) || value === 0 ? null : value;
}

/** i … xxxix as a number; null if it is not a Roman numeral written the usual way.
 * @param {string} text */
function romanIn(text) {
  const values = [...text].map((c) => /** @type {Record<string, number>} */ (ROMAN)[c]);
  const value = values.reduce((sum, v, i) => sum + (v < (values[i + 1] ?? 0) ? -v : v), 0);
  const written = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"];
  return "x".repeat(Math.floor(value / 10)) + written[value % 10] === text ? value : null;
}

/**
 * What a query cites: a part ({anchor}: 10.1, 10.1-2, preamble-2, or "preamble" for the whole
 * preamble), a section ({section}, with the heading typed after its number, if any), or a part's
 * notes ({anchor, note: {kind, ordinal}}); null when the query is not a citation alone.
 * @param {string} query
 * @returns {Citation | null}
 */
export function citationIn(query) {
  const text = normalise(query).text.replace(/\s+/g, " ").trim().replace(/^(?:本?协议|this agreement,?|the agreement,?)\s?/, "").replace(/[\s?？。!！]+$/, "");
  for (const pattern of PATTERNS.note) {
    const note = pattern.exec(text);
    if (!note || !note[0].trim()) continue;
    const part = partIn((text.slice(0, note.index) + " " + text.slice(note.index + note[0].length)).replace(/\s+/g, " ").replace(NOTE_JOINERS, ""));
    if (!part || !("anchor" in part) || part.anchor === "preamble") return null;
    const [, before, kind, after] = note;
    /** @type {Record<string, NoteKind>} */
    const kinds = { 译者: "translator", translator: "translator", 编者: "editor", editor: "editor" };
    return { anchor: part.anchor, note: { kind: kind ? kinds[kind] : null, ordinal: numberIn(before) ?? numberIn(after) } };
  }
  return partIn(text);
}

/** @param {string} text normalised, spaces single @returns {Citation | null} */
function partIn(text) {
  for (const [i, pattern] of PATTERNS.preamble.entries()) {
    const match = pattern.exec(text);
    if (!match) continue;
    if (i === 0) return { anchor: "preamble" };
    const n = numberIn(match.slice(1).find(Boolean));
    if (n) return { anchor: `preamble-${n}` };
  }
  const chinese = PATTERNS.chinese.exec(text);
  if (chinese) {
    const [section, clause, item] = [numberIn(chinese[1]), numberIn(chinese[2]), numberIn(chinese[3])];
    if (section && !chinese[2]) return { section };
    if (section && clause) return { anchor: `${section}.${clause}${item ? `-${item}` : ""}` };
  }
  const dotted = PATTERNS.dotted.exec(text) ?? PATTERNS.english.exec(text);
  if (dotted) {
    const [section, clause, ...items] = dotted.slice(1).map(numberIn);
    const item = items.find(Boolean);
    if (section && clause) return { anchor: `${section}.${clause}${item ? `-${item}` : ""}` };
  }
  const itemOf = PATTERNS.itemOf.exec(text);
  if (itemOf) {
    const [item, ordinal, section, clause] = itemOf.slice(1).map(numberIn);
    if ((item || ordinal) && section && clause) return { anchor: `${section}.${clause}-${item ?? ordinal}` };
  }
  for (const pattern of PATTERNS.section) {
    const match = pattern.exec(text);
    const section = match && numberIn(match[1]);
    if (section) return match[2] ? { section, heading: match[2] } : { section };
  }
  return null;
}

/**
 * The records a citation stands for: the part, a section's clauses, the preamble's paragraphs, a
 * part's notes. What does not exist is `missing`; then the nearest part that does is shown (an
 * item's clause, a note's part), or nothing. null: a section named by a heading that is not its
 * own (十、外挂) is no citation.
 * @param {PreparedIndex} index
 * @param {Citation} citation
 * @returns {{records: IndexRecord[], missing: boolean} | null}
 */
function citedRecords(index, citation) {
  const parts = index.records.filter((record) => record.kind === "part");
  if ("section" in citation) {
    const clause = new RegExp(`^${citation.section}\\.\\d+$`);
    const records = parts.filter((record) => clause.test(record.anchor));
    const inSection = parts.find((record) => record.anchor.startsWith(`${citation.section}.`));
    if (citation.heading !== undefined && inSection) {
      // The heading typed after the number must be the section's own, in either language.
      const heading = normalise(citation.heading).text.replace(/\s+/g, " ").trim();
      const titles = Object.values(inSection.sides).map((side) => side.section.text.replace(/\s+/g, " "));
      if (!titles.some((title) => title.endsWith(heading))) return null;
    }
    return { records, missing: !records.length };
  }
  if (citation.anchor === "preamble") {
    const records = parts.filter((record) => record.anchor.startsWith("preamble-"));
    return { records, missing: !records.length };
  }
  const part = parts.find((record) => record.anchor === citation.anchor);
  if ("note" in citation) {
    const { kind, ordinal } = citation.note;
    const notes = index.records.filter((record) => record.kind !== "part" && record.anchor.replace(/-note(-\d+)?$/, "") === citation.anchor);
    const ofKind = kind ? notes.filter((record) => record.kind === kind) : notes;
    const records = ordinal ? ofKind.slice(ordinal - 1, ordinal) : ofKind;
    if (records.length) return { records, missing: false };
    return { records: part ? [part] : [], missing: true };
  }
  if (part) return { records: [part], missing: false };
  const clause = parts.find((record) => record.anchor === citation.anchor.split("-")[0]);
  return { records: clause && citation.anchor.includes("-") ? [clause] : [], missing: true };
}

/** idf of every scored unit on each side: a word, phrase or Chinese piece, by the records
 * holding it there.
 * @param {PreparedIndex} index
 * @param {(Found | null)[][]} matches per record, per term
 * @returns {Record<Side, Map<string, number>>} */
function inverseFrequency(index, matches) {
  const total = index.records.length;
  const idf = { own: new Map(), other: new Map() };
  for (const side of /** @type {Side[]} */ (["own", "other"])) {
    /** @type {Map<string, Unit>} */
    const keys = new Map(); // key → unit (one seen)
    for (const perRecord of matches) for (const found of perRecord) for (const unit of found?.[side]?.units ?? []) keys.set(unit.key, unit);
    for (const [key, { piece }] of keys) {
      const frequency = piece
        ? index.records.filter((record) => record.sides[side].text.text.includes(piece) || record.sides[side].section.text.includes(piece)).length
        : matches.filter((perRecord) => perRecord.some((found) => found?.[side]?.units.some((u) => u.key === key))).length;
      idf[side].set(key, Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5)));
    }
  }
  return idf;
}

/** BM25 of a match: each unit's idf and saturated count, by its share of the term.
 * @param {Match} match
 * @param {Map<string, number>} idf
 * @param {number} length
 * @param {number} averageLength
 * @param {Ranking} ranking */
function weigh(match, idf, length, averageLength, ranking) {
  const { k1, b } = ranking;
  // Found in the section's title alone, it is as much in each of the section's parts, whatever
  // their length: they then keep the agreement's order (十二, Miscellaneous).
  const norm = match.ranges.length ? k1 * (1 - b + (b * length) / Math.max(1, averageLength)) : k1;
  let score = 0;
  for (const unit of match.units) score += unit.weight * /** @type {number} */ (idf.get(unit.key)) * ((unit.count * (k1 + 1)) / (unit.count + norm));
  const named = match.inTitle && match.ranges.length > 0; // in the text, and named by its section's title
  return score * match.strength * (match.whole ? 1 : ranking.piecesWeight) * (named ? ranking.sectionBoost : 1);
}

/** Whether the first ranges of consecutive terms follow each other closely in the record's text.
 * @param {Plan[]} plans
 * @param {(Found | null)[]} found
 * @param {IndexRecord} record */
function adjacent(plans, found, record) {
  const text = record.sides.own.text.text;
  const firsts = found.map((f) => f?.own?.ranges ?? []);
  if (firsts.some((ranges) => !ranges.length)) return false;
  for (let t = 1; t < plans.length; t++) {
    const near = firsts[t - 1].some(([, end]) => firsts[t].some(([start]) => start >= end && start - end <= 3 && !/[.;。；，,]/.test(text.slice(end, start))));
    if (!near) return false;
  }
  return true;
}

/** How each term is looked for: on which sides, with which stems or runs.
 * @param {Term} term
 * @param {PreparedIndex} index
 * @param {Term["script"]} pageScript
 * @param {CoverFunction} cover
 * @param {boolean} question a question is corrected by one edit at most
 * @returns {Plan} */
function planTerm(term, index, pageScript, cover, question = false) {
  /** @type {Side[]} */
  const sides = term.script === pageScript ? ["own"] : ["own", "other"];
  /** @type {Plan} */
  const plan = { term, sides, bySide: {}, correction: null };
  if (term.kind === "phrase") {
    for (const side of sides) plan.bySide[side] = {};
    return plan;
  }
  if (term.kind === "word") {
    const resolved = Object.fromEntries(sides.map((side) => [side, resolveWord(term.text, index.vocabulary[side])]));
    // A word found as typed on one side is not corrected on the other.
    const direct = sides.some((side) => !["fuzzy", "none"].includes(resolved[side].how));
    for (const side of sides) {
      const r = resolved[side];
      // In a question, a word two edits from the text's is another word (pretending, preceding).
      const far = r.how === "fuzzy" && question && r.distance > 1;
      plan.bySide[side] = (direct || far) && r.how === "fuzzy" ? { stems: new Set() } : r;
      if (!direct && !far && r.how === "fuzzy") plan.correction = [...new Set([...(plan.correction ?? []), ...r.shown])];
    }
    return plan;
  }
  // A Chinese run: as typed if some record, or some topic's words, hold every character of it
  // (商用 is a reader's word for commercial use: not a typo of 使用); else its nearest runs.
  const hanSides = sides.filter((side) => index.vocabulary[side].hanRuns.length);
  for (const side of sides) plan.bySide[side] = { runs: [term.text] };
  const complete = (/** @type {Match | null} */ found) => found !== null && found.strength === 1;
  const coveredSomewhere =
    hanSides.some((side) => index.records.some((record) => complete(matchRun(term.text, record.sides[side].text, record.sides[side].section, cover)))) ||
    runStrength(term.text, topicMask(term.text, index.topicRuns)) === 1;
  if (!coveredSomewhere) {
    for (const side of hanSides) {
      const corrected = correctRun(term.text, index.vocabulary[side].hanRuns);
      if (corrected.length) {
        plan.bySide[side] = { runs: corrected };
        plan.correction = [...new Set([...(plan.correction ?? []), ...corrected])];
      }
    }
  }
  return plan;
}

/** Nearest words of the text for terms that matched nothing: looser than a correction, and
 * completions of a word being typed.
 * @param {Plan[]} plans
 * @param {PreparedIndex} index */
function suggest(plans, index) {
  return plans
    .map((plan) => {
      const nearest = [];
      for (const side of plan.sides) {
        const vocabulary = index.vocabulary[side];
        if (plan.term.script === "latin") {
          const word = /** @type {string} */ (plan.term.text.split(" ").at(-1));
          if (!vocabulary.suggested.has(word)) {
            if (vocabulary.suggested.size > 1000) vocabulary.suggested.clear();
            const within = nearestWords(word, vocabulary, word.length <= 5 ? 1 : word.length <= 9 ? 2 : 3, { endings: true }).map((n) => n.word);
            const begun = word.length >= 3 ? beginningWith(word, vocabulary).filter((w) => vocabulary.words.has(w) && w !== word) : [];
            const count = (/** @type {string} */ w) => /** @type {WordEntry} */ (vocabulary.words.get(w)).count;
            begun.sort((a, b) => count(b) - count(a));
            vocabulary.suggested.set(word, [...within, ...begun.slice(0, 3)]);
          }
          nearest.push(.../** @type {string[]} */ (vocabulary.suggested.get(word)));
        } else if (vocabulary.hanRuns.length) {
          const text = plan.term.text.replace(/\s+/g, "");
          nearest.push(...nearestRuns(text, vocabulary.hanRuns, text.length <= 3 ? 1 : 2).slice(0, 3).map((c) => c.text));
        }
      }
      return { word: plan.term.text, nearest: [...new Set(nearest)].slice(0, 4) };
    })
    .filter((s) => s.nearest.length);
}

/** A result as the dialog shows it: ranges in the record's own (and aligned) text, in its
 * original characters, the words to highlight on the opened page, and the topics (their titles)
 * it was found through, most telling first.
 * @param {{record: IndexRecord, score: number, matched: number, throughOther: boolean, found: (Found | null)[], topics: Map<Topic, number>}} scored
 * @param {Plan[]} plans */
function describe(scored, plans) {
  const { record, found } = scored;
  const own = record.sides.own.text;
  const other = record.sides.other.text;
  const ranges = merge(found.flatMap((f) => f?.own?.ranges ?? []).map(([s, e]) => [own.offsets[s], own.offsets[e]]));
  const otherRanges = scored.throughOther
    ? merge(found.flatMap((f) => f?.other?.ranges ?? []).map(([s, e]) => [other.offsets[s], other.offsets[e]]))
    : [];
  /** @type {string[]} */
  const words = [];
  for (const [s, e] of ranges) {
    const word = record.text.slice(s, e);
    if (!words.some((w) => w.toLowerCase() === word.toLowerCase())) words.push(word); // the page highlights ignoring case
  }
  const topics = [...scored.topics].filter(([, value]) => value > 0).sort((a, b) => b[1] - a[1]).map(([topic]) => topic.title);
  return {
    record,
    score: scored.score,
    matched: scored.matched,
    of: plans.length,
    via: scored.throughOther ? "other" : "text",
    ranges,
    otherRanges,
    words,
    topics,
  };
}

/** @param {Range[]} ranges @returns {Range[]} */
function merge(ranges) {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  /** @type {Range[]} */
  const merged = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

// ---------------------------------------------------------------------------------------------
// Snippets and highlights.

const BREAK_AFTER = /[\s,.;:!?，。；：、！？）)》」』”]/;

/** @param {string} text @param {string} locale */
function wordStarts(text, locale) {
  // Word boundaries: Intl.Segmenter where there is one (browsers, Node), else spaces and punctuation.
  const starts = new Set([0, text.length]);
  if (typeof Intl !== "undefined" && Intl.Segmenter) {
    for (const { index } of new Intl.Segmenter(locale, { granularity: "word" }).segment(text)) starts.add(index);
  } else {
    for (let i = 1; i < text.length; i++) if (BREAK_AFTER.test(text[i - 1]) || BREAK_AFTER.test(text[i])) starts.add(i);
  }
  return [...starts].sort((a, b) => a - b);
}

/**
 * At most about `width` characters of `text` around its first ranges, cut at word boundaries:
 * {parts: [{text, mark}], before, after} (before/after: text was left out there).
 * @param {string} text
 * @param {Range[]} ranges
 */
export function excerpt(text, ranges, { width = 160, locale = "en" } = {}) {
  const sorted = merge(ranges);
  let from = 0;
  let to = text.length;
  if (text.length > width) {
    const first = sorted.length ? sorted[0][0] : 0;
    const boundaries = wordStarts(text, locale);
    const wanted = Math.max(0, first - Math.floor(width / 4));
    // The last boundary at or before `wanted`, but never past the first match.
    from = boundaries.filter((b) => b <= Math.min(wanted, first)).at(-1) ?? 0;
    const limit = from + width;
    to = boundaries.filter((b) => b <= limit && b > from).at(-1) ?? Math.min(text.length, limit);
    if (sorted.length && to < sorted[0][1]) to = boundaries.find((b) => b >= sorted[0][1]) ?? text.length;
    // Leave out spaces at the cut.
    while (from < to && /\s/.test(text[from])) from++;
    while (to > from && /\s/.test(text[to - 1])) to--;
  }
  const parts = [];
  let at = from;
  for (const [start, end] of sorted) {
    if (end <= at || start >= to) continue;
    if (start > at) parts.push({ text: text.slice(at, start), mark: false });
    parts.push({ text: text.slice(Math.max(at, start), Math.min(end, to)), mark: true });
    at = Math.min(end, to);
  }
  if (at < to) parts.push({ text: text.slice(at, to), mark: false });
  return { parts, before: from > 0, after: to < text.length };
}

/** A pattern for the words of ?h=… on an opened page: English words whole (reverse, not inside
 * reversed), Chinese as written; longest first; case-insensitive. null when there are none.
 * @param {string[]} words */
export function highlightPattern(words) {
  const clean = [...new Set(words.map((w) => w.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!clean.length) return null;
  const escape = (/** @type {string} */ w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const alternatives = clean.map((w) => {
    const body = escape(w);
    const start = /^[a-z0-9]/i.test(w) ? "(?<![A-Za-z0-9])" : "";
    const end = /[a-z0-9]$/i.test(w) ? "(?![A-Za-z0-9])" : "";
    return `${start}${body}${end}`;
  });
  return new RegExp(`(${alternatives.join("|")})`, "giu");
}
