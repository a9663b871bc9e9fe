// The placement picture's stylesheet. Full and failing nodes carry a pattern and a mark besides
// their colour, so colour is never the only signal.

/** One class per tenth of free share (f0 .. f10), red to green; fn: the node has none of the resource. */
const SHADES = Array.from({ length: 11 }, (_, k) => `.f${k} { background-color: hsl(${k * 12}, 70%, ${45 + Math.round(k * 1.5)}%); }`).join(
  '\n',
);

export const PAGE_STYLE = `${SHADES}
.fn { background-color: #d0d7de; }
.cell.f0 { background-image: linear-gradient(transparent 35%, rgba(255,255,255,.9) 35% 65%, transparent 65%); }
.cell.blank { background-color: #fff; }
:root { font: 14px/1.4 system-ui, sans-serif; color: #1b1f24; background: #fff; }
body { margin: 0 auto; max-width: 1200px; padding: 1rem; }
h1 { font-size: 1.3rem; margin: 0 0 .5rem; }
h2 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
.verdict { border-left: 6px solid #2da44e; padding: .4rem .8rem; background: #f3faf4; }
.verdict.broken { border-color: #cf222e; background: #fff5f5; }
.fix { font-weight: 600; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.domains { display: flex; flex-wrap: wrap; gap: .6rem; }
.domain { border: 1px solid #8c959f; border-radius: 4px; padding: .3rem; max-width: 100%; content-visibility: auto; }
.domain:focus, .cell:focus { outline: 3px solid #0969da; outline-offset: 1px; }
.domain header { font-size: .85rem; margin-bottom: .2rem; }
.domain .tag { font-weight: 700; padding: 0 .3rem; border-radius: 3px; margin-left: .3rem; }
.tag.chosen { background: #dafbe1; border: 1px solid #2da44e; }
.tag.feasible { border: 1px solid #8c959f; }
.tag.infeasible { background: #ffebe9; border: 1px dashed #cf222e; }
.cells { display: flex; flex-wrap: wrap; gap: 1px; max-width: 420px; }
.cell { width: 10px; height: 10px; position: relative; box-sizing: border-box; border: 1px solid rgba(0,0,0,.25); }
.cell.fail { background-image: repeating-linear-gradient(45deg, rgba(0,0,0,.55) 0 1px, transparent 1px 3px); }
.cell.member::after { content: ""; position: absolute; inset: 2px; border-radius: 50%; background: #0a3069; border: 1px solid #fff; }
.cell.victim { border: 2px solid #bf3989; }
.legend { display: flex; flex-wrap: wrap; gap: 1rem; font-size: .85rem; align-items: center; }
.legend .cell { display: inline-block; vertical-align: middle; margin-right: .3rem; }
#detail { min-height: 3.5rem; border: 1px solid #d0d7de; padding: .4rem .6rem; background: #f6f8fa; white-space: pre-wrap; }
svg text { font: 12px system-ui, sans-serif; }
table { border-collapse: collapse; }
td, th { padding: .15rem .5rem; text-align: left; border-bottom: 1px solid #d0d7de; }
`;
