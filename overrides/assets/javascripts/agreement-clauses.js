// Clauses across languages and in context: the language selector keeps the clause being read; an
// item opened by its URL shows its clause's lead-in; each clause's tools copy its link or a
// citation that stands on its own; a printout names the agreement, its source and address on
// every sheet.
//
// Types: JSDoc, checked by TypeScript (make lint); the elements are those of scripts/exports.py
// and overrides/main.html, whose #agreement-config is an AgreementConfig: the one channel from
// the build to the browser scripts (agreement-search-button.js and agreement-search.js read it
// too), filled from the language registry, scripts/languages.py.
/**
 * @typedef {object} AgreementConfig
 * @property {string} language the page's language code (zh, en)
 * @property {string} lang its HTML lang (zh-Hans, en)
 * @property {string} title the site's name
 * @property {string} date the source's retrieval date
 * @property {{template: string, ellipsis: string, separator: string, inner_quotes: Record<string, string>}} citation
 *   the citation's template ({title}, {date}, {name}, {text}, {url}); what stands between an
 *   item's clause lead-in and the item; between a clause and its items; quotation mark → the inner one
 * @property {Record<string, string>} clauseTools the clause tools' words
 * @property {{head: string, source: string, page: string}} print what every printed sheet says
 * @property {SearchConfig} search
 */
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

  // The shared placeholder filler (agreement-search-button.js, the page's first script).
  const fill = /** @type {AgreementWindow} */ (/** @type {unknown} */ (window)).agreement.fill;

  const CITABLE = ".agreement-text .clause, .agreement-text .clause-item, .agreement-text .preamble, .parallel-row";
  const ITEM = /^(\d+\.\d+)-\d+$/; // 10.1-2: item (2) of clause 10.1

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
    return document.querySelectorAll("a.md-select__link[hreflang], .status-line a[hreflang], .other-language a[hreflang]");
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
    document.documentElement.style.setProperty(`--print-${key}`, cssString(text));
  }

  // An item opened by its URL (page, full text, parallel view, short link) shows the lead-in that
  // gives it its meaning: when both fit on the screen, the item's scroll margin takes the lead-in
  // in too, so the browser's own scroll to the fragment lands on the lead-in (set before it
  // scrolls: one scroll, downwards); else the lead-in is repeated above the item.
  /** @param {Element} element */
  const partText = (element) => {
    const copy = /** @type {Element} */ (element.cloneNode(true));
    copy.querySelectorAll(".clause-tools, .agreement-note, .parallel-lang").forEach((node) => node.remove());
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
        cell.dataset.context = `${partText(leads[index])} ${config.citation.ellipsis.trim()}`;
        shown.push(cell);
      });
    }
    if (event) item.scrollIntoView(); // a link followed on the page: the browser has scrolled already
  }

  showContext();
  addEventListener("hashchange", showContext);

  // Copy link / copy citation. A clause's citation holds its items; an item's, its clause's
  // lead-in and an ellipsis; quotation marks inside the text become inner ones; notes never.
  const announcer = document.createElement("p");
  announcer.className = "clause-tools__announcer";
  announcer.setAttribute("role", "status");
  document.body.append(announcer);

  /** @param {Element} element a clause, item or preamble paragraph */
  function citedText(element) {
    const scope = /** @type {Element} */ (element.closest(".agreement-text"));
    const match = ITEM.exec(element.id);
    /** @param {Element} part */
    const own = (part) => partText(part).replace(/^\S+\s*/, "");
    let text;
    if (match) {
      const clause = /** @type {Element} */ (scope.querySelector(`[id="${match[1]}"]`));
      text = own(clause) + config.citation.ellipsis + partText(element);
    } else {
      const items = element.classList.contains("clause") ? scope.querySelectorAll(`.clause-item[id^="${element.id}-"]`) : [];
      text = [element.classList.contains("preamble") ? partText(element) : own(element), ...[...items].map(partText)].join(config.citation.separator);
    }
    return [...text].map((character) => config.citation.inner_quotes[character] ?? character).join("");
  }

  /** @param {Element} element a clause, item or preamble paragraph */
  function address(element, permanent = false) {
    const tools = /** @type {HTMLElement} */ (element.querySelector(".clause-tools"));
    const url = new URL((permanent && tools.dataset.version) || tools.dataset.page || location.pathname, location.href);
    url.hash = element.id;
    return url.href;
  }

  /**
   * @param {Element} button
   * @param {string} text what to copy
   * @param {string} done what the announcer says once it is copied
   */
  async function copy(button, text, done) {
    const status = document.createElement("span");
    status.className = "clause-tools__status";
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = config.clauseTools.copied;
      button.classList.add("is-done");
      announcer.textContent = done;
    } catch {
      status.textContent = announcer.textContent = config.clauseTools.failed;
      offerToCopyByHand(button, text);
    }
    button.replaceChildren(status);
    setTimeout(() => {
      button.replaceChildren();
      button.classList.remove("is-done");
    }, 2000);
  }

  // Where the browser refuses the clipboard (a page served over plain http, a denied permission),
  // the text appears selected in a field below the part, to be copied by hand; leaving the
  // field (Esc, Tab, a click elsewhere) removes it.
  /**
   * @param {Element} button
   * @param {string} text
   */
  function offerToCopyByHand(button, text) {
    const part = /** @type {Element} */ (button.closest(".clause, .clause-item, .preamble"));
    part.nextElementSibling?.classList.contains("clause-copy") && part.nextElementSibling.remove();
    const box = document.createElement("div");
    box.className = "clause-copy";
    const label = document.createElement("label");
    const field = document.createElement("textarea");
    field.id = `clause-copy-${part.id}`;
    label.htmlFor = field.id;
    label.textContent = config.clauseTools.by_hand;
    field.readOnly = true;
    field.rows = Math.min(8, Math.ceil(text.length / 60) + text.split("\n").length);
    field.value = text;
    // Back to the tool that was used; leaving the field removes it (below).
    field.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      /** @type {HTMLElement} */ (button).focus();
    });
    field.addEventListener("blur", () => box.remove());
    box.append(label, field);
    part.after(box);
    field.focus();
    field.select();
  }

  document.addEventListener("click", (event) => {
    // The target: an element, or else one without closest (the document).
    const button = /** @type {Partial<Element>} */ (event.target).closest?.(".clause-tools button");
    if (!button) return;
    const element = /** @type {Element} */ (button.closest(".clause, .clause-item, .preamble"));
    const name = /** @type {string} */ (/** @type {Element} */ (button.parentElement).getAttribute("aria-label"));
    const link = button.classList.contains("clause-tools__link");
    // A link is to the page read; a citation names the permanent page of the text it quotes.
    const values = { title: config.title, date: config.date, name, text: link ? "" : citedText(element), url: address(element, !link) };
    copy(button, link ? values.url : fill(config.citation.template, values), fill(config.clauseTools[link ? "link_copied" : "citation_copied"], { name }));
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
