/// The report's only stylesheet, inlined so the file is self-contained. Screen colours carry
/// meaning twice (text labels, outline weight, dash patterns) so black-and-white prints still read.
enum HTMLStyle {
    static let css = """

    :root { color-scheme: light; }
    body { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 13px; color: #111; background: #fff; margin: 16px 24px; }
    h1 { font-size: 22px; margin: 0 0 4px; }
    h2 { font-size: 16px; margin: 18px 0 6px; border-bottom: 2px solid #333; padding-bottom: 2px; }
    .subtitle { margin: 0 0 8px; color: #333; }
    .facts { display: flex; flex-wrap: wrap; gap: 6px 28px; margin: 0 0 6px; }
    .facts div { display: flex; gap: 6px; }
    .facts dt { font-weight: bold; }
    .facts dd { margin: 0; }
    .headline { font-size: 15px; font-weight: bold; padding: 6px 10px; border: 2px solid #2e7d32; background: #e8f5e9; display: inline-block; margin: 4px 0; }
    .headline.late { border: 3px solid #b71c1c; background: #ffebee; }
    .legend { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; margin: 4px 0 6px; font-size: 12px; }
    svg.gantt { display: block; font-size: 11px; }
    svg text { fill: #111; }
    .group-band { fill: #dde3ea; }
    .group-label { font-weight: bold; font-size: 12px; }
    .stripe { fill: #f5f6f8; }
    .month { stroke: #c3c8cf; stroke-width: 1; }
    .month-label { fill: #444; font-size: 11px; }
    .bar.normal { fill: #5b7fb5; stroke: #1f3d66; stroke-width: 1; }
    .bar.near-critical { fill: #f2b134; stroke: #5a3d00; stroke-width: 1.5; stroke-dasharray: 3 2; }
    .bar.critical { fill: #d32f2f; stroke: #000; stroke-width: 2.5; }
    .task.finished .bar { fill-opacity: 0.45; }
    .task.critical .task-label { font-weight: bold; }
    .baseline { fill: #8a8a8a; }
    .tag { font-size: 10px; font-weight: bold; }
    .tag.critical { fill: #b71c1c; }
    .tag.near-critical { fill: #6b4a00; font-style: italic; }
    .date-line line { stroke-width: 2; }
    .date-line text { font-weight: bold; font-size: 12px; }
    .date-line.data-date line { stroke: #1a4fa0; stroke-dasharray: 6 3; }
    .date-line.data-date text { fill: #1a4fa0; }
    .date-line.statutory line { stroke: #7b0000; stroke-width: 3; }
    .date-line.statutory text { fill: #7b0000; }
    table { border-collapse: collapse; margin: 4px 0 10px; min-width: 50%; }
    caption { text-align: left; font-style: italic; padding: 2px 0 4px; }
    th, td { border: 1px solid #999; padding: 3px 8px; text-align: left; vertical-align: top; }
    th { background: #e6e9ee; }
    .num { text-align: right; }
    td.rag { font-weight: bold; text-align: center; }
    .rag-red { background: #d32f2f; color: #fff; }
    .rag-amber { background: #f2b134; color: #111; }
    .rag-green { background: #2e7d32; color: #fff; }
    .rag-chip { letter-spacing: 0.05em; }
    tr.blocking td:first-child { border-left: 4px solid #b71c1c; font-weight: bold; }
    .progress { white-space: nowrap; }
    .meter { display: inline-block; width: 120px; height: 10px; border: 1px solid #333; vertical-align: middle; margin-right: 6px; }
    .meter .fill { display: block; height: 100%; background: #444; }
    .empty { color: #444; font-style: italic; }
    footer { margin-top: 20px; border-top: 1px solid #333; padding-top: 6px; font-size: 11px; }
    code.head { font-family: Menlo, Consolas, monospace; word-break: break-all; }
    @page { size: A3 landscape; margin: 12mm; }
    @media print {
      body { margin: 0; font-size: 11px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      tr, .facts, .headline, .legend, #ros, #transfers, #rag, #due-diligence, footer { break-inside: avoid; page-break-inside: avoid; }
      thead { display: table-header-group; }
      h2 { break-after: avoid; page-break-after: avoid; }
      svg.gantt { max-width: 100%; height: auto; }
      .rag-red, .rag-amber, .rag-green { border: 2px solid #000; }
    }

    """
}
