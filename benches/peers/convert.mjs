// Converts a Suara survey (format 1) to the peers' formats, so the peer
// benchmark (benches/peers.mjs) shows every tool the same questions:
//
//   toSurveyJs(suara, locale)   SurveyJS JSON (survey-core 2.x)
//   toFormbricks(suara, locale) a Formbricks survey object (@formbricks/surveys 1.99)
//
// Texts are flattened to one language (`locale`, falling back to the
// survey's default), as each peer page shows the survey in English. Every
// kind is converted; what a peer has no equivalent for is approximated and
// listed in the returned `notes` (one line per kind, not per question).
//
// CLI: node benches/peers/convert.mjs <suara.json> [surveyjs|formbricks] [locale]
//      prints the converted JSON; the notes go to stderr.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The text of a Suara localized text in `locale`, else the default locale's. */
function pick(text, locale, fallback) {
  if (text === undefined || text === null) return undefined;
  if (typeof text === 'string') return text;
  return text[locale] ?? text[fallback] ?? Object.values(text)[0];
}

const LIKERT = {
  5: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'],
  7: [
    'Strongly disagree',
    'Disagree',
    'Somewhat disagree',
    'Neither agree nor disagree',
    'Somewhat agree',
    'Agree',
    'Strongly agree',
  ],
};

// ---------------------------------------------------------------- show_if

/**
 * Suara's show_if as a SurveyJS expression, or null when it uses something
 * this small translation does not cover. Covered: comparisons, `in [...]`,
 * `contains`, `answered(q)`, and, or, not, parentheses.
 */
export function showIfToSurveyJs(expr) {
  const tokens = expr.match(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|==|!=|<=|>=|<|>|\(|\)|\[|\]|,|[A-Za-z_][A-Za-z0-9_]*|-?[0-9]+(?:\.[0-9]+)?|\S/g);
  if (!tokens) return null;
  const out = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === 'answered' && tokens[i + 1] === '(' && tokens[i + 3] === ')') {
      out.push(`{${tokens[i + 2]}} notempty`);
      i += 3;
    } else if (['and', 'or', 'not'].includes(t)) out.push(t === 'not' ? '!' : t);
    else if (t === 'in') out.push('anyof');
    else if (t === 'contains') out.push('contains');
    else if (t === 'true' || t === 'false') out.push(t);
    else if (t === '==') out.push('=');
    else if (['!=', '<', '<=', '>', '>=', '(', ')', '[', ']', ','].includes(t)) out.push(t);
    else if (/^[A-Za-z_]/.test(t)) out.push(`{${t}}`);
    else if (/^['"-0-9]/.test(t)) out.push(t);
    else return null;
  }
  return out.join(' ').replace(/\[ /g, '[').replace(/ \]/g, ']').replace(/ ,/g, ',');
}

// --------------------------------------------------------------- SurveyJS

