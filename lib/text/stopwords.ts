/** Words too common to tell claims apart, in their normalised spelling (ة → ه, أ → ا, ى → ي). */
// prettier-ignore
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // English
  'a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'by', 'with', 'from', 'as', 'is',
  'are', 'was', 'were', 'be', 'been', 'being', 'it', 'its', 'this', 'that', 'these', 'those', 'there', 'here',
  'he', 'she', 'they', 'we', 'you', 'i', 'me', 'my', 'his', 'her', 'their', 'our', 'your', 'him', 'them', 'us',
  'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can', 'could', 'should', 'shall', 'may', 'might',
  'not', 'no', 'so', 'if', 'then', 'than', 'too', 'very', 'just', 'about', 'into', 'over', 'after', 'before',
  'up', 'out', 'what', 'which', 'who', 'whom', 'when', 'where', 'why', 'how', 'all', 'any', 'some', 'more',
  'most', 'also', 'only', 'rt', 'via', 'amp',
  // Arabic (normalised)
  'في', 'من', 'الي', 'علي', 'عن', 'مع', 'ان', 'او', 'ثم', 'لا', 'ما', 'لم', 'لن', 'قد', 'هذا', 'هذه', 'ذلك',
  'تلك', 'التي', 'الذي', 'الذين', 'هو', 'هي', 'هم', 'كان', 'كانت', 'يكون', 'تم', 'كل', 'بعد', 'قبل', 'عند',
  'حتي', 'اذا', 'لقد', 'انه', 'انها', 'به', 'بها', 'له', 'لها', 'فيه', 'فيها', 'منه', 'منها', 'عليه', 'عليها',
  'وقد', 'ولا', 'وما', 'وهو', 'وهي', 'كما', 'بين', 'ايضا', 'غير', 'بل', 'لكن', 'يا', 'و', 'ف', 'ب', 'ل',
]);
