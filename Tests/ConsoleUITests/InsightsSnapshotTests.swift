import ConsoleCore
import ConsoleUI
import Foundation
import ScreenKit
import ServiceDomain
import Testing

private let now = Date(timeIntervalSince1970: 1_795_327_500) // 2026-11-22 14:05 in Shanghai
private let zone = TimeZone(identifier: "Asia/Shanghai")!
private let small = Size(width: 80, height: 24)
private let large = Size(width: 120, height: 40)

private func listing(_ id: RowID, status: ComebackStatus, source: ComebackSource, daysAgo: Double, back: Bool = true,
                     counters: WarrantyCounters? = nil) -> ComebackListing {
    var c = Comeback(id: id, earlierRepairOrderID: 100 + id, laterRepairOrderID: back ? 200 + id : nil, source: source,
                     status: status, createdAt: now, version: 1)
    if status == .confirmed { c.rootCause = .workmanship; c.responsibleTechnicianID = 7 }
    if status == .dismissed { c.reason = "客户新问题" }
    let plates = ["粤A12345", "粤B8K2F7", "湘A1234学"]
    let repairs = counters ?? WarrantyCounters.compute([], warrantyEnd: nil, warrantyEndKm: nil, now: now)
    var l = ComebackListing(
        comeback: c, earlierNumber: "RO-2026111\(id)-0003", earlierClass: .minorRepair,
        earlierDeliveredAt: now.addingTimeInterval(-daysAgo * 86_400), earlierCategories: [.brakes],
        earlierConcern: "刹车异响", laterNumber: back ? "RO-20261122-000\(id)" : nil, laterOpenedAt: back ? now : nil,
        laterCategories: back ? [.brakes] : [], laterConcern: back ? "刹车还是响" : "", plate: plates[Int(id) % 3],
        model: "迈腾 330TSI", technicians: [StaffChoice(id: 7, name: "刘德明", skillLevel: 4)], counters: repairs)
    l.technicianRates = [7: RateRow(key: "7", visits: 24, comebacks: status == .confirmed ? 2 : 1)]
    return l
}

private func comebacksState(language: Language = .zhHans) -> AppState {
    var s = AppState(language: language, shopName: "粤信一汽-大众4S店（广州天河）", operatorName: "刘主管", now: now, timeZone: zone)
    _ = reduce(&s, .keyPressed(.function(8)))
    let twice = WarrantyCounters.compute(
        [VehicleRepair(openedAt: now.addingTimeInterval(-40 * 86_400), closedAt: now.addingTimeInterval(-38 * 86_400), mileage: 1,
                       isRepair: true, categories: [.brakes]),
         VehicleRepair(openedAt: now.addingTimeInterval(-6 * 86_400), closedAt: now.addingTimeInterval(-5 * 86_400), mileage: 2,
                       isRepair: true, categories: [.brakes])],
        failures: [.brakes: 2], warrantyEnd: nil, warrantyEndKm: nil, now: now)
    _ = reduce(&s, .insights(.comebacksLoaded([
        listing(1, status: .candidate, source: .checkIn, daysAgo: 6, counters: twice),
        listing(2, status: .candidate, source: .followUp, daysAgo: 3, back: false),
        listing(3, status: .confirmed, source: .leadSearch, daysAgo: 9),
        listing(4, status: .dismissed, source: .checkIn, daysAgo: 2),
    ], technicians: [StaffChoice(id: 7, name: "刘德明", skillLevel: 4), StaffChoice(id: 8, name: "赵磊", skillLevel: 3)])))
    return s
}

private func report(_ period: ReportPeriod) -> LoadedReport {
    var visits: [RepairVisit] = []
    for i in 0..<40 {
        visits.append(RepairVisit(repairOrderID: RowID(i), advisorID: RowID(10 + i % 2), technicianIDs: [RowID(1 + i % 3)],
                                  categories: [i % 4 == 0 ? .engine : .brakes], deliveredAt: now.addingTimeInterval(-Double(i) * 3600),
                                  confirmedComeback: i % 13 == 0, responsibleTechnicianID: i % 13 == 0 ? RowID(1 + i % 3) : nil))
    }
    var follow = FollowUpFigures()
    follow.callbacksDue = 38
    follow.completedWithinWindow = 35
    follow.scores = [10: 20, 9: 8, 8: 4, 6: 1]
    follow.averageScore = 9.3
    follow.topBoxShare = 28.0 / 33
    follow.medianFirstContactHours = 2.5
    follow.medianResolutionHours = 50
    follow.complaintsByCategory = [.repairQuality: 2]
    let trend = ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"].enumerated().map { i, key in
        RateRow(key: key, visits: 120 + i * 5, comebacks: [9, 7, 8, 5, 6, 3][i])
    }
    let r = KPIReport(period: period, ftfr: FTFRFigures.compute(visits, timeZone: zone), followUp: follow, ordersOpened: 52,
                      ordersFromAppointments: 19, delivered: 48, deliveredOnTime: 44, averageHoursInWorkshop: 20.5, noShows: 3,
                      appointmentsConcluded: 25, trend: trend)
    return LoadedReport(report: r, targets: KPITargets(),
                        names: [1: "刘德明", 2: "赵磊", 3: "孙建国", 10: "李娜", 11: "周建华"])
}

