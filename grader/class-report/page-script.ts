// The page's only script, inlined and allowed by its hash in the page's Content-Security-Policy:
// sorts the grid by student or total, and opens the details a link points at. Charts need none.

/** Sorting: a header button with data-sort="student" (by name, in code-unit order like the batch)
 * or "total" (by points); a second click reverses. Opening: the <details> named by the URL's #. */
export const PAGE_SCRIPT = `
for (const button of document.querySelectorAll('button[data-sort]')) {
  button.addEventListener('click', () => {
    const key = button.dataset.sort, th = button.closest('th'), body = button.closest('table').tBodies[0];
    const ascending = th.getAttribute('aria-sort') !== 'ascending';
    const value = (row) => key === 'total' ? Number(row.dataset.total) : row.dataset.student;
    const rows = [...body.rows].sort((a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0) * (ascending ? 1 : -1));
    for (const other of th.parentElement.children) other.removeAttribute('aria-sort');
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    body.append(...rows);
  });
}
const openTarget = () => {
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target && target.tagName === 'DETAILS') target.open = true;
};
addEventListener('hashchange', openTarget);
openTarget();
`;
