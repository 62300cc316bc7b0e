/**
 * The desk console: server-rendered HTML in Arabic (right to left) or English, in which every submitted value
 * is escaped (submissions are hostile input), under a Content-Security-Policy that allows only the console's
 * own script (the card's live preview). Decisions are plain form posts, each carrying the session's token
 * (server/review-auth.ts); without script, "Preview" is a form post too.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ARTIFACT_CODES, REASON_KINDS } from '../lib/debunk/types';
import { readHttpUrl } from '../lib/untrusted/read';
import type { CardPreview } from './card-preview';
import { DECISION_LANGUAGES, PUBLISHED_VERDICTS, type FormFields } from './decision-form';
import type { Desk } from './desk-feed';
import type { ClosestDebunk } from './desk-matcher';
import { SUBMISSION_STATUSES, type AuditEntry, type StoredSubmission, type StoredWrongMatch, type SubmissionStatus } from './store';

export const REVIEW_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export type ConsoleLanguage = 'en' | 'ar';

/**
 * The console's only script (`/review/preview.js`): as a decision form is filled in, it asks the console for
 * the reader's card (a fragment the server renders, every text in it escaped there) and shows it. The newest
 * answer wins; without script the form's "Preview" button posts the whole form instead.
 */
export const PREVIEW_SCRIPT = `'use strict';
for (const form of document.querySelectorAll('form[data-preview]')) {
  const target = form.querySelector('[data-preview-card]');
  if (!target) continue;
  let timer = 0;
  let asked = 0;
  const update = () => {
    const body = new FormData(form);
    body.set('fragment', '1');
    const mine = ++asked;
    fetch(form.dataset.preview, { method: 'POST', body, credentials: 'same-origin' })
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
      .then((html) => {
        if (mine !== asked) return;
        const t = document.createElement('template');
        t.innerHTML = html;
        target.replaceChildren(t.content);
        target.dataset.previewed = String(mine);
      })
      .catch(() => {});
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(update, 250);
  };
  form.addEventListener('input', soon);
  form.addEventListener('change', soon);
}
`;

/** The console's language: asked for (`?lang=`), else the browser's first choice of the two, else English. */
export function consoleLanguage(asked: string | undefined, acceptLanguage: string | undefined): ConsoleLanguage {
  if (asked === 'ar' || asked === 'en') return asked;
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('ar') ? 'ar' : 'en';
}

