import { describe, expect, it } from 'vitest';
import type { Tables } from '../pipeline/validate.ts';
import { validate } from '../pipeline/validate.ts';
import type { Article, Quote } from '../pipeline/types.generated.ts';

const text = 'Officials said the talks “went well” on Monday.';
const article: Article = { article_id: 'art_0000000000000001', source_file: 'a.txt', url: null, outlet: null, title: null, authors: [], published_date: '2023-10-20', published_date_source: 'manifest', dateline: null, language: 'en', text, char_count: text.length, word_count: 8, content_sha256: 'a'.repeat(64), duplicate_of: null, duplicate_kind: null, duplicate_similarity: null, story_id: 'sto_0000000000000001', annotation_status: 'annotated' };
const quote: Quote = { quote_id: 'quo_0000000000000001', article_id: article.article_id, quote_type: 'direct', text: 'went well', speaker_actor_id: null, speaker_actor_ids: [], speaker_mention_id: null, speaker_text: null, attribution: null, reported_by_actor_id: null, cue: null, cue_start: null, cue_end: null, char_start: 26, char_end: 35 };
const tables = (over: Partial<Tables> = {}): Tables => ({ articles: [article], actors: [], actor_mentions: [], quotes: [quote], events: [], event_mentions: [], ...over });

describe('validate', () => {
  it('accepts consistent tables', () => {
    expect(validate(tables())).toEqual({ valid: true, issues: [] });
  });

  it('names table, row, field and problem for a schema violation', () => {
    const r = validate(tables({ articles: [{ ...article, published_date: '20 Oct 2023' }] }));
    expect(r.valid).toBe(false);
    expect(r.issues).toContainEqual({ code: 'SCHEMA', table: 'articles', rowId: article.article_id, field: 'published_date', message: 'must match format "date"' });
  });

  it('finds broken references in scalar and list columns', () => {
    const r = validate(tables({ quotes: [{ ...quote, speaker_actor_id: 'act_00000000000000ff' }], articles: [{ ...article, duplicate_of: 'art_00000000000000ff' }] }));
    expect(r.issues.map((i) => [i.code, i.table, i.field])).toEqual([['REFERENCE', 'articles', 'duplicate_of'], ['REFERENCE', 'quotes', 'speaker_actor_id']]);
  });

  it('checks that offsets point at the quoted text', () => {
    const r = validate(tables({ quotes: [{ ...quote, char_start: 25 }] }));
    expect(r.issues).toMatchObject([{ code: 'OFFSET', table: 'quotes', rowId: quote.quote_id }]);
  });

  it('finds duplicate primary keys and contact data left in text', () => {
    const r = validate(tables({ quotes: [quote, { ...quote }], articles: [{ ...article, title: 'Write to desk@example.com' }] }));
    expect(r.issues.map((i) => i.code).sort()).toEqual(['DUPLICATE_KEY', 'PII']);
  });
});
