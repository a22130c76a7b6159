// The clause tools' copying, loaded on the first use of a tool (agreement-clauses.js, which hands
// the text to the clipboard): a part's link, and its citation, which stands on its own.
//
// A citation names the part's words at the permanent address of the retrieval they were taken
// from (the tools' data-version: /v/2022-01-23/…). A clause's citation holds its items; an item's,
// its clause's lead-in and an ellipsis; quotation marks inside the text become inner ones; notes
// never. The language's citation format and the tools' words are in its tools.json, fetched once.
//
// Types: JSDoc, checked by TypeScript (make lint); AgreementConfig, ToolsConfig, Copy and
// ClausesWindow are in agreement-clauses.js.
(() => {
  "use strict";

  /** @type {AgreementConfig} */
  const config = JSON.parse(document.getElementById("agreement-config")?.textContent ?? "null");
  const agreement = /** @type {ClausesWindow} */ (/** @type {unknown} */ (window)).agreement;
  const fill = agreement.fill;
  const ITEM = /^(\d+\.\d+)-\d+$/; // 10.1-2: item (2) of clause 10.1
  const PART = ".clause, .clause-item, .preamble";

  /** @type {Promise<ToolsConfig> | undefined} */
  let fetched;
  /** This language's tools.json, fetched once (again after a failure). */
  function own() {
    fetched ??= fetch(new URL(config.tools, location.href)).then((response) =>
      response.ok ? response.json() : Promise.reject(new Error(`${response.status} ${config.tools}`)),
    );
    fetched.catch(() => (fetched = undefined));
    return fetched;
  }

  /** @param {Element} element a part as published, its tools left out */
  const partText = (element) => {
    const copy = /** @type {Element} */ (element.cloneNode(true));
    copy.querySelectorAll(".clause-tools").forEach((node) => node.remove());
    return /** @type {string} */ (copy.textContent).replace(/\s+/g, " ").trim();
  };

  /**
   * The words a citation quotes, in the language's conventions.
   * @param {Element} element a clause, item or preamble paragraph of an agreement text
   * @param {ToolsConfig} tools
   */
  function citedText(element, tools) {
    const scope = /** @type {Element} */ (element.closest(".agreement-text"));
    const match = ITEM.exec(element.id);
    /** @param {Element} part */
    const own = (part) => partText(part).replace(/^\S+\s*/, "");
    let text;
    if (match) {
      const clause = /** @type {Element} */ (scope.querySelector(`[id="${match[1]}"]`));
      text = own(clause) + tools.citation.ellipsis + partText(element);
    } else {
      const items = element.classList.contains("clause") ? scope.querySelectorAll(`.clause-item[id^="${element.id}-"]`) : [];
      text = [element.classList.contains("preamble") ? partText(element) : own(element), ...[...items].map(partText)].join(tools.citation.separator);
    }
    return [...text].map((character) => tools.citation.inner_quotes[character] ?? character).join("");
  }

  /**
   * The address of the part whose tools these are: of the page read (a link), or of the permanent
   * page of the text shown (what a citation names).
   * @param {HTMLElement} tools
   * @param {string} id
   */
  function address(tools, id, permanent = false) {
    const url = new URL((permanent && tools.dataset.version) || tools.dataset.page || location.pathname, location.href);
    url.hash = id;
    return url.href;
  }

  // Where the browser refuses the clipboard (a page served over plain http, a denied permission),
  // the text appears selected in a field below the part, to be copied by hand; leaving the
  // field (Esc, Tab, a click elsewhere) removes it.
  /**
   * @param {HTMLElement} button
   * @param {string} text
   * @param {string} label
   */
  function offerToCopyByHand(button, text, label) {
    const part = /** @type {Element} */ (button.closest(PART));
    part.nextElementSibling?.classList.contains("clause-copy") && part.nextElementSibling.remove();
    const box = document.createElement("div");
    box.className = "clause-copy";
    const caption = document.createElement("label");
    const field = document.createElement("textarea");
    field.id = `clause-copy-${part.id}`;
    caption.htmlFor = field.id;
    caption.textContent = label;
    field.readOnly = true;
    field.rows = Math.min(8, Math.ceil(text.length / 60) + text.split("\n").length);
    field.value = text;
    // Back to the tool that was used; leaving the field removes it (below).
    field.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      button.focus();
    });
    field.addEventListener("blur", () => box.remove());
    box.append(caption, field);
    part.after(box);
    field.focus();
    field.select();
  }

  /** @param {HTMLElement} button */
  const isLink = (button) => button.classList.contains("clause-tools__link");

  agreement.copy = {
    compose(button) {
      const tools = /** @type {HTMLElement} */ (button.parentElement);
      const element = /** @type {Element} */ (tools.closest(PART));
      if (isLink(button)) return Promise.resolve(address(tools, element.id));
      // A link is to the page read; a citation names the permanent page of the text it quotes.
      return own().then((words) =>
        fill(words.citation.template, {
          title: config.title,
          date: config.date,
          name: /** @type {string} */ (tools.getAttribute("aria-label")),
          text: citedText(element, words),
          url: address(tools, element.id, true),
        }),
      );
    },

    // What a copy did, in a bubble above the button and to screen readers; a refused copy offers
    // the text to copy by hand.
    done(button, copied, text) {
      own().then(({ clauseTools: words }) => {
        const name = /** @type {string} */ (/** @type {Element} */ (button.parentElement).getAttribute("aria-label"));
        const announcer = /** @type {Element} */ (document.querySelector(".clause-tools__announcer"));
        const status = document.createElement("span");
        status.className = "clause-tools__status";
        if (copied) {
          status.textContent = words.copied;
          button.classList.add("is-done");
          announcer.textContent = fill(words[isLink(button) ? "link_copied" : "citation_copied"], { name });
        } else {
          status.textContent = announcer.textContent = words.failed;
          text.then((copy) => offerToCopyByHand(button, copy, words.by_hand)).catch(() => {});
        }
        button.replaceChildren(status);
        setTimeout(() => {
          button.replaceChildren();
          button.classList.remove("is-done");
        }, 2000);
      });
    },
  };
})();
