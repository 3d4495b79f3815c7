import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotate } from '../pipeline/annotate.ts';
import { articleOf } from './helpers.ts';

const dir = new URL('./fixtures/quotes/', import.meta.url);
const cases = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, ''));

describe('quotes', () => {
  it.each(cases)('finds the quotes and speakers of fixture %s', (name) => {
    const text = readFileSync(new URL(`${name}.txt`, dir), 'utf8').trimEnd();
    const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, dir), 'utf8'));
    const out = annotate([articleOf(name, text)]);
    const nameOf = (id: string | null) => out.actors.find((a) => a.actor_id === id)?.name ?? null;
    const got = out.quotes
      .sort((a, b) => a.char_start - b.char_start || (a.quote_type < b.quote_type ? -1 : 1))
      .map((q) => ({ type: q.quote_type, text: q.text, speaker: nameOf(q.speaker_actor_id), ...(q.quote_type === 'direct' ? { attribution: q.attribution } : {}), reported_by: nameOf(q.reported_by_actor_id) }));
    expect(got).toEqual(expected.quotes);
    for (const q of out.quotes) expect(text.slice(q.char_start, q.char_end)).toBe(q.text);
  });
});

describe('participle cues followed by punctuation (issue 13: they ended whole runs)', () => {
  const texts = [
    '“We will not wait,” the mayor insisted, before ending the briefing by stating, “The bridge opens on Monday.”',
    'Kerrigan wrote, adding, "The harbour is closed until further notice."',
    'The minister refused to comment and was quoted as saying.',
    'Dalmo spoke briefly, saying: the port would reopen.',
    'The agency issued a note, noting; nothing else was said.',
    'Oyelaran replied, claiming — without evidence — that the vote was rigged.',
    'She ended her remarks by saying…',
  ];
  it.each(texts)('%s', (text) => {
    const out = annotate([articleOf('participle', text)]);
    for (const q of out.quotes) expect(text.slice(q.char_start, q.char_end)).toBe(q.text);
  });
});

/**
 * tests/fixtures/speakers (one speaker rule per case) and tests/fixtures/reported (one reported-speech
 * construction per case), names invented so no gazetteer knows them. Each quote also shows every joint
 * speaker, the words of the speaker's mention (`speaker_mention_id`) and of the cue (`cue_start`..`cue_end`).
 */
describe.each(['speakers', 'reported'])('quotes: fixtures/%s', (folder) => {
  const at = new URL(`./fixtures/${folder}/`, import.meta.url);
  const names = readdirSync(at).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, ''));
  it.each(names)('%s', (name) => {
    const text = readFileSync(new URL(`${name}.txt`, at), 'utf8').trimEnd();
    const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, at), 'utf8'));
    const out = annotate([articleOf(name, text)]);
    const nameOf = (id: string | null) => out.actors.find((a) => a.actor_id === id)?.name ?? null;
    const mentionText = (id: string | null) => out.actor_mentions.find((m) => m.mention_id === id)?.text ?? null;
    const got = out.quotes
      .sort((a, b) => a.char_start - b.char_start || (a.quote_type < b.quote_type ? -1 : 1))
      .map((q) => ({
        type: q.quote_type,
        text: q.text,
        speaker: nameOf(q.speaker_actor_id),
        speakers: q.speaker_actor_ids.map(nameOf),
        speaker_text: q.speaker_text,
        speaker_mention: mentionText(q.speaker_mention_id),
        cue: q.cue_start === null || q.cue_end === null ? null : text.slice(q.cue_start, q.cue_end),
        ...(q.quote_type === 'direct' ? { attribution: q.attribution } : {}),
        reported_by: nameOf(q.reported_by_actor_id),
      }));
    expect(got).toEqual(expected.quotes);
    for (const q of out.quotes) {
      expect(q.speaker_actor_ids[0] ?? null).toBe(q.speaker_actor_id);
      if (q.cue_start !== null) expect(text.slice(q.cue_start, q.cue_end!)).toBe(q.cue);
    }
  });
});
