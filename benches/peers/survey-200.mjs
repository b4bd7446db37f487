// A large Suara survey for the peer benchmark: 200 questions on 10 pages,
// every kind in turn (the first question is a single choice with "other"),
// in English and Indonesian, with a few simple show_if conditions. The same
// input always gives the same survey (no randomness, no dates).
//
// CLI: node benches/peers/survey-200.mjs [questions, default 200] > survey.json

import { fileURLToPath } from 'node:url';

const KINDS = [
  'single_choice', 'rating', 'short_text', 'multi_choice', 'nps', 'long_text', 'yes_no', 'number',
  'date', 'dropdown', 'likert', 'smiley', 'matrix', 'ranking', 'consent',
];

const TOPICS = [
  ['the health programme', 'program kesehatan'],
  ['job training', 'pelatihan kerja'],
  ['the school garden', 'kebun sekolah'],
  ['clean water', 'air bersih'],
  ['the youth club', 'klub pemuda'],
  ['affordable housing', 'perumahan terjangkau'],
  ['the market day', 'hari pasar'],
  ['waste collection', 'pengangkutan sampah'],
  ['the library', 'perpustakaan'],
  ['road safety', 'keselamatan jalan'],
];

const OPTIONS = [
  ['never', 'Never', 'Tidak pernah'],
  ['rarely', 'Rarely', 'Jarang'],
  ['monthly', 'Every month', 'Setiap bulan'],
  ['weekly', 'Every week', 'Setiap minggu'],
  ['daily', 'Every day', 'Setiap hari'],
  ['unsure', 'Not sure', 'Tidak yakin'],
];

const opts = (n, offset = 0) =>
  Array.from({ length: n }, (_, i) => {
    const [value, en, id] = OPTIONS[(i + offset) % OPTIONS.length];
    return { value: `${value}${i >= OPTIONS.length ? i : ''}`, label: { en, id } };
  });

/** The generated survey with `count` questions (10 pages; at most 500 questions). */
export function generate(count = 200) {
  const pagesCount = 10;
  const pages = Array.from({ length: pagesCount }, (_, p) => ({
    id: `part_${p + 1}`,
    title: { en: `Part ${p + 1} of ${pagesCount}`, id: `Bagian ${p + 1} dari ${pagesCount}` },
    questions: [],
  }));
  let lastChoice = null;
  for (let n = 0; n < count; n++) {
    const kind = KINDS[n % KINDS.length];
    const [en, id] = TOPICS[n % TOPICS.length];
    const q = { id: `q${n + 1}`, kind };
    const say = (e, i) => ({ en: `${n + 1}. ${e}`, id: `${n + 1}. ${i}` });
    switch (kind) {
      case 'single_choice':
        q.label = say(`How often do you use ${en}?`, `Seberapa sering Anda memakai ${id}?`);
        q.options = opts(4 + (n % 3), n);
        q.other = true;
        lastChoice = q;
        break;
      case 'multi_choice':
        q.label = say(`Which parts of ${en} have you used?`, `Bagian ${id} mana yang pernah Anda pakai?`);
        q.options = opts(5, n);
        q.other = { en: 'Something else', id: 'Hal lain' };
        break;
      case 'short_text':
        q.label = say(`One word for ${en}`, `Satu kata untuk ${id}`);
        q.max_length = 100;
        break;
      case 'long_text':
        q.label = say(`What should change in ${en}?`, `Apa yang perlu berubah pada ${id}?`);
        q.help = { en: 'Tell us in your own words.', id: 'Ceritakan dengan kata-kata Anda sendiri.' };
        break;
      case 'rating':
        q.label = say(`Rate ${en}`, `Beri nilai untuk ${id}`);
        q.min = 1;
        q.max = 5;
        break;
      case 'nps':
        q.label = say(`Would you recommend ${en} to a neighbour?`, `Apakah Anda menyarankan ${id} kepada tetangga?`);
        break;
      case 'yes_no':
        q.label = say(`Did you take part in ${en} this year?`, `Apakah Anda ikut ${id} tahun ini?`);
        break;
      case 'number':
        q.label = say(`How many times did you visit ${en}?`, `Berapa kali Anda mengunjungi ${id}?`);
        q.min = 0;
        q.max = 100;
        q.integer = true;
        break;
      case 'date':
        q.label = say(`When did you last use ${en}?`, `Kapan terakhir Anda memakai ${id}?`);
        q.min = '2026-01-01';
        q.max = '2026-12-31';
        break;
      case 'dropdown':
        q.label = say(`Where do you use ${en}?`, `Di mana Anda memakai ${id}?`);
        q.options = [
          { value: 'north', label: { en: 'North', id: 'Utara' } },
          { value: 'south', label: { en: 'South', id: 'Selatan' } },
          { value: 'east', label: { en: 'East', id: 'Timur' } },
          { value: 'west', label: { en: 'West', id: 'Barat' } },
        ];
        q.placeholder = { en: 'Choose a district', id: 'Pilih kecamatan' };
        break;
      case 'likert':
        q.label = say(`${en[0].toUpperCase()}${en.slice(1)} is well run.`, `${id[0].toUpperCase()}${id.slice(1)} dikelola dengan baik.`);
        q.points = n % 2 ? 7 : 5;
        break;
      case 'smiley':
        q.label = say(`How do you feel about ${en}?`, `Bagaimana perasaan Anda tentang ${id}?`);
        q.faces = n % 2 ? 3 : 5;
        break;
      case 'matrix':
        q.label = say(`How is ${en} doing?`, `Bagaimana ${id} berjalan?`);
        q.rows = [
          { value: 'reach', label: { en: 'It reaches everyone.', id: 'Menjangkau semua orang.' } },
          { value: 'quality', label: { en: 'It is done well.', id: 'Dikerjakan dengan baik.' } },
          { value: 'voice', label: { en: 'We are heard.', id: 'Suara kami didengar.' } },
        ];
        q.columns = opts(4);
        break;
      case 'ranking':
        q.label = say(`Put these parts of ${en} in order`, `Urutkan bagian ${id} ini`);
        q.options = opts(4, n);
        break;
      case 'consent':
        q.label = say(`I agree to be asked about ${en} again`, `Saya bersedia ditanya lagi tentang ${id}`);
        q.text = { en: 'We will ask at most once a year.', id: 'Kami bertanya paling banyak sekali setahun.' };
        break;
    }
    if (n % 20 === 0 && n > 0) q.required = true;
    // Every 15th question (from the 17th) depends on the previous single choice on its page.
    if (n % 15 === 1 && n > 15 && lastChoice && pageOf(n, count, pagesCount) === pageOf(Number(lastChoice.id.slice(1)) - 1, count, pagesCount)) {
      q.show_if = `${lastChoice.id} != 'never'`;
    }
    pages[pageOf(n, count, pagesCount)].questions.push(q);
  }
  return {
    format: 1,
    id: `peer-bench-${count}`,
    version: '1',
    title: { en: `A survey of ${count} questions`, id: `Survei ${count} pertanyaan` },
    description: {
      en: 'Generated for the peer benchmark: every kind of question in turn.',
      id: 'Dibuat untuk tolok ukur: semua jenis pertanyaan bergantian.',
    },
    default_locale: 'en',
    locales: ['en', 'id'],
    pages: pages.filter((p) => p.questions.length),
  };
}

function pageOf(n, count, pagesCount) {
  return Math.floor((n * pagesCount) / count);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(generate(Number(process.argv[2] || 200)), null, 2));
}
