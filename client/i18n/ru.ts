import type { Strings } from "./strings.ts";

export const ru: Strings = {};
