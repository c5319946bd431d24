import { GatewayError } from 'src/common/errors/gateway-error';
import { callbackSignature } from './callback-signature.util';
import { checkCallbackUrl } from './callback-url.util';

const ALLOWED = ['hooks.example:443', '127.0.0.1:8080', '[::1]:9000'];

function refusal(url: string, allowed: string[] = ALLOWED): string {
  try {
    checkCallbackUrl(url, allowed);
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    return (error as GatewayError).message;
  }
  throw new Error(`${url} was accepted`);
}

describe(checkCallbackUrl.name, () => {
  it.each([
    'https://hooks.example/tasks',
    'https://HOOKS.example:443/tasks?team=a',
    'http://127.0.0.1:8080/',
    'http://[::1]:9000/hook',
    // The WHATWG parser normalises the address first: what is checked is what is contacted
    'http://2130706433:8080/',
  ])('accepts %s', (url) => {
    expect(checkCallbackUrl(url, ALLOWED)).toBeInstanceOf(URL);
  });

  it.each([
    ['http://hooks.example/tasks', 'hooks.example:80 is not in GATEWAY_CALLBACK_HOSTS'],
    ['https://hooks.example:8443/', 'hooks.example:8443 is not in GATEWAY_CALLBACK_HOSTS'],
    ['https://hooks.example.evil.test/', 'is not in GATEWAY_CALLBACK_HOSTS'],
    ['http://2130706433:9000/', '127.0.0.1:9000 is not in GATEWAY_CALLBACK_HOSTS'],
    ['https://user:pw@hooks.example/', 'must not carry credentials'],
    ['https://user@hooks.example/', 'must not carry credentials'],
    ['file:///etc/passwd', 'http or https'],
    ['javascript:alert(1)', 'http or https'],
    ['//hooks.example/', 'http or https'],
    [`https://hooks.example/${'a'.repeat(2100)}`, 'at most 2048'],
  ])('refuses %s', (url, message) => {
    expect(refusal(url)).toContain(message);
  });

  it('names GATEWAY_CALLBACK_HOSTS when the list is empty', () => {
    expect(refusal('https://hooks.example/', [])).toContain('set GATEWAY_CALLBACK_HOSTS');
  });
});

describe(callbackSignature.name, () => {
  it('is sha256= and the hex HMAC of the exact body', () => {
    // echo -n '{"task":{}}' | openssl dgst -sha256 -hmac secret
    expect(callbackSignature('secret', '{"task":{}}')).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(callbackSignature('secret', '{"task":{}}')).not.toBe(
      callbackSignature('secret', '{"task": {}}'),
    );
  });
});
