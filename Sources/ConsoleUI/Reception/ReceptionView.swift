import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain

/// The reception panels' views.
enum ReceptionView {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect, border: BorderStyle) {
        if state.panel == .appointments {
            AppointmentsView.render(state, into: &buffer, area: area, border: border)
        } else if let form = state.reception.form {
            CheckInView.render(form, state: state, into: &buffer, area: area, border: border)
        } else {
            renderSearch(state, into: &buffer, area: area, border: border)
        }
    }

    private static func renderSearch(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect, border: BorderStyle) {
        let r = state.reception
        let box = Box(title: state.text(Strings.panelReception), focused: true, style: border)
        let inner = box.render(into: &buffer, area: area)
        guard inner.height >= 3 else { return }
        let prompt = state.text(ReceptionStrings.prompt)
        let w = buffer.put(prompt, x: inner.x + 1, y: inner.y, role: .titleFocus, clip: inner)
        TextInput(placeholder: state.text(ReceptionStrings.placeholder), focused: state.overlay == nil)
            .render(into: &buffer, area: Rect(x: inner.x + 1 + w, y: inner.y, width: inner.width - 2 - w, height: 1),
                    state: r.query)
        let query = r.query.text.trimmingCharacters(in: .whitespaces)
        let info: String
        if query.isEmpty {
            info = state.text(ReceptionStrings.hint)
        } else if r.rows.isEmpty, r.resultsQuery == r.query.text {
            info = state.text(ReceptionStrings.noMatchNewCustomer)
        } else {
            info = state.text(Strings.findResultCount(r.rows.count))
        }
        buffer.put(info.ellipsized(toWidth: inner.width - 2), x: inner.x + 1, y: inner.y + 1, role: .muted, clip: inner)
        let rest = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
        if !r.rows.isEmpty {
            resultsTable(state, width: rest.width).render(into: &buffer, area: rest, state: r.table)
        } else if query.isEmpty, let saved = r.lastSaved {
            renderWorkOrder(saved, state: state, into: &buffer, area: rest, border: border)
        }
    }

    private static func renderWorkOrder(_ saved: SavedCheckIn, state: AppState, into buffer: inout ScreenBuffer, area: Rect,
                                        border: BorderStyle) {
        let title = "\(state.text(ReceptionStrings.lastSavedTitle)) \(saved.number)"
        let inner = Box(title: title, rightTitle: saved.workOrderPath, focused: false, style: border)
            .render(into: &buffer, area: area).inset(left: 1, right: 1)
        for (i, line) in saved.workOrderText.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where i < inner.height {
            buffer.put(String(line).ellipsized(toWidth: inner.width), x: inner.x, y: inner.y + i, role: .normal, clip: inner)
        }
    }

    private static func resultsTable(_ state: AppState, width: Int) -> Table {
        let columns = [
            TableColumn(state.text(Strings.colPlate), width: .fixed(11)),
            TableColumn(state.text(Strings.colName), width: .fixed(12)),
            TableColumn(state.text(Strings.colPhone), width: .fixed(11)),
            TableColumn(state.text(Strings.colModel), width: .flexible(1)),
            TableColumn(state.text(Strings.colFlags), width: .fixed(width >= 110 ? 12 : 9)),
        ]
        let rows = state.reception.rows.map { row -> TableRow in
            let c = row.customer
            var flags: [String] = []
            if c.isOutOfWarrantyOwner { flags.append(state.text(Strings.flagOutOfWarranty)) }
            if c.isUsedCarOwner { flags.append(state.text(Strings.flagUsedCar)) }
            return TableRow([
                TableCell(row.vehicle.map { Plate.display($0.plate) } ?? "", role: "plate"),
                TableCell(c.name),
                TableCell(c.phones.first.map(PhoneNumber.masked) ?? ""),
                TableCell(row.vehicle?.model ?? ""),
                TableCell(flags.joined(separator: " "), role: "customer.loyal"),
            ])
        }
        return Table(columns: columns, rows: rows)
    }
}
