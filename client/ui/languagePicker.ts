import { h } from "./dom.ts";
import "./language.css";
import { LANGUAGES, LANGUAGE_NAMES, language, switchLanguage, t, type Language } from "../i18n/strings.ts";

/** The language picker: each language by its own name; choosing one reloads the page in it. */
export function languagePicker(id = "lang-picker"): HTMLElement {
  const select = h("select", { id, "aria-label": t("common.language") },
    ...LANGUAGES.map((l) => h("option", { value: l, lang: l, selected: l === language() }, LANGUAGE_NAMES[l])));
  select.addEventListener("change", () => { if (select.value !== language()) switchLanguage(select.value as Language); });
  return h("label", { class: "lang-picker", title: t("common.language") }, select);
}
