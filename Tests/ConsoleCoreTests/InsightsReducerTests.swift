import Foundation
import ScreenKit
import ServiceDomain
import Testing
@testable import ConsoleCore

private let now = Date(timeIntervalSince1970: 1_795_327_500) // 2026-11-22 14:05 in Shanghai
private let zone = TimeZone(identifier: "Asia/Shanghai")!

private func candidate(_ id: RowID, status: ComebackStatus = .candidate) -> ComebackListing {
    ComebackListing(comeback: Comeback(id: id, earlierRepairOrderID: 1, laterRepairOrderID: 2, source: .checkIn, status: status,
                                       createdAt: now, version: 3),
                    earlierNumber: "RO-1", earlierClass: .minorRepair, earlierDeliveredAt: now, earlierCategories: [.brakes],
                    earlierConcern: "", laterNumber: "RO-2", laterOpenedAt: now, laterCategories: [.brakes], laterConcern: "",
                    plate: "粤A12345", model: "", technicians: [StaffChoice(id: 7, name: "刘德明", skillLevel: 4)],
                    counters: WarrantyCounters.compute([], warrantyEnd: nil, warrantyEndKm: nil, now: now))
}

private func comebacks() -> AppState {
    var s = AppState(language: .zhHans, shopName: "店", operatorName: "刘主管", now: now, timeZone: zone)
    #expect(reduce(&s, .keyPressed(.function(8))) == [.insights(.loadComebacks)])
    _ = reduce(&s, .insights(.comebacksLoaded([candidate(5), candidate(6, status: .confirmed)],
                                              technicians: [StaffChoice(id: 8, name: "赵磊", skillLevel: 3),
                                                            StaffChoice(id: 7, name: "刘德明", skillLevel: 4)])))
    return s
}

@Suite struct InsightsReducerTests {
    @Test func ratesAreAskedForTheSelectedListingOnceAndKeptUntilSomethingChanges() {
        var s = AppState(language: .zhHans, shopName: "店", operatorName: "刘主管", now: now, timeZone: zone)
        _ = reduce(&s, .keyPressed(.function(8)))
        let list = [candidate(5), candidate(6, status: .confirmed)]
        #expect(reduce(&s, .insights(.comebacksLoaded(list, technicians: []))) == [.insights(.loadRates(list[0]))])
        let rates = [RowID(7): RateRow(key: "7", visits: 24, comebacks: 1)]
        #expect(reduce(&s, .insights(.ratesLoaded(comebackID: 5, rates: rates))) == [])
        #expect(s.insights.selectedComeback?.technicianRates == rates)
        #expect(reduce(&s, .keyPressed(.down)) == [.insights(.loadRates(list[1]))])
        #expect(reduce(&s, .keyPressed(.up)) == [])  // already read
        // The list reloads (another terminal): rates are read again, as they may have moved.
        _ = reduce(&s, .storeChangedElsewhere)
        #expect(reduce(&s, .insights(.comebacksLoaded(list, technicians: []))) == [.insights(.loadRates(list[0]))])
        _ = reduce(&s, .insights(.ratesLoaded(comebackID: 5, rates: rates)))
        // Away to another panel and back: changes made meanwhile are not seen by the poll here, so re-read.
        _ = reduce(&s, .keyPressed(.function(2)))
        #expect(reduce(&s, .keyPressed(.function(8))) == [.insights(.loadComebacks)])
        #expect(reduce(&s, .insights(.comebacksLoaded(list, technicians: []))) == [.insights(.loadRates(list[0]))])
    }

    @Test func confirmingWalksRootCauseThenTechnicianAndSendsTheDecision() {
        var s = comebacks()
        _ = reduce(&s, .keyPressed(.character("c")))
        #expect(s.insights.decision?.step == .rootCause)
        // The earlier order's technician comes first, then the others, without repeats.
        #expect(s.insights.decision?.technicians.map(\.id) == [7, 8])
        #expect(InsightsFeature.isTyping(s))  // digits and letters stay in the dialog
        _ = reduce(&s, .keyPressed(.down))
        _ = reduce(&s, .keyPressed(.enter))
        #expect(s.insights.decision?.step == .technician(.workmanship))
        _ = reduce(&s, .keyPressed(.down))
        let effects = reduce(&s, .keyPressed(.enter))
        #expect(effects == [.insights(.confirm(id: 5, version: 3, cause: .workmanship, technicianID: 8))])
        let after = reduce(&s, .insights(.decided(InsightsStrings.confirmed)))
        #expect(s.insights.decision == nil && s.status?.kind == .ok)
        #expect(after.contains(.insights(.loadComebacks)))
    }

