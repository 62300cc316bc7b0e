/**
 * Contradiction: a post can deny a claim without saying "false" by stating the opposite fact — another
 * country, another number, the opposite direction ("the lira rises" against "the lira falls"), or a refusal
 * or failure where the claim has an action ("the court refuses to investigate" against "a request to the
 * court to investigate"). These cues are read relative to the matched claim's words: a place the claim
 * also names, or a refusal the claim also reports, says nothing. The stance model (stance.ts) weighs them
 * with the other cues. Pure: no browser imports.
 */
import { ARABIC_CLITICS, CLITIC_LETTERS } from './clitics';

/**
 * Countries with their people's adjectives and their capitals and main cities (a city counts as its
 * country: "Cairo" restates "Egypt"), normalised (ة → ه, أ/إ/آ → ا, ى → ي, ئ → ي, ؤ → و). Arabic
 * adjectives are given as stems ending in ي; their feminine and plural forms (ـيه، ـيين، ـيون) follow.
 */
export const PLACES: readonly { ar: readonly string[]; arAdjectives: readonly string[]; en: readonly string[] }[] = [
  { ar: ['مصر', 'القاهره', 'الاسكندريه'], arAdjectives: ['مصري'], en: ['egypt', 'egyptian', 'egyptians', 'cairo'] },
  { ar: ['السعوديه', 'الرياض', 'جده'], arAdjectives: ['سعودي'], en: ['saudi', 'saudis', 'riyadh', 'jeddah'] },
  {
    ar: ['سوريا', 'سوريه', 'دمشق', 'حلب', 'ادلب', 'حمص', 'درعا'],
    arAdjectives: ['سوري'],
    en: ['syria', 'syrian', 'syrians', 'damascus', 'aleppo', 'idlib'],
  },
  { ar: ['العراق', 'بغداد', 'البصره', 'الموصل'], arAdjectives: ['عراقي'], en: ['iraq', 'iraqi', 'iraqis', 'baghdad', 'basra', 'mosul'] },
  { ar: ['لبنان', 'بيروت'], arAdjectives: ['لبناني'], en: ['lebanon', 'lebanese', 'beirut'] },
  { ar: ['الاردن'], arAdjectives: ['اردني'], en: ['jordanian', 'jordanians'] },
  { ar: ['فلسطين', 'غزه', 'الضفه'], arAdjectives: ['فلسطيني'], en: ['palestine', 'palestinian', 'palestinians', 'gaza'] },
  { ar: ['اسراييل', 'تل ابيب'], arAdjectives: ['اسراييلي'], en: ['israel', 'israeli', 'israelis', 'tel aviv'] },
  { ar: ['اليمن', 'صنعاء', 'عدن', 'الحديده'], arAdjectives: ['يمني'], en: ['yemen', 'yemeni', 'yemenis', 'sanaa', 'aden'] },
  { ar: ['ليبيا', 'بنغازي'], arAdjectives: ['ليبي'], en: ['libya', 'libyan', 'libyans', 'benghazi'] },
  { ar: ['تونس'], arAdjectives: ['تونسي'], en: ['tunisia', 'tunisian', 'tunisians', 'tunis'] },
  { ar: ['الجزاير'], arAdjectives: ['جزايري'], en: ['algeria', 'algerian', 'algerians', 'algiers'] },
  { ar: ['المغرب', 'الدار البيضاء'], arAdjectives: ['مغربي'], en: ['morocco', 'moroccan', 'moroccans', 'casablanca'] },
  { ar: ['السودان', 'الخرطوم'], arAdjectives: ['سوداني'], en: ['sudan', 'sudanese', 'khartoum'] },
  { ar: ['قطر', 'الدوحه'], arAdjectives: ['قطري'], en: ['qatar', 'qatari', 'qataris', 'doha'] },
  {
    ar: ['الامارات', 'دبي', 'ابوظبي', 'ابو ظبي'],
    arAdjectives: ['اماراتي'],
    en: ['uae', 'emirates', 'emirati', 'emiratis', 'dubai', 'abu dhabi'],
  },
  { ar: ['الكويت'], arAdjectives: ['كويتي'], en: ['kuwait', 'kuwaiti', 'kuwaitis'] },
  { ar: ['البحرين'], arAdjectives: ['بحريني'], en: ['bahrain', 'bahraini', 'bahrainis'] },
  { ar: ['عمان', 'مسقط'], arAdjectives: ['عماني'], en: ['oman', 'omani', 'muscat'] },
  { ar: ['موريتانيا'], arAdjectives: ['موريتاني'], en: ['mauritania', 'mauritanian'] },
  { ar: ['تركيا', 'انقره', 'اسطنبول'], arAdjectives: ['تركي'], en: ['turkish', 'turks', 'ankara', 'istanbul', 'erdogan'] },
  { ar: ['ايران', 'طهران'], arAdjectives: ['ايراني'], en: ['iran', 'iranian', 'iranians', 'tehran'] },
  { ar: ['روسيا', 'موسكو', 'الكرملين'], arAdjectives: ['روسي'], en: ['russia', 'russian', 'russians', 'moscow', 'kremlin'] },
  {
    ar: ['امريكا', 'اميركا', 'واشنطن', 'الولايات المتحده'],
    arAdjectives: ['امريكي', 'اميركي'],
    en: ['usa', 'america', 'american', 'americans', 'washington', 'united states'],
  },
  { ar: ['بريطانيا', 'لندن'], arAdjectives: ['بريطاني'], en: ['uk', 'britain', 'british', 'england', 'london'] },
  { ar: ['فرنسا', 'باريس'], arAdjectives: ['فرنسي'], en: ['france', 'french', 'paris'] },
  { ar: ['المانيا', 'برلين'], arAdjectives: ['الماني'], en: ['germany', 'german', 'germans', 'berlin'] },
  { ar: ['الصين', 'بكين'], arAdjectives: ['صيني'], en: ['china', 'chinese', 'beijing'] },
  { ar: ['اليابان', 'طوكيو'], arAdjectives: ['ياباني'], en: ['japan', 'japanese', 'tokyo'] },
  { ar: ['الهند', 'نيودلهي'], arAdjectives: ['هندي'], en: ['india', 'indian', 'indians', 'delhi'] },
  { ar: ['باكستان'], arAdjectives: ['باكستاني'], en: ['pakistan', 'pakistani', 'pakistanis'] },
  { ar: ['افغانستان', 'كابول'], arAdjectives: ['افغاني'], en: ['afghanistan', 'afghan', 'afghans', 'kabul'] },
  { ar: ['ايطاليا', 'روما'], arAdjectives: ['ايطالي'], en: ['italy', 'italian', 'italians', 'rome'] },
  { ar: ['اسبانيا', 'مدريد'], arAdjectives: ['اسباني'], en: ['spain', 'spanish', 'madrid'] },
  { ar: ['كندا', 'اوتاوا'], arAdjectives: ['كندي'], en: ['canada', 'canadian', 'canadians', 'ottawa'] },
  { ar: ['المكسيك'], arAdjectives: ['مكسيكي'], en: ['mexico', 'mexican', 'mexicans'] },
  { ar: ['البرازيل'], arAdjectives: ['برازيلي'], en: ['brazil', 'brazilian', 'brazilians'] },
  { ar: ['الارجنتين'], arAdjectives: ['ارجنتيني'], en: ['argentina', 'argentine', 'argentinian'] },
  { ar: ['استراليا'], arAdjectives: ['استرالي'], en: ['australia', 'australian', 'australians'] },
  { ar: ['اوكرانيا', 'كييف'], arAdjectives: ['اوكراني'], en: ['ukraine', 'ukrainian', 'ukrainians', 'kyiv', 'kiev'] },
  { ar: ['بلجيكا', 'بروكسل'], arAdjectives: ['بلجيكي'], en: ['belgium', 'belgian', 'brussels'] },
  { ar: ['اليونان', 'اثينا'], arAdjectives: ['يوناني'], en: ['greece', 'greek', 'athens'] },
  { ar: ['السويد'], arAdjectives: ['سويدي'], en: ['sweden', 'swedish'] },
  { ar: ['اثيوبيا'], arAdjectives: ['اثيوبي'], en: ['ethiopia', 'ethiopian'] },
  { ar: ['الصومال'], arAdjectives: ['صومالي'], en: ['somalia', 'somali'] },
  { ar: ['نيجيريا'], arAdjectives: ['نيجيري'], en: ['nigeria', 'nigerian', 'nigerians'] },
  { ar: ['فنزويلا'], arAdjectives: ['فنزويلي'], en: ['venezuela', 'venezuelan'] },
  { ar: ['كوبا'], arAdjectives: ['كوبي'], en: ['cuba', 'cuban'] },
  { ar: ['قبرص', 'نيقوسيا'], arAdjectives: ['قبرصي'], en: ['cyprus', 'cypriot', 'cypriots'] },
  { ar: ['كوريا', 'سول', 'بيونغ يانغ'], arAdjectives: ['كوري'], en: ['korea', 'korean', 'koreans', 'seoul'] },
  { ar: ['موزمبيق'], arAdjectives: ['موزمبيقي'], en: ['mozambique'] },
  { ar: ['كينيا', 'نيروبي'], arAdjectives: ['كيني'], en: ['kenya', 'kenyan', 'kenyans'] },
  { ar: ['هولندا', 'امستردام'], arAdjectives: ['هولندي'], en: ['netherlands', 'dutch', 'amsterdam'] },
  { ar: ['سويسرا', 'جنيف'], arAdjectives: ['سويسري'], en: ['switzerland', 'swiss', 'geneva'] },
  { ar: ['اوروبا'], arAdjectives: ['اوروبي'], en: ['europe', 'european', 'europeans'] },
  { ar: ['افريقيا'], arAdjectives: ['افريقي'], en: ['africa', 'african', 'africans'] },
];

