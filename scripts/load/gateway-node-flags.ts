/**
 * The Node.js flags the gateway runs with: `npm start` and the Docker image's CMD give the same
 * (gateway-node-flags.spec.ts holds them to it), and the load scripts start it with them, so that
 * what they measure is what is deployed.
 *
 * A young generation of up to 64 MB per semi-space (V8's default on Node 20 is 16 MB): a request
 * leaves almost nothing alive, so a larger one scavenges less often for the same short pause. At
 * 4,500 cache hits a second this halved the scavenges and cut the gateway's CPU by a sixth; V8
 * grows it only as the allocation rate needs, so an idle gateway does not pay for it.
 */
export const GATEWAY_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