    @Test func dismissingNeedsAReason() {
        var s = comebacks()
        _ = reduce(&s, .keyPressed(.character("x")))
        #expect(reduce(&s, .keyPressed(.enter)).isEmpty)
        #expect(s.status?.kind == .error)
        for c in "新问题" { _ = reduce(&s, .keyPressed(.character(c))) }
        #expect(InsightsFeature.hasUnsavedInput(s))
        #expect(reduce(&s, .keyPressed(.enter)) == [.insights(.dismiss(id: 5, version: 3, reason: "新问题"))])
    }

    @Test func aDecidedComebackCannotBeReopenedAndEscCloses() {
        var s = comebacks()
        _ = reduce(&s, .keyPressed(.down))
        _ = reduce(&s, .keyPressed(.enter))
        #expect(s.insights.decision == nil && s.status?.kind == .warning)
        _ = reduce(&s, .keyPressed(.up))
        _ = reduce(&s, .keyPressed(.enter))
        #expect(InsightsFeature.back(&s) && s.insights.decision == nil)
        #expect(reduce(&s, .keyPressed(.character("s"))) == [.insights(.searchCandidates)])
    }

    @Test func aFailedDecisionClosesTheDialogAndReloads() {
        var s = comebacks()
        _ = reduce(&s, .keyPressed(.enter))
        let effects = reduce(&s, .insights(.failed(Message(zh: "无权", en: "Not allowed"))))
        #expect(s.insights.decision == nil && s.status?.kind == .error && effects == [.insights(.loadComebacks)])
    }

    @Test func theReportsPeriodMovesByDayWeekMonthAndCustom() {
        var s = AppState(language: .zhHans, shopName: "店", operatorName: "郑经理", now: now, timeZone: zone)
        let month = ReportPeriod.parse("2026-11", timeZone: zone)!
        #expect(reduce(&s, .keyPressed(.function(9))) == [.insights(.loadReport(month))])
        #expect(reduce(&s, .keyPressed(.left)) == [.insights(.loadReport(ReportPeriod.parse("2026-10", timeZone: zone)!))])
        _ = reduce(&s, .keyPressed(.character("w")))
        #expect(s.insights.period?.label(timeZone: zone) == "2026-09-28..2026-10-04")
        _ = reduce(&s, .keyPressed(.character("d")))
        #expect(s.insights.period?.label(timeZone: zone) == "2026-09-28")
        _ = reduce(&s, .keyPressed(.character("c")))
        #expect(InsightsFeature.isTyping(s))
        for _ in 0..<12 { _ = reduce(&s, .keyPressed(.backspace)) }
        for c in "2026-13" { _ = reduce(&s, .keyPressed(.character(c))) }
        #expect(reduce(&s, .keyPressed(.enter)).isEmpty && s.status?.kind == .error)
        for _ in 0..<7 { _ = reduce(&s, .keyPressed(.backspace)) }
        for c in "2026-11-01..2026-11-15" { _ = reduce(&s, .keyPressed(.character(c))) }
        let custom = ReportPeriod.parse("2026-11-01..2026-11-15", timeZone: zone)!
        #expect(reduce(&s, .keyPressed(.enter)) == [.insights(.loadReport(custom))])
        #expect(reduce(&s, .keyPressed(.character("e"))) == [.insights(.exportReport(custom, .zhHans))])
        assertReduce(&s, .keyPressed(.character("t"))) { $0.insights.table = .advisors }
        assertReduce(&s, .keyPressed(.character("e")), effects: [.insights(.exportReport(custom, .zhHans))])
    }
}
