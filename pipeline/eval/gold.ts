/** The dev gold format (tests/fixtures/gold/dev.json, a copy of shared/gold/dev.json). */
export interface GoldActor {
  name: string;
  type: string;
  country: string | null;
  aliases: string[];
  files: string[];
  required: boolean;
}
export interface GoldArticle {
  file: string;
  title: string | null;
  authors: string[];
  published_date: string | null;
  body_starts: string;
  body_ends: string;
  must_not_contain: string[];
}
export interface GoldQuote {
  file: string;
  text?: string;
  starts?: string;
  speakers: string[];
}
export interface GoldEvent {
  id: string;
  what: string;
  types: string[];
  cameo_prefix: string[];
  sides: [string[], string[]];
  date?: string | null;
  date_prefix?: string;
  files: string[];
  min_files: number;
  key: boolean;
}
export interface Gold {
  files: string[];
  actors: GoldActor[];
  must_merge: [string, string][];
  must_not_merge: [string, string][];
  articles: GoldArticle[];
  direct_quotes: GoldQuote[];
  indirect_quotes: GoldQuote[];
  events: GoldEvent[];
  stories: Record<string, string[]>;
}
