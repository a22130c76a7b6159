// Clauses across languages and in context: the language selector keeps the clause being read; an
// item opened by its URL shows its clause's lead-in; each clause's tools copy its link or a
// citation that stands on its own; a printout names the agreement, its source and address on
// every sheet.
(() => {
  "use strict";

  const config = JSON.parse(document.getElementById("agreement-config")?.textContent ?? "null");
  if (!config) return;

  // One pass over a template: a "{url}" or "$&" inside the clause text stays as written.
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (placeholder, key) => values[key] ?? placeholder);

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

  function languageLinks() {
    return document.querySelectorAll("a.md-select__link[hreflang], .translation-notice a[hreflang], .other-language a[hreflang]");
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
  const cssString = (text) => `"${text.replace(/[\\"]/g, "\\$&").replace(/\n/g, "\\a ")}"`;
  const printHeader = document.querySelector(".print-header");
  for (const key of printHeader ? ["head", "source", "page"] : []) {
    document.documentElement.style.setProperty(`--print-${key}`, cssString(printHeader.dataset[key] ?? ""));
  }

  // An item opened by its URL (page, full text, parallel view, short link) shows the lead-in that
  // gives it its meaning: when both fit on the screen, the item's scroll margin takes the lead-in
  // in too, so the browser's own scroll to the fragment lands on the lead-in (set before it
  // scrolls: one scroll, downwards); else the lead-in is repeated above the item.
  const partText = (element) => {
    const copy = element.cloneNode(true);
    copy.querySelectorAll(".clause-tools, .agreement-note, .parallel-lang").forEach((node) => node.remove());
    return copy.textContent.replace(/\s+/g, " ").trim();
  };
  let shown = [];

  function showContext(event) {
    for (const element of shown) {
      element.classList.remove("is-context");
      element.style.scrollMarginTop = "";
      delete element.dataset.context;
    }
    shown = [];
    const match = ITEM.exec(location.hash.slice(1)); // ids are ASCII: nothing to decode
    const item = match && document.getElementById(match[0]);
    const clause = item?.closest(".agreement-text, .parallel")?.querySelector(`[id="${match[1]}"]`);
    if (!clause) return;
    clause.classList.add("is-context");
    shown.push(clause, item);
    const header = document.querySelector(".md-header")?.offsetHeight ?? 0;
    const gap = 16;
    const { top } = clause.getBoundingClientRect();
    const { top: itemTop, bottom } = item.getBoundingClientRect();
    if (bottom - top + 2 * gap <= innerHeight - header) {
      item.style.scrollMarginTop = `${itemTop - top + header + gap}px`;
    } else {
      const cells = (element) => (element.classList.contains("parallel-row") ? [...element.querySelectorAll(".parallel-cell")] : [element]);
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

  // Copy link / copy citation. A clause's citation holds its items; an item's, its clause's
  // lead-in and an ellipsis; quotation marks inside the text become inner ones; notes never.
  const announcer = document.createElement("p");
  announcer.className = "clause-tools__announcer";
  announcer.setAttribute("role", "status");
  document.body.append(announcer);

  function citedText(element) {
    const scope = element.closest(".agreement-text");
    const match = ITEM.exec(element.id);
    const own = (part) => partText(part).replace(/^\S+\s*/, "");
    let text;
    if (match) {
      const clause = scope.querySelector(`[id="${match[1]}"]`);
      text = own(clause) + config.ellipsis + partText(element);
    } else {
      const items = element.classList.contains("clause") ? scope.querySelectorAll(`.clause-item[id^="${element.id}-"]`) : [];
      text = [element.classList.contains("preamble") ? partText(element) : own(element), ...[...items].map(partText)].join(config.separator);
    }
    return [...text].map((character) => config.quotes[character] ?? character).join("");
  }

  function address(element) {
    const url = new URL(element.querySelector(".clause-tools").dataset.page ?? location.pathname, location.href);
    url.hash = element.id;
    return url.href;
  }

  async function copy(button, text, done) {
    const status = document.createElement("span");
    status.className = "clause-tools__status";
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = config.strings.copied;
      button.classList.add("is-done");
      announcer.textContent = done;
    } catch {
      status.textContent = announcer.textContent = config.strings.failed;
    }
    button.replaceChildren(status);
    setTimeout(() => {
      button.replaceChildren();
      button.classList.remove("is-done");
    }, 2000);
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest?.(".clause-tools button");
    if (!button) return;
    const element = button.closest(".clause, .clause-item, .preamble");
    const name = button.parentElement.getAttribute("aria-label");
    const link = button.classList.contains("clause-tools__link");
    const values = { title: config.title, date: config.date, name, text: link ? "" : citedText(element), url: address(element) };
    copy(button, link ? values.url : fill(config.citation, values), config.strings[link ? "linkCopied" : "citationCopied"].replace("{name}", name));
  });

  // Each toolbar is one tab stop; the arrow keys, Home and End move between its tools.
  const STEPS = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
  document.addEventListener("keydown", (event) => {
    const tools = event.target.closest?.(".clause-tools");
    if (!tools || !(event.key in STEPS || event.key === "Home" || event.key === "End")) return;
    const all = [...tools.children];
    const here = all.indexOf(event.target);
    const next = event.key === "Home" ? 0 : event.key === "End" ? all.length - 1 : (here + STEPS[event.key] + all.length) % all.length;
    all.forEach((tool, index) => (tool.tabIndex = index === next ? 0 : -1));
    all[next].focus();
    event.preventDefault();
  });
})();
