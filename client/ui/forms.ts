import { h } from "./dom.ts";
import { errorText } from "../i18n/strings.ts";

/** A labelled select whose options are [value, text] pairs. */
export function selectField(id: string, label: string, options: [string, string][], value: string): { wrap: HTMLElement; select: HTMLSelectElement } {
  const select = h("select", { id, name: id }, ...options.map(([v, text]) => h("option", { value: v, selected: v === value }, text)));
  return { wrap: h("div", {}, h("label", { for: id }, label), select), select };
}

export function textField(id: string, label: string, value: string, attrs: Record<string, string | number> = {}): { wrap: HTMLElement; input: HTMLInputElement } {
  const input = h("input", { id, name: id, value, autocomplete: "off", ...attrs });
  return { wrap: h("div", {}, h("label", { for: id }, label), input), input };
}

export function checkField(id: string, label: string, checked: boolean): { wrap: HTMLElement; input: HTMLInputElement } {
  const input = h("input", { id, type: "checkbox", checked });
  return { wrap: h("label", { class: "check", for: id }, input, label), input };
}

/** Runs an async action with the button disabled and shows its failure next to it. */
export async function busy(button: HTMLButtonElement, errorEl: HTMLElement, work: () => Promise<void>): Promise<void> {
  const text = button.textContent;
  button.disabled = true;
  errorEl.textContent = "";
  try {
    await work();
  } catch (e) {
    errorEl.textContent = errorText(e);
  } finally {
    button.disabled = false;
    button.textContent = text;
  }
}
