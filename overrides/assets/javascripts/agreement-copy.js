// The clause tools' copying, loaded on the first use of a tool (agreement-clauses.js, which hands
// the text to the clipboard): a part's link; its citation, which stands on its own; and its
// citation in both languages, one after the other, the original first.
//
// A citation names the part's words at the permanent address of the retrieval they were taken
// from (the tools' data-version: /v/2022-01-23/…). A clause's citation holds its items; an item's,
// its clause's lead-in and an ellipsis; quotation marks inside the text become inner ones; notes
// never. A citation in another language than the page's, or of a row of the parallel view, is
// read from that language's permanent page of the part, fetched from this site: its words, its
// name (its tools' label), its date (its #agreement-config). Each language's citation format and
// the tools' words are in its tools.json, fetched once.
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

  /** @typedef {{config: AgreementConfig, tools: ToolsConfig}} Language a language as a page shows it */

  /** @type {Map<string, Promise<any>>} */
  const fetched = new Map();
  /**
   * A file of this site, fetched once (again after a failure).
   * @param {string} url
   * @param {(response: Response) => Promise<any>} read
   */
  function get(url, read) {
    let found = fetched.get(url);
    if (!found) {
      found = fetch(url).then((response) => (response.ok ? read(response) : Promise.reject(new Error(`${response.status} ${url}`))));
      found.catch(() => fetched.delete(url));
      fetched.set(url, found);
    }
    return found;
  }
  /**
   * @param {AgreementConfig} page a page's config
   * @param {string} url where that page is
   * @returns {Promise<Language>}
   */
  const language = (page, url) => get(new URL(page.tools, url).href, (response) => response.json()).then((tools) => ({ config: page, tools }));
  const own = () => language(config, location.href);

  /** @param {Element} element a part as published, its tools left out */
  const partText = (element) => {
    const copy = /** @type {Element} */ (element.cloneNode(true));
    copy.querySelectorAll(".clause-tools").forEach((node) => node.remove());
    return /** @type {string} */ (copy.textContent).replace(/\s+/g, " ").trim();
  };

  /**
   * The words a citation quotes, in a language's conventions.
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
   * A citation of a part: its words, its name (its tools' label), the date of its text and its address.
   * @param {Element} element
   * @param {Language} language
   * @param {string} url
   */
  const citation = (element, { config, tools }, url) =>
    fill(tools.citation.template, {
      title: config.title,
      date: config.date,
      revised: config.revised ?? "",
      name: element.querySelector(".clause-tools")?.getAttribute("aria-label") ?? "",
      text: citedText(element, tools),
      url,
    });

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

  /**
   * The citation of a part in a language: from this page where it shows the part's text in the
   * page's language; else from that language's permanent page (this page's, its permanent folder
   * swapped for the other language's: /v/2022-01-23/ and /en/v/2026-12-06/, tools.json).
   * @param {HTMLElement} tools
   * @param {string} id
   * @param {string} code
   */
  async function cite(tools, id, code) {
    const permanent = address(tools, id, true);
    const here = tools.closest(`.agreement-text :is(${PART})`);
    const { tools: words } = await own();
    if (code === config.language && here) return citation(here, await own(), permanent);
    const folder = (/** @type {string} */ language) => /** @type {[string, string]} */ (words.permanent.find(([each]) => each === language))[1];
    const url = new URL(permanent);
    url.hash = "";
    url.pathname = folder(code) + url.pathname.slice(folder(config.language).length);
    const other = await get(url.href, (response) => response.text()).then((text) => new DOMParser().parseFromString(text, "text/html"));
    const element = other.querySelector(`.agreement-text [id="${id}"]`);
    if (!element) throw new Error(`no ${id} on ${url.href}`);
    return citation(element, await language(JSON.parse(other.getElementById("agreement-config")?.textContent ?? ""), url.href), `${url.href}#${id}`);
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
    const part = /** @type {Element} */ (button.closest(`${PART}, .parallel-row`));
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

  /** @type {Record<string, string>} each tool's announcement once it has copied */
  const DONE = { link: "link_copied", citation: "citation_copied", both: "both_copied" };
  /** @param {HTMLElement} button */
  const kind = (button) => button.className.replace(/.*clause-tools__(\w+).*/, "$1");

  agreement.copy = {
    compose(button) {
      const tools = /** @type {HTMLElement} */ (button.parentElement);
      const id = /** @type {Element} */ (tools.closest("[id]")).id;
      if (kind(button) === "link") return Promise.resolve(address(tools, id));
      if (kind(button) === "citation") return cite(tools, id, config.language);
      return own()
        .then(({ tools: { roots } }) => Promise.all(roots.map(([code]) => cite(tools, id, code))))
        .then((texts) => texts.join("\n\n"));
    },

    // What a copy did, in a bubble above the button and to screen readers; a refused copy offers
    // the text to copy by hand.
    done(button, copied, text) {
      own().then(({ tools: { clauseTools: words } }) => {
        const name = /** @type {string} */ (/** @type {Element} */ (button.parentElement).getAttribute("aria-label"));
        const announcer = /** @type {Element} */ (document.querySelector(".clause-tools__announcer"));
        const status = document.createElement("span");
        status.className = "clause-tools__status";
        if (copied) {
          status.textContent = words.copied;
          button.classList.add("is-done");
          announcer.textContent = fill(words[DONE[kind(button)]], { name });
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
