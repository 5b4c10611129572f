// Test helper: parses XML with saxes, a conformant XML 1.0 parser, into a small tree. It refuses what
// a strict feed reader or crawler would refuse (a "<" in an attribute, a control character, a
// mismatched tag) and applies XML's own normalisations (CR to LF, whitespace in attribute values),
// so a test reading a value back sees what any reader sees. Used by vitest tests and e2e specs.
import { SaxesParser } from 'saxes';

export type XmlNode = { name: string; attributes: Record<string, string>; children: XmlNode[]; text: string };

/** The document as a tree (root named "#document"); throws the parser's first error. */
export function parseXmlStrict(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  let failure: Error | null = null;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, attributes: { ...(tag.attributes as Record<string, string>) }, children: [], text: '' };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (text) => void (stack.at(-1)!.text += text));
  parser.on('cdata', (text) => void (stack.at(-1)!.text += text));
  parser.write(xml).close();
  if (failure) throw failure;
  return root;
}

export const childrenNamed = (node: XmlNode, name: string): XmlNode[] => node.children.filter((child) => child.name === name);

export const childText = (node: XmlNode, name: string): string | null => childrenNamed(node, name)[0]?.text ?? null;

export function descendants(node: XmlNode, name: string): XmlNode[] {
  const found: XmlNode[] = [];
  const walk = (current: XmlNode) => {
    for (const child of current.children) {
      if (child.name === name) found.push(child);
      walk(child);
    }
  };
  walk(node);
  return found;
}
