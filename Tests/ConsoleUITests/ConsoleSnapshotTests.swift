import ConsoleCore
import ConsoleUI
import Foundation
import ScreenKit
import ServiceDomain
import Testing

private let fixedNow = Date(timeIntervalSince1970: 1_795_327_500) // 2026-11-22 14:05 in Shanghai
private let shanghai = TimeZone(identifier: "Asia/Shanghai")!
private let small = Size(width: 80, height: 24)
private let large = Size(width: 120, height: 40)

private func state(_ language: Language = .zhHans) -> AppState {
    AppState(language: language, shopName: "粤信一汽-大众4S店（广州天河）", operatorName: "陈小玲", now: fixedNow, timeZone: shanghai)
}

/// Chinese names, a new-energy plate, an emoji, a name with escape sequences, and a model name long
/// enough to be cut at a column edge.
private let customers: [SearchHit] = [
    SearchHit(customerID: 1, name: "王芳", phones: ["13812345678", "020-87654321"], isOutOfWarrantyOwner: true,
                  vehicles: [VehicleSummary(id: 11, plate: "粤A12345", model: "迈腾 2.0T", vin: "LFVA23C30N3100001"),
                             VehicleSummary(id: 12, plate: "粤AD12345", model: "ID.4 CROZZ 纯电动长续航版豪华型号", vin: nil)]),
    SearchHit(customerID: 2, name: "欧阳建华", phones: ["13900001111"], isUsedCarOwner: true,
                  vehicles: [VehicleSummary(id: 21, plate: "粤B8K2F7", model: "探岳 330TSI", vin: "LFVB23J51K3123456")]),
    SearchHit(customerID: 3, name: "Zoë 🚗 李", phones: ["15012349876"],
                  vehicles: [VehicleSummary(id: 31, plate: "湘A1234学", model: "高尔夫 GTI", vin: nil)]),
    SearchHit(customerID: 4, name: "\u{1B}[2J\u{1B}]0;pwn\u{07}张伟\u{1B}[31m", phones: ["13711112222"], vehicles: []),
]

private func withResults(_ language: Language = .zhHans) -> AppState {
    var s = state(language)
    for ch in "粤a1" { _ = reduce(&s, .keyPressed(.character(ch))) }
    _ = reduce(&s, .searchCompleted(query: "粤a1", results: customers))
    _ = reduce(&s, .keyPressed(.down))
    return s
}

private func withCard(_ language: Language = .zhHans) -> AppState {
    var s = withResults(language)
    _ = reduce(&s, .keyPressed(.up))
    _ = reduce(&s, .keyPressed(.down))
    _ = reduce(&s, .keyPressed(.enter))
    let day: TimeInterval = 86_400
    let customer = Customer(id: 1, name: "王芳", phones: ["13812345678", "020-87654321"], isOutOfWarrantyOwner: true,
                            preferredCallTime: "下午3点后", notes: "企业车队客户")
    let vehicles = [
        Vehicle(id: 11, ownerID: 1, vin: "LFVA23C30N3100001", plate: "粤A12345", model: "迈腾 2.0T",
                warrantyEndDate: CalendarDate(fixedNow.addingTimeInterval(200 * day), in: shanghai)),
        Vehicle(id: 12, ownerID: 1, vin: nil, plate: "粤AD12345", model: "ID.4 CROZZ"),
    ]
    let mileage: [RowID: [MileageReading]] = [
        11: [MileageReading(vehicleID: 11, km: 45_210, readAt: fixedNow.addingTimeInterval(-6 * day), source: .checkIn),
             MileageReading(vehicleID: 11, km: 40_050, readAt: fixedNow.addingTimeInterval(-120 * day), source: .checkIn)],
    ]
    let visits = [
        RepairOrder(id: 5, number: "RO-20261116-0003", customerID: 1, vehicleID: 11, advisorID: 1, serviceType: .repair,
                    repairClass: .minorRepair, stage: .delivered, openedAt: fixedNow.addingTimeInterval(-6 * day),
                    promisedAt: fixedNow, mileageIn: 45_210, contactPhone: "13812345678"),
    ]
    let complaint = Complaint(customerID: 1, repairOrderID: 5, category: .repairQuality, channel: .callback,
                              description: "刹车仍有异响", openedAt: fixedNow)
    _ = reduce(&s, .cardLoaded(CustomerCard(customer: customer, vehicles: vehicles, mileage: mileage,
                                                lastVisits: visits, openComplaints: [complaint])))
    return s
}

