// The floor for `npm run bench`: a bare Node.js reverse proxy (keep-alive, one fixed bearer token),
// doing nothing a gateway must do. What any gateway costs above this is its own work.
const http = require('node:http');

const target = new URL(process.env.BARE_PROXY_TARGET);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const headers = { authorization: process.env.BARE_PROXY_AUTHORIZATION, accept: 'application/json' };

http
  .createServer((req, res) => {
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        headers,
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, {
          'content-type': answer.headers['content-type'] ?? 'application/json',
        });
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  })
  .listen(Number(process.env.BARE_PROXY_PORT), '127.0.0.1', () => console.log('bare proxy ready'));
