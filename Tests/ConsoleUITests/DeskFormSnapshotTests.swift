import ConsoleCore
import ConsoleUI
import Foundation
import ScreenKit
import ServiceDomain
import Testing

private let now = Date(timeIntervalSince1970: 1_795_327_500) // 2026-11-22 14:05 in Shanghai
private let zone = TimeZone(identifier: "Asia/Shanghai")!
private let small = Size(width: 80, height: 24)

private func base(_ language: Language) -> AppState {
    AppState(language: language, shopName: "粤信一汽-大众4S店（广州天河）", operatorName: "陈小玲", now: now, timeZone: zone)
}

private func keys(_ s: inout AppState, _ list: [Key]) { for k in list { _ = reduce(&s, .keyPressed(k)) } }
private func type(_ s: inout AppState, _ text: String) { keys(&s, text.map { .character($0) }) }

private let wang = Customer(id: 1, name: "王芳", phones: ["13812345678"], isOutOfWarrantyOwner: true, preferredCallTime: "下午3点后")
private let car = Vehicle(id: 11, ownerID: 1, vin: "LFVA23C30N3100001", plate: "粤A12345", model: "迈腾 2.0T")
private let info = CheckInCustomerInfo(customer: wang, vehicle: car, lastKm: 22_800, lastVisits: [], openComplaints: [])

private func checkIn(_ language: Language) -> AppState {
    var s = base(language)
    keys(&s, [.function(3)])
    _ = reduce(&s, .reception(.checkInLoaded(info, appointment: nil, arrivedAt: now, hours: .standard, carry: nil)))
    return s
}

/// The help and the prefilled-field highlight inside the check-in form, at the smallest screen.
@Suite struct DeskFormSnapshotTests {
    @Test(arguments: [Language.zhHans, .en])
    func helpInsideTheCheckInFormShowsItsKeysAndTheLegend(language: Language) {
        var s = checkIn(language)
        keys(&s, [.function(1)])
        let frame = ConsoleView.render(s, size: small)
        assertSnapshot(frame, named: "help-check-in-\(language == .en ? "en" : "zh")-80x24")
        let text = frame.textLines.joined(separator: "\n")
        #expect(!text.contains(s.text(Strings.keyNextPanel)))
        #expect(text.contains("★") && text.contains(s.text(Strings.legend[1].text)))
    }

    @Test func aPrefilledFieldIsHighlightedOnEntry() {
        var s = checkIn(.zhHans)
        type(&s, "23500")
        keys(&s, [.tab])
        type(&s, "异响")
        keys(&s, [.tab, .tab, .tab])   // → labour hours, prefilled "2"
        assertSnapshot(ConsoleView.render(s, size: small), named: "check-in-prefilled-selected-80x24")
    }
}

/// At the smallest screen every tab keeps its whole name (a short one in English) on every panel.
@Suite struct TabNamesAt80ColumnsTests {
    @Test(arguments: [Language.zhHans, .en])
    func everyTabIsNamedInFull(language: Language) {
        for panel in Panel.allCases {
            var s = base(language)
            s.panel = panel
            let tabs = ConsoleView.render(s, size: small).textLines[1]
            #expect(!tabs.contains("…"), "\(panel): \(tabs)")
            for p in Panel.allCases {
                let named = tabs.contains("F\(p.functionKey) " + s.text(p.title) + " ")
                    || tabs.contains("F\(p.functionKey) " + s.text(p.shortTitle) + " ")
                #expect(named, "\(panel): \(tabs)")
            }
        }
    }
}
