// The query tables through each candidate search engine, in Node, on the built site's indexes:
// the shipped core (Chinese covered by each record's own text), the core with Chinese split by
// Intl.Segmenter or by a word list instead, and MiniSearch 7 (npm, BM25 + fuzzy + prefix) with
// the same words, stems, Han bigrams and stop words. Prints recall@1/@3 per table and the median
// time per query. Run by benchmarks/search.py:
//
//   node benchmarks/search_engines.mjs SITE_DIR [--words FILE] [--misses] < tables.json
//
// tables.json: {"name": [page language, [[query, anchor], …]], …} (tests/search_queries.py TABLES).
// --words FILE: a JSON list of Chinese words (e.g. jieba's over the Chinese pages) for the
// word-list variant. --misses: print every query whose clause is not first.

import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import path from "node:path";
import * as core from "../overrides/assets/javascripts/search-core.js";

const args = process.argv.slice(2);
const site = args.find((a) => !a.startsWith("--"));
const wordsFile = args.includes("--words") ? args[args.indexOf("--words") + 1] : null;
const showMisses = args.includes("--misses");
const tables = JSON.parse(readFileSync(0, "utf-8"));

const documents = {
  zh: JSON.parse(readFileSync(path.join(site, "search/agreement.json"), "utf-8")),
  en: JSON.parse(readFileSync(path.join(site, "en/search/agreement.json"), "utf-8")),
};
const anchorOf = (url) => url.split("#")[1];

// --- the core, with each way of splitting Chinese ----------------------------------------------

function coreEngine(cover) {
  const prepared = Object.fromEntries(Object.entries(documents).map(([language, data]) => [language, core.prepareIndex(data)]));
  return (language, query) => core.search(prepared[language], query, cover ? { cover } : {}).results.map((r) => anchorOf(r.record.url));
}

/** A run split into fixed pieces by a segmenter (a word list, Intl.Segmenter), as the core's coverRun
 * reports it: the alternative to covering by each record's own text. */
function segmentedCover(segment) {
  return (run, haystack) => {
    if (run.length === 1) return core.coverRun(run, haystack, new Set());
    const pieces = [];
    let complete = true;
    let at = 0;
    for (const piece of segment(run)) {
      const start = run.indexOf(piece, at);
      at = start + piece.length;
      if (piece.length >= 2 && haystack.includes(piece)) pieces.push({ start, end: at });
      else if (!(piece.length === 1 && core.CHINESE_STOP_CHARACTERS.has(piece))) complete = false;
    }
    return { pieces, complete };
  };
}

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
const intlCover = segmentedCover((run) => [...segmenter.segment(run)].map((s) => s.segment));

function wordListCover(words) {
  const set = new Set(words);
  const longest = Math.max(1, ...words.map((w) => w.length));
  // Forward maximum matching; characters not in a word stay single.
  return segmentedCover((run) => {
    const pieces = [];
    for (let at = 0; at < run.length; ) {
      let length = Math.min(longest, run.length - at);
      while (length > 1 && !set.has(run.slice(at, at + length))) length--;
      pieces.push(run.slice(at, at + length));
      at += length;
    }
    return pieces;
  });
}

// --- MiniSearch, configured as the earlier measurement was ------------------------------------

