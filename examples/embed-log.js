// The host page's event log (a file, for a strict CSP). A plain script
// before widget.js, so that its listeners are there before any widget
// starts: the widgets' events bubble to the document, the frame's come on
// the <iframe> (frame.js).
for (const name of ['suara:ready', 'suara:page', 'suara:submitted', 'suara:sent', 'suara:error']) {
  document.addEventListener(name, (event) => {
    const line = document.createElement('li');
    line.textContent = `${event.target.id || event.target.tagName}: ${event.type} ${JSON.stringify(event.detail)}`;
    document.getElementById('events')?.append(line);
  });
}
