import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain

/// The check-in form: what the desk must see first (flags, complaints, possible comeback, last visits),
/// then the fields in two columns, in Tab order.
enum CheckInView {
    static func render(_ form: CheckInForm, state: AppState, into buffer: inout ScreenBuffer, area: Rect,
                       border: BorderStyle) {
        var title = state.text(form.needsCustomer ? ReceptionStrings.newCustomerTitle : ReceptionStrings.formTitle)
        if let s = form.subject {
            title += " · \(s.customer.name)"
            if let v = s.vehicle { title += " · \(Plate.display(v.plate)) \(v.model)" }
        }
        let arrived = "\(state.text(ReceptionStrings.elapsed)) \(ShopTime.clock(form.arrivedAt, state.timeZone))"
        let inner = Box(title: title, rightTitle: arrived, focused: true, style: border)
            .render(into: &buffer, area: area).inset(left: 1, right: 1)
        guard inner.height >= 4 else { return }
        var y = inner.y
        for (text, role) in summaryLines(form, state: state, width: inner.width) where y < inner.maxY - 1 {
            buffer.put(text.ellipsized(toWidth: inner.width), x: inner.x, y: y, role: role, clip: inner)
            y += 1
        }
        let fieldsArea = Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y)
        renderFields(form, state: state, into: &buffer, area: fieldsArea)
    }

    /// The customer card's essentials, worst news first.
    static func summaryLines(_ form: CheckInForm, state: AppState, width: Int) -> [(String, StyleRole)] {
        var lines = duplicateLines(form.duplicates, state: state)
        guard let s = form.subject else { return lines }
        if let vehicleID = s.vehicle?.id,
           let recent = ComebackWarning.recentRepair(vehicleID: vehicleID, visits: s.lastVisits, now: state.now),
           let closed = recent.closedAt {
            let days = max(0, Int(state.now.timeIntervalSince(closed) / 86_400))
            let text = state.text(ReceptionStrings.possibleComeback(recent.number, daysAgo: days,
                                                                    deliveredOn: ShopTime.date(closed, state.timeZone)))
            lines.append((text, .error))
        }
        var facts: [String] = []
        let c = s.customer
        if c.isOutOfWarrantyOwner { facts.append("★ " + state.text(Strings.cardOutOfWarranty)) }
        if c.isUsedCarOwner { facts.append("★ " + state.text(Strings.cardUsedCar)) }
        if !facts.isEmpty { lines.append((facts.joined(separator: "  "), "customer.loyal")) }
        if !s.openComplaints.isEmpty {
            let first = s.openComplaints[0].description
            lines.append(("! \(state.text(ReceptionStrings.openComplaints)) \(s.openComplaints.count): \(first)", .error))
        }
        if !s.declinedWork.isEmpty {
            let shown = s.declinedWork.prefix(3).map { "\($0.description) \($0.total)" }
            lines.append(("↺ \(state.text(OrderStrings.declinedBefore)): " + shown.joined(separator: "; "), .warning))
        }
        var info: [String] = []
        if let km = s.lastKm { info.append("\(state.text(ReceptionStrings.lastKm)) \(km) km") }
        if s.vehicle == nil { info.append(state.text(ReceptionStrings.newCar)) }
        let visits = s.lastVisits.prefix(width >= 110 ? 3 : 2).map { ro in
            "\(ro.number) \(ShopTime.date(ro.openedAt, state.timeZone)) \(state.text(ro.serviceType.label))"
        }
        info.append("\(state.text(ReceptionStrings.lastVisits)): " + (visits.isEmpty ? state.text(ReceptionStrings.noVisits) : visits.joined(separator: ", ")))
        lines.append((info.joined(separator: " · "), .muted))
        return lines
    }

    /// Existing records with the typed phone, plate or VIN (names shown, phones masked); Ctrl-O uses one.
    static func duplicateLines(_ duplicates: [DuplicateMatch], state: AppState) -> [(String, StyleRole)] {
        guard !duplicates.isEmpty else { return [] }
        let shown = duplicates.prefix(2).map { d in
            "\(d.customerName) \(PhoneNumber.masked(d.phone))" + (d.plate.map { " " + Plate.display($0) } ?? "")
        }
        return [("! \(state.text(ReceptionStrings.duplicateTitle)): " + shown.joined(separator: "; ") + "  (Ctrl-O)", .warning)]
    }

    private static func renderFields(_ form: CheckInForm, state: AppState, into buffer: inout ScreenBuffer, area: Rect) {
        guard area.height >= 2 else { return }
        let fields = form.fields
        let columns = area.width >= 76 ? 2 : 1
        let perColumn = (fields.count + columns - 1) / columns
        let columnWidth = (area.width - (columns - 1) * 2) / columns
        let labelWidth = state.language == .zhHans ? 11 : 12
        // Leave a row for the estimate total below the fields when there is room.
        let rowStep = area.height >= perColumn * 2 + 1 && area.height >= 30 ? 2 : 1
        for (i, field) in fields.enumerated() {
            let col = i / perColumn
            let row = i % perColumn
            let x = area.x + col * (columnWidth + 2)
            let y = area.y + row * rowStep
            guard y < area.maxY else { continue }
            let focused = field == form.focus && state.overlay == nil
            let label = state.text(ReceptionStrings.label(field)).padded(toWidth: labelWidth - 1)
            buffer.put(label, x: x, y: y, role: focused ? .titleFocus : .normal)
            let valueArea = Rect(x: x + labelWidth, y: y, width: max(1, columnWidth - labelWidth), height: 1)
            if field.isChoice {
                let value = "‹ " + choiceText(field, form, state) + " ›"
                buffer.fill(valueArea, role: focused ? .inputFocus : .input)
                buffer.put(value.ellipsized(toWidth: valueArea.width), x: valueArea.x, y: y,
                           role: focused ? .inputFocus : .input, clip: valueArea)
                if focused { buffer.cursor = Point(x: valueArea.x, y: y) }
            } else {
                let placeholder = field == .walkAround ? state.text(ReceptionStrings.walkAroundPlaceholder)
                    : field == .odometerReason ? state.text(ReceptionStrings.odometerReasonPlaceholder)
                    : field == .mileage ? (form.subject?.lastKm.map { "≥ \($0)" } ?? "km") : ""
                TextInput(placeholder: placeholder, focused: focused)
                    .render(into: &buffer, area: valueArea, state: form.texts[field] ?? TextInputState())
            }
        }
        let totalY = area.y + perColumn * rowStep
        if totalY < area.maxY {
            let labour = (try? YuanInput.parse(form.text(.labour))) ?? .zero
            let parts = (try? YuanInput.parse(form.text(.parts))) ?? .zero
            buffer.put("\(state.text(ReceptionStrings.estimateTotal)) \(labour + parts)", x: area.x, y: totalY,
                       role: .muted, clip: area)
        }
    }

    private static func choiceText(_ field: CheckInField, _ form: CheckInForm, _ state: AppState) -> String {
        switch field {
        case .category: state.text(form.category.label)
        case .serviceType: state.text(form.serviceType.label)
        case .waiter: state.text(form.isWaiter ? ReceptionStrings.waiter : ReceptionStrings.dropOff)
        case .fuel: form.fuel.label
        case .valuables: state.text(form.valuablesReminded ? ReceptionStrings.reminded : ReceptionStrings.notReminded)
        case .advisor: form.advisorName
        default: ""
        }
    }
}
