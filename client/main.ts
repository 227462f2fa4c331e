import { boot } from "./app.ts";

void boot();
