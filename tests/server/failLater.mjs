// Loaded before the server (`node --import`): once the server's own handlers are in place, one promise is rejected
// with nobody to catch it (FAIL=reject) or an error is thrown out of a timer (FAIL=throw), each with a stack.
const timer = setInterval(() => {
  if (process.listenerCount("unhandledRejection") === 0 || process.listenerCount("uncaughtException") === 0) return;
  clearInterval(timer);
  const error = new Error("nobody waited for this");
  if (process.env.FAIL === "throw") setTimeout(() => { throw error; }, 0);
  else void Promise.reject(error);
}, 20);
