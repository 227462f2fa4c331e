import { t } from "../i18n/strings.ts";
import { h } from "../ui/dom.ts";

export type TeacherView = "map" | "class";

/** Kept for this tab only (sessionStorage), like the open dashboard itself: a reload comes back to the same view. */
const VIEW_KEY = "ngg.teacher.view";

function remembered(): TeacherView {
  try {
    return sessionStorage.getItem(VIEW_KEY) === "class" ? "class" : "map";
  } catch {
    return "map";
  }
}

/**
 * The teacher's Map / Class switch while the game runs: two buttons, the one shown pressed (aria-pressed), each
 * reached with Tab and worked with Enter or Space. One element, moved between the map's side column and the class
 * view's header, so its ids stay unique and the choice outlives every re-render.
 */
export class ViewSwitch {
  value: TeacherView = remembered();
  private buttons: Record<TeacherView, HTMLButtonElement>;
  readonly el: HTMLElement;

  constructor(onChange: (view: TeacherView) => void) {
    const button = (view: TeacherView) => h("button", {
      type: "button", id: `view-${view}`, "data-view": view, title: t(`classroom.map.${view}Hint`),
      onclick: () => {
        if (this.value === view) return;
        this.value = view;
        try { sessionStorage.setItem(VIEW_KEY, view); } catch { /* storage blocked: the choice lasts until the page goes */ }
        this.show();
        onChange(view);
      },
    }, t(`classroom.map.${view}`));
    this.buttons = { map: button("map"), class: button("class") };
    this.el = h("div", { class: "view-switch", role: "group", id: "view-switch", "aria-label": t("classroom.map.switch") }, this.buttons.map, this.buttons.class);
    this.show();
  }

  private show(): void {
    for (const [view, b] of Object.entries(this.buttons)) b.setAttribute("aria-pressed", String(view === this.value));
  }

  /** Keeps the keyboard where it was after the view changed under it: on the button now pressed. */
  focus(): void {
    this.buttons[this.value].focus();
  }
}
