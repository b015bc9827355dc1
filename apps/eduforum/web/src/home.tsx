import { ProductHome } from '@app/ui';

/** The first screen after sign-in; the eduforum issues replace the empty state with the product. */
export function Home() {
  return <ProductHome app="eduforum" />;
}
