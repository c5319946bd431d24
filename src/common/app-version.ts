import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// src/common and dist/common both sit two levels below package.json
const packageJson = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'),
) as {
  version: string;
};

export const APP_VERSION = packageJson.version;
export const USER_AGENT = `greenlake-gateway/${APP_VERSION}`;
