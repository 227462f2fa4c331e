import { h } from "../ui/dom.ts";
import { t } from "../i18n/strings.ts";
import { page, saved, serverUrl } from "./common.ts";
import { debriefScreen } from "./debrief.ts";
import { ClassLink } from "./net.ts";
import { projectorScreen } from "./projector.ts";
import { studentJoin, studentScreen } from "./student.ts";
import { teacherDashboard, teacherStart } from "./teacher.ts";

/** Which classroom page the address asks for: ?teach, ?class=CODE (students), ?projector=CODE, ?debrief=CODE. */
export function classroomRoute(search = location.search): { page: "teach" | "student" | "projector" | "debrief"; code: string } | null {
  const q = new URLSearchParams(search);
  const code = (name: string) => (q.get(name) ?? "").trim().toUpperCase().replace(/[^A-Z0-9]/g, "").slice(0, 12);
  if (q.has("teach")) return { page: "teach", code: "" };
  if (q.has("class")) return { page: "student", code: code("class") };
  if (q.has("projector")) return { page: "projector", code: code("projector") };
  if (q.has("debrief")) return { page: "debrief", code: code("debrief") };
  return null;
}

/** Mounts the classroom page the address asks for; false when the address is not a classroom one. */
export function classroomPage(root: HTMLElement): boolean {
  const route = classroomRoute();
  if (!route) return false;
  document.body.dataset.screen = "class";
  let unmount: () => void = () => {};
  const show = (mount: () => () => void) => { unmount(); unmount = mount(); };
  if (route.page === "teach") show(() => teacherStart(root, (link) => show(() => teacherDashboard(root, link))));
  else if (route.page === "debrief") show(() => debriefScreen(root, route.code));
  else if (route.page === "student") {
    const last = saved.student();
    // Joined from the menu (`?class=` without a code) or by the class's link: either way the browser holds code and nickname.
    const code = route.code || last?.code || "";
    show(() => studentJoin(root, code, (link) => show(() => studentScreen(root, link))));
    // A refresh brings the student straight back to the team with the stored nickname and this browser's secret.
    if (last && code && last.code === code && last.name) {
      const link = new ClassLink({ url: serverUrl(), code, role: "student", name: last.name, device: saved.device() }, { onCredentials: (c) => saved.setStudent({ code: c.code, name: c.name ?? "" }) });
      void link.start().then(() => show(() => studentScreen(root, link)), () => undefined);
    }
  } else {
    const waiting = page("projector", h("p", { class: "status-big", id: "projector-waiting" }, t("classroom.status.waitingTeacher")));
    show(() => { root.appendChild(waiting); return () => waiting.remove(); });
    const link = new ClassLink({ url: serverUrl(), code: route.code, role: "projector" });
    const attempt = (): void => void link.start().then(() => show(() => projectorScreen(root, link)), () => setTimeout(attempt, 2000));
    attempt();
  }
  return true;
}