const STRINGS = {
  en: {
    title: 'Sanad desk console',
    signedIn: 'Signed in as',
    logout: 'Log out',
    feedLine: 'Published decisions go out in the desk’s signed feed at',
    audit: 'Audit log',
    login: 'Log in',
    token: 'Reviewer token',
    loginHelp: 'Paste the token `npm run server -- add-reviewer` printed for you.',
    'wrong-token': 'That token is not a reviewer’s.',
    'token-in-link': 'A token in the link does not log in: paste it in the form.',
    all: 'All',
    pending: 'New',
    verified: 'Verified',
    rejected: 'Rejected',
    withdrawn: 'Withdrawn',
    merged: 'Added to a debunk',
    duplicates: 'Duplicates',
    closest: 'Closest existing debunks',
    how: { 'same-link': 'same post', 'same-media': 'same media', 'same-footage': 'same footage', 'similar-text': 'similar claim' },
    strong: 'strong match',
    thisDesk: 'this desk',
    addAppearance: 'Add as another appearance of this debunk',
    group: 'Grouped with',
    grouping: 'Grouping…',
    groupReasons: { post: 'same post', media: 'same media', claim: 'same claim' },
    groupOthers: (n: number) => (n === 1 ? '1 other submission' : `${n} other submissions`),
    mergedInto: 'Added as another appearance of',
    search: 'Search',
    searchPlaceholder: 'Words in the post or note',
    next: 'Older submissions',
    first: 'Newest',
    none: 'No submissions here.',
    received: 'Received',
    note: 'Volunteer’s note',
    post: 'Post',
    claim: 'Claim as published',
    verdict: 'Verdict',
    choose: '— choose —',
    reasonKind: 'Why',
    artifacts: 'AI artifacts seen',
    artifactText: 'Other artifacts, in the desk’s words',
    originalDate: 'Originally filmed or published (year, year-month or date)',
    originalPlace: 'Where it was really filmed',
    originalUrl: 'Link to the original',
    editedWhat: 'What was edited',
    conclusion: 'One-line conclusion',
    factCheckUrl: 'Fact-check article URL',
    factCheckHelp: 'Required unless the desk’s own URL should be linked:',
    language: 'Language of claim and conclusion',
    verify: 'Verify and publish',
    preview: 'Preview',
    wrongMatches: 'Readers report a wrong match',
    wrongMatchReasons: {
      'not-repeated': 'The post does not repeat the claim',
      refutes: 'The post refutes the claim',
      'other-media': 'Other photo or video',
      other: 'Another reason',
    },
    wrongMatchHelp: 'If the debunk badges posts it does not fit, narrow it (Correct) or withdraw it.',
    previewHeading: 'What readers will see',
    previewHint: 'Fill in the decision to see the reader’s card.',
    rejection: 'Reason for rejecting (the volunteer may see it)',
    reject: 'Reject',
    decidedBy: 'by',
    correct: 'Correct the published item',
    saveCorrection: 'Publish the correction',
    withdrawNote: 'Why it is withdrawn',
    withdraw: 'Withdraw from the feed',
    history: 'History',
    screenshot: 'Screenshot of the post',
    kind: { claim: 'Claim', flag: 'Flag' },
    category: { 'ai-generated': 'Suspected AI-generated', 'old-footage': 'Old footage', 'false-claim': 'False claim', other: 'Other' },
    verdicts: { false: 'False', misleading: 'Misleading', altered: 'Altered', satire: 'Satire', unproven: 'Unproven' },
    reasons: {
      'ai-generated': 'AI-generated',
      'old-footage': 'Old footage',
      edited: 'Edited',
      staged: 'Staged',
      satire: 'Satire',
      'false-claim': 'False claim',
      misleading: 'Misleading context',
      unproven: 'Unproven',
    },
    artifactNames: {
      'lip-sync': 'Lips out of sync',
      blur: 'Smudged or blurred details',
      'distorted-body': 'Distorted hands or bodies',
      'repeated-motion': 'Repeated motion',
      'frozen-figures': 'Frozen figures',
      'garbled-text': 'Garbled text or signs',
      'unnatural-voice': 'Unnatural voice',
    },
    languages: { ar: 'Arabic', en: 'English', fr: 'French', tr: 'Turkish', ku: 'Kurdish' },
    actions: {
      verified: 'verified',
      rejected: 'rejected',
      corrected: 'corrected',
      withdrawn: 'withdrew',
      merged: 'added as another appearance',
      media: 'attached frame hashes to',
      login: 'logged in',
      logout: 'logged out',
    },
    back: 'Back to the console',
    when: 'When',
    who: 'Who',
    what: 'What',
    submission: 'Submission',
    switchLang: 'العربية',
    deskMedia: 'Attach frame hashes of a file the desk holds',
    deskMediaHelp: 'Paste the line `npm run media -- hash FILE` printed, or choose the file you saved it to.',
    deskMediaText: 'Fingerprint (JSON)',
    deskMediaFile: 'or the JSON file',
    deskMediaSend: 'Attach the hashes',
    mediaLine: (frames: number, files: string) => `Frame hashes: ${frames}${files ? ` · the desk’s file ${files}` : ''}`,
  },
  ar: {
    title: 'لوحة مكتب سند',
    signedIn: 'مسجّل الدخول باسم',
    logout: 'تسجيل الخروج',
    feedLine: 'تُنشر القرارات في الخلاصة الموقّعة للمكتب على',
    audit: 'سجلّ القرارات',
    login: 'تسجيل الدخول',
    token: 'رمز المراجِع',
    loginHelp: 'الصق الرمز الذي طبعه لك الأمر `npm run server -- add-reviewer`.',
    'wrong-token': 'هذا الرمز ليس لمراجِع.',
    'token-in-link': 'الرمز في الرابط لا يسجّل الدخول: الصقه في النموذج.',
    all: 'الكل',
    pending: 'جديد',
    verified: 'تم التحقق',
    rejected: 'مرفوض',
    withdrawn: 'مسحوب',
    merged: 'أضيف إلى تحقق منشور',
    duplicates: 'مكرّر',
    closest: 'أقرب التحققات الموجودة',
    how: { 'same-link': 'المنشور نفسه', 'same-media': 'الوسائط نفسها', 'same-footage': 'المشاهد نفسها', 'similar-text': 'ادعاء مشابه' },
    strong: 'تطابق قوي',
    thisDesk: 'هذا المكتب',
    addAppearance: 'أضفه ظهورًا آخر لهذا التحقق',
    group: 'في مجموعة مع',
    grouping: 'جارٍ التجميع…',
    groupReasons: { post: 'المنشور نفسه', media: 'الوسائط نفسها', claim: 'الادعاء نفسه' },
    groupOthers: (n: number) => (n === 1 ? 'بلاغ آخر واحد' : n === 2 ? 'بلاغان آخران' : n <= 10 ? `${n} بلاغات أخرى` : `${n} بلاغًا آخر`),
    mergedInto: 'أضيف ظهورًا آخر للتحقق',
    search: 'بحث',
    searchPlaceholder: 'كلمات من المنشور أو الملاحظة',
    next: 'بلاغات أقدم',
    first: 'الأحدث',
    none: 'لا بلاغات هنا.',
    received: 'ورد في',
    note: 'ملاحظة المتطوع',
    post: 'المنشور',
    claim: 'الادعاء كما سيُنشر',
    verdict: 'الحكم',
    choose: '— اختر —',
    reasonKind: 'السبب',
    artifacts: 'آثار التوليد بالذكاء الاصطناعي',
    artifactText: 'آثار أخرى بكلمات المكتب',
    originalDate: 'تاريخ التصوير أو النشر الأصلي (سنة أو سنة-شهر أو تاريخ)',
    originalPlace: 'مكان التصوير الحقيقي',
    originalUrl: 'رابط الأصل',
    editedWhat: 'ما الذي عُدّل',
    conclusion: 'الخلاصة في سطر واحد',
    factCheckUrl: 'رابط مقال التحقق',
    factCheckHelp: 'مطلوب إلا إذا كان رابط المكتب نفسه هو المقصود:',
    language: 'لغة الادعاء والخلاصة',
    verify: 'تحقّق وانشر',
    preview: 'معاينة',
    wrongMatches: 'قرّاء يبلّغون عن مطابقة خاطئة',
    wrongMatchReasons: {
      'not-repeated': 'المنشور لا يكرّر الادعاء',
      refutes: 'المنشور يفنّد الادعاء',
      'other-media': 'صورة أو فيديو آخر',
      other: 'سبب آخر',
    },
    wrongMatchHelp: 'إن كان التحقق يوسم منشورات لا تخصّه فضيّقه (تصحيح) أو اسحبه.',
    previewHeading: 'ما سيراه القرّاء',
    previewHint: 'املأ القرار لترى بطاقة القارئ.',
    rejection: 'سبب الرفض (قد يراه المتطوع)',
    reject: 'ارفض',
    decidedBy: 'بواسطة',
    correct: 'صحّح المادة المنشورة',
    saveCorrection: 'انشر التصحيح',
    withdrawNote: 'سبب السحب',
    withdraw: 'اسحب من الخلاصة',
    history: 'السجلّ',
    screenshot: 'لقطة شاشة للمنشور',
    kind: { claim: 'ادعاء', flag: 'إشارة' },
    category: {
      'ai-generated': 'يُشتبه أنه مولَّد بالذكاء الاصطناعي',
      'old-footage': 'مشاهد قديمة',
      'false-claim': 'ادعاء كاذب',
      other: 'أخرى',
    },
    verdicts: { false: 'كاذب', misleading: 'مضلِّل', altered: 'معدَّل', satire: 'ساخر', unproven: 'غير مثبت' },
    reasons: {
      'ai-generated': 'مولَّد بالذكاء الاصطناعي',
      'old-footage': 'مشاهد قديمة',
      edited: 'معدَّل',
      staged: 'مُدبَّر',
      satire: 'ساخر',
      'false-claim': 'ادعاء كاذب',
      misleading: 'سياق مضلِّل',
      unproven: 'غير مثبت',
    },
    artifactNames: {
      'lip-sync': 'حركة الشفاه لا تطابق الكلام',
      blur: 'تفاصيل ممسوحة أو ضبابية',
      'distorted-body': 'أيدٍ أو أجسام مشوّهة',
      'repeated-motion': 'حركة متكرّرة',
      'frozen-figures': 'أشخاص متجمّدون',
      'garbled-text': 'نصوص أو لافتات مشوّهة',
      'unnatural-voice': 'صوت غير طبيعي',
    },
    languages: { ar: 'العربية', en: 'الإنجليزية', fr: 'الفرنسية', tr: 'التركية', ku: 'الكردية' },
    actions: {
      verified: 'تحقّق من',
      rejected: 'رفض',
      corrected: 'صحّح',
      withdrawn: 'سحب',
      merged: 'أضاف ظهورًا آخر',
      media: 'أرفق بصمات إطارات بـ',
      login: 'سجّل الدخول',
      logout: 'سجّل الخروج',
    },
    back: 'العودة إلى اللوحة',
    when: 'متى',
    who: 'من',
    what: 'ماذا',
    submission: 'البلاغ',
    switchLang: 'English',
    deskMedia: 'أرفق بصمات إطارات ملف لدى المكتب',
    deskMediaHelp: 'الصق السطر الذي طبعه `npm run media -- hash FILE`، أو اختر الملف الذي حفظته فيه.',
    deskMediaText: 'البصمة (JSON)',
    deskMediaFile: 'أو ملف JSON',
    deskMediaSend: 'أرفق البصمات',
    mediaLine: (frames: number, files: string) => `بصمات الإطارات: ${frames}${files ? ` · ملف المكتب ${files}` : ''}`,
  },
} as const;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A link only for http(s) URLs; anything else is shown as text. */
function link(url: string | undefined): string {
  if (!url) return '';
  return readHttpUrl(url)
    ? `<a href="${escapeHtml(url)}" rel="noreferrer noopener" target="_blank" dir="ltr">${escapeHtml(url)}</a>`
    : escapeHtml(url);
}

