// The situation in one look, for the top of the front page: as of when (the latest news of any
// published bulletin), which services do not work normally (worst first), and which do.
import { lastActivity, type ServiceState, type SiteModel } from './derive.ts';
import { STATUSES } from '../model/types.ts';

export interface Situation {
  /** The latest news: a bulletin's publication, correction or update; the build's time when there is none. */
  asOf: Date;
  /** Services that are down, manual or degraded, worst first. */
  notOperational: ServiceState[];
  /** Services that work, in services.yaml order. */
  operational: ServiceState[];
}

/** Worst status first (down, manual, degraded, operational); services.yaml order within a status. */
export function worstFirst(services: ServiceState[]): ServiceState[] {
  const rank = (s: ServiceState) => STATUSES.indexOf(s.status);
  return services.map((s, i) => ({ s, i })).sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i).map(({ s }) => s);
}

export function situation(model: SiteModel): Situation {
  // Every published bulletin counts, staff ones too: their events set the statuses on the board.
  let asOf: Date | undefined;
  for (const g of model.bulletins) {
    const t = lastActivity(g.original);
    if (!asOf || t > asOf) asOf = t;
  }
  const sorted = worstFirst(model.services);
  return {
    asOf: asOf ?? model.now,
    notOperational: sorted.filter((s) => s.status !== 'operational'),
    operational: sorted.filter((s) => s.status === 'operational'),
  };
}
