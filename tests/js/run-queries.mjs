// Runs queries through the search core in Node, for the Python tests and the benchmark
// (tests/search_core.py): one process per language, so the index is prepared once.
//
//   node tests/js/run-queries.mjs [CORE] < {"index": <an index document>, "queries": [query, …]}
//
// CORE: another copy of the core to run (the published, minified one); by default the source.
// Prints one JSON list: per query, what the dialog shows (agreement-search.js renders the same
// fields), best first.

import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** @type {typeof import("../../overrides/assets/javascripts/search-core.js")} */
const core = await import(process.argv[2] ? pathToFileURL(process.argv[2]).href : "../../overrides/assets/javascripts/search-core.js");

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
