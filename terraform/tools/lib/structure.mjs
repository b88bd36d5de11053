// The block/attribute structure of an HCL file, with line numbers.
//
// @cdktf/hcl2json (the real HCL parser) decides whether a file is valid HCL and extracts references, but its JSON
// output cannot tell a block from an attribute holding a list of objects (`vpc_config { ... }` and
// `vpc_config = [{ ... }]` convert to the same JSON), and it carries no line numbers. This reader recovers both.
// It is only run on files hcl2json has already accepted, so it does not report syntax errors of its own; it
// understands comments, quoted templates with nested interpolations, heredocs and one-line blocks.

/**
 * @typedef {{ name: string, line: number, expr: string }} Attribute
 * @typedef {{ type: string, labels: string[], line: number, body: Body }} Block
 * @typedef {{ attributes: Attribute[], blocks: Block[] }} Body
 */

const IDENT_START = /[A-Za-z_]/;
const IDENT_CHAR = /[A-Za-z0-9_-]/;

/** @returns {Body} */
export function readStructure(text) {
  const reader = new Reader(text);
  const body = reader.body(false);
  return body;
}

class Reader {
  constructor(text) {
    this.text = text;
    this.pos = 0;
  }

  lineAt(pos) {
    let line = 1;
    for (let i = 0; i < pos && i < this.text.length; i++) if (this.text[i] === '\n') line++;
    return line;
  }

  peek(offset = 0) {
    return this.text[this.pos + offset];
  }

  /** Skips spaces, tabs, comments and (when `newlines`) line breaks. */
  skipTrivia(newlines) {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) {
        this.pos++;
      } else if (c === '#' || (c === '/' && this.peek(1) === '/')) {
        while (this.pos < this.text.length && this.peek() !== '\n') this.pos++;
      } else if (c === '/' && this.peek(1) === '*') {
        const end = this.text.indexOf('*/', this.pos + 2);
        this.pos = end < 0 ? this.text.length : end + 2;
      } else {
        return;
      }
    }
  }

  identifier() {
    const start = this.pos;
    if (!IDENT_START.test(this.peek() ?? '')) throw new Error(`expected an identifier at line ${this.lineAt(this.pos)}`);
    while (this.pos < this.text.length && IDENT_CHAR.test(this.peek())) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** Reads a body until `}` (nested) or the end of the file (top level). */
  body(nested) {
    const body = { attributes: [], blocks: [] };
    for (;;) {
      this.skipTrivia(true);
      if (this.pos >= this.text.length) return body;
      if (this.peek() === '}') {
        if (nested) { this.pos++; return body; }
        throw new Error(`unexpected } at line ${this.lineAt(this.pos)}`);
      }
      const start = this.pos;
      const name = this.identifier();
      this.skipTrivia(false);
      if (this.peek() === '=' && this.peek(1) !== '=') {
        this.pos++;
        const exprStart = this.pos;
        this.expression();
        body.attributes.push({ name, line: this.lineAt(start), expr: this.text.slice(exprStart, this.pos).trim() });
      } else {
        const labels = [];
        while (this.peek() !== '{') {
          if (this.peek() === '"') {
            const labelStart = this.pos;
            this.quoted();
            labels.push(JSON.parse(this.text.slice(labelStart, this.pos)));
          } else {
            labels.push(this.identifier());
          }
          this.skipTrivia(false);
        }
        this.pos++;
        body.blocks.push({ type: name, labels, line: this.lineAt(start), body: this.body(true) });
      }
    }
  }

  /** Skips one attribute expression: up to a line break or an unmatched `}` outside brackets. */
  expression() {
    let depth = 0;
    while (this.pos < this.text.length) {
      const c = this.peek();
      if (c === '"') { this.quoted(); continue; }
      if (c === '<' && this.peek(1) === '<' && /[-A-Za-z_]/.test(this.peek(2) ?? '')) { this.heredoc(); continue; }
      if (c === '#' || (c === '/' && (this.peek(1) === '/' || this.peek(1) === '*'))) {
        if (c === '/' && this.peek(1) === '*') { this.skipTrivia(false); continue; }
        if (depth === 0) return;
        this.skipTrivia(false);
        continue;
      }
      if (c === '(' || c === '[' || c === '{') depth++;
      if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) return;
        depth--;
      }
      if (c === '\n' && depth === 0) return;
      this.pos++;
    }
  }

  /** Skips a quoted template, including `${ }` and `%{ }` sequences that may nest further strings. */
  quoted() {
    this.pos++;
    while (this.pos < this.text.length) {
      const c = this.peek();
      if (c === '\\') { this.pos += 2; continue; }
      if (c === '"') { this.pos++; return; }
      if ((c === '$' || c === '%') && this.peek(1) === '{') {
        if (this.peek(-1) === c && this.peek(-2) !== c) { this.pos += 2; continue; } // $${ escape
        this.pos += 2;
        this.templateExpression();
        continue;
      }
      this.pos++;
    }
  }

  templateExpression() {
    let depth = 0;
    while (this.pos < this.text.length) {
      const c = this.peek();
      if (c === '"') { this.quoted(); continue; }
      if (c === '{') depth++;
      if (c === '}') {
        if (depth === 0) { this.pos++; return; }
        depth--;
      }
      this.pos++;
    }
  }

  heredoc() {
    const match = /^<<-?([A-Za-z_][A-Za-z0-9_]*)[^\n]*\n/.exec(this.text.slice(this.pos));
    if (!match) { this.pos += 2; return; }
    this.pos += match[0].length;
    const marker = match[1];
    while (this.pos < this.text.length) {
      const lineEnd = this.text.indexOf('\n', this.pos);
      const end = lineEnd < 0 ? this.text.length : lineEnd;
      const line = this.text.slice(this.pos, end);
      this.pos = end;
      if (line.trim() === marker) return;
      this.pos = Math.min(this.text.length, end + 1);
    }
  }
}
