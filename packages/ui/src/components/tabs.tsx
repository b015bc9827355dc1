import * as TabsPrimitive from '@radix-ui/react-tabs';
import type { ReactNode } from 'react';

/** Tabs with arrow-key navigation (Radix Tabs); panels mount when shown. */
export function Tabs({
  label,
  tabs,
  value,
  onValueChange,
}: {
  label: string;
  tabs: readonly { value: string; label: string; content: ReactNode }[];
  value?: string;
  onValueChange?: (value: string) => void;
}) {
  return (
    <TabsPrimitive.Root
      defaultValue={tabs[0]?.value}
      {...(value !== undefined ? { value } : {})}
      {...(onValueChange ? { onValueChange } : {})}
    >
      <TabsPrimitive.List aria-label={label} className="mb-4 flex flex-wrap gap-x-1 border-b border-border">
        {tabs.map((tab) => (
          <TabsPrimitive.Trigger
            key={tab.value}
            value={tab.value}
            className="min-h-11 shrink-0 border-b-2 border-transparent px-3 text-sm font-semibold text-fg-muted data-[state=active]:border-accent data-[state=active]:text-fg"
          >
            {tab.label}
          </TabsPrimitive.Trigger>
        ))}
      </TabsPrimitive.List>
      {tabs.map((tab) => (
        <TabsPrimitive.Content key={tab.value} value={tab.value}>
          {tab.content}
        </TabsPrimitive.Content>
      ))}
    </TabsPrimitive.Root>
  );
}
