// Source of public/_locales/*/messages.json: one row per key with English and Arabic side by side, so a
// translation cannot be forgotten. Run `node scripts/locales-source.mjs` after editing; a unit test checks
// that the committed files are what this script generates.
//
// A message with a count is a `plural(...)`: one form per CLDR plural category of each language (English:
// one, other; Arabic: zero, one, two, few, many, other), written out as `<key>__<category>` keys that
// `tn()` in lib/i18n/t.ts picks with Intl.PluralRules. Every locale file carries all six keys so both files
// have the same keys; English categories it never uses repeat its `other` form.
import { writeFileSync, mkdirSync } from 'node:fs';

const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** A counted message: `en` and `ar` map plural categories to text; `placeholders` name $1…, `count` first. */
export function plural(en, ar, ...placeholders) {
  return { plural: true, en, ar, placeholders: ['count', ...placeholders] };
}

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
  emptyBody: plural(
    {
      one: 'Sanad checks posts on $SITES$ against 1 fact-check stored on your device. Nothing you browse leaves it.',
      other: 'Sanad checks posts on $SITES$ against $COUNT$ fact-checks stored on your device. Nothing you browse leaves it.',
    },
    {
      zero: 'يقارن سند المنشورات على $SITES$، ولا يوجد على جهازك أي تحقق بعد. لا يغادره شيء مما تتصفحه.',
      one: 'يقارن سند المنشورات على $SITES$ بتحقق واحد محفوظ على جهازك. لا يغادره شيء مما تتصفحه.',
      two: 'يقارن سند المنشورات على $SITES$ بتحققَين محفوظَين على جهازك. لا يغادره شيء مما تتصفحه.',
      few: 'يقارن سند المنشورات على $SITES$ بـ$COUNT$ تحققات محفوظة على جهازك. لا يغادره شيء مما تتصفحه.',
      many: 'يقارن سند المنشورات على $SITES$ بـ$COUNT$ تحققًا محفوظًا على جهازك. لا يغادره شيء مما تتصفحه.',
      other: 'يقارن سند المنشورات على $SITES$ بـ$COUNT$ تحقق محفوظ على جهازك. لا يغادره شيء مما تتصفحه.',
    },
    'sites',
  ),
  loading: ['Loading…', 'جارٍ التحميل…'],
  unreadableTitle: ['Sanad cannot read this page: the site may have changed', 'لا يستطيع سند قراءة هذه الصفحة: ربما غيّر الموقع شكل صفحاته'],
  unreadableBody: plural(
    {
      one: 'The page has loaded, but Sanad found no post among its 1 element, so it can check nothing here. Nothing was sent anywhere.',
      other:
        'The page has loaded, but Sanad found no post among its $COUNT$ elements, so it can check nothing here. Nothing was sent anywhere.',
    },
    {
      zero: 'اكتمل تحميل الصفحة، لكن سند لم يجد فيها أي منشور، فلا يستطيع التحقق من شيء هنا. لم يُرسَل شيء إلى أي مكان.',
      one: 'اكتمل تحميل الصفحة، لكن سند لم يجد أي منشور في عنصرها الوحيد، فلا يستطيع التحقق من شيء هنا. لم يُرسَل شيء إلى أي مكان.',
      two: 'اكتمل تحميل الصفحة، لكن سند لم يجد أي منشور في عنصرَيها، فلا يستطيع التحقق من شيء هنا. لم يُرسَل شيء إلى أي مكان.',
      few: 'اكتمل تحميل الصفحة، لكن سند لم يجد أي منشور بين عناصرها الـ$COUNT$، فلا يستطيع التحقق من شيء هنا. لم يُرسَل شيء إلى أي مكان.',
      many: 'اكتمل تحميل الصفحة، لكن سند لم يجد أي منشور بين عناصرها الـ$COUNT$، فلا يستطيع التحقق من شيء هنا. لم يُرسَل شيء إلى أي مكان.',
      other: 'اكتمل تحميل الصفحة، لكن سند لم يجد أي منشور بين عناصرها الـ$COUNT$، فلا يستطيع التحقق من شيء هنا. لم يُرسَل شيء إلى أي مكان.',
    },
  ),
  copyDiagnostic: ['Copy a diagnostic', 'نسخ تقرير تشخيصي'],
  copyDiagnosticHint: [
    'Copies the shape of this page (its tag names, roles and attribute names, with counts; no text and no addresses) for you to share with the Sanad maintainers if you choose.',
    'ينسخ شكل هذه الصفحة (أسماء الوسوم والأدوار والسمات مع أعدادها، دون أي نص أو عنوان) لتشاركه مع القائمين على سند إن شئت.',
  ],
  diagnosticCopied: ['Diagnostic copied.', 'نُسخ التقرير التشخيصي.'],
  diagnosticFailed: ['Could not copy the diagnostic: $ERROR$', 'تعذّر نسخ التقرير التشخيصي: $ERROR$', 'error'],
  loadError: ['Could not read this tab’s results: $ERROR$', 'تعذّرت قراءة نتائج هذا التبويب: $ERROR$', 'error'],
  matchedCount: plural(
    { one: '1 debunked post on this page', other: '$COUNT$ debunked posts on this page' },
    {
      zero: 'لا منشورات مُفنَّدة في هذه الصفحة',
      one: 'منشور مُفنَّد واحد في هذه الصفحة',
      two: 'منشوران مُفنَّدان في هذه الصفحة',
      few: '$COUNT$ منشورات مُفنَّدة في هذه الصفحة',
      many: '$COUNT$ منشورًا مُفنَّدًا في هذه الصفحة',
      other: '$COUNT$ منشور مُفنَّد في هذه الصفحة',
    },
  ),
  // What the fact-check found, in a few words: the badge's text and the card's heading (lib: components/finding.ts).
  finding_ai_generated: ['AI-generated', 'مولَّد بالذكاء الاصطناعي'],
  finding_old_footage: ['Old footage', 'مقطع قديم'],
  finding_old_footage_from: ['Old footage: $FROM$', 'مقطع قديم ($FROM$)', 'from'],
  finding_edited: ['Edited media', 'مقطع معدَّل'],
  finding_staged: ['Staged scene', 'مشهد مُمثَّل'],
  finding_satire: ['Satire shared as fact', 'محتوى ساخر يُتداول كحقيقة'],
  finding_false_claim: ['False claim', 'ادعاء زائف'],
  finding_misleading: ['Misleading claim', 'ادعاء مضلِّل'],
  finding_unproven: ['Unproven claim', 'ادعاء غير مثبت'],
  finding_altered: ['Fabricated or altered media', 'محتوى مفبرك أو معدَّل'],
  finding_fact_checked: ['Fact-checked', 'خضع للتحقق'],
  yearAndPlace: ['$YEAR$, $PLACE$', '$YEAR$، $PLACE$', 'year', 'place'],
  // How sure the match is, said as what it is: the same post or footage, or a similar claim.
  certainty_same_media: ['Same post or video as fact-checked', 'المنشور أو الفيديو نفسه الذي خضع للتحقق'],
  certainty_same_footage: ['Same footage as fact-checked', 'اللقطات نفسها التي خضعت للتحقق'],
  certainty_same_picture: ['Same picture as fact-checked', 'الصورة نفسها التي خضعت للتحقق'],
  certainty_same_link: ['Links to what was fact-checked', 'يربط بما خضع للتحقق'],
  certainty_similar_text: ['Similar claim fact-checked', 'ادعاء مشابه خضع للتحقق'],
  certainty_related: ['Possibly related fact-check', 'تحقق قد يكون ذا صلة'],
  // Starts with the badge's visible words, so speech input and screen readers name it as it reads.
  badgeName: [
    '$FINDING$ · $DESK$. Sanad: $CERTAINTY$. Show why',
    '$FINDING$ · $DESK$. سند: $CERTAINTY$. اعرض السبب',
    'finding',
    'desk',
    'certainty',
  ],
  deskRating: ['$DESK$’s rating: $RATING$', 'تقييم $DESK$: $RATING$', 'desk', 'rating'],
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
  list_builtIn: ['From Sanad’s built-in list', 'من قائمة سند المدمجة'],
  list_signed: ['From the signed feed of $NAME$', 'من الخلاصة الموقّعة لـ $NAME$', 'name'],
  list_unsigned: [
    'From the unsigned list $NAME$: who published it is not verified',
    'من القائمة غير الموقّعة $NAME$: لم يُتحقق من ناشرها',
    'name',
  ],
  credentials_says: [
    'The debunked file’s Content Credentials say: $WHAT$ (written by $TOOL$; Sanad did not check their signature)',
    'بيانات اعتماد المحتوى في الملف المُفنَّد تقول: $WHAT$ (كتبها $TOOL$؛ لم يتحقق سند من توقيعها)',
    'what',
    'tool',
  ],
  credentials_unnamedTool: ['an unnamed tool', 'أداة غير مسماة'],
  credentials_aiGenerated: ['made by AI', 'صُنع بالذكاء الاصطناعي'],
  credentials_aiComposite: ['contains parts made by AI', 'يتضمن أجزاء صُنعت بالذكاء الاصطناعي'],
  credentials_algorithmic: ['made by a program, not by AI', 'صُنع ببرنامج، لا بالذكاء الاصطناعي'],
  credentials_composite: ['combined from several sources', 'مركّب من عدة مصادر'],
  credentials_edited: ['edited, no AI named', 'عُدِّل، دون ذكر للذكاء الاصطناعي'],
  credentials_noAi: ['no AI named', 'لا ذكر للذكاء الاصطناعي'],
  how_same_media: ['Matched: the same video or post the fact-check names', 'طريقة المطابقة: الفيديو أو المنشور نفسه الذي يذكره التحقق'],
  how_same_link: ['Matched: the post links to the debunked source', 'طريقة المطابقة: المنشور يربط بالمصدر المُفنَّد'],
  how_same_footage: [
    'Matched: the same footage as the debunked video ($SHARE$ of the frames compared; $SEEN$ of the debunked video seen)',
    'طريقة المطابقة: اللقطات نفسها التي في الفيديو المُفنَّد ($SHARE$ من الإطارات المقارنة؛ ظهر $SEEN$ من الفيديو المُفنَّد)',
    'share',
    'seen',
  ],
  how_same_picture: [
    'Matched: the same picture as the debunked image ($SHARE$ of the post’s pictures compared)',
    'طريقة المطابقة: الصورة نفسها التي فُنِّدت ($SHARE$ من صور المنشور المقارنة)',
    'share',
  ],
  how_similar_text: ['Matched: the post makes this claim in similar words', 'طريقة المطابقة: المنشور يذكر هذا الادعاء بصياغة مشابهة'],
  how_related: ['Matched: the wording is only partly similar', 'طريقة المطابقة: الصياغة متشابهة جزئيًا فقط'],
  possiblyRelated: plural(
    { one: 'Possibly related: 1 fact-check', other: 'Possibly related: $COUNT$ fact-checks' },
    {
      zero: 'لا تحققات قد تكون ذات صلة',
      one: 'قد يكون ذا صلة: تحقق واحد',
      two: 'قد يكونان ذوَي صلة: تحققان',
      few: 'قد تكون ذات صلة: $COUNT$ تحققات',
      many: 'قد تكون ذات صلة: $COUNT$ تحققًا',
      other: 'قد تكون ذات صلة: $COUNT$ تحقق',
    },
  ),
  // Counts the fact-checked claims these posts mention (one group per claim).
  mentionsClaim: plural(
    { one: 'Mentions a fact-checked claim (1)', other: 'Mentions fact-checked claims ($COUNT$)' },
    {
      zero: 'منشورات لا تذكر ادعاءات مدقَّقة',
      one: 'منشورات تذكر ادعاءً مدقَّقًا واحدًا',
      two: 'منشورات تذكر ادعاءين مدقَّقين',
      few: 'منشورات تذكر $COUNT$ ادعاءات مدقَّقة',
      many: 'منشورات تذكر $COUNT$ ادعاءً مدقَّقًا',
      other: 'منشورات تذكر $COUNT$ ادعاء مدقَّق',
    },
  ),
  mentionsClaimHint: [
    'Not badged: these posts deny the claim, report its fact-check or link one.',
    'بلا شارة: هذه المنشورات تنفي الادعاء أو تنقل تدقيقه أو تشير إليه.',
  ],
  possiblyRelatedHint: ['Not badged: the wording is only partly similar.', 'بلا شارة: الصياغة متشابهة جزئيًا فقط.'],
  postHeading: ['Post', 'المنشور'],
  openPost: ['Open the post', 'افتح المنشور'],
  close: ['Close', 'إغلاق'],
  partUnshowable: ['This item could not be shown.', 'تعذّر عرض هذا العنصر.'],
  // The popup's proof that Sanad is working even when nothing matched: "Checked 37 posts on this page, 1 fact-checked".
  checkedPosts: plural(
    { one: 'Checked 1 post on this page, $FOUND$', other: 'Checked $COUNT$ posts on this page, $FOUND$' },
    {
      zero: 'لم يُفحص أي منشور في هذه الصفحة، $FOUND$',
      one: 'فُحص منشور واحد في هذه الصفحة، $FOUND$',
      two: 'فُحص منشوران في هذه الصفحة، $FOUND$',
      few: 'فُحصت $COUNT$ منشورات في هذه الصفحة، $FOUND$',
      many: 'فُحص $COUNT$ منشورًا في هذه الصفحة، $FOUND$',
      other: 'فُحص $COUNT$ منشور في هذه الصفحة، $FOUND$',
    },
    'found',
  ),
  checkedFactChecked: plural(
    { one: '1 fact-checked', other: '$COUNT$ fact-checked' },
    {
      zero: 'ولا منشور منها مدقَّق',
      one: 'منها منشور واحد مدقَّق',
      two: 'منها منشوران مدقَّقان',
      few: 'منها $COUNT$ منشورات مدقَّقة',
      many: 'منها $COUNT$ منشورًا مدقَّقًا',
      other: 'منها $COUNT$ منشور مدقَّق',
    },
  ),
  listStatus: plural(
    { one: '1 fact-check on this device', other: '$COUNT$ fact-checks on this device' },
    {
      zero: 'لا تحققات على هذا الجهاز',
      one: 'تحقق واحد على هذا الجهاز',
      two: 'تحققان على هذا الجهاز',
      few: '$COUNT$ تحققات على هذا الجهاز',
      many: '$COUNT$ تحققًا على هذا الجهاز',
      other: '$COUNT$ تحقق على هذا الجهاز',
    },
  ),
  seenIn: plural(
    { one: 'Seen in 1 post on this page', other: 'Seen in $COUNT$ posts on this page' },
    {
      zero: 'لم يظهر في أي منشور في هذه الصفحة',
      one: 'ظهر في منشور واحد في هذه الصفحة',
      two: 'ظهر في منشورَين في هذه الصفحة',
      few: 'ظهر في $COUNT$ منشورات في هذه الصفحة',
      many: 'ظهر في $COUNT$ منشورًا في هذه الصفحة',
      other: 'ظهر في $COUNT$ منشور في هذه الصفحة',
    },
  ),
  reportWrong: ['Report a wrong match', 'الإبلاغ عن مطابقة خاطئة'],
  reportWrongName: ['Report a wrong match for this post', 'الإبلاغ عن مطابقة خاطئة لهذا المنشور'],
  reportedWrong: ['Thanks. This post will no longer be marked for this fact-check.', 'شكرًا. لن يُعلَّم هذا المنشور بهذا التحقق بعد الآن.'],
  wrongReasonLegend: ['Why is this match wrong?', 'لماذا هذه المطابقة خاطئة؟'],
  wrongReason_not_repeated: ['The post does not repeat this claim', 'المنشور لا يكرّر هذا الادعاء'],
  wrongReason_refutes: ['The post refutes it', 'المنشور يفنّده'],
  wrongReason_other_media: ['It is another video or photo', 'إنه فيديو أو صورة أخرى'],
  wrongReason_other: ['Something else', 'سبب آخر'],
  reportConfirm: ['Report this match', 'أبلِغ عن هذه المطابقة'],
  reportCancel: ['Cancel', 'إلغاء'],
  reportedShort: ['Wrong match reported', 'أُبلغ عن مطابقة خاطئة'],
  reportUndo: ['Undo', 'تراجع'],
  reportUndoName: ['Undo the wrong-match report', 'تراجع عن بلاغ المطابقة الخاطئة'],
  reportUndone: ['Report undone: the post is marked again.', 'أُلغي البلاغ: عادت العلامة إلى المنشور.'],
  reportFailed: ['Could not save the report: $REASON$', 'تعذّر حفظ البلاغ: $REASON$', 'reason'],
  tellDesk: ['Also tell $DESK$', 'أبلِغ $DESK$ أيضًا', 'desk'],
  tellDeskWhat: [
    'Sends $DESK$ only the fact-check’s id, your reason and this post’s address. Nothing about you.',
    'يُرسَل إلى $DESK$ رقم التحقق وسببك وعنوان هذا المنشور فقط. لا شيء عنك.',
    'desk',
  ],
  myReportsHeading: ['Your wrong-match reports', 'بلاغاتك عن المطابقات الخاطئة'],
  myReportsUndoName: ['Undo this wrong-match report', 'تراجع عن هذا البلاغ'],
  deskReport_queued: ['Waiting to tell $DESK$', 'بانتظار إبلاغ $DESK$', 'desk'],
  deskReport_sending: ['Telling $DESK$…', 'جارٍ إبلاغ $DESK$…', 'desk'],
  deskReport_retrying: ['Waiting to tell $DESK$ (will retry)', 'بانتظار إبلاغ $DESK$ (ستُعاد المحاولة)', 'desk'],
  deskReport_sent: ['$DESK$ has it', 'وصل البلاغ إلى $DESK$', 'desk'],
  deskReport_rejected: ['$DESK$ did not take it', 'لم يقبل $DESK$ البلاغ', 'desk'],
  openSettings: ['Settings', 'الإعدادات'],
  optionsTitle: ['Sanad settings', 'إعدادات سند'],
  siteStateNone: ['no page seen yet', 'لم تُفتح أي صفحة منه بعد'],
  siteRulesShipped: ['Site rules: as shipped with this version of Sanad.', 'قواعد قراءة المواقع: كما وصلت مع هذا الإصدار من سند.'],
  siteRulesUpdated: [
    'Site rules: update $VERSION$ of $DATE$, signed by the Sanad maintainers.',
    'قواعد قراءة المواقع: التحديث $VERSION$ بتاريخ $DATE$، بتوقيع القائمين على سند.',
    'version',
    'date',
  ],
  siteRulesNotSetUp: [
    'This copy of Sanad takes no site updates: none are set up in its build.',
    'لا تتلقى هذه النسخة من سند تحديثات قراءة المواقع: لم تُضبط في بنائها.',
  ],
  siteRulesChecked: ['Last checked $DATE$.', 'آخر فحص: $DATE$.', 'date'],
  siteRulesRefused: [
    'The last site update was refused and not used: $REASON$. Sanad keeps reading sites with the rules it had.',
    'رُفض آخر تحديث لقراءة المواقع ولم يُستخدم: $REASON$. يواصل سند قراءة المواقع بالقواعد التي لديه.',
    'reason',
  ],
  checkSiteUpdates: ['Check for site updates', 'البحث عن تحديثات قراءة المواقع'],
  checkingSiteUpdates: ['Checking for site updates…', 'جارٍ البحث عن تحديثات قراءة المواقع…'],
  siteStateUnreadable: [
    'could not read its last page ($DATE$): the site may have changed',
    'تعذّرت قراءة آخر صفحة منه ($DATE$): ربما غيّر الموقع شكل صفحاته',
    'date',
  ],
  siteStateReadable: plural(
    { one: 'read 1 post on its last page ($DATE$)', other: 'read $COUNT$ posts on its last page ($DATE$)' },
    {
      zero: 'لم يقرأ أي منشور في آخر صفحة منه ($DATE$)',
      one: 'قرأ منشورًا واحدًا في آخر صفحة منه ($DATE$)',
      two: 'قرأ منشورَين في آخر صفحة منه ($DATE$)',
      few: 'قرأ $COUNT$ منشورات في آخر صفحة منه ($DATE$)',
      many: 'قرأ $COUNT$ منشورًا في آخر صفحة منه ($DATE$)',
      other: 'قرأ $COUNT$ منشور في آخر صفحة منه ($DATE$)',
    },
    'date',
  ),
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
  list_unnamed: ['Unnamed list', 'قائمة بلا اسم'],
  listLine: plural(
    { one: '$NAME$: 1 fact-check, updated $DATE$', other: '$NAME$: $COUNT$ fact-checks, updated $DATE$' },
    {
      zero: '$NAME$: لا تحققات، آخر تحديث $DATE$',
      one: '$NAME$: تحقق واحد، آخر تحديث $DATE$',
      two: '$NAME$: تحققان، آخر تحديث $DATE$',
      few: '$NAME$: $COUNT$ تحققات، آخر تحديث $DATE$',
      many: '$NAME$: $COUNT$ تحققًا، آخر تحديث $DATE$',
      other: '$NAME$: $COUNT$ تحقق، آخر تحديث $DATE$',
    },
    'name',
    'date',
  ),
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
  imported: plural(
    { one: 'Imported 1 wrong-match report.', other: 'Imported $COUNT$ wrong-match reports.' },
    {
      zero: 'استُورد: لا بلاغات مطابقة خاطئة.',
      one: 'استُورد: بلاغ واحد عن مطابقة خاطئة.',
      two: 'استُورد: بلاغان عن مطابقة خاطئة.',
      few: 'استُورد: $COUNT$ بلاغات عن مطابقة خاطئة.',
      many: 'استُورد: $COUNT$ بلاغًا عن مطابقة خاطئة.',
      other: 'استُورد: $COUNT$ بلاغ عن مطابقة خاطئة.',
    },
  ),
  importFailed: ['Nothing was imported: $ERROR$', 'لم يُستورد شيء: $ERROR$', 'error'],
  wrongMatchesHeading: ['Wrong-match reports', 'بلاغات المطابقة الخاطئة'],
  wrongMatchesCount: plural(
    { one: '1 wrong-match report kept on this device', other: '$COUNT$ wrong-match reports kept on this device' },
    {
      zero: 'لا بلاغات مطابقة خاطئة محفوظة على هذا الجهاز',
      one: 'بلاغ واحد عن مطابقة خاطئة محفوظ على هذا الجهاز',
      two: 'بلاغان عن مطابقة خاطئة محفوظة على هذا الجهاز',
      few: '$COUNT$ بلاغات عن مطابقة خاطئة محفوظة على هذا الجهاز',
      many: '$COUNT$ بلاغًا عن مطابقة خاطئة محفوظة على هذا الجهاز',
      other: '$COUNT$ بلاغ عن مطابقة خاطئة محفوظة على هذا الجهاز',
    },
  ),
  saved: ['Saved', 'حُفظ'],
  feedsHeading: ['Fact-check feeds', 'مصادر التحقق'],
  feedsHint: [
    'Subscribe to a fact-checking desk’s feed: Sanad downloads it on a schedule and matches against it on your device.',
    'اشترك في مصدر جهة تحقق: ينزّله سند بانتظام ويطابق المنشورات معه على جهازك.',
  ],
  feedSyncEvery: ['Sync every', 'المزامنة كل'],
  feedSyncHours: plural(
    { one: '1 hour', other: '$COUNT$ hours' },
    { zero: '0 ساعة', one: 'ساعة واحدة', two: 'ساعتين', few: '$COUNT$ ساعات', many: '$COUNT$ ساعة', other: '$COUNT$ ساعة' },
  ),
  feedStaleAfter: ['Warn when a feed has not updated for', 'نبّهني إذا لم يتحدّث مصدر منذ'],
  feedStaleDays: plural(
    { one: '1 day', other: '$COUNT$ days' },
    { zero: '0 يوم', one: 'يوم واحد', two: 'يومين', few: '$COUNT$ أيام', many: '$COUNT$ يومًا', other: '$COUNT$ يوم' },
  ),
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
  feedLine: plural(
    { one: '$NAME$: 1 fact-check, last updated $DATE$', other: '$NAME$: $COUNT$ fact-checks, last updated $DATE$' },
    {
      zero: '$NAME$: لا تحققات، آخر تحديث $DATE$',
      one: '$NAME$: تحقق واحد، آخر تحديث $DATE$',
      two: '$NAME$: تحققان، آخر تحديث $DATE$',
      few: '$NAME$: $COUNT$ تحققات، آخر تحديث $DATE$',
      many: '$NAME$: $COUNT$ تحققًا، آخر تحديث $DATE$',
      other: '$NAME$: $COUNT$ تحقق، آخر تحديث $DATE$',
    },
    'name',
    'date',
  ),
  feedKind_site: ['A fact-checker’s website (its address)', 'موقع جهة تحقق (عنوانه)'],
  feedSiteUnsigned: ['unsigned, as published on $HOST$', 'غير موقّع، كما نشره $HOST$', 'host'],
  harvestNothingNew: ['last sync: no new articles', 'آخر مزامنة: لا مقالات جديدة'],
  // "last sync: 3 new articles read, with 2 fact-checks": two counts, so the second is its own plural.
  harvestRead: plural(
    { one: 'last sync: 1 new article read, with $CHECKS$', other: 'last sync: $COUNT$ new articles read, with $CHECKS$' },
    {
      zero: 'آخر مزامنة: لا مقالات جديدة مقروءة، وفيها $CHECKS$',
      one: 'آخر مزامنة: مقال جديد واحد مقروء، وفيه $CHECKS$',
      two: 'آخر مزامنة: مقالان جديدان مقروءان، وفيهما $CHECKS$',
      few: 'آخر مزامنة: $COUNT$ مقالات جديدة مقروءة، وفيها $CHECKS$',
      many: 'آخر مزامنة: $COUNT$ مقالًا جديدًا مقروءًا، وفيها $CHECKS$',
      other: 'آخر مزامنة: $COUNT$ مقال جديد مقروء، وفيها $CHECKS$',
    },
    'checks',
  ),
  harvestFactChecks: plural(
    { one: '1 fact-check', other: '$COUNT$ fact-checks' },
    { zero: 'لا تحققات', one: 'تحقق واحد', two: 'تحققان', few: '$COUNT$ تحققات', many: '$COUNT$ تحققًا', other: '$COUNT$ تحقق' },
  ),
  harvestNoMarkup: plural(
    { one: '1 page without fact-check markup', other: '$COUNT$ pages without fact-check markup' },
    {
      zero: 'لا صفحات بلا ترميز تحقق',
      one: 'صفحة واحدة بلا ترميز تحقق',
      two: 'صفحتان بلا ترميز تحقق',
      few: '$COUNT$ صفحات بلا ترميز تحقق',
      many: '$COUNT$ صفحةً بلا ترميز تحقق',
      other: '$COUNT$ صفحة بلا ترميز تحقق',
    },
  ),
  harvestMalformed: plural(
    { one: '1 page with broken markup ($DETAIL$)', other: '$COUNT$ pages with broken markup ($DETAIL$)' },
    {
      zero: 'لا صفحات بترميز معطوب ($DETAIL$)',
      one: 'صفحة واحدة بترميز معطوب ($DETAIL$)',
      two: 'صفحتان بترميز معطوب ($DETAIL$)',
      few: '$COUNT$ صفحات بترميز معطوب ($DETAIL$)',
      many: '$COUNT$ صفحةً بترميز معطوب ($DETAIL$)',
      other: '$COUNT$ صفحة بترميز معطوب ($DETAIL$)',
    },
    'detail',
  ),
  harvestUnreachable: plural(
    { one: '1 page could not be fetched ($DETAIL$)', other: '$COUNT$ pages could not be fetched ($DETAIL$)' },
    {
      zero: 'لا صفحات تعذّر جلبها ($DETAIL$)',
      one: 'صفحة واحدة تعذّر جلبها ($DETAIL$)',
      two: 'صفحتان تعذّر جلبهما ($DETAIL$)',
      few: '$COUNT$ صفحات تعذّر جلبها ($DETAIL$)',
      many: '$COUNT$ صفحةً تعذّر جلبها ($DETAIL$)',
      other: '$COUNT$ صفحة تعذّر جلبها ($DETAIL$)',
    },
    'detail',
  ),
  harvestUnusable: plural(
    { one: '1 review without claim text', other: '$COUNT$ reviews without claim text' },
    {
      zero: 'لا مراجعات بلا نص ادعاء',
      one: 'مراجعة واحدة بلا نص ادعاء',
      two: 'مراجعتان بلا نص ادعاء',
      few: '$COUNT$ مراجعات بلا نص ادعاء',
      many: '$COUNT$ مراجعةً بلا نص ادعاء',
      other: '$COUNT$ مراجعة بلا نص ادعاء',
    },
  ),
  directoryHeading: ['Fact-checkers to follow', 'جهات تحقق للمتابعة'],
  directoryHint: [
    'Each desk’s own website: Sanad reads the fact-checks it publishes there. Subscribing asks permission for that site only; Sanad then contacts only the sites you chose.',
    'الموقع الخاص بكل جهة تحقق: يقرأ سند التحققات التي تنشرها هناك. الاشتراك يطلب إذنًا لذلك الموقع وحده، ولا يتصل سند إلا بالمواقع التي اخترتها.',
  ],
  directorySubscribe: ['Subscribe', 'اشترك'],
  directorySubscribeName: ['Subscribe to $NAME$', 'اشترك في $NAME$', 'name'],
  directorySubscribed: ['subscribed', 'مشترك'],
  directoryGoogle: ['Needs your own API key: fill in the form below', 'يحتاج مفتاح API خاصًا بك: املأ النموذج أدناه'],
  directoryUseGoogle: ['Set up', 'إعداد'],
  welcomeTitle: ['Welcome to Sanad', 'مرحبًا بك في سند'],
  welcomeWhat: [
    'Sanad puts a badge on posts in your social feeds (X, Facebook, YouTube, TikTok, Instagram, Telegram Web) when fact-checkers have already debunked what they claim or show, with their reasons and a link to the fact-check.',
    'يضع سند شارة على المنشورات في صفحات التواصل (X وفيسبوك ويوتيوب وتيك توك وإنستغرام وتيليغرام ويب) حين يكون مدققو المعلومات قد فنّدوا ما تدّعيه أو تعرضه، مع أسبابهم ورابط إلى التحقق.',
  ],
  welcomeNever: [
    'What it never does: Sanad matches on your device. It never sends what you see or browse anywhere — no page text, no address, no history. It only downloads fact-checks from the sources you choose below, and sends only what you yourself choose to submit.',
    'ما لا يفعله أبدًا: تجري المطابقة على جهازك. لا يرسل سند شيئًا مما تراه أو تتصفحه — لا نص صفحة ولا عنوانًا ولا سجلًا. يكتفي بتنزيل التحققات من المصادر التي تختارها أدناه، ولا يرسل إلا ما تختار أنت إرساله.',
  ],
  welcomeSourcesHeading: ['Choose your sources', 'اختر مصادرك'],
  welcomeSourcesHint: [
    'Each is a fact-checking desk’s own website. Your browser asks permission for the sites you pick, and only those.',
    'كل منها موقع جهة تحقق. يطلب متصفحك الإذن للمواقع التي تختارها، ولها وحدها.',
  ],
  welcomeSubscribe: ['Subscribe to the chosen sources', 'اشترك في المصادر المختارة'],
  welcomeSubscribed: plural(
    { one: 'Subscribed to 1 source.', other: 'Subscribed to $COUNT$ sources.' },
    {
      zero: 'لم يتم الاشتراك في أي مصدر.',
      one: 'تم الاشتراك في مصدر واحد.',
      two: 'تم الاشتراك في مصدرين.',
      few: 'تم الاشتراك في $COUNT$ مصادر.',
      many: 'تم الاشتراك في $COUNT$ مصدرًا.',
      other: 'تم الاشتراك في $COUNT$ مصدر.',
    },
  ),
  welcomeExampleHeading: ['What a badge looks like', 'كيف تبدو الشارة'],
  welcomeExampleHint: [
    'A sample post, checked by Sanad just now against the fact-checks on your device. Click its badge to see the fact-check’s card.',
    'منشور تجريبي فحصه سند الآن مقابل التحققات المحفوظة على جهازك. انقر الشارة لترى بطاقة التحقق.',
  ],
  welcomeExampleNoBadge: [
    'The sample post got no badge: the built-in list is not ready yet.',
    'لم يحصل المنشور التجريبي على شارة: القائمة المدمجة لم تجهز بعد.',
  ],
  welcomeDone: ['Settings are always in the options page.', 'الإعدادات متاحة دائمًا في صفحة الخيارات.'],
  feedNever: ['never', 'لم يحدث'],
  feedUnsigned: ['unsigned', 'غير موقّع'],
  // A feed's failure in plain words (components/feed-problem.ts), then what Sanad does about it.
  feedProblem_server: ['The desk’s server did not answer properly', 'لم يستجب خادم جهة التحقق كما ينبغي'],
  feedProblem_missing: ['Nothing was found at this address (the feed may have moved)', 'لم يُعثر على شيء في هذا العنوان (ربما نُقل المصدر)'],
  feedProblem_refused: ['The server would not share this feed', 'رفض الخادم مشاركة هذا المصدر'],
  feedProblem_network: [
    'Sanad could not reach the server (offline, or a wrong address)',
    'تعذّر على سند الوصول إلى الخادم (لا اتصال، أو العنوان خاطئ)',
  ],
  feedProblem_not_feed: ['This address does not serve a fact-check feed', 'هذا العنوان لا يقدّم مصدر تحقق'],
  feedProblem_no_listing: [
    'Sanad found no list of new fact-checks on this site (no RSS or Atom feed, no news sitemap)',
    'لم يجد سند في هذا الموقع قائمةً بالتحققات الجديدة (لا موجز RSS أو Atom، ولا خريطة موقع للأخبار)',
  ],
  feedProblem_too_large: ['The feed is too large for Sanad to read', 'المصدر أكبر من أن يقرأه سند'],
  feedProblem_signature: [
    'The feed’s signature does not match the desk’s key, so Sanad did not trust it',
    'توقيع المصدر لا يطابق مفتاح جهة التحقق، فلم يثق به سند',
  ],
  feedProblem_replayed: [
    'The server sent an older or misdirected copy of the feed, so Sanad refused it',
    'أرسل الخادم نسخة أقدم من المصدر أو موجّهة لعنوان آخر، فرفضها سند',
  ],
  feedProblem_empty: ['The feed has no fact-checks Sanad can use', 'لا يحوي المصدر تحققات يمكن لسند استخدامها'],
  feedProblem_other: ['The feed could not be read', 'تعذّرت قراءة المصدر'],
  feedFailedKeeping: plural(
    {
      one: '$PROBLEM$. Sanad keeps the 1 fact-check it already has from it.',
      other: '$PROBLEM$. Sanad keeps the $COUNT$ fact-checks it already has from it.',
    },
    {
      zero: '$PROBLEM$. لا يملك سند منه أي تحقق بعد.',
      one: '$PROBLEM$. يحتفظ سند بالتحقق الوحيد الذي لديه منه.',
      two: '$PROBLEM$. يحتفظ سند بالتحققَين اللذين لديه منه.',
      few: '$PROBLEM$. يحتفظ سند بـ$COUNT$ تحققات لديه منه.',
      many: '$PROBLEM$. يحتفظ سند بـ$COUNT$ تحققًا لديه منه.',
      other: '$PROBLEM$. يحتفظ سند بـ$COUNT$ تحقق لديه منه.',
    },
    'problem',
  ),
  feedFailedNever: ['$PROBLEM$. Nothing has been read from this feed yet.', '$PROBLEM$. لم يُقرأ شيء من هذا المصدر بعد.', 'problem'],
  feedRetry: ['Try again', 'حاول مجددًا'],
  feedRetryName: ['Try $NAME$ again', 'حاول مجددًا مع $NAME$', 'name'],
  feedTechnical: ['Technical detail: $DETAIL$', 'تفصيل تقني: $DETAIL$', 'detail'],
  feedStale: plural(
    { one: 'Not updated for more than a day', other: 'Not updated for more than $COUNT$ days' },
    {
      zero: 'لم يُحدَّث منذ مدة',
      one: 'لم يُحدَّث منذ أكثر من يوم',
      two: 'لم يُحدَّث منذ أكثر من يومين',
      few: 'لم يُحدَّث منذ أكثر من $COUNT$ أيام',
      many: 'لم يُحدَّث منذ أكثر من $COUNT$ يومًا',
      other: 'لم يُحدَّث منذ أكثر من $COUNT$ يوم',
    },
  ),
  feedAdded: plural(
    { one: 'Feed added: 1 fact-check.', other: 'Feed added: $COUNT$ fact-checks.' },
    {
      zero: 'أُضيف المصدر: لا تحققات.',
      one: 'أُضيف المصدر: تحقق واحد.',
      two: 'أُضيف المصدر: تحققان.',
      few: 'أُضيف المصدر: $COUNT$ تحققات.',
      many: 'أُضيف المصدر: $COUNT$ تحققًا.',
      other: 'أُضيف المصدر: $COUNT$ تحقق.',
    },
  ),
  feedAddFailed: ['The feed was not added: $ERROR$', 'لم يُضف المصدر: $ERROR$', 'error'],
  feedNoPermission: [
    'Sanad was not allowed to read that site; the feed works only if it allows cross-origin requests.',
    'لم يُسمح لسند بقراءة ذلك الموقع؛ لن يعمل المصدر إلا إذا سمح بالطلبات من مصادر أخرى.',
  ],
  synced: ['Feeds synced.', 'تمت مزامنة المصادر.'],
  addListFile: ['Add a list from a file (ClaimReview JSON)…', 'إضافة قائمة من ملف (ClaimReview JSON)…'],
  listAdded: plural(
    { one: 'Added 1 fact-check. $DETAILS$', other: 'Added $COUNT$ fact-checks. $DETAILS$' },
    {
      zero: 'أُضيف لا تحققات. $DETAILS$',
      one: 'أُضيف تحقق واحد. $DETAILS$',
      two: 'أُضيف تحققان. $DETAILS$',
      few: 'أُضيف $COUNT$ تحققات. $DETAILS$',
      many: 'أُضيف $COUNT$ تحققًا. $DETAILS$',
      other: 'أُضيف $COUNT$ تحقق. $DETAILS$',
    },
    'details',
  ),
  listFailed: ['The list was not added: $ERROR$', 'لم تُضف القائمة: $ERROR$', 'error'],
  listUsage: plural(
    {
      one: 'The lists hold 1 fact-check; Sanad stores $SIZE$ MB on this device.',
      other: 'The lists hold $COUNT$ fact-checks; Sanad stores $SIZE$ MB on this device.',
    },
    {
      zero: 'لا تحققات في القوائم؛ يخزّن سند $SIZE$ م.ب على هذا الجهاز.',
      one: 'في القوائم تحقق واحد؛ يخزّن سند $SIZE$ م.ب على هذا الجهاز.',
      two: 'في القوائم تحققان؛ يخزّن سند $SIZE$ م.ب على هذا الجهاز.',
      few: 'في القوائم $COUNT$ تحققات؛ يخزّن سند $SIZE$ م.ب على هذا الجهاز.',
      many: 'في القوائم $COUNT$ تحققًا؛ يخزّن سند $SIZE$ م.ب على هذا الجهاز.',
      other: 'في القوائم $COUNT$ تحقق؛ يخزّن سند $SIZE$ م.ب على هذا الجهاز.',
    },
    'size',
  ),
  listUsageItems: plural(
    { one: 'The lists hold 1 fact-check.', other: 'The lists hold $COUNT$ fact-checks.' },
    {
      zero: 'لا تحققات في القوائم.',
      one: 'في القوائم تحقق واحد.',
      two: 'في القوائم تحققان.',
      few: 'في القوائم $COUNT$ تحققات.',
      many: 'في القوائم $COUNT$ تحققًا.',
      other: 'في القوائم $COUNT$ تحقق.',
    },
  ),
  keepNewestLabel: ['Fact-checks to keep (the newest)', 'عدد التحققات التي تُبقى (الأحدث)'],
  dropOldest: ['Drop the oldest', 'احذف الأقدم'],
  droppedOldest: plural(
    { one: 'Dropped the oldest fact-check.', other: 'Dropped the $COUNT$ oldest fact-checks.' },
    {
      zero: 'لم يُحذف أي تحقق.',
      one: 'حُذف أقدم تحقق.',
      two: 'حُذف أقدم تحققين.',
      few: 'حُذفت أقدم $COUNT$ تحققات.',
      many: 'حُذف أقدم $COUNT$ تحققًا.',
      other: 'حُذف أقدم $COUNT$ تحقق.',
    },
  ),
  removeList: ['Remove', 'إزالة'],
  removeListName: ['Remove the list $NAME$', 'إزالة القائمة $NAME$', 'name'],

  // Submissions: the context menu, the submit form, the outbox and the intake service in options.
  menuSubmit: ['Submit this claim for checking', 'أرسل هذا الادعاء للتحقق'],
  menuFlag: ['Flag for my desk', 'علِّمه لمكتب التحقق'],
  menuMediaTools: [
    'Media tools: keyframes, reverse search, Content Credentials',
    'أدوات الوسائط: لقطات مفتاحية، بحث عكسي، بيانات اعتماد المحتوى',
  ],
  // The media tools page (entrypoints/media, components/MediaToolsApp.tsx).
  media_pageTitle: ['Sanad media tools', 'أدوات الوسائط في سند'],
  media_title: ['Media tools', 'أدوات الوسائط'],
  media_whatVideo: ['Video: $SRC$', 'فيديو: $SRC$', 'src'],
  media_whatImage: ['Image: $SRC$', 'صورة: $SRC$', 'src'],
  media_noAddress: ['(no public address)', '(بلا عنوان عام)'],
  media_onPage: ['on $PAGE$', 'في الصفحة $PAGE$', 'page'],
  media_keyframesHeading: ['Keyframes', 'اللقطات المفتاحية'],
  media_kf_no_video: ['No video was found under the right-click in that tab.', 'لم يُعثر على فيديو حيث نقرتَ في تلك الصفحة.'],
  media_kf_waiting: [
    'Play the video in its tab: Sanad samples its frames as it plays (nothing is downloaded) and keeps one per scene.',
    'شغّل الفيديو في صفحته: يأخذ سند عيّنات من إطاراته أثناء تشغيله (دون تنزيل أي شيء) ويحتفظ بلقطة لكل مشهد.',
  ],
  media_kf_sampling: [
    'Sampling as the video plays; a new scene adds a keyframe.',
    'تُؤخذ العيّنات أثناء التشغيل؛ كل مشهد جديد يضيف لقطة مفتاحية.',
  ],
  media_kf_full: ['The strip is full.', 'اكتمل شريط اللقطات.'],
  media_kf_unreadable: [
    'This video’s frames cannot be read: the site serves it from another origin without allowing its pixels to be read (cross-origin), so the browser blocks drawing them. Sanad does not download the file; take a screenshot instead.',
    'لا يمكن قراءة إطارات هذا الفيديو: يقدّمه الموقع من مصدر آخر دون السماح بقراءة بكسلاته، فيمنع المتصفح رسمها. لا ينزّل سند الملف؛ التقط صورة للشاشة بدلًا من ذلك.',
  ],
  media_kf_gone: [
    'The video’s tab was closed or reloaded: open the tools again from the video.',
    'أُغلقت صفحة الفيديو أو أُعيد تحميلها: افتح الأدوات من الفيديو مرة أخرى.',
  ],
  media_keyframeAlt: ['Keyframe at $TIME$ s', 'لقطة مفتاحية عند الثانية $TIME$', 'time'],
  media_seconds: ['$TIME$ s', '$TIME$ ث', 'time'],
  media_save: ['Save', 'حفظ'],
  media_reverseThis: ['Reverse search this frame', 'ابحث عكسيًا عن هذه اللقطة'],
  media_reverseHeading: ['Reverse image search', 'البحث العكسي عن الصور'],
  media_chooseKeyframe: ['Choose a keyframe to search for.', 'اختر لقطة مفتاحية للبحث عنها.'],
  media_searchingImage: ['Searching for the image.', 'البحث عن الصورة.'],
  media_searchingKeyframe: ['Searching for the keyframe at $TIME$ s.', 'البحث عن اللقطة المفتاحية عند الثانية $TIME$.', 'time'],
  media_searchEngine: ['Search $ENGINE$', 'ابحث في $ENGINE$', 'engine'],
  media_uploadEngine: ['Open $ENGINE$ to upload', 'افتح $ENGINE$ لرفعها', 'engine'],
  media_sendsUrl: [
    'Sends $ENGINE$ this image’s address, and nothing else: $URL$',
    'يُرسل إلى $ENGINE$ عنوان هذه الصورة ولا شيء غيره: $URL$',
    'engine',
    'url',
  ],
  media_sendsNothing: [
    'This frame is not at a public address, so $ENGINE$ cannot fetch it: save it, then upload it on $ENGINE$’s page (Sanad sends nothing).',
    'هذه اللقطة ليست على عنوان عام، فلا يستطيع $ENGINE$ جلبها: احفظها ثم ارفعها في صفحة $ENGINE$ (لا يرسل سند شيئًا).',
    'engine',
  ],
  media_c2paHeading: ['Content Credentials (C2PA)', 'بيانات اعتماد المحتوى (C2PA)'],
  media_c2paPick: ['Check a file’s Content Credentials', 'افحص بيانات اعتماد المحتوى في ملف'],
  media_c2paChoose: ['Choose images or videos…', 'اختر صورًا أو مقاطع فيديو…'],
  media_reading: ['reading…', 'جارٍ القراءة…'],
  media_c2paNone: [
    'No Content Credentials: the file carries no C2PA manifest (that says nothing either way about how it was made).',
    'لا بيانات اعتماد للمحتوى: لا يحمل الملف بيان C2PA (وهذا لا يدل على شيء بشأن طريقة صنعه).',
  ],
  media_c2paUnreadable: ['Content Credentials could not be read: $ERROR$.', 'تعذّرت قراءة بيانات اعتماد المحتوى: $ERROR$.', 'error'],
  media_unknownError: ['unknown error', 'خطأ غير معروف'],
  media_c2paInvalid: [
    'Content Credentials present but INVALID: the file was changed after signing, or the signature fails. What the manifest claims cannot be relied on.',
    'بيانات اعتماد المحتوى موجودة لكنها غير صالحة: عُدّل الملف بعد توقيعه أو أن التوقيع لا يصح. لا يُعتمد على ما يدّعيه البيان.',
  ],
  media_c2paValid: ['Valid Content Credentials ($WHO$). $AI$', 'بيانات اعتماد محتوى صالحة ($WHO$). $AI$', 'who', 'ai'],
  media_c2paTrustedSigner: ['signed by a trusted signer', 'موقّعة من جهة توقيع موثوقة'],
  media_c2paUntrustedSigner: [
    'signed, but the signer is on no trust list Sanad knows',
    'موقّعة، لكن جهة التوقيع ليست في أي قائمة ثقة يعرفها سند',
  ],
  media_c2paAiGenerated: [
    'AI-generated: an action says a trained model created it.',
    'مولَّد بالذكاء الاصطناعي: أحد الإجراءات يقول إن نموذجًا مدرَّبًا أنشأه.',
  ],
  media_c2paAiComposite: [
    'Partly AI-generated: an action says it mixes in a trained model’s output.',
    'مولَّد جزئيًا بالذكاء الاصطناعي: أحد الإجراءات يقول إنه يمزج ناتج نموذج مدرَّب.',
  ],
  media_c2paAlgorithmic: ['Created by an algorithm, not a trained model.', 'أنشأته خوارزمية، لا نموذج مدرَّب.'],
  media_c2paNoAi: ['No action says AI made it.', 'لا يقول أي إجراء إن الذكاء الاصطناعي صنعه.'],
  // The line beside a post in the popup for an image Sanad fetched to hash (lib/media/c2pa-fetched.ts).
  media_imageC2paValid: [
    'Content Credentials valid, signed by $SIGNER$ ($TRUST$). $AI$',
    'بيانات اعتماد المحتوى صالحة، وقّعها $SIGNER$ ($TRUST$). $AI$',
    'signer',
    'trust',
    'ai',
  ],
  media_imageC2paInvalid: [
    'Content Credentials present but INVALID: $WHY$. What they claim cannot be relied on.',
    'بيانات اعتماد المحتوى موجودة لكنها غير صالحة: $WHY$. لا يُعتمد على ما تدّعيه.',
    'why',
  ],
  media_imageC2paUnreadable: [
    'Content Credentials found but could not be checked: $ERROR$. Nothing can be concluded from them.',
    'وُجدت بيانات اعتماد للمحتوى لكن تعذّر فحصها: $ERROR$. لا يُستنتج منها شيء.',
    'error',
  ],
  media_c2paWhyChanged: ['the picture was changed after signing', 'عُدّلت الصورة بعد توقيعها'],
  media_c2paWhySignature: ['the signature does not validate', 'التوقيع لا يصح'],
  media_c2paWhyOther: ['the SDK reports $CODES$', 'تقول أداة C2PA: $CODES$', 'codes'],
  media_c2paOnTrustList: ['on a trust list', 'في قائمة ثقة'],
  media_c2paOnNoTrustList: ['on no trust list Sanad knows', 'ليس في أي قائمة ثقة يعرفها سند'],
  panelCredentialsHeading: ['Content Credentials (C2PA) of this post’s images', 'بيانات اعتماد المحتوى (C2PA) لصور هذا المنشور'],
  popupCredentialsHeading: ['Content Credentials (C2PA) of images on this page', 'بيانات اعتماد المحتوى (C2PA) لصور هذه الصفحة'],
  popupCredentialsHint: [
    'Read from the images Sanad fetched to compare with fact-checked footage, checked with the official C2PA SDK. Images without credentials are not listed: having none says nothing about an image.',
    'قُرئت من الصور التي جلبها سند لمقارنتها بمقاطع مدقّقة، وفُحصت بأداة C2PA الرسمية. لا تُذكر الصور التي لا بيانات لها: غيابها لا يقول شيئًا عن الصورة.',
  ],
  media_claimGenerator: ['Claim generator', 'أداة إنشاء البيان'],
  media_signer: ['Signer', 'جهة التوقيع'],
  media_signature: ['Signature', 'التوقيع'],
  media_hashes: ['Hashes of the content', 'بصمات المحتوى'],
  media_actions: ['Actions', 'الإجراءات'],
  media_failures: ['Failures', 'الإخفاقات'],
  media_notNamed: ['not named', 'غير مسمّى'],
  media_signerTrusted: ['(trusted)', '(موثوقة)'],
  media_signerUntrusted: ['(not on a trust list)', '(ليست في قائمة ثقة)'],
  media_validates: ['validates', 'صحيح'],
  media_doesNotValidate: ['does not validate', 'غير صحيح'],
  media_notChecked: ['not checked', 'لم تُفحص'],
  media_hashesMatch: ['match', 'متطابقة'],
  media_hashesMismatch: ['do not match: changed after signing', 'غير متطابقة: عُدّل بعد التوقيع'],
  media_noActions: ['none', 'لا شيء'],
  media_flag: ['Flag for my desk with this media’s fingerprint', 'علِّمه لمكتب التحقق مع بصمة هذه الوسائط'],
  media_hostAnswered: ['the image’s host answered $STATUS$', 'ردّ مضيف الصورة بالرمز $STATUS$', 'status'],
  // The same tools from a badge's panel (fact-checker mode, a post with a video or image).
  panelMediaTools: ['Media tools', 'أدوات الوسائط'],
  panelMediaToolsName: [
    'Media tools for this post’s video or image: keyframes, reverse search, Content Credentials',
    'أدوات الوسائط لفيديو هذا المنشور أو صورته: لقطات مفتاحية، بحث عكسي، بيانات اعتماد المحتوى',
  ],
  panelMediaToolsFailed: ['The media tools did not open: $ERROR$', 'لم تُفتح أدوات الوسائط: $ERROR$', 'error'],
  popupSubmit: ['Submit a claim from this page', 'أرسل ادعاءً من هذه الصفحة للتحقق'],
  submitTitle: ['Submit a claim for checking', 'إرسال ادعاء للتحقق'],
  flagTitle: ['Flag a post for your desk', 'تعليم منشور لمكتب التحقق'],
  submitPost: ['The post', 'المنشور'],
  submitPageUrl: ['Link to the post or page', 'رابط المنشور أو الصفحة'],
  submitText: ['What it claims', 'ما يدّعيه'],
  submitWhichPost: ['Which post?', 'أي منشور؟'],
  submitWhichPostHint: ['The posts Sanad read on this page.', 'المنشورات التي قرأها سند في هذه الصفحة.'],
  submitChoiceChecked: ['already fact-checked', 'تُحقِّق منه مسبقًا'],
  submitOtherPost: ['Another post: paste its link', 'منشور آخر: الصق رابطه'],
  submitBadLink: ['Paste the post’s link, starting with https://', 'الصق رابط المنشور، ويبدأ بـ https://'],
  submitAlreadyChecked: [
    'Already fact-checked by $DESK$: $FINDING$ ($CLAIM$). Send it only if it adds something new.',
    'سبق أن تحقق منه $DESK$: $FINDING$ ($CLAIM$). لا ترسله إلا إن أضاف جديدًا.',
    'desk',
    'finding',
    'claim',
  ],
  popupNeedsIntake: [
    'To submit a post for checking, first add your desk’s intake address in the settings.',
    'لإرسال منشور للتحقق، أضف أولًا عنوان خدمة الاستقبال لمكتب التحقق في الإعدادات.',
  ],
  popupAddIntake: ['Add the address', 'أضف العنوان'],
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
  submitNoIntakeYet: [
    'No intake service is set yet: what you send waits on this device until you set your desk’s address in the options.',
    'لم تُحدَّد خدمة استقبال بعد: يبقى ما ترسله على هذا الجهاز حتى تضيف عنوان مكتب التحقق في الإعدادات.',
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
    'وضع المدقق: «علِّمه لمكتب التحقق» في القائمة، وما علّمتُه هنا',
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
  // What the desk made of a delivered submission (lib/intake/desk-status.ts).
  deskStage_received: ['Received by the desk', 'استلمه مكتب التحقق'],
  deskStage_in_review: ['In review', 'قيد المراجعة'],
  deskStage_published: ['Published as a fact-check', 'نُشر تحققًا'],
  deskStage_rejected: ['Not taken up by the desk', 'لم يعتمده مكتب التحقق'],
  deskStage_withdrawn: ['Published, then withdrawn', 'نُشر ثم سُحب'],
  deskOpenFactCheck: ['Open the fact-check', 'افتح التحقق'],
  deskReason: ['The desk’s reason: $REASON$', 'سبب المكتب: $REASON$', 'reason'],
  deskPublishedCount: plural(
    { one: '1 of your submissions became a fact-check', other: '$COUNT$ of your submissions became fact-checks' },
    {
      zero: 'لم يصبح أي إرسال من إرسالاتك تحققًا',
      one: 'أصبح إرسال واحد من إرسالاتك تحققًا',
      two: 'أصبح إرسالان من إرسالاتك تحققَين',
      few: 'أصبحت $COUNT$ إرسالات من إرسالاتك تحققات',
      many: 'أصبح $COUNT$ إرسالًا من إرسالاتك تحققات',
      other: 'أصبح $COUNT$ إرسال من إرسالاتك تحققات',
    },
  ),
  exportFlagsJson: ['Export my flags as ClaimReview drafts (JSON-LD)', 'صدّر ما علّمتُه مسودات ClaimReview ‏(JSON-LD)'],
  exportFlagsCsv: ['Export my flags as CSV', 'صدّر ما علّمتُه بصيغة CSV'],
};

const LOCALES = { en: 0, ar: 1 };

/** The source table, for the tests that check every count has its plural forms. */
export const MESSAGES = M;
export const PLURAL_CATEGORIES = CATEGORIES;

/** locale → messages.json content. */
export function buildLocales() {
  const result = {};
  for (const [locale, column] of Object.entries(LOCALES)) {
    const out = {};
    const put = (key, message, placeholders) => {
      out[key] = { message };
      if (placeholders.length) {
        out[key].placeholders = Object.fromEntries(placeholders.map((p, i) => [p, { content: `$${i + 1}` }]));
      }
    };
    for (const [key, entry] of Object.entries(M)) {
      if (Array.isArray(entry)) {
        const [en, ar, ...placeholders] = entry;
        put(key, [en, ar][column], placeholders);
        continue;
      }
      const forms = entry[locale];
      for (const category of CATEGORIES) put(`${key}__${category}`, forms[category] ?? forms.other, entry.placeholders);
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
