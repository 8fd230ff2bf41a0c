import Foundation
import ServiceDomain
import Testing
@testable import ServiceStore

/// A car whose brakes were repaired (minor repair, technician 王师傅) and delivered six days ago.
private struct ComebackShop {
    let db: AppDatabase
    let lead: Operator
    let advisor: Operator
    let manager: Operator
    let wang: Staff
    let zhao: Staff
    let owner: Customer
    let car: Vehicle
    let earlierID: RowID
    let delivered: Date

    init(_ folder: TempFolder) throws {
        db = try Fixture.open(folder)
        let setup = Operator(staffID: nil, name: "setup")
        let now = Fixture.morning
        lead = try db.saveStaff(Staff(login: "lead", name: "刘主管", roles: [.workshopLead]), operator: setup, now: now).asOperator
        let a = try db.saveStaff(Staff(login: "lina", name: "李娜", roles: [.advisor]), operator: setup, now: now)
        advisor = a.asOperator
        manager = try db.saveStaff(Staff(login: "zheng", name: "郑经理", roles: [.manager]), operator: setup, now: now).asOperator
        wang = try db.saveStaff(Staff(login: "wang", name: "王师傅", roles: [.technician]), operator: setup, now: now)
        zhao = try db.saveStaff(Staff(login: "zhao", name: "赵师傅", roles: [.technician]), operator: setup, now: now)
        owner = try Fixture.customer(db, "王芳", phones: ["13812345678"])
        car = try Fixture.vehicle(db, owner: owner, plate: "粤A12345")
        delivered = now.addingTimeInterval(-6 * 86_400)
        earlierID = try Self.load(db, owner: owner, car: car, number: "RO-20261116-0001", opened: delivered.addingTimeInterval(-5 * 3600),
                                  delivered: delivered, km: 10_000, category: .brakes, technician: wang.id!, advisor: a.id!)[0]
    }

    /// A delivered repair loaded as history.
    @discardableResult
    static func load(_ db: AppDatabase, owner: Customer, car: Vehicle, number: String, opened: Date, delivered: Date, km: Int,
                     category: ConcernCategory, technician: RowID, advisor: RowID?,
                     repairClass: RepairClass = .minorRepair) throws -> [RowID] {
        var ro = Fixture.repairOrder(customer: owner, vehicle: car, openedAt: opened, mileage: km)
        ro.number = number
        ro.serviceType = .repair
        ro.repairClass = repairClass
        ro.stage = .delivered
        ro.closedAt = delivered
        ro.promisedAt = opened.addingTimeInterval(6 * 3600)
        ro.advisorID = advisor
        return try db.bulkLoadRepairOrders([BulkRepairOrder(
            order: ro, concerns: [Concern(repairOrderID: 0, text: "刹车异响", category: category)],
            jobs: [Job(repairOrderID: 0, description: "更换刹车片", technicianID: technician, status: .done)])],
            operator: Operator(staffID: nil, name: "history"), now: opened)
    }

    /// The car checks in again now with `category`.
    func checkIn(_ category: ConcernCategory, km: Int = 10_400, at: Date = Fixture.morning) throws -> RepairOrder {
        var ro = Fixture.repairOrder(customer: owner, vehicle: car, openedAt: at, mileage: km)
        ro.serviceType = .repair
        ro.repairClass = .minorRepair
        return try db.createRepairOrder(ro, concerns: [Concern(repairOrderID: 0, text: "刹车还是响", category: category)],
                                        jobs: [], operator: advisor, now: at, timeZone: Fixture.shanghai)
    }
}

