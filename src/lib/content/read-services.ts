// content/services.yaml: the services people depend on, the rows of the status board.
import { FieldReader, isPlainObject, type ReadContext } from './fields.ts';
import { nonAsciiIdProblem, yamlTextProblems } from './text-safety.ts';
import { parseYaml } from './yaml-source.ts';
import { STATUSES, type Service } from '../model/types.ts';
import type { Problem } from './problems.ts';

export const SERVICE_ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The fields of one service (schemas/services.schema.json must list the same). */
export const SERVICE_FIELDS = ['id', 'name', 'description', 'status'];

export function readServices(text: string, languages: string[], timeZone: string, file = 'services.yaml'): { services: Service[]; problems: Problem[] } {
  const yaml = parseYaml(text, file);
  const problems = [...yaml.problems];
  const services: Service[] = [];
  if (yaml.value === undefined) return { services, problems };
  if (!Array.isArray(yaml.value)) {
    problems.push({ level: 'error', file, line: 1, code: 'yaml.not-list' });
    return { services, problems };
  }
  const ctx: ReadContext = { file, yaml, problems, timeZone };
  problems.push(...yamlTextProblems(yaml, file, { singleLine: true }));
  yaml.value.forEach((item, i) => {
    if (!isPlainObject(item)) {
      new FieldReader({}, ctx, [i]).problem('yaml.not-map', undefined);
      return;
    }
    const r = new FieldReader(item, ctx, [i]);
    r.warnUnknown(SERVICE_FIELDS);
    const id = r.string('id', { required: true, example: 'id: hemtjanst' });
    const lookAlike = id === undefined ? undefined : nonAsciiIdProblem(id);
    if (lookAlike) r.problem(lookAlike.code, 'id', lookAlike.params);
    else if (id !== undefined && !SERVICE_ID_RE.test(id)) r.problem('service.id-format', 'id', { value: id });
    else if (id !== undefined && services.some((s) => s.id === id)) r.problem('service.duplicate', 'id', { value: id });
    const name = r.localized('name', { required: true, languages, example: 'name: Hemtjänst' });
    const description = r.localized('description', { languages });
    const status = r.oneOf('status', STATUSES, 'operational');
    if (id !== undefined && SERVICE_ID_RE.test(id) && name !== undefined && !services.some((s) => s.id === id)) {
      services.push({ id, name, description, status });
    }
  });
  return { services, problems };
}
