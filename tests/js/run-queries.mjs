// Runs queries through the search core in Node, for the Python tests and the benchmark
// (tests/search_core.py): one process per language, so the index is prepared once.
//
//   node tests/js/run-queries.mjs < {"index": <an index document>, "queries": [query, …]}
//
// Prints one JSON list: per query, what the dialog shows (agreement-search.js renders the same
// fields), best first.

import { readFileSync } from "node:fs";
import * as core from "../../overrides/assets/javascripts/search-core.js";

/** @type {{index: import("../../overrides/assets/javascripts/search-core.js").IndexData, queries: string[]}} */
const input = JSON.parse(readFileSync(0, "utf-8"));
const index = core.prepareIndex(input.index);
const answers = input.queries.map((query) => {
  const found = core.search(index, query);
  return {
    mode: found.mode,
    citation: found.citation,
    missing: found.missing,
    rewritten: found.rewritten,
    results: found.results.map((result) => ({
      kind: result.record.kind,
      url: result.record.url,
      title: result.record.title,
      section: result.record.sectionTitle,
      via: result.via,
      words: result.words,
      topics: result.topics,
    })),
  };
});
process.stdout.write(JSON.stringify(answers));
