// References (`var.x`, `local.y`, `aws_s3_bucket.logs.arn`, ...) in one HCL expression's source text.
//
// @cdktf/hcl2json offers getReferencesInExpression, but it costs ~10 ms per call in its WASM bridge (seconds for
// every expression of the repository) and drops references indexed by a for-expression variable. This scanner
// works on the text: it skips literal string and heredoc text (but reads their `${ }` / `%{ }` parts) and
// comments, and reports every `root.name...` traversal whose root is not a for-expression variable or a function
// namespace (`provider::aws::...`). Only traversals with at least one `.name` step are references; a bare word
// is an object key, a type keyword or a for variable.

/** @returns {{ root: string, parts: string[] }[]} */
export function referencesIn(expr) {
  const code = codeOnly(expr);
  const bound = new Set();
  for (const m of code.matchAll(/\bfor\s+([A-Za-z_][\w-]*)(?:\s*,\s*([A-Za-z_][\w-]*))?\s+in\b/g)) {
    bound.add(m[1]);
    if (m[2]) bound.add(m[2]);
  }
  const found = [];
  const traversal = /(^|[^\w.\]:)"-])([A-Za-z_][\w-]*)((?:\s*\.\s*[A-Za-z_][\w-]*|\s*\.\s*\d+|\s*\[[^\]]*\]|\.\*|\[\*\])+)/g;
  for (const m of code.matchAll(traversal)) {
    const root = m[2];
    for (const index of m[3].matchAll(/\[([^\]]*)\]/g)) {
      for (const inner of referencesIn(index[1])) if (!bound.has(inner.root)) found.push(inner);
    }
    if (bound.has(root)) continue;
    const parts = [...m[3].replace(/\[[^\]]*\]/g, "").matchAll(/\.\s*([A-Za-z_][\w-]*)/g)].map((p) => p[1]);
    if (parts.length === 0 || !m[3].trimStart().startsWith('.')) continue;
    found.push({ root, parts });
  }
  return found;
}

/** The expression with literal text of strings/heredocs and comments blanked out (interpolations kept). */
function codeOnly(expr) {
  let out = '';
  let i = 0;
  const n = expr.length;
  const readTemplate = (terminator) => {
    // inside a quoted string (terminator '"') or heredoc body (terminator null: up to end marker handled by caller)
    while (i < n) {
      const c = expr[i];
      if (terminator === '"' && c === '\\') { i += 2; out += '  '; continue; }
      if (terminator === '"' && c === '"') { i++; out += '"'; return; }
      if ((c === '$' || c === '%') && expr[i + 1] === '{') {
        if (expr[i - 1] === c) { i += 2; out += '  '; continue; }
        i += 2;
        out += ' (';
        readCode(true);
        out += ') ';
        continue;
      }
      out += c === '\n' ? '\n' : ' ';
      i++;
    }
  };
  const readCode = (untilBrace) => {
    let depth = 0;
    while (i < n) {
      const c = expr[i];
      if (c === '"') { out += '"'; i++; readTemplate('"'); continue; }
      if (c === '#' || (c === '/' && expr[i + 1] === '/')) {
        while (i < n && expr[i] !== '\n') { i++; out += ' '; }
        continue;
      }
      if (c === '/' && expr[i + 1] === '*') {
        const end = expr.indexOf('*/', i + 2);
        const stop = end < 0 ? n : end + 2;
        out += ' '.repeat(stop - i);
        i = stop;
        continue;
      }
      if (c === '<' && expr[i + 1] === '<') {
        const m = /^<<-?([A-Za-z_]\w*)\r?\n/.exec(expr.slice(i));
        if (m) {
          i += m[0].length;
          out += ' "';
          const rest = expr.slice(i);
          const endMarker = new RegExp(`(^|\\n)[ \\t]*${m[1]}[ \\t]*(\\r?\\n|$)`).exec(rest);
          const body = endMarker ? rest.slice(0, endMarker.index) : rest;
          out += referencesTemplate(body) + '" ';
          i += endMarker ? endMarker.index + endMarker[0].length : rest.length;
          continue;
        }
      }
      if (untilBrace) {
        if (c === '{') depth++;
        if (c === '}') {
          if (depth === 0) { i++; return; }
          depth--;
        }
      }
      out += c;
      i++;
    }
  };
  readCode(false);
  return out;
}

/** Code-only text of a heredoc body (a template without a closing quote). */
function referencesTemplate(body) {
  return codeOnly(`"${body.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);
}