/** Converts a Suara survey to SurveyJS JSON. Returns `{ json, notes }`. */
export function toSurveyJs(survey, locale = 'en') {
  const def = survey.default_locale;
  const t = (x) => pick(x, locale, def);
  const notes = new Set();
  const choices = (options) => options.map((o) => ({ value: o.value, text: t(o.label) }));

  const question = (q) => {
    const base = { name: q.id, title: t(q.label) };
    if (q.help !== undefined) base.description = t(q.help);
    if (q.required) base.isRequired = true;
    if (q.show_if) {
      const visibleIf = showIfToSurveyJs(q.show_if);
      if (visibleIf) base.visibleIf = visibleIf;
      else notes.add(`show_if "${q.show_if}" dropped (not a simple expression)`);
    }
    const other = (el) => {
      if (q.other) {
        el.showOtherItem = true;
        if (typeof q.other !== 'boolean') el.otherText = t(q.other);
      }
      return el;
    };
    switch (q.kind) {
      case 'single_choice':
        return other({ ...base, type: 'radiogroup', choices: choices(q.options) });
      case 'multi_choice':
        return other({ ...base, type: 'checkbox', choices: choices(q.options) });
      case 'short_text':
        return { ...base, type: 'text', maxLength: q.max_length ?? 200 };
      case 'long_text':
        return { ...base, type: 'comment', maxLength: q.max_length ?? 2000 };
      case 'rating':
        return { ...base, type: 'rating', rateType: 'stars', rateMin: q.min ?? 1, rateMax: q.max ?? 5 };
      case 'nps':
        return { ...base, type: 'rating', rateMin: 0, rateMax: 10 };
      case 'consent':
        return { ...base, type: 'boolean', renderAs: 'checkbox', label: t(q.text) ?? t(q.label) };
      case 'yes_no':
        return { ...base, type: 'boolean', labelTrue: 'Yes', labelFalse: 'No' };
      case 'number': {
        const el = { ...base, type: 'text', inputType: 'number' };
        if (q.min !== undefined) el.min = q.min;
        if (q.max !== undefined) el.max = q.max;
        if (q.integer) el.step = 1;
        return el;
      }
      case 'date': {
        const el = { ...base, type: 'text', inputType: 'date' };
        if (q.min !== undefined) el.min = q.min;
        if (q.max !== undefined) el.max = q.max;
        return el;
      }
      case 'dropdown': {
        const el = { ...base, type: 'dropdown', choices: choices(q.options) };
        if (q.placeholder !== undefined) el.placeholder = t(q.placeholder);
        return el;
      }
      case 'likert': {
        const points = q.points ?? 5;
        const labels = q.labels ? q.labels.map(t) : LIKERT[points];
        return {
          ...base,
          type: 'radiogroup',
          colCount: points,
          choices: labels.map((text, i) => ({ value: i + 1, text })),
        };
      }
      case 'smiley':
        return { ...base, type: 'rating', rateType: 'smileys', rateCount: q.faces ?? 5, rateMin: 1, rateMax: q.faces ?? 5 };
      case 'matrix':
        return { ...base, type: 'matrix', rows: choices(q.rows), columns: choices(q.columns), ...(q.required ? { isAllRowRequired: true } : {}) };
      case 'ranking':
        return { ...base, type: 'ranking', choices: choices(q.options) };
      default:
        throw new Error(`question ${q.id}: unknown kind ${q.kind}`);
    }
  };

  const pages = survey.pages.map((p) => {
    const page = { name: p.id, elements: p.questions.map(question) };
    if (p.title !== undefined) page.title = t(p.title);
    if (p.show_if) {
      const visibleIf = showIfToSurveyJs(p.show_if);
      if (visibleIf) page.visibleIf = visibleIf;
      else notes.add(`page show_if "${p.show_if}" dropped`);
    }
    return page;
  });
  const json = { title: t(survey.title), locale, pages, showQuestionNumbers: 'off' };
  if (survey.description !== undefined) json.description = t(survey.description);
  // Suara shows a review step before Submit when there is more than one page.
  if (survey.review ?? survey.pages.length > 1) json.showPreviewBeforeComplete = 'showAllQuestions';
  return { json, notes: [...notes] };
}

// ------------------------------------------------------------- Formbricks

/**
 * Converts a Suara survey to a Formbricks survey object for
 * `renderSurveyInline`. Formbricks 1.99 shows one question at a time and
 * knows openText, multiple choice (single/multi), rating (number, star,
 * smiley), nps, consent, cta, date, picture selection, file upload and cal:
 * dropdown and yes/no become single choice, likert a number rating, number
 * an openText of inputType number, a matrix one single choice per row, and
 * ranking a multiple choice. show_if is dropped (Formbricks's logic jumps
 * differ). Returns `{ json, notes }`.
 */
