import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain

/// The audit overlay (Ctrl-T): drawn over the panel body while `state.overlay == .audit`.
/// Filter line, then the newest entries; Enter opens the selected entry's changes below the list.
enum AuditView {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect, border: BorderStyle) {
        buffer.fill(area, role: .normal)
        let audit = state.audit
        let count = audit.refusal == nil && !audit.rows.isEmpty
            ? state.text(AuditStrings.shown(audit.rows.count, more: audit.hasMore)) : nil
        let inner = Box(title: state.text(Strings.auditTitle), rightTitle: count, focused: true, style: border)
            .render(into: &buffer, area: area)
        guard inner.height >= 3, inner.width >= 10 else { return }

        if let refusal = audit.refusal {
            for (i, line) in state.text(refusal).wrapped(toWidth: inner.width - 2).enumerated() where i < inner.height {
                buffer.put(line, x: inner.x + 1, y: inner.y + i, role: .error, clip: inner)
            }
            return
        }

        let label = state.text(AuditStrings.filterLabel)
        let labelWidth = buffer.put(label, x: inner.x + 1, y: inner.y, role: .titleFocus, clip: inner)
        TextInput(placeholder: "", focused: true)
            .render(into: &buffer, area: Rect(x: inner.x + 1 + labelWidth, y: inner.y,
                                              width: inner.width - 2 - labelWidth, height: 1),
                    state: audit.filter)
        let info: (String, StyleRole)
        if let error = audit.error {
            info = (state.text(error), .error)
        } else if audit.loading && audit.rows.isEmpty {
            info = (state.text(AuditStrings.loading), .muted)
        } else if audit.rows.isEmpty {
            info = (state.text(AuditStrings.empty), .muted)
        } else {
            info = (state.text(AuditStrings.filterHint), .muted)
        }
        buffer.put(info.0.ellipsized(toWidth: inner.width - 2), x: inner.x + 1, y: inner.y + 1, role: info.1, clip: inner)

        let listTop = inner.y + 2
        var listHeight = inner.height - 2
        if audit.showsDetail, let row = audit.selectedRow {
            let detailHeight = max(4, listHeight / 2)
            listHeight -= detailHeight
            renderDetail(row, state: state, into: &buffer,
                         area: Rect(x: inner.x, y: listTop + listHeight, width: inner.width, height: detailHeight), border: border)
        }
        guard !audit.rows.isEmpty, listHeight >= 2 else { return }
        table(for: state, width: inner.width)
            .render(into: &buffer, area: Rect(x: inner.x, y: listTop, width: inner.width, height: listHeight), state: audit.table)
    }

    static func table(for state: AppState, width: Int) -> Table {
        let wide = width >= 100
        let columns = [
            TableColumn(state.text(AuditStrings.columnTime), width: .fixed(11)),
            TableColumn(state.text(AuditStrings.columnPerson), width: .fixed(wide ? 10 : 8)),
            TableColumn(state.text(AuditStrings.columnAction), width: .fixed(wide ? 12 : 8)),
            // Wide enough for `工单 RO-20261122-0003`: the RO number is what people look for.
            TableColumn(state.text(AuditStrings.columnRecord), width: .fixed(wide ? 26 : 22)),
            TableColumn(state.text(AuditStrings.columnChanges), width: .fill),
        ]
        let rows = state.audit.rows.map { row in
            TableRow([
                TableCell(ShopTime.clock(row.at, state.timeZone, now: state.now, withDay: true), role: .muted),
                TableCell(row.person),
                TableCell(state.text(AuditStrings.action(row.action))),
                TableCell(record(row, state: state)),
                TableCell(AuditDetail.summary(row.changes, entity: row.entity, language: state.language), role: .muted),
            ])
        }
        return Table(columns: columns, rows: rows, emptyMessage: state.text(AuditStrings.empty))
    }

    /// `工单 RO-20261122-0003`, or `车辆 #12` when the record has no short name.
    static func record(_ row: AuditRow, state: AppState) -> String {
        let kind = state.text(AuditStrings.entity(row.entity))
        if !row.subject.isEmpty { return "\(kind) \(row.subject)" }
        return row.entityID.map { "\(kind) #\($0)" } ?? kind
    }

    static func renderDetail(_ row: AuditRow, state: AppState, into buffer: inout ScreenBuffer, area: Rect,
                             border: BorderStyle) {
        let inner = Box(title: state.text(AuditStrings.detailTitle), focused: false, style: border)
            .render(into: &buffer, area: area)
        guard inner.height >= 1 else { return }
        var lines: [(String, StyleRole)] = []
        let when = ShopTime.dateTime(row.at, state.timeZone)
        lines.append(("\(when)  \(row.person)  \(state.text(AuditStrings.action(row.action)))  \(record(row, state: state))",
                      .titleFocus))
        let width = inner.width - 2
        let fields = row.changes.filter { $0.field != "version" }
        if fields.isEmpty { lines.append((state.text(AuditStrings.noChanges), .muted)) }
        for change in fields {
            let text = AuditDetail.line(change, entity: row.entity, language: state.language)
            for piece in text.wrapped(toWidth: width) { lines.append((piece, .normal)) }
        }
        for (i, line) in lines.prefix(inner.height).enumerated() {
            buffer.put(line.0.ellipsized(toWidth: width), x: inner.x + 1, y: inner.y + i, role: line.1, clip: inner)
        }
    }
}
