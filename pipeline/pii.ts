/**
 * Personal contact data that must never reach a release: e-mail addresses and telephone numbers.
 * Removed from the text before anything else reads it, with any brackets the removal leaves empty.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// Telephone numbers in the forms news pages print them: +82-2-123-4567, (02) 123 4567, 02-123-4567,
// 555.123.4567. Dates (2023-10-20) and ranges (2024-25) do not fit: a number needs three groups with
// a last group of four digits, or a leading +.
const PHONE = /(?<![\p{L}\p{N}])(?:\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]\d{2,4}){1,4}|\(\d{2,4}\)[ .-]?\d{3,4}[ .-]\d{4}|\d{2,4}[.-]\d{3,4}[.-]\d{4})(?![\p{L}\p{N}])/gu;

// A removal takes one space before it along, so "write to x@y.org or" reads "write to or".
const CONTACT = new RegExp(`[ \\t]?(?:${EMAIL.source}|${PHONE.source})`, 'gu');

/**
 * Cheap tests first: an address needs an "@"; a telephone number a "+" before a digit, a bracketed area code or
 * two digits joined to more by "." or "-" (every form PHONE accepts has one). Without them the full patterns,
 * which try every offset of the text, cannot match.
 */
const MAY_BE_PHONE = /\+\d|\(\d{2}|\d{2}[.-]\d/;
const mayHoldEmail = (text: string) => text.includes('@');
const mayHoldPhone = (text: string) => MAY_BE_PHONE.test(text);
const EMPTY_BRACKETS = /[ \t]*(?:\([\s,;:/|–-]*\)|\[[\s,;:/|–-]*\]|<[\s,;:/|–-]*>)/g;

/** `text` without e-mail addresses and telephone numbers. */
export function removePii(text: string): string {
  let out = text;
  // Again until nothing is left: a removal can free what it touched ("x@y.org+1 202 555 0143").
  for (let before = ''; before !== out && (mayHoldEmail(out) || mayHoldPhone(out)); ) {
    before = out;
    out = out.replace(CONTACT, '');
  }
  // Brackets left holding only separators ("(jane@x.org, +1 202 555 0143)" → "(,)") go too.
  return /[([<]/.test(out) ? out.replace(EMPTY_BRACKETS, '') : out;
}

/** True when `text` still holds an e-mail address or telephone number (used by validate). */
export function containsPii(text: string): boolean {
  EMAIL.lastIndex = 0;
  PHONE.lastIndex = 0;
  return (mayHoldEmail(text) && EMAIL.test(text)) || (mayHoldPhone(text) && PHONE.test(text));
}