@Suite struct ComebackStoreTests {
    @Test func aCheckInWithinTheWindowAndTheSameConcernRecordsACandidate() throws {
        let folder = TempFolder()
        let shop = try ComebackShop(folder)
        let later = try shop.checkIn(.brakes)
        let candidate = try #require(try shop.db.recordCheckInComeback(repairOrderID: later.id!, operator: shop.advisor,
                                                                      now: Fixture.morning))
        #expect(candidate.earlierRepairOrderID == shop.earlierID && candidate.laterRepairOrderID == later.id)
        #expect(candidate.source == .checkIn && candidate.status == .candidate)
        // Recording twice does not duplicate it.
        #expect(try shop.db.recordCheckInComeback(repairOrderID: later.id!, operator: shop.advisor, now: Fixture.morning) == nil)
        let list = try shop.db.comebackListings(now: Fixture.morning, timeZone: Fixture.shanghai)
        #expect(list.count == 1)
        #expect(list[0].earlierNumber == "RO-20261116-0001" && list[0].plate == "粤A12345")
        #expect(list[0].technicians.map(\.name) == ["王师傅"])
        #expect(list[0].technicianRates.isEmpty)  // read per listing, when the panel selects it
        #expect(try shop.db.technicianRates(for: list[0], timeZone: Fixture.shanghai)
            == [shop.wang.id!: RateRow(key: "\(shop.wang.id!)", visits: 1, comebacks: 0)])
        #expect(list[0].counters.repairsByCategory[.brakes] == 2)
        #expect(list[0].window == WarrantyWindow(kilometres: 2_000, days: 10))
    }

    @Test func aDifferentConcernOrAnExpiredWindowIsNoCandidate() throws {
        let folder = TempFolder()
        let shop = try ComebackShop(folder)
        let engine = try shop.checkIn(.engine)
        #expect(try shop.db.recordCheckInComeback(repairOrderID: engine.id!, operator: shop.advisor, now: Fixture.morning) == nil)
        // 2,001 km after the delivery: the minor repair's window closed on the km limit first.
        let far = try shop.checkIn(.brakes, km: 12_001, at: Fixture.morning.addingTimeInterval(3600))
        #expect(try shop.db.recordCheckInComeback(repairOrderID: far.id!, operator: shop.advisor, now: Fixture.morning) == nil)
    }

    @Test func aFollowUpFlagIsLinkedWhenTheCarComesBack() throws {
        let folder = TempFolder()
        let shop = try ComebackShop(folder)
        let flagged = try shop.db.saveComeback(Comeback(earlierRepairOrderID: shop.earlierID, laterRepairOrderID: nil,
                                                        source: .followUp, createdAt: shop.delivered),
                                               operator: shop.advisor, now: shop.delivered)
        let later = try shop.checkIn(.brakes)
        let linked = try #require(try shop.db.recordCheckInComeback(repairOrderID: later.id!, operator: shop.advisor,
                                                                   now: Fixture.morning))
        #expect(linked.id == flagged.id && linked.source == .followUp && linked.laterRepairOrderID == later.id)
    }

    @Test func onlyTheWorkshopLeadConfirmsAndTheTechniciansFTFRDrops() throws {
        let folder = TempFolder()
        let shop = try ComebackShop(folder)
        let later = try shop.checkIn(.brakes)
        let c = try #require(try shop.db.recordCheckInComeback(repairOrderID: later.id!, operator: shop.advisor, now: Fixture.morning))
        let period = ReportPeriod.parse("2026-11", timeZone: Fixture.shanghai)!
        let before = try shop.db.kpiReport(period: period, timeZone: Fixture.shanghai)
        #expect(before.ftfr.byTechnician[shop.wang.id!]?.firstTimeFixRate == 1.0)
        #expect(throws: PermissionError.self) {
            try shop.db.confirmComeback(id: c.id!, version: c.version, rootCause: .workmanship, technicianID: shop.wang.id!,
                                        operator: shop.advisor, now: Fixture.morning)
        }
        #expect(try shop.db.comeback(id: c.id!)?.status == .candidate)
        let done = try shop.db.confirmComeback(id: c.id!, version: c.version, rootCause: .workmanship,
                                               technicianID: shop.wang.id!, operator: shop.lead, now: Fixture.morning)
        #expect(done.status == .confirmed && done.decidedByID == shop.lead.staffID)
        // A stale version is refused.
        #expect(throws: StoreError.self) {
            try shop.db.dismissComeback(id: c.id!, version: c.version, reason: "x", operator: shop.lead, now: Fixture.morning)
        }
        let after = try shop.db.kpiReport(period: period, timeZone: Fixture.shanghai)
        #expect(after.ftfr.byTechnician[shop.wang.id!] == RateRow(key: "\(shop.wang.id!)", visits: 1, comebacks: 1))
        #expect(after.ftfr.overall.comebackRate == 1.0)
        #expect(after.trend.last == RateRow(key: "2026-11", visits: 1, comebacks: 1))
        #expect(try shop.db.warrantyCounters(vehicleID: shop.car.id!, now: Fixture.morning).failuresByCategory == [.brakes: 1])
    }

    @Test func dismissingKeepsTheReasonAndLeavesFTFRAlone() throws {
        let folder = TempFolder()
        let shop = try ComebackShop(folder)
        let later = try shop.checkIn(.brakes)
        let c = try #require(try shop.db.recordCheckInComeback(repairOrderID: later.id!, operator: shop.advisor, now: Fixture.morning))
        let done = try shop.db.dismissComeback(id: c.id!, version: c.version, reason: "客户新问题\u{1B}[2J", operator: shop.manager,
                                               now: Fixture.morning)
        #expect(done.status == .dismissed && done.reason == "客户新问题")
        let report = try shop.db.kpiReport(period: .parse("2026-11", timeZone: Fixture.shanghai)!, timeZone: Fixture.shanghai)
        #expect(report.ftfr.overall.comebacks == 0)
    }

    @Test func theLeadsSearchFindsUnflaggedVisitsAndLinksNeedTheWindow() throws {
        let folder = TempFolder()
        let shop = try ComebackShop(folder)
        _ = try shop.checkIn(.brakes)
        #expect(throws: PermissionError.self) { try shop.db.searchComebackCandidates(operator: shop.advisor, now: Fixture.morning) }
        #expect(try shop.db.searchComebackCandidates(operator: shop.lead, now: Fixture.morning) == 1)
        #expect(try shop.db.searchComebackCandidates(operator: shop.lead, now: Fixture.morning) == 0)
        // A different concern can be linked by hand inside the window, not outside it.
        let engine = try shop.checkIn(.engine, at: Fixture.morning.addingTimeInterval(600))
        let linked = try shop.db.linkComeback(earlierNumber: "RO-20261116-0001", laterNumber: engine.number, operator: shop.lead,
                                              now: Fixture.morning)
        #expect(linked.source == .leadSearch && linked.laterRepairOrderID == engine.id)
        let late = try shop.checkIn(.engine, at: Fixture.morning.addingTimeInterval(5 * 86_400))
        #expect(throws: ComebackLinkError.outsideWindow("RO-20261116-0001")) {
            try shop.db.linkComeback(earlierNumber: "RO-20261116-0001", laterNumber: late.number, operator: shop.lead,
                                     now: Fixture.morning)
        }
        #expect(throws: ComebackLinkError.unknownOrder("RO-X")) {
            try shop.db.linkComeback(earlierNumber: "RO-X", laterNumber: late.number, operator: shop.lead, now: Fixture.morning)
        }
    }

    @Test func theMonthsReportCountsDeliveriesAppointmentsAndFollowUps() throws {
        let folder = TempFolder()
        let shop = try ComebackShop(folder)
        // A second delivered repair, late (promised 6 h after opening, delivered 30 h after), worked by 赵师傅.
        let opened = Fixture.morning.addingTimeInterval(-3 * 86_400)
        try ComebackShop.load(shop.db, owner: shop.owner, car: shop.car, number: "RO-20261119-0001", opened: opened,
                              delivered: opened.addingTimeInterval(30 * 3600), km: 10_200, category: .engine,
                              technician: shop.zhao.id!, advisor: nil)
        let report = try shop.db.kpiReport(period: .parse("2026-11", timeZone: Fixture.shanghai)!, timeZone: Fixture.shanghai)
        #expect(report.ftfr.overall.visits == 2 && report.delivered == 2 && report.deliveredOnTime == 1)
        #expect(report.averageHoursInWorkshop == 17.5)  // (5 + 30) / 2
        #expect(report.ordersOpened == 2 && report.ordersFromAppointments == 0)
        #expect(report.trend.count == 6 && report.trend.first?.key == "2026-06")
        let october = try shop.db.kpiReport(period: .parse("2026-10", timeZone: Fixture.shanghai)!, timeZone: Fixture.shanghai)
        #expect(october.ftfr.overall.visits == 0 && october.ftfr.overall.firstTimeFixRate == nil)
    }

    @Test func shopSettingsChangeTheWindowsAndTargets() throws {
        let folder = TempFolder()
        let shop = try ComebackShop(folder)
        try shop.db.setSetting(key: "comeback.minor.km", value: "300", operator: shop.manager, now: Fixture.morning)
        try shop.db.setSetting(key: "kpi.target.firstTimeFixRate", value: "0.9", operator: shop.manager, now: Fixture.morning)
        #expect(try shop.db.comebackSettings().minor == WarrantyWindow(kilometres: 300, days: 10))
        #expect(try shop.db.kpiTargets().firstTimeFixRate == 0.9)
        let later = try shop.checkIn(.brakes)  // 400 km since the delivery
        #expect(try shop.db.recordCheckInComeback(repairOrderID: later.id!, operator: shop.advisor, now: Fixture.morning) == nil)
    }
}
