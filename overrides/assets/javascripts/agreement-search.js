// Clause-level search of the agreement in the page's own language.
//
// The index (scripts/search_index.py) holds one record per clause, item and preamble
// paragraph. It is fetched on the first search only. Every query word must match:
// Chinese words as substrings of the record (so 代码 finds 源代码), after splitting a
// query typed without spaces with the word list jieba made at build time; English words
// by their stem (update, updates, updated). "Quoted phrases" must match exactly.
// Result links carry ?h=… so that the opened page highlights the words found.
(() => {
  "use strict";

  const dialog = document.getElementById("agreement-search");
  if (!dialog) return;
  const input = dialog.querySelector("input[type=search]");
  const status = dialog.querySelector(".agreement-search__status");
  const list = dialog.querySelector(".agreement-search__results");
  const share = dialog.querySelector(".agreement-search__share");
  const indexUrl = new URL(dialog.dataset.index, location.href);
  const languageRoot = new URL("../", indexUrl);
  const say = (key, n) => dialog.dataset[`text${key[0].toUpperCase()}${key.slice(1)}`].replace("{n}", n);

  const HAN = /[\u3400-\u9fff]/;
  const normalise = (text) => text.normalize("NFKC").toLowerCase();
  const QUOTED = /["“”「」『』]([^"“”「」『』]+)["“”「」『』]/g;
  const SEPARATORS = /[\s,.;:!?()\[\]<>《》"'“”‘’、。，；：！？（）]+/;

  let index = null; // {records, words?, stems?} once loaded
  let loading = null;

  function load() {
    loading ??= fetch(indexUrl)
      .then((response) => {
        if (!response.ok) throw new Error(`${indexUrl}: ${response.status}`);
        return response.json();
      })
      .then(prepare);
    return loading;
  }

  // Lower-cased text and English word stems of every record, computed once.
  function prepare(data) {
    const stems = new Map(Object.entries(data.stems ?? {}));
    const words = new Set(data.words ?? []);
    const records = data.records.map((record, order) => {
      const text = normalise(record.text);
      const tokens = [...text.matchAll(/[a-z0-9]+/g)].map((match) => ({
        start: match.index,
        end: match.index + match[0].length,
        stem: stems.get(match[0]) ?? match[0],
      }));
      return { ...record, order, norm: text, sectionNorm: normalise(record.section), tokens };
    });
    const vocabulary = new Set(records.flatMap((record) => record.tokens.map((token) => token.stem)));
    const longest = Math.max(1, ...[...words].map((word) => word.length));
    const averageLength = records.reduce((sum, record) => sum + record.norm.length, 0) / records.length;
    index = { ...data, records, stems, words, vocabulary, longest, averageLength };
    return index;
  }

  // Forward maximum matching against jieba's words; unknown characters stay together.
  function segment(run) {
    const pieces = [];
    let unknown = "";
    for (let at = 0; at < run.length; ) {
      let length = Math.min(index.longest, run.length - at);
      while (length > 1 && !index.words.has(run.slice(at, at + length))) length--;
      if (length > 1) {
        if (unknown) pieces.push(unknown);
        unknown = "";
        pieces.push(run.slice(at, at + length));
        at += length;
      } else {
        unknown += run[at++];
      }
    }
    if (unknown) pieces.push(unknown);
    return pieces;
  }

  // A query becomes terms: {text} matched as a substring, or {stems} matched as English words.
  function parse(query) {
    const terms = [];
    const rest = normalise(query).replace(QUOTED, (_, phrase) => {
      if (phrase.trim()) terms.push({ text: phrase.trim().replace(/\s+/g, " "), phrase: true });
      return " ";
    });
    for (const word of rest.split(SEPARATORS).filter(Boolean)) {
      for (const run of word.match(/[\u3400-\u9fff]+|[^\u3400-\u9fff]+/g)) {
        if (HAN.test(run)) segment(run).forEach((piece, _, pieces) => terms.push({ text: piece, run: pieces.length > 1 ? run : null }));
        else if (index.language === "zh") terms.push({ text: run });
        else run.match(/[a-z0-9]+/g)?.forEach((token) => terms.push({ stems: stemsFor(token), word: token }));
      }
    }
    return terms;
  }

  // The stems an English query word stands for: its own, and for a word the text does not
  // use in that form, the text's stems that begin it or that it begins (typing "revers").
  function stemsFor(word) {
    const own = index.stems.get(word) ?? word;
    const found = new Set([own]);
    if (!index.vocabulary.has(own)) {
      for (const stem of index.vocabulary) {
        if ((word.length >= 3 && stem.startsWith(word)) || (stem.length >= 4 && word.startsWith(stem) && word.length - stem.length <= 3)) {
          found.add(stem);
        }
      }
    }
    return found;
  }

  // Where a term occurs in a record's text: [start, end) ranges.
  function occurrences(term, record) {
    if (term.stems) {
      return record.tokens.filter((token) => term.stems.has(token.stem)).map((token) => [token.start, token.end]);
    }
    const ranges = [];
    for (let at = record.norm.indexOf(term.text); at !== -1; at = record.norm.indexOf(term.text, at + 1)) {
      if (!term.phrase || index.language === "zh" || isWordAt(record.norm, at, term.text.length)) {
        ranges.push([at, at + term.text.length]);
      }
    }
    return ranges;
  }

  const isWordAt = (text, start, length) => !/[a-z0-9]/.test(text[start - 1] ?? "") && !/[a-z0-9]/.test(text[start + length] ?? "");
  const inSection = (term, record) =>
    term.stems ? [...term.stems].some((stem) => record.sectionNorm.includes(stem)) : record.sectionNorm.includes(term.text);

  // Records holding every term, best first (BM25 over the terms; a record whose text has the
  // whole query in one piece ranks higher; the section title counts when the text does not).
  function search(query) {
    const terms = parse(query);
    if (!terms.length) return { terms, results: [] };
    const matches = index.records.map((record) => terms.map((term) => occurrences(term, record)));
    const total = index.records.length;
    const idf = terms.map((term, t) => {
      const frequency = matches.filter((perRecord, r) => perRecord[t].length || inSection(term, index.records[r])).length;
      return Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
    });
    const whole = normalise(query).replace(/["“”\s]+/g, index.language === "zh" ? "" : " ").trim();
    const results = [];
    index.records.forEach((record, r) => {
      let score = 0;
      for (const [t, term] of terms.entries()) {
        const count = matches[r][t].length + (inSection(term, record) ? 0.5 : 0);
        if (!count) return; // every term must match
        const norm = 1.2 * (0.25 + (0.75 * record.norm.length) / index.averageLength);
        score += (idf[t] * count * 2.2) / (count + norm);
      }
      if (terms.length > 1 && whole && record.norm.includes(whole)) score *= 1.5;
      results.push({ record, score, ranges: shownRanges(terms, matches[r], record) });
    });
    results.sort((a, b) => b.score - a.score || a.record.order - b.record.order);
    return { terms, results };
  }

  // What to mark in a result: a query word split into pieces is marked whole where the
  // record has it whole (反向工程, not every 反向), else piece by piece.
  function shownRanges(terms, termRanges, record) {
    const ranges = [];
    const wholeRuns = new Map(); // a split query word → where the record has it whole
    terms.forEach((term, t) => {
      if (term.run) {
        if (!wholeRuns.has(term.run)) {
          wholeRuns.set(term.run, occurrences({ text: term.run }, record));
          ranges.push(...wholeRuns.get(term.run));
        }
        if (wholeRuns.get(term.run).length) return;
      }
      ranges.push(...termRanges[t]);
    });
    return ranges;
  }

  // Text with the ranges wrapped in <mark>, around the first match when the text is long.
  function excerpt(text, ranges) {
    const fragment = document.createDocumentFragment();
    const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
    const first = sorted.length ? sorted[0][0] : 0;
    const from = text.length > 160 ? Math.max(0, first - 50) : 0;
    const to = Math.min(text.length, from + 160);
    let at = from;
    if (from > 0) fragment.append("…");
    for (const [start, end] of sorted) {
      if (end <= at || start >= to) continue;
      fragment.append(text.slice(at, Math.max(at, start)));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(Math.max(at, start), Math.min(end, to));
      fragment.append(mark);
      at = Math.min(end, to);
    }
    fragment.append(text.slice(at, to));
    if (to < text.length) fragment.append("…");
    return fragment;
  }

  function render(query) {
    const { results } = search(query);
    list.replaceChildren(
      ...results.map(({ record, ranges }) => {
        const found = [...new Set(ranges.map(([start, end]) => record.text.slice(start, end)))];
        const url = new URL(record.url, languageRoot);
        found.forEach((word) => url.searchParams.append("h", word));
        const link = document.createElement("a");
        link.href = url.pathname + url.search + url.hash;
        const title = document.createElement("span");
        title.className = "agreement-search__result-title";
        title.textContent = record.section ? `${record.title} · ${record.section}` : record.title;
        const text = document.createElement("span");
        text.className = "agreement-search__excerpt";
        const sameLength = record.norm.length === record.text.length;
        text.append(sameLength ? excerpt(record.text, ranges) : record.text);
        link.append(title, text);
        link.addEventListener("click", () => dialog.close());
        const item = document.createElement("li");
        item.append(link);
        return item;
      }),
    );
    status.textContent = query.trim() ? (results.length ? say("results", results.length) : say("none")) : "";
    share.hidden = !query.trim();
  }

  async function run(event) {
    const started = event?.timeStamp ?? performance.now();
    const query = input.value;
    if (!index) {
      status.textContent = say("loading");
      await load();
      if (input.value !== query) return;
    }
    render(query);
    dialog.dataset.searchMs = (performance.now() - started).toFixed(1);
  }

  function open(query) {
    if (!dialog.open) dialog.showModal();
    if (query !== undefined) input.value = query;
    input.focus();
    run();
  }

  input.addEventListener("input", run);
  input.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault(); // Enter opens the first result rather than closing the dialog
    list.querySelector("a")?.click();
  });
  share.addEventListener("click", async () => {
    const link = new URL(location.pathname, location.href);
    link.searchParams.set("q", input.value);
    await navigator.clipboard?.writeText(link.href).catch(() => {});
    share.textContent = say("copied");
    setTimeout(() => (share.textContent = say("share")), 2000);
  });

  // The header button, and "/" or "s" from anywhere but a text field.
  const button = document.createElement("button");
  button.type = "button";
  button.className = "md-header__button md-icon agreement-search__open";
  button.title = button.ariaLabel = say("title");
  button.innerHTML =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.516 6.516 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5Z"/></svg>';
  button.addEventListener("click", () => open());
  document.querySelector(".md-header__inner")?.append(button);
  document.addEventListener("keydown", (event) => {
    const typing = /^(input|textarea|select)$/i.test(event.target.tagName) || event.target.isContentEditable;
    if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === "/" || event.key === "s")) {
      event.preventDefault();
      open();
    }
  });

  // A shared search (?q=…) opens with its results; a result opened (?h=…) shows its words.
  const params = new URLSearchParams(location.search);
  if (params.has("q")) open(params.get("q"));
  highlight(params.getAll("h").filter(Boolean));

  function highlight(words) {
    const scope = document.querySelector(".agreement-text");
    if (!words.length || !scope) return;
    const escaped = words.sort((a, b) => b.length - a.length).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const pattern = new RegExp(`(${escaped.join("|")})`, "gi");
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    for (const node of nodes) {
      const parts = node.data.split(pattern);
      if (parts.length < 2) continue;
      node.replaceWith(
        ...parts.map((part, i) => {
          if (i % 2 === 0) return part;
          const mark = document.createElement("mark");
          mark.className = "agreement-highlight";
          mark.textContent = part;
          return mark;
        }),
      );
    }
  }
})();
