import { franc } from 'franc-min';
import { iso6393 } from 'iso-639-3';

const TO_639_1 = new Map(iso6393.filter((l) => l.iso6391).map((l) => [l.iso6393, l.iso6391!]));

/**
 * ISO 639-1 code of the language the start of `text` is in (franc's trigram model), or null when the text
 * is too short to tell or the language has no two-letter code.
 */
export function detectLanguage(text: string): string | null {
  // 1,000 characters tell a language as well as the whole text and cost a twentieth of the time.
  const code = franc(text.slice(0, 1_000), { minLength: 40 });
  return code === 'und' ? null : (TO_639_1.get(code) ?? null);
}
