import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataOf, graphql, requireDatabaseUrl, servedSchema, startTestApp, tokenFor, uniqueSuffix, type TestApp } from '@peiyu/platform-testing';
import { readSubgraphSchema } from '@peiyu/platform-schema';
import { CommunitiesServiceModule } from './app.module.js';

describe('communities-service', () => {
  let service: TestApp;
  let managerToken: string;

  beforeAll(async () => {
    service = await startTestApp(CommunitiesServiceModule.forDatabase(requireDatabaseUrl()));
    managerToken = await tokenFor('PROGRAMME_MANAGER');
  });
  afterAll(() => service.close());

  it('serves the schema committed in libs/platform/schema (run `npm run schema:update` after changing a type)', async () => {
    expect(await servedSchema(service.url)).toBe(readSubgraphSchema('communities'));
  });

  const createDistrict = `mutation ($input: CreateDistrictInput!) { createDistrict(input: $input) { id name code } }`;

  it('records a district > street > community hierarchy and reads it back', async () => {
    const code = `D-${uniqueSuffix()}`;
    const { createDistrict: district } = dataOf(await graphql<{ createDistrict: { id: string } }>(service.url, createDistrict, { input: { name: '测试区', code } }, managerToken));
    const { createStreet: street } = dataOf(
      await graphql<{ createStreet: { id: string } }>(service.url, `mutation ($input: CreateStreetInput!) { createStreet(input: $input) { id } }`, { input: { districtId: district.id, name: '和平街道' } }, managerToken),
    );
    dataOf(await graphql(service.url, `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`, { input: { streetId: street.id, name: '幸福社区' } }, managerToken));

    const { district: read } = dataOf(
      await graphql<{ district: { code: string; streets: { name: string; communities: { name: string; districtId: string }[] }[] } }>(
        service.url,
        `query ($id: ID!) { district(id: $id) { code streets { name communities { name districtId } } } }`,
        { id: district.id },
        managerToken,
      ),
    );
    expect(read).toEqual({ code, streets: [{ name: '和平街道', communities: [{ name: '幸福社区', districtId: district.id }] }] });
  });

  it('refuses a request without a token as UNAUTHENTICATED', async () => {
    const result = await graphql(service.url, '{ districts { id } }');
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a social worker creating a district as FORBIDDEN, writing nothing', async () => {
    const code = `D-${uniqueSuffix()}`;
    const result = await graphql(service.url, createDistrict, { input: { name: '越权区', code } }, await tokenFor('SOCIAL_WORKER'));
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { districts } = dataOf(await graphql<{ districts: { code: string }[] }>(service.url, '{ districts { code } }', {}, managerToken));
    expect(districts.map((d) => d.code)).not.toContain(code);
  });

  it('names the field of invalid input and of a parent that does not exist', async () => {
    const badCode = await graphql(service.url, createDistrict, { input: { name: '坏代码区', code: 'has space' } }, managerToken);
    expect(badCode.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'code' });

    const missingStreet = await graphql(
      service.url,
      `mutation ($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`,
      { input: { streetId: '00000000-0000-4000-8000-000000000000', name: '无街道社区' } },
      managerToken,
    );
    expect(missingStreet.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'streetId' });
  });

  it('answers NOT_FOUND for an unknown id, without internals', async () => {
    const result = await graphql(service.url, `{ district(id: "00000000-0000-4000-8000-000000000001") { id } }`, {}, managerToken);
    expect(result.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND' });
    expect(JSON.stringify(result)).not.toMatch(/stack|QueryFailedError|at /);
  });
});
