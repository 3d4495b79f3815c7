import { describe, expect, it } from 'vitest';
import { annotate } from '../pipeline/annotate.ts';
import { articleOf } from './helpers.ts';

const run = (...texts: string[]) => annotate(texts.map((t, i) => articleOf(`a${i}`, t)));
const byName = (out: ReturnType<typeof run>) => new Map(out.actors.map((a) => [a.name, a]));

describe('actors', () => {
  it('discovers people the gazetteer does not know: titled names, appositions, agents of speech verbs', () => {
    const out = run(
      'Vice Foreign Minister Igor Petrenko arrived in Minsk on Monday. "The talks will be long," said Hanna Kowalska, a professor at Warsaw University. Tomas Berg said he would attend.',
    );
    const names = byName(out);
    expect(names.get('Igor Petrenko')).toMatchObject({ actor_type: 'person' });
    expect(names.get('Hanna Kowalska')).toMatchObject({ actor_type: 'person' });
    expect(names.get('Tomas Berg')).toMatchObject({ actor_type: 'person' });
    expect(names.get('Warsaw University')).toMatchObject({ actor_type: 'organization' });
    expect(names.has('Minsk')).toBe(false); // a capital named as a place is not an actor
  });

  it('merges spelling variants across articles and keeps every surface form as an alias', () => {
    const out = run('Foreign Minister Sergey Lavrov met Kim Jong Un.', 'Sergei Lavrov later met Kim Jong-un and Choe Son-hui.', 'Lavrov thanked Choe Son Hui.');
    const names = byName(out);
    expect(names.get('Sergei Lavrov')?.aliases).toEqual(['Lavrov', 'Sergei Lavrov', 'Sergey Lavrov']);
    expect(names.get('Sergei Lavrov')?.article_ids).toHaveLength(3);
    expect(names.get('Kim Jong-un')?.aliases).toEqual(['Kim Jong Un', 'Kim Jong-un']);
    expect(names.get('Choe Son-hui')?.aliases).toEqual(['Choe Son Hui', 'Choe Son-hui']);
  });

  it('merges discovered names that differ only in hyphens and spaces', () => {
    const out = run('Senior official Kim Yong-chol said talks would resume.', 'Vice Chairman Kim Yong Chol said the delegation had left.');
    expect(out.actors.filter((a) => a.actor_type === 'person').map((a) => [a.name, a.mention_count])).toEqual([['Kim Yong-chol', 2]]);
  });

  it('never merges different people who share a surname, and resolves a bare surname to the one meant', () => {
    const out = run('Kim Jong-un met Kim In-ae, the ministry’s deputy spokesperson, on Friday. Deputy spokesperson Kim said talks went well. Kim Jong-il was not mentioned.');
    const names = byName(out);
    expect(['Kim Jong-un', 'Kim In-ae', 'Kim Jong-il'].every((n) => names.has(n))).toBe(true);
    const surname = out.actor_mentions.find((m) => m.text === 'Kim' && m.mention_type === 'surname');
    expect(out.actors.find((a) => a.actor_id === surname?.actor_id)?.name).toBe('Kim In-ae');
  });

  it('resolves capital metonyms that act to their country, ministries to their country', () => {
    const out = run('Pyongyang said it would respond. Washington and Seoul held drills. In Moscow, the foreign ministry said the drills were provocative.');
    const m = out.actor_mentions.map((x) => [x.text, out.actors.find((a) => a.actor_id === x.actor_id)!.name]);
    expect(m).toEqual(expect.arrayContaining([['Pyongyang', 'North Korea'], ['Washington', 'United States'], ['Seoul', 'South Korea'], ['the foreign ministry', 'Russian Foreign Ministry']]));
  });

  it('takes organisations whole: no person from the end of "Ministry of …", no country inside a ministry, no name starting with "and"', () => {
    const out = run('The Ministry of Foreign Affairs said the talks went well. Russia’s foreign ministry and Kaka University agreed.');
    expect(out.actor_mentions.map((m) => [m.text, out.actors.find((a) => a.actor_id === m.actor_id)!.actor_type])).toEqual([
      ['Ministry of Foreign Affairs', 'organization'],
      ['Russia’s foreign ministry', 'organization'],
      ['Kaka University', 'organization'],
    ]);
  });

  it('keeps offsets of every mention exact', () => {
    const text = 'Russia’s foreign ministry said Kim Jong-un and Vladimir Putin met. Putin left.';
    const out = run(text);
    for (const m of out.actor_mentions) expect(text.slice(m.char_start, m.char_end)).toBe(m.text);
  });
});
