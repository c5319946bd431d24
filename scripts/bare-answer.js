// The floor of `npm run bench`'s paced run: a bare Node.js server answering one fixed JSON body
// (the cache hit's own bytes), so the paced figure can be read against what the load generator and
// this machine show for a server that does nothing at all.
const http = require('node:http');
const { readFileSync } = require('node:fs');

const body = readFileSync(process.env.BARE_ANSWER_FILE);

http
  .createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(body);
  })
  .listen(Number(process.env.BARE_ANSWER_PORT), '127.0.0.1', () =>
    console.log('bare answer ready'),
  );
