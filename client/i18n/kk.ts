import type { Strings } from "./strings.ts";

export const kk: Strings = {};
