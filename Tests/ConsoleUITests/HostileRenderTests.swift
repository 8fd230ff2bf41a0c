import ConsoleCore
import ConsoleUI
import Foundation
import ScreenKit
import ServiceDomain
import TestSupport
import Testing

/// The hostile corpus drawn by the real view: as the shop and operator names, the status line, the
/// typed query, every column of a search result and every line of the customer card. No cell may
/// hold anything the terminal would execute, at any size. (The raw bytes sent to a real terminal are
/// checked end to end in HostileTerminalTests.)
struct HostileRenderTests {
    private static let now = Date(timeIntervalSince1970: 1_795_327_500)
    private static let zone = TimeZone(identifier: "Asia/Shanghai")!

    private func states(_ text: String, language: Language) -> [AppState] {
        var base = AppState(language: language, shopName: text, operatorName: text, now: Self.now, timeZone: Self.zone)
        base.status = StatusLine(Message(zh: text, en: text), kind: .error)
        var typed = base
        typed.find.query = TextInputState(text: text)

        var results = base
        let found = [SearchHit(customerID: 1, name: text, phones: [text, "13812345678"],
                                   vehicles: [VehicleSummary(id: 2, plate: text, model: text, vin: text)])]
        _ = reduce(&results, .searchCompleted(query: "", results: found))

        var card = results
        _ = reduce(&card, .keyPressed(.enter))
        let customer = Customer(id: 1, name: text, phones: [text, "13812345678"], preferredCallTime: text, notes: text)
        let vehicle = Vehicle(id: 2, ownerID: 1, vin: text, plate: text, model: text)
        let visit = RepairOrder(id: 3, number: text, customerID: 1, vehicleID: 2, advisorID: nil, serviceType: .repair,
                                repairClass: .minorRepair, stage: .delivered, openedAt: Self.now, promisedAt: Self.now,
                                mileageIn: 1, walkAroundNotes: text, contactPhone: text)
        let complaint = Complaint(customerID: 1, repairOrderID: 3, category: .repairQuality, channel: .callback,
                                  description: text, openedAt: Self.now)
        _ = reduce(&card, .cardLoaded(CustomerCard(customer: customer, vehicles: [vehicle], mileage: [:],
                                                       lastVisits: [visit], openComplaints: [complaint])))
        var help = base
        help.overlay = .help
        return [base, typed, results, card, help]
    }

    @Test func noCellEverHoldsATerminalControl() {
        var frames = 0
        for (n, text) in HostileCorpus.all.enumerated() {
            // Each input in one language (alternating) keeps the debug-build run short.
            for language in [n.isMultiple(of: 2) ? Language.zhHans : .en] {
                for (index, state) in states(text, language: language).enumerated() {
                    for size in [Size(width: 80, height: 24), Size(width: 132, height: 43)] {
                        let buffer = ConsoleView.render(state, size: size)
                        frames += 1
                        let bad = buffer.textLines.first { !HostileCorpus.reachesTerminalSafely($0) }
                        #expect(bad == nil, "state \(index) at \(size.width)x\(size.height) for \(text.debugDescription.prefix(50)): \(bad.debugDescription.prefix(120))")
                        #expect(buffer.textLines.count == size.height)
                    }
                }
            }
        }
        FileHandle.standardError.write(Data("[robustness] hostile render: \(HostileCorpus.all.count) inputs drawn in \(frames) frames\n".utf8))
    }

    @Test func phonesAreMaskedInTheResultList() {
        var state = AppState(language: .zhHans, shopName: "店", operatorName: "陈小玲", now: Self.now, timeZone: Self.zone)
        let found = [SearchHit(customerID: 1, name: "王芳", phones: ["13812345678"],
                                   vehicles: [VehicleSummary(id: 2, plate: "粤A12345", model: "迈腾", vin: nil)])]
        _ = reduce(&state, .searchCompleted(query: "", results: found))
        let screen = ConsoleView.render(state, size: Size(width: 120, height: 40)).textLines.joined(separator: "\n")
        #expect(screen.contains("138****5678"))
        #expect(!screen.contains("13812345678"))
    }
}