@Suite struct ConsoleSnapshotTests {
    @Test func keysOfFind() {
        assertHelp(state(), panel: .find, mode: "list")
        assertHelp(withCard(), panel: .find, mode: "card")
    }

    @Test func emptyFind() {
        assertSnapshot(ConsoleView.render(state(), size: small), named: "find-empty-80x24")
        assertSnapshot(ConsoleView.render(state(.en), size: large), named: "find-empty-en-120x40")
    }

    @Test func findResults() {
        assertSnapshot(ConsoleView.render(withResults(), size: small), named: "find-results-80x24")
        assertSnapshot(ConsoleView.render(withResults(), size: large), named: "find-results-120x40")
        assertSnapshot(ConsoleView.render(withResults(.en), size: small), named: "find-results-en-80x24")
    }

    @Test func customerCard() {
        assertSnapshot(ConsoleView.render(withCard(), size: small), named: "card-80x24")
        assertSnapshot(ConsoleView.render(withCard(.en), size: large), named: "card-en-120x40")
        assertSnapshot(ConsoleView.render(withCard(.en), size: small), named: "card-en-80x24")
    }

    @Test func helpOverlay() {
        var s = state()
        _ = reduce(&s, .keyPressed(.function(1)))
        assertSnapshot(ConsoleView.render(s, size: small), named: "help-80x24")
    }

    @Test func tooSmall() {
        assertSnapshot(ConsoleView.render(withResults(), size: Size(width: 60, height: 20)), named: "too-small-60x20")
    }

    @Test func asciiBordersWhenTheLocaleIsNotUTF8() {
        let s = AppState(language: .en, shopName: "Shop", operatorName: "desk", now: fixedNow, timeZone: shanghai, asciiOnly: true)
        assertSnapshot(ConsoleView.render(s, size: small), named: "ascii-80x24")
    }
}

@Suite struct ConsoleLayoutTests {
    /// Every width from 80 to 200: no row is wider than the screen, no wide glyph is split, and the
    /// hostile name never leaves an escape character in a cell.
    @Test(arguments: Array(stride(from: 80, through: 200, by: 1)))
    func chineseTextStaysAligned(width: Int) {
        for s in [withResults(), withCard(), withResults(.en)] {
            let buffer = ConsoleView.render(s, size: Size(width: width, height: 30))
            for y in 0..<buffer.size.height {
                var columns = 0
                for x in 0..<buffer.size.width {
                    let cell = buffer[x, y]
                    if cell.isContinuation {
                        #expect(x > 0 && buffer[x - 1, y].width == 2, "orphan continuation at \(x),\(y)")
                        continue
                    }
                    #expect(!cell.grapheme.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F },
                            "control character at \(x),\(y)")
                    columns += cell.width
                }
                #expect(columns == width, "row \(y) is \(columns) columns wide at width \(width)")
            }
        }
    }

    @Test func phonesAreMaskedInTheListAndFullOnTheCard() {
        let list = ConsoleView.render(withResults(), size: large).textLines.joined(separator: "\n")
        #expect(list.contains("138****5678"))
        #expect(!list.contains("13812345678"))
        let card = ConsoleView.render(withCard(), size: large).textLines.joined(separator: "\n")
        #expect(card.contains("13812345678"))
    }

    @Test func notesShowEachOfTheirLinesOnTheCard() {
        var s = withCard()
        let customer = Customer(id: 1, name: "王芳", phones: ["13812345678"], notes: "企业车队客户\n周末不接电话")
        _ = reduce(&s, .cardLoaded(CustomerCard(customer: customer, vehicles: [], mileage: [:], lastVisits: [],
                                                    openComplaints: [])))
        let lines = ConsoleView.render(s, size: large).textLines
        let first = lines.firstIndex { $0.contains("企业车队客户") }
        #expect(first != nil)
        if let first {
            #expect(!lines[first].contains("周末不接电话"))
            #expect(lines[first + 1].contains("周末不接电话"))
        }
    }

    @Test func hostileNameIsShownAsPlainText() {
        let text = ConsoleView.render(withResults(), size: large).textLines.joined(separator: "\n")
        #expect(text.contains("张伟"))
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("pwn"))
    }
}