/** Arabic number words, as the numbers they name: "عشره" against "10" is the same figure, "خمسين" another. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  واحد: 1,
  اثنان: 2,
  اثنين: 2,
  ثلاث: 3,
  ثلاثه: 3,
  اربع: 4,
  اربعه: 4,
  خمس: 5,
  خمسه: 5,
  ست: 6,
  سته: 6,
  سبع: 7,
  سبعه: 7,
  ثماني: 8,
  ثمانيه: 8,
  تسع: 9,
  تسعه: 9,
  عشر: 10,
  عشره: 10,
  عشرين: 20,
  ثلاثين: 30,
  اربعين: 40,
  خمسين: 50,
  ستين: 60,
  سبعين: 70,
  ثمانين: 80,
  تسعين: 90,
  مييه: 100,
  ماييه: 100,
  الف: 1000,
  مليون: 1e6,
  مليار: 1e9,
};

/**
 * Pairs of opposite meanings (rise / fall, win / lose, allow / ban …), each side a list of normalised word
 * forms. A post with one side where its claim has the other, and not the same side, states the opposite.
 */
export const OPPOSITES: readonly [readonly string[], readonly string[]][] = [
  [
    [
      'ارتفاع',
      'ارتفع',
      'ارتفعت',
      'يرتفع',
      'ترتفع',
      'صعود',
      'صعد',
      'يصعد',
      'تصعد',
      'زياده',
      'يزيد',
      'تزيد',
      'رفع',
      'يرفع',
      'ترفع',
      'يتعافي',
      'تتعافي',
      'اعلي',
      'اكبر',
      'اكثر',
      'قوه',
      'كثيف',
      'rise',
      'rises',
      'rising',
      'rose',
      'increase',
      'increases',
      'increased',
      'soars',
      'surges',
      'highest',
      'قوي',
      'قويه',
    ],
    [
      'انخفاض',
      'انخفض',
      'انخفضت',
      'ينخفض',
      'تنخفض',
      'هبوط',
      'هبط',
      'هبطت',
      'يهبط',
      'تهبط',
      'تراجع',
      'تراجعت',
      'يتراجع',
      'تتراجع',
      'يهوي',
      'تهوي',
      'تخفيض',
      'خفض',
      'يخفض',
      'تخفض',
      'تدهور',
      'نزيف',
      'ادني',
      'اقل',
      'يقل',
      'تقل',
      'اصغر',
      'ضعف',
      'ضعيف',
      'fall',
      'falls',
      'fell',
      'drop',
      'drops',
      'dropped',
      'decline',
      'declines',
      'declined',
      'decrease',
      'decreases',
      'decreased',
      'plunges',
      'lowest',
      'ضعيفه',
    ],
  ],
  [
    ['فوز', 'فاز', 'فازت', 'يفوز', 'تفوز', 'مكاسب', 'win', 'wins', 'won'],
    ['خساره', 'خساير', 'خسر', 'خسرت', 'يخسر', 'تخسر', 'هزيمه', 'lose', 'loses', 'lost'],
  ],
  [
    ['نجاح', 'نجح', 'نجحت', 'ينجح', 'تنجح', 'ناجح', 'ناجحه', 'succeeds', 'succeeded', 'success', 'successful'],
    ['فشل', 'فشلت', 'يفشل', 'تفشل', 'فاشل', 'فاشله', 'fails', 'failed', 'failure', 'اخفاق', 'اخفق', 'اخفقت'],
  ],
  [
    [
      'موافقه',
      'وافق',
      'وافقت',
      'يوافق',
      'توافق',
      'تاييد',
      'يويد',
      'تويد',
      'accepts',
      'accepted',
      'approves',
      'approved',
      'agrees',
      'agreed',
    ],
    ['رفض', 'رفضت', 'يرفض', 'ترفض', 'معارضه', 'يعارض', 'تعارض', 'rejects', 'rejected', 'refuses', 'refused', 'opposes', 'opposed'],
  ],
  [
    ['سماح', 'سمح', 'سمحت', 'يسمح', 'تسمح', 'allows', 'allowed', 'permits', 'permitted'],
    ['منع', 'منعت', 'يمنع', 'تمنع', 'حظر', 'تحظر', 'يحظر', 'bans', 'banned', 'prohibits', 'prohibited', 'blocks', 'blocked'],
  ],
  [
    ['فتح', 'فتحت', 'يفتح', 'تفتح', 'افتتاح', 'opens', 'opened', 'reopens'],
    ['اغلاق', 'اغلق', 'اغلقت', 'يغلق', 'تغلق', 'closes', 'closed', 'shuts'],
  ],
  [
    ['يعزز', 'تعزز', 'تعزيز', 'عزز', 'strengthens', 'strengthened'],
    ['يقلص', 'تقلص', 'تقليص', 'قلص', 'يضعف', 'تضعف', 'اضعاف', 'weakens', 'weakened'],
  ],
  [
    ['حرب', 'صراع', 'صراعات', 'اشتباكات', 'توتر', 'war', 'clashes', 'اضطرابات', 'اضطراب', 'فوضي', 'تشعل', 'يشعل', 'اشعال', 'تصعيد'],
    ['سلام', 'هدوء', 'تصالح', 'مصالحه', 'تهدييه', 'peace', 'calm', 'استقرار', 'هدنه'],
  ],
  [
    [
      'ادانه',
      'حبس',
      'سجن',
      'اتهام',
      'يتهم',
      'تتهم',
      'اتهمت',
      'اعتقال',
      'اعتقل',
      'اعتقلت',
      'يعتقل',
      'تعتقل',
      'احتجاز',
      'اعدام',
      'convicted',
      'accused',
      'accuses',
      'guilty',
      'jailed',
      'arrested',
      'detained',
      'متهم',
      'متهمه',
      'متهمين',
      'تهمه',
      'عقوبات',
      'عقوبه',
      'يعاقب',
      'معاقبه',
    ],
    [
      'براءه',
      'تبرييه',
      'افراج',
      'سراح',
      'يفرج',
      'تفرج',
      'عفو',
      'يعفو',
      'تعفو',
      'acquitted',
      'innocent',
      'freed',
      'released',
      'pardoned',
      'اخلاء سبيل',
    ],
  ],
  [
    ['مقتل', 'قتل', 'قتلي', 'مصرع', 'killed', 'dead', 'غرق', 'يغرق', 'غرقي', 'drowned'],
    ['نجاه', 'نجا', 'ينجو', 'survived', 'survives', 'alive'],
  ],
  [
    ['استمرار', 'يستمر', 'تستمر', 'بدء', 'يبدا', 'تبدا', 'بدات', 'continues', 'continued', 'begins', 'began', 'starts'],
    ['توقف', 'يتوقف', 'تتوقف', 'ايقاف', 'انهاء', 'تعليق', 'يعلق', 'تعلق', 'suspends', 'suspended', 'stops', 'stopped', 'halts', 'halted'],
  ],
  [
    [
      'يدعم',
      'تدعم',
      'دعم',
      'تشيد',
      'يشيد',
      'يشجع',
      'تشجع',
      'تشجيع',
      'يساند',
      'تساند',
      'مسانده',
      'مدح',
      'يمدح',
      'تمدح',
      'ترحيب',
      'يرحب',
      'ترحب',
      'رحب',
      'رحبت',
      'supports',
      'praises',
      'welcomes',
      'welcomed',
      'encourages',
    ],
    [
      'ينتقد',
      'تنتقد',
      'انتقد',
      'انتقدت',
      'انتقاد',
      'انتقادات',
      'استنكر',
      'استنكرت',
      'تستنكر',
      'تندد',
      'يندد',
      'تنديد',
      'criticises',
      'criticizes',
      'condemns',
      'criticised',
      'criticized',
      'condemned',
      'تدين',
      'يدين',
      'ادانت',
      'دان',
    ],
  ],
  [
    ['نفي', 'نفت', 'ينفي', 'تنفي', 'denies'],
    ['يقر', 'تقر', 'اقر', 'اعتراف', 'يعترف', 'تعترف', 'اعترف', 'admits', 'admitted'],
  ],
  [
    ['داخل', 'inside'],
    ['خارج', 'outside'],
  ],
  [
    ['ظهور', 'ظهر', 'ظهرت', 'يظهر', 'تظهر', 'appears', 'appeared', 'reappears'],
    ['اختفاء', 'اختفي', 'اختفت', 'يختفي', 'تختفي', 'disappears', 'disappeared', 'vanishes'],
  ],
  [
    ['زواج', 'تزوج', 'تزوجت', 'يتزوج', 'تتزوج', 'خطوبه', 'marries', 'married', 'engaged'],
    ['انفصال', 'انفصل', 'انفصلت', 'ينفصل', 'تنفصل', 'طلاق', 'divorce', 'divorced', 'divorces'],
  ],
  [
    ['بيع', 'باع', 'باعت', 'يبيع', 'تبيع', 'sells', 'sold'],
    ['شراء', 'اشتري', 'اشترت', 'يشتري', 'تشتري', 'buys', 'bought'],
  ],
  [
    ['ايجابي', 'ايجابيه', 'positive'],
    ['سلبي', 'سلبيه', 'negative'],
  ],
  [
    ['سري', 'سريه', 'secret'],
    ['علني', 'علنيه', 'معلن', 'معلنه'],
  ],
  [
    ['بسبب', 'because'],
    ['رغم', 'despite'],
  ],
  [
    ['دخول', 'يدخل', 'تدخل', 'دخل', 'دخلت', 'enters', 'entered'],
    ['خروج', 'يخرج', 'تخرج', 'خرج', 'خرجت', 'exits', 'exited'],
  ],
  [
    ['يتصدر', 'تتصدر', 'يتصدران', 'تتصدران', 'يتصدرون', 'تصدر', 'تصدرت', 'صداره', 'leads', 'tops', 'topped'],
    ['متاخر', 'متاخره', 'متاخران', 'متاخرون', 'متاخرين', 'trails', 'trailed'],
  ],
  [
    ['مغادره', 'يغادر', 'تغادر', 'غادر', 'غادرت', 'يغادرون'],
    ['بقاء', 'يبقي', 'تبقي', 'وصول'],
  ],
];

