// Source of public/_locales/*/messages.json: one row per key with English and Arabic side by side, so a
// translation cannot be forgotten. Run `node scripts/locales-source.mjs` after editing; a unit test checks
// that the committed files are what this script generates.
import { writeFileSync, mkdirSync } from 'node:fs';

const M = {
  // The locale the UI is actually shown in (the browser falls back to English for other languages).
  uiLocale: ['en', 'ar'],
  extName: ['Sanad — fact-checks in your feed', 'سند — التحقق من الأخبار في صفحتك'],
  extDescription: [
    'Shows, inside your social feeds, when a shared video or claim has already been debunked by fact-checkers, and why. Matching happens on your device.',
    'يُظهر داخل صفحات التواصل الاجتماعي متى فنّد مدققو المعلومات فيديو أو ادعاءً متداولاً، ولماذا. تجري المطابقة على جهازك.',
  ],
  popupTitle: ['Sanad', 'سند'],
  popupSubtitle: ['Fact-checks for this page', 'نتائج التحقق لهذه الصفحة'],
  emptyTitle: ['No debunked posts found on this page', 'لم نجد في هذه الصفحة منشورات فنّدها مدققو المعلومات'],
  emptyBody: [
    'Sanad checks posts on X and YouTube against $COUNT$ fact-checks stored on your device. Nothing you browse leaves it.',
    'يقارن سند منشورات X ويوتيوب مع $COUNT$ تحققًا محفوظًا على جهازك. لا يغادره شيء مما تتصفحه.',
    'count',
  ],
  loading: ['Loading…', 'جارٍ التحميل…'],
  loadError: ['Could not read this tab’s results: $ERROR$', 'تعذّرت قراءة نتائج هذا التبويب: $ERROR$', 'error'],
  matchedCount: ['$COUNT$ debunked post(s) on this page', 'منشورات مُفنَّدة في هذه الصفحة: $COUNT$', 'count'],
  verdict_false: ['False', 'زائف'],
  verdict_misleading: ['Misleading', 'مضلّل'],
  verdict_altered: ['Fabricated or altered', 'مفبرك أو معدّل'],
  verdict_satire: ['Satire', 'محتوى ساخر'],
  verdict_unproven: ['Unproven', 'غير مثبت'],
  verdict_true: ['Rated true', 'صحيح'],
  verdict_unrated: ['Fact-checked', 'خضع للتحقق'],
  badgeName: ['Sanad: fact-checked as “$VERDICT$”. Show why', 'سند: التحقق يقول «$VERDICT$». اعرض السبب', 'verdict'],
  badgeText: ['$VERDICT$', '$VERDICT$', 'verdict'],
  claimHeading: ['The claim', 'الادعاء'],
  reasonsHeading: ['Why', 'لماذا'],
  reason_ai_generated: ['The video was generated with AI. Signs observed:', 'الفيديو مولَّد بالذكاء الاصطناعي. من المؤشرات:'],
  reason_old_footage: ['Old footage shared as if it were new.', 'مقطع قديم يُتداول على أنه حديث.'],
  reason_edited: ['The media was edited or cropped.', 'المقطع معدّل أو مقتطع.'],
  reason_staged: ['The scene was staged.', 'المشهد مُمَثَّل ومُعدّ مسبقًا.'],
  reason_satire: ['It is satire or parody, shared as fact.', 'محتوى ساخر يُتداول على أنه حقيقة.'],
  reason_false_claim: ['The claim is false.', 'الادعاء غير صحيح.'],
  reason_misleading: ['The claim is misleading.', 'الادعاء مضلّل.'],
  reason_unproven: ['There is no evidence for the claim.', 'لا دليل على صحة الادعاء.'],
  artifact_lip_sync: ['Lip movement does not match the speech', 'حركة الشفاه لا تطابق الكلام'],
  artifact_blur: ['Blurry, smeared scenes', 'ضبابية في المشاهد'],
  artifact_distorted_body: ['Distorted body parts (limbs, hands, faces)', 'تشوّه في أجزاء الجسم (الأطراف أو الأيدي أو الوجوه)'],
  artifact_repeated_motion: ['The same motion repeats; bodies almost frozen', 'تكرار نمط الحركة نفسه وأجساد شبه ثابتة'],
  artifact_frozen_figures: ['People stay unnaturally still', 'أشخاص ثابتون بشكل غير طبيعي'],
  artifact_garbled_text: ['Garbled writing on signs or clothes', 'كتابة مشوّهة على اللافتات أو الملابس'],
  artifact_unnatural_voice: ['The voice sounds synthetic', 'الصوت يبدو اصطناعيًا'],
  oldFootageFirst: ['First published in $DATE$, $PLACE$', 'نُشر أول مرة في $DATE$، $PLACE$', 'date', 'place'],
  oldFootageFirstDate: ['First published in $DATE$', 'نُشر أول مرة في $DATE$', 'date'],
  oldFootageFirstPlace: ['First filmed in $PLACE$', 'صُوِّر أصلًا في $PLACE$', 'place'],
  originalLink: ['See the original', 'شاهد الأصل'],
  factCheckBy: ['Fact-check by $PUBLISHER$', 'تحقق: $PUBLISHER$', 'publisher'],
  unknownPublisher: ['an unnamed fact-checker', 'جهة تحقق غير مسماة'],
  publishedOn: ['Published $DATE$', 'نُشر في $DATE$', 'date'],
  readFactCheck: ['Read the fact-check', 'اقرأ التحقق'],
  how_same_media: ['Matched: the same video or post the fact-check names', 'طريقة المطابقة: الفيديو أو المنشور نفسه الذي يذكره التحقق'],
  how_same_link: ['Matched: the post links to the debunked source', 'طريقة المطابقة: المنشور يربط بالمصدر المُفنَّد'],
  how_same_footage: [
    'Matched: the same footage as the debunked video ($SHARE$ of the frames compared; $SEEN$ of the debunked video seen)',
    'طريقة المطابقة: اللقطات نفسها التي في الفيديو المُفنَّد ($SHARE$ من الإطارات المقارنة؛ ظهر $SEEN$ من الفيديو المُفنَّد)',
    'share',
    'seen',
  ],
  how_similar_text: [
    'Matched: similar wording — $STRENGTH$ ($SCORE$)',
    'طريقة المطابقة: صياغة مشابهة — $STRENGTH$ ($SCORE$)',
    'strength',
    'score',
  ],
  strength_strong: ['strong', 'قوية'],
  strength_moderate: ['moderate', 'متوسطة'],
  strength_weak: ['weak', 'ضعيفة'],
  mentionsClaim: ['Mentions a fact-checked claim ($COUNT$)', 'يذكر ادعاءً مدقَّقًا ($COUNT$)', 'count'],
  mentionsClaimHint: [
    'Not badged: these posts deny the claim, report its fact-check or link one.',
    'بلا شارة: هذه المنشورات تنفي الادعاء أو تنقل تدقيقه أو تشير إليه.',
  ],
  possiblyRelated: ['Possibly related ($COUNT$)', 'قد يكون ذا صلة ($COUNT$)', 'count'],
  possiblyRelatedHint: ['Not badged: the wording is only partly similar.', 'بلا شارة: الصياغة متشابهة جزئيًا فقط.'],
  postHeading: ['Post', 'المنشور'],
  openPost: ['Open the post', 'افتح المنشور'],
  close: ['Close', 'إغلاق'],
  listStatus: ['$COUNT$ fact-checks on this device', 'عدد التحققات على هذا الجهاز: $COUNT$', 'count'],
  seenIn: ['Seen in $COUNT$ post(s) on this page', 'ظهر في $COUNT$ من منشورات هذه الصفحة', 'count'],
  reportWrong: ['Report a wrong match', 'الإبلاغ عن مطابقة خاطئة'],
  reportWrongName: ['Report a wrong match for this post', 'الإبلاغ عن مطابقة خاطئة لهذا المنشور'],
  reportedWrong: ['Thanks. This post will no longer be marked for this fact-check.', 'شكرًا. لن يُعلَّم هذا المنشور بهذا التحقق بعد الآن.'],
  openSettings: ['Settings', 'الإعدادات'],
  optionsTitle: ['Sanad settings', 'إعدادات سند'],
  sitesHeading: ['Sites', 'المواقع'],
  sitesHint: ['Sanad looks at posts only on the sites switched on here.', 'لا يقرأ سند المنشورات إلا في المواقع المفعّلة هنا.'],
  site_x: ['X (Twitter)', 'إكس (تويتر)'],
  site_youtube: ['YouTube', 'يوتيوب'],
  site_facebook: ['Facebook', 'فيسبوك'],
  site_tiktok: ['TikTok', 'تيك توك'],
  site_instagram: ['Instagram', 'إنستغرام'],
  site_telegram: ['Telegram Web', 'تيليغرام ويب'],
  languageHeading: ['Language', 'اللغة'],
  language_auto: ['Browser default', 'لغة المتصفح'],
  language_ar: ['العربية', 'العربية'],
  language_en: ['English', 'English'],
  listsHeading: ['Fact-check lists', 'قوائم التحقق'],
  list_bundled: ['Built-in list', 'القائمة المدمجة'],
  listLine: ['$NAME$: $COUNT$ fact-checks, updated $DATE$', '$NAME$: $COUNT$ تحققًا، آخر تحديث $DATE$', 'name', 'count', 'date'],
  noLists: ['No fact-check list is loaded yet.', 'لم تُحمَّل أي قائمة تحقق بعد.'],
  privacyHeading: ['Privacy', 'الخصوصية'],
  privacyBody: [
    'Sanad matches posts on your device. Nothing you see or browse leaves it: no page text, no address, no history. The only network traffic is downloading the fact-check feeds you subscribe to, and sending what you explicitly choose to submit.',
    'يطابق سند المنشورات على جهازك. لا يغادره شيء مما تراه أو تتصفحه: لا نصوص الصفحات ولا عناوينها ولا سجل التصفح. حركة الشبكة الوحيدة هي تنزيل قوائم التحقق التي تشترك فيها، وإرسال ما تختار إرساله صراحةً.',
  ],
  dataHeading: ['Your data', 'بياناتك'],
  dataHint: [
    'Export your settings and wrong-match reports as a JSON file, or import them on another browser.',
    'صدّر إعداداتك وبلاغات المطابقة الخاطئة في ملف JSON، أو استوردها في متصفح آخر.',
  ],
  exportData: ['Export (JSON)', 'تصدير (JSON)'],
  importData: ['Import…', 'استيراد…'],
  imported: ['Imported $COUNT$ wrong-match report(s).', 'استُورد $COUNT$ من بلاغات المطابقة الخاطئة.', 'count'],
  importFailed: ['Nothing was imported: $ERROR$', 'لم يُستورد شيء: $ERROR$', 'error'],
  wrongMatchesHeading: ['Wrong-match reports', 'بلاغات المطابقة الخاطئة'],
  wrongMatchesCount: ['$COUNT$ report(s) kept on this device', 'عدد البلاغات المحفوظة على هذا الجهاز: $COUNT$', 'count'],
  saved: ['Saved', 'حُفظ'],
  feedsHeading: ['Fact-check feeds', 'مصادر التحقق'],
  feedsHint: [
    'Subscribe to a fact-checking desk’s feed: Sanad downloads it on a schedule and matches against it on your device.',
    'اشترك في مصدر جهة تحقق: ينزّله سند بانتظام ويطابق المنشورات معه على جهازك.',
  ],
  feedSyncEvery: ['Sync every', 'المزامنة كل'],
  feedSyncHours: ['$COUNT$ h', '$COUNT$ ساعة', 'count'],
  feedStaleAfter: ['Warn when a feed has not updated for', 'نبّهني إذا لم يتحدّث مصدر منذ'],
  feedStaleDays: ['$COUNT$ d', '$COUNT$ يوم', 'count'],
  feedUrl: ['Feed address', 'عنوان المصدر'],
  feedKind: ['Kind', 'النوع'],
  feedKind_sanad: ['Sanad feed (signed)', 'مصدر سند (موقّع)'],
  feedKind_claimreview: ['Plain ClaimReview JSON (unsigned)', 'ClaimReview عادي (غير موقّع)'],
  feedKind_google: ['Google Fact Check Tools (your own API key)', 'أدوات التحقق من Google (بمفتاح API الخاص بك)'],
  googleKey: ['Your Google API key', 'مفتاح Google API الخاص بك'],
  googleQuery: ['Search words', 'كلمات البحث'],
  googleSite: ['or a fact-checker’s site (e.g. misbar.com)', 'أو موقع جهة تحقق (مثل misbar.com)'],
  googleLanguage: ['Language code (e.g. ar)', 'رمز اللغة (مثل ar)'],
  googleMaxAge: ['Fact-checks from the last … days', 'التحققات المنشورة خلال آخر … يومًا'],
  googleHint: [
    'Only your search words, language and age limit go to Google, never what you browse.',
    'لا يُرسل إلى Google إلا كلمات البحث واللغة والمدة التي تختارها، ولا شيء مما تتصفحه.',
  ],
  feedKey: ['Publisher’s public key', 'المفتاح العام للناشر'],
  addFeed: ['Add feed', 'إضافة المصدر'],
  syncNow: ['Sync now', 'مزامنة الآن'],
  feedLine: ['$NAME$: $COUNT$ fact-checks, last updated $DATE$', '$NAME$: $COUNT$ تحققًا، آخر تحديث $DATE$', 'name', 'count', 'date'],
  feedNever: ['never', 'لم يحدث'],
  feedUnsigned: ['unsigned', 'غير موقّع'],
  feedError: ['Last sync failed: $ERROR$ (the previous list is kept)', 'فشلت آخر مزامنة: $ERROR$ (أُبقيت القائمة السابقة)', 'error'],
  feedStale: ['Not updated for more than 3 days', 'لم يُحدَّث منذ أكثر من 3 أيام'],
  feedAdded: ['Feed added: $COUNT$ fact-checks.', 'أُضيف المصدر: $COUNT$ تحققًا.', 'count'],
  feedAddFailed: ['The feed was not added: $ERROR$', 'لم يُضف المصدر: $ERROR$', 'error'],
  feedNoPermission: [
    'Sanad was not allowed to read that site; the feed works only if it allows cross-origin requests.',
    'لم يُسمح لسند بقراءة ذلك الموقع؛ لن يعمل المصدر إلا إذا سمح بالطلبات من مصادر أخرى.',
  ],
  synced: ['Feeds synced.', 'تمت مزامنة المصادر.'],
  addListFile: ['Add a list from a file (ClaimReview JSON)…', 'إضافة قائمة من ملف (ClaimReview JSON)…'],
  listAdded: ['Added $COUNT$ fact-checks. $DETAILS$', 'أُضيف $COUNT$ تحققًا. $DETAILS$', 'count', 'details'],
  listFailed: ['The list was not added: $ERROR$', 'لم تُضف القائمة: $ERROR$', 'error'],
  removeList: ['Remove', 'إزالة'],
  removeListName: ['Remove the list $NAME$', 'إزالة القائمة $NAME$', 'name'],

  // Submissions: the context menu, the submit form, the outbox and the intake service in options.
  menuSubmit: ['Submit this claim for checking', 'أرسل هذا الادعاء للتحقق'],
  menuFlag: ['Flag for my desk', 'علِّمه لمكتب التحقق'],
  popupSubmit: ['Submit a claim from this page', 'أرسل ادعاءً من هذه الصفحة للتحقق'],
  submitTitle: ['Submit a claim for checking', 'إرسال ادعاء للتحقق'],
  flagTitle: ['Flag a post for your desk', 'تعليم منشور لمكتب التحقق'],
  submitPost: ['The post', 'المنشور'],
  submitPageUrl: ['Page', 'الصفحة'],
  submitText: ['What it claims', 'ما يدّعيه'],
  submitCategory: ['What looks wrong', 'ما الذي يبدو خاطئًا'],
  category_ai_generated: ['Suspected AI-generated', 'يُشتبه أنه مولَّد بالذكاء الاصطناعي'],
  category_old_footage: ['Old footage shown as new', 'لقطات قديمة تُعرض على أنها جديدة'],
  category_false_claim: ['False claim', 'ادعاء كاذب'],
  category_other: ['Something else', 'أمر آخر'],
  submitNote: ['Note for the fact-checkers (optional)', 'ملاحظة للمدققين (اختيارية)'],
  submitScreenshot: ['Include this screenshot of the post', 'أرفق لقطة الشاشة هذه للمنشور'],
  submitNoScreenshot: ['No screenshot could be taken: $REASON$', 'تعذّر التقاط لقطة شاشة: $REASON$', 'reason'],
  submitSend: ['Send', 'أرسل'],
  submitQueued: [
    'Queued. Sanad keeps it on this device and sends it to the desk, retrying until the service has it.',
    'أُضيف إلى قائمة الإرسال. يحتفظ به سند على هذا الجهاز ويرسله إلى مكتب التحقق، ويعيد المحاولة حتى تستلمه الخدمة.',
  ],
  submitNoIntake: [
    'No intake service is set yet: it will be sent once you set one in the options.',
    'لم تُحدَّد خدمة استقبال بعد: سيُرسل حين تحددها في الإعدادات.',
  ],
  submitFailed: ['It was not queued: $REASON$', 'لم يُضف إلى قائمة الإرسال: $REASON$', 'reason'],
  submitExpired: [
    'This form has expired. Right-click the post again.',
    'انتهت صلاحية هذا النموذج. انقر بزر الفأرة الأيمن على المنشور من جديد.',
  ],
  openOptions: ['Open the options', 'افتح الإعدادات'],
  outboxHeading: ['Submissions', 'الإرسالات'],
  intakeLabel: ['Intake service address', 'عنوان خدمة الاستقبال'],
  intakeHint: [
    'Your fact-checking desk gives you this address. Submissions go there and nowhere else.',
    'يعطيك مكتب التحقق هذا العنوان. تذهب الإرسالات إليه وحده.',
  ],
  intakeSave: ['Save', 'احفظ'],
  intakeSaved: ['Saved. Waiting submissions are being sent.', 'حُفظ. تُرسل الآن الإرسالات المنتظرة.'],
  intakeInvalid: ['Enter an http(s) address.', 'أدخل عنوانًا يبدأ بـ http أو https.'],
  intakeNoPermission: ['Sanad was not allowed to reach that address.', 'لم يُسمح لسند بالوصول إلى ذلك العنوان.'],
  factCheckerMode: [
    'Fact-checker mode: “Flag for my desk” in the menu, and my flags here',
    'وضع المدقق: «علِّمه لمكتب التحقق» في القائمة، وتعليماتي هنا',
  ],
  outboxEmpty: ['Nothing submitted yet.', 'لم يُرسل شيء بعد.'],
  outboxState_queued: ['Waiting to be sent', 'بانتظار الإرسال'],
  outboxState_sending: ['Sending', 'يُرسل الآن'],
  outboxState_sent: ['Delivered', 'وصل'],
  outboxState_retrying: ['Not delivered yet: will retry', 'لم يصل بعد: ستُعاد المحاولة'],
  outboxState_rejected: ['Refused by the service', 'رفضته الخدمة'],
  outboxKind_claim: ['Claim', 'ادعاء'],
  outboxKind_flag: ['Flag', 'تعليم'],
  outboxRetry: ['Retry now', 'أعد المحاولة الآن'],
  outboxCancel: ['Cancel', 'ألغِ'],
  outboxNextTry: ['next try $TIME$', 'المحاولة التالية $TIME$', 'time'],
  exportFlagsJson: ['Export my flags as ClaimReview drafts (JSON-LD)', 'صدّر تعليماتي مسودات ClaimReview ‏(JSON-LD)'],
  exportFlagsCsv: ['Export my flags as CSV', 'صدّر تعليماتي بصيغة CSV'],
};

const LOCALES = { en: 0, ar: 1 };

/** locale → messages.json content. */
export function buildLocales() {
  const result = {};
  for (const [locale, column] of Object.entries(LOCALES)) {
    const out = {};
    for (const [key, [en, ar, ...placeholders]] of Object.entries(M)) {
      out[key] = { message: [en, ar][column] };
      if (placeholders.length) {
        out[key].placeholders = Object.fromEntries(placeholders.map((p, i) => [p, { content: `$${i + 1}` }]));
      }
    }
    result[locale] = `${JSON.stringify(out, null, 2)}\n`;
  }
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [locale, json] of Object.entries(buildLocales())) {
    mkdirSync(new URL(`../public/_locales/${locale}/`, import.meta.url), { recursive: true });
    writeFileSync(new URL(`../public/_locales/${locale}/messages.json`, import.meta.url), json);
  }
}
