// A search excerpt: the services mark each hit as «hit»; those become <mark>s. Text
// stays text (React escapes it), so an article cannot inject markup through a snippet.

export function Snippet({ text }: { text: string }) {
  // With a capturing group, split puts the hits at the odd indices.
  const parts = text.split(/«([^«»]*)»/);
  return (
    <span className="snippet" data-testid="document-snippet">
      {parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part))}
    </span>
  );
}
