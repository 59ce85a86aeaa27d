// The placeholder types of line templates: what each matches, how it is described to a
// student, and likely causes when a value does not fit.

/** A placeholder type of the spec format. */
export type PlaceholderType = 'int' | 'float' | 'pid' | 'ts' | 'date' | 'word' | 'path' | 'any';

/** What a placeholder type matches (a regex source without capturing groups) and how it reads. */
export interface PlaceholderTypeInfo {
  pattern: string;
  description: string;
}

/** Every placeholder type, with its pattern and its description for students. */
export const placeholderTypes: Readonly<Record<PlaceholderType, PlaceholderTypeInfo>> = {
  int: { pattern: '-?[0-9]+', description: 'a whole number' },
  float: { pattern: '[-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?', description: 'a decimal number' },
  pid: { pattern: '[1-9][0-9]*', description: 'a process id (a positive whole number)' },
  ts: { pattern: '[0-9]+\\.[0-9]{3,9}', description: 'a Unix time in seconds with 3–9 decimals' },
  date: { pattern: '[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])', description: 'a date as YYYY-MM-DD' },
  word: { pattern: '\\S+', description: 'a word without spaces' },
  path: { pattern: '[^]+', description: 'a file path' },
  any: { pattern: '[^]*', description: 'any text' },
};

// Values that betray a JavaScript mistake whatever type was expected.
function diagnoseJavaScriptValue(value: string): string | undefined {
  if (value === 'undefined') return 'that is `undefined`: a variable or field was never set';
  if (value === 'null') return 'that is `null`: a value was never filled in';
  if (value === 'NaN') return 'that is `NaN`: a calculation got something that is not a number (check what you parsed)';
  if (value.includes('[object Object]')) return 'you printed an object; print the field you need, or JSON.stringify it';
  if (value.includes('Promise')) return 'you printed a Promise; `await` it first';
  return undefined;
}

function decimals(value: string): number {
  return value.split('.')[1]?.length ?? 0;
}

function diagnoseTimestamp(value: string): string | undefined {
  if (/^-?[0-9]+(\.[0-9]+)?[eE]/.test(value)) return 'it is in exponent notation; print plain decimals, e.g. with toFixed(3)';
  if (value.startsWith('-')) return 'a Unix time is never negative here';
  if (/^[0-9]{13,}$/.test(value)) return 'that looks like milliseconds; divide Date.now() by 1000';
  if (/^[0-9]+$/.test(value)) return 'it has no decimals; print seconds with 3 to 9 decimals, e.g. (Date.now() / 1000).toFixed(3)';
  if (/^[0-9]+\.[0-9]+$/.test(value)) {
    const count = decimals(value);
    if (count < 3) return `it has only ${count} decimal${count === 1 ? '' : 's'}; print 3 to 9, e.g. with toFixed(3) (plain division drops trailing zeros)`;
    return `it has ${count} decimals; print at most 9`;
  }
  return undefined;
}

function diagnoseDate(value: string): string | undefined {
  if (/^[0-9]{4}-[0-9]{2}-[0-9]{2}T/.test(value)) {
    return 'print only the date, YYYY-MM-DD (and mind that toISOString() gives the UTC date, not the local one)';
  }
  const parts = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$/.exec(value);
  if (parts !== null) {
    const [, , month = '', day = ''] = parts;
    if (month.length === 1 || day.length === 1) return "pad the month and the day to two digits, e.g. with padStart(2, '0')";
    if (month === '00') return 'month 00 does not exist: getMonth() counts from 0, so add 1';
    return 'that is not a real date: months go from 01 to 12 and days from 01 to 31';
  }
  if (/^[0-9]{1,2}[/.][0-9]{1,2}[/.][0-9]{4}/.test(value)) {
    return "print it as YYYY-MM-DD; toLocaleDateString()'s format depends on the locale";
  }
  return undefined;
}

function diagnoseWholeNumber(value: string): string | undefined {
  if (/^-?[0-9]+\.[0-9]+$/.test(value)) return 'that has a fraction; print a whole number (e.g. Math.floor or Math.round)';
  if (/^-?[0-9]+n$/.test(value)) return 'drop the BigInt suffix `n` (print value.toString())';
  if (/^\+[0-9]+$/.test(value)) return 'drop the `+` sign';
  if (/^-?[0-9]{1,3}([,.\u00a0\u202f ][0-9]{3})+$/.test(value)) return 'print it without thousands separators (toLocaleString() adds them)';
  return undefined;
}

/** A likely cause, in a student's terms, for a value that does not fit a placeholder type. */
export function diagnoseValue(type: PlaceholderType, value: string): string | undefined {
  if (value === '') return `nothing stood where <${type}> should be`;
  const javaScript = diagnoseJavaScriptValue(value);
  if (javaScript !== undefined) return javaScript;
  switch (type) {
    case 'ts':
      return diagnoseTimestamp(value);
    case 'date':
      return diagnoseDate(value);
    case 'int':
      return diagnoseWholeNumber(value);
    case 'pid':
      if (/^-?[0-9]+$/.test(value)) return 'a process id is a positive whole number';
      return diagnoseWholeNumber(value);
    case 'float':
      if (/^-?[0-9]+,[0-9]+$/.test(value)) return 'use a dot as the decimal separator';
      if (/^-?Infinity$/.test(value)) return 'that is Infinity: probably a division by zero';
      return undefined;
    case 'word':
      if (/\s/.test(value)) return 'a <word> has no spaces in it';
      return undefined;
    case 'path':
    case 'any':
      return undefined;
  }
}
