import Foundation
import Testing
@testable import ServiceDomain

private let zone = TimeZone(identifier: "Asia/Shanghai")!
private let nov22 = Date(timeIntervalSince1970: 1_795_309_200)  // 2026-11-22 09:00 Shanghai
private func day(_ n: Double) -> Date { nov22.addingTimeInterval(n * 86_400) }

@Suite struct FTFRTests {
    /// Ten visits: technicians 1 and 2, advisors 10 and 11; two confirmed comebacks.
    private var visits: [RepairVisit] {
        var v: [RepairVisit] = []
        for i in 0..<6 {
            v.append(RepairVisit(repairOrderID: RowID(i), advisorID: 10, technicianIDs: [1], categories: [.brakes],
                                 deliveredAt: day(-Double(i))))
        }
        for i in 6..<10 {
            v.append(RepairVisit(repairOrderID: RowID(i), advisorID: 11, technicianIDs: [2], categories: [.engine],
                                 deliveredAt: day(-30 - Double(i))))
        }
        v[0].confirmedComeback = true
        v[0].responsibleTechnicianID = 1
        v[6].confirmedComeback = true
        v[6].responsibleTechnicianID = 2
        v[6].technicianIDs = [1, 2]  // both worked it; the lead blamed technician 2
        return v
    }

    @Test func ftfrAndComebackRateByEveryDimension() {
        let f = FTFRFigures.compute(visits, timeZone: zone)
        #expect(f.overall.visits == 10 && f.overall.comebacks == 2)
        #expect(f.overall.firstTimeFixRate == 0.8 && f.overall.comebackRate == 0.2)
        #expect(f.byTechnician[1] == RateRow(key: "1", visits: 7, comebacks: 1))
        #expect(f.byTechnician[2] == RateRow(key: "2", visits: 4, comebacks: 1))
        #expect(f.byTechnician[2]?.firstTimeFixRate == 0.75)
        #expect(f.byAdvisor[10]?.comebacks == 1 && f.byAdvisor[10]?.visits == 6)
        #expect(f.byCategory[.engine] == RateRow(key: "engine", visits: 4, comebacks: 1))
        // Six delivered in November (days 0…-5 from the 22nd), four in October.
        #expect(f.byMonth["2026-11"]?.visits == 6 && f.byMonth["2026-10"]?.visits == 4)
        #expect(f.byMonth["2026-10"]?.comebacks == 1)
    }

    /// The month of each visit is cached from one visit to the next; at the shop's midnight between two
    /// months (16:00 UTC in Shanghai), in any order, it must still be the calendar's month.
    @Test func monthsAreTheShopsMonthsAtTheBoundaryInAnyOrder() {
        let midnight = Date(timeIntervalSince1970: 1_793_462_400)  // 2026-11-01 00:00 Shanghai
        let dates = [-86_400.0, -1, -0.001, 0, 0.001, 1, 86_400 * 30, 86_400 * 31, -86_400 * 31].map(midnight.addingTimeInterval)
        for order in [dates, dates.reversed(), dates.sorted()] {
            let visits = order.enumerated().map { RepairVisit(repairOrderID: RowID($0.offset), advisorID: nil, technicianIDs: [],
                                                              categories: [], deliveredAt: $0.element) }
            var expected: [String: Int] = [:]
            for d in order { expected[FTFRFigures.monthKey(d, timeZone: zone), default: 0] += 1 }
            let f = FTFRFigures.compute(visits, timeZone: zone)
            #expect(f.byMonth.mapValues(\.visits) == expected)
        }
        #expect(FTFRFigures.monthKey(midnight, timeZone: zone) == "2026-11")
        #expect(FTFRFigures.monthKey(midnight.addingTimeInterval(-0.001), timeZone: zone) == "2026-10")
    }

    @Test func noVisitsGiveNoRateRatherThanZero() {
        let f = FTFRFigures.compute([], timeZone: zone)
        #expect(f.overall.firstTimeFixRate == nil && f.overall.comebackRate == nil)
    }

    @Test func aBlamedTechnicianWhoDidNotWorkTheOrderStillCarriesIt() {
        let v = [RepairVisit(repairOrderID: 1, advisorID: nil, technicianIDs: [1], categories: [], deliveredAt: nov22,
                             confirmedComeback: true, responsibleTechnicianID: 3)]
        let f = FTFRFigures.compute(v, timeZone: zone)
        #expect(f.byTechnician[1]?.comebacks == 0 && f.byTechnician[3]?.comebacks == 1)
    }