/** A readable date in the console's language and the desk's time zone, with the exact time as its datetime. */
export function localDate(iso: string, lang: ConsoleLanguage, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return escapeHtml(iso);
  const text = new Intl.DateTimeFormat(lang === 'ar' ? 'ar-SY' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    date,
  );
  return `<time datetime="${escapeHtml(date.toISOString())}">${escapeHtml(text)}</time>`;
}

const CARD_CSS = ['page.css', 'verdict-card.css'].map((f) => readFileSync(resolve(import.meta.dirname, '../assets', f), 'utf8')).join('\n');
const CONSOLE_CSS = `body{max-width:960px;margin:0 auto;padding:16px}header{display:flex;flex-wrap:wrap;gap:12px;align-items:center;justify-content:space-between}
nav.filters{display:flex;flex-wrap:wrap;gap:6px;margin:12px 0}nav.filters a{padding:4px 10px;border-radius:999px;background:#fff;border:1px solid #d0d5dc;text-decoration:none}
nav.filters a[aria-current]{background:#0b57d0;color:#fff;border-color:#0b57d0}form.search{display:flex;gap:6px}form.search input{flex:1}
article{background:#fff;border:1px solid #d0d5dc;border-inline-start:4px solid #3b4a5a;border-radius:8px;padding:12px;margin:12px 0}
article.verified{border-inline-start-color:#2e7d32}article.rejected,article.withdrawn{opacity:.75}
blockquote{white-space:pre-wrap;background:#f4f6f8;padding:8px;margin:8px 0;border-radius:6px}
label{display:block;margin:6px 0}textarea,input[type=text],input[type=url],input:not([type]),select{display:block;width:100%;box-sizing:border-box;margin:2px 0 6px;font:inherit}
fieldset{border:1px solid #d0d5dc;border-radius:6px;margin:8px 0}img{max-width:100%}.meta{color:#4a5260;font-size:13px}
.actions{display:flex;gap:8px;flex-wrap:wrap;margin-top:8px}.decided{font-weight:600}table{border-collapse:collapse;width:100%;background:#fff}td,th{border:1px solid #d0d5dc;padding:4px 8px;text-align:start}
.error{background:#fdecea;border-radius:6px;padding:8px}.closest{background:#f4f6f8;border-radius:6px;padding:4px 10px;margin:8px 0}.closest h3{font-size:14px;margin:4px 0}
.closest li{margin:4px 0}form.inline{display:inline}.group{background:#fff8e1;border-radius:6px;padding:6px 10px}
.wrong-matches{background:#fdecea;border-radius:6px;padding:4px 10px;margin:8px 0}.wrong-matches h3{font-size:14px;margin:4px 0}.preview{background:#f4f6f8;border-radius:6px;padding:6px 10px;margin:8px 0}.preview h3{font-size:14px;margin:4px 0}.preview .sanad-card{max-width:380px}`;

