/** The pass lives with the game host, which plays it for every bot; the class room's deadline plays it for a team. */
export { passInput } from "../../shared/host/pass.ts";