/** Refusal, failure, cancellation: a post that reports one where the claim reports none denies its event. */
export const REFUSAL_CUES: readonly string[] = [
  'رفض',
  'رفضت',
  'يرفض',
  'ترفض',
  'يرفضون',
  'فشل',
  'فشلت',
  'يفشل',
  'تفشل',
  'الغاء',
  'يلغي',
  'تلغي',
  'الغت',
  'تاجيل',
  'تاجل',
  'يوجل',
  'توجل',
  'يستبعد',
  'تستبعد',
  'استبعاد',
  'استبعد',
  'استبعدت',
  'اخفاق',
  'اخفق',
  'اخفقت',
  'يتجاهل',
  'تتجاهل',
  'تجاهل',
  'refuses',
  'refused',
  'rejects',
  'rejected',
  'fails',
  'failed',
  'cancels',
  'cancelled',
  'canceled',
  'postponed',
  'postpones',
  'ignores',
  'without',
];

/** Word form → group number; a phrase (several words) is keyed by its words joined with a space. */
function formTable(groups: readonly (readonly string[])[]): Map<string, number> {
  const table = new Map<string, number>();
  groups.forEach((forms, group) => {
    for (const form of forms) {
      const previous = table.get(form);
      if (previous !== undefined && previous !== group) throw new Error(`contradiction: "${form}" is in two groups`);
      table.set(form, group);
    }
  });
  return table;
}

