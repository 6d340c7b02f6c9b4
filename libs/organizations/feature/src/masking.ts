/**
 * Personal data of organization members, as roles that must not see it get it: analysts read
 * indicators and lists, never who the residents are (the access-control rules of docs/security.md).
 */
export function maskName(name: string): string {
  const characters = [...name.trim()];
  if (characters.length <= 1) return '*';
  return characters[0] + '*'.repeat(characters.length - 1);
}

export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  const digits = phone.replace(/\D/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  const keepStart = digits.length >= 11 ? 3 : 0;
  return digits.slice(0, keepStart) + '*'.repeat(digits.length - keepStart - 4) + digits.slice(-4);
}
