// Clauses across languages and in context: the language selector keeps the clause being read; a
// part named in the address in any of the ways readers write it lands on the part, and a part the
// agreement lacks says so (agreement-address.js, loaded then); an item opened by its URL shows its
// clause's lead-in; one control shows or hides every note; each part's tools copy its link, its
// citation or its citation in both languages (agreement-copy.js, loaded on first use); a
// printout names the agreement, its source and address on every sheet.
//
// Types: JSDoc, checked by TypeScript (make lint); the elements are those of scripts/templates/
// and overrides/main.html, whose #agreement-config is an AgreementConfig: the one channel from
// the build to the browser scripts (agreement-search-button.js, agreement-search.js and
// agreement-copy.js read it too), filled from the language registry, scripts/languages.py.
/**
 * @typedef {object} AgreementConfig
 * @property {string} language the page's language code (zh, en)
 * @property {string} lang its HTML lang (zh-Hans, en)
 * @property {string} title the site's name
 * @property {string} date the retrieval date of the text shown
 * @property {string | null} revised the date of the English shown (its record; scripts/english_records.py), which English citations name
 * @property {string} ellipsis what stands for the omitted text between an item's clause lead-in and the item
 * @property {Array<number | number[]>} [outline] the agreement in brief (scripts/pages.py, outline):
 *   the number of preamble paragraphs, then each section's clauses' numbers of items; none on a retrieval's page
 * @property {string} tools this language's tools.json (a ToolsConfig)
 * @property {{href: string, link: string}} glossary this language's glossary page, and what a link to a term in it says
 * @property {{head: string, source: string, page: string}} print what every printed sheet says
 * @property {SearchConfig} search
 */
/**
 * A language's tools.json (scripts/pages.py, tools_json): what the scripts loaded on demand need,
 * kept out of every page's first view.
 * @typedef {object} ToolsConfig
 * @property {{template: string, ellipsis: string, separator: string, inner_quotes: Record<string, string>}} citation
 *   the citation's template ({title}, {date}, {name}, {text}, {url}); what stands between an
 *   item's clause lead-in and the item; between a clause and its items; quotation mark → the inner one
 * @property {Record<string, string>} clauseTools the clause tools' words
 * @property {{clause: string, item: string, preamble: string}} names how a part is named: {clause} 10.1, {item} an item's number as written, {n}
 * @property {string} label an item's number as written, {n} the number
 * @property {{missing: string, nearest: string, elsewhere: string}} address what a fragment naming no part shows ({number}), and
 *   the page not found's suggestion ({link})
 * @property {Array<[string, string]>} roots each language's code and root as served, the original first
 * @property {Array<[string, string]>} permanent each language's code and the folder of its current text's permanent pages
 */
/**
 * agreement-copy.js, once loaded: the text a copy tool copies, and what it shows once copied or refused.
 * @typedef {object} Copy
 * @property {(button: HTMLElement) => Promise<string>} compose
 * @property {(button: HTMLElement, copied: boolean, text: Promise<string>) => void} done
 */
/**
 * agreement-address.js, once loaded: for a fragment that names a part this page lacks ([section,
 * clause, item] and the fragment as written), the part's page or a notice; undefined: the address
 * names no part (the notice goes).
 * @typedef {(key: number[] | undefined, written: string, config: AgreementConfig) => void} Address
 */
/** @typedef {AgreementWindow & {agreement: {copy?: Copy, address?: Address, suggest?: (config: AgreementConfig) => void, showTerm?: (term: HTMLElement) => void}}} ClausesWindow */
/**
 * @typedef {object} SearchConfig
 * @property {Record<string, string>} strings the search dialog's words
 * @property {string} index this language's search index
 * @property {string} core search-core.js
 * @property {string} css search.css
 * @property {string} script agreement-search.js
 * @property {string} otherSearch the other language's home page, where its search runs
 * @property {string} otherLang the other language's HTML lang
 */
