/**
 * Loaded into a CLI under test (`tsx --import`): every http(s) request the command makes is answered by the
 * local test server named in SANAD_TEST_SERVER, as `/<host><path>`, so a command that must reach only the
 * sites it is given can be run end to end against saved pages, with real HTTP and nothing leaving the machine.
 */
const server = process.env.SANAD_TEST_SERVER;
if (!server) throw new Error('SANAD_TEST_SERVER is not set');
const realFetch = globalThis.fetch;
const NULL_BODY = new Set([101, 204, 205, 304]);

globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const local = await realFetch(`${server}/${url.host}${url.pathname}${url.search}`, { ...init, redirect: 'manual' });
  // A Response made here has no url of its own: the command sees the address it asked for.
  const body = NULL_BODY.has(local.status) ? null : await local.arrayBuffer();
  return new Response(body, { status: local.status, statusText: local.statusText, headers: local.headers });
};
