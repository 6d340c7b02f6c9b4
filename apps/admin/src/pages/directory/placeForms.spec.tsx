/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  CREATE_COMMUNITY,
  CREATE_INSTITUTION,
  DISTRICT_STREETS,
  INSTITUTION_DETAIL,
  RECORD_SERVICE_CONTRACT,
  SET_SERVICE_CONTRACT_END,
  UPDATE_COMMUNITY,
  UPDATE_INSTITUTION,
} from '../../graphql/directory';
import { DISTRICTS } from '../../graphql/insights';
import { sessionStore } from '../../auth/session';
import { apiError, renderWithProviders } from '../../test/render';
import { InstitutionDetailPage } from './InstitutionsPage';
import { CommunityCreateForm, CommunityEditForm, ContractEndForm, InstitutionCreateForm, InstitutionRenameForm, ServiceContractForm } from './placeForms';

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

function signInAs(role: 'PROGRAMME_MANAGER' | 'SOCIAL_WORKER' | 'ANALYST' | 'ADMIN') {
  sessionStore.start({
    token: 'access',
    expiresAt: inHours(1),
    refreshToken: 'refresh',
    refreshTokenExpiresAt: inHours(24),
    user: { id: 'u1', username: role.toLowerCase(), displayName: role, role },
  });
}

const districts = {
  request: { query: DISTRICTS },
  result: {
    data: {
      districts: [
        { __typename: 'District', id: 'd-1', name: '东城区', code: 'DC' },
        { __typename: 'District', id: 'd-2', name: '西城区', code: 'XC' },
      ],
    },
  },
};

const streets = {
  request: { query: DISTRICT_STREETS, variables: { id: 'd-1' } },
  result: {
    data: {
      district: {
        __typename: 'District',
        id: 'd-1',
        streets: [
          { __typename: 'Street', id: 's-1', name: '和平街道' },
          { __typename: 'Street', id: 's-2', name: '安定街道' },
        ],
      },
    },
  },
};

const community = { id: 'com-1', name: '幸福里社区', population: 5000, households: 1800, address: '幸福路 1 号', version: 3 };

function contractNode(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'ServiceContract',
    id: 'sc-1',
    reference: 'DC-2026-01',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    inForce: true,
    version: 2,
    district: { __typename: 'District', id: 'd-1', name: '东城区' },
    streets: [{ __typename: 'Street', id: 's-1', name: '和平街道' }],
    ...overrides,
  };
}

