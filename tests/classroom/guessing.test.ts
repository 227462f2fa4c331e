import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootServer, newClass, student, type TestServer } from "./helpers.ts";

let server: TestServer;
beforeAll(async () => { server = await bootServer(); });
afterAll(async () => { await server.close(); });

describe("join codes resist guessing", () => {
  it("wrong codes are rate-limited per address, and an address out of tries is refused even a right code", async () => {
    const { code, teacher } = await newClass(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) statuses.push((await fetch(`${server.http}/api/class/ZZZZZ${i % 10}`)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(statuses.slice(10)).toEqual(Array(4).fill(429));
    await expect(student(server.url, code, "Ana")).rejects.toMatchObject({ code: "rate-limited" });
    await teacher.stop();
  });
});
