/** How much to generate. Organizations and cultivations are spread evenly over communities and districts. */
export interface Scale {
  districts: number;
  streetsPerDistrict: number;
  /** In all, spread evenly over the streets. */
  communities: number;
  /** In all, spread evenly over the districts (each works in its own district). */
  institutions: number;
  /** In all, spread evenly over the communities. */
  organizations: number;
  /** At most one per organization, spread evenly over them. */
  cultivations: number;
}

export const SCALES = {
  /** One district as a demonstration shows it: a few streets, some communities, a few institutions, tens of organizations. */
  demo: { districts: 1, streetsPerDistrict: 3, communities: 9, institutions: 3, organizations: 45, cultivations: 30 },
  /** A few hundred cultivations over two districts: what the agreement test runs on. */
  small: { districts: 2, streetsPerDistrict: 3, communities: 12, institutions: 4, organizations: 360, cultivations: 300 },
  /** A city, for benchmarks: 20 districts, 4,000 communities, 400 institutions, 80,000 organizations and as many cultivations. */
  city: { districts: 20, streetsPerDistrict: 10, communities: 4000, institutions: 400, organizations: 80_000, cultivations: 80_000 },
} as const satisfies Record<string, Scale>;

export type ScaleName = keyof typeof SCALES;

export function isScaleName(value: string): value is ScaleName {
  return Object.hasOwn(SCALES, value);
}