function layout(lang: ConsoleLanguage, title: string, body: string, script = false): string {
  return `<!doctype html><html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(title)}</title>${script ? '<script src="/review/preview.js" defer></script>' : ''}<style>${CARD_CSS}\n${CONSOLE_CSS}</style></head><body>${body}</body></html>`;
}

export function loginPage(lang: ConsoleLanguage, error?: 'wrong-token' | 'token-in-link'): string {
  const t = STRINGS[lang];
  return layout(
    lang,
    t.title,
    `<h1>${t.title}</h1>${error ? `<p class="error" role="alert">${t[error]}</p>` : ''}
<form method="post" action="/review/login?lang=${lang}"><label>${t.token}<input name="token" type="password" autocomplete="off" required></label>
<p class="meta">${escapeHtml(t.loginHelp)}</p><button class="button">${t.login}</button></form>
<p><a href="/review?lang=${lang === 'ar' ? 'en' : 'ar'}">${t.switchLang}</a></p>`,
  );
}

export function messagePage(lang: ConsoleLanguage, message: string): string {
  const t = STRINGS[lang];
  return layout(
    lang,
    t.title,
    `<p class="error" role="alert" dir="ltr">${escapeHtml(message)}</p><p><a href="/review?lang=${lang}">${t.back}</a></p>`,
  );
}

