import { Fragment, type ReactNode } from 'react';

/**
 * The few marks the API document's descriptions use: paragraphs (blank lines), `- ` list lines,
 * `code` and **bold**. Hand-written: a Markdown library would be a new dependency, and its HTML
 * would need sanitising, for these four marks in text this app writes itself.
 */
function inline(text: string): ReactNode[] {
  return text.split(/(`[^`]+`|\*\*[^*]+\*\*)/g).map((part, index) => {
    const key = `${index}-${part}`;
    if (part.startsWith('`') && part.endsWith('`') && part.length > 1) {
      return (
        <code key={key} className="rounded bg-gray-100 px-1 font-mono text-[0.9em]">
          {part.slice(1, -1)}
        </code>
      );
    }
    if (part.startsWith('**') && part.endsWith('**') && part.length > 3)
      return <strong key={key}>{part.slice(2, -2)}</strong>;
    return <Fragment key={key}>{part}</Fragment>;
  });
}

export function DocText({ text, className = '' }: { text: string; className?: string }) {
  const blocks = text.split(/\n\s*\n/);
  return (
    <div className={`flex flex-col gap-2 ${className}`}>
      {blocks.map((block, index) => {
        const lines = block.split('\n');
        const key = `${index}-${block.slice(0, 20)}`;
        if (lines.every((line) => line.startsWith('- '))) {
          return (
            <ul key={key} className="list-disc space-y-1 pl-5">
              {lines.map((line) => (
                <li key={line}>{inline(line.slice(2))}</li>
              ))}
            </ul>
          );
        }
        return <p key={key}>{inline(lines.join(' '))}</p>;
      })}
    </div>
  );
}
