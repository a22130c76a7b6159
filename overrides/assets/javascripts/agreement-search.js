// The search dialog: clause-level search of the agreement in the page's own language.
//
// The matching, ranking and snippets are in search-core.js (a DOM-free ES module, tested with
// node --test); this file is the dialog around it. On the first search it loads the language's
// index (/search/agreement.json or /en/search/agreement.json, scripts/search_index.py) and the
// core, both once. It is itself loaded on first use only, with search.css, by
// agreement-search-button.js (the header button and shortcuts, on every page): see the event
// "agreement-search-open" below. Result links carry ?h=… so that the opened page highlights the
// words found (this script and the core then load there too, for the highlight pattern).
//
// Types: JSDoc, checked by TypeScript (make lint); the elements are those of
// overrides/partials/agreement-search.html, the strings and addresses #agreement-config's
// (overrides/main.html, a SearchConfig in agreement-clauses.js).
/** @typedef {typeof import("./search-core.js")} Core */
/** @typedef {{module: Core, prepared: import("./search-core.js").PreparedIndex}} LoadedIndex */
/** @typedef {ReturnType<Core["search"]>} Found */
(() => {
  "use strict";

  // Typed as present for the functions below; a page without the dialog stops here.
  const dialog = /** @type {HTMLDialogElement} */ (document.getElementById("agreement-search"));
  if (!dialog) return;
  const input = /** @type {HTMLInputElement} */ (dialog.querySelector("input[type=search]"));
  const status = /** @type {HTMLElement} */ (dialog.querySelector(".agreement-search__status"));
  const list = /** @type {HTMLElement} */ (dialog.querySelector(".agreement-search__results"));
  const share = /** @type {HTMLButtonElement} */ (dialog.querySelector(".agreement-search__share"));
  // Every page with the dialog has its config (overrides/main.html).
  /** @type {AgreementConfig} */
  const page = JSON.parse(/** @type {HTMLElement} */ (document.getElementById("agreement-config")).textContent ?? "");
  const config = page.search;
  const strings = config.strings;
  const indexUrl = new URL(config.index, location.href);
  const coreUrl = new URL(config.core, location.href);
  const languageRoot = new URL("../", indexUrl);
  const otherSearch = new URL(config.otherSearch, location.href);
  // The shared placeholder filler (agreement-search-button.js, which loads this script).
  const fill = /** @type {AgreementWindow} */ (/** @type {unknown} */ (window)).agreement.fill;
  /** @type {(key: string, values?: Record<string, string | number>) => string} */
  const say = (key, values = {}) => fill(strings[key], values);

  /** @type {Promise<Core> | null} */
  let core = null;
  /** @type {LoadedIndex | null} */
  let index = null; // the prepared index, once loaded
  /** @type {Promise<LoadedIndex> | null} */
  let loading = null; // the load in progress; dropped when it fails, so that a retry loads again

  function loadCore() {
    core ??= import(coreUrl.href);
    return core;
  }

  function load() {
    loading ??= Promise.all([
      fetch(indexUrl).then((response) => {
        if (!response.ok) throw new Error(`${indexUrl}: ${response.status}`);
        return response.json();
      }),
      loadCore(),
    ])
      .then(([data, module]) => {
        index = { module, prepared: module.prepareIndex(data) };
        return index;
      })
      .catch((error) => {
        loading = null;
        core = null;
        throw error;
      });
    return loading;
  }

  // --- rendering ---------------------------------------------------------------------------

  /**
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag
   * @param {string | null} className
   * @param {...(Node | string)} children
   * @returns {HTMLElementTagNameMap[K]}
   */
  const element = (tag, className, ...children) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.append(...children);
    return node;
  };

  /** @param {string} text @param {() => void} onClick */
  function button(text, onClick) {
    const node = element("button", "agreement-search__action", text);
    node.type = "button";
    node.addEventListener("click", onClick);
    return node;
  }

  /** Search for `query` instead of what is in the field.
   * @param {string} query */
  function searchFor(query) {
    input.value = query;
    input.focus();
    run();
  }

  /** Replace one typed word of the query (as the core normalised it) and search again.
   * @param {string} word @param {string} replacement */
  function replaceWord(word, replacement) {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const bounded = /^[a-z0-9]/i.test(word) ? `(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])` : escaped;
    const pattern = new RegExp(bounded, "i");
    const query = input.value.normalize("NFKC");
    searchFor(pattern.test(query) ? query.replace(pattern, replacement) : `${query} ${replacement}`);
  }

  /**
   * @param {string} text
   * @param {import("./search-core.js").Range[]} ranges
   * @param {string} lang
   */
  function excerptNode(text, ranges, lang) {
    const { parts, before, after } = /** @type {LoadedIndex} */ (index).module.excerpt(text, ranges, { locale: lang });
    const node = element("span", "agreement-search__excerpt");
    if (lang) node.lang = lang;
    if (before) node.append("…");
    for (const part of parts) node.append(part.mark ? element("mark", null, part.text) : part.text);
    if (after) node.append("…");
    return node;
  }

  /** @param {Found["results"][number]} result @param {number} position */
  function resultItem(result, position) {
    const { record } = result;
    const url = new URL(record.url, languageRoot);
    result.words.forEach((word) => url.searchParams.append("h", word));
    // A note is shown as one: its title names its kind (编者注, Translator's note) and its part.
    const link = element("a", record.kind === "part" ? null : "agreement-search__note");
    link.href = url.pathname + url.search + url.hash;
    link.id = `agreement-search-result-${position}`;
    const title = element("span", "agreement-search__result-title", record.sectionTitle ? `${record.title} · ${record.sectionTitle}` : record.title);
    link.append(title, excerptNode(record.text, result.ranges, page.lang));
    // Found through the subject index: the topic says why (its words need not be in the text).
    if (result.topics.length) link.append(element("span", "agreement-search__topic", say("topic", { topic: result.topics[0] })));
    if (result.via === "other") {
      // Found through the aligned text: say so, and show where.
      const via = element("span", "agreement-search__via", say("via"));
      via.append(excerptNode(record.other, result.otherRanges, config.otherLang));
      link.append(via);
    }
    link.addEventListener("click", () => dialog.close());
    return element("li", null, link);
  }

  /** @param {Found} found @param {string} query */
  function statusLines(found, query) {
    /** @type {HTMLElement[]} */
    const lines = [];
    /** @param {...(Node | string)} children */
    const line = (...children) => lines.push(element("p", null, ...children));
    const parts = found.results.filter((result) => result.record.kind === "part").length;
    const notes = found.results.length - parts;
    if (found.mode === "all" && (parts || !notes)) line(say("results", { n: parts }));
    if (found.mode === "some") line(say("some", { n: parts }));
    if (notes) line(say("notes", { n: notes }));
    if (found.missing !== null) line(say("missing", { number: found.missing }));
    else if (found.mode === "none") line(say("none"));
    if (found.unmatched.length) line(say("unmatched", { words: found.unmatched.join(" ") }));
    if (found.rewritten !== null) {
      // Words left out or corrected: what was searched, and the query as typed, every word of it.
      const typed = /** @type {LoadedIndex} */ (index).module.asTyped(query);
      line(say("corrected", { words: found.rewritten }), " ", button(say("exact", { word: query.trim() }), () => searchFor(typed)));
    }
    if (found.suggestions.length) {
      const words = found.suggestions.flatMap(({ word, nearest }) => nearest.map((suggestion) => button(suggestion, () => replaceWord(word, suggestion))));
      line(say("nearest"), " ", ...words);
    }
    if (found.mode === "none" || found.mode === "some") {
      const other = new URL(otherSearch);
      other.searchParams.set("q", query);
      const link = element("a", "agreement-search__other", say("other_language"));
      link.href = other.pathname + other.search;
      link.hreflang = config.otherLang;
      line(link);
    }
    if (found.truncated || query.length >= /** @type {LoadedIndex} */ (index).module.MAX_QUERY_LENGTH) {
      line(say("limit", { n: /** @type {LoadedIndex} */ (index).module.MAX_QUERY_LENGTH }));
    }
    return lines;
  }

  /** @param {string} query */
  function render(query) {
    const loaded = /** @type {LoadedIndex} */ (index); // run() loads it before the first render
    const found = loaded.module.search(loaded.prepared, query);
    list.replaceChildren(...found.results.map(resultItem));
    status.replaceChildren(...(found.mode === "empty" ? [] : statusLines(found, query)));
    share.hidden = found.mode === "empty";
    dialog.dataset.renderedQuery = query;
  }

  function failed() {
    status.replaceChildren(element("p", null, say("failed"), " ", button(say("retry"), () => run())));
    list.replaceChildren();
  }

  /** @param {Event} [event] */
  async function run(event) {
    const started = event?.timeStamp ?? performance.now();
    const query = input.value;
    if (!index) {
      status.replaceChildren(element("p", null, say("loading")));
      try {
        await load();
      } catch {
        if (input.value === query) failed();
        return;
      }
      if (input.value !== query) return;
    }
    render(query);
    dialog.dataset.searchMs = (performance.now() - started).toFixed(1);
  }

  /** @param {string} [query] */
  function open(query) {
    if (!dialog.open) dialog.showModal();
    if (query !== undefined) input.value = query.slice(0, input.maxLength > 0 ? input.maxLength : undefined);
    input.focus();
    run();
  }

  // --- keyboard: ↑/↓ move through the results, Enter opens, one Esc closes -----------------

  const links = () => [...list.querySelectorAll("a")];

  input.addEventListener("input", run);
  // A click on the backdrop (outside the dialog's box) closes it, as on most modal dialogs.
  dialog.addEventListener("click", (event) => {
    const box = dialog.getBoundingClientRect();
    const outside = event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom;
    if (event.target === dialog && outside) dialog.close();
  });
  dialog.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault(); // not the search field's own Esc, which only clears it
      dialog.close();
      return;
    }
    const all = links();
    const at = all.indexOf(/** @type {HTMLAnchorElement} */ (document.activeElement)); // -1 when not a result
    if (event.key === "ArrowDown" && (event.target === input || at !== -1)) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)]?.focus();
    } else if (event.key === "ArrowUp" && at !== -1) {
      event.preventDefault();
      (at === 0 ? input : all[at - 1]).focus();
    } else if (event.key === "Enter" && event.target === input) {
      event.preventDefault(); // Enter opens the first result rather than closing the dialog
      all[0]?.click();
    } else if (at !== -1 && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      input.focus(); // typing on a result goes on in the field
    }
  });

  share.addEventListener("click", async () => {
    const link = new URL(location.pathname, location.href);
    link.searchParams.set("q", input.value);
    let copied = false;
    try {
      await navigator.clipboard.writeText(link.href);
      copied = true;
    } catch {
      copied = false; // no clipboard, or permission refused: say so
    }
    share.textContent = say(copied ? "copied" : "copy_failed");
    setTimeout(() => (share.textContent = say("share")), 2000);
  });

  // agreement-search-button.js, on every page, adds the header button and the shortcuts and loads
  // this script on first use; then it asks for the dialog with this event, its detail the query
  // (a shared search's ?q=…) or null to keep the field's. A result opened (?h=…) shows its words:
  // the button script loads this script at once for those.
  document.addEventListener("agreement-search-open", (event) => {
    const query = /** @type {CustomEvent<string | null>} */ (event).detail;
    open(query ?? undefined);
  });
  // An address copied from the page names the page, not a search: a shared search's ?q= goes when
  // the dialog closes, a result's ?h= once its words are shown.
  /** @param {string} name */
  function dropFromAddress(name) {
    const params = new URLSearchParams(location.search);
    if (!params.has(name)) return;
    params.delete(name);
    const rest = params.toString();
    history.replaceState(history.state, "", location.pathname + (rest ? `?${rest}` : "") + location.hash);
  }
  dialog.addEventListener("close", () => dropFromAddress("q"));
  const words = new URLSearchParams(location.search).getAll("h").filter(Boolean);
  if (words.length)
    loadCore().then((module) => {
      highlight(module.highlightPattern(words));
      dropFromAddress("h");
    });

  /** @param {RegExp | null} pattern */
  function highlight(pattern) {
    const scope = document.querySelector(".agreement-text");
    if (!pattern || !scope) return;
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    /** @type {Text[]} */
    const nodes = [];
    while (walker.nextNode()) nodes.push(/** @type {Text} */ (walker.currentNode));
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