export interface ConsoleView {
  lang: ConsoleLanguage;
  timeZone: string;
  reviewer: string;
  csrf: string;
  desk: Desk;
  submissions: StoredSubmission[];
  audits: Map<number, AuditEntry[]>;
  /** Readers' wrong-match reports about each listed published submission. */
  wrongMatches?: Map<number, StoredWrongMatch[]>;
  counts: Record<SubmissionStatus | 'duplicates', number>;
  /** The closest existing debunks of each listed submission (server/desk-matcher.ts). */
  closest: Map<number, ClosestDebunk[]>;
  /** Of each listed submission's group: its size and newest members. */
  groups: Map<number, { count: number; members: StoredSubmission[] }>;
  filter: { status?: SubmissionStatus | 'duplicates'; search?: string; before?: number };
  /** The id to continue from for the next page, when there is one. */
  next?: number;
  /** "Preview" posted without script: that submission's form keeps what was typed and shows the card. */
  draft?: { id: number; fields: FormFields; preview: CardPreview };
}

/** The preview area's content: the card as rendered by the extension's component, or what is still missing. */
export function previewFragment(preview: CardPreview | undefined, lang: ConsoleLanguage): string {
  if (!preview) return `<p class="meta">${STRINGS[lang].previewHint}</p>`;
  return preview.ok ? preview.html : `<p class="meta" data-preview-missing dir="ltr">${escapeHtml(preview.error)}</p>`;
}

const query = (params: Record<string, string | number | undefined>) => {
  const kept = Object.entries(params).filter(([, v]) => v !== undefined && v !== '') as [string, string][];
  return kept.length ? `?${new URLSearchParams(kept.map(([k, v]) => [k, String(v)])).toString()}` : '';
};

