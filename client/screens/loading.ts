import { t } from "../i18n/strings.ts";

/** The loading screen written in index.html, driven by real progress until the board is ready. */
export const loading = {
  set(fraction: number, label: string): void {
    const root = document.getElementById("boot-loading");
    if (!root) return;
    const pct = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
    (root.querySelector(".progress-fill") as HTMLElement).style.width = `${pct}%`;
    root.querySelector(".progress")!.setAttribute("aria-valuenow", String(pct));
    root.querySelector(".progress-label")!.textContent = label;
  },
  fail(message: string): void {
    const root = document.getElementById("boot-loading");
    if (!root) return;
    root.classList.add("error");
    root.querySelector(".progress-label")!.textContent = t("loading.failed", { message });
  },
  done(): void {
    document.getElementById("boot-loading")?.remove();
  },
};
