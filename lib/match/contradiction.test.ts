import { describe, expect, it } from 'vitest';
import { words } from '../text/normalise';
import { contradictionCues, MAX_EXTRA_WORDS, NUMBER_WORDS, OPPOSITES, PLACES, REFUSAL_CUES } from './contradiction';
import { onlyMentionsClaim } from './stance';

const cues = (post: string, claim: string) => contradictionCues(words(post), words(claim));

describe('contradiction: a post that states another fact than its claim', () => {
  it.each([
    // another country, city or people
    ['السعودية تعلن تزويدها للسودان بالنفط', 'السعودية تعلن تزويدها لموريتانيا بالنفط', 'swap'],
    ['عملية جراحة ناجحة للملك في فرنسا', 'عملية جراحة ناجحة للملك في موريتانيا', 'swap'],
    ['تأكيد من وزير المالية الألماني على مصير العملة', 'تأكيد من وزير المالية التركي على مصير العملة', 'swap'],
    ['Saudi Arabia sends oil to Sudan', 'Saudi Arabia sends oil to Mauritania', 'swap'],
    // another figure, in digits or words
    ['وفاة الممثل عن عمر يناهز 49 عاما', 'وفاة الممثل عن عمر يناهز 80 عاما', 'swap'],
    ['لم يستخدم الهاتف منذ 10 أشهر', 'لم يستخدم الهاتف منذ خمسين شهرا', 'swap'],
    // the opposite direction or outcome
    ['الليرة التركية تهبط لليوم الرابع', 'الليرة التركية تواصل الصعود لليوم الرابع', 'opposite'],
    ['النقد يوافق على صرف الشريحة الرابعة لتونس', 'النقد يرفض صرف الشريحة الرابعة لتونس', 'opposite'],
    ['وزير الأمن يعتزم منع السجناء من مشاهدة المباريات', 'وزير الأمن يسمح للسجناء بمشاهدة المباريات', 'opposite'],
    ['Turkey bans the app', 'Turkey allows the app', 'opposite'],
    ['المغني يختفي عن مواقع التواصل', 'المغني يظهر على مواقع التواصل', 'opposite'],
    ['اعتقال الصحفي في مطار القاهرة', 'إطلاق سراح الصحفي في مطار القاهرة', 'opposite'],
    ['الحكومة تبدأ التنقيب عن الغاز', 'الحكومة توقف التنقيب عن الغاز', 'opposite'],
    ['الوزيرة تنتقد الحملة الإعلانية', 'الوزيرة ترحب بالحملة الإعلانية', 'opposite'],
    ['الممثل يتزوج عارضة الأزياء', 'الممثل ينفصل عن عارضة الأزياء', 'opposite'],
    ['النجمة تبيع قصرها في لوس أنجلوس', 'النجمة تشتري قصرا في لوس أنجلوس', 'opposite'],
    ['نتائج إيجابية لتجربة اللقاح', 'نتائج سلبية لتجربة اللقاح', 'opposite'],
    ['الذهب يرتفع بسبب قرار الفائدة', 'الذهب يرتفع رغم قرار الفائدة', 'opposite'],
    ['The singer disappears from social media', 'The singer appears on social media', 'opposite'],
    ['انتقد الوزير قرار البلدية إغلاق السوق', 'الوزير يدعم قرار البلدية إغلاق السوق', 'opposite'],
    ['إعصار قوي يضرب سواحل الفلبين', 'إعصار ضعيف يضرب سواحل الفلبين', 'opposite'],
    ['غرق مهاجرين قرب سواحل اليونان', 'نجاة مهاجرين قرب سواحل اليونان', 'opposite'],
    ['دخول شاحنات المساعدات إلى المدينة', 'خروج شاحنات المساعدات من المدينة', 'opposite'],
    ['الفريق يتصدر ترتيب الدوري', 'الفريق متأخر في ترتيب الدوري', 'opposite'],
    ['هدنة بين الطرفين في الجنوب', 'اشتباكات بين الطرفين في الجنوب', 'opposite'],
    ['اضطرابات في العاصمة بعد الانتخابات', 'استقرار في العاصمة بعد الانتخابات', 'opposite'],
    ['الحكومة تدين الهجوم على السفارة', 'الحكومة تدعم الهجوم على السفارة', 'opposite'],
    ['عفو عن المعتقلين السياسيين', 'عقوبات على المعتقلين السياسيين', 'opposite'],
    ['الصحفي متهم بالتجسس في المطار', 'إخلاء سبيل الصحفي المتهم بالتجسس', 'opposite'],
    // places added, and a people's feminine plural
    ['تركيا ترسل سفنا قبالة السواحل', 'قبرص ترسل سفنا قبالة السواحل', 'swap'],
    ['سعوديات يطلقن حملة للتوعية', 'كويتيات يطلقن حملة للتوعية', 'swap'],
    // figures written onto a word, and a figure with its multiplier
    ['وفاة المغني عن 74 عاما', 'وفاة المغني عن ال90عام', 'swap'],
    ['بيع اللوحة بـ 165 ألف دولار', 'بيع اللوحة بـ 900 ألف دولار', 'swap'],
    // a refusal or failure where the claim reports an action
    ['إيران تستعد لتوسيع البرنامج', 'إيران استبعدت توسيع البرنامج', 'refusal'],
    ['طلب فلسطيني للمحكمة بالتحقيق في الجرائم', 'المحكمة ترفض التحقيق في الجرائم', 'refusal'],
    ['قوات الحرس تتقدم في دوما', 'فشلت قوات الحرس في الوصول إلى دوما', 'refusal'],
  ] as const)('%s → %s (%s)', (claim, post, kind) => {
    expect(cues(post, claim)[kind]).toBeGreaterThan(0);
  });

  it.each([
    // the same place named another way: a capital or a people for the country
    ['صندوق النهضة في ضيافة مصر', 'القاهرة تستضيف صندوق النهضة'],
    ['Egypt hosts the fund', 'Cairo hosts the fund'],
    ['الجيش التركي يدخل عفرين', 'القوات التركية تدخل عفرين بدعم من أنقرة'],
    // the same figure in words and digits, and a figure added to one the claim has
    ['مقتل عشرة جنود في اشتباكات', 'مقتل 10 جنود في اشتباكات'],
    ['تسجيل 173 إصابة جديدة', 'تسجيل 173 إصابة جديدة خلال 24 ساعة'],
    // the same figure written onto a word, or with its multiplier
    ['مقبرة أثرية عمرها 4400 عام', 'مقبرة أثرية عمرها 4400سنة'],
    ['بيع اللوحة بـ 165 ألف دولار', 'بيع اللوحة ب165 ألف دولار'],
    // the same direction in other words
    ['أسعار الوقود ترتفع في مصر', 'صعود أسعار الوقود في مصر'],
    // a refusal the claim itself reports, in another form
    ['حاكم الشارقة يعلن رفضه لاتفاقية التطبيع', 'حاكم الشارقة يرفض اتفاقية التطبيع'],
  ])('restates it: %s → %s', (claim, post) => {
    expect(cues(post, claim)).toMatchObject({ swap: 0, opposite: 0, refusal: 0 });
  });

  it('reads nothing into a post much longer than its claim: its extra places and figures are context', () => {
    const claim = 'وفاة الممثل باسم ياخور في حادث سير';
    const post = 'عاجل وفاة الفنان باسم ياخور في حادث سير مروع في الشارقة الامارات اليوم';
    expect(words(post).length).toBeGreaterThan(words(claim).length + MAX_EXTRA_WORDS);
    expect(cues(post, 'وفاة الممثل السوري باسم ياخور في حادث سير')).toMatchObject({ swap: 0, opposite: 0, refusal: 0 });
    expect(cues('وفاة باسم ياخور في حادث سير في الامارات', 'وفاة باسم ياخور في حادث سير في سوريا').swap).toBe(1);
  });

  it('withdraws the badge from a contradicting Arabic post only when the claim is known', () => {
    const claim = 'الليرة التركية تهبط لليوم الرابع';
    const text = 'الليرة التركية تواصل الصعود لليوم الرابع';
    expect(onlyMentionsClaim({ text, claimCues: 0, claimWords: words(claim) }, true)).toBe(true);
    expect(onlyMentionsClaim({ text, claimCues: 0 }, true)).toBe(false);
    expect(onlyMentionsClaim({ text: 'الليرة التركية تهبط لليوم الرابع على التوالي', claimCues: 0, claimWords: words(claim) }, true)).toBe(
      false,
    );
  });
});

describe('contradiction tables', () => {
  it('are written in normalised spelling, so every entry can match', () => {
    const all = [
      ...PLACES.flatMap((p) => [...p.ar, ...p.arAdjectives, ...p.en]),
      ...OPPOSITES.flatMap(([a, b]) => [...a, ...b]),
      ...REFUSAL_CUES,
      ...Object.keys(NUMBER_WORDS),
    ];
    for (const form of all) expect(words(form).join(' '), form).toBe(form);
  });
});
