/*
 * Makes @colyseus/sdk use the `ws` package instead of Node's built-in WebSocket (undici) in the load
 * generator: `ws` is lighter per message with thousands of sockets in one process. Import before the SDK.
 */
delete (globalThis as { WebSocket?: unknown }).WebSocket;