function publicationFields(view: ConsoleView, s: StoredSubmission): string {
  const t = STRINGS[view.lang];
  const review = s.review;
  // After a no-script "Preview": what the reviewer typed, not what is stored.
  const draft = view.draft?.id === s.id ? view.draft.fields : undefined;
  const typed = (name: string, stored: string | undefined): string | undefined => {
    if (!draft) return stored;
    const value = draft[name];
    return typeof value === 'string' ? value : '';
  };
  const option = (value: string, label: string, selected: boolean) =>
    `<option value="${value}"${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;
  const reasonKind = typed('reasonKind', review?.reason?.kind ?? (s.category === 'other' ? undefined : s.category));
  const verdict = typed('verdict', review?.verdict);
  const reason = review?.reason;
  const typedArtifacts = draft && (Array.isArray(draft.artifact) ? draft.artifact : [draft.artifact]).filter((a) => typeof a === 'string');
  const artifacts = new Set<string>(
    typedArtifacts ?? (reason?.kind === 'ai-generated' ? reason.artifacts.flatMap((a) => (a.code ? [a.code] : [])) : []),
  );
  const oldFootage = reason?.kind === 'old-footage' ? reason : undefined;
  const language = typed('language', review?.language) || view.lang;
  return `<label>${t.claim}<textarea name="claim" maxlength="2000" required dir="auto">${escapeHtml(typed('claim', review?.claim ?? s.post.text.slice(0, 2000)) ?? '')}</textarea></label>
      <label>${t.verdict}<select name="verdict" required>${option('', t.choose, !verdict)}${PUBLISHED_VERDICTS.map((v) =>
        option(v, t.verdicts[v as keyof typeof t.verdicts], verdict === v),
      ).join('')}</select></label>
      <label>${t.reasonKind}<select name="reasonKind" required>${option('', t.choose, !reasonKind)}${REASON_KINDS.map((k) => option(k, t.reasons[k], reasonKind === k)).join('')}</select></label>
      <fieldset><legend>${t.reasons['ai-generated']}</legend><p class="meta">${t.artifacts}</p>
        ${ARTIFACT_CODES.map((code) => `<label><input type="checkbox" name="artifact" value="${code}"${artifacts.has(code) ? ' checked' : ''}> ${t.artifactNames[code]}</label>`).join('')}
        <label>${t.artifactText}<input name="artifactText" maxlength="500" value="${escapeHtml(typed('artifactText', '') ?? '')}" dir="auto"></label></fieldset>
      <fieldset><legend>${t.reasons['old-footage']}</legend>
        <label>${t.originalDate}<input name="originalDate" maxlength="10" pattern="\\d{4}(-\\d{2}(-\\d{2})?)?" value="${escapeHtml(typed('originalDate', oldFootage?.originalDate) ?? '')}" dir="ltr"></label>
        <label>${t.originalPlace}<input name="originalPlace" maxlength="200" value="${escapeHtml(typed('originalPlace', Object.values(oldFootage?.originalPlace ?? {})[0]) ?? '')}" dir="auto"></label>
        <label>${t.originalUrl}<input name="originalUrl" type="url" maxlength="2048" value="${escapeHtml(typed('originalUrl', oldFootage?.originalUrl) ?? '')}" dir="ltr"></label></fieldset>
      <fieldset><legend>${t.reasons.edited}</legend><label>${t.editedWhat}<input name="editedWhat" maxlength="500" value="${escapeHtml(typed('editedWhat', '') ?? '')}" dir="auto"></label></fieldset>
      <label>${t.conclusion}<input name="conclusion" maxlength="300" value="${escapeHtml(typed('conclusion', review?.conclusion) ?? '')}" dir="auto"></label>
      <label>${t.factCheckUrl}<input name="factCheckUrl" type="url" maxlength="2048" value="${escapeHtml(typed('factCheckUrl', review?.factCheckUrl) ?? '')}" dir="ltr"${view.desk.url ? '' : ' required'}></label>
      ${view.desk.url ? `<p class="meta">${t.factCheckHelp} ${link(view.desk.url)}</p>` : ''}
      <label>${t.language}<select name="language">${DECISION_LANGUAGES.map((l) => option(l, t.languages[l], language === l)).join('')}</select></label>
      <section class="preview" aria-label="${t.previewHeading}"><h3>${t.previewHeading}</h3><div data-preview-card aria-live="polite">${previewFragment(
        view.draft?.id === s.id ? view.draft.preview : undefined,
        view.lang,
      )}</div>
      <button class="button secondary" name="decision" value="preview" formnovalidate formaction="/review/${s.id}/preview?lang=${view.lang}">${t.preview}</button></section>`;
}

function submissionCard(view: ConsoleView, s: StoredSubmission): string {
  const t = STRINGS[view.lang];
  const csrf = `<input type="hidden" name="csrf" value="${escapeHtml(view.csrf)}">`;
  const here = escapeHtml(query({ lang: view.lang, status: view.filter.status, q: view.filter.search, before: view.filter.before }));
  const history = view.audits.get(s.id) ?? [];
  const decided = s.review
    ? `<p class="decided" data-status="${s.status}">${t[s.status]} ${t.decidedBy} ${escapeHtml(s.review.changed?.by ?? s.review.reviewer)} · ${localDate(s.review.changed?.at ?? s.review.reviewedAt, view.lang, view.timeZone)}${
        s.review.verdict && s.status !== 'rejected'
          ? ` · ${t.verdicts[s.review.verdict as keyof typeof t.verdicts] ?? escapeHtml(s.review.verdict)}`
          : ''
      }</p>${s.review.rejection ? `<p dir="auto">${escapeHtml(s.review.rejection)}</p>` : ''}${s.review.changed?.note ? `<p dir="auto">${escapeHtml(s.review.changed.note)}</p>` : ''}`
    : '';
  const pendingForm = `<form method="post" action="/review/${s.id}${here}" aria-label="${t.verify} #${s.id}" data-preview="/review/${s.id}/preview?lang=${view.lang}">${csrf}${publicationFields(view, s)}
      <div class="actions"><button class="button" name="decision" value="verify">${t.verify}</button></div></form>
    <form method="post" action="/review/${s.id}${here}">${csrf}<label>${t.rejection}<input name="rejection" maxlength="500" dir="auto"></label>
      <button class="button secondary" name="decision" value="reject">${t.reject}</button></form>`;
  const publishedForms = `<details${view.draft?.id === s.id ? ' open' : ''}><summary>${t.correct}</summary><form method="post" action="/review/${s.id}/amend${here}" data-preview="/review/${s.id}/preview?lang=${view.lang}">${csrf}${publicationFields(view, s)}
      <label>${t.note}<input name="note" maxlength="500" dir="auto"></label><button class="button" name="action" value="correct">${t.saveCorrection}</button></form></details>
    <form method="post" action="/review/${s.id}/amend${here}">${csrf}<label>${t.withdrawNote}<input name="note" maxlength="500" required dir="auto"></label>
      <button class="button secondary" name="action" value="withdraw">${t.withdraw}</button></form>`;
  const merged = s.review?.mergedInto
    ? `<p class="decided" data-status="merged">${t.mergedInto} <a href="#s${s.review.mergedInto}">#${s.review.mergedInto}</a> ${t.decidedBy} <bdi>${escapeHtml(s.review.reviewer)}</bdi> · ${localDate(s.review.reviewedAt, view.lang, view.timeZone)}</p>`
    : '';
  return `<article id="s${s.id}" class="submission ${s.status}" data-submission="${s.id}">
    <h2>#${s.id} · ${t.kind[s.kind]} · ${t.category[s.category]}</h2>
    <p class="meta">${t.received} ${localDate(s.receivedAt, view.lang, view.timeZone)} · ${link(s.post.permalink ?? s.post.pageUrl)}${s.post.author ? ` · <bdi>${escapeHtml(s.post.author)}</bdi>` : ''}</p>
    <blockquote dir="auto">${escapeHtml(s.post.text)}</blockquote>
    ${s.note ? `<p class="note" dir="auto"><strong>${t.note}:</strong> ${escapeHtml(s.note)}</p>` : ''}
    ${s.post.links.length ? `<ul>${s.post.links.map((l) => `<li>${link(l)}</li>`).join('')}</ul>` : ''}
    ${s.hasScreenshot ? `<img alt="${t.screenshot}" src="/review/${s.id}/screenshot">` : ''}
    ${mediaLine(view, s)}
    ${groupLine(view, s)}
    ${closestList(view, s, csrf, here)}
    ${merged || decided}
    ${wrongMatchList(view, s)}
    ${s.status === 'pending' ? pendingForm : s.status === 'verified' ? publishedForms : ''}
    ${s.status === 'pending' || s.status === 'verified' ? deskMediaForm(view, s, csrf, here) : ''}
    ${history.length ? `<details class="history"><summary>${t.history}</summary><ul>${history.map((e) => `<li>${auditLine(view.lang, view.timeZone, e)}</li>`).join('')}</ul></details>` : ''}
  </article>`;
}

