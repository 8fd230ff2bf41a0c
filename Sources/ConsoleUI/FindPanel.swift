import ConsoleCore
import ScreenKit
import ServiceDomain

/// The Find panel: a live query over plates, phones, names and VINs, and the matches below it.
enum FindPanel {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect, border: BorderStyle) {
        if let card = state.find.card {
            CustomerCardView.render(card, state: state, into: &buffer, area: area, border: border)
            return
        }
        let box = Box(title: state.text(Strings.panelFind), focused: true, style: border)
        let inner = box.render(into: &buffer, area: area)
        guard inner.height >= 3 else { return }

        // Query line
        let prompt = state.text(Strings.findPrompt)
        let promptWidth = buffer.put(prompt, x: inner.x + 1, y: inner.y, role: .titleFocus, clip: inner)
        let inputArea = Rect(x: inner.x + 1 + promptWidth, y: inner.y, width: inner.width - 2 - promptWidth, height: 1)
        TextInput(placeholder: state.text(Strings.findPlaceholder), focused: state.isTyping)
            .render(into: &buffer, area: inputArea, state: state.find.query)

        // Hint or count
        let info: String
        let query = state.find.query.text.trimmingCharacters(in: .whitespaces)
        if query.isEmpty {
            info = state.text(Strings.findHint)
        } else if state.find.rows.isEmpty, state.find.resultsQuery == state.find.query.text {
            info = state.text(Strings.findNoResults)
        } else {
            info = state.text(Strings.findResultCount(state.find.rows.count))
        }
        buffer.put(info, x: inner.x + 1, y: inner.y + 1, role: .muted, clip: inner)

        let tableArea = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
        guard !state.find.rows.isEmpty else { return }
        table(for: state, width: tableArea.width, area: tableArea)
            .render(into: &buffer, area: tableArea, state: state.find.table)
    }

    /// The matches as a table; with `area`, only the rows that show there are built (a page holds 200).
    static func table(for state: AppState, width: Int, area: Rect? = nil) -> Table {
        let wide = width >= 110
        var columns = [
            TableColumn(state.text(Strings.colName), width: .fixed(12)),
            TableColumn(state.text(Strings.colPhone), width: .fixed(wide ? 13 : 11)),
            TableColumn(state.text(Strings.colPlate), width: .fixed(11)),
            TableColumn(state.text(Strings.colModel), width: .flexible(1)),
            TableColumn(state.text(Strings.colVIN), width: .fixed(17)),
        ]
        columns.append(TableColumn(state.text(Strings.colFlags), width: .fixed(wide ? 12 : 9)))
        let empty = Table(columns: columns, rows: [])
        let range = area.map { empty.visibleRange(rowCount: state.find.rows.count, in: $0, state: state.find.table) }
            ?? state.find.rows.indices
        let rows: [TableRow] = state.find.rows[range].map { row in
            let c = row.customer
            let phone = c.phones.first.map(PhoneNumber.masked) ?? ""
            let more = c.phones.count > 1 ? " +\(c.phones.count - 1)" : ""
            var flags: [String] = []
            if c.isOutOfWarrantyOwner { flags.append(state.text(Strings.flagOutOfWarranty)) }
            if c.isUsedCarOwner { flags.append(state.text(Strings.flagUsedCar)) }
            let cells = [
                TableCell(c.name),
                TableCell(phone + (wide ? more : "")),
                TableCell(row.vehicle.map { Plate.display($0.plate) } ?? "", role: "plate"),
                TableCell(row.vehicle?.model ?? ""),
                TableCell(row.vehicle?.vin ?? "", role: .muted),
                TableCell(flags.joined(separator: " "), role: "customer.loyal"),
            ]
            return TableRow(cells)
        }
        return empty.window(rows, from: range.lowerBound, of: state.find.rows.count)
    }
}