// "سعوديات": the feminine plural too.
const arabicAdjectiveForms = (stem: string) => [stem, `${stem}ه`, `${stem}ين`, `${stem}ون`, `${stem}ات`];
const PLACE_FORMS = formTable(PLACES.map((p) => [...p.ar, ...p.arAdjectives.flatMap(arabicAdjectiveForms), ...p.en]));
// Opposite sides are groups 2i and 2i + 1: a side's opposite is its number with the last bit flipped.
const OPPOSITE_FORMS = formTable(OPPOSITES.flatMap(([a, b]) => [a, b]));
const REFUSAL_FORMS = formTable(REFUSAL_CUES.map((cue) => [cue]));

const PRONOUN_SUFFIXES = ['هما', 'هم', 'ها', 'ه'];

/** First words of the tables' phrases, and entries written with "ال" by their bare form: the only words
 * worth a second, built lookup. */
const PHRASE_FIRST = new Set<string>();
const BARE_OF_DEFINITE = new Set<string>();
for (const table of [PLACE_FORMS, OPPOSITE_FORMS, REFUSAL_FORMS])
  for (const key of table.keys()) {
    if (key.includes(' ')) PHRASE_FIRST.add(key.split(' ')[0]!);
    if (key.startsWith('ال')) BARE_OF_DEFINITE.add(key.slice(2));
  }