/** How many frame hashes the submission's media carry, and the desk's files among them. */
function mediaLine(view: ConsoleView, s: StoredSubmission): string {
  const frames = s.post.media.reduce((n, m) => n + (m.frames?.length ?? 0), 0);
  if (!frames) return '';
  const files = s.post.media.flatMap((m) => (m.deskFile ? [`<bdi>${escapeHtml(m.deskFile)}</bdi>`] : [])).join(', ');
  return `<p class="media meta">${STRINGS[view.lang].mediaLine(frames, files)}</p>`;
}

/** The desk's own fingerprint of a file it holds, pasted or uploaded (POST /review/:id/media, multipart). */
function deskMediaForm(view: ConsoleView, s: StoredSubmission, csrf: string, here: string): string {
  const t = STRINGS[view.lang];
  return `<details class="desk-media"><summary>${t.deskMedia}</summary><form method="post" enctype="multipart/form-data" action="/review/${s.id}/media${here}">${csrf}
      <p class="meta">${escapeHtml(t.deskMediaHelp)}</p>
      <label>${t.deskMediaText}<textarea name="fingerprint" rows="3" dir="ltr" spellcheck="false"></textarea></label>
      <label>${t.deskMediaFile}<input type="file" name="file" accept=".json,application/json"></label>
      <button class="button secondary">${t.deskMediaSend}</button></form></details>`;
}

/** Readers who saw this debunk on a post it does not fit: the desk can narrow it (correct) or withdraw it. */
function wrongMatchList(view: ConsoleView, s: StoredSubmission): string {
  const t = STRINGS[view.lang];
  const reports = view.wrongMatches?.get(s.id);
  if (!reports?.length) return '';
  return `<section class="wrong-matches" aria-label="${t.wrongMatches}"><h3>${t.wrongMatches} (${reports.length})</h3><ul>${reports
    .map(
      (r) =>
        `<li data-wrong-match="${r.id}"><strong>${t.wrongMatchReasons[r.reason]}</strong> · ${link(r.postUrl)} <span class="meta">${localDate(r.receivedAt, view.lang, view.timeZone)}</span></li>`,
    )
    .join('')}</ul><p class="meta">${t.wrongMatchHelp}</p></section>`;
}

/** The other submissions of its group (same post, media or claim), linked. */
function groupLine(view: ConsoleView, s: StoredSubmission): string {
  const t = STRINGS[view.lang];
  // Placed in the background: until then the reviewer sees that its group is still being looked for.
  if (!s.group) return `<p class="grouping meta">${t.grouping}</p>`;
  const group = view.groups.get(s.group.id);
  if (!group || group.count < 2) return '';
  const others = group.members.filter((m) => m.id !== s.id).slice(0, 5);
  const reason = s.group!.reason ?? others.find((m) => m.group?.reason)?.group?.reason;
  return `<p class="group" data-group="${s.group!.id}">${t.group} ${t.groupOthers(group.count - 1)}${reason ? ` (${t.groupReasons[reason]})` : ''}: ${others
    .map(
      (m) =>
        `<a href="/review${escapeHtml(query({ lang: view.lang, before: m.id + 1 }))}#s${m.id}">#${m.id}</a> <span class="meta">${t[m.status]}</span>`,
    )
    .join(' · ')}</p>`;
}

/** The closest existing debunks, and for the desk's own, the button that adds this submission to it. */
function closestList(view: ConsoleView, s: StoredSubmission, csrf: string, here: string): string {
  const t = STRINGS[view.lang];
  const found = view.closest.get(s.id);
  if (!found?.length) return '';
  const items = found.map((c) => {
    const verdict = t.verdicts[c.debunk.verdict as keyof typeof t.verdicts] ?? escapeHtml(c.debunk.verdict);
    const source = c.submissionId !== undefined ? `${t.thisDesk} #${c.submissionId}` : escapeHtml(c.debunk.publisher.name);
    const add =
      s.status === 'pending' && c.submissionId !== undefined
        ? `<form method="post" action="/review/${s.id}/appearance${here}" class="inline">${csrf}<input type="hidden" name="debunk" value="${c.submissionId}"><button class="button secondary">${t.addAppearance}</button></form>`
        : '';
    return `<li data-debunk="${escapeHtml(c.debunk.id)}"><strong>${verdict}</strong> · <q dir="auto">${escapeHtml(c.debunk.claim.slice(0, 300))}</q>
      <span class="meta">${source} · ${t.how[c.how]}${c.strong ? ` · ${t.strong}` : ` · ${Math.round(c.score * 100)}%`}</span> ${link(c.debunk.reviewUrl)}${add}</li>`;
  });
  return `<section class="closest" aria-label="${t.closest}"><h3>${t.closest}</h3><ul>${items.join('')}</ul></section>`;
}