private func reportsState(language: Language = .zhHans) -> AppState {
    var s = AppState(language: language, shopName: "粤信一汽-大众4S店（广州天河）", operatorName: "郑经理", now: now, timeZone: zone)
    let effects = reduce(&s, .keyPressed(.function(9)))
    guard case .insights(.loadReport(let period))? = effects.first else { return s }
    _ = reduce(&s, .insights(.reportLoaded(report(period))))
    return s
}

@Suite struct InsightsSnapshotTests {
    @Test func comebacksListCandidatesFirstWithTheSelectedOneInDetail() {
        assertSnapshot(ConsoleView.render(comebacksState(), size: small), named: "comebacks-80x24")
        assertSnapshot(ConsoleView.render(comebacksState(language: .en), size: large), named: "comebacks-en-120x40")
        let small80 = ConsoleView.render(comebacksState(language: .en), size: small)
        assertSnapshot(small80, named: "comebacks-en-80x24")
        #expect(small80.textLines.joined().contains("湘A·1234学"))   // the plate is never cut
    }

    @Test func confirmingAsksForTheRootCauseThenTheTechnician() {
        var s = comebacksState()
        _ = reduce(&s, .keyPressed(.enter))
        assertSnapshot(ConsoleView.render(s, size: small), named: "comebacks-cause-80x24")
        _ = reduce(&s, .keyPressed(.down))
        _ = reduce(&s, .keyPressed(.enter))
        assertSnapshot(ConsoleView.render(s, size: small), named: "comebacks-technician-80x24")
    }

    @Test func dismissingAsksForAReason() {
        var s = comebacksState()
        _ = reduce(&s, .keyPressed(.character("x")))
        for c in "客户新问题" { _ = reduce(&s, .keyPressed(.character(c))) }
        assertSnapshot(ConsoleView.render(s, size: small), named: "comebacks-dismiss-80x24")
    }

    @Test func reportsShowTilesTrendAndATable() {
        assertSnapshot(ConsoleView.render(reportsState(), size: small), named: "reports-80x24")
        assertSnapshot(ConsoleView.render(reportsState(language: .en), size: small), named: "reports-en-80x24")
        var en = reportsState(language: .en)
        _ = reduce(&en, .keyPressed(.character("t")))
        assertSnapshot(ConsoleView.render(en, size: large), named: "reports-en-advisors-120x40")
        _ = reduce(&en, .keyPressed(.character("t")))
        _ = reduce(&en, .keyPressed(.character("t")))
        assertSnapshot(ConsoleView.render(en, size: large), named: "reports-en-months-120x40")
    }

    @Test func aCustomPeriodIsTyped() {
        var s = reportsState()
        _ = reduce(&s, .keyPressed(.character("c")))
        assertSnapshot(ConsoleView.render(s, size: small), named: "reports-custom-80x24")
    }
}

/// The comebacks panel's decision dialogs (the shared picker and prompt widgets).
@Suite struct ComebackDecisionSnapshotTests {
    @Test func keysOfComebacksAndReports() {
        var s = comebacksState()
        assertHelp(s, panel: .comebacks, mode: "list")
        _ = reduce(&s, .keyPressed(.character("c")))
        assertHelp(s, panel: .comebacks, mode: "dialog-choice")
        _ = reduce(&s, .keyPressed(.escape))
        _ = reduce(&s, .keyPressed(.character("x")))
        assertHelp(s, panel: .comebacks, mode: "dialog-reason")
        var r = reportsState()
        assertHelp(r, panel: .reports, mode: "card")
        _ = reduce(&r, .keyPressed(.character("c")))
        assertHelp(r, panel: .reports, mode: "dialog-period")
    }

    @Test func rootCauseTechnicianAndDismissReason() {
        var s = comebacksState()
        _ = reduce(&s, .keyPressed(.character("c")))
        _ = reduce(&s, .keyPressed(.down))
        assertSnapshot(ConsoleView.render(s, size: Size(width: 80, height: 24)), named: "comeback-root-cause-80x24")
        _ = reduce(&s, .keyPressed(.enter))
        assertSnapshot(ConsoleView.render(s, size: Size(width: 80, height: 24)), named: "comeback-technician-80x24")
        _ = reduce(&s, .keyPressed(.escape))
        _ = reduce(&s, .keyPressed(.character("x")))
        for ch in "新问题" { _ = reduce(&s, .keyPressed(.character(ch))) }
        assertSnapshot(ConsoleView.render(s, size: Size(width: 80, height: 24)), named: "comeback-dismiss-reason-80x24")
    }
}