/** Each word's readings: as written, without an Arabic clitic, without an attached pronoun ("رفضه" → "رفض"). */
function readingsOf(textWords: readonly string[]): string[][] {
  return textWords.map((word) => {
    const forms = [word];
    if (CLITIC_LETTERS.has(word[0]!))
      for (const clitic of ARABIC_CLITICS)
        if (word.length > clitic.length + 1 && word.startsWith(clitic)) forms.push(word.slice(clitic.length));
    for (let f = 0, n = forms.length; f < n; f++)
      for (const suffix of PRONOUN_SUFFIXES)
        if (forms[f]!.length >= suffix.length + 3 && forms[f]!.endsWith(suffix)) forms.push(forms[f]!.slice(0, -suffix.length));
    return forms;
  });
}

/** The groups of `table` that a text names, from its words' readings (readingsOf). */
function groupsIn(readings: readonly (readonly string[])[], textWords: readonly string[], table: Map<string, number>): Set<number> {
  const found = new Set<number>();
  const look = (key: string) => {
    const group = table.get(key);
    if (group !== undefined) found.add(group);
  };
  for (let i = 0; i < readings.length; i++)
    for (const form of readings[i]!) {
      look(form);
      // "ال" is a clitic, but place names are listed with it ("العراق"): the bare form finds them too.
      if (BARE_OF_DEFINITE.has(form)) look(`ال${form}`);
      if (PHRASE_FIRST.has(form) && i + 1 < textWords.length) look(`${form} ${textWords[i + 1]}`);
    }
  return found;
}