function auditLine(lang: ConsoleLanguage, timeZone: string, e: AuditEntry): string {
  const t = STRINGS[lang];
  return `${localDate(e.at, lang, timeZone)} · <bdi>${escapeHtml(e.reviewer)}</bdi> ${t.actions[e.action]}${e.submissionId !== undefined ? ` #${e.submissionId}` : ''}${e.detail ? ` — <bdi>${escapeHtml(e.detail)}</bdi>` : ''}`;
}

export function consolePage(view: ConsoleView): string {
  const t = STRINGS[view.lang];
  const { status, search } = view.filter;
  const total = SUBMISSION_STATUSES.reduce((sum, s) => sum + view.counts[s], 0);
  const tab = (value: SubmissionStatus | 'duplicates' | undefined, label: string, n: number) =>
    `<a href="/review${escapeHtml(query({ lang: view.lang, status: value, q: search }))}"${status === value ? ' aria-current="page"' : ''}>${label} (${n})</a>`;
  const csrf = `<input type="hidden" name="csrf" value="${escapeHtml(view.csrf)}">`;
  return layout(
    view.lang,
    t.title,
    `<header><h1>${t.title}</h1><div>${t.signedIn} <bdi>${escapeHtml(view.reviewer)}</bdi> ·
  <a href="/review/audit?lang=${view.lang}">${t.audit}</a> ·
  <a href="/review${escapeHtml(query({ lang: view.lang === 'ar' ? 'en' : 'ar', status, q: search }))}">${t.switchLang}</a>
  <form method="post" action="/review/logout" style="display:inline">${csrf}<button class="link-button">${t.logout}</button></form></div></header>
<p class="meta">${t.feedLine} <a href="/feed.json" dir="ltr">/feed.json</a></p>
<nav class="filters" aria-label="filters">${tab(undefined, t.all, total)}${(['pending', 'verified', 'rejected', 'withdrawn', 'merged', 'duplicates'] as const).map((s) => tab(s, t[s], view.counts[s])).join('')}</nav>
<form class="search" method="get" action="/review" role="search"><input type="hidden" name="lang" value="${view.lang}">${status ? `<input type="hidden" name="status" value="${status}">` : ''}
  <input name="q" type="search" value="${escapeHtml(search ?? '')}" placeholder="${t.searchPlaceholder}" aria-label="${t.search}" dir="auto"><button class="button">${t.search}</button></form>
${view.submissions.length ? view.submissions.map((s) => submissionCard(view, s)).join('\n') : `<p>${t.none}</p>`}
<nav class="pages">${view.filter.before ? `<a href="/review${escapeHtml(query({ lang: view.lang, status, q: search }))}">${t.first}</a> ` : ''}${
      view.next
        ? `<a rel="next" href="/review${escapeHtml(query({ lang: view.lang, status, q: search, before: view.next }))}">${t.next}</a>`
        : ''
    }</nav>`,
    true,
  );
}

export function auditPage(lang: ConsoleLanguage, timeZone: string, entries: AuditEntry[]): string {
  const t = STRINGS[lang];
  const rows = entries
    .map(
      (e) =>
        `<tr><td>${localDate(e.at, lang, timeZone)}</td><td><bdi>${escapeHtml(e.reviewer)}</bdi></td><td>${t.actions[e.action]}</td><td>${
          e.submissionId !== undefined ? `<a href="/review?lang=${lang}#s${e.submissionId}">#${e.submissionId}</a>` : ''
        }</td><td dir="auto">${escapeHtml(e.detail ?? '')}</td></tr>`,
    )
    .join('');
  return layout(
    lang,
    `${t.audit} · ${t.title}`,
    `<h1>${t.audit}</h1><p><a href="/review?lang=${lang}">${t.back}</a></p>
<table><thead><tr><th>${t.when}</th><th>${t.who}</th><th>${t.what}</th><th>${t.submission}</th><th>${t.note}</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}
