import { h } from "../ui/dom.ts";
import { t } from "../i18n/strings.ts";

/*
 * The teacher key on the dashboard: the only way to run this class again from another computer (next
 * lesson, a colleague's room). Hidden until asked for (a projector may be mirroring the screen), with a
 * copy button and a printable note on how to reopen the class.
 */

export function teacherKeyBox(details: { code: string; key: string; name: () => string; address: () => string }, say: (text: string) => void): HTMLElement {
  const value = h("code", { id: "teacher-key", class: "teacher-key", hidden: true }, details.key);
  const show = h("button", { type: "button", class: "small", id: "show-key", "aria-expanded": "false", "aria-controls": "teacher-key" }, t("classroom.key.show"));
  show.addEventListener("click", () => {
    value.hidden = !value.hidden;
    show.textContent = value.hidden ? t("classroom.key.show") : t("classroom.key.hide");
    show.setAttribute("aria-expanded", String(!value.hidden));
  });
  const copy = h("button", { type: "button", class: "small", id: "copy-key" }, t("classroom.key.copy"));
  copy.addEventListener("click", () => {
    // The clipboard needs a secure page (https or localhost); elsewhere the key is shown and selected for copying by hand.
    void (navigator.clipboard?.writeText(details.key) ?? Promise.reject(new Error("no clipboard"))).then(
      () => say(t("classroom.key.copied")),
      () => {
        value.hidden = false;
        show.textContent = t("classroom.key.hide");
        getSelection()?.selectAllChildren(value);
        say(t("classroom.key.copyByHand"));
      });
  });
  const print = h("button", { type: "button", class: "small", id: "print-key" }, t("classroom.key.print"));
  print.addEventListener("click", () => printNote(details));
  return h("div", { class: "teacher-key-box", id: "teacher-key-box" },
    h("strong", {}, `${t("classroom.create.key")}: `), value, " ", show, " ", copy, " ", print,
    h("p", { class: "hint" }, t("classroom.key.why")));
}

/** A page-sized note with everything needed to reopen the class; only the note prints. */
function printNote(details: { code: string; key: string; name: () => string; address: () => string }): void {
  const note = h("section", { class: "reopen-note", id: "reopen-note" },
    h("h1", {}, t("classroom.key.noteHeading", { name: details.name() })),
    h("p", {}, t("classroom.key.noteIntro")),
    h("ol", {},
      h("li", {}, t("classroom.key.noteStep1", { address: details.address() })),
      h("li", {}, t("classroom.key.noteStep2")),
      h("li", {}, t("classroom.key.noteStep3"))),
    h("dl", {},
      h("dt", {}, t("classroom.create.code")), h("dd", { id: "note-code" }, details.code),
      h("dt", {}, t("classroom.create.key")), h("dd", { id: "note-key" }, details.key)),
    h("p", { class: "hint" }, t("classroom.key.noteKeep")));
  document.body.appendChild(note);
  document.body.classList.add("printing-note");
  const done = () => {
    document.body.classList.remove("printing-note");
    note.remove();
    removeEventListener("afterprint", done);
  };
  addEventListener("afterprint", done);
  print();
}
