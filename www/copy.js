// Copy buttons of the static pages: `<button data-copy="ID" hidden>` copies the text of the
// element #ID and says so in the next `.copy-status` live region. Without JavaScript the
// buttons stay hidden and the snippet is still there to select.
for (const button of document.querySelectorAll('button[data-copy]')) {
  const source = document.getElementById(button.dataset.copy);
  const status = button.parentElement?.querySelector('.copy-status');
  if (!source || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(source.textContent ?? '');
      if (status) status.textContent = 'Copied to the clipboard.';
    } catch {
      if (status) status.textContent = 'Could not copy: select the text and copy it yourself.';
    }
  });
}
