import { useI18n } from '../../i18n';
import type { DistrictChoice } from './scope';

/** Offered only when the user's scope covers several districts (or everything). */
export function DistrictPicker({ choice, onChange }: { choice: DistrictChoice; onChange: (districtId: string) => void }) {
  const { t } = useI18n();
  if (choice.options.length === 0) return null;
  return (
    <label className="filter">
      <span>{t('dashboard.district')}</span>
      <select data-testid="district-picker" value={choice.districtId ?? ''} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('dashboard.allDistricts')}</option>
        {choice.options.map((district) => (
          <option key={district.id} value={district.id}>
            {district.name}
          </option>
        ))}
      </select>
    </label>
  );
}
