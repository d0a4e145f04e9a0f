// Tiny DOM builder: every server string goes in through textContent, never innerHTML,
// so a site name can never inject markup (and the strict CSP stays satisfiable).

export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value == null || value === false) continue;
      if (key === 'class') el.className = value;
      else if (key === 'text') el.textContent = value;
      else if (key === 'dataset') Object.assign(el.dataset, value);
      else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
      else el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child == null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

// Writing only on change keeps screen readers and layout from reacting to identical pushes. An element that holds one
// piece of text has that text node's data compared and written: a live screen writes thousands of numbers a second,
// and reading `textContent` builds a string while writing it replaces the node. Empty text leaves no node, for `:empty`.
export function setText(el, text) {
  const value = text == null ? '' : String(text);
  const only = el.firstChild;
  if (value !== '' && only && only === el.lastChild && only.nodeType === Node.TEXT_NODE) {
    if (only.data !== value) only.data = value;
  } else if (el.textContent !== value) {
    el.textContent = value;
  }
}

export function setAttr(el, name, value) {
  if (value == null || value === false) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
    return;
  }
  const v = value === true ? '' : String(value);
  if (el.getAttribute(name) !== v) el.setAttribute(name, v);
}

export function toggleClass(el, name, on) {
  if (el.classList.contains(name) !== Boolean(on)) el.classList.toggle(name, Boolean(on));
}

// A place in a live view whose content is built again only when the key of what it shows changes: a district's
// board changes nearly every row every second, and building each row whole again took most of a phone's script.
// An empty place holds a comment, so that the next content takes the same position.
export function slot() {
  let node = document.createComment('');
  let key;
  return {
    get node() {
      return node;
    },
    show(nextKey, build) {
      if (nextKey === key) return node;
      key = nextKey;
      const next = build() ?? document.createComment('');
      if (node.parentNode) node.replaceWith(next);
      node = next;
      return node;
    },
  };
}

// A district's thousand rows or tiles, built in one task at a page's first read, held a slow device's page for a third of
// a second or more before any showed. Each render asks for a round (`nextRound()`), which builds at most `perRound` new
// items across all its lists, in their order, and leaves out the rest; while any was left out, `again` runs on a later
// task to build the next few, so the first screen shows at once and the page stays answerable meanwhile.
export function buildInRounds(perRound, again) {
  let pending = null;
  return function nextRound() {
    let budget = perRound;
    // The nodes of `items` to show this round: every one already built (`isBuilt`), and new ones while the budget lasts.
    return (items, isBuilt, build) => {
      const nodes = [];
      for (const item of items) {
        if (!isBuilt(item) && budget-- <= 0) continue;
        nodes.push(build(item));
      }
      if (nodes.length < items.length) {
        pending ??= setTimeout(() => {
          pending = null;
          again();
        }, 0);
      }
      return nodes;
    };
  };
}

// Children of `parent` become exactly `nodes`, in order, so that focus and scroll position survive live re-sorting. The
// longest run of children already in the right order among themselves stays put and only the others move: at a
// district's peak a thousand rows re-sort every second, and moving every child between a row's old place and its new
// one (one row dropping down the list moved hundreds) made the browser work through each move.
export function reconcileChildren(parent, nodes) {
  const active = document.activeElement;
  const hadFocus = active && parent.contains(active) ? active : null;
  const keep = new Set(nodes);
  const places = new Map();
  for (const child of [...parent.children]) {
    if (keep.has(child)) places.set(child, places.size);
    else child.remove();
  }
  const staying = inOrderAlready(nodes.map((node) => places.get(node) ?? -1));
  let next = null;
  for (let i = nodes.length - 1; i >= 0; i--) {
    if (!staying[i]) parent.insertBefore(nodes[i], next);
    next = nodes[i];
  }
  if (hadFocus && hadFocus.isConnected && document.activeElement !== hadFocus) {
    hadFocus.focus({ preventScroll: true });
  }
}

// For each of `places` (a node's current place, or -1 when it is new), whether it belongs to one longest increasing run
// of places: those nodes are already in order among themselves. Patience sorting, n log n.
function inOrderAlready(places) {
  const tails = []; // tails[k]: index into places of the smallest last place of a run of length k + 1
  const before = new Int32Array(places.length).fill(-1);
  for (let i = 0; i < places.length; i++) {
    const place = places[i];
    if (place < 0) continue;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (places[tails[mid]] < place) low = mid + 1;
      else high = mid;
    }
    if (low > 0) before[i] = tails[low - 1];
    tails[low] = i;
  }
  const staying = new Array(places.length).fill(false);
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = before[i]) staying[i] = true;
  return staying;
}

export function siteIdFromPath(prefix) {
  const parts = location.pathname.split('/').filter(Boolean);
  const at = parts.indexOf(prefix);
  const raw = at >= 0 ? parts[at + 1] : undefined;
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

// Saves a Blob as a download named `fileName`, through a temporary <a download>.
export function saveFile(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the download may still be reading it.
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

// `fn` once the page and everything it asked for have loaded, in a task of its own: for what a page fetches for later,
// off its first draw.
export function afterLoad(fn) {
  if (document.readyState === 'complete') setTimeout(fn, 0);
  else window.addEventListener('load', () => setTimeout(fn, 0), { once: true });
}
