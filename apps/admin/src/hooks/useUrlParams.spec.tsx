/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { act, cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { useUrlParams } from './useUrlParams';

function Editor({ edits }: { edits: Array<[Record<string, string | null>, string[]?]> }) {
  const [params, edit] = useUrlParams();
  const location = useLocation();
  return (
    <>
      <button onClick={() => edits.forEach(([changes, alsoRemove]) => edit(changes, alsoRemove))}>edit</button>
      <output data-testid="search">{location.search}</output>
      <output data-testid="indicator">{params.get('indicator') ?? ''}</output>
    </>
  );
}

const search = () => screen.getByTestId('search').textContent;

describe('useUrlParams', () => {
  afterEach(cleanup);

  it('keeps both of two edits made before the page re-renders', () => {
    render(
      <MemoryRouter initialEntries={['/analytics?district=d1']}>
        <Editor edits={[[{ indicator: 'escalations' }], [{ groupBy: 'CATEGORY' }]]} />
      </MemoryRouter>,
    );
    act(() => screen.getByText('edit').click());
    expect(search()).toBe('?district=d1&indicator=escalations&groupBy=CATEGORY');
    expect(screen.getByTestId('indicator').textContent).toBe('escalations');
  });

  it('removes empty values and the names asked to go with an edit', () => {
    render(
      <MemoryRouter initialEntries={['/cultivations?districtId=d1&streetId=s1&communityId=c1&after=x']}>
        <Editor edits={[[{ districtId: 'd2' }, ['streetId', 'communityId']], [{ after: null }]]} />
      </MemoryRouter>,
    );
    act(() => screen.getByText('edit').click());
    expect(search()).toBe('?districtId=d2');
  });

});
