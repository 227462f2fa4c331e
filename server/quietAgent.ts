/*
 * Colyseus starts PM2's monitoring agent (@pm2/io) whenever the package is installed (here it arrives with the test
 * tools' dependencies), to feed PM2's dashboards with its room and connection counts. This server is not run under
 * PM2, and the agent is far from idle: it connects an inspector session with the CPU and heap profilers enabled,
 * lists every open handle (one per socket: thousands) every second and again every three, wraps the HTTP server,
 * and installs handlers for uncaught errors that print whole stack traces. The agent adopts an instance it finds
 * under its global key instead of starting one, so this module leaves one there that takes Colyseus's metrics and
 * does nothing. Import it before Colyseus starts listening.
 */

const AGENT_KEY = Symbol.for("@pm2/io");

const globals = globalThis as Record<symbol, unknown>;
if (!(AGENT_KEY in globals)) globals[AGENT_KEY] = { metric: () => ({ set: () => {} }) };

export {};
