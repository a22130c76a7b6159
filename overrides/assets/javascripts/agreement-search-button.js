// The part of the search that every page loads: the header button, the "/" and "s" shortcuts
// (from anywhere but a text field), and the loading of the rest on first use. The dialog itself
// (overrides/partials/agreement-search.html) is in every page, hidden; #agreement-config names
// search.css and agreement-search.js, which this script adds to the page on the first click or
// shortcut, or at once when the address has ?q= (a shared search) or ?h= (the
// words of an opened result, which agreement-search.js highlights when it runs).
//
// The interface is one event: once agreement-search.js has run, this script dispatches
// "agreement-search-open" on document, its detail the query to search (or null: keep the field's),
// and agreement-search.js opens the dialog and searches. A click or shortcut opens the dialog at
// once, so that what the reader types while the rest loads goes into the field.
//
// It is also the first script of every page, so it defines what the others share: `fill`, the one
// placeholder filler of the browser scripts (window.agreement.fill; its twin in Python is `fill` in
// scripts/languages.py).
//
// No inline script or style: the Content-Security-Policy allows scripts and styles from the site
// only. Types: JSDoc, checked by TypeScript (make lint).
/** @typedef {(template: string, values?: Record<string, string | number>) => string} Fill */
/** @typedef {Window & {agreement: {fill: Fill}}} AgreementWindow */
(() => {
  "use strict";

  // One pass over a template: a value holding "{url}" or "$&" stays as written, and so does a
  // placeholder with no value.
  /** @type {Fill} */
  const fill = (template, values = {}) =>
    template.replace(/\{(\w+)\}/g, (placeholder, key) => (key in values ? String(values[key]) : placeholder));
  /** @type {AgreementWindow} */ (/** @type {unknown} */ (window)).agreement = { fill };

  // Typed as present for the functions below; a page without the dialog stops here.
  const dialog = /** @type {HTMLDialogElement} */ (document.getElementById("agreement-search"));
  if (!dialog) return;
  const input = /** @type {HTMLInputElement} */ (dialog.querySelector("input[type=search]"));
  // Every page with the dialog has its config (overrides/main.html).
  /** @type {SearchConfig} */
  const search = JSON.parse(/** @type {HTMLElement} */ (document.getElementById("agreement-config")).textContent ?? "").search;
  const strings = search.strings;

  /** @type {Promise<unknown> | null} */
  let loading = null; // dropped when the script fails, so that the next use tries again

  function load() {
    loading ??= new Promise((resolve, reject) => {
      const script = Object.assign(document.createElement("script"), { src: search.script, defer: true, onload: resolve });
      script.onerror = () => {
        loading = null;
        script.remove();
        reject();
      };
      const styled = () => dialog.classList.add("is-styled"); // shown once its styles are there, or failed
      const stylesheet = Object.assign(document.createElement("link"), { rel: "stylesheet", href: search.css, onload: styled, onerror: styled });
      document.head.append(stylesheet, script);
    });
    return loading;
  }

  /** Open the dialog now, and search once the dialog's script is there.
   * @param {string | null} query the query to search; null keeps the field's */
  function open(query) {
    if (!dialog.open) dialog.showModal();
    input.focus();
    load().then(
      () => dialog.open && document.dispatchEvent(new CustomEvent("agreement-search-open", { detail: query })),
      () => (/** @type {HTMLElement} */ (dialog.querySelector(".agreement-search__status")).textContent = strings.failed),
    );
  }

  const button = document.createElement("button");
  button.type = "button";
  button.className = "md-header__button md-icon agreement-search__open";
  button.title = button.ariaLabel = strings.title;
  button.innerHTML =
    '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.516 6.516 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5Z"/></svg>';
  button.addEventListener("click", () => open(null));
  document.querySelector(".md-header__inner")?.append(button);

  document.addEventListener("keydown", (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const typing = /^(input|textarea|select)$/i.test(target.tagName) || target.isContentEditable;
    if (!typing && !dialog.open && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === "/" || event.key === "s")) {
      event.preventDefault();
      open(null);
    }
  });

  const params = new URLSearchParams(location.search);
  if (params.has("q")) open(params.get("q"));
  else if (params.getAll("h").some(Boolean)) load().catch(() => {});
})();
