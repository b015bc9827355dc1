import {
  type CefrLevel,
  type Interest,
  interests,
  type Language,
  languages,
} from '@app/languagemate-contracts';
import { useLocalized } from '@app/ui';

/** Names of languages and interests in the page's language (from the contracts' bilingual lists). */
export function useLabels() {
  const pick = useLocalized();
  return {
    language: (code: Language) => pick(languages[code]),
    languages: (codes: readonly Language[]) => codes.map((code) => pick(languages[code])).join(', '),
    interest: (key: Interest) => pick(interests[key]),
  };
}

/** CEFR levels with a one-line description in both languages. */
export const levelDescriptions: Record<CefrLevel, { ko: string; en: string }> = {
  A1: { ko: '인사와 아주 쉬운 표현을 말할 수 있어요', en: 'Greetings and very simple phrases' },
  A2: { ko: '일상적인 짧은 대화를 할 수 있어요', en: 'Short everyday conversations' },
  B1: { ko: '익숙한 주제로 자기 생각을 말할 수 있어요', en: 'Your views on familiar topics' },
  B2: { ko: '원어민과 꽤 자연스럽게 이야기할 수 있어요', en: 'Fairly fluent talk with native speakers' },
  C1: {
    ko: '복잡한 주제도 유창하고 정확하게 말할 수 있어요',
    en: 'Fluent and precise, even on complex topics',
  },
  C2: { ko: '원어민과 거의 같은 수준이에요', en: 'Close to a native speaker' },
};