/** How many words longer than its claim a post may be for contradiction cues to count (see contradictionCues). */
export const MAX_EXTRA_WORDS = 2;

const NUMBER = /^\d{1,12}$/;
/** Digits written onto a word ("ب900", "1000سنه", "ال90عام"): the figure is the digits. */
const GLUED_NUMBER = /^\D{0,3}?(\d{1,12})\D*$/;
/** Number words that multiply a figure before them ("165 الف" is 165,000, not 165 and 1,000). */
const MULTIPLIERS: Readonly<Record<string, number>> = { الف: 1e3, الاف: 1e3, مليون: 1e6, ملايين: 1e6, مليار: 1e9, مليارات: 1e9 };

/** A word's figure: digits (perhaps on a word), or an Arabic number word with or without a clitic ("والخمسين"). */
function figureOf(word: string): number | undefined {
  if (NUMBER.test(word)) return Number(word);
  const glued = GLUED_NUMBER.exec(word);
  if (glued) return Number(glued[1]);
  return (
    NUMBER_WORDS[word] ??
    (CLITIC_LETTERS.has(word[0]!)
      ? ARABIC_CLITICS.map((c) => (word.startsWith(c) ? NUMBER_WORDS[word.slice(c.length)] : undefined)).find((n) => n !== undefined)
      : undefined)
  );
}

