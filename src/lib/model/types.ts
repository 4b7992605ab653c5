// The content model: what `content/` means once it has been read and checked.
// Plain data, no Astro: the site, the feeds, the command-line tools and the tests share it.

/** A display string: the same in every language, or one string per language code. */
export type Localized = string | Record<string, string>;

/** Service statuses, worst first. The order matters: it is used to sort and to compare. */
export const STATUSES = ['down', 'manual', 'degraded', 'operational'] as const;
export type Status = (typeof STATUSES)[number];

export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const AUDIENCES = ['public', 'staff'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface Contact {
  name: Localized;
  phone?: string;
  email?: string;
  hours?: Localized;
  url?: string;
}

export interface Channel {
  name: Localized;
  url: string;
}

export interface Site {
  sender: string;
  title: Localized;
  description?: Localized;
  /** Absolute URL the site is served from, always ending in '/'. */
  url: string;
  timezone: string;
  /** Path relative to content/. */
  logo?: string;
  /** BCP 47 codes; the first is the default language. */
  languages: string[];
  contacts: Contact[];
  channels: Channel[];
  /** Optional: an e-mail or URL outside the compromised domain, for security.txt. */
  securityContact?: string;
}

export interface Service {
  id: string;
  name: Localized;
  description?: Localized;
  /** Status before any bulletin sets one. */
  status: Status;
}

/** A reference to an image file, resolved to a path relative to content/. */
export interface ImageRef {
  /** Path relative to the content directory, with forward slashes. */
  src: string;
  alt: string;
  credit?: string;
  /** Marked `imageDecorative: true`: says nothing the text does not, so `alt` is empty on purpose. */
  decorative?: boolean;
}

export interface BulletinUpdate {
  at: Date;
  /** Markdown. */
  text: string;
  /** The language `text` is written in: the original's while the translation lacks this update. */
  textLang: string;
  services: Record<string, Status>;
  /** Stable identifier derived from `at`: the anchor on the page and part of the feed guid. */
  id: string;
}

/** The date fields of a bulletin written as a bare date (`2021-12-28`): shown without a clock time. */
export type DateOnlyFields = Partial<Record<'published' | 'updated' | 'nextUpdate', true>>;

/** One language version of a bulletin, with inherited fields already filled in. */
export interface Bulletin {
  slug: string;
  lang: string;
  /** Path of the source file relative to content/, for messages. */
  file: string;
  /** True when the text comes from another language's file (no translation exists yet). */
  untranslated: boolean;
  title: string;
  summary: string;
  /** Markdown. */
  body: string;
  published: Date;
  updated?: Date;
  severity: Severity;
  audience: Audience[];
  services: Record<string, Status>;
  pinned: boolean;
  nextUpdate?: Date;
  /** Which of published, updated and nextUpdate were written as a bare date. */
  dateOnly?: DateOnlyFields;
  draft: boolean;
  image?: ImageRef;
  sms?: string;
  /** Visible updates, newest first. */
  updates: BulletinUpdate[];
}

export interface Page {
  slug: string;
  lang: string;
  file: string;
  untranslated: boolean;
  title: string;
  summary?: string;
  order: number;
  /** Markdown. */
  body: string;
}
