module.exports = async function globalTeardown() {
  const server = globalThis.__HAVEN_SERVER__;
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
};
