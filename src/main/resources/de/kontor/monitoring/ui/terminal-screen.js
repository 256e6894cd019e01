// A line terminal inside the element: what the node prints (base64 chunks) is drawn as text, the keys the
// user presses go to the server as the bytes a terminal sends. It keeps what a shell needs: carriage
// return, new line, backspace, erase to the end of the line; other escape sequences are left out, so
// full-screen programs show as plain text.
const el = this;
el.$lines = [''];
el.$column = 0;
el.$decoder = new TextDecoder();
el.$rest = '';
el.$write = (base64) => {
  const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
  const text = el.$rest + el.$decoder.decode(bytes, {stream: true});
  el.$rest = '';
  const lines = el.$lines;
  const put = (c) => {
    const line = lines[lines.length - 1];
    const at = el.$column;
    lines[lines.length - 1] = line.slice(0, at).padEnd(at, ' ') + c + line.slice(at + 1);
    el.$column = at + 1;
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\x1b') {
      if (i + 1 >= text.length) { el.$rest = text.slice(i); break; }
      const kind = text[i + 1];
      if (kind === '[') {
        let end = i + 2;
        while (end < text.length && !/[@-~]/.test(text[end])) end++;
        if (end >= text.length) { el.$rest = text.slice(i); break; }
        const argument = text.slice(i + 2, end);
        if (text[end] === 'K') {
          lines[lines.length - 1] = lines[lines.length - 1].slice(0, el.$column);
        } else if (text[end] === 'J' && argument === '2') {
          lines.length = 0;
          lines.push('');
          el.$column = 0;
        } else if (text[end] === 'D') {
          el.$column = Math.max(0, el.$column - (parseInt(argument, 10) || 1));
        } else if (text[end] === 'C') {
          el.$column += parseInt(argument, 10) || 1;
        }
        i = end + 1;
        continue;
      }
      if (kind === ']') {
        let end = i + 2;
        while (end < text.length && text[end] !== '\x07' && !(text[end] === '\x1b' && text[end + 1] === '\\')) end++;
        if (end >= text.length) { el.$rest = text.slice(i); break; }
        i = end + (text[end] === '\x07' ? 1 : 2);
        continue;
      }
      i += 2;
      continue;
    }
    if (c === '\r') {
      el.$column = 0;
    } else if (c === '\n') {
      lines.push('');
      el.$column = 0;
    } else if (c === '\b') {
      el.$column = Math.max(0, el.$column - 1);
    } else if (c === '\t') {
      do { put(' '); } while (el.$column % 8 !== 0);
    } else if (c >= ' ') {
      put(c);
    }
    i++;
  }
  if (lines.length > 3000) lines.splice(0, lines.length - 3000);
  el.textContent = lines.join('\n');
  el.scrollTop = el.scrollHeight;
};
const keys = {
  Enter: '\r', Backspace: '\x7f', Tab: '\t', Escape: '\x1b', ArrowUp: '\x1b[A', ArrowDown: '\x1b[B',
  ArrowRight: '\x1b[C', ArrowLeft: '\x1b[D', Home: '\x1b[H', End: '\x1b[F', Delete: '\x1b[3~',
  PageUp: '\x1b[5~', PageDown: '\x1b[6~'
};
el.addEventListener('keydown', (e) => {
  let data = keys[e.key];
  if (!data && e.ctrlKey && !e.altKey && e.key.length === 1) {
    const code = e.key.toUpperCase().charCodeAt(0);
    if (code >= 64 && code <= 95) data = String.fromCharCode(code - 64);
  }
  if (!data && !e.ctrlKey && !e.metaKey && e.key.length === 1) data = (e.altKey ? '\x1b' : '') + e.key;
  if (data) {
    e.preventDefault();
    el.$server.input(data);
  }
});
el.addEventListener('paste', (e) => {
  const text = e.clipboardData.getData('text');
  if (text) {
    e.preventDefault();
    el.$server.input(text.replace(/\r?\n/g, '\r'));
  }
});
el.focus();
