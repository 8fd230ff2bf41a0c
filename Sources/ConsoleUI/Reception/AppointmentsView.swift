import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain

/// The Appointments panel: the day in slots with occupancy per lane, or tomorrow's confirmation list,
/// and the booking form over it.
enum AppointmentsView {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect, border: BorderStyle) {
        let a = state.reception.appointments
        let dayText = a.day.map { ShopTime.weekdayDateTime($0, state.timeZone, language: state.language) }
            .map { String($0.dropLast(6)) } ?? ""
        let title = state.text(a.confirmationsOnly ? ReceptionStrings.confirmationsTitle : ReceptionStrings.dayTitle)
            + (dayText.isEmpty ? "" : " · \(dayText)")
        let rate = "\(state.text(ReceptionStrings.noShowRate)) "
            + AppointmentRules.percent(a.noShow.noShows, of: a.noShow.concluded) + " (\(a.noShow.noShows)/\(a.noShow.concluded))"
        let inner = Box(title: title, rightTitle: rate, focused: a.booking == nil, style: border).render(into: &buffer, area: area)
        guard inner.height >= 3 else { return }
        var tableArea = inner
        if let booking = a.booking {
            let height = min(inner.height, (booking.needsOverride ? 12 : 11) + (booking.newCustomer == nil ? 0 : 1))
            let (top, rest) = inner.splitBottom(height)
            tableArea = top
            renderBooking(booking, state: state, into: &buffer, area: rest, border: border)
        }
        let lines = a.lines(timeZone: state.timeZone)
        let emptyMessage = a.confirmationsOnly ? state.text(ReceptionStrings.noConfirmations) : ""
        table(lines, state: state, width: tableArea.width, emptyMessage: emptyMessage)
            .render(into: &buffer, area: tableArea, state: a.table)
        if let question = a.noShowQuestion {
            Modal(title: state.text(ReceptionStrings.noShowTitle), message: state.text(question.text),
                  hint: state.text(ReceptionStrings.noShowHint), style: border).render(into: &buffer, area: area)
        }
    }

    static func table(_ lines: [DayLine], state: AppState, width: Int, emptyMessage: String) -> Table {
        let hours = state.reception.appointments.hours
        let wide = width >= 110
        let columns = [
            TableColumn(state.text(ReceptionStrings.slotLabel), width: .fixed(wide ? 16 : 14)),
            TableColumn(state.text(Strings.colPlate), width: .fixed(11)),
            TableColumn(state.text(Strings.colName), width: .fixed(wide ? 12 : 9)),
            TableColumn(state.text(Strings.colPhone), width: .fixed(11)),
            TableColumn(state.text(ReceptionStrings.concernsLabel), width: .flexible(1)),
            // As wide as the longest status shown ("Rescheduled"), so none is cut.
            TableColumn("", width: .fixed(max(wide ? 10 : 8, lines.map { line -> Int in
                guard case .appointment(let row) = line else { return 0 }
                return state.text(AppointmentRules.label(row.appointment.status)).displayWidth
            }.max() ?? 0))),
        ]
        let moving = state.reception.appointments.moving?.appointment.id
        let rows: [TableRow] = lines.map { line in
            switch line {
            case .slot(let start, let regular, let express):
                let time = ShopTime.clock(start, state.timeZone)
                // The lanes' short names on a narrow screen, so the counts are never cut.
                let regularName = state.text(wide ? ReceptionStrings.regular : ReceptionStrings.regularShort)
                let expressName = state.text(wide ? ReceptionStrings.express : ReceptionStrings.expressShort)
                let occupancy = "\(regularName) \(regular)/\(hours.regularCapacity)  \(expressName) \(express)/\(hours.expressCapacity)"
                let full = regular >= hours.regularCapacity
                return TableRow([TableCell(time, role: .titleFocus), TableCell(""), TableCell(""), TableCell(""),
                                 TableCell(occupancy, role: full ? .warning : .muted), TableCell("")])
            case .appointment(let row):
                let ap = row.appointment
                var lead = "  " + (state.reception.appointments.confirmationsOnly
                    ? ShopTime.clock(ap.slotStart, state.timeZone) : "")
                lead += ap.lane == .express ? " " + state.text(ReceptionStrings.express) : ""
                lead += ap.isWaiter ? " " + state.text(ReceptionStrings.waiterShort) : ""
                let what = state.text(ap.serviceType.label) + (ap.concerns.isEmpty ? "" : " " + ap.concerns)
                    + (ap.capacityOverrideReason.isEmpty ? "" : " [+\(ap.capacityOverrideReason)]")
                let role: StyleRole = ap.id == moving ? .highlight
                    : ap.status == .noShow || ap.status == .cancelled ? .muted : .normal
                return TableRow([TableCell(lead), TableCell(Plate.display(row.plate), role: "plate"),
                                 TableCell(row.customerName), TableCell(PhoneNumber.masked(row.phone)), TableCell(what),
                                 TableCell(state.text(AppointmentRules.label(ap.status)), role: statusRole(ap.status))],
                                role: role)
            }
        }
        return Table(columns: columns, rows: rows, emptyMessage: emptyMessage)
    }

    private static func statusRole(_ s: AppointmentStatus) -> StyleRole {
        switch s {
        case .confirmed, .arrived: .ok
        case .noShow: .error
        case .rescheduled: .warning
        case .booked, .cancelled: .muted
        }
    }

    private static func renderBooking(_ b: BookingForm, state: AppState, into buffer: inout ScreenBuffer, area: Rect,
                                      border: BorderStyle) {
        let slot = ShopTime.date(b.slotStart, state.timeZone) + " " + ShopTime.clock(b.slotStart, state.timeZone)
        let inner = Box(title: "\(state.text(ReceptionStrings.bookingTitle)) · \(slot)", focused: true, style: border)
            .render(into: &buffer, area: area).inset(left: 1, right: 1)
        guard inner.height >= 1 else { return }
        // As wide as the longest label shown, so none is cut ("Customer/car", "Override reason").
        var labels = [ReceptionStrings.searchLabel, ReceptionStrings.laneLabel, ReceptionStrings.label(.serviceType),
                      ReceptionStrings.concernsLabel, ReceptionStrings.label(.waiter)]
        if b.needsOverride { labels.append(ReceptionStrings.overrideLabel) }
        if b.newCustomer != nil { labels += NewCustomerEntry.fields.map(ReceptionStrings.label) }
        let labelWidth = max(12, (labels.map { state.text($0).displayWidth }.max() ?? 0) + 2)
        var y = inner.y
        func label(_ m: Message, _ f: BookingField) {
            buffer.put(state.text(m).padded(toWidth: labelWidth - 1), x: inner.x, y: y,
                       role: b.focus == f ? .titleFocus : .normal, clip: inner)
        }
        let valueWidth = max(1, inner.width - labelWidth)
        func choice(_ m: Message, _ f: BookingField, _ value: String) {
            guard y < inner.maxY else { return }
            label(m, f)
            let r = Rect(x: inner.x + labelWidth, y: y, width: valueWidth, height: 1)
            buffer.fill(r, role: b.focus == f ? .inputFocus : .input)
            buffer.put("‹ \(value) ›", x: r.x, y: y, role: b.focus == f ? .inputFocus : .input, clip: r)
            if b.focus == f { buffer.cursor = Point(x: r.x, y: y) }
            y += 1
        }
        func text(_ m: Message, _ f: BookingField, _ input: TextInputState, _ placeholder: String = "") {
            guard y < inner.maxY else { return }
            label(m, f)
            TextInput(placeholder: placeholder, focused: b.focus == f)
                .render(into: &buffer, area: Rect(x: inner.x + labelWidth, y: y, width: valueWidth, height: 1), state: input)
            y += 1
        }
        let chosen = b.chosen.map { "✔ \(Plate.display($0.vehicle?.plate ?? "")) \($0.customer.name) \($0.vehicle?.model ?? "")" }
        if let entry = b.newCustomer {
            // The same fields, labels and duplicate warning as the walk-in check-in form.
            for (line, role) in CheckInView.duplicateLines(entry.duplicates, state: state) where y < inner.maxY {
                buffer.put(line.ellipsized(toWidth: inner.width), x: inner.x, y: y, role: role, clip: inner)
                y += 1
            }
            for field in NewCustomerEntry.fields {
                guard let f = BookingField(field) else { continue }
                text(ReceptionStrings.label(field), f, entry.texts[field] ?? TextInputState())
            }
        } else {
            text(ReceptionStrings.searchLabel, .search, b.query, chosen ?? state.text(Strings.findPlaceholder))
        }
        if b.newCustomer == nil, b.focus == .search, !b.rows.isEmpty {
            let listHeight = min(3, inner.maxY - y)
            let rows = b.rows.map { r in
                TableRow(texts: [Plate.display(r.vehicle?.plate ?? ""), r.customer.name,
                                 r.customer.phones.first.map(PhoneNumber.masked) ?? "", r.vehicle?.model ?? ""])
            }
            Table(columns: [TableColumn("", width: .fixed(11)), TableColumn("", width: .fixed(10)),
                            TableColumn("", width: .fixed(11)), TableColumn("", width: .flexible(1))],
                  rows: rows, showsHeader: false)
                .render(into: &buffer, area: Rect(x: inner.x + labelWidth, y: y, width: valueWidth, height: max(0, listHeight)),
                        state: b.table)
            y += max(0, listHeight)
        } else if b.newCustomer == nil, let chosen {
            buffer.put(chosen.ellipsized(toWidth: valueWidth), x: inner.x + labelWidth, y: y, role: .ok, clip: inner)
            y += 1
        }
        choice(ReceptionStrings.laneLabel, .lane, state.text(b.lane == .express ? ReceptionStrings.express : ReceptionStrings.regular))
        choice(ReceptionStrings.label(.serviceType), .serviceType, state.text(b.serviceType.label))
        text(ReceptionStrings.concernsLabel, .concerns, b.concerns)
        choice(ReceptionStrings.label(.waiter), .waiter, state.text(b.isWaiter ? ReceptionStrings.waiter : ReceptionStrings.dropOff))
        if b.needsOverride { text(ReceptionStrings.overrideLabel, .overrideReason, b.overrideReason) }
    }
}
