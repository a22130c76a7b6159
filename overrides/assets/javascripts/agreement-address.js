// A fragment that names a part this page lacks (agreement-clauses.js reads it, in any of the ways
// readers write a part's number, and loads this script then). From the agreement in brief
// (#agreement-config's outline: the number of preamble paragraphs, then each section's clauses'
// numbers of items), a part on another page opens there, by its short link (/clause/3.3/); a part
// the agreement does not have (#10.9) gets a notice above the text, in the page's language (its
// words are in the language's tools.json), with links to the parts just before and after where
// it would be. The notice goes when the address changes. A retrieval's permanent page has no
// outline: its fragment is left as it is.
//
// Types: JSDoc, checked by TypeScript (make lint); AgreementConfig, ToolsConfig and ClausesWindow
// are in agreement-clauses.js.
(() => {
  "use strict";

  const agreement = /** @type {ClausesWindow} */ (/** @type {unknown} */ (window)).agreement;
  const fill = agreement.fill;
  /** @type {HTMLElement | undefined} */
  let notice;

  /** @param {number[]} part [section, clause, item]; a preamble paragraph is [0, n, 0] */
  const idOf = ([section, clause, item]) => (section ? `${section}.${clause}${item ? `-${item}` : ""}` : `preamble-${clause}`);

  /** @type {Promise<ToolsConfig> | undefined} */
  let words;
  /**
   * @param {AgreementConfig} config the page's: its language's tools.json, fetched once
   * @returns {Promise<ToolsConfig>}
   */
  const toolsOf = (config) => (words ??= fetch(new URL(config.tools, location.href)).then((response) => response.json()));
  /** A notice above the page's text, read out when it appears. */
  const alertNotice = () => {
    const paragraph = Object.assign(document.createElement("p"), { className: "address-notice" });
    paragraph.setAttribute("role", "alert");
    return paragraph;
  };

  agreement.address = async (key, written, config) => {
    notice?.remove();
    notice = undefined;
    const outline = config.outline;
    if (!key || !outline) return;
    const hash = location.hash;
    const tools = await toolsOf(config);
    if (location.hash !== hash) return; // the address has changed meanwhile
    /** @type {number[][]} every part, in reading order */
    const all = [];
    for (let n = 1; n <= /** @type {number} */ (outline[0]); n++) all.push([0, n, 0]);
    outline.slice(1).forEach((clauses, section) =>
      /** @type {number[]} */ (clauses).forEach((items, clause) => {
        for (let item = 0; item <= items; item++) all.push([section + 1, clause + 1, item]);
      }),
    );
    // The first part at or after the one named.
    const after = all.findIndex((part) => (part[0] - key[0] || part[1] - key[1] || part[2] - key[2]) >= 0);
    const root = /** @type {[string, string]} */ (tools.roots.find(([code]) => code === config.language))[1];
    /** @param {number[]} part */
    const href = (part) => (document.getElementById(idOf(part)) ? `#${idOf(part)}` : `${root}clause/${idOf(part)}/`);
    if (after >= 0 && idOf(all[after]) === idOf(key)) {
      location.replace(href(key));
      return;
    }
    notice = alertNotice();
    notice.append(`${fill(tools.address.missing, { number: written })} ${tools.address.nearest} `);
    [all[(after < 0 ? all.length : after) - 1], all[after]].filter(Boolean).forEach((part, index) => {
      const [section, clause, item] = part;
      const link = document.createElement("a");
      link.href = href(part);
      link.textContent = section
        ? fill(item ? tools.names.item : tools.names.clause, { clause: `${section}.${clause}`, item: fill(tools.label, { n: item }) })
        : fill(tools.names.preamble, { n: clause });
      notice?.append(index ? " · " : "", link);
    });
    document.querySelector(".notes-toggle, .agreement-text, .not-found")?.before(notice); // above the title and its notes' control
    notice.scrollIntoView({ block: "nearest" });
  };

  // The page not found: the page meant, when there is one. At an address with a language's code
  // where that language has no such folder (/zh/10-user-conduct/: the original's pages are at the
  // root), that page; inside a dated text (/en/v/2026-11-26/clause/10.1/), that text's first page,
  // or else the versions page, which lists the dated texts: never the current text instead; at
  // the dated texts' folder itself (/v/), the versions page; under /sources/, the data page, which
  // lists every retrieval kept.
  agreement.suggest = async (config) => {
    const tools = await toolsOf(config);
    const site = tools.roots[0][1]; // the original's root is the site's
    const path = location.pathname;
    const root = [...tools.roots].reverse().find(([, each]) => path.startsWith(each))?.[1] ?? site;
    const dated = /^.*\/v\/(?:\d{4}-\d\d-\d\d\/)?/.exec(path);
    const wrongRoot = tools.roots.find(([code, each]) => each !== `${site}${code}/` && path.startsWith(`${site}${code}/`));
    /** @type {string[]} the pages meant, the likeliest first */
    const meant = dated
      ? [...(dated[0].endsWith("/v/") ? [] : [dated[0]]), `${root}versions/`]
      : path.startsWith(`${root}sources/`)
        ? [`${root}data/`]
        : wrongRoot
          ? [wrongRoot[1] + path.slice(`${site}${wrongRoot[0]}/`.length) + location.hash]
          : [];
    for (const href of meant) {
      if (!(await fetch(href, { method: "HEAD" }).then((response) => response.ok, () => false))) continue;
      const link = Object.assign(document.createElement("a"), { href, textContent: href });
      const [before, after] = tools.address.elsewhere.split("{link}");
      const suggestion = alertNotice();
      suggestion.append(before, link, after ?? "");
      document.querySelector(".not-found")?.before(suggestion);
      return;
    }
  };
})();
