import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import request from 'supertest';
import { startTestGateway, TestGateway } from 'test/utils/test-gateway';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');
const SCREENSHOT = join(ARTIFACTS, 'swagger-ui.png');
const EXPLORER_KEY = 'explorer-key-000001';
const REGION = 'eu-central';
// Generous: several engineers' test runs share two cores
const STEP_TIMEOUT_MS = 30_000;

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `Skipping the Swagger UI browser test: ${CHROMIUM} is absent (apt-get install chromium; .ci/run installs it).`,
  );
}

(hasChromium ? describe : describe.skip)('Swagger UI in a real browser (headless Chromium)', () => {
  let gw: TestGateway;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // GATEWAY_CACHE=off: the test checks that Try it out reached GreenLake (the simulator)
    gw = await startTestGateway({
      env: { GATEWAY_API_KEYS: `explorer:${EXPLORER_KEY}:read`, GATEWAY_CACHE: 'off' },
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await gw?.close();
  });

  it('authorizes with an API key, then "Try it out" on GET /v1/regions/{region}/issues answers 200 with the issues', async () => {
    // A known item: the first issue of the region, asked for directly
    const direct = await request(gw.url)
      .get(`/v1/regions/${REGION}/issues?limit=5`)
      .set('X-API-Key', EXPLORER_KEY)
      .expect(200);
    const knownId = direct.body.items[0].id as string;
    expect(knownId).toMatch(/^[0-9a-f-]{36}$/);

    await page.goto(`${gw.url}/docs`);
    await page
      .locator('.swagger-ui .info .title')
      .filter({ hasText: 'GreenLake Gateway' })
      .waitFor();

    // Authorize: the api-key scheme's dialog
    await page.locator('.swagger-ui .auth-wrapper .authorize').click();
    const dialog = page.locator('.swagger-ui .dialog-ux .modal-ux');
    await dialog
      .locator('.auth-container', { hasText: 'api-key' })
      .locator('input')
      .fill(EXPLORER_KEY);
    await dialog.locator('.auth-btn-wrapper .authorize').first().click();
    await dialog.locator('.auth-btn-wrapper .btn-done').click();
    await page.locator('.swagger-ui .auth-wrapper .authorize.locked').waitFor();

    // Try it out: GET /v1/regions/{region}/issues
    const operation = page.locator('#operations-Issues-listIssues');
    await operation.locator('.opblock-summary').click();
    await operation.locator('.try-out__btn').click();
    // Swagger UI fills optional parameters with their examples (a filter, a severity...): clear
    // them, as a person exploring would, so that the call lists the region's issues
    const parameters = operation.locator('tr[data-param-name]');
    for (const row of await parameters.all()) {
      const name = await row.getAttribute('data-param-name');
      const input = row.locator('input[type="text"], input:not([type])');
      const select = row.locator('select');
      if (name === 'region') {
        await input.fill(REGION);
      } else if (name === 'limit') {
        await input.fill('5');
      } else if ((await input.count()) > 0) {
        await input.fill('');
      } else if ((await select.count()) > 0) {
        await select.selectOption({ index: 0 });
      }
    }
    gw.simulator.controls.clearRequests();
    await operation.locator('.execute').click();

    const live = operation.locator('.live-responses-table');
    const status = live.locator('.response .response-col_status').first();
    await status.waitFor();
    expect((await status.innerText()).trim()).toBe('200');
    const body = live.locator('.response-col_description .microlight').first();
    await body.waitFor();
    expect(await body.innerText()).toContain(knownId);
    // The browser's call went through the gateway to GreenLake (the simulator)
    expect(
      gw.simulator.controls.requests({
        target: 'data',
        pathPrefix: '/data-services/v1beta1/issues',
      }),
    ).toHaveLength(1);

    mkdirSync(ARTIFACTS, { recursive: true });
    // The operation's summary, the curl Swagger UI ran (with the key) and the live answer
    await operation.locator('.responses-wrapper').scrollIntoViewIfNeeded();
    await page.screenshot({ path: SCREENSHOT });
    expect(existsSync(SCREENSHOT)).toBe(true);
  }, 120_000);
});
