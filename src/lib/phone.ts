// Phone numbers are shown as the officer wrote them ("+46 923 650 00") and dialled from a link
// with digits only (tel:+4692365000): some old phones refuse spaces or dashes in tel: links.
export function telHref(phone: string): string {
  const plus = phone.trim().startsWith('+') ? '+' : '';
  return `tel:${plus}${phone.replace(/\D/g, '')}`;
}

/** The national numbers that work whatever happens to the municipality. */
export const NATIONAL_NUMBERS = [
  { key: 'national.112', phone: '112' },
  { key: 'national.11313', phone: '113 13' },
  { key: 'national.1177', phone: '1177' },
] as const;
