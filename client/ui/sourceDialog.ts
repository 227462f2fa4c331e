import { h } from "./dom.ts";
import { t } from "../i18n/strings.ts";
import { citationText } from "./citation.ts";

export interface SourceRef { file: string; quote: string }

/** Shows where a card or action comes from: the article as people cite it, and the quote, in a modal dialog. */
export function showSource(name: string, source: SourceRef): void {
  const close = h("button", { class: "primary", type: "button" }, t("common.close"));
  const dialog = h("dialog", { "aria-labelledby": "source-title", class: "source-dialog" },
    h("h2", { id: "source-title" }, t("common.sourceOf", { name })),
    // The article as it is cited: in its own language (English), like its quotation.
    h("p", { class: "citation", id: "source-citation", lang: "en" }, citationText(source.file)),
    // The article's words verbatim, in English, marked as the original in every language of the interface.
    h("p", { class: "original-mark", id: "source-original" }, t("source.original")),
    h("blockquote", { lang: "en", class: "original-quote" }, `“${source.quote}”`),
    h("div", { class: "actions" }, close),
  );
  close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => dialog.remove());
  document.body.appendChild(dialog);
  dialog.showModal();
  close.focus();
}

export function sourceButton(name: string, source: SourceRef, className = "link"): HTMLButtonElement {
  return h("button", { type: "button", class: className, "aria-label": t("common.sourceOf", { name }), onclick: () => showSource(name, source) }, t("common.source"));
}
