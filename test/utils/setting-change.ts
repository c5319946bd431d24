import request from 'supertest';

/** A setting as the gateway lists it: what a test needs to change its value. */
export interface ListedSetting {
  id: string;
  currentValue: string;
  /** GreenLake's JSON array of the values the setting accepts. */
  possibleValues: string;
}

/**
 * PATCHes a setting to another of its possible values through the gateway's simplified route
 * (expecting 200); answers the value it set, for the test to look for in the next list.
 */
export async function changeSetting(
  gatewayUrl: string,
  regionPath: string,
  headers: Record<string, string>,
  setting: ListedSetting,
): Promise<string> {
  const possible: string[] = JSON.parse(setting.possibleValues);
  const next = possible.find((value) => value !== setting.currentValue) ?? possible[0];
  await request(gatewayUrl)
    .patch(`${regionPath}/settings/${setting.id}`)
    .set(headers)
    .send({ currentValue: next })
    .expect(200);
  return next;
}
