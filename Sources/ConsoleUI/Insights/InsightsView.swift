import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain

/// The comebacks and reports panels' views.
enum InsightsView {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect, border: BorderStyle) {
        if state.panel == .reports {
            ReportsView.render(state, into: &buffer, area: area, border: border)
        } else {
            ComebacksView.render(state, into: &buffer, area: area, border: border)
        }
    }

    /// A list picker in a dialog (root causes, technicians).
    static func renderPicker(title: Message, options: [String], selected: Int, _ state: AppState,
                             into buffer: inout ScreenBuffer, area: Rect, border: BorderStyle) {
        PickerDialog(title: state.text(title), labels: options, selected: selected,
                     hint: state.text(InsightsStrings.pickerHint), style: border)
            .render(into: &buffer, area: area)
    }

    static func renderPrompt(title: Message, hint: Message, input: TextInputState, _ state: AppState,
                             into buffer: inout ScreenBuffer, area: Rect, border: BorderStyle) {
        PromptDialog(title: state.text(title), input: input, hint: state.text(hint), style: border)
            .render(into: &buffer, area: area)
    }
}

/// F8: comeback candidates waiting for the workshop lead, then recent decisions; the selected one in detail.
enum ComebacksView {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect, border: BorderStyle) {
        let s = state.insights
        let waiting = s.comebacks?.filter { $0.comeback.status == .candidate }.count ?? 0
        let right = state.text(InsightsStrings.waitingCount(waiting))
        let inner = Box(title: state.text(Strings.panelComebacks), rightTitle: right, focused: true, style: border)
            .render(into: &buffer, area: area)
        guard inner.height >= 3 else { return }
        guard let list = s.comebacks else {
            buffer.write(state.text(InsightsStrings.loading), in: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: 1),
                         role: .muted)
            return
        }
        var tableArea = inner
        var detailArea: Rect?
        if s.selectedComeback != nil, inner.height >= 10 {
            let split = inner.splitBottom(5)
            tableArea = split.0
            detailArea = split.1
        }
        let wide = inner.width >= 110
        // A plate is never cut: the column is as wide as the longest one (湘A·1234学 is ten columns).
        let plateWidth = max(9, list.map { Plate.display($0.plate).displayWidth }.max() ?? 0)
        // Status and source columns as wide as their longest label; on a narrow screen the RO numbers
        // drop their common "RO-" prefix (the headers say RO) to leave the concern readable.
        let statusWidth = max(wide ? 10 : 8, list.map { state.text($0.comeback.status.label).displayWidth }.max() ?? 0)
        let sourceWidth = max(10, list.map { state.text($0.comeback.source.label).displayWidth }.max() ?? 0)
        func number(_ n: String) -> String { !wide && n.hasPrefix("RO-") ? String(n.dropFirst(3)) : n }
        let numberWidth = wide ? 16 : 13
        let columns = [
            TableColumn(state.text(InsightsStrings.colStatus), width: .fixed(statusWidth)),
            TableColumn(state.text(InsightsStrings.colVehicle), width: .fixed(wide ? max(20, plateWidth) : plateWidth)),
            TableColumn(state.text(InsightsStrings.colEarlier), width: .fixed(numberWidth)),
            TableColumn(state.text(InsightsStrings.colDelivered), width: .fixed(5)),
            TableColumn(state.text(InsightsStrings.colLater), width: .fixed(numberWidth)),
            TableColumn(state.text(InsightsStrings.colConcern), width: .fill),
            TableColumn(state.text(InsightsStrings.colSource), width: .fixed(sourceWidth)),
        ]
        let rows = list.map { row -> TableRow in
            let c = row.comeback
            let role: StyleRole? = switch c.status {
            case .candidate: row.counters.needsAttention ? .error : .warning
            case .confirmed: nil
            case .dismissed: .muted
            }
            let vehicle = wide ? "\(Plate.display(row.plate)) \(row.model)" : Plate.display(row.plate)
            let categories = Array(Set(row.earlierCategories).union(row.laterCategories))
                .sorted { $0.rawValue < $1.rawValue }.map { state.text($0.label) }.joined(separator: "/")
            return TableRow([TableCell(state.text(c.status.label)), TableCell(vehicle), TableCell(number(row.earlierNumber)),
                             TableCell(row.earlierDeliveredAt.map { ShopTime.monthDay($0, state.timeZone) } ?? "—"),
                             TableCell(row.laterNumber.map(number) ?? state.text(InsightsStrings.notBack)),
                             TableCell(categories), TableCell(state.text(c.source.label))], role: role)
        }
        let table = Table(columns: columns, rows: rows, emptyMessage: state.text(InsightsStrings.emptyComebacks))
        let visible = Table.visibleRowCount(in: tableArea)
        var tableState = s.comebackTable
        tableState.clamp(rowCount: rows.count, visibleHeight: visible)
        table.render(into: &buffer, area: tableArea, state: tableState)
        if let detailArea, let row = s.selectedComeback { renderDetail(row, state, into: &buffer, area: detailArea) }
        if let d = s.decision { renderDecision(d, state, into: &buffer, area: area, border: border) }
    }

    private static func renderDetail(_ row: ComebackListing, _ state: AppState, into buffer: inout ScreenBuffer, area: Rect) {
        let window = row.window ?? ComebackSettings().window(for: row.earlierClass)
        let line1 = "\(row.earlierNumber) \(state.text(row.earlierClass.label)): \(row.earlierConcern)"
        let line2 = (row.laterNumber.map { "\($0): " } ?? "") + row.laterConcern
        let rates = row.technicians.map { t -> String in
            let r = row.technicianRates[t.id]
            let rate = ReportTables.percent(r?.firstTimeFixRate)
            return "\(t.name) \(state.text(InsightsStrings.ftfrShort)) \(rate) (\(r?.visits ?? 0))"
        }.joined(separator: "  ")
        let c = row.comeback
        var decided = ""
        if c.status == .confirmed, let cause = c.rootCause {
            let who = row.technicians.first { $0.id == c.responsibleTechnicianID }?.name ?? ""
            decided = "\(state.text(cause.label)) \(who)"
        } else if c.status == .dismissed {
            decided = c.reason
        }
        let line3 = state.text(InsightsStrings.technicians) + (rates.isEmpty ? "—" : rates) + (decided.isEmpty ? "" : " · " + decided)
        let lines: [(String, StyleRole)] = [
            (line1 + state.text(InsightsStrings.warrantyWindow(days: window.days, kilometres: window.kilometres)), .normal),
            (line2, .normal), (line3, .muted),
            (InsightsStrings.counters(row.counters, state.language), row.counters.needsAttention ? .error : .muted),
        ]
        for (i, line) in lines.prefix(area.height - 1).enumerated() {
            buffer.write(line.0, in: Rect(x: area.x + 1, y: area.y + 1 + i, width: area.width - 2, height: 1), role: line.1)
        }
    }

    private static func renderDecision(_ d: ComebackDecision, _ state: AppState, into buffer: inout ScreenBuffer, area: Rect,
                                       border: BorderStyle) {
        switch d.step {
        case .rootCause:
            InsightsView.renderPicker(title: InsightsStrings.pickCause, options: RootCause.allCases.map { state.text($0.label) },
                                      selected: d.selected, state, into: &buffer, area: area, border: border)
        case .technician(let cause):
            InsightsView.renderPicker(title: InsightsStrings.pickTechnician(for: cause), options: d.technicians.map(\.name),
                                      selected: d.selected, state, into: &buffer, area: area, border: border)
        case .dismissReason:
            InsightsView.renderPrompt(title: InsightsStrings.dismissTitle, hint: InsightsStrings.promptHint, input: d.reason,
                                      state, into: &buffer, area: area, border: border)
        }
    }
}
