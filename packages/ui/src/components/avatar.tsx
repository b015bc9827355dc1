import * as AvatarPrimitive from '@radix-ui/react-avatar';
import { clsx } from 'clsx';

/**
 * Up to two initials of a name: for a Korean name, the given name's two syllables, whatever
 * follows it ("김민아" -> "민아", "김민준 교수" -> "민준"); otherwise the first letters of the first two
 * words ("Mina Kim" -> "MK").
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  if (first === undefined) return '?';
  if (/^[\uac00-\ud7a3]+$/.test(first)) return first.length > 2 ? first.slice(-2) : first;
  return words
    .slice(0, 2)
    .map((word) => [...word][0]?.toUpperCase() ?? '')
    .join('');
}

/** A user's picture, or their initials; the name is the accessible label. */
export function Avatar({ name, src, className }: { name: string; src?: string; className?: string }) {
  return (
    <AvatarPrimitive.Root
      className={clsx(
        'inline-flex size-9 shrink-0 items-center justify-center overflow-hidden rounded-full bg-accent text-sm font-semibold text-white',
        className,
      )}
    >
      {src && <AvatarPrimitive.Image src={src} alt={name} className="size-full object-cover" />}
      <AvatarPrimitive.Fallback>
        <span aria-hidden="true">{initials(name)}</span>
        <span className="sr-only">{name}</span>
      </AvatarPrimitive.Fallback>
    </AvatarPrimitive.Root>
  );
}