(() => {
  "use strict";

  // Typed as present for the functions below; a page without it stops here.
  /** @type {AgreementConfig} */
  const config = JSON.parse(document.getElementById("agreement-config")?.textContent ?? "null");
  if (!config) return;

  // What the scripts share (agreement-search-button.js, the page's first script): the placeholder
  // filler, and where agreement-copy.js leaves its functions.
  const agreement = /** @type {ClausesWindow} */ (/** @type {unknown} */ (window)).agreement;
  const fill = agreement.fill;
  const html = document.documentElement;

  const CITABLE = ".agreement-text .clause, .agreement-text .clause-item, .agreement-text .preamble, .parallel-row";
  const ITEM = /^(\d+\.\d+)-\d+$/; // 10.1-2: item (2) of clause 10.1

  // The scripts loaded on demand, beside this one (agreement-copy.js, -address.js, -glossary.js); each
  // leaves its functions on window.agreement. A script that fails is tried again on the next use.
  const scripts = /** @type {HTMLScriptElement} */ (document.currentScript).src;
  /** @type {Record<string, Promise<void> | undefined>} */
  const loading = {};
  /** @param {string} name */
  const load = (name) =>
    (loading[name] ??= new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL(`agreement-${name}.js`, scripts).href;
      script.onload = () => resolve();
      script.onerror = () => {
        loading[name] = undefined;
        script.remove();
        reject();
      };
      document.head.append(script);
    }));

  // A part named in the fragment as readers write it: 10.1(2), 10.1（2）, 10.1.2 (and full-width
  // digits) are 10.1-2, and the address is set to that id (its lead-in and the language switch
  // follow). A part this page lacks is agreement-address.js's: the part's short link when it is on
  // another page, else a notice that the agreement has no such part. On the page not found, a
  // short link's part as written (/clause/10.1（2）/, /clause/10.9/) is read the same way, and any
  // other address gets agreement-address.js's suggestion (/zh/10-user-conduct/: the page meant).
  // An address inside a dated text (/en/v/2026-11-26/…) is never sent on to the current text.
  const notFound = document.querySelector(".not-found");
  const dated = notFound && /\/v\/\d{4}-\d\d-\d\d\//.test(location.pathname);
  const shortLink = notFound && !dated && /\/clause\/([^/]+)\/?$/.exec(location.pathname);
  if (notFound && !shortLink) load("address").then(() => agreement.suggest?.(config));
  function readAddress() {
    if (dated) return;
    let written = shortLink ? shortLink[1] : location.hash.slice(1);
    try {
      written = decodeURIComponent(written);
    } catch {} // a malformed escape: read as written
    const match = /^(?:(\d+)\.(\d+)(?:[-.](\d+)|\((\d+)\))?|preamble-(\d+))$/.exec(written.normalize("NFKC").replace(/\s/g, ""));
    /** @type {number[] | undefined} [section, clause, item]; a preamble paragraph is [0, n, 0] */
    const key = match ? (match[5] ? [0, +match[5], 0] : [+match[1], +match[2], +(match[3] || match[4] || 0)]) : undefined;
    const id = key && (key[0] ? `${key[0]}.${key[1]}${key[2] ? `-${key[2]}` : ""}` : `preamble-${key[1]}`);
    const found = id && document.getElementById(id);
    if (found && id !== location.hash.slice(1)) location.replace(`#${id}`);
    if (key && !found) load("address").then(() => agreement.address?.(key, written, config));
    else agreement.address?.(undefined, written, config); // a notice shown before goes
  }

  readAddress();
  addEventListener("hashchange", readAddress);

  // The clause to keep when switching language: the URL's, else the first one that starts
  // below the header.
  function currentClause() {
    if (location.hash.length > 1) return location.hash.slice(1);
    const header = document.querySelector(".md-header")?.getBoundingClientRect().bottom ?? 0;
    const inView = [...document.querySelectorAll(CITABLE)].find((element) => element.getBoundingClientRect().top >= header - 2);
    return inView && window.scrollY > 0 ? inView.id : "";
  }

  /** @returns {NodeListOf<HTMLAnchorElement>} */
  function languageLinks() {
    return document.querySelectorAll("a.md-select__link[hreflang], .status-line a[hreflang], .other-language a[hreflang], .record-header a[hreflang]");
  }

  function keepClause() {
    const clause = currentClause();
    for (const link of languageLinks()) {
      const url = new URL(link.href);
      url.hash = clause;
      link.href = url.href;
    }
  }

  // On load only a fragment needs carrying over; measuring the scroll position here would force
  // a layout before the first frame (a clicked link measures it then).
  if (location.hash.length > 1) keepClause();
  addEventListener("hashchange", keepClause);
  // A click sets the fragment from the scroll position before the browser follows the link.
  for (const link of languageLinks()) link.addEventListener("click", keepClause);

  // Every sheet of a printout says what it is (see @page in agreement.css).
  /** @param {string} text */
  const cssString = (text) => `"${text.replace(/[\\"]/g, "\\$&").replace(/\n/g, "\\a ")}"`;
  for (const [key, text] of Object.entries(config.print)) {
    html.style.setProperty(`--print-${key}`, cssString(text));
  }

  // An item opened by its URL (page, full text, parallel view, short link) shows the lead-in that
  // gives it its meaning: when both fit on the screen, the item's scroll margin takes the lead-in
  // in too, so the browser's own scroll to the fragment lands on the lead-in (set before it
  // scrolls: one scroll, downwards); else the lead-in is repeated above the item.
  /** @param {Element} element */
  const partText = (element) => {
    const copy = /** @type {Element} */ (element.cloneNode(true));
    copy.querySelectorAll(".clause-tools, .parallel-lang").forEach((node) => node.remove());
    return /** @type {string} */ (copy.textContent).replace(/\s+/g, " ").trim();
  };
  /** @type {HTMLElement[]} */
  let shown = [];

  /** @param {Event} [event] hashchange; none on load */
  function showContext(event) {
    for (const element of shown) {
      element.classList.remove("is-context");
      element.style.scrollMarginTop = "";
      delete element.dataset.context;
    }
    shown = [];
    const match = ITEM.exec(location.hash.slice(1)); // ids are ASCII: nothing to decode
    if (!match) return;
    const item = document.getElementById(match[0]);
    const clause = /** @type {HTMLElement | null | undefined} */ (item?.closest(".agreement-text, .parallel")?.querySelector(`[id="${match[1]}"]`));
    if (!item || !clause) return;
    clause.classList.add("is-context");
    shown.push(clause, item);
    const header = /** @type {HTMLElement | null} */ (document.querySelector(".md-header"))?.offsetHeight ?? 0;
    const gap = 16;
    const { top } = clause.getBoundingClientRect();
    const { top: itemTop, bottom } = item.getBoundingClientRect();
    if (bottom - top + 2 * gap <= innerHeight - header) {
      item.style.scrollMarginTop = `${itemTop - top + header + gap}px`;
    } else {
      /** @param {HTMLElement} element */
      const cells = (element) =>
        element.classList.contains("parallel-row") ? [.../** @type {NodeListOf<HTMLElement>} */ (element.querySelectorAll(".parallel-cell"))] : [element];
      const leads = cells(clause);
      cells(item).forEach((cell, index) => {
        cell.dataset.context = `${partText(leads[index])} ${config.ellipsis.trim()}`;
        shown.push(cell);
      });
    }
    if (event) item.scrollIntoView(); // a link followed on the page: the browser has scrolled already
  }

  showContext();
  addEventListener("hashchange", showContext);

  // Notes: one control on each page that shows them, one choice for every page, kept in
  // localStorage (the page's head applies it before the first paint: overrides/main.html). Hidden
  // notes take no space; a note opened by its address is shown all the same (agreement.css).
  const toggle = document.querySelector(".notes-toggle");
  /** @param {boolean} shown */
  const showNotes = (shown) => {
    if (shown) delete html.dataset.notes;
    else html.dataset.notes = "hidden";
    toggle?.setAttribute("aria-pressed", String(shown));
  };
  showNotes(html.dataset.notes !== "hidden");
  toggle?.addEventListener("click", () => {
    const shown = html.dataset.notes === "hidden";
    showNotes(shown);
    try {
      localStorage.setItem("agreement-notes", shown ? "shown" : "hidden");
    } catch {} // storage refused: the choice holds on this page only
  });

  // Copy link, copy citation, copy in both languages: the text is composed by agreement-copy.js,
  // loaded on the first use of a tool, and handed to the clipboard within the click (a
  // ClipboardItem whose text follows), as browsers that ask for a click before writing require.
  const announcer = document.createElement("p");
  announcer.className = "clause-tools__announcer";
  announcer.setAttribute("role", "status");
  document.body.append(announcer);

  document.addEventListener("click", (event) => {
    // The target: an element, or else one without closest (the document).
    const button = /** @type {HTMLElement | null | undefined} */ (/** @type {Partial<Element>} */ (event.target).closest?.(".clause-tools button"));
    if (!button) return;
    const copy = () => load("copy").then(() => /** @type {Copy} */ (agreement.copy));
    const text = copy().then((tools) => tools.compose(button));
    const clipboard = navigator.clipboard;
    const written =
      clipboard && typeof ClipboardItem == "function"
        ? clipboard.write([new ClipboardItem({ "text/plain": text.then((words) => new Blob([words], { type: "text/plain" })) })])
        : text.then((words) => clipboard.writeText(words));
    written.then(
      () => true,
      () => false,
    ).then((copied) => copy().then((tools) => tools.done(button, copied, text)));
  });

  // The glossary's filter, and a defined term's note (its Chinese original and its row in the
  // glossary) on a click or a tap: agreement-glossary.js, loaded on the glossary page and on the
  // first click on a defined term; its own listener takes the clicks after that.
  if (document.querySelector(".glossary-filter")) load("glossary");
  document.addEventListener("click", (event) => {
    const term = /** @type {Partial<Element>} */ (event.target).closest?.("abbr.defined-term");
    if (term instanceof HTMLElement && !agreement.showTerm) load("glossary").then(() => agreement.showTerm?.(term));
  });

  // Each toolbar is one tab stop; the arrow keys, Home and End move between its tools.
  /** @type {Record<string, number>} */
  const STEPS = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
  document.addEventListener("keydown", (event) => {
    const tools = /** @type {Partial<Element>} */ (event.target).closest?.(".clause-tools");
    if (!tools || !(event.key in STEPS || event.key === "Home" || event.key === "End")) return;
    const all = [.../** @type {HTMLCollectionOf<HTMLElement>} */ (tools.children)];
    const here = all.indexOf(/** @type {HTMLElement} */ (event.target));
    const next = event.key === "Home" ? 0 : event.key === "End" ? all.length - 1 : (here + STEPS[event.key] + all.length) % all.length;
    all.forEach((tool, index) => (tool.tabIndex = index === next ? 0 : -1));
    all[next].focus();
    event.preventDefault();
  });
})();
