// Clauses across languages: the language selector keeps the clause being read, and every
// clause offers to copy its link and a citation.
(() => {
  "use strict";

  const config = JSON.parse(document.getElementById("agreement-config")?.textContent ?? "null");
  if (!config) return;

  // One pass over a template: a "{url}" or "$&" inside the clause text stays as written.
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (placeholder, key) => values[key] ?? placeholder);

  const CITABLE = ".agreement-text .clause, .agreement-text .clause-item, .agreement-text .preamble, .parallel-row";

  // The clause to keep when switching language: the URL's, else the first one that starts
  // below the header.
  function currentClause() {
    if (location.hash.length > 1) return location.hash.slice(1);
    const header = document.querySelector(".md-header")?.getBoundingClientRect().bottom ?? 0;
    const inView = [...document.querySelectorAll(CITABLE)].find((element) => element.getBoundingClientRect().top >= header - 2);
    return inView && window.scrollY > 0 ? inView.id : "";
  }

  function languageLinks() {
    return document.querySelectorAll("a.md-select__link[hreflang], .translation-notice a[hreflang]");
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

  // Copy link / copy citation, on every clause, item and preamble paragraph.
  const announcer = document.createElement("p");
  announcer.className = "clause-tools__announcer";
  announcer.setAttribute("role", "status");
  document.body.append(announcer);

  function clauseText(element) {
    const copy = element.cloneNode(true);
    copy.querySelectorAll(".clause-number, .parallel-link, .clause-tools").forEach((node) => node.remove());
    return copy.textContent.trim();
  }

  function citation(element) {
    const name = element.dataset.citation;
    const url = new URL(location.pathname, location.href);
    url.hash = element.id;
    return fill(config.citation, { title: config.title, date: config.date, name, text: clauseText(element), url: url.href });
  }

  async function copy(button, text, done) {
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = config.strings.copied;
      announcer.textContent = done;
    } catch {
      button.textContent = config.strings.failed;
      announcer.textContent = config.strings.failed;
    }
    setTimeout(() => (button.textContent = button.dataset.label), 2000);
  }

  for (const element of document.querySelectorAll(".agreement-text .clause, .agreement-text .clause-item, .agreement-text .preamble")) {
    const number = element.querySelector(".clause-number")?.textContent ?? "";
    const kind = element.classList.contains("preamble") ? "preamble" : element.classList.contains("clause") ? "clause" : "item";
    element.dataset.citation = fill(config.names[kind], { n: element.id.replace("preamble-", ""), clause: element.id.split("-")[0], item: number });
    const tools = document.createElement("span");
    tools.className = "clause-tools";
    for (const [kind, label] of [["link", config.strings.copyLink], ["citation", config.strings.copyCitation]]) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = `clause-tools__${kind}`;
      button.textContent = button.dataset.label = label;
      button.setAttribute("aria-label", `${label}: ${element.dataset.citation}`);
      button.addEventListener("click", () => {
        const url = new URL(location.pathname, location.href);
        url.hash = element.id;
        const done = config.strings[kind === "link" ? "linkCopied" : "citationCopied"].replace("{name}", element.dataset.citation);
        copy(button, kind === "link" ? url.href : citation(element), done);
      });
      tools.append(button);
    }
    element.append(tools);
  }
})();
