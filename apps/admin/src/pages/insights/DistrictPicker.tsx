import { useI18n } from '../../i18n';
import { FilterSelect } from '../../components/FilterSelect';
import type { DistrictChoice } from './scope';

/** Offered only when the user's scope covers several districts (or everything). */
export function DistrictPicker({ choice, onChange }: { choice: DistrictChoice; onChange: (districtId: string) => void }) {
  const { t } = useI18n();
  if (choice.options.length === 0) return null;
  return (
    <FilterSelect
      label={t('dashboard.district')}
      testId="district-picker"
      value={choice.districtId ?? ''}
      onChange={onChange}
      allLabel={t('dashboard.allDistricts')}
      options={choice.options.map((district) => ({ value: district.id, label: district.name }))}
    />
  );
}