describe('the forms of communities, institutions and service contracts', () => {
  afterEach(() => {
    cleanup();
    sessionStore.end('signed-out');
  });

  it('create community: chooses district then street, sends exactly those, and opens the new community', async () => {
    signInAs('PROGRAMME_MANAGER');
    renderWithProviders(<CommunityCreateForm />, {
      path: '/communities?new=1',
      mocks: [
        districts,
        streets,
        {
          request: { query: CREATE_COMMUNITY, variables: { input: { streetId: 's-2', name: '安定里社区' } } },
          result: { data: { createCommunity: { __typename: 'Community', id: 'com-9', name: '安定里社区' } } },
        },
      ],
    });
    await screen.findByText('东城区');
    expect((screen.getByTestId('community-street') as HTMLSelectElement).disabled).toBe(true);
    await userEvent.click(screen.getByTestId('community-submit'));
    expect(screen.getByTestId('field-error-streetId').textContent).toBe('This field is required.');
    expect(screen.getByTestId('field-error-name').textContent).toBe('This field is required.');
    await userEvent.selectOptions(screen.getByTestId('community-district'), 'd-1');
    await screen.findByText('安定街道');
    await userEvent.selectOptions(screen.getByTestId('community-street'), 's-2');
    await userEvent.type(screen.getByTestId('community-name'), ' 安定里社区 ');
    await userEvent.click(screen.getByTestId('community-submit'));
    expect(await screen.findByText('/communities/com-9')).not.toBeNull();
  });

  it('create community: shows the server’s error at the field it names', async () => {
    signInAs('ADMIN');
    renderWithProviders(<CommunityCreateForm />, {
      mocks: [
        districts,
        streets,
        {
          request: { query: CREATE_COMMUNITY, variables: { input: { streetId: 's-1', name: '幸福里社区' } } },
          result: { errors: [apiError('BAD_USER_INPUT', 'The street already has a community of that name', 'input.name')] },
        },
      ],
    });
    await screen.findByText('东城区');
    await userEvent.selectOptions(screen.getByTestId('community-district'), 'd-1');
    await screen.findByText('和平街道');
    await userEvent.selectOptions(screen.getByTestId('community-street'), 's-1');
    await userEvent.type(screen.getByTestId('community-name'), '幸福里社区');
    await userEvent.click(screen.getByTestId('community-submit'));
    expect((await screen.findByTestId('field-error-name')).textContent).toBe('The street already has a community of that name');
    expect(screen.queryByTestId('community-form-error')).toBeNull();
  });

  it('edit community: sends the version read with every field, blank ones as null', async () => {
    signInAs('PROGRAMME_MANAGER');
    renderWithProviders(<CommunityEditForm community={community} />, {
      mocks: [
        {
          request: {
            query: UPDATE_COMMUNITY,
            variables: { input: { id: 'com-1', version: 3, name: '幸福里社区', population: 5200, households: null, address: '幸福路 1 号' } },
          },
          result: {
            data: {
              updateCommunity: { __typename: 'Community', id: 'com-1', name: '幸福里社区', population: 5200, households: null, address: '幸福路 1 号', version: 4 },
            },
          },
        },
      ],
    });
    const population = screen.getByTestId('community-population');
    await userEvent.clear(population);
    await userEvent.type(population, 'many');
    await userEvent.clear(screen.getByTestId('community-households'));
    await userEvent.click(screen.getByTestId('community-save'));
    expect(screen.getByTestId('field-error-population').textContent).toBe('Enter a whole number of 0 or more.');
    await userEvent.clear(population);
    await userEvent.type(population, '5200');
    await userEvent.click(screen.getByTestId('community-save'));
    expect((await screen.findByTestId('community-form-success')).textContent).toBe('Community saved.');
  });

  it('edit community: shows CONFLICT plainly, and a field error at its field', async () => {
    signInAs('PROGRAMME_MANAGER');
    renderWithProviders(<CommunityEditForm community={community} />, {
      mocks: [
        {
          request: {
            query: UPDATE_COMMUNITY,
            variables: { input: { id: 'com-1', version: 3, name: '幸福里社区', population: 5000, households: 9000, address: '幸福路 1 号' } },
          },
          result: { errors: [apiError('BAD_USER_INPUT', 'Households cannot exceed the population', 'input.households')] },
        },
        {
          request: {
            query: UPDATE_COMMUNITY,
            variables: { input: { id: 'com-1', version: 3, name: '幸福里社区', population: 5000, households: 1900, address: '幸福路 1 号' } },
          },
          result: { errors: [apiError('CONFLICT', 'Community com-1 changed since version 3')] },
        },
      ],
    });
    const households = screen.getByTestId('community-households');
    await userEvent.clear(households);
    await userEvent.type(households, '9000');
    await userEvent.click(screen.getByTestId('community-save'));
    expect((await screen.findByTestId('field-error-households')).textContent).toBe('Households cannot exceed the population');
    await userEvent.clear(households);
    await userEvent.type(households, '1900');
    await userEvent.click(screen.getByTestId('community-save'));
    expect((await screen.findByTestId('community-form-error')).textContent).toBe(
      'Someone changed this community since you opened it; nothing was saved. Reload to see their change.',
    );
  });

  it('community forms are not offered to other roles', () => {
    for (const role of ['SOCIAL_WORKER', 'ANALYST'] as const) {
      signInAs(role);
      renderWithProviders(
        <>
          <CommunityCreateForm />
          <CommunityEditForm community={community} />
        </>,
      );
      expect(screen.queryByTestId('community-create-form')).toBeNull();
      expect(screen.queryByTestId('community-edit-form')).toBeNull();
      cleanup();
    }
  });

  it('create institution: sends the trimmed name, and shows a taken name at its field', async () => {
    signInAs('PROGRAMME_MANAGER');
    renderWithProviders(<InstitutionCreateForm />, {
      mocks: [
        {
          request: { query: CREATE_INSTITUTION, variables: { input: { name: '阳光社工服务中心' } } },
          result: { errors: [apiError('BAD_USER_INPUT', 'An institution of that name exists', 'input.name')] },
        },
        {
          request: { query: CREATE_INSTITUTION, variables: { input: { name: '晨光社工服务中心' } } },
          result: { data: { createInstitution: { __typename: 'Institution', id: 'inst-9', name: '晨光社工服务中心', version: 1 } } },
        },
      ],
    });
    await userEvent.type(screen.getByTestId('institution-name'), ' 阳光社工服务中心 ');
    await userEvent.click(screen.getByTestId('institution-submit'));
    expect((await screen.findByTestId('field-error-name')).textContent).toBe('An institution of that name exists');
    await userEvent.clear(screen.getByTestId('institution-name'));
    await userEvent.type(screen.getByTestId('institution-name'), '晨光社工服务中心');
    await userEvent.click(screen.getByTestId('institution-submit'));
    expect(await screen.findByText('/institutions/inst-9')).not.toBeNull();
  });

  it('rename institution: sends the version read, then the version each save returns; CONFLICT shown plainly', async () => {
    signInAs('PROGRAMME_MANAGER');
    renderWithProviders(<InstitutionRenameForm institution={{ id: 'inst-1', name: '阳光社工', version: 5 }} />, {
      mocks: [
        {
          request: { query: UPDATE_INSTITUTION, variables: { input: { id: 'inst-1', version: 5, name: '阳光社工服务中心' } } },
          result: { data: { updateInstitution: { __typename: 'Institution', id: 'inst-1', name: '阳光社工服务中心', version: 6 } } },
        },
        {
          request: { query: UPDATE_INSTITUTION, variables: { input: { id: 'inst-1', version: 6, name: '阳光' } } },
          result: { errors: [apiError('CONFLICT', 'Institution inst-1 changed since version 6')] },
        },
      ],
    });
    const name = screen.getByTestId('institution-rename-name');
    await userEvent.clear(name);
    await userEvent.type(name, '阳光社工服务中心');
    await userEvent.click(screen.getByTestId('institution-rename-submit'));
    expect((await screen.findByTestId('institution-form-success')).textContent).toBe('Institution renamed.');
    await userEvent.clear(name);
    await userEvent.type(name, '阳光');
    await userEvent.click(screen.getByTestId('institution-rename-submit'));
    expect((await screen.findByTestId('institution-form-error')).textContent).toBe(
      'Someone changed this institution since you opened it; nothing was saved. Reload to see their change.',
    );
  });

  it('record contract: sends the district, the streets chosen, the reference and the period; server errors at their fields', async () => {
    signInAs('PROGRAMME_MANAGER');
    const input = { institutionId: 'inst-1', districtId: 'd-1', streetIds: ['s-1', 's-2'], reference: 'DC-2026-07', startsOn: '2026-07-01', endsOn: '2027-06-30' };
    renderWithProviders(<ServiceContractForm institutionId="inst-1" />, {
      mocks: [
        districts,
        streets,
        {
          request: { query: RECORD_SERVICE_CONTRACT, variables: { input } },
          result: { errors: [apiError('BAD_USER_INPUT', 'The district has a contract of that reference', 'input.reference')] },
        },
        {
          request: { query: RECORD_SERVICE_CONTRACT, variables: { input: { ...input, reference: 'DC-2026-08' } } },
          result: {
            data: {
              recordServiceContract: contractNode({
                id: 'sc-9',
                reference: 'DC-2026-08',
                startsOn: '2026-07-01',
                endsOn: '2027-06-30',
                version: 1,
                streets: [
                  { __typename: 'Street', id: 's-1', name: '和平街道' },
                  { __typename: 'Street', id: 's-2', name: '安定街道' },
                ],
              }),
            },
          },
        },
      ],
    });
    await screen.findByText('东城区');
    await userEvent.click(screen.getByTestId('contract-submit'));
    for (const field of ['districtId', 'reference', 'startsOn', 'endsOn']) expect(screen.getByTestId(`field-error-${field}`).textContent).toBe('This field is required.');
    await userEvent.selectOptions(screen.getByTestId('contract-district'), 'd-1');
    await screen.findByText('安定街道');
    await userEvent.selectOptions(screen.getByTestId('contract-streets'), ['s-1', 's-2']);
    await userEvent.type(screen.getByTestId('contract-reference'), 'DC-2026-07');
    await userEvent.type(screen.getByTestId('contract-startsOn'), '2026-07-01');
    await userEvent.type(screen.getByTestId('contract-endsOn'), '2026-06-30');
    await userEvent.click(screen.getByTestId('contract-submit'));
    expect(screen.getByTestId('field-error-endsOn').textContent).toBe('The last day cannot come before the first.');
    await userEvent.clear(screen.getByTestId('contract-endsOn'));
    await userEvent.type(screen.getByTestId('contract-endsOn'), '2027-06-30');
    await userEvent.click(screen.getByTestId('contract-submit'));
    expect((await screen.findByTestId('field-error-reference')).textContent).toBe('The district has a contract of that reference');
    await userEvent.clear(screen.getByTestId('contract-reference'));
    await userEvent.type(screen.getByTestId('contract-reference'), 'DC-2026-08');
    await userEvent.click(screen.getByTestId('contract-submit'));
    expect((await screen.findByTestId('contract-form-success')).textContent).toBe('Service contract recorded.');
  });

  it('move a contract’s end: sends the version read and the new day; a server error shows at the field', async () => {
    signInAs('PROGRAMME_MANAGER');
    let done = 0;
    renderWithProviders(<ContractEndForm contract={contractNode()} onDone={() => (done += 1)} />, {
      mocks: [
        {
          request: { query: SET_SERVICE_CONTRACT_END, variables: { input: { id: 'sc-1', version: 2, endsOn: '2026-01-02' } } },
          result: { errors: [apiError('BAD_USER_INPUT', 'Organizations are cultivated under this contract until 2026-06-30', 'input.endsOn')] },
        },
        {
          request: { query: SET_SERVICE_CONTRACT_END, variables: { input: { id: 'sc-1', version: 2, endsOn: '2027-03-31' } } },
          result: { data: { setServiceContractEnd: contractNode({ endsOn: '2027-03-31', version: 3 }) } },
        },
      ],
    });
    const endsOn = screen.getByTestId('contract-end-on') as HTMLInputElement;
    expect(endsOn.value).toBe('2026-12-31');
    await userEvent.clear(endsOn);
    await userEvent.type(endsOn, '2025-12-31');
    await userEvent.click(screen.getByTestId('contract-end-submit'));
    expect(screen.getByTestId('field-error-endsOn').textContent).toBe('The last day cannot come before the first.');
    await userEvent.clear(endsOn);
    await userEvent.type(endsOn, '2026-01-02');
    await userEvent.click(screen.getByTestId('contract-end-submit'));
    expect((await screen.findByTestId('field-error-endsOn')).textContent).toBe('Organizations are cultivated under this contract until 2026-06-30');
    await userEvent.clear(endsOn);
    await userEvent.type(endsOn, '2027-03-31');
    await userEvent.click(screen.getByTestId('contract-end-submit'));
    await waitFor(() => expect(done).toBe(1));
    await waitFor(() => expect((screen.getByTestId('contract-end-submit') as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByTestId('field-error-endsOn')).toBeNull();
  });

  it('institution forms are not offered to other roles', () => {
    for (const role of ['SOCIAL_WORKER', 'ANALYST'] as const) {
      signInAs(role);
      renderWithProviders(
        <>
          <InstitutionCreateForm />
          <InstitutionRenameForm institution={{ id: 'inst-1', name: '阳光社工', version: 5 }} />
          <ServiceContractForm institutionId="inst-1" />
          <ContractEndForm contract={contractNode()} />
        </>,
      );
      for (const form of ['institution-create-form', 'institution-rename-form', 'contract-form', 'contract-end-form']) expect(screen.queryByTestId(form)).toBeNull();
      cleanup();
    }
  });

  it('institution page: staff and contracts for everyone, the forms only for programme managers', async () => {
    const detail = {
      request: { query: INSTITUTION_DETAIL, variables: { id: 'inst-1' } },
      result: {
        data: {
          institution: {
            __typename: 'Institution',
            id: 'inst-1',
            name: '阳光社工服务中心',
            version: 5,
            createdAt: '2026-01-05T02:00:00.000Z',
            staff: [
              { __typename: 'InstitutionStaffMember', userId: 'u-7', displayName: '王主任', role: 'INSTITUTION_DIRECTOR' },
              { __typename: 'InstitutionStaffMember', userId: 'u-8', displayName: '李社工', role: 'SOCIAL_WORKER' },
            ],
            serviceContracts: [contractNode(), contractNode({ id: 'sc-2', reference: 'DC-2025-01', inForce: false, streets: [] })],
          },
        },
      },
    };
    signInAs('ANALYST');
    renderWithProviders(<InstitutionDetailPage />, { path: '/institutions/inst-1', route: '/institutions/:id', mocks: [detail] });
    const staff = await screen.findAllByTestId('staff-row');
    expect(staff.map((row) => row.textContent)).toEqual(['王主任Institution director', '李社工Social worker']);
    const contracts = screen.getAllByTestId('contract-row');
    expect(contracts.map((row) => row.getAttribute('data-in-force'))).toEqual(['true', 'false']);
    expect(contracts[1]!.textContent).toContain('Whole district');
    expect(screen.queryByTestId('institution-rename')).toBeNull();
    expect(screen.queryByTestId('contract-end-open')).toBeNull();
    expect(screen.queryByTestId('contract-form')).toBeNull();
    cleanup();

    signInAs('PROGRAMME_MANAGER');
    renderWithProviders(<InstitutionDetailPage />, { path: '/institutions/inst-1', route: '/institutions/:id', mocks: [detail, districts] });
    await screen.findAllByTestId('staff-row');
    expect(screen.getByTestId('contract-form')).not.toBeNull();
    await userEvent.click(screen.getAllByTestId('contract-end-open')[0]!);
    expect((screen.getByTestId('contract-end-on') as HTMLInputElement).value).toBe('2026-12-31');
    await userEvent.click(screen.getByTestId('institution-rename'));
    expect((screen.getByTestId('institution-rename-name') as HTMLInputElement).value).toBe('阳光社工服务中心');
  });
});