async function miniSearchEngine() {
  let MiniSearch;
  try {
    ({ default: MiniSearch } = await import("minisearch"));
  } catch {
    return null;
  }
  const engines = {};
  for (const [language, data] of Object.entries(documents)) {
    const stems = core.stemMapOf(data);
    const stemOf = (word) => stems.get(word) ?? word;
    // English words as written and by stem (fuzzy matching compares the words, stems give the
    // other forms), Han text as overlapping bigrams (a single character alone), stop words out.
    const tokenize = (text) => {
      const norm = core.normalise(text).text;
      const tokens = [];
      for (const match of norm.matchAll(/[\u3400-\u9fff]+|[a-z0-9]+/g)) {
        const run = match[0];
        if (/[a-z0-9]/.test(run[0])) {
          if (!core.ENGLISH_STOP_WORDS.has(run)) tokens.push(...new Set([run, stemOf(run)]));
        } else {
          for (const piece of core.cutChineseStopWords(run).kept) {
            if (piece.length === 1) tokens.push(piece);
            for (let i = 0; i + 1 < piece.length; i++) tokens.push(piece.slice(i, i + 2));
          }
        }
      }
      return tokens;
    };
    const search = new MiniSearch({
      fields: ["text", "other", "section", "otherSection"],
      storeFields: ["url"],
      tokenize,
      processTerm: (term) => term,
      searchOptions: { processTerm: (term) => term },
    });
    search.addAll(
      data.records.map((record, id) => ({
        id,
        url: record.url,
        text: record.text,
        other: record.other,
        section: record.section === null ? "" : data.sections[record.section][0],
        otherSection: record.section === null ? "" : data.sections[record.section][1],
      })),
    );
    const isLatin = (term) => /^[a-z0-9]+$/.test(term);
    const options = {
      boost: { text: 1, other: 0.8, section: 0.5, otherSection: 0.4 },
      prefix: (term) => isLatin(term) && term.length >= 3 && term.length <= 4,
      fuzzy: (term) => (isLatin(term) && term.length >= 4 ? (term.length <= 7 ? 1 : 2) : false),
    };
    engines[language] = (query) => {
      let results = search.search(query, { ...options, combineWith: "AND" });
      if (!results.length) results = search.search(query, { ...options, combineWith: "OR" });
      return results.map((r) => anchorOf(r.url));
    };
  }
  return (language, query) => engines[language](query);
}

// --- measuring ---------------------------------------------------------------------------------

function measure(name, engine) {
  const lines = [];
  const times = [];
  for (const [table, [language, rows]] of Object.entries(tables)) {
    let at1 = 0;
    let at3 = 0;
    for (const [query, anchor] of rows) {
      const started = performance.now();
      const found = engine(language, query);
      times.push(performance.now() - started);
      const rank = found.indexOf(anchor) + 1;
      if (rank === 1) at1++;
      if (rank >= 1 && rank <= 3) at3++;
      if (showMisses && rank !== 1) lines.push(`    miss ${table}: ${query} → ${anchor} at ${rank || "-"}; got ${found.slice(0, 3).join(", ")}`);
    }
    lines.unshift(`  ${table.padEnd(18)} ${String(rows.length).padStart(3)} queries  recall@1 ${pct(at1 / rows.length)} (${at1})  recall@3 ${pct(at3 / rows.length)} (${at3})`);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`${name}: median ${median.toFixed(2)} ms a query (${times.length} queries, after one warm-up pass)`);
  // Table lines first (unshifted in reverse), then misses.
  const tableLines = lines.filter((l) => !l.startsWith("    miss")).reverse();
  console.log([...tableLines, ...lines.filter((l) => l.startsWith("    miss"))].join("\n"));
}

const pct = (x) => `${Math.round(x * 100)}%`.padStart(4);

const engines = [
  ["core, Chinese covered by each record's text (shipped)", coreEngine(null)],
  ["core, Chinese split by Intl.Segmenter", coreEngine(intlCover)],
];
if (wordsFile) engines.push(["core, Chinese split by the word list", coreEngine(wordListCover(JSON.parse(readFileSync(wordsFile, "utf-8"))))]);
const mini = await miniSearchEngine();
if (mini) engines.push(["MiniSearch 7 (bigrams, stems, stop words, fuzzy 1/2, prefix 3-4 letters)", mini]);
else console.log("MiniSearch: not installed (npm ci)");

for (const [name, engine] of engines) {
  for (const [, [language, rows]] of Object.entries(tables)) for (const [query] of rows) engine(language, query); // warm-up
  measure(name, engine);
}
