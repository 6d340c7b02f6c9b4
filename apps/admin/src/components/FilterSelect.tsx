/** One option of a filter: the value it sets and what it shows. */
export interface FilterOption {
  value: string;
  label: string;
}

/** Options for a list of values, each labelled by `label`. */
export function filterOptions<T extends string>(values: readonly T[], label: (value: T) => string): FilterOption[] {
  return values.map((value) => ({ value, label: label(value) }));
}

/** A labelled select in a `.filters` bar; `allLabel` heads it with the option of no filter (value ""). */
export function FilterSelect({
  label,
  testId,
  value,
  onChange,
  allLabel,
  options,
}: {
  label: string;
  testId: string;
  value: string;
  onChange: (value: string) => void;
  allLabel?: string;
  options: readonly FilterOption[];
}) {
  return (
    <label className="filter">
      <span>{label}</span>
      <select data-testid={testId} value={value} onChange={(event) => onChange(event.target.value)}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
