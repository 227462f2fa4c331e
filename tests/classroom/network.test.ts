import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lanUrls, publicUrl } from "../../server/classroom/network.ts";
import type { ClassNetwork } from "../../shared/protocol/classroom.ts";
import { bootServer, type TestServer } from "./helpers.ts";

let server: TestServer;
beforeAll(async () => { server = await bootServer(); });
afterAll(async () => {
  delete process.env.PUBLIC_URL;
  await server.close();
});

describe("the join link uses an address students can reach", () => {
  it("PUBLIC_URL when it is a usable address; a bad setting is ignored", () => {
    expect(publicUrl({ PUBLIC_URL: "https://game.school.example/" })).toBe("https://game.school.example");
    expect(publicUrl({ PUBLIC_URL: " http://10.1.2.3:2567 " })).toBe("http://10.1.2.3:2567");
    expect(publicUrl({ PUBLIC_URL: "ftp://x" })).toBeNull();
    expect(publicUrl({ PUBLIC_URL: "not a url" })).toBeNull();
    expect(publicUrl({})).toBeNull();
  });

  it("otherwise this machine's local-network IPv4 addresses, never loopback or link-local", () => {
    const nic = (address: string, family: "IPv4" | "IPv6", internal: boolean) => ({ address, family, internal, netmask: "", mac: "", cidr: null }) as never;
    expect(lanUrls(2567, {
      lo: [nic("127.0.0.1", "IPv4", true), nic("::1", "IPv6", true)],
      eth0: [nic("192.168.1.20", "IPv4", false), nic("fe80::1", "IPv6", false)],
      wlan0: [nic("169.254.3.4", "IPv4", false), nic("10.0.0.7", "IPv4", false)],
    })).toEqual(["http://192.168.1.20:2567", "http://10.0.0.7:2567"]);
  });

  it("GET /api/class-network answers with both, on the server's own port", async () => {
    process.env.PUBLIC_URL = "https://class.example.org";
    const body = (await (await fetch(`${server.http}/api/class-network`)).json()) as ClassNetwork;
    expect(body.publicUrl).toBe("https://class.example.org");
    for (const url of body.lan) expect(url).toMatch(new RegExp(`^http://\\d+\\.\\d+\\.\\d+\\.\\d+:${server.running.port}$`));
    delete process.env.PUBLIC_URL;
    expect(((await (await fetch(`${server.http}/api/class-network`)).json()) as ClassNetwork).publicUrl).toBeNull();
  });

  it("a PUBLIC_URL the server cannot use stops it with one sentence naming the setting", async () => {
    const run = await promisify(execFile)(process.execPath, ["server/main.ts"], {
      env: { ...process.env, PORT: "0", DB_PATH: ":memory:", PUBLIC_URL: "school-server:2567" }, timeout: 30_000,
    }).then(() => ({ code: 0, stderr: "" }), (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }));
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^PUBLIC_URL must be an http\(s\) address/);
  });
});
