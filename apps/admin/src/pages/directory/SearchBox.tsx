import { useEffect, useState, type FormEvent } from 'react';

/** A text filter applied on Enter (or the button), not per keystroke: one request per search. */
export function SearchBox({ label, value, onSearch, testId }: { label: string; value: string; onSearch: (value: string) => void; testId: string }) {
  const [text, setText] = useState(value);
  // Follows the URL when it changes otherwise (back button, "clear filters").
  useEffect(() => setText(value), [value]);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch(text.trim());
  }
  return (
    <form className="filter filter-search" onSubmit={onSubmit} role="search">
      <label>
        <span>{label}</span>
        <input type="search" data-testid={testId} value={text} onChange={(event) => setText(event.target.value)} />
      </label>
    </form>
  );
}