/** The figures a text names, in digits or in Arabic number words, a multiplier taken with the figure before it. */
function numbersIn(textWords: readonly string[]): Set<number> {
  const found = new Set<number>();
  for (let i = 0; i < textWords.length; i++) {
    const figure = figureOf(textWords[i]!);
    if (figure === undefined) continue;
    const times = MULTIPLIERS[textWords[i + 1] ?? ''];
    if (times !== undefined && figure < 1000) {
      found.add(figure * times);
      i++;
    } else found.add(figure);
  }
  return found;
}

const differs = (a: ReadonlySet<unknown>, b: ReadonlySet<unknown>) => [...a].some((x) => !b.has(x));
const overlaps = (a: ReadonlySet<unknown>, b: ReadonlySet<unknown>) => [...a].some((x) => b.has(x));

export interface ContradictionCues {
  /** The post names a country the claim does not while the claim names one the post does not; or their
   * figures have none in common. */
  swap: number;
  /** The post has one side of an opposite pair where the claim has the other side and not this one. */
  opposite: number;
  /** Refusals, failures or cancellations in the post when the claim reports none. */
  refusal: number;
  /** The cues found, for tests and explanations. */
  found: string[];
}

/** The contradiction cues of a post (normalised words) against its matched claim (normalised words). */
export function contradictionCues(postWords: readonly string[], claimWords: readonly string[]): ContradictionCues {
  const found: string[] = [];
  // A post that states another fact restates the claim at about its length; a longer one brings context of
  // its own (the places and figures around the story, a refusal by someone else) that contradicts nothing.
  if (postWords.length > claimWords.length + MAX_EXTRA_WORDS) return { swap: 0, opposite: 0, refusal: 0, found };
  const postReadings = readingsOf(postWords);
  const claimReadings = readingsOf(claimWords);
  const postPlaces = groupsIn(postReadings, postWords, PLACE_FORMS);
  const claimPlaces = groupsIn(claimReadings, claimWords, PLACE_FORMS);
  const postNumbers = numbersIn(postWords);
  const claimNumbers = numbersIn(claimWords);
  let swap = 0;
  if (differs(postPlaces, claimPlaces) && differs(claimPlaces, postPlaces)) {
    swap++;
    found.push('another place');
  }
  // Figures: only when they share none (a tweet adds dates and counts of its own to the claim's figure).
  if (postNumbers.size && claimNumbers.size && !overlaps(postNumbers, claimNumbers)) {
    swap++;
    found.push('another number');
  }
  const postSides = groupsIn(postReadings, postWords, OPPOSITE_FORMS);
  const claimSides = groupsIn(claimReadings, claimWords, OPPOSITE_FORMS);
  let opposite = 0;
  for (const side of postSides)
    if (!claimSides.has(side) && claimSides.has(side ^ 1)) {
      opposite++;
      found.push(`opposite: ${OPPOSITES[side >> 1]![side & 1]![0]}`);
    }
  // Any refusal in the claim (in whatever form: "رفضه", "يرفض") makes the post's refusals its story.
  let refusal = 0;
  if (!groupsIn(claimReadings, claimWords, REFUSAL_FORMS).size)
    for (const cue of groupsIn(postReadings, postWords, REFUSAL_FORMS)) {
      refusal++;
      found.push(REFUSAL_CUES[cue]!);
    }
  return { swap, opposite, refusal, found };
}
