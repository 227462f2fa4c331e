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

/**
 * The picker every full-page screen shows in its top corner. It floats over the page, so once the page under it is
 * scrolled it would cover what scrolls beneath (the end screen's last score header on a phone): it steps aside
 * while a scroll container under it is scrolled down and comes back at the top.
 */
export function cornerLanguagePicker(): HTMLElement {
  const corner = h("div", { class: "lang-fixed" }, languagePicker());
  const under = (el: Element): boolean => {
    const box = el.getBoundingClientRect();
    const own = corner.getBoundingClientRect();
    return box.left <= own.left && box.right >= own.right && box.top <= own.top && box.bottom >= own.bottom;
  };
  document.addEventListener("scroll", (e) => {
    const el = e.target instanceof Element ? e.target : document.scrollingElement;
    if (!el || corner.contains(el)) return;
    // Only a container the corner sits over: a list scrolling elsewhere on the page leaves the picker alone.
    if (el !== document.scrollingElement && !under(el)) return;
    corner.classList.toggle("scrolled-away", el.scrollTop > 4);
  }, { capture: true, passive: true });
  return corner;
}

/** A new screen starts at its top: the corner picker shows again. */
export function resetCornerPicker(): void {
  document.querySelector(".lang-fixed")?.classList.remove("scrolled-away");
}
