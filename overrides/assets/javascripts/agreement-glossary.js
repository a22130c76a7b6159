// The glossary in the browser, loaded by agreement-clauses.js on the glossary page and on the
// first click on a defined term of the translation (the Software, this Agreement):
// - a defined term clicked or tapped (a touch screen has no hover to show its title) gets a note
//   under it: its Chinese original and a link to its row in the glossary (#本软件); a click
//   elsewhere or Escape closes it;
// - the glossary's filter keeps the rows whose Chinese, English, kind or note hold what is typed
//   (both sides NFKC-normalised, in any case) and says how many that leaves.
//
// Types: JSDoc, checked by TypeScript (make lint); AgreementConfig and ClausesWindow are in
// agreement-clauses.js.
(() => {
  "use strict";

  const agreement = /** @type {ClausesWindow} */ (/** @type {unknown} */ (window)).agreement;
  /** @type {AgreementConfig} */
  const config = JSON.parse(document.getElementById("agreement-config")?.textContent ?? "null");

  const note = document.createElement("span");
  note.className = "term-note";
  note.setAttribute("role", "note");
  note.hidden = true;
  document.body.append(note);
  // The note's styles are in views.css, which the pages about the agreement load and a section
  // page does not: added here, and the note shown once it has loaded.
  const styles = new URL("../views.css", /** @type {HTMLScriptElement} */ (document.currentScript).src).href;
  /** @type {Promise<unknown>} */
  const styled = [...document.querySelectorAll("link[rel=stylesheet]")].some((link) => /** @type {HTMLLinkElement} */ (link).href === styles)
    ? Promise.resolve()
    : new Promise((resolve) => document.head.append(Object.assign(document.createElement("link"), { rel: "stylesheet", href: styles, onload: resolve, onerror: resolve })));

  /** @param {HTMLElement} term an abbr.defined-term: its title the Chinese, its data-term the row's id */
  agreement.showTerm = async (term) => {
    await styled;
    const original = document.createElement("span");
    original.lang = config.search.otherLang;
    original.textContent = term.title;
    const link = document.createElement("a");
    link.href = `${config.glossary.href}#${term.dataset.term}`;
    link.textContent = config.glossary.link;
    note.replaceChildren(original, " · ", link);
    note.hidden = false;
    const box = term.getBoundingClientRect();
    const room = document.documentElement.clientWidth - note.offsetWidth - 8;
    note.style.top = `${box.bottom + scrollY + 4}px`;
    note.style.left = `${Math.max(8, Math.min(box.left, room)) + scrollX}px`;
  };
  document.addEventListener("click", (event) => {
    const term = /** @type {Partial<Element>} */ (event.target).closest?.("abbr.defined-term");
    if (term instanceof HTMLElement) agreement.showTerm?.(term);
    else if (!note.contains(/** @type {Node} */ (event.target))) note.hidden = true;
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") note.hidden = true;
  });

  const filter = document.querySelector(".glossary-filter");
  if (!(filter instanceof HTMLFormElement)) return;
  const input = /** @type {HTMLInputElement} */ (filter.querySelector("input"));
  const output = /** @type {HTMLOutputElement} */ (filter.querySelector("output"));
  const rows = [.../** @type {NodeListOf<HTMLTableRowElement>} */ (document.querySelectorAll("table.glossary tbody tr"))];
  const fold = (/** @type {string} */ text) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ");
  const texts = rows.map((row) => fold([...row.cells].slice(0, 4).map((cell) => cell.textContent).join(" ")));
  filter.hidden = false;
  filter.addEventListener("submit", (event) => event.preventDefault());
  input.addEventListener("input", () => {
    const wanted = fold(input.value).trim();
    let shown = 0;
    rows.forEach((row, index) => {
      row.hidden = !texts[index].includes(wanted);
      if (!row.hidden) shown++;
    });
    const words = output.dataset;
    output.textContent = !wanted ? "" : shown ? agreement.fill(words.shown ?? "", { n: shown, total: rows.length }) : (words.none ?? "");
  });
})();
