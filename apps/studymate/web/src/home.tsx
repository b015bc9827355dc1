import { ProductHome } from '@app/ui';

/** The first screen after sign-in; the studymate issues replace the empty state with the product. */
export function Home() {
  return <ProductHome app="studymate" />;
}
