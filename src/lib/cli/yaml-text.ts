// Values written into YAML by the tools: plain when that reads back as the same string, otherwise
// in double quotes (JSON's escapes are valid YAML), so `Obs: viktigt` or `true` stay text.
import { parse } from 'yaml';

export function yamlString(s: string): string {
  if (s !== '' && !/[\n\r\t"'\\#]/.test(s) && s === s.trim()) {
    try {
      if (parse(`v: ${s}`, { schema: 'core' })?.v === s) return s;
    } catch {
      // not plain-safe: quote it
    }
  }
  return JSON.stringify(s);
}
