import { hash } from 'node:crypto';

/** Hex SHA-256 of a string (as UTF-8) or bytes: one call, no hash object (ids are hashed by the hundred per article). */
export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex');
}

/**
 * Deterministic id: `prefix_` and the first 16 hex digits of the SHA-256 of the key parts joined by U+001F.
 * 64 bits keep the chance of any collision among a million ids below 1 in 30 million.
 * @example stableId('art', 'seeds/001.txt') // 'art_…'
 */
export function stableId(prefix: string, ...parts: (string | number)[]): string {
  return `${prefix}_${sha256Hex(parts.join('\u001f')).slice(0, 16)}`;
}
