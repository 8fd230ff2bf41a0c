import Foundation
import Testing
@testable import ServiceDomain

private let delivered = Date(timeIntervalSince1970: 1_795_309_200)  // 2026-11-22 09:00 Shanghai
private func days(_ n: Double) -> Date { delivered.addingTimeInterval(n * 86_400) }

@Suite struct ComebackRulesTests {
    private func inWindow(_ cls: RepairClass, afterDays d: Double, km: Int?) -> Bool {
        ComebackRules.isWithinWindow(deliveredAt: delivered, deliveredMileage: 30_000, repairClass: cls, openedAt: days(d),
                                     mileage: km.map { 30_000 + $0 })
    }

    @Test func minorRepairWindowIsTenDaysOrTwoThousandKmWhicheverFirst() {
        #expect(inWindow(.minorRepair, afterDays: 10, km: 2_000))
        #expect(!inWindow(.minorRepair, afterDays: 10 + 1 / 86_400, km: 100))
        #expect(!inWindow(.minorRepair, afterDays: 1, km: 2_001))
        #expect(inWindow(.level1Maintenance, afterDays: 9.9, km: 1_999))
        #expect(inWindow(.specialistRepair, afterDays: 0, km: 0))
        #expect(!inWindow(.specialistRepair, afterDays: 11, km: 10))
    }

    @Test func level2MaintenanceWindowIsThirtyDaysOrFiveThousandKm() {
        #expect(inWindow(.level2Maintenance, afterDays: 30, km: 5_000))
        #expect(!inWindow(.level2Maintenance, afterDays: 30.01, km: 0))
        #expect(!inWindow(.level2Maintenance, afterDays: 2, km: 5_001))
    }

    @Test func majorAssemblyWindowIsHundredDaysOrTwentyThousandKm() {
        #expect(inWindow(.majorAssembly, afterDays: 100, km: 20_000))
        #expect(!inWindow(.majorAssembly, afterDays: 101, km: 500))
        #expect(!inWindow(.majorAssembly, afterDays: 20, km: 20_001))
        // Unknown mileage: days alone decide.
        #expect(inWindow(.majorAssembly, afterDays: 99, km: nil))
    }

    @Test func aVisitBeforeTheDeliveryIsNotInTheWindow() {
        #expect(!inWindow(.minorRepair, afterDays: -0.5, km: 0))
    }