export function toFormbricks(survey, locale = 'en') {
  const def = survey.default_locale;
  const t = (x) => pick(x, locale, def);
  const notes = new Set();
  const choices = (options) => options.map((o) => ({ id: o.value, label: t(o.label) }));
  const questions = [];
  const add = (q, extra, id = q.id, headline = t(q.label)) => {
    const el = { id, headline, required: !!q.required, ...extra };
    if (q.help !== undefined) el.subheader = t(q.help);
    questions.push(el);
  };
  for (const page of survey.pages) {
    for (const q of page.questions) {
      if (q.show_if) notes.add('show_if dropped');
      const other = (list) =>
        q.other ? [...list, { id: 'other', label: typeof q.other === 'boolean' ? 'Other' : t(q.other) }] : list;
      switch (q.kind) {
        case 'single_choice':
          add(q, { type: 'multipleChoiceSingle', choices: other(choices(q.options)) });
          break;
        case 'multi_choice':
          add(q, { type: 'multipleChoiceMulti', choices: other(choices(q.options)) });
          break;
        case 'short_text':
          add(q, { type: 'openText', inputType: 'text', longAnswer: false });
          break;
        case 'long_text':
          add(q, { type: 'openText', inputType: 'text', longAnswer: true });
          break;
        case 'rating': {
          const range = (q.max ?? 5) - (q.min ?? 1) + 1;
          if (![3, 4, 5, 7, 10].includes(range)) notes.add(`rating of ${range} stars as 5`);
          add(q, { type: 'rating', scale: 'star', range: [3, 4, 5, 7, 10].includes(range) ? range : 5, lowerLabel: '', upperLabel: '' });
          break;
        }
        case 'nps':
          add(q, { type: 'nps', lowerLabel: 'Not at all likely', upperLabel: 'Extremely likely' });
          break;
        case 'consent':
          add(q, { type: 'consent', label: t(q.text) ?? t(q.label), html: '' });
          break;
        case 'yes_no':
          notes.add('yes_no as single choice');
          add(q, { type: 'multipleChoiceSingle', choices: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }] });
          break;
        case 'number':
          notes.add('number as openText (inputType number)');
          add(q, { type: 'openText', inputType: 'number', longAnswer: false });
          break;
        case 'date':
          add(q, { type: 'date', format: 'y-M-d' });
          break;
        case 'dropdown':
          notes.add('dropdown as single choice');
          add(q, { type: 'multipleChoiceSingle', choices: choices(q.options) });
          break;
        case 'likert':
          notes.add('likert as a number rating');
          add(q, { type: 'rating', scale: 'number', range: q.points ?? 5, lowerLabel: 'Strongly disagree', upperLabel: 'Strongly agree' });
          break;
        case 'smiley':
          add(q, { type: 'rating', scale: 'smiley', range: q.faces ?? 5, lowerLabel: '', upperLabel: '' });
          break;
        case 'matrix':
          notes.add('matrix as one single choice per row');
          for (const row of q.rows) {
            add(q, { type: 'multipleChoiceSingle', choices: choices(q.columns) }, `${q.id}__${row.value}`, `${t(q.label)}: ${t(row.label)}`);
          }
          break;
        case 'ranking':
          notes.add('ranking as multiple choice (no ranking question)');
          add(q, { type: 'multipleChoiceMulti', choices: choices(q.options) });
          break;
        default:
          throw new Error(`question ${q.id}: unknown kind ${q.kind}`);
      }
    }
  }
  const json = {
    id: survey.id,
    name: t(survey.title),
    type: 'link',
    status: 'inProgress',
    questions,
    welcomeCard: { enabled: false, timeToFinish: false, showResponseCount: false },
    thankYouCard: { enabled: true, headline: 'Thank you!' },
    hiddenFields: { enabled: false },
    styling: null,
    productOverwrites: null,
    autoClose: null,
    surveyClosedMessage: null,
    singleUse: null,
    verifyEmail: null,
  };
  return { json, notes: [...notes] };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, to = 'surveyjs', locale = 'en'] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node benches/peers/convert.mjs <suara.json> [surveyjs|formbricks] [locale]');
    process.exit(2);
  }
  const survey = JSON.parse(readFileSync(file, 'utf8'));
  const { json, notes } = (to === 'formbricks' ? toFormbricks : toSurveyJs)(survey, locale);
  for (const n of notes) console.error(`note: ${n}`);
  console.log(JSON.stringify(json, null, 2));
}
