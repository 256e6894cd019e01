// xterm.js inside the element ($0 columns, $1 rows, the size the shell was opened with): what the node prints
// (base64 chunks) is written to it as bytes, what xterm.js makes of the keys goes to the server. xterm.js is
// loaded by the page next to this script; output that arrives before it is ready waits in a queue.
const el = this;
const columns = $0;
const rows = $1;
const pending = [];
let term = null;
const bytes = (base64) => Uint8Array.from(atob(base64), c => c.charCodeAt(0));
el.$write = (base64) => {
  if (term) {
    term.write(bytes(base64));
  } else {
    pending.push(base64);
  }
};
el.$reset = () => {
  if (term) {
    term.reset();
    term.focus();
  }
};
const start = () => {
  if (!window.Terminal) {
    setTimeout(start, 50);
    return;
  }
  el.textContent = '';
  term = new window.Terminal({
    cols: columns,
    rows: rows,
    cursorBlink: true,
    fontFamily: 'monospace',
    fontSize: 14,
    scrollback: 3000,
    theme: {background: '#1e1e1e', foreground: '#e6e6e6'}
  });
  term.open(el);
  term.onData((data) => el.$server.input(data));
  el.$term = term;
  pending.splice(0).forEach((chunk) => term.write(bytes(chunk)));
  term.focus();
};
start();
