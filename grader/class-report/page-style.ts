// The page's styles, inlined in its <head>.

export const PAGE_STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 0 auto; padding: 1rem 1.5rem 4rem; max-width: 1200px; color: #1d1d1d; }
h1 { margin: 0 0 .5rem; }
.overview { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; } .overview > div { flex: 1 1 420px; } h2 { margin-top: 2rem; border-bottom: 1px solid #ddd; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0; }
.facts dt { color: #666; } .facts dd { margin: 0; }
.warn, .flag { color: #a4000f; } .flag { font-size: .75rem; border: 1px solid #a4000f; border-radius: 3px; padding: 0 .3rem; font-weight: normal; }
.flags { background: #fff4e5; border: 1px solid #f0b44c; padding: .5rem 1rem; margin-top: 1rem; } .flags h2 { margin-top: .3rem; border: 0; }
.ok { color: #2e6b30; }
.cards { display: flex; flex-wrap: wrap; gap: .75rem; margin-top: 1rem; }
.card { border: 1px solid #ddd; border-radius: 4px; padding: .3rem .6rem; width: 250px; }
.card h3 { margin: .2rem 0; font-size: .95rem; } .card p { margin: 0 0 .2rem; font-size: .85rem; }
.chart svg { display: block; max-width: 100%; height: auto; }
table { border-collapse: collapse; } th, td { padding: .2rem .4rem; text-align: left; vertical-align: top; }
.failed-tests td, .failed-tests th { border-bottom: 1px solid #eee; } .num { text-align: right; white-space: nowrap; }
.count { color: #666; font-weight: normal; }
.grid-scroll { overflow-x: auto; }
.grid th.exercise { height: 9rem; vertical-align: bottom; padding: 0; }
.grid th.exercise span { writing-mode: vertical-rl; transform: rotate(180deg); font-weight: normal; font-size: .8rem; padding: .2rem; }
.grid th button { font: inherit; font-weight: bold; border: 0; background: none; cursor: pointer; padding: 0; }
.grid th[aria-sort=ascending] button::after { content: " ▲"; } .grid th[aria-sort=descending] button::after { content: " ▼"; }
.grid tbody th { font-weight: normal; white-space: nowrap; }
.grid td.cell { text-align: center; min-width: 1.6rem; border: 1px solid #fff; padding: 0; }
.grid td.cell a { display: block; padding: .15rem .2rem; color: #1d1d1d; text-decoration: none; }
.grid td.cell a:hover { outline: 2px solid #333; }
.student { margin-top: 1rem; } .student h3 { margin: .5rem 0 .2rem; }
details { margin-left: 1rem; scroll-margin-top: 1rem; } details summary { cursor: pointer; } details.passed summary { color: #2e6b30; }
details:target summary { background: #ffeaa0; }
.test h5 { margin: .4rem 0 .1rem; font-size: .9rem; }
pre.console { background: #f6f6f6; border: 1px solid #e3e3e3; padding: .4rem .6rem; white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 .4rem; font-size: .8rem; }
`;