    @Test func deliveryTimingCountsOnTimeAndAverageHours() {
        let t = KPIReport.timing([
            DeliveryTiming(openedAt: day(0), promisedAt: day(0.5), deliveredAt: day(0.25), fromAppointment: true),
            DeliveryTiming(openedAt: day(0), promisedAt: day(0.5), deliveredAt: day(0.5), fromAppointment: false),
            DeliveryTiming(openedAt: day(0), promisedAt: day(0.5), deliveredAt: day(1.5), fromAppointment: false),
        ])
        #expect(t.onTime == 2)
        let expected: Double = 54.0 / 3
        #expect(t.averageHours == expected)
        #expect(KPIReport.timing([]).averageHours == nil)
    }

    @Test func kpiTilesCompareWithTargetsInTheRightDirection() {
        var follow = FollowUpFigures()
        follow.callbacksDue = 10
        follow.completedWithinWindow = 9
        let ftfr = FTFRFigures.compute(visits, timeZone: zone)
        let period = ReportPeriod.parse("2026-11", timeZone: zone)!
        let report = KPIReport(period: period, ftfr: ftfr, followUp: follow, ordersOpened: 20, ordersFromAppointments: 10,
                               delivered: 4, deliveredOnTime: 4, averageHoursInWorkshop: 30, noShows: 1,
                               appointmentsConcluded: 20, trend: [])
        let table = ReportTables.kpis(report, targets: KPITargets(), language: .en)
        #expect(table.rows[0] == ["First-time fix", "80.0%", "≥ 95.0%", "10"])
        #expect(table.missesTarget[0])           // FTFR 80 % < 95 %
        #expect(table.missesTarget[1])           // comeback rate 20 % > 5 %
        #expect(table.rows[2][1] == "90.0%" && table.missesTarget[2])
        #expect(table.rows[3][1] == "—" && !table.missesTarget[3])  // no scores: no judgement
        #expect(table.rows[5][1] == "100.0%" && !table.missesTarget[5])
        #expect(table.missesTarget[6])           // 30 h > 24 h
        #expect(table.rows[7][1] == "50.0%" && !table.missesTarget[7])
        #expect(table.rows[8][1] == "5.0%" && !table.missesTarget[8])
    }

    @Test func periodsParseShiftAndLabel() {
        let month = ReportPeriod.parse("2026-11", timeZone: zone)!
        #expect(month.kind == .month && month.end.timeIntervalSince(month.start) == 30 * 86_400)
        #expect(month.shifted(by: -1, timeZone: zone).label(timeZone: zone) == "2026-10")
        #expect(month.shifted(by: 2, timeZone: zone).label(timeZone: zone) == "2027-01")
        let week = ReportPeriod.containing(nov22, kind: .week, timeZone: zone)
        #expect(week.label(timeZone: zone) == "2026-11-16..2026-11-22")  // Monday to Sunday
        let custom = ReportPeriod.parse("2026-11-01..2026-11-15", timeZone: zone)!
        #expect(custom.kind == .custom && custom.end.timeIntervalSince(custom.start) == 15 * 86_400)
        #expect(ReportPeriod.parse("2026-11-22", timeZone: zone)?.kind == .day)
        for bad in ["", "2026-13", "11-2026", "2026-11-15..2026-11-01", "abc"] {
            #expect(ReportPeriod.parse(bad, timeZone: zone) == nil, "\(bad)")
        }
    }

    @Test func csvQuotesAndDefusesFormulas() {
        let t = ReportTable(kind: .technicians, title: Message(zh: "x", en: "x"), header: ["Name", "Rate"],
                            rows: [["王, 师傅", "90.0%"], ["=HYPERLINK(\"x\")", "-"], ["a\u{1B}[31mb", "-5"]])
        #expect(t.csv() == "Name,Rate\r\n\"王, 师傅\",90.0%\r\n\"'=HYPERLINK(\"\"x\"\")\",'-\r\nab,-5\r\n")
    }

    @Test func textReportAlignsAndDrawsTheTrend() {
        let trend = [RateRow(key: "2026-10", visits: 10, comebacks: 1), RateRow(key: "2026-11", visits: 4, comebacks: 0)]
        let period = ReportPeriod.parse("2026-11", timeZone: zone)!
        let report = KPIReport(period: period, ftfr: FTFRFigures.compute([], timeZone: zone), followUp: FollowUpFigures(),
                               ordersOpened: 0, ordersFromAppointments: 0, delivered: 0, deliveredOnTime: 0,
                               averageHoursInWorkshop: nil, noShows: 0, appointmentsConcluded: 0, trend: trend)
        let text = ReportTables.text([ReportTables.rates(.months, report, names: [:], language: .en)], period: "2026-11",
                                     language: .en)
        #expect(text.contains("2026-10      10          1   90.0%          10.0%  ##################\n"))
        #expect(text.contains("2026-11       4          0  100.0%           0.0%  ####################\n"))
    }
}
