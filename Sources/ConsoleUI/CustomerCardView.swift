import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain

/// The customer card: who they are, their cars and mileage, their last visits, open complaints.
/// Phones are shown in full here (the card is where the desk calls from).
enum CustomerCardView {
    static func render(_ card: CustomerCard, state: AppState, into buffer: inout ScreenBuffer, area: Rect,
                       border: BorderStyle) {
        let c = card.customer
        let box = Box(title: "\(state.text(Strings.cardTitle)) · \(c.name)", focused: true, style: border)
        let inner = box.render(into: &buffer, area: area).inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        var lines: [(String, StyleRole)] = []

        lines.append(("\(state.text(Strings.cardPhones)): " + c.phones.joined(separator: ", "), .normal))
        var kinds: [String] = []
        if c.isOutOfWarrantyOwner { kinds.append(state.text(Strings.cardOutOfWarranty)) }
        if c.isUsedCarOwner { kinds.append(state.text(Strings.cardUsedCar)) }
        if !kinds.isEmpty { lines.append(("★ " + kinds.joined(separator: " · "), "customer.loyal")) }
        if !c.preferredCallTime.isEmpty { lines.append(("\(state.text(Strings.cardPreferredTime)): \(c.preferredCallTime)", .normal)) }
        // Notes keep the line breaks typed or imported: one screen line each, continuation lines indented.
        for (i, noteLine) in c.notes.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !c.notes.isEmpty {
            let label = state.text(Strings.cardNotes)
            lines.append((i == 0 ? "\(label): \(noteLine)" : String(repeating: " ", count: label.displayWidth + 2) + noteLine,
                          .muted))
        }
        if !card.openComplaints.isEmpty {
            lines.append(("! \(state.text(Strings.cardOpenComplaints)): \(card.openComplaints.count)", .error))
        }

        lines.append(("", .normal))
        lines.append((state.text(Strings.cardVehicles), .titleFocus))
        let ordered = card.vehicles.sorted { a, _ in a.id == state.find.cardVehicleID }
        for v in ordered {
            var line = "  \(Plate.display(v.plate))  \(v.model)  \(v.vin ?? state.text(Strings.cardNoVIN))"
            if let end = v.warrantyEndDate {
                line += "  \(state.text(Strings.cardWarrantyUntil)) \(end.text)"
            }
            lines.append((line, v.id == state.find.cardVehicleID ? .highlight : .normal))
            if let id = v.id, let readings = card.mileage[id], !readings.isEmpty {
                let shown = readings.prefix(4).map { "\(KilometreFormat.text($0.km)) (\(ShopTime.date($0.readAt, state.timeZone)))" }
                lines.append(("    \(state.text(Strings.cardMileage)): " + shown.joined(separator: ", "), .muted))
            }
        }

        lines.append(("", .normal))
        lines.append((state.text(Strings.cardLastVisits), .titleFocus))
        if card.lastVisits.isEmpty {
            lines.append(("  " + state.text(Strings.cardNoVisits), .muted))
        }
        let plates = Dictionary(card.vehicles.compactMap { v in v.id.map { ($0, v.plate) } }, uniquingKeysWith: { a, _ in a })
        for ro in card.lastVisits {
            let plate = plates[ro.vehicleID].map(Plate.display) ?? ""
            let line = "  \(ro.number)  \(ShopTime.date(ro.openedAt, state.timeZone))  \(plate)  "
                + "\(state.text(ro.serviceType.label))  \(state.text(ro.stage.label))  \(KilometreFormat.text(ro.mileageIn))"
            lines.append((line, .normal))
        }

        for (i, line) in lines.enumerated() where i < inner.height {
            buffer.put(line.0.ellipsized(toWidth: inner.width), x: inner.x, y: inner.y + i, role: line.1, clip: inner)
        }
    }
}

enum KilometreFormat {
    /// `45,210 km`
    static func text(_ km: Int) -> String { DigitGrouping.grouped(km) + " km" }
}