    @Test func windowsAreShopSettings() {
        var settings = ComebackSettings()
        settings.minor = WarrantyWindow(kilometres: 3_000, days: 15)
        #expect(ComebackRules.isWithinWindow(deliveredAt: delivered, deliveredMileage: 0, repairClass: .minorRepair,
                                             openedAt: days(14), mileage: 2_900, settings: settings))
        #expect(!ComebackRules.isWithinWindow(deliveredAt: delivered, deliveredMileage: 0, repairClass: .minorRepair,
                                              openedAt: days(16), mileage: 100, settings: settings))
    }

    @Test func aCandidateNeedsTheSameCarTheWindowAndAnOverlappingConcern() {
        let visits = [
            VisitSummary(repairOrderID: 1, vehicleID: 7, repairClass: .minorRepair, deliveredAt: days(0), mileage: 10_000,
                         categories: [.brakes]),
            VisitSummary(repairOrderID: 2, vehicleID: 7, repairClass: .minorRepair, deliveredAt: days(3), mileage: 10_200,
                         categories: [.brakes, .noise]),
            VisitSummary(repairOrderID: 3, vehicleID: 8, repairClass: .minorRepair, deliveredAt: days(4), mileage: 500,
                         categories: [.brakes]),
            VisitSummary(repairOrderID: 4, vehicleID: 7, repairClass: .minorRepair, deliveredAt: nil, mileage: 10_300,
                         categories: [.brakes]),
        ]
        // The most recently delivered matching visit wins.
        #expect(ComebackRules.candidate(for: 7, openedAt: days(6), mileage: 10_400, categories: [.brakes], earlier: visits)?
            .repairOrderID == 2)
        // Only visit 1 is about the engine? No: neither is; different concern, no candidate.
        #expect(ComebackRules.candidate(for: 7, openedAt: days(6), mileage: 10_400, categories: [.engine], earlier: visits) == nil)
        // Visit 2's window (10 days) is over at day 13.5; visit 1's too.
        #expect(ComebackRules.candidate(for: 7, openedAt: days(13.5), mileage: 10_400, categories: [.brakes], earlier: visits) == nil)
        // Too many km since visit 2, but not since... visit 1 is even further: none.
        #expect(ComebackRules.candidate(for: 7, openedAt: days(5), mileage: 12_300, categories: [.noise], earlier: visits) == nil)
        #expect(ComebackRules.concernsOverlap([.engine], [.brakes], linkedByLead: true))
        #expect(!ComebackRules.concernsOverlap([.engine], [.brakes]))
    }

    @Test func onlyWorkshopLeadsAndAboveMayDecide() throws {
        let candidate = Comeback(id: 1, earlierRepairOrderID: 1, laterRepairOrderID: 2, source: .checkIn, createdAt: delivered)
        for role in [Role.reception, .advisor, .technician] {
            #expect(throws: PermissionError.self) {
                try ComebackRules.confirm(candidate, rootCause: .workmanship, technicianID: 5, by: 9, roles: [role], at: delivered)
            }
            #expect(throws: PermissionError.self) {
                try ComebackRules.dismiss(candidate, reason: "不同故障", by: 9, roles: [role], at: delivered)
            }
        }
        let confirmed = try ComebackRules.confirm(candidate, rootCause: .partFailure, technicianID: 5, by: 9,
                                                  roles: [.workshopLead], at: delivered)
        #expect(confirmed.status == .confirmed && confirmed.rootCause == .partFailure)
        #expect(confirmed.responsibleTechnicianID == 5 && confirmed.decidedByID == 9 && confirmed.decidedAt == delivered)
        #expect(throws: ComebackDecisionError.alreadyDecided(.confirmed)) {
            try ComebackRules.dismiss(confirmed, reason: "x", by: 9, roles: [.manager], at: delivered)
        }
        #expect(throws: ComebackDecisionError.technicianMissing) {
            try ComebackRules.confirm(candidate, rootCause: .workmanship, technicianID: nil, by: 9, roles: [.manager], at: delivered)
        }
        #expect(throws: ComebackDecisionError.reasonMissing) {
            try ComebackRules.dismiss(candidate, reason: "  ", by: 9, roles: [.admin], at: delivered)
        }
        let dismissed = try ComebackRules.dismiss(candidate, reason: " 客户新问题 ", by: 9, roles: [.manager], at: delivered)
        #expect(dismissed.status == .dismissed && dismissed.reason == "客户新问题" && dismissed.rootCause == nil)
    }

    @Test func warrantyCountersAddDaysAndSameProblemRepairsAndFlagEscalation() {
        let repairs = [
            VehicleRepair(openedAt: days(0), closedAt: days(10), mileage: 1_000, isRepair: true, categories: [.engine]),
            VehicleRepair(openedAt: days(20), closedAt: days(32), mileage: 2_000, isRepair: true, categories: [.engine]),
            VehicleRepair(openedAt: days(40), closedAt: days(40.5), mileage: 3_000, isRepair: false, categories: [.maintenance]),
            VehicleRepair(openedAt: days(50), closedAt: nil, mileage: 4_000, isRepair: true, categories: [.engine, .body]),
            VehicleRepair(openedAt: days(60), closedAt: days(61), mileage: 4_100, isRepair: true, categories: [.engine]),
        ]
        let c = WarrantyCounters.compute(repairs, failures: [.engine: 2], warrantyEnd: nil, warrantyEndKm: nil, now: days(57.2))
        // 10 + 12 + 7.2 (still in) + 1 = 30.2 days → 31 started days; the maintenance visit does not count.
        #expect(c.daysInWorkshop == 31 && c.daysWarning)
        #expect(c.repairsByCategory == [.engine: 4, .body: 1])
        #expect(c.repeatedCategories == [.engine])
        #expect(c.escalateCategories == [.engine])
        // After the warranty ended (by km), repairs no longer count.
        let late = WarrantyCounters.compute(repairs, warrantyEnd: nil, warrantyEndKm: 2_500, now: days(57.2))
        #expect(late.daysInWorkshop == 22 && !late.daysWarning && late.repeatedCategories.isEmpty && !late.needsAttention)
    }

    @Test func receptionWarnsWithTheSameWindowRule() {
        func ro(_ id: RowID, cls: RepairClass, closed: Double, km: Int) -> RepairOrder {
            RepairOrder(id: id, number: "RO-\(id)", customerID: 1, vehicleID: 7, advisorID: nil, serviceType: .repair,
                        repairClass: cls, stage: .delivered, openedAt: days(closed - 1), promisedAt: days(closed - 0.5),
                        closedAt: days(closed), mileageIn: km, contactPhone: "13812345678")
        }
        let visits = [ro(1, cls: .majorAssembly, closed: -50, km: 10_000), ro(2, cls: .minorRepair, closed: -12, km: 15_000)]
        // The minor repair's 10 days are over; the major assembly's 100 days are not.
        #expect(ComebackWarning.recentRepair(vehicleID: 7, visits: visits, now: days(0))?.id == 1)
        #expect(ComebackWarning.recentRepair(vehicleID: 7, visits: visits, now: days(0), mileage: 30_001) == nil)
        #expect(ComebackWarning.recentRepair(vehicleID: 7, visits: visits, now: days(-3))?.id == 2)
    }
}
