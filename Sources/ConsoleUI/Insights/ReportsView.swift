import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain

/// F9: the period, KPI tiles against the shop's targets, one rate table (t switches), the FTFR trend.
enum ReportsView {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect, border: BorderStyle) {
        let s = state.insights
        let periodText = s.period.map { p in
            "\(state.text(InsightsStrings.period)) \(p.label(timeZone: state.timeZone)) (\(state.text(InsightsStrings.periodKind(p.kind))))"
        } ?? ""
        let inner = Box(title: state.text(Strings.panelReports), rightTitle: periodText, focused: true, style: border)
            .render(into: &buffer, area: area)
        guard inner.height >= 4 else { return }
        guard let loaded = s.report, loaded.report.period == s.period else {
            buffer.write(state.text(InsightsStrings.loading), in: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: 1),
                         role: .muted)
            if let input = s.customPeriod { renderCustom(input, state, into: &buffer, area: area, border: border) }
            return
        }
        var y = inner.y
        y = renderTiles(loaded, state, into: &buffer, x: inner.x + 1, y: y, width: inner.width - 2)
        buffer.write(sparkline(loaded.report.trend, state), in: Rect(x: inner.x + 1, y: y, width: inner.width - 2, height: 1),
                     role: .muted)
        y += 1
        let table = ReportTables.rates(s.table, loaded.report, names: loaded.names, language: state.language)
        let rest = Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y)
        if rest.height >= 3 { renderTable(table, state, into: &buffer, area: rest) }
        if let input = s.customPeriod { renderCustom(input, state, into: &buffer, area: area, border: border) }
    }

    /// Tiles in as many columns of 38 as fit; a figure off target is drawn as a warning. Returns the next row.
    private static func renderTiles(_ loaded: LoadedReport, _ state: AppState, into buffer: inout ScreenBuffer, x: Int, y: Int,
                                    width: Int) -> Int {
        let kpis = ReportTables.kpis(loaded.report, targets: loaded.targets, language: state.language)
        let columns = max(1, width / 38)
        let columnWidth = width / columns
        let rowsNeeded = (kpis.rows.count + columns - 1) / columns
        for (i, row) in kpis.rows.enumerated() {
            let col = i / rowsNeeded
            let line = i % rowsNeeded
            let label = state.text(InsightsStrings.tileLabels[i]).padded(toWidth: 11)
            let text = "\(label)\(row[1].padded(toWidth: 7, alignment: .right)) \(row[2].padded(toWidth: 8)) n=\(row[3])"
            let off = kpis.missesTarget.indices.contains(i) && kpis.missesTarget[i]
            buffer.write(text, in: Rect(x: x + col * columnWidth, y: y + line, width: columnWidth - 1, height: 1),
                         role: off ? .warning : .normal)
        }
        return y + rowsNeeded
    }

    /// "一次修复率趋势 2026-06..2026-11 ▅▆▇▇▆█ 92.3%": one block per month (ASCII levels on plain terminals).
    static func sparkline(_ trend: [RateRow], _ state: AppState) -> String {
        guard let first = trend.first, let last = trend.last else { return "" }
        let levels: [Character] = state.asciiOnly ? Array(" .:-=+*#") : Array(" ▁▂▃▄▅▆▇█")
        let marks = trend.map { row -> Character in
            guard let rate = row.firstTimeFixRate else { return "·" }
            // 80 %…100 % spans the blocks: the range where shops actually differ.
            let scaled = max(0, min(1, (rate - 0.8) / 0.2))
            return levels[max(1, Int((scaled * Double(levels.count - 1)).rounded()))]
        }
        return "\(state.text(InsightsStrings.trend)) \(first.key)..\(last.key) \(String(marks)) "
            + ReportTables.percent(last.firstTimeFixRate) + " (\(last.visits))"
    }

    private static func renderTable(_ table: ReportTable, _ state: AppState, into buffer: inout ScreenBuffer, area: Rect) {
        let title = "\(state.text(table.title))  (t: \(state.text(InsightsStrings.keyTable)), e: CSV)"
        buffer.write(title, in: Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1), role: .header)
        let columns = table.header.enumerated().map { i, h in
            TableColumn(h, width: i == 0 ? .fill : .fixed(max(h.displayWidth, 8)), alignment: i == 0 ? .left : .right)
        }
        let rows = table.rows.map { TableRow(texts: $0) }
        var body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        if table.kind == .months, let loaded = state.insights.report, body.height >= rows.count + 3 + loaded.report.trend.count {
            // The monthly trend also as bars, so the direction is seen at a glance.
            let split = body.splitBottom(loaded.report.trend.count + 1)
            body = split.0
            let bars = loaded.report.trend.map { row in
                BarChartItem(label: row.key, value: (row.firstTimeFixRate ?? 0) * 100,
                             valueText: "\(ReportTables.percent(row.firstTimeFixRate)) (\(row.visits))")
            }
            BarChart(items: bars, maxValue: 100, style: state.asciiOnly ? .ascii : .unicode, labelWidth: 8)
                .render(into: &buffer, area: Rect(x: split.1.x + 1, y: split.1.y + 1, width: split.1.width - 2,
                                                  height: split.1.height - 1))
        }
        let visible = Table.visibleRowCount(in: body)
        var tableState = TableState(selected: -1, offset: 0, pageSize: visible)
        tableState.clamp(rowCount: rows.count, visibleHeight: visible)
        Table(columns: columns, rows: rows, emptyMessage: state.text(InsightsStrings.noVisitsInPeriod),
              selectionRole: nil).render(into: &buffer, area: body, state: tableState)
    }

    private static func renderCustom(_ input: TextInputState, _ state: AppState, into buffer: inout ScreenBuffer, area: Rect,
                                     border: BorderStyle) {
        InsightsView.renderPrompt(title: InsightsStrings.customTitle, hint: InsightsStrings.customHint, input: input, state,
                                  into: &buffer, area: area, border: border)
    }
}
